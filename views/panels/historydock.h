// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/historymodel.h"

#include <QDockWidget>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QToolButton;

namespace LivyDesk {

class CodeEditor;
class OutputView;

/// The local history of statements (Livy::HistoryModel): search over code and output, filters by server, session,
/// kind, state and date, and for the selected entry its code and its output in the same output views as a live
/// statement — offline, after the session and the server are gone — with what Spark did for it when that was seen. Re-run puts it in the current session; Copy,
/// Delete and Export (a script per language, or a Jupyter notebook) work on the selection.
class HistoryDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit HistoryDock(QWidget *parent = nullptr);

    void setModel(Livy::HistoryModel *model);
    Livy::HistoryModel *model() const { return m_model; }
    /// Whether there is a session to re-run in (the window's current one).
    void setCanRerun(bool can, const QString &why = {});
    /// The entries that are part of their session's setup (a gear in the Statement column; the app keeps it current).
    void setSetupRowIds(const QSet<qint64> &rowIds);
    QSet<qint64> setupRowIds() const { return m_setupRowIds; }
    /// "Mark as Setup Statement" / "Remove from Setup" (Ctrl+Alt+S toggles) on the selection.
    QAction *markSetupAction() const { return m_markSetup; }
    QAction *unmarkSetupAction() const { return m_unmarkSetup; }
    /// The history could not be opened: say so in the panel.
    void setUnavailable(const QString &reason);

    QLineEdit *searchEdit() const { return m_search; }
    QTableView *view() const { return m_view; }
    OutputView *outputView() const { return m_output; }
    CodeEditor *codeView() const { return m_code; }
    /// What Spark did for the shown entry (its summary, and the first failed task's error); hidden without it.
    QLabel *sparkLabel() const { return m_spark; }
    QComboBox *serverFilter() const { return m_server; }
    QComboBox *sessionFilter() const { return m_session; }
    QComboBox *kindFilter() const { return m_kind; }
    QComboBox *stateFilter() const { return m_state; }
    QComboBox *dateFilter() const { return m_date; }
    /// The entry shown in the detail pane (with its output once loaded).
    std::optional<Livy::HistoryEntry> shownEntry() const { return m_shown; }
    QList<qint64> selectedRowIds() const;
    QString statusText() const;

    /// Writes the selected entries to `path` as a notebook (.ipynb) or a script (any other suffix: one language).
    /// Asynchronous: exportFinished() says how it went.
    void exportSelection(const QString &path);

public Q_SLOTS:
    void focusSearch();
    void rerunSelected();
    void copySelected();
    /// Asks, then deletes the selected entries.
    void deleteSelected();
    void deleteSelectedWithoutAsking();
    void exportSelectedInteractively();

Q_SIGNALS:
    void rerunRequested(const QString &code, const QString &kind);
    /// Make the entries part of their sessions' setup (appended in this order), or take them out.
    void setupMarkRequested(const QList<qint64> &rowIds, bool setup);
    void exportFinished(bool ok, const QString &message);

private:
    void updateQuery();
    void updateFacets(const Livy::HistoryFacets &facets);
    void showCurrent();
    void showEntry(const Livy::HistoryEntry &entry);
    void showSpark(const std::optional<Livy::SparkBreakdown> &breakdown);
    void updateActions();
    void writeExport(const QString &path, const QList<Livy::HistoryEntry> &entries);

    QPointer<Livy::HistoryModel> m_model;
    QLineEdit *m_search = nullptr;
    QComboBox *m_server = nullptr;
    QComboBox *m_session = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_date = nullptr;
    QTableView *m_view = nullptr;
    QSplitter *m_splitter = nullptr;
    CodeEditor *m_code = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_spark = nullptr;
    OutputView *m_output = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_rerun = nullptr;
    QToolButton *m_copy = nullptr;
    QToolButton *m_delete = nullptr;
    QToolButton *m_export = nullptr;
    QTimer m_queryDelay;
    std::optional<Livy::HistoryEntry> m_shown;
    qint64 m_loading = -1;
    QString m_pendingExport;
    QString m_unavailable;
    bool m_canRerun = false;
    QAction *m_markSetup = nullptr;
    QAction *m_unmarkSetup = nullptr;
    QSet<qint64> m_setupRowIds;
};

} // namespace LivyDesk
