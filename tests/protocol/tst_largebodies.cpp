// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Large bodies (a statement with megabytes of output) are decoded on a worker thread, never on the GUI thread,
// and a job deleted or abandoned while its body is being decoded neither crashes nor emits twice.

#include "protocolharness.h"

#include "livy/getstatementjob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace Livy;
using namespace ProtocolTest;

namespace {
QByteArray bigStatement(qsizetype textBytes)
{
    QString text;
    text.reserve(textBytes);
    while (text.size() < textBytes)
        text += QStringLiteral("row %1: the quick brown fox jumps over the lazy dog\n").arg(text.size());
    const QJsonObject output{ { QStringLiteral("status"), QStringLiteral("ok") },
                              { QStringLiteral("execution_count"), 0 },
                              { QStringLiteral("data"), QJsonObject{ { QStringLiteral("text/plain"), text } } } };
    const QJsonObject statement{ { QStringLiteral("id"), 0 }, { QStringLiteral("code"), QStringLiteral("print(big)") },
                                 { QStringLiteral("state"), QStringLiteral("available") }, { QStringLiteral("output"), output },
                                 { QStringLiteral("progress"), 1.0 }, { QStringLiteral("started"), 1 },
                                 { QStringLiteral("completed"), 2 } };
    return QJsonDocument(statement).toJson(QJsonDocument::Compact);
}
} // namespace

class TestLargeBodies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { h = std::make_unique<Harness>(); QVERIFY(h->started()); }
    void cleanup() { h.reset(); }

    void largeStatementDecodesOnAWorker()
    {
        const QByteArray body = bigStatement(4 * 1024 * 1024);
        QVERIFY(body.size() >= LivyJob::BackgroundDecodeBytes);
        h->server.addFault(QByteArrayLiteral("GET"), QStringLiteral("^/sessions/0/statements/0$"),
                           FakeLivy::Fault::replace(200, body, "application/json"), 1);
        GetStatementJob job(h->connection.get(), SessionRef::byId(0), 0);
        // The decode thread exists while the body is parsed; the GUI thread keeps running meanwhile.
        bool sawWorker = false;
        QTimer probe;
        connect(&probe, &QTimer::timeout, this, [&] { sawWorker |= job.isDecoding(); });
        probe.start(1);
        QVERIFY(runJob(&job, 60000));
        probe.stop();
        QVERIFY2(job.ok(), qPrintable(job.error().toString()));
        QCOMPARE(job.statement().id, 0);
        QVERIFY(job.statement().output->data.value(QStringLiteral("text/plain")).toString().size() >= 4 * 1024 * 1024);
        QVERIFY2(sawWorker, "the 4 MB body was not decoded on a worker thread");
        QVERIFY(job.parsedOnThread() != nullptr);
        QVERIFY(job.parsedOnThread() != QThread::currentThreadId()); // parsed on a pool thread, not this one
        QVERIFY(!job.isDecoding());
    }

    void smallBodiesStayOnTheCallingThread()
    {
        h->server.addFault(QByteArrayLiteral("GET"), QStringLiteral("^/sessions/0/statements/0$"),
                           FakeLivy::Fault::replace(200, bigStatement(1024), "application/json"), 1);
        GetStatementJob job(h->connection.get(), SessionRef::byId(0), 0);
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        QCOMPARE(job.parsedOnThread(), QThread::currentThreadId()); // no worker for a small body
    }

    void deletedWhileDecoding()
    {
        h->server.addFault(QByteArrayLiteral("GET"), QStringLiteral("^/sessions/0/statements/0$"),
                           FakeLivy::Fault::replace(200, bigStatement(16 * 1024 * 1024), "application/json"), 1);
        auto *job = new GetStatementJob(h->connection.get(), SessionRef::byId(0), 0);
        job->setAutoDelete(false);
        QSignalSpy finished(job, &LivyJob::finished);
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(job->isDecoding() || job->isFinished(), 60000);
        const bool caughtDecoding = !job->isFinished();
        delete job; // the worker keeps only its own state; ASan would catch a use after free
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 0);
        if (!caughtDecoding)
            QSKIP("the body was decoded before the test could delete the job; nothing was exercised");
    }

    void abandonedWhileDecoding()
    {
        h->server.addFault(QByteArrayLiteral("GET"), QStringLiteral("^/sessions/0/statements/0$"),
                           FakeLivy::Fault::replace(200, bigStatement(16 * 1024 * 1024), "application/json"), 1);
        GetStatementJob job(h->connection.get(), SessionRef::byId(0), 0);
        job.setAutoDelete(false);
        QSignalSpy finished(&job, &LivyJob::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.isDecoding() || job.isFinished(), 60000);
        if (job.isFinished())
            QSKIP("the body was decoded before the test could abandon the job; nothing was exercised");
        job.abandon();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(job.error().kind(), LivyError::Kind::Cancelled);
        // The worker finishes later; the job must not finish a second time.
        QTRY_VERIFY_WITH_TIMEOUT(!job.isDecoding(), 60000);
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job.error().kind(), LivyError::Kind::Cancelled);
    }

private:
    std::unique_ptr<Harness> h;
};

QTEST_GUILESS_MAIN(TestLargeBodies)
#include "tst_largebodies.moc"
