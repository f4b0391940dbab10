// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keepalive.h"

#include "livy/connectsessionjob.h"
#include "poller.h"

namespace Livy {

KeepAlive::KeepAlive(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_poller(new Poller(this))
{
    m_poller->setActivity(nullptr); // never paused
    m_poller->setJobFactory([this]() -> LivyJob * {
        if (!m_connection || m_sessionId < 0)
            return nullptr;
        return new ConnectSessionJob(m_connection, SessionRef::byId(m_sessionId));
    });
    m_poller->setReplyHandler([this](LivyJob *job) {
        if (!job->ok()) {
            if (job->error().isNotFound()) {
                Q_EMIT gone(job->error());
                return Poller::Next::stop();
            }
            return Poller::Next::retry();
        }
        const Session session = static_cast<ConnectSessionJob *>(job)->session();
        Q_EMIT sessionRefreshed(session);
        if (isTerminal(session.state))
            return Poller::Next::stop();
        return Poller::Next::after(currentInterval());
    });
}

void KeepAlive::start()
{
    m_poller->start();
}

void KeepAlive::stop()
{
    m_poller->stop();
}

bool KeepAlive::isRunning() const
{
    return m_poller->isRunning();
}

int KeepAlive::sentCount() const
{
    return m_poller->requestCount();
}

} // namespace Livy
