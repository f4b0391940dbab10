// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerController against the fake Livy server: connection states, version features, list paging, create,
// delete, open by id or name, reconnecting after the server restarts, pause and resume.

#include "fakeserverfixture.h"
#include "controllers/servercontroller.h"
#include "fakelivyserver.h"
#include "items/sessionlistmodel.h"
#include "livy/connection.h"
#include "polling/pollactivity.h"
#include "polling/keepalive.h"
#include "polling/logpoller.h"
#include "polling/poller.h"
#include "polling/sessionlistpoller.h"
#include "polling/sessionpoller.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;
using namespace std::chrono_literals;
using FakeLivy::Fault;
using State = ServerController::ConnectionState;

class TestServerController : public FakeServerTest
{
    Q_OBJECT

private:

    static ServerController::Settings fastSettings()
    {
        ServerController::Settings s;
        s.listSchedule = SessionListSchedule{ 20ms, 60ms, 20ms, 0.25 };
        s.backoff = ErrorBackoff{ 10ms, 40ms, 2.0, 0.2 };
        s.session.running = RunningSchedule{ 5ms, 0.1, 40ms };
        s.session.session.idle = 40ms;
        s.session.session.busy = 40ms;
        s.session.session.transitional = RunningSchedule{ 10ms, 0.1, 40ms };
        s.session.backoff = s.backoff;
        s.session.keepAlive = false;
        return s;
    }

    ServerController *makeController(const ServerController::Settings &settings = fastSettings())
    {
        auto *c = new ServerController(m_connection, settings, this);
        c->setActivity(m_activity);
        return c;
    }

    ServerController *connected(const ServerController::Settings &settings = fastSettings())
    {
        ServerController *c = makeController(settings);
        QSignalSpy states(c, &ServerController::connectionStateChanged);
        c->connectToServer();
        for (int i = 0; i < 100 && c->connectionState() != State::Connected; ++i)
            states.wait(50);
        if (c->connectionState() != State::Connected)
            QTest::qFail("the controller did not connect", __FILE__, __LINE__);
        return c;
    }

    int count(const QByteArray &method, const QString &path) const
    {
        return int(m_server->requests(method, path).size());
    }

