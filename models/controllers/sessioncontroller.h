// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/livyerror.h"
#include "livy/types.h"
#include "polling/endestimate.h"
#include "polling/pollschedule.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

namespace Livy {

class CompletionJob;
class Connection;
class KeepAlive;
class LivyJob;
class LogModel;
class LogPoller;
class PollActivity;
class RunHandle;
class SessionPoller;
class StatementListModel;

/// How an open session is followed (SessionController::Settings).
struct SessionControllerSettings
{
    RunningSchedule running;
    SessionSchedule session;
    ErrorBackoff backoff;
    /// While one statement is followed through /state, also fetch it this often so its progress moves.
    std::chrono::milliseconds progressInterval{ 2000 };
    /// Place polls where a running statement's end is expected from Livy's progress and the Spark UI's task
    /// counts (SessionPoller::setEndSignals); off = the blind RunningSchedule only.
    bool endSignals = true;
    EndSchedule endSchedule;
    bool keepAlive = true;
    KeepAliveSchedule keepAliveSchedule;
    /// Newest statements loaded when attaching.
    int historySize = 50;
    /// `statements?order=desc` exists from Livy 0.8; older servers ignore it and would return the oldest N.
    /// Used when the Connection's capabilities say so (read at request time), or always when this is set.
    bool supportsDescendingOrder = false;
    std::chrono::milliseconds logActiveInterval{ 1000 };
    std::chrono::milliseconds logIdleInterval{ 5000 };
};

/// One session the user has open: its Session, its statements (StatementListModel), its log (LogModel), and
/// every intent on it (submit, cancel, completion, refresh), turned into jobs whose results update the models.
///
/// Lifecycle: attach() resolves the session (by id or name, `GET /sessions/{ref}`), loads its server-side
/// history (`GET …/statements?order=desc&size=N` on Livy 0.8+, the whole retained list before), then follows it
/// with a SessionPoller and, if enabled, a KeepAlive. A terminal session state ends polling (Ended; the
/// statements stay); a 404 means the server no longer knows the session (Gone, with a message saying so);
/// detach() stops everything without touching the server.
///
/// Guarantees:
/// - submit() sends exactly one `POST …/statements`. A failed or timed-out POST is reported through
///   submitFailed() and never retried (a retried statement would run twice). After a timeout the recent history
///   is reloaded, so a statement the server did receive still shows up.
/// - At most one poll request is in flight for the session, one for its log, one keep-alive, one history load.
/// - Errors are LivyError values (errorOccurred() for the status bar, plus the intent-specific signals); nothing
///   throws, nothing blocks, no nested event loops.
///
/// Do not delete a SessionController from a slot connected to its own signals; use deleteLater().
class SessionController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool reconnecting READ isReconnecting NOTIFY reconnectingChanged)
    Q_PROPERTY(bool logFollowing READ isLogFollowing WRITE setLogFollowing)
public:
    enum class Status {
        Detached,  ///< not attached yet, or detach() was called, or attaching failed
        Attaching, ///< resolving the session and loading its history
        Starting,  ///< the session exists but cannot take statements yet (starting, recovering)
        Ready,     ///< idle or busy: statements can be submitted (they queue while busy)
        Ended,     ///< terminal state (dead, error, killed, success); statements stay visible
        Gone,      ///< the server no longer knows the session (404, expired, deleted)
    };
    Q_ENUM(Status)

    using Settings = SessionControllerSettings;

    SessionController(Connection *connection, const SessionRef &ref, const Settings &settings = {},
                      QObject *parent = nullptr);
    ~SessionController() override;

    /// The activity switch the pollers observe (default PollActivity::global()). Set before attach().
    void setActivity(PollActivity *activity);

    /// Resolves the session, loads its history and starts following it. No effect unless Detached. With a delay
    /// the controller is Attaching at once and sends its first request after it (tabs restored together are
    /// spread out rather than sent in one burst).
    void attach(std::chrono::milliseconds delay = std::chrono::milliseconds(0));
    /// The delay the last attach() was asked to wait before its first request.
    std::chrono::milliseconds attachDelay() const { return m_attachDelay; }
    /// Stops polling, log following and keep-alive. The session on the server is left alone.
    void detach();

    SessionRef ref() const { return m_ref; }
    /// -1 until resolved.
    int sessionId() const { return m_session.id; }
    Session session() const { return m_session; }
    /// sessionIdentity() of the session first resolved (empty until then); stable for this controller's life.
    QString identity() const { return m_identity; }
    Status status() const { return m_status; }
    bool isReconnecting() const;
    LivyError lastError() const { return m_lastError; }
    const Settings &settings() const { return m_settings; }

    StatementListModel *statements() const { return m_statements; }
    /// The log lines that explain the last failure (see failureExplained()).
    QStringList failureExplanation() const { return m_failure; }
    LogModel *log() const { return m_log; }

    /// Runs `code` once. `kind` overrides the session kind (required for `shared` sessions: spark, pyspark,
    /// sparkr, sql). The run shows in the statement list at once ("sending…"); while the session is attaching or
    /// starting it waits there ("queued: the session is not ready") and goes out once the session is ready. Runs
    /// are sent one POST at a time, in order, each exactly once. The handle (and submitted()/submitFailed() with
    /// its ticket, always from the event loop) says how it ended. A session that has ended or is gone refuses it
    /// without a request.
    RunHandle *submit(const QString &code, const std::optional<QString> &kind = std::nullopt);
    /// Runs not sent yet (queued until the session is ready).
    QList<RunHandle *> queuedRuns() const;
    /// Takes a queued run back (its placeholder id, negative). False if it is already on its way or done.
    bool cancelRun(int localId);
    /// Asks the server to cancel a statement (waiting or running): "cancel requested" until it answers, then the
    /// model follows it to `cancelled`. A negative id is a queued run: cancelRun().
    void cancel(int statementId);
    /// Completion candidates for `code` at `cursor` (Livy only answers for Scala). `kind` defaults to the session
    /// kind; a `shared` session needs one. A newer request abandons an older one still in flight.
    int requestCompletion(const QString &code, int cursor, const QString &kind = {});
    /// Polls now and reloads the newest statements.
    void refresh();
    /// Reloads the newest `historySize` statements (merged into the model).
    void reloadHistory();

    /// Follow the log while it is shown (off by default: an idle open session must stay cheap).
    void setLogFollowing(bool following);
    bool isLogFollowing() const { return m_logFollowing; }
    void setKeepAliveEnabled(bool enabled);
    bool isKeepAliveEnabled() const { return m_settings.keepAlive; }

    /// The ServerController is deleting this session (`DELETE /sessions/{id}` blocks on the server for seconds,
    /// and the session already answers 404 meanwhile): stop following it, so that the 404 is not mistaken for a
    /// session that vanished. Then markDeleted() (done) or resumeAfterFailedDelete().
    void beginDelete();
    /// The delete the user asked for is done: Gone, without an error (lastError() stays clear).
    void markDeleted();
    /// The delete failed: follow the session again.
    void resumeAfterFailedDelete();
    bool isDeleting() const { return m_deleting; }

    /// The server's session list shows `listed` under this session's id. If it is another session (sessionIdentity()
    /// differs: Livy restarted without recovery and gave the id to a new session), this one is Gone, so that nothing
    /// is polled, kept alive or run in someone else's session. /connect answers are checked the same way.
    void checkListed(const Livy::Session &listed);

    // The engine parts, for diagnostics and tests.
    SessionPoller *sessionPoller() const { return m_poller; }
    KeepAlive *keepAlive() const { return m_keepAlive; }
    LogPoller *logPoller() const { return m_logPoller; }

