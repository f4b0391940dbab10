// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs/recreatesessiondialog.h"
#include "history/sessionrecords.h"
#include "lifecycle/sessionrecreator.h"
#include "profiles/serverprofile.h"

#include <QObject>
#include <QPointer>

namespace Livy {
class HistoryStore;
class ServerController;
class SessionController;
}

namespace LivyDesk {

class MainWindow;
class SessionPage;

/// "Recreate Session…" and "New Session from Template", the app side: finds a session's kept create body and
/// setup in the history (or, for a session created elsewhere, what Livy echoes of it), shows them in a
/// RecreateSessionDialog, drives a Livy::SessionRecreator with what the user confirmed, and reports its progress
/// back to the dialog. When the new session replaces an old one, it takes the old one's tab (same place), its
/// editor draft, and the History panel's filter if that was on the old session.
class RecreateBinding : public QObject
{
    Q_OBJECT
public:
    /// A kept body without LivyDesk's session tag: a new session gets its own (SessionRecreator and ServerController
    /// add it), and a template must not carry an old one.
    static Livy::CreateSessionRequest withoutSessionTag(Livy::CreateSessionRequest request);
    explicit RecreateBinding(MainWindow *window, QObject *parent = nullptr);
    ~RecreateBinding() override;

    void watchServer(Livy::ServerController *server, const ServerProfile &profile, Livy::HistoryStore *history);

    /// The session of `controller` ended or is gone: open the dialog with its body and setup.
    void recreate(Livy::SessionController *controller, SessionPage *page);
    /// A template (create-dialog preset): its body and setup, then a new tab.
    void createFromTemplate(const QString &name);

    /// The dialog of the run in progress (or last shown), or null.
    RecreateSessionDialog *dialog() const { return m_dialog; }
    Livy::SessionRecreator *recreator() const { return m_recreator; }

    /// The tab of `oldId` becomes `session`'s: same position, the draft carried over (tests call it too).
    void adopt(int oldId, const Livy::Session &session);

Q_SIGNALS:
    /// A run ended (the dialog may still be open).
    void finished(const Livy::RecreateResult &result);

private:
    void openDialog(const QString &heading, const Livy::CreateSessionRequest &request,
                    const QList<Livy::SetupStatement> &setup);
    void start(const Livy::CreateSessionRequest &request, const QList<Livy::SetupStatement> &setup);
    void onFinished(const Livy::RecreateResult &result);
    void fillTemplateMenu();

    QPointer<MainWindow> m_window;
    QPointer<Livy::ServerController> m_server;
    QPointer<Livy::HistoryStore> m_history;
    ServerProfile m_profile;
    QPointer<RecreateSessionDialog> m_dialog;
    QPointer<Livy::SessionRecreator> m_recreator;
    /// What the run replaces (-1: a new session) and the plan's other facts.
    Livy::RecreatePlan m_plan;
    QList<Livy::SetupStatement> m_steps;
    bool m_adopted = false;
};

} // namespace LivyDesk
