// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// livydesk_bench_start: how long the livydesk executable takes from its start to a painted main window, and how
// much memory it holds with many sessions and statements open (issue 17, item 3). Not a test: run by hand under
// Xvfb (scripts/bench-start does that), the report goes into docs/benchmarks.md ("## Start and memory").
//
// Both parts run the real executable (--app, the Release build's app/livydesk) against the fake Livy served by this
// process, with its settings and data in a throwaway XDG_CONFIG_HOME / XDG_DATA_HOME:
// - start: a saved profile for the fake server and three open tabs (made by running the application's composition
//   root here once, as a user would: connect, open three sessions, type in their editors, quit), then N launches,
//   each timed from just before fork/exec to the end of the main window's first paint (LIVYDESK_STARTUP_TRACE, see
//   app/startuptrace.h), with its phases;
// - memory: S sessions with T statements each (mixed outputs) all open as tabs; the process's VmRSS once it has
//   loaded them and settled, again after every tab has been shown (Ctrl+PgDown through them with xdotool), and its
//   VmHWM.

#include "application.h"
#include "controllers/sessioncontroller.h"
#include "editor/codeeditor.h"
#include "editor/editorpanel.h"
#include "fakelivyserver.h"
#include "mainwindow.h"
#include "panels/serverbar.h"
#include "panels/sessionpage.h"
#include "pollbench.h"
#include "profiles/serverprofilestore.h"
#include "profiles/workspacestore.h"
#include "startbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QSettings>
#include <QTest>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace StartBench;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

/// Points QSettings and QStandardPaths of this process and of the processes it starts at `dir`.
void useHome(const QString &dir)
{
    QDir().mkpath(dir + QStringLiteral("/config"));
    QDir().mkpath(dir + QStringLiteral("/data"));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir + QStringLiteral("/config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir + QStringLiteral("/data")));
    // QSettings reads XDG_CONFIG_HOME once per process: point it at this home too, or the second part's saved
    // workspace would land in the first part's settings, where the launched app does not look.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir + QStringLiteral("/config"));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir + QStringLiteral("/config"));
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2) : QString();
}

QString fmtMs(double ms)
{
    return QString::number(ms, 'f', 0);
}

QString fmtMiB(qint64 kib)
{
    return QString::number(double(kib) / 1024.0, 'f', 1);
}

/// The session ids the fake server was asked about (GET /sessions/N, /sessions/N/statements…) since the last clear.
QSet<int> sessionsAskedFor(const FakeLivy::Server &server, const QString &suffix)
{
    static const QRegularExpression path(QStringLiteral("^/sessions/(\\d+)(/.*)?$"));
    QSet<int> ids;
    const QList<FakeLivy::RecordedRequest> requests = server.requests();
    for (const FakeLivy::RecordedRequest &r : requests) {
        const QRegularExpressionMatch m = path.match(r.path);
        if (r.method == "GET" && m.hasMatch() && m.captured(2) == suffix)
            ids.insert(m.captured(1).toInt());
    }
    return ids;
}

/// A user's first session with the app: connect to the server, open the sessions as tabs, type in their editors,
/// quit. Leaves what a relaunch restores: the profile, the open tabs, the window layout, drafts and the history.
bool prepareAsUser(const QUrl &url, const QList<int> &sessions)
{
    LivyDesk::Application::Options options;
    options.commandLine.server = url;
    options.restoreLayout = true;
    auto app = std::make_unique<LivyDesk::Application>(options);
    app->start();
    LivyDesk::MainWindow *window = app->window();
    window->show();
    if (!QTest::qWaitForWindowExposed(window)
        || !QTest::qWaitFor([&] { return window->serverBar()->state() == LivyDesk::ServerBar::State::Connected; }, 10000))
        return false;
    int n = 0;
    for (const int id : sessions) {
        Q_EMIT window->openSessionRequested(id);
        if (!QTest::qWaitFor([&] { return window->editorFor(id) != nullptr; }, 10000))
            return false;
        window->editorFor(id)->editor()->setPlainText(
            QStringLiteral("df = spark.range(%1).toDF(\"id\")\ndf.groupBy((df.id %% 7).alias(\"k\")).count().show()\n").arg(1000 * ++n));
    }
    window->selectSession(sessions.first());
    QTest::qWait(500);
    window->close();
    app.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const LivyDesk::ServerProfile profile = [&] {
        QList<LivyDesk::ServerProfile> profiles = LivyDesk::ServerProfileStore().load();
        return LivyDesk::ServerProfileStore::profileForUrl(profiles, url);
    }();
    return LivyDesk::WorkspaceStore::openSessions(profile.id) == sessions;
}

