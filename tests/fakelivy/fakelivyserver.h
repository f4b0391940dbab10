// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// FakeLivy::Server: an in-process fake of Apache Livy 0.9's interactive-sessions REST API for tests.
//
//   FakeLivy::Server server;
//   QVERIFY(server.start());                       // 127.0.0.1, free port
//   Livy::ConnectionSettings s; s.baseUrl = server.url();
//   server.setStartupDelay(0);                     // sessions go starting -> idle at once
//   server.addFault("GET", "/sessions/\\d+/log", FakeLivy::Fault::routeNotFound());
//   ... run jobs ...
//   QCOMPARE(server.requests().last().header("x-requested-by"), "livydesk");
//
// It follows a real Livy 0.9 (tests/fixtures/real, docs/real-livy.md; tests/fakelivy/README.md): status codes, body shapes and field names of Livy 0.9, the session and statement
// state machines, the three error-body shapes, CSRF and Basic-auth modes. Statement output is driven by
// directive lines in the code (`#fake:table`, `#fake:error=ValueError:bad`, ...): see tests/fakelivy/README.md.
// Everything runs on the thread that owns the Server (the test's main thread); no nested event loops.

#include "httpwire.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace FakeLivy {

class Router;
class SessionStore;
struct ServerConfig;

/// A request as the server received it.
struct RecordedRequest
{
    QByteArray method;                     ///< "GET", "POST", "DELETE", ...
    QString path;                          ///< percent-decoded path, e.g. "/sessions/my s/log"
    QByteArray rawPath;                    ///< the path exactly as sent, e.g. "/sessions/my%20s/log"
    QList<QPair<QString, QString>> query;  ///< decoded query items, in order
    HeaderList headers;                    ///< lower-case names, in arrival order
    QByteArray body;

    QByteArray header(const QByteArray &name) const; ///< case-insensitive; null if absent
    bool hasHeader(const QByteArray &name) const;
    bool hasQueryItem(const QString &key) const;
    QString queryValue(const QString &key) const;    ///< first value; null if absent
    QJsonObject json() const;                        ///< the body as a JSON object ({} if it is not one)
};

/// A scripted misbehaviour for the requests matching a route (see Server::addFault).
struct Fault
{
    enum class Action {
        Delay,          ///< answer normally, but only after delayMs (the request is processed after the delay)
        Replace,        ///< do not process; answer `status` with `body` and `contentType`
        MalformedJson,  ///< process; send the real status with the body cut in half (valid HTTP, broken JSON)
        TruncatedBody,  ///< process; announce the full Content-Length, send half the body, close the connection
        DropConnection, ///< do not process; close the connection without answering
        RouteNotFound,  ///< do not process; Scalatra's route-level 404 (text/html, no "msg")
        NoAnswer,       ///< do not process; keep the connection open and never answer (client timeouts)
        SlowAnswer,     ///< process at once (the state it reflects is "now"), deliver the answer after delayMs
    };

    Action action = Action::Delay;
    int delayMs = 0; ///< applies to every action: wait this long before acting
    int status = 0;
    QByteArray body;
    QByteArray contentType;

    static Fault delay(int ms);
    static Fault replace(int status, const QByteArray &body,
                         const QByteArray &contentType = QByteArrayLiteral("application/json;charset=utf-8"));
    static Fault malformedJson();
    static Fault truncatedBody();
    static Fault dropConnection();
    static Fault routeNotFound();
    static Fault noAnswer();
    /// The answer reflects the moment the request arrived but reaches the client `ms` later (a slow network or a
    /// big body): what a client sees when a reply and a later change cross.
    static Fault slowAnswer(int ms);
    /// Waits `ms` before the action (e.g. `Fault::replace(503, ...).after(200)`).
    Fault after(int ms) const;
};

class Server : public QObject
{
    Q_OBJECT
public:
    static constexpr int Forever = -1;

    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    /// Listens on 127.0.0.1 (port 0 = a free port). May be called again after stop(), also with the old port().
    bool start(quint16 port = 0);
    /// Stops listening and closes every connection (the server went away: clients get "connection refused").
    /// Sessions are kept; start() brings the same server back.
    void stop();
    bool isListening() const;
    quint16 port() const;
    /// http://127.0.0.1:<port>
    QUrl url() const;

