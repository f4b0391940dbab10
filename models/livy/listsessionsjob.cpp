// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "listsessionsjob.h"

#include "jobdecode.h"

namespace Livy {

ListSessionsJob::ListSessionsJob(Connection *connection, int from, int size, QObject *parent)
    : LivyJob(connection, Verb::Get, { QStringLiteral("sessions") }, parent)
{
    QUrlQuery query;
    if (from >= 0)
        query.addQueryItem(QStringLiteral("from"), QString::number(from));
    if (size >= 0)
        query.addQueryItem(QStringLiteral("size"), QString::number(size));
    setQuery(query);
}

LivyError ListSessionsJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("session list"), Codec::decodeSessionList, &m_result);
}

} // namespace Livy
