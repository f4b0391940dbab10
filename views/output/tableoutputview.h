// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A table result: QTableView over Livy::TableModel + Livy::TableProxyModel with
//  - a filter box (Ctrl+F; case-insensitive, any column), typed sorting by clicking a header,
//  - copy of the selection as TSV (Ctrl+C; Ctrl+Shift+C with the column names),
//  - export of the rows shown (after filter and sort) to CSV (Ctrl+S) or JSON (Ctrl+Shift+S), written on a
//    worker thread,
//  - the row count, and a note when a sql result may have been cut at livy.rsc.sql.num-rows.
// Nulls are drawn as a muted "null" so they differ from empty strings.

#include "core/backgroundtask.h"
#include "results/tableexport.h"
#include "results/tableresult.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace Livy {
class TableModel;
class TableProxyModel;
}

namespace LivyDesk {

class TableOutputView : public QWidget
{
    Q_OBJECT
public:
    explicit TableOutputView(QWidget *parent = nullptr);

    void setTable(std::shared_ptr<const Livy::TableResult> table);
    std::shared_ptr<const Livy::TableResult> table() const { return m_table; }

    /// Applies a filter (the box waits for typing to pause first). Small tables are filtered at once; big
    /// ones on a worker thread, so typing never stalls the window: filterApplied() says when it shows.
    void setFilterText(const QString &text);
    /// Above this many cells the filter runs on a worker thread.
    static constexpr qsizetype SyncFilterCells = 200000;
    /// Columns are fitted to their contents up to this width (longer values are elided, whole in the tooltip).
    static constexpr int MaxFittedColumnWidth = 360;
    /// Source rows in the order shown: filtered and sorted.
    QList<int> visibleRows() const;
    /// The selection as TSV: the rows and columns that hold selected cells, in view order.
    QString selectionAsTsv(bool withHeader = false) const;
    void copySelection(bool withHeader = false);

    /// Exports the rows shown (all columns) on a worker thread; exportFinished() reports the outcome.
    void exportTo(const QString &path, Livy::TableExport::Format format);
    void exportCsvAs();
    void exportJsonAs();

    QTableView *tableView() const { return m_view; }
    Livy::TableProxyModel *proxyModel() const { return m_proxy; }
    QLineEdit *filterField() const { return m_filter; }
    /// "1,000 rows × 3 columns" / "Showing 12 of 1,000 rows".
    QString countText() const;
    /// The truncation note, empty when the result is complete.
    QString capNote() const;

    /// Sizes every column (or one) from its header and a sample of rows spread over the whole table.
    void fitColumns();
    void fitColumn(int column);

Q_SIGNALS:
    /// `error` is empty on success.
    void exportFinished(const QString &path, const QString &error);
    /// The rows shown changed (filter or sort): charts follow them.
    void visibleRowsChanged();
    /// A filter from setFilterText() is now applied.
    void filterApplied(const QString &text);
    /// The truncation note's "Page through all rows on the server…".
    void pageOnServerRequested();
    void statusMessage(const QString &message);

private:
    void updateCount();
    void askExportPath(Livy::TableExport::Format format);

    std::shared_ptr<const Livy::TableResult> m_table;
    Livy::TableModel *m_model = nullptr;
    Livy::TableProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterDelay = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_note = nullptr;
    Livy::BackgroundTask m_exportTask;
    Livy::BackgroundTask m_filterTask;
};

} // namespace LivyDesk
