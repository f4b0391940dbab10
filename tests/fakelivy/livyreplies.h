// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The bodies Livy 0.9 answers with, in its three error shapes (see LivyError::fromHttpResponse; recorded examples in tests/fixtures/real):
// `{"msg":"…"}`, a bare JSON string, and Jetty's filter error page (HTML, JSON or text by Accept header),
// plus Scalatra's route-level 404 and Jackson's deserialisation texts.

#include "httpwire.h"

#include <QJsonObject>
#include <QString>

namespace FakeLivy::Reply {

HttpResponse ok(const QJsonObject &object, int status = 200);
/// `{"msg":"…"}` (ResponseMessage).
HttpResponse msg(int status, const QString &message);
/// A bare JSON string body, as Livy sends when the servlet code returns a String.
HttpResponse bare(int status, const QString &text);
/// Jetty 9.4's ErrorHandler page for filter errors (CSRF, authentication): HTML unless the Accept header
/// prefers JSON (`{"servlet","message","url","status":"400"}` with the status as a string) or text.
HttpResponse jettyError(int status, const QString &message, const HttpRequest &request);
/// Scalatra's "no route" 404 (development mode, Livy's default): text/html, no `msg`.
HttpResponse scalatraNotFound(const HttpRequest &request);
/// 405 for a known path with an unsupported method.
HttpResponse methodNotAllowed(const HttpRequest &request, const QByteArray &allow);

/// The 404 for an unknown session id or name.
HttpResponse sessionNotFound(const QString &idOrName);
/// `{"msg":"For input string: \"x\""}` (a bad integer in the path or query).
HttpResponse badInteger(const QString &text);
/// `java.lang.IllegalStateException: Session is in state <state>` as a bare 500.
HttpResponse notRunning(const QString &state);

/// Jackson's "[Source: …]" location suffix.
QString jacksonSource(int column);
/// Jackson's text for an unknown property of `className` with the given known properties.
QString jacksonUnrecognizedField(const QString &field, const QString &className, const QStringList &known, int column);

} // namespace FakeLivy::Reply
