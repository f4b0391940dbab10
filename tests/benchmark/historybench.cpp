// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// livydesk_bench_history: what the local history costs. Records N statements through HistoryStore (as the
// recorder does from the GUI thread) with a mix of outputs, and reports
//  - the time each record call takes on the calling (GUI) thread: median, p99, max;
//  - the GUI thread's longest stall while the store's thread writes (a 1 ms timer's largest gap);
//  - how long the writes take to land, the file size;
//  - full-text search and LIKE search over the result, and loading one entry with a large output.
// Usage: livydesk_bench_history [--entries N] [--dir DIR]   (report in docs/benchmarks.md, "## Local history")

#include "history/historydatabase.h"
#include "history/historystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Livy;

namespace {

Statement makeStatement(int id, QRandomGenerator &rng)
{
    static const QStringList words = { QStringLiteral("orders"), QStringLiteral("customers"), QStringLiteral("join"),
                                       QStringLiteral("groupBy"), QStringLiteral("parquet"), QStringLiteral("count"),
                                       QStringLiteral("revenue"), QStringLiteral("region"), QStringLiteral("filter") };
    Statement st;
    st.id = id;
    QStringList code;
    for (int i = 0; i < 12; ++i)
        code << words.at(int(rng.bounded(words.size())));
    st.code = QStringLiteral("df_%1 = spark.table('%2').%3()").arg(id).arg(code.join(QLatin1Char('_')), code.first());
    st.stateName = QStringLiteral("available");
    st.state = StatementState::Available;
    st.progress = 1;
    st.started = 1'700'000'000'000 + id * 1000LL;
    st.completed = st.started + 400;
    StatementOutput out;
    out.status = StatementOutput::Status::Ok;
    out.statusName = QStringLiteral("ok");
    out.executionCount = id;
    // 1 in 50: a large text output (1 MB); the rest a few hundred bytes.
    const int size = id % 50 == 0 ? 1'000'000 : 300;
    QString text;
    text.reserve(size);
    while (text.size() < size)
        text += words.at(int(rng.bounded(words.size()))) + QLatin1Char(' ');
    out.data.insert(Mime::TextPlain, text);
    st.output = out;
    return st;
}

qint64 percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("entries"), QStringLiteral("statements to record"), QStringLiteral("N"),
                       QStringLiteral("20000") });
    parser.addOption({ QStringLiteral("dir"), QStringLiteral("where the database goes (default: a temp dir)"),
                       QStringLiteral("DIR") });
    parser.process(app);
    const int n = parser.value(QStringLiteral("entries")).toInt();
    QTemporaryDir temp;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    const QString path = dir + QStringLiteral("/history-bench.sqlite");
    QFile::remove(path);

    QRandomGenerator rng(42);
    QList<Statement> statements;
    for (int i = 0; i < n; ++i)
        statements << makeStatement(i, rng);
    HistorySession session;
    session.server = QStringLiteral("http://127.0.0.1:8998");
    session.id = 1;
    session.identity = QStringLiteral("tag:bench");
    session.kind = QStringLiteral("pyspark");

    HistoryStore store;
    QSignalSpy opened(&store, &HistoryStore::opened);
    store.open(path);
    opened.wait(10000);

    // The GUI thread's longest gap between 1 ms timer ticks while the writes land.
    QElapsedTimer tickClock;
    qint64 lastTick = 0, worstGap = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = tickClock.nsecsElapsed();
        worstGap = std::max(worstGap, now - lastTick);
        lastTick = now;
    });

    QList<qint64> callNs;
    callNs.reserve(n);
    QElapsedTimer total;
    total.start();
    tickClock.start();
    ticker.start();
    // Recorded in bursts of 50, the event loop running between them, as results arrive in the app.
    for (int i = 0; i < n; ++i) {
        QElapsedTimer call;
        call.start();
        store.recordStatement(session, statements.at(i), QStringLiteral("pyspark"));
        callNs << call.nsecsElapsed();
        if (i % 50 == 49)
            QCoreApplication::processEvents();
    }
    const qint64 queuedMs = total.elapsed();
    // Keep the event loop (and the ticker) running until the writer is done: a search queued behind every write
    // answers once they have all landed.
    bool idle = false;
    QObject::connect(&store, &HistoryStore::searchFinished, [&] { idle = true; });
    HistoryQuery none;
    none.limit = 1;
    store.search(none);
    while (!idle)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    const qint64 landedMs = total.elapsed();
    ticker.stop();

    HistoryDatabase db;
    db.open(path);
    QElapsedTimer t;
    HistoryQuery fts;
    fts.text = QStringLiteral("revenue region");
    t.start();
    const int ftsHits = int(db.search(fts).size());
    const qint64 ftsMs = t.elapsed();
    t.restart();
    HistoryQuery rare;
    rare.text = QStringLiteral("df_12345");
    const int rareHits = int(db.search(rare).size());
    const qint64 rareMs = t.elapsed();
    t.restart();
    const auto big = db.load(db.search({}).last().rowId); // statement 0: 1 MB output
    const qint64 loadMs = t.elapsed();
    db.close();
    HistoryDatabase likeDb(HistoryDatabase::Search::Like);
    likeDb.open(path);
    t.restart();
    const int likeHits = int(likeDb.search(fts).size());
    const qint64 likeMs = t.elapsed();

    std::printf("LivyDesk history benchmark (%s, %s, %d cores)\n", qPrintable(QSysInfo::prettyProductName()),
                qPrintable(QSysInfo::currentCpuArchitecture()), QThread::idealThreadCount());
    std::printf("entries: %d (1 in 50 with a 1 MB text output, the rest ~300 B)\n", n);
    std::printf("record call on the GUI thread: median %.1f us, p99 %.1f us, max %.1f us\n",
                double(percentile(callNs, 0.5)) / 1000, double(percentile(callNs, 0.99)) / 1000,
                double(percentile(callNs, 1.0)) / 1000);
    std::printf("longest GUI-thread gap while writing (1 ms timer): %.1f ms\n", double(worstGap) / 1e6);
    std::printf("all calls made: %lld ms; all written: %lld ms (%.0f entries/s)\n", queuedMs, landedMs,
                n * 1000.0 / double(std::max<qint64>(1, landedMs)));
    std::printf("database: %.1f MB\n", double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6);
    std::printf("search \"revenue region\" (FTS5): %d hits (limit 1000) in %lld ms; \"df_12345\": %d in %lld ms\n",
                ftsHits, ftsMs, rareHits, rareMs);
    std::printf("search \"revenue region\" (LIKE fallback): %d hits in %lld ms\n", likeHits, likeMs);
    std::printf("load one entry with a 1 MB output: %lld ms (%s)\n", loadMs,
                big && big->statement.output ? "ok" : "missing");
    return 0;
}
