// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparktypes.h"

#include "items/statementlistmodel.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace Livy {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Livy::SparkBreakdown", text);
}

qint64 number(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? qint64(v.toDouble()) : 0;
}

int count(const QJsonObject &o, QLatin1String key)
{
    return int(std::clamp<qint64>(number(o, key), 0, std::numeric_limits<int>::max()));
}

QString text(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return {};
}

QDateTime time(const QJsonObject &o, QLatin1String key)
{
    return SparkCodec::parseTime(o.value(key).toString());
}

template<typename T, typename F>
Result<QList<T>> decodeArray(const QJsonArray &array, const char *what, F decodeOne)
{
    QList<T> out;
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        if (!v.isObject())
            return LivyError::protocol(QStringLiteral("The Spark UI sent a %1 list with an entry that is not an object")
                                           .arg(QLatin1String(what)));
        out.append(decodeOne(v.toObject()));
    }
    return out;
}

void putTime(QJsonObject &o, QLatin1String key, const QDateTime &t)
{
    if (t.isValid())
        o.insert(key, SparkCodec::formatTime(t));
}

} // namespace

qint64 SparkStage::durationMs(const QDateTime &now) const
{
    if (!submissionTime.isValid())
        return -1;
    const QDateTime end = completionTime.isValid() ? completionTime : now;
    return std::max<qint64>(0, submissionTime.msecsTo(end));
}

SparkBreakdown::Totals SparkBreakdown::totals() const
{
    Totals t;
    for (const SparkStage &s : stages) {
        if (s.isSkipped()) {
            ++t.skippedStages;
            continue;
        }
        ++t.stages;
        t.completedStages += s.isComplete() ? 1 : 0;
        t.activeStages += s.isActive() ? 1 : 0;
        t.failedStages += s.isFailed() ? 1 : 0;
        t.tasks += s.numTasks;
        t.completedTasks += s.numCompleteTasks;
        t.activeTasks += s.numActiveTasks;
        t.failedTasks += s.numFailedTasks;
        t.inputBytes += s.inputBytes;
        t.outputBytes += s.outputBytes;
        t.shuffleReadBytes += s.shuffleReadBytes;
        t.shuffleWriteBytes += s.shuffleWriteBytes;
    }
    return t;
}

QString SparkBreakdown::summary(const QDateTime &now) const
{
    if (jobs.isEmpty())
        return {};
    const Totals t = totals();
    const QLocale locale;
    const bool running = std::any_of(jobs.cbegin(), jobs.cend(), [](const SparkJob &j) { return j.isRunning(); });
    QStringList parts;
    if (jobs.size() > 1)
        parts << tr("%1 jobs").arg(jobs.size());
    if (running) {
        // The stage being worked on: the completed ones plus the first active one.
        const int current = std::min(t.stages, t.completedStages + (t.activeStages > 0 ? 1 : 0));
        parts << tr("stage %1/%2").arg(std::max(current, 1)).arg(t.stages);
        parts << tr("%1/%2 tasks").arg(locale.toString(t.completedTasks), locale.toString(t.tasks));
    } else {
        parts << (t.stages == 1 ? tr("1 stage") : tr("%1 stages").arg(t.stages));
        parts << (t.tasks == 1 ? tr("1 task") : tr("%1 tasks").arg(locale.toString(t.tasks)));
    }
    if (t.failedTasks > 0)
        parts << tr("%1 failed").arg(locale.toString(t.failedTasks));
    if (running) {
        if (const std::optional<qint64> left = remainingMs(now))
            parts << tr("~%1 left").arg(StatementListModel::formatDuration(*left));
    }
    return parts.join(QStringLiteral(" · "));
}

