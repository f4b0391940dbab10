// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessioncontroller.h"

#include "items/logmodel.h"
#include "items/statementlistmodel.h"
#include "livy/cancelstatementjob.h"
#include "livy/completionjob.h"
#include "livy/getsessionlogjob.h"
#include "livy/logexplainer.h"
#include "livy/getsessionjob.h"
#include "livy/liststatementsjob.h"
#include "livy/sessionidentity.h"
#include "livy/submitstatementjob.h"
#include "runhandle.h"
#include "polling/keepalive.h"
#include "polling/logpoller.h"
#include "polling/poller.h"
#include "polling/sessionpoller.h"

#include <QMetaObject>
#include <QRandomGenerator>

namespace Livy {

namespace {

LivyError notReady(const QString &what)
{
    return LivyError(LivyError::Kind::Protocol, what);
}

} // namespace

SessionController::SessionController(Connection *connection, const SessionRef &ref, const Settings &settings,
                                     QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_ref(ref)
    , m_settings(settings)
    , m_statements(new StatementListModel(this))
    , m_log(new LogModel(this))
    , m_poller(new SessionPoller(connection, m_statements, this))
    , m_keepAlive(new KeepAlive(connection, this))
    , m_logPoller(new LogPoller(connection, m_log, this))
{
    if (ref.isId())
        m_session.id = ref.id();
    m_session.name = ref.isId() ? QString() : ref.name();

    m_poller->setRunningSchedule(m_settings.running);
    m_poller->setSessionSchedule(m_settings.session);
    m_poller->setProgressInterval(m_settings.progressInterval);
    m_poller->setEndSignals(m_settings.endSignals);
    m_poller->setEndSchedule(m_settings.endSchedule);
    m_poller->poller()->setErrorBackoff(m_settings.backoff);
    m_logPoller->setIntervals(m_settings.logActiveInterval, m_settings.logIdleInterval);
    m_logPoller->poller()->setErrorBackoff(m_settings.backoff);
    m_keepAlive->setSchedule(m_settings.keepAliveSchedule);

    connect(m_poller, &SessionPoller::stateChanged, this, &SessionController::applyState);
    connect(m_poller, &SessionPoller::statementFinished, this, [this](const Statement &s) {
        // "Fail to start interpreter" / "Interpreter died": the reason is in the log.
        if (s.output && s.output->isError()
            && (s.output->ename == QLatin1String("InterpreterError") || s.output->evalue.startsWith(QLatin1String("Interpreter died"))))
            explainFailure();
        Q_EMIT statementFinished(s);
    });
    connect(m_poller, &SessionPoller::outsideActivity, this, &SessionController::reloadHistory);
    // A statement that vanished: the list says what the server still has (its real end, if it knows it).
    connect(m_poller, &SessionPoller::statementVanished, this, &SessionController::reloadHistory);
    connect(m_poller, &SessionPoller::gone, this, &SessionController::goGone);
    connect(m_poller, &SessionPoller::ended, this, [this](SessionState) {
        m_keepAlive->stop();
        setStatus(Status::Ended);
        explainFailure();
    });
    connect(m_poller->poller(), &Poller::reconnectingChanged, this, &SessionController::reconnectingChanged);
    connect(m_poller->poller(), &Poller::requestFailed, this, [this](const LivyError &error) {
        if (m_poller->poller()->consecutiveFailures() == 1)
            report(error);
    });
    connect(m_keepAlive, &KeepAlive::sessionRefreshed, this, &SessionController::updateSession);
    connect(m_keepAlive, &KeepAlive::gone, this, &SessionController::goGone);
    connect(m_logPoller, &LogPoller::gone, this, [this] { m_logPoller->stop(); });
}

SessionController::~SessionController()
{
    for (LivyJob *job : { m_attachJob.data(), m_historyJob.data(), static_cast<LivyJob *>(m_completionJob.data()), m_explainJob.data(),
                          m_sendJob.data() }) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abandon();
        }
    }
}

