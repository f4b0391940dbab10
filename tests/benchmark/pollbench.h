// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The polling benchmark's moving parts: the workload, the clock shared with the in-process fake server, and one
// "lane" per fake session that runs its share of the workload serially, either through LivyDesk's
// SessionController or by replaying another client's poll schedule with plain protocol jobs.

#include "controllers/sessioncontroller.h"
#include "livy/types.h"
#include "polling/pollschedule.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace FakeLivy {
class Server;
}


namespace Bench {

/// Replaces the section that starts with `heading` ("## Polling latency") in the Markdown file at `path` (up to the
/// next "## " heading) with `section`, or appends it; creates the file if needed.
bool writeSection(const QString &path, const QString &heading, const QString &section);

/// The nearest-rank percentile (p in [0, 1]) of `values`; 0 for an empty list.
double percentile(QList<double> values, double p);

/// Statement durations, log-uniform in [minMs, maxMs], from a fixed seed.
QList<int> makeWorkload(int count, int minMs, int maxMs, quint32 seed, double scale);

/// One observed statement.
struct Sample
{
    int index = -1;      ///< position in the workload
    int durationMs = 0;
    double latencyMs = 0; ///< server-side completion -> the client knows
};

/// Timestamps of server-side events, taken in the same process as the clients (one monotonic clock).
class ServerClock : public QObject
{
    Q_OBJECT
public:
    explicit ServerClock(FakeLivy::Server *server, QObject *parent = nullptr);

    double nowMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }
    /// When the statement became available / started running on the server (ms on this clock), or -1.
    double completedAt(int sessionId, int statementId) const { return m_completed.value(key(sessionId, statementId), -1); }
    double startedAt(int sessionId, int statementId) const { return m_started.value(key(sessionId, statementId), -1); }
    /// Request arrival times per session id.
    const QList<double> &requestsFor(int sessionId) const;
    int requestCount(int sessionId) const { return int(requestsFor(sessionId).size()); }

private:
    static qint64 key(int s, int st) { return (qint64(s) << 32) | quint32(st); }
    QElapsedTimer m_clock;
    QHash<qint64, double> m_completed;
    QHash<qint64, double> m_started;
    QHash<int, QList<double>> m_requests;
};

/// One fake session running its queue of workload items one after the other.
class Lane : public QObject
{
    Q_OBJECT
public:
    Lane(ServerClock *clock, int sessionId, QList<int> items, const QList<int> &durations, QObject *parent);
    virtual void begin() = 0;
    bool isDone() const { return m_next >= int(m_items.size()) && m_inFlight < 0; }
    const QList<Sample> &samples() const { return m_samples; }
    int sessionId() const { return m_sessionId; }
    /// A fake directive line added to every statement's code (e.g. "#fake:progress=none": driver code without
    /// Spark jobs, whose progress stays 0).
    void setExtraDirective(const QString &line) { m_extraDirective = line; }

Q_SIGNALS:
    void done();

protected:
    /// The code for the next item ("#fake:duration=…"), or empty when the queue is empty.
    QString takeNext();
    void observed(int statementId);

    ServerClock *m_clock;
    int m_sessionId;
    QList<int> m_items;
    const QList<int> &m_durations;
    int m_next = 0;
    int m_inFlight = -1; ///< workload index being run
    QString m_extraDirective;
    QList<Sample> m_samples;
};

/// LivyDesk's own client: a SessionController with its production settings.
class DeskLane : public Lane
{
    Q_OBJECT
public:
    DeskLane(ServerClock *clock, Livy::Connection *connection, int sessionId, QList<int> items,
             const QList<int> &durations, const Livy::SessionControllerSettings &settings, QObject *parent);
    void begin() override;

private:
    void submitNext();
    Livy::SessionController *m_controller;
};

/// Another client's loop: POST the statement, then GET it after each delay of its schedule until it is done.
class PeerLane : public Lane
{
    Q_OBJECT
public:
    PeerLane(ServerClock *clock, Livy::Connection *connection, int sessionId, QList<int> items,
             const QList<int> &durations, Livy::StepSchedule schedule, QObject *parent);
    void begin() override;

private:
    void submitNext();
    void poll();

    QPointer<Livy::Connection> m_connection;
    Livy::StepSchedule m_schedule;
    QTimer m_timer;
    int m_statementId = -1;
    int m_attempt = 0;
};

} // namespace Bench
