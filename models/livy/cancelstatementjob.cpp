// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cancelstatementjob.h"

namespace Livy {

CancelStatementJob::CancelStatementJob(Connection *connection, const SessionRef &session, int statementId,
                                       QObject *parent)
    : MessageJob(connection, Verb::Post,
                 { QStringLiteral("sessions"), session.pathSegment(), QStringLiteral("statements"),
                   QString::number(statementId), QStringLiteral("cancel") },
                 parent)
{
}

} // namespace Livy
