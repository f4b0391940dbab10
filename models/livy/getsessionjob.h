// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `GET /sessions/{id}`: one session, by id or name.
class GetSessionJob : public LivyJob
{
    Q_OBJECT
public:
    GetSessionJob(Connection *connection, const SessionRef &session, QObject *parent = nullptr);

    const Session &session() const { return m_session; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    Session m_session;
};

} // namespace Livy