struct StartResult
{
    QList<double> firstPaint;          ///< ms, measured launches
    QList<double> threadCpu;           ///< main thread CPU ms at the first paint
    QList<double> processCpu;          ///< process CPU ms at the first paint
    QHash<QString, QList<double>> phases;
    QHash<QString, QList<double>> phaseCpu; ///< main thread CPU ms at each mark
    QStringList phaseOrder;
    double warmUp = -1;
    int tabsRestored = 0;             ///< sessions the last launch asked the server about
};

StartResult measureStart(FakeLivy::Server &server, const QString &program, int runs, const QList<int> &tabs)
{
    StartResult result;
    for (int i = -1; i < runs; ++i) { // -1: a warm-up launch (page cache, font cache), reported but not counted
        server.clearRequests();
        Launch launch(program, {});
        if (!launch.start() || !launch.waitForMark(QStringLiteral("first-paint"), 30000)) {
            out() << "launch " << i + 1 << ": no first paint\n" << launch.errorOutput() << Qt::endl;
            continue;
        }
        // The tabs are restored when their sessions are asked for: after the first paint, as it should be.
        // (Not all of them within 5 s is reported below as the number asked for.)
        (void)QTest::qWaitFor([&] { return sessionsAskedFor(server, QString()).size() >= tabs.size(); }, 5000);
        result.tabsRestored = int(sessionsAskedFor(server, QString()).size());
        const double ms = launch.markMs(QStringLiteral("first-paint"));
        out() << (i < 0 ? QStringLiteral("warm-up") : QStringLiteral("launch %1").arg(i + 1)) << ": first paint "
              << fmtMs(ms) << " ms (";
        QStringList parts;
        for (const QString &phase : launch.phases())
            parts << QStringLiteral("%1 %2").arg(phase, fmtMs(launch.markMs(phase)));
        out() << parts.join(QStringLiteral(", ")) << "), CPU " << fmtMs(launch.threadCpuMs(QStringLiteral("first-paint")))
              << " ms main thread / " << fmtMs(launch.processCpuMs(QStringLiteral("first-paint"))) << " ms process, "
              << result.tabsRestored << " tabs asked for" << Qt::endl;
        launch.kill();
        if (i < 0) {
            result.warmUp = ms;
            continue;
        }
        result.firstPaint.append(ms);
        result.threadCpu.append(launch.threadCpuMs(QStringLiteral("first-paint")));
        result.processCpu.append(launch.processCpuMs(QStringLiteral("first-paint")));
        for (const QString &phase : launch.phases()) {
            if (!result.phaseOrder.contains(phase))
                result.phaseOrder.append(phase);
            result.phases[phase].append(launch.markMs(phase));
            result.phaseCpu[phase].append(launch.threadCpuMs(phase));
        }
        QTest::qWait(200);
    }
    return result;
}

struct MemoryResult
{
    Memory restored;       ///< settled after the tabs were restored and their statements loaded
    Memory tabsShown;      ///< settled after every tab was shown once
    double loadedMs = -1;  ///< from the start until every session's statements were asked for
    bool tabsCycled = false;
    int held = -1;         ///< statements the app asked for in all (the `size` of each session's list), -1: unknown
    QString listQuery;     ///< the query of a session's statement list request, as sent
    QString problem;
};

