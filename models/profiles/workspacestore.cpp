// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacestore.h"

#include "settingsschema.h"

#include <QSettings>
#include <QStringList>

namespace LivyDesk {

QList<int> WorkspaceStore::openSessions(const QString &profileId)
{
    QList<int> ids;
    const QStringList stored = QSettings().value(SettingsKeys::openSessions(profileId)).toStringList();
    for (const QString &s : stored) {
        bool ok = false;
        const int id = s.toInt(&ok);
        if (ok && id >= 0)
            ids.append(id);
    }
    return ids;
}

int WorkspaceStore::currentSession(const QString &profileId)
{
    return QSettings().value(SettingsKeys::currentSession(profileId), -1).toInt();
}

void WorkspaceStore::save(const QString &profileId, const QList<int> &openSessions, int currentSession)
{
    if (profileId.isEmpty())
        return;
    QStringList ids;
    for (const int id : openSessions)
        ids.append(QString::number(id));
    QSettings settings;
    // A write rewrites and syncs the whole settings file: none when the workspace is what is stored (a restore).
    if (settings.value(SettingsKeys::openSessions(profileId)).toStringList() == ids
        && settings.contains(SettingsKeys::currentSession(profileId))
        && settings.value(SettingsKeys::currentSession(profileId)).toInt() == currentSession)
        return;
    settings.setValue(SettingsKeys::openSessions(profileId), ids);
    settings.setValue(SettingsKeys::currentSession(profileId), currentSession);
}

} // namespace LivyDesk
