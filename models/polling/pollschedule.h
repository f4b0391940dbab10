// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The polling schedules as pure values: every interval the engine uses comes from one of these, so each can be
// unit-tested and tuned (tests/benchmark measures the statement schedule against other clients'). The pollers
// (poller.h) only decide *which* schedule applies; none of them holds a hard-coded interval.

#include "livy/types.h"

#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace Livy {

/// How soon to look again at something that is running (a statement, the session while it works on one).
///
/// A poll's added latency is at most one interval, so the interval should be small when completion is likely
/// soon, and may grow when the thing has already been running long: the interval is `fraction` of the time it
/// has been running, never below `floor` (so a 50 ms statement is seen within tens of ms) and never above `cap`
/// (which bounds both the worst added latency of long statements and their steady request rate: 200 ms =
/// 5 requests/s).
///
/// Defaults tuned with tests/benchmark (docs/benchmarks.md, "Polling latency"): 30 ms, 10 %, 200 ms.
struct RunningSchedule
{
    std::chrono::milliseconds floor{ 30 };
    double fraction = 0.1;
    std::chrono::milliseconds cap{ 200 };

    std::chrono::milliseconds interval(std::chrono::milliseconds elapsed) const;
};

/// How often an open session is polled (`GET /sessions/{id}/state`) while none of its statements is pending.
struct SessionSchedule
{
    /// Starting, recovering, shutting down: the user waits for the next state.
    RunningSchedule transitional{ std::chrono::milliseconds(250), 0.1, std::chrono::milliseconds(1000) };
    /// Busy with statements this client did not submit (another client, or history still running).
    std::chrono::milliseconds busy{ 1000 };
    /// Ready and nothing to wait for: only to notice expiry or outside activity. With the keep-alive this stays
    /// under one request every 5 s.
    std::chrono::milliseconds idle{ 8000 };

    /// std::nullopt for terminal states: there is nothing left to poll. A state this client does not know starts
    /// like a transitional one and slows down to the idle interval (10 % of the time spent in it).
    std::optional<std::chrono::milliseconds> interval(SessionState state, std::chrono::milliseconds inState) const;
};

/// How often a server's session list is polled: fast right after something happened (a user action or an
/// observed change), slowing down while nothing changes, and never slower than `transitional` while a session
/// is starting or stopping.
struct SessionListSchedule
{
    std::chrono::milliseconds fast{ 1000 };
    std::chrono::milliseconds slow{ 15000 };
    std::chrono::milliseconds transitional{ 2000 };
    /// Interval = growth × time since the last activity, within [fast, slow].
    double growth = 0.25;

    std::chrono::milliseconds interval(std::chrono::milliseconds sinceActivity, bool anyTransitional) const;
};

/// Exponential backoff after failed requests, with bounded jitter so that many clients (or many sessions of
/// one client) do not retry in lockstep after an outage.
struct ErrorBackoff
{
    std::chrono::milliseconds base{ 500 };
    std::chrono::milliseconds cap{ 30000 };
    double factor = 2.0;
    /// Relative spread: the delay is multiplied by a factor in [1 - jitter, 1 + jitter], then capped.
    double jitter = 0.2;

    /// `failures` counts consecutive failures (1 for the first); `unitRandom` is uniform in [0, 1).
    /// The result lies in [min(cap, raw) × (1 - jitter), min(cap, raw × (1 + jitter))] where
    /// raw = base × factor^(failures - 1); it never exceeds cap.
    std::chrono::milliseconds interval(int failures, double unitRandom) const;
};

/// When to send `POST /sessions/{id}/connect` for sessions the user has open. Livy's idle timeout
/// (livy.server.session.timeout, 1 h by default, checked every 60 s) ignores GET polling; /connect counts as
/// activity. The interval is configurable; when the session announces its own idle timeout (0.9 `idleTimeout`,
/// 0.8 `ttl`) a third of it is used if that is shorter.
struct KeepAliveSchedule
{
    std::chrono::milliseconds interval{ std::chrono::minutes(5) };
    std::chrono::milliseconds minimum{ std::chrono::seconds(20) };

    std::chrono::milliseconds intervalFor(std::optional<std::chrono::milliseconds> sessionIdleTimeout) const;
};

/// Livy's time strings (`ttl`, `idleTimeout`): `<n>[us|ms|s|m|min|h|d]`, and no suffix means milliseconds.
/// std::nullopt for anything else (negative, empty, unknown suffix).
std::optional<std::chrono::milliseconds> parseLivyDuration(const QString &text);

/// A list of delays indexed by attempt, the last one repeating: how other clients poll (sparkmagic, pylivy)
/// and a fixed interval (a list of one). Used by the benchmark to replay their schedules.
struct StepSchedule
{
    QList<std::chrono::milliseconds> steps;

    /// `attempt` is 0 for the first poll after submitting.
    std::chrono::milliseconds interval(int attempt) const;
};

} // namespace Livy
