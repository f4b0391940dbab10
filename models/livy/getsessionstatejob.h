// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `GET /sessions/{id}/state`: the cheapest poll; the server answers it without asking the Spark driver.
class GetSessionStateJob : public LivyJob
{
    Q_OBJECT
public:
    GetSessionStateJob(Connection *connection, const SessionRef &session, QObject *parent = nullptr);

    const SessionStateInfo &state() const { return m_state; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    SessionStateInfo m_state;
};

} // namespace Livy
