// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "createrequest.h"

#include "livyreplies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace FakeLivy {

namespace {

const char *const CreateClass = "org.apache.livy.server.interactive.CreateInteractiveRequest";

QString jsonTypeToken(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Array: return QStringLiteral("Array value (token `JsonToken.START_ARRAY`)");
    case QJsonValue::Object: return QStringLiteral("Object value (token `JsonToken.START_OBJECT`)");
    case QJsonValue::Bool: return QStringLiteral("Boolean value");
    case QJsonValue::Double: return QStringLiteral("Floating-point value");
    case QJsonValue::String: return QStringLiteral("String value");
    default: break;
    }
    return QStringLiteral("value");
}

QString chain(const QString &field)
{
    return QStringLiteral(" (through reference chain: %1[\"%2\"])").arg(QLatin1String(CreateClass), field);
}

HttpResponse typeError(const QString &javaType, const QString &field, const QJsonValue &value)
{
    return Reply::bare(400, QStringLiteral("Cannot deserialize value of type `%1` from %2%3%4")
                                .arg(javaType, jsonTypeToken(value), Reply::jacksonSource(1), chain(field)));
}

HttpResponse npe()
{
    return Reply::bare(500, QStringLiteral("java.lang.NullPointerException"));
}

HttpResponse rejected(const QString &reason)
{
    return Reply::msg(400, QStringLiteral("Rejected, Reason: ") + reason);
}

/// Jackson's scalar coercion into a String field.
std::variant<QString, HttpResponse> readString(const QJsonValue &v, const QString &field)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return typeError(QStringLiteral("java.lang.String"), field, v);
}

std::variant<int, HttpResponse> readInt(const QJsonValue &v, const QString &field)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= -2147483648.0 && d <= 2147483647.0)
            return int(d); // Jackson accepts floats as ints by truncating
    }
    if (v.isString()) {
        bool ok = false;
        const int n = v.toString().trimmed().toInt(&ok);
        if (ok)
            return n;
        return Reply::bare(400, QStringLiteral("Cannot deserialize value of type `int` from String \"%1\": not a valid "
                                               "`int` value%2%3")
                                    .arg(v.toString(), Reply::jacksonSource(1), chain(field)));
    }
    return typeError(QStringLiteral("int"), field, v);
}

std::variant<QJsonArray, HttpResponse> readStringList(const QJsonValue &v, const QString &field)
{
    if (!v.isArray())
        return typeError(QStringLiteral("scala.collection.immutable.List<java.lang.String>"), field, v);
    QJsonArray out;
    const QJsonArray in = v.toArray();
    for (const QJsonValue &item : in) {
        auto s = readString(item, field);
        if (auto *error = std::get_if<HttpResponse>(&s))
            return *error;
        out.append(std::get<QString>(s));
    }
    return out;
}

std::variant<QJsonObject, HttpResponse> readConf(const QJsonValue &v)
{
    if (!v.isObject())
        return typeError(QStringLiteral("scala.collection.immutable.Map<java.lang.String,java.lang.String>"),
                         QStringLiteral("conf"), v);
    QJsonObject out;
    const QJsonObject in = v.toObject();
    for (auto it = in.begin(); it != in.end(); ++it) {
        auto s = readString(it.value(), QStringLiteral("conf"));
        if (auto *error = std::get_if<HttpResponse>(&s))
            return *error;
        out.insert(it.key(), std::get<QString>(s));
    }
    return out;
}

bool isValidTime(const QString &text)
{
    static const QRegularExpression time(QStringLiteral(R"(^\s*\d+\s*(us|ms|s|m|min|h|d)?\s*$)"));
    return time.match(text).hasMatch();
}

/// Livy's path rules for jars, pyFiles, files and archives. The fake has an empty
/// livy.file.local-dir-whitelist, so local files are refused: use hdfs:// (or any other scheme) paths.
QString pathProblem(const QString &path)
{
    const QUrl url(path);
    const QString scheme = url.scheme();
    if (scheme.isEmpty() && !path.startsWith(QLatin1Char('/')))
        return QStringLiteral("requirement failed: Path '%1' is not absolute.").arg(path);
    if (scheme == QLatin1String("file") || scheme.isEmpty()) // scheme-less paths resolve to file:
        return QStringLiteral("requirement failed: Local path %1 cannot be added to user sessions.").arg(url.path());
    return {};
}

} // namespace

QStringList createRequestFields()
{
    return { QStringLiteral("kind"), QStringLiteral("proxyUser"), QStringLiteral("jars"),
             QStringLiteral("pyFiles"), QStringLiteral("files"), QStringLiteral("driverMemory"),
             QStringLiteral("driverCores"), QStringLiteral("executorMemory"), QStringLiteral("executorCores"),
             QStringLiteral("numExecutors"), QStringLiteral("archives"), QStringLiteral("queue"),
             QStringLiteral("name"), QStringLiteral("conf"), QStringLiteral("heartbeatTimeoutInSecond"),
             QStringLiteral("ttl"), QStringLiteral("idleTimeout") };
}

QString canonicalKind(const QString &kind)
{
    if (kind == QLatin1String("spark") || kind == QLatin1String("scala"))
        return QStringLiteral("spark");
    if (kind == QLatin1String("pyspark") || kind == QLatin1String("python"))
        return QStringLiteral("pyspark");
    if (kind == QLatin1String("sparkr") || kind == QLatin1String("r"))
        return QStringLiteral("sparkr");
    if (kind == QLatin1String("sql"))
        return QStringLiteral("sql");
    if (kind == QLatin1String("shared"))
        return QStringLiteral("shared");
    return {};
}

