// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notification.h"

#include <chrono>

namespace LivyDesk {

/// Which notifications the user wants, kept in QSettings (SettingsKeys::notificationEnabled,
/// notificationLongStatementSeconds). Every kind is on by default; a statement is "long" from 30 s.
struct NotificationPreferences
{
    bool longStatement = true;
    bool sessionReady = true;
    bool sessionEnded = true;
    bool sessionExpiring = true;
    std::chrono::milliseconds longStatementThreshold{ std::chrono::seconds(30) };

    bool isEnabled(NotificationKind kind) const;
    void setEnabled(NotificationKind kind, bool enabled);
    /// The kind is on, and a finished statement ran at least the threshold (one of unknown length never does).
    bool accepts(const Notification &notification) const;

    static NotificationPreferences load();
    void save() const;

    bool operator==(const NotificationPreferences &) const = default;
};

} // namespace LivyDesk
