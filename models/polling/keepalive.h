// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/livyerror.h"
#include "livy/types.h"
#include "pollschedule.h"

#include <QObject>
#include <QPointer>

namespace Livy {

class Connection;
class Poller;

/// Keeps one open session from being reaped by Livy's idle timeout with `POST /sessions/{id}/connect`.
///
/// Livy counts statements, cancels, completions and /connect as activity, never GET polling, so a session the
/// user has open but does not use would die after livy.server.session.timeout (1 h by default). The first
/// /connect goes out when started (opening a session is activity), then one per KeepAliveSchedule interval,
/// shortened when the session announces its own idle timeout (setIdleTimeoutHint()). Not paused while the
/// window is hidden: that is exactly when sessions expire. /connect answers with the session, which is
/// reported through sessionRefreshed(). A 404 stops it (gone()); other failures back off and try again.
class KeepAlive : public QObject
{
    Q_OBJECT
public:
    explicit KeepAlive(Connection *connection, QObject *parent = nullptr);

    void setSessionId(int id) { m_sessionId = id; }
    void setSchedule(const KeepAliveSchedule &schedule) { m_schedule = schedule; }
    const KeepAliveSchedule &schedule() const { return m_schedule; }
    /// The session's own idle timeout if it has one (parsed from `idleTimeout` or `ttl`).
    void setIdleTimeoutHint(std::optional<std::chrono::milliseconds> timeout) { m_hint = timeout; }
    std::chrono::milliseconds currentInterval() const { return m_schedule.intervalFor(m_hint); }
    Poller *poller() const { return m_poller; }

    void start();
    void stop();
    bool isRunning() const;
    /// /connect requests sent so far.
    int sentCount() const;

Q_SIGNALS:
    void sessionRefreshed(const Livy::Session &session);
    void gone(const Livy::LivyError &error);

private:
    QPointer<Connection> m_connection;
    Poller *m_poller;
    KeepAliveSchedule m_schedule;
    std::optional<std::chrono::milliseconds> m_hint;
    int m_sessionId = -1;
};

} // namespace Livy
