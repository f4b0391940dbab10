// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Compiled only with Qt D-Bus (LIVYDESK_HAVE_DBUS); DesktopNotifier uses it when the service answers.

#include "notification.h"

#include <QHash>
#include <QObject>

namespace LivyDesk {

/// The freedesktop.org Desktop Notifications Specification over the session bus, asynchronously throughout:
/// `Notify` with a "default" action (a click on the popup), `ActionInvoked` mapped back to the notification by its
/// id, `NotificationClosed` to forget it. Text is escaped when the server renders markup in bodies.
class FreedesktopNotifications : public QObject
{
    Q_OBJECT
public:
    explicit FreedesktopNotifications(QObject *parent = nullptr);

    /// The service answered GetServerInformation (it runs, or D-Bus started it).
    bool isAvailable() const { return m_available; }
    QString serverName() const { return m_serverName; }
    void notify(const LivyDesk::Notification &notification);

Q_SIGNALS:
    void activated(const LivyDesk::Notification &notification);
    /// The probe finished (available or not).
    void probed(bool available);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &actionKey);
    void onClosed(uint id, uint reason);

private:
    void probe();

    bool m_available = false;
    bool m_bodyMarkup = false;
    QString m_serverName;
    QHash<uint, Notification> m_shown; ///< by the server's id, until closed (at most 64 kept)
    QList<uint> m_order;
};

} // namespace LivyDesk
