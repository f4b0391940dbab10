// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What the analyst sees is what the server did: cancellations, code Livy could not interrupt, statements that
// printed nothing, elapsed time and progress, against the fake Livy (which follows the real server's recorded
// cancel behaviour; the `livy` label proves it on the real one).
#include "appharness.h"

#include "output/erroroutputview.h"
#include "output/outputview.h"
#include "output/tableoutputview.h"
#include "results/dataframetable.h"

#include "livy/connection.h"
#include "livy/submitstatementjob.h"

#include <QNetworkAccessManager>
#include <QHeaderView>
#include <QProgressBar>
#include <QScrollBar>
#include <QPushButton>

using namespace LivyDesk;
using FakeLivy::Fault;
using Model = Livy::StatementListModel;

class TestStatementTruth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void codeLivyCannotInterruptIsFollowedToItsRealEnd()
    {
        AppHarness h;
        QVERIFY(h.launch());
        // Livy's job-cancel timeout, shortened: the cancel gives up after 300 ms.
        h.server->setCancelDelay(300);
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        const int slow = h.run(page, QStringLiteral("#fake:uninterruptible\n#fake:duration=2500\n#fake:text=done sleeping\n"
                                                    "import time; time.sleep(60)"));
        const int next = h.run(page, QStringLiteral("1+1"));
        QVERIFY(slow >= 0 && next > slow);
        QTRY_COMPARE(h.server->statementJson(page->sessionId(), slow).value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        page->selectStatement(slow);
        h.window()->actions()->cancelStatement->trigger();

        // Livy gives up: `cancelled`, no output, the code runs on. The window says so, and keeps following it.
        QTRY_COMPARE(h.cell(page, slow, Model::StateColumn).toString(), QStringLiteral("cancelled"));
        QTRY_VERIFY(h.cell(page, slow, 0, Model::StillRunningRole).toBool());
        page->selectStatement(slow);
        StatementOutputArea *area = AppHarness::outputArea(page);
        QTRY_COMPARE(area->text(), QStringLiteral("Cancelled, but the code is still running"));
        QVERIFY(area->detailText().contains(QStringLiteral("could not be interrupted")));
        QVERIFY(area->detailText().contains(QStringLiteral("statements after it wait")));
        QCOMPARE(h.cell(page, slow, Model::OutputColumn).toString(), QStringLiteral("Cancelled, but its code is still running"));
        QVERIFY(!h.cell(page, slow, Model::DurationColumn).toString().isEmpty()); // running time keeps counting

        // The statement behind it says what it waits for.
        page->selectStatement(next);
        QCOMPARE(h.cell(page, next, Model::StateColumn).toString(), QStringLiteral("waiting"));
        QVERIFY2(area->detailText().contains(QStringLiteral("Statement %1 was cancelled, but its code could not be interrupted").arg(slow)),
                 qPrintable(area->detailText()));

        // The code ends: its real output and times arrive, and the next statement runs.
        QTRY_VERIFY_WITH_TIMEOUT(!h.cell(page, slow, 0, Model::StillRunningRole).toBool(), 10000);
        QTRY_COMPARE(h.cell(page, next, Model::StateColumn).toString(), QStringLiteral("available"));
        const Livy::Statement finished = h.statements(page)->statement(slow).value();
        QCOMPARE(finished.state, Livy::StatementState::Cancelled);
        QVERIFY(finished.output);
        QCOMPARE(finished.completed, h.server->statementJson(page->sessionId(), slow).value(QStringLiteral("completed")).toInteger());
        // The real run time (2.5 s, QTimer being coarse by up to 5 %), not the moment the cancel gave up (0.3 s).
        QVERIFY2(finished.completed - finished.started >= 2000, qPrintable(QStringLiteral("%1 - %2").arg(finished.completed).arg(finished.started)));
        QCOMPARE(h.cell(page, slow, Model::OutputColumn).toString(), QStringLiteral("Cancelled, ran to the end: done sleeping"));
        page->selectStatement(slow);
        QTRY_VERIFY(page->isOutputShown());
        QCOMPARE(area->text(), QStringLiteral("done sleeping"));
        QVERIFY(area->noteText().contains(QStringLiteral("could not interrupt its code: it ran to the end")));
    }

    void aCancelledSparkJobIsACancellationNotAnError()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        const int id = h.run(page, QStringLiteral("#fake:duration=30000\nspark.range(0, 4).rdd.map(slow).count()"));
        QTRY_COMPARE(h.cell(page, id, Model::StateColumn).toString(), QStringLiteral("running"));
        h.window()->actions()->cancelStatement->trigger();
        QTRY_COMPARE(h.cell(page, id, Model::StateColumn).toString(), QStringLiteral("cancelled"));
        QTRY_VERIFY(h.statements(page)->statement(id)->output.has_value());
        // The server's answer is a Py4JJavaError; the window shows a cancellation.
        QCOMPARE(h.statements(page)->statement(id)->output->ename, QStringLiteral("Py4JJavaError"));
        QCOMPARE(h.cell(page, id, 0, Model::IsErrorRole).toBool(), false);
        QCOMPARE(h.cell(page, id, Model::OutputColumn).toString(),
                 QStringLiteral("Cancelled (Job 0 cancelled part of cancelled job group %1)").arg(id));
        StatementOutputArea *area = AppHarness::outputArea(page);
        QTRY_COMPARE(area->text(), QStringLiteral("The statement was cancelled."));
        QVERIFY(area->detailText().contains(QStringLiteral("Job 0 cancelled part of cancelled job group")));
        QVERIFY(area->noteText().contains(QStringLiteral("not a failure of your code")));
        // The server's text is one click away.
        QVERIFY(area->noteButton()->isVisible());
        QTest::mouseClick(area->noteButton(), Qt::LeftButton);
        QTRY_VERIFY(page->isOutputShown());
        QVERIFY(area->text().startsWith(QStringLiteral("Py4JJavaError: ")));
        QTest::mouseClick(area->noteButton(), Qt::LeftButton);
        QTRY_COMPARE(area->text(), QStringLiteral("The statement was cancelled."));
    }

    void cancelledBeforeItRanSaysSo()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        const int first = h.run(page, QStringLiteral("#fake:duration=3000\nlong()"));
        const int queued = h.run(page, QStringLiteral("queued()"));
        QTRY_COMPARE(h.cell(page, first, Model::StateColumn).toString(), QStringLiteral("running"));
        page->selectStatement(queued);
        h.window()->actions()->cancelStatement->trigger();
        QTRY_COMPARE(h.cell(page, queued, Model::StateColumn).toString(), QStringLiteral("cancelled"));
        QCOMPARE(h.cell(page, queued, Model::OutputColumn).toString(), QStringLiteral("Cancelled before it ran"));
        QTRY_VERIFY(AppHarness::outputArea(page)->detailText().contains(QStringLiteral("cancelled before it ran")));
    }

    void aStatementThatPrintedNothingSaysNoOutput()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        const int id = h.run(page, QStringLiteral("#fake:text=\nx = 1"));
        QTRY_COMPARE(h.cell(page, id, Model::StateColumn).toString(), QStringLiteral("available"));
        QCOMPARE(h.cell(page, id, Model::OutputColumn).toString(), QStringLiteral("(no output)"));
    }

    void aDataFrameDescriptionOffersItsRows()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        const int id = h.run(page, QStringLiteral("#fake:text=DataFrame[k: bigint, name: string]\ndf"));
        QTRY_COMPARE(h.cell(page, id, Model::StateColumn).toString(), QStringLiteral("available"));
        StatementOutputArea *area = AppHarness::outputArea(page);
        QTRY_VERIFY(area->noteText().contains(QStringLiteral("description of the DataFrame df, not its rows")));
        QCOMPARE(area->noteButton()->text(), QStringLiteral("Show df as a table"));
        const QString path = QStringLiteral("/sessions/%1/statements").arg(page->sessionId());
        QTest::mouseClick(area->noteButton(), Qt::LeftButton);
        QTRY_COMPARE(h.server->requests("POST", path).size(), 2);
        const QJsonObject body = h.server->requests("POST", path).last().json();
        QCOMPARE(body.value(QStringLiteral("kind")).toString(), QStringLiteral("pyspark"));
        QCOMPARE(body.value(QStringLiteral("code")).toString(), Livy::dataFrameTableCode(QStringLiteral("df"), QStringLiteral("pyspark")));
        // An ordinary output gets no such note.
        const int plain = h.run(page, QStringLiteral("1+1"));
        QTRY_COMPARE(h.cell(page, plain, Model::StateColumn).toString(), QStringLiteral("available"));
        QTRY_VERIFY(page->isOutputShown());
        QVERIFY(area->noteText().isEmpty());
    }

    void statementsFromElsewhereAppearWithoutARefresh()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        const int mine = h.run(page, QStringLiteral("1+1"));
        QTRY_COMPARE(h.cell(page, mine, Model::StateColumn).toString(), QStringLiteral("available"));
        // A colleague (another client) runs two statements on the same session.
        QNetworkAccessManager nam;
        Livy::ConnectionSettings settings;
        settings.baseUrl = h.server->url();
        Livy::Connection other(&nam, settings);
        for (const QString &code : { QStringLiteral("#fake:text=theirs\nx = 1"), QStringLiteral("#fake:duration=1500\ny = 2") }) {
            auto *job = new Livy::SubmitStatementJob(&other, Livy::SessionRef::byId(page->sessionId()), Livy::StatementRequest{ code, {} });
            QSignalSpy done(job, &Livy::LivyJob::finished);
            job->start();
            QVERIFY(done.wait(5000));
        }
        // Within one idle interval (8 s by default), with no F5: both appear, the running one is followed to its end.
        QTRY_VERIFY_WITH_TIMEOUT(h.statements(page)->rowCount() == 3, 20000);
        QCOMPARE(h.cell(page, mine + 1, Model::OutputColumn).toString(), QStringLiteral("theirs"));
        QTRY_COMPARE_WITH_TIMEOUT(h.cell(page, mine + 2, Model::StateColumn).toString(), QStringLiteral("available"), 10000);
    }

    void reopeningShowsTheNewestStatementSelectedAndInView()
    {
        AppHarness h;
        const int id = h.server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        QTRY_COMPARE(h.server->sessionState(id), QStringLiteral("idle"));
        // A history of 30 statements run elsewhere.
        QNetworkAccessManager nam;
        Livy::ConnectionSettings settings;
        settings.baseUrl = h.url;
        Livy::Connection other(&nam, settings);
        for (int i = 0; i < 30; ++i) {
            auto *job = new Livy::SubmitStatementJob(&other, Livy::SessionRef::byId(id), Livy::StatementRequest{ QStringLiteral("%1").arg(i), {} });
            QSignalSpy done(job, &Livy::LivyJob::finished);
            job->start();
            QVERIFY(done.wait(5000));
        }
        QTRY_COMPARE(h.server->statementJson(id, 29).value(QStringLiteral("state")).toString(), QStringLiteral("available"));
        QVERIFY(h.launch());
        SessionPage *page = h.openFromList(id);
        QTRY_COMPARE(h.statements(page)->rowCount(), 30);
        // The newest is selected, its output shown, and its row in view (not statement 0).
        QTRY_COMPARE(page->selectedStatementId(), 29);
        QTRY_VERIFY(page->isOutputShown());
        QTableView *table = page->statementView();
        const QRect row = table->visualRect(table->currentIndex());
        QVERIFY2(table->viewport()->rect().intersects(row), "the selected newest statement is scrolled into view");
    }

    void theOutputGetsTheRoomAtTheDefaultSize()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        for (int i = 0; i < 8; ++i)
            h.run(page, QStringLiteral("#fake:table=7\nrows"));
        QTRY_VERIFY(page->isOutputShown());
        QCOMPARE(h.window()->size(), QSize(1280, 820));
        QTableView *list = page->statementView();
        const int rowHeight = list->verticalHeader()->defaultSectionSize();
        QVERIFY2(list->viewport()->height() >= rowHeight * 5, "the statement list shows at least five rows");
        QVERIFY(!page->codeView()->isVisible()); // the code is in the list; the preview is one menu entry away
        // A 7-row table fits without scrolling.
        QWidget *output = page->outputWidget();
        auto *tableView = qobject_cast<TableOutputView *>(AppHarness::outputArea(page)->outputView()->currentPageWidget());
        QVERIFY(tableView);
        QCOMPARE(tableView->tableView()->model()->rowCount(), 7);
        QTRY_COMPARE(tableView->tableView()->verticalScrollBar()->maximum(), 0);
        // Maximise Output: the list and the docks make way, and come back.
        const int before = output->height();
        h.window()->actions()->maximiseOutput->trigger();
        QTRY_VERIFY(!list->isVisible());
        QTRY_VERIFY(output->height() > before + 200);
        QVERIFY(!h.window()->editorDock()->isVisible());
        h.window()->actions()->maximiseOutput->trigger();
        QTRY_VERIFY(list->isVisible());
        QTRY_VERIFY(h.window()->editorDock()->isVisible());
    }

    void aStatementThatDisappearsIsResolved()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        const int id = h.run(page, QStringLiteral("#fake:duration=60000\nlong()"));
        QTRY_COMPARE(h.cell(page, id, Model::StateColumn).toString(), QStringLiteral("running"));
        // Livy forgets it (evicted, or the driver restarted): "Statement not found" from now on, and not in the list.
        QVERIFY(h.server->forgetStatement(page->sessionId(), id));
        QTRY_VERIFY_WITH_TIMEOUT(h.cell(page, id, 0, Model::VanishedRole).toBool(), 30000);
        QCOMPARE(h.cell(page, id, Model::StateColumn).toString(), QStringLiteral("not on the server"));
        QCOMPARE(page->pendingStatementId(), -1); // no spinner without a request behind it
        page->selectStatement(id);
        QTRY_COMPARE(AppHarness::outputArea(page)->text(), QStringLiteral("The server no longer has this statement."));
        // The history was reloaded to learn what the server still has, and the polling did not stop.
        QTRY_VERIFY(h.server->requests("GET", QStringLiteral("/sessions/\\d+/statements")).size() >= 2);
        const int polls = int(h.server->requests("GET", QStringLiteral("/sessions/\\d+/.*")).size());
        QTRY_VERIFY_WITH_TIMEOUT(h.server->requests("GET", QStringLiteral("/sessions/\\d+/.*")).size() > polls, 20000);
    }

    void aStatementCutOffByItsSessionsEndSaysSo()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        const int id = h.run(page, QStringLiteral("#fake:duration=60000\nlong()"));
        QTRY_COMPARE(h.cell(page, id, Model::StateColumn).toString(), QStringLiteral("running"));
        // The session goes away with it (a killed driver, a restart): its result will never come, and the output
        // area says why, not that Livy's retention forgot it.
        QVERIFY(h.server->removeSession(page->sessionId()));
        h.window()->actions()->refresh->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page->isGone(), 10000);
        QTRY_VERIFY(h.cell(page, id, 0, Model::VanishedRole).toBool());
        page->selectStatement(id);
        QTRY_COMPARE(AppHarness::outputArea(page)->text(), QStringLiteral("This statement did not finish."));
    }

    void runningStatementShowsElapsedAndOneProgressFigure()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        const int id = h.run(page, QStringLiteral("#fake:duration=4000\nwork()"));
        QTRY_COMPARE(h.cell(page, id, Model::StateColumn).toString(), QStringLiteral("running"));
        // Elapsed time from the server's `started`, ticking while it runs.
        QTRY_VERIFY_WITH_TIMEOUT(h.cell(page, id, 0, Model::ElapsedMsRole).toLongLong() >= 1000, 5000);
        const QString duration = h.cell(page, id, Model::DurationColumn).toString();
        QVERIFY2(duration.endsWith(QStringLiteral(" s")), qPrintable(duration));
        QVERIFY(AppHarness::outputArea(page)->detailText().contains(QStringLiteral("running for")));
        // The row and the output area show the same percentage.
        QTRY_VERIFY(h.cell(page, id, 0, Model::ProgressRole).toDouble() > 0.3);
        auto *bar = AppHarness::outputArea(page)->findChild<QProgressBar *>();
        QVERIFY(bar);
        const double progress = h.cell(page, id, 0, Model::ProgressRole).toDouble();
        QCOMPARE(bar->value(), qRound(progress * 100.0));
        QCOMPARE(h.cell(page, id, Model::ProgressColumn).toString(), QStringLiteral("%1 %").arg(qRound(progress * 100.0)));
    }
};

QTEST_MAIN(TestStatementTruth)
#include "tst_statementtruth.moc"
