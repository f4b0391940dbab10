// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Spark insight against the real Livy 0.9 + Spark 3.5 (issue #16): a session created with nothing special (the local
// server's drivers serve their Spark UI on a free port, scripts/local-livy) is followed by the production
// SessionController and a SparkTracker that finds the UI where the driver's log line in the session log says it is
// (Livy reports no sparkUiUrl in local mode). A join with a shuffle shows its stages while it runs, and the final breakdown's task
// counts are exactly what Spark's own REST API reports for the statement's job group; a statement whose tasks fail
// shows the failures with Spark's error; the requests are paced. A session with spark.ui.enabled=false, and a UI
// address that nothing answers, fall back to Livy's progress with one line saying why.

#include "livytestsupport.h"

#include "controllers/sessioncontroller.h"
#include "items/statementlistmodel.h"
#include "livy/createsessionjob.h"
#include "livy/deletesessionjob.h"
#include "polling/pollactivity.h"
#include "spark/sparkexecutormodel.h"
#include "spark/sparktracker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Livy;

namespace {

// Two shuffles (a join and an aggregation) over ranges big enough to take a few seconds on two cores.
const QString JoinCode = QStringLiteral(
    "import time\n"
    "from pyspark.sql import functions as F\n"
    "slow = F.udf(lambda k: (time.sleep(0.0004), k)[1], 'long')\n"
    "a = spark.range(0, 40000, numPartitions=8).withColumn('k', slow(F.col('id') % 5000))\n"
    "b = spark.range(0, 5000, numPartitions=4).withColumnRenamed('id', 'k').withColumn('v', F.col('k') * 2)\n"
    "rows = a.join(b, 'k').groupBy((F.col('k') % 7).alias('m')).agg(F.sum('v').alias('s')).orderBy('m').collect()\n"
    "print(len(rows), rows[0]['s'])");

const QString FailingCode = QStringLiteral("sc.parallelize(range(8), 4).map(lambda x: 1 // (x - 5)).count()");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QJsonArray getJson(QNetworkAccessManager *nam, const QUrl &url)
{
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(30000);
    const QJsonArray out = QJsonDocument::fromJson(reply->readAll()).array();
    reply->deleteLater();
    return out;
}

} // namespace

