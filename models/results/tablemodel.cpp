// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablemodel.h"

namespace Livy {

QString TableModel::displayText(QString text)
{
    if (text.size() > TableModel::MaxDisplayLength) {
        text.truncate(TableModel::MaxDisplayLength);
        text.append(QChar(0x2026)); // …
    }
    // One line per cell: show line breaks as a visible mark instead of growing the row.
    if (text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1String("\r\n"), QStringLiteral("\u21b5"));
        text.replace(QLatin1Char('\n'), QChar(0x21b5));
        text.replace(QLatin1Char('\r'), QChar(0x21b5));
    }
    return text;
}

TableModel::TableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TableModel::setResult(std::shared_ptr<const TableResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

void TableModel::clear()
{
    setResult(nullptr);
}

int TableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_result ? 0 : m_result->rowCount();
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_result ? 0 : m_result->columnCount();
}

QVariant TableModel::data(const QModelIndex &index, int role) const
{
    if (!m_result || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(m_result->text(row, column));
    case Qt::ToolTipRole: {
        QString text = m_result->text(row, column);
        if (text.size() <= 40 && !text.contains(QLatin1Char('\n')))
            return {}; // the cell shows it all
        if (text.size() > 4000)
            text = text.left(4000) + QChar(0x2026);
        return text;
    }
    case Qt::TextAlignmentRole:
        return isNumericType(m_result->column(column).type)
                   ? QVariant(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole:
        return m_result->value(row, column);
    case IsNullRole:
        return m_result->isNull(row, column);
    case FullTextRole:
        return m_result->text(row, column);
    case ColumnTypeRole:
        return int(m_result->column(column).type);
    case JsonValueRole:
        return QVariant::fromValue(m_result->jsonValue(row, column));
    default:
        return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_result)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_result->rowCount())
            return {};
        if (role == Qt::DisplayRole)
            return section + 1; // the row as the server sent it, also after sorting
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    }
    if (section < 0 || section >= m_result->columnCount())
        return {};
    const TableColumn &column = m_result->column(section);
    switch (role) {
    case Qt::DisplayRole:
        return column.name;
    case Qt::ToolTipRole:
        return column.typeName.isEmpty() || column.typeName == columnTypeName(column.type)
                   ? QStringLiteral("%1 (%2)").arg(column.name, columnTypeName(column.type))
                   : QStringLiteral("%1 (%2: %3)").arg(column.name, columnTypeName(column.type), column.typeName);
    case ColumnTypeRole:
        return int(column.type);
    default:
        return {};
    }
}

Qt::ItemFlags TableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> TableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(IsNullRole, "isNull");
    names.insert(FullTextRole, "fullText");
    names.insert(ColumnTypeRole, "columnType");
    names.insert(JsonValueRole, "jsonValue");
    return names;
}

} // namespace Livy
