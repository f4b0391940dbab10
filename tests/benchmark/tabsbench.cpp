// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// livydesk_bench_tabs: what a window with many open tabs costs the server (a program, not a test).
//
// Against the in-process fake Livy: N idle sessions are opened together through one ServerController with the
// production settings, as the app does when it restores its tabs at start and again on Ctrl+R (a new controller
// for the same server), with the log followed for one of them (the current tab, log dock visible). Reported: the
// requests of the first 10 s (total and the most in any one second), then the steady rate of an idle window over
// a minute, by route. Run once with the tabs attaching together (--spacing 0, how 0.1 behaved) and once with the
// default spacing.

#include "controllers/servercontroller.h"
#include "fakelivyserver.h"
#include "livy/connection.h"
#include "pollbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMap>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using std::chrono::milliseconds;

namespace {

struct Hit
{
    double atMs = 0;
    QString route;
};

QString routeOf(const FakeLivy::RecordedRequest &r)
{
    static const QRegularExpression digits(QStringLiteral("/\\d+"));
    QString path = r.path;
    path.replace(digits, QStringLiteral("/{id}"));
    return QString::fromLatin1(r.method) + QLatin1Char(' ') + path;
}

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Burst
{
    int total = 0;
    int peak = 0; ///< most requests in any 1 s window
};

Burst burstOf(const QList<Hit> &hits, double fromMs, double toMs)
{
    Burst b;
    QList<double> times;
    for (const Hit &h : hits) {
        if (h.atMs >= fromMs && h.atMs < toMs)
            times.append(h.atMs);
    }
    b.total = int(times.size());
    for (int i = 0, j = 0; i < int(times.size()); ++i) {
        while (times.at(i) - times.at(j) >= 1000.0)
            ++j;
        b.peak = std::max(b.peak, i - j + 1);
    }
    return b;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Requests per second of a window with many open tabs"));
    parser.addHelpOption();
    const QCommandLineOption tabsOpt(QStringLiteral("tabs"), QStringLiteral("Open sessions (default 12)."), QStringLiteral("n"), QStringLiteral("12"));
    const QCommandLineOption idleOpt(QStringLiteral("idle"), QStringLiteral("Seconds of idle window measured (default 60)."), QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption markdownOpt(QStringLiteral("markdown"), QStringLiteral("Write the \"## Requests with many tabs\" section of this file."), QStringLiteral("file"));
    parser.addOptions({ tabsOpt, idleOpt, markdownOpt });
    parser.process(app);
    const int tabs = std::max(1, parser.value(tabsOpt).toInt());
    const int idleSeconds = std::max(10, parser.value(idleOpt).toInt());

    FakeLivy::Server server;
    if (!server.start()) {
        std::fprintf(stderr, "livydesk_bench_tabs: cannot start the fake Livy server\n");
        return 1;
    }
    server.setStartupDelay(0);
    server.setVersion(QStringLiteral("0.9.0-incubating"));
    QList<int> ids;
    for (int i = 0; i < tabs; ++i) {
        const int id = server.createSession({ { QStringLiteral("kind"), QStringLiteral("pyspark") } });
        // A real session's log: a few hundred lines, so the log's ring has slid (livy.cache-log.size = 200).
        QStringList lines;
        for (int l = 0; l < 300; ++l)
            lines.append(QStringLiteral("26/12/02 08:00:%1 INFO SparkContext: line %2 of session %3").arg(l % 60, 2, 10, QLatin1Char('0')).arg(l).arg(id));
        server.appendLog(id, lines);
        ids.append(id);
    }
    wait(100);

    QElapsedTimer clock;
    clock.start();
    QList<Hit> hits;
    QObject::connect(&server, &FakeLivy::Server::requestReceived, &app,
                     [&](const FakeLivy::RecordedRequest &r) { hits.append({ double(clock.nsecsElapsed()) / 1e6, routeOf(r) }); });

    QNetworkAccessManager nam;
    Livy::ConnectionSettings cs;
    cs.baseUrl = server.url();
    Livy::Connection connection(&nam, cs);

    // Opens every tab as Application::connectTo does, returns when the measured window is over.
    auto openAll = [&](milliseconds spacing, double &startMs) {
        Livy::ServerControllerSettings settings; // production defaults
        settings.attachSpacing = spacing;
        auto *controller = new Livy::ServerController(&connection, settings, &app);
        startMs = double(clock.nsecsElapsed()) / 1e6;
        controller->connectToServer();
        for (const int id : std::as_const(ids)) {
            Livy::SessionController *c = controller->openSession(Livy::SessionRef::byId(id));
            c->setLogFollowing(id == ids.first()); // the current tab, log dock visible
        }
        return controller;
    };

    struct Row
    {
        QString what;
        Burst burst;
    };
    QList<Row> rows;
    QMap<QString, int> idleByRoute;
    double idleFrom = 0;
    double idleTo = 0;
    for (const int spacingMs : { 0, int(Livy::ServerControllerSettings().attachSpacing.count()) }) {
        double start = 0;
        Livy::ServerController *first = openAll(milliseconds(spacingMs), start);
        wait(10000);
        rows.append({ QStringLiteral("Restore %1 tabs at start, attaching %2").arg(tabs).arg(spacingMs ? QStringLiteral("%1 ms apart").arg(spacingMs) : QStringLiteral("together")),
                      burstOf(hits, start, start + 10000) });
        // Ctrl+R: a new controller for the same server, the same tabs.
        delete first;
        Livy::ServerController *second = openAll(milliseconds(spacingMs), start);
        wait(10000);
        rows.append({ QStringLiteral("Ctrl+R with %1 tabs, attaching %2").arg(tabs).arg(spacingMs ? QStringLiteral("%1 ms apart").arg(spacingMs) : QStringLiteral("together")),
                      burstOf(hits, start, start + 10000) });
        if (spacingMs > 0) {
            // The idle window: after the first minutes' settling, nobody types.
            wait(10000);
            idleFrom = double(clock.nsecsElapsed()) / 1e6;
            std::fprintf(stderr, "livydesk_bench_tabs: measuring an idle window for %d s...\n", idleSeconds);
            wait(idleSeconds * 1000);
            idleTo = double(clock.nsecsElapsed()) / 1e6;
            for (const Hit &h : std::as_const(hits)) {
                if (h.atMs >= idleFrom && h.atMs < idleTo)
                    ++idleByRoute[h.route];
            }
        }
        delete second;
        wait(500);
    }

    const double idleSpan = (idleTo - idleFrom) / 1000.0;
    int idleTotal = 0;
    for (const int n : std::as_const(idleByRoute))
        idleTotal += n;

    QString out;
    QTextStream md(&out);
    md << "## Requests with many tabs\n\n";
    md << "Produced by `livydesk_bench_tabs` (tests/benchmark/tabsbench.cpp) with:\n\n```\n"
       << QCoreApplication::arguments().join(QLatin1Char(' ')) << "\n```\n\n";
    QString load;
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly))
        load = QStringLiteral(", load average at the end %1").arg(QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 2));
    md << "Run " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ", " << LIVYDESK_BENCH_BUILD_TYPE << " build, Qt "
       << qVersion() << ", " << QThread::idealThreadCount() << " cores" << load << ".\n\n";
    md << "Load: " << tabs << " idle pyspark sessions on the in-process fake Livy (0.9), each with a 300-line log (the "
       << "200-line ring has slid), opened together through one ServerController with the production settings, the "
       << "log followed for one of them (the current tab with the log dock visible), as the app does at start and on "
       << "Ctrl+R. Requests counted at the server.\n\n";
    md << "| Moment | Requests in the first 10 s | Most requests in one second |\n|---|---:|---:|\n";
    for (const Row &r : std::as_const(rows))
        md << "| " << r.what << " | " << r.burst.total << " | " << r.burst.peak << " |\n";
    md << "\nAn idle window with " << tabs << " tabs, measured over " << QString::number(idleSpan, 'f', 0) << " s: "
       << idleTotal << " requests, " << QString::number(double(idleTotal) / std::max(1.0, idleSpan), 'f', 2)
       << " per second.\n\n| Route | Requests | Per second |\n|---|---:|---:|\n";
    for (auto it = idleByRoute.cbegin(); it != idleByRoute.cend(); ++it)
        md << "| `" << it.key() << "` | " << it.value() << " | " << QString::number(double(it.value()) / std::max(1.0, idleSpan), 'f', 3) << " |\n";
    md.flush();
    std::fputs(qPrintable(out), stdout);
    if (parser.isSet(markdownOpt) && !Bench::writeSection(parser.value(markdownOpt), QStringLiteral("## Requests with many tabs"), out)) {
        std::fprintf(stderr, "livydesk_bench_tabs: cannot write %s\n", qPrintable(parser.value(markdownOpt)));
        return 1;
    }
    return 0;
}
