// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationpreferences.h"

#include "profiles/settingsschema.h"

#include <QSettings>

namespace LivyDesk {

QString notificationKindName(NotificationKind kind)
{
    switch (kind) {
    case NotificationKind::LongStatementFinished: return QStringLiteral("statement");
    case NotificationKind::SessionReady: return QStringLiteral("sessionReady");
    case NotificationKind::SessionEnded: return QStringLiteral("sessionEnded");
    case NotificationKind::SessionExpiring: return QStringLiteral("sessionExpiring");
    }
    return {};
}

bool NotificationPreferences::isEnabled(NotificationKind kind) const
{
    switch (kind) {
    case NotificationKind::LongStatementFinished: return longStatement;
    case NotificationKind::SessionReady: return sessionReady;
    case NotificationKind::SessionEnded: return sessionEnded;
    case NotificationKind::SessionExpiring: return sessionExpiring;
    }
    return false;
}

void NotificationPreferences::setEnabled(NotificationKind kind, bool enabled)
{
    switch (kind) {
    case NotificationKind::LongStatementFinished: longStatement = enabled; break;
    case NotificationKind::SessionReady: sessionReady = enabled; break;
    case NotificationKind::SessionEnded: sessionEnded = enabled; break;
    case NotificationKind::SessionExpiring: sessionExpiring = enabled; break;
    }
}

bool NotificationPreferences::accepts(const Notification &notification) const
{
    if (!isEnabled(notification.kind))
        return false;
    if (notification.kind == NotificationKind::LongStatementFinished)
        return notification.duration && *notification.duration >= longStatementThreshold;
    return true;
}

NotificationPreferences NotificationPreferences::load()
{
    QSettings settings;
    NotificationPreferences p;
    for (const NotificationKind kind : { NotificationKind::LongStatementFinished, NotificationKind::SessionReady,
                                         NotificationKind::SessionEnded, NotificationKind::SessionExpiring })
        p.setEnabled(kind, settings.value(SettingsKeys::notificationEnabled(notificationKindName(kind)), true).toBool());
    bool ok = false;
    const int seconds = settings.value(SettingsKeys::notificationLongStatementSeconds()).toInt(&ok);
    if (ok && seconds > 0)
        p.longStatementThreshold = std::chrono::seconds(seconds);
    return p;
}

void NotificationPreferences::save() const
{
    QSettings settings;
    for (const NotificationKind kind : { NotificationKind::LongStatementFinished, NotificationKind::SessionReady,
                                         NotificationKind::SessionEnded, NotificationKind::SessionExpiring })
        settings.setValue(SettingsKeys::notificationEnabled(notificationKindName(kind)), isEnabled(kind));
    // Whole seconds in the settings; a finer threshold (tests) is kept in memory only.
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(longStatementThreshold).count();
    settings.setValue(SettingsKeys::notificationLongStatementSeconds(), qMax<qint64>(1, seconds));
}

} // namespace LivyDesk
