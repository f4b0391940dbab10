// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "getversionjob.h"

#include "jobdecode.h"

namespace Livy {

GetVersionJob::GetVersionJob(Connection *connection, QObject *parent)
    : LivyJob(connection, Verb::Get, { QStringLiteral("version") }, parent)
{
}

LivyError GetVersionJob::decodeSuccess(const QByteArray &body, int)
{
    return Detail::decodeBody(parseBody(body), body, QStringLiteral("version information"), Codec::decodeVersion, &m_version);
}

} // namespace Livy
