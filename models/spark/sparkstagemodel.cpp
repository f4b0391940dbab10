// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkstagemodel.h"

#include "items/statementlistmodel.h"

#include <QLocale>
#include <QUrlQuery>

namespace Livy {

namespace {

// internalId: 0 for a job row; for a stage row, its job's row + 1; for a failure row, bit 62 set, job row in bits
// 20..61 and stage row in bits 0..19.
constexpr quintptr FailureBit = quintptr(1) << 62;

quintptr stageParentId(int jobRow)
{
    return quintptr(jobRow) + 1;
}

quintptr failureParentId(int jobRow, int stageRow)
{
    return FailureBit | (quintptr(jobRow) << 20) | quintptr(stageRow);
}

QString bytes(qint64 n)
{
    return n > 0 ? QLocale().formattedDataSize(n) : QString();
}

} // namespace

QUrl sparkUiPage(const QUrl &base, const QString &page, const QList<std::pair<QString, QString>> &query)
{
    if (base.isEmpty())
        return {};
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + page);
    QUrlQuery q;
    for (const auto &[k, v] : query)
        q.addQueryItem(k, v);
    url.setQuery(q);
    return url;
}

SparkStageModel::SparkStageModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

QList<SparkStageModel::JobNode> SparkStageModel::nodesOf(const SparkBreakdown &breakdown)
{
    // Newest job first (as the Spark UI lists them): the one running now is on top, in view.
    QList<JobNode> nodes;
    for (auto it = breakdown.jobs.crbegin(); it != breakdown.jobs.crend(); ++it)
        nodes.append({ *it, breakdown.stagesOf(*it) });
    return nodes;
}

bool SparkStageModel::sameShape(const QList<JobNode> &a, const QList<JobNode> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].job.jobId != b[i].job.jobId || a[i].stages.size() != b[i].stages.size())
            return false;
        for (qsizetype s = 0; s < a[i].stages.size(); ++s) {
            if (a[i].stages[s].stageId != b[i].stages[s].stageId
                || a[i].stages[s].failures.size() != b[i].stages[s].failures.size())
                return false;
        }
    }
    return true;
}

void SparkStageModel::setBreakdown(const SparkBreakdown &breakdown)
{
    QList<JobNode> next = nodesOf(breakdown);
    if (sameShape(m_nodes, next)) {
        const bool changed = !(m_breakdown == breakdown);
        m_breakdown = breakdown;
        m_nodes = std::move(next);
        if (!changed || m_nodes.isEmpty())
            return;
        // Same rows: report the cells of every row (a few dozen at most).
        for (int j = 0; j < m_nodes.size(); ++j) {
            Q_EMIT dataChanged(index(j, 0), index(j, ColumnCount - 1));
            const QModelIndex job = index(j, 0);
            if (!m_nodes[j].stages.isEmpty())
                Q_EMIT dataChanged(index(0, 0, job), index(int(m_nodes[j].stages.size()) - 1, ColumnCount - 1, job));
        }
        return;
    }
    beginResetModel();
    m_breakdown = breakdown;
    m_nodes = std::move(next);
    endResetModel();
}

void SparkStageModel::clear()
{
    setBreakdown({});
}

void SparkStageModel::setUiUrl(const QUrl &url)
{
    if (m_uiUrl == url)
        return;
    m_uiUrl = url;
    if (!m_nodes.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_nodes.size()) - 1, ColumnCount - 1), { PageUrlRole });
}

QModelIndex SparkStageModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_nodes.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() == 0) { // a job: its stages
        const int jobRow = parent.row();
        if (jobRow >= m_nodes.size() || row >= m_nodes[jobRow].stages.size())
            return {};
        return createIndex(row, column, stageParentId(jobRow));
    }
    if (!(parent.internalId() & FailureBit)) { // a stage: its failures
        const int jobRow = int(parent.internalId() - 1);
        const int stageRow = parent.row();
        if (jobRow >= m_nodes.size() || stageRow >= m_nodes[jobRow].stages.size()
            || row >= m_nodes[jobRow].stages[stageRow].failures.size())
            return {};
        return createIndex(row, column, failureParentId(jobRow, stageRow));
    }
    return {};
}

