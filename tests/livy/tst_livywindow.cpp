// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The whole application (composition root, controllers, MainWindow, offscreen) against the REAL Livy 0.9 +
// Spark 3.5 started by the `livy_server` fixture (label `livy`): an analyst's first minutes, asserted on what the
// widgets show. One pyspark session, created through the dialog, serves every step; the functions run in order.

#include "livytestsupport.h"

#include "application.h"
#include "data/catalogdock.h"
#include "data/catalogmodel.h"
#include "data/datadock.h"
#include "data/pagedtableview.h"
#include "databinding.h"
#include "dialogs/createsessiondialog.h"
#include "editor/codeeditor.h"
#include "editor/draftstore.h"
#include "editor/editorpanel.h"
#include "items/sessionlistmodel.h"
#include "livy/deletesessionjob.h"
#include "items/statementlistmodel.h"
#include "mainactions.h"
#include "mainwindow.h"
#include "notificationbinding.h"
#include "notifications/notificationcenter.h"
#include "../views/recordingnotifier.h"
#include "output/outputview.h"
#include "output/tableoutputview.h"
#include "panels/editordock.h"
#include "panels/sessionpage.h"
#include "panels/sessionsdock.h"
#include "panels/statementoutputarea.h"
#include "panels/statusarea.h"
#include "polling/pollactivity.h"
#include "profiles/settingsschema.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QHeaderView>
#include <QTreeView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace LivyDesk;

class TestLivyWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_draftDir;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<Application> m_app;
    int m_id = -1;
    QString m_name;
    RecordingNotifier *m_desktop = nullptr; ///< owned by the application: what would pop up on the desktop

    QList<Notification> shown(NotificationKind kind, int statementId = -2) const
    {
        QList<Notification> out;
        for (const Notification &n : std::as_const(m_desktop->shown))
            if (n.kind == kind && n.target.sessionId == m_id && (statementId == -2 || n.target.statementId == statementId))
                out.append(n);
        return out;
    }

    MainWindow *window() const { return m_app->window(); }
    SessionPage *page() const { return window()->sessionPage(m_id); }
    CodeEditor *editor() const { return window()->editorDock()->currentEditor()->editor(); }
    Livy::StatementListModel *statements() const
    {
        return qobject_cast<Livy::StatementListModel *>(page()->statementModel());
    }
    /// Types `code` into the editor and runs it with Ctrl+Enter; returns the new statement's id.
    int run(const QString &code)
    {
        const qsizetype before = statements()->statements().size();
        editor()->clear();
        editor()->setFocus();
        editor()->setPlainText(code);
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        // The run shows at once as "sending…"; its statement id is known once the server answers.
        if (!QTest::qWaitFor([&] { return statements()->statements().size() > before; }, 60000))
            return -1;
        return statements()->statements().last().id;
    }
    Livy::Statement statement(int id) const { return statements()->statement(id).value_or(Livy::Statement{}); }

