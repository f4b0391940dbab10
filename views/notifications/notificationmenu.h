// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notification.h"

#include <QHash>
#include <QMenu>

class QInputDialog;

namespace LivyDesk {

class NotificationCenter;

/// View > Notifications: the preferences of notifications where the app keeps its view settings, all from the
/// keyboard (Alt+V, N, then the underlined letters): one checkable entry per kind, the long-statement threshold
/// (a small non-modal dialog), and Go to Last Notification (Ctrl+Shift+N).
class NotificationMenu : public QMenu
{
    Q_OBJECT
public:
    NotificationMenu(NotificationCenter *center, QWidget *parent = nullptr);

    QAction *kindAction(NotificationKind kind) const { return m_kinds.value(kind); }
    QAction *thresholdAction() const { return m_threshold; }
    QAction *lastAction() const { return m_last; }
    /// The threshold dialog while it is open (tests), else null.
    QInputDialog *thresholdDialog() const { return m_dialog; }

private:
    void sync();
    void editThreshold();

    NotificationCenter *m_center;
    QHash<NotificationKind, QAction *> m_kinds;
    QAction *m_threshold = nullptr;
    QAction *m_last = nullptr;
    QInputDialog *m_dialog = nullptr;
};

} // namespace LivyDesk
