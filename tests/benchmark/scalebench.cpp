// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// livydesk_bench_scale: a Livy server with thousands of sessions (issue #17, "Large servers"). Not a test: it prints
// a Markdown report for docs/benchmarks.md ("## Large servers").
//
//   livydesk_bench_scale [--sessions 5000] [--runs 20] [--markdown docs/benchmarks.md]
//
// The fake Livy runs on its own thread with N seeded idle sessions (FakeLivy::Server::seedSessions), so that what
// the GUI thread spends is the client's alone. The client is the production chain: Connection ->
// SessionListPoller (production page size) -> SessionListModel -> SessionsDock (its QTableView and filter proxy,
// sorted by id as the app starts, offscreen at 1000 x 700). The GUI thread's work is measured per event (the
// application's notify() times every top-level event delivered on the GUI thread), in wall time and in the
// thread's CPU time (scaleprobe.h).
//
// Cases
//  1. Full list polls through the poller: pages, requests, wall time, GUI time in total and the longest event.
//  2. The update of one poll, applied to the model directly: setSessions() with a freshly decoded snapshot
//     (nothing changed, a few or many sessions changed state, sessions appeared or vanished, a mix), and the
//     events it leaves queued (the view's delayed relayout, the paint).
//  3. The same kinds of change made on the server, then one production poll: GUI time in total and longest event.
//  4. Filtering: typing into the dock's filter box character by character (QTest::keyClick), deleting it again
//     with Backspace, and clearing it at once: time per keystroke until the view has relaid out and painted.

#include "pollbench.h"
#include "scaleprobe.h"

#include "controllers/servercontroller.h"
#include "items/sessionlistmodel.h"
#include "livy/codec.h"
#include "livy/connection.h"
#include "panels/sessionsdock.h"
#include "polling/sessionlistpoller.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QSysInfo>
#include <QTableView>
#include <QTest>

#include <cstdio>
#include <numeric>

using namespace Livy;
using namespace ScaleBench;

