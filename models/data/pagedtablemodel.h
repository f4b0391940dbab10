// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagedquery.h"
#include "queryrunner.h"
#include "results/tableresult.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include <memory>

namespace Livy {


/// A result that stays on the server, shown as a table of its true size: rowCount() is the server's count, but the
/// model holds only a window of pages (maxPages() × pageSize() rows), fetching a page when a view asks for one of
/// its rows and dropping the least recently used ones. Sorting (sort(), i.e. clicking a header) and filtering
/// (setFilter(), a Spark SQL condition) run on the server: the count and the pages are asked again.
///
/// Pages are Spark SQL statements through a QueryRunner (one at a time: a session runs statements one after
/// another, so asking for more only queues them). While a page is on its way its cells are empty and
/// LoadingRole is true; the newest wish is served first, and wishes for pages the user scrolled past are dropped.
/// Cells read like Livy::TableModel's (the same roles), so the same delegate and copy code serve both.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        // The first ones are Livy::TableModel's roles, in the same order.
        SortRole = Qt::UserRole + 1,
        IsNullRole,
        FullTextRole,
        ColumnTypeRole,
        JsonValueRole,
        LoadingRole = Qt::UserRole + 20, ///< bool: the cell's page is not here yet
    };
    Q_ENUM(Role)

    explicit PagedTableModel(QueryRunner *runner, QObject *parent = nullptr);
    ~PagedTableModel() override;

    /// Starts over with `query`: the first page and the count are asked for.
    void setQuery(const PagedQuery &query);
    PagedQuery query() const { return m_query; }
    /// Where the pages come from (the session the table lives in).
    QueryRunner *runner() const { return m_runner; }
    /// Applies a Spark SQL condition on the server (empty: every row); the count follows.
    void setFilter(const QString &condition);
    /// Rows per page (at most Livy's `livy.rsc.sql.num-rows`, 1,000 by default; 500 unless set). Set before setQuery().
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    /// Pages kept in memory (16 unless set).
    void setMaxPages(int pages) { m_maxPages = qMax(2, pages); }
    int maxPages() const { return m_maxPages; }

    /// The server's row count for the query, -1 until known.
    qint64 totalRows() const { return m_total; }
    QList<TableColumn> columns() const { return m_columns; }
    /// Pages in memory now (tests, the status line).
    QList<int> cachedPages() const { return m_lru; }
    bool isPageCached(int page) const { return m_pages.contains(page); }
    /// A page or the count is on its way.
    bool isLoading() const { return !m_inFlight.isEmpty() || m_countTicket != 0; }
    /// The last failure in one line, and its details (empty when the last request worked).
    QString errorText() const { return m_error; }
    QString errorDetails() const { return m_errorDetails; }

    /// Asks for the page holding `row` now (views do it by reading data()).
    void requestRow(int row);
    /// The cell's text as the server sent it (FullTextRole); empty while its page is away.
    QString cellText(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Orders by the column on the server and starts the pages again.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void totalRowsChanged(qint64 rows);
    /// A page arrived (its rows have been announced through dataChanged()).
    void pageLoaded(int page);
    void loadingChanged(bool loading);
    /// A page or the count failed: `message` is one line, `details` Spark's text.
    void errorOccurred(const QString &message, const QString &details);

private:
    void start();
    void want(int page) const;
    void pump();
    void onPage(int page, const QueryReply &reply);
    void onCount(const QueryReply &reply);
    void fail(const QueryReply &reply);
    void cancelAll();
    void touch(int page);
    const TableResult *pageFor(int row) const;

    QPointer<QueryRunner> m_runner;
    PagedQuery m_query;
    QList<TableColumn> m_columns;
    QHash<int, std::shared_ptr<const TableResult>> m_pages;
    QList<int> m_lru;           ///< cached pages, most recently used last
    mutable QList<int> m_wanted; ///< pages a view asked for, newest last
    mutable bool m_pumpQueued = false;
    QHash<int, int> m_inFlight; ///< page -> ticket
    int m_countTicket = 0;
    qint64 m_total = -1;
    int m_rows = 0;             ///< rowCount(): the count once known, else the first page's rows
    int m_pageSize = 500;
    int m_maxPages = 16;
    bool m_wasLoading = false;
    QString m_error;
    QString m_errorDetails;
};

} // namespace Livy
