// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Feedback everywhere (issue: what the analyst sees is what the server did): an unreachable server, a dialog that
// says where its values come from, failures explained from the log, drafts that cannot land in another session,
// titles and the active tab after a relaunch.
#include "appharness.h"
#include "passwordstore.h"

#include "dialogs/createsessiondialog.h"
#include "profiles/serverprofilestore.h"
#include "profiles/sessionpresetstore.h"
#include "panels/logdock.h"
#include "panels/messagebanner.h"
#include "panels/statusarea.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>

using namespace LivyDesk;
using Model = Livy::StatementListModel;

namespace {
QLabel *listPlaceholder(MainWindow *w)
{
    for (QLabel *label : w->sessionsDock()->findChildren<QLabel *>())
        if (label->isVisible() && label->text().size() > 10)
            return label;
    return nullptr;
}
} // namespace

/// Stands in for the system keychain: each profile's secret arrives after its own delay.
class SlowKeychain : public LivyDesk::PasswordStore
{
public:
    QHash<QString, QPair<int, QString>> answers; ///< profile id -> (delay ms, secret)

    void read(const QString &profileId, std::function<void(const QString &, const QString &)> done) override
    {
        const QPair<int, QString> answer = answers.value(profileId);
        QTimer::singleShot(answer.first, this, [done, answer] { done(answer.second, QString()); });
    }
    void write(const QString &, const QString &) override {}
    void remove(const QString &) override {}
};

/// A Basic profile "alice" on the harness's fake server (which wants the password "right").
static ServerProfile basicProfile(const AppHarness &h, const QString &id)
{
    h.server->setBasicAuth(QStringLiteral("alice"), QStringLiteral("right"));
    ServerProfile p;
    p.id = id;
    p.url = h.url;
    p.auth = AuthMethod::Basic;
    p.userName = QStringLiteral("alice");
    return p;
}

/// Saves `profiles` (the first is current) and starts the app with `keychain` standing in for the system's.
static void startWith(AppHarness &h, const QList<ServerProfile> &profiles, SlowKeychain &keychain)
{
    ServerProfileStore store;
    store.save(profiles);
    store.setCurrentId(profiles.first().id);
    LivyDesk::Application::Options options;
    options.restoreLayout = false;
    options.drafts = h.drafts.get();
    options.passwords = &keychain;
    h.app = std::make_unique<LivyDesk::Application>(options);
    h.app->start();
}

