// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "activityledger.h"
#include "leasebudget.h"
#include "livy/types.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace Livy {

class Connection;
class KeepAlive;

/// The lease budget of one open session, kept current, with a warning a configurable time before the earliest
/// moment Livy may end the session (leasebudget.h says what is and is not known, and why).
///
/// Feed it the session as the controller sees it (setSession(), from SessionController::sessionChanged) and its
/// keep-alive (setKeepAlive(SessionController::keepAlive())); activity comes from the Connection's ActivityLedger
/// by itself. It re-evaluates when the ledger records something about the session, when its inputs change, and on
/// a single-shot timer armed for the next moment the budget changes meaning (the warning, the deadline, the
/// keep-alive falling behind); budgetChanged() only fires when the budget itself changed.
///
/// Warnings: expiryWarning() once when the binding deadline comes within warnBefore(), and deadlineReached() once
/// when it passes (Livy may now end the session at its next check). Both are emitted again only for a new deadline
/// (activity moved it, or another rule became binding). No warnings for an ended session or unknown budgets.
class LeaseWatch : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; ///< epoch ms

    /// `connection`'s ActivityLedger is used (made if needed).
    explicit LeaseWatch(Connection *connection, QObject *parent = nullptr);

    /// The session's echo (ttl, idleTimeout, heartbeat, state; id and name to find its ledger record).
    void setSession(const Livy::Session &session);
    /// The session is gone (404) or deleted: no lease left.
    void setEnded(bool ended);
    /// Its keep-alive, read at each evaluation (running, interval); nullptr = none.
    void setKeepAlive(KeepAlive *keepAlive);
    /// Instead of a KeepAlive object: the interval of a keep-alive that runs, or none.
    void setKeepAliveInterval(std::optional<std::chrono::milliseconds> interval);
    /// The server's livy.server.session.timeout if the user told LivyDesk (a profile setting), else none.
    void setServerIdleTimeout(std::optional<std::chrono::milliseconds> timeout);
    /// When the session was created, if LivyDesk knows it from elsewhere (the history's SessionRecord).
    void setCreatedMs(std::optional<qint64> createdMs);
    /// How long before the earliest expiry expiryWarning() is emitted (default 5 min).
    void setWarnBefore(std::chrono::milliseconds warnBefore);
    std::chrono::milliseconds warnBefore() const { return m_warnBefore; }
    void setPolicy(const LeasePolicy &policy);

    /// Tests: a controllable clock (also given to nothing else; the ledger has its own).
    void setClock(Clock clock);
    qint64 now() const { return m_clock(); }

    int sessionId() const { return m_session.id; }
    LeaseBudget budget() const { return m_budget; }
    /// What the budget was computed from, last time.
    LeaseInputs inputs() const;
    /// Recomputes now (tests call it after moving their clock; the timer and the ledger call it otherwise).
    void reevaluate();
    /// The delay the timer was last armed with; empty when nothing is due.
    std::optional<std::chrono::milliseconds> nextCheckIn() const;

Q_SIGNALS:
    void budgetChanged(const Livy::LeaseBudget &budget);
    /// The earliest expiry is within warnBefore(): `remaining` is the time left until it.
    void expiryWarning(const Livy::LeaseBudget &budget, std::chrono::milliseconds remaining);
    /// The earliest expiry has passed: the server may end the session at its next check.
    void deadlineReached(const Livy::LeaseBudget &budget);

private:
    void arm(qint64 nowMs);

    QPointer<Connection> m_connection;
    QPointer<ActivityLedger> m_ledger;
    QPointer<KeepAlive> m_keepAlive;
    std::optional<std::chrono::milliseconds> m_keepAliveInterval;
    std::optional<std::chrono::milliseconds> m_serverIdleTimeout;
    std::optional<qint64> m_createdMs;
    Session m_session;
    bool m_ended = false;
    std::chrono::milliseconds m_warnBefore{ std::chrono::minutes(5) };
    LeasePolicy m_policy;
    Clock m_clock;
    LeaseBudget m_budget;
    QTimer m_timer;
    std::optional<std::chrono::milliseconds> m_nextCheck;
    /// The deadline (rule and time) already warned about / reached; a new deadline warns again.
    std::optional<std::pair<int, qint64>> m_warned;
    std::optional<std::pair<int, qint64>> m_reached;
};

} // namespace Livy
