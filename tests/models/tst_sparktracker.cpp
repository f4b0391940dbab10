// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SparkTracker against a fake Spark UI (tests/fakelivy/fakesparkui.h) serving hand-made answers in the shape of the
// real ones: a running statement's jobs and stages land in its breakdown and in the statements table, the final
// look stays after it ends, failed tasks carry their error, requests are paced (never two closer than the minimum
// spacing), and every way of not reaching the UI falls back quietly with one line saying why.

#include "fakelivyserver.h"
#include "fakesparkui.h"

#include "auth/authenticator.h"
#include "items/statementlistmodel.h"
#include "livy/connection.h"
#include "spark/sparkexecutormodel.h"
#include "spark/sparktracker.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Livy;
using namespace std::chrono_literals;

namespace {

QJsonObject job(int id, const QString &group, const QString &status, const QList<int> &stages, int tasks, int done,
                int active = 0, int failed = 0)
{
    QJsonArray ids;
    for (int s : stages)
        ids.append(s);
    return QJsonObject{ { QStringLiteral("jobId"), id },
                        { QStringLiteral("name"), QStringLiteral("collect at <stdin>:1") },
                        { QStringLiteral("submissionTime"), QStringLiteral("2026-12-02T19:00:00.000GMT") },
                        { QStringLiteral("stageIds"), ids },
                        { QStringLiteral("jobGroup"), group },
                        { QStringLiteral("status"), status },
                        { QStringLiteral("numTasks"), tasks },
                        { QStringLiteral("numActiveTasks"), active },
                        { QStringLiteral("numCompletedTasks"), done },
                        { QStringLiteral("numSkippedTasks"), 0 },
                        { QStringLiteral("numFailedTasks"), failed },
                        { QStringLiteral("numKilledTasks"), 0 } };
}

QJsonObject stage(int id, int attempt, const QString &status, int tasks, int done, int active = 0, int failed = 0)
{
    return QJsonObject{ { QStringLiteral("status"), status },
                        { QStringLiteral("stageId"), id },
                        { QStringLiteral("attemptId"), attempt },
                        { QStringLiteral("numTasks"), tasks },
                        { QStringLiteral("numActiveTasks"), active },
                        { QStringLiteral("numCompleteTasks"), done },
                        { QStringLiteral("numFailedTasks"), failed },
                        { QStringLiteral("numKilledTasks"), 0 },
                        { QStringLiteral("inputBytes"), 1024 * id },
                        { QStringLiteral("outputBytes"), 0 },
                        { QStringLiteral("shuffleReadBytes"), 2048 },
                        { QStringLiteral("shuffleWriteBytes"), 4096 },
                        { QStringLiteral("submissionTime"), QStringLiteral("2026-12-02T19:00:01.000GMT") },
                        { QStringLiteral("name"), QStringLiteral("stage %1").arg(id) } };
}

Statement statement(int id, StatementState state)
{
    Statement s;
    s.id = id;
    s.code = QStringLiteral("df.join(other, 'k').count()");
    s.state = state;
    s.stateName = statementStateToString(state);
    return s;
}

} // namespace

class TestSparkTracker : public QObject
{
    Q_OBJECT

    QNetworkAccessManager *m_network = nullptr;
    Connection *m_livy = nullptr;
    FakeLivy::FakeSparkUi *m_ui = nullptr;
    StatementListModel *m_statements = nullptr;

    /// A session of a local-mode server whose conf names the fake UI's port (found without a template).
    Session localSession() const
    {
        Session s;
        s.id = 0;
        s.kind = QStringLiteral("pyspark");
        s.conf.insert(QStringLiteral("spark.ui.port"), QString::number(m_ui->url().port()));
        return s;
    }

    SparkTracker *tracker(const SparkTrackerSettings &settings = {})
    {
        auto *t = new SparkTracker(m_livy, m_statements, this);
        t->setSettings(settings);
        return t;
    }

