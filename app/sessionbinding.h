// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/sessioncontroller.h"
#include "editor/editorpanel.h"

#include <QObject>
#include <QPointer>

namespace LivyDesk {

class MainWindow;
class SessionPage;

/// Binds one open session's controller to its views: the page shows what the controller knows, and the session's
/// own editor and page talk to the controller directly (Ctrl+Enter: CodeEditor -> EditorPanel -> here ->
/// SessionController::submit; no window-wide relay, no key-to-id translation).
///
/// Made by the Application for every ServerController::sessionOpened; a child of the controller, so it goes when
/// the session is closed. The page and the editor are bound as the window creates them (MainWindow::sessionPageOpened,
/// editorOpened), or at once when they already exist (a reconnect keeps the window's tabs).
class SessionBinding : public QObject
{
    Q_OBJECT
public:
    SessionBinding(Livy::SessionController *controller, MainWindow *window);

    /// The line under a session's header for a controller status ("Loading the session and its history…").
    static QString statusText(Livy::SessionController::Status status, const Livy::Session &session);

    /// The session's id, or the id it was opened by while it is not resolved yet (-1 for a name).
    int sessionId() const;
    Livy::SessionController *controller() const { return m_controller; }
    EditorPanel *editor() const { return m_editor; }

    /// Runs code in the session, once: the same code still unanswered asks first ("Run Again?").
    void run(const QString &code, const QString &kind);

private:
    void bindPage(SessionPage *page);
    void bindEditor(EditorPanel *panel);
    void bindExistingViews();
    void wireController();

    Livy::SessionController *m_controller;
    QPointer<MainWindow> m_window;
    QPointer<SessionPage> m_page;
    QPointer<EditorPanel> m_editor;
    int m_refId = -1;
    int m_completionTicket = -1;
};

} // namespace LivyDesk
