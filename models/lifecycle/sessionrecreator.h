// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/livyerror.h"
#include "livy/types.h"
#include "polling/pollschedule.h"
#include "setupstatement.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

namespace Livy {

class Connection;
class HistoryStore;
class LivyJob;
class Poller;
class ServerController;

/// What to make: a recipe (create body + setup), and what the new session replaces.
struct RecreatePlan
{
    SessionRecipe recipe;
    /// The session the new one takes the place of (-1: a new session, e.g. from a template).
    int replacesSessionId = -1;
    QString replacesIdentity;
    /// Its SessionRecord row (history), when known: the new record points back to it.
    qint64 replacesRecordRowId = -1;
    /// The template it is made from, if any (kept with the new session's record).
    QString templateName;
};

/// How a recreation ended.
struct RecreateResult
{
    enum class Outcome {
        Succeeded,         ///< created, ready, every setup statement ran without error
        CreateFailed,      ///< the server refused the POST /sessions (error says why); no session was made
        CreateUnconfirmed, ///< the POST got no answer and no session with its tag is listed: not sent again
        StartFailed,       ///< the new session ended (or vanished, or timed out) before it was ready
        SetupFailed,       ///< a setup statement ran and failed (failedResult has the server's error output)
        SetupRejected,     ///< the server refused a setup statement's POST (error), so it did not run
        SetupUnconfirmed,  ///< a setup statement's POST got no answer and the server does not list it
        SessionLost,       ///< the new session died or vanished during the replay
        Cancelled,         ///< cancel() was called; a session already made is left as it is
    };

    Outcome outcome = Outcome::Cancelled;
    Session session;                ///< the new session (id -1 when none was made)
    int replacesSessionId = -1;     ///< old id -> session.id: what the tab layer switches
    QString replacesIdentity;
    int stepCount = 0;
    int stepsDone = 0;              ///< setup statements that ran without error
    int failedStep = -1;            ///< index into the plan's setup (-1: not a statement's failure)
    SetupStatement failedStatement;
    Statement failedResult;         ///< the failing statement as the server reported it (output with ename/evalue)
    LivyError error;                ///< the request that failed, when one did
    QString message;                ///< one line for a user
    /// StartFailed because the session ended while starting: the lines of its log that say why (Livy's "Fail to
    /// start interpreter", a missing package; livy/logexplainer.h), empty when the log says nothing recognisable.
    QStringList explanation;

    bool ok() const { return outcome == Outcome::Succeeded; }
    /// resume() can carry on in the same new session.
    bool canResume() const;
};

/// How resume() treats the step that failed.
enum class ResumeMode {
    RetryFailedStep, ///< send it (again): a refused one, an unconfirmed one the server still does not list, or one
                     ///< that ran with an error and that the user asks to run again
    SkipFailedStep,  ///< go on with the next step
};

struct SessionRecreatorSettings
{
    /// While the new session starts (`GET /sessions/{id}/state`).
    RunningSchedule starting{ std::chrono::milliseconds(250), 0.1, std::chrono::milliseconds(1000) };
    /// While a setup statement runs (`GET …/statements/{n}`).
    RunningSchedule running{ std::chrono::milliseconds(50), 0.1, std::chrono::milliseconds(1000) };
    ErrorBackoff backoff{ std::chrono::milliseconds(500), std::chrono::milliseconds(5000) };
    /// A session still not ready this long after its creation fails the recreation (it is left as it is).
    std::chrono::milliseconds startTimeout{ std::chrono::minutes(15) };
};

/// Makes a session from a recipe and replays its setup: POST /sessions with the (possibly edited) create body and
/// a fresh LivyDesk session tag, wait until it is ready, then each setup statement in order, one at a time,
/// stopping at the first that fails. Used to recreate a session that ended, was lost or is gone (its stored
/// SessionRecord and setup) and to create one from a template (SessionPresetStore::recipe()).
///
/// Everything goes through the existing jobs from the event loop (no nested loops): CreateSessionJob (or
/// ServerController::createSession(), so the session list and "Created here" see it), GetSessionStateJob,
/// SubmitStatementJob, GetStatementJob, and ListSessionsJob / ListStatementsJob to check an unanswered POST.
///
/// Never twice: every POST is sent once. A POST that got no answer is checked against the server's list (the
/// session by its tag, the statement by its code after the last one known) and followed if it is there; if it
/// is not, the run stops (…Unconfirmed) and only resume(), an explicit choice, checks again and then sends it.
/// Steps that ran are never sent again, in this run or by resume().
///
/// With setHistory(), the new session's exact create body (with what it replaces and its template) and its
/// setup are written to the history as soon as it exists, so it can itself be recreated later.
///
/// The new session is not opened, switched to or deleted here: finished() carries the old id -> new session for
/// the tab layer, which opens it (ServerController::openSession) in the old one's place.
class SessionRecreator : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Idle, Creating, Starting, Replaying, Finished };
    Q_ENUM(Phase)
    using Clock = std::function<qint64()>; ///< epoch ms, for the record's creation time

    /// Creates through the ServerController (recommended in the app: its list and "Created here" follow).
    explicit SessionRecreator(ServerController *server, QObject *parent = nullptr);
    /// Creates with a CreateSessionJob of its own.
    explicit SessionRecreator(Connection *connection, QObject *parent = nullptr);
    ~SessionRecreator() override;

    void setSettings(const SessionRecreatorSettings &settings) { m_settings = settings; }
    /// Where the new session's record and setup go; `server`/`profileId` as HistoryRecorder names them.
    void setHistory(HistoryStore *store, const QString &server, const QString &profileId);

    /// Starts making `plan`; false (nothing happens) while a run is in progress.
    bool start(const RecreatePlan &plan);
    /// Carries on after a failure in the same new session (result().canResume()), or re-checks an unconfirmed
    /// create. False when there is nothing to resume.
    bool resume(ResumeMode mode = ResumeMode::RetryFailedStep);
    /// Stops driving (finished() with Cancelled). A session already made stays on the server.
    void cancel();

    Phase phase() const { return m_phase; }
    bool isRunning() const { return m_phase != Phase::Idle && m_phase != Phase::Finished; }
    const RecreatePlan &plan() const { return m_plan; }
    /// The new session as last seen (id -1 until created).
    Session session() const { return m_session; }
    /// The request actually sent (the plan's body with the new session tag).
    CreateSessionRequest sentRequest() const { return m_sent; }
    int stepsDone() const { return m_done; }
    RecreateResult result() const { return m_result; }