    static SparkTrackerSettings fast()
    {
        SparkTrackerSettings s;
        s.minSpacing = 20ms;
        s.roundInterval = 50ms;
        s.slowRoundInterval = 50ms;
        return s;
    }

private Q_SLOTS:
    void init()
    {
        m_network = new QNetworkAccessManager(this);
        ConnectionSettings settings;
        settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8998"));
        m_livy = new Connection(m_network, settings, this);
        m_ui = new FakeLivy::FakeSparkUi(this);
        QVERIFY(m_ui->start());
        m_statements = new StatementListModel(this);
        new QAbstractItemModelTester(m_statements, QAbstractItemModelTester::FailureReportingMode::QtTest, m_statements);
    }

    void cleanup()
    {
        delete m_statements;
        delete m_ui;
        delete m_livy;
        delete m_network;
    }

    void runningStatementGetsItsJobsAndStages()
    {
        // Statement 3 runs job 7 (two stages); job 6 belongs to statement 2 and must not be counted.
        m_ui->setJobs({ job(7, QStringLiteral("3"), QStringLiteral("RUNNING"), { 10, 11 }, 12, 8, 2),
                        job(6, QStringLiteral("2"), QStringLiteral("SUCCEEDED"), { 9 }, 4, 4) });
        m_ui->setStages({ stage(11, 0, QStringLiteral("ACTIVE"), 4, 0, 2), stage(10, 0, QStringLiteral("COMPLETE"), 8, 8),
                          stage(9, 0, QStringLiteral("COMPLETE"), 4, 4) });
        SparkTracker *t = tracker(fast());
        QSignalSpy changed(t, &SparkTracker::breakdownChanged);
        QSignalSpy finished(t, &SparkTracker::breakdownFinished);
        t->setSession(localSession());
        QCOMPARE(t->uiUrl(), m_ui->url());
        QCOMPARE(t->location().source, SparkUiLocation::Source::SessionConf);
        m_statements->upsert(statement(3, StatementState::Running));

        QTRY_VERIFY(t->hasBreakdown(3));
        QCOMPARE(t->reach(), SparkTracker::Reach::Reachable);
        QCOMPARE(t->appId(), m_ui->appId()); // learnt from /applications (Livy reports none in local mode)
        const SparkBreakdown b = t->breakdown(3);
        QCOMPARE(b.jobs.size(), 1);
        QCOMPARE(b.jobs[0].jobId, 7);
        QCOMPARE(b.stages.size(), 2);
        QCOMPARE(b.stages[0].stageId, 10);
        QCOMPARE(b.stages[1].numActiveTasks, 2);
        QVERIFY(!b.final);
        const QString summary = m_statements->index(0, StatementListModel::SparkColumn).data().toString();
        QVERIFY2(summary.startsWith(QStringLiteral("stage 2/2 · 8/12 tasks")), qPrintable(summary));
        QCOMPARE(m_statements->index(0, 0).data(StatementListModel::SparkSummaryRole).toString(), summary);
        QVERIFY(finished.isEmpty());

        // It ends: one more look, the job has succeeded, the breakdown is final and stays.
        m_ui->setJobs({ job(7, QStringLiteral("3"), QStringLiteral("SUCCEEDED"), { 10, 11 }, 12, 12),
                        job(6, QStringLiteral("2"), QStringLiteral("SUCCEEDED"), { 9 }, 4, 4) });
        m_ui->setStages({ stage(11, 0, QStringLiteral("COMPLETE"), 4, 4), stage(10, 0, QStringLiteral("COMPLETE"), 8, 8),
                          stage(9, 0, QStringLiteral("COMPLETE"), 4, 4) });
        m_statements->upsert(statement(3, StatementState::Available));
        QTRY_COMPARE(finished.size(), 1);
        const SparkBreakdown done = finished.at(0).at(0).value<SparkBreakdown>();
        QVERIFY(done.final);
        QCOMPARE(done.statementId, 3);
        QCOMPARE(done.totals().completedTasks, 12);
        QCOMPARE(m_statements->index(0, StatementListModel::SparkColumn).data().toString(),
                 QStringLiteral("2 stages · 12 tasks"));
        QTRY_VERIFY(!t->isPolling());
        // Nothing is asked while no statement runs.
        const qsizetype hits = m_ui->hits().size();
        QTest::qWait(200);
        QCOMPARE(m_ui->hits().size(), hits);
        QVERIFY(t->breakdown(3).final);
        QVERIFY(!changed.isEmpty());
    }