std::optional<qint64> SparkBreakdown::remainingMs(const QDateTime &now) const
{
    int tasks = 0;
    int done = 0;
    QDateTime start;
    bool anyRunning = false;
    for (const SparkJob &job : jobs) {
        if (!job.isRunning())
            continue;
        anyRunning = true;
        const QList<SparkStage> own = stagesOf(job);
        if (own.size() != job.stageIds.size())
            return std::nullopt; // a stage of the job is not known yet
        for (const SparkStage &s : own) {
            // A pending stage may run or, under adaptive execution, be skipped: the work left is unknown.
            if (s.status == QLatin1String("PENDING"))
                return std::nullopt;
            if (!s.isActive())
                continue;
            tasks += s.numTasks;
            done += std::min(s.numCompleteTasks, s.numTasks);
            const QDateTime began = s.firstTaskLaunchedTime.isValid() ? s.firstTaskLaunchedTime : s.submissionTime;
            if (began.isValid() && (!start.isValid() || began < start))
                start = began;
        }
    }
    if (!anyRunning || tasks <= 0 || done <= 0 || !start.isValid())
        return std::nullopt;
    const qint64 elapsed = start.msecsTo(now);
    if (elapsed < 3000 || done * 5 < tasks)
        return std::nullopt;
    const double perTask = double(elapsed) / double(done);
    return qint64(perTask * double(tasks - done));
}

QList<SparkStage> SparkBreakdown::stagesOf(const SparkJob &job) const
{
    QList<SparkStage> out;
    for (const SparkStage &s : stages) {
        if (job.stageIds.contains(s.stageId))
            out.append(s);
    }
    return out;
}

QList<SparkTaskFailure> SparkBreakdown::failures() const
{
    QList<SparkTaskFailure> out;
    for (const SparkStage &s : stages)
        out += s.failures;
    return out;
}

QJsonObject SparkBreakdown::toJson() const
{
    QJsonArray jobArray;
    for (const SparkJob &j : jobs)
        jobArray.append(SparkCodec::encodeJob(j));
    QJsonArray stageArray;
    for (const SparkStage &s : stages)
        stageArray.append(SparkCodec::encodeStage(s));
    QJsonObject o{ { QStringLiteral("statementId"), statementId },
                   { QStringLiteral("jobs"), jobArray },
                   { QStringLiteral("stages"), stageArray },
                   { QStringLiteral("final"), final } };
    putTime(o, QLatin1String("fetchedAt"), fetchedAt);
    return o;
}

Result<SparkBreakdown> SparkBreakdown::fromJson(const QJsonObject &object)
{
    if (!object.value(QLatin1String("jobs")).isArray() || !object.value(QLatin1String("stages")).isArray())
        return LivyError::protocol(QStringLiteral("A stored Spark breakdown has no jobs or stages"));
    SparkBreakdown b;
    b.statementId = object.value(QLatin1String("statementId")).toInt(-1);
    const Result<QList<SparkJob>> jobs = SparkCodec::decodeJobs(object.value(QLatin1String("jobs")).toArray());
    if (!jobs)
        return jobs.error();
    const Result<QList<SparkStage>> stages = SparkCodec::decodeStages(object.value(QLatin1String("stages")).toArray());
    if (!stages)
        return stages.error();
    b.jobs = jobs.value();
    b.stages = stages.value();
    b.final = object.value(QLatin1String("final")).toBool();
    b.fetchedAt = time(object, QLatin1String("fetchedAt"));
    return b;
}

