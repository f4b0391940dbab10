// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Livy::Codec {

namespace {

// Integers above 2^53 do not survive a JSON double; Livy's longs (epoch ms) stay far below.
constexpr double MaxExactDouble = 9007199254740992.0;

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("nothing");
    }
    return QStringLiteral("?");
}

/// "a string ("abc")" / "a number (4.5)": what was found, short enough for one line.
QString describe(const QJsonValue &value)
{
    QString sample;
    if (value.isString())
        sample = QLatin1Char('"') + value.toString() + QLatin1Char('"');
    else if (value.isDouble())
        sample = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    else if (value.isBool())
        sample = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else
        return typeName(value);
    constexpr qsizetype MaxSample = 40;
    if (sample.size() > MaxSample)
        sample = sample.left(MaxSample - 1) + QChar(0x2026);
    return typeName(value) + QStringLiteral(" (") + sample + QLatin1Char(')');
}

bool isNullish(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull();
}

/// The first error of one decode, shared by the readers of nested objects so that it names the outer object.
struct Errors
{
    QString what; // "session list"
    LivyError first;

    bool failed() const { return first.isError(); }
    void fail(const QString &message)
    {
        if (!failed())
            first = LivyError::protocol(message);
    }
    void missing(const QString &field, const QJsonValue &got)
    {
        if (got.isNull())
            fail(QStringLiteral("The server's %1 has null in its required \"%2\" field").arg(what, field));
        else
            fail(QStringLiteral("The server's %1 has no \"%2\" field").arg(what, field));
    }
    void wrongType(const QString &field, const QString &expected, const QJsonValue &got)
    {
        fail(QStringLiteral("The server's %1 has a \"%2\" field of the wrong type (expected %3, got %4)")
                 .arg(what, field, expected, describe(got)));
    }
};

enum class Need { Optional, Required };

/// Reads the fields of one JSON object; `prefix` names the object inside the decoded document ("sessions[2].").
class Reader
{
public:
    Reader(const QJsonObject &object, Errors &errors, QString prefix = {})
        : m_object(object)
        , m_errors(errors)
        , m_prefix(std::move(prefix))
    {
    }

    QString path(const QString &key) const { return m_prefix + key; }
    QJsonValue value(const QString &key) const { return m_object.value(key); }
    bool has(const QString &key) const { return !isNullish(m_object.value(key)); }
    Errors &errors() { return m_errors; }

    QString string(const QString &key, Need need = Need::Optional)
    {
        const QJsonValue v = m_object.value(key);
        if (isNullish(v)) {
            if (need == Need::Required)
                m_errors.missing(path(key), v);
            return {};
        }
        if (v.isString())
            return v.toString();
        m_errors.wrongType(path(key), QStringLiteral("a string"), v);
        return {};
    }