void SessionController::setActivity(PollActivity *activity)
{
    m_poller->poller()->setActivity(activity);
    m_logPoller->poller()->setActivity(activity);
}

bool SessionController::isReconnecting() const
{
    return m_poller->poller()->isReconnecting();
}

void SessionController::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
    if (status == Status::Ready) {
        for (RunHandle *run : std::as_const(m_runs))
            m_statements->setLocalState(run->localId(), tr("sending…"));
        sendNextRun();
    } else if (status == Status::Ended || status == Status::Gone) {
        // A statement that had not finished never will (its driver is gone, and Livy lists no statements of an ended
        // session): it no longer counts as running, and its row says the server does not have it.
        for (const int id : m_statements->pendingIds())
            m_statements->setVanished(id);
        failQueuedRuns(notReady(status == Status::Gone
                                    ? tr("Session %1 no longer exists; the statement was not sent").arg(m_session.id)
                                    : tr("Session %1 has ended (%2); the statement was not sent")
                                          .arg(m_session.id)
                                          .arg(sessionStateToString(m_session.state))));
    }
}

void SessionController::report(const LivyError &error)
{
    m_lastError = error;
    Q_EMIT errorOccurred(error);
}

void SessionController::attach(std::chrono::milliseconds delay)
{
    if (m_status != Status::Detached || m_attachJob || !m_ref.isValid())
        return;
    setStatus(Status::Attaching);
    m_attachFailures = 0;
    m_attachDelay = delay;
    if (delay.count() > 0)
        scheduleAttach(delay);
    else
        retryAttach();
}

void SessionController::retryAttach()
{
    if (m_attachJob || m_status != Status::Attaching)
        return;
    if (m_attachRetry)
        m_attachRetry->stop();
    auto *job = new GetSessionJob(m_connection, m_ref);
    m_attachJob = job;
    connect(job, &LivyJob::finished, this, [this](LivyJob *j) {
        m_attachJob = nullptr;
        if (j->ok()) {
            m_attachFailures = 0;
            onResolved(static_cast<GetSessionJob *>(j)->session());
            return;
        }
        const LivyError error = j->error();
        const QString who = m_ref.isId() ? QString::number(m_ref.id()) : m_ref.displayName();
        if (error.isNotFound()) {
            // Never seen: the session does not exist (a wrong id or name, or it is long gone).
            const LivyError missing(LivyError::Kind::Http, tr("There is no session %1 on this server").arg(who), 404,
                                    error.rawBody());
            m_poller->stop();
            setStatus(Status::Gone);
            report(missing.withRoute(error.route()));
            Q_EMIT attachFailed(m_lastError);
            return;
        }
        // Anything else may pass (an internal error, a dropped connection, a cut body, a timeout): GET is safe to
        // repeat, so try again with backoff; refresh() tries at once.
        ++m_attachFailures;
        const std::chrono::milliseconds delay = m_settings.backoff.interval(m_attachFailures, QRandomGenerator::global()->generateDouble());
        const QString message = tr("%1; retrying in %2 s")
                                    .arg(error.describeFor(tr("opening session %1").arg(who)))
                                    .arg(qMax<qint64>(1, (delay.count() + 500) / 1000));
        m_lastError = LivyError(error.kind(), message, error.httpStatus(), error.rawBody()).withRoute(error.route());
        if (m_attachFailures == 1)
            Q_EMIT errorOccurred(m_lastError);
        Q_EMIT attachRetrying(m_lastError, delay, message);
        scheduleAttach(delay);
    });
    job->start();
}

void SessionController::scheduleAttach(std::chrono::milliseconds delay)
{
    if (!m_attachRetry) {
        m_attachRetry = new QTimer(this);
        m_attachRetry->setSingleShot(true);
        connect(m_attachRetry, &QTimer::timeout, this, &SessionController::retryAttach);
    }
    m_attachRetry->start(delay);
}