    void statementNeverSeenRunningStillGetsItsLook()
    {
        // Waiting, then failed between two polls: never seen running, its jobs are looked at once it has ended.
        m_ui->setJobs({ job(4, QStringLiteral("6"), QStringLiteral("FAILED"), { 5 }, 4, 1, 0, 1) });
        m_ui->setStages({ stage(5, 0, QStringLiteral("FAILED"), 4, 1, 0, 1) });
        SparkTracker *t = tracker(fast());
        QSignalSpy finished(t, &SparkTracker::breakdownFinished);
        t->setSession(localSession());
        m_statements->upsert(statement(6, StatementState::Waiting));
        QTest::qWait(100);
        QCOMPARE(t->requestCount(), 0); // nothing runs: nothing asked
        m_statements->upsert(statement(6, StatementState::Error));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<SparkBreakdown>().jobs.size(), 1);
        QVERIFY(m_statements->index(0, StatementListModel::SparkColumn).data().toString().contains(QStringLiteral("1 failed")));
    }

    void failedTasksCarryTheirError()
    {
        m_ui->setJobs({ job(2, QStringLiteral("0"), QStringLiteral("RUNNING"), { 3 }, 4, 1, 1, 2) });
        m_ui->setStages({ stage(3, 0, QStringLiteral("ACTIVE"), 4, 1, 1, 2) });
        const QString error = QStringLiteral("org.apache.spark.api.python.PythonException: Traceback (most recent call last):\n"
                                             "ZeroDivisionError: division by zero\n");
        m_ui->setTasks(3, 0, { QJsonObject{ { QStringLiteral("taskId"), 12 }, { QStringLiteral("index"), 2 },
                                            { QStringLiteral("attempt"), 0 }, { QStringLiteral("executorId"), QStringLiteral("driver") },
                                            { QStringLiteral("host"), QStringLiteral("127.0.0.1") },
                                            { QStringLiteral("status"), QStringLiteral("FAILED") },
                                            { QStringLiteral("errorMessage"), error } },
                               QJsonObject{ { QStringLiteral("taskId"), 13 }, { QStringLiteral("index"), 3 },
                                            { QStringLiteral("status"), QStringLiteral("SUCCESS") } } });
        SparkTracker *t = tracker(fast());
        t->setSession(localSession());
        m_statements->upsert(statement(0, StatementState::Running));
        QTRY_VERIFY(t->hasBreakdown(0) && !t->breakdown(0).failures().isEmpty());
        const QList<SparkTaskFailure> failures = t->breakdown(0).failures();
        QCOMPARE(failures.size(), 1); // only the failed one, and the request asked for failed ones only
        QCOMPARE(failures[0].taskId, 12);
        QCOMPARE(failures[0].errorMessage, error);
        QVERIFY(m_statements->index(0, StatementListModel::SparkColumn).data().toString().contains(QStringLiteral("2 failed")));
        bool askedFailedOnly = false;
        for (const auto &hit : m_ui->hits())
            askedFailedOnly = askedFailedOnly || (hit.path.endsWith(QStringLiteral("/taskList")) && hit.query.contains(QStringLiteral("status=failed")));
        QVERIFY(askedFailedOnly);
        // The failures are fetched again only when their count changes.
        const auto taskListHits = [this] {
            int n = 0;
            for (const auto &hit : m_ui->hits())
                n += hit.path.endsWith(QStringLiteral("/taskList")) ? 1 : 0;
            return n;
        };
        const int before = taskListHits();
        QTest::qWait(300);
        QCOMPARE(taskListHits(), before);
    }

    void requestsArePaced()
    {
        m_ui->setJobs({ job(1, QStringLiteral("0"), QStringLiteral("RUNNING"), { 1, 2 }, 8, 1, 1) });
        m_ui->setStages({ stage(1, 0, QStringLiteral("ACTIVE"), 4, 1, 1), stage(2, 0, QStringLiteral("PENDING"), 4, 0) });
        SparkTrackerSettings settings; // the defaults: 500 ms between requests, a round a second
        SparkTracker *t = tracker(settings);
        t->setSession(localSession());
        m_statements->upsert(statement(0, StatementState::Running));
        QTest::qWait(3200);
        const QList<FakeLivy::FakeSparkUi::Hit> hits = m_ui->hits();
        QVERIFY2(hits.size() >= 4, qPrintable(QString::number(hits.size())));
        for (qsizetype i = 1; i < hits.size(); ++i) {
            const qint64 gap = hits[i].atMs - hits[i - 1].atMs;
            QVERIFY2(gap >= 490, qPrintable(QStringLiteral("requests %1 and %2 only %3 ms apart").arg(i - 1).arg(i).arg(gap)));
        }
        // At most two per second over the whole run.
        QVERIFY(hits.size() <= 2 * (hits.last().atMs - hits.first().atMs) / 1000 + 2);
        QCOMPARE(t->requestCount(), hits.size());
    }

    void refusedUiFallsBackQuietly()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        Session s = localSession();
        s.conf.insert(QStringLiteral("spark.ui.port"), QString::number(port));
        SparkTracker *t = tracker(fast());
        QSignalSpy reach(t, &SparkTracker::reachChanged);
        t->setSession(s);
        m_statements->upsert(statement(0, StatementState::Running));
        QTRY_COMPARE(t->reach(), SparkTracker::Reach::Unavailable);
        QVERIFY2(t->reason().contains(QStringLiteral("cannot be reached")), qPrintable(t->reason()));
        QVERIFY(t->reason().contains(QString::number(port)));
        QVERIFY(t->reason().contains(QStringLiteral("Livy's progress")));
        // The refused connection is the Spark driver's, not Livy's: no hint that Livy is down.
        QVERIFY2(!t->reason().contains(QStringLiteral("Livy server")), qPrintable(t->reason()));
        QVERIFY2(t->reason().contains(QStringLiteral("Spark driver")), qPrintable(t->reason()));
        QVERIFY2(t->details().contains(QStringLiteral("GET /api/v1/applications")), qPrintable(t->details()));
        QVERIFY(!t->reason().contains(QLatin1Char('\n')));
        QVERIFY(!t->hasBreakdown(0));
        QVERIFY(m_statements->index(0, StatementListModel::SparkColumn).data().toString().isEmpty());
        QTRY_VERIFY(!t->isPolling());
        const int sent = t->requestCount();
        QTest::qWait(200);
        QCOMPARE(t->requestCount(), sent); // no retry loop

        // A new statement tries again (the driver's UI may be up by now).
        m_ui->stop();
        QVERIFY(m_ui->start(port));
        QCOMPARE(m_ui->url().port(), int(port));
        m_ui->setJobs({ job(0, QStringLiteral("1"), QStringLiteral("RUNNING"), { 0 }, 2, 1, 1) });
        m_ui->setStages({ stage(0, 0, QStringLiteral("ACTIVE"), 2, 1, 1) });
        m_statements->upsert(statement(0, StatementState::Available));
        m_statements->upsert(statement(1, StatementState::Running));
        QTRY_VERIFY(t->hasBreakdown(1));
        QCOMPARE(t->reach(), SparkTracker::Reach::Reachable);
        QVERIFY(t->reason().isEmpty());
    }

    void uiTurnedOffIsNotAsked()
    {
        Session s = localSession();
        s.conf.insert(QStringLiteral("spark.ui.enabled"), QStringLiteral("false"));
        SparkTracker *t = tracker(fast());
        t->setSession(s);
        m_statements->upsert(statement(0, StatementState::Running));
        QCOMPARE(t->reach(), SparkTracker::Reach::Unavailable);
        QVERIFY2(t->reason().contains(QStringLiteral("spark.ui.enabled=false")), qPrintable(t->reason()));
        QTest::qWait(150);
        QCOMPARE(t->requestCount(), 0);
        QVERIFY(m_ui->hits().isEmpty());
    }

    void noAddressSaysWhy()
    {
        Session s;
        s.id = 4;
        s.kind = QStringLiteral("pyspark");
        SparkTracker *t = tracker(fast());
        t->setSession(s);
        m_statements->upsert(statement(0, StatementState::Running));
        QCOMPARE(t->reach(), SparkTracker::Reach::Unavailable);
        QVERIFY2(t->reason().contains(QStringLiteral("spark.ui.port")), qPrintable(t->reason()));
        // The profile's template fills what Livy does not say.
        t->setUrlTemplate(QStringLiteral("http://{livy.host}:%1/").arg(m_ui->url().port()));
        QCOMPARE(t->location().source, SparkUiLocation::Source::Template);
        m_ui->setJobs({ job(0, QStringLiteral("0"), QStringLiteral("RUNNING"), { 0 }, 2, 1, 1) });
        m_ui->setStages({ stage(0, 0, QStringLiteral("ACTIVE"), 2, 1, 1) });
        QTRY_VERIFY(t->hasBreakdown(0));
        // A template needing what the session lacks names it.
        t->setUrlTemplate(QStringLiteral("http://{livy.host}:{conf:spark.ui.port}"));
        QCOMPARE(t->reach(), SparkTracker::Reach::Unavailable);
        QVERIFY2(t->reason().contains(QStringLiteral("{conf:spark.ui.port}")), qPrintable(t->reason()));
    }

    void profilesAuthenticationAndHeadersGoAlong()
    {
        // A gateway in front of the Spark UI wants what the Livy profile sends: its authentication and extra headers,
        // but not Livy's own ?doAs= parameter.
        ConnectionSettings settings = m_livy->settings();
        settings.extraHeaders = { { QByteArrayLiteral("X-Gateway-Key"), QByteArrayLiteral("k-123") } };
        settings.doAs = QStringLiteral("analyst");
        m_livy->setSettings(settings);
        m_livy->setAuthenticator(std::make_shared<HeaderAuthenticator>(HeaderAuthenticator::basic(QStringLiteral("alice"), QStringLiteral("s3cret"))));
        m_ui->setJobs({ job(0, QStringLiteral("0"), QStringLiteral("RUNNING"), { 0 }, 2, 1, 1) });
        m_ui->setStages({ stage(0, 0, QStringLiteral("ACTIVE"), 2, 1, 1) });
        SparkTracker *t = tracker(fast());
        t->setSession(localSession());
        m_statements->upsert(statement(0, StatementState::Running));
        QTRY_VERIFY(t->hasBreakdown(0));
        const QList<FakeLivy::FakeSparkUi::Hit> hits = m_ui->hits();
        QVERIFY(!hits.isEmpty());
        for (const auto &hit : hits) {
            QCOMPARE(hit.authorization, QByteArrayLiteral("Basic YWxpY2U6czNjcmV0"));
            QCOMPARE(hit.extraHeader, QByteArrayLiteral("k-123"));
            QVERIFY2(!hit.query.contains(QStringLiteral("doAs")), qPrintable(hit.query));
        }
    }

    void sessionLogSaysWhereTheUiIs()
    {
        // Livy in local mode reports no address and the session's conf names no port; the driver's log line does.
        FakeLivy::Server livy;
        QVERIFY(livy.start());
        livy.setStartupDelay(0);
        const int id = livy.createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        QVERIFY(id >= 0);
        livy.appendLog(id, { QStringLiteral("26/12/02 19:29:26 INFO Utils: Successfully started service 'SparkUI' on port %1.")
                                 .arg(m_ui->url().port()) });
        ConnectionSettings settings;
        settings.baseUrl = livy.url();
        Connection connection(m_network, settings);
        auto *t = new SparkTracker(&connection, m_statements, this);
        t->setSettings(fast());
        Session s;
        s.id = id;
        s.kind = QStringLiteral("pyspark");
        s.state = SessionState::Idle;
        t->setSession(s);
        QTRY_COMPARE(t->location().source, SparkUiLocation::Source::SessionLog);
        QCOMPARE(t->uiUrl(), m_ui->url());
        m_ui->setJobs({ job(0, QStringLiteral("0"), QStringLiteral("RUNNING"), { 0 }, 2, 1, 1) });
        m_ui->setStages({ stage(0, 0, QStringLiteral("ACTIVE"), 2, 1, 1) });
        m_statements->upsert(statement(0, StatementState::Running));
        QTRY_VERIFY(t->hasBreakdown(0));
        // The log was read once: polls of an idle session do not read it again.
        int logReads = 0;
        for (const FakeLivy::RecordedRequest &r : livy.requests())
            logReads += r.path.endsWith(QStringLiteral("/log")) ? 1 : 0;
        QCOMPARE(logReads, 1);
        t->setSession(s);
        t->setSession(s);
        QTest::qWait(100);
        int again = 0;
        for (const FakeLivy::RecordedRequest &r : livy.requests())
            again += r.path.endsWith(QStringLiteral("/log")) ? 1 : 0;
        QCOMPARE(again, 1);
        delete t;
    }

    void sparkUiFromLogLines()
    {
        const QUrl livy(QStringLiteral("http://livy.example.com:8998"));
        // Spark 2.x says where it bound the UI (host and port).
        QCOMPARE(sparkUiFromLog({ QStringLiteral("INFO Utils: Successfully started service 'SparkUI' on port 4041."),
                                  QStringLiteral("26/12/02 19:00:01 INFO SparkUI: Bound SparkUI to 0.0.0.0, and started at http://10.0.0.5:4041") },
                                livy),
                 QUrl(QStringLiteral("http://10.0.0.5:4041")));
        // Spark 3.5 only says the port (the line the real local server's driver logs): the driver is on the Livy host.
        QCOMPARE(sparkUiFromLog({ QStringLiteral("26/12/02 19:29:26 INFO Utils: Successfully started service 'SparkUI' on port 44797.") }, livy),
                 QUrl(QStringLiteral("http://livy.example.com:44797")));
        QVERIFY(sparkUiFromLog({ QStringLiteral("INFO Utils: Successfully started service 'sparkDriver' on port 36111.") }, livy).isEmpty());
        QVERIFY(sparkUiFromLog({ QStringLiteral("WARN nothing here") }, livy).isEmpty());
    }

    void notSparkAnswerIsSaid()
    {
        m_ui->setAnswerHtml(true);
        SparkTracker *t = tracker(fast());
        t->setSession(localSession());
        m_statements->upsert(statement(0, StatementState::Running));
        QTRY_COMPARE(t->reach(), SparkTracker::Reach::Unavailable);
        QVERIFY2(t->reason().contains(QStringLiteral("did not answer like a Spark UI")), qPrintable(t->reason()));
        QVERIFY(t->details().contains(QStringLiteral("Please sign in")));
    }

    void sparkUiUrlFromLivyWins()
    {
        Session s = localSession();
        s.appId = m_ui->appId();
        s.appInfo.insert(QStringLiteral("sparkUiUrl"), m_ui->url().toString() + QStringLiteral("/"));
        s.conf.insert(QStringLiteral("spark.ui.port"), QStringLiteral("1")); // not used: Livy said where it is
        m_ui->setJobs({ job(0, QStringLiteral("0"), QStringLiteral("RUNNING"), { 0 }, 2, 1, 1) });
        m_ui->setStages({ stage(0, 0, QStringLiteral("ACTIVE"), 2, 1, 1) });
        SparkTracker *t = tracker(fast());
        t->setSession(s);
        QCOMPARE(t->location().source, SparkUiLocation::Source::Livy);
        m_statements->upsert(statement(0, StatementState::Running));
        QTRY_VERIFY(t->hasBreakdown(0));
        // Livy's appId is used: the application list is never asked for.
        for (const auto &hit : m_ui->hits())
            QVERIFY2(hit.path != QStringLiteral("/api/v1/applications"), qPrintable(hit.path));
        QCOMPARE(t->stagePageUrl(5, 1).toString(), m_ui->url().toString() + QStringLiteral("/stages/stage/?id=5&attempt=1"));
        QCOMPARE(t->jobPageUrl(2).toString(), m_ui->url().toString() + QStringLiteral("/jobs/job/?id=2"));
    }

    void executorsWhenWanted()
    {
        m_ui->setExecutors({ QJsonObject{ { QStringLiteral("id"), QStringLiteral("driver") },
                                          { QStringLiteral("hostPort"), QStringLiteral("127.0.0.1:41000") },
                                          { QStringLiteral("isActive"), true },
                                          { QStringLiteral("totalCores"), 2 },
                                          { QStringLiteral("memoryUsed"), 1048576 },
                                          { QStringLiteral("maxMemory"), 455501414 },
                                          { QStringLiteral("completedTasks"), 20 },
                                          { QStringLiteral("totalGCTime"), 1500 },
                                          { QStringLiteral("totalShuffleRead"), 4096 } } });
        SparkTracker *t = tracker(fast());
        new QAbstractItemModelTester(t->executors(), QAbstractItemModelTester::FailureReportingMode::QtTest, t);
        t->setSession(localSession());
        QCOMPARE(t->executors()->rowCount(), 0);
        QTest::qWait(100);
        QVERIFY(m_ui->hits().isEmpty()); // not wanted, no statement: nothing asked
        t->setExecutorsWanted(true);
        QTRY_COMPARE(t->executors()->rowCount(), 1);
        const QModelIndex cores = t->executors()->index(0, SparkExecutorModel::CoresColumn);
        QCOMPARE(cores.data().toInt(), 2);
        QCOMPARE(t->executors()->index(0, SparkExecutorModel::CompletedColumn).data().toInt(), 20);
        QVERIFY(t->executorsStatus().contains(m_ui->url().toDisplayString()));
    }

    void historyBreakdownShownUntilLive()
    {
        SparkTracker *t = tracker(fast());
        t->setSession(localSession());
        m_statements->upsert(statement(5, StatementState::Available));
        SparkBreakdown stored;
        stored.statementId = 5;
        SparkJob j;
        j.jobId = 1;
        j.status = QStringLiteral("SUCCEEDED");
        j.stageIds = { 1 };
        stored.jobs = { j };
        SparkStage s;
        s.stageId = 1;
        s.status = QStringLiteral("COMPLETE");
        s.numTasks = s.numCompleteTasks = 4;
        stored.stages = { s };
        stored.final = true;
        t->restoreBreakdown(stored);
        QVERIFY(t->hasBreakdown(5));
        QCOMPARE(m_statements->index(0, StatementListModel::SparkColumn).data().toString(), QStringLiteral("1 stage · 4 tasks"));
        QCOMPARE(t->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSparkTracker)
#include "tst_sparktracker.moc"
