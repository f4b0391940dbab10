// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statementlistmodel.h"

#include "keyeddiff.h"

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

class StatementListModel::Hooks final : public Detail::KeyedDiffHooks<Statement>
{
public:
    explicit Hooks(StatementListModel *model) : m_model(model) {}
    int key(const Statement &s) const override { return s.id; }
    bool differs(const Statement &a, const Statement &b) const override { return !(a == b); }
    void beginRemove(int first, int last) override { m_model->beginRemoveRows({}, first, last); }
    void endRemove() override { m_model->endRemoveRows(); }
    void beginInsert(int first, int last) override { m_model->beginInsertRows({}, first, last); }
    void endInsert() override { m_model->endInsertRows(); }
    void beginMove(int from, int to) override { m_model->beginMoveRows({}, from, from, {}, to); }
    void endMove() override { m_model->endMoveRows(); }
    void changed(int row, const Statement &before, const Statement &after) override
    {
        m_model->emitRowChanged(row, before, after);
    }

private:
    StatementListModel *m_model;
};

StatementListModel::StatementListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int StatementListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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

QString StatementListModel::outputSummary(const Statement &statement)
{
    if (!statement.output)
        return {};
    const StatementOutput &out = *statement.output;
    if (out.isError()) {
        const QString value = firstLine(out.evalue);
        if (out.ename.isEmpty())
            return value;
        return value.isEmpty() ? out.ename : out.ename + QStringLiteral(": ") + value;
    }
    const QJsonObject &data = out.data;
    const QJsonValue table = data.value(QLatin1String("application/vnd.livy.table.v1+json"));
    if (table.isObject()) {
        const QJsonObject t = table.toObject();
        return tableSummary(int(t.value(QLatin1String("data")).toArray().size()),
                            int(t.value(QLatin1String("headers")).toArray().size()));
    }
    const QJsonValue json = data.value(QLatin1String("application/json"));
    if (json.isObject() && json.toObject().contains(QLatin1String("schema"))) {
        // Livy's SQL interpreter: {"schema": {"type":"struct","fields":[…]}, "data": [[…]]}
        const QJsonObject j = json.toObject();
        const QJsonArray fields = j.value(QLatin1String("schema")).toObject().value(QLatin1String("fields")).toArray();
        return tableSummary(int(j.value(QLatin1String("data")).toArray().size()), int(fields.size()));
    }
    const QString text = data.value(QLatin1String("text/plain")).toString();
    if (!text.trimmed().isEmpty())
        return firstLine(text);
    if (data.contains(QLatin1String("image/png")))
        return tr("Image");
    if (!json.isUndefined())
        return tr("JSON");
    if (!data.isEmpty())
        return data.keys().join(QStringLiteral(", "));
    return {};
}

QVariant StatementListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Statement &s = m_rows.at(index.row());
    const QString stateName = s.stateName.isEmpty() ? statementStateToString(s.state) : s.stateName;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return s.id;
        case StateColumn: return stateName;
        case ProgressColumn: return QStringLiteral("%1 %").arg(qRound(s.progress * 100.0));
        case CodeColumn: return firstLine(s.code, 120);
        case StartedColumn: return s.started > 0 ? fromEpochMs(s.started).toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
        case CompletedColumn: return s.completed > 0 ? fromEpochMs(s.completed).toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
        case DurationColumn: return formatDuration(durationMs(s));
        case OutputColumn: return outputSummary(s);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == CodeColumn)
            return s.code;
        if (index.column() == OutputColumn && s.output && s.output->isError())
            return s.output->traceback.join(QString());
        return {};
    case IdRole: return s.id;
    case StateRole: return int(s.state);
    case StateNameRole: return stateName;
    case ProgressRole: return s.progress;
    case CodeRole: return s.code;
    case StartedRole: return fromEpochMs(s.started);
    case CompletedRole: return fromEpochMs(s.completed);
    case DurationMsRole: return durationMs(s);
    case OutputSummaryRole: return outputSummary(s);
    case IsErrorRole: return s.output && s.output->isError();
    case IsTerminalRole: return isTerminal(s.state);
    case StatementRole: return QVariant::fromValue(s);
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
    return names;
}

void StatementListModel::emitRowChanged(int row, const Statement &before, const Statement &after)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (!isTerminal(before.state) && isTerminal(after.state))
        Q_EMIT statementFinished(after.id);
}

bool StatementListModel::upsert(const Statement &statement)
{
    int at = 0;
    while (at < int(m_rows.size()) && m_rows.at(at).id < statement.id)
        ++at;
    if (at < int(m_rows.size()) && m_rows.at(at).id == statement.id) {
        if (m_rows.at(at) == statement)
            return false;
        const Statement before = m_rows.at(at);
        m_rows[at] = statement;
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
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

int StatementListModel::rowOfId(int id) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

std::optional<Statement> StatementListModel::statement(int id) const
{
    const int row = rowOfId(id);
    if (row < 0)
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
        if (!isTerminal(s.state))
            ids.append(s.id);
    }
    return ids;
}

} // namespace Livy
