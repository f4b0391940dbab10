// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading request bodies the way Livy's Jackson mapper does, and the validation of `POST /sessions`
// (field types, kinds, names, ttl, blacklisted conf, paths, duplicate names) with Livy 0.9's texts.

#include "httpwire.h"
#include "sessionstore.h"

#include <QJsonObject>
#include <QStringList>

#include <variant>

namespace FakeLivy {

/// The JSON object in the request body, or the 400 Livy answers (bare Jackson text). A form-encoded body is
/// consumed by Scalatra's MethodOverride before Livy reads it, so it reads as empty.
std::variant<QJsonObject, HttpResponse> parseJsonBody(const HttpRequest &request, const QString &className);

/// The canonical kind for a kind name or alias ("scala" -> "spark"), or a null string if unknown.
QString canonicalKind(const QString &kind);

struct CreateContext
{
    QString owner;        ///< authenticated user, null without auth
    QString doAs;         ///< ?doAs= value, null if absent
    bool impersonation = false;
};

/// Validates a `POST /sessions` body and creates the session. Returns its id or the error reply.
/// Like Livy, a create that fails the name, ttl, conf, path or duplicate checks still uses up an id.
std::variant<int, HttpResponse> createSession(SessionStore &store, const QJsonObject &body, const CreateContext &context);

/// The body keys `POST /sessions` accepts (Livy 0.9).
QStringList createRequestFields();

} // namespace FakeLivy
