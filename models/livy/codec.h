// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// JSON codecs for Livy's objects. Tolerant by design: unknown fields are ignored, unknown states keep their
// raw name, missing optional fields keep their defaults, and a wrong type is a Protocol error naming the field.

#include "result.h"
#include "types.h"

#include <QJsonObject>

namespace Livy::Codec {

Result<Session> decodeSession(const QJsonObject &object);
Result<SessionList> decodeSessionList(const QJsonObject &object);
Result<SessionStateInfo> decodeSessionState(const QJsonObject &object);
Result<Statement> decodeStatement(const QJsonObject &object);
Result<StatementList> decodeStatementList(const QJsonObject &object);
Result<StatementOutput> decodeOutput(const QJsonObject &object);
Result<LogPage> decodeLogPage(const QJsonObject &object);
Result<VersionInfo> decodeVersion(const QJsonObject &object);
Result<CompletionResult> decodeCompletion(const QJsonObject &object);

QJsonObject encodeSession(const Session &session);
QJsonObject encodeStatement(const Statement &statement);
QJsonObject encodeOutput(const StatementOutput &output);

} // namespace Livy::Codec
