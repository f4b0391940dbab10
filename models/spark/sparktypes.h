// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace Livy {

// What Spark's monitoring REST API (`/api/v1`, served by the driver's Spark UI, Spark 2.x-3.5) says about an
// application, decoded tolerantly: unknown fields are ignored, missing counts are 0, times are invalid when absent.
// Times on the wire look like "2026-12-02T19:03:12.345GMT".

/// One Spark job (`/applications/{app}/jobs`). Livy runs every statement in the job group named after the
/// statement id, so `jobGroup == "7"` is statement 7's job.
struct SparkJob
{
    int jobId = -1;
    QString name;
    QString description;
    QString jobGroup; ///< empty when the job had none
    QString status;   ///< RUNNING, SUCCEEDED, FAILED, UNKNOWN (as sent)
    QList<int> stageIds;
    int numTasks = 0;
    int numActiveTasks = 0;
    int numCompletedTasks = 0;
    int numSkippedTasks = 0;
    int numFailedTasks = 0;
    int numKilledTasks = 0;
    int numActiveStages = 0;
    int numCompletedStages = 0;
    int numSkippedStages = 0;
    int numFailedStages = 0;
    QDateTime submissionTime;
    QDateTime completionTime;

    bool isRunning() const { return status == QLatin1String("RUNNING"); }
    bool operator==(const SparkJob &) const = default;
};

/// A task that failed (`taskList?status=failed`): where, and the error Spark recorded.
struct SparkTaskFailure
{
    qint64 taskId = -1;
    int index = -1;
    int attempt = 0;
    QString executorId;
    QString host;
    QString errorMessage;
    bool operator==(const SparkTaskFailure &) const = default;

    /// The one line that says what went wrong: for a Python worker's traceback (PySpark wraps it in a
    /// PythonException) the exception line that ends it ("ZeroDivisionError: division by zero"), else the
    /// message's first line ("java.lang.ArithmeticException: / by zero").
    QString headline() const;
};

/// One attempt of one stage (`/applications/{app}/stages`).
struct SparkStage
{
    int stageId = -1;
    int attemptId = 0;
    QString name;
    QString status; ///< ACTIVE, COMPLETE, FAILED, PENDING, SKIPPED (as sent)
    int numTasks = 0;
    int numActiveTasks = 0;
    int numCompleteTasks = 0;
    int numFailedTasks = 0;
    int numKilledTasks = 0;
    qint64 inputBytes = 0;
    qint64 outputBytes = 0;
    qint64 shuffleReadBytes = 0;
    qint64 shuffleWriteBytes = 0;
    QDateTime submissionTime;
    QDateTime firstTaskLaunchedTime;
    QDateTime completionTime;
    QString failureReason;
    /// Filled by the tracker from `taskList?status=failed` when numFailedTasks > 0 (not part of the stage answer).
    QList<SparkTaskFailure> failures;

    bool isSkipped() const { return status == QLatin1String("SKIPPED"); }
    bool isComplete() const { return status == QLatin1String("COMPLETE"); }
    bool isActive() const { return status == QLatin1String("ACTIVE"); }
    bool isFailed() const { return status == QLatin1String("FAILED"); }
    /// Milliseconds from submission to completion (or to `now` while it runs); -1 before it was submitted.
    qint64 durationMs(const QDateTime &now) const;
    bool operator==(const SparkStage &) const = default;
};

/// One executor (or the driver, id "driver") of the application (`/applications/{app}/executors`).
struct SparkExecutor
{
    QString id;
    QString hostPort;
    bool isActive = true;
    int totalCores = 0;
    qint64 memoryUsed = 0;
    qint64 maxMemory = 0;
    qint64 diskUsed = 0;
    int activeTasks = 0;
    int failedTasks = 0;
    int completedTasks = 0;
    int totalTasks = 0;
    qint64 totalDurationMs = 0;
    qint64 totalGCTimeMs = 0;
    qint64 totalInputBytes = 0;
    qint64 totalShuffleRead = 0;
    qint64 totalShuffleWrite = 0;
    bool operator==(const SparkExecutor &) const = default;
};

