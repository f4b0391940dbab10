// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkexecutormodel.h"

#include "items/statementlistmodel.h"

#include <QLocale>

namespace Livy {

class SparkExecutorModel::Hooks : public Detail::TableDiffHooks<SparkExecutorModel, SparkExecutor>
{
public:
    using TableDiffHooks::TableDiffHooks;
    int key(const SparkExecutor &e) const override
    {
        auto it = m_model->m_keys.constFind(e.id);
        if (it != m_model->m_keys.cend())
            return *it;
        const int k = int(m_model->m_keys.size());
        m_model->m_keys.insert(e.id, k);
        return k;
    }
    bool differs(const SparkExecutor &a, const SparkExecutor &b) const override { return !(a == b); }
};

SparkExecutorModel::SparkExecutorModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int SparkExecutorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SparkExecutorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SparkExecutorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SparkExecutor &e = m_rows.at(index.row());
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn: return e.isActive ? e.id : tr("%1 (removed)").arg(e.id);
        case HostColumn: return e.hostPort;
        case CoresColumn: return e.totalCores;
        case MemoryColumn:
            return tr("%1 / %2").arg(locale.formattedDataSize(e.memoryUsed), locale.formattedDataSize(e.maxMemory));
        case ActiveColumn: return e.activeTasks;
        case FailedColumn: return e.failedTasks;
        case CompletedColumn: return e.completedTasks;
        case GcTimeColumn: return StatementListModel::formatDuration(e.totalGCTimeMs);
        case InputColumn: return locale.formattedDataSize(e.totalInputBytes);
        case ShuffleReadColumn: return locale.formattedDataSize(e.totalShuffleRead);
        case ShuffleWriteColumn: return locale.formattedDataSize(e.totalShuffleWrite);
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case IdColumn: return e.id == QLatin1String("driver") ? -1 : e.id.toInt();
        case HostColumn: return e.hostPort;
        case CoresColumn: return e.totalCores;
        case MemoryColumn: return e.memoryUsed;
        case ActiveColumn: return e.activeTasks;
        case FailedColumn: return e.failedTasks;
        case CompletedColumn: return e.completedTasks;
        case GcTimeColumn: return e.totalGCTimeMs;
        case InputColumn: return e.totalInputBytes;
        case ShuffleReadColumn: return e.totalShuffleRead;
        case ShuffleWriteColumn: return e.totalShuffleWrite;
        default: return {};
        }
    }
    if (role == MemoryFractionRole)
        return e.maxMemory > 0 ? double(e.memoryUsed) / double(e.maxMemory) : 0.0;
    if (role == Qt::TextAlignmentRole && index.column() != IdColumn && index.column() != HostColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == GcTimeColumn && e.totalDurationMs > 0) {
        return tr("%1 of %2 task time in garbage collection")
            .arg(StatementListModel::formatDuration(e.totalGCTimeMs), StatementListModel::formatDuration(e.totalDurationMs));
    }
    return {};
}

QVariant SparkExecutorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Executor");
    case HostColumn: return tr("Host");
    case CoresColumn: return tr("Cores");
    case MemoryColumn: return tr("Storage memory");
    case ActiveColumn: return tr("Active");
    case FailedColumn: return tr("Failed");
    case CompletedColumn: return tr("Completed");
    case GcTimeColumn: return tr("GC time");
    case InputColumn: return tr("Input");
    case ShuffleReadColumn: return tr("Shuffle read");
    case ShuffleWriteColumn: return tr("Shuffle write");
    default: return {};
    }
}

void SparkExecutorModel::setExecutors(const QList<SparkExecutor> &executors)
{
    Hooks hooks(this);
    Detail::applyKeyedDiff(m_rows, executors, hooks);
}

void SparkExecutorModel::emitRowChanged(int row, const SparkExecutor &, const SparkExecutor &)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace Livy
