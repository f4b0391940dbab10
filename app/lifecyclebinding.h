// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/historyentry.h"
#include "lifecycle/setupstatement.h"
#include "livy/connection.h"
#include "profiles/serverprofile.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace Livy {
class Connection;
class HistoryStore;
class HistoryModel;
class ServerController;
class SessionController;
}

namespace LivyDesk {

class MainWindow;
class RecreateBinding;
class SessionPage;
class SetupListDialog;

/// Sessions that look after themselves (#18), the app side: binds models/lifecycle to the window.
///
/// - Per connected server (watchServer()): the Connection's Livy::ActivityLedger (made at once, so it sees the
///   first request), one Livy::CreatedSessionRecorder (every create body into the history), and for every open
///   session one Livy::LeaseWatch (fed from its SessionController: session, keep-alive, ended; the creation time
///   from the history's SessionRecord), shown in the session page's header ("may end in 12 min") and as the page's
///   expiry warning with "Keep Alive".
/// - Setup statements: "Mark as Setup Statement" from a session's statements table and from the History panel
///   (HistoryStore::markSetup/unmarkSetup), the gear on setup rows in both, and the session's "Setup…" list
///   (reorder, remove: HistoryStore::setSetup).
/// - Recreate and templates: RecreateBinding (app/recreatebinding.h), made here.
///
/// Made once with the window by the Application; everything per server or session is a child of its controller.
class LifecycleBinding : public QObject
{
    Q_OBJECT
public:
    LifecycleBinding(MainWindow *window, QObject *parent = nullptr);
    ~LifecycleBinding() override;

    /// A server was connected: its ledger, its create-body recorder, and its sessions as they open.
    void watchServer(Livy::Connection *connection, Livy::ServerController *server, const ServerProfile &profile,
                     Livy::HistoryStore *history, Livy::HistoryModel *historyModel);

    RecreateBinding *recreate() const { return m_recreate; }
    /// The history's name for an open session (server URL, profile, id, identity), as HistoryRecorder writes it.
    Livy::HistorySession historySession(const Livy::SessionController *controller) const;
    /// "may end in 12 min" for a remaining time; empty for none.
    static QString leaseText(std::optional<qint64> remainingMs);
    /// The same, short, for the sessions list's Lease column: "29 min", "< 1 min", "any moment".
    static QString leaseShortText(std::optional<qint64> remainingMs);

private:
    void watchSession(Livy::SessionController *controller);
    /// The session's create body (kept, else echoed) and `setup` as the template `name`; the dialog says how it went.
    void saveTemplate(const QString &name, const Livy::HistorySession &hs, const Livy::Session &session,
                      const QList<Livy::SetupStatement> &setup, QPointer<SetupListDialog> dialog);
    void bindPage(Livy::SessionController *controller, SessionPage *page);
    void markStatement(Livy::SessionController *controller, int statementId, bool setup);
    void refreshSetupMarks(Livy::SessionController *controller);
    void refreshHistoryMarks();
    void editSetup(Livy::SessionController *controller);

    QPointer<MainWindow> m_window;
    QPointer<Livy::Connection> m_connection;
    QPointer<Livy::ServerController> m_server;
    QPointer<Livy::HistoryStore> m_history;
    QPointer<Livy::HistoryModel> m_historyModel;
    ServerProfile m_profile;
    RecreateBinding *m_recreate = nullptr;
    quint64 m_historyMarksGeneration = 0;
    bool m_historyWired = false;
};

} // namespace LivyDesk
