// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopnotifier.h"

#include "freedesktopnotifications.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace LivyDesk {

DesktopNotifier::DesktopNotifier(QObject *parent)
    : Notifier(parent)
{
#if LIVYDESK_HAVE_DBUS
    m_service = new FreedesktopNotifications(this);
    connect(m_service, &FreedesktopNotifications::activated, this, &Notifier::activated);
#endif
}

DesktopNotifier::~DesktopNotifier() = default;

bool DesktopNotifier::isBuiltWithDBus()
{
    return LIVYDESK_HAVE_DBUS;
}

bool DesktopNotifier::hasNotificationService() const
{
#if LIVYDESK_HAVE_DBUS
    return m_service && m_service->isAvailable();
#else
    return false;
#endif
}

bool DesktopNotifier::isAvailable() const
{
    return hasNotificationService() || QSystemTrayIcon::isSystemTrayAvailable();
}

QString DesktopNotifier::describe() const
{
#if LIVYDESK_HAVE_DBUS
    if (hasNotificationService())
        return QStringLiteral("the desktop's notification service (%1)").arg(m_service->serverName());
#endif
    if (QSystemTrayIcon::isSystemTrayAvailable())
        return QStringLiteral("the system tray");
    return QStringLiteral("none (no notification service, no system tray): shown in the window");
}

void DesktopNotifier::notify(const Notification &notification)
{
#if LIVYDESK_HAVE_DBUS
    if (hasNotificationService()) {
        m_service->notify(notification);
        return;
    }
#endif
    if (QSystemTrayIcon::isSystemTrayAvailable())
        showInTray(notification);
}

void DesktopNotifier::showInTray(const Notification &notification)
{
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setIcon(m_icon.isNull() ? QApplication::windowIcon() : m_icon);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        // The tray message carries no id: a click opens the last one shown (the icon too).
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { Q_EMIT activated(m_lastInTray); });
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                Q_EMIT activated(m_lastInTray);
        });
    }
    m_lastInTray = notification;
    m_tray->show();
    m_tray->showMessage(notification.title, notification.text,
                        notification.problem ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 10000);
}

} // namespace LivyDesk
