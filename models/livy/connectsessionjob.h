// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `POST /sessions/{id}/connect`: records activity on the server (the keep-alive that resets the idle timeout;
/// GET polling does not count as activity).
class ConnectSessionJob : public LivyJob
{
    Q_OBJECT
public:
    ConnectSessionJob(Connection *connection, const SessionRef &session, QObject *parent = nullptr);

    const Session &session() const { return m_session; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    Session m_session;
};

} // namespace Livy
