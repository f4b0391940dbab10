# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The fuzz tests (labels fuzz;unit), included from tests/CMakeLists.txt. fuzz_build configures and builds the
# standalone clang project of this folder into <build>/fuzz (the main build stays GCC); fuzz_<target> then runs
# one libFuzzer target for a bounded time through run-fuzzer (see there, and docs/benchmarks.md "Fuzzing").
#
# Time per target (libFuzzer's -max_total_time), measured on the shared 2-core machine (docs/benchmarks.md): each
# target finds almost all the edges it will find in a short run within its first 5 s (session 736 of the 744 it
# had at 25 s, the output parser 1990 of 2040), and a 60 s run adds at most 7 %. So the flat decoders (version,
# completion: a few string fields; 1 and 5 new edges after the first 5 s) get 10 s, the other decoders 20 s, and
# the three with the most code (error bodies: a dozen regular expressions; the output parser: decoder + parser +
# tables + text; the table result) 25 s: 195 s of fuzzing in all, about 3.5 minutes with the replays and the
# start-up, less with ctest -j2. -DLIVYDESK_FUZZ_SECONDS=N runs every target N seconds instead (a long run by
# hand); so does tests/fuzz/run-fuzzer --time N TARGET.

set(LIVYDESK_FUZZ_SECONDS "" CACHE STRING "Run every fuzz_<target> test this many seconds (empty: the defaults)")

set(livydesk_fuzz_times
    session:20 session_list:20 statement:20 statement_list:20 log_page:20 version:10 completion:10
    error_body:25 output:25 table:25)

add_test(NAME fuzz_build
    COMMAND ${CMAKE_COMMAND}
        -DSOURCE_DIR=${CMAKE_CURRENT_LIST_DIR}
        -DBINARY_DIR=${CMAKE_BINARY_DIR}/fuzz
        -DGENERATOR=${CMAKE_GENERATOR}
        -DMAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}
        -DQT6_DIR=${Qt6_DIR}
        -DVERSION=${PROJECT_VERSION}
        -P ${CMAKE_CURRENT_LIST_DIR}/build-fuzzers.cmake)
set_tests_properties(fuzz_build PROPERTIES FIXTURES_SETUP livydesk_fuzz LABELS "fuzz;unit" TIMEOUT 900)

foreach(entry IN LISTS livydesk_fuzz_times)
    string(REPLACE ":" ";" entry "${entry}")
    list(GET entry 0 target)
    list(GET entry 1 seconds)
    if(LIVYDESK_FUZZ_SECONDS)
        set(seconds ${LIVYDESK_FUZZ_SECONDS})
    endif()
    add_test(NAME fuzz_${target}
        COMMAND ${CMAKE_CURRENT_LIST_DIR}/run-fuzzer --build-dir ${CMAKE_BINARY_DIR}/fuzz --time ${seconds} --fresh
                ${target})
    # libFuzzer stops on its own after `seconds`; the margin covers the replays, the seed corpus and a busy machine.
    math(EXPR timeout "${seconds} + 35")
    set_tests_properties(fuzz_${target} PROPERTIES
        FIXTURES_REQUIRED livydesk_fuzz
        LABELS "fuzz;unit"
        TIMEOUT ${timeout}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${LIVYDESK_SANITIZER_ENV}")
endforeach()
