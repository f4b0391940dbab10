// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagedtablemodel.h"

#include "queryrunner.h"
#include "results/columntype.h"
#include "results/tablemodel.h"

#include <QTimer>

#include <limits>

namespace Livy {

namespace {

/// Wishes kept beyond the page being fetched: older ones are pages the user scrolled past.
constexpr int MaxWanted = 4;

} // namespace

PagedTableModel::PagedTableModel(QueryRunner *runner, QObject *parent)
    : QAbstractTableModel(parent)
    , m_runner(runner)
{
}

PagedTableModel::~PagedTableModel()
{
    cancelAll();
}

void PagedTableModel::setQuery(const PagedQuery &query)
{
    m_query = query;
    start();
}

void PagedTableModel::setFilter(const QString &condition)
{
    if (condition.trimmed() == m_query.filter.trimmed() && m_total >= 0)
        return;
    m_query.filter = condition.trimmed();
    start();
}

void PagedTableModel::start()
{
    cancelAll();
    beginResetModel();
    m_pages.clear();
    m_lru.clear();
    m_wanted.clear();
    m_columns.clear();
    m_total = -1;
    m_rows = 0;
    m_error.clear();
    m_errorDetails.clear();
    endResetModel();
    Q_EMIT totalRowsChanged(-1);
    if (!m_runner)
        return;
    want(0);
    pump(); // the first page goes first: the user sees rows before the count is known
    m_countTicket = m_runner->run(QStringLiteral("count"), m_query.countSql(), this, [this](const QueryReply &reply) {
        m_countTicket = 0;
        onCount(reply);
    });
    const bool loading = isLoading();
    if (loading != m_wasLoading) {
        m_wasLoading = loading;
        Q_EMIT loadingChanged(loading);
    }
}

void PagedTableModel::cancelAll()
{
    if (m_runner) {
        for (const int ticket : std::as_const(m_inFlight))
            m_runner->cancel(ticket);
        if (m_countTicket)
            m_runner->cancel(m_countTicket);
    }
    m_inFlight.clear();
    m_countTicket = 0;
}

void PagedTableModel::requestRow(int row)
{
    if (row >= 0 && !pageFor(row))
        want(row / m_pageSize);
}

void PagedTableModel::want(int page) const
{
    if (m_pages.contains(page) || m_inFlight.contains(page))
        return;
    m_wanted.removeAll(page);
    m_wanted.append(page);
    while (m_wanted.size() > MaxWanted)
        m_wanted.removeFirst();
    if (!m_pumpQueued) {
        m_pumpQueued = true;
        // data() is const and may be called while a view paints: fetch from the event loop.
        QTimer::singleShot(0, const_cast<PagedTableModel *>(this), [self = const_cast<PagedTableModel *>(this)] {
            self->m_pumpQueued = false;
            self->pump();
        });
    }
}

void PagedTableModel::pump()
{
    // One page at a time: the session runs statements one after another anyway, and the newest wish goes first.
    while (m_runner && m_inFlight.isEmpty() && !m_wanted.isEmpty()) {
        const int page = m_wanted.takeLast();
        if (m_pages.contains(page))
            continue;
        const qint64 offset = qint64(page) * m_pageSize;
        const int ticket = m_runner->run(QStringLiteral("page"), m_query.pageSql(offset, m_pageSize), this,
                                         [this, page](const QueryReply &reply) { onPage(page, reply); });
        m_inFlight.insert(page, ticket);
    }
    const bool loading = isLoading();
    if (loading != m_wasLoading) {
        m_wasLoading = loading;
        Q_EMIT loadingChanged(loading);
    }
}

void PagedTableModel::onPage(int page, const QueryReply &reply)
{
    m_inFlight.remove(page);
    if (!reply.ok()) {
        fail(reply);
        pump();
        return;
    }
    m_error.clear();
    m_errorDetails.clear();
    m_pages.insert(page, reply.table);
    touch(page);
    const int firstRow = page * m_pageSize;
    const int pageRows = reply.table->rowCount();
    if (m_columns.isEmpty() && reply.table->columnCount() > 0) {
        beginResetModel();
        m_columns = reply.table->columns();
        if (m_total < 0)
            m_rows = qMax(m_rows, firstRow + pageRows);
        endResetModel();
    } else if (m_total < 0 && firstRow + pageRows > m_rows) {
        beginInsertRows({}, m_rows, firstRow + pageRows - 1);
        m_rows = firstRow + pageRows;
        endInsertRows();
    } else if (pageRows > 0 && firstRow < m_rows && !m_columns.isEmpty()) {
        Q_EMIT dataChanged(index(firstRow, 0), index(qMin(m_rows, firstRow + pageRows) - 1, int(m_columns.size()) - 1));
    }
    // Drop the least recently used pages beyond the window (never the one just stored).
    while (m_lru.size() > m_maxPages) {
        const int old = m_lru.takeFirst();
        m_pages.remove(old);
    }
    Q_EMIT pageLoaded(page);
    pump();
}

void PagedTableModel::onCount(const QueryReply &reply)
{
    if (!reply.ok() || reply.table->rowCount() < 1) {
        fail(reply);
        pump();
        return;
    }
    const qint64 total = reply.table->value(0, 0).toLongLong();
    m_total = total;
    const int rows = int(qMin<qint64>(total, std::numeric_limits<int>::max()));
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        endRemoveRows();
    }
    Q_EMIT totalRowsChanged(total);
    pump();
}