std::variant<QJsonObject, HttpResponse> parseJsonBody(const HttpRequest &request, const QString &className)
{
    QByteArray body = request.body;
    if (request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        body.clear(); // consumed as form parameters by Scalatra's MethodOverride
    if (body.trimmed().isEmpty())
        return Reply::bare(400, QStringLiteral("No content to map due to end-of-input") + Reply::jacksonSource(0));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return Reply::bare(400, QStringLiteral("Unexpected character or end-of-input (%1)%2")
                                    .arg(error.errorString(), Reply::jacksonSource(error.offset + 1)));
    }
    if (!doc.isObject()) {
        return Reply::bare(400, QStringLiteral("Cannot deserialize instance of `%1` out of START_ARRAY token%2")
                                    .arg(className, Reply::jacksonSource(1)));
    }
    return doc.object();
}

std::variant<int, HttpResponse> createSession(SessionStore &store, const QJsonObject &body, const CreateContext &context)
{
    const QStringList known = createRequestFields();
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key())) {
            return Reply::bare(400, Reply::jacksonUnrecognizedField(it.key(), QLatin1String(CreateClass), known,
                                                                    int(it.key().size()) + 3));
        }
    }

    SessionStore::NewSession params;
    QJsonObject echo;
    std::optional<QString> requestedProxyUser;
    // Type checks first (Jackson), then Livy's own validation.
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("kind")) {
            if (value.isNull())
                return npe();
            if (!value.isString())
                return Reply::bare(400, QStringLiteral("requirement failed: Kind should be a string.%1")
                                            .arg(chain(key)));
            params.kind = canonicalKind(value.toString());
            if (params.kind.isNull())
                return Reply::bare(400, QStringLiteral("Invalid kind: %1%2").arg(value.toString(), chain(key)));
        } else if (key == QLatin1String("jars") || key == QLatin1String("pyFiles") || key == QLatin1String("files")
                   || key == QLatin1String("archives")) {
            if (value.isNull())
                return npe();
            auto list = readStringList(value, key);
            if (auto *error = std::get_if<HttpResponse>(&list))
                return *error;
            echo.insert(key, std::get<QJsonArray>(list));
        } else if (key == QLatin1String("conf")) {
            if (value.isNull())
                return npe();
            auto conf = readConf(value);
            if (auto *error = std::get_if<HttpResponse>(&conf))
                return *error;
            echo.insert(key, std::get<QJsonObject>(conf));
        } else if (key == QLatin1String("driverCores") || key == QLatin1String("executorCores")
                   || key == QLatin1String("numExecutors") || key == QLatin1String("heartbeatTimeoutInSecond")) {
            if (value.isNull())
                continue; // Option[Int]: null is None
            auto n = readInt(value, key);
            if (auto *error = std::get_if<HttpResponse>(&n))
                return *error;
            echo.insert(key, std::get<int>(n));
        } else {
            if (value.isNull())
                continue; // Option[String]: null is None
            auto s = readString(value, key);
            if (auto *error = std::get_if<HttpResponse>(&s))
                return *error;
            const QString text = std::get<QString>(s);
            if (key == QLatin1String("name"))
                params.name = text;
            else if (key == QLatin1String("proxyUser"))
                requestedProxyUser = text;
            else
                echo.insert(key, text); // driverMemory, executorMemory, queue, ttl, idleTimeout
        }
    }

    // Livy takes the id before it validates the rest, so every rejection below uses one up.
    const int id = store.takeId();
    if (!params.name.isNull()) {
        bool allDigits = true;
        for (const QChar c : std::as_const(params.name))
            allDigits = allDigits && c.isDigit();
        if (allDigits)
            return rejected(QStringLiteral("Invalid session name: %1").arg(params.name));
    }
    for (const char *key : { "ttl", "idleTimeout" }) {
        const QJsonValue v = echo.value(QLatin1String(key));
        if (v.isString() && !isValidTime(v.toString()))
            return rejected(QStringLiteral("Invalid time string: %1").arg(v.toString()));
    }
    static const QStringList blacklist = { QStringLiteral("spark.master"), QStringLiteral("spark.submit.deployMode"),
                                           QStringLiteral("spark.yarn.jar"), QStringLiteral("spark.yarn.jars"),
                                           QStringLiteral("spark.yarn.archive"), QStringLiteral("livy.rsc.jars") };
    const QJsonObject conf = echo.value(QLatin1String("conf")).toObject();
    QStringList blocked;
    for (const QString &key : blacklist) {
        if (conf.contains(key))
            blocked.append(key);
    }
    if (!blocked.isEmpty())
        return rejected(QStringLiteral("Blacklisted configuration values in session config: %1")
                            .arg(blocked.join(QStringLiteral(", "))));
    for (const char *key : { "jars", "pyFiles", "files", "archives" }) {
        const QJsonArray paths = echo.value(QLatin1String(key)).toArray();
        for (const QJsonValue &p : paths) {
            if (const QString problem = pathProblem(p.toString()); !problem.isEmpty())
                return rejected(problem);
        }
    }
    if (!params.name.isNull() && store.findByName(params.name))
        return rejected(QStringLiteral("Duplicate session name: Some(%1) for session %2").arg(params.name).arg(id));

    params.owner = context.owner;
    if (context.impersonation) {
        if (!context.doAs.isNull())
            params.proxyUser = context.doAs;
        else if (requestedProxyUser)
            params.proxyUser = *requestedProxyUser;
        else
            params.proxyUser = context.owner;
    }
    params.echo = echo;
    store.create(id, params);
    return id;
}

} // namespace FakeLivy
