// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagejob.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Livy {

LivyError MessageJob::decodeSuccess(const QByteArray &body, int)
{
    // The acknowledgement is informative only: an empty or unexpected 2xx body still means success.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        m_message = doc.object().value(QLatin1String("msg")).toString();
    return {};
}

} // namespace Livy
