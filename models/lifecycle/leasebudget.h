// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How long a session may still live, as far as a client can know it: a pure value computed from what the session
// echoes (`ttl`, `idleTimeout`, `heartbeatTimeoutInSecond`), what LivyDesk itself did to it (ActivityLedger) and
// whether LivyDesk's keep-alive runs. LeaseWatch (leasewatch.h) keeps one up to date per open session and warns.
//
// What Livy 0.9 does (apache/livy v0.9.0-incubating, SessionManager.collectGarbage, Session, InteractiveSession,
// InteractiveSessionServlet, SessionHeartbeat; docs/real-livy.md "Lease budget"):
// - A "session gc thread" looks at every session every 60 s (hard-coded `Thread.sleep(60 * 1000)`) and deletes it
//   (stop, then 404) when
//   * idle: now - lastActivity > the session's `idleTimeout` (0.9) or else livy.server.session.timeout (1 h),
//     if livy.server.session.timeout-check (true) — and not while busy if ...timeout-check.skip-busy (false);
//   * lifetime: now - startedOn > the session's `ttl` or else livy.server.session.ttl (8 h), only if
//     livy.server.session.ttl-check (false). startedOn is set when the POST /sessions registers it. On 0.8 `ttl`
//     was the per-session idle timeout instead.
// - lastActivity is set by POST /sessions, POST …/statements, …/statements/{n}/cancel, …/completion,
//   …/connect (and job/add-* calls LivyDesk does not make), and by the REPL going busy -> idle. GETs never.
// - A heartbeat timeout (`heartbeatTimeoutInSecond` > 0) deletes a session no request of any kind reached under
//   /sessions/{id} for that long, checked every livy.server.heartbeat-watchdog.interval (1 min).
// None of the server-wide settings is visible to a client. So every deadline here is a lower bound, "not before":
// the session cannot be reaped by that rule earlier (LivyDesk's own requests reached the server no earlier than
// they were sent, and activity of other clients or of the REPL only moves it later), and where even that cannot
// be known the rule is Unknown with the reason. Nothing is guessed.

#include "livy/capabilities.h"

#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>

namespace Livy {

/// Everything a LeaseBudget is computed from. Times are epoch ms on this computer's clock.
struct LeaseInputs
{
    /// The server's version (Connection::capabilities()): `ttl` is an idle timeout on 0.8 and a lifetime on 0.9.
    ServerCapabilities capabilities;
    QString ttl;             ///< as the session echoes it (or as it was created); empty = none of its own
    QString idleTimeout;     ///< 0.9
    int heartbeatTimeoutInSecond = 0;
    bool ended = false;      ///< the session ended or is gone: no lease left to count
    /// No later than Livy's `startedOn`: when LivyDesk sent the POST /sessions that made it. Unknown for a session
    /// created elsewhere.
    std::optional<qint64> createdMs;
    /// No later than the last activity Livy recorded because of LivyDesk (start of its latest answered POST that
    /// counts as activity).
    std::optional<qint64> lastActivityMs;
    /// No later than the last request LivyDesk got an answer to under /sessions/{id} (the heartbeat).
    std::optional<qint64> lastTouchMs;
    /// LivyDesk's keep-alive interval while it runs (KeepAlive::currentInterval()); empty when it does not run.
    std::optional<std::chrono::milliseconds> keepAliveInterval;
    /// The server's livy.server.session.timeout, only if the user told LivyDesk (clients cannot read it).
    std::optional<std::chrono::milliseconds> serverIdleTimeout;
};

/// Constants of Livy's checkers, with the defaults of 0.9 (overridable for tests).
struct LeasePolicy
{
    /// The session gc thread's period (hard-coded in Livy).
    std::chrono::milliseconds checkInterval{ std::chrono::seconds(60) };
    /// livy.server.heartbeat-watchdog.interval's default; a server may change it.
    std::chrono::milliseconds heartbeatCheckInterval{ std::chrono::seconds(60) };
    /// A keep-alive counts as "on time" until this long after its interval passed without an answered /connect
    /// (its own error backoff is at most 30 s).
    std::chrono::milliseconds keepAliveGrace{ std::chrono::seconds(45) };
};

/// One of the three rules by which Livy ends a session, and what is known about it.
struct LeaseDeadline
{
    enum class Rule { Idle, Lifetime, Heartbeat };
    enum class Status {
        NotApplicable, ///< the rule does not apply to this session (no heartbeat timeout; no lifetime on 0.8)
        Unknown,       ///< it may apply, but when cannot be known: `reason` says why
        KeptAlive,     ///< LivyDesk's keep-alive renews it well within its timeout (and is on time)
        Counting,      ///< the session cannot be ended by this rule before `notBeforeMs`
    };

    Rule rule = Rule::Idle;
    Status status = Status::Unknown;
    /// The timeout that applies (Counting, KeptAlive).
    std::chrono::milliseconds limit{ 0 };
    /// Counting, KeptAlive: the earliest moment Livy may end the session by this rule (epoch ms).
    qint64 notBeforeMs = 0;
    /// Counting: if nothing else touches the session and the server enforces the rule, it is gone by about then
    /// (the next run of Livy's checker after notBeforeMs; stopping a driver takes a few seconds more).
    qint64 byAboutMs = 0;
    /// Unknown: why. Counting: what it depends on that a client cannot see (which server setting).
    QString reason;

    static LeaseDeadline forRule(Rule rule)
    {
        LeaseDeadline d;
        d.rule = rule;
        return d;
    }
    bool operator==(const LeaseDeadline &) const = default;
};

/// How long one session may still live. Only Counting rules give a deadline; the binding one is the earliest.
struct LeaseBudget
{
    LeaseDeadline idle = LeaseDeadline::forRule(LeaseDeadline::Rule::Idle);
    LeaseDeadline lifetime = LeaseDeadline::forRule(LeaseDeadline::Rule::Lifetime);
    LeaseDeadline heartbeat = LeaseDeadline::forRule(LeaseDeadline::Rule::Heartbeat);
    bool ended = false;

    /// The Counting rule with the earliest deadline; nullptr when no rule counts (show nothing then).
    const LeaseDeadline *binding() const;
    bool isKnown() const { return binding() != nullptr; }
    /// The binding rule's notBeforeMs.
    std::optional<qint64> expiresNotBeforeMs() const;
    /// Time left until expiresNotBeforeMs(), never negative; empty when not known.
    std::optional<std::chrono::milliseconds> remaining(qint64 nowMs) const;
    /// One line for a tooltip or a log: "may end from 14:05:10 (lifetime: ttl 90s, if the server enforces
    /// ttl: livy.server.session.ttl-check)", "kept alive by LivyDesk", or "not known: <reason>".
    QString describe(qint64 nowMs) const;

    bool operator==(const LeaseBudget &) const = default;
};

QString leaseRuleName(LeaseDeadline::Rule rule);

/// The budget of one session at `nowMs`.
LeaseBudget computeLeaseBudget(const LeaseInputs &inputs, qint64 nowMs, const LeasePolicy &policy = {});

} // namespace Livy

Q_DECLARE_METATYPE(Livy::LeaseBudget)
