// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// livydesk_bench_spark: what following a running statement's Spark jobs costs the Spark UI (a program, not a test).
//
// A SparkTracker with its production settings follows one statement that runs for `--seconds` (default 60) against
// a fake Spark UI whose job advances every 100 ms through three stages (200 tasks each). The UI also retains
// `--retained` finished jobs of earlier statements (each with three stages), so its answers are as large as a
// long-lived session's. Reported: requests in total and per second, the most requests in any one-second window
// and the smallest gap between two requests (the promise: at most 2 per second, never closer than 500 ms), the
// bytes per second the UI served, and how often the statements table's summary moved.

#include "fakesparkui.h"

#include "items/statementlistmodel.h"
#include "livy/connection.h"
#include "spark/sparktracker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Livy;

namespace {

QJsonObject jobJson(int id, int group, const QString &status, int firstStage, int done)
{
    return QJsonObject{ { QStringLiteral("jobId"), id },
                        { QStringLiteral("name"), QStringLiteral("collect at <stdin>:1") },
                        { QStringLiteral("submissionTime"), QStringLiteral("2026-12-02T19:00:00.000GMT") },
                        { QStringLiteral("stageIds"), QJsonArray{ firstStage, firstStage + 1, firstStage + 2 } },
                        { QStringLiteral("jobGroup"), QString::number(group) },
                        { QStringLiteral("status"), status },
                        { QStringLiteral("numTasks"), 600 },
                        { QStringLiteral("numActiveTasks"), status == QLatin1String("RUNNING") ? 2 : 0 },
                        { QStringLiteral("numCompletedTasks"), done },
                        { QStringLiteral("numSkippedTasks"), 0 },
                        { QStringLiteral("numFailedTasks"), 0 },
                        { QStringLiteral("numKilledTasks"), 0 } };
}

QJsonObject stageJson(int id, const QString &status, int done)
{
    // Roughly the size of a real stage answer (Spark 3.5 sends ~70 fields per stage).
    QJsonObject s{ { QStringLiteral("status"), status },
                   { QStringLiteral("stageId"), id },
                   { QStringLiteral("attemptId"), 0 },
                   { QStringLiteral("numTasks"), 200 },
                   { QStringLiteral("numActiveTasks"), status == QLatin1String("ACTIVE") ? 2 : 0 },
                   { QStringLiteral("numCompleteTasks"), done },
                   { QStringLiteral("numFailedTasks"), 0 },
                   { QStringLiteral("submissionTime"), QStringLiteral("2026-12-02T19:00:01.000GMT") },
                   { QStringLiteral("name"), QStringLiteral("collect at <stdin>:1") } };
    for (int i = 0; i < 60; ++i)
        s.insert(QStringLiteral("metric%1").arg(i), 123456 + i);
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("How long the statement runs."),
                                     QStringLiteral("s"), QStringLiteral("60"));
    QCommandLineOption retainedOption(QStringLiteral("retained"), QStringLiteral("Finished jobs the UI retains."),
                                      QStringLiteral("n"), QStringLiteral("300"));
    parser.addOptions({ secondsOption, retainedOption });
    parser.process(app);
    const int seconds = std::max(5, parser.value(secondsOption).toInt());
    const int retained = std::max(0, parser.value(retainedOption).toInt());

    FakeLivy::FakeSparkUi ui;
    if (!ui.start()) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    QJsonArray oldJobs;
    QJsonArray oldStages;
    for (int j = 0; j < retained; ++j) {
        oldJobs.append(jobJson(j, j, QStringLiteral("SUCCEEDED"), 3 * j, 600));
        for (int s = 0; s < 3; ++s)
            oldStages.append(stageJson(3 * j + s, QStringLiteral("COMPLETE"), 200));
    }
    const int group = retained; // the running statement
    const int firstStage = 3 * retained;
    QElapsedTimer clock;
    clock.start();
    int done = -1;
    const auto advance = [&] {
        const qint64 t = clock.elapsed();
        const int now = int(std::min<qint64>(600, 600 * t / (qint64(seconds) * 1000)));
        if (now == done)
            return;
        done = now;
        QJsonArray jobs = oldJobs;
        jobs.append(jobJson(retained, group, QStringLiteral("RUNNING"), firstStage, done));
        QJsonArray stages = oldStages;
        for (int s = 0; s < 3; ++s) {
            const int stageDone = std::clamp(done - 200 * s, 0, 200);
            const QString status = stageDone == 200 ? QStringLiteral("COMPLETE")
                                 : (stageDone > 0 || done == 200 * s) ? QStringLiteral("ACTIVE")
                                                                      : QStringLiteral("PENDING");
            stages.append(stageJson(firstStage + s, status, stageDone));
        }
        ui.setJobs(jobs);
        ui.setStages(stages);
    };
    advance();
    QTimer progress;
    QObject::connect(&progress, &QTimer::timeout, &app, advance);
    progress.start(100);

