// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QLatin1String>
#include <QString>

namespace Livy {

/// The conf key LivyDesk adds to every session it creates: a random tag that no other session carries. Livy echoes
/// `conf` (0.8+), so the tag tells this session apart from any later one that gets the same id (Livy restarts its
/// id counter when it restarts without recovery). Spark ignores unknown `spark.*` keys.
inline constexpr QLatin1String SessionTagKey("spark.livydesk.sessionTag");

/// A new random tag (16 hex digits).
QString newSessionTag();

/// What identifies a session beyond its id: "tag:<tag>" for sessions LivyDesk created, else "params:<digest>" of
/// everything it was created with (kind, name, owner, proxyUser and, on 0.8+, the echoed request). Stable for the
/// session's whole life; different for a later session with the same id unless both were created alike elsewhere.
QString sessionIdentity(const Session &session);

} // namespace Livy
