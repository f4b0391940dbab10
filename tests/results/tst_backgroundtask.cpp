// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/backgroundtask.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

using namespace Livy;

namespace {

class Receiver : public QObject
{
    Q_OBJECT
public:
    QList<int> results;
    QList<qint64> progress;
    Qt::HANDLE deliveredOn = nullptr;
Q_SIGNALS:
    void delivered();
};

} // namespace

class TestBackgroundTask : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversInReceiverThread()
    {
        Receiver receiver;
        QSignalSpy delivered(&receiver, &Receiver::delivered);
        Qt::HANDLE workerThread = nullptr;
        BackgroundTask task = BackgroundTask::run<int>(
            &receiver,
            [&workerThread](const TaskContext &context) {
                workerThread = QThread::currentThreadId();
                for (int i = 0; i < 3; ++i) {
                    context.reportProgress(i, 3);
                    QThread::msleep(120); // progress reports are throttled to one per 100 ms
                }
                return 42;
            },
            [&receiver](int value) {
                receiver.results.append(value);
                receiver.deliveredOn = QThread::currentThreadId();
                Q_EMIT receiver.delivered();
            },
            [&receiver](qint64 done, qint64) { receiver.progress.append(done); });
        QVERIFY(task.isActive());
        QVERIFY(delivered.wait(5000));
        QCOMPARE(receiver.results, QList<int>{42});
        QCOMPARE(receiver.deliveredOn, QThread::currentThreadId());
        QVERIFY(workerThread != QThread::currentThreadId());
        QVERIFY(!receiver.progress.isEmpty());
        QVERIFY(!task.isActive());
    }

    void cancelDropsResult()
    {
        Receiver receiver;
        QSemaphore started;
        QSemaphore release;
        BackgroundTask task = BackgroundTask::run<int>(
            &receiver,
            [&](const TaskContext &context) {
                started.release();
                release.acquire();
                return context.isCancelled() ? -1 : 1;
            },
            [&receiver](int value) { receiver.results.append(value); });
        started.acquire();
        task.cancel();
        QVERIFY(!task.isActive());
        release.release();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
        QVERIFY(receiver.results.isEmpty());
    }

    void receiverDestroyedFirst()
    {
        auto *receiver = new Receiver;
        QSemaphore started;
        QSemaphore release;
        bool called = false;
        BackgroundTask task = BackgroundTask::run<int>(
            receiver,
            [&](const TaskContext &) {
                started.release();
                release.acquire();
                return 7;
            },
            [&called](int) { called = true; });
        started.acquire();
        delete receiver; // while the work is still running
        release.release();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QCoreApplication::processEvents();
        QVERIFY(!called);
        QVERIFY(!task.isActive());
    }

    void resultPostedThenReceiverDestroyed()
    {
        auto *receiver = new Receiver;
        bool called = false;
        BackgroundTask::run<int>(receiver, [](const TaskContext &) { return 1; }, [&called](int) { called = true; });
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000)); // the result is now queued
        delete receiver;
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundTask)
#include "tst_backgroundtask.moc"
