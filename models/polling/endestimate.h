// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the end of a running statement is likely, from the signals the server gives, and how to place polls
// around it. Pure values (no Qt objects, no clocks of their own): times are milliseconds on the caller's clock
// for the statement (SessionPoller's head clock), so both can be unit-tested and replayed by the benchmark.

#include <chrono>
#include <optional>

namespace Livy {

/// The expected end of one running statement.
///
/// Two signals feed it:
/// - Livy's `progress` (the completed share of the tasks of the statement's Spark jobs, 0 while its code runs
///   outside Spark): two samples that moved give a rate, and the end is where that rate reaches 1. Progress that
///   goes back (a new job of the same statement, whose tasks Livy adds to the total) starts a new measurement.
/// - The time left that the Spark UI's task counts give (SparkBreakdown::remainingMs): taken as it is, and
///   preferred while it is the newer of the two.
///
/// No estimate is made from a single sample, from progress that did not move, or from code without Spark jobs
/// (progress 0): then there is no end to aim at and the caller polls blind.
class EndEstimate
{
public:
    using ms = std::chrono::milliseconds;
    enum class Source { None, Progress, Spark };

    void reset() { *this = EndEstimate(); }

    /// Livy's progress of the statement, seen at `at`.
    void addProgress(ms at, double progress);
    /// The Spark UI's time left for the statement, computed at `at`.
    void addRemaining(ms at, ms remaining);

    /// The expected end (on the caller's clock), or nothing when the signals do not say.
    std::optional<ms> end() const;
    Source source() const;

    /// Shortest span between the two progress samples that make an estimate (shorter spans are mostly the
    /// rounding of Livy's progress).
    static constexpr ms MinSpan{ 150 };

private:
    struct Sample
    {
        ms at{ -1 };
        double progress = -1.0;
        bool valid() const { return at.count() >= 0; }
    };
    Sample m_anchor; ///< the first sample of the current measurement
    Sample m_latest;
    std::optional<ms> m_sparkEnd;
    ms m_sparkAt{ -1 };
};

/// How polls are placed once an end is expected (SessionPoller, when its end signals are on).
///
/// Before the window around the expected end: one poll to reach the window's start, but never more than `quiet`
/// apart (each of those fetches the statement, so its progress refines the estimate and an early end is still
/// seen). Within the window (`± max(window, spread × end)`): every `dense`. Past it, the estimate was wrong and
/// the blind schedule applies again.
struct EndSchedule
{
    std::chrono::milliseconds dense{ 20 };
    std::chrono::milliseconds window{ 60 };
    double spread = 0.03;
    std::chrono::milliseconds quiet{ 1000 };

    enum class Phase { Blind, Quiet, Window, Overdue };
    struct Plan
    {
        std::chrono::milliseconds delay{ 0 };
        Phase phase = Phase::Blind;
    };
    /// The next delay at `now` for an expected `end`, where the blind schedule would wait `blind`.
    Plan plan(std::chrono::milliseconds now, std::optional<std::chrono::milliseconds> end,
              std::chrono::milliseconds blind) const;
    std::chrono::milliseconds halfWidth(std::chrono::milliseconds end) const;
};

} // namespace Livy
