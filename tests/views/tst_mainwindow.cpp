// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The whole application (composition root, controllers, window) against the in-process fake Livy server,
// driven through its widgets offscreen.
#include "application.h"
#include "controllers/sessioncontroller.h"
#include "profiles/serverprofilestore.h"
#include "dialogs/confeditor.h"
#include "dialogs/createsessiondialog.h"
#include "dialogs/stringlisteditor.h"
#include "editor/codeeditor.h"
#include "editor/draftstore.h"
#include "editor/editorpanel.h"
#include "fakelivyserver.h"
#include "items/sessionlistmodel.h"
#include "mainactions.h"
#include "mainwindow.h"
#include "panels/editordock.h"
#include "panels/logdock.h"
#include "panels/messagebanner.h"
#include "panels/sessioninfoview.h"
#include "panels/sessionpage.h"
#include "panels/sessionsdock.h"
#include "polling/pollactivity.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace LivyDesk;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    FakeLivy::Server *m_server = nullptr;
    QTemporaryDir *m_draftDir = nullptr;
    DraftStore *m_drafts = nullptr;
    std::unique_ptr<Application> m_app;

    MainWindow *window() const { return m_app->window(); }

    void launch(bool restoreLayout = false)
    {
        Application::Options options;
        options.commandLine.server = m_server->url();
        options.restoreLayout = restoreLayout;
        options.drafts = m_drafts;
        m_app = std::make_unique<Application>(options);
        m_app->start();
        window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        QTRY_COMPARE(window()->serverBar()->state(), ServerBar::State::Connected);
    }
    void quit()
    {
        window()->close();
        m_app.reset();
    }
    /// Opens a session the way a user does: select it in the list and press Enter.
    SessionPage *openFromList(int id)
    {
        if (!QTest::qWaitFor([&] { return window()->sessionsDock()->model()->rowOfId(id) >= 0; }, 10000))
            return nullptr;
        window()->sessionsDock()->selectSession(id);
        QTableView *view = window()->sessionsDock()->view();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        // The editor opens once the session's own answer has arrived (its draft is keyed by the session's identity).
        if (!QTest::qWaitFor([&] { return window()->editorDock()->currentEditor() != nullptr; }, 5000))
            return window()->sessionPage(id); // the test says what is missing
        return window()->sessionPage(id);
    }
    EditorPanel *currentEditor() const { return window()->editorDock()->currentEditor(); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QSettings().clear();
        Livy::PollActivity::global()->setActive(true);
        m_server = new FakeLivy::Server;
        QVERIFY(m_server->start());
        m_server->setStartupDelay(0);
        m_server->setStatementDuration(0);
        m_draftDir = new QTemporaryDir;
        m_drafts = new DraftStore(m_draftDir->path());
    }

    void cleanup()
    {
        m_app.reset();
        // Jobs delete themselves with deleteLater(); a test function returns without an event loop turn.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        delete m_drafts;
        delete m_draftDir;
        delete m_server;
    }

    void createSessionWithEveryFieldThroughTheDialog()
    {
        launch();
        QTRY_VERIFY(!window()->serverBar()->serverVersion().isEmpty()); // ttl/idleTimeout need the version
        window()->actions()->newSession->trigger();
        CreateSessionDialog *dialog = window()->createDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto edit = [dialog](const char *name) { return dialog->findChild<QLineEdit *>(QLatin1String(name)); };
        auto spin = [dialog](const char *name) { return dialog->findChild<QSpinBox *>(QLatin1String(name)); };
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("spark")));
        QTest::keyClicks(edit("name"), QStringLiteral("nightly-etl"));
        QTest::keyClicks(edit("proxyUser"), QStringLiteral("alice"));
        QTest::keyClicks(edit("queue"), QStringLiteral("analytics"));
        QTest::keyClicks(edit("driverMemory"), QStringLiteral("2g"));
        QTest::keyClicks(edit("executorMemory"), QStringLiteral("4g"));
        spin("driverCores")->setValue(2);
        spin("executorCores")->setValue(3);
        spin("numExecutors")->setValue(6);
        spin("heartbeatTimeoutInSecond")->setValue(90);
        QTest::keyClicks(edit("ttl"), QStringLiteral("8h"));
        QTest::keyClicks(edit("idleTimeout"), QStringLiteral("45m"));
        dialog->findChild<StringListEditor *>(QStringLiteral("jars"))->addLines(QStringLiteral("hdfs:///libs/a.jar\nhdfs:///libs/b.jar"));
        dialog->findChild<StringListEditor *>(QStringLiteral("pyFiles"))->addLines(QStringLiteral("hdfs:///py/deps.zip"));
        dialog->findChild<StringListEditor *>(QStringLiteral("files"))->addLines(QStringLiteral("hdfs:///data/lookup.csv"));
        dialog->findChild<StringListEditor *>(QStringLiteral("archives"))->addLines(QStringLiteral("hdfs:///envs/py.tgz#env"));
        dialog->findChild<ConfEditor *>(QStringLiteral("conf"))->addLines(
            QStringLiteral("spark.sql.shuffle.partitions=64\nspark.ui.enabled false"));
        QVERIFY2(dialog->isValid(), qPrintable(dialog->problems().join(QLatin1Char('\n'))));

        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QTRY_COMPARE(m_server->requests("POST", QStringLiteral("/sessions")).size(), 1);
        QJsonObject body = m_server->requests("POST", QStringLiteral("/sessions")).first().json();
        // LivyDesk tags the session it creates (spark.livydesk.sessionTag: 16 hex digits, livy/sessionidentity.h).
        QJsonObject conf = body.value(QStringLiteral("conf")).toObject();
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(conf.take(QStringLiteral("spark.livydesk.sessionTag")).toString()).hasMatch());
        body.insert(QStringLiteral("conf"), conf);
        QCOMPARE(body, parse("{\"kind\":\"spark\",\"name\":\"nightly-etl\",\"proxyUser\":\"alice\",\"queue\":\"analytics\","
                             "\"driverMemory\":\"2g\",\"executorMemory\":\"4g\",\"driverCores\":2,\"executorCores\":3,"
                             "\"numExecutors\":6,\"heartbeatTimeoutInSecond\":90,\"ttl\":\"8h\",\"idleTimeout\":\"45m\","
                             "\"jars\":[\"hdfs:///libs/a.jar\",\"hdfs:///libs/b.jar\"],\"pyFiles\":[\"hdfs:///py/deps.zip\"],"
                             "\"files\":[\"hdfs:///data/lookup.csv\"],\"archives\":[\"hdfs:///envs/py.tgz#env\"],"
                             "\"conf\":{\"spark.sql.shuffle.partitions\":\"64\",\"spark.ui.enabled\":\"false\"}}"));
        // Success: the dialog closes and the new session opens in a tab with every echoed field.
        QTRY_VERIFY(!window()->createDialog());
        QTRY_VERIFY(window()->sessionPage(0));
        SessionPage *page = window()->sessionPage(0);
        QCOMPARE(window()->currentSessionId(), 0);
        QTRY_COMPARE(page->session().name, QStringLiteral("nightly-etl"));
        QCOMPARE(page->title(), QStringLiteral("0 · nightly-etl"));
        QTRY_COMPARE(page->infoView()->fieldText(QStringLiteral("executorMemory")), QStringLiteral("4g"));
        QCOMPARE(page->infoView()->fieldText(QStringLiteral("idleTimeout")), QStringLiteral("45m"));
        QCOMPARE(page->infoView()->confTable()->rowCount(), 3); // the two given and LivyDesk's session tag
        QTRY_VERIFY(currentEditor());
        QCOMPARE(currentEditor()->editor()->kind(), QStringLiteral("spark"));
    }

    void serverRejectionStaysInTheDialog()
    {
        QVERIFY(m_server->createSession(parse("{\"name\":\"taken\"}")) >= 0);
        launch();
        QTRY_VERIFY(window()->sessionsDock()->model()->rowCount() == 1);
        window()->actions()->newSession->trigger();
        CreateSessionDialog *dialog = window()->createDialog();
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("name"));
        QTest::keyClicks(name, QStringLiteral("taken"));
        QVERIFY(dialog->warnings().join(QString()).contains(QStringLiteral("already exists")));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        auto *banner = dialog->findChild<MessageBanner *>(QStringLiteral("serverError"));
        QTRY_VERIFY(banner->text().contains(QStringLiteral("already exists")));
        QVERIFY(window()->createDialog());
        QVERIFY(dialog->isVisible());
        QCOMPARE(name->text(), QStringLiteral("taken"));
        QVERIFY(dialog->createButton()->isEnabled());
        QCOMPARE(window()->openSessionIds(), QList<int>());
    }

    void runAStatementAndSeeItsOutput()
    {
        const int id = m_server->createSession(parse("{\"kind\":\"pyspark\"}"));
        launch();
        SessionPage *page = openFromList(id);
        QVERIFY(page);
        QTRY_COMPARE(page->session().state, Livy::SessionState::Idle);
        QTRY_VERIFY(currentEditor());
        CodeEditor *editor = currentEditor()->editor();
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("1+1"));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        const QString path = QStringLiteral("/sessions/%1/statements").arg(id);
        QTRY_COMPARE(m_server->requests("POST", path).size(), 1);
        const QJsonObject body = m_server->requests("POST", path).first().json();
        QCOMPARE(body.value(QStringLiteral("code")).toString(), QStringLiteral("1+1"));
        QCOMPARE(body.value(QStringLiteral("kind")).toString(), QStringLiteral("pyspark"));
        QTRY_COMPARE(page->outputText(), QStringLiteral("2"));
        QCOMPARE(page->selectedStatementId(), 0);
        QCOMPARE(page->codeView()->toPlainText(), QStringLiteral("1+1"));
        // An error output shows ename and evalue.
        editor->clear();
        QTest::keyClicks(editor, QStringLiteral("#fake:error=ValueError:bad input"));
        window()->actions()->run->trigger();
        QTRY_VERIFY(page->outputText().startsWith(QStringLiteral("ValueError: bad input")));
        QCOMPARE(page->selectedStatementId(), 1);
        // Selecting the first statement again shows its output.
        page->selectStatement(0);
        QTRY_COMPARE(page->outputText(), QStringLiteral("2"));
        // Shift+Enter in the log's search box searches backwards; it never runs code.
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        QLineEdit *search = window()->logDock()->searchEdit();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("INFO"));
        QTest::keyClick(search, Qt::Key_Return, Qt::ShiftModifier);
        QTest::qWait(50);
        QCOMPARE(m_server->requests("POST", path).size(), 2);
        // Shift+Enter in the editor runs the paragraph around the cursor.
        editor->setPlainText(QStringLiteral("1+2\n\n3+4"));
        editor->moveCursor(QTextCursor::End);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
        QTRY_COMPARE(m_server->requests("POST", path).size(), 3);
        QCOMPARE(m_server->requests("POST", path).last().json().value(QStringLiteral("code")).toString(), QStringLiteral("3+4"));
        QTRY_COMPARE(page->outputText(), QStringLiteral("7"));
    }

    void cancelARunningStatement()
    {
        const int id = m_server->createSession(parse("{\"kind\":\"pyspark\"}"));
        launch();
        SessionPage *page = openFromList(id);
        QTRY_COMPARE(page->session().state, Livy::SessionState::Idle);
        CodeEditor *editor = currentEditor()->editor();
        editor->setPlainText(QStringLiteral("#fake:duration=60000\nspark.range(10**9).count()"));
        window()->actions()->run->trigger();
        QTRY_COMPARE(m_server->statementJson(id, 0).value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QTRY_COMPARE(page->pendingStatementId(), 0);
        QTRY_VERIFY(page->outputText().contains(QStringLiteral("running"), Qt::CaseInsensitive));
        window()->actions()->cancelStatement->trigger();
        QTRY_COMPARE(m_server->requests("POST", QStringLiteral("/sessions/%1/statements/0/cancel").arg(id)).size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(page->outputText().contains(QStringLiteral("cancelled"), Qt::CaseInsensitive), 10000);
        QCOMPARE(page->pendingStatementId(), -1);
    }

    void deleteAsksFirst()
    {
        const int id = m_server->createSession(parse("{\"kind\":\"sql\",\"name\":\"doomed\"}"));
        launch();
        QVERIFY(openFromList(id));
        // Cancelling the confirmation sends nothing.
        window()->actions()->deleteSession->trigger();
        auto *box = window()->findChild<QMessageBox *>(QStringLiteral("confirmDelete"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->informativeText().contains(QStringLiteral("lost")));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!window()->findChild<QMessageBox *>(QStringLiteral("confirmDelete")));
        QCOMPARE(m_server->requests("DELETE", QStringLiteral("/sessions/%1").arg(id)).size(), 0);

        window()->actions()->deleteSession->trigger();
        box = window()->findChild<QMessageBox *>(QStringLiteral("confirmDelete"));
        QVERIFY(box->text().contains(QStringLiteral("doomed")));
        QAbstractButton *confirm = nullptr;
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                confirm = b;
        QVERIFY(confirm);
        confirm->click();
        QTRY_COMPARE(m_server->requests("DELETE", QStringLiteral("/sessions/%1").arg(id)).size(), 1);
        QTRY_VERIFY(!window()->sessionPage(id));
        QTRY_COMPARE(window()->sessionsDock()->model()->rowOfId(id), -1);
        QCOMPARE(window()->noticeText(), QStringLiteral("Session %1 (doomed) deleted.").arg(id));
        QVERIFY2(!window()->statusArea()->hasError(), qPrintable(window()->statusArea()->errorText()));
    }

    void draftsAndOpenSessionsSurviveARestart()
    {
        const int id = m_server->createSession(parse("{\"kind\":\"spark\"}"));
        launch(true);
        QVERIFY(openFromList(id));
        CodeEditor *editor = currentEditor()->editor();
        QTest::keyClicks(editor, QStringLiteral("val answer = 42"));
        window()->resize(1111, 777);
        window()->logDock()->hide();
        quit();

        launch(true);
        QTRY_VERIFY(window()->sessionPage(id)); // the tab comes back by itself
        QCOMPARE(window()->openSessionIds(), QList<int>{ id });
        QTRY_VERIFY(currentEditor());
        QCOMPARE(currentEditor()->editor()->toPlainText(), QStringLiteral("val answer = 42"));
        QCOMPARE(window()->size(), QSize(1111, 777));
        QVERIFY(window()->logDock()->isHidden());

        // Closing the tab keeps the draft too.
        window()->actions()->closeSession->trigger();
        QTRY_VERIFY(!window()->sessionPage(id));
        QVERIFY(openFromList(id));
        QCOMPARE(currentEditor()->editor()->toPlainText(), QStringLiteral("val answer = 42"));
    }

    void completionForScalaAndNothingForPython()
    {
        const int scala = m_server->createSession(parse("{\"kind\":\"spark\"}"));
        const int python = m_server->createSession(parse("{\"kind\":\"pyspark\"}"));
        launch();
        SessionPage *page = openFromList(scala);
        QTRY_COMPARE(page->session().state, Livy::SessionState::Idle);
        CodeEditor *editor = currentEditor()->editor();
        QTest::keyClicks(editor, QStringLiteral("sc.pa"));
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(editor->completionPopup()->isVisible());
        QVERIFY(editor->completionPopup()->model()->rowCount() >= 1);
        QCOMPARE(editor->completionPopup()->model()->index(0, 0).data().toString(), QStringLiteral("parallelize"));
        QTest::keyClick(editor->completionPopup(), Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), QStringLiteral("sc.parallelize"));

        page = openFromList(python);
        QTRY_COMPARE(page->session().state, Livy::SessionState::Idle);
        editor = currentEditor()->editor();
        editor->setPlainText(QStringLiteral("revenue_by_city = 1\n"));
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral("rev"));
        QSignalSpy answered(m_app->server()->sessionController(python), &Livy::SessionController::completionsReady);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(answered.wait());
        QCOMPARE(m_server->requests("POST", QStringLiteral("/sessions/%1/completion").arg(python)).size(), 1);
        QCOMPARE(answered.last().at(1).toStringList(), QStringList()); // Livy answers [] for Python ...
        // ... so the editor offers its own words, and says why.
        QTRY_VERIFY(editor->completionPopup()->isVisible());
        QCOMPARE(editor->completionPopup()->model()->index(0, 0).data().toString(), QStringLiteral("revenue_by_city"));
        QVERIFY(currentEditor()->findChild<QLabel *>(QStringLiteral("editorStatus"))->text().contains(QStringLiteral("Livy completes only Scala")));
        QTest::keyClick(editor->completionPopup(), Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), QStringLiteral("revenue_by_city = 1\nrevenue_by_city"));
        QVERIFY(!window()->banner()->isVisible());
        // Python keywords and Spark names too.
        QVERIFY(editor->localCompletions(QStringLiteral("gro")).contains(QStringLiteral("groupBy")));
        QVERIFY(editor->localCompletions(QStringLiteral("lam")).contains(QStringLiteral("lambda")));
    }

    void sharedSessionSendsTheChosenKind()
    {
        const int id = m_server->createSession(parse("{\"kind\":\"shared\"}"));
        launch();
        SessionPage *page = openFromList(id);
        QTRY_COMPARE(page->session().state, Livy::SessionState::Idle);
        EditorPanel *panel = currentEditor();
        QTRY_VERIFY(panel->isKindSelectorVisible());
        panel->setStatementKind(QStringLiteral("sql"));
        panel->editor()->setPlainText(QStringLiteral("SELECT 1"));
        window()->actions()->run->trigger();
        const QString path = QStringLiteral("/sessions/%1/statements").arg(id);
        QTRY_COMPARE(m_server->requests("POST", path).size(), 1);
        QCOMPARE(m_server->requests("POST", path).first().json().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("sql"));
        // The answer arrives and the statement shows (a POST is never abandoned half-way).
        QTRY_COMPARE(page->statementModel()->rowCount(), 1);
    }

    void switchServersKeepsEachServersTabs()
    {
        FakeLivy::Server other;
        QVERIFY(other.start());
        other.setStartupDelay(0);
        other.createSession(parse("{\"kind\":\"sql\",\"name\":\"on-b\"}"));
        other.createSession(parse("{\"kind\":\"sql\",\"name\":\"also-on-b\"}"));
        const int onA = m_server->createSession(parse("{\"kind\":\"pyspark\",\"name\":\"on-a\"}"));
        ServerProfile a;
        a.id = QStringLiteral("a");
        a.name = QStringLiteral("Server A");
        a.url = m_server->url();
        ServerProfile b;
        b.id = QStringLiteral("b");
        b.name = QStringLiteral("Server B");
        b.url = other.url();
        ServerProfileStore().save({ a, b });
        launch(true);
        QCOMPARE(m_app->profile().id, QStringLiteral("a"));
        QVERIFY(openFromList(onA));
        QCOMPARE(window()->windowTitle(), QStringLiteral("Server A — LivyDesk"));

        // Switch with the server chooser in the tool bar.
        QComboBox *chooser = window()->serverBar()->chooser();
        chooser->setCurrentIndex(chooser->findData(QStringLiteral("b")));
        Q_EMIT chooser->activated(chooser->currentIndex());
        QTRY_COMPARE(m_app->profile().id, QStringLiteral("b"));
        QCOMPARE(window()->openSessionIds(), QList<int>()); // A's tab is gone (its draft and tab list are kept)
        QTRY_COMPARE(window()->serverBar()->state(), ServerBar::State::Connected);
        QTRY_COMPARE(window()->sessionsDock()->model()->rowCount(), 2);
        QCOMPARE(window()->windowTitle(), QStringLiteral("Server B — LivyDesk"));
        QVERIFY(!other.requests("GET", QStringLiteral("/sessions")).isEmpty());

        // And back: A's open session comes back.
        chooser->setCurrentIndex(chooser->findData(QStringLiteral("a")));
        Q_EMIT chooser->activated(chooser->currentIndex());
        QTRY_COMPARE(m_app->profile().id, QStringLiteral("a"));
        QTRY_VERIFY(window()->sessionPage(onA));
        QCOMPARE(ServerProfileStore().currentId(), QStringLiteral("a"));

        // Reconnect (Ctrl+R) keeps the open tabs.
        window()->actions()->reconnect->trigger();
        QTRY_COMPARE(window()->serverBar()->state(), ServerBar::State::Connected);
        QCOMPARE(window()->openSessionIds(), QList<int>{ onA });
    }

    void pollingPausesWhileHidden()
    {
        launch();
        QVERIFY(Livy::PollActivity::global()->isActive());
        window()->hide();
        QVERIFY(!Livy::PollActivity::global()->isActive());
        window()->show();
        QVERIFY(Livy::PollActivity::global()->isActive());
        window()->showMinimized();
        QTRY_VERIFY(!Livy::PollActivity::global()->isActive());
        window()->showNormal();
        QTRY_VERIFY(Livy::PollActivity::global()->isActive());
    }

    void serverOutageShowsInTheStatusAreaNotInABox()
    {
        launch();
        const quint16 port = m_server->port();
        m_server->stop();
        window()->actions()->refresh->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window()->statusArea()->hasError(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window()->serverBar()->state(), ServerBar::State::Reconnecting, 10000);
        QVERIFY(window()->findChildren<QMessageBox *>().isEmpty());
        QVERIFY(!window()->statusArea()->errorDetails().isEmpty());
        QVERIFY(m_server->start(port));
        QTRY_COMPARE_WITH_TIMEOUT(window()->serverBar()->state(), ServerBar::State::Connected, 20000);
    }

    void keyboardAndAccessibility()
    {
        launch();
        const QList<QAction *> actions = window()->actions()->all();
        QSet<QString> shortcuts;
        for (QAction *a : actions) {
            QVERIFY2(!a->text().isEmpty(), "every action has a menu text");
            if (!a->shortcut().isEmpty()) {
                const QString key = a->shortcut().toString();
                QVERIFY2(!shortcuts.contains(key), qPrintable(QStringLiteral("duplicate shortcut ") + key));
                shortcuts.insert(key);
            }
        }
        QCOMPARE(window()->actions()->run->shortcut(), QKeySequence(QStringLiteral("Ctrl+Return")));
        QCOMPARE(window()->actions()->newSession->shortcut(), QKeySequence(QKeySequence::New));
        // Every focusable control has an accessible name or a visible label.
        const QList<QWidget *> widgets = window()->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!(qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QComboBox *>(w))
                || qobject_cast<QHeaderView *>(w))
                continue;
            if (w->parentWidget() && (qobject_cast<QComboBox *>(w->parentWidget()) || qobject_cast<QAbstractSpinBox *>(w->parentWidget())))
                continue;
            if (qobject_cast<QAbstractItemView *>(w) && w->parentWidget() && qobject_cast<QComboBox *>(w->parentWidget()->parentWidget()))
                continue; // a combo box's popup list
            if (w->windowType() == Qt::Popup || (w->window() != window()))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())));
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
