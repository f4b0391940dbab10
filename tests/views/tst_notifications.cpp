// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Notifications (#18) through the real controllers against the fake Livy, with a recording fake as the desktop
// side: which news is told (a long statement's end with its state, a session ready after starting, a session that
// died or was deleted elsewhere, a session about to expire), what is not (a short statement, a switched-off kind, a
// delete asked for here), where it goes (the window active: in the window; not active: the desktop), and what a
// click does (the window on that session's tab and statement).

#include "appharness.h"
#include "controllers/servercontroller.h"
#include "controllers/sessioncontroller.h"
#include "notificationbinding.h"
#include "notifications/desktopnotifier.h"
#include "notifications/notificationcenter.h"
#include "notifications/notificationmenu.h"
#include "notifications/notificationtoast.h"
#include "profiles/settingsschema.h"
#include "recordingnotifier.h"

#include <QInputDialog>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>

using namespace LivyDesk;
using std::chrono::milliseconds;

class TestNotifications : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AppHarness> h;
    RecordingNotifier *desktop = nullptr;
    bool windowActive = false;

    NotificationCenter *center() const { return h->app->notifications()->center(); }
    QList<Notification> shown(NotificationKind kind) const
    {
        QList<Notification> out;
        for (const Notification &n : std::as_const(desktop->shown))
            if (n.kind == kind)
                out.append(n);
        return out;
    }
    void launch(milliseconds threshold = milliseconds(600))
    {
        h = std::make_unique<AppHarness>();
        desktop = new RecordingNotifier;
        h->notifier = desktop;
        QVERIFY(h->launch());
        // "Is the user looking at the window?" is the test's to say here; routingFollowsTheActiveWindow asks Qt.
        center()->setWindowActiveCheck([this] { return windowActive; });
        NotificationPreferences p = center()->preferences();
        p.longStatementThreshold = threshold;
        center()->setPreferences(p);
    }
    Livy::StatementState stateOf(SessionPage *page, int id) const
    {
        const auto s = AppHarness::statements(page)->statement(id);
        return s ? s->state : Livy::StatementState::Unknown;
    }
    void waitFinished(SessionPage *page, int id)
    {
        QTRY_VERIFY_WITH_TIMEOUT(Livy::isTerminal(stateOf(page, id)), 10000);
    }
    NotificationMenu *menu() const { return h->window()->findChild<NotificationMenu *>(); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup()
    {
        h.reset();
        desktop = nullptr;
        windowActive = false;
    }

    // A statement that ran longer than the threshold: one notification with its state and target, whatever the end.
    void longStatementNotifiesOnceWithStateAndTarget()
    {
        launch();
        SessionPage *page = h->openIdleSession();
        QVERIFY(page);
        const int sessionId = page->sessionId();

        const int ok = h->run(page, QStringLiteral("#fake:duration=900\nspark.range(10).count()"));
        QVERIFY(ok >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown(NotificationKind::LongStatementFinished).size(), 1, 10000);
        Notification n = shown(NotificationKind::LongStatementFinished).first();
        QCOMPARE(n.state, QStringLiteral("available"));
        QCOMPARE(n.target.sessionId, sessionId);
        QCOMPARE(n.target.statementId, ok);
        QCOMPARE(n.target.profileId, h->app->profile().id);
        QVERIFY(n.duration && *n.duration >= milliseconds(600));
        QCOMPARE(n.title, QStringLiteral("Statement %1 finished").arg(ok));
        QVERIFY2(n.text.contains(QStringLiteral("available after")), qPrintable(n.text));
        QVERIFY(!n.problem);
        // Once: the statement's later polls, a refresh and the history reload do not tell it again.
        h->window()->actions()->refresh->trigger();
        QTest::qWait(800);
        QCOMPARE(shown(NotificationKind::LongStatementFinished).size(), 1);

        const int failed = h->run(page, QStringLiteral("#fake:duration=900\n#fake:error=ZeroDivisionError:division by zero\n1/0"));
        QTRY_COMPARE_WITH_TIMEOUT(shown(NotificationKind::LongStatementFinished).size(), 2, 10000);
        n = shown(NotificationKind::LongStatementFinished).last();
        QCOMPARE(n.target.statementId, failed);
        QCOMPARE(n.state, QStringLiteral("error"));
        QVERIFY(n.problem);
        QVERIFY2(n.text.contains(QStringLiteral("ZeroDivisionError: division by zero")), qPrintable(n.text));

        const int cancelled = h->run(page, QStringLiteral("#fake:duration=20000\nspark.range(10**9).count()"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(page, cancelled), Livy::StatementState::Running, 10000);
        QTest::qWait(900); // long enough to be news
        h->app->server()->sessionController(sessionId)->cancel(cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(shown(NotificationKind::LongStatementFinished).size(), 3, 10000);
        n = shown(NotificationKind::LongStatementFinished).last();
        QCOMPARE(n.target.statementId, cancelled);
        QCOMPARE(n.state, QStringLiteral("cancelled"));
        QCOMPARE(n.title, QStringLiteral("Statement %1 was cancelled").arg(cancelled));

        // Code Livy cannot interrupt: "cancelled" comes while it runs on; that is not its end. The news comes once,
        // at the real end, and says both.
        const int ranOn = h->run(page, QStringLiteral("#fake:duration=2500\n#fake:uninterruptible\nimport time; time.sleep(2.5)"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(page, ranOn), Livy::StatementState::Running, 10000);
        h->app->server()->sessionController(sessionId)->cancel(ranOn);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(page, ranOn), Livy::StatementState::Cancelled, 10000);
        QTest::qWait(300);
        QCOMPARE(shown(NotificationKind::LongStatementFinished).size(), 3); // not yet: its code still runs
        QTRY_COMPARE_WITH_TIMEOUT(shown(NotificationKind::LongStatementFinished).size(), 4, 15000);
        n = shown(NotificationKind::LongStatementFinished).last();
        QCOMPARE(n.target.statementId, ranOn);
        QCOMPARE(n.title, QStringLiteral("Statement %1 was cancelled but ran to its end").arg(ranOn));
        QVERIFY2(n.duration && *n.duration >= std::chrono::milliseconds(2000), qPrintable(QString::number(n.duration ? n.duration->count() : -1)));
        QTest::qWait(500);
        QCOMPARE(shown(NotificationKind::LongStatementFinished).size(), 4);
        // An idle session that was already idle when opened is not "ready after starting".
        QVERIFY(shown(NotificationKind::SessionReady).isEmpty());
    }

    void shortStatementDoesNotNotify()
    {
        launch();
        SessionPage *page = h->openIdleSession();
        QVERIFY(page);
        QSignalSpy posted(center(), &NotificationCenter::posted);
        const int id = h->run(page, QStringLiteral("1 + 1"));
        waitFinished(page, id);
        QTRY_COMPARE_WITH_TIMEOUT(posted.size(), 1, 5000); // considered…
        QCOMPARE(posted.first().at(1).value<NotificationCenter::Route>(), NotificationCenter::Route::Dropped); // …and dropped
        QTest::qWait(300);
        QVERIFY(desktop->shown.isEmpty());
        QVERIFY(!center()->toast()->isVisible());
    }

    // The switch in View > Notifications turns a kind off (and is kept in the settings); the threshold dialog sets
    // what "long" means.
    void switchedOffKindDoesNotNotify()
    {
        launch();
        NotificationMenu *m = menu();
        QVERIFY(m);
        QAction *statements = m->kindAction(NotificationKind::LongStatementFinished);
        QVERIFY(statements->isCheckable() && statements->isChecked());
        statements->trigger();
        QVERIFY(!center()->preferences().longStatement);
        QCOMPARE(QSettings().value(SettingsKeys::notificationEnabled(QStringLiteral("statement"))).toBool(), false);
        QVERIFY(!m->thresholdAction()->isEnabled());

        SessionPage *page = h->openIdleSession();
        QVERIFY(page);
        QSignalSpy posted(center(), &NotificationCenter::posted);
        const int id = h->run(page, QStringLiteral("#fake:duration=900\nspark.range(10).count()"));
        waitFinished(page, id);
        QTRY_COMPARE_WITH_TIMEOUT(posted.size(), 1, 5000);
        QCOMPARE(posted.first().at(1).value<NotificationCenter::Route>(), NotificationCenter::Route::Dropped);
        QVERIFY(desktop->shown.isEmpty());

        // On again, with a threshold of 45 s from the dialog: the menu says so, the settings keep it.
        statements->trigger();
        QVERIFY(m->thresholdAction()->isEnabled());
        m->thresholdAction()->trigger();
        QInputDialog *dialog = m->thresholdDialog();
        QVERIFY(dialog && dialog->isVisible()); // opened with open(): no nested event loop
        auto *spin = dialog->findChild<QSpinBox *>();
        QVERIFY(spin);
        QCOMPARE(spin->accessibleName(), QStringLiteral("Long statement threshold in seconds"));
        dialog->setIntValue(45);
        dialog->accept();
        QCOMPARE(center()->preferences().longStatementThreshold, milliseconds(45000));
        QCOMPARE(QSettings().value(SettingsKeys::notificationLongStatementSeconds()).toInt(), 45);
        QCOMPARE(statements->text(), QStringLiteral("&Statements that Ran 45 s or More"));
        // And the other kinds have their switches, reachable from the keyboard (View > Notifications).
        for (NotificationKind kind : { NotificationKind::SessionReady, NotificationKind::SessionEnded, NotificationKind::SessionExpiring })
            QVERIFY(m->kindAction(kind) && m->kindAction(kind)->isChecked() && m->kindAction(kind)->text().contains(QLatin1Char('&')));
        QMenu *view = h->window()->menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
        QVERIFY(view && view->actions().contains(m->menuAction()));
        QCOMPARE(m->menuAction()->text(), QStringLiteral("&Notifications"));
    }

    void sessionIdleAfterStartingNotifies()
    {
        launch();
        h->server->setStartupDelay(1500);
        const int id = h->server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") },
                                                             { QStringLiteral("name"), QStringLiteral("etl") } });
        SessionPage *page = h->openFromList(id);
        QVERIFY(page);
        QTRY_COMPARE_WITH_TIMEOUT(shown(NotificationKind::SessionReady).size(), 1, 10000);
        const Notification n = shown(NotificationKind::SessionReady).first();
        QCOMPARE(n.state, QStringLiteral("idle"));
        QCOMPARE(n.target.sessionId, id);
        QCOMPARE(n.target.statementId, -1);
        QCOMPARE(n.title, QStringLiteral("Session %1 (etl) is ready").arg(id));
        QVERIFY2(n.text.startsWith(QStringLiteral("pyspark session, idle after")), qPrintable(n.text));
        QTest::qWait(500);
        QCOMPARE(shown(NotificationKind::SessionReady).size(), 1);
    }

    // Deleted on the server by someone else, or died: told. Deleted from this window: not news.
    void sessionGoneOrDeadNotifiesButOwnDeleteDoesNot()
    {
        launch();
        SessionPage *gone = h->openIdleSession();
        QVERIFY(gone);
        const int goneId = gone->sessionId();
        QVERIFY(h->server->removeSession(goneId));
        h->window()->actions()->refresh->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(shown(NotificationKind::SessionEnded).size(), 1, 15000);
        Notification n = shown(NotificationKind::SessionEnded).first();
        QCOMPARE(n.state, QStringLiteral("gone"));
        QCOMPARE(n.target.sessionId, goneId);
        QVERIFY(n.problem);
        QCOMPARE(n.title, QStringLiteral("Session %1 is gone").arg(goneId));
        QVERIFY2(n.text.contains(QStringLiteral("no longer exists")), qPrintable(n.text));

        SessionPage *dead = h->openIdleSession();
        QVERIFY(dead);
        const int deadId = dead->sessionId();
        h->server->setSessionState(deadId, QStringLiteral("dead"));
        h->window()->actions()->refresh->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(shown(NotificationKind::SessionEnded).size(), 2, 15000);
        n = shown(NotificationKind::SessionEnded).last();
        QCOMPARE(n.state, QStringLiteral("dead"));
        QCOMPARE(n.target.sessionId, deadId);
        QCOMPARE(n.title, QStringLiteral("Session %1 has ended (dead)").arg(deadId));

        SessionPage *mine = h->openIdleSession();
        QVERIFY(mine);
        const int mineId = mine->sessionId();
        QSignalSpy deleted(h->app->server(), &Livy::ServerController::sessionDeleted);
        Q_EMIT h->window()->deleteSessionRequested(mineId); // what the confirmed Delete Session does
        QVERIFY(deleted.wait(10000));
        QTest::qWait(500);
        QCOMPARE(shown(NotificationKind::SessionEnded).size(), 2);
    }

    // The LeaseWatch (models/lifecycle) warns before Livy may end the session: a 30 s idle timeout, keep-alive off.
    void sessionAboutToExpireNotifies()
    {
        launch();
        const int id = h->server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") },
                                                             { QStringLiteral("idleTimeout"), QStringLiteral("30s") } });
        SessionPage *page = h->openFromList(id);
        QVERIFY(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->session().state, Livy::SessionState::Idle, 10000);
        Livy::SessionController *c = h->app->server()->sessionController(id);
        c->setKeepAliveEnabled(false);
        QTRY_VERIFY_WITH_TIMEOUT(h->window()->editorDock()->currentEditor() != nullptr, 10000);
        const int stmt = h->run(page, QStringLiteral("1 + 1")); // activity LivyDesk caused: the idle clock starts
        waitFinished(page, stmt);
        QTRY_COMPARE_WITH_TIMEOUT(shown(NotificationKind::SessionExpiring).size(), 1, 15000);
        const Notification n = shown(NotificationKind::SessionExpiring).first();
        QCOMPARE(n.target.sessionId, id);
        QCOMPARE(n.state, QStringLiteral("expiring"));
        QVERIFY2(n.title.startsWith(QStringLiteral("Session %1 may end in").arg(id)), qPrintable(n.title));
        QVERIFY(!n.text.isEmpty());
    }

    // A click on a notification (desktop or in the window) brings the window forward on that session and statement.
    void activationSelectsSessionAndStatement()
    {
        launch();
        windowActive = true; // the user is looking: the statement's end shows in the window
        SessionPage *a = h->openIdleSession();
        QVERIFY(a);
        const int stmt = h->run(a, QStringLiteral("#fake:duration=800\nspark.range(10).count()"));
        NotificationToast *toast = center()->toast();
        QTRY_VERIFY_WITH_TIMEOUT(toast->isVisible(), 10000);
        const Notification finished = toast->notification();
        QCOMPARE(finished.target.statementId, stmt);
        QCOMPARE(center()->lastRoute(), NotificationCenter::Route::InApp);
        QVERIFY(desktop->shown.isEmpty());
        QCOMPARE(toast->title(), QStringLiteral("Statement %1 finished").arg(stmt));
        QTRY_VERIFY_WITH_TIMEOUT(a->isOutputShown(), 5000);
        const QString shots = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        h->window()->grab().save(shots + QStringLiteral("/notification-in-app.png"));

        windowActive = false;
        h->run(a, QStringLiteral("2 + 2")); // the newest row is selected now, not the notified one
        SessionPage *b = h->openIdleSession();
        QVERIFY(b);
        QCOMPARE(h->window()->currentSessionId(), b->sessionId());
        h->window()->showMinimized();

        desktop->click(finished); // as the desktop reports a click on it
        QTRY_COMPARE(h->window()->currentSessionId(), a->sessionId());
        QCOMPARE(a->selectedStatementId(), stmt);
        QVERIFY(!h->window()->isMinimized());
        QVERIFY(h->window()->isVisible());

        // In the window: the toast's Show does the same, and so does Go to Last Notification (Ctrl+Shift+N).
        windowActive = true;
        Notification ready;
        ready.kind = NotificationKind::SessionReady;
        ready.title = QStringLiteral("Session %1 is ready").arg(b->sessionId());
        ready.text = QStringLiteral("pyspark session");
        ready.target = { h->app->profile().id, QString(), b->sessionId(), -1 };
        QCOMPARE(center()->post(ready), NotificationCenter::Route::InApp);
        QVERIFY(toast->isVisible());
        QCOMPARE(toast->showButton()->accessibleName(), QStringLiteral("Show session %1").arg(b->sessionId()));
        QTest::mouseClick(toast->showButton(), Qt::LeftButton);
        QTRY_COMPARE(h->window()->currentSessionId(), b->sessionId());
        QVERIFY(!toast->isVisible());
        h->window()->selectSession(a->sessionId());
        QCOMPARE(menu()->lastAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+N")));
        menu()->lastAction()->trigger();
        QCOMPARE(h->window()->currentSessionId(), b->sessionId());

        // A tab closed since the notification opens again.
        const Notification first = finished;
        Q_EMIT h->window()->closeSessionRequested(a->sessionId());
        QTRY_VERIFY(!h->window()->sessionPage(first.target.sessionId));
        desktop->click(first);
        QTRY_VERIFY_WITH_TIMEOUT(h->window()->sessionPage(first.target.sessionId), 5000);
        SessionPage *again = h->window()->sessionPage(first.target.sessionId);
        QCOMPARE(h->window()->currentSessionId(), first.target.sessionId);
        QTRY_COMPARE_WITH_TIMEOUT(again->selectedStatementId(), stmt, 10000);
    }

    // Qt's own idea of the active window decides: active -> the toast in the window; not -> the desktop; a desktop
    // with nowhere to show it -> the toast, and the task bar asks for attention.
    void routingFollowsTheActiveWindow()
    {
        launch();
        center()->setWindowActiveCheck({});
        MainWindow *w = h->window();
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
        Notification n;
        n.kind = NotificationKind::SessionEnded;
        n.state = QStringLiteral("dead");
        n.problem = true;
        n.title = QStringLiteral("Session 7 (etl) has ended (dead)");
        n.text = QStringLiteral("Its Spark driver stopped; its statements stay in the window and the history");
        n.target = { h->app->profile().id, QString(), 7, -1 };
        QCOMPARE(center()->post(n), NotificationCenter::Route::InApp);
        QVERIFY(center()->toast()->isVisible());
        QCOMPARE(center()->toast()->title(), n.title);
        QCOMPARE(center()->toast()->text(), n.text);
        QVERIFY(desktop->shown.isEmpty());
        QVERIFY(w->rect().contains(center()->toast()->geometry()));
        center()->toast()->hide();

        QWidget other;
        other.resize(200, 100);
        other.show();
        other.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&other));
        QVERIFY(!center()->isWindowActive());
        QCOMPARE(center()->post(n), NotificationCenter::Route::Desktop);
        QCOMPARE(desktop->shown.size(), 1);
        QCOMPARE(desktop->shown.first(), n);
        QVERIFY(!center()->toast()->isVisible());

        desktop->available = false;
        QCOMPARE(center()->post(n), NotificationCenter::Route::InAppFallback);
        QVERIFY(center()->toast()->isVisible());
        QCOMPARE(desktop->shown.size(), 1);
    }

    // The real one, as far as a test machine allows: it says where it would show notifications, and without a tray or
    // a notification service it is unavailable (the center then uses the window).
    void desktopNotifierDescribesItself()
    {
        DesktopNotifier real;
        QVERIFY(!real.describe().isEmpty());
        if (!real.isAvailable())
            QVERIFY(real.describe().contains(QStringLiteral("shown in the window")));
        qInfo("DesktopNotifier here: %s (built with D-Bus: %s)", qPrintable(real.describe()),
              DesktopNotifier::isBuiltWithDBus() ? "yes" : "no");
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
