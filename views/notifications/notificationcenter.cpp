// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationcenter.h"

#include "notificationmenu.h"
#include "notificationtoast.h"
#include "notifier.h"

#include <QApplication>
#include <QWidget>

namespace LivyDesk {

NotificationCenter::NotificationCenter(QWidget *window, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_toast(new NotificationToast(window))
    , m_preferences(NotificationPreferences::load())
{
    qRegisterMetaType<LivyDesk::Notification>();
    setNotifier(notifier);
    connect(m_toast, &NotificationToast::activated, this, &NotificationCenter::activated);
}

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::setNotifier(Notifier *notifier)
{
    if (m_notifier == notifier)
        return;
    delete m_notifier;
    m_notifier = notifier;
    if (notifier) {
        notifier->setParent(this);
        connect(notifier, &Notifier::activated, this, &NotificationCenter::activated);
    }
}

void NotificationCenter::setPreferences(const NotificationPreferences &preferences)
{
    if (preferences == m_preferences)
        return;
    m_preferences = preferences;
    m_preferences.save();
    Q_EMIT preferencesChanged(m_preferences);
}

bool NotificationCenter::isWindowActive() const
{
    if (m_isActive)
        return m_isActive();
    return m_window && m_window->isVisible() && !m_window->isMinimized() && m_window->isActiveWindow();
}

NotificationCenter::Route NotificationCenter::post(const Notification &notification)
{
    Route route = Route::Dropped;
    if (m_preferences.accepts(notification)) {
        if (isWindowActive() || !m_window) {
            route = Route::InApp;
        } else if (m_notifier && m_notifier->isAvailable()) {
            route = Route::Desktop;
        } else {
            route = Route::InAppFallback;
        }
    }
    if (route != Route::Dropped) {
        m_last = notification;
        m_lastRoute = route;
    }
    switch (route) {
    case Route::Dropped: break;
    case Route::InApp:
        if (m_toast)
            m_toast->showNotification(notification);
        break;
    case Route::Desktop: m_notifier->notify(notification); break;
    case Route::InAppFallback:
        if (m_toast)
            m_toast->showNotification(notification);
        QApplication::alert(m_window); // the task bar entry asks for attention (0: until the window is activated)
        break;
    }
    Q_EMIT posted(notification, route);
    return route;
}

void NotificationCenter::activateLast()
{
    if (m_last) {
        if (m_toast)
            m_toast->hide();
        Q_EMIT activated(*m_last);
    }
}

QMenu *NotificationCenter::createMenu(QWidget *parent)
{
    return new NotificationMenu(this, parent);
}

} // namespace LivyDesk
