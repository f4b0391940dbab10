// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// `livydesk_bench --real`: the run (server, peers' venv, lanes, clean-up) and its report.

#include "livy/connection.h"
#include "livy/deletesessionjob.h"
#include "pollbench.h"
#include "realbench.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryFile>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace Bench {
namespace {

void say(const QString &text)
{
    std::fprintf(stderr, "livydesk_bench: %s\n", qPrintable(text));
}

/// Runs a helper script to its end (stderr passed through); its last stdout line, or empty on failure.
QString runScript(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, args);
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (p.state() != QProcess::NotRunning)
            p.kill();
        say(QStringLiteral("%1 %2 failed (exit code %3)").arg(program, args.join(QLatin1Char(' '))).arg(p.exitCode()));
        return {};
    }
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.constLast().trimmed();
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

QString machine()
{
    QString os = QStringLiteral("Linux");
    QFile f(QStringLiteral("/etc/os-release"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("PRETTY_NAME="))
                os = QString::fromUtf8(line.mid(12)).remove(QLatin1Char('"'));
        }
    }
    return QStringLiteral("%1, %2 cores").arg(os).arg(QThread::idealThreadCount());
}

/// "commit 1a2b3c4" of the source tree the benchmark was built from, "+ uncommitted changes in models/" when the
/// library under test differs from it (the figures are then those of the working tree).
QString treeState(const QString &sourceDir)
{
    QProcess git;
    git.start(QStringLiteral("git"), { QStringLiteral("-C"), sourceDir, QStringLiteral("rev-parse"), QStringLiteral("--short"), QStringLiteral("HEAD") });
    if (!git.waitForFinished(10000) || git.exitCode() != 0)
        return {};
    QString state = QStringLiteral("commit %1").arg(QString::fromLatin1(git.readAllStandardOutput()).trimmed());
    git.start(QStringLiteral("git"), { QStringLiteral("-C"), sourceDir, QStringLiteral("status"), QStringLiteral("--porcelain"), QStringLiteral("--"), QStringLiteral("models") });
    if (git.waitForFinished(10000) && git.exitCode() == 0 && !git.readAllStandardOutput().trimmed().isEmpty())
        state += QStringLiteral(" + uncommitted changes in models/");
    return state;
}

struct Stats
{
    int count = 0;
    int unstamped = 0; ///< samples without a server `completed` stamp (left out of the latencies)
    double median = 0;
    double p95 = 0;
    double max = 0;
    double mean = 0;
    int requests = 0;
    double perStatement = 0;
    double perRunningSecond = 0;
    double runningSeconds = 0;
    QList<double> steady; ///< requests/s after the first 3 s of statements running ≥ 6 s
    QMap<QString, int> routes;
    QList<QPair<double, double>> byDuration; ///< (running ms, added latency ms)
    int sparkUiRequests = 0; ///< to the Spark UI (not Livy; not in `requests`)
    QMap<QString, int> sparkUiRoutes;
};

/// Where LivyDesk's poller expected a statement's end, against the end the server stamped.
struct EndCheck
{
    enum Where { NoEstimate, InWindow, BeforeWindow, AfterWindow };
    Where where = NoEstimate;
    int source = 0;        ///< EndEstimate::Source of the last poll sent before the end
    double errorMs = 0;    ///< expected end − completed (positive: expected too late)
    int detectorPhase = -1; ///< EndSchedule::Phase of the first poll sent after the end (the one that saw it)
    double latencyMs = 0;
};

EndCheck checkEnd(const RealSample &x)
{
    EndCheck c;
    c.latencyMs = x.receivedMs - x.completedMs;
    const RealTrace::Poll *before = nullptr;
    for (const RealTrace::Poll &p : x.trace.polls) {
        if (p.atMs < x.completedMs) {
            before = &p;
        } else {
            c.detectorPhase = p.phase;
            break;
        }
    }
    if (!before || before->endMs <= 0)
        return c;
    c.source = before->source;
    c.errorMs = before->endMs - x.completedMs;
    if (std::abs(c.errorMs) <= before->halfWidthMs)
        c.where = EndCheck::InWindow;
    else
        c.where = c.errorMs > 0 ? EndCheck::BeforeWindow : EndCheck::AfterWindow;
    return c;
}

