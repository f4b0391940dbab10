// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/livyerror.h"
#include "livy/types.h"
#include "sparktypes.h"
#include "sparkuilocator.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace Livy {

class Connection;
class LivyJob;
class SparkExecutorModel;
class StatementListModel;

/// How hard a SparkTracker may ask the Spark UI.
struct SparkTrackerSettings
{
    /// Between the starts of two requests to one session's Spark UI: 500 ms = at most 2 requests per second.
    std::chrono::milliseconds minSpacing{ 500 };
    /// From the end of one round (jobs, stages, failed tasks) to the next while statements run.
    std::chrono::milliseconds roundInterval{ 1000 };
    /// The round interval once a statement has run for `slowAfter`, or when the UI's answers are large.
    std::chrono::milliseconds slowRoundInterval{ 3000 };
    std::chrono::milliseconds slowAfter{ 30'000 };
    /// Answers above this size (a UI that retains many jobs and stages) slow the rounds down.
    qint64 largeAnswerBytes = 512 * 1024;
    /// Executors are fetched at most this often, and only while the executors view is shown.
    std::chrono::milliseconds executorsInterval{ 5000 };
    std::chrono::milliseconds requestTimeout{ 10'000 };
    /// Failed tasks fetched per stage attempt.
    int failedTasksShown = 20;
};

/// Follows what Spark does for one session's statements, from the Spark UI's monitoring REST API: the jobs of each
/// statement's job group (Livy runs statement N in job group "N"), their stages and failed tasks, and the
/// executors. The statements table gets a one-line summary per statement (StatementListModel::setSparkSummary);
/// the whole breakdown is kept per statement, and stays once the statement has finished.
///
/// Reaching the UI: locateSparkUi() (Livy's `appInfo.sparkUiUrl`, else the profile's template, else where the
/// session log says the driver bound it, else the session's `spark.ui.port` on a local-mode server) on a Connection made from the Livy one (the same authentication, extra
/// headers, TLS settings and network manager; redirects followed). The application id is Livy's `appId`, or the
/// one application the driver's UI lists.
///
/// Cost: nothing is asked while no statement runs (except the executors, once, when their view is shown). While
/// one runs, one round (jobs, then stages, then the failed tasks of stages whose failures changed) every
/// `roundInterval`, slower for long statements and large answers, and never two requests closer than
/// `minSpacing` (at most 2 per second per session). One final round after a statement ends.
///
/// When the UI cannot be reached (no address, refused, timed out, not Spark's answer), the tracker stops asking
/// and says why in one line (reason()), with the request and error in details(): the statements keep Livy's
/// `progress`. It tries again when the session's address changes or a new statement starts.
class SparkTracker : public QObject
{
    Q_OBJECT
public:
    enum class Reach {
        Unknown,     ///< nothing asked yet (no statement has run since the tracker started)
        Reachable,   ///< the last request was answered
        Unavailable, ///< see reason()
    };
    Q_ENUM(Reach)
    using Settings = SparkTrackerSettings;

    SparkTracker(Connection *livy, StatementListModel *statements, QObject *parent = nullptr);
    ~SparkTracker() override;

    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }
    /// The profile's Spark UI address template (see locateSparkUi()).
    void setUrlTemplate(const QString &urlTemplate);
    /// The session as last polled (its appInfo, appId and conf say where the UI is).
    void setSession(const Livy::Session &session);

    Reach reach() const { return m_reach; }
    /// Why the UI is not asked (one line for a user); empty while it is reachable or not tried.
    QString reason() const { return m_reason; }
    /// The failed request and the error, for the details view.
    QString details() const { return m_details; }
    SparkUiLocation location() const { return m_location; }
    QUrl uiUrl() const { return m_location.url; }
    QString appId() const { return m_appId; }

    bool hasBreakdown(int statementId) const { return m_breakdowns.contains(statementId); }
    SparkBreakdown breakdown(int statementId) const { return m_breakdowns.value(statementId); }
    /// A breakdown from the local history (a statement finished in an earlier run): shown until a live one exists.
    void restoreBreakdown(const Livy::SparkBreakdown &breakdown);

    SparkExecutorModel *executors() const { return m_executors; }
    /// The executors view is shown: fetch them now and, while statements run, every `executorsInterval`.
    void setExecutorsWanted(bool wanted);
    void refreshExecutors();
    /// Error or age of the executors list, for the view's status line.
    QString executorsStatus() const { return m_executorsStatus; }

    /// Spark UI pages, for links (empty without a UI address).
    QUrl jobPageUrl(int jobId) const;
    QUrl stagePageUrl(int stageId, int attemptId) const;
    QUrl executorsPageUrl() const;

    /// Requests sent to the Spark UI so far (for the benchmark and tests).
    int requestCount() const { return m_requestCount; }
    /// True while rounds are scheduled (a statement runs or has just ended).
    bool isPolling() const;

Q_SIGNALS:
    void reachChanged(Livy::SparkTracker::Reach reach);
    void breakdownChanged(int statementId);
    /// The last look at a statement that ended: for the local history.
    void breakdownFinished(const Livy::SparkBreakdown &breakdown);
    void executorsChanged();
    /// Every request, as it is sent (for measuring the rate).
    void requestSent(const QUrl &url);

private:
    void onStatementsChanged();
    void relocate();
    /// Reads the session log once for the driver's "Bound SparkUI … started at <url>" line, when nothing else
    /// says where the UI is (again at most every 30 s, when a statement starts).
    void maybeReadLog(bool again);
    void scheduleRound(std::chrono::milliseconds after);
    void startRound();
    void send(LivyJob *job, std::function<void(LivyJob *)> onDone);
    void dispatch();
    void dropQueue();
    void requestApplications();
    void requestJobs();
    void requestStages();
    void requestNextFailures();
    void requestExecutors();
    void finishRound();
    void applyRound();
    void fail(const LivyError &error, LivyJob *job);
    void setReach(Reach reach);
    std::chrono::milliseconds nextInterval() const;
    bool wantsRounds() const;

    QPointer<Connection> m_livy;
    QPointer<StatementListModel> m_statements;
    Connection *m_ui = nullptr; ///< the Spark UI's connection, rebuilt when its address changes
    Settings m_settings;
    QString m_template;
    Session m_session;
    SparkUiLocation m_location;
    QUrl m_logUrl; ///< where the session log says the UI is
    QPointer<LivyJob> m_logJob;
    QElapsedTimer m_logRead;
    QString m_appId;
    Reach m_reach = Reach::Unknown;
    QString m_reason;
    QString m_details;

    QSet<int> m_running;   ///< statements running now
    QHash<int, int> m_finishing; ///< ended, still to be looked at once more: id -> rounds left
    QHash<int, qint64> m_runningSince; ///< local ms when a statement was first seen running
    QHash<int, SparkBreakdown> m_breakdowns;
    QSet<int> m_restored; ///< breakdowns from the history (replaced by live ones)

    // One round in flight.
    bool m_inRound = false;
    QList<SparkJob> m_roundJobs;
    QList<SparkStage> m_roundStages;
    QList<std::pair<int, int>> m_failuresToFetch; ///< (stage, attempt)
    QHash<std::pair<int, int>, QList<SparkTaskFailure>> m_failures; ///< fetched failed tasks by stage attempt
    QHash<std::pair<int, int>, int> m_failuresFetchedAt; ///< numFailedTasks when they were fetched
    qint64 m_roundBytes = 0;

    // Request pacing.
    struct Pending
    {
        QPointer<LivyJob> job;
        std::function<void(LivyJob *)> onDone;
    };
    QList<Pending> m_queue;
    QPointer<LivyJob> m_inFlight;
    QElapsedTimer m_lastSend;
    QTimer m_dispatchTimer;
    QTimer m_roundTimer;

    SparkExecutorModel *m_executors;
    bool m_executorsWanted = false;
    bool m_executorsQueued = false;
    QElapsedTimer m_executorsFetched;
    QString m_executorsStatus;
    int m_requestCount = 0;
};

} // namespace Livy
