# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ctest script: the project version has release notes everywhere a package shows them, newest first:
# AppStream <releases> (software centres), the Debian changelog and the RPM %changelog.
# Run with -DSOURCE_DIR=<tree> -DVERSION=<project version>.

set(failures "")

file(READ "${SOURCE_DIR}/resources/livydesk.metainfo.xml.in" metainfo)
string(REGEX MATCH "<release version=\"([^\"]+)\" date=\"([0-9-]+)\"" first_release "${metainfo}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    list(APPEND failures "resources/livydesk.metainfo.xml.in: newest <release> is '${CMAKE_MATCH_1}', not ${VERSION}")
endif()
set(release_date "${CMAKE_MATCH_2}")

file(STRINGS "${SOURCE_DIR}/packaging/linux/changelog" deb_first LIMIT_COUNT 1)
if(NOT deb_first MATCHES "^livydesk \\(${VERSION}\\) ")
    list(APPEND failures "packaging/linux/changelog: first entry is '${deb_first}', not livydesk (${VERSION})")
endif()

file(STRINGS "${SOURCE_DIR}/packaging/linux/rpm-changelog" rpm_first LIMIT_COUNT 1)
if(NOT rpm_first MATCHES "^\\* .* - ${VERSION}-[0-9]+$")
    list(APPEND failures "packaging/linux/rpm-changelog: first entry is '${rpm_first}', not version ${VERSION}")
endif()

if(failures)
    list(JOIN failures "\n  " text)
    message(FATAL_ERROR "Release notes are not up to date with the project version:\n  ${text}")
endif()
message(STATUS "release notes OK: ${VERSION} (${release_date}) in AppStream, Debian and RPM changelogs")
