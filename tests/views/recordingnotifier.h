// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The desktop side of notifications for tests: records what would pop up, and can "click" one. Test code only.

#include "notifications/notifier.h"

#include <QList>

class RecordingNotifier : public LivyDesk::Notifier
{
    Q_OBJECT
public:
    using Notifier::Notifier;

    void notify(const LivyDesk::Notification &notification) override { shown.append(notification); }
    bool isAvailable() const override { return available; }
    QString describe() const override { return QStringLiteral("a recording fake"); }

    /// What the user's click on a shown notification does.
    void click(const LivyDesk::Notification &notification) { Q_EMIT activated(notification); }

    QList<LivyDesk::Notification> shown;
    bool available = true;
};
