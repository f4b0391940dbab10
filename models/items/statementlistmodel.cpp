// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statementlistmodel.h"

#include "data/internalstatement.h"

#include "keyeddiff.h"
#include "livy/outcome.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace Livy {

namespace {

QString firstLine(const QString &text, qsizetype maxChars = 200)
{
    const QString trimmed = text.trimmed();
    const qsizetype nl = trimmed.indexOf(QLatin1Char('\n'));
    QString line = (nl < 0 ? trimmed : trimmed.left(nl)).trimmed();
    if (line.size() > maxChars)
        return line.left(maxChars - 1) + QChar(0x2026);
    return nl < 0 ? line : line + QStringLiteral(" ") + QChar(0x2026);
}

/// The code column: the first line, or for LivyDesk's own statements "LivyDesk · catalog: SHOW DATABASES".
QString codeSummary(const QString &code)
{
    if (!isInternalStatement(code))
        return firstLine(code, 120);
    return StatementListModel::tr("LivyDesk · %1: %2")
        .arg(internalPurpose(code), firstLine(withoutInternalMark(code), 100));
}

QString tableSummary(int rows, int columns)
{
    return StatementListModel::tr("Table: %1 rows × %2 columns").arg(rows).arg(columns);
}

QDateTime fromEpochMs(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

qint64 durationMs(const Statement &s)
{
    return s.started > 0 && s.completed >= s.started ? s.completed - s.started : -1;
}

} // namespace

class StatementListModel::Hooks final : public Detail::TableDiffHooks<StatementListModel, Statement>
{
public:
    using TableDiffHooks::TableDiffHooks;
    int key(const Statement &s) const override { return s.id; }
    bool differs(const Statement &a, const Statement &b) const override { return !(a == b); }
};

StatementListModel::StatementListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int StatementListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size() + m_local.size());
}

int StatementListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StatementListModel::formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
}

QString StatementListModel::outputSummary(const Statement &statement, bool stillRunning)
{
    const Outcome outcome = outcomeOf(statement);
    if (outcome == Outcome::Cancelled) {
        if (stillRunning)
            return tr("Cancelled, but its code is still running");
        if (statement.output) {
            const QString line = sparkCancellationLine(*statement.output);
            return line.isEmpty() ? tr("Cancelled") : tr("Cancelled (%1)").arg(line);
        }
        return statement.started > 0 ? tr("Cancelled") : tr("Cancelled before it ran");
    }
    if (!statement.output)
        return {};
    const StatementOutput &out = *statement.output;
    QString summary;
    if (out.isError()) {
        const QString value = firstLine(out.evalue);
        summary = out.ename.isEmpty() ? value : value.isEmpty() ? out.ename : out.ename + QStringLiteral(": ") + value;
    } else {
        const QJsonObject &data = out.data;
        switch (classifyData(out)) {
        case OutputKind::Table: {
            const QJsonObject t = data.value(Mime::Table).toObject();
            summary = tableSummary(int(t.value(QLatin1String("data")).toArray().size()),
                                   int(t.value(QLatin1String("headers")).toArray().size()));
            break;
        }
        case OutputKind::SqlTable: {
            // Livy's SQL interpreter: {"schema": {"type":"struct","fields":[…]}, "data": [[…]]}
            const QJsonObject j = data.value(Mime::Json).toObject();
            const QJsonArray fields = j.value(QLatin1String("schema")).toObject().value(QLatin1String("fields")).toArray();
            summary = tableSummary(int(j.value(QLatin1String("data")).toArray().size()), int(fields.size()));
            break;
        }
        case OutputKind::Image: summary = tr("Image"); break;
        case OutputKind::Json: summary = tr("JSON"); break;
        case OutputKind::Text: summary = firstLine(out.text()); break;
        case OutputKind::EmptyText:
        case OutputKind::None: summary = tr("(no output)"); break;
        case OutputKind::Other: summary = data.keys().join(QStringLiteral(", ")); break;
        }
    }
    if (outcome == Outcome::CancelledRanOn)
        return tr("Cancelled, ran to the end: %1").arg(summary);
    return summary;
}

