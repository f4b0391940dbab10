# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ctest script: every source file carries the two SPDX lines near its top (within the first 10 lines, so a
# shebang, an XML declaration or a comment opener may come first):
#   SPDX-FileCopyrightText: <year> LivyDesk contributors
#   SPDX-License-Identifier: GPL-3.0-or-later       (AppStream metainfo: CC0-1.0, as AppStream requires)
# Source files: C++, CMake, shell, Python, Qt resource/UI-adjacent text (.qrc, .svg, .in templates, .desktop,
# .xml, .plist, .rc, .nsi/.nsh, .wxs, .toml, .supp, man pages) under the folders below, and every file in scripts/
# and .ci/. Data (JSON fixtures, PNG, ICO, ICNS), Markdown and the Debian copyright/changelog files are not
# source files. Run with -DSOURCE_DIR=<tree>.

if(NOT SOURCE_DIR)
    message(FATAL_ERROR "check_spdx.cmake: pass -DSOURCE_DIR=<source tree>")
endif()

set(folders app models views tests scripts packaging cmake resources .ci)
set(source_regex
    "(^|/)CMakeLists\\.txt$|\\.(cmake|h|hpp|cpp|cc|c|sh|py|qrc|svg|in|desktop|xml|plist|rc|nsi|nsh|wxs|toml|supp|1)$")

set(files "")
foreach(folder IN LISTS folders)
    if(NOT IS_DIRECTORY "${SOURCE_DIR}/${folder}")
        continue()
    endif()
    file(GLOB_RECURSE found LIST_DIRECTORIES false RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/${folder}/*")
    foreach(f IN LISTS found)
        if(f MATCHES "${source_regex}" OR f MATCHES "^(scripts|\\.ci)/[^/]+$")
            list(APPEND files "${f}")
        endif()
    endforeach()
endforeach()
foreach(f CMakeLists.txt GNUmakefile)
    if(EXISTS "${SOURCE_DIR}/${f}")
        list(APPEND files "${f}")
    endif()
endforeach()

set(failures "")
foreach(f IN LISTS files)
    file(STRINGS "${SOURCE_DIR}/${f}" head LIMIT_COUNT 10)
    set(license "GPL-3.0-or-later")
    if(f MATCHES "\\.metainfo\\.xml(\\.in)?$")
        set(license "CC0-1.0")
    endif()
    set(have_copyright FALSE)
    set(have_license FALSE)
    foreach(line IN LISTS head)
        if(line MATCHES "SPDX-FileCopyrightText: [0-9]+(-[0-9]+)? LivyDesk contributors")
            set(have_copyright TRUE)
        endif()
        if(line MATCHES "SPDX-License-Identifier: ${license}( |$|-->)")
            set(have_license TRUE)
        endif()
    endforeach()
    if(NOT have_copyright)
        list(APPEND failures "${f}: no 'SPDX-FileCopyrightText: <year> LivyDesk contributors' line")
    endif()
    if(NOT have_license)
        list(APPEND failures "${f}: no 'SPDX-License-Identifier: ${license}' line")
    endif()
endforeach()

list(LENGTH files n)
if(n EQUAL 0)
    list(APPEND failures "no source files found under ${SOURCE_DIR}")
endif()
if(failures)
    list(JOIN failures "\n  " text)
    message(FATAL_ERROR "SPDX headers missing (every source file starts with the two SPDX lines; see tests/packaging/check_spdx.cmake):\n  ${text}")
endif()
message(STATUS "SPDX headers OK in ${n} files")
