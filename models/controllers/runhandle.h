// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/livyerror.h"
#include "livy/types.h"

#include <QObject>

#include <optional>

namespace Livy {

/// One run of code the user asked for, from the moment of asking to the server's acknowledgement: returned by
/// SessionController::submit(). It is queued while the session is not ready (attaching, starting), sent once
/// (`POST …/statements`, never retried), and ends sent (the statement id is known; the statement list follows
/// it from there), failed, or cancelled before it was sent. The controller owns it; it is deleted some time after
/// it ended, so hold it in a QPointer.
class RunHandle : public QObject
{
    Q_OBJECT
public:
    enum class State { Queued, Sending, Sent, Failed, Cancelled };
    Q_ENUM(State)

    RunHandle(int ticket, int localId, QString code, std::optional<QString> kind, QObject *parent);

    /// Carried by SessionController::submitted() / submitFailed().
    int ticket() const { return m_ticket; }
    /// The placeholder id of the run's row in the StatementListModel until the server answers (negative).
    int localId() const { return m_localId; }
    QString code() const { return m_code; }
    std::optional<QString> kind() const { return m_kind; }
    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Sent || m_state == State::Failed || m_state == State::Cancelled; }
    /// -1 until sent.
    int statementId() const { return m_statementId; }
    LivyError error() const { return m_error; }

Q_SIGNALS:
    void stateChanged(Livy::RunHandle::State state);
    void sent(const Livy::Statement &statement);
    void failed(const Livy::LivyError &error);
    void cancelled();

private:
    friend class SessionController;
    void setState(State state);
    void markSent(const Statement &statement);
    void markFailed(const LivyError &error);
    void markCancelled();

    int m_ticket;
    int m_localId;
    QString m_code;
    std::optional<QString> m_kind;
    State m_state = State::Queued;
    int m_statementId = -1;
    LivyError m_error;
};

} // namespace Livy