void SessionController::onResolved(const Session &session)
{
    if (m_identity.isEmpty())
        m_identity = sessionIdentity(session);
    takeSession(session, false);
    if (isTerminal(session.state)) {
        // Statements of a finished session cannot be listed any more ("Session isn't active").
        setStatus(Status::Ended);
        explainFailure();
        Q_EMIT attached(m_session);
        return;
    }
    if (!isReady(session.state)) {
        startFollowing();
        Q_EMIT attached(m_session);
        return;
    }
    reloadHistory();
    // Polling starts once the history is in, so that running statements from it are followed.
}

void SessionController::startFollowing()
{
    if (m_following)
        return;
    m_following = true;
    m_poller->setSessionId(m_session.id);
    m_keepAlive->setSessionId(m_session.id);
    m_logPoller->setSessionId(m_session.id);
    m_logPoller->setSessionState(m_session.state);
    setStatus(isReady(m_session.state) ? Status::Ready : Status::Starting);
    m_poller->start(m_session.state);
    configureKeepAlive();
    if (m_logFollowing)
        m_logPoller->start();
}

void SessionController::reloadHistory()
{
    if (m_historyJob || m_session.id < 0 || isTerminalStatus())
        return;
    const SessionRef ref = SessionRef::byId(m_session.id);
    const int size = std::max(1, m_settings.historySize);
    const bool descending = m_settings.supportsDescendingOrder || (m_connection && m_connection->capabilities().descendingOrder());
    auto *job = descending
        ? new ListStatementsJob(m_connection, ref, -1, size, ListStatementsJob::Order::Descending)
        : new ListStatementsJob(m_connection, ref); // Livy < 0.8: everything retained (at most 100)
    m_historyJob = job;
    connect(job, &LivyJob::finished, this, [this, size, descending](LivyJob *j) {
        m_historyJob = nullptr;
        const bool attaching = m_status == Status::Attaching;
        if (j->ok()) {
            QList<Statement> list = static_cast<ListStatementsJob *>(j)->result().statements;
            if (!descending && list.size() > size)
                list = list.mid(list.size() - size);
            m_statements->mergeStatements(list);
            m_poller->trackPendingFromModel();
            Q_EMIT historyLoaded(int(list.size()));
        } else if (j->error().isNotFound() && !LivyError::serverMessage(j->rawBody()).contains(QLatin1String("Statement"))) {
            goGone(j->error());
            return;
        } else {
            report(j->error());
        }
        if (attaching) {
            startFollowing();
            Q_EMIT attached(m_session);
        }
    });
    job->start();
}

void SessionController::updateSession(const Session &session)
{
    takeSession(session, true);
}

void SessionController::takeSession(const Session &session, bool confirmTerminal)
{
    if (isReplacedBy(session)) {
        // A /connect answered by a later session that got this id: never take it (nor keep it alive) as this one.
        checkListed(session);
        return;
    }
    const bool changed = !(session == m_session);
    const SessionState previous = m_session.state;
    m_session = session;
    if (changed)
        Q_EMIT sessionChanged(m_session);
    if (previous != session.state)
        m_logPoller->setSessionState(session.state);
    if (m_following && !isTerminalStatus()) {
        if (isTerminal(session.state)) {
            if (confirmTerminal)
                m_poller->refresh(); // let the poller confirm it and stop everything in one place
        } else {
            setStatus(isReady(session.state) ? Status::Ready : Status::Starting);
        }
    }
}

void SessionController::applyState(SessionState state, const QString &stateName)
{
    Session s = m_session;
    s.state = state;
    s.stateName = stateName;
    takeSession(s, false);
}

std::optional<std::chrono::milliseconds> SessionController::idleTimeoutHint() const
{
    if (auto t = parseLivyDuration(m_session.idleTimeout))
        return t;
    return parseLivyDuration(m_session.ttl); // 0.8 ttl is the idle timeout (and garbage when it echoes proxyUser)
}

