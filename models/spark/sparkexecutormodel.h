// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "items/keyeddiff.h"
#include "sparktypes.h"

#include <QAbstractTableModel>

namespace Livy {

/// The driver and executors of a session's Spark application, one row each (SparkTracker keeps it current while
/// its view is shown). Rows are diffed by executor id, so a refresh keeps the selection.
class SparkExecutorModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, HostColumn, CoresColumn, MemoryColumn, ActiveColumn, FailedColumn, CompletedColumn,
                  GcTimeColumn, InputColumn, ShuffleReadColumn, ShuffleWriteColumn, ColumnCount };
    Q_ENUM(Column)
    enum Roles {
        SortRole = Qt::UserRole + 1, ///< the number behind a cell (bytes, ms, counts) for sorting
        MemoryFractionRole,          ///< double 0..1: storage memory used of its maximum
    };

    explicit SparkExecutorModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setExecutors(const QList<Livy::SparkExecutor> &executors);
    QList<SparkExecutor> executors() const { return m_rows; }

private:
    class Hooks;
    friend class Detail::TableDiffHooks<SparkExecutorModel, SparkExecutor>;
    void emitRowChanged(int row, const SparkExecutor &before, const SparkExecutor &after);
    QList<SparkExecutor> m_rows;
    QHash<QString, int> m_keys; ///< executor id -> a stable int key for the diff
};

} // namespace Livy
