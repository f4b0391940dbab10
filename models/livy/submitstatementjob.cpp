// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "submitstatementjob.h"

#include "jobdecode.h"

namespace Livy {

SubmitStatementJob::SubmitStatementJob(Connection *connection, const SessionRef &session, const StatementRequest &request, QObject *parent)
    : LivyJob(connection, Verb::Post, { QStringLiteral("sessions"), session.pathSegment(), QStringLiteral("statements") }, parent)
{
    setJsonBody(QJsonDocument(request.toJson()));
}

LivyError SubmitStatementJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("new statement"), Codec::decodeStatement, &m_statement);
}

} // namespace Livy
