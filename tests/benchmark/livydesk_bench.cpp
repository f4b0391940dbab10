// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// livydesk_bench: the polling benchmark (a program, not a test).
//
// A workload of statements lasting 0.05 s to 20 s (log-uniform, fixed seed) runs against the in-process fake
// Livy server four times at once, each client on its own fake sessions: LivyDesk's SessionController (its
// production schedules), and the poll loops of pylivy, sparkmagic and Zeppelin replayed with plain protocol
// jobs. Statements in one session run serially, as in Livy; several sessions per client run in parallel to keep
// the run short. Reported: the client-added latency (the server marks the statement available -> the client's
// model has it), median and p95, requests per statement and per second, LivyDesk's steady request rate while a
// statement runs and the cost of an idle open session, and the peers' latencies relative to LivyDesk's.
//
// `--real [URL]` runs a workload against a REAL Livy instead (realbench.h): LivyDesk's SessionController, pylivy
// and sparkmagic (the released packages, from scripts/bench-peers' venv) at the same time, one session each.
// `--workload spark` makes each statement a Spark job (Livy's progress grows), `--spark-ui on` gives LivyDesk's lane
// the app's SparkTracker, so that what each end signal buys can be measured on the real server.

#include "controllers/sessioncontroller.h"
#include "fakelivyserver.h"
#include "livy/connection.h"
#include "pollbench.h"
#include "realbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

struct Client
{
    QString name;
    QString schedule;
    bool desk = false;
    Livy::StepSchedule steps;
    QNetworkAccessManager *nam = nullptr;
    Livy::Connection *connection = nullptr;
    QList<Bench::Lane *> lanes;
    double startedMs = 0;
    double finishedMs = -1;
};

struct Stats
{
    int count = 0;
    double median = 0;
    double p95 = 0;
    double mean = 0;
    double max = 0;
    int requests = 0;
    double perStatement = 0;
    double perRunningSecond = 0;
    double perWallSecond = 0;
};

Stats statsFor(const Client &c, const Bench::ServerClock &clock)
{
    Stats s;
    QList<double> latencies;
    double runningMs = 0;
    for (const Bench::Lane *lane : c.lanes) {
        for (const Bench::Sample &sample : lane->samples()) {
            latencies.append(sample.latencyMs);
            runningMs += sample.durationMs;
        }
        s.requests += clock.requestCount(lane->sessionId());
    }
    s.count = int(latencies.size());
    if (latencies.isEmpty())
        return s;
    s.median = Bench::percentile(latencies, 0.5);
    s.p95 = Bench::percentile(latencies, 0.95);
    s.max = *std::max_element(latencies.cbegin(), latencies.cend());
    double sum = 0;
    for (const double l : latencies)
        sum += l;
    s.mean = sum / double(latencies.size());
    s.perStatement = double(s.requests) / double(s.count);
    s.perRunningSecond = double(s.requests) / (runningMs / 1000.0);
    s.perWallSecond = double(s.requests) / ((c.finishedMs - c.startedMs) / 1000.0);
    return s;
}

