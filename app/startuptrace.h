// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Start-up trace for the start benchmark (tests/benchmark/startbench.cpp, docs/benchmarks.md "## Start and memory").
// Off unless the environment has LIVYDESK_STARTUP_TRACE: then each phase of the start prints one line on stderr,
//
//   livydesk-startup <µs> <phase> <main thread CPU µs> <process CPU µs>
//
// where <µs> is CLOCK_MONOTONIC (std::chrono::steady_clock), the same clock for every process on the machine, so the
// benchmark can subtract its own time before it started the process; the CPU times (CLOCK_THREAD_CPUTIME_ID,
// CLOCK_PROCESS_CPUTIME_ID, from the exec) tell the app's own work from waiting for a busy machine. Linux only, as the
// benchmark. Off, a mark costs one test of a cached bool.

class QWidget;

namespace LivyDesk::StartupTrace {

/// LIVYDESK_STARTUP_TRACE is set (read once).
bool enabled();
/// Prints the mark when enabled.
void mark(const char *phase);
/// When enabled: marks "first-paint" once `window` (shown, so that it has a native window) has been painted and
/// flushed for the first time, i.e. once the expose or update that painted it has been handled.
void watchFirstPaint(QWidget *window);

} // namespace LivyDesk::StartupTrace
