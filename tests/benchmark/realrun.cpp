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
#include <QTemporaryFile>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
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
};

Stats statsFor(const RealResult &r)
{
    Stats s;
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

    QString out;
    QTextStream md(&out);
    md << "## Real server: LivyDesk, pylivy and sparkmagic\n\n";
    md << "Produced by `livydesk_bench --real` (tests/benchmark/realbench.cpp, realrun.cpp, peers/peerbench.py) with:\n\n";
    md << "```\n" << o.command << "\n```\n\n";
    md << "Run " << startedUtc << ", " << LIVYDESK_BENCH_BUILD_TYPE << " build, Qt " << qVersion() << ", " << machine()
       << " shared with the server, its Spark drivers and other work; load average before the run " << loadBefore
       << ", after it " << loadAverage() << ".\n\n";
    const double work = double(std::accumulate(durations.cbegin(), durations.cend(), 0LL)) / 1000.0;
    md << "Server: " << serverText << ". Workload: " << durations.size() << " pyspark statements `time.sleep(d)` "
       << "(driver side), d log-uniform in " << o.minMs * o.scale / 1000.0 << "–" << o.maxMs * o.scale / 1000.0
       << " s (seed " << o.seed << ", " << QString::number(work, 'f', 0) << " s of sleep), the same list for every "
       << "client. The clients run at the same time, each on its own pyspark session created through the client "
       << "itself and warmed up with one untimed statement; a client runs its statements one after the other. "
       << "Added latency = the client's API hands over the finished statement (epoch ms, this machine) minus the "
       << "server's `completed` stamp (epoch ms, same clock), read after the run with one separate GET. Requests are "
       << "counted inside each client while its workload runs: LivyDesk's at its QNetworkAccessManager, the peers' "
       << "at requests' HTTPAdapter in their own process (every request, keep-alive and heartbeat included).\n\n";

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
    const QList<QPair<double, double>> bins{ { 0, 500 }, { 500, 2000 }, { 2000, 1e12 } };
    md << "By running time (server `completed` − `started`), median / p95 added latency:\n\n";
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
    }
    md << "\nLivyDesk's settings: " << o.deskSchedule << " The lane is the SessionController alone, as the app opens a "
       << "session, without the app's SparkTracker (whose Spark UI requests go to the driver, not to Livy): `time.sleep` "
       << "runs no Spark job, so Livy's `progress` stays 0 and there is no task count either.\n\n";

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

} // namespace

int runReal(const RealOptions &o)
{
    const QString loadBefore = loadAverage();
    const QString tree = treeState(o.sourceDir);
    const QString startedUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QList<int> durations = makeWorkload(o.statements, o.minMs, o.maxMs, o.seed, o.scale);
    QStringList codes;
    for (const int d : durations)
        codes << QStringLiteral("import time\ntime.sleep(%1)").arg(double(d) / 1000.0, 0, 'f', 3);

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
    workload.write(QJsonDocument(QJsonObject{ { QStringLiteral("codes"), QJsonArray::fromStringList(codes) } }).toJson());
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
        lanes << new DeskRealLane(url, codes, o.desk);
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
        say(QStringLiteral("running %1 statements (%2 s of sleep) through %3 clients at once...")
                .arg(durations.size()).arg(work / 1000.0, 0, 'f', 0).arg(lanes.size()));
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
    if (!o.markdown.isEmpty()) {
        if (!complete) {
            say(QStringLiteral("not writing %1: the run did not complete").arg(o.markdown));
            return 1;
        }
        const QString heading = QStringLiteral("## Real server: LivyDesk, pylivy and sparkmagic");
        if (!writeSection(o.markdown, heading, text)) {
            say(QStringLiteral("cannot write %1").arg(o.markdown));
            return 1;
        }
        say(QStringLiteral("wrote the \"%1\" section of %2").arg(heading, o.markdown));
    }
    return complete ? 0 : 1;
}

} // namespace Bench
