// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs/createsessiondialog.h"
#include "profiles/serverprofile.h"
#include "panels/serverbar.h"
#include "panels/statusarea.h"

#include "items/sessionlistmodel.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>

class QDockWidget;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace Livy {
class LivyError;
struct CreateSessionRequest;
struct Session;
}

namespace LivyDesk {

class EditorPanel;

class CreateSessionDialog;
class DraftStore;
class CatalogDock;
class DataDock;
class EditorDock;
class HistoryDock;
class LogDock;
class MainActions;
class MessageBanner;
class SessionPage;
class SessionsDock;

/// The application window. It composes the docks (sessions, editor, log), one tab per open session, the
/// server bar, the status area and the actions, renders the models it is given and turns user gestures into
/// intent signals. It never talks to the network: the app's composition root answers the intents
/// (app/application.cpp) and calls back the slots below.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `drafts` may be shared (tests); without one the window owns a DraftStore in the default location.
    explicit MainWindow(DraftStore *drafts = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // --- what the composition root feeds in
    void setSessionModel(Livy::SessionListModel *model);
    void setServerProfiles(const QList<ServerProfile> &profiles, const QString &currentId);
    /// The server in use; closes every session tab (their drafts stay).
    void setServer(const ServerProfile &profile);
    ServerProfile server() const { return m_server; }
    void setConnectionState(ServerBar::State state, const QString &detail = {});
    void setServerVersion(const QString &version);
    void setActivity(StatusArea::Activity activity, const QString &text = {});
    /// Opens (or brings forward) the tab of a session with its statement and log models.
    SessionPage *showSession(int sessionId, QAbstractItemModel *statements, QAbstractItemModel *log);
    void closeSessionPage(int sessionId);
    /// The server's own answer about an open tab's session (the session controller's; the list model may be
    /// stale or not hold it). The tab's editor opens on the first one: its draft is keyed by the session's identity.
    void updateSession(const Livy::Session &session);
    void setSessionStatus(int sessionId, const QString &text, bool problem = false);
    /// The session log's account of a failure (an ended session, an interpreter that did not start).
    void setSessionFailure(int sessionId, const QStringList &lines);
    /// Every failure goes to the status area; `prominent` ones (a user action failed) also to the banner.
    void showError(const Livy::LivyError &error, const QString &context, bool prominent = false);
    /// A one-line confirmation of something the user asked for ("Session 3 deleted."), shown for a few seconds.
    void showNotice(const QString &message);
    QString noticeText() const;
    void sessionCreated(int sessionId);
    void sessionCreateFailed(const Livy::LivyError &error);
    /// Opening links (Spark UI, driver log) goes through this; the default is QDesktopServices::openUrl.
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_urlOpener = std::move(opener); }

    // --- state
    SessionPage *sessionPage(int sessionId) const { return m_pages.value(sessionId); }
    QList<int> openSessionIds() const;
    int currentSessionId() const;
    QString draftKey(int sessionId) const;
    bool isActive() const;
    /// The session ids that were open for a profile when the window last closed, and the one that was current.
    /// Makes an open session's tab the current one.
    void selectSession(int sessionId);
    /// The draft key of a session: server, id *and* identity (a later session with the same id gets another).
    static QString draftKeyFor(const QUrl &server, const Livy::Session &session);
    void restoreLayout();
    void saveLayout();

    /// Only the current session's output, over the whole window (statement list, code and docks hidden).
    void setOutputMaximised(bool maximised);
    bool isOutputMaximised() const;

    MainActions *actions() const { return m_actions; }
    SessionsDock *sessionsDock() const { return m_sessionsDock; }
    EditorDock *editorDock() const { return m_editorDock; }
    LogDock *logDock() const { return m_logDock; }
    HistoryDock *historyDock() const { return m_historyDock; }
    CatalogDock *catalogDock() const { return m_catalogDock; }
    DataDock *dataDock() const { return m_dataDock; }
    StatusArea *statusArea() const { return m_status; }
    ServerBar *serverBar() const { return m_serverBar; }
    QTabWidget *sessionTabs() const { return m_tabs; }
    MessageBanner *banner() const { return m_banner; }
    CreateSessionDialog *createDialog() const { return m_createDialog; }
    DraftStore *drafts() const { return m_drafts; }

public Q_SLOTS:
    void newSession();
    /// The create dialog, filled in with what `session` was created with (Recreate on an ended or gone session).
    void newSessionLike(const Livy::Session &session);
    /// Asks for confirmation, then emits deleteSessionRequested().
    void requestDelete(int sessionId);
    void runCurrent();
    void runSelectionCurrent();
    void cancelCurrent();
    void copy();
    void showAbout();

