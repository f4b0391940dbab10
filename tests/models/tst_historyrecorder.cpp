// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// HistoryRecorder against the fake Livy: what an open session does lands in the history as it happens, runs
// included before the server answers, and a POST that timed out but ran is one entry, never two.

#include "fakeserverfixture.h"

#include "controllers/runhandle.h"
#include "controllers/sessioncontroller.h"
#include "history/historydatabase.h"
#include "history/historyrecorder.h"
#include "history/historystore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Livy;
using namespace std::chrono_literals;
using FakeLivy::Fault;

namespace {

/// The tracker's final look at a statement: one job, two stages, one failed task.
SparkBreakdown breakdown(int statementId, bool final = true)
{
    SparkBreakdown b;
    b.statementId = statementId;
    b.final = final;
    b.fetchedAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + statementId, QTimeZone::utc());
    SparkJob job;
    job.jobId = statementId;
    job.jobGroup = QString::number(statementId);
    job.status = QStringLiteral("SUCCEEDED");
    job.stageIds = { 2 * statementId, 2 * statementId + 1 };
    job.numTasks = 16;
    job.numCompletedTasks = 16;
    b.jobs << job;
    for (int id : job.stageIds) {
        SparkStage stage;
        stage.stageId = id;
        stage.status = QStringLiteral("COMPLETE");
        stage.numTasks = 8;
        stage.numCompleteTasks = 8;
        b.stages << stage;
    }
    b.stages[1].numFailedTasks = 1;
    b.stages[1].failures = { SparkTaskFailure{ 7, 3, 0, QStringLiteral("1"), QStringLiteral("localhost"),
                                               QStringLiteral("java.lang.ArithmeticException: / by zero") } };
    return b;
}

} // namespace

