# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE), with CPACK_GENERATOR set to that generator.

# The full GPL text: Debian systems have it as /usr/share/common-licenses/GPL-3, which the DEB's copyright file
# points to (lintian flags a second copy). RPM-based systems and an unpacked TGZ have no such file, so those
# packages carry LICENSE themselves (install component `license`, left out of the default installation).
if(CPACK_GENERATOR STREQUAL "RPM" OR CPACK_GENERATOR STREQUAL "TGZ")
    list(GET CPACK_INSTALL_CMAKE_PROJECTS 0 livydesk_build_dir)
    list(APPEND CPACK_INSTALL_CMAKE_PROJECTS "${livydesk_build_dir}" "LivyDesk license" "license" "/")
endif()
