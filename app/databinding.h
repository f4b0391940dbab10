// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/pagedquery.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Livy {
class CatalogModel;
class SessionController;
class SessionQueryRunner;
}

namespace LivyDesk {

class MainWindow;
class PagedTableView;
class SessionPage;

/// The data browser's composition (issue #19): for every open session, a SessionQueryRunner (LivyDesk's own SQL,
/// marked) and a CatalogModel shown in the Catalog dock while its tab is current (loaded when the dock is first
/// seen); previews and kept results as paged tables in the Data dock; exports streamed by Livy::PagedExport; and the
/// "Page through all rows on the server" of a table cut at Livy's row cap.
class DataBinding : public QObject
{
    Q_OBJECT
public:
    explicit DataBinding(MainWindow *window, QObject *parent = nullptr);

    /// Adds an open session (its runner and catalog are children of the controller).
    void watchSession(Livy::SessionController *controller);

    Livy::CatalogModel *catalogFor(int sessionId) const;
    Livy::SessionQueryRunner *runnerFor(int sessionId) const;

    /// Opens `relation` (a quoted name) of the session as a paged table in the Data dock.
    PagedTableView *openPaged(int sessionId, const QString &relation, const QString &title = {});
    /// Asks (PageOnServerDialog) what to keep for statement `statementId`, then keepAndPage().
    void pageOnServer(int sessionId, int statementId);
    /// "Query…": asks for any query, then keepAndPage().
    void askQuery(int sessionId);
    /// Keeps `query`'s result on the server as temporary view `view` (cached if asked), then opens it paged.
    void keepAndPage(int sessionId, const QString &query, const QString &view, bool cache);

Q_SIGNALS:
    /// A paged table was opened (after keepAndPage() once the view exists).
    void pagedOpened(LivyDesk::PagedTableView *view);
    /// keepAndPage() failed: Spark's one line.
    void keepFailed(const QString &error);

private:
    struct Session
    {
        QPointer<Livy::SessionController> controller;
        QPointer<Livy::SessionQueryRunner> runner;
        QPointer<Livy::CatalogModel> catalog;
    };

    Session sessionFor(int sessionId) const;
    void showCurrent();
    void bindPage(int sessionId, SessionPage *page);
    void insertIntoEditor(const QString &text);
    void startExport(PagedTableView *view, const QString &path, Livy::PagedQuery::ExportFormat format);
    void showDefinition(const QModelIndex &table);
    void runKeepStep(int sessionId, const QStringList &steps, const QString &view, int step);

    QPointer<MainWindow> m_window;
    QList<Session> m_sessions;
    int m_currentSession = -1;
};

} // namespace LivyDesk