void SessionController::configureKeepAlive()
{
    m_keepAlive->setIdleTimeoutHint(idleTimeoutHint());
    if (m_settings.keepAlive && m_following && !isTerminalStatus() && !isTerminal(m_session.state))
        m_keepAlive->start();
    else
        m_keepAlive->stop();
}

void SessionController::explainFailure()
{
    if (m_explainJob || m_session.id < 0)
        return;
    // The tail of the log (Livy keeps it for a finished session while it retains the session).
    auto *job = new GetSessionLogJob(m_connection, SessionRef::byId(m_session.id), -1, 200);
    m_explainJob = job;
    connect(job, &LivyJob::finished, this, [this](LivyJob *j) {
        m_explainJob = nullptr;
        if (!j->ok())
            return; // nothing more to say than the state itself
        const QStringList lines = Livy::explainFailure(static_cast<GetSessionLogJob *>(j)->page().lines);
        if (lines.isEmpty() || lines == m_failure)
            return;
        m_failure = lines;
        Q_EMIT failureExplained(lines);
    });
    job->start();
}

void SessionController::setKeepAliveEnabled(bool enabled)
{
    m_settings.keepAlive = enabled;
    configureKeepAlive();
}

void SessionController::setLogFollowing(bool following)
{
    m_logFollowing = following;
    if (following && m_following && m_session.id >= 0 && m_status != Status::Gone)
        m_logPoller->start();
    else if (!following)
        m_logPoller->stop();
}

void SessionController::detach()
{
    m_poller->stop();
    m_keepAlive->stop();
    m_logPoller->stop();
    m_following = false;
    if (m_attachRetry)
        m_attachRetry->stop();
    if (m_attachJob) {
        disconnect(m_attachJob, nullptr, this, nullptr);
        m_attachJob->abandon();
        m_attachJob = nullptr;
    }
    if (!isTerminalStatus())
        setStatus(Status::Detached);
}

bool SessionController::isReplacedBy(const Session &session) const
{
    return !m_identity.isEmpty() && session.problem.isEmpty() && session.id == m_session.id && session.id >= 0
           && sessionIdentity(session) != m_identity;
}

void SessionController::checkListed(const Session &listed)
{
    if (isTerminalStatus() || m_deleting || !isReplacedBy(listed))
        return;
    goGoneBecause(LivyError(LivyError::Kind::Http, QString(), 404),
                  tr("Session %1 no longer exists on the server: the server restarted and gave its id to another session")
                      .arg(m_session.id));
}

void SessionController::goGone(const LivyError &cause)
{
    goGoneBecause(cause, {});
}

void SessionController::goGoneBecause(const LivyError &cause, const QString &why)
{
    if (m_status == Status::Gone || m_deleting) // a 404 while our own DELETE runs is that delete's effect
        return;
    m_poller->stop();
    m_keepAlive->stop();
    m_logPoller->stop();
    const QString who = m_session.id >= 0 ? QString::number(m_session.id) : m_ref.displayName();
    LivyError error(LivyError::Kind::Http,
                    why.isEmpty() ? tr("Session %1 no longer exists on the server (it ended, expired or was deleted)").arg(who)
                                  : why,
                    cause.httpStatus() ? cause.httpStatus() : 404, cause.rawBody());
    setStatus(Status::Gone);
    report(error);
    Q_EMIT sessionGone(error);
}

void SessionController::beginDelete()
{
    m_deleting = true;
    m_poller->stop();
    m_keepAlive->stop();
    m_logPoller->stop();
}

void SessionController::markDeleted()
{
    m_deleting = false;
    if (m_status == Status::Gone)
        return;
    m_poller->stop();
    m_keepAlive->stop();
    m_logPoller->stop();
    m_lastError = {};
    setStatus(Status::Gone);
}

