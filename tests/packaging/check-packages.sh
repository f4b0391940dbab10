#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-packages.sh CHECK OUT_DIR [args]: checks on the packages scripts/build-packages wrote to OUT_DIR.
#   lintian                  lintian on the .deb: fails on errors, shows warnings and info
#   rpmlint RPMLINT_TOML     rpmlint on the .rpm with the project's rpmlint settings: fails on errors
#   deb-contents             the .deb's file list, AppStream validate-tree of its unpacked tree, dependencies
#   rpm-contents             the .rpm's file list and its computed requirements
#   tgz                      the .tar.gz tree, and its livydesk --version from the unpacked tree
#   nsis BUILD_DIR           cpack -G NSIS in the release build dir, makensis warnings as errors; checks the .exe
set -euo pipefail

check=${1:?usage: check-packages.sh CHECK OUT_DIR [args]}
out=${2:?usage: check-packages.sh CHECK OUT_DIR [args]}
shift 2

fail() { echo "check-packages $check: FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 not found (scripts/install-deps installs it)"; }
one() { # the single file matching a pattern in OUT_DIR
  local files=("$out"/$1)
  [ -e "${files[0]}" ] || fail "no $1 in $out (did package_build run?)"
  [ ${#files[@]} -eq 1 ] || fail "more than one $1 in $out: ${files[*]}"
  echo "${files[0]}"
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Files every Linux package must carry (relative to the prefix).
expected_files=(
  bin/livydesk
  share/applications/io.github.livydesk.LivyDesk.desktop
  share/metainfo/io.github.livydesk.LivyDesk.metainfo.xml
  share/icons/hicolor/scalable/apps/io.github.livydesk.LivyDesk.svg
  share/icons/hicolor/16x16/apps/io.github.livydesk.LivyDesk.png
  share/icons/hicolor/48x48/apps/io.github.livydesk.LivyDesk.png
  share/icons/hicolor/512x512/apps/io.github.livydesk.LivyDesk.png
  share/man/man1/livydesk.1.gz
  share/doc/livydesk/copyright
  share/doc/livydesk/changelog.gz
)
if [ -n "${LIVYDESK_APP_ID:-}" ]; then
  expected_files=("${expected_files[@]//io.github.livydesk.LivyDesk/$LIVYDESK_APP_ID}")
fi
expect_files() { # LIST_FILE PREFIX
  for f in "${expected_files[@]}"; do
    grep -qx -- "$2$f" "$1" || fail "$2$f is not in the package"
  done
}

case "$check" in
  lintian)
    need lintian
    deb=$(one '*.deb')
    # lintian warns that it runs as root; that is CI's normal user.
    lintian --fail-on error --display-level '>=info' --info "$deb" 2> >(grep -v 'running with root privileges' >&2)
    echo "lintian: no errors in $(basename "$deb")"
    ;;
  rpmlint)
    need rpmlint
    rpm=$(one '*.rpm')
    rpmlint -c "${1:?rpmlint settings file}" "$rpm"
    ;;
  deb-contents)
    need dpkg-deb
    deb=$(one '*.deb')
    dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' > "$tmp/list"
    expect_files "$tmp/list" usr/
    # Debian has the GPL text in /usr/share/common-licenses; the copyright file must point there.
    ! grep -q licenses/livydesk "$tmp/list" || fail "the DEB carries its own copy of the GPL"
    grep -q /usr/share/common-licenses/GPL-3 <(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/livydesk/copyright) \
      || fail "copyright does not refer to /usr/share/common-licenses/GPL-3"
    depends=$(dpkg-deb -f "$deb" Depends)
    echo "Depends: $depends"
    for lib in libqt6core6 libqt6widgets6 libc6 libqt6svg6; do
      [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: shlibdeps did not run?"
    done
    [[ "$depends" != *libasan* && "$depends" != *libubsan* ]] || fail "Depends on a sanitizer runtime"
    dpkg-deb -x "$deb" "$tmp/root"
    need appstreamcli
    # The installed tree as a software centre sees it: metainfo, its .desktop launchable and the icons.
    appstreamcli validate-tree --no-net --strict "$tmp/root"
    need desktop-file-validate
    desktop-file-validate "$tmp/root"/usr/share/applications/*.desktop
    ! readelf -d "$tmp/root/usr/bin/livydesk" | grep -qE 'RPATH|RUNPATH' || fail "usr/bin/livydesk has a run path"
    echo "deb-contents: OK"
    ;;
  rpm-contents)
    need rpm
    rpm=$(one '*.rpm')
    rpm -qpl "$rpm" | sed 's|^/||' > "$tmp/list"
    expect_files "$tmp/list" usr/
    rpm -qpR "$rpm" > "$tmp/requires"
    cat "$tmp/requires"
    grep -q '^libQt6Widgets\.so\.6' "$tmp/requires" || fail "AUTOREQ did not find libQt6Widgets"
    grep -q '^libQt6Svg\.so\.6()(64bit)' "$tmp/requires" || fail "no requirement on the SVG icon engine's library"
    ! grep -qE 'libasan|libubsan' "$tmp/requires" || fail "requires a sanitizer runtime"
    # The GPL text, marked as the licence (Fedora and openSUSE have no /usr/share/common-licenses).
    rpm -qp --qf '[%{FILENAMES} %{FILEFLAGS:fflags}\n]' "$rpm" | grep -qx '/usr/share/licenses/livydesk/LICENSE l' \
      || fail "no %license /usr/share/licenses/livydesk/LICENSE"
    # Directories the distribution owns must not be claimed by this package.
    for d in /usr /usr/bin /usr/share/applications /usr/share/icons/hicolor /usr/share/man/man1 /usr/share/licenses; do
      ! rpm -qpl "$rpm" | grep -qx "$d" || fail "the RPM claims $d"
    done
    echo "rpm-contents: OK"
    ;;
  tgz)
    tgz=$(one '*.tar.gz')
    tar -xzf "$tgz" -C "$tmp"
    top=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d)
    (cd "$top" && find . -type f | sed 's|^\./||') > "$tmp/list"
    expect_files "$tmp/list" ""
    grep -qx share/licenses/livydesk/LICENSE "$tmp/list" || fail "no share/licenses/livydesk/LICENSE (GPL text)"
    version=$(env -u DISPLAY -u WAYLAND_DISPLAY "$top/bin/livydesk" --version) || fail "bin/livydesk --version failed"
    echo "unpacked bin/livydesk --version: $version"
    echo "tgz: OK"
    ;;
  nsis)
    need makensis
    build=${1:?release build dir}
    rm -rf "$out/nsis"
    # -WX: every makensis warning is an error (CPACK_NSIS_DEFINES silences the two from CPack's own template).
    (cd "$build" && cpack -G NSIS -B "$out/nsis" -D CPACK_NSIS_EXECUTABLE_PRE_ARGUMENTS=-WX) \
      || { cat "$out"/nsis/_CPack_Packages/*/NSIS/NSISOutput.log 2>/dev/null | tail -30; fail "cpack -G NSIS failed"; }
    nsi=$(echo "$out"/nsis/_CPack_Packages/*/NSIS/project.nsi)
    exe=$(one 'nsis/*.exe')
    head -c 2 "$exe" | grep -q MZ || fail "$exe is not a Windows executable"
    grep -aq NullsoftInst "$exe" || fail "$exe carries no NSIS installer data"
    grep -q 'CreateShortCut "$SMPROGRAMS\\$STARTMENU_FOLDER\\LivyDesk.lnk" "$INSTDIR\\bin\\livydesk.exe"' "$nsi" \
      || fail "no start-menu shortcut to bin\\livydesk.exe in $nsi"
    grep -q 'WriteUninstaller' "$nsi" || fail "no uninstaller in $nsi"
    ! grep -q 'MUI_PAGE_COMPONENTS' "$nsi" || fail "the installer has a components page (one package expected)"
    grep -q 'MUI_ICON.*livydesk.ico' "$nsi" || fail "installer icon is not livydesk.ico"
    echo "nsis: OK: makensis built $(basename "$exe") ($(stat -c %s "$exe") bytes) with no warnings"
    rm -rf "$out/nsis/_CPack_Packages"
    ;;
  *)
    fail "unknown check"
    ;;
esac
