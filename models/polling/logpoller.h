// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QObject>
#include <QPointer>

#include <chrono>

namespace Livy {

class Connection;
class LogModel;
class Poller;

/// Follows one session's log into a LogModel while someone looks at it (the log panel is open).
///
/// Each poll asks the LogModel what to fetch (`GET /sessions/{id}/log?from&size`) and hands it the answer;
/// while the model wants more (further pages, or a whole snapshot after the ring slid) the next request follows
/// at once, otherwise after `activeInterval` while the session is starting or busy (new lines are likely) and
/// `idleInterval` otherwise. After the session ends, one last read picks up its final lines (the reason it died
/// is usually there) and polling stops.
class LogPoller : public QObject
{
    Q_OBJECT
public:
    LogPoller(Connection *connection, LogModel *model, QObject *parent = nullptr);

    void setSessionId(int id) { m_sessionId = id; }
    void setIntervals(std::chrono::milliseconds active, std::chrono::milliseconds idle)
    {
        m_active = active;
        m_idle = idle;
    }
    /// The session's state decides the interval (and a terminal state means one last read).
    void setSessionState(SessionState state);
    Poller *poller() const { return m_poller; }

    void start();
    void stop();
    bool isRunning() const;
    void refresh();

Q_SIGNALS:
    /// The log route answered 404 (the session is gone). Polling has stopped.
    void gone();

private:
    QPointer<Connection> m_connection;
    QPointer<LogModel> m_model;
    Poller *m_poller;
    std::chrono::milliseconds m_active{ 1000 };
    std::chrono::milliseconds m_idle{ 5000 };
    SessionState m_state = SessionState::Unknown;
    int m_sessionId = -1;
};

} // namespace Livy
