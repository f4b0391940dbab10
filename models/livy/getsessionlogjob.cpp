// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "getsessionlogjob.h"

#include "connection.h"
#include "jobdecode.h"

namespace Livy {

namespace {
QStringList logPath(const QString &session, bool plural)
{
    return { QStringLiteral("sessions"), session, plural ? QStringLiteral("logs") : QStringLiteral("log") };
}
} // namespace

GetSessionLogJob::GetSessionLogJob(Connection *connection, const SessionRef &session, int from, int size,
                                   QObject *parent)
    : LivyJob(connection, Verb::Get, logPath(session.pathSegment(), connection && connection->usesPluralLogRoute()),
              parent)
    , m_sessionSegment(session.pathSegment())
    , m_triedPlural(connection && connection->usesPluralLogRoute())
{
    QUrlQuery query;
    if (from >= 0)
        query.addQueryItem(QStringLiteral("from"), QString::number(from));
    if (size >= 0)
        query.addQueryItem(QStringLiteral("size"), QString::number(size));
    setQuery(query);
}

bool GetSessionLogJob::retryAfterHttpError(int httpStatus, const QByteArray &body)
{
    Connection *conn = connection();
    if (httpStatus != 404 || m_triedPlural || !conn || conn->logRouteProbed())
        return false;
    // A 404 that carries Livy's own message is about the session, not the route.
    if (!LivyError::serverMessage(body).isEmpty() && body.trimmed().startsWith('{'))
        return false;
    conn->setLogRouteProbed(true);
    m_triedPlural = true;
    setPathSegments(logPath(m_sessionSegment, true));
    return true;
}

LivyError GetSessionLogJob::decodeSuccess(const QByteArray &body, int)
{
    const bool plural = pathSegments().constLast() == QLatin1String("logs");
    if (plural && connection())
        connection()->setUsesPluralLogRoute(true);
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("log page"), Codec::decodeLogPage, &m_page);
}

} // namespace Livy
