// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The polling engine against the fake Livy server: one request in flight, pause/resume, reconnecting and
// recovering, terminal states. Intervals are configured short by the test; nothing asserts on elapsed time.

#include "fakeserverfixture.h"
#include "fakelivyserver.h"
#include "livy/connection.h"
#include "livy/getsessionstatejob.h"
#include "polling/pollactivity.h"
#include "polling/poller.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;
using namespace std::chrono_literals;
using FakeLivy::Fault;

class TestPoller : public FakeServerTest
{
    Q_OBJECT

private:
    int m_session = -1;

    /// A poller of `GET /sessions/{id}/state` that checks, in its own factory and handler, that it never has two
    /// requests outstanding.
    struct Probe
    {
        int inFlight = 0;
        int maxInFlight = 0;
        int replies = 0;
        int failures = 0;
    };

    Poller *makeStatePoller(Probe *probe, std::chrono::milliseconds interval)
    {
        auto *poller = new Poller(this);
        poller->setActivity(m_activity);
        poller->setErrorBackoff(ErrorBackoff{ 10ms, 40ms, 2.0, 0.2 });
        poller->setJobFactory([this, probe]() -> LivyJob * {
            probe->maxInFlight = std::max(probe->maxInFlight, ++probe->inFlight);
            return new GetSessionStateJob(m_connection, SessionRef::byId(m_session));
        });
        poller->setReplyHandler([probe, interval](LivyJob *job) {
            --probe->inFlight;
            ++probe->replies;
            if (!job->ok()) {
                ++probe->failures;
                return Poller::Next::retry();
            }
            return Poller::Next::after(interval);
        });
        return poller;
    }

