// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sparktypes.h"

#include <QAbstractItemModel>
#include <QUrl>

namespace Livy {

/// One statement's Spark breakdown as a tree: its jobs (newest first), under each job its stages, under a stage with failed
/// tasks the failures with Spark's error. Fed with whole breakdowns (setBreakdown()); an update with the same jobs,
/// stages and failures only reports changed cells, so a view keeps its expanded rows and selection.
class SparkStageModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, TasksColumn, InputColumn, OutputColumn, ShuffleReadColumn,
                  ShuffleWriteColumn, DurationColumn, ColumnCount };
    Q_ENUM(Column)
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< int(RowKind)
        ProgressRole,                ///< double 0..1: completed tasks of the total
        FailedRole,                  ///< bool: the job or stage failed, or has failed tasks; a failure row
        StatusRole,                  ///< QString as Spark sent it (RUNNING, ACTIVE, COMPLETE, …)
        PageUrlRole,                 ///< QUrl of the row's page in the Spark UI (empty without a UI address)
        JobIdRole,
        StageIdRole,
        AttemptRole,
    };
    enum class RowKind { Job, Stage, Failure };
    Q_ENUM(RowKind)

    explicit SparkStageModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setBreakdown(const Livy::SparkBreakdown &breakdown);
    const SparkBreakdown &breakdown() const { return m_breakdown; }
    void clear();
    /// The Spark UI's address, for PageUrlRole.
    void setUiUrl(const QUrl &url);

    /// "812/1,600 (4 running, 2 failed)".
    static QString taskText(int completed, int total, int active, int failed);

private:
    struct JobNode
    {
        SparkJob job;
        QList<SparkStage> stages;
    };
    static QList<JobNode> nodesOf(const SparkBreakdown &breakdown);
    static bool sameShape(const QList<JobNode> &a, const QList<JobNode> &b);
    QVariant jobData(const JobNode &node, int column, int role) const;
    QVariant stageData(const SparkStage &stage, int column, int role) const;
    QVariant failureData(const SparkTaskFailure &failure, int column, int role) const;

    SparkBreakdown m_breakdown;
    QList<JobNode> m_nodes;
    QUrl m_uiUrl;
};

/// `base` + a Spark UI page path ("jobs/job/" with ?id=N, …).
QUrl sparkUiPage(const QUrl &base, const QString &page, const QList<std::pair<QString, QString>> &query = {});

} // namespace Livy
