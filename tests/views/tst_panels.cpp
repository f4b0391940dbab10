// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The docks and panels on their own: sessions list, log, status area, banner, session page.
#include "items/logmodel.h"
#include "items/sessionlistmodel.h"
#include "items/statementlistmodel.h"
#include "livy/livyerror.h"
#include "panels/logdock.h"
#include "panels/messagebanner.h"
#include "panels/serverbar.h"
#include "panels/sessioninfoview.h"
#include "panels/sessionpage.h"
#include "panels/sessionsdock.h"
#include "panels/statusarea.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace LivyDesk;

namespace {
Livy::Session session(int id, const QString &name, Livy::SessionState state, const QString &kind = QStringLiteral("pyspark"))
{
    Livy::Session s;
    s.id = id;
    s.name = name;
    s.kind = kind;
    s.state = state;
    s.stateName = Livy::sessionStateToString(state);
    return s;
}
} // namespace

class TestPanels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionsDockFiltersSortsAndEmitsIntents()
    {
        Livy::SessionListModel model;
        model.setSessions({ session(2, QStringLiteral("etl"), Livy::SessionState::Idle),
                            session(10, QStringLiteral("adhoc"), Livy::SessionState::Busy, QStringLiteral("spark")),
                            session(9, QString(), Livy::SessionState::Dead) });
        SessionsDock dock;
        dock.setModel(&model);
        dock.show();
        dock.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dock)); // widget shortcuts (Delete) need an active window
        QSortFilterProxyModel *proxy = dock.proxy();
        // Ids sort as numbers (10 after 9), newest first by default.
        QCOMPARE(proxy->index(0, 0).data(Livy::SessionListModel::IdRole).toInt(), 10);
        QCOMPARE(proxy->index(2, 0).data(Livy::SessionListModel::IdRole).toInt(), 2);
        // States carry a badge and a human label.
        const QModelIndex state = proxy->index(0, Livy::SessionListModel::StateColumn);
        QCOMPARE(state.data().toString(), QStringLiteral("Busy"));
        QVERIFY(!state.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(state.data(Qt::ForegroundRole).value<QColor>().isValid());

        QTest::keyClicks(dock.filterEdit(), QStringLiteral("adhoc"));
        QCOMPARE(proxy->rowCount(), 1);
        dock.filterEdit()->clear();
        QTest::keyClicks(dock.filterEdit(), QStringLiteral("pyspark"));
        QCOMPARE(proxy->rowCount(), 2);
        dock.filterEdit()->clear();
        QTest::keyClicks(dock.filterEdit(), QStringLiteral("dead"));
        QCOMPARE(proxy->rowCount(), 1);
        dock.filterEdit()->clear();
        QCOMPARE(proxy->rowCount(), 3);

        QSignalSpy open(&dock, &SessionsDock::openRequested);
        QSignalSpy remove(&dock, &SessionsDock::deleteRequested);
        dock.selectSession(2);
        QCOMPARE(dock.currentSessionId(), 2);
        dock.view()->setFocus();
        QTest::keyClick(dock.view(), Qt::Key_Return);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).toInt(), 2);
        QTest::keyClick(dock.view(), Qt::Key_Delete);
        QCOMPARE(remove.count(), 1);
        QCOMPARE(remove.at(0).at(0).toInt(), 2);
        QCOMPARE(dock.copyText(), QStringLiteral("2"));
        dock.copySelection();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("2"));

        // Updates keep the selection (diffed model, not a reset).
        model.updateState(2, Livy::SessionState::Busy, QStringLiteral("busy"));
        QCOMPARE(dock.currentSessionId(), 2);
    }

    /// The filter of a long list: each keystroke re-filters in one layout change (not one removal per range of rows
    /// that vanish), the current session stays current while it matches, and rows follow later model changes.
    void sessionsDockFiltersLongListsInOneLayoutChange()
    {
        Livy::SessionListModel model;
        QList<Livy::Session> sessions;
        for (int id = 0; id < 600; ++id)
            sessions.append(session(id, (id % 2 ? QStringLiteral("ml-%1") : QStringLiteral("etl-%1")).arg(id),
                                    Livy::SessionState::Idle));
        model.setSessions(sessions);
        SessionsDock dock;
        dock.setModel(&model);
        dock.show();
        QSortFilterProxyModel *proxy = dock.proxy();
        QAbstractItemModelTester tester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        dock.selectSession(42);
        QSignalSpy removed(proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy layout(proxy, &QAbstractItemModel::layoutChanged);

        QTest::keyClicks(dock.filterEdit(), QStringLiteral("etl"));
        QCOMPARE(proxy->rowCount(), 300);
        QCOMPARE(layout.count(), 3); // one per keystroke
        QCOMPARE(removed.count(), 0);
        QCOMPARE(dock.currentSessionId(), 42);
        QCOMPARE(proxy->index(0, 0).data(Livy::SessionListModel::IdRole).toInt(), 598); // still newest first

        // A row that stops matching leaves, one that starts matching arrives (the model's dataChanged).
        sessions[42].name = QStringLiteral("ml-42");
        sessions[43].name = QStringLiteral("etl-43");
        model.setSessions(sessions);
        QCOMPARE(proxy->rowCount(), 300);
        QVERIFY(!proxy->match(proxy->index(0, 0), Livy::SessionListModel::IdRole, 43, 1, Qt::MatchExactly).isEmpty());
        QVERIFY(proxy->match(proxy->index(0, 0), Livy::SessionListModel::IdRole, 42, 1, Qt::MatchExactly).isEmpty());

        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);

        const qsizetype layoutsBefore = layout.count();
        QTest::keyClick(dock.filterEdit(), Qt::Key_Backspace);
        QCOMPARE(proxy->rowCount(), 300); // "et" matches the same rows
        dock.filterEdit()->clear();
        QCOMPARE(proxy->rowCount(), 600);
        QCOMPARE(layout.count(), layoutsBefore + 2);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
    }

    void logDockFollowsSearchesAndCopies()
    {
        Livy::LogModel model;
        LogDock dock;
        dock.resize(400, 200);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        dock.setModel(&model, QStringLiteral("3"));
        QCOMPARE(dock.windowTitle(), QStringLiteral("Log — 3"));
        QStringList lines{ QStringLiteral("stdout: ") };
        for (int i = 0; i < 200; ++i)
            lines.append(QStringLiteral("INFO line %1").arg(i));
        lines.append(QStringLiteral("WARN disk almost full"));
        Livy::LogPage page;
        page.from = 0;
        page.total = int(lines.size());
        page.lines = lines;
        model.applyPage(page);
        QScrollBar *bar = dock.view()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum()); // following the tail
        QVERIFY(dock.isFollowing());

        // Scrolling up stops following; new lines do not yank the view back.
        bar->setValue(0);
        QVERIFY(!dock.isFollowing());
        lines.append(QStringLiteral("INFO later"));
        page.total = int(lines.size());
        page.lines = lines;
        model.applyPage(page);
        QCOMPARE(bar->value(), 0);
        dock.setFollowing(true);
        QTRY_COMPARE(bar->value(), bar->maximum());

        // Search: Enter finds the next match and selects it.
        QTest::keyClicks(dock.searchEdit(), QStringLiteral("warn"));
        QTest::keyClick(dock.searchEdit(), Qt::Key_Return);
        QCOMPARE(dock.currentMatchRow(), 201);
        QCOMPARE(dock.copyText(), QStringLiteral("WARN disk almost full"));
        dock.setShowOnlyMatches(true);
        QCOMPARE(dock.view()->model()->rowCount(), 1);
        dock.setShowOnlyMatches(false);
        QCOMPARE(dock.view()->model()->rowCount(), 203);
        dock.view()->clearSelection();
        QCOMPARE(dock.copyText().count(QLatin1Char('\n')), 202); // nothing selected: every line

        dock.setModel(nullptr);
        QCOMPARE(dock.windowTitle(), QStringLiteral("Log"));
    }

    void statusAreaKeepsTheLastErrorWithDetails()
    {
        StatusArea area;
        area.show();
        area.setConnectionState(ServerBar::State::Connecting, {}, QUrl(QStringLiteral("http://h:8998")));
        QCOMPARE(area.activityText(), QStringLiteral("Connecting to http://h:8998…"));
        QVERIFY(!area.hasError());
        const QByteArray body = "{\"msg\":\"Session '7' not found.\"}";
        area.showError(Livy::LivyError::fromHttpResponse(404, body), QStringLiteral("Session 7"));
        QVERIFY(area.hasError());
        QVERIFY(area.errorText().startsWith(QStringLiteral("Session 7: ")));
        QVERIFY(area.errorDetails().contains(QString::fromUtf8(body)));
        QVERIFY(area.errorDetails().contains(QStringLiteral("HTTP 404")));
        area.setDetailsVisible(true);
        QVERIFY(area.isDetailsVisible());
        area.setDetailsVisible(false);
        area.clearError();
        QVERIFY(!area.hasError());
        QVERIFY(area.errorText().isEmpty());
    }

    void bannerShowsDetailsOnDemand()
    {
        QWidget parent;
        MessageBanner banner(&parent);
        parent.show();
        QVERIFY(banner.isHidden());
        banner.showError(Livy::LivyError::fromHttpResponse(500, "\"java.lang.IllegalStateException: Session is in state starting\""));
        QVERIFY(!banner.isHidden());
        QVERIFY(!banner.isDetailsExpanded());
        QVERIFY(banner.details().contains(QStringLiteral("IllegalStateException")));
        banner.detailsButton()->click();
        QVERIFY(banner.isDetailsExpanded());
        QSignalSpy dismissed(&banner, &MessageBanner::dismissed);
        banner.showMessage(MessageBanner::Severity::Information, QStringLiteral("hello"));
        QVERIFY(banner.detailsButton()->isHidden()); // nothing to expand
        QCOMPARE(banner.text(), QStringLiteral("hello"));
    }

    void sessionPageShowsEveryFieldAndFollowsStatements()
    {
        SessionPage page(4);
        page.resize(900, 600);
        page.show();
        QSignalSpy stateChanges(&page, &SessionPage::stateChanged);
        Livy::Session s = session(4, QStringLiteral("etl"), Livy::SessionState::Idle);
        s.appId = QStringLiteral("application_1_0004");
        s.appInfo.insert(QStringLiteral("sparkUiUrl"), QStringLiteral("http://rm:8088/proxy/application_1_0004/"));
        s.driverMemory = QStringLiteral("2g");
        s.numExecutors = 3;
        s.conf.insert(QStringLiteral("spark.x"), QStringLiteral("1"));
        s.jars = QStringList{ QStringLiteral("hdfs:///a.jar"), QStringLiteral("hdfs:///b.jar") };
        page.setSession(s);
        QCOMPARE(page.title(), QStringLiteral("4 · etl"));
        QCOMPARE(stateChanges.count(), 1);
        page.setSession(s);
        QCOMPARE(stateChanges.count(), 1); // the same state again is no change
        QCOMPARE(page.infoView()->fieldText(QStringLiteral("driverMemory")), QStringLiteral("2g"));
        QCOMPARE(page.infoView()->fieldText(QStringLiteral("numExecutors")), QStringLiteral("3"));
        QCOMPARE(page.infoView()->fieldText(QStringLiteral("executorMemory")), QStringLiteral("—"));
        QCOMPARE(page.infoView()->fieldText(QStringLiteral("jars")), QStringLiteral("hdfs:///a.jar\nhdfs:///b.jar"));
        QVERIFY(page.infoView()->fieldText(QStringLiteral("sparkUiUrl")).contains(QStringLiteral("href")));
        QSignalSpy links(&page, &SessionPage::linkActivated);
        Q_EMIT page.infoView()->linkActivated(QUrl(s.appInfo.value(QStringLiteral("sparkUiUrl"))));
        QCOMPARE(links.count(), 1);

        Livy::StatementListModel statements;
        page.setStatementModel(&statements);
        Livy::Statement running;
        running.id = 0;
        running.code = QStringLiteral("spark.range(100).count()");
        running.state = Livy::StatementState::Running;
        running.progress = 0.4;
        statements.upsert(running);
        QCOMPARE(page.selectedStatementId(), 0); // the newest statement is selected by itself
        QCOMPARE(page.pendingStatementId(), 0);
        QVERIFY(page.outputText().contains(QStringLiteral("Running")));
        Livy::Statement done = running;
        done.state = Livy::StatementState::Available;
        done.progress = 1.0;
        Livy::StatementOutput output;
        output.status = Livy::StatementOutput::Status::Ok;
        output.data.insert(QStringLiteral("text/plain"), QStringLiteral("100"));
        done.output = output;
        statements.upsert(done);
        QTRY_COMPARE(page.outputText(), QStringLiteral("100")); // outputs are parsed on a worker thread
        QCOMPARE(page.pendingStatementId(), -1);
        QCOMPARE(page.copyText(), QStringLiteral("spark.range(100).count()\n\n100"));
    }

    void sessionDetailsAreMadeWhenFirstShown()
    {
        // Restoring many tabs at start builds no Details form before one is looked at; it then shows the session
        // as last reported, and follows it from there.
        SessionPage page(5);
        page.resize(900, 600);
        page.show();
        Livy::Session s = session(5, QStringLiteral("etl"), Livy::SessionState::Idle);
        s.driverMemory = QStringLiteral("2g");
        page.setSession(s);
        QVERIFY(!page.findChild<SessionInfoView *>());
        auto *tabs = page.findChild<QTabWidget *>(QString(), Qt::FindDirectChildrenOnly);
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(1), QStringLiteral("Details"));
        tabs->setCurrentIndex(1);
        auto *info = page.findChild<SessionInfoView *>();
        QVERIFY(info);
        QVERIFY(info->isVisible());
        QCOMPARE(page.infoView(), info);
        QCOMPARE(info->fieldText(QStringLiteral("name")), QStringLiteral("etl"));
        QCOMPARE(info->fieldText(QStringLiteral("driverMemory")), QStringLiteral("2g"));
        s.driverMemory = QStringLiteral("4g");
        page.setSession(s);
        QCOMPARE(info->fieldText(QStringLiteral("driverMemory")), QStringLiteral("4g"));
        QSignalSpy links(&page, &SessionPage::linkActivated);
        Q_EMIT info->linkActivated(QUrl(QStringLiteral("http://rm:8088/")));
        QCOMPARE(links.count(), 1);
    }

    void serverBarFlagsDisabledTlsVerification()
    {
        ServerBar bar;
        ServerProfile secure;
        secure.id = QStringLiteral("a");
        secure.url = QUrl(QStringLiteral("https://livy.example.org:8998"));
        ServerProfile insecure = secure;
        insecure.id = QStringLiteral("b");
        insecure.name = QStringLiteral("Lab");
        insecure.verifyTls = false;
        bar.setProfiles({ secure, insecure }, QStringLiteral("a"));
        QVERIFY(!bar.isInsecureWarningVisible());
        bar.setProfiles({ secure, insecure }, QStringLiteral("b"));
        QVERIFY(bar.isInsecureWarningVisible());
        bar.setState(ServerBar::State::Connected);
        bar.setServerVersion(QStringLiteral("0.9.0-incubating"));
        QCOMPARE(bar.statusText(), QStringLiteral("Connected · Livy 0.9.0-incubating"));
        QSignalSpy selected(&bar, &ServerBar::profileSelected);
        bar.chooser()->setCurrentIndex(0);
        Q_EMIT bar.chooser()->activated(0);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toString(), QStringLiteral("a"));
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
