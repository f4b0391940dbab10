// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: encoders that write what Livy 0.9 sends (every field, nulls where Livy sends null), so that
// decode(encode(x)) == x can be checked for every decoded x. The client itself never sends these objects.

#include "livy/codec.h"

#include <QJsonObject>

namespace Livy::Codec {

QJsonObject encodeSession(const Session &session);
QJsonObject encodeSessionList(const SessionList &list);
QJsonObject encodeSessionState(const SessionStateInfo &state);
QJsonObject encodeStatement(const Statement &statement);
QJsonObject encodeStatementList(const StatementList &list);
QJsonObject encodeOutput(const StatementOutput &output);
QJsonObject encodeLogPage(const LogPage &page);
QJsonObject encodeVersion(const VersionInfo &version);
QJsonObject encodeCompletion(const CompletionResult &completion);

} // namespace Livy::Codec