QModelIndex SparkStageModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const quintptr id = child.internalId();
    if (id & FailureBit) {
        const int jobRow = int((id & ~FailureBit) >> 20);
        const int stageRow = int(id & ((quintptr(1) << 20) - 1));
        return createIndex(stageRow, 0, stageParentId(jobRow));
    }
    return createIndex(int(id - 1), 0, quintptr(0));
}

int SparkStageModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_nodes.size());
    if (parent.column() != 0)
        return 0;
    const quintptr id = parent.internalId();
    if (id == 0)
        return parent.row() < m_nodes.size() ? int(m_nodes[parent.row()].stages.size()) : 0;
    if (id & FailureBit)
        return 0;
    const int jobRow = int(id - 1);
    if (jobRow >= m_nodes.size() || parent.row() >= m_nodes[jobRow].stages.size())
        return 0;
    return int(m_nodes[jobRow].stages[parent.row()].failures.size());
}

int SparkStageModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString SparkStageModel::taskText(int completed, int total, int active, int failed)
{
    const QLocale locale;
    QString text = tr("%1/%2").arg(locale.toString(completed), locale.toString(total));
    QStringList extra;
    if (active > 0)
        extra << tr("%1 running").arg(locale.toString(active));
    if (failed > 0)
        extra << tr("%1 failed").arg(locale.toString(failed));
    if (!extra.isEmpty())
        text += QStringLiteral(" (%1)").arg(extra.join(QStringLiteral(", ")));
    return text;
}

QVariant SparkStageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const quintptr id = index.internalId();
    if (id == 0)
        return index.row() < m_nodes.size() ? jobData(m_nodes[index.row()], index.column(), role) : QVariant();
    if (id & FailureBit) {
        const int jobRow = int((id & ~FailureBit) >> 20);
        const int stageRow = int(id & ((quintptr(1) << 20) - 1));
        const QList<SparkTaskFailure> &failures = m_nodes.value(jobRow).stages.value(stageRow).failures;
        return index.row() < failures.size() ? failureData(failures[index.row()], index.column(), role) : QVariant();
    }
    const int jobRow = int(id - 1);
    if (jobRow >= m_nodes.size() || index.row() >= m_nodes[jobRow].stages.size())
        return {};
    return stageData(m_nodes[jobRow].stages[index.row()], index.column(), role);
}

QVariant SparkStageModel::jobData(const JobNode &node, int column, int role) const
{
    const SparkJob &job = node.job;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return tr("Job %1 · %2").arg(job.jobId).arg(job.name);
        case StatusColumn: return job.status.toLower();
        case TasksColumn:
            return taskText(job.numCompletedTasks, job.numTasks - job.numSkippedTasks, job.numActiveTasks,
                            job.numFailedTasks);
        case DurationColumn: {
            if (!job.submissionTime.isValid())
                return {};
            const QDateTime end = job.completionTime.isValid() ? job.completionTime : m_breakdown.fetchedAt;
            return end.isValid() ? StatementListModel::formatDuration(std::max<qint64>(0, job.submissionTime.msecsTo(end)))
                                 : QVariant();
        }
        case InputColumn:
        case OutputColumn:
        case ShuffleReadColumn:
        case ShuffleWriteColumn: {
            qint64 sum = 0;
            for (const SparkStage &s : node.stages) {
                sum += column == InputColumn ? s.inputBytes
                     : column == OutputColumn ? s.outputBytes
                     : column == ShuffleReadColumn ? s.shuffleReadBytes
                                                  : s.shuffleWriteBytes;
            }
            return bytes(sum);
        }
        default: return {};
        }
    case Qt::ToolTipRole:
        return column == NameColumn && !job.description.isEmpty() ? QVariant(job.description) : QVariant();
    case KindRole: return int(RowKind::Job);
    case ProgressRole: {
        const int total = job.numTasks - job.numSkippedTasks;
        return total > 0 ? double(job.numCompletedTasks) / double(total) : (job.isRunning() ? 0.0 : 1.0);
    }
    case FailedRole: return job.status == QLatin1String("FAILED") || job.numFailedTasks > 0;
    case StatusRole: return job.status;
    case PageUrlRole:
        return sparkUiPage(m_uiUrl, QStringLiteral("jobs/job/"), { { QStringLiteral("id"), QString::number(job.jobId) } });
    case JobIdRole: return job.jobId;
    default: return {};
    }
}

