// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SessionController against the fake Livy server: attach and history, submit exactly once (also when the POST
// fails or times out), cancel, completion, keep-alive, log following, ended and gone sessions.

#include "fakeserverfixture.h"
#include "controllers/runhandle.h"
#include "controllers/sessioncontroller.h"
#include "fakelivyserver.h"
#include "items/logmodel.h"
#include "items/statementlistmodel.h"
#include "livy/connection.h"
#include "polling/keepalive.h"
#include "polling/logpoller.h"
#include "polling/pollactivity.h"
#include "polling/poller.h"
#include "polling/sessionpoller.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;
using namespace std::chrono_literals;
using FakeLivy::Fault;
using Status = SessionController::Status;

class TestSessionController : public FakeServerTest
{
    Q_OBJECT

private:
    int m_session = -1;

    static SessionController::Settings fastSettings() { return fastSessionSettings(); }

    SessionController *makeController(const SessionRef &ref, const SessionController::Settings &settings = fastSettings())
    {
        auto *c = new SessionController(m_connection, ref, settings, this);
        c->setActivity(m_activity);
        return c;
    }

    SessionController *attached(const SessionRef &ref, const SessionController::Settings &settings = fastSettings())
    {
        SessionController *c = makeController(ref, settings);
        QSignalSpy done(c, &SessionController::attached);
        c->attach();
        if (!done.wait(5000))
            QTest::qFail("attach did not finish", __FILE__, __LINE__);
        return c;
    }

    int count(const QByteArray &method, const QString &path) const
    {
        return int(m_server->requests(method, path).size());
    }

