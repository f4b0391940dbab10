// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "getsessionjob.h"

#include "jobdecode.h"

namespace Livy {

GetSessionJob::GetSessionJob(Connection *connection, const SessionRef &session, QObject *parent)
    : LivyJob(connection, Verb::Get, { QStringLiteral("sessions"), session.pathSegment() }, parent)
{
}

LivyError GetSessionJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("session"), Codec::decodeSession, &m_session);
}

} // namespace Livy
