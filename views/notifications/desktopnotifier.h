// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notifier.h"

#include <QIcon>
#include <QPointer>

class QSystemTrayIcon;

namespace LivyDesk {

class FreedesktopNotifications;

/// The real Notifier. Where it shows a notification, in this order:
/// 1. the desktop's notification service (`org.freedesktop.Notifications` on the session D-Bus: GNOME, KDE, XFCE,
///    dunst, mako…), when built with Qt D-Bus (LIVYDESK_DBUS_NOTIFICATIONS) and the service answered; a click
///    comes back per notification (its "default" action), so it opens exactly that session and statement;
/// 2. the system tray (QSystemTrayIcon::showMessage), when the desktop has one; the tray icon appears with the first
///    notification, and a click on the message or the icon opens the last one shown;
/// 3. nowhere: isAvailable() is false, and the NotificationCenter shows it in the window instead (under Xvfb, or on
///    GNOME without the service, for example).
/// The service is probed asynchronously at construction (GetServerInformation; a D-Bus activatable daemon starts
/// then) and again whenever its owner changes; until it answered the tray is used if there is one.
class DesktopNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    void notify(const LivyDesk::Notification &notification) override;
    bool isAvailable() const override;
    QString describe() const override;

    /// The notification service answered (and which one: "dunst 1.9.0").
    bool hasNotificationService() const;
    static bool isBuiltWithDBus();
    /// The icon of tray messages and of the tray entry (default: the application's window icon).
    void setIcon(const QIcon &icon) { m_icon = icon; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }

private:
    void showInTray(const Notification &notification);

    FreedesktopNotifications *m_service = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QIcon m_icon;
    Notification m_lastInTray;
};

} // namespace LivyDesk
