// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `POST /sessions`: starts an interactive session; the server answers 201 with the session in `starting`.
/// Never retried automatically.
class CreateSessionJob : public LivyJob
{
    Q_OBJECT
public:
    CreateSessionJob(Connection *connection, const CreateSessionRequest &request, QObject *parent = nullptr);

    const Session &session() const { return m_session; }
    /// The request exactly as sent (lifecycle/CreatedSessionRecorder keeps it for every session created).
    const CreateSessionRequest &request() const { return m_request; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    CreateSessionRequest m_request;
    Session m_session;
};

} // namespace Livy