void SessionController::resumeAfterFailedDelete()
{
    if (!m_deleting)
        return;
    m_deleting = false;
    if (m_following && !isTerminalStatus()) {
        m_poller->start(m_session.state);
        configureKeepAlive();
        if (m_logFollowing)
            m_logPoller->start();
    }
}

RunHandle *SessionController::submit(const QString &code, const std::optional<QString> &kind)
{
    const int ticket = ++m_nextTicket;
    auto *run = new RunHandle(ticket, --m_nextLocalId, code, kind && !kind->isEmpty() ? kind : std::nullopt, this);
    connect(run, &RunHandle::sent, this, [this, run](const Statement &s) { Q_EMIT submitted(run->ticket(), s); });
    connect(run, &RunHandle::failed, this, [this, run](const LivyError &e) { Q_EMIT submitFailed(run->ticket(), e); });
    LivyError refusal;
    if (m_status == Status::Gone)
        refusal = notReady(tr("Session %1 no longer exists; the statement was not sent").arg(m_session.id));
    else if (m_status == Status::Ended)
        refusal = notReady(tr("Session %1 has ended (%2); the statement was not sent")
                               .arg(m_session.id)
                               .arg(sessionStateToString(m_session.state)));
    else if (m_status == Status::Detached && !m_attachJob)
        refusal = notReady(tr("The session is not attached yet; the statement was not sent"));
    if (refusal) {
        // Always from the event loop, never from inside this call.
        QMetaObject::invokeMethod(this, [this, run, refusal] {
            report(refusal);
            run->markFailed(refusal);
            run->deleteLater();
        }, Qt::QueuedConnection);
        return run;
    }
    // Shown at once: "sending…", or queued until the session can take it (attaching, starting).
    m_statements->addLocal(run->localId(), code, isReadyToSend() ? tr("sending…") : tr("queued: the session is not ready"));
    m_runs.append(run);
    Q_EMIT runQueued(run);
    QMetaObject::invokeMethod(this, &SessionController::sendNextRun, Qt::QueuedConnection);
    return run;
}

bool SessionController::isReadyToSend() const
{
    return m_status == Status::Ready && m_following && m_session.id >= 0 && !m_deleting;
}

void SessionController::sendNextRun()
{
    // One POST at a time, in the order the code was run: Livy numbers statements in arrival order.
    if (m_sendJob || m_runs.isEmpty() || !isReadyToSend())
        return;
    RunHandle *run = m_runs.takeFirst();
    run->setState(RunHandle::State::Sending);
    m_statements->setLocalState(run->localId(), tr("sending…"));
    StatementRequest request;
    request.code = run->code();
    request.kind = run->kind();
    // Sent exactly once: LivyJob never re-sends a POST, and nothing here does either.
    auto *job = new SubmitStatementJob(m_connection, SessionRef::byId(m_session.id), request);
    m_sendJob = job;
    connect(job, &LivyJob::finished, this, [this, run](LivyJob *j) {
        m_sendJob = nullptr;
        m_statements->removeLocal(run->localId());
        if (j->ok()) {
            const Statement s = static_cast<SubmitStatementJob *>(j)->statement();
            m_statements->upsert(s);
            m_poller->track(s);
            run->markSent(s);
        } else {
            const LivyError error = j->error();
            report(error);
            run->markFailed(error);
            if (error.isNotFound()) {
                goGone(error);
            } else if (error.kind() == LivyError::Kind::Timeout || error.kind() == LivyError::Kind::Network) {
                // The server may have received it: show it if it did, without sending it again.
                reloadHistory();
            }
        }
        run->deleteLater();
        sendNextRun();
    });
    job->start();
}

void SessionController::failQueuedRuns(const LivyError &why)
{
    const QList<RunHandle *> runs = std::exchange(m_runs, {});
    for (RunHandle *run : runs) {
        m_statements->removeLocal(run->localId());
        report(why);
        run->markFailed(why);
        run->deleteLater();
    }
}

