// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "router.h"

#include "createrequest.h"
#include "fakeoutput.h"
#include "livyreplies.h"

#include <QJsonArray>
#include <QPointer>

#include <algorithm>

namespace FakeLivy {

namespace {

/// A query parameter parsed as Scalatra's `params.get(key).map(_.toInt)`: the first value wins.
struct IntParam
{
    std::optional<int> value;
    std::optional<HttpResponse> error;
};

IntParam intParam(const HttpRequest &request, const QString &key)
{
    const auto items = request.queryItems();
    for (const auto &[k, v] : items) {
        if (k != key)
            continue;
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok)
            return { std::nullopt, Reply::badInteger(v) };
        return { n, std::nullopt };
    }
    return {};
}

std::optional<QString> stringParam(const HttpRequest &request, const QString &key)
{
    const auto items = request.queryItems();
    for (const auto &[k, v] : items) {
        if (k == key)
            return v;
    }
    return std::nullopt;
}

/// Scala's `seq.slice(from, until)`.
template<typename T>
QList<T> slice(const QList<T> &list, qint64 from, qint64 until)
{
    const qint64 lo = std::clamp<qint64>(from, 0, list.size());
    const qint64 hi = std::clamp<qint64>(until, 0, list.size());
    return hi <= lo ? QList<T>() : list.mid(lo, hi - lo);
}

bool methodAllowed(const QByteArray &allowed, const QByteArray &method)
{
    const QList<QByteArray> methods = allowed.split(',');
    for (const QByteArray &m : methods) {
        if (m.trimmed() == method)
            return true;
    }
    return false;
}

bool isInactive(const QString &state)
{
    return state == QLatin1String("shutting_down") || state == QLatin1String("dead")
        || state == QLatin1String("killed") || state == QLatin1String("success");
}

} // namespace

Router::Router(SessionStore &store, const ServerConfig &config)
    : m_store(store)
    , m_config(config)
{
}

