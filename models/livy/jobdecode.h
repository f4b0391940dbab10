// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal helper for job classes: parse a JSON object body and run a codec over it.

#include "codec.h"
#include "livyerror.h"
#include "livyjob.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Livy::Detail {

/// Runs `decoder` over a body that LivyJob::parseBody() parsed (on a worker thread for large bodies).
template<typename T, typename Decoder>
LivyError decodeBody(const LivyJob::ParsedBody &parsed, const QByteArray &body, const QString &what, Decoder decoder,
                     T *out)
{
    const QJsonParseError &parseError = parsed.error;
    const QJsonDocument &doc = parsed.document;
    if (parseError.error != QJsonParseError::NoError) {
        return LivyError::protocol(QStringLiteral("The server sent a malformed %1 (%2 at byte %3)")
                                       .arg(what, parseError.errorString())
                                       .arg(parseError.offset),
                                   body);
    }
    if (!doc.isObject())
        return LivyError::protocol(QStringLiteral("The server sent a %1 that is not a JSON object").arg(what), body);
    Result<T> result = decoder(doc.object());
    if (!result) {
        const LivyError e = result.error();
        return LivyError::protocol(e.message(), body);
    }
    *out = std::move(result).value();
    return {};
}

} // namespace Livy::Detail
