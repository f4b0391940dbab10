// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "historymodel.h"

#include "data/internalstatement.h"

#include "historystore.h"

#include <QDateTime>
#include <QLocale>

namespace Livy {

namespace {

struct Hooks : Detail::TableDiffHooks<HistoryModel, HistoryEntry>
{
    using TableDiffHooks::TableDiffHooks;
    int key(const HistoryEntry &e) const override { return int(e.rowId); }
    bool differs(const HistoryEntry &a, const HistoryEntry &b) const override
    {
        return a.statement.stateName != b.statement.stateName || a.statement.id != b.statement.id
            || a.statement.started != b.statement.started || a.statement.completed != b.statement.completed
            || a.statement.code != b.statement.code || a.note != b.note || a.session.name != b.session.name
            || a.updated != b.updated; // also written: a Spark breakdown (the panel loads the shown entry again)
    }
};

QString firstLine(const QString &code)
{
    const QString trimmed = code.trimmed();
    const qsizetype newline = trimmed.indexOf(QLatin1Char('\n'));
    return newline < 0 ? trimmed : trimmed.left(newline) + QStringLiteral(" …");
}

qint64 whenOf(const HistoryEntry &e)
{
    if (e.submitted > 0)
        return e.submitted;
    if (e.statement.started > 0)
        return e.statement.started;
    return e.updated;
}

} // namespace

HistoryModel::HistoryModel(HistoryStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &HistoryStore::changed, this, &HistoryModel::refresh);
    connect(store, &HistoryStore::opened, this, &HistoryModel::refresh);
    connect(store, &HistoryStore::searchFinished, this, [this](int ticket, const QList<HistoryEntry> &entries) {
        if (ticket != m_searchTicket)
            return;
        m_searchTicket = 0;
        applyResults(entries);
        if (m_searchAgain) {
            m_searchAgain = false;
            refresh();
        }
    });
    connect(store, &HistoryStore::loaded, this, [this](int ticket, const std::optional<HistoryEntry> &entry) {
        if (m_batchTickets.contains(ticket)) {
            m_batch[int(m_batchTickets.take(ticket))] = entry;
            if (--m_batchPending == 0) {
                QList<HistoryEntry> entries;
                for (const auto &e : std::as_const(m_batch))
                    if (e)
                        entries << *e;
                m_batch.clear();
                Q_EMIT entriesLoaded(entries);
            }
            return;
        }
        if (ticket != m_loadTicket)
            return;
        if (entry)
            Q_EMIT entryLoaded(*entry);
        else
            Q_EMIT entryMissing(-1);
    });
    connect(store, &HistoryStore::facetsReady, this, [this](int ticket, const HistoryFacets &facets) {
        if (ticket == m_facetsTicket)
            Q_EMIT facetsChanged(facets);
    });
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &e = m_rows.at(index.row());
    switch (role) {
    case RowIdRole:
        return e.rowId;
    case EntryRole:
        return QVariant::fromValue(e);
    case CodeRole:
        return e.statement.code;
    case InternalRole:
        return isInternalStatement(e.statement.code);
    case KindRole:
        return e.kind;
    case StateNameRole:
        return e.statement.stateName;
    case Qt::ToolTipRole:
        if (index.column() == CodeColumn)
            return e.statement.code.left(2000);
        if (index.column() == SessionColumn)
            return tr("%1\nsession %2 (%3)").arg(e.session.server).arg(e.session.id).arg(e.session.kind);
        if (index.column() == StateColumn && !e.note.isEmpty())
            return e.note;
        if (index.column() == WhenColumn)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(whenOf(e)), QLocale::LongFormat);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case WhenColumn: {
        // Today's entries by time, older ones with their day (the tooltip-free short form an analyst scans).
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(whenOf(e));
        if (when.date() == QDate::currentDate())
            return QLocale().toString(when.time(), QStringLiteral("HH:mm:ss"));
        if (when.date().year() == QDate::currentDate().year())
            return QLocale().toString(when, QStringLiteral("d MMM HH:mm"));
        return QLocale().toString(when.date(), QLocale::ShortFormat);
    }
    case SessionColumn:
        return e.session.name.isEmpty() ? tr("session %1").arg(e.session.id)
                                        : tr("%1 (%2)").arg(e.session.name).arg(e.session.id);
    case StatementColumn:
        return e.statement.id >= 0 ? QVariant(e.statement.id) : QVariant(QStringLiteral("–"));
    case KindColumn:
        return e.kind;
    case StateColumn:
        if (e.statement.stateName == QLatin1String("sending"))
            return tr("sent, no answer recorded");
        if (e.statement.stateName == QLatin1String("unsent"))
            return tr("not sent");
        return e.statement.stateName;
    case CodeColumn:
        if (isInternalStatement(e.statement.code)) // marked, so it never reads as the user's own code
            return tr("LivyDesk · %1: %2").arg(internalPurpose(e.statement.code), firstLine(withoutInternalMark(e.statement.code)));
        return firstLine(e.statement.code);
    case DurationColumn:
        if (e.statement.started > 0 && e.statement.completed >= e.statement.started)
            return QString(QLocale().toString((e.statement.completed - e.statement.started) / 1000.0, 'f', 1)
                           + QStringLiteral(" s"));
        return {};
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn: return tr("When");
    case SessionColumn: return tr("Session");
    case StatementColumn: return tr("#");
    case KindColumn: return tr("Kind");
    case StateColumn: return tr("State");
    case CodeColumn: return tr("Code");
    case DurationColumn: return tr("Duration");
    }
    return {};
}

void HistoryModel::setQuery(const HistoryQuery &query)
{
    if (query == m_query)
        return;
    m_query = query;
    refresh();
}

void HistoryModel::refresh()
{
    if (!m_store)
        return;
    if (m_searchTicket != 0) {
        m_searchAgain = true; // one search at a time; the newest query runs when this one is back
        return;
    }
    m_searchTicket = m_store->search(m_query);
}

void HistoryModel::applyResults(const QList<HistoryEntry> &entries)
{
    Hooks hooks(this);
    Detail::applyKeyedDiff(m_rows, entries, hooks);
    Q_EMIT searchFinished(int(m_rows.size()));
}

void HistoryModel::emitRowChanged(int row, const HistoryEntry &, const HistoryEntry &)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int HistoryModel::rowOf(qint64 rowId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).rowId == rowId)
            return i;
    return -1;
}

void HistoryModel::loadEntry(qint64 rowId)
{
    if (m_store)
        m_loadTicket = m_store->load(rowId);
}

void HistoryModel::loadEntries(const QList<qint64> &rowIds)
{
    if (!m_store)
        return;
    if (rowIds.isEmpty()) {
        Q_EMIT entriesLoaded({});
        return;
    }
    m_batch = QList<std::optional<HistoryEntry>>(rowIds.size());
    m_batchTickets.clear();
    m_batchPending = int(rowIds.size());
    for (int i = 0; i < rowIds.size(); ++i)
        m_batchTickets.insert(m_store->load(rowIds.at(i)), i);
}

void HistoryModel::removeEntries(const QList<qint64> &rowIds)
{
    if (m_store && !rowIds.isEmpty())
        m_store->remove(rowIds);
}

void HistoryModel::requestFacets()
{
    if (m_store)
        m_facetsTicket = m_store->requestFacets();
}

} // namespace Livy