class TestHistoryRecorder : public FakeServerTest
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_session = -1;
    HistoryStore *m_store = nullptr;

    QString path() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }

    SessionController *attached()
    {
        SessionControllerSettings settings;
        settings.keepAlive = false;
        auto *c = new SessionController(m_connection, SessionRef::byId(m_session), settings, this);
        c->setActivity(m_activity);
        new HistoryRecorder(c, m_store, m_server->url().toString(), QStringLiteral("profile-1"));
        QSignalSpy done(c, &SessionController::attached);
        c->attach();
        if (!done.wait(5000))
            QTest::qFail("attach did not finish", __FILE__, __LINE__);
        return c;
    }

    /// The entry of statement `id` (empty if there is none).
    std::optional<HistoryEntry> entryOf(int id)
    {
        for (const HistoryEntry &e : entries())
            if (e.statement.id == id)
                return e;
        return std::nullopt;
    }

    /// The entries written so far (waits for the store's thread, then reads the file directly).
    QList<HistoryEntry> entries()
    {
        m_store->waitForIdle();
        HistoryDatabase db;
        if (!db.open(path()))
            return {};
        QList<HistoryEntry> out;
        for (const HistoryEntry &e : db.search({}))
            out << *db.load(e.rowId);
        return out;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_fixture.setUp(this));
        m_session = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") },
                                              { QStringLiteral("name"), QStringLiteral("etl") } });
        QTRY_COMPARE(m_server->sessionState(m_session), QStringLiteral("idle"));
        QFile::remove(path());
        m_store = new HistoryStore(this);
        QSignalSpy opened(m_store, &HistoryStore::opened);
        m_store->open(path());
        QVERIFY(opened.wait(5000));
        QVERIFY(m_store->isOpen());
    }

    void cleanup()
    {
        qDeleteAll(findChildren<SessionController *>(Qt::FindDirectChildrenOnly));
        delete m_store;
        m_store = nullptr;
        m_fixture.tearDown();
    }

    void runIsRecordedBeforeTheAnswerAndCompletedAfter()
    {
        SessionController *c = attached();
        m_server->addFault("POST", QStringLiteral("/sessions/\\d+/statements"), Fault::delay(400));
        QSignalSpy finished(c, &SessionController::statementFinished);
        c->submit(QStringLiteral("print('hi')"), QStringLiteral("sql"));
        // While the POST is on its way the run is already in the history, with its code.
        QTRY_COMPARE(entries().size(), 1);
        HistoryEntry e = entries().first();
        QCOMPARE(e.statement.id, -1);
        QCOMPARE(e.statement.stateName, QStringLiteral("sending"));
        QCOMPARE(e.statement.code, QStringLiteral("print('hi')"));
        QVERIFY(e.submitted > 0);
        QVERIFY(finished.wait(5000));
        const QList<HistoryEntry> after = entries();
        QCOMPARE(after.size(), 1);
        e = after.first();
        QCOMPARE(e.statement.id, 0);
        QCOMPARE(e.statement.stateName, QStringLiteral("available"));
        QCOMPARE(e.kind, QStringLiteral("sql")); // as run, not the session's kind
        QVERIFY(e.submitted > 0);
        QVERIFY(e.statement.output);
        QCOMPARE(e.statement.output->text(), m_server->statementJson(m_session, 0)
                                                 .value(QStringLiteral("output"))
                                                 .toObject()
                                                 .value(QStringLiteral("data"))
                                                 .toObject()
                                                 .value(QLatin1String("text/plain"))
                                                 .toString());
        QCOMPARE(e.session.server, m_server->url().toString());
        QCOMPARE(e.session.profileId, QStringLiteral("profile-1"));
        QCOMPARE(e.session.id, m_session);
        QCOMPARE(e.session.name, QStringLiteral("etl"));
        QCOMPARE(e.session.kind, QStringLiteral("pyspark"));
        QVERIFY(!e.session.identity.isEmpty());
    }

    void statementsOfOtherClientsAndTheServerHistoryAreRecorded()
    {
        {
            SessionController *first = attached();
            QSignalSpy finished(first, &SessionController::statementFinished);
            first->submit(QStringLiteral("a = 1"));
            first->submit(QStringLiteral("b = 2"));
            QTRY_COMPARE(finished.count(), 2);
            delete first;
        }
        QFile::remove(path() + QStringLiteral("-wal"));
        delete m_store;
        QFile::remove(path());
        m_store = new HistoryStore(this);
        m_store->open(path());
        attached(); // loads the server's history into a history that had nothing
        QTRY_COMPARE(entries().size(), 2);
        for (const HistoryEntry &e : entries()) {
            QCOMPARE(e.submitted, 0); // seen, not sent by this run of LivyDesk
            QCOMPARE(e.statement.stateName, QStringLiteral("available"));
        }
    }

    void timedOutPostThatRanIsOneEntry()
    {
        SessionController *c = attached();
        ConnectionSettings settings;
        settings.baseUrl = m_server->url();
        settings.requestTimeout = 300ms;
        m_connection->setSettings(settings);
        // The server takes the statement but answers too late: the client times out.
        m_server->addFault("POST", QStringLiteral("/sessions/\\d+/statements"), Fault::slowAnswer(1500));
        QSignalSpy failed(c, &SessionController::submitFailed);
        c->submit(QStringLiteral("spark.range(3).count()"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<LivyError>().kind(), LivyError::Kind::Timeout);
        // The controller reloads the server's statements; the run is recognised there.
        QTRY_VERIFY_WITH_TIMEOUT(!entries().isEmpty() && entries().first().statement.id == 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(entries().first().statement.stateName, QStringLiteral("available"), 5000);
        QCOMPARE(entries().size(), 1);
        QVERIFY(entries().first().submitted > 0);
        QCOMPARE(m_server->requests("POST", QStringLiteral("/sessions/\\d+/statements")).size(), 1);
    }

    void sparkBreakdownIsWrittenToItsStatement()
    {
        SessionController *c = attached();
        auto *recorder = c->findChild<HistoryRecorder *>();
        QVERIFY(recorder);
        // One for a statement not written yet is kept until its entry is.
        recorder->recordSparkBreakdown(breakdown(1));
        QSignalSpy finished(c, &SessionController::statementFinished);
        c->submit(QStringLiteral("a = 1"));
        c->submit(QStringLiteral("b = 2"));
        QTRY_COMPARE(finished.count(), 2);
        // Only final looks with jobs are kept.
        recorder->recordSparkBreakdown(breakdown(0, false));
        SparkBreakdown empty;
        empty.statementId = 0;
        empty.final = true;
        recorder->recordSparkBreakdown(empty);
        QTRY_COMPARE(entries().size(), 2);
        QVERIFY(!entryOf(0)->spark);
        recorder->recordSparkBreakdown(breakdown(0));
        recorder->recordSparkBreakdown(breakdown(0)); // twice: harmless
        recorder->recordSparkBreakdown(breakdown(0, false)); // a live look after the final one changes nothing
        QCOMPARE(entries().size(), 2);
        QCOMPARE(entryOf(0)->spark, std::optional<SparkBreakdown>(breakdown(0)));
        QCOMPARE(entryOf(1)->spark, std::optional<SparkBreakdown>(breakdown(1)));
        QCOMPARE(entryOf(0)->session.id, m_session);
        // A statement the session never had is not invented.
        recorder->recordSparkBreakdown(breakdown(9));
        QCOMPARE(entries().size(), 2);

        // Read back for the tracker when the session is opened again, also when asked before it is resolved.
        QSignalSpy restored(recorder, &HistoryRecorder::sparkBreakdownRestored);
        recorder->requestSparkBreakdowns();
        QTRY_COMPARE(restored.count(), 2);
        QCOMPARE(restored.at(0).at(0).value<SparkBreakdown>(), breakdown(0));
        QCOMPARE(restored.at(1).at(0).value<SparkBreakdown>(), breakdown(1));
        SessionControllerSettings settings;
        settings.keepAlive = false;
        auto *again = new SessionController(m_connection, SessionRef::byId(m_session), settings, this);
        again->setActivity(m_activity);
        auto *second = new HistoryRecorder(again, m_store, m_server->url().toString(), QStringLiteral("profile-1"));
        QSignalSpy restoredAgain(second, &HistoryRecorder::sparkBreakdownRestored);
        second->requestSparkBreakdowns();
        QTest::qWait(100);
        QCOMPARE(restoredAgain.count(), 0); // not resolved yet: asked once it is
        again->attach();
        QTRY_COMPARE(restoredAgain.count(), 2);
        QCOMPARE(restoredAgain.at(1).at(0).value<SparkBreakdown>(), breakdown(1));
        // Another session (same server) has none of them.
        const int otherId = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        QTRY_COMPARE(m_server->sessionState(otherId), QStringLiteral("idle"));
        auto *other = new SessionController(m_connection, SessionRef::byId(otherId), settings, this);
        other->setActivity(m_activity);
        auto *third = new HistoryRecorder(other, m_store, m_server->url().toString(), QStringLiteral("profile-1"));
        QSignalSpy done(other, &SessionController::attached);
        other->attach();
        QVERIFY(done.wait(5000));
        QSignalSpy none(m_store, &HistoryStore::sparkBreakdownsReady);
        third->requestSparkBreakdowns();
        QVERIFY(none.wait(2000));
        QVERIFY(none.first().at(1).value<QList<SparkBreakdown>>().isEmpty());
    }

    void refusedRunIsKeptAsUnsent()
    {
        SessionController *c = attached();
        m_server->addFault("POST", QStringLiteral("/sessions/\\d+/statements"),
                           Fault::replace(500, "\"java.lang.IllegalStateException: Session is in state dead\""));
        QSignalSpy failed(c, &SessionController::submitFailed);
        c->submit(QStringLiteral("never_ran()"));
        QVERIFY(failed.wait(5000));
        QTRY_COMPARE(entries().size(), 1);
        QTRY_COMPARE(entries().first().statement.stateName, QStringLiteral("unsent"));
        QVERIFY(!entries().first().note.isEmpty());
        QCOMPARE(entries().first().statement.code, QStringLiteral("never_ran()"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryRecorder)
#include "tst_historyrecorder.moc"
