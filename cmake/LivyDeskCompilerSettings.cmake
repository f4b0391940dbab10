# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Strict Qt defines and warnings for every LivyDesk target, through one interface library.

add_library(livydesk_settings INTERFACE)
add_library(LivyDesk::settings ALIAS livydesk_settings)

target_compile_definitions(livydesk_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    LIVYDESK_VERSION="${PROJECT_VERSION}"
    LIVYDESK_APP_ID="${LIVYDESK_APP_ID}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(livydesk_settings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
        -Woverloaded-virtual -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough)
    if(LIVYDESK_WERROR)
        target_compile_options(livydesk_settings INTERFACE -Werror)
    endif()
    if(LIVYDESK_SANITIZE)
        target_compile_options(livydesk_settings INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(livydesk_settings INTERFACE -fsanitize=address,undefined)
    endif()
elseif(MSVC)
    target_compile_options(livydesk_settings INTERFACE /W4 /permissive- /utf-8)
    if(LIVYDESK_WERROR)
        target_compile_options(livydesk_settings INTERFACE /WX)
    endif()
endif()
