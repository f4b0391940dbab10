// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "codecencoders.h"

#include <QJsonArray>
#include <QJsonValue>

namespace Livy::Codec {

namespace {

QJsonValue orNull(const QString &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v);
}

QJsonObject toObject(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), orNull(it.value()));
    return o;
}

} // namespace

QJsonObject encodeOutput(const StatementOutput &output)
{
    QJsonObject o;
    QString status = output.statusName;
    if (status.isEmpty())
        status = output.isError() ? QStringLiteral("error") : QStringLiteral("ok");
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("execution_count"), output.executionCount);
    const bool unknown = output.status == StatementOutput::Status::Unknown;
    if (!output.isError() && (!unknown || !output.data.isEmpty()))
        o.insert(QStringLiteral("data"), output.data);
    if (output.isError() || (unknown && (!output.ename.isEmpty() || !output.evalue.isEmpty()))) {
        o.insert(QStringLiteral("ename"), output.ename);
        o.insert(QStringLiteral("evalue"), output.evalue);
        o.insert(QStringLiteral("traceback"), QJsonArray::fromStringList(output.traceback));
    }
    return o;
}

QJsonObject encodeStatement(const Statement &statement)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), statement.id);
    o.insert(QStringLiteral("code"), statement.code);
    o.insert(QStringLiteral("state"), statement.state == StatementState::Unknown
                                          ? statement.stateName
                                          : statementStateToString(statement.state));
    o.insert(QStringLiteral("output"), statement.output ? QJsonValue(encodeOutput(*statement.output)) : QJsonValue());
    o.insert(QStringLiteral("progress"), statement.progress);
    o.insert(QStringLiteral("started"), statement.started);
    o.insert(QStringLiteral("completed"), statement.completed);
    return o;
}

QJsonObject encodeStatementList(const StatementList &list)
{
    QJsonArray statements;
    for (const Statement &st : list.statements)
        statements.append(encodeStatement(st));
    QJsonObject o;
    o.insert(QStringLiteral("total_statements"), list.total);
    o.insert(QStringLiteral("statements"), statements);
    return o;
}

QJsonObject encodeSession(const Session &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), s.id);
    o.insert(QStringLiteral("name"), orNull(s.name));
    o.insert(QStringLiteral("appId"), orNull(s.appId));
    o.insert(QStringLiteral("owner"), orNull(s.owner));
    o.insert(QStringLiteral("proxyUser"), orNull(s.proxyUser));
    o.insert(QStringLiteral("state"),
             s.state == SessionState::Unknown ? s.stateName : sessionStateToString(s.state));
    o.insert(QStringLiteral("kind"), s.kind);
    o.insert(QStringLiteral("appInfo"), toObject(s.appInfo));
    o.insert(QStringLiteral("log"), QJsonArray::fromStringList(s.log));
    o.insert(QStringLiteral("ttl"), orNull(s.ttl));
    o.insert(QStringLiteral("idleTimeout"), orNull(s.idleTimeout));
    o.insert(QStringLiteral("driverMemory"), orNull(s.driverMemory));
    o.insert(QStringLiteral("driverCores"), s.driverCores);
    o.insert(QStringLiteral("executorMemory"), orNull(s.executorMemory));
    o.insert(QStringLiteral("executorCores"), s.executorCores);
    o.insert(QStringLiteral("conf"), toObject(s.conf));
    o.insert(QStringLiteral("archives"), QJsonArray::fromStringList(s.archives));
    o.insert(QStringLiteral("files"), QJsonArray::fromStringList(s.files));
    o.insert(QStringLiteral("heartbeatTimeoutInSecond"), s.heartbeatTimeoutInSecond);
    o.insert(QStringLiteral("jars"), QJsonArray::fromStringList(s.jars));
    o.insert(QStringLiteral("numExecutors"), s.numExecutors);
    o.insert(QStringLiteral("pyFiles"), QJsonArray::fromStringList(s.pyFiles));
    o.insert(QStringLiteral("queue"), orNull(s.queue));
    return o;
}

QJsonObject encodeSessionList(const SessionList &list)
{
    QJsonArray sessions;
    for (const Session &s : list.sessions)
        sessions.append(encodeSession(s));
    QJsonObject o;
    o.insert(QStringLiteral("from"), list.from);
    o.insert(QStringLiteral("total"), list.total);
    o.insert(QStringLiteral("sessions"), sessions);
    return o;
}

QJsonObject encodeSessionState(const SessionStateInfo &state)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), state.id);
    o.insert(QStringLiteral("state"),
             state.state == SessionState::Unknown ? state.stateName : sessionStateToString(state.state));
    return o;
}

QJsonObject encodeLogPage(const LogPage &page)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), page.id);
    o.insert(QStringLiteral("from"), page.from);
    o.insert(QStringLiteral("total"), page.total);
    o.insert(QStringLiteral("log"), QJsonArray::fromStringList(page.lines));
    return o;
}

QJsonObject encodeVersion(const VersionInfo &version)
{
    QJsonObject o;
    o.insert(QStringLiteral("version"), version.version);
    o.insert(QStringLiteral("user"), version.user);
    o.insert(QStringLiteral("revision"), version.revision);
    o.insert(QStringLiteral("branch"), version.branch);
    o.insert(QStringLiteral("date"), version.date);
    o.insert(QStringLiteral("url"), version.url);
    return o;
}

QJsonObject encodeCompletion(const CompletionResult &completion)
{
    QJsonObject o;
    o.insert(QStringLiteral("candidates"), QJsonArray::fromStringList(completion.candidates));
    return o;
}

} // namespace Livy::Codec
