// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Crash safety against the real Livy: the whole application (app::Application, its window, drafts, workspace and
// history) runs in a child process that types code, runs a long statement, and is killed with SIGKILL while the
// statement runs on the server. A second child starts the application again with the same settings and data
// directories, and must find the tab, the draft and the statement, whose result arrives when Spark finishes it,
// recorded once in the history, with no second POST.
//
// The children are this executable started with `--child first|again`; they report on stdout, one line per fact.

#include "livytestsupport.h"

#include "application.h"
#include "editor/codeeditor.h"
#include "editor/editorpanel.h"
#include "history/historydatabase.h"
#include "history/historystore.h"
#include "items/statementlistmodel.h"
#include "livy/createsessionjob.h"
#include "livy/deletesessionjob.h"
#include "livy/liststatementsjob.h"
#include "mainwindow.h"
#include "panels/editordock.h"
#include "panels/sessionpage.h"
#include "polling/pollactivity.h"

#include <QApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace LivyDesk;

namespace {

const QString LongCode = QStringLiteral("import time\n"
                                        "time.sleep(15)\n"
                                        "print('survived the kill')");

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LivyDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("livydesk.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("LivyDesk"));
}

/// The application in a child process: `first` opens the session, types and runs LongCode and reports once it
/// runs on the server (then waits to be killed); `again` starts with the saved workspace and reports what it finds.
int runChild(const QString &mode, const QUrl &server, int sessionId)
{
    Livy::PollActivity::global()->setActive(true);
    Application::Options options;
    options.commandLine.server = server;
    if (mode == QLatin1String("first"))
        options.commandLine.session = QString::number(sessionId);
    Application app(options);
    app.start();
    app.window()->resize(1280, 820);
    app.window()->show();
    say(QStringLiteral("HISTORY %1").arg(Livy::HistoryStore::defaultPath()));
    MainWindow *w = app.window();
    auto page = [&] { return w->sessionPage(sessionId); };
    auto statements = [&] {
        return page() ? qobject_cast<Livy::StatementListModel *>(page()->statementModel()) : nullptr;
    };
    if (!QTest::qWaitFor([&] { return page() && w->editorFor(sessionId); }, 60000)) {
        say(QStringLiteral("FAIL no tab for session %1").arg(sessionId));
        return 1;
    }
    say(QStringLiteral("TABS %1").arg(QString::number(w->openSessionIds().value(0, -1))));
    CodeEditor *editor = w->editorFor(sessionId)->editor();
    if (mode == QLatin1String("first")) {
        if (!QTest::qWaitFor([&] { return page()->session().state == Livy::SessionState::Idle; }, 240000)) {
            say(QStringLiteral("FAIL session not idle"));
            return 1;
        }
        editor->setFocus();
        editor->setPlainText(LongCode);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        int id = -1;
        if (!QTest::qWaitFor([&] {
                for (const Livy::Statement &s : statements()->statements())
                    if (s.code == LongCode && s.state == Livy::StatementState::Running)
                        id = s.id;
                return id >= 0;
            }, 120000)) {
            say(QStringLiteral("FAIL the statement did not start"));
            return 1;
        }
        say(QStringLiteral("RUNNING %1").arg(id));
        QTest::qWait(600000); // killed long before this
        return 0;
    }
    say(QStringLiteral("DRAFT %1").arg(QString::fromUtf8(editor->toPlainText().toUtf8().toBase64())));
    Livy::Statement done;
    if (!QTest::qWaitFor([&] {
            for (const Livy::Statement &s : statements()->statements())
                if (s.code == LongCode && Livy::isTerminal(s.state) && s.output)
                    done = s;
            return done.id >= 0;
        }, 120000)) {
        say(QStringLiteral("FAIL no result"));
        return 1;
    }
    int copies = 0;
    for (const Livy::Statement &s : statements()->statements())
        copies += s.code == LongCode ? 1 : 0;
    say(QStringLiteral("RESULT %1 %2 %3").arg(done.id).arg(copies).arg(done.output->text().trimmed()));
    app.history()->waitForIdle();
    QTest::qWait(300);
    app.history()->waitForIdle();
    return 0;
}

} // namespace

class TestLivyCrash : public QObject
{
    Q_OBJECT

    QString m_url;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Livy::Connection> m_conn;
    int m_session = -1;

