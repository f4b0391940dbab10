// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectsessionjob.h"

#include "jobdecode.h"

namespace Livy {

ConnectSessionJob::ConnectSessionJob(Connection *connection, const SessionRef &session, QObject *parent)
    : LivyJob(connection, Verb::Post, { QStringLiteral("sessions"), session.pathSegment(), QStringLiteral("connect") }, parent)
{
}

LivyError ConnectSessionJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("session"), Codec::decodeSession, &m_session);
}

} // namespace Livy
