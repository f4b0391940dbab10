// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "createsessionjob.h"

#include "jobdecode.h"

namespace Livy {

CreateSessionJob::CreateSessionJob(Connection *connection, const CreateSessionRequest &request, QObject *parent)
    : LivyJob(connection, Verb::Post, { QStringLiteral("sessions") }, parent)
    , m_request(request)
{
    setJsonBody(QJsonDocument(request.toJson()));
}

LivyError CreateSessionJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("new session"), Codec::decodeSession, &m_session);
}

} // namespace Livy
