// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logpoller.h"

#include "items/logmodel.h"
#include "livy/getsessionlogjob.h"
#include "poller.h"

namespace Livy {

using std::chrono::milliseconds;

LogPoller::LogPoller(Connection *connection, LogModel *model, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_model(model)
    , m_poller(new Poller(this))
{
    m_poller->setJobFactory([this]() -> LivyJob * {
        if (!m_connection || !m_model || m_sessionId < 0)
            return nullptr;
        const LogModel::Fetch f = m_model->nextFetch();
        return new GetSessionLogJob(m_connection, SessionRef::byId(m_sessionId), f.from, f.size);
    });
    m_poller->setReplyHandler([this](LivyJob *job) {
        if (!job->ok()) {
            if (job->error().isNotFound()) {
                Q_EMIT gone();
                return Poller::Next::stop();
            }
            return Poller::Next::retry();
        }
        const bool more = m_model && m_model->applyPage(static_cast<GetSessionLogJob *>(job)->page());
        if (more)
            return Poller::Next::after(milliseconds(0));
        if (isTerminal(m_state))
            return Poller::Next::stop(); // that was the last read
        const bool lively = isStarting(m_state) || m_state == SessionState::Busy
            || m_state == SessionState::ShuttingDown;
        return Poller::Next::after(lively ? m_active : m_idle);
    });
}

void LogPoller::setSessionState(SessionState state)
{
    const SessionState previous = m_state;
    m_state = state;
    if (!m_poller->isRunning())
        return;
    if (isTerminal(state) && !isTerminal(previous))
        m_poller->pollNow(); // the last lines, then stop
    else if (state != previous && (state == SessionState::Busy || isStarting(state)))
        m_poller->pollWithin(m_active);
}

void LogPoller::start()
{
    m_poller->start();
}

void LogPoller::stop()
{
    m_poller->stop();
}

bool LogPoller::isRunning() const
{
    return m_poller->isRunning();
}

void LogPoller::refresh()
{
    m_poller->pollNow();
}

} // namespace Livy
