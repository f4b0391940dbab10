// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The session, log and keep-alive pollers against the fake Livy server: which requests they choose, terminal
// states, 404s. Schedules are shortened by the test; nothing asserts on elapsed time.

#include "fakeserverfixture.h"
#include "fakelivyserver.h"
#include "items/logmodel.h"
#include "items/statementlistmodel.h"
#include "livy/connection.h"
#include "livy/submitstatementjob.h"
#include "polling/keepalive.h"
#include "polling/logpoller.h"
#include "polling/pollactivity.h"
#include "polling/poller.h"
#include "polling/sessionpoller.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;
using namespace std::chrono_literals;
using FakeLivy::Fault;

class TestSessionPoller : public FakeServerTest
{
    Q_OBJECT

private:
    int m_session = -1;

    /// Submits through the protocol layer (not the controller) and returns the 201 answer.
    Statement submit(const QString &code)
    {
        StatementRequest request;
        request.code = code;
        auto *job = new SubmitStatementJob(m_connection, SessionRef::byId(m_session), request);
        job->setAutoDelete(false);
        QSignalSpy done(job, &LivyJob::finished);
        job->start();
        if (!done.wait(5000) || !job->ok()) {
            delete job;
            return {};
        }
        const Statement s = job->statement();
        delete job;
        return s;
    }

    SessionPoller *makePoller(StatementListModel *model)
    {
        auto *poller = new SessionPoller(m_connection, model, this);
        poller->poller()->setActivity(m_activity);
        poller->setSessionId(m_session);
        poller->setRunningSchedule(RunningSchedule{ 5ms, 0.1, 40ms });
        SessionSchedule s;
        s.idle = 30ms;
        s.busy = 30ms;
        s.transitional = RunningSchedule{ 10ms, 0.1, 30ms };
        poller->setSessionSchedule(s);
        poller->poller()->setErrorBackoff(ErrorBackoff{ 10ms, 40ms, 2.0, 0.2 });
        return poller;
    }

