// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// livydesk_bench_signals: what the end signals (SessionPoller::setEndSignals) buy, and what many sessions
// running at once cost, against the in-process fake Livy. The same workload (durations log-uniform, fixed seed)
// runs through LivyDesk's SessionController with the end signals off and on, as driver code without Spark jobs
// (Livy's progress stays 0: `#fake:progress=none`) and as Spark jobs of even tasks (progress grows with the time),
// then with 10 sessions at once. Not a test: nothing here is asserted, the report goes into docs/benchmarks.md.

#include "controllers/sessioncontroller.h"
#include "fakelivyserver.h"
#include "livy/connection.h"
#include "pollbench.h"
#include "polling/sessionpoller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSysInfo>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace std::chrono_literals;

namespace {

struct Variant
{
    QString name;
    bool driverCode = false;
    bool endSignals = true;
    int sessions = 5;
};

struct Result
{
    Variant variant;
    int statements = 0;
    double median = 0, p95 = 0, max = 0, mean = 0;
    double perStatement = 0;
    double perRunningSecond = 0; ///< requests while a statement ran (start to the client seeing its end) / running time
    double steady = 0;           ///< the same after the first 3 s, statements of 6 s or more
    int steadyCount = 0;
    double busiestSecond = 0;    ///< most requests to the server in any one second of the run
    double wallSeconds = 0;
    int phases[4] = { 0, 0, 0, 0 };
};

Result run(const Variant &variant, const QList<int> &durations)
{
    FakeLivy::Server server;
    if (!server.start())
        qFatal("livydesk_bench_signals: cannot start the fake Livy server");
    server.setStartupDelay(0);
    server.setRetainedStatements(1000);
    Bench::ServerClock clock(&server);
    QNetworkAccessManager nam;
    Livy::ConnectionSettings cs;
    cs.baseUrl = server.url();
    Livy::Connection connection(&nam, cs);
    Livy::SessionControllerSettings settings;
    settings.endSignals = variant.endSignals;

    QList<Bench::Lane *> lanes;
    QList<QList<int>> laneItems;
    for (int lane = 0; lane < variant.sessions; ++lane) {
        QList<int> items;
        for (int i = lane; i < int(durations.size()); i += variant.sessions)
            items.append(i);
        if (items.isEmpty())
            continue;
        const int id = server.createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        auto *l = new Bench::DeskLane(&clock, &connection, id, items, durations, settings, nullptr);
        if (variant.driverCode)
            l->setExtraDirective(QStringLiteral("#fake:progress=none"));
        lanes.append(l);
        laneItems.append(items);
    }
    QEventLoop loop;
    for (Bench::Lane *l : std::as_const(lanes)) {
        QObject::connect(l, &Bench::Lane::done, &loop, [&] {
            if (std::all_of(lanes.cbegin(), lanes.cend(), [](const Bench::Lane *x) { return x->isDone(); }))
                loop.quit();
        });
    }
    const double begin = clock.nowMs();
    for (Bench::Lane *l : std::as_const(lanes))
        l->begin();
    loop.exec();
    const double end = clock.nowMs();

    Result r;
    r.variant = variant;
    r.wallSeconds = (end - begin) / 1000.0;
    QList<double> latencies;
    double runningMs = 0, steadyMs = 0;
    int runningRequests = 0, steadyRequests = 0;
    QList<double> allRequests;
    for (int li = 0; li < int(lanes.size()); ++li) {
        const Bench::Lane *l = lanes.at(li);
        const QList<double> &requests = clock.requestsFor(l->sessionId());
        allRequests += requests;
        const QList<Bench::Sample> &samples = l->samples();
        for (int k = 0; k < int(samples.size()); ++k) {
            const Bench::Sample &s = samples.at(k);
            if (s.latencyMs < 0)
                continue;
            latencies.append(s.latencyMs);
            // A fresh session numbers its statements from 0, in the lane's order.
            const double started = clock.startedAt(l->sessionId(), k);
            const double completed = clock.completedAt(l->sessionId(), k);
            if (started < 0 || completed < 0)
                continue;
            const double seen = completed + s.latencyMs;
            runningMs += seen - started;
            for (const double at : requests)
                runningRequests += at > started && at <= seen ? 1 : 0;
            if (completed - started >= 6000) {
                ++r.steadyCount;
                steadyMs += completed - (started + 3000);
                for (const double at : requests)
                    steadyRequests += at > started + 3000 && at <= completed ? 1 : 0;
            }
        }
        if (const auto *poller = l->findChild<Livy::SessionPoller *>()) {
            for (int p = 0; p < 4; ++p)
                r.phases[p] += poller->pollsIn(Livy::EndSchedule::Phase(p));
        }
    }
    std::sort(allRequests.begin(), allRequests.end());
    for (int i = 0, j = 0; i < int(allRequests.size()); ++i) {
        while (allRequests.at(i) - allRequests.at(j) >= 1000)
            ++j;
        r.busiestSecond = std::max(r.busiestSecond, double(i - j + 1));
    }
    r.statements = int(latencies.size());
    r.median = Bench::percentile(latencies, 0.5);
    r.p95 = Bench::percentile(latencies, 0.95);
    r.max = latencies.isEmpty() ? 0 : *std::max_element(latencies.cbegin(), latencies.cend());
    double sum = 0;
    for (const double v : latencies)
        sum += v;
    r.mean = latencies.isEmpty() ? 0 : sum / double(latencies.size());
    r.perStatement = r.statements ? double(runningRequests) / r.statements : 0;
    r.perRunningSecond = runningMs > 0 ? runningRequests / (runningMs / 1000.0) : 0;
    r.steady = steadyMs > 0 ? steadyRequests / (steadyMs / 1000.0) : 0;
    qDeleteAll(lanes);
    return r;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("What LivyDesk's end signals buy, and many sessions at once, against the fake Livy"));
    parser.addHelpOption();
    const QCommandLineOption statementsOpt(QStringLiteral("statements"), QStringLiteral("Statements per variant (default 200)."), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Workload seed (default 1)."), QStringLiteral("SEED"), QStringLiteral("1"));
    const QCommandLineOption markdownOpt(QStringLiteral("markdown"), QStringLiteral("Write the report into this Markdown file's \"## End signals and many sessions\" section."), QStringLiteral("FILE"));
    parser.addOptions({ statementsOpt, seedOpt, markdownOpt });
    parser.process(app);

    const int statements = std::max(10, parser.value(statementsOpt).toInt());
    const quint32 seed = parser.value(seedOpt).toUInt();
    const QList<int> durations = Bench::makeWorkload(statements, 50, 10000, seed, 1.0);
    const QList<Variant> variants{
        { QStringLiteral("driver code (`time.sleep`), end signals off"), true, false, 5 },
        { QStringLiteral("driver code (`time.sleep`), end signals on"), true, true, 5 },
        { QStringLiteral("Spark job of even tasks, end signals off"), false, false, 5 },
        { QStringLiteral("Spark job of even tasks, end signals on"), false, true, 5 },
        { QStringLiteral("Spark job of even tasks, end signals on, 10 sessions at once"), false, true, 10 },
        { QStringLiteral("driver code (`time.sleep`), end signals on, 10 sessions at once"), true, true, 10 },
    };
    QList<Result> results;
    for (const Variant &v : variants) {
        std::fprintf(stderr, "livydesk_bench_signals: %s ...\n", qPrintable(v.name));
        results.append(run(v, durations));
        const Result &r = results.last();
        std::fprintf(stderr, "  median %.0f ms, p95 %.0f ms, max %.0f ms, %.1f requests/statement, %.2f/s running, %.2f/s steady, "
                             "busiest second %.0f, phases blind %d quiet %d window %d overdue %d, %.0f s\n",
                     r.median, r.p95, r.max, r.perStatement, r.perRunningSecond, r.steady, r.busiestSecond, r.phases[0],
                     r.phases[1], r.phases[2], r.phases[3], r.wallSeconds);
    }

    QStringList args = QCoreApplication::arguments();
    args.first() = QStringLiteral("livydesk_bench_signals");
    const QString command = args.join(QLatin1Char(' '));
    QString md = QStringLiteral("## End signals and many sessions\n\n");
    md += QStringLiteral(
        "What the end signals buy (issue #17): while a statement runs, SessionPoller fetches it every quarter of its "
        "running time (250 ms to 2 s) for Livy's `progress`; once two values that moved give a rate (or the Spark UI's task "
        "counts give the time left), the polls before a window of ± max(60 ms, 3 %) around the expected end are statement "
        "fetches halfway to the window, at most 1 s apart, and inside the window cheap `/state` polls every 20 ms; past it the "
        "blind schedule (10 % of the running time, 30-200 ms) applies again. Driver code gives no signal (its progress is 0), "
        "so it is polled blind whether the signals are on or off.\n\n");
    md += QStringLiteral("Produced by `livydesk_bench_signals` (tests/benchmark/signalbench.cpp) with:\n\n```\n%1\n```\n\n")
              .arg(command);
    md += QStringLiteral("Run %1, %2 build, Qt %3, %4, 2 cores, load average at the end %5.\n\n")
              .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), QStringLiteral(LIVYDESK_BENCH_BUILD_TYPE),
                   QString::fromLatin1(qVersion()), QSysInfo::prettyProductName(), loadAverage());
    md += QStringLiteral("Workload: %1 statements lasting 0.05 s to 10 s, log-uniform (seed %2), each variant on fresh sessions of the "
                         "in-process fake Livy (statements of a session one after the other). LivyDesk's SessionController with its "
                         "production settings, end signals off or on. *Driver code* keeps Livy's progress at 0 until the end, as the "
                         "real server reports `time.sleep` (no Spark job); a *Spark job of even tasks* has progress growing with its time, "
                         "as Livy reports the completed share of the job group's tasks. Added latency = the server marking the statement "
                         "available to the controller holding it (one clock). Requests counted at the server: *per statement* and *per "
                         "second running* count those from the statement's start to the client seeing its end; *steady* the same after "
                         "its first 3 s, over the statements of 6 s or more.\n\n")
              .arg(statements)
              .arg(seed);
    md += QStringLiteral("| Variant | Median | p95 | Max | Requests / statement | Requests / s running | Steady requests / s | Busiest second (all sessions) | Polls blind / quiet / window / overdue |\n");
    md += QStringLiteral("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (const Result &r : std::as_const(results)) {
        md += QStringLiteral("| %1 | %2 ms | %3 ms | %4 ms | %5 | %6 | %7 | %8 | %9 |\n")
                  .arg(r.variant.name)
                  .arg(r.median, 0, 'f', 0)
                  .arg(r.p95, 0, 'f', 0)
                  .arg(r.max, 0, 'f', 0)
                  .arg(r.perStatement, 0, 'f', 1)
                  .arg(r.perRunningSecond, 0, 'f', 2)
                  .arg(r.steady, 0, 'f', 2)
                  .arg(r.busiestSecond, 0, 'f', 0)
                  .arg(QStringLiteral("%1 / %2 / %3 / %4").arg(r.phases[0]).arg(r.phases[1]).arg(r.phases[2]).arg(r.phases[3]));
    }
    md += QLatin1Char('\n');
    md += QStringLiteral("Against issue #17's goals (median ≤ 20 ms, p95 ≤ 80 ms, ≤ 5 requests/s per running statement):\n\n");
    md += QStringLiteral("| Variant | Median ≤ 20 ms | p95 ≤ 80 ms | ≤ 5 requests/s over the whole run | ≤ 5 requests/s steady |\n|---|---|---|---|---|\n");
    auto met = [](bool ok) { return ok ? QStringLiteral("met") : QStringLiteral("not met"); };
    auto atMost5 = [](double perSecond) { return std::round(perSecond * 100.0) <= 500.0; }; // as the table shows it
    for (const Result &r : std::as_const(results)) {
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                  .arg(r.variant.name, met(r.median <= 20), met(r.p95 <= 80), met(atMost5(r.perRunningSecond)), met(atMost5(r.steady)));
    }
    md += QStringLiteral(
        "\nThe whole-run rate is over 5 because of the first second of each statement: the blind schedule polls every 30 ms "
        "at first so that the many short statements are seen within tens of ms; once a statement has run 2 s it is polled "
        "at most 5 times a second, and with an expected end far fewer times until the window. Several sessions cost "
        "their sum: each open session has one poller and at most one request in flight, and several statements queued in "
        "one session cost one request per poll (`/state`, or the oldest pending statement), never one per statement. "
        "`statements?order=desc&size=k` would see a queue in one request, but Livy fetches every retained statement "
        "with its output from the driver for each such call, whatever the slice (one `getReplJobResults()` RPC for the "
        "whole list in Livy 0.9's InteractiveSession.statements), so it is not used "
        "for polling.\n");
    std::printf("%s", qPrintable(md));
    if (parser.isSet(markdownOpt) && !Bench::writeSection(parser.value(markdownOpt), QStringLiteral("## End signals and many sessions"), md)) {
        std::fprintf(stderr, "livydesk_bench_signals: cannot write %s\n", qPrintable(parser.value(markdownOpt)));
        return 1;
    }
    return 0;
}
