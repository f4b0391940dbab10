// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messagejob.h"
#include "types.h"

namespace Livy {

/// `POST /sessions/{id}/statements/{sid}/cancel`: fire-and-forget on the server (200 even for an unknown or
/// finished statement); the statement then moves through cancelling to cancelled.
class CancelStatementJob : public MessageJob
{
    Q_OBJECT
public:
    CancelStatementJob(Connection *connection, const SessionRef &session, int statementId, QObject *parent = nullptr);
};

} // namespace Livy