/// How many of each session's `perSession` statements the app holds once it has listed them, summed over the
/// sessions: with GET /sessions/N/statements?…&size=k the newest k; without a size (a server it does not know to be
/// Livy 0.8+) it gets every retained statement and keeps the newest SessionControllerSettings::historySize
/// (SessionController::reloadHistory). -1 if no list was asked for.
int statementsAskedFor(const FakeLivy::Server &server, int perSession, QString *query)
{
    static const QRegularExpression path(QStringLiteral("^/sessions/(\\d+)/statements$"));
    QHash<int, int> held;
    const QList<FakeLivy::RecordedRequest> requests = server.requests();
    for (const FakeLivy::RecordedRequest &r : requests) {
        const QRegularExpressionMatch m = path.match(r.path);
        if (r.method != "GET" || !m.hasMatch())
            continue;
        QStringList items;
        for (const auto &item : r.query)
            items << item.first + QLatin1Char('=') + item.second;
        *query = items.join(QLatin1Char('&'));
        const int size = r.hasQueryItem(QStringLiteral("size")) ? r.queryValue(QStringLiteral("size")).toInt()
                                                                 : Livy::SessionControllerSettings().historySize;
        const int id = m.captured(1).toInt();
        held[id] = std::max(held.value(id), std::min(perSession, size));
    }
    if (held.isEmpty())
        return -1;
    int total = 0;
    for (const int n : std::as_const(held))
        total += n;
    return total;
}

/// Waits until the process's RSS has stayed within 256 KiB for `quietMs` (or `timeoutMs` passed).
Memory settle(qint64 pid, int quietMs, int timeoutMs)
{
    QElapsedTimer total;
    total.start();
    QElapsedTimer quiet;
    quiet.start();
    Memory last = readMemory(pid);
    while (total.elapsed() < timeoutMs && quiet.elapsed() < quietMs) {
        QTest::qWait(250);
        const Memory now = readMemory(pid);
        if (std::abs(now.rss - last.rss) > 256) {
            quiet.restart();
            last = now;
        }
    }
    return readMemory(pid);
}

bool xdotool(const QStringList &arguments, QString *output = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("xdotool"), arguments);
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return false;
    if (output)
        *output = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
    return true;
}

MemoryResult measureMemory(FakeLivy::Server &server, const QString &program, const QList<int> &sessions,
                           int statementsPerSession)
{
    MemoryResult result;
    server.clearRequests();
    Launch launch(program, {});
    if (!launch.start() || !launch.waitForMark(QStringLiteral("first-paint"), 30000)) {
        result.problem = QStringLiteral("no first paint: ") + launch.errorOutput();
        return result;
    }
    const qint64 pid = launch.pid();
    const qint64 t0 = monotonicUs() - qint64(launch.markMs(QStringLiteral("first-paint")) * 1000);
    if (!QTest::qWaitFor([&] { return sessionsAskedFor(server, QStringLiteral("/statements")).size() >= sessions.size(); },
                         60000)) {
        QStringList asked;
        for (const int id : sessionsAskedFor(server, QStringLiteral("/statements")))
            asked << QString::number(id);
        result.problem = QStringLiteral("the app asked for the statements of %1 of the %2 sessions within 60 s (%3)")
                             .arg(asked.size())
                             .arg(sessions.size())
                             .arg(asked.join(QStringLiteral(", ")));
        return result;
    }
    result.loadedMs = double(monotonicUs() - t0) / 1000.0;
    result.restored = settle(pid, 3000, 60000);
    result.held = statementsAskedFor(server, statementsPerSession, &result.listQuery);
    out() << "the app listed each session's statements with ?" << result.listQuery << ": " << result.held
          << " statements held of " << sessions.size() * statementsPerSession << Qt::endl;
    out() << "restored: VmRSS " << fmtMiB(result.restored.rss) << " MiB, VmHWM " << fmtMiB(result.restored.hwm) << " MiB"
          << Qt::endl;

    QString window;
    if (xdotool({ QStringLiteral("search"), QStringLiteral("--sync"), QStringLiteral("--onlyvisible"), QStringLiteral("--pid"),
                  QString::number(pid), QStringLiteral("--name"), QStringLiteral("LivyDesk") },
                &window)
        && xdotool({ QStringLiteral("windowfocus"), QStringLiteral("--sync"), window.section(QLatin1Char('\n'), 0, 0) })) {
        for (int i = 0; i < sessions.size(); ++i) {
            result.tabsCycled = xdotool({ QStringLiteral("key"), QStringLiteral("ctrl+Next") });
            settle(pid, 1000, 10000);
        }
    }
    result.tabsShown = settle(pid, 3000, 60000);
    out() << "every tab shown" << (result.tabsCycled ? "" : " (xdotool failed: not cycled)") << ": VmRSS "
          << fmtMiB(result.tabsShown.rss) << " MiB, VmHWM " << fmtMiB(result.tabsShown.hwm) << " MiB" << Qt::endl;
    launch.kill();
    return result;
}

