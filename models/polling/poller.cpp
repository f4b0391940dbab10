// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "poller.h"

#include "livy/livyjob.h"
#include "pollactivity.h"

#include <QRandomGenerator>

namespace Livy {

using std::chrono::milliseconds;

Poller::Poller(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // tens of ms matter for the statement schedule
    connect(&m_timer, &QTimer::timeout, this, &Poller::fire);
    setActivity(PollActivity::global());
}

Poller::~Poller()
{
    halt(false);
}

void Poller::setActivity(PollActivity *activity)
{
    if (m_activity == activity)
        return;
    if (m_activity)
        disconnect(m_activity, nullptr, this, nullptr);
    m_activity = activity;
    if (m_activity)
        connect(m_activity, &PollActivity::activeChanged, this, &Poller::onActiveChanged);
    onActiveChanged(!isPaused());
}

bool Poller::isPaused() const
{
    return m_activity && !m_activity->isActive();
}

void Poller::start(milliseconds firstDelay)
{
    if (m_running)
        return;
    m_running = true;
    m_due = false;
    m_soon = milliseconds(-1);
    arm(firstDelay);
}

void Poller::stop()
{
    halt(false);
}

void Poller::halt(bool emitStopped)
{
    const bool wasRunning = m_running;
    m_running = false;
    m_due = false;
    m_timer.stop();
    if (LivyJob *job = m_job.data()) {
        m_job = nullptr;
        disconnect(job, nullptr, this, nullptr);
        job->abandon();
    }
    setReconnecting(false);
    if (emitStopped && wasRunning)
        Q_EMIT stopped();
}

void Poller::pollWithin(milliseconds delay)
{
    if (!m_running)
        return;
    delay = std::max(delay, milliseconds(0));
    if (m_job) {
        m_soon = m_soon.count() < 0 ? delay : std::min(m_soon, delay);
        return;
    }
    if (isPaused()) {
        m_due = true;
        return;
    }
    if (!m_timer.isActive() || m_timer.remainingTimeAsDuration() > delay)
        arm(delay);
}

void Poller::arm(milliseconds delay)
{
    m_lastDelay = delay;
    if (isPaused()) {
        m_timer.stop();
        m_due = true;
        return;
    }
    m_timer.start(delay);
}

void Poller::onActiveChanged(bool active)
{
    if (!m_running)
        return;
    if (!active) {
        if (m_timer.isActive()) {
            m_timer.stop();
            m_due = true;
        }
        return;
    }
    if (m_due && !m_job) {
        m_due = false;
        m_lastDelay = milliseconds(0);
        m_timer.start(0); // from the event loop, never from inside the caller's setActive()
    }
}

void Poller::fire()
{
    if (!m_running || m_job)
        return;
    if (isPaused()) {
        m_due = true;
        return;
    }
    LivyJob *job = m_factory ? m_factory() : nullptr;
    if (!job) {
        halt(true);
        return;
    }
    m_job = job;
    ++m_requests;
    connect(job, &LivyJob::finished, this, &Poller::onFinished);
    job->start();
}

void Poller::onFinished(LivyJob *job)
{
    if (job != m_job)
        return;
    m_job = nullptr;
    if (!m_running)
        return;
    const Next next = m_handler ? m_handler(job) : (job->ok() ? Next::after(milliseconds(1000)) : Next::retry());
    if (!m_running)
        return; // the handler stopped us
    milliseconds delay{ 0 };
    switch (next.kind()) {
    case Next::Kind::Stop:
        halt(true);
        return;
    case Next::Kind::Retry:
        ++m_failures;
        m_lastError = job->error();
        Q_EMIT requestFailed(m_lastError);
        if (m_lastError.isTransient())
            setReconnecting(true);
        delay = m_backoff.interval(m_failures, QRandomGenerator::global()->generateDouble());
        break;
    case Next::Kind::After:
        delay = next.delay();
        if (m_failures > 0) {
            m_failures = 0;
            m_lastError = {};
            setReconnecting(false);
            Q_EMIT recovered();
        }
        break;
    }
    if (!m_running)
        return; // a slot connected to our signals stopped us
    if (m_soon.count() >= 0) {
        delay = std::min(delay, m_soon);
        m_soon = milliseconds(-1);
    }
    arm(delay);
}

void Poller::setReconnecting(bool reconnecting)
{
    if (m_reconnecting == reconnecting)
        return;
    m_reconnecting = reconnecting;
    Q_EMIT reconnectingChanged(reconnecting);
}

} // namespace Livy
