// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// LivyDesk's own SQL through an open session (fake Livy): one marked `kind: sql` statement per query, answered from
// the session's own polling; Spark's errors, cancels, vanished statements and a session that goes all end a query.

#include "controllers/sessioncontroller.h"
#include "data/internalstatement.h"
#include "data/sessionqueryrunner.h"
#include "fakeserverfixture.h"
#include "items/statementlistmodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Livy;
using namespace std::chrono_literals;

class TestSessionQueryRunner : public FakeServerTest
{
    Q_OBJECT

private:
    int m_session = -1;
    SessionController *m_controller = nullptr;


private Q_SLOTS:
    void init()
    {
        QVERIFY(m_fixture.setUp(this));
        m_server->setStatementDuration(20);
        m_session = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        QTRY_COMPARE(m_server->sessionState(m_session), QStringLiteral("idle"));
        m_controller = new SessionController(m_connection, SessionRef::byId(m_session), fastSessionSettings(), this);
        m_controller->setActivity(m_activity);
        QSignalSpy attached(m_controller, &SessionController::attached);
        m_controller->attach();
        QVERIFY(attached.wait(5000));
    }

    void cleanup()
    {
        delete m_controller;
        m_controller = nullptr;
        m_fixture.tearDown();
    }

    void runsMarkedSqlAndReturnsTheTable()
    {
        SessionQueryRunner runner(m_controller);
        QVERIFY(runner.isAvailable());
        QCOMPARE(runner.sessionKind(), QStringLiteral("pyspark"));
        std::optional<QueryReply> reply;
        runner.run(QStringLiteral("catalog"), QStringLiteral("SHOW DATABASES"), this, [&](const QueryReply &r) { reply = r; });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
        QVERIFY2(reply->ok(), qPrintable(reply->error));
        QCOMPARE(reply->table->columnCount(), 4);
        QCOMPARE(reply->table->rowCount(), 3);
        const auto posts = m_server->requests("POST", QStringLiteral("/sessions/%1/statements").arg(m_session));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().json().value(QStringLiteral("kind")).toString(), QStringLiteral("sql"));
        const QString code = posts.first().json().value(QStringLiteral("code")).toString();
        QCOMPARE(code, QStringLiteral("-- LivyDesk: catalog\nSHOW DATABASES"));
        QVERIFY(isInternalStatement(code));
        QCOMPARE(reply->statementId, 0);
        QCOMPARE(runner.pendingCount(), 0);
    }

    void sparkErrorsAreOneLine()
    {
        SessionQueryRunner runner(m_controller);
        std::optional<QueryReply> reply;
        runner.run(QStringLiteral("page"), QStringLiteral("--fake:error=AnalysisException:Table or view not found: nope\\nline 2"), this,
                   [&](const QueryReply &r) { reply = r; });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error, QStringLiteral("AnalysisException: Table or view not found: nope"));
        QVERIFY(reply->details.contains(QStringLiteral("line 2")));
    }

    void cancelDropsTheAnswerAndCancelsTheStatement()
    {
        SessionQueryRunner runner(m_controller);
        bool called = false;
        const int ticket = runner.run(QStringLiteral("page"), QStringLiteral("--fake:duration=3000\nSELECT 1"), this,
                                      [&](const QueryReply &) { called = true; });
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests("POST", QStringLiteral("/sessions/%1/statements").arg(m_session)).size(), 1, 5000);
        // The POST's answer gives the statement id: the row's id turns from a placeholder into 0.
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->statements()->rowCount() == 1
                                     && m_controller->statements()->index(0, 0).data(StatementListModel::IdRole).toInt() == 0, 5000);
        runner.cancel(ticket);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests("POST", QStringLiteral("/sessions/%1/statements/0/cancel").arg(m_session)).size(), 1, 5000);
        QTest::qWait(200);
        QVERIFY(!called);
        QCOMPARE(runner.pendingCount(), 0);
    }

    void aSessionThatGoesEndsItsQueries()
    {
        SessionQueryRunner runner(m_controller);
        QSignalSpy availability(&runner, &QueryRunner::availabilityChanged);
        std::optional<QueryReply> reply;
        runner.run(QStringLiteral("page"), QStringLiteral("--fake:duration=10000\nSELECT 1"), this, [&](const QueryReply &r) { reply = r; });
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests("POST", QStringLiteral("/sessions/%1/statements").arg(m_session)).size(), 1, 5000);
        QTest::qWait(100);
        QVERIFY(m_server->removeSession(m_session));
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
        QCOMPARE(reply->error, QStringLiteral("The session no longer exists on the server"));
        QVERIFY(!runner.isAvailable());
        QCOMPARE(availability.last().first().toBool(), false);

        // Later queries fail at once, from the event loop.
        std::optional<QueryReply> late;
        runner.run(QStringLiteral("page"), QStringLiteral("SELECT 1"), this, [&](const QueryReply &r) { late = r; });
        QVERIFY(!late.has_value());
        QTRY_VERIFY(late.has_value());
        QVERIFY(!late->ok());
    }

    void answersOnlyWhileTheContextLives()
    {
        SessionQueryRunner runner(m_controller);
        auto *context = new QObject(this);
        bool called = false;
        runner.run(QStringLiteral("page"), QStringLiteral("SELECT 1"), context, [&](const QueryReply &) { called = true; });
        delete context;
        QTRY_COMPARE_WITH_TIMEOUT(runner.pendingCount(), 0, 5000);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestSessionQueryRunner)
#include "tst_sessionqueryrunner.moc"
