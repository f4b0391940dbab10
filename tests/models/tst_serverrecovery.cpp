// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A Livy restarted with session recovery on (YARN or Kubernetes: Livy 0.9 refuses recovery in local mode, see
// docs/real-livy.md §7, so the real-server test cannot show it): while it is down the client says the server is
// unreachable, then follows the session through `recovering` back to idle with no user action, and the statement
// that was running when the server went down delivers its result, into the window's model and the history, once.

#include "fakeserverfixture.h"

#include "controllers/servercontroller.h"
#include "controllers/sessioncontroller.h"
#include "history/historydatabase.h"
#include "history/historyrecorder.h"
#include "history/historystore.h"
#include "items/statementlistmodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Livy;
using namespace std::chrono_literals;

class TestServerRecovery : public FakeServerTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_fixture.setUp(this, 2s)); }
    void cleanup()
    {
        qDeleteAll(findChildren<ServerController *>(Qt::FindDirectChildrenOnly));
        m_fixture.tearDown();
    }

    void restartWithRecoveryIsFollowedWithoutUserAction()
    {
        QTemporaryDir dir;
        HistoryStore history;
        history.open(dir.filePath(QStringLiteral("history.sqlite")));
        const int id = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        QTRY_COMPARE(m_server->sessionState(id), QStringLiteral("idle"));
        ServerControllerSettings settings;
        settings.session.keepAlive = false;
        auto *server = new ServerController(m_connection, settings, this);
        server->setActivity(m_activity);
        server->connectToServer();
        QTRY_COMPARE(server->connectionState(), ServerController::ConnectionState::Connected);
        SessionController *c = server->openSession(SessionRef::byId(id));
        new HistoryRecorder(c, &history, m_server->url().toString(), QString());
        QTRY_COMPARE(c->status(), SessionController::Status::Ready);

        QSignalSpy statuses(c, &SessionController::statusChanged);
        QSignalSpy gone(c, &SessionController::sessionGone);
        c->submit(QStringLiteral("#fake:duration=2500\nlong_job()"));
        QTRY_VERIFY(!c->statements()->statements().isEmpty()
                    && c->statements()->statements().first().state == StatementState::Running);
        const int statementId = c->statements()->statements().first().id;

        // The server goes down (connections refused) while the statement runs on the cluster.
        const quint16 port = m_server->port();
        m_server->stop();
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionState(), ServerController::ConnectionState::Reconnecting, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(c->isReconnecting(), 10000);
        QCOMPARE(c->status(), SessionController::Status::Ready); // unreachable is not gone

        // It comes back with the session recovering, then idle again.
        QVERIFY(m_server->start(port));
        m_server->setSessionState(id, QStringLiteral("recovering"));
        QTRY_COMPARE_WITH_TIMEOUT(c->session().state, SessionState::Recovering, 15000);
        QCOMPARE(c->status(), SessionController::Status::Starting);
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionState(), ServerController::ConnectionState::Connected, 15000);
        m_server->setSessionState(id, QStringLiteral("idle"));
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), SessionController::Status::Ready, 15000);
        QVERIFY(!c->isReconnecting());
        QCOMPARE(gone.count(), 0);

        // The statement that was running delivers its result, once, in the model and in the history.
        QTRY_COMPARE_WITH_TIMEOUT(c->statements()->statement(statementId)->state, StatementState::Available, 15000);
        QVERIFY(c->statements()->statement(statementId)->output);
        QCOMPARE(c->statements()->statements().size(), 1);
        QCOMPARE(m_server->requests("POST", QStringLiteral("/sessions/\\d+/statements")).size(), 1);
        history.waitForIdle();
        HistoryDatabase db;
        QVERIFY(db.open(history.path()));
        const QList<HistoryEntry> entries = db.search({});
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().statement.id, statementId);
        QCOMPARE(entries.first().statement.stateName, QStringLiteral("available"));
        // The way there: Ready -> Starting (recovering) -> Ready, nothing else.
        QStringList seen;
        for (const QList<QVariant> &args : std::as_const(statuses))
            seen << QString::fromLatin1(QMetaEnum::fromType<SessionController::Status>().valueToKey(
                int(args.first().value<SessionController::Status>())));
        QCOMPARE(seen, QStringList({ QStringLiteral("Starting"), QStringLiteral("Ready") }));
    }
};

QTEST_GUILESS_MAIN(TestServerRecovery)
#include "tst_serverrecovery.moc"
