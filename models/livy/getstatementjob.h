// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `GET /sessions/{id}/statements/{sid}`: one statement with its output.
class GetStatementJob : public LivyJob
{
    Q_OBJECT
public:
    GetStatementJob(Connection *connection, const SessionRef &session, int statementId, QObject *parent = nullptr);

    const Statement &statement() const { return m_statement; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    Statement m_statement;
};

} // namespace Livy
