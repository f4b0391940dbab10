// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "leasebudget.h"

#include "polling/pollschedule.h"

#include <QDateTime>
#include <QVersionNumber>

namespace Livy {

using std::chrono::milliseconds;

namespace {

/// What the server's version says `ttl` means. Known from /version, or from the echo itself: only 0.9 echoes
/// `idleTimeout`.
enum class TtlMeaning { None, Idle, Lifetime, NotKnown };

TtlMeaning ttlMeaning(const LeaseInputs &in)
{
    if (in.capabilities.isKnown()) {
        if (in.capabilities.idleTimeout())
            return TtlMeaning::Lifetime;
        return in.capabilities.ttl() ? TtlMeaning::Idle : TtlMeaning::None;
    }
    if (!in.idleTimeout.isEmpty())
        return TtlMeaning::Lifetime;
    return TtlMeaning::NotKnown;
}

LeaseDeadline unknown(LeaseDeadline::Rule rule, const QString &reason)
{
    LeaseDeadline d;
    d.rule = rule;
    d.status = LeaseDeadline::Status::Unknown;
    d.reason = reason;
    return d;
}

LeaseDeadline notApplicable(LeaseDeadline::Rule rule, const QString &reason)
{
    LeaseDeadline d = unknown(rule, reason);
    d.status = LeaseDeadline::Status::NotApplicable;
    return d;
}

LeaseDeadline counting(LeaseDeadline::Rule rule, qint64 fromMs, milliseconds limit, milliseconds checkInterval,
                       const QString &condition)
{
    LeaseDeadline d;
    d.rule = rule;
    d.status = LeaseDeadline::Status::Counting;
    d.limit = limit;
    d.notBeforeMs = fromMs + limit.count();
    d.byAboutMs = d.notBeforeMs + checkInterval.count();
    d.reason = condition;
    return d;
}

/// A keep-alive renews `limit` in time if its interval leaves room for its grace, and it is on time now.
bool keptAlive(const LeaseInputs &in, qint64 lastMs, milliseconds limit, qint64 nowMs, const LeasePolicy &policy)
{
    if (!in.keepAliveInterval)
        return false;
    const milliseconds period = *in.keepAliveInterval + policy.keepAliveGrace;
    return period < limit && nowMs <= lastMs + period.count();
}

LeaseDeadline idleRule(const LeaseInputs &in, qint64 nowMs, const LeasePolicy &policy)
{
    constexpr auto rule = LeaseDeadline::Rule::Idle;
    std::optional<milliseconds> limit;
    QString source;
    const TtlMeaning meaning = ttlMeaning(in);
    if (!in.idleTimeout.isEmpty()) {
        limit = parseLivyDuration(in.idleTimeout);
        source = QStringLiteral("idleTimeout ") + in.idleTimeout;
        if (!limit)
            return unknown(rule, QStringLiteral("its idleTimeout \"%1\" is not a Livy time").arg(in.idleTimeout));
    } else if (!in.ttl.isEmpty() && meaning == TtlMeaning::Idle) {
        limit = parseLivyDuration(in.ttl);
        source = QStringLiteral("ttl ") + in.ttl + QStringLiteral(" (an idle timeout on Livy 0.8)");
        if (!limit)
            return unknown(rule, QStringLiteral("its ttl \"%1\" is not a Livy time").arg(in.ttl));
    } else if (!in.ttl.isEmpty() && meaning == TtlMeaning::NotKnown) {
        return unknown(rule, QStringLiteral("the server's version is not known yet (ttl is an idle timeout on "
                                            "Livy 0.8, a lifetime on 0.9)"));
    } else if (in.serverIdleTimeout) {
        limit = in.serverIdleTimeout;
        source = QStringLiteral("the server's session timeout, as set in the profile");
    } else {
        return unknown(rule, QStringLiteral("it has no idleTimeout of its own, and the server's "
                                            "livy.server.session.timeout (1 h by default) is not visible to clients"));
    }
    if (!in.lastActivityMs)
        return unknown(rule, QStringLiteral("LivyDesk has not seen its last activity (a POST to it) yet"));
    LeaseDeadline d = counting(rule, *in.lastActivityMs, *limit, policy.checkInterval,
                               source + QStringLiteral(", if the server checks idle sessions "
                                                       "(livy.server.session.timeout-check, on by default); "
                                                       "other clients' activity can only make it later"));
    if (keptAlive(in, *in.lastActivityMs, *limit, nowMs, policy)) {
        d.status = LeaseDeadline::Status::KeptAlive;
        d.reason = source + QStringLiteral(", renewed by LivyDesk's keep-alive every %1 s")
                                .arg(in.keepAliveInterval->count() / 1000);
    }
    return d;
}

LeaseDeadline lifetimeRule(const LeaseInputs &in, const LeasePolicy &policy)
{
    constexpr auto rule = LeaseDeadline::Rule::Lifetime;
    switch (ttlMeaning(in)) {
    case TtlMeaning::None:
        return notApplicable(rule, QStringLiteral("Livy before 0.9 has no session lifetime"));
    case TtlMeaning::Idle:
        return notApplicable(rule, QStringLiteral("on Livy 0.8 ttl is an idle timeout, not a lifetime"));
    case TtlMeaning::NotKnown:
        if (in.ttl.isEmpty())
            return unknown(rule, QStringLiteral("the server's version is not known yet"));
        return unknown(rule, QStringLiteral("the server's version is not known yet (ttl is an idle timeout on "
                                            "Livy 0.8, a lifetime on 0.9)"));
    case TtlMeaning::Lifetime:
        break;
    }
    if (in.ttl.isEmpty())
        return unknown(rule, QStringLiteral("it has no ttl of its own; the server's livy.server.session.ttl applies "
                                            "only if livy.server.session.ttl-check is on, and neither is visible "
                                            "to clients"));
    const std::optional<milliseconds> limit = parseLivyDuration(in.ttl);
    if (!limit)
        return unknown(rule, QStringLiteral("its ttl \"%1\" is not a Livy time").arg(in.ttl));
    if (!in.createdMs)
        return unknown(rule, QStringLiteral("when the server started it is not known (it was not created by "
                                            "LivyDesk, or before LivyDesk kept creation times)"));
    return counting(rule, *in.createdMs, *limit, policy.checkInterval,
                    QStringLiteral("ttl %1 from its creation, if the server enforces lifetimes "
                                   "(livy.server.session.ttl-check, off by default; not visible to clients)")
                        .arg(in.ttl));
}

LeaseDeadline heartbeatRule(const LeaseInputs &in, qint64 nowMs, const LeasePolicy &policy)
{
    constexpr auto rule = LeaseDeadline::Rule::Heartbeat;
    if (in.heartbeatTimeoutInSecond <= 0)
        return notApplicable(rule, QStringLiteral("no heartbeat timeout"));
    if (!in.lastTouchMs)
        return unknown(rule, QStringLiteral("LivyDesk has not had an answer about it yet"));
    const milliseconds limit = std::chrono::seconds(in.heartbeatTimeoutInSecond);
    LeaseDeadline d = counting(rule, *in.lastTouchMs, limit, policy.heartbeatCheckInterval,
                               QStringLiteral("heartbeatTimeoutInSecond %1: any request about it renews it")
                                   .arg(in.heartbeatTimeoutInSecond));
    if (keptAlive(in, *in.lastTouchMs, limit, nowMs, policy)) {
        d.status = LeaseDeadline::Status::KeptAlive;
        d.reason = QStringLiteral("heartbeatTimeoutInSecond %1, renewed by LivyDesk's keep-alive")
                       .arg(in.heartbeatTimeoutInSecond);
    }
    return d;
}

} // namespace

QString leaseRuleName(LeaseDeadline::Rule rule)
{
    switch (rule) {
    case LeaseDeadline::Rule::Idle:
        return QStringLiteral("idle timeout");
    case LeaseDeadline::Rule::Lifetime:
        return QStringLiteral("lifetime");
    case LeaseDeadline::Rule::Heartbeat:
        return QStringLiteral("heartbeat");
    }
    return {};
}

const LeaseDeadline *LeaseBudget::binding() const
{
    if (ended)
        return nullptr;
    const LeaseDeadline *best = nullptr;
    for (const LeaseDeadline *d : { &idle, &lifetime, &heartbeat }) {
        if (d->status == LeaseDeadline::Status::Counting && (!best || d->notBeforeMs < best->notBeforeMs))
            best = d;
    }
    return best;
}

std::optional<qint64> LeaseBudget::expiresNotBeforeMs() const
{
    if (const LeaseDeadline *d = binding())
        return d->notBeforeMs;
    return std::nullopt;
}

std::optional<milliseconds> LeaseBudget::remaining(qint64 nowMs) const
{
    const std::optional<qint64> at = expiresNotBeforeMs();
    if (!at)
        return std::nullopt;
    return milliseconds(qMax<qint64>(0, *at - nowMs));
}

QString LeaseBudget::describe(qint64 nowMs) const
{
    if (ended)
        return QStringLiteral("ended");
    if (const LeaseDeadline *d = binding()) {
        const QString when = QDateTime::fromMSecsSinceEpoch(d->notBeforeMs).toString(QStringLiteral("HH:mm:ss"));
        const qint64 left = (d->notBeforeMs - nowMs) / 1000;
        return (left > 0 ? QStringLiteral("may end from %1 (in %2 s; %3: %4)").arg(when).arg(left)
                         : QStringLiteral("may end at any moment since %1 (%3: %4)").arg(when))
            .arg(leaseRuleName(d->rule), d->reason);
    }
    QStringList kept;
    QStringList why;
    for (const LeaseDeadline *d : { &idle, &lifetime, &heartbeat }) {
        if (d->status == LeaseDeadline::Status::KeptAlive)
            kept << leaseRuleName(d->rule);
        else if (d->status == LeaseDeadline::Status::Unknown)
            why << leaseRuleName(d->rule) + QStringLiteral(": ") + d->reason;
    }
    QStringList parts;
    if (!kept.isEmpty())
        parts << QStringLiteral("kept alive by LivyDesk (%1)").arg(kept.join(QStringLiteral(", ")));
    if (!why.isEmpty())
        parts << QStringLiteral("not known: ") + why.join(QStringLiteral("; "));
    return parts.isEmpty() ? QStringLiteral("no time limit applies") : parts.join(QStringLiteral("; "));
}

LeaseBudget computeLeaseBudget(const LeaseInputs &in, qint64 nowMs, const LeasePolicy &policy)
{
    LeaseBudget b;
    if (in.ended) {
        b.ended = true;
        const QString why = QStringLiteral("the session has ended");
        b.idle = notApplicable(LeaseDeadline::Rule::Idle, why);
        b.lifetime = notApplicable(LeaseDeadline::Rule::Lifetime, why);
        b.heartbeat = notApplicable(LeaseDeadline::Rule::Heartbeat, why);
        return b;
    }
    b.idle = idleRule(in, nowMs, policy);
    b.lifetime = lifetimeRule(in, policy);
    b.heartbeat = heartbeatRule(in, nowMs, policy);
    return b;
}

} // namespace Livy