    qint64 int64(const QString &key, Need need = Need::Optional, qint64 fallback = 0,
                 qint64 min = std::numeric_limits<qint64>::min(), qint64 max = std::numeric_limits<qint64>::max())
    {
        const QJsonValue v = m_object.value(key);
        if (isNullish(v)) {
            if (need == Need::Required)
                m_errors.missing(path(key), v);
            return fallback;
        }
        std::optional<qint64> result;
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= MaxExactDouble)
                result = qint64(d);
        } else if (v.isString()) {
            result = parseIntegerText(v.toString());
        }
        if (!result || *result < min || *result > max) {
            m_errors.wrongType(path(key),
                               max == std::numeric_limits<int>::max() ? QStringLiteral("a 32-bit integer")
                                                                      : QStringLiteral("an integer"),
                               v);
            return fallback;
        }
        return *result;
    }

    int integer(const QString &key, Need need = Need::Optional, int fallback = 0)
    {
        return int(int64(key, need, fallback, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    }

    double number(const QString &key, double fallback = 0.0)
    {
        const QJsonValue v = m_object.value(key);
        if (isNullish(v))
            return fallback;
        if (v.isDouble())
            return v.toDouble();
        if (v.isString()) {
            static const QRegularExpression plainDecimal(
                QStringLiteral(R"(^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$)"));
            const QString text = v.toString();
            bool ok = false;
            const double d = text.toDouble(&ok);
            if (plainDecimal.match(text).hasMatch() && ok && std::isfinite(d))
                return d;
        }
        m_errors.wrongType(path(key), QStringLiteral("a number"), v);
        return fallback;
    }

    QStringList stringList(const QString &key, Need need = Need::Optional)
    {
        const QJsonValue v = m_object.value(key);
        if (isNullish(v)) {
            if (need == Need::Required)
                m_errors.missing(path(key), v);
            return {};
        }
        if (!v.isArray()) {
            m_errors.wrongType(path(key), QStringLiteral("an array of strings"), v);
            return {};
        }
        QStringList out;
        const QJsonArray array = v.toArray();
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue item = array.at(i);
            if (item.isString()) {
                out.append(item.toString());
            } else if (item.isNull()) {
                out.append(QString());
            } else {
                m_errors.wrongType(path(key) + QStringLiteral("[%1]").arg(i), QStringLiteral("a string"), item);
                return {};
            }
        }
        return out;
    }

    /// {str: str|null}; number and boolean values become their text (conf values are user input Livy coerces).
    QMap<QString, QString> stringMap(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (isNullish(v))
            return {};
        if (!v.isObject()) {
            m_errors.wrongType(path(key), QStringLiteral("an object"), v);
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
                out.insert(it.key(), QString::number(item.toDouble(), 'g', QLocale::FloatingPointShortest));
            else {
                m_errors.wrongType(path(key) + QLatin1Char('.') + it.key(), QStringLiteral("a string"), item);
                return {};
            }
        }
        return out;
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (isNullish(v))
            return {};
        if (v.isObject())
            return v.toObject();
        m_errors.wrongType(path(key), QStringLiteral("an object"), v);
        return {};
    }

    QJsonArray array(const QString &key, Need need = Need::Optional)
    {
        const QJsonValue v = m_object.value(key);
        if (isNullish(v)) {
            if (need == Need::Required)
                m_errors.missing(path(key), v);
            return {};
        }
        if (v.isArray())
            return v.toArray();
        m_errors.wrongType(path(key), QStringLiteral("an array"), v);
        return {};
    }

private:
    QJsonObject m_object;
    Errors &m_errors;
    QString m_prefix;
};

Session readSession(const QJsonObject &object, Errors &errors, const QString &prefix)
{
    Reader r(object, errors, prefix);
    Session s;
    s.id = r.integer(QStringLiteral("id"), Need::Required, -1);
    s.name = r.string(QStringLiteral("name"));
    s.appId = r.string(QStringLiteral("appId"));
    s.owner = r.string(QStringLiteral("owner"));
    s.proxyUser = r.string(QStringLiteral("proxyUser"));
    s.stateName = r.string(QStringLiteral("state"), Need::Required);
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
    // Livy 0.8 (LIVY-968) fills ttl with the proxyUser: not a ttl, so not shown as one.
    if (!s.ttl.isEmpty() && s.ttl == s.proxyUser && !isTimeString(s.ttl))
        s.ttl.clear();
    return s;
}

void checkMimeShape(Reader &data, const QString &mime)
{
    const QJsonValue v = data.value(mime);
    if (v.isUndefined())
        return;
    if (mime == Mime::TextPlain || mime == Mime::ImagePng) {
        if (!v.isString())
            data.errors().wrongType(data.path(mime), QStringLiteral("a string"), v);
    } else if (mime == Mime::Table) {
        if (!v.isObject()) {
            data.errors().wrongType(data.path(mime), QStringLiteral("an object with headers and data"), v);
            return;
        }
        Reader table(v.toObject(), data.errors(), data.path(mime) + QLatin1Char('.'));
        table.array(QStringLiteral("headers"), Need::Required);
        table.array(QStringLiteral("data"), Need::Required);
    }
}

