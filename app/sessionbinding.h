// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/sessioncontroller.h"
#include "editor/editorpanel.h"
#include "spark/sparktracker.h"

#include <QObject>

namespace Livy {
class SparkStageModel;
}
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

    /// What Spark does for the session's statements (made by the Application, a child of the controller): the page
    /// shows the selected statement's breakdown and the executors from it.
    void setSparkTracker(Livy::SparkTracker *tracker);
    Livy::SparkTracker *sparkTracker() const { return m_tracker; }

private:
    void bindPage(SessionPage *page);
    void bindEditor(EditorPanel *panel);
    void bindExistingViews();
    void wireController();
    void bindSpark();
    void showSpark();
    void showExecutors();

    Livy::SessionController *m_controller;
    QPointer<MainWindow> m_window;
    QPointer<SessionPage> m_page;
    QPointer<EditorPanel> m_editor;
    QPointer<Livy::SparkTracker> m_tracker;
    Livy::SparkStageModel *m_stages = nullptr; ///< the selected statement's breakdown, for the page's tree
    int m_sparkShownId = -1;     ///< the statement whose breakdown the page shows, and whether it was final:
    bool m_sparkShownFinal = false; ///< the tree opens or closes by itself only when one of them changes
    int m_refId = -1;
    int m_completionTicket = -1;
};

} // namespace LivyDesk
