// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// How a statement ended, read from answers recorded on the real Livy 0.9 (tests/fixtures/real).
#include "livy/codec.h"
#include "livy/logexplainer.h"
#include "livy/outcome.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Livy;

namespace {
Statement fixture(const char *name)
{
    QFile f(QStringLiteral(LIVYDESK_FIXTURES_DIR "/real/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return Codec::decodeStatement(QJsonDocument::fromJson(f.readAll()).object()).value();
}
} // namespace

class TestOutcome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realCancellations()
    {
        // A running Spark job cancelled: Spark's Py4JJavaError is the cancellation, not an error.
        const Statement job = fixture("statement-pyspark-cancelled-job.json");
        QCOMPARE(outcomeOf(job), Outcome::Cancelled);
        QVERIFY(isSparkCancellation(*job.output));
        QCOMPARE(sparkCancellationLine(*job.output), QStringLiteral("Job 0 cancelled part of cancelled job group 4"));
        // time.sleep cancelled: Livy gave up (cancelled, no output) while the code runs on ...
        const Statement giving = fixture("statement-cancelled.json");
        QCOMPARE(outcomeOf(giving), Outcome::Cancelled);
        QVERIFY(isCancelledButRunning(giving));
        // ... and when it ended, its output arrived with a later `completed`; the state stayed cancelled.
        const Statement ranOn = fixture("statement-cancelled-ran-on.json");
        QCOMPARE(ranOn.state, StatementState::Cancelled);
        QCOMPARE(outcomeOf(ranOn), Outcome::CancelledRanOn);
        QVERIFY(!isCancelledButRunning(ranOn));
        QCOMPARE(ranOn.output->text(), QStringLiteral("done sleeping"));
        QVERIFY(ranOn.completed - ranOn.started >= 34000);
    }

    void theLogSaysWhyTheInterpreterFailed()
    {
        // A sparkr statement on a server without R: the output says only "Fail to start interpreter".
        const Statement failed = fixture("statement-sparkr-interpreter-failed.json");
        QCOMPARE(failed.output->ename, QStringLiteral("InterpreterError"));
        QFile f(QStringLiteral(LIVYDESK_FIXTURES_DIR "/real/session-log-sparkr-failure.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const LogPage log = Codec::decodeLogPage(QJsonDocument::fromJson(f.readAll()).object()).value();
        const QStringList why = explainFailure(log.lines);
        QVERIFY(!why.isEmpty());
        QCOMPARE(why.first(), QStringLiteral("Cannot find sparkr package directory."));
        QVERIFY(why.contains(QStringLiteral("Fail to start interpreter sparkr")));
        for (const QString &line : why) {
            QVERIFY2(!line.contains(QLatin1String("ClassCastException")) && !line.startsWith(QLatin1String("at ")), qPrintable(line));
        }
        // The everyday noise of a healthy local session explains nothing.
        QVERIFY(explainFailure({ QStringLiteral("26/12/02 05:41:13 ERROR SparkContext: Failed to add file:/x/kryo.jar to Spark "
                                                "environment"),
                                 QStringLiteral("java.lang.IllegalArgumentException: requirement failed: File kryo.jar was already "
                                                "registered with a different path (old path = /a, new path = /b)") })
                    .isEmpty());
    }

    void okErrorsAndKinds()
    {
        QCOMPARE(outcomeOf(fixture("statement-pyspark-text-plain.json")), Outcome::Ok);
        QCOMPARE(outcomeOf(fixture("statement-pyspark-error-traceback.json")), Outcome::Error);
        QCOMPARE(outcomeOf(fixture("statement-running.json")), Outcome::Pending);
        QCOMPARE(classifyData(*fixture("statement-pyspark-table.json").output), OutputKind::Table);
        QCOMPARE(classifyData(*fixture("statement-sql-result.json").output), OutputKind::SqlTable);
        QCOMPARE(classifyData(*fixture("statement-pyspark-matplot.json").output), OutputKind::Image);
        QCOMPARE(classifyData(*fixture("statement-pyspark-json.json").output), OutputKind::Json);
        QCOMPARE(classifyData(*fixture("statement-pyspark-text-plain.json").output), OutputKind::Text);
        StatementOutput silent;
        silent.status = StatementOutput::Status::Ok;
        silent.data.insert(Mime::TextPlain, QString());
        QCOMPARE(classifyData(silent), OutputKind::EmptyText); // the code printed nothing
    }
};

QTEST_GUILESS_MAIN(TestOutcome)
#include "tst_outcome.moc"