Q_SIGNALS:
    void phaseChanged(Livy::SessionRecreator::Phase phase);
    /// The server made the new session (starting): its id is known from here on.
    void sessionCreated(const Livy::Session &session);
    /// The new session's state while it starts.
    void sessionStateChanged(int sessionId, Livy::SessionState state, const QString &stateName);
    /// Setup statement `index` (0-based) of `count` is being sent.
    void stepStarted(int index, int count, const Livy::SetupStatement &statement);
    /// What the server says about it (state, progress) whenever that changes.
    void stepUpdated(int index, int count, const Livy::Statement &statement);
    /// It ran without error.
    void stepFinished(int index, int count, const Livy::Statement &statement);
    void finished(const Livy::RecreateResult &result);

private:
    void setPhase(Phase phase);
    void createSession();
    void onCreated(const Session &session);
    void onCreateFailed(const LivyError &error);
    void findCreated(const LivyError &cause, bool resending);
    void startWaiting();
    void runStep();
    void sendStep();
    void followStep(int statementId);
    void confirmStep(const LivyError &cause, bool resending);
    void checkSessionThen(const std::function<void(bool alive, const LivyError &error)> &then);
    /// StartFailed after reading the tail of the session's log for why (RecreateResult::explanation).
    void failWithLog(const QString &message);
    void fail(RecreateResult::Outcome outcome, const LivyError &error, const QString &message);
    void succeed();
    void stopPolling();
    void recordHistory();

    QPointer<ServerController> m_server;
    QPointer<Connection> m_connection;
    QPointer<HistoryStore> m_store;
    QString m_historyServer;
    QString m_profileId;
    SessionRecreatorSettings m_settings;
    RecreatePlan m_plan;
    CreateSessionRequest m_sent;
    QString m_tag;
    Session m_session;
    RecreateResult m_result;
    Phase m_phase = Phase::Idle;
    Poller *m_poller;
    QPointer<LivyJob> m_job;           ///< the one-off request in flight (create, submit, list, state check, log)
    QElapsedTimer m_clock;             ///< since the POST /sessions, or since the step was sent
    qint64 m_createdMs = 0;
    int m_createTicket = -1;
    int m_done = 0;                    ///< steps that ran without error
    int m_stepStatementId = -1;        ///< the statement of the current step, once the server acknowledged it
    int m_lastStatementId = -1;        ///< the newest statement id of this run's steps
    Statement m_lastSeen;
    bool m_stepRanWithError = false;
};

} // namespace Livy

Q_DECLARE_METATYPE(Livy::RecreateResult)
