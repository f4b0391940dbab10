// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historydatabase.h"
#include "historystore.h"
#include "items/keyeddiff.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Livy {

/// The history entries that match a query, newest first, as a table for the history panel. Rows carry no
/// output (search results are light); loadEntry() reads one whole, with its output, and entryLoaded() delivers
/// it. The model re-runs its query when the store changes, and updates rows in place (keyed by the entry's row
/// id) so a view keeps its selection while results arrive.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, SessionColumn, StatementColumn, KindColumn, StateColumn, CodeColumn, DurationColumn,
                  ColumnCount };
    Q_ENUM(Column)

    enum Roles {
        RowIdRole = Qt::UserRole + 1, ///< qint64, the entry's key in the store
        EntryRole,                    ///< QVariant holding the HistoryEntry (without output)
        CodeRole,                     ///< QString, the whole code
        KindRole,                     ///< QString, the language it ran as
        StateNameRole,                ///< QString, the server's state word ("sending"/"unsent" for ours)
        InternalRole,                 ///< bool: one of LivyDesk's own statements (catalog, pages, export)
    };
    Q_ENUM(Roles)

    explicit HistoryModel(HistoryStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setQuery(const HistoryQuery &query);
    HistoryQuery query() const { return m_query; }
    /// Runs the query again (also done on every change of the store).
    void refresh();
    /// True while a search is under way.
    bool isSearching() const { return m_searchTicket != 0; }

    HistoryEntry entry(int row) const { return m_rows.value(row); }
    int rowOf(qint64 rowId) const;
    /// Reads the entry with its output; entryLoaded() or entryMissing() answers.
    void loadEntry(qint64 rowId);
    /// Reads several entries whole, in the order given (export); entriesLoaded() answers.
    void loadEntries(const QList<qint64> &rowIds);
    void removeEntries(const QList<qint64> &rowIds);
    /// Asks for the values the filters can offer; facetsChanged() answers.
    void requestFacets();
    HistoryStore *store() const { return m_store; }

Q_SIGNALS:
    void searchFinished(int count);
    void entryLoaded(const Livy::HistoryEntry &entry);
    void entryMissing(qint64 rowId);
    void entriesLoaded(const QList<Livy::HistoryEntry> &entries);
    void facetsChanged(const Livy::HistoryFacets &facets);

private:
    friend class Detail::TableDiffHooks<HistoryModel, HistoryEntry>;
    void emitRowChanged(int row, const HistoryEntry &before, const HistoryEntry &after);
    void applyResults(const QList<HistoryEntry> &entries);

    QPointer<HistoryStore> m_store;
    HistoryQuery m_query;
    QList<HistoryEntry> m_rows;
    int m_searchTicket = 0;
    bool m_searchAgain = false;
    int m_loadTicket = 0;
    int m_facetsTicket = 0;
    QHash<int, qint64> m_batchTickets;     ///< load ticket -> position in the batch
    QList<std::optional<HistoryEntry>> m_batch;
    int m_batchPending = 0;
};

} // namespace Livy
