// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Spark insight models without a network: the codecs over answers recorded from the real Spark 3.5 UI
// (tests/fixtures/real/spark), a statement's breakdown (its job group's jobs, the latest attempt of their stages),
// the one-line summary and the honest time-left estimate, the stored form, where a session's UI is, and the
// stage tree model.

#include "spark/sparkexecutormodel.h"
#include "spark/sparkstagemodel.h"
#include "spark/sparktypes.h"
#include "spark/sparkuilocator.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Livy;

namespace {

QJsonArray fixture(const QString &name)
{
    QFile f(QStringLiteral(LIVYDESK_FIXTURES_DIR "/real/spark/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

SparkJob job(int id, const QString &status, QList<int> stages, const QDateTime &submitted)
{
    SparkJob j;
    j.jobId = id;
    j.jobGroup = QStringLiteral("4");
    j.status = status;
    j.stageIds = std::move(stages);
    j.submissionTime = submitted;
    return j;
}

SparkStage stage(int id, const QString &status, int tasks, int done, int attempt = 0)
{
    SparkStage s;
    s.stageId = id;
    s.attemptId = attempt;
    s.status = status;
    s.numTasks = tasks;
    s.numCompleteTasks = done;
    s.name = QStringLiteral("stage %1").arg(id);
    return s;
}

const QDateTime T0 = QDateTime(QDate(2026, 12, 2), QTime(19, 0), QTimeZone::utc());

} // namespace

class TestSparkModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSparkTimes()
    {
        QCOMPARE(SparkCodec::parseTime(QStringLiteral("2026-12-02T19:03:12.345GMT")),
                 QDateTime(QDate(2026, 12, 2), QTime(19, 3, 12, 345), QTimeZone::utc()));
        QCOMPARE(SparkCodec::parseTime(QStringLiteral("2026-12-02T19:03:12Z")),
                 QDateTime(QDate(2026, 12, 2), QTime(19, 3, 12), QTimeZone::utc()));
        QVERIFY(!SparkCodec::parseTime(QStringLiteral("yesterday")).isValid());
        QVERIFY(!SparkCodec::parseTime({}).isValid());
        const QDateTime t = SparkCodec::parseTime(QStringLiteral("2026-12-02T19:03:12.345GMT"));
        QCOMPARE(SparkCodec::parseTime(SparkCodec::formatTime(t)), t);
    }

    void decodesTolerantly()
    {
        // Unknown fields ignored, missing counts 0, a wrong type is no crash.
        const QJsonArray jobs{ QJsonObject{ { QStringLiteral("jobId"), 3 }, { QStringLiteral("status"), QStringLiteral("RUNNING") },
                                            { QStringLiteral("numTasks"), QStringLiteral("many") },
                                            { QStringLiteral("somethingNew"), true } } };
        const Result<QList<SparkJob>> decoded = SparkCodec::decodeJobs(jobs);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value().size(), 1);
        QCOMPARE(decoded.value()[0].jobId, 3);
        QCOMPARE(decoded.value()[0].numTasks, 0);
        QVERIFY(decoded.value()[0].jobGroup.isEmpty());
        QVERIFY(!SparkCodec::decodeStages(QJsonArray{ 1, 2 }).ok());
    }

    void realJoinStatement()
    {
        const QJsonArray jobsJson = fixture(QStringLiteral("join-done-jobs.json"));
        const QJsonArray stagesJson = fixture(QStringLiteral("join-done-stages.json"));
        if (jobsJson.isEmpty() || stagesJson.isEmpty())
            QFAIL("tests/fixtures/real/spark/join-done-*.json are missing");
        const Result<QList<SparkJob>> jobs = SparkCodec::decodeJobs(jobsJson);
        const Result<QList<SparkStage>> stages = SparkCodec::decodeStages(stagesJson);
        QVERIFY(jobs.ok() && stages.ok());
        // The statement id is the job group of every job it started.
        QString group;
        for (const SparkJob &j : jobs.value()) {
            if (!j.jobGroup.isEmpty())
                group = j.jobGroup;
        }
        QVERIFY(!group.isEmpty());
        const SparkBreakdown b = SparkCodec::breakdownOf(group.toInt(), jobs.value(), stages.value());
        QVERIFY(!b.jobs.isEmpty());
        const SparkBreakdown::Totals t = b.totals();
        QVERIFY2(t.stages >= 2, "a join with a shuffle runs in at least two stages");
        // Every task count equals what the stage answer said, summed.
        int tasks = 0;
        for (const QJsonValue &v : stagesJson) {
            const QJsonObject o = v.toObject();
            bool ours = false;
            for (const SparkJob &j : b.jobs)
                ours = ours || j.stageIds.contains(o.value(QLatin1String("stageId")).toInt());
            if (ours && o.value(QLatin1String("status")).toString() != QLatin1String("SKIPPED"))
                tasks += o.value(QLatin1String("numTasks")).toInt();
        }
        QCOMPARE(t.tasks, tasks);
        QCOMPARE(t.completedTasks, t.tasks);
        QVERIFY(t.shuffleWriteBytes > 0);
        QVERIFY2(b.summary().contains(QStringLiteral("stages")), qPrintable(b.summary()));
        // The stored form gives back the same breakdown.
        const Result<SparkBreakdown> back = SparkBreakdown::fromJson(b.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back.value(), b);
    }

    void realRunningJoin()
    {
        // Caught while the join ran (adaptive execution: later jobs list stages that may still be skipped).
        for (const QString &n : { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3") }) {
            const QJsonArray jobsJson = fixture(QStringLiteral("join-running-%1-jobs.json").arg(n));
            const QJsonArray stagesJson = fixture(QStringLiteral("join-running-%1-stages.json").arg(n));
            QVERIFY2(!jobsJson.isEmpty() && !stagesJson.isEmpty(), qPrintable(n));
            const QList<SparkJob> jobs = SparkCodec::decodeJobs(jobsJson).value();
            const QList<SparkStage> stages = SparkCodec::decodeStages(stagesJson).value();
            const SparkBreakdown b = SparkCodec::breakdownOf(0, jobs, stages);
            QVERIFY2(!b.jobs.isEmpty(), qPrintable(n));
            // Snapshot 3 fell between two jobs of the statement: all it started so far had succeeded.
            const bool running = std::any_of(b.jobs.cbegin(), b.jobs.cend(), [](const SparkJob &j) { return j.isRunning(); });
            QCOMPARE(running, n != QLatin1String("3"));
            const QString summary = b.summary(b.jobs.last().submissionTime.addSecs(1));
            QVERIFY2(summary.contains(running ? QStringLiteral("stage ") : QStringLiteral(" stages")), qPrintable(summary));
            QVERIFY2(summary.contains(QStringLiteral(" tasks")), qPrintable(summary));
            // Every stage a job of the statement names is known, and the counts are Spark's.
            for (const SparkJob &j : b.jobs)
                QCOMPARE(b.stagesOf(j).size(), j.stageIds.size());
            SparkStageModel model;
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setBreakdown(b);
            QCOMPARE(model.rowCount(), b.jobs.size());
        }
    }

    void realFailedTasks()
    {
        const QJsonArray tasks = fixture(QStringLiteral("fail-tasklist-failed.json"));
        if (tasks.isEmpty())
            QFAIL("tests/fixtures/real/spark/fail-tasklist-failed.json is missing");
        const Result<QList<SparkTaskFailure>> failures = SparkCodec::decodeTasks(tasks);
        QVERIFY(failures.ok());
        QVERIFY(!failures.value().isEmpty());
        QVERIFY2(failures.value()[0].errorMessage.contains(QStringLiteral("ZeroDivisionError")),
                 qPrintable(failures.value()[0].errorMessage.left(300)));
        // Spark wraps the Python worker's traceback in a PythonException with JVM frames after it: the line
        // shown is the Python exception that ends the traceback, not "PythonException: Traceback …".
        QCOMPARE(failures.value()[0].headline(), QStringLiteral("ZeroDivisionError: division by zero"));

        SparkBreakdown b;
        b.statementId = 1;
        b.jobs = { job(0, QStringLiteral("FAILED"), { 0 }, T0) };
        b.stages = { stage(0, QStringLiteral("FAILED"), 2, 0) };
        b.stages[0].failures = failures.value();
        SparkStageModel model;
        model.setBreakdown(b);
        const QModelIndex failure = model.index(0, 0, model.index(0, 0, model.index(0, 0)));
        QVERIFY2(failure.data().toString().endsWith(QStringLiteral(": ZeroDivisionError: division by zero")),
                 qPrintable(failure.data().toString()));
        QCOMPARE(failure.data(Qt::ToolTipRole).toString(), failures.value()[0].errorMessage);
    }

    void failureHeadlines()
    {
        auto headline = [](const QString &message) { return SparkTaskFailure{ 1, 0, 0, {}, {}, message }.headline(); };
        // A JVM exception: its first line, whatever frames and causes follow.
        QCOMPARE(headline(QStringLiteral("java.lang.ArithmeticException: / by zero\n\tat $line14.$read.f(<console>:1)\n"
                                         "Caused by: java.io.IOException: x\n\tat a.b(C.java:1)")),
                 QStringLiteral("java.lang.ArithmeticException: / by zero"));
        // A Python traceback with an exception spanning lines: the last line the worker wrote at the margin.
        QCOMPARE(headline(QStringLiteral("org.apache.spark.api.python.PythonException: Traceback (most recent call last):\r\n"
                                         "  File \"<stdin>\", line 2, in <lambda>\r\n"
                                         "KeyError: 'year'\r\n\r\n\tat org.apache.spark.api.python.X.y(Z.scala:1)\n"
                                         "Unindented: after the frames")),
                 QStringLiteral("KeyError: 'year'"));
        // A traceback cut before its exception line (Spark truncates long messages): the first line rather than
        // a frame.
        QCOMPARE(headline(QStringLiteral("org.apache.spark.api.python.PythonException: Traceback (most recent call last):\n"
                                         "  File \"/x/worker.py\", line 1247, in main")),
                 QStringLiteral("org.apache.spark.api.python.PythonException: Traceback (most recent call last):"));
        QCOMPARE(headline(QString()), QString());
        QCOMPARE(headline(QStringLiteral("\n  \nExecutor lost\n")), QStringLiteral("Executor lost"));
    }

    void realExecutors()
    {
        const QJsonArray executors = fixture(QStringLiteral("executors.json"));
        if (executors.isEmpty())
            QFAIL("tests/fixtures/real/spark/executors.json is missing");
        const Result<QList<SparkExecutor>> decoded = SparkCodec::decodeExecutors(executors);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value()[0].id, QStringLiteral("driver"));
        QVERIFY(decoded.value()[0].totalCores > 0);
        QVERIFY(decoded.value()[0].maxMemory > 0);
        SparkExecutorModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExecutors(decoded.value());
        QCOMPARE(model.rowCount(), decoded.value().size());
        model.setExecutors(decoded.value()); // the same again: rows stay
        QCOMPARE(model.rowCount(), decoded.value().size());
    }

    void breakdownTakesTheStatementsJobsAndLatestAttempts()
    {
        QList<SparkJob> jobs{ job(5, QStringLiteral("RUNNING"), { 7, 8 }, T0), job(4, QStringLiteral("SUCCEEDED"), { 6 }, T0) };
        jobs[1].jobGroup = QStringLiteral("3"); // another statement's
        const QList<SparkStage> stages{ stage(7, QStringLiteral("FAILED"), 4, 1), stage(7, QStringLiteral("ACTIVE"), 4, 2, 1),
                                        stage(8, QStringLiteral("PENDING"), 6, 0), stage(6, QStringLiteral("COMPLETE"), 2, 2) };
        const SparkBreakdown b = SparkCodec::breakdownOf(4, jobs, stages);
        QCOMPARE(b.jobs.size(), 1);
        QCOMPARE(b.jobs[0].jobId, 5);
        QCOMPARE(b.stages.size(), 2);
        QCOMPARE(b.stages[0].attemptId, 1); // the retry, not the failed first attempt
        QCOMPARE(b.stages[0].status, QStringLiteral("ACTIVE"));
        QCOMPARE(b.summary(T0.addSecs(1)), QStringLiteral("stage 1/2 · 2/10 tasks"));
    }

    void summaryAndEstimate()
    {
        SparkBreakdown b;
        b.statementId = 4;
        b.jobs = { job(1, QStringLiteral("RUNNING"), { 1, 2, 3 }, T0) };
        b.stages = { stage(1, QStringLiteral("COMPLETE"), 400, 400), stage(2, QStringLiteral("ACTIVE"), 1000, 412),
                     stage(3, QStringLiteral("PENDING"), 200, 0) };
        b.stages[1].numFailedTasks = 2;
        b.stages[1].firstTaskLaunchedTime = T0;
        // A pending stage may run or be skipped (adaptive execution): no estimate.
        QVERIFY(!b.remainingMs(T0.addSecs(20)).has_value());
        QCOMPARE(b.summary(T0.addSecs(20)), QStringLiteral("stage 2/3 · 812/1,600 tasks · 2 failed"));
        // Only the active stage left: 412 of its 1,000 tasks in 20 s, 588 more at that rate take about 28.5 s.
        SparkBreakdown last = b;
        last.stages[2].status = QStringLiteral("SKIPPED");
        const std::optional<qint64> left = last.remainingMs(T0.addSecs(20));
        QVERIFY(left.has_value());
        QVERIFY2(std::abs(*left - 28544) < 50, qPrintable(QString::number(*left)));
        QCOMPARE(last.summary(T0.addSecs(20)), QStringLiteral("stage 2/2 · 812/1,400 tasks · 2 failed · ~28.5 s left"));
        // Too early to say: under 3 s, or under a fifth done, or a stage of the job unknown.
        QVERIFY(!last.remainingMs(T0.addMSecs(2500)).has_value());
        SparkBreakdown early = last;
        early.stages[1].numCompleteTasks = 100;
        QVERIFY(!early.remainingMs(T0.addSecs(20)).has_value());
        SparkBreakdown partial = last;
        partial.stages.removeLast();
        QVERIFY(!partial.remainingMs(T0.addSecs(20)).has_value());
        QVERIFY(!partial.summary(T0.addSecs(20)).contains(QStringLiteral("left")));
        // Finished: what it did, no estimate.
        SparkBreakdown done = b;
        done.jobs[0].status = QStringLiteral("SUCCEEDED");
        QCOMPARE(done.summary(T0.addSecs(60)), QStringLiteral("3 stages · 1,600 tasks · 2 failed"));
        // Skipped stages (a reused shuffle) do not count.
        SparkBreakdown skipped = done;
        skipped.stages[0].status = QStringLiteral("SKIPPED");
        QCOMPARE(skipped.totals().stages, 2);
        QCOMPARE(skipped.totals().skippedStages, 1);
        QVERIFY(SparkBreakdown{}.summary().isEmpty());
    }

    void locatesTheUi()
    {
        const QUrl livy(QStringLiteral("https://livy.example.com:8998"));
        Session s;
        s.id = 12;
        s.name = QStringLiteral("etl");
        // Nothing known: no address, and the line says what would give one.
        SparkUiLocation where = locateSparkUi(s, livy, {});
        QVERIFY(!where.isValid());
        QVERIFY(where.reason.contains(QStringLiteral("spark.ui.port")));
        // Local mode with a port in the conf: the driver runs on the Livy host.
        s.conf.insert(QStringLiteral("spark.ui.port"), QStringLiteral("4141"));
        where = locateSparkUi(s, livy, {});
        QCOMPARE(where.url, QUrl(QStringLiteral("http://livy.example.com:4141")));
        QCOMPARE(where.source, SparkUiLocation::Source::SessionConf);
        // What Livy reports wins (YARN's proxy).
        s.appId = QStringLiteral("application_1_0007");
        s.appInfo.insert(QStringLiteral("sparkUiUrl"), QStringLiteral("http://rm:8088/proxy/application_1_0007/"));
        where = locateSparkUi(s, livy, QStringLiteral("http://{livy.host}:1"));
        QCOMPARE(where.url, QUrl(QStringLiteral("http://rm:8088/proxy/application_1_0007/")));
        QCOMPARE(where.source, SparkUiLocation::Source::Livy);
        // A template, with every placeholder.
        s.appInfo.clear();
        where = locateSparkUi(s, livy,
                              QStringLiteral("{livy.scheme}://{livy.host}:{livy.port}/gateway/{session.id}-{session.name}/{appId}/{conf:spark.ui.port}"));
        QCOMPARE(where.url.toString(),
                 QStringLiteral("https://livy.example.com:8998/gateway/12-etl/application_1_0007/4141"));
        QCOMPARE(where.source, SparkUiLocation::Source::Template);
        where = locateSparkUi(s, livy, QStringLiteral("http://{livy.host}:{conf:spark.driver.port}"));
        QVERIFY(!where.isValid());
        QVERIFY(where.reason.contains(QStringLiteral("{conf:spark.driver.port}")));
        where = locateSparkUi(s, livy, QStringLiteral("not a url {session.id}"));
        QVERIFY(!where.isValid());
        // Turned off in the session's conf: nothing to ask, whatever else is known.
        s.conf.insert(QStringLiteral("spark.ui.enabled"), QStringLiteral("False"));
        s.appInfo.insert(QStringLiteral("sparkUiUrl"), QStringLiteral("http://rm:8088/proxy/application_1_0007/"));
        where = locateSparkUi(s, livy, {});
        QVERIFY(!where.isValid());
        QVERIFY(where.reason.contains(QStringLiteral("spark.ui.enabled=false")));
    }

    void stageTree()
    {
        SparkStageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SparkBreakdown b;
        b.statementId = 4;
        b.fetchedAt = T0.addSecs(5);
        b.jobs = { job(1, QStringLiteral("RUNNING"), { 1, 2 }, T0), job(2, QStringLiteral("FAILED"), { 3 }, T0) };
        b.stages = { stage(1, QStringLiteral("COMPLETE"), 4, 4), stage(2, QStringLiteral("ACTIVE"), 8, 3),
                     stage(3, QStringLiteral("FAILED"), 2, 0) };
        b.stages[2].numFailedTasks = 1;
        b.stages[2].failures = { SparkTaskFailure{ 9, 1, 0, QStringLiteral("driver"), QStringLiteral("localhost"),
                                                   QStringLiteral("ZeroDivisionError: division by zero\n  at line 1") } };
        model.setUiUrl(QUrl(QStringLiteral("http://127.0.0.1:4140/")));
        model.setBreakdown(b);
        QCOMPARE(model.rowCount(), 2);
        // Newest job first.
        QCOMPARE(model.index(0, 0).data(SparkStageModel::JobIdRole).toInt(), 2);
        const QModelIndex job1 = model.index(1, 0);
        QCOMPARE(model.rowCount(job1), 2);
        const QModelIndex stage2 = model.index(1, 0, job1);
        QCOMPARE(stage2.data(SparkStageModel::StageIdRole).toInt(), 2);
        QCOMPARE(model.index(1, SparkStageModel::TasksColumn, job1).data().toString(), QStringLiteral("3/8"));
        QCOMPARE(stage2.data(SparkStageModel::ProgressRole).toDouble(), 3.0 / 8.0);
        QCOMPARE(stage2.data(SparkStageModel::PageUrlRole).toUrl(),
                 QUrl(QStringLiteral("http://127.0.0.1:4140/stages/stage/?id=2&attempt=0")));
        QCOMPARE(job1.data(SparkStageModel::PageUrlRole).toUrl(), QUrl(QStringLiteral("http://127.0.0.1:4140/jobs/job/?id=1")));
        const QModelIndex failedStage = model.index(0, 0, model.index(0, 0));
        QVERIFY(failedStage.data(SparkStageModel::FailedRole).toBool());
        QCOMPARE(model.rowCount(failedStage), 1);
        const QModelIndex failure = model.index(0, 0, failedStage);
        QCOMPARE(failure.parent(), failedStage);
        QVERIFY2(failure.data().toString().contains(QStringLiteral("ZeroDivisionError: division by zero")),
                 qPrintable(failure.data().toString()));
        QVERIFY(!failure.data().toString().contains(QStringLiteral("at line 1"))); // first line; the whole in the tooltip
        QVERIFY(failure.data(Qt::ToolTipRole).toString().contains(QStringLiteral("at line 1")));

        // Progress on the same jobs and stages: cells change, no reset (expanded rows stay).
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        b.stages[1].numCompleteTasks = 6;
        model.setBreakdown(b);
        QCOMPARE(reset.size(), 0);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.index(1, SparkStageModel::TasksColumn, job1).data().toString(), QStringLiteral("6/8"));
        // A new job: the tree is rebuilt.
        b.jobs.append(job(3, QStringLiteral("RUNNING"), {}, T0));
        model.setBreakdown(b);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSparkModels)
#include "tst_sparkmodels.moc"