QString ms(double v)
{
    return QStringLiteral("%1 ms").arg(v, 0, 'f', 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("livydesk_bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LivyDesk polling benchmark against the in-process fake Livy server, "
                                                    "or with --real against a real Livy, side by side with pylivy and sparkmagic"));
    parser.addHelpOption();
    const QCommandLineOption statementsOpt(QStringLiteral("statements"), QStringLiteral("Statements in the workload (default 200; 60 with --real)."), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption realOpt(QStringLiteral("real"),
                                     QStringLiteral("Run against a real Livy server: the URL given as argument, else a local one started (and "
                                                    "stopped) with scripts/local-livy. Durations 0.05-10 s; report section \"## Real server: "
                                                    "LivyDesk, pylivy and sparkmagic\"."));
    const QCommandLineOption clientsOpt(QStringLiteral("clients"), QStringLiteral("With --real: the clients to run (default LivyDesk,pylivy,sparkmagic)."),
                                        QStringLiteral("LIST"), QStringLiteral("LivyDesk,pylivy,sparkmagic"));
    const QCommandLineOption instanceOpt(QStringLiteral("instance"), QStringLiteral("With --real and no URL: the scripts/local-livy instance (default bench)."),
                                         QStringLiteral("NAME"), QStringLiteral("bench"));
    const QCommandLineOption progressOpt(QStringLiteral("progress-interval"),
                                         QStringLiteral("LivyDesk: fetch a statement followed through /state at least this often for its progress, ms (0 = never)."),
                                         QStringLiteral("MS"), QString::number(Livy::SessionControllerSettings().progressInterval.count()));
    const QCommandLineOption endSignalsOpt(QStringLiteral("end-signals"),
                                           QStringLiteral("LivyDesk: place polls where a running statement's end is expected from Livy's progress "
                                                          "and the Spark UI (SessionControllerSettings::endSignals): on (the product's default) or off."),
                                           QStringLiteral("on|off"), Livy::SessionControllerSettings().endSignals ? QStringLiteral("on") : QStringLiteral("off"));
    const QCommandLineOption workloadOpt(QStringLiteral("workload"),
                                         QStringLiteral("With --real: what each statement runs: sleep (time.sleep(d) on the driver, no Spark job: "
                                                        "Livy's progress stays 0; the default) or spark (a Spark job whose tasks' sleeps add up to d, "
                                                        "so that Livy's progress and the Spark UI's task counts grow; report section \"## Real server: "
                                                        "Spark jobs and the end signals\", one subsection per variant)."),
                                         QStringLiteral("sleep|spark"), QStringLiteral("sleep"));
    const QCommandLineOption tasksOpt(QStringLiteral("tasks"), QStringLiteral("With --workload spark: tasks per statement's job (default 16)."),
                                      QStringLiteral("T"), QStringLiteral("16"));
    const QCommandLineOption sparkUiOpt(QStringLiteral("spark-ui"),
                                        QStringLiteral("With --real: LivyDesk's lane tracks the session's Spark UI as the app does (a SparkTracker whose "
                                                       "time left goes to the session's poller): on or off (the default)."),
                                        QStringLiteral("on|off"), QStringLiteral("off"));
    const QCommandLineOption traceOpt(QStringLiteral("trace"),
                                      QStringLiteral("With --real: write what LivyDesk's lane saw of each statement (progress, polls, expected end, "
                                                     "Spark UI time left) to this JSON file."),
                                      QStringLiteral("FILE"));
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("With --real: the Livy server's base URL (default: start a local one)."), QStringLiteral("[URL]"));
    const QCommandLineOption quickOpt(QStringLiteral("quick"), QStringLiteral("A short run: 40 statements."));
    const QCommandLineOption sessionsOpt(QStringLiteral("sessions"), QStringLiteral("Fake sessions per client run in parallel (default 5)."), QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Workload seed (default 1)."), QStringLiteral("SEED"), QStringLiteral("1"));
    const QCommandLineOption scaleOpt(QStringLiteral("scale"), QStringLiteral("Multiply every duration (default 1)."), QStringLiteral("F"), QStringLiteral("1"));
    const QCommandLineOption markdownOpt(QStringLiteral("markdown"), QStringLiteral("Write the report into this Markdown file's \"## Polling latency\" section (with --real: its real-server section)."), QStringLiteral("FILE"));
    // Tuning knobs for LivyDesk's running-statement schedule (defaults: the product's RunningSchedule).
    const Livy::RunningSchedule productSchedule;
    const QCommandLineOption floorOpt(QStringLiteral("floor"), QStringLiteral("Shortest poll interval, ms."), QStringLiteral("MS"), QString::number(productSchedule.floor.count()));
    const QCommandLineOption fractionOpt(QStringLiteral("fraction"), QStringLiteral("Interval as a fraction of the running time."), QStringLiteral("F"), QString::number(productSchedule.fraction));
    const QCommandLineOption capOpt(QStringLiteral("cap"), QStringLiteral("Longest poll interval, ms."), QStringLiteral("MS"), QString::number(productSchedule.cap.count()));
    parser.addOptions({ statementsOpt, quickOpt, sessionsOpt, seedOpt, scaleOpt, markdownOpt, floorOpt, fractionOpt, capOpt,
                        realOpt, clientsOpt, instanceOpt, progressOpt, endSignalsOpt, workloadOpt, tasksOpt, sparkUiOpt, traceOpt });
    parser.process(app);

    // LivyDesk's production settings (keep-alive included), as the app uses them, with the schedule's knobs.
    Livy::SessionControllerSettings deskSettings;
    deskSettings.running.floor = milliseconds(parser.value(floorOpt).toInt());
    deskSettings.running.fraction = parser.value(fractionOpt).toDouble();
    deskSettings.running.cap = milliseconds(parser.value(capOpt).toInt());
    deskSettings.progressInterval = milliseconds(parser.value(progressOpt).toInt());
    const QString endSignals = parser.value(endSignalsOpt).toLower();
    if (endSignals != QLatin1String("on") && endSignals != QLatin1String("off")) {
        std::fprintf(stderr, "livydesk_bench: --end-signals takes on or off\n");
        return 2;
    }
    deskSettings.endSignals = endSignals == QLatin1String("on");

    if (parser.isSet(realOpt)) {
        Bench::RealOptions real;
        real.workload = parser.value(workloadOpt).toLower();
        if (real.workload != QLatin1String("sleep") && real.workload != QLatin1String("spark")) {
            std::fprintf(stderr, "livydesk_bench: --workload takes sleep or spark\n");
            return 2;
        }
        real.tasks = std::clamp(parser.value(tasksOpt).toInt(), 1, 10000);
        const QString sparkUi = parser.value(sparkUiOpt).toLower();
        if (sparkUi != QLatin1String("on") && sparkUi != QLatin1String("off")) {
            std::fprintf(stderr, "livydesk_bench: --spark-ui takes on or off\n");
            return 2;
        }
        real.sparkUi = sparkUi == QLatin1String("on");
        real.trace = parser.value(traceOpt);
        if (!parser.positionalArguments().isEmpty())
            real.url = QUrl(parser.positionalArguments().constFirst());
        real.instance = parser.value(instanceOpt);
        real.statements = parser.isSet(statementsOpt) ? std::max(1, parser.value(statementsOpt).toInt()) : 60;
        real.seed = parser.value(seedOpt).toUInt();
        real.scale = std::max(0.01, parser.value(scaleOpt).toDouble());
        real.clients = parser.value(clientsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
        real.desk = deskSettings;
        const Livy::RunningSchedule &rs = deskSettings.running;
        real.deskSchedule = QStringLiteral("the production SessionControllerSettings%1: while its one statement runs, "
                                           "`GET /sessions/{id}/state` re-armed after each reply at %2 % of the running time, "
                                           "at least %3 ms and at most %4 ms; the statement itself when the session turns idle "
                                           "and every %5 ms for its progress; end signals %6.")
                                .arg(parser.isSet(floorOpt) || parser.isSet(fractionOpt) || parser.isSet(capOpt) || parser.isSet(progressOpt)
                                             || parser.isSet(endSignalsOpt)
                                         ? QStringLiteral(" with the schedule given on the command line")
                                         : QString())
                                .arg(rs.fraction * 100)
                                .arg(rs.floor.count())
                                .arg(rs.cap.count())
                                .arg(deskSettings.progressInterval.count())
                                .arg(deskSettings.endSignals
                                         ? QStringLiteral("on (polls gather where Livy's progress or the Spark UI put the statement's end; "
                                                          "EndSchedule dense %1 ms, window ±%2 ms or %3 %, quiet %4 ms)")
                                               .arg(deskSettings.endSchedule.dense.count())
                                               .arg(deskSettings.endSchedule.window.count())
                                               .arg(deskSettings.endSchedule.spread * 100)
                                               .arg(deskSettings.endSchedule.quiet.count())
                                         : QStringLiteral("off (the blind RunningSchedule only)"));
        real.markdown = parser.value(markdownOpt);
        real.command = QCoreApplication::arguments().join(QLatin1Char(' '));
        // Where scripts/local-livy took Livy's jars from, when it was told (docs/real-livy.md §2).
        if (real.url.isEmpty() && qEnvironmentVariableIsSet("LIVYDESK_LIVY_REPO"))
            real.command.prepend(QStringLiteral("LIVYDESK_LIVY_REPO=%1 ").arg(qEnvironmentVariable("LIVYDESK_LIVY_REPO")));
        real.sourceDir = QStringLiteral(LIVYDESK_SOURCE_DIR);
        return Bench::runReal(real);
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "livydesk_bench: a URL is only taken with --real\n");
        return 2;
    }

    const int statements = parser.isSet(quickOpt) && !parser.isSet(statementsOpt) ? 40 : std::max(1, parser.value(statementsOpt).toInt());
    const int sessions = std::clamp(parser.value(sessionsOpt).toInt(), 1, 50);
    const quint32 seed = parser.value(seedOpt).toUInt();
    const double scale = std::max(0.01, parser.value(scaleOpt).toDouble());
    constexpr int MinMs = 50;
    constexpr int MaxMs = 20000;

    FakeLivy::Server server;
    if (!server.start()) {
        std::fprintf(stderr, "livydesk_bench: cannot start the fake Livy server\n");
        return 1;
    }
    server.setStartupDelay(0);
    server.setRetainedStatements(1000);
    Bench::ServerClock clock(&server);

    const QList<int> durations = Bench::makeWorkload(statements, MinMs, MaxMs, seed, scale);

    QList<Client> clients{
        { QStringLiteral("LivyDesk"), QStringLiteral("adaptive (below)"), true, {}, nullptr, nullptr, {}, 0, -1 },
        { QStringLiteral("pylivy"), QStringLiteral("0.1, 0.2, 0.3, 0.5 s, then 1 s"), false, { { 100ms, 200ms, 300ms, 500ms, 1000ms } }, nullptr, nullptr, {}, 0, -1 },
        { QStringLiteral("sparkmagic"), QStringLiteral("0.2, 0.5, 0.5, 1, 1 s, then 2 s"), false, { { 200ms, 500ms, 500ms, 1000ms, 1000ms, 2000ms } }, nullptr, nullptr, {}, 0, -1 },
        { QStringLiteral("Zeppelin"), QStringLiteral("fixed 1 s"), false, { { 1000ms } }, nullptr, nullptr, {}, 0, -1 },
    };

    int lanesLeft = 0;
    for (Client &c : clients) {
        // One network manager per client, like separate applications (each has its own connection pool).
        c.nam = new QNetworkAccessManager(&app);
        Livy::ConnectionSettings cs;
        cs.baseUrl = server.url();
        c.connection = new Livy::Connection(c.nam, cs, &app);
        for (int lane = 0; lane < sessions; ++lane) {
            const int id = server.createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
            QList<int> items;
            for (int i = lane; i < statements; i += sessions)
                items.append(i);
            if (items.isEmpty())
                continue;
            Bench::Lane *l = c.desk
                ? static_cast<Bench::Lane *>(new Bench::DeskLane(&clock, c.connection, id, items, durations, deskSettings, &app))
                : static_cast<Bench::Lane *>(new Bench::PeerLane(&clock, c.connection, id, items, durations, c.steps, &app));
            c.lanes.append(l);
            ++lanesLeft;
        }
    }
    // An open session nobody uses: what does it cost?
    const int idleSession = server.createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
    auto *idle = new Livy::SessionController(clients.first().connection, Livy::SessionRef::byId(idleSession), deskSettings, &app);

    double runStart = 0;
    double runEnd = 0;
    for (Client &c : clients) {
        for (Bench::Lane *l : std::as_const(c.lanes)) {
            QObject::connect(l, &Bench::Lane::done, &app, [&, client = &c] {
                if (std::all_of(client->lanes.cbegin(), client->lanes.cend(), [](const Bench::Lane *x) { return x->isDone(); }))
                    client->finishedMs = clock.nowMs();
                if (--lanesLeft == 0) {
                    runEnd = clock.nowMs();
                    QCoreApplication::quit();
                }
            });
        }
    }
    // Sessions start on the next event-loop turn; begin once every one is idle.
    QTimer::singleShot(50, &app, [&] {
        runStart = clock.nowMs();
        idle->attach();
        for (Client &c : clients) {
            c.startedMs = clock.nowMs();
            for (Bench::Lane *l : std::as_const(c.lanes))
                l->begin();
        }
    });
    std::fprintf(stderr, "livydesk_bench: %d statements (%.0f s of work per client), %d sessions per client...\n",
                 statements, double(std::accumulate(durations.cbegin(), durations.cend(), 0LL)) / 1000.0, sessions);
    QCoreApplication::exec();

    // ---- report ----
    QList<Stats> stats;
    for (const Client &c : std::as_const(clients))
        stats.append(statsFor(c, clock));
    const Stats &desk = stats.first();

    // LivyDesk's steady state: requests on a long statement's session after its first 3 s of running.
    QList<double> steadyRates;
    for (const Bench::Lane *lane : std::as_const(clients.first().lanes)) {
        int statementId = 0;
        for (const Bench::Sample &sample : lane->samples()) {
            const int sid = statementId++;
            if (sample.durationMs < 6000)
                continue;
            const double started = clock.startedAt(lane->sessionId(), sid);
            const double completed = clock.completedAt(lane->sessionId(), sid);
            if (started < 0 || completed < 0)
                continue;
            // The mean gap between consecutive requests in the window, as a rate (no edge effects).
            QList<double> window;
            for (const double t : clock.requestsFor(lane->sessionId())) {
                if (t >= started + 3000 && t < completed)
                    window.append(t);
            }
            if (window.size() >= 2)
                steadyRates.append(double(window.size() - 1) / ((window.constLast() - window.constFirst()) / 1000.0));
        }
    }
    const double idleSeconds = (runEnd - runStart) / 1000.0;
    const int idleRequests = clock.requestCount(idleSession);

    const Livy::RunningSchedule &rs = deskSettings.running;
    const QString command = QCoreApplication::arguments().join(QLatin1Char(' '));
    QString out;
    QTextStream md(&out);
    md << "## Polling latency\n\n";
    md << "Produced by `livydesk_bench` (tests/benchmark/livydesk_bench.cpp) with:\n\n";
    md << "```\n" << command << "\n```\n\n";
    QString load;
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly))
        load = QStringLiteral(", load average at the end %1").arg(QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 2));
    md << "Run " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ", " << LIVYDESK_BENCH_BUILD_TYPE
       << " build, Qt " << qVersion() << ", " << QThread::idealThreadCount() << " cores shared with other work" << load
       << ".\n\n";
    md << "Workload: " << statements << " statements lasting " << MinMs * scale / 1000.0 << " s to " << MaxMs * scale / 1000.0
       << " s, log-uniform (seed " << seed << "), against the in-process fake Livy server on 127.0.0.1 (`#fake:duration=MS`). "
       << "Each client runs the same workload on its own " << sessions << " fake sessions at the same time (statements "
       << "in one session run one after the other, as in Livy). Added latency = from the server marking a statement "
       << "available to the client's model holding it, both timed on one monotonic clock in this process.\n\n";
    md << "| Client | Poll schedule | Median added latency | p95 | Mean | Max | Requests / statement | Requests / s of running statement | Median vs LivyDesk | p95 vs LivyDesk |\n";
    md << "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (int i = 0; i < int(clients.size()); ++i) {
        const Stats &s = stats.at(i);
        md << "| " << clients.at(i).name << " | " << clients.at(i).schedule << " | " << ms(s.median) << " | " << ms(s.p95)
           << " | " << ms(s.mean) << " | " << ms(s.max) << " | " << QString::number(s.perStatement, 'f', 1) << " | "
           << QString::number(s.perRunningSecond, 'f', 2) << " | "
           << (i == 0 ? QStringLiteral("1") : QStringLiteral("%1×").arg(s.median / std::max(0.001, desk.median), 0, 'f', 1))
           << " | "
           << (i == 0 ? QStringLiteral("1") : QStringLiteral("%1×").arg(s.p95 / std::max(0.001, desk.p95), 0, 'f', 1))
           << " |\n";
    }
    md << "\nLivyDesk's schedule: `GET /sessions/{id}/state` while its one statement runs (the statement itself only "
       << "when the session turns idle, and every " << deskSettings.progressInterval.count() / 1000.0
       << " s for the progress bar), re-armed after each reply at " << rs.fraction * 100
       << " % of the statement's running time, at least " << rs.floor.count() << " ms and at most " << rs.cap.count()
       << " ms.\n\n";
    const double steadyMax = steadyRates.isEmpty() ? 0 : *std::max_element(steadyRates.cbegin(), steadyRates.cend());
    const double steadyMedian = Bench::percentile(steadyRates, 0.5);
    const bool okMedian = desk.median <= 75;
    const bool okP95 = desk.p95 <= 200;
    const bool okSteady = !steadyRates.isEmpty() && steadyMax <= 5.0;
    const bool okIdle = idleSeconds > 0 && double(idleRequests) / idleSeconds <= 0.2;
    md << "| Target | Result | |\n|---|---|---|\n";
    md << "| Median added latency ≤ 75 ms | " << ms(desk.median) << " | " << (okMedian ? "met" : "**missed**") << " |\n";
    md << "| p95 added latency ≤ 200 ms | " << ms(desk.p95) << " | " << (okP95 ? "met" : "**missed**") << " |\n";
    md << "| A running statement ≤ 5 requests/s at steady state | median " << QString::number(steadyMedian, 'f', 2)
       << ", max " << QString::number(steadyMax, 'f', 2) << " requests/s after its first 3 s (mean gap between requests; " << steadyRates.size()
       << " statements ≥ 6 s) | " << (okSteady ? "met" : "**missed**") << " |\n";
    md << "| An idle open session ≤ 1 request every 5 s | " << idleRequests << " requests in "
       << QString::number(idleSeconds, 'f', 0) << " s (one every "
       << QString::number(idleRequests ? idleSeconds / idleRequests : idleSeconds, 'f', 1)
       << " s, keep-alive included) | " << (okIdle ? "met" : "**missed**") << " |\n";
    md.flush();

    std::fputs(qPrintable(out), stdout);
    if (parser.isSet(markdownOpt)) {
        if (!Bench::writeSection(parser.value(markdownOpt), QStringLiteral("## Polling latency"), out)) {
            std::fprintf(stderr, "livydesk_bench: cannot write %s\n", qPrintable(parser.value(markdownOpt)));
            return 1;
        }
        std::fprintf(stderr, "livydesk_bench: wrote the \"## Polling latency\" section of %s\n",
                     qPrintable(parser.value(markdownOpt)));
    }
    return 0;
}
