// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "getstatementjob.h"

#include "jobdecode.h"

namespace Livy {

GetStatementJob::GetStatementJob(Connection *connection, const SessionRef &session, int statementId, QObject *parent)
    : LivyJob(connection, Verb::Get, { QStringLiteral("sessions"), session.pathSegment(), QStringLiteral("statements"), QString::number(statementId) }, parent)
{
}

LivyError GetStatementJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("statement"), Codec::decodeStatement, &m_statement);
}

} // namespace Livy