    // ---- behaviour knobs (take effect for what happens next) ----
    void setStartupDelay(int ms);          ///< starting -> idle (default 200 ms; 0 = next event-loop turn)
    void setStatementDuration(int ms);     ///< default run time of a statement (default 100 ms; #fake:duration wins)
    void setCancelDelay(int ms);           ///< cancelling -> cancelled (default 50 ms)
    void setDeleteDelay(int ms);           ///< how long DELETE blocks before answering (default 0)
    void setLogCapacity(int lines);        ///< ring buffer per session (default 200, livy.cache-log.size)
    void setRetainedStatements(int count); ///< older finished statements are evicted -> 404 (default 100)
    void setCsrfProtection(bool on);       ///< non-GET requests need X-Requested-By, else 400 (Jetty page)
    void setBasicAuth(const QString &user, const QString &password); ///< empty user turns it off
    void setImpersonation(bool on);        ///< proxyUser/doAs honoured (default off: proxyUser echoes null)
    void setVersion(const QString &version);
    /// Serve the log at /sessions/{id}/logs (the name some vendor documentation uses); /log is then no route.
    void setPluralLogRoute(bool plural);

    // ---- scripted faults ----
    /// Applies `fault` to the next `count` requests (or Forever) whose method equals `method` (empty = any) and
    /// whose raw path (percent-encoded, no query) fully matches the regular expression `pathPattern`.
    /// The earliest added matching fault with uses left wins.
    void addFault(const QByteArray &method, const QString &pathPattern, const Fault &fault, int count = 1);
    void clearFaults();
    /// Faults that still have uses left.
    int pendingFaults() const;

    // ---- what was received ----
    QList<RecordedRequest> requests() const { return m_requests; }
    /// The requests whose method equals `method` (empty = any) and whose raw path fully matches `pathPattern`.
    QList<RecordedRequest> requests(const QByteArray &method, const QString &pathPattern) const;
    void clearRequests() { m_requests.clear(); }

    // ---- direct state access (no HTTP) ----
    /// Creates a session as `POST /sessions` with this body would (same validation). Returns its id, or -1 and
    /// (if `error` is given) the error body if the body is rejected.
    int createSession(const QJsonObject &request = {}, QByteArray *error = nullptr);
    /// Adds `count` sessions that have already started (state idle, appId and start-up log lines), as a large
    /// shared server would list them, without HTTP, timers or signals (5,000 take a few milliseconds). They get the
    /// next ids; name `<team>-<id>` (teams etl, ml, adhoc, report, stream, audit in turn), kinds pyspark, spark,
    /// sql, sparkr in turn, owner and proxyUser one of alice, bob, carol, dave, erin. Returns their ids.
    QList<int> seedSessions(int count);
    /// Forces a state (e.g. "dead", "error", "recovering", "idle"); waiting statements run once it is idle/busy.
    void setSessionState(int id, const QString &state);
    /// Forgets one session (an expired or reaped session: 404 from now on).
    bool removeSession(int id);
    /// Forgets one statement (Livy evicted it, or the REPL restarted): 404 and absent from the list from now on.
    bool forgetStatement(int sessionId, int statementId);
    void appendLog(int id, const QStringList &lines);
    QStringList log(int id) const;
    QList<int> sessionIds() const;
    QString sessionState(int id) const;         ///< null if unknown
    QJsonObject sessionJson(int id) const;      ///< {} if unknown
    QJsonObject statementJson(int sessionId, int statementId) const; ///< {} if unknown
    /// A server restart without recovery: every session and statement is forgotten and ids start at 0 again.
    /// Knobs, faults and recorded requests stay.
    void restart();

Q_SIGNALS:
    /// Emitted for every request on arrival (before any fault or answer).
    void requestReceived(const FakeLivy::RecordedRequest &request);
    void sessionStateChanged(int sessionId, const QString &state);
    void statementStateChanged(int sessionId, int statementId, const QString &state);

private:
    struct ActiveFault
    {
        QByteArray method;
        QRegularExpression path;
        Fault fault;
        int remaining = 1;
    };

    void onRequest(quint64 exchange, const HttpRequest &request);
    void process(quint64 exchange, const HttpRequest &request, Fault::Action transform);
    void deliver(quint64 exchange, HttpResponse response, Fault::Action transform);
    std::optional<Fault> takeFault(const HttpRequest &request);

    HttpListener *m_listener = nullptr;
    std::unique_ptr<ServerConfig> m_config;
    SessionStore *m_store = nullptr;
    std::unique_ptr<Router> m_router;
    QList<ActiveFault> m_faults;
    QList<RecordedRequest> m_requests;
};

} // namespace FakeLivy

Q_DECLARE_METATYPE(FakeLivy::RecordedRequest)
