// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `POST /sessions/{id}/statements`: runs code once. Never retried automatically: a retried statement would run twice.
class SubmitStatementJob : public LivyJob
{
    Q_OBJECT
public:
    SubmitStatementJob(Connection *connection, const SessionRef &session, const StatementRequest &request, QObject *parent = nullptr);

    const Statement &statement() const { return m_statement; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    Statement m_statement;
};

} // namespace Livy
