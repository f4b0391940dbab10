// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What LivyDesk tells the user about a session while they look elsewhere (#18): a value the app builds from the
// controllers' signals and hands to the NotificationCenter, which shows it in the window or on the desktop.

#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>

namespace LivyDesk {

/// Each kind is switched on or off in the preferences (NotificationPreferences).
enum class NotificationKind {
    LongStatementFinished, ///< a statement that ran longer than the threshold ended (available, error, cancelled)
    SessionReady,          ///< a session became idle after starting
    SessionEnded,          ///< a session died, ended, or the server no longer has it (deleted elsewhere, expired)
    SessionExpiring,       ///< Livy may end the session soon (models/lifecycle LeaseWatch::expiryWarning)
};

/// Where a notification points: clicking it brings the window forward on that session's tab and statement.
struct NotificationTarget
{
    QString profileId;    ///< the server profile the session belongs to
    QString serverName;   ///< the profile's display name, for the text
    int sessionId = -1;
    int statementId = -1; ///< -1: the session itself

    bool operator==(const NotificationTarget &) const = default;
};

struct Notification
{
    NotificationKind kind = NotificationKind::SessionReady;
    QString title;  ///< "Statement 7 finished: error"
    QString text;   ///< one line: "Session 3 (etl) · ran 2 min 5 s · ZeroDivisionError: division by zero"
    /// The state it reports, as Livy names it: a statement's `available`/`error`/`cancelled`, a session's
    /// `idle`/`dead`/`killed`/…, `gone` for a session the server no longer has, `expiring`.
    QString state;
    /// LongStatementFinished: how long the statement ran (the server's own started/completed stamps); the
    /// preferences' threshold is compared with it.
    std::optional<std::chrono::milliseconds> duration;
    /// A problem (error, died, gone) rather than good news: the popup's urgency and icon.
    bool problem = false;
    NotificationTarget target;

    bool operator==(const Notification &) const = default;
};

/// "statement", "sessionReady", "sessionEnded", "sessionExpiring": the settings key part and a stable name.
QString notificationKindName(NotificationKind kind);

} // namespace LivyDesk

Q_DECLARE_METATYPE(LivyDesk::Notification)
