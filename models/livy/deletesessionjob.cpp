// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deletesessionjob.h"

namespace Livy {

DeleteSessionJob::DeleteSessionJob(Connection *connection, const SessionRef &session, QObject *parent)
    : MessageJob(connection, Verb::Delete, { QStringLiteral("sessions"), session.pathSegment() }, parent)
{
}

} // namespace Livy
