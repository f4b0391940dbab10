// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/serverprofile.h"

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QMenuBar;
class QToolBar;
class QWidget;

namespace LivyDesk {

/// Every window-level action, with its text, icon, shortcut and tooltip, created in one place so the menus,
/// the tool bar and the tests agree. MainWindow connects them.
class MainActions : public QObject
{
    Q_OBJECT
public:
    explicit MainActions(QWidget *window);

    // Session
    QAction *newSession = nullptr;      ///< Ctrl+N
    QAction *refresh = nullptr;         ///< F5
    QAction *deleteSession = nullptr;   ///< Ctrl+Shift+Del (asks first)
    QAction *closeSession = nullptr;    ///< Ctrl+W: closes the tab, the session keeps running
    QAction *copySessionId = nullptr;
    QAction *recreateSession = nullptr; ///< Ctrl+Shift+R: the current session ended or is gone: make it again
    QAction *fromTemplate = nullptr;    ///< a menu of the create dialog's templates (filled by the app)
    QAction *openSessionByRef = nullptr; ///< Ctrl+Shift+O: a session the list cannot show (another page, a name)
    // Code
    QAction *run = nullptr;             ///< Ctrl+Enter
    QAction *runSelection = nullptr;    ///< Shift+Enter
    QAction *cancelStatement = nullptr; ///< Ctrl+.
    QAction *openFile = nullptr;        ///< Ctrl+O
    QAction *saveFile = nullptr;        ///< Ctrl+S
    QAction *saveFileAs = nullptr;      ///< Ctrl+Shift+S
    // Edit / view
    QAction *copy = nullptr;            ///< Ctrl+C where no text field handles it
    QAction *findSessions = nullptr;    ///< Ctrl+F
    QAction *findInLog = nullptr;       ///< Ctrl+Shift+F
    QAction *searchHistory = nullptr;   ///< Ctrl+Shift+H: the local history's search field
    QAction *focusEditor = nullptr;     ///< Ctrl+E
    QAction *focusSessions = nullptr;   ///< Ctrl+1
    QAction *nextTab = nullptr;         ///< Ctrl+PgDown
    QAction *previousTab = nullptr;     ///< Ctrl+PgUp
    QAction *maximiseOutput = nullptr;  ///< Ctrl+Shift+M, checkable: the output takes the whole window
    QAction *showCode = nullptr;        ///< checkable: the selected statement's code above its output
    // Server
    QAction *manageServers = nullptr;
    QAction *reconnect = nullptr;       ///< Ctrl+R
    // Application
    QAction *quit = nullptr;            ///< Ctrl+Q
    QAction *about = nullptr;

    /// Fills the menu bar (the server menu gets its profile entries from MainWindow).
    void populateMenus(QMenuBar *bar, QWidget *dockToggles);
    /// The frequent ones.
    void populateToolBar(QToolBar *toolBar);
    QList<QAction *> all() const;
    /// Lists the profiles in the Server menu (checked: the one in use); choosing one calls `select`.
    void setServerProfiles(const QList<ServerProfile> &profiles, const QString &currentId,
                           const std::function<void(const QString &)> &select);

private:
    QMenu *m_serverMenu = nullptr;
    QList<QAction *> m_profileActions;
};

} // namespace LivyDesk