Stats statsFor(const RealResult &full)
{
    Stats s;
    // The goals count requests to Livy; the Spark UI's (LivyDesk's SparkTracker, to the driver) are told apart.
    RealResult r = full;
    r.requests.clear();
    for (const RealRequest &q : full.requests) {
        if (q.livy) {
            r.requests.append(q);
        } else {
            ++s.sparkUiRequests;
            ++s.sparkUiRoutes[q.route];
        }
    }
    QList<double> latencies;
    for (const RealSample &x : r.samples) {
        if (x.completedMs <= 0 || x.receivedMs <= 0) {
            ++s.unstamped;
            continue;
        }
        const double latency = x.receivedMs - x.completedMs;
        latencies.append(latency);
        if (x.startedMs > 0) {
            s.runningSeconds += (x.completedMs - x.startedMs) / 1000.0;
            s.byDuration.append({ x.completedMs - x.startedMs, latency });
        }
        // Steady state: the mean gap between the client's requests well inside a long statement's run.
        if (x.startedMs > 0 && x.completedMs - x.startedMs >= 6000) {
            QList<double> window;
            for (const RealRequest &q : r.requests) {
                if (q.atMs >= x.startedMs + 3000 && q.atMs < x.completedMs)
                    window.append(q.atMs);
            }
            if (window.size() >= 2)
                s.steady.append(double(window.size() - 1) / ((window.constLast() - window.constFirst()) / 1000.0));
            else
                s.steady.append(double(window.size()) / ((x.completedMs - x.startedMs - 3000) / 1000.0));
        }
    }
    s.count = int(latencies.size());
    s.requests = int(r.requests.size());
    for (const RealRequest &q : r.requests)
        ++s.routes[q.route];
    if (!r.samples.isEmpty())
        s.perStatement = double(s.requests) / double(r.samples.size());
    if (s.runningSeconds > 0)
        s.perRunningSecond = double(s.requests) / s.runningSeconds;
    if (latencies.isEmpty())
        return s;
    s.median = percentile(latencies, 0.5);
    s.p95 = percentile(latencies, 0.95);
    s.max = *std::max_element(latencies.cbegin(), latencies.cend());
    s.mean = std::accumulate(latencies.cbegin(), latencies.cend(), 0.0) / double(latencies.size());
    return s;
}

QString ms(double v)
{
    return QStringLiteral("%1 ms").arg(v, 0, 'f', 0);
}

QString ratio(double v, double base)
{
    if (base <= 0)
        return QStringLiteral("–");
    return QStringLiteral("%1×").arg(v / base, 0, 'f', 1);
}

bool sparkWorkload(const RealOptions &o)
{
    return o.workload == QLatin1String("spark");
}

