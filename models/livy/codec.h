// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// JSON codecs for Livy's objects (apache/livy docs/rest-api.md, "REST Objects"; real bodies in tests/fixtures/real), for every server from 0.5 to 0.9.
//
// Decoding is tolerant where Livy varies and strict where a value would otherwise be silently wrong:
// - Unknown fields are ignored (newer servers add fields; 0.8 added the config echo, 0.9 idleTimeout).
// - Missing optional fields, and `null` ones, keep the defaults of types.h (0.5 has no name, 0.5 / 0.6 have no
//   started / completed, only 0.8+ echoes the creation request, and so on).
// - Unknown session / statement states and output statuses are kept with their raw name next to an `Unknown`
//   enum value (Livy added `recovering` without documenting it; clients that refused it broke).
// - Required fields (below, per object) missing or null -> a Protocol error naming the field.
// - A value of the wrong type -> a Protocol error naming the field with its path ("sessions[2].appInfo.sparkUiUrl",
//   "output.data.image/png"). One bad element fails the whole list: a list the client cannot trust is not shown
//   half-decoded.
//
// Numbers sent as strings: Livy's responses always carry JSON numbers (Jackson writes Scala/Java ints, longs and
// doubles as numbers); only requests are coerced by Livy. The decoder nevertheless accepts a string holding a plain
// decimal number where a number is expected: for integer fields ASCII digits with an optional leading '-'
// ("42", "-1"), in range, and for `progress` a plain decimal ("0.5", "1e-3"). The value is unambiguous, gateways
// and fakes that re-serialise JSON sometimes quote numbers, and it mirrors Livy's own leniency. Anything else
// (" 42", "+4", "4.0" or 4.5 for an integer, "NaN", booleans, objects, numbers out of range) is a Protocol error.
// The other direction is not coerced: a number where Livy sends a string is an error, except for the values of
// the `conf` and `appInfo` maps, which Livy itself fills from user input and which are only shown (scalars become
// their text).
//
// Value rules beyond types: `progress` is clamped to [0, 1]. Livy 0.8 echoes the proxyUser in `ttl` (a server
// bug): a ttl equal to the proxyUser that is not a Livy time string ("<n>[us|ms|s|m|min|h|d]") is dropped.

#include "result.h"
#include "types.h"

#include <QJsonObject>

#include <optional>

namespace Livy::Codec {

/// Required: id, state. Everything else is optional.
Result<Session> decodeSession(const QJsonObject &object);
/// Required: sessions (array of session objects). `from` defaults to 0, `total` to the number of sessions.
Result<SessionList> decodeSessionList(const QJsonObject &object);
/// `GET /sessions/{id}/state`. Required: state.
Result<SessionStateInfo> decodeSessionState(const QJsonObject &object);
/// Required: id, state. `output` may be absent or null (waiting, running); when present it must be an output.
Result<Statement> decodeStatement(const QJsonObject &object);
/// Required: statements. `total_statements` defaults to the number of statements.
Result<StatementList> decodeStatementList(const QJsonObject &object);
/// Required: status. For the MIME types Livy defines, `data` values must have Livy's shape: text/plain and
/// image/png are strings; the table type is an object with `headers` and `data` arrays. application/json and
/// other MIME types may hold any JSON. ename / evalue / traceback default to empty.
/// Livy's pyspark shell sometimes nests a whole reply in an `ok` output's data (`%table <expression>` gives
/// `{"msg_type":"execute_reply","content":{"status":"error","ename":"KeyError",...}}`): the nested reply is
/// returned instead, so the user sees the error rather than an empty result.
Result<StatementOutput> decodeOutput(const QJsonObject &object);
/// Required: log. `from` defaults to 0, `total` to from + number of lines.
Result<LogPage> decodeLogPage(const QJsonObject &object);
/// `GET /version`. Required: version.
Result<VersionInfo> decodeVersion(const QJsonObject &object);
/// Required: candidates.
Result<CompletionResult> decodeCompletion(const QJsonObject &object);

// (The encoders that write these objects back, for the codec's round-trip tests, live in
// tests/protocol/codecencoders.h: the client never sends them.)

/// The integer in `text` if it is ASCII digits with an optional leading '-' and fits in 64 bits; the rule used
/// for numbers sent as strings (above) and by CreateSessionRequest::fromJson.
std::optional<qint64> parseIntegerText(const QString &text);
/// True for Livy's time strings (ttl, idleTimeout): "<n>" (milliseconds) or "<n><us|ms|s|m|min|h|d>", case and
/// surrounding spaces ignored, as Livy's ClientConf reads them.
bool isTimeString(const QString &text);

} // namespace Livy::Codec