    QNetworkAccessManager nam;
    ConnectionSettings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8998"));
    Connection livy(&nam, settings);
    StatementListModel statements;
    SparkTracker tracker(&livy, &statements);
    Session session;
    session.id = 0;
    session.conf.insert(QStringLiteral("spark.ui.port"), QString::number(ui.url().port()));
    tracker.setSession(session);

    // How often the statements table's summary moves (what the user sees update).
    QList<qint64> updates;
    QString shown;
    QObject::connect(&statements, &QAbstractItemModel::dataChanged, &app, [&] {
        const QString summary = statements.sparkSummary(group);
        if (summary.isEmpty() || summary == shown)
            return;
        shown = summary;
        updates.append(clock.elapsed());
    });

    Statement running;
    running.id = group;
    running.state = StatementState::Running;
    running.stateName = QStringLiteral("running");
    statements.upsert(running);

    QTimer::singleShot(seconds * 1000, &app, [&] { app.quit(); });
    app.exec();

    const QList<FakeLivy::FakeSparkUi::Hit> hits = ui.hits();
    qint64 minGap = std::numeric_limits<qint64>::max();
    int maxWindow = 0;
    for (qsizetype i = 0; i < hits.size(); ++i) {
        if (i > 0)
            minGap = std::min(minGap, hits[i].atMs - hits[i - 1].atMs);
        int inWindow = 0;
        for (qsizetype k = i; k < hits.size() && hits[k].atMs < hits[i].atMs + 1000; ++k)
            ++inWindow;
        maxWindow = std::max(maxWindow, inWindow);
    }
    const qsizetype jobsBytes = QJsonDocument(oldJobs).toJson(QJsonDocument::Compact).size();
    const qsizetype stagesBytes = QJsonDocument(oldStages).toJson(QJsonDocument::Compact).size();
    qint64 bytes = 0;
    for (const auto &hit : hits)
        bytes += hit.bytes;
    QList<qint64> gaps;
    for (qsizetype i = 1; i < updates.size(); ++i)
        gaps.append(updates[i] - updates[i - 1]);
    std::sort(gaps.begin(), gaps.end());
    const double wall = double(seconds);
    std::printf("## Spark UI requests (livydesk_bench_spark)\n\n");
    std::printf("Machine: %s, %d cores; build: %s; load: one statement running %d s, the UI retaining %d earlier jobs "
                "(answers: jobs %.0f KiB, stages %.0f KiB).\n\n",
                qPrintable(QSysInfo::prettyProductName()), QThread::idealThreadCount(), LIVYDESK_BENCH_BUILD_TYPE,
                seconds, retained, double(jobsBytes) / 1024.0, double(stagesBytes) / 1024.0);
    std::printf("| requests | per second | most in any 1 s | smallest gap | served per second | summary updates | between updates median / max |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
    std::printf("| %lld | %.2f | %d | %lld ms | %.0f KiB | %lld | %lld / %lld ms |\n", qlonglong(hits.size()),
                double(hits.size()) / wall, maxWindow, qlonglong(hits.size() > 1 ? minGap : 0), double(bytes) / 1024.0 / wall,
                qlonglong(updates.size()), qlonglong(gaps.isEmpty() ? -1 : gaps[gaps.size() / 2]),
                qlonglong(gaps.isEmpty() ? -1 : gaps.last()));
    return 0;
}
