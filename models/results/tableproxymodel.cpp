// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableproxymodel.h"

namespace Livy {

TableProxyModel::TableProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TableProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_tableModel = qobject_cast<TableModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
    if (sourceModel) // a mask belongs to one result
        connect(sourceModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_mask.reset(); });
}

void TableProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText && !m_mask)
        return;
    m_filterText = trimmed;
    m_mask.reset();
    if (m_tableModel) {
        invalidateFilter();
    } else {
        setFilterKeyColumn(-1);
        setFilterCaseSensitivity(Qt::CaseInsensitive);
        setFilterFixedString(m_filterText);
    }
}

void TableProxyModel::setFilterMask(const QString &text, std::shared_ptr<const std::vector<bool>> mask)
{
    const TableResult *t = table();
    if (!t || !mask || mask->size() != size_t(t->rowCount())) {
        setFilterText(text); // not for this result: fall back to filtering here
        return;
    }
    m_filterText = text.trimmed();
    m_mask = std::move(mask);
    invalidateFilter();
}

QList<int> TableProxyModel::visibleSourceRows() const
{
    QList<int> rows;
    const int n = rowCount();
    rows.reserve(n);
    for (int r = 0; r < n; ++r)
        rows.append(mapToSource(index(r, 0)).row());
    return rows;
}

const TableResult *TableProxyModel::table() const
{
    return m_tableModel ? m_tableModel->result().get() : nullptr;
}

bool TableProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const TableResult *t = table();
    if (!t || left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    return t->compare(left.column(), left.row(), right.row()) < 0;
}

bool TableProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    const TableResult *t = table();
    if (!t || sourceParent.isValid())
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    if (m_mask && m_mask->size() == size_t(t->rowCount()))
        return (*m_mask)[size_t(sourceRow)];
    return t->rowContains(sourceRow, m_filterText);
}

} // namespace Livy
