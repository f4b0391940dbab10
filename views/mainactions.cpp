// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainactions.h"

#include "panels/icons.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace LivyDesk {

namespace {
QAction *make(QWidget *window, const QString &text, const QKeySequence &shortcut, const QString &tip,
              const QIcon &icon = {})
{
    auto *action = new QAction(icon, text, window);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    } else {
        action->setToolTip(tip);
    }
    action->setStatusTip(tip);
    window->addAction(action); // shortcuts work even when the menu bar is hidden
    return action;
}
} // namespace

MainActions::MainActions(QWidget *window)
    : QObject(window)
{
    newSession = make(window, QStringLiteral("&New Session…"), QKeySequence::New,
                      QStringLiteral("Create a Livy session"), appIcon(AppIcon::NewSession));
    refresh = make(window, QStringLiteral("&Refresh"), QKeySequence::Refresh,
                   QStringLiteral("Refresh the sessions and the current session now"), appIcon(AppIcon::Refresh));
    deleteSession = make(window, QStringLiteral("&Delete Session…"), QKeySequence(QStringLiteral("Ctrl+Shift+Del")),
                         QStringLiteral("Stop the current session on the server (asks first)"),
                         appIcon(AppIcon::Delete));
    closeSession = make(window, QStringLiteral("&Close Tab"), QKeySequence::Close,
                        QStringLiteral("Close the session's tab; the session keeps running on the server"));
    openSessionByRef = make(window, QStringLiteral("&Open Session by Id or Name…"), QKeySequence(QStringLiteral("Ctrl+Shift+O")),
                            QStringLiteral("Open a session by its id or name, also one the list does not show"));
    recreateSession = make(window, QStringLiteral("Rec&reate Session…"), QKeySequence(QStringLiteral("Ctrl+Shift+R")),
                           QStringLiteral("Make the current session again (it ended or is gone) and replay its setup"));
    recreateSession->setObjectName(QStringLiteral("recreateSession"));
    fromTemplate = make(window, QStringLiteral("New Session from &Template"), {},
                        QStringLiteral("Create a session from a saved template and run its setup statements"));
    fromTemplate->setObjectName(QStringLiteral("fromTemplate"));
    fromTemplate->setMenu(new QMenu(window));
    copySessionId = make(window, QStringLiteral("Copy Session &Id"), {}, QStringLiteral("Copy the current session's id"));

    run = make(window, QStringLiteral("&Run"), QKeySequence(QStringLiteral("Ctrl+Return")),
               QStringLiteral("Run all the code in the editor"), appIcon(AppIcon::Run));
    runSelection = make(window, QStringLiteral("Run &Selection"), QKeySequence(QStringLiteral("Shift+Return")),
                        QStringLiteral("Run the selection or the paragraph around the cursor"),
                        appIcon(AppIcon::RunSelection));
    cancelStatement = make(window, QStringLiteral("&Cancel Statement"), QKeySequence(QStringLiteral("Ctrl+.")),
                           QStringLiteral("Cancel the selected (or the running) statement"), appIcon(AppIcon::Cancel));
    openFile = make(window, QStringLiteral("&Open File…"), QKeySequence::Open,
                    QStringLiteral("Load a file into the editor (undoable)"), appIcon(AppIcon::Open));
    saveFile = make(window, QStringLiteral("&Save"), QKeySequence::Save, QStringLiteral("Save the editor's code to its file"),
                    appIcon(AppIcon::Save));
    saveFileAs = make(window, QStringLiteral("Save &As…"), QKeySequence::SaveAs,
                      QStringLiteral("Save the editor's code to a new file"));

    copy = make(window, QStringLiteral("&Copy"), QKeySequence::Copy,
                QStringLiteral("Copy the selection of the focused view"), appIcon(AppIcon::Copy));
    copy->setShortcutContext(Qt::WindowShortcut);
    findSessions = make(window, QStringLiteral("&Filter Sessions"), QKeySequence::Find,
                        QStringLiteral("Filter the session list"));
    findInLog = make(window, QStringLiteral("Search &Log"), QKeySequence(QStringLiteral("Ctrl+Shift+F")),
                     QStringLiteral("Search the session log"));
    searchHistory = make(window, QStringLiteral("Search &History"), QKeySequence(QStringLiteral("Ctrl+Shift+H")),
                         QStringLiteral("Search every statement run or seen, also of sessions that are gone"));
    focusEditor = make(window, QStringLiteral("Go to &Editor"), QKeySequence(QStringLiteral("Ctrl+E")),
                       QStringLiteral("Move the keyboard focus to the code editor"));
    focusSessions = make(window, QStringLiteral("Go to &Sessions"), QKeySequence(QStringLiteral("Ctrl+1")),
                         QStringLiteral("Move the keyboard focus to the session list"));
    nextTab = make(window, QStringLiteral("&Next Tab"), QKeySequence(QStringLiteral("Ctrl+PgDown")),
                   QStringLiteral("Show the next session"));
    previousTab = make(window, QStringLiteral("&Previous Tab"), QKeySequence(QStringLiteral("Ctrl+PgUp")),
                       QStringLiteral("Show the previous session"));

    maximiseOutput = make(window, QStringLiteral("&Maximise Output"), QKeySequence(QStringLiteral("Ctrl+Shift+M")),
                          QStringLiteral("Give the statement's output the whole window (again to restore)"));
    maximiseOutput->setCheckable(true);
    showCode = make(window, QStringLiteral("Show Statement &Code"), {},
                    QStringLiteral("Show the selected statement's code above its output"));
    showCode->setCheckable(true);

    manageServers = make(window, QStringLiteral("&Manage Servers…"), {},
                         QStringLiteral("Add, edit or remove Livy server profiles"), appIcon(AppIcon::Settings));
    reconnect = make(window, QStringLiteral("&Reconnect"), QKeySequence(QStringLiteral("Ctrl+R")),
                     QStringLiteral("Connect to the server again"), appIcon(AppIcon::Server));
    quit = make(window, QStringLiteral("&Quit"), QKeySequence::Quit, QStringLiteral("Quit LivyDesk"));
    quit->setMenuRole(QAction::QuitRole);
    about = make(window, QStringLiteral("&About LivyDesk"), {}, QStringLiteral("Version and components"));
    about->setMenuRole(QAction::AboutRole);
}

