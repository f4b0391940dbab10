// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The lease budget (lifecycle/leasebudget.h): what is known about when Livy may end a session, and what is not;
// the ActivityLedger (which of LivyDesk's requests count, against the fake Livy); the LeaseWatch's warnings on a
// controllable clock.

#include "fakeserverfixture.h"
#include "lifecycle/activityledger.h"
#include "lifecycle/leasewatch.h"
#include "livy/connectsessionjob.h"
#include "livy/createsessionjob.h"
#include "livy/getsessionstatejob.h"
#include "livy/submitstatementjob.h"
#include "polling/keepalive.h"

#include <QSignalSpy>
#include <QTest>

using namespace Livy;
using namespace std::chrono_literals;
using Status = LeaseDeadline::Status;

namespace {

constexpr qint64 T0 = 1'800'000'000'000; // an epoch ms "now"

LeaseInputs v09()
{
    LeaseInputs in;
    in.capabilities = ServerCapabilities::fromVersion(QStringLiteral("0.9.0-incubating"));
    return in;
}

template<typename Job> Job *finish(Job *job)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &LivyJob::finished);
    job->start();
    if (spy.isEmpty())
        spy.wait(5000);
    return job;
}

} // namespace

class TestLeaseBudget : public FakeServerTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_fixture.setUp(this)); }
    void cleanup() { m_fixture.tearDown(); }

    // ---- the pure value ----

    void nothingKnownSaysUnknownAndWhy()
    {
        const LeaseBudget b = computeLeaseBudget(v09(), T0);
        QVERIFY(!b.isKnown());
        QCOMPARE(b.idle.status, Status::Unknown);
        QVERIFY2(b.idle.reason.contains(QLatin1String("livy.server.session.timeout")), qPrintable(b.idle.reason));
        QCOMPARE(b.lifetime.status, Status::Unknown);
        QVERIFY2(b.lifetime.reason.contains(QLatin1String("ttl-check")), qPrintable(b.lifetime.reason));
        QCOMPARE(b.heartbeat.status, Status::NotApplicable);
        QVERIFY(!b.remaining(T0));
        QVERIFY2(b.describe(T0).startsWith(QLatin1String("not known: ")), qPrintable(b.describe(T0)));
    }

    void idleTimeoutCountsFromLastActivity()
    {
        LeaseInputs in = v09();
        in.idleTimeout = QStringLiteral("10m");
        QCOMPARE(computeLeaseBudget(in, T0).idle.status, Status::Unknown); // no activity seen yet
        in.lastActivityMs = T0 - 60'000;
        const LeaseBudget b = computeLeaseBudget(in, T0);
        QCOMPARE(b.idle.status, Status::Counting);
        QCOMPARE(b.idle.limit, 10min);
        QCOMPARE(b.idle.notBeforeMs, T0 - 60'000 + 600'000);
        QCOMPARE(b.idle.byAboutMs, b.idle.notBeforeMs + 60'000); // Livy's checker runs every 60 s
        QCOMPARE(b.binding(), &b.idle);
        QCOMPARE(*b.remaining(T0), 9min);
        QCOMPARE(*b.remaining(T0 + 3'600'000), 0ms); // never negative
    }

    void keepAliveHoldsTheIdleTimeoutWhileOnTime()
    {
        LeaseInputs in = v09();
        in.idleTimeout = QStringLiteral("30m");
        in.lastActivityMs = T0;
        in.keepAliveInterval = 5min;
        LeaseBudget b = computeLeaseBudget(in, T0 + 60'000);
        QCOMPARE(b.idle.status, Status::KeptAlive);
        QVERIFY(!b.isKnown()); // nothing counts down
        QVERIFY2(b.describe(T0).contains(QLatin1String("kept alive")), qPrintable(b.describe(T0)));
        // The keep-alive has not been answered for its interval plus its grace: counting again.
        b = computeLeaseBudget(in, T0 + std::chrono::milliseconds(5min + 46s).count());
        QCOMPARE(b.idle.status, Status::Counting);
        QCOMPARE(b.idle.notBeforeMs, T0 + 1'800'000);
        // An interval that leaves no room under the timeout does not keep it alive.
        in.idleTimeout = QStringLiteral("5m");
        QCOMPARE(computeLeaseBudget(in, T0).idle.status, Status::Counting);
    }

    void ttlIsALifetimeOn09OnlyIfTheServerEnforcesIt()
    {
        LeaseInputs in = v09();
        in.ttl = QStringLiteral("90s");
        in.lastActivityMs = T0;
        QCOMPARE(computeLeaseBudget(in, T0).lifetime.status, Status::Unknown); // creation time unknown
        in.createdMs = T0 - 10'000;
        in.keepAliveInterval = 20s; // no help against a lifetime
        const LeaseBudget b = computeLeaseBudget(in, T0);
        QCOMPARE(b.lifetime.status, Status::Counting);
        QCOMPARE(b.lifetime.notBeforeMs, T0 + 80'000);
        QVERIFY(b.lifetime.reason.contains(QLatin1String("livy.server.session.ttl-check")));
        QCOMPARE(b.binding(), &b.lifetime);
        QCOMPARE(b.idle.status, Status::Unknown); // no idleTimeout: the server's own one is not visible
    }

    void ttlIsAnIdleTimeoutOn08()
    {
        LeaseInputs in;
        in.capabilities = ServerCapabilities::fromVersion(QStringLiteral("0.8.0-incubating"));
        in.ttl = QStringLiteral("2m");
        in.lastActivityMs = T0;
        in.createdMs = T0 - 3'600'000;
        const LeaseBudget b = computeLeaseBudget(in, T0);
        QCOMPARE(b.lifetime.status, Status::NotApplicable);
        QCOMPARE(b.idle.status, Status::Counting);
        QCOMPARE(b.idle.notBeforeMs, T0 + 120'000);
    }

    void ttlWithoutAKnownVersionIsUnknown()
    {
        LeaseInputs in;
        in.ttl = QStringLiteral("2m");
        in.lastActivityMs = T0;
        in.createdMs = T0;
        const LeaseBudget b = computeLeaseBudget(in, T0);
        QVERIFY(!b.isKnown());
        QVERIFY(b.idle.reason.contains(QLatin1String("version")));
        // An idleTimeout in the echo can only come from 0.9.
        in.idleTimeout = QStringLiteral("1h");
        QCOMPARE(computeLeaseBudget(in, T0).lifetime.status, Status::Counting);
    }

    void serverTimeoutOnlyWhenTheUserToldIt()
    {
        LeaseInputs in = v09();
        in.lastActivityMs = T0;
        in.serverIdleTimeout = 1h;
        const LeaseBudget b = computeLeaseBudget(in, T0);
        QCOMPARE(b.idle.status, Status::Counting);
        QCOMPARE(b.idle.notBeforeMs, T0 + 3'600'000);
    }

    void heartbeatCountsFromAnyAnsweredRequest()
    {
        LeaseInputs in = v09();
        in.heartbeatTimeoutInSecond = 120;
        QCOMPARE(computeLeaseBudget(in, T0).heartbeat.status, Status::Unknown);
        in.lastTouchMs = T0;
        const LeaseBudget b = computeLeaseBudget(in, T0);
        QCOMPARE(b.heartbeat.status, Status::Counting);
        QCOMPARE(b.heartbeat.notBeforeMs, T0 + 120'000);
    }

    void earliestRuleBinds()
    {
        LeaseInputs in = v09();
        in.ttl = QStringLiteral("1h");
        in.idleTimeout = QStringLiteral("10m");
        in.createdMs = T0;
        in.lastActivityMs = T0 + 55 * 60'000;
        const LeaseBudget b = computeLeaseBudget(in, T0 + 55 * 60'000);
        QCOMPARE(b.binding(), &b.lifetime); // 5 min of lifetime left, 10 min of idle
        QCOMPARE(*b.expiresNotBeforeMs(), T0 + 3'600'000);
    }

    void endedSessionHasNoLease()
    {
        LeaseInputs in = v09();
        in.idleTimeout = QStringLiteral("1m");
        in.lastActivityMs = T0;
        in.ended = true;
        const LeaseBudget b = computeLeaseBudget(in, T0);
        QVERIFY(b.ended);
        QVERIFY(!b.isKnown());
        QCOMPARE(b.describe(T0), QStringLiteral("ended"));
    }

    void badTimeStringsAreUnknown()
    {
        LeaseInputs in = v09();
        in.idleTimeout = QStringLiteral("soon");
        in.lastActivityMs = T0;
        QCOMPARE(computeLeaseBudget(in, T0).idle.status, Status::Unknown);
    }

    // ---- the ledger: which requests count (against the fake Livy) ----

    void ledgerCountsPostsNotGets()
    {
        auto *ledger = ActivityLedger::of(m_connection);
        QCOMPARE(ActivityLedger::of(m_connection), ledger); // one per connection
        qint64 now = T0;
        ledger->setClock([&now] { return now; });
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.name = QStringLiteral("lease");
        std::unique_ptr<CreateSessionJob> create(finish(new CreateSessionJob(m_connection, request)));
        QVERIFY(create->ok());
        const int id = create->session().id;
        ActivityLedger::Record r = ledger->record(id);
        QCOMPARE(r.createdMs, std::optional<qint64>(T0));
        QCOMPARE(r.lastActivityMs, std::optional<qint64>(T0));

        now = T0 + 5000; // a GET touches (heartbeat) but is no activity
        std::unique_ptr<GetSessionStateJob> get(finish(new GetSessionStateJob(m_connection, SessionRef::byId(id))));
        QVERIFY(get->ok());
        r = ledger->record(id);
        QCOMPARE(r.lastActivityMs, std::optional<qint64>(T0));
        QCOMPARE(r.lastTouchMs, std::optional<qint64>(T0 + 5000));

        now = T0 + 9000; // /connect by name is activity, found under the id
        std::unique_ptr<ConnectSessionJob> conn(
            finish(new ConnectSessionJob(m_connection, SessionRef::byName(QStringLiteral("lease")))));
        QVERIFY(conn->ok());
        r = ledger->record(id, QStringLiteral("lease"));
        QCOMPARE(r.lastActivityMs, std::optional<qint64>(T0 + 9000));
        QVERIFY2(r.lastActivityRoute.contains(QLatin1String("connect")), qPrintable(r.lastActivityRoute));

        // A statement counts once the server answered it.
        QTRY_COMPARE(m_server->sessionState(id), QStringLiteral("idle"));
        now = T0 + 12000;
        std::unique_ptr<SubmitStatementJob> submit(finish(
            new SubmitStatementJob(m_connection, SessionRef::byId(id), StatementRequest{ QStringLiteral("1+1"), {} })));
        QVERIFY(submit->ok());
        QCOMPARE(ledger->record(id).lastActivityMs, std::optional<qint64>(T0 + 12000));

        // A refused request is not counted: it may not have reached the session.
        m_server->setSessionState(id, QStringLiteral("dead"));
        now = T0 + 20000;
        std::unique_ptr<SubmitStatementJob> refused(finish(
            new SubmitStatementJob(m_connection, SessionRef::byId(id), StatementRequest{ QStringLiteral("1"), {} })));
        QVERIFY(!refused->ok());
        QCOMPARE(ledger->record(id).lastActivityMs, std::optional<qint64>(T0 + 12000));
    }

    // ---- the watch: warnings on a controllable clock ----

    void watchWarnsOnceBeforeTheDeadlineThenReachesIt()
    {
        qint64 now = T0;
        auto *ledger = ActivityLedger::of(m_connection);
        ledger->setClock([&now] { return now; });
        m_connection->setCapabilities(ServerCapabilities::fromVersion(QStringLiteral("0.9.0-incubating")));
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.ttl = QStringLiteral("10m");
        std::unique_ptr<CreateSessionJob> create(finish(new CreateSessionJob(m_connection, request)));
        QVERIFY(create->ok());

        LeaseWatch watch(m_connection);
        watch.setClock([&now] { return now; });
        watch.setWarnBefore(2min);
        QSignalSpy changed(&watch, &LeaseWatch::budgetChanged);
        QSignalSpy warned(&watch, &LeaseWatch::expiryWarning);
        QSignalSpy reached(&watch, &LeaseWatch::deadlineReached);
        watch.setSession(create->session());
        QVERIFY(!changed.isEmpty());
        const LeaseBudget first = watch.budget();
        QCOMPARE(first.binding(), &first.lifetime);
        QCOMPARE(*first.expiresNotBeforeMs(), T0 + 600'000);
        // The timer is armed for the warning (never longer than a minute, to notice a suspended machine).
        QCOMPARE(*watch.nextCheckIn(), 60s);
        QVERIFY(warned.isEmpty());

        now = T0 + 7 * 60'000;
        watch.reevaluate();
        QVERIFY(warned.isEmpty());
        QCOMPARE(*watch.nextCheckIn(), 60s); // the warning is due in exactly one minute

        now = T0 + 8 * 60'000 + 1;
        watch.reevaluate();
        QCOMPARE(warned.size(), 1);
        QCOMPARE(warned.first().at(1).value<std::chrono::milliseconds>(), 2min - 1ms);
        watch.reevaluate();
        QCOMPARE(warned.size(), 1); // once per deadline

        now = T0 + 10 * 60'000;
        watch.reevaluate();
        QCOMPARE(reached.size(), 1);
        QVERIFY(!watch.nextCheckIn()); // nothing further is due by time alone

        // The session ended: no lease, no more signals.
        Session ended = create->session();
        ended.state = SessionState::Dead;
        watch.setSession(ended);
        QVERIFY(watch.budget().ended);
        QCOMPARE(warned.size(), 1);
    }

    void activityMovesTheIdleDeadlineAndWarnsAgainLater()
    {
        qint64 now = T0;
        auto *ledger = ActivityLedger::of(m_connection);
        ledger->setClock([&now] { return now; });
        m_connection->setCapabilities(ServerCapabilities::fromVersion(QStringLiteral("0.9.0-incubating")));
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.idleTimeout = QStringLiteral("5m");
        std::unique_ptr<CreateSessionJob> create(finish(new CreateSessionJob(m_connection, request)));
        const int id = create->session().id;

        LeaseWatch watch(m_connection);
        watch.setClock([&now] { return now; });
        watch.setWarnBefore(1min);
        QSignalSpy warned(&watch, &LeaseWatch::expiryWarning);
        watch.setSession(create->session());
        const LeaseBudget first = watch.budget();
        QCOMPARE(first.binding(), &first.idle);
        now = T0 + 4 * 60'000 + 30'000;
        watch.reevaluate();
        QCOMPARE(warned.size(), 1);

        // A /connect (the user's keep-alive, or any activity) moves the deadline: the watch hears it by itself.
        QSignalSpy changed(&watch, &LeaseWatch::budgetChanged);
        std::unique_ptr<ConnectSessionJob> conn(finish(new ConnectSessionJob(m_connection, SessionRef::byId(id))));
        QVERIFY(conn->ok());
        QVERIFY(!changed.isEmpty());
        QCOMPARE(*watch.budget().expiresNotBeforeMs(), now + 300'000);
        now += 4 * 60'000 + 1;
        watch.reevaluate();
        QCOMPARE(warned.size(), 2); // a new deadline warns again
    }

    void keepAliveObjectIsReadAtEachEvaluation()
    {
        qint64 now = T0;
        ActivityLedger::of(m_connection)->setClock([&now] { return now; });
        m_connection->setCapabilities(ServerCapabilities::fromVersion(QStringLiteral("0.9.0-incubating")));
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.idleTimeout = QStringLiteral("10m");
        std::unique_ptr<CreateSessionJob> create(finish(new CreateSessionJob(m_connection, request)));
        KeepAlive keepAlive(m_connection);
        keepAlive.setSessionId(create->session().id);
        keepAlive.setIdleTimeoutHint(10min); // a third: 200 s
        LeaseWatch watch(m_connection);
        watch.setClock([&now] { return now; });
        watch.setKeepAlive(&keepAlive);
        watch.setSession(create->session());
        QCOMPARE(watch.budget().idle.status, Status::Counting); // not running yet
        keepAlive.start();
        watch.reevaluate();
        QCOMPARE(watch.budget().idle.status, Status::KeptAlive);
        QVERIFY(!watch.budget().isKnown());
        // Falls behind when the keep-alive is not answered for interval + grace: the watch is armed for that moment.
        QCOMPARE(*watch.nextCheckIn(), 60s);
        keepAlive.stop();
        watch.reevaluate();
        QCOMPARE(watch.budget().idle.status, Status::Counting);
    }
};

QTEST_GUILESS_MAIN(TestLeaseBudget)
#include "tst_leasebudget.moc"
