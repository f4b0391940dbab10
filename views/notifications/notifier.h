// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notification.h"

#include <QObject>

namespace LivyDesk {

/// The desktop half of notifications, behind one small interface so that tests record what would pop up
/// (a recording fake) and the app uses the desktop's service (DesktopNotifier). The NotificationCenter decides
/// whether a notification goes here at all (its kind switched on, the window not active).
class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Shows `notification` outside the window. Never blocks (the desktop's service is asked asynchronously).
    virtual void notify(const LivyDesk::Notification &notification) = 0;
    /// False when this computer has nowhere to show one (no notification service, no system tray): the center then
    /// shows it in the window and asks the task bar for attention instead.
    virtual bool isAvailable() const = 0;
    /// How it shows them, for the About box and logs ("the desktop's notification service", "the system tray").
    virtual QString describe() const = 0;

Q_SIGNALS:
    /// The user clicked a notification this notifier showed.
    void activated(const LivyDesk::Notification &notification);
};

} // namespace LivyDesk
