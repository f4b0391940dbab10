// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "liststatementsjob.h"

#include "jobdecode.h"

namespace Livy {

ListStatementsJob::ListStatementsJob(Connection *connection, const SessionRef &session, int from, int size,
                                     Order order, QObject *parent)
    : LivyJob(connection, Verb::Get, { QStringLiteral("sessions"), session.pathSegment(), QStringLiteral("statements") },
              parent)
{
    QUrlQuery query;
    if (from >= 0)
        query.addQueryItem(QStringLiteral("from"), QString::number(from));
    if (size >= 0)
        query.addQueryItem(QStringLiteral("size"), QString::number(size));
    if (order == Order::Descending)
        query.addQueryItem(QStringLiteral("order"), QStringLiteral("desc"));
    else if (order == Order::Ascending)
        query.addQueryItem(QStringLiteral("order"), QStringLiteral("asc"));
    setQuery(query);
}

LivyError ListStatementsJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("statement list"), Codec::decodeStatementList, &m_result);
}

} // namespace Livy