StatementOutput readOutput(const QJsonObject &object, Errors &errors, const QString &prefix)
{
    Reader r(object, errors, prefix);
    StatementOutput out;
    out.statusName = r.string(QStringLiteral("status"), Need::Required);
    if (out.statusName == QLatin1String("ok"))
        out.status = StatementOutput::Status::Ok;
    else if (out.statusName == QLatin1String("error"))
        out.status = StatementOutput::Status::Error;
    else
        out.status = StatementOutput::Status::Unknown;
    out.executionCount = r.integer(QStringLiteral("execution_count"), Need::Optional, -1);
    out.data = r.object(QStringLiteral("data"));
    // Livy's pyspark shell nests a whole reply in `data` when a magic names an expression instead of a variable
    // (`%table [[1, "a"]]` -> KeyError): {"msg_type":"execute_reply","content":{"status":"error","ename",...}}.
    const QJsonValue nested = out.data.value(QLatin1String("content"));
    if (out.status == StatementOutput::Status::Ok
        && out.data.value(QLatin1String("msg_type")).toString() == QLatin1String("execute_reply") && nested.isObject()
        && nested.toObject().value(QLatin1String("status")).isString()) {
        StatementOutput inner = readOutput(nested.toObject(), errors, r.path(QStringLiteral("data.content.")));
        if (inner.executionCount < 0)
            inner.executionCount = out.executionCount;
        return inner;
    }
    Reader data(out.data, errors, r.path(QStringLiteral("data.")));
    for (const QString &mime : { QString(Mime::TextPlain), QString(Mime::ImagePng), QString(Mime::Table) })
        checkMimeShape(data, mime);
    out.ename = r.string(QStringLiteral("ename"));
    out.evalue = r.string(QStringLiteral("evalue"));
    out.traceback = r.stringList(QStringLiteral("traceback"));
    return out;
}

Statement readStatement(const QJsonObject &object, Errors &errors, const QString &prefix)
{
    Reader r(object, errors, prefix);
    Statement st;
    st.id = r.integer(QStringLiteral("id"), Need::Required, -1);
    st.code = r.string(QStringLiteral("code"));
    st.stateName = r.string(QStringLiteral("state"), Need::Required);
    st.state = statementStateFromString(st.stateName);
    st.progress = std::clamp(r.number(QStringLiteral("progress")), 0.0, 1.0);
    st.started = r.int64(QStringLiteral("started"));
    st.completed = r.int64(QStringLiteral("completed"));
    const QJsonValue output = r.value(QStringLiteral("output"));
    if (output.isObject())
        st.output = readOutput(output.toObject(), errors, r.path(QStringLiteral("output.")));
    else if (!isNullish(output))
        errors.wrongType(r.path(QStringLiteral("output")), QStringLiteral("an object or null"), output);
    return st;
}

/// Decodes each element of `array` (an object) with `read`, naming failures "<key>[i]".
template<typename T, typename Read>
QList<T> readObjects(const QJsonArray &array, Errors &errors, const QString &key, Read read)
{
    QList<T> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && !errors.failed(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(key).arg(i);
        const QJsonValue item = array.at(i);
        if (!item.isObject()) {
            errors.wrongType(path, QStringLiteral("an object"), item);
            break;
        }
        out.append(read(item.toObject(), errors, path + QLatin1Char('.')));
    }
    return out;
}

template<typename T>
Result<T> finish(const Errors &errors, T value)
{
    if (errors.failed())
        return errors.first;
    return value;
}

} // namespace

std::optional<qint64> parseIntegerText(const QString &text)
{
    const qsizetype start = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    if (text.size() == start || text.size() - start > 19)
        return std::nullopt;
    for (qsizetype i = start; i < text.size(); ++i) {
        if (text.at(i) < QLatin1Char('0') || text.at(i) > QLatin1Char('9'))
            return std::nullopt;
    }
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return qint64(value);
}

bool isTimeString(const QString &text)
{
    static const QRegularExpression time(QStringLiteral(R"(^-?[0-9]+(?:us|ms|s|m|min|h|d)?$)"));
    return time.match(text.trimmed().toLower()).hasMatch();
}

Result<Session> decodeSession(const QJsonObject &object)
{
    Errors errors{ QStringLiteral("session"), {} };
    Session s = readSession(object, errors, {});
    return finish(errors, std::move(s));
}

