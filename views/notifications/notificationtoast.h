// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notification.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace LivyDesk {

/// The in-app form of a notification, for when the window is active: a small non-modal card at the bottom right of
/// the window (above the status bar) with the title, the one-line text, "Show" and a dismiss button. It never takes
/// the keyboard focus from what the user is typing; its buttons are in the window's Tab order, and View >
/// Notifications > Go to Last Notification does what Show does. It hides itself after a while unless the mouse is
/// over it; a newer notification replaces the one shown.
class NotificationToast : public QFrame
{
    Q_OBJECT
public:
    /// `host` is the window it floats over (its child; it follows the window's size).
    explicit NotificationToast(QWidget *host);

    void showNotification(const LivyDesk::Notification &notification);
    Notification notification() const { return m_notification; }
    QString title() const;
    QString text() const;
    QPushButton *showButton() const { return m_show; }
    QToolButton *dismissButton() const { return m_dismiss; }
    /// How long it stays when the mouse is not over it (default 12 s).
    void setTimeout(int ms);

Q_SIGNALS:
    /// "Show" or a click on the card.
    void activated(const LivyDesk::Notification &notification);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void place();

    QWidget *m_host;
    Notification m_notification;
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_show = nullptr;
    QToolButton *m_dismiss = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace LivyDesk
