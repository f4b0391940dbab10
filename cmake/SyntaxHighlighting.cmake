# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# KSyntaxHighlighting (KF6) needs Qt >= 6.5. With Qt 6.4 only the built-in highlighter is built.

set(LIVYDESK_HAVE_KSYNTAXHIGHLIGHTING OFF)
if(NOT LIVYDESK_KSYNTAXHIGHLIGHTING STREQUAL "OFF")
    if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
        find_package(KF6SyntaxHighlighting QUIET)
        if(KF6SyntaxHighlighting_FOUND)
            set(LIVYDESK_HAVE_KSYNTAXHIGHLIGHTING ON)
        endif()
    endif()
    if(LIVYDESK_KSYNTAXHIGHLIGHTING STREQUAL "ON" AND NOT LIVYDESK_HAVE_KSYNTAXHIGHLIGHTING)
        message(FATAL_ERROR "LIVYDESK_KSYNTAXHIGHLIGHTING=ON but KF6SyntaxHighlighting was not found "
                            "(it needs Qt >= 6.5; this is Qt ${Qt6_VERSION})")
    endif()
endif()
if(LIVYDESK_HAVE_KSYNTAXHIGHLIGHTING)
    message(STATUS "LivyDesk syntax highlighting: KSyntaxHighlighting ${KF6SyntaxHighlighting_VERSION}")
else()
    message(STATUS "LivyDesk syntax highlighting: built-in highlighter (KF6SyntaxHighlighting not used)")
endif()