/// The spark workload's report is one subsection per variant (which clients, which end signals).
QString variantTitle(const RealOptions &o)
{
    QStringList clients;
    for (const QString &c : { QStringLiteral("LivyDesk"), QStringLiteral("pylivy"), QStringLiteral("sparkmagic") }) {
        if (o.clients.contains(c, Qt::CaseInsensitive))
            clients << c;
    }
    QString who = clients.size() == 1 ? QStringLiteral("%1 alone").arg(clients.constFirst())
                                      : clients.mid(0, clients.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + clients.constLast();
    if (!o.clients.contains(QLatin1String("LivyDesk"), Qt::CaseInsensitive))
        return who;
    if (!o.desk.endSignals)
        return who + (o.sparkUi ? QStringLiteral(", end signals off (Spark UI tracked)") : QStringLiteral(", end signals off"));
    return who + (o.sparkUi ? QStringLiteral(", end signals on: Livy's progress + Spark UI") : QStringLiteral(", end signals on: Livy's progress only"));
}

QString phaseName(int phase)
{
    switch (phase) {
    case 0: return QStringLiteral("blind");
    case 1: return QStringLiteral("quiet");
    case 2: return QStringLiteral("window");
    case 3: return QStringLiteral("overdue");
    default: return QStringLiteral("–");
    }
}

/// LivyDesk's end signals at work: where its polls were placed, and how the expected ends compared with the real.
void endSignalReport(QTextStream &md, const RealOptions &o, const RealResult &desk)
{
    const int totalPolls = std::accumulate(std::begin(desk.phasePolls), std::end(desk.phasePolls), 0);
    md << "LivyDesk's polls of a running statement by phase (EndSchedule: *blind* = no expected end, the "
       << "RunningSchedule; *quiet* = before the window around the expected end, statement fetches; *window* = dense "
       << "`/state` polls around it; *overdue* = past the window, blind again): " << desk.phasePolls[0] << " / "
       << desk.phasePolls[1] << " / " << desk.phasePolls[2] << " / " << desk.phasePolls[3] << " (" << totalPolls << ").\n\n";
    if (!o.desk.endSignals) {
        md << "End signals off: every poll is blind; the statement is fetched every "
           << o.desk.progressInterval.count() << " ms for its progress bar and when the session turns idle.\n\n";
        return;
    }
    QList<EndCheck> checks;
    for (const RealSample &x : desk.samples) {
        if (x.completedMs > 0 && x.receivedMs > 0)
            checks.append(checkEnd(x));
    }
    const QStringList whereNames{ QStringLiteral("no expected end (polled blind)"),
                                  QStringLiteral("inside the window"),
                                  QStringLiteral("before the window (expected too late)"),
                                  QStringLiteral("after the window (expected too early: overdue)") };
    md << "Where each statement's end came, against the end LivyDesk expected at its last poll before it (Livy's "
       << "`completed` stamp vs the poller's estimate; window ± max(" << o.desk.endSchedule.window.count() << " ms, "
       << o.desk.endSchedule.spread * 100 << " % of the expected running time)):\n\n";
    md << "| End came | Statements | From progress / Spark UI | Median added latency | p95 | Expected − real end, median (min … max) | Seen by a poll in phase blind / quiet / window / overdue |\n";
    md << "|---|---:|---:|---:|---:|---|---|\n";
    for (int w = 0; w < 4; ++w) {
        QList<double> lat;
        QList<double> err;
        int fromProgress = 0;
        int fromSpark = 0;
        int detector[4] = { 0, 0, 0, 0 };
        for (const EndCheck &c : std::as_const(checks)) {
            if (int(c.where) != w)
                continue;
            lat.append(c.latencyMs);
            if (c.where != EndCheck::NoEstimate)
                err.append(c.errorMs);
            fromProgress += c.source == 1 ? 1 : 0;
            fromSpark += c.source == 2 ? 1 : 0;
            if (c.detectorPhase >= 0 && c.detectorPhase < 4)
                ++detector[c.detectorPhase];
        }
        md << "| " << whereNames.at(w) << " | " << lat.size() << " | ";
        if (lat.isEmpty()) {
            md << "– | – | – | – | – |\n";
            continue;
        }
        md << (w == 0 ? QStringLiteral("–") : QStringLiteral("%1 / %2").arg(fromProgress).arg(fromSpark)) << " | "
           << QString::number(percentile(lat, 0.5), 'f', 0) << " ms | " << QString::number(percentile(lat, 0.95), 'f', 0) << " ms | ";
        if (err.isEmpty())
            md << "– | ";
        else
            md << QString::number(percentile(err, 0.5), 'f', 0) << " ms (" << QString::number(*std::min_element(err.cbegin(), err.cend()), 'f', 0)
               << " … " << QString::number(*std::max_element(err.cbegin(), err.cend()), 'f', 0) << " ms) | ";
        md << detector[0] << " / " << detector[1] << " / " << detector[2] << " / " << detector[3] << " |\n";
    }
    md << "\n";

    // One statement's signals over time: the longest that ran at most 8 s (progress steps visible, short enough to list).
    const RealSample *pick = nullptr;
    for (const RealSample &x : desk.samples) {
        const double run = x.completedMs - x.startedMs;
        if (x.startedMs <= 0 || x.completedMs <= 0 || run > 8000)
            continue;
        if (!pick || run > pick->completedMs - pick->startedMs)
            pick = &x;
    }
    if (!pick)
        return;
    auto rel = [&](double at) { return QString::number((at - pick->startedMs) / 1000.0, 'f', 2); };
    md << "A sample statement (workload item " << pick->index << ", statement " << pick->statementId << ", ran "
       << QString::number((pick->completedMs - pick->startedMs) / 1000.0, 'f', 2) << " s, seen "
       << QString::number(pick->receivedMs - pick->completedMs, 'f', 0) << " ms after its end; times in s from Livy's "
       << "`started`, end at " << rel(pick->completedMs) << "):\n\n";
    QStringList progress;
    double last = -1;
    for (const RealTrace::Progress &p : pick->trace.progress) {
        if (p.progress != last || p.state != QLatin1String("running"))
            progress << QStringLiteral("%1 → %2%3").arg(rel(p.atMs)).arg(p.progress, 0, 'f', 3)
                            .arg(p.state == QLatin1String("running") ? QString() : QStringLiteral(" (%1)").arg(p.state));
        last = p.progress;
    }
    md << "- Livy's `progress` as LivyDesk's statement fetches saw it (answer time → value, changes only; "
       << pick->trace.progress.size() << " fetches): " << progress.join(QStringLiteral(", ")) << "\n";
    QStringList expected;
    double lastEnd = -1;
    int lastPhase = -1;
    for (const RealTrace::Poll &p : pick->trace.polls) {
        if (p.endMs == lastEnd && p.phase == lastPhase)
            continue;
        expected << QStringLiteral("%1: %2 %3").arg(rel(p.atMs), phaseName(p.phase),
                                                    p.endMs > 0 ? QStringLiteral("end %1 ± %2").arg(rel(p.endMs)).arg(p.halfWidthMs / 1000.0, 0, 'f', 2)
                                                                : QStringLiteral("(none)"));
        lastEnd = p.endMs;
        lastPhase = p.phase;
    }
    md << "- LivyDesk's polls (" << pick->trace.polls.size() << "), where the phase or the expected end changed "
       << "(sent at: phase, expected end ± half window): " << expected.join(QStringLiteral("; ")) << "\n";
    if (!pick->trace.hints.isEmpty()) {
        QStringList hints;
        for (const RealTrace::Hint &h : pick->trace.hints)
            hints << QStringLiteral("%1: end %2").arg(rel(h.atMs), rel(h.atMs + h.remainingMs));
        md << "- The Spark UI's time left, as end times (at: end): " << hints.join(QStringLiteral(", ")) << "\n";
    } else if (o.sparkUi) {
        md << "- The Spark UI gave no time left for it.\n";
    }
    md << "\n";
}

QString report(const RealOptions &o, const QList<RealResult> &results, const QString &serverText,
               const QString &loadBefore, const QString &startedUtc, const QList<int> &durations, const QString &tree)
{
    QList<Stats> stats;
    for (const RealResult &r : results)
        stats.append(statsFor(r));
    int deskIndex = -1;
    for (int i = 0; i < int(results.size()); ++i) {
        if (results.at(i).client == QLatin1String("LivyDesk"))
            deskIndex = i;
    }
    const Stats desk = deskIndex >= 0 ? stats.at(deskIndex) : Stats{};

    const bool spark = sparkWorkload(o);
    QString out;
    QTextStream md(&out);
    if (spark)
        md << "### " << variantTitle(o) << "\n\n";
    else
        md << "## Real server: LivyDesk, pylivy and sparkmagic\n\n";
    md << "Produced by `livydesk_bench --real` (tests/benchmark/realbench.cpp, realrun.cpp, peers/peerbench.py) with:\n\n";
    md << "```\n" << o.command << "\n```\n\n";
    md << "Run " << startedUtc << ", " << LIVYDESK_BENCH_BUILD_TYPE << " build, Qt " << qVersion() << ", " << machine()
       << " shared with the server, its Spark drivers and other work; load average before the run " << loadBefore
       << ", after it " << loadAverage() << ".\n\n";
    const double work = double(std::accumulate(durations.cbegin(), durations.cend(), 0LL)) / 1000.0;
    md << "Server: " << serverText << ". Workload: " << durations.size() << " pyspark statements ";
    if (spark) {
        QStringList slots;
        for (const RealResult &r : results)
            slots << QStringLiteral("%1 %2").arg(r.client, r.warmupOutput.isEmpty() ? QStringLiteral("?") : r.warmupOutput);
        // Running time beyond the tasks' sleeps: the job's own cost (scheduling, Python workers, results).
        QList<double> overhead;
        QList<double> running;
        for (const RealResult &r : results) {
            for (const RealSample &x : r.samples) {
                if (x.startedMs > 0 && x.completedMs > 0 && x.index >= 0 && x.index < int(durations.size())) {
                    running.append(x.completedMs - x.startedMs);
                    overhead.append(x.completedMs - x.startedMs - durations.at(x.index));
                }
            }
        }
        md << "`sc.parallelize(range(" << o.tasks << "), " << o.tasks << ").foreach(lambda _, s=d*S/" << o.tasks
           << ": time.sleep(s))`: one Spark job of " << o.tasks << " tasks on the session's S task slots (S = "
           << "`sc.defaultParallelism`, read into a variable by each session's warm-up statement: "
           << slots.join(QStringLiteral(", ")) << "), whose sleeps add up to d; d log-uniform in "
           << o.minMs * o.scale / 1000.0 << "–" << o.maxMs * o.scale / 1000.0 << " s (seed " << o.seed << ", "
           << QString::number(work, 'f', 0) << " s of sleep), the same list for every client. Livy's `progress` is "
           << "the completed share of the job's tasks, so it grows as they finish. No job runs in less than its own "
           << "cost: a statement ran d plus a median of " << QString::number(percentile(overhead, 0.5), 'f', 0)
           << " ms (" << QString::number(overhead.isEmpty() ? 0 : *std::min_element(overhead.cbegin(), overhead.cend()), 'f', 0)
           << " … " << QString::number(overhead.isEmpty() ? 0 : *std::max_element(overhead.cbegin(), overhead.cend()), 'f', 0)
           << " ms) on this machine, running times " << QString::number(running.isEmpty() ? 0 : *std::min_element(running.cbegin(), running.cend()) / 1000.0, 'f', 1)
           << "–" << QString::number(running.isEmpty() ? 0 : *std::max_element(running.cbegin(), running.cend()) / 1000.0, 'f', 1)
           << " s (median " << QString::number(percentile(running, 0.5) / 1000.0, 'f', 1) << " s). ";
    } else {
        md << "`time.sleep(d)` (driver side), d log-uniform in " << o.minMs * o.scale / 1000.0 << "–"
           << o.maxMs * o.scale / 1000.0 << " s (seed " << o.seed << ", " << QString::number(work, 'f', 0)
           << " s of sleep), the same list for every client. ";
    }
    md << "The clients run at the same time, each on its own pyspark session created through the client "
       << "itself and warmed up with one untimed statement; a client runs its statements one after the other. "
       << "Added latency = the client's API hands over the finished statement (epoch ms, this machine) minus the "
       << "server's `completed` stamp (epoch ms, same clock), read after the run with one separate GET. Requests are "
       << "counted inside each client while its workload runs: LivyDesk's at its QNetworkAccessManager, the peers' "
       << "at requests' HTTPAdapter in their own process (every request, keep-alive and heartbeat included)"
       << (o.sparkUi ? "; LivyDesk's requests to the Spark UI are counted apart (they go to the driver, not to Livy)" : "")
       << ".\n\n";

    md << "| Client | Version | Median added latency | p95 | Max | Mean | Requests / statement | Requests / s of running statement | Median vs LivyDesk | p95 vs LivyDesk |\n";
    md << "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (int i = 0; i < int(results.size()); ++i) {
        const RealResult &r = results.at(i);
        const Stats &s = stats.at(i);
        md << "| " << r.client << " | " << r.version << (i == deskIndex && !tree.isEmpty() ? QStringLiteral(" (%1)").arg(tree) : QString()) << " | ";
        if (s.count == 0) {
            md << "– | – | – | – | – | – | – | – |\n";
            continue;
        }
        md << ms(s.median) << " | " << ms(s.p95) << " | " << ms(s.max) << " | " << ms(s.mean) << " | "
           << QString::number(s.perStatement, 'f', 1) << " | " << QString::number(s.perRunningSecond, 'f', 2) << " | "
           << (i == deskIndex ? QStringLiteral("1") : ratio(s.median, desk.median)) << " | "
           << (i == deskIndex ? QStringLiteral("1") : ratio(s.p95, desk.p95)) << " |\n";
    }
    md << "\n";
    for (int i = 0; i < int(results.size()); ++i) {
        const RealResult &r = results.at(i);
        if (!r.error.isEmpty())
            md << "**" << r.client << " did not finish:** " << r.error << " (" << r.samples.size() << " of "
               << durations.size() << " statements).\n\n";
        if (stats.at(i).unstamped > 0)
            md << r.client << ": " << stats.at(i).unstamped << " statements had no `completed` stamp and are left out.\n\n";
    }

    // Latency by how long the statement ran: where each client's schedule stands when the end comes.
    const QList<QPair<double, double>> bins = spark ? QList<QPair<double, double>>{ { 0, 2000 }, { 2000, 5000 }, { 5000, 1e12 } }
                                                    : QList<QPair<double, double>>{ { 0, 500 }, { 500, 2000 }, { 2000, 1e12 } };
    md << "By running time (server `completed` − `started`), median / p95 added latency:\n\n";
    if (spark)
        md << "| Client | < 2 s | 2–5 s | ≥ 5 s |\n|---|---:|---:|---:|\n";
    else
        md << "| Client | < 0.5 s | 0.5–2 s | ≥ 2 s |\n|---|---:|---:|---:|\n";
    for (int i = 0; i < int(results.size()); ++i) {
        md << "| " << results.at(i).client;
        for (const auto &bin : bins) {
            QList<double> l;
            for (const auto &p : stats.at(i).byDuration) {
                if (p.first >= bin.first && p.first < bin.second)
                    l.append(p.second);
            }
            if (l.isEmpty())
                md << " | –";
            else
                md << " | " << QString::number(percentile(l, 0.5), 'f', 0) << " / " << QString::number(percentile(l, 0.95), 'f', 0)
                   << " ms (" << l.size() << ")";
        }
        md << " |\n";
    }
    md << "\nRequests during the run, by route:\n\n";
    for (int i = 0; i < int(results.size()); ++i) {
        QStringList parts;
        for (auto it = stats.at(i).routes.cbegin(); it != stats.at(i).routes.cend(); ++it)
            parts << QStringLiteral("%1 × `%2`").arg(it.value()).arg(it.key());
        md << "- " << results.at(i).client << " (" << stats.at(i).requests << "): " << parts.join(QStringLiteral(", ")) << "\n";
        if (stats.at(i).sparkUiRequests > 0) {
            QStringList ui;
            for (auto it = stats.at(i).sparkUiRoutes.cbegin(); it != stats.at(i).sparkUiRoutes.cend(); ++it)
                ui << QStringLiteral("%1 × `%2`").arg(it.value()).arg(it.key());
            md << "- " << results.at(i).client << "'s SparkTracker, to the Spark UI (" << stats.at(i).sparkUiRequests << "; "
               << QString::number(double(stats.at(i).sparkUiRequests) / std::max(1.0, double(results.at(i).samples.size())), 'f', 1)
               << " per statement, " << QString::number(stats.at(i).runningSeconds > 0 ? stats.at(i).sparkUiRequests / stats.at(i).runningSeconds : 0.0, 'f', 2)
               << " per second running): " << ui.join(QStringLiteral(", ")) << "\n";
        }
    }
    md << "\nLivyDesk's settings: " << o.deskSchedule;
    if (o.sparkUi) {
        QString reach;
        for (const RealResult &r : results) {
            if (r.client == QLatin1String("LivyDesk") && r.sparkUiReach >= 0)
                reach = r.sparkUiReach == 1 ? QStringLiteral("reachable at %1 at the end of the run").arg(r.sparkUiUrl)
                                            : QStringLiteral("**not reachable** (%1)").arg(r.sparkUiReason.isEmpty() ? QStringLiteral("not tried") : r.sparkUiReason);
        }
        md << " The lane is the SessionController with a SparkTracker on its statements, wired as Application::wireSession "
           << "does (SparkTracker::breakdownChanged → the breakdown's time left → SessionPoller::setRemainingHint); the "
           << "local server's drivers say in the session log where their UI is (docs/real-livy.md §8): " << reach << ".\n\n";
    } else if (spark) {
        md << " The lane is the SessionController alone, without the app's SparkTracker: "
           << (o.desk.endSignals ? "its end signals are Livy's `progress` and the session turning idle.\n\n"
                                 : "it polls blind and sees an end when the session turns idle (or a progress fetch finds it).\n\n");
    } else {
        md << " The lane is the SessionController alone, as the app opens a "
           << "session, without the app's SparkTracker (whose Spark UI requests go to the driver, not to Livy): `time.sleep` "
           << "runs no Spark job, so Livy's `progress` stays 0 and there is no task count either.\n\n";
    }
    if (spark && deskIndex >= 0 && desk.count > 0)
        endSignalReport(md, o, results.at(deskIndex));

    if (deskIndex >= 0 && desk.count > 0) {
        const double steadyMax = desk.steady.isEmpty() ? 0 : *std::max_element(desk.steady.cbegin(), desk.steady.cend());
        const double steadyMedian = percentile(desk.steady, 0.5);
        auto verdict = [](bool ok) { return ok ? "met" : "**not met**"; };
        md << "Issue #17's goals for LivyDesk on the real server:\n\n";
        md << "| Goal | Result | |\n|---|---|---|\n";
        md << "| Median added latency ≤ 20 ms | " << ms(desk.median) << " | " << verdict(desk.median <= 20) << " |\n";
        md << "| p95 added latency ≤ 80 ms | " << ms(desk.p95) << " | " << verdict(desk.p95 <= 80) << " |\n";
        md << "| ≤ 5 requests/s per running statement, whole run | "
           << QString::number(desk.perRunningSecond, 'f', 2) << " requests per second of statement running time | "
           << verdict(desk.perRunningSecond <= 5) << " |\n";
        md << "| ≤ 5 requests/s per running statement, steady state | ";
        if (desk.steady.isEmpty())
            md << "no statement ran ≥ 6 s | – |\n";
        else
            md << "median " << QString::number(steadyMedian, 'f', 2) << ", max " << QString::number(steadyMax, 'f', 2)
               << " requests/s after the first 3 s of the " << desk.steady.size() << " statements that ran ≥ 6 s | "
               << verdict(steadyMax <= 5) << " |\n";
    }
    md.flush();
    return out;
}