    int count(const QByteArray &method, const QString &path) const
    {
        return int(m_server->requests(method, path).size());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_fixture.setUp(this));
        m_session = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        QTRY_COMPARE(m_server->sessionState(m_session), QStringLiteral("idle"));
    }

    void cleanup()
    {
        m_fixture.tearDown();
    }

    void oneStatementIsFollowedThroughTheCheapStateCall()
    {
        StatementListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SessionPoller *poller = makePoller(&model);
        poller->setProgressInterval(0ms);
        QSignalSpy finished(poller, &SessionPoller::statementFinished);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        poller->start(SessionState::Idle);

        const Statement s = submit(QStringLiteral("#fake:duration=300\n1+1"));
        QCOMPARE(s.state, StatementState::Waiting);
        model.upsert(s);
        m_server->clearRequests();
        poller->track(s);

        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().value<Statement>().id, s.id);
        QCOMPARE(model.statement(s.id)->state, StatementState::Available);
        QCOMPARE(model.statement(s.id)->output->data.value(QStringLiteral("text/plain")).toString(), QStringLiteral("2"));
        QVERIFY(changed.count() >= 1);
        // While the session said busy only /state was asked; the statement was fetched once, when it went idle.
        QCOMPARE(count("GET", QStringLiteral("/sessions/\\d+/statements/\\d+")), 1);
        QVERIFY(count("GET", QStringLiteral("/sessions/\\d+/state")) >= 2);
        QVERIFY(poller->trackedIds().isEmpty());
        QVERIFY(poller->isRunning()); // the session stays open
    }

    void progressIsRefreshedDuringALongStatement()
    {
        StatementListModel model;
        SessionPoller *poller = makePoller(&model);
        poller->setProgressInterval(50ms);
        QSignalSpy finished(poller, &SessionPoller::statementFinished);
        poller->start(SessionState::Idle);
        const Statement s = submit(QStringLiteral("#fake:duration=600\nx"));
        model.upsert(s);
        m_server->clearRequests();
        poller->track(s);
        QVERIFY(finished.wait(5000));
        QVERIFY(count("GET", QStringLiteral("/sessions/\\d+/statements/\\d+")) >= 3);
    }

    /// Runs one statement of `code` through a poller with the given end signals; returns the requests it took
    /// while the statement was tracked, and the polls in each phase through `phases`.
    int runWithEndSignals(const QString &code, bool endSignals, QList<int> *phases = nullptr)
    {
        StatementListModel model;
        SessionPoller *poller = makePoller(&model);
        poller->setRunningSchedule(RunningSchedule{ 5ms, 0.1, 40ms });
        poller->setProgressInterval(1000ms);
        poller->setEndSignals(endSignals);
        poller->setEndSchedule(EndSchedule{ 5ms, 40ms, 0.03, 400ms });
        QSignalSpy finished(poller, &SessionPoller::statementFinished);
        poller->start(SessionState::Idle);
        const Statement s = submit(code);
        model.upsert(s);
        m_server->clearRequests();
        poller->track(s);
        if (!finished.wait(10000))
            return -1;
        const int sent = int(m_server->requests().size());
        if (phases) {
            for (const auto phase : { EndSchedule::Phase::Blind, EndSchedule::Phase::Quiet, EndSchedule::Phase::Window,
                                      EndSchedule::Phase::Overdue })
                phases->append(poller->pollsIn(phase));
        }
        poller->stop();
        delete poller;
        return sent;
    }

    void endSignalsGatherPollsWhereProgressSaysTheEndIs()
    {
        // The fake's progress grows linearly with the statement's time, as a Spark job of even tasks does.
        QList<int> phases;
        const int withSignals = runWithEndSignals(QStringLiteral("#fake:duration=1500\nx"), true, &phases);
        QVERIFY(withSignals > 0);
        QVERIFY2(phases.at(1) >= 1 && phases.at(2) >= 2,
                 qPrintable(QStringLiteral("blind %1, quiet %2, window %3, overdue %4")
                                .arg(phases.at(0)).arg(phases.at(1)).arg(phases.at(2)).arg(phases.at(3))));
        // Quiet polls fetch the statement (its progress refines the estimate), the window's polls ask /state.
        QVERIFY(count("GET", QStringLiteral("/sessions/\\d+/statements/\\d+")) >= 3);
        const int blind = runWithEndSignals(QStringLiteral("#fake:duration=1500\nx"), false);
        QVERIFY2(withSignals < blind, qPrintable(QStringLiteral("%1 requests with end signals, %2 without").arg(withSignals).arg(blind)));
    }

    void sparkRemainingTimeIsAnEndSignalForTheHeadOnly()
    {
        StatementListModel model;
        SessionPoller *poller = makePoller(&model);
        poller->setProgressInterval(0ms); // no progress from Livy: only Spark's time left
        poller->setEndSchedule(EndSchedule{ 5ms, 40ms, 0.03, 400ms });
        QSignalSpy finished(poller, &SessionPoller::statementFinished);
        poller->start(SessionState::Idle);
        const Statement s = submit(QStringLiteral("#fake:duration=1200\nx"));
        model.upsert(s);
        poller->track(s);
        poller->setRemainingHint(s.id + 1, 100ms); // not the head: ignored
        QCOMPARE(poller->endEstimate().source(), EndEstimate::Source::None);
        poller->setRemainingHint(s.id, 1100ms);
        QCOMPARE(poller->endEstimate().source(), EndEstimate::Source::Spark);
        QVERIFY(poller->endEstimate().end()->count() >= 1100);
        QTRY_COMPARE_WITH_TIMEOUT(poller->lastPhase(), EndSchedule::Phase::Window, 3000);
        QVERIFY(finished.wait(5000));
        QVERIFY(poller->pollsIn(EndSchedule::Phase::Quiet) >= 1);
        // The next statement starts with no expectation.
        QCOMPARE(poller->endEstimate().source(), EndEstimate::Source::None);
        poller->setEndSignals(false);
        const Statement t = submit(QStringLiteral("#fake:duration=300\nx"));
        model.upsert(t);
        poller->track(t);
        poller->setRemainingHint(t.id, 200ms); // signals off: nothing changes
        QCOMPARE(poller->endEstimate().source(), EndEstimate::Source::None);
        QVERIFY(finished.wait(5000));
    }

    void queuedStatementsAreFollowedOneByOne()
    {
        StatementListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SessionPoller *poller = makePoller(&model);
        QList<int> order;
        connect(poller, &SessionPoller::statementFinished, this, [&order](const Statement &s) { order.append(s.id); });
        poller->start(SessionState::Idle);
        QList<Statement> submitted;
        for (const int ms : { 150, 30, 120, 10 }) {
            submitted.append(submit(QStringLiteral("#fake:duration=%1\n1+%1").arg(ms)));
            model.upsert(submitted.last());
            poller->track(submitted.last());
        }
        QCOMPARE(poller->trackedIds().size(), 4);
        // The session stays busy from the first to the last: the statements themselves tell when each ends.
        QTRY_COMPARE(order.size(), 4);
        QCOMPARE(order, (QList<int>{ submitted[0].id, submitted[1].id, submitted[2].id, submitted[3].id }));
        for (const Statement &s : submitted)
            QCOMPARE(model.statement(s.id)->state, StatementState::Available);
        QVERIFY(model.pendingIds().isEmpty());
    }

    void terminalSessionStopsPolling()
    {
        StatementListModel model;
        SessionPoller *poller = makePoller(&model);
        QSignalSpy ended(poller, &SessionPoller::ended);
        QSignalSpy stateChanged(poller, &SessionPoller::stateChanged);
        poller->start(SessionState::Idle);
        QTRY_VERIFY(count("GET", QStringLiteral("/sessions/\\d+/state")) >= 2);
        m_server->setSessionState(m_session, QStringLiteral("dead"));
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.first().first().value<SessionState>(), SessionState::Dead);
        QCOMPARE(stateChanged.last().first().value<SessionState>(), SessionState::Dead);
        QVERIFY(!poller->isRunning());
        QTest::qWait(50); // a request already on its way when polling stopped still arrives
        const int after = count({}, QStringLiteral("/sessions/.*"));
        QTest::qWait(100); // several idle intervals
        QCOMPARE(count({}, QStringLiteral("/sessions/.*")), after);
    }

    void startingSessionIsWatchedUntilReady()
    {
        m_server->setStartupDelay(150);
        m_session = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("spark") } });
        StatementListModel model;
        SessionPoller *poller = makePoller(&model);
        QSignalSpy stateChanged(poller, &SessionPoller::stateChanged);
        poller->start(SessionState::Starting);
        QTRY_COMPARE(poller->state(), SessionState::Idle);
        QCOMPARE(stateChanged.last().first().value<SessionState>(), SessionState::Idle);
    }

    void missingSessionIsGone()
    {
        StatementListModel model;
        SessionPoller *poller = makePoller(&model);
        QSignalSpy gone(poller, &SessionPoller::gone);
        poller->start(SessionState::Idle);
        QTRY_VERIFY(count("GET", QStringLiteral("/sessions/\\d+/state")) >= 1);
        QVERIFY(m_server->removeSession(m_session));
        QVERIFY(gone.wait(5000));
        QVERIFY(gone.first().first().value<LivyError>().isNotFound());
        QVERIFY(!poller->isRunning());
    }

    void unknownStatementIsDroppedNotTheSession()
    {
        StatementListModel model;
        SessionPoller *poller = makePoller(&model);
        QSignalSpy gone(poller, &SessionPoller::gone);
        poller->start(SessionState::Idle);
        Statement phantom;
        phantom.id = 41;
        phantom.state = StatementState::Running;
        poller->track(phantom);
        Statement other;
        other.id = 42;
        other.state = StatementState::Waiting;
        poller->track(other); // two pending: the poller asks for the statements themselves
        QTRY_VERIFY(poller->trackedIds().isEmpty());
        QVERIFY(count("GET", QStringLiteral("/sessions/\\d+/statements/41")) >= 1);
        QCOMPARE(gone.count(), 0);
        QVERIFY(poller->isRunning());
    }

    void someoneElsesStatementIsDiscoveredAndFollowed()
    {
        StatementListModel model;
        SessionPoller *poller = makePoller(&model);
        QSignalSpy discovered(poller, &SessionPoller::statementDiscovered);
        poller->start(SessionState::Idle);
        // While idle the poller probes the next statement id: the bare 404 means nothing new.
        QTRY_VERIFY(count("GET", QStringLiteral("/sessions/\\d+/statements/0")) >= 1);
        QCOMPARE(model.rowCount(), 0);
        submit(QStringLiteral("#fake:duration=300\n1")); // someone else's statement
        QVERIFY(discovered.wait(5000));
        QCOMPARE(discovered.first().first().value<Statement>().id, 0);
        // Followed like one of ours to its end.
        QTRY_COMPARE(model.statement(0).value_or(Statement{}).state, StatementState::Available);
        // And the probing moves on to the next id.
        QTRY_VERIFY(count("GET", QStringLiteral("/sessions/\\d+/statements/1")) >= 1);
        QCOMPARE(poller->state(), SessionState::Idle);
    }

    void idleProbesStayCheapAndCheckTheState()
    {
        StatementListModel model;
        SessionPoller *poller = makePoller(&model);
        poller->start(SessionState::Idle);
        // Two probes, then a /state: the session's own state is still watched.
        QTRY_VERIFY(count("GET", QStringLiteral("/sessions/\\d+/state")) >= 1);
        QVERIFY(count("GET", QStringLiteral("/sessions/\\d+/statements/0")) >= 2);
        QVERIFY(count("GET", QStringLiteral("/sessions/\\d+/statements")) == 0); // never the whole list
    }

    void keepAliveConnectsOnSchedule()
    {
        KeepAlive keepAlive(m_connection);
        keepAlive.setSessionId(m_session);
        keepAlive.setSchedule(KeepAliveSchedule{ 40ms, 0ms });
        QSignalSpy refreshed(&keepAlive, &KeepAlive::sessionRefreshed);
        // Hidden windows do not stop keep-alives.
        m_activity->setActive(false);
        PollActivity::global()->setActive(false);
        keepAlive.start();
        QTRY_VERIFY(count("POST", QStringLiteral("/sessions/\\d+/connect")) >= 3);
        PollActivity::global()->setActive(true);
        QVERIFY(refreshed.count() >= 2);
        QCOMPARE(refreshed.first().first().value<Session>().id, m_session);
        keepAlive.stop();
        QTest::qWait(50); // a request already on its way when it stopped still arrives
        const int sent = count("POST", QStringLiteral("/sessions/\\d+/connect"));
        // The server saw what the keep-alive sent, but perhaps the last one, abandoned by stop().
        QVERIFY(sent >= keepAlive.sentCount() - 1 && sent <= keepAlive.sentCount());
        QTest::qWait(100);
        QCOMPARE(count("POST", QStringLiteral("/sessions/\\d+/connect")), sent);
    }

    void keepAliveUsesTheSessionsIdleTimeout()
    {
        KeepAlive keepAlive(m_connection);
        keepAlive.setSchedule(KeepAliveSchedule{ std::chrono::minutes(5), 20s });
        QCOMPARE(keepAlive.currentInterval(), std::chrono::milliseconds(std::chrono::minutes(5)));
        keepAlive.setIdleTimeoutHint(parseLivyDuration(QStringLiteral("3m")));
        QCOMPARE(keepAlive.currentInterval(), std::chrono::milliseconds(60s));
    }

    void keepAliveStopsWhenTheSessionIsGone()
    {
        KeepAlive keepAlive(m_connection);
        keepAlive.setSessionId(m_session);
        keepAlive.setSchedule(KeepAliveSchedule{ 20ms, 0ms });
        QSignalSpy gone(&keepAlive, &KeepAlive::gone);
        keepAlive.start();
        QTRY_VERIFY(keepAlive.sentCount() >= 1);
        m_server->removeSession(m_session);
        QVERIFY(gone.wait(5000));
        QVERIFY(!keepAlive.isRunning());
    }

    void logPollerFollowsASlidingBufferWithoutDuplicates()
    {
        m_server->setLogCapacity(30);
        m_session = m_server->createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        QTRY_COMPARE(m_server->sessionState(m_session), QStringLiteral("idle"));
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LogPoller poller(m_connection, &model);
        poller.poller()->setActivity(m_activity);
        poller.setSessionId(m_session);
        poller.setIntervals(10ms, 10ms);
        poller.setSessionState(SessionState::Idle);
        poller.start();
        QStringList written = m_server->log(m_session);
        QTRY_COMPARE(model.lines(), written);
        for (int burst = 0; burst < 12; ++burst) {
            QStringList lines;
            for (int i = 0; i < 7; ++i)
                lines << QStringLiteral("burst %1 line %2").arg(burst).arg(i);
            m_server->appendLog(m_session, lines);
            written += lines;
            QTRY_COMPARE(model.lines().constLast(), lines.constLast());
        }
        // Each burst is smaller than the ring: everything ever written, once, in order.
        QCOMPARE(model.lines(), written);
        QVERIFY(model.isReadingSnapshots());
        QCOMPARE(model.gapCount(), 0);
    }

    void logPollerReadsOnceMoreAtTheEnd()
    {
        LogModel model;
        LogPoller poller(m_connection, &model);
        poller.poller()->setActivity(m_activity);
        poller.setSessionId(m_session);
        poller.setIntervals(1h, 1h);
        poller.setSessionState(SessionState::Idle);
        QSignalSpy stopped(poller.poller(), &Poller::stopped);
        poller.start();
        QTRY_VERIFY(model.rowCount() > 0);
        m_server->appendLog(m_session, { QStringLiteral("ERROR the driver died") });
        poller.setSessionState(SessionState::Dead);
        QVERIFY(stopped.wait(5000));
        QCOMPARE(model.lines().constLast(), QStringLiteral("ERROR the driver died"));
    }
};

QTEST_GUILESS_MAIN(TestSessionPoller)
#include "tst_sessionpoller.moc"