/// One application of a Spark UI (`/applications`): a driver's UI serves exactly one.
struct SparkApplication
{
    QString id;
    QString name;
    bool operator==(const SparkApplication &) const = default;
};

/// What one statement made Spark do: the jobs of its job group and their stages, as last fetched.
struct SparkBreakdown
{
    int statementId = -1;
    QList<SparkJob> jobs;     ///< ascending job id
    QList<SparkStage> stages; ///< the latest attempt of every stage of those jobs, ascending stage id
    QDateTime fetchedAt;      ///< local clock, when the answers arrived
    bool final = false;       ///< fetched after the statement ended: nothing will change any more

    bool isEmpty() const { return jobs.isEmpty(); }

    struct Totals
    {
        int stages = 0;          ///< not counting skipped stages
        int completedStages = 0;
        int activeStages = 0;
        int failedStages = 0;
        int skippedStages = 0;
        int tasks = 0;           ///< of the stages counted
        int completedTasks = 0;
        int activeTasks = 0;
        int failedTasks = 0;
        qint64 inputBytes = 0;
        qint64 outputBytes = 0;
        qint64 shuffleReadBytes = 0;
        qint64 shuffleWriteBytes = 0;
    };
    Totals totals() const;
    /// The statements table's one-line summary: "stage 3/5 · 812/1,600 tasks · 2 failed", "2 jobs · 5 stages ·
    /// 1,600 tasks" once finished; empty without jobs.
    QString summary(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// The time the running stages still need, in ms, when it can be said honestly: every stage of the running jobs
    /// is known and none is pending (a pending stage may run or, under adaptive execution, be skipped), at least a
    /// fifth of the active stages' tasks are done, and they have run for at least 3 s; extrapolated from their task
    /// rate so far. The statement may still start further jobs, which no one can know in advance.
    std::optional<qint64> remainingMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// The stages of one job, in stage id order.
    QList<SparkStage> stagesOf(const SparkJob &job) const;
    /// Every failed task of every stage.
    QList<SparkTaskFailure> failures() const;

    /// Kept with the statement in the local history.
    QJsonObject toJson() const;
    static Result<SparkBreakdown> fromJson(const QJsonObject &object);

    bool operator==(const SparkBreakdown &) const = default;
};

namespace SparkCodec {

/// "2026-12-02T19:03:12.345GMT" (and the same with a "Z" or without milliseconds) as UTC; invalid otherwise.
QDateTime parseTime(const QString &text);
QString formatTime(const QDateTime &time);

Result<QList<SparkApplication>> decodeApplications(const QJsonArray &array);
Result<QList<SparkJob>> decodeJobs(const QJsonArray &array);
Result<QList<SparkStage>> decodeStages(const QJsonArray &array);
Result<QList<SparkExecutor>> decodeExecutors(const QJsonArray &array);
Result<QList<SparkTaskFailure>> decodeTasks(const QJsonArray &array);

SparkJob decodeJob(const QJsonObject &object);
SparkStage decodeStage(const QJsonObject &object);
QJsonObject encodeJob(const SparkJob &job);
QJsonObject encodeStage(const SparkStage &stage);

/// The jobs of `statementId`'s job group (Livy's REPL: `setJobGroup("<statement id>", …)`), ascending.
QList<SparkJob> jobsOfStatement(const QList<SparkJob> &jobs, int statementId);
/// A breakdown from the application's jobs and stages answers: the statement's jobs, and of the stages only the
/// latest attempt of each stage those jobs name.
SparkBreakdown breakdownOf(int statementId, const QList<SparkJob> &jobs, const QList<SparkStage> &stages);

} // namespace SparkCodec

} // namespace Livy

Q_DECLARE_METATYPE(Livy::SparkBreakdown)
