// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "types.h"

#include "sessionidentity.h"

#include "codec.h"

#include <QJsonArray>
#include <QLocale>

#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace Livy {

namespace {

std::optional<int> parseAsciiInt(const QString &text)
{
    const std::optional<qint64> value = Codec::parseIntegerText(text);
    if (!value || *value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(*value);
}

constexpr std::array<std::pair<SessionState, const char *>, 11> SessionStateNames{ {
    { SessionState::NotStarted, "not_started" },
    { SessionState::Starting, "starting" },
    { SessionState::Recovering, "recovering" },
    { SessionState::Idle, "idle" },
    { SessionState::Busy, "busy" },
    { SessionState::Running, "running" },
    { SessionState::ShuttingDown, "shutting_down" },
    { SessionState::Error, "error" },
    { SessionState::Dead, "dead" },
    { SessionState::Killed, "killed" },
    { SessionState::Success, "success" },
} };

constexpr std::array<std::pair<StatementState, const char *>, 6> StatementStateNames{ {
    { StatementState::Waiting, "waiting" },
    { StatementState::Running, "running" },
    { StatementState::Available, "available" },
    { StatementState::Error, "error" },
    { StatementState::Cancelling, "cancelling" },
    { StatementState::Cancelled, "cancelled" },
} };

template<typename Enum, size_t N>
Enum fromName(const std::array<std::pair<Enum, const char *>, N> &table, const QString &name, Enum unknown)
{
    for (const auto &[value, text] : table) {
        if (name == QLatin1String(text))
            return value;
    }
    return unknown;
}

template<typename Enum, size_t N>
QString toName(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[v, text] : table) {
        if (v == value)
            return QString::fromLatin1(text);
    }
    return QStringLiteral("unknown");
}

} // namespace

SessionState sessionStateFromString(const QString &name)
{
    return fromName(SessionStateNames, name, SessionState::Unknown);
}

QString sessionStateToString(SessionState state)
{
    return toName(SessionStateNames, state);
}

bool isTerminal(SessionState state)
{
    return state == SessionState::Error || state == SessionState::Dead || state == SessionState::Killed
        || state == SessionState::Success;
}

bool isReady(SessionState state)
{
    return state == SessionState::Idle || state == SessionState::Busy;
}

bool isStarting(SessionState state)
{
    return state == SessionState::NotStarted || state == SessionState::Starting || state == SessionState::Recovering;
}

StatementState statementStateFromString(const QString &name)
{
    return fromName(StatementStateNames, name, StatementState::Unknown);
}

QString statementStateToString(StatementState state)
{
    return toName(StatementStateNames, state);
}

bool isTerminal(StatementState state)
{
    return state == StatementState::Available || state == StatementState::Error
        || state == StatementState::Cancelled;
}

QList<std::pair<QString, QString>> Session::executorLogLinks() const
{
    QList<std::pair<QString, QString>> links;
    const QString urls = appInfo.value(QStringLiteral("executorLogUrls"));
    const QStringList entries = urls.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const qsizetype hash = entry.indexOf(QLatin1Char('#'));
        if (hash < 0)
            links.append({ QString(), entry.trimmed() });
        else
            links.append({ entry.left(hash).trimmed(), entry.mid(hash + 1).trimmed() });
    }
    return links;
}

QJsonObject CreateSessionRequest::toJson() const
{
    QJsonObject o;
    auto putString = [&o](const char *key, const std::optional<QString> &v) {
        if (v)
            o.insert(QLatin1String(key), *v);
    };
    auto putInt = [&o](const char *key, const std::optional<int> &v) {
        if (v)
            o.insert(QLatin1String(key), *v);
    };
    auto putList = [&o](const char *key, const std::optional<QStringList> &v) {
        if (v)
            o.insert(QLatin1String(key), QJsonArray::fromStringList(*v));
    };
    putString("kind", kind);
    putString("proxyUser", proxyUser);
    putList("jars", jars);
    putList("pyFiles", pyFiles);
    putList("files", files);
    putList("archives", archives);
    putString("driverMemory", driverMemory);
    putInt("driverCores", driverCores);
    putString("executorMemory", executorMemory);
    putInt("executorCores", executorCores);
    putInt("numExecutors", numExecutors);
    putString("queue", queue);
    putString("name", name);
    if (conf) {
        QJsonObject c;
        for (auto it = conf->begin(); it != conf->end(); ++it)
            c.insert(it.key(), it.value());
        o.insert(QStringLiteral("conf"), c);
    }
    putInt("heartbeatTimeoutInSecond", heartbeatTimeoutInSecond);
    putString("ttl", ttl);
    putString("idleTimeout", idleTimeout);
    return o;
}