std::optional<HttpResponse> Router::filters(const HttpRequest &request, QString *user) const
{
    // Livy's filter order: security headers -> authentication -> CSRF -> allowed users.
    if (!m_config.basicUser.isEmpty()) {
        const QByteArray authorization = request.header("authorization");
        if (!authorization.toLower().startsWith("basic ")) {
            HttpResponse r = Reply::jettyError(401, QStringLiteral("Authentication required"), request);
            r.headers.append({ QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic") });
            return r;
        }
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        const QString name = QString::fromUtf8(colon < 0 ? decoded : decoded.left(colon));
        const QString password = QString::fromUtf8(colon < 0 ? QByteArray() : decoded.mid(colon + 1));
        if (name != m_config.basicUser || password != m_config.basicPassword) {
            // Hadoop's AuthenticationFilter answers a failed LDAP bind with 403 and the exception text.
            return Reply::jettyError(403, QStringLiteral("Error validating LDAP user"), request);
        }
        *user = name;
    }
    if (m_config.csrfProtection && request.method != "GET" && request.method != "OPTIONS" && request.method != "HEAD"
        && !request.hasHeader("x-requested-by")) {
        return Reply::jettyError(400, QStringLiteral("Missing Required Header for CSRF protection."), request);
    }
    const QByteArray accept = request.header("accept").toLower();
    if (accept.contains("application/vnd.livy.v") && !accept.contains("application/vnd.livy.v0.1+json")) {
        HttpResponse r;
        r.status = 406;
        return r;
    }
    return std::nullopt;
}

Outcome Router::handle(const HttpRequest &request)
{
    QString user;
    if (auto rejected = filters(request, &user))
        return { *rejected };

    const QStringList seg = request.pathSegments();
    const QByteArray &method = request.method;
    auto only = [&](const char *allowed, auto &&handler) -> Outcome {
        if (method != allowed)
            return { Reply::methodNotAllowed(request, allowed) };
        return handler();
    };

    if (seg == QStringList{ QStringLiteral("version") })
        return only("GET", [&] { return Outcome{ version() }; });
    if (seg == QStringList{ QStringLiteral("metrics"), QStringLiteral("ping") }) {
        HttpResponse pong;
        pong.contentType = QByteArrayLiteral("text/plain;charset=utf-8");
        pong.body = QByteArrayLiteral("pong");
        return { pong };
    }
    if (seg.isEmpty() || seg.constFirst() != QLatin1String("sessions") || seg.size() > 5)
        return { Reply::scalatraNotFound(request) };

    if (seg.size() == 1) {
        if (method == "GET")
            return { listSessions(request) };
        if (method == "POST")
            return { createSession(request, user) };
        return { Reply::methodNotAllowed(request, QByteArrayLiteral("GET, POST")) };
    }

    // Every other route is /sessions/{id}/...: check the route exists before looking the session up,
    // so that an unknown route is Scalatra's 404 and an unknown session is Livy's {"msg"} 404.
    const QString idOrName = seg.at(1);
    const QString leaf = seg.size() >= 3 ? seg.at(2) : QString();
    QByteArray allowed;
    const QLatin1String logLeaf = m_config.pluralLogRoute ? QLatin1String("logs") : QLatin1String("log");
    if (seg.size() == 2)
        allowed = "GET, DELETE";
    else if (seg.size() == 3 && (leaf == QLatin1String("state") || leaf == logLeaf))
        allowed = "GET";
    else if (seg.size() == 3 && (leaf == QLatin1String("connect") || leaf == QLatin1String("completion")))
        allowed = "POST";
    else if (seg.size() == 3 && leaf == QLatin1String("statements"))
        allowed = "GET, POST";
    else if (seg.size() == 4 && leaf == QLatin1String("statements"))
        allowed = "GET";
    else if (seg.size() == 5 && leaf == QLatin1String("statements") && seg.at(4) == QLatin1String("cancel"))
        allowed = "POST";
    if (allowed.isEmpty())
        return { Reply::scalatraNotFound(request) };
    if (!methodAllowed(allowed, method))
        return { Reply::methodNotAllowed(request, allowed) };

    FakeSession *session = m_store.resolve(idOrName);
    if (!session)
        return { Reply::sessionNotFound(idOrName) };

    if (seg.size() == 2)
        return method == "GET" ? Outcome{ getSession(*session) } : deleteSession(*session);
    if (leaf == QLatin1String("state"))
        return { getState(*session) };
    if (leaf == logLeaf)
        return { getLog(request, *session) };
    if (leaf == QLatin1String("connect"))
        return { getSession(*session) }; // records activity; the fake has no idle timeout to reset
    if (leaf == QLatin1String("completion"))
        return { completion(request, *session) };
    if (seg.size() == 3)
        return { method == "GET" ? listStatements(request, *session) : submitStatement(request, *session) };
    if (seg.size() == 4)
        return { getStatement(*session, seg.at(3)) };
    return { cancelStatement(*session, seg.at(3)) };
}

HttpResponse Router::version() const
{
    return Reply::ok(QJsonObject{
        { QStringLiteral("version"), m_config.version },
        { QStringLiteral("user"), QStringLiteral("fakelivy") },
        { QStringLiteral("revision"), QStringLiteral("0000000000000000000000000000000000000000") },
        { QStringLiteral("branch"), QStringLiteral("fake") },
        { QStringLiteral("date"), QStringLiteral("2026-01-02T00:00:00Z") },
        { QStringLiteral("url"), QStringLiteral("fakelivy") },
    });
}

HttpResponse Router::listSessions(const HttpRequest &request)
{
    const IntParam from = intParam(request, QStringLiteral("from"));
    if (from.error)
        return *from.error;
    const IntParam size = intParam(request, QStringLiteral("size"));
    if (size.error)
        return *size.error;
    const QList<const FakeSession *> all = m_store.sessions();
    const int f = from.value.value_or(0);
    const qint64 until = qint64(f) + size.value.value_or(100);
    QJsonArray sessions;
    const QList<const FakeSession *> page = slice(all, f, until);
    for (const FakeSession *s : page)
        sessions.append(m_store.sessionJson(*s));
    return Reply::ok(QJsonObject{ { QStringLiteral("from"), f },
                                  { QStringLiteral("total"), int(all.size()) },
                                  { QStringLiteral("sessions"), sessions } });
}

HttpResponse Router::createSession(const HttpRequest &request, const QString &user)
{
    auto body = parseJsonBody(request, QStringLiteral("org.apache.livy.server.interactive.CreateInteractiveRequest"));
    if (auto *error = std::get_if<HttpResponse>(&body))
        return *error;
    CreateContext context;
    context.owner = user.isEmpty() ? QString() : user;
    if (const auto doAs = stringParam(request, QStringLiteral("doAs")))
        context.doAs = *doAs;
    context.impersonation = m_config.impersonation;
    auto created = FakeLivy::createSession(m_store, std::get<QJsonObject>(body), context);
    if (auto *error = std::get_if<HttpResponse>(&created))
        return *error;
    const int id = std::get<int>(created);
    HttpResponse r = Reply::ok(m_store.sessionJson(*m_store.find(id)), 201);
    r.headers.append({ QByteArrayLiteral("Location"), "/sessions/" + QByteArray::number(id) });
    return r;
}

HttpResponse Router::getSession(const FakeSession &session)
{
    return Reply::ok(m_store.sessionJson(session));
}

HttpResponse Router::getState(const FakeSession &session)
{
    return Reply::ok(QJsonObject{ { QStringLiteral("id"), session.id }, { QStringLiteral("state"), session.state } });
}

HttpResponse Router::getLog(const HttpRequest &request, const FakeSession &session)
{
    const IntParam from = intParam(request, QStringLiteral("from"));
    if (from.error)
        return *from.error;
    const IntParam size = intParam(request, QStringLiteral("size"));
    if (size.error)
        return *size.error;
    const QStringList &log = session.log;
    const qint64 total = log.size();
    const qint64 n = size.value.value_or(100) < 0 ? total : size.value.value_or(100);
    const qint64 f = (from.value && *from.value >= 0) ? *from.value : std::max<qint64>(0, total - n);
    return Reply::ok(QJsonObject{ { QStringLiteral("id"), session.id },
                                  { QStringLiteral("from"), f },
                                  { QStringLiteral("total"), total },
                                  { QStringLiteral("log"), QJsonArray::fromStringList(slice(log, f, f + n)) } });
}

HttpResponse Router::listStatements(const HttpRequest &request, const FakeSession &session)
{
    const IntParam from = intParam(request, QStringLiteral("from"));
    if (from.error)
        return *from.error;
    const IntParam size = intParam(request, QStringLiteral("size"));
    if (size.error)
        return *size.error;
    if (isInactive(session.state))
        return Reply::msg(400, QStringLiteral("requirement failed: Session isn't active."));
    QList<FakeStatement> all = session.statements;
    if (stringParam(request, QStringLiteral("order")) == QStringLiteral("desc"))
        std::reverse(all.begin(), all.end());
    const int f = from.value.value_or(0);
    const qint64 until = qint64(f) + size.value.value_or(int(all.size()));
    QJsonArray statements;
    const QList<FakeStatement> page = slice(all, f, until);
    for (const FakeStatement &s : page)
        statements.append(m_store.statementJson(s));
    return Reply::ok(QJsonObject{ { QStringLiteral("total_statements"), int(all.size()) },
                                  { QStringLiteral("statements"), statements } });
}

HttpResponse Router::getStatement(const FakeSession &session, const QString &statementId)
{
    bool ok = false;
    const int sid = statementId.toInt(&ok);
    if (!ok)
        return Reply::badInteger(statementId);
    if (isInactive(session.state)) // Livy's getStatement() starts with ensureActive(), as the list does
        return Reply::msg(400, QStringLiteral("requirement failed: Session isn't active."));
    const FakeStatement *statement = session.statement(sid);
    if (!statement)
        return Reply::bare(404, QStringLiteral("Statement not found"));
    return Reply::ok(m_store.statementJson(*statement));
}

HttpResponse Router::submitStatement(const HttpRequest &request, FakeSession &session)
{
    auto parsed = parseJsonBody(request, QStringLiteral("org.apache.livy.msgs.ExecuteRequest"));
    if (auto *error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    const QStringList known = { QStringLiteral("code"), QStringLiteral("kind") };
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key())) {
            return Reply::bare(400, Reply::jacksonUnrecognizedField(it.key(), QStringLiteral("org.apache.livy.msgs.ExecuteRequest"),
                                                                    known, int(it.key().size()) + 3));
        }
    }
    const QJsonValue code = body.value(QLatin1String("code"));
    if (!code.isString())
        return Reply::bare(500, QStringLiteral("java.lang.NullPointerException"));
    if (!session.isReady())
        return Reply::notRunning(session.state);
    const QJsonValue kindValue = body.value(QLatin1String("kind"));
    QString kind = session.kind;
    if (kindValue.isString()) {
        kind = canonicalKind(kindValue.toString());
        if (kind.isNull() || kind == QLatin1String("shared")) {
            return Reply::bare(500, QStringLiteral("java.util.concurrent.ExecutionException: org.apache.livy.rsc.rpc.RpcException: "
                                                   "java.lang.IllegalArgumentException: Invalid kind: %1\n\tat "
                                                   "org.apache.livy.repl.Session.execute(Session.scala:141)")
                                        .arg(kindValue.toString()));
        }
    }
    if (kind == QLatin1String("shared")) {
        return Reply::bare(500, QStringLiteral("java.util.concurrent.ExecutionException: org.apache.livy.rsc.rpc.RpcException: "
                                               "java.lang.IllegalArgumentException: Code type should be specified if session "
                                               "kind is shared\n\tat org.apache.livy.repl.Session.execute(Session.scala:141)"));
    }
    // The driver converts CRLF line endings.
    QString text = code.toString();
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const FakeStatement &statement = m_store.submit(session, text, kind);
    HttpResponse r = Reply::ok(m_store.statementJson(statement), 201);
    r.headers.append({ QByteArrayLiteral("Location"),
                       "/sessions/" + QByteArray::number(session.id) + "/statements/" + QByteArray::number(statement.id) });
    return r;
}