    void resetConnection(std::chrono::milliseconds timeout)
    {
        ConnectionSettings settings;
        settings.baseUrl = m_server->url();
        settings.requestTimeout = timeout;
        m_connection->setSettings(settings);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_fixture.setUp(this));
        m_session = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") },
                                              { QStringLiteral("name"), QStringLiteral("etl") } });
        QTRY_COMPARE(m_server->sessionState(m_session), QStringLiteral("idle"));
    }

    void cleanup()
    {
        qDeleteAll(findChildren<SessionController *>(Qt::FindDirectChildrenOnly));
        m_fixture.tearDown();
    }

    void submitRunsAndUpdatesTheModel()
    {
        SessionController *c = attached(SessionRef::byId(m_session));
        QCOMPARE(c->status(), Status::Ready);
        QAbstractItemModelTester tester(c->statements(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(c->statements(), &QAbstractItemModel::rowsInserted);
        QSignalSpy submitted(c, &SessionController::submitted);
        QSignalSpy finished(c, &SessionController::statementFinished);

        RunHandle *run = c->submit(QStringLiteral("#fake:duration=50\n1+1"));
        const int ticket = run->ticket();
        // Shown at once, before the server answers: a "sending…" row with a placeholder id.
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(c->statements()->rowCount(), 1);
        const QModelIndex local = c->statements()->index(0, StatementListModel::StateColumn);
        QVERIFY(local.data(StatementListModel::LocalRole).toBool());
        QCOMPARE(local.data().toString(), QStringLiteral("sending…"));
        QCOMPARE(local.data(StatementListModel::IdRole).toInt(), run->localId());
        QVERIFY(submitted.wait(5000));
        QCOMPARE(submitted.first().at(0).toInt(), ticket);
        const Statement s = submitted.first().at(1).value<Statement>();
        // The placeholder became the real statement.
        QCOMPARE(c->statements()->rowCount(), 1);
        QCOMPARE(c->statements()->localCount(), 0);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().value<Statement>().id, s.id);
        QCOMPARE(c->statements()->statement(s.id)->state, StatementState::Available);
        QCOMPARE(c->statements()->data(c->statements()->index(0, StatementListModel::OutputColumn)).toString(),
                 QStringLiteral("2"));
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/statements")), 1);
        QCOMPARE(m_server->requests("POST", QStringLiteral("/sessions/\\d+/statements")).first().json()
                     .value(QStringLiteral("code")).toString(),
                 QStringLiteral("#fake:duration=50\n1+1"));
    }

    void submitWithKindSendsIt()
    {
        SessionController *c = attached(SessionRef::byId(m_session));
        QSignalSpy submitted(c, &SessionController::submitted);
        c->submit(QStringLiteral("SELECT 1"), QStringLiteral("sql"));
        QVERIFY(submitted.wait(5000));
        QCOMPARE(m_server->requests("POST", QStringLiteral("/sessions/\\d+/statements")).first().json()
                     .value(QStringLiteral("kind")).toString(),
                 QStringLiteral("sql"));
    }

    void failedPostIsReportedNeverRetried_data()
    {
        QTest::addColumn<int>("fault"); // 0 = 500 answer, 1 = dropped connection, 2 = no answer (timeout)
        QTest::addRow("http 500") << 0;
        QTest::addRow("dropped connection") << 1;
        QTest::addRow("timeout") << 2;
    }

    void failedPostIsReportedNeverRetried()
    {
        QFETCH(int, fault);
        SessionController *c = attached(SessionRef::byId(m_session));
        resetConnection(fault == 2 ? 300ms : 30s);
        const QString route = QStringLiteral("/sessions/\\d+/statements");
        if (fault == 0)
            m_server->addFault("POST", route, Fault::replace(500, "\"java.lang.IllegalStateException: Session is in state busy\""));
        else if (fault == 1)
            m_server->addFault("POST", route, Fault::dropConnection());
        else
            m_server->addFault("POST", route, Fault::noAnswer());
        QSignalSpy failed(c, &SessionController::submitFailed);
        QSignalSpy submitted(c, &SessionController::submitted);
        QSignalSpy errors(c, &SessionController::errorOccurred);
        const int ticket = c->submit(QStringLiteral("print('once')"))->ticket();
        // (QNetworkAccessManager on its own would re-send a POST whose connection closed before any answer;
        // the protocol layer forbids that, and nothing above it retries either.)
        QTRY_VERIFY(failed.count() + submitted.count() == 1);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).toInt(), ticket);
        const LivyError error = failed.first().at(1).value<LivyError>();
        QVERIFY(error.isError());
        QVERIFY(!error.message().isEmpty());
        if (fault == 0)
            QCOMPARE(error.httpStatus(), 500);
        if (fault == 2)
            QCOMPARE(error.kind(), LivyError::Kind::Timeout);
        QVERIFY(errors.count() >= 1);
        // Give any retry the chance to happen, then check it did not.
        QTest::qWait(200);
        QCOMPARE(count("POST", route), 1);
        QCOMPARE(submitted.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(c->status(), Status::Ready); // the session itself is fine
        if (fault == 2) {
            // After a timeout the newest statements are reloaded instead (a GET, not a second POST).
            QTRY_VERIFY(count("GET", QStringLiteral("/sessions/\\d+/statements")) >= 2);
        }
    }

    void attachLoadsTheServerSideHistory()
    {
        {
            SessionController *first = attached(SessionRef::byId(m_session));
            QSignalSpy finished(first, &SessionController::statementFinished);
            for (int i = 0; i < 3; ++i)
                first->submit(QStringLiteral("%1+1").arg(i));
            QTRY_COMPARE(finished.count(), 3);
            delete first;
        }
        m_server->clearRequests();
        SessionController::Settings settings = fastSettings();
        settings.historySize = 2;
        SessionController *c = makeController(SessionRef::byName(QStringLiteral("etl")), settings);
        QAbstractItemModelTester tester(c->statements(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy history(c, &SessionController::historyLoaded);
        QSignalSpy attachedSpy(c, &SessionController::attached);
        QSignalSpy statusSpy(c, &SessionController::statusChanged);
        c->attach();
        QCOMPARE(c->status(), Status::Attaching);
        QVERIFY(attachedSpy.wait(5000));
        QCOMPARE(history.count(), 1);
        QCOMPARE(history.first().first().toInt(), 2);
        QCOMPARE(c->sessionId(), m_session); // resolved from the name
        QCOMPARE(c->session().name, QStringLiteral("etl"));
        QCOMPARE(c->statements()->rowCount(), 2);
        QCOMPARE(c->statements()->statementAt(0).id, 1);
        QCOMPARE(c->statements()->statementAt(1).id, 2);
        QCOMPARE(c->status(), Status::Ready);
        QCOMPARE(statusSpy.last().first().value<Status>(), Status::Ready);
        // The name was used once, then the id; the history came as the newest N.
        QCOMPARE(m_server->requests("GET", QStringLiteral("/sessions/etl")).size(), 1);
        QCOMPARE(m_server->requests({}, QStringLiteral("/sessions/etl.*")).size(), 1);
        const QList<FakeLivy::RecordedRequest> lists = m_server->requests("GET", QStringLiteral("/sessions/\\d+/statements"));
        QCOMPARE(lists.size(), 1);
        QCOMPARE(lists.first().queryValue(QStringLiteral("order")), QStringLiteral("desc"));
        QCOMPARE(lists.first().queryValue(QStringLiteral("size")), QStringLiteral("2"));
    }

    void attachFollowsRunningStatementsFromTheHistory()
    {
        SessionController *first = attached(SessionRef::byId(m_session));
        QSignalSpy submitted(first, &SessionController::submitted);
        first->submit(QStringLiteral("#fake:duration=400\nlong"));
        QVERIFY(submitted.wait(5000));
        delete first;
        QTest::qWait(20); // let requests abandoned by the deletion arrive before forgetting them
        m_server->clearRequests();

        SessionController::Settings settings = fastSettings();
        settings.supportsDescendingOrder = false; // an older server: the whole list
        SessionController *c = attached(SessionRef::byId(m_session), settings);
        QCOMPARE(c->statements()->rowCount(), 1);
        QVERIFY(c->statements()->pendingIds().contains(0));
        QSignalSpy finished(c, &SessionController::statementFinished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(c->statements()->statement(0)->state, StatementState::Available);
        const QList<FakeLivy::RecordedRequest> lists = m_server->requests("GET", QStringLiteral("/sessions/\\d+/statements"));
        QCOMPARE(lists.size(), 1);
        QVERIFY(!lists.first().hasQueryItem(QStringLiteral("order")));
        QVERIFY(!lists.first().hasQueryItem(QStringLiteral("size")));
    }

    void cancelFollowsTheStatementToCancelled()
    {
        SessionController *c = attached(SessionRef::byId(m_session));
        QSignalSpy submitted(c, &SessionController::submitted);
        QSignalSpy finished(c, &SessionController::statementFinished);
        c->submit(QStringLiteral("#fake:duration=60000\nforever"));
        QVERIFY(submitted.wait(5000));
        const int id = submitted.first().at(1).value<Statement>().id;
        QTRY_COMPARE(m_server->statementJson(m_session, id).value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        c->cancel(id);
        QVERIFY(finished.wait(5000));
        QCOMPARE(c->statements()->statement(id)->state, StatementState::Cancelled);
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/statements/\\d+/cancel")), 1);
    }

    void completionReturnsCandidates()
    {
        const int spark = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("spark") } });
        QTRY_COMPARE(m_server->sessionState(spark), QStringLiteral("idle"));
        SessionController *c = attached(SessionRef::byId(spark));
        QSignalSpy ready(c, &SessionController::completionsReady);
        const int ticket = c->requestCompletion(QStringLiteral("sc.pa"), 5);
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.first().at(0).toInt(), ticket);
        QVERIFY(ready.first().at(1).toStringList().contains(QStringLiteral("parallelize")));
        QCOMPARE(m_server->requests("POST", QStringLiteral("/sessions/\\d+/completion")).first().json()
                     .value(QStringLiteral("kind")).toString(),
                 QStringLiteral("spark"));
    }

    void completionInASharedSessionNeedsAKind()
    {
        const int shared = m_server->createSession({});
        QTRY_COMPARE(m_server->sessionState(shared), QStringLiteral("idle"));
        SessionController *c = attached(SessionRef::byId(shared));
        QSignalSpy failed(c, &SessionController::completionFailed);
        c->requestCompletion(QStringLiteral("sc.pa"), 5);
        QVERIFY(failed.wait(5000));
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/completion")), 0);
        QSignalSpy ready(c, &SessionController::completionsReady);
        c->requestCompletion(QStringLiteral("sc.pa"), 5, QStringLiteral("spark"));
        QVERIFY(ready.wait(5000));
    }

    void keepAliveSendsConnectOnSchedule()
    {
        SessionController::Settings settings = fastSettings();
        settings.keepAlive = true;
        settings.keepAliveSchedule = KeepAliveSchedule{ 30ms, 0ms };
        SessionController *c = attached(SessionRef::byId(m_session), settings);
        QTRY_VERIFY(count("POST", QStringLiteral("/sessions/\\d+/connect")) >= 3);
        c->setKeepAliveEnabled(false);
        QTest::qWait(50); // a request already on its way when polling stopped still arrives
        const int sent = count("POST", QStringLiteral("/sessions/\\d+/connect"));
        QTest::qWait(100);
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/connect")), sent);
    }

    void noKeepAliveWhenDisabled()
    {
        SessionController *c = attached(SessionRef::byId(m_session)); // keepAlive off in fastSettings()
        QTRY_VERIFY(count("GET", QStringLiteral("/sessions/\\d+/state")) >= 3);
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/connect")), 0);
        QVERIFY(!c->keepAlive()->isRunning());
    }

    void vanishedSessionIsGone()
    {
        SessionController::Settings settings = fastSettings();
        settings.keepAlive = true;
        settings.keepAliveSchedule = KeepAliveSchedule{ 30ms, 0ms };
        SessionController *c = attached(SessionRef::byId(m_session), settings);
        QSignalSpy gone(c, &SessionController::sessionGone);
        QVERIFY(m_server->removeSession(m_session)); // reaped by the idle timeout, say
        QVERIFY(gone.wait(5000));
        QCOMPARE(c->status(), Status::Gone);
        const LivyError error = gone.first().first().value<LivyError>();
        QCOMPARE(error.httpStatus(), 404);
        QVERIFY(error.message().contains(QStringLiteral("no longer exists")));
        QVERIFY(error.message().contains(QString::number(m_session)));
        QVERIFY(!c->sessionPoller()->isRunning());
        QVERIFY(!c->keepAlive()->isRunning());
        QTest::qWait(50); // a request already on its way when polling stopped still arrives
        const int after = count({}, QStringLiteral("/sessions/.*"));
        QTest::qWait(100);
        QCOMPARE(count({}, QStringLiteral("/sessions/.*")), after);
        QCOMPARE(gone.count(), 1);
        // Nothing is sent for a gone session.
        QSignalSpy failed(c, &SessionController::submitFailed);
        c->submit(QStringLiteral("1"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/statements")), 0);
    }

    void attachToAMissingSessionIsGone()
    {
        SessionController *c = makeController(SessionRef::byName(QStringLiteral("nope")));
        QSignalSpy failed(c, &SessionController::attachFailed);
        c->attach();
        QVERIFY(failed.wait(5000));
        QCOMPARE(c->status(), Status::Gone);
        QVERIFY(failed.first().first().value<LivyError>().message().contains(QStringLiteral("nope")));
    }

    void endedSessionStopsPolling()
    {
        SessionController *c = attached(SessionRef::byId(m_session));
        QSignalSpy status(c, &SessionController::statusChanged);
        m_server->setSessionState(m_session, QStringLiteral("dead"));
        QTRY_COMPARE(c->status(), Status::Ended);
        QCOMPARE(c->session().state, SessionState::Dead);
        QVERIFY(!c->sessionPoller()->isRunning());
        QSignalSpy failed(c, &SessionController::submitFailed);
        c->submit(QStringLiteral("1"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/statements")), 0);
    }

    void startingSessionBecomesReady()
    {
        m_server->setStartupDelay(200);
        const int id = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("spark") } });
        SessionController *c = makeController(SessionRef::byId(id));
        QSignalSpy attachedSpy(c, &SessionController::attached);
        c->attach();
        QVERIFY(attachedSpy.wait(5000));
        QCOMPARE(c->status(), Status::Starting);
        QTRY_COMPARE(c->status(), Status::Ready);
        QCOMPARE(c->session().state, SessionState::Idle);
    }

    void logFollowingFillsTheLogModel()
    {
        SessionController *c = attached(SessionRef::byId(m_session));
        QAbstractItemModelTester tester(c->log(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(count("GET", QStringLiteral("/sessions/\\d+/log")), 0); // off until someone looks
        c->setLogFollowing(true);
        QTRY_VERIFY(c->log()->rowCount() > 0);
        m_server->appendLog(m_session, { QStringLiteral("INFO hello from the driver") });
        QTRY_COMPARE(c->log()->lines().constLast(), QStringLiteral("INFO hello from the driver"));
        c->setLogFollowing(false);
        QVERIFY(!c->logPoller()->isRunning());
        QTest::qWait(50); // a request already on its way when polling stopped still arrives
        const int reads = count("GET", QStringLiteral("/sessions/\\d+/log"));
        QTest::qWait(100);
        QCOMPARE(count("GET", QStringLiteral("/sessions/\\d+/log")), reads);
    }

    void openingRetriesWhatMayPassAndSaysSoForAUser()
    {
        // A 500 with a bare Java exception, then a dropped connection: retried (GET is safe), then attached.
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+"),
                           Fault::replace(500, QByteArrayLiteral("\"java.lang.NullPointerException\\n\\tat org.apache.livy.X\""),
                                          QByteArrayLiteral("application/json;charset=utf-8")));
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+"), Fault::truncatedBody());
        SessionController *c = makeController(SessionRef::byId(m_session));
        QSignalSpy retrying(c, &SessionController::attachRetrying);
        QSignalSpy attachedSpy(c, &SessionController::attached);
        c->attach();
        QVERIFY(attachedSpy.wait(5000));
        QCOMPARE(retrying.size(), 2);
        const QString first = retrying.first().at(2).toString();
        QVERIFY2(first.startsWith(QStringLiteral("The server answered with an internal error (NullPointerException) while opening session %1; retrying in ").arg(m_session)),
                 qPrintable(first));
        const LivyError error = retrying.first().at(0).value<LivyError>();
        QCOMPARE(error.httpStatus(), 500);
        QCOMPARE(error.route(), QStringLiteral("GET /sessions/%1").arg(m_session));
        QVERIFY2(retrying.last().at(2).toString().startsWith(QStringLiteral("The server's answer was cut off while opening")),
                 qPrintable(retrying.last().at(2).toString()));
        QCOMPARE(c->status(), SessionController::Status::Ready);
    }

    void refreshRetriesOpeningAtOnce()
    {
        SessionController::Settings settings = fastSettings();
        settings.backoff = ErrorBackoff{ std::chrono::hours(1), std::chrono::hours(1), 2.0, 0.0 }; // only F5 can retry
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+"), Fault::replace(503, QByteArray()));
        SessionController *c = makeController(SessionRef::byId(m_session), settings);
        QSignalSpy retrying(c, &SessionController::attachRetrying);
        QSignalSpy attachedSpy(c, &SessionController::attached);
        c->attach();
        QVERIFY(retrying.wait(5000));
        QCOMPARE(c->status(), SessionController::Status::Attaching);
        c->refresh();
        QVERIFY(attachedSpy.wait(5000));
    }

    void aSessionThatDoesNotExistSaysSo()
    {
        SessionController *c = makeController(SessionRef::byId(4242));
        QSignalSpy failed(c, &SessionController::attachFailed);
        c->attach();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<LivyError>().message(), QStringLiteral("There is no session 4242 on this server"));
        QCOMPARE(c->status(), SessionController::Status::Gone);
        QCOMPARE(count("GET", QStringLiteral("/sessions/4242")), 1); // not retried
    }

    void codeRunWhileTheSessionStartsWaitsVisiblyAndGoesOnceReady()
    {
        // A real startup delay in the fake server: the session is `starting` for a while.
        m_server->setStartupDelay(600);
        const int id = m_server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        SessionController *c = makeController(SessionRef::byId(id));
        QSignalSpy attachedSpy(c, &SessionController::attached);
        c->attach();
        QVERIFY(attachedSpy.wait(5000));
        QCOMPARE(c->status(), Status::Starting);
        RunHandle *first = c->submit(QStringLiteral("1+1"));
        RunHandle *second = c->submit(QStringLiteral("2+2"));
        RunHandle *third = c->submit(QStringLiteral("3+3"));
        QCOMPARE(c->statements()->localCount(), 3);
        QCOMPARE(c->statements()->index(0, StatementListModel::StateColumn).data().toString(),
                 QStringLiteral("queued: the session is not ready"));
        QCOMPARE(first->state(), RunHandle::State::Queued);
        // A queued run can be taken back.
        QVERIFY(c->cancelRun(second->localId()));
        QCOMPARE(c->statements()->localCount(), 2);
        QTest::qWait(100);
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/statements")), 0); // nothing sent while starting
        // Ready: sent in order, once each.
        QSignalSpy sent(c, &SessionController::submitted);
        QTRY_COMPARE_WITH_TIMEOUT(sent.count(), 2, 5000);
        const QList<FakeLivy::RecordedRequest> posts = m_server->requests("POST", QStringLiteral("/sessions/\\d+/statements"));
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts.at(0).json().value(QStringLiteral("code")).toString(), QStringLiteral("1+1"));
        QCOMPARE(posts.at(1).json().value(QStringLiteral("code")).toString(), QStringLiteral("3+3"));
        QCOMPARE(c->statements()->localCount(), 0);
        QVERIFY(third);
    }

    void cancelShowsRequestedUntilTheServerAnswers()
    {
        SessionController *c = attached(SessionRef::byId(m_session));
        QSignalSpy submitted(c, &SessionController::submitted);
        c->submit(QStringLiteral("#fake:duration=60000\nlong"));
        QVERIFY(submitted.wait(5000));
        const int id = submitted.first().at(1).value<Statement>().id;
        QTRY_COMPARE(c->statements()->statement(id)->state, StatementState::Running);
        m_server->addFault("POST", QStringLiteral("/sessions/\\d+/statements/\\d+/cancel"), Fault::delay(300));
        c->cancel(id);
        const QModelIndex row = c->statements()->index(c->statements()->rowOfId(id), StatementListModel::StateColumn);
        QCOMPARE(row.data().toString(), QStringLiteral("cancel requested…"));
        QVERIFY(row.data(StatementListModel::CancelRequestedRole).toBool());
        QTRY_VERIFY(!c->statements()->index(c->statements()->rowOfId(id), 0).data(StatementListModel::CancelRequestedRole).toBool());
        QTRY_COMPARE(c->statements()->statement(id)->state, StatementState::Cancelled);
    }

    void pausedWhileHiddenRefreshedWhenShown()
    {
        SessionController::Settings settings = fastSettings();
        settings.session.idle = 1h; // only the resume can cause the next poll
        SessionController *c = attached(SessionRef::byId(m_session), settings);
        QTRY_VERIFY(c->sessionPoller()->poller()->lastDelay() == std::chrono::milliseconds(1h));
        const QString poll = QStringLiteral("/sessions/\\d+/(state|statements/\\d+)");
        const int before = count("GET", poll);
        m_activity->setActive(false);
        m_activity->setActive(true);
        QTRY_COMPARE(count("GET", poll), before + 1);
    }

    void statementsOfAnEndedOrGoneSessionStopRunning_data()
    {
        QTest::addColumn<bool>("removed");
        QTest::addRow("driver died: dead") << false;
        QTest::addRow("reaped or restarted: 404") << true;
    }

    void statementsOfAnEndedOrGoneSessionStopRunning()
    {
        // Found against the real Livy (tst_livyfaults): a driver killed while it runs a statement leaves that
        // statement "running" for ever, because Livy answers "Session isn't active" for the statements of a dead
        // session and nothing polls them any more.
        QFETCH(bool, removed);
        SessionController *c = attached(SessionRef::byId(m_session));
        QAbstractItemModelTester tester(c->statements(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(c, &SessionController::statementFinished);
        c->submit(QStringLiteral("#fake:duration=0\n1+1"));
        QVERIFY(finished.wait(5000));
        QSignalSpy submitted(c, &SessionController::submitted);
        c->submit(QStringLiteral("#fake:duration=600000\nimport time; time.sleep(600)"));
        QVERIFY(submitted.wait(5000));
        const int running = submitted.first().at(1).value<Statement>().id;
        QTRY_COMPARE(c->statements()->statement(running)->state, StatementState::Running);
        QVERIFY(c->statements()->hasRunning());
        QSignalSpy changed(c->statements(), &QAbstractItemModel::dataChanged);
        if (removed)
            QVERIFY(m_server->removeSession(m_session));
        else
            m_server->setSessionState(m_session, QStringLiteral("dead"));
        QTRY_COMPARE(c->status(), removed ? Status::Gone : Status::Ended);
        QVERIFY(c->statements()->pendingIds().isEmpty());
        QVERIFY(!c->statements()->hasRunning());
        QVERIFY(c->statements()->isVanished(running));
        QCOMPARE(c->statements()->data(c->statements()->index(c->statements()->rowOfId(running), StatementListModel::StateColumn))
                     .toString(),
                 QStringLiteral("not on the server"));
        QVERIFY(!changed.isEmpty());
        // The finished one keeps its result.
        QCOMPARE(c->statements()->statement(finished.first().first().value<Statement>().id)->output->text(), QStringLiteral("2"));
    }

    void keepAliveNeverAdoptsAnotherSessionWithTheSameId()
    {
        // After a restart without recovery the next session created gets this one's id. /connect answers with that
        // session: it must not become this one (nor be kept alive by this client).
        SessionController::Settings settings = fastSettings();
        settings.keepAlive = true;
        settings.keepAliveSchedule = KeepAliveSchedule{ 30ms, 0ms };
        SessionController *c = attached(SessionRef::byId(m_session), settings);
        c->sessionPoller()->stop(); // only the keep-alive talks to the server here
        QSignalSpy gone(c, &SessionController::sessionGone);
        QSignalSpy changed(c, &SessionController::sessionChanged);
        m_server->restart();
        QCOMPARE(m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("spark") }, { QStringLiteral("name"), QStringLiteral("theirs") } }),
                 m_session);
        QVERIFY(gone.wait(5000));
        QCOMPARE(c->status(), Status::Gone);
        QVERIFY(gone.first().first().value<LivyError>().message().contains(QStringLiteral("gave its id to another session")));
        QCOMPARE(c->session().name, QStringLiteral("etl"));
        QCOMPARE(c->session().kind, QStringLiteral("pyspark"));
        QVERIFY(changed.isEmpty());
        QVERIFY(!c->keepAlive()->isRunning());
        QTest::qWait(50); // a request already on its way still arrives
        const int connects = count("POST", QStringLiteral("/sessions/\\d+/connect"));
        QTest::qWait(150);
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/connect")), connects);
    }

    void reconnectingWhileTheServerIsDown()
    {
        SessionController *c = attached(SessionRef::byId(m_session));
        QSignalSpy reconnecting(c, &SessionController::reconnectingChanged);
        QSignalSpy errors(c, &SessionController::errorOccurred);
        const quint16 port = m_server->port();
        m_server->stop();
        QTRY_VERIFY(c->isReconnecting());
        QCOMPARE(errors.count(), 1); // one status-bar line, not one per retry
        QVERIFY(m_server->start(port));
        QTRY_VERIFY(!c->isReconnecting());
        QCOMPARE(reconnecting.count(), 2);
        QCOMPARE(c->status(), Status::Ready);
    }
};

QTEST_GUILESS_MAIN(TestSessionController)
#include "tst_sessioncontroller.moc"
