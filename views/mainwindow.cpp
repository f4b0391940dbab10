// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "data/catalogdock.h"
#include "data/datadock.h"

#include "profiles/settingsschema.h"
#include "profiles/workspacestore.h"
#include "dialogs/createsessiondialog.h"
#include "dialogs/serverprofilesdialog.h"
#include "editor/codeeditor.h"
#include "editor/codehighlighter.h"
#include "editor/draftstore.h"
#include "editor/editorpanel.h"
#include "items/sessionlistmodel.h"
#include "livy/livyerror.h"
#include "livy/sessionidentity.h"
#include "mainactions.h"
#include "panels/editordock.h"
#include "panels/historydock.h"
#include "panels/logdock.h"
#include "panels/messagebanner.h"
#include "panels/sessionpage.h"
#include "panels/sessionsdock.h"
#include "panels/statestyle.h"
#include "prompts.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QPlainTextEdit>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace LivyDesk {

MainWindow::MainWindow(DraftStore *drafts, QWidget *parent)
    : QMainWindow(parent)
    , m_drafts(drafts ? drafts : new DraftStore({}, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(QStringLiteral("LivyDesk"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    resize(1280, 820);
    m_urlOpener = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    m_workspaceWrite = new QTimer(this);
    m_workspaceWrite->setSingleShot(true);
    m_workspaceWrite->setInterval(0);
    connect(m_workspaceWrite, &QTimer::timeout, this, &MainWindow::writeWorkspace);

    m_actions = new MainActions(this);
    m_sessionsDock = new SessionsDock(this);
    m_editorDock = new EditorDock(m_drafts, this);
    m_logDock = new LogDock(this);
    m_historyDock = new HistoryDock(this);
    m_catalogDock = new CatalogDock(this);
    m_dataDock = new DataDock(this);
    // Default layout (1280x820): the session's statements and output get the centre; the editor runs the full
    // width at the bottom with the log as a tab beside it; the session list is a narrow column.
    addDockWidget(Qt::LeftDockWidgetArea, m_sessionsDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_editorDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    tabifyDockWidget(m_editorDock, m_logDock);
    tabifyDockWidget(m_logDock, m_historyDock);
    m_editorDock->raise();
    // The catalog shares the left column with the sessions; paged tables are a bottom tab (hidden until one opens).
    addDockWidget(Qt::LeftDockWidgetArea, m_catalogDock);
    splitDockWidget(m_sessionsDock, m_catalogDock, Qt::Vertical);
    m_catalogDock->hide();
    addDockWidget(Qt::BottomDockWidgetArea, m_dataDock);
    tabifyDockWidget(m_historyDock, m_dataDock);
    m_dataDock->hide();
    m_editorDock->raise();
    resizeDocks({ m_sessionsDock }, { 340 }, Qt::Horizontal); // id, name, kind, state and lease side by side
    resizeDocks({ m_editorDock }, { 220 }, Qt::Vertical);

    auto *toolBar = addToolBar(QStringLiteral("Main"));
    toolBar->setObjectName(QStringLiteral("MainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(18, 18));
    m_actions->populateToolBar(toolBar);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    m_serverBar = new ServerBar(toolBar);
    toolBar->addWidget(m_serverBar);
    m_actions->populateMenus(menuBar(), this);
    // Shift+Enter runs the selection only from the editor dock: in line edits (filters, log search) it means
    // something else, and line edits do not claim it from window shortcuts.
    removeAction(m_actions->runSelection);
    m_actions->runSelection->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editorDock->addAction(m_actions->runSelection);

    m_status = new StatusArea(this);
    statusBar()->addWidget(m_status, 1);
    statusBar()->setSizeGripEnabled(true);

    buildCentral();
    connectActions();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    if (m_workspaceWrite->isActive())
        writeWorkspace();
    m_drafts->flush();
    // ~QWidget hides and deletes the children after this body: their signals (dock visibility, tab changes)
    // must not reach a half-destroyed window.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        child->disconnect(this);
}

void MainWindow::buildCentral()
{
    auto *central = new QWidget(this);
    m_banner = new MessageBanner(central);
    m_banner->setObjectName(QStringLiteral("windowBanner"));
    m_tabs = new QTabWidget(central);
    m_tabs->setAccessibleName(QStringLiteral("Open sessions"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    auto *welcome = new QLabel(central);
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setWordWrap(true);
    welcome->setTextFormat(Qt::RichText);
    welcome->setForegroundRole(QPalette::PlaceholderText);
    welcome->setText(QStringLiteral("<p style='font-size:large'><b>No session open</b></p>"
                                    "<p>Double-click a session in the list to open it,<br>"
                                    "or create one with <b>New Session</b> (Ctrl+N).</p>"
                                    "<p>Ctrl+Enter runs the editor's code · Shift+Enter runs the selection · "
                                    "Ctrl+Space completes</p>"));
    m_centralStack = new QStackedWidget(central);
    m_centralStack->addWidget(welcome);
    m_centralStack->addWidget(m_tabs);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_centralStack, 1);
    setCentralWidget(central);

    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs->tabBar(), &QTabBar::tabMoved, this, &MainWindow::saveWorkspace);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *page = qobject_cast<SessionPage *>(m_tabs->widget(index)))
            Q_EMIT closeSessionRequested(page->sessionId());
    });
}

void MainWindow::connectActions()
{
    MainActions *a = m_actions;
    connect(a->newSession, &QAction::triggered, this, &MainWindow::newSession);
    connect(a->refresh, &QAction::triggered, this, [this] { Q_EMIT refreshRequested(currentSessionId()); });
    connect(a->deleteSession, &QAction::triggered, this, [this] {
        const int id = currentSessionId() >= 0 ? currentSessionId() : m_sessionsDock->currentSessionId();
        if (id >= 0)
            requestDelete(id);
    });
    connect(a->closeSession, &QAction::triggered, this, [this] {
        if (currentSessionId() >= 0)
            Q_EMIT closeSessionRequested(currentSessionId());
    });
    connect(a->recreateSession, &QAction::triggered, this, [this] { // the app's RecreateBinding answers the page
        if (SessionPage *page = sessionPage(currentSessionId()))
            Q_EMIT page->recreateRequested();
    });
    connect(a->openSessionByRef, &QAction::triggered, this, [this] {
        auto *ask = new QInputDialog(this);
        ask->setObjectName(QStringLiteral("openSessionByRef"));
        ask->setAttribute(Qt::WA_DeleteOnClose);
        ask->setWindowTitle(tr("Open Session"));
        ask->setLabelText(tr("Session id or name:"));
        connect(ask, &QInputDialog::textValueSelected, this, [this](const QString &text) {
            if (!text.trimmed().isEmpty())
                Q_EMIT openSessionByRefRequested(text.trimmed());
        });
        ask->open(); // window-modal, no nested event loop
    });
    connect(a->copySessionId, &QAction::triggered, this, [this] {
        if (currentSessionId() >= 0)
            QApplication::clipboard()->setText(QString::number(currentSessionId()));
    });
    connect(a->run, &QAction::triggered, this, &MainWindow::runCurrent);
    connect(a->runSelection, &QAction::triggered, this, &MainWindow::runSelectionCurrent);
    connect(a->cancelStatement, &QAction::triggered, this, &MainWindow::cancelCurrent);
    connect(a->openFile, &QAction::triggered, this, [this] {
        if (EditorPanel *panel = m_editorDock->currentEditor())
            panel->openFile();
    });
    connect(a->saveFile, &QAction::triggered, this, [this] {
        if (EditorPanel *panel = m_editorDock->currentEditor())
            panel->saveFile();
    });
    connect(a->saveFileAs, &QAction::triggered, this, [this] {
        if (EditorPanel *panel = m_editorDock->currentEditor())
            panel->saveFileAs();
    });
    connect(a->copy, &QAction::triggered, this, &MainWindow::copy);
    connect(a->findSessions, &QAction::triggered, m_sessionsDock, &SessionsDock::focusFilter);
    connect(a->searchHistory, &QAction::triggered, m_historyDock, &HistoryDock::focusSearch);
    connect(m_historyDock, &HistoryDock::rerunRequested, this, [this](const QString &code, const QString &kind) {
        if (SessionPage *page = sessionPage(currentSessionId()))
            Q_EMIT page->runRequested(code, kind);
    });
    connect(a->findInLog, &QAction::triggered, this, [this] {
        m_logDock->show();
        m_logDock->raise();
        m_logDock->focusSearch();
    });
    connect(a->maximiseOutput, &QAction::toggled, this, &MainWindow::setOutputMaximised);
    a->showCode->setChecked(QSettings().value(SettingsKeys::showStatementCode(), false).toBool());
    connect(a->showCode, &QAction::toggled, this, [this](bool visible) {
        QSettings().setValue(SettingsKeys::showStatementCode(), visible);
        for (SessionPage *page : std::as_const(m_pages))
            page->setCodeVisible(visible);
    });
    connect(a->focusEditor, &QAction::triggered, this, [this] {
        m_editorDock->show();
        m_editorDock->raise();
        if (EditorPanel *panel = m_editorDock->currentEditor())
            panel->editor()->setFocus(Qt::ShortcutFocusReason);
    });
    connect(a->focusSessions, &QAction::triggered, this, [this] {
        m_sessionsDock->show();
        m_sessionsDock->raise();
        m_sessionsDock->view()->setFocus(Qt::ShortcutFocusReason);
    });
    connect(a->nextTab, &QAction::triggered, this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    connect(a->previousTab, &QAction::triggered, this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    connect(a->manageServers, &QAction::triggered, this, &MainWindow::showProfilesDialog);
    connect(a->reconnect, &QAction::triggered, this, &MainWindow::reconnectRequested);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->about, &QAction::triggered, this, &MainWindow::showAbout);

    connect(m_sessionsDock, &SessionsDock::openRequested, this, &MainWindow::openSessionRequested);
    connect(m_sessionsDock, &SessionsDock::refreshRequested, this, [this] { Q_EMIT refreshRequested(currentSessionId()); });
    connect(m_sessionsDock, &SessionsDock::deleteRequested, this, &MainWindow::requestDelete);
    connect(m_sessionsDock, &SessionsDock::currentSessionChanged, this, &MainWindow::updateActions);
    connect(m_logDock, &QDockWidget::visibilityChanged, this, &MainWindow::logVisibleChanged);
    connect(m_serverBar, &ServerBar::profileSelected, this, &MainWindow::profileSelected);
    connect(m_serverBar, &ServerBar::manageRequested, this, &MainWindow::showProfilesDialog);
}

void MainWindow::setSessionModel(Livy::SessionListModel *model)
{
    m_sessionModel = model;
    m_sessionsDock->setModel(model);
    if (!model)
        return;
    auto sync = [this] {
        for (SessionPage *page : std::as_const(m_pages))
            if (const auto session = m_sessionModel->session(page->sessionId()))
                page->setSession(*session);
        if (m_createDialog) {
            QStringList names;
            for (const Livy::Session &s : m_sessionModel->sessions())
                if (!s.name.isEmpty() && !Livy::isTerminal(s.state))
                    names.append(s.name);
            m_createDialog->setExistingSessionNames(names);
        }
        updateActions();
    };
    connect(model, &QAbstractItemModel::dataChanged, this, sync);
    connect(model, &QAbstractItemModel::rowsInserted, this, sync);
    connect(model, &QAbstractItemModel::rowsRemoved, this, sync);
    connect(model, &QAbstractItemModel::modelReset, this, sync);
}

void MainWindow::setServerProfiles(const QList<ServerProfile> &profiles, const QString &currentId)
{
    m_profiles = profiles;
    m_serverBar->setProfiles(profiles, currentId);
    m_actions->setServerProfiles(profiles, currentId, [this](const QString &id) { Q_EMIT profileSelected(id); });
}

void MainWindow::setServer(const ServerProfile &profile)
{
    // The tabs of the server left are remembered for its next visit, not forgotten one by one as they close.
    writeWorkspace();
    m_closingAll = true;
    const QList<int> open = openSessionIds();
    for (const int id : open)
        closeSessionPage(id);
    m_closingAll = false;
    m_server = profile;
    m_banner->clear();
    m_status->clearError();
    updateTitle();
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_server.id.isEmpty() ? QStringLiteral("LivyDesk")
                                         : QStringLiteral("%1 — LivyDesk").arg(m_server.displayName()));
}

void MainWindow::setConnectionState(ServerBar::State state, const QString &detail)
{
    m_serverBar->setState(state, detail);
    m_status->setConnectionState(state, detail, m_server.url);
    if (state == ServerBar::State::Connected)
        m_status->clearTransientError(); // "connection refused" is no longer true
    const QString host = m_server.url.isEmpty() ? tr("the server") : m_server.url.authority();
    QString note;
    switch (state) {
    case ServerBar::State::Connecting:
        note = detail.isEmpty() ? tr("Connecting to %1…").arg(host) : detail.left(1).toUpper() + detail.mid(1);
        break;
    case ServerBar::State::Reconnecting:
        note = tr("Cannot reach %1 (%2).\nRetrying; the list shows what the server has once it answers.").arg(host, detail);
        break;
    case ServerBar::State::Failed:
        note = detail.isEmpty() ? tr("Not connected to %1.").arg(host) : tr("Not connected: %1").arg(detail);
        break;
    case ServerBar::State::Disconnected: note = tr("Not connected."); break;
    case ServerBar::State::Connected: break;
    }
    m_sessionsDock->setConnectionNote(state == ServerBar::State::Connected, note);
    updateActions();
}

void MainWindow::setServerVersion(const QString &version)
{
    m_serverBar->setServerVersion(version);
    if (m_createDialog)
        m_createDialog->setServerVersion(version);
}

void MainWindow::setActivity(StatusArea::Activity activity, const QString &text)
{
    m_status->setActivity(activity, text);
}

QString MainWindow::draftKey(int sessionId) const
{
    return m_draftKeys.value(sessionId);
}

QString MainWindow::draftKeyFor(const QUrl &server, const Livy::Session &session)
{
    // The id alone is not enough: Livy reuses ids after a restart, and a draft must never show up in an unrelated
    // session that later gets the same id (livy/sessionidentity.h).
    return DraftStore::keyFor(server, QStringLiteral("%1@%2").arg(session.id).arg(Livy::sessionIdentity(session)));
}

void MainWindow::ensureEditor(SessionPage *page)
{
    const int id = page->sessionId();
    const Livy::Session session = page->session();
    QString key = m_draftKeys.value(id);
    if (m_confirmed.contains(id)) {
        // Known from the server's own answer for this session (never from a list entry, which may be stale): the
        // key follows what the server says this session is. A stale list entry (the session that had
        // this id before a server restart) may have opened the tab under another identity: switch drafts then.
        const QString expected = draftKeyFor(m_server.url, session);
        if (key != expected) {
            if (!key.isEmpty())
                m_editorDock->closeEditor(key);
            key = expected;
            m_draftKeys.insert(id, key);
        }
    }
    if (key.isEmpty())
        return; // not known yet (a tab restored at start): the editor opens once the server has answered
    EditorPanel *panel = m_editorDock->openEditor(key, page->title(), session.kind);
    if (m_boundEditors.value(id) != panel) {
        m_boundEditors.insert(id, panel);
        Q_EMIT editorOpened(id, panel); // the app binds it to the session's controller
    }
    if (currentSessionId() == id && m_editorDock->currentKey() != key)
        m_editorDock->setCurrentEditor(key);
}

SessionPage *MainWindow::showSession(int sessionId, QAbstractItemModel *statements, QAbstractItemModel *log)
{
    SessionPage *page = m_pages.value(sessionId);
    if (!page) {
        page = new SessionPage(sessionId, m_tabs);
        page->setCodeVisible(m_actions->showCode->isChecked());
        page->setOutputMaximised(isOutputMaximised());
        m_pages.insert(sessionId, page);
        m_logs.insert(sessionId, log);
        page->setStatementModel(statements);
        std::optional<Livy::Session> session = m_sessionModel ? m_sessionModel->session(sessionId) : std::nullopt;
        if (session)
            page->setSession(*session);
        connect(page, &SessionPage::linkActivated, this, &MainWindow::openUrl);
        Q_EMIT sessionPageOpened(sessionId, page);
        connect(page, &SessionPage::statusMessage, this, [this](const QString &message) {
            statusBar()->showMessage(message, 5000);
        });
        connect(page, &SessionPage::titleChanged, this, [this, page] {
            const int index = m_tabs->indexOf(page);
            if (index >= 0)
                m_tabs->setTabText(index, page->title());
            ensureEditor(page);
            if (currentSessionId() == page->sessionId())
                m_logDock->setModel(m_logs.value(page->sessionId()), page->title());
        });
        ensureEditor(page);
        const int index = m_tabs->addTab(page, page->title());
        m_tabs->setTabIcon(index, page->badge());
        connect(page, &SessionPage::badgeChanged, this, [this, page] {
            const int i = m_tabs->indexOf(page);
            if (i >= 0)
                m_tabs->setTabIcon(i, page->badge());
        });
    }
    m_centralStack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentWidget(page);
    onCurrentTabChanged();
    return page;
}

void MainWindow::closeSessionPage(int sessionId)
{
    SessionPage *page = m_pages.take(sessionId);
    if (!page)
        return;
    m_logs.remove(sessionId);
    m_confirmed.remove(sessionId);
    m_boundEditors.remove(sessionId);
    const QString key = m_draftKeys.take(sessionId);
    if (!key.isEmpty())
        m_editorDock->closeEditor(key);
    m_tabs->removeTab(m_tabs->indexOf(page));
    page->deleteLater();
    if (m_tabs->count() == 0) {
        m_centralStack->setCurrentIndex(0);
        onCurrentTabChanged();
    }
    saveWorkspace();
}

void MainWindow::updateSession(const Livy::Session &session)
{
    if (SessionPage *page = m_pages.value(session.id)) {
        page->setSession(session);
        m_confirmed.insert(session.id);
        ensureEditor(page);
    }
}

void MainWindow::setSessionStatus(int sessionId, const QString &text, bool problem)
{
    if (SessionPage *page = m_pages.value(sessionId))
        page->setStatusText(text, problem);
}

void MainWindow::setSessionFailure(int sessionId, const QStringList &lines)
{
    if (SessionPage *page = m_pages.value(sessionId))
        page->setFailureExplanation(lines);
}

void MainWindow::showError(const Livy::LivyError &error, const QString &context, bool prominent)
{
    m_status->showError(error, context);
    if (prominent)
        m_banner->showMessage(MessageBanner::Severity::Error,
                              context.isEmpty() ? error.message() : QStringLiteral("%1: %2").arg(context, error.message()),
                              MessageBanner::detailsFor(error));
}

QList<int> MainWindow::openSessionIds() const
{
    QList<int> ids;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *page = qobject_cast<SessionPage *>(m_tabs->widget(i)))
            ids.append(page->sessionId());
    return ids;
}

int MainWindow::currentSessionId() const
{
    auto *page = qobject_cast<SessionPage *>(m_tabs->currentWidget());
    return page && m_tabs->count() > 0 ? page->sessionId() : -1;
}

void MainWindow::onCurrentTabChanged()
{
    const int id = currentSessionId();
    SessionPage *page = m_pages.value(id);
    m_editorDock->setCurrentEditor(id >= 0 ? draftKey(id) : QString());
    m_logDock->setModel(m_logs.value(id), page ? page->title() : QString());
    if (id >= 0)
        m_sessionsDock->selectSession(id);
    updateActions();
    saveWorkspace();
    Q_EMIT currentSessionChanged(id);
}

void MainWindow::saveWorkspace()
{
    // Written at every change, not only on close: the tabs come back after a crash or a kill too.
    if (!m_closingAll)
        m_workspaceWrite->start();
}

void MainWindow::writeWorkspace()
{
    m_workspaceWrite->stop();
    if (!m_closingAll)
        WorkspaceStore::save(m_server.id, openSessionIds(), currentSessionId());
}

void MainWindow::updateActions()
{
    const bool open = currentSessionId() >= 0;
    const bool any = open || m_sessionsDock->currentSessionId() >= 0;
    m_actions->run->setEnabled(open);
    m_actions->runSelection->setEnabled(open);
    m_actions->cancelStatement->setEnabled(open);
    m_actions->closeSession->setEnabled(open);
    m_actions->copySessionId->setEnabled(open);
    m_actions->recreateSession->setEnabled(open);
    m_actions->deleteSession->setEnabled(any);
    // Creating needs a server that answers; the reason is in the status area and the session list.
    m_actions->newSession->setEnabled(m_serverBar->state() == ServerBar::State::Connected);
    m_actions->openFile->setEnabled(open);
    m_actions->saveFile->setEnabled(open);
    m_actions->saveFileAs->setEnabled(open);
    m_historyDock->setCanRerun(open, tr("Open a session to run this code in"));
}

void MainWindow::newSessionLike(const Livy::Session &session)
{
    newSession();
    m_createDialog->setRequest(Livy::CreateSessionRequest::like(session));
}

void MainWindow::newSession()
{
    if (m_createDialog) {
        m_createDialog->raise();
        m_createDialog->activateWindow();
        return;
    }
    m_createDialog = new CreateSessionDialog(this);
    m_createDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_createDialog->setServerVersion(m_serverBar->serverVersion());
    QStringList names;
    if (m_sessionModel)
        for (const Livy::Session &s : m_sessionModel->sessions())
            if (!s.name.isEmpty() && !Livy::isTerminal(s.state))
                names.append(s.name);
    m_createDialog->setExistingSessionNames(names);
    connect(m_createDialog, &CreateSessionDialog::createRequested, this, &MainWindow::createSessionRequested);
    m_createDialog->open(); // window-modal, no nested event loop
}

void MainWindow::sessionCreated(int sessionId)
{
    Q_UNUSED(sessionId)
    if (m_createDialog)
        m_createDialog->accept();
}

void MainWindow::sessionCreateFailed(const Livy::LivyError &error)
{
    if (m_createDialog)
        m_createDialog->showServerError(error);
    else
        showError(error, QStringLiteral("Creating a session"), true);
}

void MainWindow::setOutputMaximised(bool maximised)
{
    if (m_actions->maximiseOutput->isChecked() != maximised) {
        m_actions->maximiseOutput->setChecked(maximised); // comes back here through toggled()
        return;
    }
    if (maximised) {
        m_docksBeforeMaximise.clear();
        for (QDockWidget *dock : { static_cast<QDockWidget *>(m_sessionsDock), static_cast<QDockWidget *>(m_editorDock),
                                   static_cast<QDockWidget *>(m_logDock) }) {
            if (dock->isVisible()) {
                m_docksBeforeMaximise.append(dock);
                dock->hide();
            }
        }
    } else {
        for (QDockWidget *dock : std::as_const(m_docksBeforeMaximise))
            dock->show();
        m_docksBeforeMaximise.clear();
        m_editorDock->raise();
    }
    for (SessionPage *page : std::as_const(m_pages))
        page->setOutputMaximised(maximised);
}

bool MainWindow::isOutputMaximised() const
{
    return m_actions->maximiseOutput->isChecked();
}

void MainWindow::showNotice(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

QString MainWindow::noticeText() const
{
    return statusBar()->currentMessage();
}

void MainWindow::requestDelete(int sessionId)
{
    QString name;
    if (m_sessionModel)
        if (const auto session = m_sessionModel->session(sessionId))
            name = session->name;
    QMessageBox *box = Prompts::confirmDeleteSession(this, sessionId, name);
    connect(box, &QMessageBox::accepted, this, [this, sessionId] { Q_EMIT deleteSessionRequested(sessionId); });
    box->open();
}

void MainWindow::runCurrent()
{
    if (EditorPanel *panel = m_editorDock->currentEditor())
        panel->editor()->runAll();
    else
        m_banner->showMessage(MessageBanner::Severity::Information, QStringLiteral("Open a session to run code in it."));
}

void MainWindow::runSelectionCurrent()
{
    if (EditorPanel *panel = m_editorDock->currentEditor())
        panel->editor()->runSelection();
}

void MainWindow::cancelCurrent()
{
    SessionPage *page = m_pages.value(currentSessionId());
    if (!page)
        return;
    // The selected statement if it is still pending, else the one the session is running now (else the oldest
    // waiting one).
    int statement = page->selectedStatementId();
    if (!page->isPending(statement))
        statement = page->activeStatementId();
    if (statement < 0) {
        m_status->setActivity(m_status->activity(), QStringLiteral("Nothing to cancel: no statement is waiting or running"));
        return;
    }
    Q_EMIT cancelStatementRequested(page->sessionId(), statement);
}

void MainWindow::copy()
{
    QWidget *focus = QApplication::focusWidget();
    QString text;
    if (focus && m_sessionsDock->isAncestorOf(focus))
        text = m_sessionsDock->copyText();
    else if (focus && m_logDock->isAncestorOf(focus))
        text = m_logDock->copyText();
    else if (auto *page = m_pages.value(currentSessionId()); page && focus && page->isAncestorOf(focus))
        text = page->copyText();
    else if (auto *edit = qobject_cast<QPlainTextEdit *>(focus)) {
        edit->copy();
        return;
    }
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void MainWindow::openUrl(const QUrl &url)
{
    if (!url.isValid() || url.isEmpty())
        return;
    if (!m_urlOpener(url))
        m_banner->showMessage(MessageBanner::Severity::Warning,
                              QStringLiteral("Could not open %1 in the browser.").arg(url.toString()));
}

void MainWindow::showProfilesDialog()
{
    auto *dialog = new ServerProfilesDialog(m_profiles, m_server.id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ServerProfilesDialog::profilesAccepted, this, &MainWindow::profilesEdited);
    dialog->open();
}

void MainWindow::showAbout()
{
    Prompts::about(this)->open();
}

bool MainWindow::isActive() const
{
    return isVisible() && !isMinimized();
}

void MainWindow::updateActive()
{
    const bool active = isActive();
    if (active == m_active)
        return;
    m_active = active;
    if (!active)
        setActivity(StatusArea::Activity::Paused);
    Q_EMIT activeChanged(active);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange)
        updateActive();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    updateActive();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    updateActive();
}

EditorPanel *MainWindow::editorFor(int sessionId) const
{
    return m_boundEditors.value(sessionId);
}

void MainWindow::selectSession(int sessionId)
{
    if (SessionPage *page = m_pages.value(sessionId)) {
        m_tabs->setCurrentWidget(page);
        onCurrentTabChanged();
    }
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(SettingsKeys::windowGeometry()).toByteArray());
    restoreState(settings.value(SettingsKeys::windowState()).toByteArray());
    m_sessionsDock->restoreHeaderState(settings.value(SettingsKeys::sessionsHeader()).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(SettingsKeys::windowGeometry(), saveGeometry());
    settings.setValue(SettingsKeys::windowState(), saveState());
    settings.setValue(SettingsKeys::sessionsHeader(), m_sessionsDock->saveHeaderState());
    writeWorkspace();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Nothing is lost on close: drafts are saved, sessions keep running on the server, tabs come back next time.
    saveLayout();
    m_drafts->flush();
    event->accept();
}

} // namespace LivyDesk
