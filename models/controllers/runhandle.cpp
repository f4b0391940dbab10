// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runhandle.h"

namespace Livy {

RunHandle::RunHandle(int ticket, int localId, QString code, std::optional<QString> kind, QObject *parent)
    : QObject(parent)
    , m_ticket(ticket)
    , m_localId(localId)
    , m_code(std::move(code))
    , m_kind(std::move(kind))
{
}

void RunHandle::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RunHandle::markSent(const Statement &statement)
{
    m_statementId = statement.id;
    setState(State::Sent);
    Q_EMIT sent(statement);
}

void RunHandle::markFailed(const LivyError &error)
{
    m_error = error;
    setState(State::Failed);
    Q_EMIT failed(error);
}

void RunHandle::markCancelled()
{
    setState(State::Cancelled);
    Q_EMIT cancelled();
}

} // namespace Livy
