// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"
#include "pollschedule.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Livy {

class Connection;
class Poller;
class SessionListModel;

/// Keeps a SessionListModel in step with a server's `GET /sessions`.
///
/// One poll is one complete snapshot: it pages through `GET /sessions?from&size` (one page after the other,
/// never two in flight) until `total` is reached, and only then hands the whole list to
/// SessionListModel::setSessions(), so a view never sees a half-read list. A server with thousands of sessions
/// costs the GUI thread one page's decode per event and one short update at the end (docs/benchmarks.md, "Large
/// servers"); the snapshot's memory is given back on a worker thread. The SessionListSchedule decides the
/// interval: fast after a user action (refresh(), noteActivity()) or an observed change, slowing down while
/// nothing changes, and kept short while a session is starting or stopping.
class SessionListPoller : public QObject
{
    Q_OBJECT
public:
    SessionListPoller(Connection *connection, SessionListModel *model, QObject *parent = nullptr);

    void setSchedule(const SessionListSchedule &schedule) { m_schedule = schedule; }
    const SessionListSchedule &schedule() const { return m_schedule; }
    /// Sessions per page (default 100, Livy's own default).
    void setPageSize(int size) { m_pageSize = std::max(1, size); }
    /// The engine: reconnecting state, error backoff, pause, request count.
    Poller *poller() const { return m_poller; }

    void start();
    void stop();
    bool isRunning() const;
    /// A user action: poll now and return to the fast schedule.
    void refresh();
    /// Something happened that may change the list soon (create, delete): fast schedule from now on.
    void noteActivity();
    /// This client deleted the session: a snapshot whose first page was requested before now must not bring it
    /// back (its reply may still be on the way when the DELETE's answer arrives).
    void noteDeleted(int sessionId);
    /// True once one complete snapshot reached the model.
    bool hasLoaded() const { return m_loaded; }
    /// A snapshot whose pages took longer than this (a pause between two pages) is started over.
    static constexpr std::chrono::milliseconds MaxSnapshotSpan{ 5000 };
    /// A snapshot of at least this many sessions is released on a worker thread once the model has it.
    static constexpr qsizetype ReleaseOnWorkerFrom = 256;

Q_SIGNALS:
    /// A complete snapshot was applied; `changed` says whether the model changed.
    void refreshed(bool changed);

private:
    void releaseSnapshot(QList<Session> snapshot);

    QPointer<Connection> m_connection;
    QPointer<SessionListModel> m_model;
    Poller *m_poller;
    SessionListSchedule m_schedule;
    QElapsedTimer m_sinceActivity;
    QList<Session> m_accumulated;
    QElapsedTimer m_snapshotClock;     ///< since the snapshot's first page was requested
    int m_snapshot = 0;                ///< sequence number of the snapshot being read
    QHash<int, int> m_tombstones;      ///< deleted session id -> last snapshot that may predate the delete
    int m_pageFrom = 0;
    int m_pageSize = 100;
    bool m_loaded = false;
};

} // namespace Livy
