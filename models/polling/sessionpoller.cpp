// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionpoller.h"

#include "items/statementlistmodel.h"
#include "livy/getsessionstatejob.h"
#include "livy/getstatementjob.h"
#include "livy/outcome.h"
#include "poller.h"

#include <algorithm>

namespace Livy {

using std::chrono::milliseconds;

namespace {

/// GET …/statements/{sid} answers an unknown or evicted statement with the bare string "Statement not found";
/// an unknown session carries {"msg":"Session '…' not found."}.
bool isStatementNotFound(const LivyError &error)
{
    return error.isNotFound() && error.serverText().contains(QLatin1String("Statement not found"), Qt::CaseInsensitive);
}

} // namespace

SessionPoller::SessionPoller(Connection *connection, StatementListModel *statements, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_statements(statements)
    , m_poller(new Poller(this))
{
    m_headClock.start();
    m_stateClock.start();
    m_progressClock.start();
    m_lingerClock.start();
    m_poller->setJobFactory([this] { return makeJob(); });
    m_poller->setReplyHandler([this](LivyJob *job) { return handleReply(job); });
}

void SessionPoller::start(SessionState knownState)
{
    if (m_poller->isRunning())
        return;
    m_state = knownState;
    m_stateClock.restart();
    m_fetchStatementNext = false;
    m_forceStateNext = false;
    trackPendingFromModel();
    if (isTerminal(knownState))
        return;
    m_poller->start(m_tracked.isEmpty() ? idleDelay() : m_running.floor);
}

void SessionPoller::stop()
{
    m_poller->stop();
}

void SessionPoller::clearLingering()
{
    const QList<int> ids = std::exchange(m_lingering, {});
    if (m_statements) {
        for (const int id : ids)
            m_statements->setStillRunning(id, false);
    }
    m_lingerNow = false;
    m_lingerConfirm = false;
}

milliseconds SessionPoller::runningDelay()
{
    const milliseconds blind = m_running.interval(headElapsed());
    if (!m_endSignals || m_tracked.isEmpty()) {
        m_phase = EndSchedule::Phase::Blind;
        return blind;
    }
    const EndSchedule::Plan plan = m_endSchedule.plan(headElapsed(), m_end.end(), blind);
    m_phase = plan.phase;
    return plan.delay;
}

bool SessionPoller::progressDue() const
{
    if (m_progressInterval.count() <= 0)
        return false;
    milliseconds every = m_progressInterval;
    if (m_endSignals) {
        if (m_phase == EndSchedule::Phase::Quiet)
            return true; // far from the expected end: refine it with each (sparse) poll
        if (m_phase == EndSchedule::Phase::Blind || m_phase == EndSchedule::Phase::Overdue) // (again) no end to aim at
            every = std::clamp(headElapsed() / 4, std::min(milliseconds(250), m_progressInterval), m_progressInterval);
    }
    return m_progressClock.elapsed() >= every.count();
}

void SessionPoller::setRemainingHint(int statementId, milliseconds remaining)
{
    if (!m_endSignals || m_tracked.isEmpty() || m_tracked.first().id != statementId)
        return;
    m_end.addRemaining(headElapsed(), remaining);
    if (m_poller->isRunning())
        m_poller->pollWithin(runningDelay());
}

milliseconds SessionPoller::nextDelay()
{
    if (!m_tracked.isEmpty())
        return runningDelay();
    if (!m_lingering.isEmpty()) {
        if (m_lingerNow || m_lingerConfirm)
            return m_lingerConfirm ? milliseconds(250) : milliseconds(0);
        const milliseconds due = m_sessionSchedule.busy - milliseconds(m_lingerClock.elapsed());
        return std::clamp(due, milliseconds(0), std::min(idleDelay(), m_sessionSchedule.busy));
    }
    return idleDelay();
}

bool SessionPoller::isRunning() const
{
    return m_poller->isRunning();
}

void SessionPoller::refresh()
{
    m_poller->pollNow();
}

void SessionPoller::checkState()
{
    m_forceStateNext = true;
    m_poller->pollNow();
}

void SessionPoller::track(const Statement &statement)
{
    if (isTerminal(statement.state) || statement.id < 0)
        return;
    const auto at = std::lower_bound(m_tracked.begin(), m_tracked.end(), statement.id,
                                     [](const Tracked &t, int id) { return t.id < id; });
    if (at != m_tracked.end() && at->id == statement.id)
        return;
    const bool newHead = at == m_tracked.begin();
    m_tracked.insert(at, Tracked{ statement.id, statement.state == StatementState::Running });
    if (newHead) {
        m_headClock.restart();
        m_progressClock.restart();
        m_end.reset();
    }
    m_poller->pollWithin(runningDelay());
}

void SessionPoller::trackPendingFromModel()
{
    if (!m_statements)
        return;
    for (const int id : m_statements->pendingIds()) {
        if (const std::optional<Statement> s = m_statements->statement(id))
            track(*s);
    }
    // A cancelled statement without output that had started is still running (its output comes when it ends).
    const QList<Statement> all = m_statements->statements();
    for (const Statement &s : all) {
        if (isCancelledButRunning(s) && !m_lingering.contains(s.id)) {
            m_lingering.append(s.id);
            m_statements->setStillRunning(s.id, true);
            m_lingerNow = true;
        }
    }
    std::sort(m_lingering.begin(), m_lingering.end());
    if (!m_lingering.isEmpty() && m_poller->isRunning())
        m_poller->pollWithin(m_sessionSchedule.busy);
}

QList<int> SessionPoller::trackedIds() const
{
    QList<int> ids;
    for (const Tracked &t : m_tracked)
        ids.append(t.id);
    return ids;
}

Poller::Next SessionPoller::handleLingering(const Statement &statement)
{
    if (m_statements)
        m_statements->upsert(statement);
    if (statement.output || statement.state != StatementState::Cancelled) {
        if (!m_lingerConfirm) {
            // Livy fills in the output, then `completed`: one more look a moment later gets the final stamp.
            m_lingerConfirm = true;
            return Poller::Next::after(nextDelay());
        }
        m_lingerConfirm = false;
        m_lingering.removeAll(statement.id);
        if (m_statements)
            m_statements->setStillRunning(statement.id, false);
    }
    return Poller::Next::after(nextDelay());
}

int SessionPoller::nextStatementId() const
{
    int next = 0;
    if (m_statements) {
        const QList<Statement> all = m_statements->statements();
        if (!all.isEmpty())
            next = all.last().id + 1; // rows are in ascending id order
    }
    return next;
}

Poller::Next SessionPoller::handleProbe(LivyJob *job)
{
    if (!job->ok()) {
        const LivyError error = job->error();
        if (isStatementNotFound(error))
            return Poller::Next::after(idleDelay()); // nothing new: the usual answer
        if (error.isNotFound()) {
            clearLingering();
            Q_EMIT gone(error);
            return Poller::Next::stop();
        }
        // "Session isn't active" (400) and anything else: let /state say what the session is doing.
        m_forceStateNext = true;
        if (error.kind() == LivyError::Kind::Http && error.httpStatus() < 500)
            return Poller::Next::after(milliseconds(0));
        return Poller::Next::retry();
    }
    const Statement statement = static_cast<GetStatementJob *>(job)->statement();
    if (statement.id != m_requestedStatement || !m_statements)
        return Poller::Next::after(idleDelay());
    m_statements->upsert(statement);
    Q_EMIT statementDiscovered(statement);
    if (!isTerminal(statement.state)) {
        track(statement); // someone else's statement is running: follow it like ours
        return Poller::Next::after(m_running.floor);
    }
    m_idlePolls = 0;
    return Poller::Next::after(milliseconds(0)); // there may be more behind it
}

milliseconds SessionPoller::headElapsed() const
{
    return milliseconds(m_headClock.elapsed());
}

milliseconds SessionPoller::idleDelay() const
{
    return m_sessionSchedule.interval(m_state, milliseconds(m_stateClock.elapsed())).value_or(m_sessionSchedule.idle);
}

void SessionPoller::applyState(SessionState state, const QString &name)
{
    if (state == m_state && name == m_stateName)
        return;
    m_state = state;
    m_stateName = name;
    m_stateClock.restart();
    Q_EMIT stateChanged(state, name);
}

void SessionPoller::forget(int statementId)
{
    const bool wasHead = !m_tracked.isEmpty() && m_tracked.first().id == statementId;
    m_tracked.removeIf([statementId](const Tracked &t) { return t.id == statementId; });
    if (wasHead) {
        m_headClock.restart(); // the next statement in the queue starts about now
        m_progressClock.restart();
        m_end.reset();
    }
}

LivyJob *SessionPoller::makeJob()
{
    if (!m_connection || m_sessionId < 0)
        return nullptr;
    const SessionRef ref = SessionRef::byId(m_sessionId);
    if (!m_lingering.isEmpty()
        && (m_lingerNow || m_lingerConfirm || m_lingerClock.elapsed() >= m_sessionSchedule.busy.count())) {
        m_lastRequest = Request::Lingering;
        m_lingerNow = false;
        m_lingerClock.restart();
        m_requestedStatement = m_lingering.first();
        return new GetStatementJob(m_connection, ref, m_requestedStatement);
    }
    if (m_tracked.isEmpty() && m_lingering.isEmpty() && isReady(m_state) && !m_forceStateNext && m_statements
        && m_idlePolls % 3 != 2) {
        ++m_idlePolls;
        m_lastRequest = Request::Probe;
        m_requestedStatement = nextStatementId();
        return new GetStatementJob(m_connection, ref, m_requestedStatement);
    }
    if (!m_tracked.isEmpty())
        ++m_phasePolls[int(m_phase)];
    if (!m_tracked.isEmpty() && !m_forceStateNext
        && (m_fetchStatementNext || m_tracked.size() >= 2 || progressDue())) {
        m_lastRequest = Request::Statement;
        m_progressClock.restart();
        m_requestedStatement = m_tracked.first().id;
        return new GetStatementJob(m_connection, ref, m_requestedStatement);
    }
    m_forceStateNext = false;
    m_lastRequest = Request::State;
    if (m_tracked.isEmpty())
        m_idlePolls = m_idlePolls % 3 == 2 ? 0 : m_idlePolls;
    return new GetSessionStateJob(m_connection, ref);
}

Poller::Next SessionPoller::handleReply(LivyJob *job)
{
    if (m_statements && m_connection)
        m_statements->setServerClockOffset(m_connection->serverClockOffsetMs());
    if (m_lastRequest == Request::Probe)
        return handleProbe(job);
    if (!job->ok()) {
        const LivyError error = job->error();
        if (m_lastRequest == Request::Lingering && isStatementNotFound(error)) {
            // Evicted: nothing more to learn about its end.
            m_lingering.removeAll(m_requestedStatement);
            if (m_statements)
                m_statements->setStillRunning(m_requestedStatement, false);
            m_lingerConfirm = false;
            return Poller::Next::after(nextDelay());
        }
        if (m_lastRequest == Request::Statement && isStatementNotFound(error)) {
            // Evicted (livy.rsc.retained-statements) or the session restarted: nothing left to wait for, and the
            // row must not spin on without a request behind it.
            forget(m_requestedStatement);
            if (m_statements)
                m_statements->setVanished(m_requestedStatement);
            Q_EMIT statementVanished(m_requestedStatement);
            m_fetchStatementNext = false;
            return Poller::Next::after(m_tracked.isEmpty() ? nextDelay() : m_running.floor);
        }
        if (error.isNotFound()) {
            clearLingering();
            Q_EMIT gone(error);
            return Poller::Next::stop();
        }
        if (m_lastRequest != Request::State) {
            // Check the session itself before insisting on the statement (it may have died).
            m_forceStateNext = true;
            m_fetchStatementNext = false;
        }
        return Poller::Next::retry();
    }

    if (m_lastRequest == Request::State) {
        const SessionStateInfo &info = static_cast<GetSessionStateJob *>(job)->state();
        const SessionState previous = m_state;
        applyState(info.state, info.stateName);
        if (isTerminal(m_state)) {
            clearLingering();
            Q_EMIT ended(m_state);
            return Poller::Next::stop();
        }
        if (!m_lingering.isEmpty() && m_state == SessionState::Idle)
            m_lingerNow = true; // the queue drained: the code that could not be interrupted has ended
        if (m_tracked.isEmpty()) {
            if (previous == SessionState::Busy && m_state == SessionState::Idle && m_lingering.isEmpty())
                Q_EMIT outsideActivity();
            return Poller::Next::after(nextDelay());
        }
        if (m_state == SessionState::Busy)
            return Poller::Next::after(runningDelay());
        if (isReady(m_state)) {
            // Idle with a statement pending: it either finished or has not been picked up yet. Look at it now.
            m_fetchStatementNext = true;
            return Poller::Next::after(milliseconds(0));
        }
        return Poller::Next::after(std::min(idleDelay(), m_sessionSchedule.busy));
    }

    const Statement statement = static_cast<GetStatementJob *>(job)->statement();
    if (m_lastRequest == Request::Lingering)
        return handleLingering(statement);
    m_fetchStatementNext = false;
    if (m_statements)
        m_statements->upsert(statement);
    if (isTerminal(statement.state)) {
        forget(statement.id);
        if (isCancelledButRunning(statement) && !m_lingering.contains(statement.id)) {
            // Livy gave up cancelling: the code runs on and the statements behind it wait. Follow it to its end.
            m_lingering.append(statement.id);
            std::sort(m_lingering.begin(), m_lingering.end());
            m_lingerClock.restart();
            if (m_statements)
                m_statements->setStillRunning(statement.id, true);
        }
        Q_EMIT statementFinished(statement);
        if (m_tracked.isEmpty())
            return Poller::Next::after(nextDelay());
        return Poller::Next::after(m_running.floor); // the next one in the queue just started
    }
    for (Tracked &t : m_tracked) {
        if (t.id == statement.id)
            t.seenRunning = t.seenRunning || statement.state == StatementState::Running;
    }
    if (statement.id == m_tracked.first().id && statement.state == StatementState::Running)
        m_end.addProgress(headElapsed(), statement.progress);
    return Poller::Next::after(runningDelay());
}

} // namespace Livy
