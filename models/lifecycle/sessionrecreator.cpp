// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionrecreator.h"

#include "controllers/servercontroller.h"
#include "history/historystore.h"
#include "livy/connection.h"
#include "livy/createsessionjob.h"
#include "livy/getsessionlogjob.h"
#include "livy/getsessionstatejob.h"
#include "livy/logexplainer.h"
#include "livy/getstatementjob.h"
#include "livy/listsessionsjob.h"
#include "livy/liststatementsjob.h"
#include "livy/sessionidentity.h"
#include "livy/submitstatementjob.h"
#include "polling/poller.h"

#include <QDateTime>
#include <QTimer>

namespace Livy {

using std::chrono::milliseconds;
using Outcome = RecreateResult::Outcome;

namespace {

/// Livy's driver turns CRLF into LF in the code it echoes.
QString normalizedCode(QString code)
{
    return code.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
}

/// The request reached the servlet and was answered: it did what the answer says, nothing more. A 5xx on create
/// may come after the session was registered, so it is checked like a missing answer.
bool answeredWithoutEffect(const LivyError &error)
{
    return error.kind() == LivyError::Kind::Http && error.httpStatus() < 500;
}

} // namespace

bool RecreateResult::canResume() const
{
    switch (outcome) {
    case Outcome::CreateUnconfirmed:
        return true;
    case Outcome::SetupFailed:
    case Outcome::SetupRejected:
    case Outcome::SetupUnconfirmed:
        return session.id >= 0;
    default:
        return false;
    }
}

SessionRecreator::SessionRecreator(ServerController *server, QObject *parent)
    : SessionRecreator(server ? server->connection() : nullptr, parent)
{
    m_server = server;
    if (!server)
        return;
    connect(server, &ServerController::sessionCreated, this, [this](int ticket, const Session &session) {
        if (ticket == m_createTicket && m_phase == Phase::Creating) {
            m_createTicket = -1;
            onCreated(session);
        }
    });
    connect(server, &ServerController::createFailed, this, [this](int ticket, const LivyError &error) {
        if (ticket == m_createTicket && m_phase == Phase::Creating) {
            m_createTicket = -1;
            onCreateFailed(error);
        }
    });
}

SessionRecreator::SessionRecreator(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_poller(new Poller(this))
{
    m_poller->setActivity(nullptr); // the user is waiting for it: never paused
}

SessionRecreator::~SessionRecreator()
{
    if (m_job)
        m_job->abandon();
}

void SessionRecreator::setHistory(HistoryStore *store, const QString &server, const QString &profileId)
{
    m_store = store;
    m_historyServer = server;
    m_profileId = profileId;
}

void SessionRecreator::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

bool SessionRecreator::start(const RecreatePlan &plan)
{
    if (isRunning())
        return false;
    m_plan = plan;
    m_session = Session();
    m_result = RecreateResult();
    m_result.replacesSessionId = plan.replacesSessionId;
    m_result.replacesIdentity = plan.replacesIdentity;
    m_result.stepCount = int(plan.recipe.setup.size());
    m_done = 0;
    m_stepStatementId = -1;
    m_lastStatementId = -1;
    m_stepRanWithError = false;
    // The body as given, with a tag of its own: the new session must not share the old one's identity.
    m_tag = newSessionTag();
    m_sent = plan.recipe.request;
    QMap<QString, QString> conf = m_sent.conf.value_or(QMap<QString, QString>());
    conf.insert(SessionTagKey, m_tag);
    m_sent.conf = conf;
    m_poller->setErrorBackoff(m_settings.backoff);
    createSession();
    return true;
}

void SessionRecreator::createSession()
{
    setPhase(Phase::Creating);
    m_clock.start();
    m_createdMs = QDateTime::currentMSecsSinceEpoch();
    if (m_server) {
        m_createTicket = m_server->createSession(m_sent);
        return;
    }
    auto *job = new CreateSessionJob(m_connection, m_sent);
    m_job = job;
    connect(job, &LivyJob::finished, this, [this](LivyJob *j) {
        m_job = nullptr;
        if (m_phase != Phase::Creating)
            return;
        if (j->ok())
            onCreated(static_cast<CreateSessionJob *>(j)->session());
        else
            onCreateFailed(j->error());
    });
    job->start();
}

void SessionRecreator::onCreateFailed(const LivyError &error)
{
    if (answeredWithoutEffect(error)) {
        fail(Outcome::CreateFailed, error, error.describeFor(QStringLiteral("creating the session")));
        return;
    }
    findCreated(error, false);
}

void SessionRecreator::findCreated(const LivyError &cause, bool resending)
{
    // Did the POST make a session after all? Only this run's tag can tell.
    auto *job = new ListSessionsJob(m_connection, 0, 1000);
    m_job = job;
    connect(job, &LivyJob::finished, this, [this, cause, resending](LivyJob *j) {
        m_job = nullptr;
        if (m_phase != Phase::Creating)
            return;
        if (j->ok()) {
            for (const Session &s : static_cast<ListSessionsJob *>(j)->result().sessions) {
                if (s.conf.value(SessionTagKey) == m_tag) {
                    onCreated(s);
                    return;
                }
            }
            if (resending) {
                createSession();
                return;
            }
        }
        const LivyError shown = cause.isError() ? cause : j->error();
        if (cause.kind() == LivyError::Kind::Http) {
            fail(Outcome::CreateFailed, shown, shown.describeFor(QStringLiteral("creating the session")));
            return;
        }
        fail(Outcome::CreateUnconfirmed, shown,
             QStringLiteral("The server did not answer the request to create the session, and does not list it: "
                            "LivyDesk did not send it again (%1)")
                 .arg(shown.message()));
    });
    job->start();
}

void SessionRecreator::onCreated(const Session &session)
{
    m_session = session;
    m_result.session = session;
    Q_EMIT sessionCreated(session);
    recordHistory();
    startWaiting();
}

void SessionRecreator::recordHistory()
{
    if (!m_store)
        return;
    HistorySession key;
    key.server = m_historyServer;
    key.profileId = m_profileId;
    key.id = m_session.id;
    key.identity = sessionIdentity(m_session);
    key.name = m_session.name;
    key.kind = m_session.kind;
    SessionRecord record;
    record.session = key;
    record.request = m_sent;
    record.createdMs = m_createdMs;
    record.replacesRowId = m_plan.replacesRecordRowId;
    record.replacesSessionId = m_plan.replacesSessionId;
    record.templateName = m_plan.templateName;
    m_store->recordSession(record);
    m_store->setSetup(key, m_plan.recipe.setup);
}

void SessionRecreator::startWaiting()
{
    setPhase(Phase::Starting);
    const int id = m_session.id;
    m_poller->setJobFactory([this, id]() -> LivyJob * {
        return new GetSessionStateJob(m_connection, SessionRef::byId(id));
    });
    m_poller->setReplyHandler([this](LivyJob *job) -> Poller::Next {
        const bool late = m_clock.elapsed() > m_settings.startTimeout.count();
        if (!job->ok()) {
            if (job->error().isNotFound()) {
                fail(Outcome::StartFailed, job->error(),
                     QStringLiteral("Session %1 vanished before it was ready").arg(m_session.id));
                return Poller::Next::stop();
            }
            if (late) {
                fail(Outcome::StartFailed, job->error(),
                     QStringLiteral("Session %1 was not ready in time: %2").arg(m_session.id).arg(job->error().message()));
                return Poller::Next::stop();
            }
            return Poller::Next::retry();
        }
        const SessionStateInfo info = static_cast<GetSessionStateJob *>(job)->state();
        if (info.state != m_session.state || info.stateName != m_session.stateName) {
            m_session.state = info.state;
            m_session.stateName = info.stateName;
            m_result.session = m_session;
            Q_EMIT sessionStateChanged(m_session.id, info.state, info.stateName);
        }
        if (isReady(info.state)) {
            setPhase(Phase::Replaying);
            QTimer::singleShot(0, this, [this] {
                if (m_phase == Phase::Replaying)
                    runStep();
            });
            return Poller::Next::stop();
        }
        if (isTerminal(info.state) || info.state == SessionState::ShuttingDown) {
            failWithLog(QStringLiteral("Session %1 ended while starting (%2)").arg(m_session.id).arg(info.stateName));
            return Poller::Next::stop();
        }
        if (late) {
            fail(Outcome::StartFailed, {},
                 QStringLiteral("Session %1 was still %2 after %3 min; it was left as it is")
                     .arg(m_session.id)
                     .arg(info.stateName)
                     .arg(m_settings.startTimeout.count() / 60000));
            return Poller::Next::stop();
        }
        return Poller::Next::after(m_settings.starting.interval(milliseconds(m_clock.elapsed())));
    });
    m_poller->start();
}

void SessionRecreator::runStep()
{
    if (m_done >= m_plan.recipe.setup.size()) {
        succeed();
        return;
    }
    m_stepStatementId = -1;
    m_stepRanWithError = false;
    m_lastSeen = Statement();
    Q_EMIT stepStarted(m_done, int(m_plan.recipe.setup.size()), m_plan.recipe.setup.at(m_done));
    sendStep();
}

void SessionRecreator::sendStep()
{
    const SetupStatement &step = m_plan.recipe.setup.at(m_done);
    auto *job = new SubmitStatementJob(m_connection, SessionRef::byId(m_session.id), step.request());
    m_job = job;
    connect(job, &LivyJob::finished, this, [this](LivyJob *j) {
        m_job = nullptr;
        if (m_phase != Phase::Replaying)
            return;
        if (j->ok()) {
            followStep(static_cast<SubmitStatementJob *>(j)->statement().id);
            return;
        }
        const LivyError error = j->error();
        if (error.kind() == LivyError::Kind::Http) {
            // Refused: it did not run. Was it because the session is gone?
            checkSessionThen([this, error](bool alive, const LivyError &) {
                if (!alive)
                    fail(Outcome::SessionLost, error,
                         QStringLiteral("Session %1 ended during the setup").arg(m_session.id));
                else
                    fail(Outcome::SetupRejected, error,
                         error.describeFor(QStringLiteral("sending setup statement %1").arg(m_done + 1)));
            });
            return;
        }
        confirmStep(error, false);
    });
    job->start();
}

void SessionRecreator::confirmStep(const LivyError &cause, bool resending)
{
    // The POST got no answer: the server may have run it. Look for it after the last statement of this run.
    auto *job = new ListStatementsJob(m_connection, SessionRef::byId(m_session.id));
    m_job = job;
    const QString code = normalizedCode(m_plan.recipe.setup.at(m_done).code);
    connect(job, &LivyJob::finished, this, [this, cause, resending, code](LivyJob *j) {
        m_job = nullptr;
        if (m_phase != Phase::Replaying)
            return;
        if (j->ok()) {
            for (const Statement &st : static_cast<ListStatementsJob *>(j)->result().statements) {
                if (st.id > m_lastStatementId && normalizedCode(st.code) == code) {
                    followStep(st.id);
                    return;
                }
            }
            if (resending) {
                sendStep();
                return;
            }
        } else if (j->error().isSessionNotFound() || j->error().httpStatus() == 400) {
            fail(Outcome::SessionLost, j->error(), QStringLiteral("Session %1 ended during the setup").arg(m_session.id));
            return;
        }
        fail(Outcome::SetupUnconfirmed, cause,
             QStringLiteral("Setup statement %1 got no answer and the server does not list it: LivyDesk did not "
                            "send it again (%2)")
                 .arg(m_done + 1)
                 .arg(cause.message()));
    });
    job->start();
}

void SessionRecreator::followStep(int statementId)
{
    m_stepStatementId = statementId;
    m_lastStatementId = qMax(m_lastStatementId, statementId);
    m_clock.start();
    const int sessionId = m_session.id;
    m_poller->setJobFactory([this, sessionId, statementId]() -> LivyJob * {
        return new GetStatementJob(m_connection, SessionRef::byId(sessionId), statementId);
    });
    m_poller->setReplyHandler([this](LivyJob *job) -> Poller::Next {
        const int count = int(m_plan.recipe.setup.size());
        if (!job->ok()) {
            const LivyError error = job->error();
            if (error.isTransient())
                return Poller::Next::retry();
            // 404 (session or statement), 400 (session not active), 500: is the session still there?
            checkSessionThen([this, error](bool alive, const LivyError &) {
                if (!alive)
                    fail(Outcome::SessionLost, error,
                         QStringLiteral("Session %1 ended during setup statement %2").arg(m_session.id).arg(m_done + 1));
                else
                    fail(Outcome::SetupUnconfirmed, error,
                         error.describeFor(QStringLiteral("following setup statement %1").arg(m_done + 1)));
            });
            return Poller::Next::stop();
        }
        const Statement st = static_cast<GetStatementJob *>(job)->statement();
        if (!(st == m_lastSeen)) {
            m_lastSeen = st;
            Q_EMIT stepUpdated(m_done, count, st);
        }
        if (!isTerminal(st.state))
            return Poller::Next::after(m_settings.running.interval(milliseconds(m_clock.elapsed())));
        if (st.state == StatementState::Available && st.output && !st.output->isError()) {
            Q_EMIT stepFinished(m_done, count, st);
            ++m_done;
            m_result.stepsDone = m_done;
            QTimer::singleShot(0, this, [this] {
                if (m_phase == Phase::Replaying)
                    runStep();
            });
            return Poller::Next::stop();
        }
        // It ran and failed (or was cancelled by someone). Did it take the session with it?
        m_stepRanWithError = true;
        m_result.failedResult = st;
        const QString what = st.output && st.output->isError()
            ? st.output->ename + QStringLiteral(": ") + st.output->evalue.section(QLatin1Char('\n'), 0, 0)
            : QStringLiteral("it ended %1").arg(st.stateName);
        checkSessionThen([this, what](bool alive, const LivyError &) {
            if (!alive)
                fail(Outcome::SessionLost, {},
                     QStringLiteral("Session %1 died in setup statement %2: %3").arg(m_session.id).arg(m_done + 1).arg(what));
            else
                fail(Outcome::SetupFailed, {},
                     QStringLiteral("Setup statement %1 of %2 failed: %3")
                         .arg(m_done + 1)
                         .arg(m_plan.recipe.setup.size())
                         .arg(what));
        });
        return Poller::Next::stop();
    });
    m_poller->start();
}

void SessionRecreator::checkSessionThen(const std::function<void(bool, const LivyError &)> &then)
{
    auto *job = new GetSessionStateJob(m_connection, SessionRef::byId(m_session.id));
    m_job = job;
    const Phase phase = m_phase;
    connect(job, &LivyJob::finished, this, [this, then, phase](LivyJob *j) {
        m_job = nullptr;
        if (m_phase != phase)
            return;
        if (!j->ok()) {
            // Not found: gone. Anything else: we cannot tell; say it is alive so the run stops resumably.
            then(!j->error().isNotFound(), j->error());
            return;
        }
        const SessionStateInfo info = static_cast<GetSessionStateJob *>(j)->state();
        m_session.state = info.state;
        m_session.stateName = info.stateName;
        m_result.session = m_session;
        then(!isTerminal(info.state) && info.state != SessionState::ShuttingDown, {});
    });
    job->start();
}

void SessionRecreator::stopPolling()
{
    m_poller->stop();
    if (m_job) {
        LivyJob *job = m_job;
        m_job = nullptr;
        job->abandon();
    }
}

void SessionRecreator::failWithLog(const QString &message)
{
    // Why it died is in the tail of its log (Livy keeps it while it retains the session): one request, then the end.
    stopPolling();
    auto *job = new GetSessionLogJob(m_connection, SessionRef::byId(m_session.id), -1, 200);
    m_job = job;
    connect(job, &LivyJob::finished, this, [this, message](LivyJob *j) {
        m_job = nullptr;
        m_result.explanation = j->ok() ? explainFailure(static_cast<GetSessionLogJob *>(j)->page().lines) : QStringList();
        const QString because = m_result.explanation.isEmpty() ? QString() : QStringLiteral(": ") + m_result.explanation.first();
        fail(Outcome::StartFailed, {}, message + because);
    });
    job->start();
}

void SessionRecreator::fail(Outcome outcome, const LivyError &error, const QString &message)
{
    stopPolling();
    m_result.outcome = outcome;
    m_result.session = m_session;
    m_result.stepsDone = m_done;
    m_result.error = error;
    m_result.message = message;
    if (outcome != Outcome::StartFailed)
        m_result.explanation.clear();
    const bool stepFailure = outcome == Outcome::SetupFailed || outcome == Outcome::SetupRejected
        || outcome == Outcome::SetupUnconfirmed
        || (outcome == Outcome::SessionLost && m_done < m_plan.recipe.setup.size() && m_phase == Phase::Replaying);
    if (stepFailure) {
        m_result.failedStep = m_done;
        m_result.failedStatement = m_plan.recipe.setup.at(m_done);
    } else {
        m_result.failedStep = -1;
        m_result.failedStatement = {};
    }
    if (outcome != Outcome::SetupFailed && outcome != Outcome::SessionLost)
        m_result.failedResult = {};
    setPhase(Phase::Finished);
    Q_EMIT finished(m_result);
}

void SessionRecreator::succeed()
{
    stopPolling();
    m_result.outcome = Outcome::Succeeded;
    m_result.session = m_session;
    m_result.stepsDone = m_done;
    m_result.failedStep = -1;
    m_result.error = {};
    m_result.message = m_plan.replacesSessionId >= 0
        ? QStringLiteral("Session %1 replaces session %2; %3 setup statement(s) ran")
              .arg(m_session.id)
              .arg(m_plan.replacesSessionId)
              .arg(m_done)
        : QStringLiteral("Session %1 is ready; %2 setup statement(s) ran").arg(m_session.id).arg(m_done);
    setPhase(Phase::Finished);
    Q_EMIT finished(m_result);
}

void SessionRecreator::cancel()
{
    if (!isRunning())
        return;
    stopPolling();
    m_result.outcome = Outcome::Cancelled;
    m_result.session = m_session;
    m_result.stepsDone = m_done;
    m_result.message = QStringLiteral("Stopped by the user");
    m_createTicket = -1;
    setPhase(Phase::Finished);
    Q_EMIT finished(m_result);
}

bool SessionRecreator::resume(ResumeMode mode)
{
    if (m_phase != Phase::Finished || !m_result.canResume())
        return false;
    const Outcome was = m_result.outcome;
    m_result.error = {};
    m_result.message.clear();
    if (was == Outcome::CreateUnconfirmed) {
        setPhase(Phase::Creating);
        findCreated({}, true);
        return true;
    }
    setPhase(Phase::Replaying);
    if (mode == ResumeMode::SkipFailedStep) {
        ++m_done;
        m_result.stepsDone = m_done;
        runStep();
        return true;
    }
    m_stepRanWithError = false;
    m_lastSeen = Statement();
    Q_EMIT stepStarted(m_done, int(m_plan.recipe.setup.size()), m_plan.recipe.setup.at(m_done));
    if (was == Outcome::SetupUnconfirmed)
        confirmStep(LivyError(), true); // sent only if the server still does not list it
    else
        sendStep(); // refused (did not run), or ran with an error and the user asks to run it again
    return true;
}

} // namespace Livy
