// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `GET /sessions?from&size`: one page of the server's interactive sessions.
class ListSessionsJob : public LivyJob
{
    Q_OBJECT
public:
    ListSessionsJob(Connection *connection, int from = -1, int size = -1, QObject *parent = nullptr);

    const SessionList &result() const { return m_result; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    SessionList m_result;
};

} // namespace Livy
