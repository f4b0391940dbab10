// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyentry.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Livy {

class HistoryStore;
class RunHandle;
class SessionController;

/// Writes what one open session does into the HistoryStore, as it happens: every run when it is queued (so a
/// crash before the server answers still leaves its code), and every statement the session's StatementListModel
/// holds — ours and those run by other clients — whenever its state, times or output change (progress ticks
/// alone are not written). A child of the controller: it lives as long as the session is open.
class HistoryRecorder : public QObject
{
    Q_OBJECT
public:
    /// `server` is the profile's base URL, `profileId` its id (may be empty).
    HistoryRecorder(SessionController *controller, HistoryStore *store, const QString &server,
                    const QString &profileId);

    /// The session as recorded now (empty id while it is not resolved).
    HistorySession session() const;

    /// Asks the history for the Spark breakdowns kept with this session's statements (once the session is
    /// resolved, if it is not yet): each arrives as sparkBreakdownRestored(), for SparkTracker::restoreBreakdown().
    void requestSparkBreakdowns();

public Q_SLOTS:
    /// Keeps a statement's final Spark breakdown with its entry (for SparkTracker::breakdownFinished). Only final
    /// breakdowns with jobs are kept; one for a statement not written yet is kept once its entry is.
    void recordSparkBreakdown(const Livy::SparkBreakdown &breakdown);

Q_SIGNALS:
    void sparkBreakdownRestored(const Livy::SparkBreakdown &breakdown);

private:
    void onRunQueued(RunHandle *run);
    void recordRows(int first, int last);
    void recordSubmission(RunHandle *run);

    struct Seen
    {
        QString state;
        qint64 started = 0;
        qint64 completed = 0;
        bool hasOutput = false;
        bool operator==(const Seen &) const = default;
    };

    SessionController *m_controller;
    QPointer<HistoryStore> m_store;
    QString m_server;
    QString m_profileId;
    QHash<int, Seen> m_seen;               ///< by statement id: what was written last
    QHash<RunHandle *, QString> m_pending; ///< runs recorded, by handle: their history key
    QHash<int, SparkBreakdown> m_pendingSpark; ///< by statement id: breakdowns waiting for their entry
    bool m_restoreWanted = false;          ///< requestSparkBreakdowns() before the session was resolved
    int m_restoreTicket = 0;
};

} // namespace Livy