QVariant StatementListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() >= int(m_rows.size())) {
        const Local &l = m_local.at(index.row() - int(m_rows.size()));
        switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
            case StateColumn: return l.stateText;
            case CodeColumn: return codeSummary(l.code);
            default: return {};
            }
        case Qt::ToolTipRole: return index.column() == CodeColumn ? QVariant(l.code) : QVariant();
        case IdRole: return l.id;
        case StateRole: return int(StatementState::Waiting);
        case StateNameRole: return l.stateText;
        case CodeRole: return l.code;
        case InternalRole: return isInternalStatement(l.code);
        case LocalRole: return true;
        case IsTerminalRole:
        case IsErrorRole:
        case StillRunningRole:
        case VanishedRole:
        case CancelRequestedRole: return false;
        case ProgressRole: return 0.0;
        case DurationMsRole:
        case ElapsedMsRole: return qint64(-1);
        case OutcomeRole: return int(Outcome::Pending);
        case StatementRole: {
            Statement placeholder;
            placeholder.id = l.id;
            placeholder.code = l.code;
            placeholder.state = StatementState::Waiting;
            placeholder.stateName = l.stateText;
            return QVariant::fromValue(placeholder);
        }
        default: return {};
        }
    }
    const Statement &s = m_rows.at(index.row());
    const QString stateName = s.stateName.isEmpty() ? statementStateToString(s.state) : s.stateName;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return s.id;
        case StateColumn:
            if (m_vanished.contains(s.id))
                return tr("not on the server");
            if (m_cancelRequested.contains(s.id))
                return tr("cancel requested…");
            return stateName;
        case ProgressColumn: return QStringLiteral("%1 %").arg(qRound(s.progress * 100.0));
        case SparkColumn: return m_sparkSummary.value(s.id);
        case CodeColumn: return codeSummary(s.code);
        case StartedColumn: return s.started > 0 ? fromEpochMs(s.started).toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
        case CompletedColumn: return s.completed > 0 ? fromEpochMs(s.completed).toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
        case DurationColumn: {
            const qint64 elapsed = elapsedMs(s);
            return elapsed >= 0 ? formatDuration(elapsed) : formatDuration(durationMs(s));
        }
        case OutputColumn:
            return m_vanished.contains(s.id) ? tr("The server no longer has this statement")
                                             : outputSummary(s, m_stillRunning.contains(s.id));
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == CodeColumn)
            return s.code;
        if (index.column() == OutputColumn && s.output && s.output->isError())
            return s.output->traceback.join(QString());
        if (index.column() == SparkColumn && m_sparkSummary.contains(s.id))
            return tr("Spark jobs of this statement (from the Spark UI): %1").arg(m_sparkSummary.value(s.id));
        if (index.column() == DurationColumn && elapsedMs(s) >= 0)
            return tr("Running for %1 (from the server's start time)").arg(formatDuration(elapsedMs(s)));
        return {};
    case IdRole: return s.id;
    case StateRole: return int(s.state);
    case StateNameRole: return stateName;
    case ProgressRole: return s.progress;
    case CodeRole: return s.code;
    case InternalRole: return isInternalStatement(s.code);
    case StartedRole: return fromEpochMs(s.started);
    case CompletedRole: return fromEpochMs(s.completed);
    case DurationMsRole: return durationMs(s);
    case OutputSummaryRole: return outputSummary(s, m_stillRunning.contains(s.id));
    case IsErrorRole: return outcomeOf(s) == Outcome::Error;
    case IsTerminalRole: return isTerminal(s.state) || m_vanished.contains(s.id);
    case StatementRole: return QVariant::fromValue(s);
    case OutcomeRole: return int(outcomeOf(s));
    case StillRunningRole: return m_stillRunning.contains(s.id);
    case ElapsedMsRole: return elapsedMs(s);
    case VanishedRole: return m_vanished.contains(s.id);
    case LocalRole: return false;
    case CancelRequestedRole: return m_cancelRequested.contains(s.id);
    case SparkSummaryRole: return m_sparkSummary.value(s.id);
    default: return {};
    }
}

