// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "getsessionstatejob.h"

#include "jobdecode.h"

namespace Livy {

GetSessionStateJob::GetSessionStateJob(Connection *connection, const SessionRef &session, QObject *parent)
    : LivyJob(connection, Verb::Get, { QStringLiteral("sessions"), session.pathSegment(), QStringLiteral("state") }, parent)
{
}

LivyError GetSessionStateJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("session state"), Codec::decodeSessionState, &m_state);
}

} // namespace Livy
