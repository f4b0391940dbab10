// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>
#include <limits>

namespace Livy::Codec {

namespace {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: return QStringLiteral("nothing");
    }
    return QStringLiteral("?");
}

/// Reads fields of one JSON object and remembers the first type error, naming the object and field.
class Reader
{
public:
    Reader(const QJsonObject &object, QString what) : m_object(object), m_what(std::move(what)) {}

    bool has(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        return !v.isUndefined() && !v.isNull();
    }

    QString string(const QString &key, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                missing(key);
            return {};
        }
        if (v.isString())
            return v.toString();
        wrongType(key, QStringLiteral("a string"), v);
        return {};
    }

    qint64 int64(const QString &key, bool required = false, qint64 fallback = 0)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                missing(key);
            return fallback;
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
                return qint64(d);
        }
        wrongType(key, QStringLiteral("an integer"), v);
        return fallback;
    }

    int integer(const QString &key, bool required = false, int fallback = 0)
    {
        const qint64 v = int64(key, required, fallback);
        if (v > std::numeric_limits<int>::max() || v < std::numeric_limits<int>::min()) {
            wrongType(key, QStringLiteral("a 32-bit integer"), m_object.value(key));
            return fallback;
        }
        return int(v);
    }

    double number(const QString &key, double fallback = 0.0)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (v.isDouble())
            return v.toDouble();
        wrongType(key, QStringLiteral("a number"), v);
        return fallback;
    }

    QStringList stringList(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            wrongType(key, QStringLiteral("an array of strings"), v);
            return {};
        }
        QStringList out;
        const QJsonArray array = v.toArray();
        out.reserve(array.size());
        for (const QJsonValue &item : array) {
            if (item.isString())
                out.append(item.toString());
            else if (item.isNull())
                out.append(QString());
            else {
                wrongType(key, QStringLiteral("an array of strings"), item);
                return {};
            }
        }
        return out;
    }

    /// {str: str|null|number|bool}; scalars are turned into their text (Livy coerces conf values).
    QMap<QString, QString> stringMap(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject()) {
            wrongType(key, QStringLiteral("an object"), v);
            return {};
        }
        QMap<QString, QString> out;
        const QJsonObject object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QJsonValue item = it.value();
            if (item.isString())
                out.insert(it.key(), item.toString());
            else if (item.isNull())
                out.insert(it.key(), QString());
            else if (item.isBool())
                out.insert(it.key(), item.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            else if (item.isDouble())
                out.insert(it.key(), QString::number(item.toDouble(), 'g', 17));
            else {
                wrongType(key + QLatin1Char('.') + it.key(), QStringLiteral("a string"), item);
                return {};
            }
        }
        return out;
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (v.isObject())
            return v.toObject();
        wrongType(key, QStringLiteral("an object"), v);
        return {};
    }

    QJsonArray array(const QString &key, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                missing(key);
            return {};
        }
        if (v.isArray())
            return v.toArray();
        wrongType(key, QStringLiteral("an array"), v);
        return {};
    }

    bool failed() const { return m_error.isError(); }
    LivyError error() const { return m_error; }
    void fail(const LivyError &error)
    {
        if (!m_error.isError())
            m_error = error;
    }

private:
    void missing(const QString &key)
    {
        fail(LivyError::protocol(QStringLiteral("The server's %1 has no \"%2\" field").arg(m_what, key)));
    }
    void wrongType(const QString &key, const QString &expected, const QJsonValue &got)
    {
        fail(LivyError::protocol(QStringLiteral("The server's %1 has a \"%2\" field of the wrong type (expected %3, got %4)")
                                     .arg(m_what, key, expected, typeName(got))));
    }

    QJsonObject m_object;
    QString m_what;
    LivyError m_error;
};

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject toObject(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

Result<Session> decodeSession(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("session"));
    Session s;
    s.id = r.integer(QStringLiteral("id"), true, -1);
    s.name = r.string(QStringLiteral("name"));
    s.appId = r.string(QStringLiteral("appId"));
    s.owner = r.string(QStringLiteral("owner"));
    s.proxyUser = r.string(QStringLiteral("proxyUser"));
    s.stateName = r.string(QStringLiteral("state"), true);
    s.state = sessionStateFromString(s.stateName);
    s.kind = r.string(QStringLiteral("kind"));
    s.appInfo = r.stringMap(QStringLiteral("appInfo"));
    s.log = r.stringList(QStringLiteral("log"));
    s.driverMemory = r.string(QStringLiteral("driverMemory"));
    s.executorMemory = r.string(QStringLiteral("executorMemory"));
    s.queue = r.string(QStringLiteral("queue"));
    s.driverCores = r.integer(QStringLiteral("driverCores"));
    s.executorCores = r.integer(QStringLiteral("executorCores"));
    s.numExecutors = r.integer(QStringLiteral("numExecutors"));
    s.heartbeatTimeoutInSecond = r.integer(QStringLiteral("heartbeatTimeoutInSecond"));
    s.conf = r.stringMap(QStringLiteral("conf"));
    s.jars = r.stringList(QStringLiteral("jars"));
    s.pyFiles = r.stringList(QStringLiteral("pyFiles"));
    s.files = r.stringList(QStringLiteral("files"));
    s.archives = r.stringList(QStringLiteral("archives"));
    s.ttl = r.string(QStringLiteral("ttl"));
    s.idleTimeout = r.string(QStringLiteral("idleTimeout"));
    if (r.failed())
        return r.error();
    return s;
}