QVariant StatementListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case SparkColumn: return tr("Spark");
    case CodeColumn: return tr("Code");
    case StartedColumn: return tr("Started");
    case CompletedColumn: return tr("Completed");
    case DurationColumn: return tr("Duration");
    case OutputColumn: return tr("Output");
    default: return {};
    }
}

QHash<int, QByteArray> StatementListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "statementId");
    names.insert(StateRole, "state");
    names.insert(StateNameRole, "stateName");
    names.insert(ProgressRole, "progress");
    names.insert(CodeRole, "code");
    names.insert(StartedRole, "started");
    names.insert(CompletedRole, "completed");
    names.insert(DurationMsRole, "durationMs");
    names.insert(OutputSummaryRole, "outputSummary");
    names.insert(IsErrorRole, "isError");
    names.insert(IsTerminalRole, "isTerminal");
    names.insert(StatementRole, "statement");
    names.insert(OutcomeRole, "outcome");
    names.insert(StillRunningRole, "stillRunning");
    names.insert(ElapsedMsRole, "elapsedMs");
    names.insert(VanishedRole, "vanished");
    names.insert(LocalRole, "local");
    names.insert(SparkSummaryRole, "sparkSummary");
    names.insert(CancelRequestedRole, "cancelRequested");
    return names;
}

void StatementListModel::emitRowChanged(int row, const Statement &before, const Statement &after)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (!isTerminal(before.state) && isTerminal(after.state))
        Q_EMIT statementFinished(after.id);
}

namespace {
/// Livy's statement states in the order they happen: waiting -> running -> cancelling -> available/cancelled.
int stateRank(StatementState state)
{
    switch (state) {
    case StatementState::Waiting: return 0;
    case StatementState::Running: return 1;
    case StatementState::Cancelling: return 2;
    case StatementState::Available:
    case StatementState::Error:
    case StatementState::Cancelled: return 3;
    case StatementState::Unknown: break;
    }
    return -1; // unknown: no order, take whatever comes
}
} // namespace

bool StatementListModel::isNewerOrSame(const Statement &current, const Statement &next)
{
    const int a = stateRank(current.state);
    const int b = stateRank(next.state);
    if (a < 0 || b < 0)
        return true;
    if (b != a)
        return b > a;
    if (isTerminal(current.state)) {
        // Both finished. A cancelled statement may still gain its output (and a later `completed`) when code that
        // could not be interrupted ends; an answer without that output is older.
        if (current.output && !next.output)
            return false;
        return next.completed >= current.completed || next.completed == 0;
    }
    return true;
}

qint64 StatementListModel::serverNowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs;
}

qint64 StatementListModel::elapsedMs(const Statement &s) const
{
    const bool running = (s.state == StatementState::Running || s.state == StatementState::Cancelling
                          || m_stillRunning.contains(s.id)) && !m_vanished.contains(s.id);
    if (!running || s.started <= 0)
        return -1;
    return std::max<qint64>(0, serverNowMs() - s.started);
}

bool StatementListModel::hasRunning() const
{
    if (!m_stillRunning.isEmpty())
        return true;
    return std::any_of(m_rows.cbegin(), m_rows.cend(),
                       [this](const Statement &s) { return !isTerminal(s.state) && !m_vanished.contains(s.id); });
}

void StatementListModel::tick()
{
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (elapsedMs(m_rows.at(row)) >= 0)
            Q_EMIT dataChanged(index(row, DurationColumn), index(row, DurationColumn), { Qt::DisplayRole, ElapsedMsRole });
    }
}

void StatementListModel::addLocal(int localId, const QString &code, const QString &stateText)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_local.append(Local{ localId, code, stateText });
    endInsertRows();
}