    int stateRequests() const
    {
        return int(m_server->requests("GET", QStringLiteral("/sessions/\\d+/state")).size());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_fixture.setUp(this, 5s));
        m_session = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        QVERIFY(m_session >= 0);
        QTRY_COMPARE(m_server->sessionState(m_session), QStringLiteral("idle"));
    }

    void cleanup()
    {
        m_fixture.tearDown();
    }

    void neverTwoRequestsInFlight()
    {
        Probe probe;
        Poller *poller = makeStatePoller(&probe, 1h);
        // The first answer takes a while; meanwhile the user hammers "refresh".
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+/state"), Fault::delay(150));
        poller->start();
        QTRY_COMPARE(stateRequests(), 1);
        QVERIFY(poller->isInFlight());
        for (int i = 0; i < 20; ++i) {
            poller->pollNow();
            poller->pollWithin(0ms);
            QCoreApplication::processEvents();
        }
        QCOMPARE(stateRequests(), 1);
        // Right after the slow answer, exactly one follow-up (the refresh), then the 1 h schedule.
        QTRY_COMPARE(probe.replies, 2);
        QCOMPARE(stateRequests(), 2);
        QCOMPARE(probe.maxInFlight, 1);
        QCOMPARE(poller->requestCount(), 2);
        QCOMPARE(poller->lastDelay(), std::chrono::milliseconds(1h));
    }

    void fastScheduleStaysSingleFlight()
    {
        Probe probe;
        Poller *poller = makeStatePoller(&probe, 0ms); // as fast as possible
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+/state"), Fault::delay(20), 5);
        poller->start();
        QTRY_VERIFY(probe.replies >= 30);
        poller->stop();
        QCOMPARE(probe.maxInFlight, 1);
        // The server saw every request but perhaps the last one, abandoned by stop() on its way.
        QVERIFY(stateRequests() >= poller->requestCount() - 1);
        QVERIFY(stateRequests() <= poller->requestCount());
    }

    void pausesWhileInactiveAndRefreshesAtOnceWhenActive()
    {
        Probe probe;
        Poller *poller = makeStatePoller(&probe, 1h);
        poller->start();
        QTRY_COMPARE(probe.replies, 1);
        QCOMPARE(poller->lastDelay(), std::chrono::milliseconds(1h));

        m_activity->setActive(false);
        QVERIFY(poller->isPaused());
        poller->pollNow(); // a refresh while hidden waits for the window to come back
        QVERIFY(!poller->isInFlight()); // nothing was sent (the property itself, not only a quiet moment)
        QTest::qWait(50);
        QCOMPARE(stateRequests(), 1);

        m_activity->setActive(true);
        // Not after the hour: at once.
        QCOMPARE(poller->lastDelay(), 0ms);
        QTRY_COMPARE(probe.replies, 2);
        QCOMPARE(stateRequests(), 2);
    }

    void replyInFlightWhilePausingIsAppliedThenWaits()
    {
        Probe probe;
        Poller *poller = makeStatePoller(&probe, 0ms);
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+/state"), Fault::delay(100));
        poller->start();
        QTRY_COMPARE(stateRequests(), 1);
        m_activity->setActive(false);
        QTRY_COMPARE(probe.replies, 1); // the answer is still handled
        QVERIFY(!poller->isInFlight());  // and no next request went out after it
        QTest::qWait(50);
        QCOMPARE(stateRequests(), 1);    // but nothing new goes out
        m_activity->setActive(true);
        QTRY_VERIFY(stateRequests() >= 2);
        poller->stop();
    }

    void reconnectsAndRecoversAfterTheServerComesBack()
    {
        Probe probe;
        Poller *poller = makeStatePoller(&probe, 20ms);
        QSignalSpy reconnecting(poller, &Poller::reconnectingChanged);
        QSignalSpy failed(poller, &Poller::requestFailed);
        QSignalSpy recovered(poller, &Poller::recovered);
        poller->start();
        QTRY_VERIFY(probe.replies >= 1);

        const quint16 port = m_server->port();
        m_server->stop();
        QTRY_VERIFY(poller->isReconnecting());
        QCOMPARE(reconnecting.first().first().toBool(), true);
        QVERIFY(failed.count() >= 1);
        QCOMPARE(failed.first().first().value<LivyError>().kind(), LivyError::Kind::Network);
        QTRY_VERIFY(poller->consecutiveFailures() >= 3); // backs off and keeps trying
        QVERIFY(poller->isRunning());

        QVERIFY(m_server->start(port));
        QTRY_VERIFY(!poller->isReconnecting());
        QCOMPARE(recovered.count(), 1);
        QCOMPARE(reconnecting.last().first().toBool(), false);
        QCOMPARE(poller->consecutiveFailures(), 0);
        QVERIFY(!poller->lastError().isError());
        QCOMPARE(probe.maxInFlight, 1);
        poller->stop();
    }

    void errorBackoffGrowsBetweenFailures()
    {
        auto *poller = new Poller(this);
        poller->setActivity(m_activity);
        poller->setErrorBackoff(ErrorBackoff{ 10ms, 1h, 2.0, 0.0 }); // no jitter: exact delays
        QList<std::chrono::milliseconds> delays; // the delay that led to each request
        poller->setJobFactory([this, poller, &delays]() -> LivyJob * {
            delays.append(poller->lastDelay());
            return new GetSessionStateJob(m_connection, SessionRef::byId(m_session));
        });
        poller->setReplyHandler([](LivyJob *job) { return job->ok() ? Poller::Next::after(1h) : Poller::Next::retry(); });
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+/state"), Fault::replace(503, "{\"msg\":\"busy\"}"), 4);
        poller->start();
        QTRY_COMPARE(delays.size(), 5);
        QCOMPARE(delays, (QList<std::chrono::milliseconds>{ 0ms, 10ms, 20ms, 40ms, 80ms }));
        QTRY_VERIFY(!poller->isReconnecting()); // the fifth answer is a success
        QCOMPARE(poller->lastDelay(), std::chrono::milliseconds(1h));
        poller->stop();
    }

    void transientErrorsMeanReconnecting()
    {
        Probe probe;
        Poller *poller = makeStatePoller(&probe, 20ms);
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+/state"), Fault::replace(503, "{\"msg\":\"busy\"}"),
                           FakeLivy::Server::Forever);
        poller->start();
        QTRY_VERIFY(probe.failures >= 2);
        QVERIFY(poller->isReconnecting()); // 503 is transient
        QCOMPARE(poller->lastError().httpStatus(), 503);
        poller->stop();
        QVERIFY(!poller->isReconnecting());
    }

    void nonTransientErrorsBackOffWithoutReconnecting()
    {
        Probe probe;
        Poller *poller = makeStatePoller(&probe, 20ms);
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+/state"), Fault::replace(500, "\"boom\""), 2);
        QSignalSpy failed(poller, &Poller::requestFailed);
        poller->start();
        QTRY_COMPARE(failed.count(), 2);
        QVERIFY(!poller->isReconnecting());
        QTRY_COMPARE(poller->consecutiveFailures(), 0);
        poller->stop();
    }

    void factoryWithNothingToDoStops()
    {
        auto *poller = new Poller(this);
        poller->setActivity(m_activity);
        poller->setJobFactory([] { return static_cast<LivyJob *>(nullptr); });
        QSignalSpy stopped(poller, &Poller::stopped);
        poller->start();
        QTRY_COMPARE(stopped.count(), 1);
        QVERIFY(!poller->isRunning());
    }

    void stopAbandonsTheRequestInFlight()
    {
        Probe probe;
        Poller *poller = makeStatePoller(&probe, 0ms);
        m_server->addFault("GET", QStringLiteral("/sessions/\\d+/state"), Fault::noAnswer());
        poller->start();
        QTRY_COMPARE(stateRequests(), 1); // the server holds it and will never answer
        QVERIFY(poller->isInFlight());
        poller->stop();
        QVERIFY(!poller->isInFlight());
        QTest::qWait(20);
        QCOMPARE(probe.replies, 0); // the abandoned reply never reaches the handler
        // Restarting does not stack a second request on the abandoned one.
        poller->start();
        QTRY_VERIFY(probe.replies >= 1);
        poller->stop();
    }
};

QTEST_GUILESS_MAIN(TestPoller)
#include "tst_poller.moc"