class TestFeedback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anUnreachableServerIsNotAnEmptyOne()
    {
        AppHarness h;
        const quint16 port = quint16(h.url.port());
        h.server->stop(); // connection refused
        QVERIFY(!h.launch());
        QTRY_VERIFY(listPlaceholder(h.window()));
        QTRY_VERIFY2(!listPlaceholder(h.window())->text().contains(QStringLiteral("No sessions on this server")),
                     qPrintable(listPlaceholder(h.window())->text()));
        QVERIFY(!h.window()->actions()->newSession->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(listPlaceholder(h.window())->text().contains(QStringLiteral("Cannot reach")), 10000);
        // The server comes back: the list says what it has, and New works.
        QVERIFY(h.server->start(port));
        // Within the connection's retry cap (5 s), not after a long backoff.
        QTRY_COMPARE_WITH_TIMEOUT(h.window()->serverBar()->state(), ServerBar::State::Connected, 8000);
        QTRY_VERIFY(listPlaceholder(h.window())->text().contains(QStringLiteral("No sessions on this server yet")));
        QVERIFY(h.window()->actions()->newSession->isEnabled());
    }

    void recoveryAfterAnOutageIsComplete()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *kept = h.openIdleSession();
        const int keptId = kept->sessionId();
        const int ran = h.run(kept, QStringLiteral("before()"));
        QTRY_COMPARE(h.cell(kept, ran, Model::StateColumn).toString(), QStringLiteral("available"));
        const quint16 port = quint16(h.url.port());
        // The server goes down: the window says so.
        h.server->stop();
        QTRY_COMPARE_WITH_TIMEOUT(h.window()->serverBar()->state(), ServerBar::State::Reconnecting, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(h.window()->statusArea()->hasError(), 15000);
        // It comes back with its sessions: within seconds everything is as before, without a key press.
        QVERIFY(h.server->start(port));
        const int fresh = h.server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("sql") } });
        QTRY_COMPARE_WITH_TIMEOUT(h.window()->serverBar()->state(), ServerBar::State::Connected, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(!h.window()->statusArea()->hasError(), 8000); // no stale "connection refused"
        QTRY_VERIFY(h.app->server()->sessions()->rowOfId(fresh) >= 0);         // the list was refreshed
        QTRY_COMPARE_WITH_TIMEOUT(kept->session().state, Livy::SessionState::Idle, 8000);
        QTRY_VERIFY(kept->statusText().isEmpty());
        const int again = h.run(kept, QStringLiteral("after()"));             // the tab works again
        QTRY_COMPARE(h.cell(kept, again, Model::StateColumn).toString(), QStringLiteral("available"));

        // Now a restart that forgets every session: the open tab is marked gone, its results stay.
        h.server->stop();
        h.server->restart();
        QTRY_COMPARE_WITH_TIMEOUT(h.window()->serverBar()->state(), ServerBar::State::Reconnecting, 15000);
        QVERIFY(h.server->start(port));
        QTRY_COMPARE_WITH_TIMEOUT(h.window()->serverBar()->state(), ServerBar::State::Connected, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(kept->isGone(), 10000);
        QTRY_VERIFY2(kept->statusText().contains(QStringLiteral("no longer has this session")), qPrintable(kept->statusText()));
        QVERIFY2(!kept->statusText().contains(QStringLiteral("refused")), qPrintable(kept->statusText()));
        // Never a green "Idle" beside "gone": the header says what is known.
        const QString header = kept->findChild<QLabel *>(QStringLiteral("sessionState"))->text();
        QVERIFY2(header.contains(QStringLiteral("not on the server (last seen idle)")), qPrintable(header));
        QTRY_VERIFY(h.app->server()->sessions()->rowOfId(keptId) < 0 || h.app->server()->sessions()->rowOfId(fresh) < 0);
        QVERIFY(h.cell(kept, ran, Model::StateColumn).toString() == QStringLiteral("available")); // results kept
        QVERIFY2(!h.window()->statusArea()->errorText().contains(QStringLiteral("refused")), qPrintable(h.window()->statusArea()->errorText()));
    }

    void aReconnectKeepsTheTabsBoundToTheirSessions()
    {
        // Ctrl+R builds new controllers for the same tabs: the editor and page that stay must talk to the new ones.
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        const int id = page->sessionId();
        const int first = h.run(page, QStringLiteral("before()"));
        QTRY_COMPARE(h.cell(page, first, Model::StateColumn).toString(), QStringLiteral("available"));
        Livy::SessionController *old = h.app->server()->sessionController(id);
        QSignalSpy replaced(old, &QObject::destroyed);
        h.window()->actions()->reconnect->trigger();
        QVERIFY(replaced.count() == 1 || replaced.wait(5000));
        QTRY_COMPARE(h.window()->serverBar()->state(), ServerBar::State::Connected);
        QTRY_VERIFY(h.window()->sessionPage(id));
        page = h.window()->sessionPage(id);
        QTRY_COMPARE(page->session().state, Livy::SessionState::Idle);
        QTRY_VERIFY(h.window()->editorDock()->currentEditor());
        const QString path = QStringLiteral("/sessions/%1/statements").arg(id);
        const qsizetype posts = h.server->requests("POST", path).size();
        const int second = h.run(page, QStringLiteral("after()"));
        QVERIFY(second > first);
        QTRY_COMPARE(h.cell(page, second, Model::StateColumn).toString(), QStringLiteral("available"));
        QCOMPARE(h.server->requests("POST", path).size(), posts + 1); // sent once, by the new controller
    }

    void aKeychainReadForAnEarlierSwitchIsDropped()
    {
        // Two quick profile switches: the secret read for the first must not win because it finishes last.
        AppHarness h;
        const ServerProfile first = basicProfile(h, QStringLiteral("first"));
        ServerProfile second = first;
        second.id = QStringLiteral("second");
        second.name = QStringLiteral("Second");
        SlowKeychain keychain;
        keychain.answers.insert(first.id, { 400, QStringLiteral("stale") });
        keychain.answers.insert(second.id, { 50, QStringLiteral("right") });
        startWith(h, { first, second }, keychain); // reads the first profile's secret (400 ms)...
        h.app->switchToProfile(second.id); // ...and at once the second's (50 ms)
        QTRY_COMPARE(h.window()->serverBar()->state(), ServerBar::State::Connected);
        QTest::qWait(600); // the first read has answered by now
        QCOMPARE(h.app->profile().id, second.id);
        QCOMPARE(h.window()->serverBar()->state(), ServerBar::State::Connected);
        const QByteArray stale = "Basic " + QByteArrayLiteral("alice:stale").toBase64();
        for (const auto &r : h.server->requests())
            QVERIFY2(r.header("authorization") != stale, qPrintable(r.path));
        QVERIFY(!h.server->requests().isEmpty());
    }

    void aPasswordTypedWhileTheKeychainIsSlowWins()
    {
        // The keychain answers late (an empty entry); meanwhile the user types the password in the profile dialog:
        // the late answer must not replace the connection made with what was typed.
        AppHarness h;
        const ServerProfile profile = basicProfile(h, QStringLiteral("only"));
        SlowKeychain keychain;
        keychain.answers.insert(profile.secretKey(), { 400, QString() });
        startWith(h, { profile }, keychain); // reads the keychain (400 ms)...
        Q_EMIT h.window()->profilesEdited({ profile }, { { profile.secretKey(), QStringLiteral("right") } }, profile.id);
        QTRY_COMPARE(h.window()->serverBar()->state(), ServerBar::State::Connected);
        QTest::qWait(600); // the keychain has answered by now
        QCOMPARE(h.window()->serverBar()->state(), ServerBar::State::Connected);
        const QByteArray blank = "Basic " + QByteArrayLiteral("alice:").toBase64();
        for (const auto &r : h.server->requests())
            QVERIFY2(r.header("authorization") != blank, qPrintable(r.path));
    }

    void theCreateDialogSaysWhereItsValuesComeFrom()
    {
        AppHarness h;
        Livy::CreateSessionRequest last;
        last.kind = QStringLiteral("spark");
        last.driverMemory = QStringLiteral("8g");
        last.conf = QMap<QString, QString>{ { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("400") } };
        SessionPresetStore().setLastUsed(last);
        QVERIFY(h.launch());
        h.window()->actions()->newSession->trigger();
        CreateSessionDialog *dialog = h.window()->createDialog();
        QTRY_VERIFY(dialog && dialog->isVisible());
        auto *carried = dialog->findChild<QWidget *>(QStringLiteral("carriedOver"));
        QVERIFY(carried && carried->isVisible());
        const QString note = carried->findChild<QLabel *>()->text();
        QVERIFY2(note.contains(QStringLiteral("last session you created")) && note.contains(QStringLiteral("spark"))
                     && note.contains(QStringLiteral("1 conf entries")),
                 qPrintable(note));
        QCOMPARE(dialog->request().driverMemory, std::optional<QString>(QStringLiteral("8g")));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startEmpty")), Qt::LeftButton);
        QVERIFY(!carried->isVisible());
        QCOMPARE(dialog->request().driverMemory, std::nullopt);
        QVERIFY(!dialog->request().conf || dialog->request().conf->isEmpty());
        dialog->reject();
    }

    void anInterpreterThatDidNotStartIsExplainedFromTheLog()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        // What the real server answers and logs for a sparkr statement without R (tests/fixtures/real).
        const int id = h.run(page, QStringLiteral("#fake:error=InterpreterError:Fail to start interpreter\n"
                                                  "#fake:log=26/12/02 06:55:42 WARN Session: Fail to start interpreter sparkr\n"
                                                  "#fake:log=java.lang.IllegalArgumentException: requirement failed: Cannot find sparkr package directory.\n"
                                                  "1+1"));
        QTRY_VERIFY(h.cell(page, id, 0, Model::IsErrorRole).toBool());
        StatementOutputArea *area = AppHarness::outputArea(page);
        QTRY_VERIFY(area->noteText().contains(QStringLiteral("Cannot find sparkr package directory.")));
        QVERIFY(area->noteText().contains(QStringLiteral("could not start the interpreter")));
    }

    void aSessionThatDiedSaysWhyFromTheLog()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        h.server->appendLog(page->sessionId(), { QStringLiteral("26/12/02 07:01:02 ERROR ApplicationMaster: User class threw "
                                                                "exception: java.lang.OutOfMemoryError: Java heap space") });
        h.server->setSessionState(page->sessionId(), QStringLiteral("dead"));
        QTRY_COMPARE_WITH_TIMEOUT(page->session().state, Livy::SessionState::Dead, 20000);
        QTRY_VERIFY(page->statusText().contains(QStringLiteral("From the session log:")));
        QVERIFY2(page->statusText().contains(QStringLiteral("Java heap space")), qPrintable(page->statusText()));
    }

    void draftsNeverLandInAnotherSessionWithTheSameId()
    {
        AppHarness h;
        QVERIFY(h.launch());
        // Created from LivyDesk: tagged; its draft is keyed by id and tag.
        h.window()->actions()->newSession->trigger();
        CreateSessionDialog *dialog = h.window()->createDialog();
        QTRY_VERIFY(dialog && dialog->isVisible());
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QTRY_VERIFY(h.window()->sessionPage(0));
        SessionPage *page = h.window()->sessionPage(0);
        QTRY_VERIFY(h.window()->editorDock()->currentEditor());
        QTest::keyClicks(h.editor(), QStringLiteral("secret_etl = 1"));
        h.window()->actions()->closeSession->trigger();
        QTRY_VERIFY(!h.window()->sessionPage(0));
        Q_UNUSED(page)
        // The server restarts without recovery; a colleague's new session gets id 0.
        h.server->restart();
        QCOMPARE(h.server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") } }), 0);
        h.window()->actions()->refresh->trigger();
        SessionPage *other = h.openFromList(0);
        QVERIFY(other);
        QTRY_VERIFY(h.window()->editorDock()->currentEditor());
        QCOMPARE(h.editor()->toPlainText(), QString()); // not the draft of the old session 0
    }

    void sessionOnTheCommandLineOpensOrSaysItDoesNotExist()
    {
        {
            AppHarness h;
            const int id = h.server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") }, { QStringLiteral("name"), QStringLiteral("nightly") } });
            LivyDesk::Application::Options options;
            options.commandLine.server = h.url;
            options.commandLine.session = QStringLiteral("nightly"); // by name, fresh settings
            options.restoreLayout = false;
            options.drafts = h.drafts.get();
            h.app = std::make_unique<LivyDesk::Application>(options);
            h.app->start();
            h.window()->show();
            QTRY_VERIFY(h.window()->sessionPage(id));
            QCOMPARE(h.window()->currentSessionId(), id);
        }
        {
            AppHarness h;
            LivyDesk::Application::Options options;
            options.commandLine.server = h.url;
            options.commandLine.session = QStringLiteral("77");
            options.restoreLayout = false;
            options.drafts = h.drafts.get();
            h.app = std::make_unique<LivyDesk::Application>(options);
            h.app->start();
            h.window()->show();
            QTRY_VERIFY(h.window()->banner()->text().contains(QStringLiteral("There is no session 77 on this server")));
        }
    }

    void openSessionByIdOrNameFromTheMenu()
    {
        AppHarness h;
        const int id = h.server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("sql") }, { QStringLiteral("name"), QStringLiteral("reports") } });
        QVERIFY(h.launch());
        h.window()->actions()->openSessionByRef->trigger();
        auto *ask = h.window()->findChild<QInputDialog *>(QStringLiteral("openSessionByRef"));
        QVERIFY(ask);
        QTRY_VERIFY(ask->isVisible());
        ask->setTextValue(QStringLiteral("reports"));
        ask->accept();
        QTRY_VERIFY(h.window()->sessionPage(id));
    }

    void aRelaunchKeepsTitlesAndTheActiveTab()
    {
        AppHarness h;
        const int a = h.server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") }, { QStringLiteral("name"), QStringLiteral("alpha") } });
        const int b = h.server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("spark") }, { QStringLiteral("name"), QStringLiteral("beta") } });
        QVERIFY(h.launch(true));
        QVERIFY(h.openFromList(a));
        QVERIFY(h.openFromList(b));
        QTRY_VERIFY(h.window()->editorDock()->currentEditor());
        QTest::keyClicks(h.editor(), QStringLiteral("val x = 1"));
        h.window()->selectSession(a); // alpha is the active tab when the window closes
        h.window()->close();
        h.app.reset();

        QVERIFY(h.launch(true));
        QTRY_VERIFY(h.window()->sessionPage(a) && h.window()->sessionPage(b));
        QTRY_COMPARE(h.window()->currentSessionId(), a);
        // The docks carry the session's name once the server has answered, not just its id.
        QTRY_COMPARE(h.window()->editorDock()->windowTitle(), QStringLiteral("Editor — %1 · alpha").arg(a));
        QTRY_COMPARE(h.window()->logDock()->windowTitle(), QStringLiteral("Log — %1 · alpha").arg(a));
        h.window()->selectSession(b);
        QTRY_VERIFY(h.window()->editorDock()->currentEditor()); // once beta's own answer is in (tabs attach staggered)
        QTRY_COMPARE(h.editor()->toPlainText(), QStringLiteral("val x = 1")); // beta's draft came back with it
    }
};

QTEST_MAIN(TestFeedback)
#include "tst_feedback.moc"
