// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Off-GUI-thread work without Qt Concurrent and without nested event loops.
//
// BackgroundTask::run() executes a function on QThreadPool::globalInstance() and hands progress reports and the
// result back to a receiver QObject, in the receiver's thread, through queued calls. The delivery is dropped when
// the task was cancelled or the receiver has been destroyed in the meantime, so a widget may start a parse and
// be closed before it finishes. The work itself only sees a TaskContext: it must not touch the receiver, and it
// should poll isCancelled() now and then so that an abandoned parse stops early.

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

namespace Livy {

namespace Detail {
class TaskChannel;

/// State shared between the receiver-side channel and the worker. The mutex orders "post an event to the
/// channel" (worker) against "the channel is being destroyed" (receiver thread), which is what makes posting
/// from the worker safe.
struct TaskShared
{
    QMutex mutex;
    TaskChannel *channel = nullptr;
    std::atomic_bool cancelled{false};
    std::atomic_bool finished{false};

    /// Queues `call` to run in the channel's thread, unless the task is cancelled or the channel is gone.
    void post(std::function<void()> call);
};

/// A tiny QObject owned by the receiver: the target of the queued calls. Destroying it (with its receiver)
/// removes the calls not yet delivered.
class TaskChannel final : public QObject // NOLINT: no signals or slots, so no Q_OBJECT
{
public:
    TaskChannel(QObject *receiver, std::shared_ptr<TaskShared> shared);
    ~TaskChannel() override;

private:
    std::shared_ptr<TaskShared> m_shared;
};
} // namespace Detail

/// What the work function sees: cancellation and throttled progress reports.
class TaskContext
{
public:
    explicit TaskContext(std::shared_ptr<Detail::TaskShared> shared, std::function<void(qint64, qint64)> progress);

    bool isCancelled() const { return m_shared->cancelled.load(std::memory_order_relaxed); }
    /// Reports progress (done of total, in any unit). Calls are throttled to a few per second, so it is
    /// fine to call this in a tight loop.
    void reportProgress(qint64 done, qint64 total) const;

private:
    std::shared_ptr<Detail::TaskShared> m_shared;
    std::function<void(qint64, qint64)> m_progress;
    mutable QElapsedTimer m_sinceLastReport;
};

/// Handle of one background run. Copyable; cancel() from any copy cancels the run.
class BackgroundTask
{
public:
    BackgroundTask() = default;

    /// Runs `work(context)` on the global thread pool; then calls `onDone(result)` in `receiver`'s thread,
    /// unless cancelled or the receiver is gone. `onProgress(done, total)` (optional) is called the same way.
    template<typename R>
    static BackgroundTask run(QObject *receiver, std::function<R(const TaskContext &)> work,
                              std::function<void(R)> onDone,
                              std::function<void(qint64, qint64)> onProgress = {})
    {
        BackgroundTask task(receiver);
        std::shared_ptr<Detail::TaskShared> shared = task.m_shared;
        std::function<void(qint64, qint64)> progress;
        if (onProgress) {
            progress = [shared, onProgress](qint64 done, qint64 total) {
                shared->post([shared, onProgress, done, total] {
                    if (!shared->cancelled.load())
                        onProgress(done, total);
                });
            };
        }
        task.start([shared, work = std::move(work), onDone = std::move(onDone), progress] {
            const TaskContext context(shared, progress);
            if (context.isCancelled())
                return;
            auto result = std::make_shared<R>(work(context));
            shared->post([shared, onDone, result] {
                if (shared->cancelled.load())
                    return;
                shared->finished.store(true);
                // The channel has done its job; it runs this very call, in its own thread.
                if (shared->channel)
                    shared->channel->deleteLater();
                onDone(std::move(*result));
            });
        });
        return task;
    }

    /// Drops any progress or result not yet delivered and asks the work to stop. Safe to call repeatedly.
    void cancel();
    /// True from run() until the result was delivered or the task was cancelled.
    bool isActive() const;

private:
    explicit BackgroundTask(QObject *receiver);
    void start(std::function<void()> runnable);

    std::shared_ptr<Detail::TaskShared> m_shared;
    QPointer<Detail::TaskChannel> m_channel;
};

} // namespace Livy
