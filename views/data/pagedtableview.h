// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/pagedquery.h"
#include "data/pagedtablemodel.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;
class QToolButton;

namespace LivyDesk {

/// A result kept on the server (a Livy::PagedTableModel): its true row count, a table that fetches pages as it is
/// scrolled, a server-side filter (a Spark SQL condition, applied with Enter) and sorting (click a header), and
/// "Export All" to CSV or JSON lines with progress, speed and Cancel. It renders and asks; the app runs the export
/// (exportRequested) and reports back (setExportProgress, setExportFinished).
class PagedTableView : public QWidget
{
    Q_OBJECT
public:
    PagedTableView(Livy::PagedTableModel *model, const QString &title, QWidget *parent = nullptr);

    Livy::PagedTableModel *model() const { return m_model; }
    QString title() const { return m_titleText; }
    QTableView *tableView() const { return m_view; }
    QLineEdit *filterField() const { return m_filter; }
    /// "200,000 rows" (the server's count), "Counting rows…", or the filtered count.
    QString countText() const;
    /// The error line ("" when none).
    QString errorText() const;

    /// Asks for an export to `path` (no dialog): what the buttons do after asking for a file.
    void exportTo(const QString &path, Livy::PagedQuery::ExportFormat format);
    void setExportProgress(qint64 rows, qint64 total, qint64 bytes, double rowsPerSecond);
    /// The export ended: `summary` says how (and where any partial file is); `ok` false shows it as a problem.
    void setExportFinished(const QString &summary, bool ok);
    bool isExporting() const { return m_exporting; }
    /// The export line's text, for tests.
    QString exportText() const;

Q_SIGNALS:
    void exportRequested(const QString &path, Livy::PagedQuery::ExportFormat format);
    void exportCancelRequested();
    void statusMessage(const QString &message);

private:
    void updateCount();
    void fitColumns();
    void askExport(Livy::PagedQuery::ExportFormat format);
    void showError(const QString &message, const QString &details);

    QPointer<Livy::PagedTableModel> m_model;
    QString m_titleText;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QToolButton *m_errorDetails = nullptr;
    QString m_errorDetailsText;
    QToolButton *m_csv = nullptr;
    QToolButton *m_json = nullptr;
    QWidget *m_exportBar = nullptr;
    QLabel *m_exportText = nullptr;
    QProgressBar *m_exportProgress = nullptr;
    QToolButton *m_exportCancel = nullptr;
    bool m_exporting = false;
    bool m_fitted = false;
};

} // namespace LivyDesk