const QString SparkSection = QStringLiteral("## Real server: Spark jobs and the end signals");

/// Replaces the subsection `subheading` ("### …", up to the next "### " or "## ") of the section `heading` ("## …")
/// in the Markdown file at `path` with `text`, or adds it at the end of that section (which is added at the end of
/// the file if missing). Whatever else the section holds (its introduction, other subsections) stays.
bool writeSubsection(const QString &path, const QString &heading, const QString &subheading, const QString &text)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QStringList lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
    in.close();
    int section = -1;
    for (int i = 0; i < int(lines.size()); ++i) {
        if (lines.at(i).trimmed() == heading) {
            section = i;
            break;
        }
    }
    if (section < 0) {
        while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
            lines.removeLast();
        lines << QString() << heading << QString();
        section = int(lines.size()) - 2;
    }
    int sectionEnd = section + 1;
    while (sectionEnd < int(lines.size()) && !lines.at(sectionEnd).startsWith(QLatin1String("## ")))
        ++sectionEnd;
    int start = -1;
    for (int i = section + 1; i < sectionEnd; ++i) {
        if (lines.at(i).trimmed() == subheading) {
            start = i;
            break;
        }
    }
    QStringList fresh = text.trimmed().split(QLatin1Char('\n'));
    fresh << QString();
    if (start < 0) {
        int at = sectionEnd;
        while (at > section + 1 && lines.at(at - 1).trimmed().isEmpty())
            --at;
        lines = lines.mid(0, at) + (QStringList{ QString() } + fresh) + lines.mid(sectionEnd);
    } else {
        int end = start + 1;
        while (end < sectionEnd && !lines.at(end).startsWith(QLatin1String("### ")))
            ++end;
        lines = lines.mid(0, start) + fresh + lines.mid(end);
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(lines.join(QLatin1Char('\n')).toUtf8());
    return out.commit();
}

