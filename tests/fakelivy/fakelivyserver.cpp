// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakelivyserver.h"

#include "createrequest.h"
#include "livyreplies.h"
#include "router.h"
#include "sessionstore.h"

#include <QJsonDocument>
#include <QTimer>

namespace FakeLivy {

// ---- RecordedRequest ----

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &[key, value] : headers) {
        if (key == lower)
            return value;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers) {
        if (h.first == lower)
            return true;
    }
    return false;
}

bool RecordedRequest::hasQueryItem(const QString &key) const
{
    for (const auto &item : query) {
        if (item.first == key)
            return true;
    }
    return false;
}

QString RecordedRequest::queryValue(const QString &key) const
{
    for (const auto &[k, v] : query) {
        if (k == key)
            return v;
    }
    return {};
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

// ---- Fault ----

Fault Fault::delay(int ms)
{
    Fault f;
    f.action = Action::Delay;
    f.delayMs = ms;
    return f;
}

Fault Fault::replace(int status, const QByteArray &body, const QByteArray &contentType)
{
    Fault f;
    f.action = Action::Replace;
    f.status = status;
    f.body = body;
    f.contentType = contentType;
    return f;
}

Fault Fault::slowAnswer(int ms)
{
    Fault f;
    f.action = Action::SlowAnswer;
    f.delayMs = ms;
    return f;
}

Fault Fault::malformedJson()
{
    Fault f;
    f.action = Action::MalformedJson;
    return f;
}

Fault Fault::truncatedBody()
{
    Fault f;
    f.action = Action::TruncatedBody;
    return f;
}

Fault Fault::dropConnection()
{
    Fault f;
    f.action = Action::DropConnection;
    return f;
}

Fault Fault::routeNotFound()
{
    Fault f;
    f.action = Action::RouteNotFound;
    return f;
}

Fault Fault::noAnswer()
{
    Fault f;
    f.action = Action::NoAnswer;
    return f;
}

Fault Fault::after(int ms) const
{
    Fault f = *this;
    f.delayMs = ms;
    return f;
}

// ---- Server ----

Server::Server(QObject *parent)
    : QObject(parent)
    , m_listener(new HttpListener(this))
    , m_config(std::make_unique<ServerConfig>())
    , m_store(new SessionStore(this))
    , m_router(std::make_unique<Router>(*m_store, *m_config))
{
    qRegisterMetaType<FakeLivy::RecordedRequest>();
    m_listener->setHandler([this](quint64 exchange, const HttpRequest &request) { onRequest(exchange, request); });
    connect(m_store, &SessionStore::sessionStateChanged, this, &Server::sessionStateChanged);
    connect(m_store, &SessionStore::statementStateChanged, this, &Server::statementStateChanged);
}

Server::~Server()
{
    m_listener->close();
}

bool Server::start(quint16 port)
{
    return m_listener->listen(port);
}

void Server::stop()
{
    m_listener->close();
}

bool Server::isListening() const
{
    return m_listener->isListening();
}

quint16 Server::port() const
{
    return m_listener->port();
}

QUrl Server::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void Server::setStartupDelay(int ms) { m_store->options().startupMs = ms; }
void Server::setStatementDuration(int ms) { m_store->options().statementMs = ms; }
void Server::setCancelDelay(int ms) { m_store->options().cancelMs = ms; }
void Server::setDeleteDelay(int ms) { m_config->deleteMs = ms; }
void Server::setLogCapacity(int lines) { m_store->options().logCapacity = lines; }
void Server::setRetainedStatements(int count) { m_store->options().retainedStatements = count; }
void Server::setCsrfProtection(bool on) { m_config->csrfProtection = on; }
void Server::setImpersonation(bool on) { m_config->impersonation = on; }
void Server::setVersion(const QString &version) { m_config->version = version; }
void Server::setPluralLogRoute(bool plural) { m_config->pluralLogRoute = plural; }

void Server::setBasicAuth(const QString &user, const QString &password)
{
    m_config->basicUser = user;
    m_config->basicPassword = password;
}

void Server::addFault(const QByteArray &method, const QString &pathPattern, const Fault &fault, int count)
{
    ActiveFault f;
    f.method = method.toUpper();
    f.path = QRegularExpression(QRegularExpression::anchoredPattern(pathPattern));
    f.fault = fault;
    f.remaining = count;
    m_faults.append(f);
}

void Server::clearFaults()
{
    m_faults.clear();
}

int Server::pendingFaults() const
{
    int n = 0;
    for (const ActiveFault &f : m_faults)
        n += (f.remaining != 0) ? 1 : 0;
    return n;
}

QList<RecordedRequest> Server::requests(const QByteArray &method, const QString &pathPattern) const
{
    const QRegularExpression path(QRegularExpression::anchoredPattern(pathPattern));
    QList<RecordedRequest> out;
    for (const RecordedRequest &r : m_requests) {
        if ((method.isEmpty() || r.method == method) && path.match(QString::fromLatin1(r.rawPath)).hasMatch())
            out.append(r);
    }
    return out;
}

std::optional<Fault> Server::takeFault(const HttpRequest &request)
{
    const QString path = QString::fromLatin1(request.rawPath);
    for (ActiveFault &f : m_faults) {
        if (f.remaining == 0)
            continue;
        if (!f.method.isEmpty() && f.method != request.method)
            continue;
        if (!f.path.match(path).hasMatch())
            continue;
        if (f.remaining > 0)
            --f.remaining;
        return f.fault;
    }
    return std::nullopt;
}

void Server::onRequest(quint64 exchange, const HttpRequest &request)
{
    RecordedRequest recorded;
    recorded.method = request.method;
    recorded.path = request.path();
    recorded.rawPath = request.rawPath;
    recorded.query = request.queryItems();
    recorded.headers = request.headers;
    recorded.body = request.body;
    m_requests.append(recorded);
    Q_EMIT requestReceived(recorded);

    const std::optional<Fault> fault = takeFault(request);
    if (!fault) {
        process(exchange, request, Fault::Action::Delay);
        return;
    }
    if (fault->action == Fault::Action::SlowAnswer) {
        Outcome outcome = m_router->handle(request);
        QTimer::singleShot(std::max(0, outcome.delayMs) + fault->delayMs, this, [this, exchange, outcome] {
            deliver(exchange, outcome.later ? outcome.later() : outcome.response, Fault::Action::Delay);
        });
        return;
    }
    auto act = [this, exchange, request, f = *fault] {
        switch (f.action) {
        case Fault::Action::Delay:
        case Fault::Action::MalformedJson:
        case Fault::Action::TruncatedBody:
            process(exchange, request, f.action);
            break;
        case Fault::Action::Replace: {
            HttpResponse r;
            r.status = f.status;
            r.body = f.body;
            r.contentType = f.contentType;
            m_listener->respond(exchange, r);
            break;
        }
        case Fault::Action::DropConnection:
            m_listener->drop(exchange);
            break;
        case Fault::Action::RouteNotFound:
            m_listener->respond(exchange, Reply::scalatraNotFound(request));
            break;
        case Fault::Action::NoAnswer:
        case Fault::Action::SlowAnswer:
            break;
        }
    };
    if (fault->delayMs > 0)
        QTimer::singleShot(fault->delayMs, this, act);
    else
        act();
}

void Server::process(quint64 exchange, const HttpRequest &request, Fault::Action transform)
{
    Outcome outcome = m_router->handle(request);
    if (!outcome.later && outcome.delayMs <= 0) {
        deliver(exchange, outcome.response, transform);
        return;
    }
    QTimer::singleShot(std::max(0, outcome.delayMs), this, [this, exchange, transform, outcome] {
        deliver(exchange, outcome.later ? outcome.later() : outcome.response, transform);
    });
}

void Server::deliver(quint64 exchange, HttpResponse response, Fault::Action transform)
{
    switch (transform) {
    case Fault::Action::MalformedJson:
        response.body = response.body.isEmpty() ? QByteArrayLiteral("{\"id\":") : response.body.left(response.body.size() / 2);
        m_listener->respond(exchange, response);
        return;
    case Fault::Action::TruncatedBody:
        m_listener->respondTruncated(exchange, response);
        return;
    default:
        m_listener->respond(exchange, response);
        return;
    }
}

int Server::createSession(const QJsonObject &request, QByteArray *error)
{
    CreateContext context;
    context.impersonation = m_config->impersonation;
    auto created = FakeLivy::createSession(*m_store, request, context);
    if (auto *reply = std::get_if<HttpResponse>(&created)) {
        if (error)
            *error = reply->body;
        return -1;
    }
    return std::get<int>(created);
}

QList<int> Server::seedSessions(int count)
{
    static const char *const teams[] = { "etl", "ml", "adhoc", "report", "stream", "audit" };
    static const char *const kinds[] = { "pyspark", "spark", "sql", "sparkr" };
    static const char *const users[] = { "alice", "bob", "carol", "dave", "erin" };
    QList<int> ids;
    ids.reserve(std::max(0, count));
    for (int i = 0; i < count; ++i) {
        const int id = m_store->takeId();
        SessionStore::NewSession params;
        params.name = QStringLiteral("%1-%2").arg(QLatin1String(teams[id % 6])).arg(id);
        params.kind = QLatin1String(kinds[id % 4]);
        params.owner = QLatin1String(users[id % 5]);
        params.proxyUser = params.owner;
        m_store->createStarted(id, params);
        ids.append(id);
    }
    return ids;
}

void Server::setSessionState(int id, const QString &state)
{
    m_store->setState(id, state);
}

bool Server::removeSession(int id)
{
    return m_store->remove(id);
}

bool Server::forgetStatement(int sessionId, int statementId)
{
    return m_store->forgetStatement(sessionId, statementId);
}

void Server::appendLog(int id, const QStringList &lines)
{
    m_store->appendLog(id, lines);
}

QStringList Server::log(int id) const
{
    const FakeSession *s = m_store->find(id);
    return s ? s->log : QStringList();
}

QList<int> Server::sessionIds() const
{
    QList<int> ids;
    const auto sessions = m_store->sessions();
    for (const FakeSession *s : sessions)
        ids.append(s->id);
    return ids;
}

QString Server::sessionState(int id) const
{
    const FakeSession *s = m_store->find(id);
    return s ? s->state : QString();
}

QJsonObject Server::sessionJson(int id) const
{
    const FakeSession *s = m_store->find(id);
    return s ? m_store->sessionJson(*s) : QJsonObject();
}

QJsonObject Server::statementJson(int sessionId, int statementId) const
{
    const FakeSession *s = m_store->find(sessionId);
    const FakeStatement *st = s ? s->statement(statementId) : nullptr;
    return st ? m_store->statementJson(*st) : QJsonObject();
}

void Server::restart()
{
    m_store->reset();
}

} // namespace FakeLivy
