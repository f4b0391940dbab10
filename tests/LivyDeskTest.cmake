# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# livydesk_add_test(<name> [SOURCES extra.cpp...] [LIBS lib...] [LABELS label...] [TIMEOUT seconds] [WRAPPER program])
#
# Builds tst_<name>.cpp into one Qt Test executable, links the project libraries (never recompiles their
# sources), and registers it with ctest, offscreen, with test-mode standard paths and a timeout. WRAPPER runs the
# test through a program (e.g. tests/livy/auth/with-keyring).

set(LIVYDESK_SANITIZER_ENV
    "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1"
    "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/sanitizers/lsan.supp:print_suppressions=0"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")

function(livydesk_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT;WRAPPER" "SOURCES;LIBS;LABELS" ${ARGN})
    set(target tst_${name})
    qt_add_executable(${target} tst_${name}.cpp ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE Qt6::Test livydesk_settings ${ARG_LIBS})
    target_compile_definitions(${target} PRIVATE
        LIVYDESK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        LIVYDESK_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures")
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    if(NOT ARG_LABELS)
        set(ARG_LABELS unit)
    endif()
    if(ARG_WRAPPER)
        # ctest turns only a first argument into a target's path: name the file for the wrapper.
        add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${target}>)
    else()
        add_test(NAME ${name} COMMAND ${target})
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_STDERR_LOGGING=1;${LIVYDESK_SANITIZER_ENV}")
endfunction()
