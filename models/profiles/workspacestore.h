// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace LivyDesk {

/// What the user had open on each server profile: the tabs (session ids, in order) and the active one, so that a
/// relaunch or a switch back to the server brings them back.
class WorkspaceStore
{
public:
    static QList<int> openSessions(const QString &profileId);
    /// -1 when none was saved.
    static int currentSession(const QString &profileId);
    static void save(const QString &profileId, const QList<int> &openSessions, int currentSession);
};

} // namespace LivyDesk