/// Everything LivyDesk's lane saw of each statement (progress, polls and the expected end, Spark UI hints), as
/// JSON, for looking at the end signals in detail.
bool writeTrace(const QString &path, const RealOptions &o, const QList<RealResult> &results, const QList<int> &durations)
{
    QJsonArray statements;
    for (const RealResult &r : results) {
        if (r.client != QLatin1String("LivyDesk"))
            continue;
        for (const RealSample &x : r.samples) {
            QJsonArray progress;
            for (const RealTrace::Progress &p : x.trace.progress)
                progress.append(QJsonArray{ p.atMs, p.progress, p.state });
            QJsonArray polls;
            for (const RealTrace::Poll &p : x.trace.polls)
                polls.append(QJsonArray{ p.atMs, phaseName(p.phase), p.source, p.endMs, p.halfWidthMs });
            QJsonArray hints;
            for (const RealTrace::Hint &h : x.trace.hints)
                hints.append(QJsonArray{ h.atMs, h.remainingMs });
            statements.append(QJsonObject{
                { QStringLiteral("index"), x.index },
                { QStringLiteral("statement"), x.statementId },
                { QStringLiteral("d"), x.index >= 0 && x.index < int(durations.size()) ? durations.at(x.index) : -1 },
                { QStringLiteral("sent"), x.sentMs },
                { QStringLiteral("tracked"), x.trace.trackedMs },
                { QStringLiteral("started"), x.startedMs },
                { QStringLiteral("completed"), x.completedMs },
                { QStringLiteral("received"), x.receivedMs },
                { QStringLiteral("progress"), progress },
                { QStringLiteral("polls"), polls },
                { QStringLiteral("hints"), hints },
            });
        }
    }
    const QJsonObject doc{ { QStringLiteral("workload"), o.workload },
                           { QStringLiteral("endSignals"), o.desk.endSignals },
                           { QStringLiteral("sparkUi"), o.sparkUi },
                           { QStringLiteral("command"), o.command },
                           { QStringLiteral("statements"), statements } };
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    return out.commit();
}

} // namespace