    int createIdle(const QJsonObject &body = { { QStringLiteral("kind"), QStringLiteral("pyspark") } })
    {
        const int id = m_server->createSession(body);
        return id;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_fixture.setUp(this));
        m_server->setVersion(QStringLiteral("0.9.0-incubating"));
    }

    void cleanup()
    {
        qDeleteAll(findChildren<ServerController *>(Qt::FindDirectChildrenOnly));
        m_fixture.tearDown();
    }

    void connectsReadsTheVersionAndListsSessions()
    {
        createIdle();
        createIdle();
        ServerController *c = makeController();
        QAbstractItemModelTester tester(c->sessions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy states(c, &ServerController::connectionStateChanged);
        QSignalSpy version(c, &ServerController::versionKnown);
        c->connectToServer();
        QCOMPARE(c->connectionState(), State::Connecting);
        QTRY_COMPARE(c->connectionState(), State::Connected);
        QCOMPARE(states.first().first().value<State>(), State::Connecting);
        QCOMPARE(version.count(), 1);
        QCOMPARE(c->versionNumber(), QVersionNumber(0, 9, 0));
        QVERIFY(c->supportsDescendingOrder());
        QVERIFY(c->supportsIdleTimeout());
        QCOMPARE(c->sessions()->rowCount(), 2);
        // /version first, then the list.
        QCOMPARE(m_server->requests().first().path, QStringLiteral("/version"));
    }

    void versionsAndFeatures()
    {
        QCOMPARE(ServerController::parseVersion(QStringLiteral("0.8.0-incubating")), QVersionNumber(0, 8, 0));
        QCOMPARE(ServerController::parseVersion(QStringLiteral("v0.7.1")), QVersionNumber(0, 7, 1));
        QVERIFY(ServerController::parseVersion(QStringLiteral("unknown")).isNull());

        m_server->setVersion(QStringLiteral("0.7.1-incubating"));
        ServerController *c = connected();
        QVERIFY(c->supportsSessionNames());
        QVERIFY(!c->supportsDescendingOrder());
        QVERIFY(!c->supportsTtl());
        // Opened sessions then load their history without order=desc.
        const int id = createIdle();
        SessionController *s = c->openSession(SessionRef::byId(id));
        QTRY_COMPARE(s->status(), SessionController::Status::Ready);
        const auto history = m_server->requests("GET", QStringLiteral("/sessions/\\d+/statements"));
        QVERIFY(!history.isEmpty());
        QVERIFY(!history.last().hasQueryItem(QStringLiteral("order")));
    }

    void sessionsOpenedBeforeTheVersionIsKnownUseWhatTheServerSupports()
    {
        // Tabs restored at start are opened before GET /version answers: what the server supports is read from
        // the Connection when a request is built, not copied once.
        const int id = createIdle();
        m_server->addFault("GET", QStringLiteral("/version"), Fault::delay(400));
        ServerController *c = makeController();
        QSignalSpy capabilities(m_connection, &Connection::capabilitiesChanged);
        c->connectToServer();
        SessionController *s = c->openSession(SessionRef::byId(id));
        QVERIFY(!m_connection->capabilities().isKnown());
        QTRY_COMPARE(s->status(), SessionController::Status::Ready);
        QTRY_COMPARE(capabilities.count(), 1);
        QVERIFY(m_connection->capabilities().descendingOrder());
        m_server->clearRequests();
        s->refresh();
        QTRY_VERIFY(!m_server->requests("GET", QStringLiteral("/sessions/\\d+/statements")).isEmpty());
        QCOMPARE(m_server->requests("GET", QStringLiteral("/sessions/\\d+/statements")).last().queryValue(QStringLiteral("order")),
                 QStringLiteral("desc"));
        // Pointed at another server: unknown again until that one answers.
        ConnectionSettings other = m_connection->settings();
        other.baseUrl.setHost(QStringLiteral("localhost"));
        m_connection->setSettings(other);
        QVERIFY(!m_connection->capabilities().isKnown());
    }

    void aServerWithoutVersionRouteIsStillUsable()
    {
        m_server->addFault("GET", QStringLiteral("/version"), Fault::routeNotFound());
        createIdle();
        ServerController *c = connected();
        QVERIFY(!c->version());
        QVERIFY(!c->supportsDescendingOrder());
        QCOMPARE(c->sessions()->rowCount(), 1);
    }

    void pagesThroughTheList()
    {
        for (int i = 0; i < 5; ++i)
            createIdle();
        ServerController::Settings settings = fastSettings();
        settings.pageSize = 2;
        ServerController *c = makeController(settings);
        QSignalSpy inserted(c->sessions(), &QAbstractItemModel::rowsInserted);
        c->connectToServer();
        QTRY_COMPARE(c->connectionState(), State::Connected);
        QCOMPARE(c->sessions()->rowCount(), 5);
        QCOMPARE(inserted.count(), 1); // one complete snapshot, not page by page
        const QList<FakeLivy::RecordedRequest> pages = m_server->requests("GET", QStringLiteral("/sessions"));
        QVERIFY(pages.size() >= 3);
        QCOMPARE(pages.at(0).queryValue(QStringLiteral("from")), QStringLiteral("0"));
        QCOMPARE(pages.at(1).queryValue(QStringLiteral("from")), QStringLiteral("2"));
        QCOMPARE(pages.at(2).queryValue(QStringLiteral("from")), QStringLiteral("4"));
        QCOMPARE(pages.at(0).queryValue(QStringLiteral("size")), QStringLiteral("2"));
    }

    void createThenWatchItStart()
    {
        m_server->setStartupDelay(150);
        ServerController *c = connected();
        QAbstractItemModelTester tester(c->sessions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy created(c, &ServerController::sessionCreated);
        QSignalSpy stateChanged(c->sessions(), &SessionListModel::sessionStateChanged);
        CreateSessionRequest request;
        request.kind = QStringLiteral("spark");
        request.name = QStringLiteral("nightly");
        const int ticket = c->createSession(request);
        QVERIFY(created.wait(5000));
        QCOMPARE(created.first().at(0).toInt(), ticket);
        const Session s = created.first().at(1).value<Session>();
        QCOMPARE(s.state, SessionState::Starting);
        QVERIFY(c->sessions()->rowOfId(s.id) >= 0);
        QTRY_COMPARE(c->sessions()->session(s.id)->state, SessionState::Idle);
        QCOMPARE(stateChanged.last().at(2).value<SessionState>(), SessionState::Idle);
        QCOMPARE(m_server->requests("POST", QStringLiteral("/sessions")).first().json()
                     .value(QStringLiteral("name")).toString(),
                 QStringLiteral("nightly"));
    }

    void createFailureIsAValue()
    {
        ServerController *c = connected();
        QSignalSpy failed(c, &ServerController::createFailed);
        QSignalSpy errors(c, &ServerController::errorOccurred);
        CreateSessionRequest request;
        request.kind = QStringLiteral("cobol");
        const int ticket = c->createSession(request);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toInt(), ticket);
        const LivyError error = failed.first().at(1).value<LivyError>();
        QCOMPARE(error.httpStatus(), 400);
        QVERIFY(error.message().contains(QStringLiteral("cobol")));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(count("POST", QStringLiteral("/sessions")), 1);
    }

    void deleteRemovesAndMarksTheOpenSessionGone()
    {
        const int id = createIdle();
        ServerController *c = connected();
        SessionController *open = c->openSession(SessionRef::byId(id));
        QTRY_COMPARE(open->status(), SessionController::Status::Ready);
        QSignalSpy deleted(c, &ServerController::sessionDeleted);
        QSignalSpy gone(open, &SessionController::sessionGone);
        QSignalSpy removed(c->sessions(), &QAbstractItemModel::rowsRemoved);
        c->deleteSession(id);
        QVERIFY(deleted.wait(5000));
        QCOMPARE(deleted.first().first().toInt(), id);
        QCOMPARE(c->sessions()->rowOfId(id), -1);
        QCOMPARE(removed.count(), 1);
        // Deleted on request: gone, but not "vanished" and not an error.
        QCOMPARE(gone.count(), 0);
        QCOMPARE(open->status(), SessionController::Status::Gone);
        QVERIFY(!open->lastError().isError());
        QCOMPARE(count("DELETE", QStringLiteral("/sessions/\\d+")), 1);
        // List snapshots that were on their way before the delete never bring the row back.
        QSignalSpy refreshed(c->listPoller(), &SessionListPoller::refreshed);
        c->refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(c->sessions()->rowOfId(id), -1);
    }

    void aListSnapshotFromBeforeADeleteDoesNotResurrectTheSession()
    {
        const int id = createIdle();
        ServerController *c = connected();
        // The list answer is slow; the DELETE is quick: the list left the server while the session still existed.
        m_server->addFault("GET", QStringLiteral("/sessions"), Fault::slowAnswer(400));
        c->refresh();
        QTRY_VERIFY(c->listPoller()->poller()->isInFlight());
        QSignalSpy deleted(c, &ServerController::sessionDeleted);
        QSignalSpy refreshed(c->listPoller(), &SessionListPoller::refreshed);
        c->deleteSession(id);
        QVERIFY(deleted.wait(5000));
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(c->sessions()->rowOfId(id), -1);
    }

    void deleteWhileTheOpenSessionIsPolledReportsNoError()
    {
        const int id = createIdle();
        ServerController *c = connected();
        SessionController *open = c->openSession(SessionRef::byId(id));
        QTRY_COMPARE(open->status(), SessionController::Status::Ready);
        QSignalSpy errors(open, &SessionController::errorOccurred);
        QSignalSpy serverErrors(c, &ServerController::errorOccurred);
        // Livy forgets the session (404) a moment before its DELETE answer reaches the client; polls sent in
        // between see the 404 first.
        m_server->addFault("DELETE", QStringLiteral("/sessions/\\d+"), Fault::delay(600));
        connect(m_server, &FakeLivy::Server::requestReceived, this, [this, id](const FakeLivy::RecordedRequest &r) {
            if (r.method == "DELETE")
                m_server->removeSession(id);
        });
        // A state poll reaches the server just after the DELETE did.
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+/state"), Fault::delay(100));
        open->refresh();
        c->deleteSession(id);
        QVERIFY(open->isDeleting());
        QSignalSpy deleted(c, &ServerController::sessionDeleted);
        QVERIFY(deleted.wait(5000));
        QCOMPARE(open->status(), SessionController::Status::Gone);
        QCOMPARE(errors.count(), 0);
        QCOMPARE(serverErrors.count(), 0);
    }

    void createdHereIsRecordedKeptAndForgottenWithTheSession()
    {
        QSettings().remove(QStringLiteral("createdSessions/t"));
        ServerController::Settings settings;
        settings.createdStoreKey = QStringLiteral("t");
        auto *c = new ServerController(m_connection, settings, this);
        c->connectToServer();
        QTRY_COMPARE(c->connectionState(), ServerController::ConnectionState::Connected);
        QSignalSpy created(c, &ServerController::sessionCreated);
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        c->createSession(request);
        QVERIFY(created.wait(5000));
        const int id = created.first().at(1).value<Session>().id;
        // The request carried LivyDesk's tag, and the server echoes it.
        const QJsonObject conf = m_server->requests("POST", QStringLiteral("/sessions")).last().json().value(QStringLiteral("conf")).toObject();
        QVERIFY(conf.contains(QStringLiteral("spark.livydesk.sessionTag")));
        const int row = c->sessions()->rowOfId(id);
        const QDateTime when = c->sessions()->index(row, 0).data(SessionListModel::CreatedHereRole).toDateTime();
        QVERIFY(when.isValid());
        QVERIFY(qAbs(when.secsTo(QDateTime::currentDateTimeUtc())) < 5);
        // Kept for the next start of the app (another controller for the same profile).
        auto *again = new ServerController(m_connection, settings, this);
        again->connectToServer();
        QTRY_VERIFY(again->sessions()->rowOfId(id) >= 0);
        QCOMPARE(again->sessions()->index(again->sessions()->rowOfId(id), 0).data(SessionListModel::CreatedHereRole).toDateTime(), when);
        // The server restarts without recovery; the next session 0 is someone else's: no creation time.
        m_server->restart();
        const int other = m_server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        QCOMPARE(other, id);
        again->refresh();
        QTRY_VERIFY(!again->sessions()->index(again->sessions()->rowOfId(id), 0).data(SessionListModel::CreatedHereRole).toDateTime().isValid());
        QVERIFY(QSettings().value(QStringLiteral("createdSessions/t")).toStringList().isEmpty());
    }

    void oneBadEntryNeverHidesTheRest()
    {
        // A server whose list has entries with fields of the wrong type (appInfo an array, a number as the state).
        const QByteArray body = R"({"from":0,"total":3,"sessions":[
            {"id":0,"name":null,"appId":null,"owner":null,"proxyUser":null,"state":"idle","kind":"pyspark","appInfo":{},"log":[]},
            {"id":1,"name":"odd","appId":null,"owner":null,"proxyUser":null,"state":"idle","kind":"pyspark","appInfo":[],"log":[]},
            {"id":2,"name":null,"appId":null,"owner":null,"proxyUser":null,"state":7,"kind":"spark","appInfo":{},"log":[]}]})";
        m_server->addFault("GET", QStringLiteral("/sessions"), Fault::replace(200, body), FakeLivy::Server::Forever);
        ServerController *c = connected();
        QTRY_COMPARE(c->sessions()->rowCount(), 3);
        QCOMPARE(c->connectionState(), ServerController::ConnectionState::Connected);
        const QModelIndex good = c->sessions()->index(c->sessions()->rowOfId(0), 0);
        QVERIFY(good.data(SessionListModel::ProblemRole).toString().isEmpty());
        const QModelIndex odd = c->sessions()->index(c->sessions()->rowOfId(1), SessionListModel::NameColumn);
        QCOMPARE(odd.data().toString(), QStringLiteral("odd"));
        QVERIFY2(odd.data(SessionListModel::ProblemRole).toString().contains(QStringLiteral("appInfo")),
                 qPrintable(odd.data(SessionListModel::ProblemRole).toString()));
        QVERIFY(odd.data(Qt::ToolTipRole).toString().contains(QStringLiteral("could not read")));
        QCOMPARE(c->sessions()->index(c->sessions()->rowOfId(1), SessionListModel::StateColumn).data().toString(),
                 QStringLiteral("unreadable"));
        // A state of the wrong type: the row keeps its id and says what is wrong.
        QVERIFY(c->sessions()->rowOfId(2) >= 0);
        QVERIFY(!c->sessions()->index(c->sessions()->rowOfId(2), 0).data(SessionListModel::ProblemRole).toString().isEmpty());
    }

    void deleteFailureIsReported()
    {
        const int id = createIdle();
        ServerController *c = connected();
        m_server->addFault("DELETE", QStringLiteral("/sessions/\\d+"), Fault::replace(403, QByteArray()));
        QSignalSpy failed(c, &ServerController::deleteFailed);
        c->deleteSession(id);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<LivyError>().httpStatus(), 403);
        QVERIFY(c->sessions()->rowOfId(id) >= 0);
    }

    void openByIdOrNameReturnsOneController()
    {
        const int id = createIdle({ { QStringLiteral("kind"), QStringLiteral("pyspark") }, { QStringLiteral("name"), QStringLiteral("adhoc") } });
        ServerController *c = connected();
        QSignalSpy opened(c, &ServerController::sessionOpened);
        SessionController *a = c->openSession(SessionRef::byId(id));
        SessionController *b = c->openSession(SessionRef::byId(id));
        SessionController *byName = c->openSession(SessionRef::byName(QStringLiteral("adhoc")));
        QCOMPARE(a, b);
        QCOMPARE(a, byName);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(c->openSessions().size(), 1);
        QCOMPARE(c->sessionController(id), a);
        c->closeSession(a);
        QVERIFY(c->openSessions().isEmpty());
        QCOMPARE(c->sessionController(id), nullptr);
    }

    void sessionsOpenedTogetherAttachSpreadOut()
    {
        // Restoring a dozen tabs (or Ctrl+R) must not send every tab's first requests in one burst.
        QList<int> ids;
        for (int i = 0; i < 4; ++i)
            ids.append(createIdle());
        ServerController::Settings settings = fastSettings();
        settings.attachSpacing = 250ms;
        ServerController *c = connected(settings);
        QElapsedTimer clock;
        clock.start();
        QList<qint64> arrivals;
        connect(m_server, &FakeLivy::Server::requestReceived, this, [&](const FakeLivy::RecordedRequest &r) {
            if (r.method == "GET" && QRegularExpression(QStringLiteral("^/sessions/\\d+$")).match(r.path).hasMatch())
                arrivals.append(clock.elapsed());
        });
        QList<SessionController *> opened;
        for (const int id : std::as_const(ids))
            opened.append(c->openSession(SessionRef::byId(id)));
        for (SessionController *s : std::as_const(opened))
            QCOMPARE(s->status(), SessionController::Status::Attaching); // feedback at once, request later
        // Each one waits its turn: 0, 250, 500, 750 ms (less the few ms the opening loop itself took).
        for (int i = 0; i < int(opened.size()); ++i) {
            const qint64 delay = opened.at(i)->attachDelay().count();
            QVERIFY2(delay <= 250 * i && delay >= 250 * i - 50, qPrintable(QStringLiteral("attach %1 waits %2 ms").arg(i).arg(delay)));
        }
        for (SessionController *s : std::as_const(opened))
            QTRY_COMPARE(s->status(), SessionController::Status::Ready);
        QCOMPARE(arrivals.size(), 4);
        // At the server: spread over at least the three gaps (arrival times also carry the machine's load).
        QVERIFY2(arrivals.last() - arrivals.first() >= 400, qPrintable(QStringLiteral("%1 ms").arg(arrivals.last() - arrivals.first())));
        // A session opened on its own later is not held back.
        QTest::qWait(300);
        const int later = createIdle();
        arrivals.clear();
        clock.restart();
        SessionController *alone = c->openSession(SessionRef::byId(later));
        QCOMPARE(alone->attachDelay().count(), 0);
        QTRY_COMPARE(arrivals.size(), 1);
    }

    void openByNameNotYetListedResolvesThroughTheServer()
    {
        ServerController *c = connected();
        const int id = createIdle({ { QStringLiteral("kind"), QStringLiteral("spark") }, { QStringLiteral("name"), QStringLiteral("later") } });
        SessionController *s = c->openSession(SessionRef::byName(QStringLiteral("later")));
        QSignalSpy attached(s, &SessionController::attached);
        QVERIFY(attached.wait(5000));
        QCOMPARE(s->sessionId(), id);
        QCOMPARE(c->sessionController(id), s);
    }

    void openSessionStateReachesTheList()
    {
        const int id = createIdle();
        ServerController::Settings settings = fastSettings();
        settings.listSchedule = SessionListSchedule{ 1h, 1h, 1h, 0.25 }; // the list will not poll again
        ServerController *c = connected(settings);
        SessionController *s = c->openSession(SessionRef::byId(id));
        QTRY_COMPARE(s->status(), SessionController::Status::Ready);
        m_server->setSessionState(id, QStringLiteral("dead"));
        QTRY_COMPARE(c->sessions()->session(id)->state, SessionState::Dead);
    }

    void reconnectsAfterTheServerComesBack()
    {
        createIdle();
        ServerController *c = connected();
        QSignalSpy states(c, &ServerController::connectionStateChanged);
        QSignalSpy errors(c, &ServerController::errorOccurred);
        const quint16 port = m_server->port();
        m_server->stop();
        QTRY_COMPARE(c->connectionState(), State::Reconnecting);
        QCOMPARE(c->lastError().kind(), LivyError::Kind::Network);
        QCOMPARE(errors.count(), 1);
        QVERIFY(m_server->start(port));
        QTRY_COMPARE(c->connectionState(), State::Connected);
        QVERIFY(!c->lastError().isError());
        QCOMPARE(states.first().first().value<State>(), State::Reconnecting);
        QCOMPARE(states.last().first().value<State>(), State::Connected);
        QCOMPARE(c->sessions()->rowCount(), 1);
    }

    void restartWithoutRecoveryEmptiesTheList()
    {
        createIdle();
        createIdle();
        ServerController *c = connected();
        QCOMPARE(c->sessions()->rowCount(), 2);
        QSignalSpy removed(c->sessions(), &QAbstractItemModel::rowsRemoved);
        m_server->restart();
        QTRY_COMPARE(c->sessions()->rowCount(), 0);
        QCOMPARE(removed.count(), 1);
    }

    void anOpenSessionWhoseIdWasGivenToAnotherAfterARestartIsGone()
    {
        // Livy restarted without recovery counts ids from 0 again: the next session someone creates gets the id of a
        // session this client has open. The list shows it with another identity; the open one must not follow it.
        const int id = createIdle(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") }, { QStringLiteral("name"), QStringLiteral("mine") } });
        ServerController *c = connected();
        SessionController *s = c->openSession(SessionRef::byId(id));
        QTRY_COMPARE(s->status(), SessionController::Status::Ready);
        m_activity->setActive(false); // the window is hidden meanwhile, so the list sees it first
        m_server->restart();
        QCOMPARE(createIdle(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("spark") }, { QStringLiteral("name"), QStringLiteral("theirs") } }), id);
        QSignalSpy gone(s, &SessionController::sessionGone);
        m_activity->setActive(true);
        QVERIFY(gone.wait(5000));
        QCOMPARE(s->status(), SessionController::Status::Gone);
        QVERIFY2(gone.first().first().value<LivyError>().message().contains(QStringLiteral("gave its id to another session")),
                 qPrintable(gone.first().first().value<LivyError>().message()));
        QCOMPARE(s->session().name, QStringLiteral("mine")); // not taken over by the other session
        QVERIFY(!s->sessionPoller()->isRunning());
        // A session that is simply listed again (same identity) stays.
        const int other = createIdle();
        SessionController *t = c->openSession(SessionRef::byId(other));
        QTRY_COMPARE(t->status(), SessionController::Status::Ready);
        c->refresh();
        QTest::qWait(200);
        QCOMPARE(t->status(), SessionController::Status::Ready);
    }

    void unreachableAtFirstKeepsTrying()
    {
        const quint16 port = m_server->port();
        m_server->stop();
        ServerController *c = makeController();
        c->connectToServer();
        QTRY_COMPARE(c->connectionState(), State::Reconnecting);
        QVERIFY(m_server->start(port));
        QTRY_COMPARE(c->connectionState(), State::Connected);
        QVERIFY(c->version());
    }

    void wrongCredentialsDisconnect()
    {
        m_server->setBasicAuth(QStringLiteral("alice"), QStringLiteral("secret"));
        ServerController *c = makeController();
        QSignalSpy errors(c, &ServerController::errorOccurred);
        c->connectToServer();
        QTRY_COMPARE(c->connectionState(), State::Disconnected);
        QCOMPARE(c->lastError().httpStatus(), 401);
        QCOMPARE(errors.count(), 1);
        QVERIFY(!c->listPoller()->poller()->isRunning()); // polling stopped: nothing will be retried
        const int requests = int(m_server->requests().size());
        QTest::qWait(100);
        QCOMPARE(int(m_server->requests().size()), requests); // no hammering with bad credentials
    }

    void disconnectStopsEverything()
    {
        const int id = createIdle();
        ServerController *c = connected();
        SessionController *s = c->openSession(SessionRef::byId(id));
        QTRY_COMPARE(s->status(), SessionController::Status::Ready);
        c->disconnectFromServer();
        QCOMPARE(c->connectionState(), State::Disconnected);
        QCOMPARE(s->status(), SessionController::Status::Detached);
        QVERIFY(!c->listPoller()->poller()->isRunning());
        QVERIFY(!s->sessionPoller()->isRunning());
        QVERIFY(!s->keepAlive()->isRunning());
        QVERIFY(!s->logPoller()->isRunning());
        QTest::qWait(50); // a request already on its way when polling stopped still arrives
        const int requests = int(m_server->requests().size());
        QTest::qWait(100);
        QCOMPARE(int(m_server->requests().size()), requests);
    }

    void listPausesWhileHiddenAndRefreshesWhenShown()
    {
        ServerController::Settings settings = fastSettings();
        settings.listSchedule = SessionListSchedule{ 1h, 1h, 1h, 0.25 };
        ServerController *c = connected(settings);
        QTRY_VERIFY(c->listPoller()->poller()->lastDelay() == std::chrono::milliseconds(1h));
        const int before = count("GET", QStringLiteral("/sessions"));
        m_activity->setActive(false);
        c->refresh(); // waits for the window
        QVERIFY(!c->listPoller()->poller()->isInFlight());
        QTest::qWait(50);
        QCOMPARE(count("GET", QStringLiteral("/sessions")), before);
        m_activity->setActive(true);
        QTRY_COMPARE(count("GET", QStringLiteral("/sessions")), before + 1);
    }

    void refreshPollsAtOnce()
    {
        ServerController::Settings settings = fastSettings();
        settings.listSchedule = SessionListSchedule{ 1h, 1h, 1h, 0.25 };
        ServerController *c = connected(settings);
        const int before = count("GET", QStringLiteral("/sessions"));
        createIdle();
        c->refresh();
        QTRY_COMPARE(c->sessions()->rowCount(), 1);
        QCOMPARE(count("GET", QStringLiteral("/sessions")), before + 1);
    }
};

QTEST_GUILESS_MAIN(TestServerController)
#include "tst_servercontroller.moc"
