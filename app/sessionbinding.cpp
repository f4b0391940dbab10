// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionbinding.h"

#include "spark/sparkexecutormodel.h"
#include "spark/sparkstagemodel.h"
#include "spark/sparktracker.h"

#include "editor/codeeditor.h"
#include "editor/editorpanel.h"
#include "items/logmodel.h"
#include "items/statementlistmodel.h"
#include "mainwindow.h"
#include "panels/sessionpage.h"
#include "prompts.h"

#include <QMessageBox>

namespace LivyDesk {

using Livy::SessionController;

SessionBinding::SessionBinding(SessionController *controller, MainWindow *window)
    : QObject(controller)
    , m_controller(controller)
    , m_window(window)
    , m_refId(controller->ref().isId() ? controller->ref().id() : -1)
{
    connect(window, &MainWindow::sessionPageOpened, this, [this](int id, SessionPage *page) {
        if (id == sessionId())
            bindPage(page);
    });
    connect(window, &MainWindow::editorOpened, this, [this](int id, EditorPanel *panel) {
        if (id == sessionId())
            bindEditor(panel);
    });
    wireController();
    bindExistingViews();
}

int SessionBinding::sessionId() const
{
    return m_controller->sessionId() >= 0 ? m_controller->sessionId() : m_refId;
}

QString SessionBinding::statusText(SessionController::Status status, const Livy::Session &session)
{
    switch (status) {
    case SessionController::Status::Detached: return tr("Not following this session.");
    case SessionController::Status::Attaching: return tr("Loading the session and its history…");
    case SessionController::Status::Starting:
        return tr("The session is starting; code can run once it is idle (statements sent now wait for it).");
    case SessionController::Status::Ready: return {};
    case SessionController::Status::Ended:
        if (session.state == Livy::SessionState::Dead)
            // Livy's session log keeps the driver's last lines, but a driver killed from outside (or by the system
            // for memory) writes no reason there: only the server's own log has its exit code.
            return tr("The session has ended (dead): its Spark driver stopped. The Log tab shows the driver's last "
                      "lines; a driver killed from outside leaves no reason there. Its statements stay visible here "
                      "and in the history; Recreate… starts a new one with the same settings.");
        return tr("The session has ended (%1). Its statements stay visible here and in the history.")
            .arg(session.stateName.isEmpty() ? Livy::sessionStateToString(session.state) : session.stateName);
    case SessionController::Status::Gone:
        return tr("The server no longer has this session (it ended, expired, was deleted, or the server restarted "
                  "without it). Its statements stay visible here and in the history; Recreate… starts a new one "
                  "with the same settings.");
    }
    return {};
}

void SessionBinding::run(const QString &code, const QString &kind)
{
    const std::optional<QString> k = kind.isEmpty() ? std::nullopt : std::optional<QString>(kind);
    // The same code again while the first run is still unanswered (a slow server, a double Ctrl+Enter): ask.
    if (m_window && m_controller->statements()->localCodes().contains(code)) {
        QMessageBox *box = Prompts::confirmRunAgain(m_window);
        connect(box, &QMessageBox::accepted, this, [this, code, k] { m_controller->submit(code, k); });
        box->open();
        return;
    }
    // The controller runs it once: at once if the session is ready, else queued (visible in the list) until it is.
    m_controller->submit(code, k);
}

void SessionBinding::bindExistingViews()
{
    if (!m_window || sessionId() < 0)
        return;
    if (SessionPage *page = m_window->sessionPage(sessionId()))
        bindPage(page);
    if (EditorPanel *panel = m_window->editorFor(sessionId()))
        bindEditor(panel);
}

void SessionBinding::bindPage(SessionPage *page)
{
    if (!page || page == m_page)
        return;
    if (m_page)
        m_page->disconnect(this);
    m_page = page;
    // "Show df as a table" and other runs the output offers.
    connect(page, &SessionPage::runRequested, this, &SessionBinding::run);
    bindSpark();
}

void SessionBinding::setSparkTracker(Livy::SparkTracker *tracker)
{
    if (m_tracker == tracker)
        return;
    if (m_tracker)
        m_tracker->disconnect(this);
    m_tracker = tracker;
    if (!tracker)
        return;
    if (!m_stages)
        m_stages = new Livy::SparkStageModel(this);
    connect(tracker, &Livy::SparkTracker::breakdownChanged, this, [this](int id) {
        if (m_page && id == m_page->selectedStatementId())
            showSpark();
    });
    connect(tracker, &Livy::SparkTracker::reachChanged, this, &SessionBinding::showSpark);
    connect(tracker, &Livy::SparkTracker::executorsChanged, this, &SessionBinding::showExecutors);
    bindSpark();
}

void SessionBinding::bindSpark()
{
    if (!m_page || !m_tracker)
        return;
    m_page->setSparkModel(m_stages);
    m_page->setExecutorsModel(m_tracker->executors());
    connect(m_page, &SessionPage::selectedStatementChanged, this, &SessionBinding::showSpark, Qt::UniqueConnection);
    // The executors are only asked for while their tab is shown.
    connect(m_page, &SessionPage::executorsShown, m_tracker, &Livy::SparkTracker::setExecutorsWanted,
            Qt::UniqueConnection);
    connect(m_page, &SessionPage::executorsRefreshRequested, m_tracker, &Livy::SparkTracker::refreshExecutors,
            Qt::UniqueConnection);
    if (m_page->isExecutorsTabShown())
        m_tracker->setExecutorsWanted(true);
    // The selected statement starting or ending changes what is said when the UI cannot be reached.
    connect(m_controller->statements(), &QAbstractItemModel::dataChanged, this, &SessionBinding::showSpark,
            Qt::UniqueConnection);
    showSpark();
    showExecutors();
}

void SessionBinding::showSpark()
{
    if (!m_page || !m_tracker)
        return;
    const int id = m_page->selectedStatementId();
    m_stages->setUiUrl(m_tracker->uiUrl());
    m_page->setSparkUiUrl(m_tracker->reach() == Livy::SparkTracker::Reach::Reachable ? m_tracker->uiUrl() : QUrl());
    if (id >= 0 && m_tracker->hasBreakdown(id)) {
        const Livy::SparkBreakdown b = m_tracker->breakdown(id);
        // The tree while it runs; once it has finished its output needs the room (the arrow brings the tree back).
        if (id != m_sparkShownId || b.final != m_sparkShownFinal)
            m_page->setSparkExpanded(!b.final);
        m_sparkShownId = id;
        m_sparkShownFinal = b.final;
        m_stages->setBreakdown(b);
        m_page->setSparkHeader(b.summary(b.final ? b.fetchedAt : QDateTime::currentDateTimeUtc()), m_tracker->uiUrl());
        return;
    }
    m_stages->clear();
    // Why there is nothing, said once and quietly, for the statement that runs now; Livy's progress stays.
    if (id >= 0 && m_page->isPending(id) && m_tracker->reach() == Livy::SparkTracker::Reach::Unavailable)
        m_page->setSparkUnavailable(m_tracker->reason(), m_tracker->details());
    else
        m_page->clearSpark();
}

void SessionBinding::showExecutors()
{
    if (!m_page || !m_tracker)
        return;
    m_page->setExecutorsStatus(m_tracker->executorsStatus(), m_tracker->executorsPageUrl());
}

void SessionBinding::bindEditor(EditorPanel *panel)
{
    if (!panel || panel == m_editor)
        return;
    if (m_editor)
        m_editor->disconnect(this);
    m_editor = panel;
    connect(panel, &EditorPanel::runRequested, this, &SessionBinding::run);
    connect(panel, &EditorPanel::completionRequested, this, [this](const QString &code, int cursor, const QString &kind) {
        m_completionTicket = m_controller->requestCompletion(code, cursor, kind);
    });
}

void SessionBinding::wireController()
{
    SessionController *c = m_controller;
    connect(c, &SessionController::statusChanged, this, [this, c](SessionController::Status status) {
        if (!m_window)
            return;
        // Gone says what it means and that nothing is lost (the error that revealed it is in the status bar); an
        // earlier error such as "connection refused" is never left standing beside it.
        const bool problem = status == SessionController::Status::Gone;
        m_window->setSessionStatus(sessionId(), statusText(status, c->session()), problem);
        if (SessionPage *page = m_window->sessionPage(sessionId()))
            page->setGone(problem);
    });
    connect(c, &SessionController::attached, this, [this, c](const Livy::Session &session) {
        if (!m_window)
            return;
        // Opened by name (command line): the tab appears once the id is known.
        if (!m_window->sessionPage(session.id))
            m_window->showSession(session.id, c->statements(), c->log());
        bindExistingViews();
    });
    connect(c, &SessionController::attachFailed, this, [this](const Livy::LivyError &error) {
        if (!m_window)
            return;
        m_window->setSessionStatus(sessionId(), error.message(), true);
        // Asked for explicitly (a tab, --session, Open Session): say it where the user looks.
        m_window->showError(error, QString(), true);
    });
    connect(c, &SessionController::attachRetrying, this,
            [this](const Livy::LivyError &error, std::chrono::milliseconds, const QString &message) {
                if (!m_window)
                    return;
                m_window->setSessionStatus(sessionId(), message, true);
                m_window->showError(error, QString());
            });
    connect(c, &SessionController::submitFailed, this, [this](int, const Livy::LivyError &error) {
        if (m_window)
            m_window->showError(error, tr("Running code in session %1").arg(sessionId()), true);
    });
    connect(c, &SessionController::cancelFailed, this, [this](int statementId, const Livy::LivyError &error) {
        if (m_window)
            m_window->showError(error, tr("Cancelling statement %1 of session %2").arg(statementId).arg(sessionId()), true);
    });
    connect(c, &SessionController::completionsReady, this, [this](int ticket, const QStringList &candidates) {
        if (ticket == m_completionTicket && m_editor)
            m_editor->editor()->showCompletions(candidates);
    });
    connect(c, &SessionController::completionFailed, this, [this](int, const Livy::LivyError &error) {
        // Quietly: completion is a convenience; the status area keeps the reason.
        if (m_window)
            m_window->showError(error, tr("Completion in session %1").arg(sessionId()));
    });
    connect(c, &SessionController::errorOccurred, this, [this](const Livy::LivyError &error) {
        if (m_window)
            m_window->showError(error, tr("Session %1").arg(sessionId()));
    });
    connect(c, &SessionController::sessionChanged, this, [this](const Livy::Session &session) {
        if (m_window)
            m_window->updateSession(session);
    });
    connect(c, &SessionController::failureExplained, this, [this](const QStringList &lines) {
        if (m_window)
            m_window->setSessionFailure(sessionId(), lines);
    });
}

} // namespace LivyDesk