private Q_SLOTS:
    void initTestCase()
    {
        QString url;
        LIVYTEST_REQUIRE_SERVER("ctest", url);
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // A statement is news from 5 s here (30 s by default).
        QSettings().setValue(SettingsKeys::notificationLongStatementSeconds(), 5);
        Livy::PollActivity::global()->setActive(true);
        m_drafts = std::make_unique<DraftStore>(m_draftDir.path());
        Application::Options options;
        options.commandLine.server = QUrl(url);
        options.restoreLayout = false;
        options.drafts = m_drafts.get();
        m_desktop = new RecordingNotifier;
        options.notifier = m_desktop;
        m_app = std::make_unique<Application>(options);
        m_app->start();
        // The user looks elsewhere: every piece of news goes to the desktop (here, the recording notifier).
        m_app->notifications()->center()->setWindowActiveCheck([] { return false; });
        window()->resize(1280, 820);
        window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        QTRY_COMPARE_WITH_TIMEOUT(window()->serverBar()->state(), ServerBar::State::Connected, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window()->serverBar()->serverVersion().startsWith(QStringLiteral("0.9")), 30000);
        m_name = QStringLiteral("ldwin%1").arg(QCoreApplication::applicationPid());
    }

    void createPysparkSessionThroughTheDialog()
    {
        window()->actions()->newSession->trigger();
        CreateSessionDialog *dialog = window()->createDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("pyspark")));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), m_name);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("driverMemory")), QStringLiteral("1g"));
        QVERIFY2(dialog->isValid(), qPrintable(dialog->problems().join(QLatin1Char('\n'))));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window()->createDialog(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!window()->openSessionIds().isEmpty(), 30000);
        m_id = window()->openSessionIds().first();
        QCOMPARE(window()->currentSessionId(), m_id);
        QTRY_COMPARE_WITH_TIMEOUT(page()->session().name, m_name, 30000);
        QCOMPARE(page()->session().kind, QStringLiteral("pyspark"));
        QCOMPARE(page()->session().driverMemory, QStringLiteral("1g"));
        // The list shows it too, and the tab follows the session to idle.
        QTRY_VERIFY_WITH_TIMEOUT(window()->sessionsDock()->model()->rowOfId(m_id) >= 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(page()->session().state, Livy::SessionState::Idle, 240000);
        QVERIFY(window()->actions()->run->isEnabled());
        // Seen starting, then idle: the desktop is told once that it is ready.
        QTRY_COMPARE(shown(NotificationKind::SessionReady).size(), 1);
        QCOMPARE(shown(NotificationKind::SessionReady).first().title,
                 QStringLiteral("Session %1 (%2) is ready").arg(m_id).arg(m_name));
    }

    void runFromTheEditorAndSeeTheTable()
    {
        QVERIFY(page());
        const int id = run(QStringLiteral("rows = [{\"city\": \"Lyon\", \"visits\": 3}, {\"city\": \"Oslo\", \"visits\": 5}]\n"
                                          "%table rows"));
        QVERIFY(id >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(statement(id).state, Livy::StatementState::Available, 120000);
        QCOMPARE(page()->selectedStatementId(), id);
        auto *area = qobject_cast<StatementOutputArea *>(page()->outputWidget());
        QVERIFY(area);
        QTRY_VERIFY(page()->isOutputShown());
        OutputView *view = area->outputView();
        QCOMPARE(view->pageKind(view->currentPage()), OutputView::PageKind::Table);
        auto *table = qobject_cast<TableOutputView *>(view->currentPageWidget());
        QVERIFY(table);
        QAbstractItemModel *model = table->tableView()->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->columnCount(), 2);
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("city"));
        QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("visits"));
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("Oslo"));
        QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("5"));
        // The statement list says what came back.
        const QModelIndex row = statements()->index(statements()->rowOfId(id), Livy::StatementListModel::OutputColumn);
        QCOMPARE(row.data().toString(), QStringLiteral("Table: 2 rows × 2 columns"));
    }

    void showADataFrameAsATable()
    {
        // The first thing an analyst tries: %table on a DataFrame. Livy answers with a 1x1 description; the window
        // offers the rows, in the DataFrame's column order with its types.
        const int id = run(QStringLiteral("df = spark.createDataFrame([(3, 'Lyon', 2.5), (5, 'Oslo', 4.0)], ['visits', 'city', 'score'])\n"
                                          "%table df"));
        QTRY_COMPARE_WITH_TIMEOUT(statement(id).state, Livy::StatementState::Available, 120000);
        auto *area = qobject_cast<StatementOutputArea *>(page()->outputWidget());
        QTRY_VERIFY(area->noteText().contains(QStringLiteral("DataFrame df")));
        const qsizetype before = statements()->statements().size();
        QTest::mouseClick(area->noteButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(statements()->statements().size() > before, 30000);
        const int shown = statements()->statements().last().id;
        QTRY_COMPARE_WITH_TIMEOUT(statement(shown).state, Livy::StatementState::Available, 120000);
        QTRY_VERIFY(page()->isOutputShown());
        OutputView *view = area->outputView();
        QCOMPARE(view->pageKind(view->currentPage()), OutputView::PageKind::Table);
        auto *table = qobject_cast<TableOutputView *>(view->currentPageWidget());
        QAbstractItemModel *model = table->tableView()->model();
        QCOMPARE(model->columnCount(), 3);
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("visits"));
        QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("city"));
        QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("score"));
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("Oslo"));
    }

    void browseTheCatalogAndPageATable()
    {
        // The user's own DataFrame, as a temporary view.
        const int made = run(QStringLiteral("spark.range(5000).selectExpr('id', 'id * 2 AS twice').createOrReplaceTempView('win_numbers')"));
        QTRY_COMPARE_WITH_TIMEOUT(statement(made).state, Livy::StatementState::Available, 120000);
        QCOMPARE(page()->selectedStatementId(), made);

        // The Catalog dock loads when first seen (a statement of LivyDesk's own, marked, in this session).
        CatalogDock *dock = window()->catalogDock();
        QVERIFY(!dock->isVisible());
        dock->show();
        auto *catalog = qobject_cast<Livy::CatalogModel *>(dock->catalog());
        QVERIFY(catalog);
        QTRY_VERIFY_WITH_TIMEOUT(catalog->find({}, Livy::CatalogModel::NodeType::Database, QStringLiteral("default")).isValid(), 120000);
        const QModelIndex temp = catalog->find({}, Livy::CatalogModel::NodeType::TemporaryViews, QStringLiteral("Temporary views"));
        dock->treeView()->expand(temp);
        QTRY_VERIFY_WITH_TIMEOUT(catalog->find(temp, Livy::CatalogModel::NodeType::Table, QStringLiteral("win_numbers")).isValid(), 120000);
        const QModelIndex numbers = catalog->find(temp, Livy::CatalogModel::NodeType::Table, QStringLiteral("win_numbers"));
        // LivyDesk's statements are marked in the list and never take the output from the user's statement.
        QCOMPARE(page()->selectedStatementId(), made);
        const QModelIndex last = statements()->index(statements()->rowCount() - 1, Livy::StatementListModel::CodeColumn);
        QVERIFY(last.data(Livy::StatementListModel::InternalRole).toBool());
        QVERIFY2(last.data().toString().startsWith(QStringLiteral("LivyDesk · catalog: SHOW TABLES")), qPrintable(last.data().toString()));

        // Enter on the view previews it in the Data dock: the true count, pages on demand, sorting on the server.
        dock->treeView()->setCurrentIndex(numbers);
        dock->treeView()->setFocus();
        QTest::keyClick(dock->treeView(), Qt::Key_Return);
        QTRY_VERIFY(window()->dataDock()->currentTable());
        PagedTableView *paged = window()->dataDock()->currentTable();
        QVERIFY(window()->dataDock()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(paged->countText(), QStringLiteral("5,000 rows on the server"), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(paged->model()->cellText(0, 1), QStringLiteral("0"), 120000);
        paged->tableView()->horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
        QTRY_COMPARE_WITH_TIMEOUT(paged->model()->cellText(0, 0), QStringLiteral("4999"), 120000);
        // A server-side filter from the filter box.
        QTest::keyClicks(paged->filterField(), QStringLiteral("id % 10 = 0"));
        QTest::keyClick(paged->filterField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(paged->countText(), QStringLiteral("500 matching rows on the server"), 120000);

        // A query kept on the server (what the cap note's "Page through all rows" does after its dialog).
        QSignalSpy opened(m_app->data(), &DataBinding::pagedOpened);
        m_app->data()->keepAndPage(m_id, QStringLiteral("SELECT id, twice FROM win_numbers WHERE id % 2 = 1"),
                                   QStringLiteral("livydesk_result_odd"), true);
        QVERIFY(opened.wait(120000));
        PagedTableView *kept = window()->dataDock()->currentTable();
        QCOMPARE(kept->title(), QStringLiteral("livydesk_result_odd"));
        QTRY_COMPARE_WITH_TIMEOUT(kept->countText(), QStringLiteral("2,500 rows on the server"), 120000);
        QCOMPARE(page()->selectedStatementId(), made);
        window()->dataDock()->hide();
        dock->hide();
    }

    void cancelALongSparkJob()
    {
        const int id = run(QStringLiteral("spark.range(0, 4, numPartitions=4).rdd.map(lambda x: __import__('time').sleep(30) or x).count()"));
        QVERIFY(id >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(statement(id).state, Livy::StatementState::Running, 60000);
        QTRY_VERIFY(page()->outputText().contains(QStringLiteral("running"), Qt::CaseInsensitive));
        page()->selectStatement(id);
        window()->actions()->cancelStatement->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(statement(id).state, Livy::StatementState::Cancelled, 60000);
        QCOMPARE(page()->pendingStatementId(), -1);
        // Livy answers with a Py4JJavaError ("Job N cancelled part of cancelled job group <id>"): shown as what it
        // is, a cancellation, with the server's text one click away.
        QTRY_VERIFY_WITH_TIMEOUT(statement(id).output.has_value(), 30000);
        QCOMPARE(statement(id).output->ename, QStringLiteral("Py4JJavaError"));
        const QModelIndex row = statements()->index(statements()->rowOfId(id), Livy::StatementListModel::OutputColumn);
        QVERIFY(!row.data(Livy::StatementListModel::IsErrorRole).toBool());
        QVERIFY2(row.data().toString().startsWith(QStringLiteral("Cancelled (Job ")), qPrintable(row.data().toString()));
        QVERIFY(row.data().toString().contains(QStringLiteral("cancelled part of cancelled job group %1").arg(id)));
        page()->selectStatement(id);
        auto *area = qobject_cast<StatementOutputArea *>(page()->outputWidget());
        QTRY_COMPARE(area->text(), QStringLiteral("The statement was cancelled."));
        QVERIFY(area->noteButton()->isVisible());
    }

    void cancelCodeLivyCannotInterrupt()
    {
        // Plain driver code: Livy's cancel gives up after livy.rsc.job-cancel.timeout (30 s), reports `cancelled`,
        // and the code runs on; the statement after it waits. The window says so and follows it to its real end.
        const int slow = run(QStringLiteral("import time\ntime.sleep(40)\nprint('done sleeping')"));
        const int next = run(QStringLiteral("6 * 7"));
        QVERIFY(slow >= 0 && next > slow);
        QTRY_COMPARE_WITH_TIMEOUT(statement(slow).state, Livy::StatementState::Running, 60000);
        page()->selectStatement(slow);
        window()->actions()->cancelStatement->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(statement(slow).state, Livy::StatementState::Cancelling, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statement(slow).state, Livy::StatementState::Cancelled, 60000);
        QVERIFY(!statement(slow).output);
        const QModelIndex slowRow = statements()->index(statements()->rowOfId(slow), 0);
        QTRY_VERIFY(slowRow.data(Livy::StatementListModel::StillRunningRole).toBool());
        auto *area = qobject_cast<StatementOutputArea *>(page()->outputWidget());
        page()->selectStatement(slow);
        QTRY_COMPARE(area->text(), QStringLiteral("Cancelled, but the code is still running"));
        page()->selectStatement(next);
        QCOMPARE(statement(next).state, Livy::StatementState::Waiting);
        QTRY_VERIFY(area->detailText().contains(QStringLiteral("could not be interrupted")));
        // The code ends at about 40 s: its output and final times arrive, then the next statement runs.
        QTRY_VERIFY_WITH_TIMEOUT(statement(slow).output.has_value(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!slowRow.data(Livy::StatementListModel::StillRunningRole).toBool(), 10000);
        const Livy::Statement finished = statement(slow);
        QCOMPARE(finished.state, Livy::StatementState::Cancelled);
        QCOMPARE(finished.output->text(), QStringLiteral("done sleeping"));
        QVERIFY2(finished.completed - finished.started >= 39000, "the real run time, not the moment the cancel gave up");
        QTRY_COMPARE_WITH_TIMEOUT(statement(next).state, Livy::StatementState::Available, 30000);
        QCOMPARE(statement(next).output->text(), QStringLiteral("42"));
        page()->selectStatement(slow);
        QTRY_VERIFY(page()->isOutputShown());
        QVERIFY(area->noteText().contains(QStringLiteral("ran to the end")));
        // The desktop heard of the slow one once, at its real end, with the server's run time; the quick one is
        // not news (under 5 s).
        QTRY_COMPARE(shown(NotificationKind::LongStatementFinished, slow).size(), 1);
        const Notification n = shown(NotificationKind::LongStatementFinished, slow).first();
        QCOMPARE(n.state, QStringLiteral("cancelled"));
        QCOMPARE(n.title, QStringLiteral("Statement %1 was cancelled but ran to its end").arg(slow));
        QVERIFY2(n.duration && *n.duration >= std::chrono::seconds(39), qPrintable(n.text));
        QVERIFY(shown(NotificationKind::LongStatementFinished, next).isEmpty());
        // A click brings the window forward on that statement.
        page()->selectStatement(next);
        m_desktop->click(n);
        QTRY_COMPARE(page()->selectedStatementId(), slow);
    }

    void deleteTheSession()
    {
        QVERIFY(page());
        window()->actions()->deleteSession->trigger();
        auto *box = window()->findChild<QMessageBox *>(QStringLiteral("confirmDelete"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->text().contains(m_name));
        QAbstractButton *confirm = nullptr;
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                confirm = b;
        QVERIFY(confirm);
        confirm->click();
        QTRY_VERIFY_WITH_TIMEOUT(!window()->sessionPage(m_id), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(window()->sessionsDock()->model()->rowOfId(m_id), -1, 30000);
        // A delete the user asked for is confirmed, not reported as an error.
        QVERIFY2(!window()->statusArea()->hasError(), qPrintable(window()->statusArea()->errorText()));
        QCOMPARE(window()->noticeText(), QStringLiteral("Session %1 (%2) deleted.").arg(m_id).arg(m_name));
        // And the server agrees.
        Livy::Connection *conn = m_app->connection();
        auto job = LivyTest::run(new Livy::GetSessionStateJob(conn, Livy::SessionRef::byId(m_id)));
        QVERIFY(job->error().isNotFound());
        // A delete asked for here is not news.
        QTest::qWait(500);
        QVERIFY(shown(NotificationKind::SessionEnded).isEmpty());
        m_id = -1;
    }

    void cleanupTestCase()
    {
        if (m_app && m_id >= 0) {
            // A failed step must not leave a Spark session behind on the shared server.
            Livy::Connection *conn = m_app->connection();
            LivyTest::run(new Livy::DeleteSessionJob(conn, Livy::SessionRef::byId(m_id)));
        }
        if (m_app)
            window()->close();
        m_app.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
};

QTEST_MAIN(TestLivyWindow)
#include "tst_livywindow.moc"
