// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace Livy {

class Connection;
class LivyJob;

/// What LivyDesk's own requests did to the clocks Livy keeps per session, on one server: when each session was
/// created, when LivyDesk last caused activity on it, and when it last had an answer about it (the heartbeat).
/// The inputs of LeaseBudget (leasebudget.h, which lists what Livy 0.9 counts).
///
/// It sees every request on its Connection whoever sends it (controllers, keep-alive, SessionRecreator) through
/// Connection::jobStarted(), so nothing has to report to it. Times are when the request was *started* on this
/// computer, never when the answer came: Livy recorded the activity between the two, so the ledger's times are no
/// later than Livy's own, and deadlines computed from them are lower bounds. Only answered requests count (a
/// refused or unanswered one may or may not have reached the server: leaving it out keeps the bound safe).
///
/// One per Connection: of() makes it on first use, as a child of the Connection.
class ActivityLedger : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; ///< epoch ms

    struct Record
    {
        std::optional<qint64> createdMs;      ///< start of the POST /sessions that made it (seen by this ledger)
        std::optional<qint64> lastActivityMs; ///< start of the latest answered POST that Livy counts as activity
        std::optional<qint64> lastTouchMs;    ///< start of the latest answered request under /sessions/{id}
        QString lastActivityRoute;            ///< "POST /sessions/3/connect"
        int activityCount = 0;

        bool operator==(const Record &) const = default;
    };

    explicit ActivityLedger(Connection *connection, QObject *parent = nullptr);

    /// The ledger of `connection` (made on first use, a child of it).
    static ActivityLedger *of(Connection *connection);

    /// For tests: the clock read when a request starts (default: QDateTime::currentMSecsSinceEpoch).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    /// What is known of session `id` (by id, and by name if requests addressed it by name).
    Record record(int sessionId, const QString &name = {}) const;
    /// A creation time learnt elsewhere (the history's SessionRecord::createdMs, for a session created by an
    /// earlier run of LivyDesk). Kept only if the ledger saw no creation itself.
    void noteCreated(int sessionId, qint64 createdMs);

Q_SIGNALS:
    /// Something was recorded for the session (by id; a request by name reports the id its answer carried, or -1).
    void recorded(int sessionId, const QString &name);

private:
    void onJobStarted(LivyJob *job);
    void onJobFinished(LivyJob *job, qint64 startedMs);
    Record &slot(const QString &segment);

    QPointer<Connection> m_connection;
    Clock m_clock;
    QHash<QString, Record> m_records; ///< by path segment: "3", or a session name
    QHash<QString, int> m_nameToId;
};

} // namespace Livy