int runReal(const RealOptions &o)
{
    const QString loadBefore = loadAverage();
    const QString tree = treeState(o.sourceDir);
    const QString startedUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QList<int> durations = makeWorkload(o.statements, o.minMs, o.maxMs, o.seed, o.scale);
    QStringList codes;
    QString warmup = QStringLiteral("1");
    if (sparkWorkload(o)) {
        // The task slots are read once per session: the local server runs Spark in local mode (local[N]).
        warmup = QStringLiteral("_bench_slots = sc.defaultParallelism\nsc.parallelize(range(%1), %1).count()\n_bench_slots").arg(o.tasks);
        for (const int d : durations)
            codes << QStringLiteral("sc.parallelize(range(%1), %1).foreach(lambda _, s=%2 * _bench_slots / %1: __import__('time').sleep(s))")
                         .arg(o.tasks)
                         .arg(double(d) / 1000.0, 0, 'f', 3);
    } else {
        for (const int d : durations)
            codes << QStringLiteral("import time\ntime.sleep(%1)").arg(double(d) / 1000.0, 0, 'f', 3);
    }

    const bool wantDesk = o.clients.contains(QLatin1String("LivyDesk"), Qt::CaseInsensitive);
    QStringList peers;
    for (const QString &c : { QStringLiteral("pylivy"), QStringLiteral("sparkmagic") }) {
        if (o.clients.contains(c, Qt::CaseInsensitive))
            peers << c;
    }

    // The workload file the peers read (the exact code every client sends).
    QTemporaryFile workload(QDir::tempPath() + QStringLiteral("/livydesk-bench-workload-XXXXXX.json"));
    if (!workload.open()) {
        say(QStringLiteral("cannot write a temporary file"));
        return 1;
    }
    workload.write(QJsonDocument(QJsonObject{ { QStringLiteral("codes"), QJsonArray::fromStringList(codes) },
                                              { QStringLiteral("warmup"), warmup } })
                       .toJson());
    workload.flush();

    QString python;
    if (!peers.isEmpty()) {
        say(QStringLiteral("the peers' venv (scripts/bench-peers)..."));
        python = runScript(o.sourceDir + QStringLiteral("/scripts/bench-peers"), { QStringLiteral("python") }, 15 * 60 * 1000);
        if (python.isEmpty())
            return 1;
    }

    QUrl url = o.url;
    QString serverText;
    const QString localLivy = o.sourceDir + QStringLiteral("/scripts/local-livy");
    const bool startServer = url.isEmpty();
    if (startServer) {
        say(QStringLiteral("starting a real Livy (scripts/local-livy --instance %1)...").arg(o.instance));
        const QString started = runScript(localLivy, { QStringLiteral("--instance"), o.instance, QStringLiteral("--port"), QStringLiteral("auto"),
                                                       QStringLiteral("--timeout"), QStringLiteral("300"), QStringLiteral("start") },
                                          30 * 60 * 1000);
        url = QUrl(started);
        if (started.isEmpty() || !url.isValid())
            return 1;
    }
    auto stopServer = [&] {
        if (startServer) {
            say(QStringLiteral("stopping the server..."));
            runScript(localLivy, { QStringLiteral("--instance"), o.instance, QStringLiteral("stop") }, 5 * 60 * 1000);
        }
    };

    QList<RealLane *> lanes;
    if (wantDesk)
        lanes << new DeskRealLane(url, codes, warmup, o.desk, o.sparkUi);
    for (const QString &p : std::as_const(peers))
        lanes << new PeerRealLane(p, python, o.sourceDir + QStringLiteral("/tests/benchmark/peers/peerbench.py"), url, workload.fileName());

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    auto allReady = [&] { return std::all_of(lanes.cbegin(), lanes.cend(), [](const RealLane *l) { return l->isReady(); }); };
    auto allFinished = [&] { return std::all_of(lanes.cbegin(), lanes.cend(), [](const RealLane *l) { return l->isFinished(); }); };
    bool failedEarly = false;
    for (RealLane *l : std::as_const(lanes)) {
        QObject::connect(l, &RealLane::ready, &loop, [&, l] {
            say(QStringLiteral("%1: session %2 ready after %3 s").arg(l->result().client).arg(l->result().sessionId).arg(l->result().sessionStartMs / 1000.0, 0, 'f', 1));
            if (allReady())
                loop.quit();
        });
        QObject::connect(l, &RealLane::finished, &loop, [&, l] {
            if (!l->result().error.isEmpty()) {
                say(QStringLiteral("%1: %2").arg(l->result().client, l->result().error));
                failedEarly = true;
            }
            if (allFinished() || !l->isReady())
                loop.quit();
        });
    }

    // 1. Every client creates its session (concurrently) and warms it up.
    say(QStringLiteral("creating %1 sessions on %2...").arg(lanes.size()).arg(url.toString()));
    for (RealLane *l : std::as_const(lanes))
        l->prepare();
    deadline.start(std::chrono::minutes(10));
    if (!allReady() && !failedEarly)
        loop.exec();

    // 2. Together: go.
    const double work = double(std::accumulate(durations.cbegin(), durations.cend(), 0LL));
    if (allReady() && !failedEarly && !timedOut) {
        say(QStringLiteral("running %1 statements (%2 workload, %3 s of sleep) through %4 clients at once...")
                .arg(durations.size()).arg(o.workload).arg(work / 1000.0, 0, 'f', 0).arg(lanes.size()));
        for (RealLane *l : std::as_const(lanes))
            l->go();
        deadline.start(std::chrono::milliseconds(qint64(work * 3 + 10 * 60 * 1000)));
        while (!allFinished() && !timedOut)
            loop.exec();
    }
    if (timedOut)
        say(QStringLiteral("timed out"));

    // 3. Whatever did not finish is stopped, and every session still on the server is deleted.
    for (RealLane *l : std::as_const(lanes))
        l->abort();
    deadline.start(std::chrono::minutes(3));
    timedOut = false;
    while (!allFinished() && !timedOut)
        loop.exec();
    QNetworkAccessManager nam;
    Livy::ConnectionSettings cs;
    cs.baseUrl = url;
    Livy::Connection cleanup(&nam, cs);
    int deleting = 0;
    for (RealLane *l : std::as_const(lanes)) {
        if (l->result().sessionId < 0 || l->result().sessionDeleted)
            continue;
        ++deleting;
        auto *job = new Livy::DeleteSessionJob(&cleanup, Livy::SessionRef::byId(l->result().sessionId));
        QObject::connect(job, &Livy::LivyJob::finished, &loop, [&] {
            if (--deleting == 0)
                loop.quit();
        });
        job->start();
    }
    if (deleting > 0) {
        deadline.start(std::chrono::minutes(3));
        loop.exec();
    }

    QList<RealResult> results;
    bool complete = true;
    for (RealLane *l : std::as_const(lanes)) {
        results.append(l->result());
        complete = complete && l->result().error.isEmpty() && l->result().samples.size() == durations.size();
    }
    if (startServer)
        serverText = QStringLiteral("Livy %1 from `scripts/local-livy --instance %2` (Spark 3.5.6, local mode), loopback")
                         .arg(results.isEmpty() || results.first().serverVersion.isEmpty() ? QStringLiteral("0.9.0-incubating") : results.first().serverVersion, o.instance);
    else
        serverText = QStringLiteral("Livy %1 at the given URL").arg(results.isEmpty() ? QString() : results.first().serverVersion);
    stopServer();
    qDeleteAll(lanes);

    const QString text = report(o, results, serverText, loadBefore, startedUtc, durations, tree);
    std::fputs(qPrintable(text), stdout);
    if (!o.trace.isEmpty()) {
        if (writeTrace(o.trace, o, results, durations))
            say(QStringLiteral("wrote what LivyDesk's lane saw of each statement to %1").arg(o.trace));
        else
            say(QStringLiteral("cannot write %1").arg(o.trace));
    }
    if (!o.markdown.isEmpty()) {
        if (!complete) {
            say(QStringLiteral("not writing %1: the run did not complete").arg(o.markdown));
            return 1;
        }
        bool written = false;
        QString where;
        if (sparkWorkload(o)) {
            where = QStringLiteral("%1 / ### %2").arg(SparkSection, variantTitle(o));
            written = writeSubsection(o.markdown, SparkSection, QStringLiteral("### ") + variantTitle(o), text);
        } else {
            where = QStringLiteral("## Real server: LivyDesk, pylivy and sparkmagic");
            written = writeSection(o.markdown, where, text);
        }
        if (!written) {
            say(QStringLiteral("cannot write %1").arg(o.markdown));
            return 1;
        }
        say(QStringLiteral("wrote the \"%1\" section of %2").arg(where, o.markdown));
    }
    return complete ? 0 : 1;
}

} // namespace Bench