QList<RunHandle *> SessionController::queuedRuns() const
{
    return m_runs;
}

bool SessionController::cancelRun(int localId)
{
    for (RunHandle *run : std::as_const(m_runs)) {
        if (run->localId() != localId)
            continue;
        m_runs.removeOne(run);
        m_statements->removeLocal(localId);
        run->markCancelled();
        run->deleteLater();
        return true;
    }
    return false; // already on its way (a POST cannot be taken back) or done
}

void SessionController::cancel(int statementId)
{
    if (statementId < 0) {
        // A run the server has not acknowledged: cancelled here if it is still queued.
        if (!cancelRun(statementId)) {
            const LivyError e = notReady(tr("The code is already on its way to the server; cancel it once it appears"));
            QMetaObject::invokeMethod(this, [this, statementId, e] { Q_EMIT cancelFailed(statementId, e); }, Qt::QueuedConnection);
        }
        return;
    }
    if (m_session.id < 0 || m_status == Status::Gone) {
        const LivyError e = notReady(tr("The session is not available; nothing was cancelled"));
        QMetaObject::invokeMethod(this, [this, statementId, e] { Q_EMIT cancelFailed(statementId, e); }, Qt::QueuedConnection);
        return;
    }
    // "cancel requested" until the server answers (then the statement's own state takes over).
    m_statements->setCancelRequested(statementId, true);
    auto *job = new CancelStatementJob(m_connection, SessionRef::byId(m_session.id), statementId);
    connect(job, &LivyJob::finished, this, [this, statementId](LivyJob *j) {
        if (!j->ok()) {
            m_statements->setCancelRequested(statementId, false);
            report(j->error());
            Q_EMIT cancelFailed(statementId, j->error());
            return;
        }
        // Follow it to `cancelled` (it may come from the history and not be tracked yet).
        if (const std::optional<Statement> s = m_statements->statement(statementId))
            m_poller->track(*s);
        m_poller->refresh();
    });
    job->start();
}

int SessionController::requestCompletion(const QString &code, int cursor, const QString &kind)
{
    const int ticket = ++m_nextTicket;
    QString effectiveKind = kind.isEmpty() ? m_session.kind : kind;
    LivyError refusal;
    if (m_session.id < 0 || m_status == Status::Gone || m_status == Status::Ended)
        refusal = notReady(tr("The session is not available for completion"));
    else if (effectiveKind.isEmpty() || effectiveKind == QLatin1String("shared"))
        refusal = notReady(tr("Completion in a shared session needs a language (spark, pyspark, sparkr or sql)"));
    if (refusal) {
        QMetaObject::invokeMethod(this, [this, ticket, refusal] { Q_EMIT completionFailed(ticket, refusal); },
                                  Qt::QueuedConnection);
        return ticket;
    }
    if (m_completionJob) {
        disconnect(m_completionJob, nullptr, this, nullptr);
        m_completionJob->abandon(); // superseded by this request
    }
    CompletionRequest request;
    request.code = code;
    request.cursor = cursor;
    request.kind = effectiveKind;
    auto *job = new CompletionJob(m_connection, SessionRef::byId(m_session.id), request);
    m_completionJob = job;
    connect(job, &LivyJob::finished, this, [this, ticket](LivyJob *j) {
        m_completionJob = nullptr;
        if (j->ok())
            Q_EMIT completionsReady(ticket, static_cast<CompletionJob *>(j)->result().candidates);
        else
            Q_EMIT completionFailed(ticket, j->error());
    });
    job->start();
    return ticket;
}

void SessionController::refresh()
{
    if (m_status == Status::Attaching && !m_attachJob) {
        retryAttach(); // F5 while waiting to retry opening: now
        return;
    }
    if (m_following && !isTerminalStatus()) {
        m_poller->refresh();
        reloadHistory();
    }
    if (m_logFollowing)
        m_logPoller->refresh();
}

} // namespace Livy