QString report(const QString &command, const StartResult &start, const MemoryResult &memory, int tabs,
               int statementsPerTab, int memSessions, int memStatements, const QString &loadBefore)
{
    QString text;
    QTextStream md(&text);
    md << "## Start and memory\n\n";
    md << "Goals (issue 17, item 3): cold start to a painted main window with a saved profile and three open tabs "
          "≤ 300 ms (Release build, Xvfb, median of 10 launches, from process start); resident memory with 10 "
          "sessions × 100 statements of mixed outputs open ≤ 150 MB.\n\n";
    md << "Produced by `livydesk_bench_start` (tests/benchmark/startrun.cpp) through `scripts/bench-start`:\n\n```sh\n"
       << "cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release\n"
       << "cmake --build build-rel --parallel 2 --target livydesk livydesk_bench_start\n"
       << command << "\n```\n\n";
    md << "Run " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << " on " << QSysInfo::prettyProductName()
       << ", " << QThread::idealThreadCount() << " cores, Qt " << qVersion() << ", " << LIVYDESK_BENCH_BUILD_TYPE
       << " build of `livydesk`, Xvfb (xvfb-run, 1920×1200×24, no window manager), QPA "
       << QGuiApplication::platformName() << "; load average " << loadBefore << " before, " << loadAverage()
       << " after (the machine is shared with other builds).\n\n";

    if (!start.firstPaint.isEmpty()) {
        const QList<double> &fp = start.firstPaint;
        const double median = Bench::percentile(fp, 0.5);
        md << "### Start\n\n";
        md << "The fake Livy (in the benchmark's process) has " << tabs << " idle sessions (pyspark, spark, sql) with "
           << statementsPerTab << " statements of mixed outputs each. The saved state comes from running the app's "
              "composition root once in the benchmark, as a user would: connect with `--server`, open the three "
              "sessions as tabs, type in their editors, quit (profile, tabs, window layout, drafts and history "
              "saved). Then `livydesk` is started " << fp.size() << " times with no arguments (it reopens the saved "
              "profile and its three tabs; each launch asked the server about " << start.tabsRestored
           << " sessions), after one warm-up launch (" << fmtMs(start.warmUp) << " ms, not counted), and killed once "
              "painted. Time is CLOCK_MONOTONIC from just before the benchmark forks and execs it to the end of the "
              "main window's first expose (painted and flushed to the X server), printed by the app when "
              "`LIVYDESK_STARTUP_TRACE` is set (app/startuptrace.h).\n\n";
        auto minMax = [](const QList<double> &v) {
            return QStringLiteral("%1 ms | %2 ms").arg(fmtMs(*std::min_element(v.cbegin(), v.cend())),
                                                       fmtMs(*std::max_element(v.cbegin(), v.cend())));
        };
        md << "| First paint, " << fp.size() << " launches | Median | Min | Max |\n|---|---:|---:|---:|\n";
        md << "| wall clock from process start | **" << fmtMs(median) << " ms** | " << minMax(fp) << " |\n";
        md << "| CPU used by then: main thread | " << fmtMs(Bench::percentile(start.threadCpu, 0.5)) << " ms | "
           << minMax(start.threadCpu) << " |\n";
        md << "| CPU used by then: whole process | " << fmtMs(Bench::percentile(start.processCpu, 0.5)) << " ms | "
           << minMax(start.processCpu) << " |\n\n";
        md << "The CPU rows are the app's own work (CLOCK_THREAD_CPUTIME_ID / CLOCK_PROCESS_CPUTIME_ID at the mark, "
              "from the exec); the rest of the wall-clock time is waiting for the two cores, which other builds share, "
              "and for the X server.\n\n";
        md << "Goal ≤ 300 ms: **" << (median <= 300 ? "met" : "not met") << "**.\n\n";
        md << "Phases (medians in ms from process start; each mark is printed when its phase has ended; the first "
              "phase's CPU includes the dynamic linking before `main()`):\n\n";
        md << "| Mark | At | Phase took | Main thread CPU in the phase |\n|---|---:|---:|---:|\n";
        static const QHash<QString, QString> meaning{
            { QStringLiteral("main"), QStringLiteral("`main()` entered (exec, dynamic linking, static initialisers)") },
            { QStringLiteral("qapplication"), QStringLiteral("`QApplication` constructed (X connection, platform plugin, fonts)") },
            { QStringLiteral("application"), QStringLiteral("command line, window icon, composition root constructed") },
            { QStringLiteral("window"), QStringLiteral("`MainWindow` constructed (docks, actions, menus)") },
            { QStringLiteral("history"), QStringLiteral("history store opened (its database opens on a worker thread)") },
            { QStringLiteral("layout"), QStringLiteral("window geometry and dock layout restored") },
            { QStringLiteral("profiles"), QStringLiteral("server profiles loaded") },
            { QStringLiteral("started"), QStringLiteral("connection made, tabs reopened (requests sent after the paint)") },
            { QStringLiteral("shown"), QStringLiteral("`show()` returned") },
            { QStringLiteral("first-paint-begin"), QStringLiteral("the main window's first paint event") },
            { QStringLiteral("first-paint"), QStringLiteral("first expose handled: painted and flushed") },
        };
        double previous = 0;
        double previousCpu = 0;
        for (const QString &phase : start.phaseOrder) {
            const double at = Bench::percentile(start.phases.value(phase), 0.5);
            const double cpu = Bench::percentile(start.phaseCpu.value(phase), 0.5);
            md << "| " << phase << ": " << meaning.value(phase, phase) << " | " << fmtMs(at) << " | " << fmtMs(at - previous)
               << " | " << fmtMs(cpu - previousCpu) << " |\n";
            previous = at;
            previousCpu = cpu;
        }
        md << "\n";
    }

    if (memory.restored.rss > 0) {
        md << "### Memory\n\n";
        md << memSessions << " sessions (pyspark, spark, sql, sparkr in turn) with " << memStatements
           << " finished statements each on the fake Livy, outputs in turn: a `df.show()` text of 20 rows, a "
              "`%table` of 100–500 rows, a sql result (JSON schema + 100–500 rows), a JSON value of 50 records, "
              "another text, another table, a 640×480 matplotlib-sized PNG plot, a short text or an error. All "
           << memSessions << " open as tabs of one `livydesk` (saved workspace, no arguments); VmRSS read from "
              "/proc/<pid>/status once the app had asked for every session's statements ("
           << fmtMs(memory.loadedMs) << " ms after its start) and its RSS had not moved by more than 256 KiB for 3 s.";
        const int onServer = memSessions * memStatements;
        if (memory.held >= 0)
            md << " The app listed each session's statements with `GET /sessions/N/statements"
               << (memory.listQuery.isEmpty() ? QString() : QLatin1Char('?') + memory.listQuery) << "` and kept "
               << (memory.held < onServer ? QStringLiteral("the newest %1 of each (SessionControllerSettings::historySize: "
                                                           "a reopened session loads no more)")
                                                .arg(Livy::SessionControllerSettings().historySize)
                                          : QStringLiteral("all of them"))
               << ", so it held **" << memory.held << " of the " << onServer << " statements**.";
        else
            md << " How many statements the app held is not known (no statement list was seen).";
        md << "\n\n";
        md << "| Moment | VmRSS | RssAnon | RssFile + RssShmem | VmHWM (peak) |\n|---|---:|---:|---:|---:|\n";
        auto row = [&md](const QString &moment, const Memory &m) {
            md << "| " << moment << " | **" << fmtMiB(m.rss) << " MiB** | " << fmtMiB(m.anon) << " MiB | "
               << fmtMiB(m.file + m.shmem) << " MiB | " << fmtMiB(m.hwm) << " MiB |\n";
        };
        row(QStringLiteral("tabs restored, statements loaded (the current tab's output shown)"), memory.restored);
        row(memory.tabsCycled ? QStringLiteral("after showing every tab once (Ctrl+PgDown × %1, xdotool)").arg(memSessions)
                              : QStringLiteral("every tab shown (xdotool failed: not cycled)"),
            memory.tabsShown);
        const qint64 worst = std::max({ memory.restored.rss, memory.tabsShown.rss, memory.tabsShown.hwm });
        const QString mb = QString::number(double(worst) * 1024 / 1e6, 'f', 1);
        const bool within = double(worst) * 1024 <= 150e6;
        if (memory.held == onServer)
            md << "\nGoal ≤ 150 MB resident: **" << (within ? "met" : "not met") << "** (the largest figure above, "
               << mb << " MB).\n\n";
        else
            md << "\nGoal ≤ 150 MB resident with " << memSessions << " × " << memStatements
               << " statements open: **not shown** — the app held " << (memory.held >= 0 ? QString::number(memory.held)
                                                                                         : QStringLiteral("an unknown number"))
               << " of the " << onServer << " statements; with those, the largest figure above is " << mb << " MB ("
               << (within ? "within" : "over") << " 150 MB).\n\n";
    } else if (!memory.problem.isEmpty()) {
        md << "### Memory\n\nNot measured: " << memory.problem << "\n\n";
    }
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    // --home DIR keeps the prepared settings and data there (to launch livydesk by hand on them, or to profile it);
    // read before QApplication, which must already see XDG_CONFIG_HOME.
    QString homePath;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--home") == 0)
            homePath = QDir(QFile::decodeName(argv[i + 1])).absolutePath();
    QTemporaryDir temporary;
    if (homePath.isEmpty())
        homePath = temporary.path();
    useHome(homePath + QStringLiteral("/start"));
    QApplication app(argc, argv);
    // The app's identity, so that QSettings and QStandardPaths here are the ones livydesk reads.
    QCoreApplication::setOrganizationName(QStringLiteral("LivyDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("livydesk.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("LivyDesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LivyDesk start and memory benchmark (run under Xvfb: scripts/bench-start)"));
    parser.addHelpOption();
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The livydesk executable."), QStringLiteral("path"),
                                       QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/livydesk"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Measured launches."), QStringLiteral("n"),
                                        QStringLiteral("10"));
    const QCommandLineOption sessionsOption(QStringLiteral("sessions"), QStringLiteral("Sessions for the memory part."),
                                            QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption statementsOption(QStringLiteral("statements"),
                                              QStringLiteral("Statements per session for the memory part."),
                                              QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("start or memory."), QStringLiteral("part"));
    const QCommandLineOption writeOption(QStringLiteral("write"),
                                         QStringLiteral("Replace the \"## Start and memory\" section of this Markdown file."),
                                         QStringLiteral("file"));
    const QCommandLineOption commandOption(QStringLiteral("command"),
                                           QStringLiteral("The command line to show in the report."), QStringLiteral("text"));
    const QCommandLineOption homeOption(QStringLiteral("home"),
                                        QStringLiteral("Keep the settings and data in DIR/start and DIR/memory (default: a "
                                                       "temporary directory)."),
                                        QStringLiteral("dir"));
    parser.addOptions({ appOption, runsOption, sessionsOption, statementsOption, onlyOption, writeOption, commandOption,
                        homeOption });
    parser.process(app);

    const QString program = QFileInfo(parser.value(appOption)).absoluteFilePath();
    if (!QFileInfo(program).isExecutable()) {
        std::fprintf(stderr, "livydesk_bench_start: no executable at %s (--app)\n", qPrintable(program));
        return 2;
    }
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        std::fprintf(stderr, "livydesk_bench_start: QPA %s, not xcb: run it under Xvfb (scripts/bench-start)\n",
                     qPrintable(QGuiApplication::platformName()));
    const QString loadBefore = loadAverage();
    const int runs = parser.value(runsOption).toInt();
    const int memSessions = parser.value(sessionsOption).toInt();
    const int memStatements = parser.value(statementsOption).toInt();
    const QString only = parser.value(onlyOption);
    const int tabs = 3;
    const int statementsPerTab = 20;

    FakeLivy::Server server;
    if (!server.start()) {
        std::fprintf(stderr, "livydesk_bench_start: the fake Livy cannot listen\n");
        return 1;
    }
    server.setStartupDelay(0);
    server.setStatementDuration(0);
    server.setRetainedStatements(std::max(100, memStatements));
    Seeder seeder(&server);

    StartResult start;
    if (only.isEmpty() || only == QLatin1String("start")) {
        const QList<int> ids = seeder.createSessions(tabs);
        if (!seeder.runStatements(ids, statementsPerTab, mixedStatementCode) || !prepareAsUser(server.url(), ids)) {
            std::fprintf(stderr, "livydesk_bench_start: preparing the saved profile and tabs failed\n");
            return 1;
        }
        out() << "start: " << tabs << " tabs saved in " << QDir::toNativeSeparators(homePath) << "/start" << Qt::endl;
        start = measureStart(server, program, runs, ids);
    }

    MemoryResult memory;
    if (only.isEmpty() || only == QLatin1String("memory")) {
        useHome(homePath + QStringLiteral("/memory"));
        const QList<int> ids = seeder.createSessions(memSessions);
        if (!seeder.runStatements(ids, memStatements, mixedStatementCode)) {
            std::fprintf(stderr, "livydesk_bench_start: running the statements on the fake Livy failed\n");
            return 1;
        }
        // The saved workspace: a profile for the fake server, every session open, the first one current.
        QList<LivyDesk::ServerProfile> profiles;
        const LivyDesk::ServerProfile profile = LivyDesk::ServerProfileStore::profileForUrl(profiles, server.url());
        LivyDesk::ServerProfileStore store;
        store.save(profiles);
        store.setCurrentId(profile.id);
        LivyDesk::WorkspaceStore::save(profile.id, ids, ids.first());
        out() << "memory: " << memSessions << " sessions × " << memStatements << " statements" << Qt::endl;
        memory = measureMemory(server, program, ids, memStatements);
    }

    const QString command = parser.isSet(commandOption) ? parser.value(commandOption)
                                                        : QCoreApplication::arguments().join(QLatin1Char(' '));
    const QString section = report(command, start, memory, tabs, statementsPerTab, memSessions, memStatements, loadBefore);
    out() << "\n" << section << Qt::flush;
    if (parser.isSet(writeOption) && !Bench::writeSection(parser.value(writeOption), QStringLiteral("## Start and memory"), section)) {
        std::fprintf(stderr, "livydesk_bench_start: cannot write %s\n", qPrintable(parser.value(writeOption)));
        return 1;
    }
    return 0;
}