Result<SessionList> decodeSessionList(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("session list"));
    SessionList list;
    list.from = r.integer(QStringLiteral("from"));
    const QJsonArray sessions = r.array(QStringLiteral("sessions"), true);
    list.total = r.integer(QStringLiteral("total"), false, int(sessions.size()));
    if (r.failed())
        return r.error();
    list.sessions.reserve(sessions.size());
    for (const QJsonValue &item : sessions) {
        if (!item.isObject())
            return LivyError::protocol(QStringLiteral("The server's session list holds a %1 where a session should be")
                                           .arg(typeName(item)));
        Result<Session> session = decodeSession(item.toObject());
        if (!session)
            return session.error();
        list.sessions.append(std::move(session).value());
    }
    return list;
}

Result<SessionStateInfo> decodeSessionState(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("session state"));
    SessionStateInfo info;
    info.id = r.integer(QStringLiteral("id"), false, -1);
    info.stateName = r.string(QStringLiteral("state"), true);
    info.state = sessionStateFromString(info.stateName);
    if (r.failed())
        return r.error();
    return info;
}

Result<StatementOutput> decodeOutput(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("statement output"));
    StatementOutput out;
    out.statusName = r.string(QStringLiteral("status"));
    if (out.statusName == QLatin1String("ok"))
        out.status = StatementOutput::Status::Ok;
    else if (out.statusName == QLatin1String("error"))
        out.status = StatementOutput::Status::Error;
    else
        out.status = StatementOutput::Status::Unknown;
    out.executionCount = r.integer(QStringLiteral("execution_count"), false, -1);
    out.data = r.object(QStringLiteral("data"));
    out.ename = r.string(QStringLiteral("ename"));
    out.evalue = r.string(QStringLiteral("evalue"));
    out.traceback = r.stringList(QStringLiteral("traceback"));
    if (r.failed())
        return r.error();
    return out;
}

Result<Statement> decodeStatement(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("statement"));
    Statement st;
    st.id = r.integer(QStringLiteral("id"), true, -1);
    st.code = r.string(QStringLiteral("code"));
    st.stateName = r.string(QStringLiteral("state"), true);
    st.state = statementStateFromString(st.stateName);
    st.progress = r.number(QStringLiteral("progress"));
    st.started = r.int64(QStringLiteral("started"));
    st.completed = r.int64(QStringLiteral("completed"));
    const bool hasOutput = r.has(QStringLiteral("output"));
    const QJsonObject output = r.object(QStringLiteral("output"));
    if (r.failed())
        return r.error();
    if (hasOutput) {
        Result<StatementOutput> decoded = decodeOutput(output);
        if (!decoded)
            return decoded.error();
        st.output = std::move(decoded).value();
    }
    return st;
}

Result<StatementList> decodeStatementList(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("statement list"));
    StatementList list;
    const QJsonArray statements = r.array(QStringLiteral("statements"), true);
    list.total = r.integer(QStringLiteral("total_statements"), false, int(statements.size()));
    if (r.failed())
        return r.error();
    list.statements.reserve(statements.size());
    for (const QJsonValue &item : statements) {
        if (!item.isObject())
            return LivyError::protocol(
                QStringLiteral("The server's statement list holds a %1 where a statement should be").arg(typeName(item)));
        Result<Statement> st = decodeStatement(item.toObject());
        if (!st)
            return st.error();
        list.statements.append(std::move(st).value());
    }
    return list;
}

Result<LogPage> decodeLogPage(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("log page"));
    LogPage page;
    page.id = r.integer(QStringLiteral("id"), false, -1);
    page.from = r.integer(QStringLiteral("from"));
    page.lines = r.stringList(QStringLiteral("log"));
    page.total = r.integer(QStringLiteral("total"), false, page.from + int(page.lines.size()));
    if (!r.has(QStringLiteral("log")) && !r.failed())
        r.fail(LivyError::protocol(QStringLiteral("The server's log page has no \"log\" field")));
    if (r.failed())
        return r.error();
    return page;
}