void StatementListModel::setLocalState(int localId, const QString &stateText)
{
    for (int i = 0; i < int(m_local.size()); ++i) {
        if (m_local.at(i).id == localId && m_local.at(i).stateText != stateText) {
            m_local[i].stateText = stateText;
            const int row = int(m_rows.size()) + i;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

void StatementListModel::removeLocal(int localId)
{
    for (int i = 0; i < int(m_local.size()); ++i) {
        if (m_local.at(i).id == localId) {
            const int row = int(m_rows.size()) + i;
            beginRemoveRows({}, row, row);
            m_local.removeAt(i);
            endRemoveRows();
            return;
        }
    }
}

QStringList StatementListModel::localCodes() const
{
    QStringList codes;
    for (const Local &l : m_local)
        codes.append(l.code);
    return codes;
}

void StatementListModel::setFlag(QSet<int> &flags, int id, bool on)
{
    if (flags.contains(id) == on)
        return;
    if (on)
        flags.insert(id);
    else
        flags.remove(id);
    if (const int row = rowOfId(id); row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void StatementListModel::setSparkSummary(int id, const QString &summary)
{
    if (m_sparkSummary.value(id) == summary)
        return;
    if (summary.isEmpty())
        m_sparkSummary.remove(id);
    else
        m_sparkSummary.insert(id, summary);
    if (const int row = rowOfId(id); row >= 0)
        Q_EMIT dataChanged(index(row, SparkColumn), index(row, SparkColumn));
}

void StatementListModel::setCancelRequested(int id, bool requested)
{
    setFlag(m_cancelRequested, id, requested);
}

void StatementListModel::setVanished(int id)
{
    const int row = rowOfId(id);
    if (row < 0 || m_vanished.contains(id))
        return;
    m_vanished.insert(id);
    m_stillRunning.remove(id);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void StatementListModel::setStillRunning(int id, bool stillRunning)
{
    setFlag(m_stillRunning, id, stillRunning);
}

bool StatementListModel::upsert(const Statement &statement)
{
    int at = 0;
    while (at < int(m_rows.size()) && m_rows.at(at).id < statement.id)
        ++at;
    if (at < int(m_rows.size()) && m_rows.at(at).id == statement.id) {
        if (m_vanished.remove(statement.id)) {
            m_rows[at] = statement; // the server knows it after all
            Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
            return true;
        }
        if (m_rows.at(at) == statement || !isNewerOrSame(m_rows.at(at), statement))
            return false;
        const Statement before = m_rows.at(at);
        m_rows[at] = statement;
        if (statement.state == StatementState::Cancelling || isTerminal(statement.state))
            m_cancelRequested.remove(statement.id); // the server answered the cancel
        emitRowChanged(at, before, statement);
        return true;
    }
    beginInsertRows({}, at, at);
    m_rows.insert(at, statement);
    endInsertRows();
    return true;
}

bool StatementListModel::setStatements(const QList<Statement> &statements)
{
    QList<Statement> sorted = statements;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Statement &a, const Statement &b) { return a.id < b.id; });
    for (Statement &s : sorted) {
        if (const int row = rowOfId(s.id); row >= 0 && !isNewerOrSame(m_rows.at(row), s))
            s = m_rows.at(row); // keep what is newer
    }
    Hooks hooks(this);
    return Detail::applyKeyedDiff(m_rows, sorted, hooks);
}

bool StatementListModel::mergeStatements(const QList<Statement> &statements)
{
    bool changed = false;
    for (const Statement &s : statements)
        changed = upsert(s) || changed;
    return changed;
}

void StatementListModel::clear()
{
    m_stillRunning.clear();
    m_vanished.clear();
    m_cancelRequested.clear();
    m_sparkSummary.clear();
    if (rowCount() == 0)
        return;
    beginRemoveRows({}, 0, rowCount() - 1);
    m_rows.clear();
    m_local.clear();
    endRemoveRows();
}

int StatementListModel::rowOfId(int id) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    for (int i = 0; i < int(m_local.size()); ++i) {
        if (m_local.at(i).id == id)
            return int(m_rows.size()) + i;
    }
    return -1;
}

std::optional<Statement> StatementListModel::statement(int id) const
{
    const int row = rowOfId(id);
    if (row < 0 || row >= int(m_rows.size()))
        return std::nullopt;
    return m_rows.at(row);
}

Statement StatementListModel::statementAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows.at(row) : Statement{};
}

QList<Statement> StatementListModel::statements() const
{
    return m_rows;
}

QList<int> StatementListModel::pendingIds() const
{
    QList<int> ids;
    for (const Statement &s : m_rows) {
        if (!isTerminal(s.state) && !m_vanished.contains(s.id))
            ids.append(s.id);
    }
    return ids;
}

} // namespace Livy