namespace {

QString fmt(double v)
{
    return QString::number(v, 'f', v < 10 ? 1 : 0);
}

/// "median / max ms" of one clock.
QString medMax(const Stats &s)
{
    return fmt(s.median) + QStringLiteral(" / ") + fmt(s.max) + QStringLiteral(" ms");
}

const char *verdict(bool met)
{
    return met ? "met" : "**not met**";
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

// ---- polls ----

struct PollResult
{
    double wallMs = 0;
    int requests = 0;
    TimedApplication::Window gui;
};

/// One production poll (start() or refresh()) until the model has the snapshot, plus the events it left queued.
PollResult pollOnce(SessionListPoller &poller, ServerThread &server)
{
    server.call([&] { server.server()->clearRequests(); });
    bool done = false;
    const auto c = QObject::connect(&poller, &SessionListPoller::refreshed, &poller, [&done] { done = true; });
    PollResult r;
    QElapsedTimer t;
    timedApp()->begin();
    t.start();
    if (poller.isRunning())
        poller.refresh();
    else
        poller.start();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    r.wallMs = double(t.nsecsElapsed()) / 1e6;
    QElapsedTimer quiet;
    quiet.start();
    while (quiet.elapsed() < 30)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    r.gui = timedApp()->end();
    QObject::disconnect(c);
    server.call([&] { r.requests = int(server.server()->requests("GET", QStringLiteral("/sessions")).size()); });
    return r;
}

struct PollSeries
{
    QString name;
    QList<double> wall;
    Series busy, longest;
    void append(const PollResult &r)
    {
        wall.append(r.wallMs);
        busy.append(r.gui.busy);
        longest.append(Cost{ r.gui.longest.wall, r.gui.longestCpu });
    }
};

// ---- direct updates ----

/// A `GET /sessions` answer holding these entries, as the server sends it.
QByteArray listBody(const QList<QJsonObject> &entries)
{
    QJsonArray array;
    for (const QJsonObject &e : entries)
        array.append(e);
    return QJsonDocument(QJsonObject{ { QStringLiteral("from"), 0 },
                                      { QStringLiteral("total"), int(entries.size()) },
                                      { QStringLiteral("sessions"), array } })
        .toJson(QJsonDocument::Compact);
}

/// Decoded as the protocol layer does: every poll's snapshot has strings of its own (nothing shared with the
/// model's rows), which is what the model's comparison and the snapshot's release cost in production.
QList<Session> decodeList(const QByteArray &body)
{
    Result<SessionList> list = Codec::decodeSessionList(QJsonDocument::fromJson(body).object());
    if (!list)
        qFatal("cannot decode the list: %s", qPrintable(list.error().message()));
    return list.value().sessions;
}

struct UpdateRow
{
    QString name;
    Series update, relayout, total;
};

/// Applies `variant` and `base` in turn (so that every application is a change of that kind), timing each:
/// setSessions() with a freshly decoded snapshot and the snapshot's release (the poller's handler does both in one
/// event), then the events the update left queued.
UpdateRow alternate(const QString &name, SessionListModel &model, const QByteArray &base, const QByteArray &variant,
                    int runs)
{
    UpdateRow row{ name, {}, {}, {} };
    model.setSessions(decodeList(base));
    settle();
    for (int i = 0; i < runs; ++i) {
        QList<Session> snapshot = decodeList((i % 2 == 0) ? variant : base);
        const Clock clock;
        model.setSessions(snapshot);
        snapshot = {};
        const Cost update = clock.elapsed();
        const Cost relayout = settle().busy;
        Cost total = update;
        total += relayout;
        row.update.append(update);
        row.relayout.append(relayout);
        row.total.append(total);
    }
    model.setSessions(decodeList(base));
    settle();
    return row;
}

/// `count` distinct indexes in [0, n), spread at random, ascending.
QList<int> picks(int n, int count, QRandomGenerator &rng)
{
    QList<int> all(n);
    std::iota(all.begin(), all.end(), 0);
    std::shuffle(all.begin(), all.end(), rng);
    all.resize(std::min(n, count));
    std::sort(all.begin(), all.end());
    return all;
}

/// The list variants of the direct cases, made from the server's own session entries.
class Variants
{
public:
    explicit Variants(QList<QJsonObject> entries)
        : m_entries(std::move(entries))
        , m_top(m_entries.constLast().value(QLatin1String("id")).toInt())
    {
    }
    QByteArray base() const { return listBody(m_entries); }
    QByteArray changedStates(int count)
    {
        QList<QJsonObject> v = m_entries;
        for (const int i : picks(int(v.size()), count, m_rng))
            v[i].insert(QStringLiteral("state"), QStringLiteral("busy"));
        return listBody(v);
    }
    QByteArray appended(int count) const
    {
        QList<QJsonObject> v = m_entries;
        for (int i = 1; i <= count; ++i)
            v.append(fresh(m_top + i));
        return listBody(v);
    }
    QByteArray vanished(int count) { return listBody(without(count)); }
    /// `count` gone, `count` others changed state, `count` new at the end.
    QByteArray mixed(int count)
    {
        QList<QJsonObject> v = without(count);
        for (const int i : picks(int(v.size()), count, m_rng))
            v[i].insert(QStringLiteral("state"), QStringLiteral("dead"));
        for (int i = 1; i <= count; ++i)
            v.append(fresh(m_top + i));
        return listBody(v);
    }

private:
    QJsonObject fresh(int id) const
    {
        QJsonObject o = m_entries.constLast();
        o.insert(QStringLiteral("id"), id);
        o.insert(QStringLiteral("name"), QStringLiteral("new-%1").arg(id));
        o.insert(QStringLiteral("appId"), QJsonValue());
        o.insert(QStringLiteral("log"), QJsonArray());
        o.insert(QStringLiteral("state"), QStringLiteral("starting"));
        return o;
    }
    QList<QJsonObject> without(int count)
    {
        QList<QJsonObject> v;
        const QList<int> gone = picks(int(m_entries.size()), count, m_rng);
        for (int i = 0; i < int(m_entries.size()); ++i) {
            if (!std::binary_search(gone.begin(), gone.end(), i))
                v.append(m_entries.at(i));
        }
        return v;
    }

    QList<QJsonObject> m_entries;
    int m_top = 0;
    QRandomGenerator m_rng{ 1 };
};

// ---- filtering ----

Cost keystroke(QLineEdit *edit, Qt::Key key, char ch = 0)
{
    const Clock clock;
    if (ch)
        QTest::keyClick(edit, ch);
    else
        QTest::keyClick(edit, key);
    Cost c = clock.elapsed();
    c += settle().busy;
    return c;
}

struct FilterResult
{
    Series typing, deleting, clearing;
    QString matches; ///< rows left after each character, per word
};

FilterResult filterRuns(LivyDesk::SessionsDock &dock, const QStringList &words, int runs)
{
    FilterResult r;
    QLineEdit *edit = dock.filterEdit();
    QSortFilterProxyModel *proxy = dock.proxy();
    const int all = proxy->rowCount();
    for (int run = 0; run < runs; ++run) {
        for (const QString &word : words) {
            QStringList counts;
            for (const QChar ch : word) {
                r.typing.append(keystroke(edit, Qt::Key_unknown, ch.toLatin1()));
                counts << QString::number(proxy->rowCount());
            }
            for (qsizetype i = 0; i < word.size(); ++i)
                r.deleting.append(keystroke(edit, Qt::Key_Backspace));
            if (proxy->rowCount() != all)
                qFatal("the filter did not clear");
            // Narrow again, then clear the box at once (its clear button, or Ctrl+A and Delete: one textChanged).
            for (const QChar ch : word.left(3))
                keystroke(edit, Qt::Key_unknown, ch.toLatin1());
            const Clock clock;
            edit->clear();
            Cost c = clock.elapsed();
            c += settle().busy;
            r.clearing.append(c);
            if (run == 0)
                r.matches += QStringLiteral("\"%1\": %2; ").arg(word, counts.join(QStringLiteral(", ")));
        }
    }
    r.matches.chop(2);
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The sessions list of a Livy server with thousands of sessions (fake Livy)"));
    parser.addHelpOption();
    const QCommandLineOption sessionsOpt(QStringLiteral("sessions"), QStringLiteral("Sessions on the server (default 5000)."),
                                         QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Repetitions per case (default 20)."),
                                     QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption markdownOpt(QStringLiteral("markdown"),
                                         QStringLiteral("Write the report into this Markdown file's \"## Large servers\" section."),
                                         QStringLiteral("FILE"));
    parser.addOptions({ sessionsOpt, runsOpt, markdownOpt });
    parser.process(app);
    const int sessions = std::max(100, parser.value(sessionsOpt).toInt());
    const int runs = std::max(2, parser.value(runsOpt).toInt());
    const QString loadBefore = loadAverage();
    QTextStream err(stderr);

    ServerThread server;
    QElapsedTimer seedClock;
    seedClock.start();
    server.call([&] { server.server()->seedSessions(sessions); });
    const qint64 seedMs = seedClock.elapsed();

    QNetworkAccessManager network;
    ConnectionSettings cs;
    cs.baseUrl = server.url();
    Connection connection(&network, cs);
    const ServerControllerSettings production;
    SessionListModel model;
    SessionListPoller poller(&connection, &model);
    // The production page size; the intervals are stretched so that only this program's refresh() calls poll.
    SessionListSchedule manual;
    manual.fast = manual.slow = manual.transitional = std::chrono::hours(1);
    poller.setSchedule(manual);
    poller.setPageSize(production.pageSize);

    LivyDesk::SessionsDock dock;
    dock.setModel(&model);
    dock.setConnectionNote(true, {});
    dock.resize(1000, 700);
    dock.show();
    settle(100);

    // ---- 1. full polls ----
    err << "livydesk_bench_scale: " << sessions << " sessions seeded in " << seedMs << " ms; full polls ..." << Qt::endl;
    const PollResult first = pollOnce(poller, server);
    if (model.rowCount() != sessions)
        qFatal("the model holds %d rows, not %d", model.rowCount(), sessions);
    PollSeries unchangedPolls{ QStringLiteral("nothing changed"), {}, {}, {} };
    for (int i = 0; i < runs; ++i)
        unchangedPolls.append(pollOnce(poller, server));
    const int pages = first.requests;

    // ---- 2. one poll's update, applied directly ----
    err << "  direct updates ..." << Qt::endl;
    QList<QJsonObject> entries;
    server.call([&] {
        const QList<int> ids = server.server()->sessionIds();
        for (const int id : ids)
            entries.append(server.server()->sessionJson(id));
    });
    Variants variants(entries);
    const QByteArray base = variants.base();
    // What one page costs the GUI thread before the model sees it (ListSessionsJob: the JSON parse, then the codec).
    const QByteArray page = listBody(entries.mid(0, production.pageSize));
    Series pageParse, pageCodec;
    for (int i = 0; i < 50; ++i) {
        Clock clock;
        const QJsonDocument doc = QJsonDocument::fromJson(page);
        pageParse.append(clock.elapsed());
        clock.start();
        const Result<SessionList> decoded = Codec::decodeSessionList(doc.object());
        pageCodec.append(clock.elapsed());
    }
    QList<UpdateRow> direct;
    direct.append(alternate(QStringLiteral("nothing changed"), model, base, base, runs));
    direct.append(alternate(QStringLiteral("5 sessions changed state"), model, base, variants.changedStates(5), runs));
    direct.append(alternate(QStringLiteral("500 sessions changed state"), model, base, variants.changedStates(500), runs));
    direct.append(alternate(QStringLiteral("10 new sessions (at the end, as Livy numbers them) / gone again"), model, base,
                            variants.appended(10), runs));
    direct.append(alternate(QStringLiteral("10 sessions gone (scattered) / back again"), model, base, variants.vanished(10), runs));
    direct.append(alternate(QStringLiteral("100 sessions gone (scattered) / back again"), model, base, variants.vanished(100), runs));
    direct.append(alternate(QStringLiteral("50 gone, 50 changed state, 50 new / back"), model, base, variants.mixed(50), runs));
    dock.filterEdit()->setText(QStringLiteral("etl"));
    settle();
    direct.append(alternate(QStringLiteral("the same mix with the filter \"etl\" on"), model, base, variants.mixed(50), runs));
    dock.filterEdit()->clear();
    settle();

    // ---- 3. changes on the server, then one production poll ----
    err << "  changes on the server ..." << Qt::endl;
    QList<int> ids;
    server.call([&] { ids = server.server()->sessionIds(); });
    struct ServerCase
    {
        PollSeries series;
        std::function<void(FakeLivy::Server *, int)> change;
    };
    QList<ServerCase> serverCases{
        { { QStringLiteral("nothing changed"), {}, {}, {} }, [](FakeLivy::Server *, int) {} },
        { { QStringLiteral("5 sessions changed state"), {}, {}, {} },
          [&](FakeLivy::Server *s, int run) {
              for (int k = 0; k < 5; ++k)
                  s->setSessionState(ids.at((run / 2 * 997 + k * 1013) % ids.size()),
                                     run % 2 ? QStringLiteral("idle") : QStringLiteral("dead"));
          } },
        { { QStringLiteral("10 new sessions"), {}, {}, {} }, [](FakeLivy::Server *s, int) { s->seedSessions(10); } },
        { { QStringLiteral("10 sessions gone (scattered)"), {}, {}, {} },
          [&](FakeLivy::Server *s, int run) {
              for (int k = 0; k < 10; ++k)
                  s->removeSession(ids.at((run * 389 + k * 431 + 7) % ids.size()));
          } },
    };
    for (int run = 0; run < runs; ++run) {
        for (ServerCase &c : serverCases) {
            server.call([&] { c.change(server.server(), run); });
            c.series.append(pollOnce(poller, server));
        }
    }

    // ---- 4. filtering ----
    err << "  filtering ..." << Qt::endl;
    model.setSessions(decodeList(base));
    settle();
    dock.filterEdit()->setFocus();
    const QStringList words{ QStringLiteral("etl-4321"), QStringLiteral("carol"), QStringLiteral("sparkr") };
    const int wordRuns = std::max(1, runs / 4);
    const FilterResult byId = filterRuns(dock, words, wordRuns);
    dock.view()->sortByColumn(SessionListModel::NameColumn, Qt::AscendingOrder);
    settle();
    const FilterResult byName = filterRuns(dock, words, wordRuns);
    dock.view()->sortByColumn(SessionListModel::IdColumn, Qt::DescendingOrder);
    settle();

    // ---- report ----
    QString md;
    QTextStream o(&md);
    o << "## Large servers\n\n";
    o << "A Livy server with " << QLocale::c().toString(sessions)
      << " interactive sessions (issue #17, item 4). Goals: the sessions list pages through them, each poll's update "
         "costs the GUI thread at most 20 ms, filtering stays instant (at most 16 ms a keystroke: one frame).\n\n";
    o << "Produced by `livydesk_bench_scale` (tests/benchmark/scalebench.cpp) with:\n\n```\n";
    QStringList args = QCoreApplication::arguments();
    args.first() = QStringLiteral("build-rel/tests/benchmark/livydesk_bench_scale");
    o << args.join(QLatin1Char(' ')) << "\n```\n\n";
    o << "Run " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ", " << LIVYDESK_BENCH_BUILD_TYPE
      << " build, Qt " << qVersion() << ", " << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount()
      << " cores shared with other builds and benchmarks, QPA " << QGuiApplication::platformName()
      << "; load average before the run " << loadBefore << ", after it " << loadAverage() << ".\n\n";
    o << "Setup: the fake Livy in the same process on its own thread, seeded with " << QLocale::c().toString(sessions)
      << " idle sessions (`FakeLivy::Server::seedSessions`, also `fakelivy --sessions N`: names `<team>-<id>`, four "
         "kinds, five owners, an appId and six log lines each, as Livy lists them; seeding took "
      << seedMs << " ms). The client is the production chain on the GUI thread: `Connection` → `SessionListPoller` "
         "(page size " << production.pageSize << ", the ServerControllerSettings default) → `SessionListModel` → "
         "`SessionsDock` (its QTableView sorted by id, newest first, and its filter proxy; 1000 × 700, offscreen). "
         "The GUI thread's work is timed per event (the application's `notify()`), in wall time and in the GUI "
         "thread's CPU time: on this shared machine wall time also counts the moments another process had the core, "
         "CPU time is the work itself. Each case ran " << runs << " times; figures are median / max, **CPU** first "
         "and wall time second where both are given. The verdicts use the maximum.\n\n";

    o << "### Full list polls\n\n";
    o << "| Poll | Requests | Wall time of the poll | GUI busy, CPU | GUI busy, wall | Longest GUI event, CPU | Longest GUI event, wall |\n"
         "|---|---:|---:|---:|---:|---:|---:|\n";
    o << "| First (empty list → " << QLocale::c().toString(sessions) << " rows) | " << first.requests << " | "
      << fmt(first.wallMs) << " ms | " << fmt(first.gui.busy.cpu) << " ms | " << fmt(first.gui.busy.wall) << " ms | "
      << fmt(first.gui.longestCpu) << " ms | " << fmt(first.gui.longest.wall) << " ms |\n";
    o << "| Later, nothing changed | " << pages << " | " << medMax(stats(unchangedPolls.wall)) << " | "
      << medMax(unchangedPolls.busy.cpuStats()) << " | " << medMax(unchangedPolls.busy.wallStats()) << " | "
      << medMax(unchangedPolls.longest.cpuStats()) << " | " << medMax(unchangedPolls.longest.wallStats()) << " |\n\n";
    o << "A page of " << production.pageSize << " sessions is " << fmt(page.size() / 1024.0)
      << " KiB; the protocol layer decodes it on the GUI thread (below LivyJob::BackgroundDecodeBytes) in "
      << fmt(pageParse.cpuStats().median) << " ms (JSON parse) + " << fmt(pageCodec.cpuStats().median)
      << " ms (codec), CPU median of 50.\n\n";

    o << "### One poll's update on the GUI thread\n\n";
    o << "The snapshot a poll hands to `SessionListModel::setSessions()`, freshly decoded from the list's JSON each time "
         "(as every poll's is), applied directly and alternating with the original list so that every application is a "
         "change of that kind. *Update* is the call and the snapshot's release (the model's diff, the proxy's and the "
         "view's synchronous reactions), *relayout + paint* the GUI time of the events it left queued (the view's "
         "delayed layout, the paint).\n\n";
    o << "| Change (of " << QLocale::c().toString(sessions) << ") | Update, CPU | Relayout + paint, CPU | Total, CPU | Total, wall | ≤ 20 ms (CPU / wall) |\n"
         "|---|---:|---:|---:|---:|---|\n";
    bool directCpu = true, directWall = true;
    for (const UpdateRow &r : direct) {
        const bool cpuMet = r.total.cpuStats().max <= 20, wallMet = r.total.wallStats().max <= 20;
        directCpu = directCpu && cpuMet;
        directWall = directWall && wallMet;
        o << "| " << r.name << " | " << medMax(r.update.cpuStats()) << " | " << medMax(r.relayout.cpuStats()) << " | "
          << medMax(r.total.cpuStats()) << " | " << medMax(r.total.wallStats()) << " | " << verdict(cpuMet) << " / "
          << verdict(wallMet) << " |\n";
    }
    o << "\nThe same kinds of change made on the server, then one production poll (" << pages
      << " pages): the GUI thread's work for the whole poll (every page's decode included) and its longest event "
         "(the last page's, which applies the snapshot).\n\n";
    o << "| Change on the server | Wall time of the poll | GUI busy, CPU | GUI busy, wall | Longest GUI event, CPU | Longest GUI event, wall | Longest ≤ 20 ms (CPU / wall) |\n"
         "|---|---:|---:|---:|---:|---:|---|\n";
    bool pollCpu = true, pollWall = true;
    for (const ServerCase &c : serverCases) {
        const PollSeries &s = c.series;
        const bool cpuMet = s.longest.cpuStats().max <= 20, wallMet = s.longest.wallStats().max <= 20;
        pollCpu = pollCpu && cpuMet;
        pollWall = pollWall && wallMet;
        o << "| " << s.name << " | " << medMax(stats(s.wall)) << " | " << medMax(s.busy.cpuStats()) << " | "
          << medMax(s.busy.wallStats()) << " | " << medMax(s.longest.cpuStats()) << " | " << medMax(s.longest.wallStats())
          << " | " << verdict(cpuMet) << " / " << verdict(wallMet) << " |\n";
    }

    o << "\n### Filtering\n\n";
    o << "Typing into the dock's filter box with `QTest::keyClick`, one character at a time, through the production "
         "filter proxy (the text of every column, hidden ones included, ignoring case), then Backspace to the empty "
         "box, then narrowing again and clearing the box at once. Per keystroke: from the key event until the view "
         "has relaid out and painted. Words "
      << words.join(QStringLiteral(", ")) << ", " << wordRuns << " times each; rows left after each character: "
      << byId.matches << ".\n\n";
    o << "| Keystroke | Sorted by | Count | CPU | Wall | ≤ 16 ms (CPU / wall) |\n|---|---|---:|---:|---:|---|\n";
    bool filterCpu = true, filterWall = true;
    auto filterRow = [&](const char *what, const char *sortedBy, const Series &s) {
        const bool cpuMet = s.cpuStats().max <= 16, wallMet = s.wallStats().max <= 16;
        filterCpu = filterCpu && cpuMet;
        filterWall = filterWall && wallMet;
        o << "| " << what << " | " << sortedBy << " | " << s.size() << " | " << medMax(s.cpuStats()) << " | "
          << medMax(s.wallStats()) << " | " << verdict(cpuMet) << " / " << verdict(wallMet) << " |\n";
    };
    filterRow("Typing a character", "id", byId.typing);
    filterRow("Backspace", "id", byId.deleting);
    filterRow("Clearing the box at once", "id", byId.clearing);
    filterRow("Typing a character", "name", byName.typing);
    filterRow("Backspace", "name", byName.deleting);
    filterRow("Clearing the box at once", "name", byName.clearing);
    o << "\nGoals, by the maximum: each poll's update ≤ 20 ms on the GUI thread: " << verdict(directCpu && pollCpu)
      << " in CPU time, " << verdict(directWall && pollWall) << " in wall time; filtering ≤ 16 ms a keystroke: "
      << verdict(filterCpu) << " in CPU time, " << verdict(filterWall) << " in wall time.\n";
    o.flush();

    QTextStream(stdout) << md << Qt::flush;
    if (parser.isSet(markdownOpt) && !Bench::writeSection(parser.value(markdownOpt), QStringLiteral("## Large servers"), md)) {
        std::fprintf(stderr, "livydesk_bench_scale: cannot write %s\n", qPrintable(parser.value(markdownOpt)));
        return 1;
    }
    return 0;
}
