// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "polling/endestimate.h"
#include "polling/pollschedule.h"

#include <QTest>

#include <cmath>

using namespace Livy;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

class TestPollSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runningScheduleGrowsWithElapsedTime()
    {
        const RunningSchedule s{ 20ms, 0.1, 200ms };
        QCOMPARE(s.interval(0ms), 20ms);
        QCOMPARE(s.interval(-5ms), 20ms);
        QCOMPARE(s.interval(150ms), 20ms);
        QCOMPARE(s.interval(500ms), 50ms);
        QCOMPARE(s.interval(1999ms), 200ms);
        QCOMPARE(s.interval(std::chrono::hours(3)), 200ms);
        // Monotonic: a longer-running statement is never polled more often.
        milliseconds previous{ 0 };
        for (int t = 0; t < 5000; t += 37) {
            const milliseconds i = s.interval(milliseconds(t));
            QVERIFY(i >= previous);
            previous = i;
        }
        // A cap below the floor cannot make the interval shorter than the floor.
        QCOMPARE((RunningSchedule{ 50ms, 0.1, 10ms }).interval(10s), 50ms);
    }

    void runningScheduleRespectsTheRequestBudget()
    {
        // The default cap keeps a long statement at no more than 5 requests per second.
        const RunningSchedule s;
        QVERIFY(s.interval(std::chrono::minutes(10)) >= 200ms);
        QVERIFY(s.interval(0ms) <= 50ms);
    }

    void sessionSchedulePerState()
    {
        const SessionSchedule s;
        QCOMPARE(s.interval(SessionState::Idle, 0ms), std::optional<milliseconds>(s.idle));
        QCOMPARE(s.interval(SessionState::Busy, 0ms), std::optional<milliseconds>(s.busy));
        QCOMPARE(s.interval(SessionState::Starting, 0ms), std::optional<milliseconds>(250ms));
        QCOMPARE(s.interval(SessionState::Starting, 60s), std::optional<milliseconds>(1000ms));
        QCOMPARE(s.interval(SessionState::Recovering, 3s), std::optional<milliseconds>(300ms));
        QCOMPARE(s.interval(SessionState::Unknown, 0ms), std::optional<milliseconds>(250ms));
        // A state LivyDesk does not know backs off like an idle session rather than being polled every second.
        QCOMPARE(s.interval(SessionState::Unknown, 30s), std::optional<milliseconds>(3000ms));
        QCOMPARE(s.interval(SessionState::Unknown, 10min), std::optional<milliseconds>(s.idle));
        for (const SessionState terminal : { SessionState::Dead, SessionState::Error, SessionState::Killed, SessionState::Success })
            QVERIFY(!s.interval(terminal, 0ms));
        // An idle open session costs at most one request every 5 s.
        QVERIFY(s.idle >= 5s);
    }

    void sessionListSlowsDownWhenNothingChanges()
    {
        const SessionListSchedule s{ 1000ms, 15000ms, 2000ms, 0.25 };
        QCOMPARE(s.interval(0ms, false), 1000ms);
        QCOMPARE(s.interval(8s, false), 2000ms);
        QCOMPARE(s.interval(40s, false), 10000ms);
        QCOMPARE(s.interval(10min, false), 15000ms);
        QCOMPARE(s.interval(10min, true), 2000ms);
        QCOMPARE(s.interval(0ms, true), 1000ms);
    }

    void errorBackoffDoublesWithinJitterBounds()
    {
        const ErrorBackoff b{ 500ms, 30000ms, 2.0, 0.2 };
        QCOMPARE(b.interval(1, 0.5), 500ms);
        QCOMPARE(b.interval(2, 0.5), 1000ms);
        QCOMPARE(b.interval(3, 0.5), 2000ms);
        QCOMPARE(b.interval(0, 0.5), 500ms); // nonsense counts behave like the first failure
        QCOMPARE(b.interval(1000, 0.5), 30000ms);
        QCOMPARE(b.interval(1, 0.0), 400ms);
        QCOMPARE(b.interval(1, 0.999999), 600ms);
        for (int failures = 1; failures <= 40; ++failures) {
            const double raw = std::min(30000.0, 500.0 * std::pow(2.0, failures - 1));
            for (const double u : { 0.0, 0.1, 0.5, 0.9, 0.99999, -3.0, 7.0 }) {
                const qint64 ms = b.interval(failures, u).count();
                QVERIFY2(ms <= 30000, qPrintable(QString::number(ms)));
                QVERIFY2(double(ms) >= raw * 0.8 - 1 && double(ms) <= raw * 1.2 + 1, qPrintable(QString::number(ms)));
            }
        }
        // Jitter above 100 % is clamped: never a zero or negative delay.
        QVERIFY((ErrorBackoff{ 500ms, 30000ms, 2.0, 5.0 }).interval(1, 0.0) >= 0ms);
    }

    void keepAliveUsesTheShorterOfConfiguredAndSessionTimeout()
    {
        const KeepAliveSchedule k{ std::chrono::minutes(5), 20s };
        QCOMPARE(k.intervalFor(std::nullopt), milliseconds(std::chrono::minutes(5)));
        QCOMPARE(k.intervalFor(milliseconds(std::chrono::hours(1))), milliseconds(std::chrono::minutes(5)));
        QCOMPARE(k.intervalFor(milliseconds(std::chrono::minutes(6))), milliseconds(std::chrono::minutes(2)));
        QCOMPARE(k.intervalFor(milliseconds(30s)), 20000ms); // never below the minimum
        QCOMPARE(k.intervalFor(0ms), milliseconds(std::chrono::minutes(5)));
        // A test schedule shorter than the minimum is honoured.
        QCOMPARE((KeepAliveSchedule{ 50ms, 20s }).intervalFor(std::nullopt), 50ms);
    }

    void parsesLivyDurations()
    {
        QCOMPARE(parseLivyDuration(QStringLiteral("1500")), std::optional<milliseconds>(1500ms));
        QCOMPARE(parseLivyDuration(QStringLiteral("30s")), std::optional<milliseconds>(30s));
        QCOMPARE(parseLivyDuration(QStringLiteral("10m")), std::optional<milliseconds>(10min));
        QCOMPARE(parseLivyDuration(QStringLiteral("10min")), std::optional<milliseconds>(10min));
        QCOMPARE(parseLivyDuration(QStringLiteral(" 2h ")), std::optional<milliseconds>(2h));
        QCOMPARE(parseLivyDuration(QStringLiteral("1d")), std::optional<milliseconds>(24h));
        QCOMPARE(parseLivyDuration(QStringLiteral("2500us")), std::optional<milliseconds>(2ms));
        QCOMPARE(parseLivyDuration(QStringLiteral("250ms")), std::optional<milliseconds>(250ms));
        QVERIFY(!parseLivyDuration(QString()));
        QVERIFY(!parseLivyDuration(QStringLiteral("-1")));
        QVERIFY(!parseLivyDuration(QStringLiteral("abc")));
        QVERIFY(!parseLivyDuration(QStringLiteral("5x")));
    }

    void stepSchedulesRepeatTheirLastStep()
    {
        const StepSchedule sparkmagic{ { 200ms, 500ms, 500ms, 1000ms, 1000ms, 2000ms } };
        QCOMPARE(sparkmagic.interval(0), 200ms);
        QCOMPARE(sparkmagic.interval(4), 1000ms);
        QCOMPARE(sparkmagic.interval(5), 2000ms);
        QCOMPARE(sparkmagic.interval(500), 2000ms);
        QCOMPARE(sparkmagic.interval(-1), 200ms);
        QCOMPARE((StepSchedule{ { 1000ms } }).interval(7), 1000ms);
        QCOMPARE(StepSchedule{}.interval(0), 1000ms);
    }

    void endEstimateFromProgress()
    {
        EndEstimate e;
        QCOMPARE(e.source(), EndEstimate::Source::None);
        // Code outside Spark: Livy's progress stays 0, nothing to extrapolate.
        e.addProgress(100ms, 0.0);
        e.addProgress(900ms, 0.0);
        QVERIFY(!e.end());
        // One sample is not a rate; nor is a span shorter than MinSpan.
        e.addProgress(1000ms, 0.10);
        QVERIFY(!e.end());
        e.addProgress(1100ms, 0.12);
        QVERIFY(!e.end());
        // 10 % -> 30 % in 1 s: 70 % more takes 3.5 s.
        e.addProgress(2000ms, 0.30);
        QCOMPARE(e.source(), EndEstimate::Source::Progress);
        QCOMPARE(*e.end(), 5500ms);
        // The same progress seen again is no news of when it came: the first sight of it stays the sample (a stall
        // past the end is the schedule's, overdue). Going back (a second job) measures again.
        e.addProgress(2500ms, 0.30);
        QCOMPARE(*e.end(), 5500ms);
        e.addProgress(3000ms, 0.20);
        QVERIFY(!e.end());
        e.addProgress(4000ms, 0.60);
        QCOMPARE(*e.end(), 5000ms);
        // The end itself is no sample.
        e.addProgress(4500ms, 1.0);
        QCOMPARE(*e.end(), 5000ms);
        e.reset();
        QVERIFY(!e.end());
    }

    void endEstimateFromSparkWhileNewer()
    {
        EndEstimate e;
        e.addProgress(1000ms, 0.1);
        e.addProgress(2000ms, 0.3); // -> 5500
        e.addRemaining(2500ms, 1000ms);
        QCOMPARE(e.source(), EndEstimate::Source::Spark);
        QCOMPARE(*e.end(), 3500ms);
        e.addProgress(3000ms, 0.8); // newer progress: 0.7 in 2 s -> 0.2 more in 571 ms
        QCOMPARE(e.source(), EndEstimate::Source::Progress);
        QCOMPARE(*e.end(), 3571ms);
        e.addRemaining(-1ms, 5ms); // nonsense is ignored
        QCOMPARE(e.source(), EndEstimate::Source::Progress);
    }

    void endScheduleGathersPollsAtTheEnd()
    {
        const EndSchedule s{ 20ms, 60ms, 0.03, 1000ms };
        // No end expected: the blind delay.
        QCOMPARE(s.plan(500ms, std::nullopt, 50ms).delay, 50ms);
        QCOMPARE(s.plan(500ms, std::nullopt, 50ms).phase, EndSchedule::Phase::Blind);
        // End at 10 s: window ± 300 ms. From 1 s: halfway to the window's start, at most a second.
        QCOMPARE(s.halfWidth(10000ms), 300ms);
        QCOMPARE(s.plan(1000ms, 10000ms, 100ms).delay, 1000ms);
        QCOMPARE(s.plan(1000ms, 10000ms, 100ms).phase, EndSchedule::Phase::Quiet);
        QCOMPARE(s.plan(9000ms, 10000ms, 200ms).delay, 350ms);
        // Close to the window's start: exactly there, however short.
        QCOMPARE(s.plan(9600ms, 10000ms, 200ms).delay, 100ms);
        // Inside the window: dense; a short statement's window is at least ± 60 ms.
        QCOMPARE(s.plan(9800ms, 10000ms, 200ms).delay, 20ms);
        QCOMPARE(s.plan(10290ms, 10000ms, 200ms).phase, EndSchedule::Phase::Window);
        QCOMPARE(s.halfWidth(500ms), 60ms);
        QCOMPARE(s.plan(450ms, 500ms, 30ms).delay, 20ms);
        // Past the window the estimate was wrong: blind again.
        QCOMPARE(s.plan(10400ms, 10000ms, 200ms).delay, 200ms);
        QCOMPARE(s.plan(10400ms, 10000ms, 200ms).phase, EndSchedule::Phase::Overdue);
        // Never sparser than the blind schedule close to the window, never denser than it far from it.
        QCOMPARE(s.plan(500ms, 2000ms, 50ms).delay, 720ms);
        QCOMPARE(s.plan(1800ms, 2000ms, 180ms).delay, 140ms);
    }
};

QTEST_GUILESS_MAIN(TestPollSchedule)
#include "tst_pollschedule.moc"