Result<SessionList> decodeSessionList(const QJsonObject &object)
{
    Errors errors{ QStringLiteral("session list"), {} };
    Reader r(object, errors);
    SessionList list;
    list.from = r.integer(QStringLiteral("from"));
    const QJsonArray sessions = r.array(QStringLiteral("sessions"), Need::Required);
    list.total = r.integer(QStringLiteral("total"), Need::Optional, int(sessions.size()));
    if (errors.failed())
        return errors.first;
    // One entry at a time: an entry with fields of the wrong type is kept as an "unreadable" row that says what is
    // wrong, and never hides the others.
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const QString path = QStringLiteral("sessions[%1].").arg(i);
        const QJsonValue item = sessions.at(i);
        Errors entryErrors{ QStringLiteral("session list"), {} };
        Session s;
        if (item.isObject()) {
            s = readSession(item.toObject(), entryErrors, path);
        } else {
            entryErrors.wrongType(QStringLiteral("sessions[%1]").arg(i), QStringLiteral("an object"), item);
        }
        if (!entryErrors.failed()) {
            list.sessions.append(s);
            continue;
        }
        Session bad;
        const QJsonValue id = item.toObject().value(QLatin1String("id"));
        bool ok = false;
        const int parsed = id.isDouble() ? id.toInt(-1) : id.toString().toInt(&ok);
        bad.id = id.isDouble() && parsed >= 0 ? parsed : ok && parsed >= 0 ? parsed : -2 - int(i);
        bad.name = item.toObject().value(QLatin1String("name")).toString();
        bad.state = SessionState::Unknown;
        bad.stateName = QStringLiteral("unreadable");
        bad.problem = entryErrors.first.message();
        list.sessions.append(bad);
    }
    return list;
}

Result<SessionStateInfo> decodeSessionState(const QJsonObject &object)
{
    Errors errors{ QStringLiteral("session state"), {} };
    Reader r(object, errors);
    SessionStateInfo info;
    info.id = r.integer(QStringLiteral("id"), Need::Optional, -1);
    info.stateName = r.string(QStringLiteral("state"), Need::Required);
    info.state = sessionStateFromString(info.stateName);
    return finish(errors, std::move(info));
}

Result<StatementOutput> decodeOutput(const QJsonObject &object)
{
    Errors errors{ QStringLiteral("statement output"), {} };
    StatementOutput out = readOutput(object, errors, {});
    return finish(errors, std::move(out));
}

Result<Statement> decodeStatement(const QJsonObject &object)
{
    Errors errors{ QStringLiteral("statement"), {} };
    Statement st = readStatement(object, errors, {});
    return finish(errors, std::move(st));
}

Result<StatementList> decodeStatementList(const QJsonObject &object)
{
    Errors errors{ QStringLiteral("statement list"), {} };
    Reader r(object, errors);
    StatementList list;
    const QJsonArray statements = r.array(QStringLiteral("statements"), Need::Required);
    list.total = r.integer(QStringLiteral("total_statements"), Need::Optional, int(statements.size()));
    if (!errors.failed())
        list.statements = readObjects<Statement>(statements, errors, QStringLiteral("statements"), readStatement);
    return finish(errors, std::move(list));
}

Result<LogPage> decodeLogPage(const QJsonObject &object)
{
    Errors errors{ QStringLiteral("log page"), {} };
    Reader r(object, errors);
    LogPage page;
    page.id = r.integer(QStringLiteral("id"), Need::Optional, -1);
    page.from = r.integer(QStringLiteral("from"));
    page.lines = r.stringList(QStringLiteral("log"), Need::Required);
    // In 64 bits: `from` may be INT_MAX (regression input: tests/fixtures/fuzz/log_page/).
    const qint64 end = qint64(page.from) + page.lines.size();
    page.total = r.integer(QStringLiteral("total"), Need::Optional,
                           int(std::min<qint64>(end, std::numeric_limits<int>::max())));
    return finish(errors, std::move(page));
}

Result<VersionInfo> decodeVersion(const QJsonObject &object)
{
    Errors errors{ QStringLiteral("version information"), {} };
    Reader r(object, errors);
    VersionInfo v;
    v.version = r.string(QStringLiteral("version"), Need::Required);
    v.user = r.string(QStringLiteral("user"));
    v.revision = r.string(QStringLiteral("revision"));
    v.branch = r.string(QStringLiteral("branch"));
    v.date = r.string(QStringLiteral("date"));
    v.url = r.string(QStringLiteral("url"));
    return finish(errors, std::move(v));
}

Result<CompletionResult> decodeCompletion(const QJsonObject &object)
{
    Errors errors{ QStringLiteral("completion result"), {} };
    Reader r(object, errors);
    CompletionResult c;
    c.candidates = r.stringList(QStringLiteral("candidates"), Need::Required);
    return finish(errors, std::move(c));
}

} // namespace Livy::Codec
