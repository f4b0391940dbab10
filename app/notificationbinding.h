// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notifications/notification.h"
#include "profiles/serverprofile.h"

#include <QObject>
#include <QPointer>

#include <chrono>

namespace Livy {
class ServerController;
class SessionController;
struct Session;
struct Statement;
}

namespace LivyDesk {

class MainWindow;
class NotificationCenter;
class Notifier;

/// Turns what the controllers report into notifications (#18), and a click on one into the window showing that
/// session and statement. Made once by the Application (a child of it) with the window; watchServer() for every
/// ServerController it makes. Per open session it notices, from the SessionController's own signals:
/// - statementFinished: a statement ended; its run time is the server's completed - started stamps (else the time
///   since this computer sent it), and the NotificationCenter keeps only those over the threshold; once per
///   statement;
/// - sessionChanged: starting (or not_started) -> idle: the session is ready;
/// - statusChanged Ended / sessionGone, after the session was seen alive here: it died, ended, or the server no
///   longer has it (deleted elsewhere, expired). A delete asked for in this window is not news (it never reports
///   sessionGone);
/// - the session's Livy::LeaseWatch (models/lifecycle) expiryWarning: Livy may end it soon. The watch the app made
///   for the session (a child of its controller) is used when there is one, else the binding makes its own.
/// The View menu gets the Notifications submenu (the preferences).
class NotificationBinding : public QObject
{
    Q_OBJECT
public:
    /// `notifier` is the desktop side (owned; null: the real DesktopNotifier).
    NotificationBinding(MainWindow *window, Notifier *notifier = nullptr, QObject *parent = nullptr);
    ~NotificationBinding() override;

    NotificationCenter *center() const { return m_center; }
    /// Follow this server's open sessions (those opened from now on, and those already open).
    void watchServer(Livy::ServerController *server, const ServerProfile &profile);

    /// "Session 3 (etl)" / "Session 3".
    static QString sessionLabel(int id, const QString &name);
    /// "45 s", "2 min 5 s", "1 h 3 min".
    static QString durationText(std::chrono::milliseconds duration);
    /// The notification for a finished statement (no threshold applied here).
    static Notification statementNotification(const Livy::Statement &statement, std::chrono::milliseconds duration,
                                              const Livy::Session &session, const NotificationTarget &target);

    /// Brings the window forward on the notification's session tab (opening it if it was closed) and selects its
    /// statement.
    void open(const LivyDesk::Notification &notification);

private:
    void watchSession(Livy::SessionController *controller);

    QPointer<MainWindow> m_window;
    NotificationCenter *m_center;
    QPointer<Livy::ServerController> m_server;
    ServerProfile m_profile;
};

} // namespace LivyDesk