class TestLivySpark : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<Connection> m_conn;
    QString m_url;
    int m_uiSession = -1;
    int m_offSession = -1;
    PollActivity m_activity;

    SessionController *follow(int sessionId)
    {
        SessionControllerSettings settings;
        settings.keepAlive = false;
        auto *c = new SessionController(m_conn.get(), SessionRef::byId(sessionId), settings, this);
        c->setActivity(&m_activity);
        QSignalSpy attached(c, &SessionController::attached);
        c->attach();
        if (!attached.wait(60000))
            return nullptr;
        return c;
    }

    SparkTracker *trackerFor(SessionController *c, const QString &urlTemplate = {})
    {
        auto *t = new SparkTracker(m_conn.get(), c->statements(), c);
        t->setUrlTemplate(urlTemplate);
        t->setSession(c->session());
        connect(c, &SessionController::sessionChanged, t, &SparkTracker::setSession);
        return t;
    }

    Statement runToEnd(SessionController *c, const QString &code)
    {
        QSignalSpy finished(c, &SessionController::statementFinished);
        c->submit(code);
        if (!finished.wait(240000))
            return {};
        return finished.last().at(0).value<Statement>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_activity.setActive(true);
        LIVYTEST_REQUIRE_SERVER("ctest", m_url);
        ConnectionSettings settings;
        settings.baseUrl = QUrl(m_url);
        settings.requestTimeout = std::chrono::seconds(60);
        m_conn = std::make_unique<Connection>(&m_nam, settings);

        // Both sessions start together: one as the local server makes it (its UI on a free port), one with it off.
        CreateSessionRequest on;
        on.kind = QStringLiteral("pyspark");
        on.name = QStringLiteral("ldspark%1").arg(QCoreApplication::applicationPid());
        on.driverMemory = QStringLiteral("1g");
        CreateSessionRequest off;
        off.kind = QStringLiteral("pyspark");
        off.name = QStringLiteral("ldsparkoff%1").arg(QCoreApplication::applicationPid());
        off.driverMemory = QStringLiteral("512m");
        off.conf = QMap<QString, QString>{ { QStringLiteral("spark.ui.enabled"), QStringLiteral("false") } };
        auto a = LivyTest::run(new CreateSessionJob(m_conn.get(), on));
        QVERIFY2(a->ok(), qPrintable(a->error().toString()));
        m_uiSession = a->session().id;
        auto b = LivyTest::run(new CreateSessionJob(m_conn.get(), off));
        QVERIFY2(b->ok(), qPrintable(b->error().toString()));
        m_offSession = b->session().id;
        for (int id : { m_uiSession, m_offSession }) {
            const SessionState s = LivyTest::waitForSessionState(m_conn.get(), SessionRef::byId(id),
                                                                 [](SessionState st) { return isReady(st) || isTerminal(st); }, 240000);
            QVERIFY2(s == SessionState::Idle, qPrintable(QStringLiteral("session %1 is %2").arg(id).arg(sessionStateToString(s))));
        }
    }

    void cleanupTestCase()
    {
        for (int id : { m_uiSession, m_offSession }) {
            if (id >= 0)
                LivyTest::run(new DeleteSessionJob(m_conn.get(), SessionRef::byId(id)), 120000);
        }
    }

    void joinShowsItsStagesAsSparkCountsThem()
    {
        SessionController *c = follow(m_uiSession);
        QVERIFY(c);
        // Livy in local mode says nothing about the UI, and the session's conf names no port: the driver's log does.
        QVERIFY(c->session().appInfo.value(QStringLiteral("sparkUiUrl")).isEmpty());
        QVERIFY(!c->session().conf.contains(QStringLiteral("spark.ui.port")));
        SparkTracker *t = trackerFor(c);
        QTRY_COMPARE_WITH_TIMEOUT(t->location().source, SparkUiLocation::Source::SessionLog, 15000);
        QCOMPARE(t->uiUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(t->uiUrl().port() > 0);

        QList<qint64> sentAt;
        QElapsedTimer clock;
        clock.start();
        connect(t, &SparkTracker::requestSent, this, [&] { sentAt.append(clock.elapsed()); });
        QSignalSpy finished(t, &SparkTracker::breakdownFinished);
        bool sawRunningStages = false;
        QString runningSummary;
        connect(t, &SparkTracker::breakdownChanged, this, [&](int id) {
            const SparkBreakdown b = t->breakdown(id);
            if (!b.final && b.stages.size() >= 2 && std::any_of(b.jobs.cbegin(), b.jobs.cend(), [](const SparkJob &j) { return j.isRunning(); })) {
                sawRunningStages = true;
                runningSummary = c->statements()->sparkSummary(id);
            }
        });

        const Statement done = runToEnd(c, JoinCode);
        QVERIFY2(done.state == StatementState::Available && done.output && !done.output->isError(),
                 qPrintable(done.output ? done.output->evalue + done.output->text() : done.stateName));
        QVERIFY2(sawRunningStages, "no live look at the running statement's stages");
        QVERIFY2(runningSummary.contains(QStringLiteral("tasks")), qPrintable(runningSummary));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
        const SparkBreakdown b = finished.last().at(0).value<SparkBreakdown>();
        QCOMPARE(b.statementId, done.id);
        QVERIFY(b.final);
        QCOMPARE(t->reach(), SparkTracker::Reach::Reachable);
        QVERIFY(!t->appId().isEmpty());

        // Spark's own answer for the same job group.
        const QUrl api = QUrl(t->uiUrl().toString() + QStringLiteral("/api/v1/applications/") + t->appId() + QLatin1Char('/'));
        const QJsonArray jobs = getJson(&m_nam, api.resolved(QUrl(QStringLiteral("jobs"))));
        const QJsonArray stages = getJson(&m_nam, api.resolved(QUrl(QStringLiteral("stages"))));
        QSet<int> groupStages;
        int groupJobs = 0;
        for (const QJsonValue &v : jobs) {
            const QJsonObject j = v.toObject();
            if (j.value(QLatin1String("jobGroup")).toString() != QString::number(done.id))
                continue;
            ++groupJobs;
            QCOMPARE(j.value(QLatin1String("status")).toString(), QStringLiteral("SUCCEEDED"));
            for (const QJsonValue &s : j.value(QLatin1String("stageIds")).toArray())
                groupStages.insert(s.toInt());
        }
        QCOMPARE(b.jobs.size(), groupJobs);
        QCOMPARE(b.stages.size(), groupStages.size());
        int ran = 0;
        for (const QJsonValue &v : stages) {
            const QJsonObject s = v.toObject();
            const int id = s.value(QLatin1String("stageId")).toInt();
            if (!groupStages.contains(id))
                continue;
            const auto mine = std::find_if(b.stages.cbegin(), b.stages.cend(), [&](const SparkStage &st) {
                return st.stageId == id && st.attemptId == s.value(QLatin1String("attemptId")).toInt();
            });
            QVERIFY2(mine != b.stages.cend(), qPrintable(QStringLiteral("stage %1 missing").arg(id)));
            QCOMPARE(mine->status, s.value(QLatin1String("status")).toString());
            QCOMPARE(mine->numTasks, s.value(QLatin1String("numTasks")).toInt());
            QCOMPARE(mine->numCompleteTasks, s.value(QLatin1String("numCompleteTasks")).toInt());
            QCOMPARE(mine->shuffleWriteBytes, qint64(s.value(QLatin1String("shuffleWriteBytes")).toDouble()));
            ran += mine->isComplete() ? 1 : 0;
        }
        QVERIFY2(ran >= 2, qPrintable(QStringLiteral("%1 stages ran").arg(ran)));
        qInfo("running: %s; finished: %s; %d requests to the Spark UI", qPrintable(runningSummary),
              qPrintable(b.summary(b.fetchedAt)), int(sentAt.size()));
        QVERIFY2(b.totals().shuffleWriteBytes > 0, "a join moves data through a shuffle");
        QCOMPARE(c->statements()->sparkSummary(done.id), b.summary(b.fetchedAt));

        // Paced: never two requests closer than 500 ms, so at most 2 a second.
        QVERIFY(sentAt.size() >= 3);
        for (qsizetype i = 1; i < sentAt.size(); ++i)
            QVERIFY2(sentAt[i] - sentAt[i - 1] >= 490, qPrintable(QStringLiteral("%1 ms apart").arg(sentAt[i] - sentAt[i - 1])));
        // And nothing more is asked once the statement is done.
        QTRY_VERIFY(!t->isPolling());
        const int sent = t->requestCount();
        QTest::qWait(1500);
        QCOMPARE(t->requestCount(), sent);

        // The executors of the application (local mode: the driver alone).
        t->setExecutorsWanted(true);
        QTRY_VERIFY_WITH_TIMEOUT(t->executors()->rowCount() >= 1, 10000);
        QCOMPARE(t->executors()->index(0, SparkExecutorModel::IdColumn).data().toString(), QStringLiteral("driver"));
        QVERIFY(t->executors()->index(0, SparkExecutorModel::CoresColumn).data().toInt() >= 1);
        QVERIFY(t->executors()->index(0, SparkExecutorModel::CompletedColumn).data().toInt() >= b.totals().completedTasks);
        delete c;
    }

    void failedTasksShowSparksError()
    {
        SessionController *c = follow(m_uiSession);
        QVERIFY(c);
        SparkTracker *t = trackerFor(c);
        QSignalSpy finished(t, &SparkTracker::breakdownFinished);
        const Statement done = runToEnd(c, FailingCode);
        QVERIFY(done.output && done.output->isError());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
        const SparkBreakdown b = finished.last().at(0).value<SparkBreakdown>();
        QVERIFY(!b.jobs.isEmpty());
        QCOMPARE(b.jobs.last().status, QStringLiteral("FAILED"));
        QVERIFY(b.totals().failedTasks >= 1);
        const QList<SparkTaskFailure> failures = b.failures();
        QVERIFY2(!failures.isEmpty(), "the failed tasks were not fetched");
        QVERIFY2(failures.first().errorMessage.contains(QStringLiteral("ZeroDivisionError")),
                 qPrintable(failures.first().errorMessage.left(400)));
        QVERIFY(c->statements()->sparkSummary(done.id).contains(QStringLiteral("failed")));
        delete c;
    }

    void unreachableUiFallsBackToLivysProgress()
    {
        // The same session, through an address nothing answers (a profile template pointing at a closed port).
        SessionController *c = follow(m_uiSession);
        QVERIFY(c);
        const quint16 closed = freePort();
        SparkTracker *t = trackerFor(c, QStringLiteral("http://{livy.host}:%1").arg(closed));
        QCOMPARE(t->location().source, SparkUiLocation::Source::Template);
        // Long enough to be seen running (a statement that ends before any poll sees it run asks nothing).
        const Statement done = runToEnd(c, QStringLiteral("import time\ntime.sleep(3)\nsc.parallelize(range(100), 2).sum()"));
        QCOMPARE(done.state, StatementState::Available);
        QCOMPARE(done.progress, 1.0);
        QTRY_COMPARE(t->reach(), SparkTracker::Reach::Unavailable);
        QVERIFY2(t->reason().contains(QStringLiteral("cannot be reached")), qPrintable(t->reason()));
        QVERIFY(t->details().contains(QStringLiteral("GET ")));
        QVERIFY(!t->hasBreakdown(done.id));
        QVERIFY(c->statements()->sparkSummary(done.id).isEmpty());
        delete c;
    }

    void uiTurnedOffFallsBackWithoutAsking()
    {
        SessionController *c = follow(m_offSession);
        QVERIFY(c);
        SparkTracker *t = trackerFor(c, QStringLiteral("http://{livy.host}:4040"));
        QCOMPARE(t->reach(), SparkTracker::Reach::Unavailable);
        QVERIFY2(t->reason().contains(QStringLiteral("spark.ui.enabled=false")), qPrintable(t->reason()));
        const Statement done = runToEnd(c, QStringLiteral("sc.parallelize(range(100), 2).sum()"));
        QCOMPARE(done.state, StatementState::Available);
        QCOMPARE(done.progress, 1.0);
        QCOMPARE(t->requestCount(), 0);
        QVERIFY(c->statements()->sparkSummary(done.id).isEmpty());
        delete c;
    }
};

QTEST_GUILESS_MAIN(TestLivySpark)
#include "tst_livyspark.moc"
