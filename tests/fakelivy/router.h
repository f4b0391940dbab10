// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Livy's HTTP surface over a SessionStore: the filters (Basic auth, CSRF, API version), Livy 0.9's routes
// and their exact status codes and body shapes. No sockets, no faults: Server does those.

#include "httpwire.h"
#include "sessionstore.h"

#include <QString>

#include <functional>
#include <optional>

namespace FakeLivy {

struct ServerConfig
{
    bool csrfProtection = false;
    QString basicUser;     ///< Basic auth is on when non-empty
    QString basicPassword;
    bool impersonation = false;
    int deleteMs = 0;      ///< how long DELETE /sessions/{id} blocks before it answers
    bool pluralLogRoute = false; ///< serve the log at /sessions/{id}/logs (as some vendor servers document) instead of /log
    QString version = QStringLiteral("0.9.0-incubating");
};

/// What the router decided: an answer now, or (for DELETE) an answer produced after a delay.
struct Outcome
{
    Outcome() = default;
    Outcome(HttpResponse r) : response(std::move(r)) {} // NOLINT(google-explicit-constructor): answer now

    HttpResponse response;
    int delayMs = 0;
    std::function<HttpResponse()> later; ///< when set, called after delayMs and its result is sent instead
};

class Router
{
public:
    Router(SessionStore &store, const ServerConfig &config);

    Outcome handle(const HttpRequest &request);

private:
    std::optional<HttpResponse> filters(const HttpRequest &request, QString *user) const;

    HttpResponse listSessions(const HttpRequest &request);
    HttpResponse createSession(const HttpRequest &request, const QString &user);
    HttpResponse getSession(const FakeSession &session);
    HttpResponse getState(const FakeSession &session);
    HttpResponse getLog(const HttpRequest &request, const FakeSession &session);
    HttpResponse listStatements(const HttpRequest &request, const FakeSession &session);
    HttpResponse getStatement(const FakeSession &session, const QString &statementId);
    HttpResponse submitStatement(const HttpRequest &request, FakeSession &session);
    HttpResponse cancelStatement(FakeSession &session, const QString &statementId);
    HttpResponse completion(const HttpRequest &request, const FakeSession &session);
    Outcome deleteSession(FakeSession &session);
    HttpResponse version() const;

    SessionStore &m_store;
    const ServerConfig &m_config;
};

} // namespace FakeLivy