namespace SparkCodec {

QDateTime parseTime(const QString &raw)
{
    if (raw.isEmpty())
        return {};
    QString t = raw;
    if (t.endsWith(QLatin1String("GMT")))
        t.chop(3);
    else if (t.endsWith(QLatin1Char('Z')))
        t.chop(1);
    for (const char *format : { "yyyy-MM-ddTHH:mm:ss.zzz", "yyyy-MM-ddTHH:mm:ss" }) {
        QDateTime d = QDateTime::fromString(t, QLatin1String(format));
        if (d.isValid()) {
            d.setTimeZone(QTimeZone::utc());
            return d;
        }
    }
    return {};
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("GMT");
}

SparkJob decodeJob(const QJsonObject &o)
{
    SparkJob j;
    j.jobId = int(o.value(QLatin1String("jobId")).toDouble(-1));
    j.name = text(o, QLatin1String("name"));
    j.description = text(o, QLatin1String("description"));
    j.jobGroup = text(o, QLatin1String("jobGroup"));
    j.status = text(o, QLatin1String("status"));
    for (const QJsonValue &v : o.value(QLatin1String("stageIds")).toArray()) {
        if (v.isDouble())
            j.stageIds.append(v.toInt());
    }
    j.numTasks = count(o, QLatin1String("numTasks"));
    j.numActiveTasks = count(o, QLatin1String("numActiveTasks"));
    j.numCompletedTasks = count(o, QLatin1String("numCompletedTasks"));
    j.numSkippedTasks = count(o, QLatin1String("numSkippedTasks"));
    j.numFailedTasks = count(o, QLatin1String("numFailedTasks"));
    j.numKilledTasks = count(o, QLatin1String("numKilledTasks"));
    j.numActiveStages = count(o, QLatin1String("numActiveStages"));
    j.numCompletedStages = count(o, QLatin1String("numCompletedStages"));
    j.numSkippedStages = count(o, QLatin1String("numSkippedStages"));
    j.numFailedStages = count(o, QLatin1String("numFailedStages"));
    j.submissionTime = time(o, QLatin1String("submissionTime"));
    j.completionTime = time(o, QLatin1String("completionTime"));
    return j;
}

QJsonObject encodeJob(const SparkJob &j)
{
    QJsonArray ids;
    for (int id : j.stageIds)
        ids.append(id);
    QJsonObject o{ { QStringLiteral("jobId"), j.jobId },
                   { QStringLiteral("name"), j.name },
                   { QStringLiteral("status"), j.status },
                   { QStringLiteral("stageIds"), ids },
                   { QStringLiteral("numTasks"), j.numTasks },
                   { QStringLiteral("numActiveTasks"), j.numActiveTasks },
                   { QStringLiteral("numCompletedTasks"), j.numCompletedTasks },
                   { QStringLiteral("numSkippedTasks"), j.numSkippedTasks },
                   { QStringLiteral("numFailedTasks"), j.numFailedTasks },
                   { QStringLiteral("numKilledTasks"), j.numKilledTasks },
                   { QStringLiteral("numActiveStages"), j.numActiveStages },
                   { QStringLiteral("numCompletedStages"), j.numCompletedStages },
                   { QStringLiteral("numSkippedStages"), j.numSkippedStages },
                   { QStringLiteral("numFailedStages"), j.numFailedStages } };
    if (!j.description.isEmpty())
        o.insert(QStringLiteral("description"), j.description);
    if (!j.jobGroup.isEmpty())
        o.insert(QStringLiteral("jobGroup"), j.jobGroup);
    putTime(o, QLatin1String("submissionTime"), j.submissionTime);
    putTime(o, QLatin1String("completionTime"), j.completionTime);
    return o;
}

SparkStage decodeStage(const QJsonObject &o)
{
    SparkStage s;
    s.stageId = int(o.value(QLatin1String("stageId")).toDouble(-1));
    s.attemptId = count(o, QLatin1String("attemptId"));
    s.name = text(o, QLatin1String("name"));
    s.status = text(o, QLatin1String("status"));
    s.numTasks = count(o, QLatin1String("numTasks"));
    s.numActiveTasks = count(o, QLatin1String("numActiveTasks"));
    s.numCompleteTasks = count(o, QLatin1String("numCompleteTasks"));
    s.numFailedTasks = count(o, QLatin1String("numFailedTasks"));
    s.numKilledTasks = count(o, QLatin1String("numKilledTasks"));
    s.inputBytes = number(o, QLatin1String("inputBytes"));
    s.outputBytes = number(o, QLatin1String("outputBytes"));
    s.shuffleReadBytes = number(o, QLatin1String("shuffleReadBytes"));
    s.shuffleWriteBytes = number(o, QLatin1String("shuffleWriteBytes"));
    s.submissionTime = time(o, QLatin1String("submissionTime"));
    s.firstTaskLaunchedTime = time(o, QLatin1String("firstTaskLaunchedTime"));
    s.completionTime = time(o, QLatin1String("completionTime"));
    s.failureReason = text(o, QLatin1String("failureReason"));
    // Only in a stored breakdown (the tracker adds them from taskList).
    const Result<QList<SparkTaskFailure>> failures = decodeTasks(o.value(QLatin1String("failures")).toArray());
    if (failures)
        s.failures = failures.value();
    return s;
}

QJsonObject encodeStage(const SparkStage &s)
{
    QJsonObject o{ { QStringLiteral("stageId"), s.stageId },
                   { QStringLiteral("attemptId"), s.attemptId },
                   { QStringLiteral("name"), s.name },
                   { QStringLiteral("status"), s.status },
                   { QStringLiteral("numTasks"), s.numTasks },
                   { QStringLiteral("numActiveTasks"), s.numActiveTasks },
                   { QStringLiteral("numCompleteTasks"), s.numCompleteTasks },
                   { QStringLiteral("numFailedTasks"), s.numFailedTasks },
                   { QStringLiteral("numKilledTasks"), s.numKilledTasks },
                   { QStringLiteral("inputBytes"), double(s.inputBytes) },
                   { QStringLiteral("outputBytes"), double(s.outputBytes) },
                   { QStringLiteral("shuffleReadBytes"), double(s.shuffleReadBytes) },
                   { QStringLiteral("shuffleWriteBytes"), double(s.shuffleWriteBytes) } };
    putTime(o, QLatin1String("submissionTime"), s.submissionTime);
    putTime(o, QLatin1String("firstTaskLaunchedTime"), s.firstTaskLaunchedTime);
    putTime(o, QLatin1String("completionTime"), s.completionTime);
    if (!s.failureReason.isEmpty())
        o.insert(QStringLiteral("failureReason"), s.failureReason);
    if (!s.failures.isEmpty()) {
        QJsonArray failures;
        for (const SparkTaskFailure &f : s.failures) {
            failures.append(QJsonObject{ { QStringLiteral("taskId"), double(f.taskId) },
                                         { QStringLiteral("index"), f.index },
                                         { QStringLiteral("attempt"), f.attempt },
                                         { QStringLiteral("executorId"), f.executorId },
                                         { QStringLiteral("host"), f.host },
                                         { QStringLiteral("status"), QStringLiteral("FAILED") },
                                         { QStringLiteral("errorMessage"), f.errorMessage } });
        }
        o.insert(QStringLiteral("failures"), failures);
    }
    return o;
}

Result<QList<SparkApplication>> decodeApplications(const QJsonArray &array)
{
    return decodeArray<SparkApplication>(array, "application", [](const QJsonObject &o) {
        return SparkApplication{ text(o, QLatin1String("id")), text(o, QLatin1String("name")) };
    });
}

Result<QList<SparkJob>> decodeJobs(const QJsonArray &array)
{
    return decodeArray<SparkJob>(array, "job", decodeJob);
}

Result<QList<SparkStage>> decodeStages(const QJsonArray &array)
{
    return decodeArray<SparkStage>(array, "stage", decodeStage);
}

Result<QList<SparkExecutor>> decodeExecutors(const QJsonArray &array)
{
    return decodeArray<SparkExecutor>(array, "executor", [](const QJsonObject &o) {
        SparkExecutor e;
        e.id = text(o, QLatin1String("id"));
        e.hostPort = text(o, QLatin1String("hostPort"));
        e.isActive = o.value(QLatin1String("isActive")).toBool(true);
        e.totalCores = count(o, QLatin1String("totalCores"));
        e.memoryUsed = number(o, QLatin1String("memoryUsed"));
        e.maxMemory = number(o, QLatin1String("maxMemory"));
        e.diskUsed = number(o, QLatin1String("diskUsed"));
        e.activeTasks = count(o, QLatin1String("activeTasks"));
        e.failedTasks = count(o, QLatin1String("failedTasks"));
        e.completedTasks = count(o, QLatin1String("completedTasks"));
        e.totalTasks = count(o, QLatin1String("totalTasks"));
        e.totalDurationMs = number(o, QLatin1String("totalDuration"));
        e.totalGCTimeMs = number(o, QLatin1String("totalGCTime"));
        e.totalInputBytes = number(o, QLatin1String("totalInputBytes"));
        e.totalShuffleRead = number(o, QLatin1String("totalShuffleRead"));
        e.totalShuffleWrite = number(o, QLatin1String("totalShuffleWrite"));
        return e;
    });
}

Result<QList<SparkTaskFailure>> decodeTasks(const QJsonArray &array)
{
    Result<QList<SparkTaskFailure>> all = decodeArray<SparkTaskFailure>(array, "task", [](const QJsonObject &o) {
        SparkTaskFailure f;
        f.taskId = o.value(QLatin1String("taskId")).isDouble() ? qint64(o.value(QLatin1String("taskId")).toDouble()) : -1;
        f.index = int(o.value(QLatin1String("index")).toDouble(-1));
        f.attempt = count(o, QLatin1String("attempt"));
        f.executorId = text(o, QLatin1String("executorId"));
        f.host = text(o, QLatin1String("host"));
        f.errorMessage = text(o, QLatin1String("errorMessage"));
        // Only failed tasks are kept: a server that ignores ?status= sends every task.
        if (text(o, QLatin1String("status")) != QLatin1String("FAILED"))
            f.taskId = -2;
        return f;
    });
    if (!all)
        return all;
    QList<SparkTaskFailure> failed = all.value();
    failed.removeIf([](const SparkTaskFailure &f) { return f.taskId == -2; });
    return failed;
}

QList<SparkJob> jobsOfStatement(const QList<SparkJob> &jobs, int statementId)
{
    const QString group = QString::number(statementId);
    QList<SparkJob> out;
    for (const SparkJob &j : jobs) {
        if (j.jobGroup == group)
            out.append(j);
    }
    std::sort(out.begin(), out.end(), [](const SparkJob &a, const SparkJob &b) { return a.jobId < b.jobId; });
    return out;
}

SparkBreakdown breakdownOf(int statementId, const QList<SparkJob> &jobs, const QList<SparkStage> &stages)
{
    SparkBreakdown b;
    b.statementId = statementId;
    b.jobs = jobsOfStatement(jobs, statementId);
    QSet<int> wanted;
    for (const SparkJob &j : b.jobs) {
        for (int id : j.stageIds)
            wanted.insert(id);
    }
    QHash<int, SparkStage> latest;
    for (const SparkStage &s : stages) {
        if (!wanted.contains(s.stageId))
            continue;
        auto it = latest.find(s.stageId);
        if (it == latest.end() || it->attemptId < s.attemptId)
            latest.insert(s.stageId, s);
    }
    b.stages = latest.values();
    std::sort(b.stages.begin(), b.stages.end(),
              [](const SparkStage &a, const SparkStage &c) { return a.stageId < c.stageId; });
    return b;
}

} // namespace SparkCodec

QString SparkTaskFailure::headline() const
{
    const QStringList lines = errorMessage.split(QLatin1Char('\n'));
    QString first;
    bool traceback = false;
    QString lastUnindented;
    for (const QString &raw : lines) {
        QString line = raw;
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (trimmed.startsWith(QLatin1String("at ")) && line.at(0).isSpace())
            break; // the JVM's stack frames: the Python part (if any) is over
        if (first.isEmpty())
            first = trimmed;
        if (trimmed.endsWith(QLatin1String("Traceback (most recent call last):")))
            traceback = true;
        else if (traceback && !line.at(0).isSpace())
            lastUnindented = trimmed;
    }
    return traceback && !lastUnindented.isEmpty() ? lastUnindented : first;
}

} // namespace Livy