void PagedTableModel::fail(const QueryReply &reply)
{
    if (reply.cancelled)
        return;
    m_error = reply.error.isEmpty() ? tr("The server sent no rows") : reply.error;
    m_errorDetails = reply.details;
    Q_EMIT errorOccurred(m_error, m_errorDetails);
}

void PagedTableModel::touch(int page)
{
    m_lru.removeAll(page);
    m_lru.append(page);
}

const TableResult *PagedTableModel::pageFor(int row) const
{
    const auto it = m_pages.constFind(row / m_pageSize);
    if (it == m_pages.constEnd())
        return nullptr;
    const int inPage = row % m_pageSize;
    return inPage < (*it)->rowCount() ? it->get() : nullptr;
}

QString PagedTableModel::cellText(int row, int column) const
{
    const TableResult *page = pageFor(row);
    if (!page || column < 0 || column >= page->columnCount())
        return {};
    return page->text(row % m_pageSize, column);
}

int PagedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PagedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PagedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const TableResult *page = pageFor(row);
    if (!page) {
        if (role == Qt::DisplayRole || role == LoadingRole)
            want(row / m_pageSize);
        if (role == LoadingRole)
            return true;
        if (role == Qt::DisplayRole)
            return QString();
        return {};
    }
    const int r = row % m_pageSize;
    if (column >= page->columnCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return TableModel::displayText(page->text(r, column));
    case Qt::ToolTipRole: {
        const QString text = page->text(r, column);
        return text.size() <= 40 && !text.contains(QLatin1Char('\n')) ? QVariant() : QVariant(text.left(4000));
    }
    case Qt::TextAlignmentRole:
        return isNumericType(m_columns.value(column).type) ? QVariant(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter))
                                                           : QVariant(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole:
        return page->value(r, column);
    case IsNullRole:
        return page->isNull(r, column);
    case FullTextRole:
        return page->text(r, column);
    case ColumnTypeRole:
        return int(m_columns.value(column).type);
    case JsonValueRole:
        return QVariant::fromValue(page->jsonValue(r, column));
    case LoadingRole:
        return false;
    default:
        return {};
    }
}

QVariant PagedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_rows)
            return section + 1; // the row's position on the server, in the current order
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    }
    if (section < 0 || section >= m_columns.size())
        return {};
    const TableColumn &column = m_columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return column.name;
    case Qt::ToolTipRole:
        return tr("%1 (%2): click to sort on the server").arg(column.name, column.typeName);
    case ColumnTypeRole:
        return int(column.type);
    default:
        return {};
    }
}

Qt::ItemFlags PagedTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

void PagedTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size())
        return;
    const QString name = m_columns.at(column).name;
    const bool descending = order == Qt::DescendingOrder;
    if (m_query.sortColumn == name && m_query.descending == descending)
        return;
    m_query.sortColumn = name;
    m_query.descending = descending;
    // Same rows, new order: keep the count and the columns, drop the pages.
    cancelAll();
    m_countTicket = 0;
    m_pages.clear();
    m_lru.clear();
    m_wanted.clear();
    if (m_total < 0 && m_runner) {
        m_countTicket = m_runner->run(QStringLiteral("count"), m_query.countSql(), this, [this](const QueryReply &reply) {
            m_countTicket = 0;
            onCount(reply);
        });
    }
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, int(m_columns.size()) - 1));
    want(0);
}

} // namespace Livy