void MainActions::populateMenus(QMenuBar *bar, QWidget *dockToggles)
{
    QMenu *file = bar->addMenu(QStringLiteral("&File"));
    file->addAction(openFile);
    file->addAction(saveFile);
    file->addAction(saveFileAs);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = bar->addMenu(QStringLiteral("&Edit"));
    edit->addAction(copy);
    edit->addAction(copySessionId);
    edit->addSeparator();
    edit->addAction(findSessions);
    edit->addAction(findInLog);
    edit->addAction(searchHistory);

    QMenu *session = bar->addMenu(QStringLiteral("&Session"));
    session->addAction(newSession);
    session->addAction(fromTemplate);
    session->addAction(recreateSession);
    session->addAction(openSessionByRef);
    session->addAction(refresh);
    session->addSeparator();
    session->addAction(run);
    session->addAction(runSelection);
    session->addAction(cancelStatement);
    session->addSeparator();
    session->addAction(closeSession);
    session->addAction(deleteSession);

    QMenu *server = bar->addMenu(QStringLiteral("Se&rver"));
    server->setObjectName(QStringLiteral("serverMenu"));
    m_serverMenu = server;
    server->addAction(reconnect);
    server->addAction(manageServers);
    server->addSeparator();

    QMenu *view = bar->addMenu(QStringLiteral("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(focusSessions);
    view->addAction(focusEditor);
    view->addAction(nextTab);
    view->addAction(previousTab);
    view->addSeparator();
    view->addAction(maximiseOutput);
    view->addAction(showCode);
    view->addSeparator();
    if (dockToggles) {
        const QList<QDockWidget *> docks = dockToggles->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
        for (QDockWidget *dock : docks)
            view->addAction(dock->toggleViewAction());
    }

    QMenu *help = bar->addMenu(QStringLiteral("&Help"));
    help->addAction(about);
}

void MainActions::populateToolBar(QToolBar *toolBar)
{
    // Short labels in the tool bar (menus keep the full text) so the server bar fits at 1200 px.
    newSession->setIconText(QStringLiteral("New"));
    cancelStatement->setIconText(QStringLiteral("Cancel"));
    deleteSession->setIconText(QStringLiteral("Delete"));
    toolBar->addAction(newSession);
    toolBar->addAction(refresh);
    toolBar->addSeparator();
    toolBar->addAction(run);
    toolBar->addAction(runSelection);
    toolBar->addAction(cancelStatement);
    toolBar->addSeparator();
    toolBar->addAction(deleteSession);
}

void MainActions::setServerProfiles(const QList<ServerProfile> &profiles, const QString &currentId,
                                    const std::function<void(const QString &)> &select)
{
    if (!m_serverMenu)
        return;
    qDeleteAll(m_profileActions);
    m_profileActions.clear();
    auto *group = new QActionGroup(m_serverMenu);
    for (const ServerProfile &p : profiles) {
        QAction *action = m_serverMenu->addAction(p.displayName());
        action->setCheckable(true);
        action->setChecked(p.id == currentId);
        action->setToolTip(p.url.toString());
        action->setStatusTip(QStringLiteral("Switch to %1").arg(p.url.toString()));
        action->setActionGroup(group);
        connect(action, &QAction::triggered, this, [select, id = p.id] { select(id); });
        m_profileActions.append(action);
    }
}

QList<QAction *> MainActions::all() const
{
    return { newSession,   recreateSession, fromTemplate, refresh,     deleteSession, closeSession,  copySessionId, run,
             runSelection, cancelStatement, openFile,  saveFile,      saveFileAs,    copy,
             findSessions, findInLog,   searchHistory, focusEditor,   focusSessions, nextTab,       previousTab,
             manageServers, reconnect,  quit,          about };
}

} // namespace LivyDesk
