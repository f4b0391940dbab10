// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "databinding.h"

#include "controllers/sessioncontroller.h"
#include "data/catalogdock.h"
#include "data/catalogmodel.h"
#include "data/datadock.h"
#include "data/definitiondialog.h"
#include "data/internalstatement.h"
#include "data/pagedexport.h"
#include "data/pagedtablemodel.h"
#include "data/pagedtableview.h"
#include "data/pageonserverdialog.h"
#include "data/sessionqueryrunner.h"
#include "data/sqltext.h"
#include "editor/codeeditor.h"
#include "editor/editorpanel.h"
#include "items/statementlistmodel.h"
#include "mainwindow.h"
#include "panels/sessionpage.h"

#include <QDateTime>
#include <QMessageBox>
#include <QTreeView>

namespace LivyDesk {

using Livy::CatalogModel;
using Livy::SessionController;

DataBinding::DataBinding(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    CatalogDock *dock = window->catalogDock();
    connect(window, &MainWindow::currentSessionChanged, this, [this](int id) {
        m_currentSession = id;
        showCurrent();
    });
    connect(window, &MainWindow::sessionPageOpened, this, &DataBinding::bindPage);
    connect(dock, &CatalogDock::visibilityChangedTo, this, [this](bool visible) {
        if (visible)
            showCurrent();
    });
    connect(dock, &CatalogDock::refreshRequested, this, [this](const QModelIndex &index) {
        if (CatalogModel *catalog = catalogFor(m_currentSession)) {
            if (index.isValid())
                catalog->refresh(index);
            else
                catalog->refresh();
        }
    });
    connect(dock, &CatalogDock::previewRequested, this, [this](const QModelIndex &table) {
        const QString db = table.data(CatalogModel::IsTemporaryRole).toBool() ? QString() : table.data(CatalogModel::DatabaseRole).toString();
        const QString name = table.data(CatalogModel::NameRole).toString();
        openPaged(m_currentSession, table.data(CatalogModel::QualifiedNameRole).toString(),
                  db.isEmpty() ? name : db + QLatin1Char('.') + name);
    });
    connect(dock, &CatalogDock::insertRequested, this, &DataBinding::insertIntoEditor);
    connect(dock, &CatalogDock::snippetRequested, this, [this](const QModelIndex &table) {
        const Session s = sessionFor(m_currentSession);
        EditorPanel *panel = m_window ? m_window->editorFor(m_currentSession) : nullptr;
        const QString language = panel ? panel->statementKind() : (s.runner ? s.runner->sessionKind() : QString());
        insertIntoEditor(Livy::selectSnippet(table.data(CatalogModel::QualifiedNameRole).toString(), language));
    });
    connect(dock, &CatalogDock::definitionRequested, this, &DataBinding::showDefinition);
    connect(dock, &CatalogDock::queryRequested, this, [this] { askQuery(m_currentSession); });
    connect(window->dataDock(), &DataDock::tableClosed, this, [](PagedTableView *view) {
        if (view->model())
            view->model()->setParent(view); // goes with the view; its queries are cancelled by its destructor
    });
}

void DataBinding::watchSession(SessionController *controller)
{
    Session s;
    s.controller = controller;
    s.runner = new Livy::SessionQueryRunner(controller, controller);
    s.catalog = new CatalogModel(s.runner, controller);
    connect(s.catalog, &CatalogModel::levelLoaded, this, [this, catalog = s.catalog](const QModelIndex &parent, const QString &error) {
        if (!m_window || m_window->catalogDock()->catalog() != catalog)
            return;
        if (!parent.isValid())
            m_window->catalogDock()->setStatusText(error.isEmpty() ? QString() : tr("Could not list the databases: %1").arg(error));
    });
    m_sessions.append(s);
    connect(controller, &QObject::destroyed, this, [this] {
        m_sessions.removeIf([](const Session &session) { return !session.controller; });
        showCurrent();
    });
    connect(controller, &SessionController::attached, this, [this] { showCurrent(); });
    if (m_window) {
        if (SessionPage *page = m_window->sessionPage(controller->sessionId()))
            bindPage(controller->sessionId(), page);
    }
    showCurrent();
}

DataBinding::Session DataBinding::sessionFor(int sessionId) const
{
    for (const Session &s : m_sessions) {
        if (s.controller && (s.controller->sessionId() == sessionId || s.controller->ref().id() == sessionId))
            return s;
    }
    return {};
}

CatalogModel *DataBinding::catalogFor(int sessionId) const
{
    return sessionFor(sessionId).catalog;
}

Livy::SessionQueryRunner *DataBinding::runnerFor(int sessionId) const
{
    return sessionFor(sessionId).runner;
}

void DataBinding::showCurrent()
{
    if (!m_window)
        return;
    const Session s = sessionFor(m_currentSession);
    CatalogDock *dock = m_window->catalogDock();
    SessionPage *page = m_window->sessionPage(m_currentSession);
    dock->setCatalog(s.catalog, page ? page->title() : QString());
    // Load on first sight: a hidden dock never runs statements in the user's session.
    if (s.catalog && dock->isVisible() && !s.catalog->isStarted()) {
        s.catalog->refresh();
        dock->setStatusText(tr("Loading the databases (a statement in this session)…"));
    }
}

void DataBinding::bindPage(int sessionId, SessionPage *page)
{
    if (page->property("livydesk.dataBound").toBool())
        return;
    page->setProperty("livydesk.dataBound", true);
    connect(page, &SessionPage::pageOnServerRequested, this, [this, sessionId](int statementId) { pageOnServer(sessionId, statementId); });
}

void DataBinding::insertIntoEditor(const QString &text)
{
    EditorPanel *panel = m_window ? m_window->editorFor(m_currentSession) : nullptr;
    if (!panel) {
        if (m_window)
            m_window->showNotice(tr("Open the session's editor to insert %1").arg(text));
        return;
    }
    panel->editor()->insertPlainText(text);
    panel->editor()->setFocus(Qt::OtherFocusReason);
}

PagedTableView *DataBinding::openPaged(int sessionId, const QString &relation, const QString &title)
{
    const Session s = sessionFor(sessionId);
    if (!s.runner || !m_window || relation.isEmpty())
        return nullptr;
    auto *model = new Livy::PagedTableModel(s.runner);
    Livy::PagedQuery query;
    query.relation = relation;
    auto *view = new PagedTableView(model, title.isEmpty() ? relation : title);
    model->setParent(view);
    connect(view, &PagedTableView::exportRequested, this, [this, view](const QString &path, Livy::PagedQuery::ExportFormat format) {
        startExport(view, path, format);
    });
    connect(view, &PagedTableView::statusMessage, m_window, &MainWindow::showNotice);
    m_window->dataDock()->addTable(view);
    model->setQuery(query);
    m_window->showNotice(tr("Counting the rows of %1 on the server…").arg(relation));
    Q_EMIT pagedOpened(view);
    return view;
}

void DataBinding::startExport(PagedTableView *view, const QString &path, Livy::PagedQuery::ExportFormat format)
{
    Livy::PagedTableModel *model = view->model();
    if (!model)
        return;
    // The table's own session (the current tab may be another one).
    auto *exporter = new Livy::PagedExport(model->runner(), view);
    connect(exporter, &Livy::PagedExport::progress, view, [view, exporter](qint64 rows, qint64 total, qint64 bytes) {
        view->setExportProgress(rows, total, bytes, exporter->rowsPerSecond());
    });
    connect(exporter, &Livy::PagedExport::finished, view, [view, exporter](Livy::PagedExport::State state) {
        view->setExportFinished(exporter->summary(), state == Livy::PagedExport::State::Finished);
        exporter->deleteLater();
    });
    connect(view, &PagedTableView::exportCancelRequested, exporter, &Livy::PagedExport::cancel);
    if (!exporter->start(model->query(), model->columns(), format, path, model->totalRows())) {
        view->setExportFinished(exporter->errorText(), false);
        exporter->deleteLater();
    }
}

void DataBinding::showDefinition(const QModelIndex &table)
{
    CatalogModel *catalog = catalogFor(m_currentSession);
    if (!catalog || !m_window)
        return;
    const QString name = table.data(CatalogModel::QualifiedNameRole).toString();
    m_window->showNotice(tr("Asking Spark for the definition of %1…").arg(name));
    catalog->fetchDdl(table, this, [this, name](const QString &ddl, const QString &error) {
        if (!m_window)
            return;
        auto *dialog = new DefinitionDialog(name, ddl, error, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
}

void DataBinding::pageOnServer(int sessionId, int statementId)
{
    const Session s = sessionFor(sessionId);
    if (!s.controller || !m_window)
        return;
    const std::optional<Livy::Statement> statement = s.controller->statements()->statement(statementId);
    const QString code = statement ? Livy::withoutInternalMark(statement->code) : QString();
    PageOnServerDialog dialog(m_window);
    dialog.setQuery(Livy::looksLikeQuery(code) ? code : QString());
    dialog.setViewName(QStringLiteral("livydesk_result_%1").arg(statementId));
    dialog.setIntro(tr("Livy sent the first rows of statement %1 only. Run its query once more on the server and keep the "
                       "result there as a temporary view: LivyDesk then pages through every row, sorts and filters on "
                       "the server, and exports all of it.").arg(statementId));
    if (dialog.exec() == QDialog::Accepted)
        keepAndPage(sessionId, dialog.query(), dialog.viewName(), dialog.cache());
}

void DataBinding::askQuery(int sessionId)
{
    if (!sessionFor(sessionId).runner || !m_window)
        return;
    PageOnServerDialog dialog(m_window);
    dialog.setViewName(QStringLiteral("livydesk_query_%1").arg(QDateTime::currentSecsSinceEpoch() % 100000));
    if (dialog.exec() == QDialog::Accepted)
        keepAndPage(sessionId, dialog.query(), dialog.viewName(), dialog.cache());
}

void DataBinding::keepAndPage(int sessionId, const QString &query, const QString &view, bool cache)
{
    const Session s = sessionFor(sessionId);
    if (!s.runner)
        return;
    const QStringList steps = Livy::keepOnServerSql(query, view, cache);
    if (m_window)
        m_window->showNotice(cache ? tr("Running the query and caching its result as %1 on the server…").arg(view)
                                   : tr("Keeping the query's result as %1 on the server…").arg(view));
    runKeepStep(sessionId, steps, view, 0);
}

void DataBinding::runKeepStep(int sessionId, const QStringList &steps, const QString &view, int step)
{
    // The steps run one after another; the paged table opens once the view exists.
    if (step >= steps.size()) {
        openPaged(sessionId, Livy::quoteIdentifier(view), view);
        if (CatalogModel *catalog = catalogFor(sessionId); catalog && catalog->isStarted())
            catalog->refresh(catalog->find({}, CatalogModel::NodeType::TemporaryViews, tr("Temporary views")));
        return;
    }
    Livy::SessionQueryRunner *runner = runnerFor(sessionId);
    if (!runner)
        return;
    runner->run(QStringLiteral("keep"), steps.at(step), this, [this, sessionId, steps, view, step](const Livy::QueryReply &reply) {
        if (reply.ok()) {
            runKeepStep(sessionId, steps, view, step + 1);
            return;
        }
        Q_EMIT keepFailed(reply.error);
        if (m_window && !reply.cancelled) {
            QMessageBox box(QMessageBox::Warning, tr("Page Through a Result"),
                            tr("The result could not be kept on the server: %1").arg(reply.error), QMessageBox::Close, m_window);
            box.setDetailedText(reply.details);
            box.exec();
        }
    });
}

} // namespace LivyDesk
