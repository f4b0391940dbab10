// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVersionNumber>

namespace Livy {

/// What one Livy server supports, as learnt from `GET /version` (0.5+). Held by the Connection and read at request
/// time, so sessions opened before `/version` answered (tabs restored at start) use what the server supports from
/// the moment it is known. Until then, and for a server without `/version`, nothing beyond 0.5 is assumed.
struct ServerCapabilities
{
    QString versionText;    ///< as the server sent it ("0.9.0-incubating"); empty while unknown
    QVersionNumber version; ///< the leading numbers of versionText; null while unknown or unreadable

    static ServerCapabilities fromVersion(const QString &versionText);
    /// "0.8.0-incubating" -> 0.8.0, "v0.7.1" -> 0.7.1; null for anything else.
    static QVersionNumber parseVersion(const QString &text);

    bool isKnown() const { return !version.isNull(); }
    bool sessionNames() const { return version >= QVersionNumber(0, 6); }     ///< `name` in POST /sessions
    bool descendingOrder() const { return version >= QVersionNumber(0, 8); } ///< statements?order=desc
    bool ttl() const { return version >= QVersionNumber(0, 8); }             ///< `ttl` in POST /sessions
    bool idleTimeout() const { return version >= QVersionNumber(0, 9); }     ///< `idleTimeout` in POST /sessions

    bool operator==(const ServerCapabilities &) const = default;
};

} // namespace Livy