    QProcess *startChild(const QString &mode, const QString &home)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // The first child is killed on purpose: a leak report of a process that never exits means nothing.
        env.insert(QStringLiteral("ASAN_OPTIONS"), env.value(QStringLiteral("ASAN_OPTIONS"))
                                                       + QStringLiteral(":detect_leaks=0"));
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(QCoreApplication::applicationFilePath(),
                 { QStringLiteral("--child"), mode, m_url, QString::number(m_session) });
        return p;
    }

    /// The child's next line that starts with `prefix` (the rest of it), or a null string after the timeout.
    static QString expect(QProcess *p, const QString &prefix, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            while (p->canReadLine()) {
                const QString line = QString::fromUtf8(p->readLine()).trimmed();
                qInfo("child: %s", qPrintable(line.left(200)));
                if (line.startsWith(QLatin1String("FAIL")))
                    return {};
                if (line.startsWith(prefix))
                    return line.mid(prefix.size()).trimmed();
            }
            if (p->state() == QProcess::NotRunning)
                return {};
            p->waitForReadyRead(500);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        LIVYTEST_REQUIRE_SERVER("ctest", m_url);
        Livy::ConnectionSettings settings;
        settings.baseUrl = QUrl(m_url);
        settings.requestTimeout = std::chrono::seconds(60);
        m_conn = std::make_unique<Livy::Connection>(&m_nam, settings);
        Livy::CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.name = QStringLiteral("ldcrash%1").arg(QCoreApplication::applicationPid());
        request.driverMemory = QStringLiteral("1g");
        auto job = LivyTest::run(new Livy::CreateSessionJob(m_conn.get(), request));
        QVERIFY2(job->ok(), qPrintable(job->error().toString()));
        m_session = job->session().id;
    }

    void killNineLosesNothing()
    {
        QTemporaryDir home;
        QProcess *first = startChild(QStringLiteral("first"), home.path());
        const QString historyPath = expect(first, QStringLiteral("HISTORY"), 60000);
        QVERIFY(!historyPath.isEmpty());
        const QString running = expect(first, QStringLiteral("RUNNING"), 360000);
        QVERIFY2(!running.isEmpty(), "the first child did not get the statement running");
        const int statementId = running.toInt();
        ::kill(pid_t(first->processId()), SIGKILL);
        QVERIFY(first->waitForFinished(10000));
        QCOMPARE(first->exitStatus(), QProcess::CrashExit);

        // Killed while Spark still runs it.
        auto now = LivyTest::run(new Livy::GetStatementJob(m_conn.get(), Livy::SessionRef::byId(m_session), statementId));
        QVERIFY(now->ok());
        QVERIFY2(!Livy::isTerminal(now->statement().state), "the kill came after the statement had finished");
        {
            // What the killed process left on disk: the run, recorded before the server answered or as it ran.
            Livy::HistoryDatabase db;
            QVERIFY2(db.open(historyPath), qPrintable(db.errorString()));
            const QList<Livy::HistoryEntry> entries = db.search({});
            QCOMPARE(entries.size(), 1);
            QCOMPARE(entries.first().statement.code, LongCode);
            QVERIFY(entries.first().submitted > 0);
        }

        QProcess *again = startChild(QStringLiteral("again"), home.path());
        QCOMPARE(expect(again, QStringLiteral("TABS"), 60000), QString::number(m_session));
        const QString draft = QString::fromUtf8(QByteArray::fromBase64(expect(again, QStringLiteral("DRAFT"), 30000).toUtf8()));
        QCOMPARE(draft, LongCode);
        const QString result = expect(again, QStringLiteral("RESULT"), 180000);
        QVERIFY2(!result.isEmpty(), "the restarted app did not get the result");
        QCOMPARE(result, QStringLiteral("%1 1 survived the kill").arg(statementId));
        QVERIFY(again->waitForFinished(30000));
        QCOMPARE(again->exitCode(), 0);

        // Once in the history, with its output, submitted by the first process; and one POST on the server.
        Livy::HistoryDatabase db;
        QVERIFY(db.open(historyPath));
        const QList<Livy::HistoryEntry> entries = db.search({});
        QCOMPARE(entries.size(), 1);
        const auto entry = db.load(entries.first().rowId);
        QVERIFY(entry && entry->statement.output);
        QCOMPARE(entry->statement.id, statementId);
        QCOMPARE(entry->statement.stateName, QStringLiteral("available"));
        QCOMPARE(entry->statement.output->text().trimmed(), QStringLiteral("survived the kill"));
        QVERIFY(entry->submitted > 0);
        auto list = LivyTest::run(new Livy::ListStatementsJob(m_conn.get(), Livy::SessionRef::byId(m_session)));
        QVERIFY(list->ok());
        int copies = 0;
        for (const Livy::Statement &s : list->result().statements)
            copies += s.code == LongCode ? 1 : 0;
        QCOMPARE(copies, 1);
    }

    void cleanupTestCase()
    {
        if (m_session >= 0)
            LivyTest::run(new Livy::DeleteSessionJob(m_conn.get(), Livy::SessionRef::byId(m_session)));
    }
};

int main(int argc, char **argv)
{
    if (argc >= 5 && qstrcmp(argv[1], "--child") == 0) {
        QApplication app(argc, argv);
        setIdentity();
        return runChild(QString::fromLocal8Bit(argv[2]), QUrl(QString::fromLocal8Bit(argv[3])),
                        QString::fromLocal8Bit(argv[4]).toInt());
    }
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestLivyCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_livycrash.moc"
