// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `make run` on a machine with no server configured: LivyDesk opens at once, starts the local Livy through
// `--local-livy SCRIPT`, shows the script's progress in the window, and connects once the script prints the URL.
// The script here stands in for scripts/local-livy (same output contract: progress on stderr, URL last on
// stdout); the real script is exercised by the `livy` label.
#include "application.h"
#include "commandline.h"
#include "fakelivyserver.h"
#include "locallivylauncher.h"
#include "mainwindow.h"
#include "panels/messagebanner.h"
#include "panels/serverbar.h"
#include "panels/statusarea.h"
#include "polling/pollactivity.h"
#include "profiles/serverprofilestore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace LivyDesk;

class TestLocalLivy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeScript(const QByteArray &body)
    {
        const QString path = m_dir.filePath(QStringLiteral("local-livy-%1").arg(++m_scripts));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write("#!/usr/bin/env bash\n" + body);
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return path;
    }
    int m_scripts = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init() { QSettings().clear(); }

    void launcherReportsProgressAndTheUrl()
    {
        const QString script = writeScript("[[ \"$1\" == start ]] || exit 9\n"
                                           "echo 'local-livy: resolving Livy 0.9.0-incubating jars with Maven' >&2\n"
                                           "sleep 0.2\n"
                                           "echo 'local-livy: ready in 1 s' >&2\n"
                                           "echo http://127.0.0.1:18998\n");
        LocalLivyLauncher launcher;
        launcher.setEchoToTerminal(false);
        QSignalSpy progress(&launcher, &LocalLivyLauncher::progress);
        QSignalSpy ready(&launcher, &LocalLivyLauncher::ready);
        QSignalSpy failed(&launcher, &LocalLivyLauncher::failed);
        launcher.start(script);
        QVERIFY(launcher.isRunning());
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(ready.first().first().toUrl(), QUrl(QStringLiteral("http://127.0.0.1:18998")));
        QStringList lines;
        for (const QList<QVariant> &args : std::as_const(progress))
            lines.append(args.first().toString());
        QVERIFY2(lines.contains(QStringLiteral("resolving Livy 0.9.0-incubating jars with Maven")), qPrintable(lines.join(u'|')));
        QVERIFY(lines.contains(QStringLiteral("ready in 1 s")));
        QVERIFY(!launcher.isRunning());
    }

    void launcherFailureIsTheScriptsOwnLine()
    {
        const QString script = writeScript("echo 'local-livy: resolving Livy jars' >&2\n"
                                           "echo 'local-livy: error: no Java 17 found (set LIVYDESK_JAVA_HOME)' >&2\n"
                                           "exit 1\n");
        LocalLivyLauncher launcher;
        launcher.setEchoToTerminal(false);
        QSignalSpy failed(&launcher, &LocalLivyLauncher::failed);
        launcher.start(script);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(),
                 QStringLiteral("The local Livy could not start: no Java 17 found (set LIVYDESK_JAVA_HOME)"));
        QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("resolving Livy jars")));
    }

    void launcherThatCannotRunSaysSo()
    {
        LocalLivyLauncher launcher;
        QSignalSpy failed(&launcher, &LocalLivyLauncher::failed);
        launcher.start(m_dir.filePath(QStringLiteral("no-such-script")));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().at(0).toString().startsWith(QStringLiteral("Could not run")));
    }

    void sessionArgumentIsTakenBeforeQApplicationSeesIt()
    {
        // QGuiApplication would take --session as an X11 session-management id.
        QByteArray a0("livydesk"), a1("--server"), a2("http://h:8998"), a3("--session"), a4("etl"), a5("-v");
        char *argv[] = { a0.data(), a1.data(), a2.data(), a3.data(), a4.data(), a5.data(), nullptr };
        int argc = 6;
        QCOMPARE(takeSessionArgument(argc, argv), QStringLiteral("etl"));
        QCOMPARE(argc, 4);
        QCOMPARE(QByteArray(argv[3]), QByteArray("-v"));
        QCOMPARE(argv[4], nullptr);
        QByteArray b0("livydesk"), b1("--session=42");
        char *argv2[] = { b0.data(), b1.data(), nullptr };
        int argc2 = 2;
        QCOMPARE(takeSessionArgument(argc2, argv2), QStringLiteral("42"));
        QCOMPARE(argc2, 1);
        char *argv3[] = { b0.data(), nullptr };
        int argc3 = 1;
        QVERIFY(takeSessionArgument(argc3, argv3).isNull());
    }

    void windowShowsProgressThenConnects()
    {
        Livy::PollActivity::global()->setActive(true);
        FakeLivy::Server server;
        QVERIFY(server.start());
        // Waits for a file so the test can look at the window while the "provisioning" is under way.
        const QString gate = m_dir.filePath(QStringLiteral("gate"));
        const QString script = writeScript("echo 'local-livy: creating the Python venv with pyspark 3.5.6' >&2\n"
                                           "while [[ ! -e '" + gate.toUtf8() + "' ]]; do sleep 0.05; done\n"
                                           "echo " + server.url().toString().toUtf8() + "\n");
        Application::Options options;
        options.commandLine.localLivy = script;
        options.restoreLayout = false;
        Application app(options);
        app.start();
        app.localLivy()->setEchoToTerminal(false);
        app.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));

        QTRY_VERIFY(app.window()->statusArea()->activityText().contains(QStringLiteral("creating the Python venv")));
        QVERIFY(app.window()->statusArea()->activityText().startsWith(QStringLiteral("Starting a local Livy")));
        QCOMPARE(app.window()->serverBar()->state(), ServerBar::State::Connecting);
        QVERIFY(server.requests().isEmpty());

        QFile(gate).open(QIODevice::WriteOnly);
        QTRY_COMPARE(app.window()->serverBar()->state(), ServerBar::State::Connected);
        QCOMPARE(app.profile().url, server.url().adjusted(QUrl::StripTrailingSlash));
        QCOMPARE(app.profile().name, QStringLiteral("Local Livy"));
        // The profile is remembered for the next launch.
        QCOMPARE(ServerProfileStore().currentId(), app.profile().id);
    }

    void windowSaysWhyTheLocalLivyDidNotStart()
    {
        const QString script = writeScript("echo 'local-livy: error: port 8998 on 127.0.0.1 is already taken (use --port N or --port auto)' >&2\n"
                                           "exit 1\n");
        Application::Options options;
        options.commandLine.localLivy = script;
        options.restoreLayout = false;
        Application app(options);
        app.start();
        app.localLivy()->setEchoToTerminal(false);
        QTRY_COMPARE(app.window()->serverBar()->state(), ServerBar::State::Failed);
        QVERIFY(app.window()->statusArea()->errorText().contains(QStringLiteral("port 8998 on 127.0.0.1 is already taken")));
        QVERIFY(app.window()->banner()->text().contains(QStringLiteral("could not start")));
    }
};

QTEST_MAIN(TestLocalLivy)
#include "tst_locallivy.moc"
