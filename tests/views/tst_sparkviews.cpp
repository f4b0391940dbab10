// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Spark insight views offscreen: the breakdown under the statements (summary, the job/stage/failed-task tree,
// links to the Spark UI, collapsed for a finished statement, the one quiet line when the UI cannot be reached), the
// Spark column of the statements table, and the executors tab.

#include "items/statementlistmodel.h"
#include "panels/sessionpage.h"
#include "panels/sparkbreakdownview.h"
#include "panels/sparkexecutorsview.h"
#include "spark/sparkexecutormodel.h"
#include "spark/sparkstagemodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QTreeView>

using namespace LivyDesk;
using namespace Livy;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 12, 2), QTime(19, 0), QTimeZone::utc());

SparkBreakdown breakdown()
{
    SparkBreakdown b;
    b.statementId = 3;
    b.fetchedAt = T0.addSecs(4);
    SparkJob first;
    first.jobId = 7;
    first.name = QStringLiteral("collect at <stdin>:3");
    first.status = QStringLiteral("SUCCEEDED");
    first.stageIds = { 10, 11 };
    first.numTasks = first.numCompletedTasks = 12;
    first.submissionTime = T0;
    first.completionTime = T0.addSecs(2);
    SparkJob second = first;
    second.jobId = 8;
    second.status = QStringLiteral("RUNNING");
    second.stageIds = { 12 };
    second.numTasks = 4;
    second.numCompletedTasks = 1;
    second.numFailedTasks = 1;
    second.completionTime = {};
    b.jobs = { first, second };
    SparkStage s10;
    s10.stageId = 10;
    s10.name = QStringLiteral("collect at <stdin>:3");
    s10.status = QStringLiteral("COMPLETE");
    s10.numTasks = s10.numCompleteTasks = 8;
    s10.shuffleWriteBytes = 2048;
    SparkStage s11 = s10;
    s11.stageId = 11;
    s11.numTasks = s11.numCompleteTasks = 4;
    SparkStage s12 = s10;
    s12.stageId = 12;
    s12.status = QStringLiteral("ACTIVE");
    s12.numTasks = 4;
    s12.numCompleteTasks = 1;
    s12.numActiveTasks = 2;
    s12.numFailedTasks = 1;
    s12.failures = { SparkTaskFailure{ 21, 2, 0, QStringLiteral("driver"), QStringLiteral("localhost"),
                                       QStringLiteral("PythonException: Traceback (most recent call last):\n"
                                                      "ZeroDivisionError: division by zero") } };
    b.stages = { s10, s11, s12 };
    return b;
}

} // namespace

class TestSparkViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void breakdownTree()
    {
        SparkStageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUiUrl(QUrl(QStringLiteral("http://127.0.0.1:4040")));
        SparkBreakdownView view;
        view.resize(1000, 300);
        view.setModel(&model);
        view.show();
        QSignalSpy content(&view, &SparkBreakdownView::contentChanged);
        const SparkBreakdown b = breakdown();
        model.setBreakdown(b);
        view.setSummary(b.summary(b.fetchedAt), QUrl(QStringLiteral("http://127.0.0.1:4040")));
        QVERIFY(view.hasContent());
        QCOMPARE(content.size(), 1);
        QCOMPARE(view.summaryText(), QStringLiteral("2 jobs · stage 3/3 · 13/16 tasks · 1 failed"));
        QVERIFY(view.tree()->isVisible());
        // Newest job first, every job open, the failed task under its stage with Spark's error.
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Job 8 · collect at <stdin>:3"));
        QVERIFY(view.tree()->isExpanded(model.index(0, 0)));
        QVERIFY(view.tree()->isExpanded(model.index(1, 0)));
        const QModelIndex stage12 = model.index(0, 0, model.index(0, 0));
        QCOMPARE(model.index(0, SparkStageModel::TasksColumn, model.index(0, 0)).data().toString(),
                 QStringLiteral("1/4 (2 running, 1 failed)"));
        QCOMPARE(model.rowCount(stage12), 1);
        const QModelIndex failure = model.index(0, 0, stage12);
        QVERIFY(failure.data().toString().contains(QStringLiteral("Task 21")));
        QVERIFY(failure.data(Qt::ToolTipRole).toString().contains(QStringLiteral("ZeroDivisionError")));
        view.tree()->expand(stage12);

        // Double-clicking a stage opens its page of the Spark UI.
        QSignalSpy links(&view, &SparkBreakdownView::linkActivated);
        const QModelIndex stage10 = model.index(0, 0, model.index(1, 0));
        const QRect rect = view.tree()->visualRect(stage10);
        QVERIFY(rect.isValid());
        QTest::mouseClick(view.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.at(0).at(0).toUrl(), QUrl(QStringLiteral("http://127.0.0.1:4040/stages/stage/?id=10&attempt=0")));

        // Finished: only the summary line (the output needs the room); the arrow brings the tree back.
        QSignalSpy expanded(&view, &SparkBreakdownView::expandedChanged);
        view.setExpanded(false);
        QVERIFY(!view.tree()->isVisible());
        QCOMPARE(expanded.size(), 1);
        QVERIFY(view.maximumHeight() < 100);
        auto *toggle = view.findChild<QToolButton *>(QStringLiteral("sparkToggle"));
        QVERIFY(toggle);
        toggle->click();
        QVERIFY(view.isExpanded());
        QVERIFY(view.tree()->isVisible());

        // No Spark UI: one line saying why, the details one click away, no tree.
        view.setUnavailable(QStringLiteral("The Spark UI at http://127.0.0.1:4040 cannot be reached (Connection refused)."),
                            QStringLiteral("GET /api/v1/applications\nConnection refused"));
        QVERIFY(!view.tree()->isVisible());
        QVERIFY(view.reasonText().contains(QStringLiteral("cannot be reached")));
        auto *details = view.findChild<QLabel *>(QStringLiteral("sparkDetails"));
        QVERIFY(details && !details->isVisible());
        const QList<QToolButton *> buttons = view.findChildren<QToolButton *>();
        for (QToolButton *button : buttons) {
            if (button->text() == QStringLiteral("Details"))
                button->click();
        }
        QVERIFY(details->isVisible());
        QVERIFY(details->text().contains(QStringLiteral("GET /api/v1/applications")));
        view.clear();
        QVERIFY(!view.hasContent());
        QCOMPARE(content.size(), 2);
    }

    void sessionPageHasTheSparkParts()
    {
        StatementListModel statements;
        Statement s;
        s.id = 3;
        s.code = QStringLiteral("df.join(other, 'k').count()");
        s.state = StatementState::Running;
        s.stateName = QStringLiteral("running");
        statements.upsert(s);
        SessionPage page(0);
        page.resize(1280, 700);
        QSignalSpy selected(&page, &SessionPage::selectedStatementChanged);
        page.setStatementModel(&statements);
        page.show();
        page.selectStatement(3);
        QTRY_VERIFY(!selected.isEmpty());
        QCOMPARE(selected.last().at(0).toInt(), 3);
        statements.setSparkSummary(3, QStringLiteral("stage 3/5 · 812/1,600 tasks"));
        const QModelIndex cell = page.statementView()->model()->index(0, StatementListModel::SparkColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("stage 3/5 · 812/1,600 tasks"));
        QVERIFY(!page.statementView()->isColumnHidden(StatementListModel::SparkColumn));
        QVERIFY(page.statementView()->columnWidth(StatementListModel::SparkColumn) >= 150);
        // The breakdown is hidden until there is something to show, then takes real room.
        QVERIFY(!page.sparkView()->isVisible());
        SparkStageModel model;
        page.sparkView()->setModel(&model);
        const SparkBreakdown b = breakdown();
        model.setBreakdown(b);
        page.sparkView()->setSummary(b.summary(b.fetchedAt), {});
        QTRY_VERIFY(page.sparkView()->isVisible());
        QTRY_VERIFY(page.sparkView()->height() >= 150);
        // The executors are a tab of their own.
        auto *tabs = page.findChild<QTabWidget *>();
        QVERIFY(tabs);
        int executorsTab = -1;
        for (int i = 0; i < tabs->count(); ++i)
            executorsTab = tabs->tabText(i) == QStringLiteral("Executors") ? i : executorsTab;
        QVERIFY(executorsTab >= 0);
        QSignalSpy shown(page.executorsView(), &SparkExecutorsView::shownChanged);
        tabs->setCurrentIndex(executorsTab);
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY(shown.last().at(0).toBool());
    }

    void executorsView()
    {
        SparkExecutorModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SparkExecutor driver;
        driver.id = QStringLiteral("driver");
        driver.hostPort = QStringLiteral("127.0.0.1:41000");
        driver.totalCores = 2;
        driver.memoryUsed = 1 << 20;
        driver.maxMemory = 400 << 20;
        driver.completedTasks = 20;
        SparkExecutor one = driver;
        one.id = QStringLiteral("1");
        one.completedTasks = 5;
        model.setExecutors({ one, driver });
        SparkExecutorsView view;
        view.setModel(&model);
        view.setStatus(QStringLiteral("From http://127.0.0.1:4040 at 19:00"));
        view.setPageUrl(QUrl(QStringLiteral("http://127.0.0.1:4040/executors/")));
        // Sorted by id with the driver first, numbers as numbers.
        QCOMPARE(view.table()->model()->index(0, SparkExecutorModel::IdColumn).data().toString(), QStringLiteral("driver"));
        view.table()->sortByColumn(SparkExecutorModel::CompletedColumn, Qt::DescendingOrder);
        QCOMPARE(view.table()->model()->index(0, SparkExecutorModel::CompletedColumn).data().toInt(), 20);
        QSignalSpy refresh(&view, &SparkExecutorsView::refreshRequested);
        QSignalSpy links(&view, &SparkExecutorsView::linkActivated);
        for (QToolButton *b : view.findChildren<QToolButton *>()) {
            if (b->text() == QStringLiteral("Refresh") || b->text() == QStringLiteral("Open in Spark UI"))
                b->click();
        }
        QCOMPARE(refresh.size(), 1);
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.at(0).at(0).toUrl(), QUrl(QStringLiteral("http://127.0.0.1:4040/executors/")));
    }
};

QTEST_MAIN(TestSparkViews)
#include "tst_sparkviews.moc"
