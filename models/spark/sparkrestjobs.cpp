// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkrestjobs.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace Livy {

namespace {

QStringList api(std::initializer_list<QString> segments)
{
    QStringList out{ QStringLiteral("api"), QStringLiteral("v1"), QStringLiteral("applications") };
    for (const QString &s : segments)
        out << s;
    return out;
}

/// Assigns a decoded list or returns the decoder's error.
template<typename T>
LivyError take(Result<QList<T>> result, QList<T> *out)
{
    if (!result)
        return result.error();
    *out = std::move(result).value();
    return {};
}

} // namespace

SparkRestJob::SparkRestJob(Connection *connection, QStringList pathUnderApi, QObject *parent)
    : LivyJob(connection, Verb::Get, std::move(pathUnderApi), parent)
{
}

QString SparkRestJob::refusedHint() const
{
    return QStringLiteral("is the session's Spark driver running, with its UI on this port?");
}

LivyError SparkRestJob::decodeSuccess(const QByteArray &body, int)
{
    const ParsedBody parsed = parseBody(body);
    if (parsed.error.error != QJsonParseError::NoError) {
        return LivyError::protocol(QStringLiteral("The Spark UI sent a malformed %1 (%2 at byte %3)")
                                       .arg(what(), parsed.error.errorString())
                                       .arg(parsed.error.offset),
                                   body);
    }
    if (!parsed.document.isArray()) {
        // A gateway's login page or a YARN "application not running" page answered instead of the UI.
        return LivyError::protocol(QStringLiteral("The Spark UI sent a %1 that is not a JSON array").arg(what()), body);
    }
    LivyError error = decodeArray(parsed.document.array());
    if (error.isError())
        return LivyError::protocol(error.message(), body);
    return {};
}

SparkApplicationsJob::SparkApplicationsJob(Connection *connection, QObject *parent)
    : SparkRestJob(connection, api({}), parent)
{
}

LivyError SparkApplicationsJob::decodeArray(const QJsonArray &array)
{
    return take(SparkCodec::decodeApplications(array), &m_result);
}

SparkJobsJob::SparkJobsJob(Connection *connection, const QString &appId, QObject *parent)
    : SparkRestJob(connection, api({ appId, QStringLiteral("jobs") }), parent)
{
}

LivyError SparkJobsJob::decodeArray(const QJsonArray &array)
{
    return take(SparkCodec::decodeJobs(array), &m_result);
}

SparkStagesJob::SparkStagesJob(Connection *connection, const QString &appId, QObject *parent)
    : SparkRestJob(connection, api({ appId, QStringLiteral("stages") }), parent)
{
}

LivyError SparkStagesJob::decodeArray(const QJsonArray &array)
{
    return take(SparkCodec::decodeStages(array), &m_result);
}

SparkFailedTasksJob::SparkFailedTasksJob(Connection *connection, const QString &appId, int stageId, int attemptId,
                                         int length, QObject *parent)
    : SparkRestJob(connection,
                   api({ appId, QStringLiteral("stages"), QString::number(stageId), QString::number(attemptId),
                         QStringLiteral("taskList") }),
                   parent)
    , m_stageId(stageId)
    , m_attemptId(attemptId)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("failed"));
    query.addQueryItem(QStringLiteral("length"), QString::number(length));
    setQuery(query);
}

LivyError SparkFailedTasksJob::decodeArray(const QJsonArray &array)
{
    return take(SparkCodec::decodeTasks(array), &m_result);
}

SparkExecutorsJob::SparkExecutorsJob(Connection *connection, const QString &appId, QObject *parent)
    : SparkRestJob(connection, api({ appId, QStringLiteral("executors") }), parent)
{
}

LivyError SparkExecutorsJob::decodeArray(const QJsonArray &array)
{
    return take(SparkCodec::decodeExecutors(array), &m_result);
}

} // namespace Livy