HttpResponse Router::cancelStatement(FakeSession &session, const QString &statementId)
{
    bool ok = false;
    const int sid = statementId.toInt(&ok);
    if (!ok)
        return Reply::badInteger(statementId);
    if (!session.isReady())
        return Reply::notRunning(session.state);
    m_store.cancel(session, sid);
    return Reply::msg(200, QStringLiteral("canceled"));
}

HttpResponse Router::completion(const HttpRequest &request, const FakeSession &session)
{
    auto parsed = parseJsonBody(request, QStringLiteral("org.apache.livy.msgs.CompletionRequest"));
    if (auto *error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    if (!session.isReady())
        return Reply::notRunning(session.state);
    const QJsonValue kind = body.value(QLatin1String("kind"));
    if (!kind.isString())
        return Reply::bare(500, QStringLiteral("java.lang.NullPointerException"));
    QStringList candidates;
    if (canonicalKind(kind.toString()) == QLatin1String("spark")) {
        candidates = completionCandidates(body.value(QLatin1String("code")).toString(),
                                          body.value(QLatin1String("cursor")).toInt());
    }
    return Reply::ok(QJsonObject{ { QStringLiteral("candidates"), QJsonArray::fromStringList(candidates) } });
}

Outcome Router::deleteSession(FakeSession &session)
{
    if (session.state == QLatin1String("shutting_down"))
        return { Reply::msg(404, QStringLiteral("Session %1 already stopped.").arg(session.id)) };
    m_store.setState(session.id, QStringLiteral("shutting_down"));
    Outcome outcome;
    outcome.delayMs = std::max(0, m_config.deleteMs);
    outcome.later = [store = QPointer<SessionStore>(&m_store), id = session.id, serial = session.serial] {
        if (store) {
            if (const FakeSession *s = store->find(id); s && s->serial == serial)
                store->remove(id);
        }
        return Reply::msg(200, QStringLiteral("deleted"));
    };
    return outcome;
}

} // namespace FakeLivy