Q_SIGNALS:
    void statusChanged(Livy::SessionController::Status status);
    void sessionChanged(const Livy::Session &session);
    void reconnectingChanged(bool reconnecting);
    /// Resolved and history loaded (or the history could not be loaded: errorOccurred() says why).
    void attached(const Livy::Session &session);
    /// The session does not exist (404 on the first look): nothing will be retried.
    void attachFailed(const Livy::LivyError &error);
    /// Opening the session failed in a way that may pass (a 500, a dropped connection, a cut body, a timeout):
    /// it is tried again after `retryIn`, or at once on refresh(). `message` says so for a user.
    void attachRetrying(const Livy::LivyError &error, std::chrono::milliseconds retryIn, const QString &message);
    void historyLoaded(int count);
    /// A run was accepted by submit() and is on its way (queued or sending); its handle says how it ends.
    void runQueued(Livy::RunHandle *run);
    void submitted(int ticket, const Livy::Statement &statement);
    void submitFailed(int ticket, const Livy::LivyError &error);
    /// A statement this controller followed reached a terminal state; the model already shows it.
    void statementFinished(const Livy::Statement &statement);
    void cancelFailed(int statementId, const Livy::LivyError &error);
    void completionsReady(int ticket, const QStringList &candidates);
    void completionFailed(int ticket, const Livy::LivyError &error);
    /// The session no longer exists on the server; `error.message()` says so in one line.
    void sessionGone(const Livy::LivyError &error);
    /// Why the session ended, or why an interpreter failed to start, from the session log (livy/logexplainer.h):
    /// Livy itself reports only a state or "Fail to start interpreter".
    void failureExplained(const QStringList &lines);
    /// Every failure worth a status-bar line (the first of a series of poll failures, every failed intent).
    void errorOccurred(const Livy::LivyError &error);

private:
    void setStatus(Status status);
    void onResolved(const Session &session);
    void startFollowing();
    void updateSession(const Session &session);
    void takeSession(const Session &session, bool confirmTerminal);
    void applyState(SessionState state, const QString &stateName);
    void goGone(const LivyError &cause);
    void goGoneBecause(const LivyError &cause, const QString &why);
    bool isReplacedBy(const Session &session) const;
    void report(const LivyError &error);
    void configureKeepAlive();
    void explainFailure();
    void scheduleAttach(std::chrono::milliseconds delay);
    void retryAttach();
    bool isReadyToSend() const;
    void sendNextRun();
    void failQueuedRuns(const LivyError &why);
    std::optional<std::chrono::milliseconds> idleTimeoutHint() const;
    bool isTerminalStatus() const { return m_status == Status::Ended || m_status == Status::Gone; }

    QPointer<Connection> m_connection;
    SessionRef m_ref;
    Settings m_settings;
    Session m_session;
    QString m_identity; ///< sessionIdentity() of the session first resolved: a later one under the same id is not it
    Status m_status = Status::Detached;
    LivyError m_lastError;
    StatementListModel *m_statements;
    LogModel *m_log;
    SessionPoller *m_poller;
    KeepAlive *m_keepAlive;
    LogPoller *m_logPoller;
    QPointer<LivyJob> m_attachJob;
    QPointer<LivyJob> m_historyJob;
    QPointer<CompletionJob> m_completionJob;
    QPointer<LivyJob> m_explainJob;
    QPointer<LivyJob> m_sendJob;
    QList<RunHandle *> m_runs; ///< queued, in order
    int m_nextLocalId = 0;
    QTimer *m_attachRetry = nullptr;
    int m_attachFailures = 0;
    std::chrono::milliseconds m_attachDelay{ 0 };
    QStringList m_failure;
    int m_nextTicket = 0;
    bool m_logFollowing = false;
    bool m_following = false;
    bool m_deleting = false;
};

} // namespace Livy
