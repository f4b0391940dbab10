// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// LivyDesk::OutputView — shows one statement's output. The main window puts one in its output area and calls:
//
//   view->setOutput(statement.output.value());   // when a statement is available (ok or error)
//   view->showPlaceholder(OutputView::Placeholder::Running, {}, statement.progress); // while it runs
//   view->showPlaceholder(OutputView::Placeholder::Cancelled);
//   view->clear();                                // no statement selected
//
// setOutput() parses on a worker thread (Livy::OutputParser through Livy::BackgroundTask), so a 100,000-row
// table or a 50 MB text never blocks the window; a "Preparing…" placeholder with progress appears if that takes
// longer than a blink, and ready() is emitted once the parts are on screen. Call it once per statement output
// (it re-parses every time); calling it again, or clear()/showPlaceholder(), abandons a parse still running.
//
// Parts: the richest MIME part is shown first (image > table > JSON > text > others) and a tab bar switches
// between all of them; a table also gets a "Chart" tab that plots the rows the table shows. Errors show ename,
// evalue and the traceback. Each part widget has its own toolbar and keyboard shortcuts (Ctrl+F filter/find,
// Ctrl+C copy, Ctrl+S save/export, Ctrl+0 / Ctrl++ / Ctrl+- for images), active while the focus is inside it.
// statusMessage() carries one-line feedback ("Exported 1,000 rows to …") for the window's status bar.

#include "core/backgroundtask.h"
#include "results/outputparser.h"

#include "livy/types.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QStackedWidget;
class QTabBar;
class QTimer;

namespace LivyDesk {

class ChartOutputView;
class ErrorOutputView;
class ImageOutputView;
class JsonOutputView;
class TableOutputView;
class TextOutputView;

class OutputView : public QWidget
{
    Q_OBJECT
public:
    enum class Placeholder {
        Empty,      ///< nothing selected / no output yet
        Waiting,    ///< the statement is queued (Livy runs one statement at a time per session)
        Running,    ///< running; `progress` in [0, 1] shows a bar, < 0 a busy indicator
        Cancelling, ///< cancel requested
        Cancelled,  ///< cancelled (Livy may still send an output later: then call setOutput())
    };
    Q_ENUM(Placeholder)

    /// One tab of the switcher.
    enum class PageKind { Text, Json, Table, Chart, Image, Error };
    Q_ENUM(PageKind)

    explicit OutputView(QWidget *parent = nullptr);
    ~OutputView() override;

    void setOutput(const Livy::StatementOutput &output);
    void clear();
    /// Replaces what is shown by a message; `detail` adds a line (e.g. the statement's code or a reason);
    /// `title`, if given, replaces the placeholder's standard title.
    void showPlaceholder(Placeholder placeholder, const QString &detail = {}, double progress = -1,
                         const QString &title = {});
    /// The placeholder's detail line (for tests and accessibility).
    QString placeholderDetail() const;

    /// The server's `livy.rsc.sql.num-rows` (default 1000): a sql result with exactly this many rows gets the
    /// "may be truncated" note. Applies to the next setOutput().
    void setSqlRowCap(int rows);
    int sqlRowCap() const { return m_options.sqlRowCap; }

    /// A parse is running (setOutput() was called and ready() not yet emitted).
    bool isPreparing() const { return m_parseTask.isActive(); }
    /// The last parsed output (empty before the first ready()).
    const Livy::ParsedOutput &parsedOutput() const { return m_parsed; }

    /// Switcher entries ("Table", "Chart", "JSON", ...) in order; empty while a placeholder is shown.
    QStringList pageTitles() const;
    PageKind pageKind(int index) const;
    int currentPage() const;
    void setCurrentPage(int index);
    /// Selects the first page of `kind`; false when there is none.
    bool showPage(PageKind kind);
    QWidget *currentPageWidget() const;
    /// The page widget at `index` (created on first use).
    QWidget *pageWidget(int index);
    /// The placeholder's current message (for tests and accessibility).
    QString placeholderText() const;
    /// Notes about the decoding (ragged rows, a part that could not be read), shown under the tabs.
    QString notesText() const;

Q_SIGNALS:
    /// setOutput()'s parts are on screen.
    void ready();
    void currentPageChanged(int index);
    void statusMessage(const QString &message);
    /// A table cut at Livy's row cap: the user wants all of it, kept and paged on the server.
    void pageOnServerRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Page
    {
        PageKind kind = PageKind::Text;
        int part = -1;          // index into m_parsed.parts (-1 for the error page)
        QString title;
        QWidget *widget = nullptr;
    };

    void cancelParse();
    void onParsed(Livy::ParsedOutput parsed);
    void onProgress(qint64 done, qint64 total);
    void resetPages();
    QWidget *createPage(Page &page);
    void selectPage(int index);
    void showPlaceholderPage(const QString &title, const QString &detail, double progress, bool busy);
    void connectChart(TableOutputView *table, ChartOutputView *chart);
    void updateNotes();

    Livy::OutputParser::Options m_options;
    Livy::BackgroundTask m_parseTask;
    Livy::ParsedOutput m_parsed;
    QList<Page> m_pages;
    QTabBar *m_tabs = nullptr;
    QLabel *m_notes = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_placeholder = nullptr;
    QLabel *m_placeholderTitle = nullptr;
    QLabel *m_placeholderDetail = nullptr;
    QProgressBar *m_progress = nullptr;
    QTimer *m_preparingDelay = nullptr;
    bool m_updatingTabs = false;
};

} // namespace LivyDesk