QVariant SparkStageModel::stageData(const SparkStage &s, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return s.attemptId > 0 ? tr("Stage %1 (attempt %2) · %3").arg(s.stageId).arg(s.attemptId).arg(s.name)
                                   : tr("Stage %1 · %2").arg(s.stageId).arg(s.name);
        case StatusColumn: return s.status.toLower();
        case TasksColumn:
            return s.isSkipped() ? QString() : taskText(s.numCompleteTasks, s.numTasks, s.numActiveTasks, s.numFailedTasks);
        case InputColumn: return bytes(s.inputBytes);
        case OutputColumn: return bytes(s.outputBytes);
        case ShuffleReadColumn: return bytes(s.shuffleReadBytes);
        case ShuffleWriteColumn: return bytes(s.shuffleWriteBytes);
        case DurationColumn: {
            const qint64 ms = s.durationMs(m_breakdown.fetchedAt.isValid() ? m_breakdown.fetchedAt : QDateTime::currentDateTimeUtc());
            return ms >= 0 ? StatementListModel::formatDuration(ms) : QVariant();
        }
        default: return {};
        }
    case Qt::ToolTipRole:
        if (!s.failureReason.isEmpty())
            return s.failureReason;
        return column == NameColumn ? QVariant(s.name) : QVariant();
    case KindRole: return int(RowKind::Stage);
    case ProgressRole:
        return s.numTasks > 0 ? double(s.numCompleteTasks) / double(s.numTasks) : (s.isComplete() ? 1.0 : 0.0);
    case FailedRole: return s.isFailed() || s.numFailedTasks > 0;
    case StatusRole: return s.status;
    case PageUrlRole:
        return sparkUiPage(m_uiUrl, QStringLiteral("stages/stage/"),
                           { { QStringLiteral("id"), QString::number(s.stageId) },
                             { QStringLiteral("attempt"), QString::number(s.attemptId) } });
    case StageIdRole: return s.stageId;
    case AttemptRole: return s.attemptId;
    default: return {};
    }
}

QVariant SparkStageModel::failureData(const SparkTaskFailure &f, int column, int role) const
{
    const QString headline = f.headline();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return tr("Task %1 (index %2, attempt %3) on %4: %5")
                .arg(f.taskId)
                .arg(f.index)
                .arg(f.attempt)
                .arg(f.executorId == QLatin1String("driver") ? tr("the driver") : tr("executor %1").arg(f.executorId))
                .arg(headline);
        case StatusColumn: return tr("failed");
        default: return {};
        }
    case Qt::ToolTipRole: return f.errorMessage;
    case KindRole: return int(RowKind::Failure);
    case FailedRole: return true;
    case StatusRole: return QStringLiteral("FAILED");
    default: return {};
    }
}

QVariant SparkStageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Job / stage");
    case StatusColumn: return tr("Status");
    case TasksColumn: return tr("Tasks");
    case InputColumn: return tr("Input");
    case OutputColumn: return tr("Output");
    case ShuffleReadColumn: return tr("Shuffle read");
    case ShuffleWriteColumn: return tr("Shuffle write");
    case DurationColumn: return tr("Duration");
    default: return {};
    }
}

} // namespace Livy
