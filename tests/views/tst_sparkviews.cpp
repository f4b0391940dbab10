// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Spark insight views offscreen: the breakdown under the statements (summary, the job/stage/failed-task tree,
// links to the Spark UI, collapsed for a finished statement, the one quiet line when the UI cannot be reached), the
// Spark column of the statements table, the executors tab, the profile's Spark UI address, and the application's
// wiring of a session's SparkTracker to its page (against the fake Livy, whose Spark UI address answers nothing).
// Renderings in a light and a dark palette are saved under <build>/tests/views/screenshots/spark-*.png.

#include "appharness.h"
#include "dialogs/serverprofilesdialog.h"
#include "panels/sparkbreakdownview.h"
#include "panels/sparkexecutorsview.h"
#include "sessionbinding.h"
#include "spark/sparkexecutormodel.h"
#include "spark/sparkstagemodel.h"
#include "spark/sparktracker.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QStyleFactory>
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

/// Saves a rendering under <build dir>/tests/views/screenshots, to look at.
QImage saveRendering(QWidget *widget, const QString &name)
{
    const QImage image = widget->grab().toImage();
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    image.save(dir + u'/' + name + QStringLiteral(".png"));
    return image;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::Mid, QColor(0x45, 0x48, 0x4d));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    return p;
}

} // namespace

class TestSparkViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

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
        QCOMPARE(failure.data(Qt::ToolTipRole).toString(), b.stages.at(2).failures.at(0).errorMessage);
        QVERIFY(failure.data(SparkStageModel::FailedRole).toBool());
        // Its line runs across the row (Spark's errors are long), under its open stage.
        QVERIFY(view.tree()->isExpanded(stage12));
        QVERIFY(view.tree()->isFirstColumnSpanned(0, stage12));
        QVERIFY(!view.tree()->isFirstColumnSpanned(0, model.index(0, 0)));

        // The failure's context menu copies the whole error; a stage's opens its page.
        const QRect failureRect = view.tree()->visualRect(failure);
        QVERIFY(failureRect.isValid());
        Q_EMIT view.tree()->customContextMenuRequested(failureRect.center());
        auto *menu = view.findChild<QMenu *>(QStringLiteral("sparkMenu"));
        QVERIFY(menu);
        QAction *copyError = nullptr;
        for (QAction *a : menu->actions())
            copyError = a->text() == QStringLiteral("Copy &Error") ? a : copyError;
        QVERIFY(copyError);
        copyError->trigger();
        QCOMPARE(QApplication::clipboard()->text(), b.stages.at(2).failures.at(0).errorMessage);
        menu->close();
        QTRY_VERIFY(!view.findChild<QMenu *>(QStringLiteral("sparkMenu")));

        // Double-clicking a stage opens its page of the Spark UI.
        QSignalSpy links(&view, &SparkBreakdownView::linkActivated);
        const QModelIndex stage10 = model.index(0, 0, model.index(1, 0));
        const QRect rect = view.tree()->visualRect(stage10);
        QVERIFY(rect.isValid());
        QTest::mouseClick(view.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.at(0).at(0).toUrl(), QUrl(QStringLiteral("http://127.0.0.1:4040/stages/stage/?id=10&attempt=0")));
        Q_EMIT view.tree()->customContextMenuRequested(rect.center());
        menu = view.findChild<QMenu *>(QStringLiteral("sparkMenu"));
        QVERIFY(menu);
        QStringList texts;
        for (QAction *a : menu->actions())
            texts << a->text();
        QCOMPARE(texts, QStringList({ QStringLiteral("&Open in Spark UI"), QStringLiteral("Copy &Row") })); // no error to copy
        menu->actions().first()->trigger();
        QCOMPARE(links.size(), 2);
        QCOMPARE(links.at(1).at(0).toUrl(), links.at(0).at(0).toUrl());
        menu->close();

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

        // No Spark UI: one line saying why (elided when it is long, whole in its tooltip), the details one click
        // away, no tree.
        const QString reason = QStringLiteral("The Spark UI at http://127.0.0.1:4040 cannot be reached (Connection "
                                              "refused): the statements show Livy's progress only.");
        view.setUnavailable(reason, QStringLiteral("GET /api/v1/applications\nConnection refused"));
        QVERIFY(!view.tree()->isVisible());
        QVERIFY(view.summaryText().isEmpty());
        QCOMPARE(view.reasonText(), QStringLiteral("Spark: ") + reason);
        auto *reasonLabel = view.findChild<QLabel *>(QStringLiteral("sparkReason"));
        QVERIFY(reasonLabel && reasonLabel->isVisible());
        QCOMPARE(reasonLabel->toolTip(), reason);
        QVERIFY(!reasonLabel->wordWrap());
        view.resize(300, view.height());
        QTRY_VERIFY(reasonLabel->text().endsWith(QChar(0x2026))); // one line: elided at 300 px
        QVERIFY(reasonLabel->height() < 2 * reasonLabel->fontMetrics().height());
        view.resize(1000, view.height());
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
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Spark jobs of this statement (from the Spark UI): stage 3/5 · 812/1,600 tasks"));
        // The breakdown is hidden until there is something to show, then takes real room.
        QVERIFY(!page.sparkView()->isVisible());
        SparkStageModel model;
        page.setSparkModel(&model);
        const SparkBreakdown b = breakdown();
        model.setBreakdown(b);
        page.setSparkHeader(b.summary(b.fetchedAt), {});
        QTRY_VERIFY(page.sparkView()->isVisible());
        QTRY_VERIFY(page.sparkView()->height() >= 150);
        QCOMPARE(page.sparkView()->tree()->model(), &model);
        // A finished statement: only the summary line; nothing to say: hidden; unreachable: the one line.
        page.setSparkExpanded(false);
        QVERIFY(!page.sparkView()->tree()->isVisible());
        page.clearSpark();
        QTRY_VERIFY(!page.sparkView()->isVisible());
        page.setSparkUnavailable(QStringLiteral("No Spark UI address is known for this session."), QString());
        QTRY_VERIFY(page.sparkView()->isVisible());
        QVERIFY(page.sparkView()->reasonText().contains(QStringLiteral("No Spark UI address")));
        QVERIFY(!page.sparkView()->tree()->isVisible());
        // The selection says which statement to show.
        Statement s4 = s;
        s4.id = 4;
        statements.upsert(s4);
        QTRY_COMPARE(selected.last().at(0).toInt(), 4); // the newest is followed
        page.selectStatement(3);
        QCOMPARE(selected.last().at(0).toInt(), 3);
        // The executors are a tab of their own.
        auto *tabs = page.findChild<QTabWidget *>();
        QVERIFY(tabs);
        int executorsTab = -1;
        for (int i = 0; i < tabs->count(); ++i)
            executorsTab = tabs->tabText(i) == QStringLiteral("Executors") ? i : executorsTab;
        QVERIFY(executorsTab >= 0);
        QSignalSpy shown(&page, &SessionPage::executorsShown);
        QSignalSpy refresh(&page, &SessionPage::executorsRefreshRequested);
        QVERIFY(!page.isExecutorsTabShown());
        tabs->setCurrentIndex(executorsTab);
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(shown.size(), 1);
        QVERIFY(shown.last().at(0).toBool());
        QVERIFY(page.isExecutorsTabShown());
        page.setExecutorsStatus(QStringLiteral("From the Spark UI at 19:00"), QUrl(QStringLiteral("http://h:4040/executors/")));
        QCOMPARE(page.executorsView()->status(), QStringLiteral("From the Spark UI at 19:00"));
        Q_EMIT page.executorsView()->refreshRequested();
        QCOMPARE(refresh.size(), 1);
        tabs->setCurrentIndex(0);
        QTRY_COMPARE(shown.size(), 2);
        QVERIFY(!shown.last().at(0).toBool());
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
        QVERIFY(!view.table()->accessibleName().isEmpty());
    }

    void profileSparkUiAddress()
    {
        ServerProfile p;
        p.id = QStringLiteral("a");
        p.name = QStringLiteral("A");
        p.url = QUrl(QStringLiteral("http://h:8998"));
        p.sparkUiTemplate = QStringLiteral("http://{livy.host}:4040");
        ServerProfilesDialog dialog({ p }, QStringLiteral("a"));
        dialog.show();
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("sparkUiTemplate"));
        QVERIFY(edit);
        QCOMPARE(edit->text(), QStringLiteral("http://{livy.host}:4040"));
        QCOMPARE(edit->accessibleName(), QStringLiteral("Spark UI address"));
        QVERIFY(edit->placeholderText().contains(QStringLiteral("{conf:spark.ui.port}")));
        for (const char *placeholder : { "{livy.host}", "{livy.scheme}", "{livy.port}", "{session.id}", "{session.name}",
                                         "{appId}", "{conf:KEY}" })
            QVERIFY2(edit->toolTip().contains(QLatin1String(placeholder)), placeholder);
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral(" http://{livy.host}:{conf:spark.ui.port} "));
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.profiles().value(0).sparkUiTemplate, QStringLiteral("http://{livy.host}:{conf:spark.ui.port}"));
    }

    // The application gives every open session a SparkTracker (a child of its controller) and binds it to the page:
    // the fake Livy's Spark UI address answers nothing, so a running statement gets the one quiet line, and the
    // Executors tab says why there are none.
    void applicationWiring()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        const int id = page->sessionId();
        Livy::SparkTracker *tracker = h.app->sparkTracker(id);
        QVERIFY(tracker);
        QCOMPARE(tracker->parent(), h.app->server()->sessionController(id));
        auto *binding = h.app->server()->sessionController(id)->findChild<SessionBinding *>();
        QVERIFY(binding);
        QCOMPARE(binding->sparkTracker(), tracker);
        QVERIFY(!h.app->sparkTracker(id + 100));
        QVERIFY(!page->sparkView()->isVisible()); // nothing has run

        const int statement = h.run(page, QStringLiteral("#fake:duration=20000\nspark.range(10).count()"));
        QVERIFY(statement >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(tracker->reach() == Livy::SparkTracker::Reach::Unavailable, 15000);
        QTRY_VERIFY(page->sparkView()->isVisible());
        QCOMPARE(page->sparkView()->reasonText(), QStringLiteral("Spark: ") + tracker->reason());
        QVERIFY(!page->sparkView()->tree()->isVisible());
        QVERIFY(AppHarness::cell(page, statement, StatementListModel::SparkColumn).toString().isEmpty());

        auto *tabs = page->findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentWidget(page->executorsView());
        QTRY_VERIFY_WITH_TIMEOUT(page->executorsView()->status().contains(QStringLiteral("could not be read")), 15000);
        QCOMPARE(page->executorsView()->status(), tracker->executorsStatus());
    }

    // Last: it changes the application's style and palette. The page at about its size in the default window, a
    // running statement's breakdown with a failed task, in the light and the dark palette, saved to look at.
    void renderings()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        for (const bool dark : { false, true }) {
            QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
            StatementListModel statements;
            Statement s;
            s.id = 3;
            s.code = QStringLiteral("df.join(other, 'k').count()");
            s.state = StatementState::Running;
            s.stateName = QStringLiteral("running");
            s.progress = 0.6;
            statements.upsert(s);
            const SparkBreakdown b = breakdown();
            statements.setSparkSummary(3, b.summary(b.fetchedAt));
            SessionPage page(0);
            page.resize(960, 470);
            page.setStatementModel(&statements);
            SparkStageModel model;
            model.setUiUrl(QUrl(QStringLiteral("http://127.0.0.1:4040")));
            page.setSparkModel(&model);
            page.show();
            page.selectStatement(3);
            model.setBreakdown(b);
            page.setSparkHeader(b.summary(b.fetchedAt), QUrl(QStringLiteral("http://127.0.0.1:4040")));
            QTRY_VERIFY(page.sparkView()->tree()->isVisible());
            QTest::qWait(50);
            const QString suffix = dark ? QStringLiteral("-dark") : QString();
            QVERIFY(!saveRendering(&page, QStringLiteral("spark-page") + suffix).isNull());
            page.setSparkUnavailable(
                QStringLiteral("The Spark UI at http://127.0.0.1:8088/proxy/application_1700000000000_0001/ cannot be "
                               "reached (Cannot connect to 127.0.0.1:8088: connection refused): the statements show "
                               "Livy's progress only."),
                QStringLiteral("GET /proxy/application_1700000000000_0001/api/v1/applications\nConnection refused"));
            QTest::qWait(50);
            QVERIFY(!saveRendering(&page, QStringLiteral("spark-unavailable") + suffix).isNull());
        }
    }
};

QTEST_MAIN(TestSparkViews)
#include "tst_sparkviews.moc"
