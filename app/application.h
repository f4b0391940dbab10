// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"
#include "profiles/serverprofile.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QSslError>

#include <memory>

#include "controllers/servercontroller.h"
#include "livy/connection.h"

class QDialog;

namespace Livy {
class HistoryModel;
class HistoryStore;
class SparkTracker;
}
class QNetworkAccessManager;

namespace LivyDesk {

class DraftStore;
class DataBinding;
class LifecycleBinding;
class LocalLivyLauncher;
class MainWindow;
class NotificationBinding;
class Notifier;
class PasswordStore;

/// The composition root: owns the QNetworkAccessManager, the Connection and ServerController of the server in
/// use, the MainWindow, the profiles and the keychain access, and wires the window's intents to the
/// controllers and the controllers' results back to the window. Nothing else in the app knows both sides.
class Application : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        CommandLineOptions commandLine;
        /// Restore window geometry, dock layout and open sessions (off in tests that want a fixed layout).
        bool restoreLayout = true;
        /// Use this draft store instead of the window's own (tests).
        DraftStore *drafts = nullptr;
        /// Use this secret store instead of the system keychain (tests; not owned).
        PasswordStore *passwords = nullptr;
        /// The history database file; empty = <AppDataLocation>/history.sqlite.
        QString historyPath;
        /// The desktop side of notifications instead of the real one (tests: a recording fake; owned from start()).
        Notifier *notifier = nullptr;
    };

    explicit Application(const Options &options, QObject *parent = nullptr);
    ~Application() override;

    /// Creates the window (not shown) and connects to the chosen server.
    void start();

    MainWindow *window() const { return m_window.get(); }
    Livy::ServerController *server() const { return m_server; }
    Livy::Connection *connection() const { return m_connection; }
    ServerProfile profile() const { return m_profile; }
    QList<ServerProfile> profiles() const { return m_profiles; }

    /// Switches to a profile: closes the current server's tabs (drafts stay), connects to the new one.
    void switchToProfile(const QString &profileId);
    /// The local Livy being started (`--local-livy`), or null.
    LocalLivyLauncher *localLivy() const { return m_localLivy; }
    /// The local history of statements (models/history).
    Livy::HistoryStore *history() const { return m_history; }
    /// The Spark insight of an open session (made in wireSession: one per SessionController, its child), or null
    /// when the session is not open. For whoever wants its breakdowns, in one line:
    /// `connect(app->sparkTracker(id), &Livy::SparkTracker::breakdownFinished, …)`.
    Livy::SparkTracker *sparkTracker(int sessionId) const;
    /// Desktop and in-app notifications (app/notificationbinding.h), made with the window.
    NotificationBinding *notifications() const { return m_notifications; }
    /// Lease budgets, setup statements, recreate and templates (app/lifecyclebinding.h), made with the window.
    LifecycleBinding *lifecycle() const { return m_lifecycle; }
    DataBinding *data() const { return m_data; }

private:
    void connectTo(const ServerProfile &profile, const QHash<QString, QString> &secrets);
    /// "alice@REALM (Kerberos)" in the status area: who the server sees.
    void updateIdentity();
    /// A Basic (LDAP, gateway) profile was refused: ask for the user and password again (the user retries).
    void askPasswordAgain(const Livy::LivyError &refusal);
    /// A Kerberos profile was refused for want of a ticket: offer to get one with the user's password (never stored).
    void offerKerberosTicket(const QString &reason);
    /// A server certificate failed verification: show it and offer to pin it for this profile.
    void offerToTrustCertificate(const QList<QSslError> &errors, const QList<QSslCertificate> &chain);
    void startLocalLivy(const QString &script);
    void openHistory();
    void wireWindow();
    void wireServer();
    void openSession(int sessionId);
    /// `--session` and "Open Session by Id or Name…": an id, or a name resolved by the server.
    void openSessionByRef(const QString &idOrName);
    void wireSession(Livy::SessionController *controller);
    void updateLogFollowing();
    void applyProfiles(const QList<ServerProfile> &profiles, const QHash<QString, QString> &secrets,
                       const QString &selectedId);
    Livy::SessionController *controllerFor(int sessionId) const;

    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    PasswordStore *m_passwords = nullptr;
    Livy::HistoryStore *m_history = nullptr;
    Livy::HistoryModel *m_historyModel = nullptr;
    LocalLivyLauncher *m_localLivy = nullptr;
    NotificationBinding *m_notifications = nullptr;
    LifecycleBinding *m_lifecycle = nullptr;
    DataBinding *m_data = nullptr;
    std::unique_ptr<MainWindow> m_window;
    QPointer<Livy::Connection> m_connection;
    QPointer<Livy::ServerController> m_server;
    QList<ServerProfile> m_profiles;
    ServerProfile m_profile;
    QHash<QString, QString> m_secrets; ///< in memory only: the current profile's secrets by keychain key
    QPointer<QDialog> m_certificateDialog; ///< one at a time
    QPointer<QDialog> m_passwordPrompt;
    QSet<QString> m_declinedCertificates; ///< leaf fingerprints the user did not trust on this connection
    QList<int> m_createTickets;
    QList<int> m_pendingOpen; ///< sessions to reopen once connected
    /// Bumped by every profile switch: a keychain read that finishes after a newer switch is dropped.
    quint64 m_secretGeneration = 0;
    int m_currentSession = -1;
    bool m_logVisible = true;
};

} // namespace LivyDesk
