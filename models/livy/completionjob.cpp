// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "completionjob.h"

#include "jobdecode.h"

namespace Livy {

CompletionJob::CompletionJob(Connection *connection, const SessionRef &session, const CompletionRequest &request, QObject *parent)
    : LivyJob(connection, Verb::Post, { QStringLiteral("sessions"), session.pathSegment(), QStringLiteral("completion") }, parent)
{
    setJsonBody(QJsonDocument(request.toJson()));
}

LivyError CompletionJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("completion result"), Codec::decodeCompletion, &m_result);
}

} // namespace Livy
