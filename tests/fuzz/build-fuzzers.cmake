# SPDX-FileCopyrightText: 2026 LivyDesk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The ctest fuzz_build: configures and builds the standalone fuzz project (tests/fuzz/CMakeLists.txt) with clang.
#   cmake -DSOURCE_DIR=tests/fuzz -DBINARY_DIR=<build>/fuzz -DGENERATOR=Ninja [-DMAKE_PROGRAM=...] [-DQT6_DIR=...]
#         [-DVERSION=x.y.z] [-DCXX=clang++] -P build-fuzzers.cmake

if(NOT CXX)
    find_program(CXX NAMES clang++ clang++-19 clang++-18 clang++-17 clang++-16 clang++-15 clang++-14)
endif()
if(NOT CXX)
    message(FATAL_ERROR "fuzz_build: clang++ was not found. The fuzz targets need clang and its libFuzzer runtime: "
                        "scripts/install-deps installs them (Debian 12: apt install clang libclang-rt-14-dev).")
endif()

set(configure ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX})
if(MAKE_PROGRAM)
    list(APPEND configure -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
if(QT6_DIR)
    list(APPEND configure -DQt6_DIR=${QT6_DIR})
endif()
if(VERSION)
    list(APPEND configure -DLIVYDESK_VERSION=${VERSION})
endif()
execute_process(COMMAND ${configure} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "fuzz_build: configuring the fuzz targets with ${CXX} failed (see above)")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "fuzz_build: building the fuzz targets failed (see above)")
endif()
