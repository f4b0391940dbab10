// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messagejob.h"
#include "types.h"

namespace Livy {

/// `DELETE /sessions/{id}`: blocks on the server until the session has stopped, so it runs with the
/// connection's longer delete timeout.
class DeleteSessionJob : public MessageJob
{
    Q_OBJECT
public:
    DeleteSessionJob(Connection *connection, const SessionRef &session, QObject *parent = nullptr);
};

} // namespace Livy
