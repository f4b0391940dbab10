// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundtask.h"

#include <QMetaObject>
#include <QThreadPool>

namespace Livy {

namespace Detail {

void TaskShared::post(std::function<void()> call)
{
    const QMutexLocker locker(&mutex);
    if (!channel || cancelled.load())
        return;
    QMetaObject::invokeMethod(channel, std::move(call), Qt::QueuedConnection);
}

TaskChannel::TaskChannel(QObject *receiver, std::shared_ptr<TaskShared> shared)
    : QObject(receiver)
    , m_shared(std::move(shared))
{
    const QMutexLocker locker(&m_shared->mutex);
    m_shared->channel = this;
}

TaskChannel::~TaskChannel()
{
    // After this block no worker can post to us any more; ~QObject then drops what was already posted.
    const QMutexLocker locker(&m_shared->mutex);
    m_shared->channel = nullptr;
    m_shared->cancelled.store(true);
}

} // namespace Detail

TaskContext::TaskContext(std::shared_ptr<Detail::TaskShared> shared, std::function<void(qint64, qint64)> progress)
    : m_shared(std::move(shared))
    , m_progress(std::move(progress))
{
    m_sinceLastReport.start();
}

void TaskContext::reportProgress(qint64 done, qint64 total) const
{
    if (!m_progress || m_sinceLastReport.elapsed() < 100)
        return;
    m_sinceLastReport.restart();
    m_progress(done, total);
}

BackgroundTask::BackgroundTask(QObject *receiver)
    : m_shared(std::make_shared<Detail::TaskShared>())
    , m_channel(new Detail::TaskChannel(receiver, m_shared))
{
}

void BackgroundTask::start(std::function<void()> runnable)
{
    QThreadPool::globalInstance()->start(std::move(runnable));
}

void BackgroundTask::cancel()
{
    if (!m_shared)
        return;
    m_shared->cancelled.store(true);
    if (m_channel)
        m_channel->deleteLater();
    m_channel.clear();
}

bool BackgroundTask::isActive() const
{
    return m_shared && !m_shared->cancelled.load() && !m_shared->finished.load();
}

} // namespace Livy
