// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `GET /version`: the server's version, used to offer version-dependent features (ttl, idleTimeout, order=desc).
class GetVersionJob : public LivyJob
{
    Q_OBJECT
public:
    explicit GetVersionJob(Connection *connection, QObject *parent = nullptr);

    const VersionInfo &version() const { return m_version; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    VersionInfo m_version;
};

} // namespace Livy
