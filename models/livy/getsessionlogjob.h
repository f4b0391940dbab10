// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `GET /sessions/{id}/log?from&size`. Without `from` Livy returns the tail (the last `size` lines).
///
/// Apache Livy serves `/log`; some vendor documentation says `/logs`. On a route-level 404 (one without
/// Livy's `{"msg"}` body, which an unknown session would carry) the job tries `/logs` once, and the
/// Connection remembers the answer for that server.
class GetSessionLogJob : public LivyJob
{
    Q_OBJECT
public:
    GetSessionLogJob(Connection *connection, const SessionRef &session, int from = -1, int size = -1,
                     QObject *parent = nullptr);

    const LogPage &page() const { return m_page; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;
    bool retryAfterHttpError(int httpStatus, const QByteArray &body) override;

private:
    LogPage m_page;
    QString m_sessionSegment;
    bool m_triedPlural = false;
};

} // namespace Livy