CreateSessionRequest CreateSessionRequest::like(const Session &s)
{
    CreateSessionRequest r;
    auto text = [](const QString &value) { return value.isEmpty() ? std::nullopt : std::optional<QString>(value); };
    auto number = [](int value) { return value > 0 ? std::optional<int>(value) : std::nullopt; };
    auto list = [](const QStringList &value) { return value.isEmpty() ? std::nullopt : std::optional<QStringList>(value); };
    r.kind = text(s.kind);
    r.name = text(s.name);
    r.proxyUser = text(s.proxyUser);
    r.driverMemory = text(s.driverMemory);
    r.driverCores = number(s.driverCores);
    r.executorMemory = text(s.executorMemory);
    r.executorCores = number(s.executorCores);
    r.numExecutors = number(s.numExecutors);
    r.queue = text(s.queue);
    r.heartbeatTimeoutInSecond = number(s.heartbeatTimeoutInSecond);
    r.ttl = text(s.ttl);
    r.idleTimeout = text(s.idleTimeout);
    r.jars = list(s.jars);
    r.pyFiles = list(s.pyFiles);
    r.files = list(s.files);
    r.archives = list(s.archives);
    QMap<QString, QString> conf = s.conf;
    conf.remove(SessionTagKey);
    if (!conf.isEmpty())
        r.conf = conf;
    return r;
}

CreateSessionRequest CreateSessionRequest::fromJson(const QJsonObject &o)
{
    CreateSessionRequest r;
    auto getString = [&o](const char *key, std::optional<QString> &v) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (value.isString())
            v = value.toString();
    };
    auto getInt = [&o](const char *key, std::optional<int> &v) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (value.isDouble()) {
            const double d = value.toDouble();
            if (d == std::floor(d) && d >= std::numeric_limits<int>::min() && d <= std::numeric_limits<int>::max())
                v = int(d);
        } else if (value.isString()) {
            // Livy (Jackson) coerces digit strings for int fields; accept what it accepts.
            if (const std::optional<int> n = parseAsciiInt(value.toString()))
                v = n;
        }
    };
    auto getList = [&o](const char *key, std::optional<QStringList> &v) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (!value.isArray())
            return;
        QStringList list;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            list.append(item.toString());
        v = list;
    };
    getString("kind", r.kind);
    getString("proxyUser", r.proxyUser);
    getList("jars", r.jars);
    getList("pyFiles", r.pyFiles);
    getList("files", r.files);
    getList("archives", r.archives);
    getString("driverMemory", r.driverMemory);
    getInt("driverCores", r.driverCores);
    getString("executorMemory", r.executorMemory);
    getInt("executorCores", r.executorCores);
    getInt("numExecutors", r.numExecutors);
    getString("queue", r.queue);
    getString("name", r.name);
    if (const QJsonValue c = o.value(QLatin1String("conf")); c.isObject()) {
        QMap<QString, QString> conf;
        const QJsonObject object = c.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QJsonValue value = it.value();
            if (value.isString())
                conf.insert(it.key(), value.toString());
            else if (value.isBool())
                conf.insert(it.key(), value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            else if (value.isDouble())
                conf.insert(it.key(), QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest));
        }
        r.conf = conf;
    }
    getInt("heartbeatTimeoutInSecond", r.heartbeatTimeoutInSecond);
    getString("ttl", r.ttl);
    getString("idleTimeout", r.idleTimeout);
    return r;
}

QJsonObject StatementRequest::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("code"), code);
    if (kind)
        o.insert(QStringLiteral("kind"), *kind);
    return o;
}

QJsonObject CompletionRequest::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("kind"), kind);
    o.insert(QStringLiteral("cursor"), cursor);
    return o;
}

SessionRef SessionRef::byId(int id)
{
    SessionRef ref;
    ref.m_id = id;
    return ref;
}

SessionRef SessionRef::byName(const QString &name)
{
    SessionRef ref;
    ref.m_name = name;
    return ref;
}

SessionRef SessionRef::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (const std::optional<int> id = parseAsciiInt(trimmed); id && *id >= 0 && !trimmed.startsWith(QLatin1Char('-')))
        return byId(*id);
    return byName(trimmed);
}

QString SessionRef::pathSegment() const
{
    return isId() ? QString::number(m_id) : m_name;
}

QString SessionRef::displayName() const
{
    return isId() ? QStringLiteral("session %1").arg(m_id) : QStringLiteral("session \"%1\"").arg(m_name);
}

} // namespace Livy