    /// The editor bound to a session's tab (opened under its confirmed identity), or null.
    EditorPanel *editorFor(int sessionId) const;

Q_SIGNALS:
    void createSessionRequested(const Livy::CreateSessionRequest &request);
    void openSessionRequested(int sessionId);
    /// "Open Session by Id or Name…": the text as typed (an all-digit text is an id, as Livy reads it).
    void openSessionByRefRequested(const QString &idOrName);
    void closeSessionRequested(int sessionId);
    void refreshRequested(int currentSessionId);
    void deleteSessionRequested(int sessionId);
    /// A session's editor is open under its confirmed identity: bind it to the session (running, completion).
    void editorOpened(int sessionId, LivyDesk::EditorPanel *panel);
    /// A session's page exists: bind its own requests (for example "Show df as a table").
    void sessionPageOpened(int sessionId, LivyDesk::SessionPage *page);
    void cancelStatementRequested(int sessionId, int statementId);
    void profileSelected(const QString &profileId);
    void profilesEdited(const QList<LivyDesk::ServerProfile> &profiles, const QHash<QString, QString> &passwords,
                        const QString &selectedId);
    void reconnectRequested();
    /// The session whose tab is current changed (-1: none). Its log is the one shown.
    void currentSessionChanged(int sessionId);
    void logVisibleChanged(bool visible);
    /// Visible and not minimised: polling pauses while false.
    void activeChanged(bool active);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildCentral();
    void connectActions();
    void onCurrentTabChanged();
    /// The open tabs and the current one, per server profile (WorkspaceStore), written at every change: once the
    /// change is over (the next turn of the event loop), so that a burst of changes (reopening the tabs at start)
    /// is one write, not one per tab.
    void saveWorkspace();
    /// Writes the workspace now (a pending write is done with it).
    void writeWorkspace();
    void updateActions();
    void updateActive();
    void openUrl(const QUrl &url);
    void showProfilesDialog();
    void updateTitle();
    void ensureEditor(SessionPage *page);

    DraftStore *m_drafts = nullptr;
    MainActions *m_actions = nullptr;
    SessionsDock *m_sessionsDock = nullptr;
    EditorDock *m_editorDock = nullptr;
    LogDock *m_logDock = nullptr;
    HistoryDock *m_historyDock = nullptr;
    CatalogDock *m_catalogDock = nullptr;
    DataDock *m_dataDock = nullptr;
    bool m_closingAll = false; ///< switching servers: the tabs closing stay in the workspace
    StatusArea *m_status = nullptr;
    ServerBar *m_serverBar = nullptr;
    MessageBanner *m_banner = nullptr;
    QStackedWidget *m_centralStack = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPointer<Livy::SessionListModel> m_sessionModel; ///< owned by the server controller
    QPointer<CreateSessionDialog> m_createDialog;
    QHash<int, SessionPage *> m_pages;
    QHash<int, QPointer<QAbstractItemModel>> m_logs;
    QHash<int, QPointer<EditorPanel>> m_boundEditors; ///< the editor each session's page was bound to
    QHash<int, QString> m_draftKeys; ///< session id -> draft key, once the session (its identity) is known
    QSet<int> m_confirmed;           ///< open sessions whose own server answer (not a list entry) has arrived
    QList<ServerProfile> m_profiles;
    ServerProfile m_server;
    std::function<bool(const QUrl &)> m_urlOpener;
    bool m_active = false;
    QList<QPointer<QDockWidget>> m_docksBeforeMaximise;
    QTimer *m_workspaceWrite = nullptr; ///< single-shot, 0 ms: the pending workspace write
};

} // namespace LivyDesk
