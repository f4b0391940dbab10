// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// livydesk_bench_export: streaming export of a result kept on a REAL Livy server (a program, not a test; issue #19).
//
// One pyspark session; a temporary view of N rows (id, name, a decimal, a date, a nullable string with commas and
// quotes) cached in Spark; then every row exported through LivyDesk's own Livy::PagedExport (chunks of CSV or JSON
// lines made by Spark, appended to a file) while the client's resident memory is sampled every 20 ms. Reported:
// rows per second, MB per second, chunks, and VmRSS before and at its peak during the export (what the export adds).
//
//   livydesk_bench_export [--server URL] [--rows 200000,1000000] [--out docs/benchmarks-export.md]
//
// Without --server it starts scripts/local-livy --instance bench-export on a free port and stops it afterwards.

#include "controllers/sessioncontroller.h"
#include "data/pagedexport.h"
#include "data/pagedquery.h"
#include "data/pagedtablemodel.h"
#include "data/sessionqueryrunner.h"
#include "livy/connection.h"
#include "livy/createsessionjob.h"
#include "livy/deletesessionjob.h"
#include "livy/getsessionstatejob.h"
#include "polling/pollactivity.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Livy;

namespace {

qint64 vmRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

bool waitFor(const std::function<bool()> &condition, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

QString localLivy(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LIVYDESK_SOURCE_DIR "/scripts/local-livy"), args);
    p.waitForFinished(900000);
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    return QString::fromUtf8(lines.last()).trimmed();
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QStringLiteral("unknown CPU");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Streaming export from a real Livy: rows/s and the client's memory"));
    parser.addHelpOption();
    const QCommandLineOption serverOpt(QStringLiteral("server"), QStringLiteral("Livy URL (default: start a local one)"), QStringLiteral("url"));
    const QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("Row counts, comma-separated"), QStringLiteral("list"),
                                     QStringLiteral("200000,1000000"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Markdown report"), QStringLiteral("file"));
    parser.addOptions({ serverOpt, rowsOpt, outOpt });
    parser.process(app);

    QString url = parser.value(serverOpt);
    const bool local = url.isEmpty();
    if (local)
        url = localLivy({ QStringLiteral("--instance"), QStringLiteral("bench-export"), QStringLiteral("--port"), QStringLiteral("auto"), QStringLiteral("start") });
    std::printf("Livy at %s\n", qPrintable(url));

    PollActivity::global()->setActive(true);
    QNetworkAccessManager nam;
    ConnectionSettings settings;
    settings.baseUrl = QUrl(url);
    settings.requestTimeout = std::chrono::seconds(300);
    Connection connection(&nam, settings);

    CreateSessionRequest request;
    request.kind = QStringLiteral("pyspark");
    request.name = QStringLiteral("bench-export-%1").arg(QCoreApplication::applicationPid());
    request.driverMemory = QStringLiteral("2g");
    request.conf = QMap<QString, QString>{ { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("4") },
                                           { QStringLiteral("spark.ui.enabled"), QStringLiteral("false") } };
    auto *create = new CreateSessionJob(&connection, request);
    int sessionId = -1;
    QObject::connect(create, &LivyJob::finished, [&] { sessionId = create->ok() ? create->session().id : -2; });
    create->start();
    if (!waitFor([&] { return sessionId != -1; }, 120000) || sessionId < 0) {
        std::fprintf(stderr, "cannot create a session\n");
        return 1;
    }
    SessionControllerSettings cs;
    cs.keepAlive = false;
    SessionController controller(&connection, SessionRef::byId(sessionId), cs);
    controller.attach();
    if (!waitFor([&] { return controller.status() == SessionController::Status::Ready; }, 600000)) {
        std::fprintf(stderr, "the session did not become ready\n");
        return 1;
    }
    SessionQueryRunner runner(&controller);
    const auto query = [&](const QString &sql) {
        std::optional<QueryReply> reply;
        runner.run(QStringLiteral("bench"), sql, &app, [&](const QueryReply &r) { reply = r; });
        waitFor([&] { return reply.has_value(); }, 900000);
        if (!reply || !reply->ok())
            std::fprintf(stderr, "query failed: %s\n", reply ? qPrintable(reply->error) : "timeout");
        return reply && reply->ok() ? reply->table : nullptr;
    };

    QString md;
    md += QStringLiteral("| Rows | Format | File | Chunks | Time | Rows/s | MB/s | VmRSS before | VmRSS peak during | Added by the export |\n"
                         "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    QTemporaryDir dir;
    for (const QString &n : parser.value(rowsOpt).split(QLatin1Char(','))) {
        const qint64 rows = n.toLongLong();
        const QString view = QStringLiteral("bench_%1").arg(rows);
        if (!query(QStringLiteral("CREATE OR REPLACE TEMPORARY VIEW %1 AS SELECT id, concat('name-', id) AS name, id * 0.5 AS amount, "
                                  "date_add(DATE'2020-01-01', CAST(id %% 1000 AS INT)) AS day, CASE WHEN id %% 7 = 0 THEN NULL "
                                  "ELSE concat('c, \"q\" ', id %% 3) END AS note FROM range(%2)").arg(view).arg(rows).replace(QStringLiteral("%%"), QStringLiteral("%")))
            || !query(QStringLiteral("CACHE TABLE %1").arg(view)))
            return 1;
        // The columns, as the paged table knows them.
        PagedTableModel model(&runner);
        PagedQuery q;
        q.relation = view;
        model.setQuery(q);
        if (!waitFor([&] { return model.totalRows() == rows && model.columnCount() > 0; }, 300000))
            return 1;
        for (const auto format : { PagedQuery::ExportFormat::Csv, PagedQuery::ExportFormat::JsonLines }) {
            const bool csv = format == PagedQuery::ExportFormat::Csv;
            const QString path = dir.filePath(view + (csv ? QStringLiteral(".csv") : QStringLiteral(".jsonl")));
            PagedExport exporter(&runner);
            qint64 before = vmRssKiB();
            qint64 peak = before;
            QTimer sampler;
            QObject::connect(&sampler, &QTimer::timeout, [&] { peak = std::max(peak, vmRssKiB()); });
            sampler.start(20);
            QElapsedTimer clock;
            clock.start();
            exporter.start(model.query(), model.columns(), format, path, model.totalRows());
            waitFor([&] { return exporter.state() != PagedExport::State::Running; }, 1800000);
            sampler.stop();
            peak = std::max(peak, vmRssKiB());
            const double seconds = double(clock.elapsed()) / 1000.0;
            if (exporter.state() != PagedExport::State::Finished) {
                std::fprintf(stderr, "export failed: %s\n", qPrintable(exporter.summary()));
                return 1;
            }
            const double mb = double(exporter.bytesWritten()) / 1e6;
            const QString line = QStringLiteral("| %1 | %2 | %3 MB | %4 | %5 s | %6 | %7 | %8 MiB | %9 MiB | %10 MiB |\n")
                                     .arg(rows)
                                     .arg(csv ? QStringLiteral("CSV") : QStringLiteral("JSON lines"))
                                     .arg(mb, 0, 'f', 1)
                                     .arg(exporter.chunksDone())
                                     .arg(seconds, 0, 'f', 1)
                                     .arg(qRound64(double(rows) / seconds))
                                     .arg(mb / seconds, 0, 'f', 1)
                                     .arg(double(before) / 1024.0, 0, 'f', 1)
                                     .arg(double(peak) / 1024.0, 0, 'f', 1)
                                     .arg(double(peak - before) / 1024.0, 0, 'f', 1);
            std::printf("%s", qPrintable(line));
            std::fflush(stdout);
            md += line;
            QFile::remove(path);
        }
        query(QStringLiteral("UNCACHE TABLE %1").arg(view));
    }
    md += QStringLiteral("\nMachine: %1, %2 cores, %3; build: %4; server: Livy 0.9.0 + Spark 3.5.6 local[*] on the same machine "
                         "(pyspark session, driver 2g, data cached in Spark).\n")
              .arg(cpuModel())
              .arg(QThread::idealThreadCount())
              .arg(QSysInfo::prettyProductName())
              .arg(QStringLiteral(LIVYDESK_BENCH_BUILD_TYPE));
    std::printf("\n%s", qPrintable(md));
    if (parser.isSet(outOpt)) {
        QFile out(parser.value(outOpt));
        if (out.open(QIODevice::WriteOnly))
            out.write(md.toUtf8());
    }
    auto *del = new DeleteSessionJob(&connection, SessionRef::byId(sessionId));
    bool deleted = false;
    QObject::connect(del, &LivyJob::finished, [&] { deleted = true; });
    del->start();
    waitFor([&] { return deleted; }, 120000);
    if (local)
        localLivy({ QStringLiteral("--instance"), QStringLiteral("bench-export"), QStringLiteral("stop") });
    return 0;
}
