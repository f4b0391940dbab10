// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the libFuzzer targets: the input as the body a job receives, the jobs' own decode path, and sinks
// that use every decoded field the way the views do, so that the sanitizers see those reads too.

#include "livy/codec.h"
#include "livy/jobdecode.h"
#include "livy/livyerror.h"
#include "livy/types.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace LivyFuzz {

/// The fuzzer's bytes as an HTTP body (a copy: a QNetworkReply hands the decoders an ordinary QByteArray).
QByteArray bodyOf(const uint8_t *data, size_t size);

/// Decodes `body` exactly as a job's decodeSuccess() does: QJsonDocument::fromJson (LivyJob::parseBody), then
/// Detail::decodeBody with the job's codec. Returns the error the job would finish with.
template<typename T, typename Decoder>
Livy::LivyError decodeLikeAJob(const QByteArray &body, const char *what, Decoder decoder, T *out)
{
    Livy::LivyJob::ParsedBody parsed;
    parsed.document = QJsonDocument::fromJson(body, &parsed.error);
    return Livy::Detail::decodeBody(parsed, body, QString::fromLatin1(what), decoder, out);
}

/// Keeps the optimiser from dropping the work whose result nothing else reads.
void sink(qsizetype value);
void sink(const QString &text);
void sink(const QStringList &lines);

/// Everything a view asks of an error: its message, the details, how it is described in a status line.
void use(const Livy::LivyError &error);
void use(const Livy::Session &session);
void use(const Livy::Statement &statement);
void use(const Livy::StatementOutput &output);

} // namespace LivyFuzz
