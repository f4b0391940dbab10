// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notification.h"
#include "notificationpreferences.h"
#include "notificationtoast.h"
#include "notifier.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QMenu;
class QWidget;

namespace LivyDesk {

/// Where every notification goes (views/notifications): the app posts one for each piece of news, and the center
/// drops it if its kind is switched off (or a statement was short), shows it in the window while the window is
/// active (NotificationToast: the user is looking), and hands it to the desktop Notifier otherwise. A desktop with
/// nowhere to show one (Notifier::isAvailable() false) gets it in the window too, and the task bar entry asks for
/// attention (QApplication::alert). A click on either form comes back as activated().
class NotificationCenter : public QObject
{
    Q_OBJECT
public:
    enum class Route {
        Dropped,      ///< switched off, or not news (a short statement)
        InApp,        ///< the window is active: the toast
        Desktop,      ///< the desktop Notifier
        InAppFallback ///< the window is not active but the desktop has nowhere to show it: the toast and an alert
    };
    Q_ENUM(Route)

    /// `window` hosts the toast (and is what "active" means). `notifier` is the desktop side (reparented to the
    /// center); null = none.
    NotificationCenter(QWidget *window, Notifier *notifier, QObject *parent = nullptr);
    ~NotificationCenter() override;

    /// Replaces the desktop side (tests: a recording fake). The old one is deleted.
    void setNotifier(Notifier *notifier);
    Notifier *notifier() const { return m_notifier; }

    /// Read from QSettings at construction.
    NotificationPreferences preferences() const { return m_preferences; }
    /// Takes and saves them.
    void setPreferences(const NotificationPreferences &preferences);

    /// "The user is looking at the window": by default the window is the active window and not minimised.
    void setWindowActiveCheck(std::function<bool()> check) { m_isActive = std::move(check); }
    bool isWindowActive() const;

    Route post(const LivyDesk::Notification &notification);
    std::optional<Notification> last() const { return m_last; }
    Route lastRoute() const { return m_lastRoute; }
    /// What "Show" on the last one does (View > Notifications > Go to Last Notification).
    void activateLast();

    NotificationToast *toast() const { return m_toast; }
    /// View > Notifications: a switch per kind, the long-statement threshold, Go to Last Notification. Owned by
    /// `parent`.
    QMenu *createMenu(QWidget *parent);

Q_SIGNALS:
    void posted(const LivyDesk::Notification &notification, LivyDesk::NotificationCenter::Route route);
    /// A notification was clicked (desktop or in the window): bring its session and statement forward.
    void activated(const LivyDesk::Notification &notification);
    void preferencesChanged(const LivyDesk::NotificationPreferences &preferences);

private:
    QPointer<QWidget> m_window;
    QPointer<Notifier> m_notifier;
    QPointer<NotificationToast> m_toast;
    NotificationPreferences m_preferences;
    std::function<bool()> m_isActive;
    std::optional<Notification> m_last;
    Route m_lastRoute = Route::Dropped;
};

} // namespace LivyDesk
