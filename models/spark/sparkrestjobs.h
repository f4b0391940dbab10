// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/livyjob.h"
#include "sparktypes.h"

namespace Livy {

/// The base of the Spark monitoring REST jobs: a GET under `{Spark UI}/api/v1/…` whose answer is a JSON array.
/// They run on a Connection whose base URL is the Spark UI (SparkTracker makes it from the Livy connection: the
/// same authentication, headers and TLS settings), so they share LivyJob's timeouts, redirects, TLS pinning and the
/// mapping of every failure to a LivyError.
class SparkRestJob : public LivyJob
{
    Q_OBJECT
protected:
    SparkRestJob(Connection *connection, QStringList pathUnderApi, QObject *parent);
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;
    /// Decodes the array into the subclass's result.
    virtual LivyError decodeArray(const QJsonArray &array) = 0;
    /// "jobs", "stages", … for an error message.
    virtual QString what() const = 0;
    QString refusedHint() const override;
};

/// `GET /api/v1/applications`: a driver's UI serves its one application (its id is the app id the other routes
/// need when Livy reports none, as in local mode).
class SparkApplicationsJob : public SparkRestJob
{
    Q_OBJECT
public:
    explicit SparkApplicationsJob(Connection *connection, QObject *parent = nullptr);
    const QList<SparkApplication> &applications() const { return m_result; }

protected:
    LivyError decodeArray(const QJsonArray &array) override;
    QString what() const override { return QStringLiteral("application list"); }

private:
    QList<SparkApplication> m_result;
};

/// `GET /api/v1/applications/{app}/jobs`: every job the UI retains (`spark.ui.retainedJobs`).
class SparkJobsJob : public SparkRestJob
{
    Q_OBJECT
public:
    SparkJobsJob(Connection *connection, const QString &appId, QObject *parent = nullptr);
    const QList<SparkJob> &jobs() const { return m_result; }

protected:
    LivyError decodeArray(const QJsonArray &array) override;
    QString what() const override { return QStringLiteral("job list"); }

private:
    QList<SparkJob> m_result;
};

/// `GET /api/v1/applications/{app}/stages`: every stage attempt the UI retains, without task details.
class SparkStagesJob : public SparkRestJob
{
    Q_OBJECT
public:
    SparkStagesJob(Connection *connection, const QString &appId, QObject *parent = nullptr);
    const QList<SparkStage> &stages() const { return m_result; }

protected:
    LivyError decodeArray(const QJsonArray &array) override;
    QString what() const override { return QStringLiteral("stage list"); }

private:
    QList<SparkStage> m_result;
};

/// `GET /api/v1/applications/{app}/stages/{stage}/{attempt}/taskList?status=failed&length=N`: the failed tasks of
/// one stage attempt with their error (a server that ignores `status` sends all tasks: only failed ones are kept).
class SparkFailedTasksJob : public SparkRestJob
{
    Q_OBJECT
public:
    SparkFailedTasksJob(Connection *connection, const QString &appId, int stageId, int attemptId, int length,
                        QObject *parent = nullptr);
    int stageId() const { return m_stageId; }
    int attemptId() const { return m_attemptId; }
    const QList<SparkTaskFailure> &failures() const { return m_result; }

protected:
    LivyError decodeArray(const QJsonArray &array) override;
    QString what() const override { return QStringLiteral("task list"); }

private:
    int m_stageId;
    int m_attemptId;
    QList<SparkTaskFailure> m_result;
};

/// `GET /api/v1/applications/{app}/executors`: the driver and the active executors.
class SparkExecutorsJob : public SparkRestJob
{
    Q_OBJECT
public:
    SparkExecutorsJob(Connection *connection, const QString &appId, QObject *parent = nullptr);
    const QList<SparkExecutor> &executors() const { return m_result; }

protected:
    LivyError decodeArray(const QJsonArray &array) override;
    QString what() const override { return QStringLiteral("executor list"); }

private:
    QList<SparkExecutor> m_result;
};

} // namespace Livy