Result<VersionInfo> decodeVersion(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("version information"));
    VersionInfo v;
    v.version = r.string(QStringLiteral("version"), true);
    v.user = r.string(QStringLiteral("user"));
    v.revision = r.string(QStringLiteral("revision"));
    v.branch = r.string(QStringLiteral("branch"));
    v.date = r.string(QStringLiteral("date"));
    v.url = r.string(QStringLiteral("url"));
    if (r.failed())
        return r.error();
    return v;
}

Result<CompletionResult> decodeCompletion(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("completion result"));
    CompletionResult c;
    if (!r.has(QStringLiteral("candidates")))
        return LivyError::protocol(QStringLiteral("The server's completion result has no \"candidates\" field"));
    c.candidates = r.stringList(QStringLiteral("candidates"));
    if (r.failed())
        return r.error();
    return c;
}

QJsonObject encodeOutput(const StatementOutput &output)
{
    QJsonObject o;
    o.insert(QStringLiteral("status"), output.statusName.isEmpty()
                                           ? (output.isError() ? QStringLiteral("error") : QStringLiteral("ok"))
                                           : output.statusName);
    o.insert(QStringLiteral("execution_count"), output.executionCount);
    if (output.isError()) {
        o.insert(QStringLiteral("ename"), output.ename);
        o.insert(QStringLiteral("evalue"), output.evalue);
        o.insert(QStringLiteral("traceback"), toArray(output.traceback));
    } else {
        o.insert(QStringLiteral("data"), output.data);
    }
    return o;
}

QJsonObject encodeStatement(const Statement &statement)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), statement.id);
    o.insert(QStringLiteral("code"), statement.code);
    o.insert(QStringLiteral("state"),
             statement.stateName.isEmpty() ? statementStateToString(statement.state) : statement.stateName);
    o.insert(QStringLiteral("output"), statement.output ? QJsonValue(encodeOutput(*statement.output)) : QJsonValue());
    o.insert(QStringLiteral("progress"), statement.progress);
    o.insert(QStringLiteral("started"), statement.started);
    o.insert(QStringLiteral("completed"), statement.completed);
    return o;
}

QJsonObject encodeSession(const Session &s)
{
    auto orNull = [](const QString &v) { return v.isNull() ? QJsonValue() : QJsonValue(v); };
    QJsonObject o;
    o.insert(QStringLiteral("id"), s.id);
    o.insert(QStringLiteral("name"), orNull(s.name));
    o.insert(QStringLiteral("appId"), orNull(s.appId));
    o.insert(QStringLiteral("owner"), orNull(s.owner));
    o.insert(QStringLiteral("proxyUser"), orNull(s.proxyUser));
    o.insert(QStringLiteral("state"), s.stateName.isEmpty() ? sessionStateToString(s.state) : s.stateName);
    o.insert(QStringLiteral("kind"), s.kind);
    QJsonObject appInfo;
    for (auto it = s.appInfo.begin(); it != s.appInfo.end(); ++it)
        appInfo.insert(it.key(), orNull(it.value()));
    o.insert(QStringLiteral("appInfo"), appInfo);
    o.insert(QStringLiteral("log"), toArray(s.log));
    o.insert(QStringLiteral("driverMemory"), orNull(s.driverMemory));
    o.insert(QStringLiteral("driverCores"), s.driverCores);
    o.insert(QStringLiteral("executorMemory"), orNull(s.executorMemory));
    o.insert(QStringLiteral("executorCores"), s.executorCores);
    o.insert(QStringLiteral("conf"), toObject(s.conf));
    o.insert(QStringLiteral("archives"), toArray(s.archives));
    o.insert(QStringLiteral("files"), toArray(s.files));
    o.insert(QStringLiteral("heartbeatTimeoutInSecond"), s.heartbeatTimeoutInSecond);
    o.insert(QStringLiteral("jars"), toArray(s.jars));
    o.insert(QStringLiteral("numExecutors"), s.numExecutors);
    o.insert(QStringLiteral("pyFiles"), toArray(s.pyFiles));
    o.insert(QStringLiteral("queue"), orNull(s.queue));
    o.insert(QStringLiteral("ttl"), orNull(s.ttl));
    o.insert(QStringLiteral("idleTimeout"), orNull(s.idleTimeout));
    return o;
}

} // namespace Livy::Codec
