// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlistpoller.h"

#include "items/sessionlistmodel.h"
#include "livy/listsessionsjob.h"
#include "poller.h"

#include <QThreadPool>

namespace Livy {

using std::chrono::milliseconds;

SessionListPoller::SessionListPoller(Connection *connection, SessionListModel *model, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_model(model)
    , m_poller(new Poller(this))
{
    m_sinceActivity.start();
    m_poller->setJobFactory([this]() -> LivyJob * {
        if (!m_connection || !m_model)
            return nullptr;
        if (m_pageFrom > 0 && m_snapshotClock.elapsed() > MaxSnapshotSpan.count()) {
            // Paused (or slowed) between two pages: pages of two different moments must not be mixed.
            m_pageFrom = 0;
            m_accumulated.clear();
        }
        if (m_pageFrom == 0) {
            ++m_snapshot;
            m_snapshotClock.start();
        }
        return new ListSessionsJob(m_connection, m_pageFrom, m_pageSize);
    });
    m_poller->setReplyHandler([this](LivyJob *job) {
        if (!job->ok()) {
            // Start the snapshot over: pages of two different moments must not be mixed.
            m_pageFrom = 0;
            m_accumulated.clear();
            return Poller::Next::retry();
        }
        const SessionList &page = static_cast<ListSessionsJob *>(job)->result();
        m_accumulated += page.sessions;
        const int next = m_pageFrom + int(page.sessions.size());
        if (!page.sessions.isEmpty() && next < page.total) {
            m_pageFrom = next;
            return Poller::Next::after(milliseconds(0));
        }
        QList<Session> snapshot = std::exchange(m_accumulated, {});
        m_pageFrom = 0;
        for (auto it = m_tombstones.begin(); it != m_tombstones.end();) {
            if (m_snapshot <= it.value()) {
                const int deleted = it.key();
                snapshot.removeIf([deleted](const Session &s) { return s.id == deleted; });
                ++it;
            } else {
                it = m_tombstones.erase(it); // this snapshot started after the delete: it is authoritative
            }
        }
        const bool changed = m_model && m_model->setSessions(snapshot);
        if (changed)
            m_sinceActivity.restart();
        bool transitional = false;
        for (const Session &s : std::as_const(snapshot))
            transitional = transitional || isStarting(s.state) || s.state == SessionState::ShuttingDown;
        releaseSnapshot(std::move(snapshot));
        m_loaded = true;
        Q_EMIT refreshed(changed);
        return Poller::Next::after(m_schedule.interval(milliseconds(m_sinceActivity.elapsed()), transitional));
    });
}

void SessionListPoller::releaseSnapshot(QList<Session> snapshot)
{
    // Every poll decodes the whole list afresh; the model keeps its rows for sessions that did not change, so the
    // snapshot's strings are garbage now: about 20 allocations a session, some 100,000 frees for 5,000 sessions,
    // which took longer than the model's whole update. Implicit sharing counts references atomically, so the last
    // references may be dropped on a worker thread (rows that took a session from the snapshot keep their own).
    if (snapshot.size() < ReleaseOnWorkerFrom)
        return;
    QThreadPool::globalInstance()->start([garbage = std::move(snapshot)]() mutable { garbage = {}; });
}

void SessionListPoller::start()
{
    m_pageFrom = 0;
    m_accumulated.clear();
    m_poller->start();
}

void SessionListPoller::stop()
{
    m_poller->stop();
    m_pageFrom = 0;
    m_accumulated.clear();
}

bool SessionListPoller::isRunning() const
{
    return m_poller->isRunning();
}

void SessionListPoller::refresh()
{
    noteActivity();
    m_poller->pollNow();
}

void SessionListPoller::noteDeleted(int sessionId)
{
    m_tombstones.insert(sessionId, m_snapshot);
    noteActivity();
}

void SessionListPoller::noteActivity()
{
    m_sinceActivity.restart();
    m_poller->pollWithin(m_schedule.fast);
}

} // namespace Livy
