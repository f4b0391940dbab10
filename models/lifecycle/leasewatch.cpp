// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "leasewatch.h"

#include "livy/connection.h"
#include "polling/keepalive.h"

#include <QDateTime>

namespace Livy {

using std::chrono::milliseconds;

namespace {
/// The timer never sleeps longer than this: a suspended laptop or a changed wall clock is noticed within it.
constexpr qint64 MaxSleepMs = 60 * 1000;
} // namespace

LeaseWatch::LeaseWatch(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_ledger(ActivityLedger::of(connection))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LeaseWatch::reevaluate);
    if (m_ledger) {
        connect(m_ledger, &ActivityLedger::recorded, this, [this](int id, const QString &name) {
            if (m_session.id >= 0 && (id == m_session.id || (!name.isEmpty() && name == m_session.name)))
                reevaluate();
        });
    }
}

void LeaseWatch::setSession(const Session &session)
{
    m_session = session;
    if (isTerminal(session.state))
        m_ended = true;
    reevaluate();
}

void LeaseWatch::setEnded(bool ended)
{
    m_ended = ended;
    reevaluate();
}

void LeaseWatch::setKeepAlive(KeepAlive *keepAlive)
{
    if (m_keepAlive)
        disconnect(m_keepAlive, nullptr, this, nullptr);
    m_keepAlive = keepAlive;
    // Its answers are recorded by the ledger; a stop or start shows at the next evaluation.
    reevaluate();
}

void LeaseWatch::setKeepAliveInterval(std::optional<milliseconds> interval)
{
    m_keepAliveInterval = interval;
    reevaluate();
}

void LeaseWatch::setServerIdleTimeout(std::optional<milliseconds> timeout)
{
    m_serverIdleTimeout = timeout;
    reevaluate();
}

void LeaseWatch::setCreatedMs(std::optional<qint64> createdMs)
{
    m_createdMs = createdMs;
    reevaluate();
}

void LeaseWatch::setWarnBefore(milliseconds warnBefore)
{
    m_warnBefore = warnBefore;
    m_warned.reset();
    reevaluate();
}

void LeaseWatch::setPolicy(const LeasePolicy &policy)
{
    m_policy = policy;
    reevaluate();
}

void LeaseWatch::setClock(Clock clock)
{
    m_clock = std::move(clock);
    reevaluate();
}

LeaseInputs LeaseWatch::inputs() const
{
    LeaseInputs in;
    if (m_connection)
        in.capabilities = m_connection->capabilities();
    in.ttl = m_session.ttl;
    in.idleTimeout = m_session.idleTimeout;
    in.heartbeatTimeoutInSecond = m_session.heartbeatTimeoutInSecond;
    in.ended = m_ended;
    if (m_ledger && m_session.id >= 0) {
        const ActivityLedger::Record r = m_ledger->record(m_session.id, m_session.name);
        in.createdMs = r.createdMs;
        in.lastActivityMs = r.lastActivityMs;
        in.lastTouchMs = r.lastTouchMs;
    }
    if (!in.createdMs)
        in.createdMs = m_createdMs;
    if (m_keepAlive) {
        if (m_keepAlive->isRunning())
            in.keepAliveInterval = m_keepAlive->currentInterval();
    } else {
        in.keepAliveInterval = m_keepAliveInterval;
    }
    in.serverIdleTimeout = m_serverIdleTimeout;
    return in;
}

void LeaseWatch::reevaluate()
{
    const qint64 nowMs = m_clock();
    const LeaseBudget budget = computeLeaseBudget(inputs(), nowMs, m_policy);
    const bool changed = !(budget == m_budget);
    m_budget = budget;
    if (changed)
        Q_EMIT budgetChanged(m_budget);

    if (const LeaseDeadline *d = m_budget.binding()) {
        const std::pair<int, qint64> key{ int(d->rule), d->notBeforeMs };
        const qint64 left = d->notBeforeMs - nowMs;
        if (left <= m_warnBefore.count() && m_warned != key) {
            m_warned = key;
            Q_EMIT expiryWarning(m_budget, milliseconds(qMax<qint64>(0, left)));
        }
        if (left <= 0 && m_reached != key) {
            m_reached = key;
            Q_EMIT deadlineReached(m_budget);
        }
    }
    arm(nowMs);
}

void LeaseWatch::arm(qint64 nowMs)
{
    // The next moment the budget can change meaning by time alone.
    std::optional<qint64> next;
    auto consider = [&](qint64 at) {
        if (at > nowMs && (!next || at < *next))
            next = at;
    };
    if (const LeaseDeadline *d = m_budget.binding()) {
        consider(d->notBeforeMs - m_warnBefore.count());
        consider(d->notBeforeMs);
    }
    const LeaseInputs in = inputs();
    if (in.keepAliveInterval) {
        // When a keep-alive that stopped answering stops counting as "on time".
        const qint64 grace = (*in.keepAliveInterval + m_policy.keepAliveGrace).count();
        for (const LeaseDeadline *d : { &m_budget.idle, &m_budget.heartbeat }) {
            if (d->status == LeaseDeadline::Status::KeptAlive)
                consider(d->notBeforeMs - d->limit.count() + grace + 1);
        }
    }
    if (!next || m_budget.ended) {
        m_timer.stop();
        m_nextCheck.reset();
        return;
    }
    const qint64 delay = qMin(*next - nowMs, MaxSleepMs);
    m_nextCheck = milliseconds(delay);
    m_timer.start(milliseconds(delay));
}

std::optional<milliseconds> LeaseWatch::nextCheckIn() const
{
    return m_nextCheck;
}

} // namespace Livy
