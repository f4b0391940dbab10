// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableoutputview.h"

#include "nullawaredelegate.h"

#include "outputstyle.h"

#include "results/tablemodel.h"
#include "results/tableproxymodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace LivyDesk {

namespace {

/// A table view whose Ctrl+C copies the whole selection (QAbstractItemView copies only the current cell).
class ResultTableView : public QTableView
{
public:
    explicit ResultTableView(TableOutputView *owner)
        : QTableView(owner)
        , m_owner(owner)
    {
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event == QKeySequence::Copy) {
            m_owner->copySelection(false);
            event->accept();
            return;
        }
        if (event->key() == Qt::Key_C && event->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier)) {
            m_owner->copySelection(true);
            event->accept();
            return;
        }
        QTableView::keyPressEvent(event);
    }

private:
    TableOutputView *m_owner;
};

QString exportWork(const QString &path, Livy::TableExport::Format format,
                   const std::shared_ptr<const Livy::TableResult> &table, const QList<int> &rows,
                   const Livy::TaskContext &context)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    Livy::TableExport::Options options;
    options.progress = [&context](qsizetype done, qsizetype total) {
        context.reportProgress(done, total);
        return !context.isCancelled();
    };
    const QString error = Livy::TableExport::write(&file, format, *table, rows, Livy::TableExport::allColumns(*table), options);
    if (!error.isEmpty()) {
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return file.errorString();
    return {};
}

} // namespace

TableOutputView::TableOutputView(QWidget *parent)
    : QWidget(parent)
{
    m_model = new Livy::TableModel(this);
    m_proxy = new Livy::TableProxyModel(this);
    m_proxy->setSourceModel(m_model);

    m_view = new ResultTableView(this);
    m_view->setAccessibleName(tr("Result table"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new NullAwareDelegate(m_view));
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_view->setCornerButtonEnabled(true);
    // Fixed row heights: the header never measures 100,000 rows.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(QFontMetrics(font()).height() + 6);
    rows->setMinimumSectionSize(QFontMetrics(font()).height() + 2);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setHighlightSections(false);
    columns->setSortIndicator(-1, Qt::AscendingOrder); // keep the server's order until a header is clicked
    columns->setSortIndicatorShown(true);
    columns->setSortIndicatorClearable(true); // a third click brings the server's order back
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setSortingEnabled(true);
    // A double-click on a header edge fits that column to a sample of its contents (QTableView would measure
    // only the rows near the top).
    connect(columns, &QHeaderView::sectionHandleDoubleClicked, this, &TableOutputView::fitColumn);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter rows"));
    m_filter->setToolTip(OutputStyle::withShortcut(tr("Show only rows with a cell containing this text"), QKeySequence::Find));
    m_filter->setAccessibleName(tr("Filter rows"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(280);
    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(200);

    m_count = new QLabel(this);
    m_count->setAccessibleName(tr("Row count"));
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette countPalette = m_count->palette();
    countPalette.setColor(QPalette::WindowText, OutputStyle::mutedText(palette()));
    m_count->setPalette(countPalette);

    auto *copy = OutputStyle::toolButton(tr("Copy"), OutputStyle::withShortcut(tr("Copy the selected cells as tab-separated text"), QKeySequence::Copy), this);
    auto *csv = OutputStyle::toolButton(tr("Export CSV…"), OutputStyle::withShortcut(tr("Export the rows shown to a CSV file"), QKeySequence::Save), this);
    auto *json = OutputStyle::toolButton(tr("Export JSON…"), OutputStyle::withShortcut(tr("Export the rows shown to a JSON file"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)), this);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setAccessibleName(tr("Row limit note"));
    m_note->setTextFormat(Qt::RichText);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_note->setContentsMargins(8, 4, 8, 4);
    connect(m_note, &QLabel::linkActivated, this, &TableOutputView::pageOnServerRequested);
    m_note->setAutoFillBackground(true);
    QPalette notePalette = m_note->palette();
    notePalette.setColor(QPalette::Window, OutputStyle::noteBackground(palette()));
    notePalette.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    m_note->setPalette(notePalette);
    m_note->hide();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_filter);
    bar->addSpacing(8);
    bar->addWidget(m_count, 1);
    bar->addWidget(copy);
    bar->addWidget(csv);
    bar->addWidget(json);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] { setFilterText(m_filter->text()); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] { setFilterText(m_filter->text()); });
    connect(copy, &QToolButton::clicked, this, [this] { copySelection(false); });
    connect(csv, &QToolButton::clicked, this, &TableOutputView::exportCsvAs);
    connect(json, &QToolButton::clicked, this, &TableOutputView::exportJsonAs);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TableOutputView::visibleRowsChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TableOutputView::visibleRowsChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TableOutputView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TableOutputView::updateCount);
    connect(columns, &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(tr("Restore the server's row order"), this, [this] {
            m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
            m_proxy->sort(-1);
        });
        menu->addAction(tr("Fit columns to contents"), this, &TableOutputView::fitColumns);
        const int clicked = m_view->horizontalHeader()->logicalIndexAt(pos);
        if (clicked >= 0)
            menu->addAction(tr("Fit this column"), this, [this, clicked] { fitColumn(clicked); });
        menu->popup(m_view->horizontalHeader()->viewport()->mapToGlobal(pos));
    });

    connect(OutputStyle::shortcutAction(this, QKeySequence::Find), &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(OutputStyle::shortcutAction(this, QKeySequence::Save), &QAction::triggered, this, &TableOutputView::exportCsvAs);
    connect(OutputStyle::shortcutAction(this, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)), &QAction::triggered,
            this, &TableOutputView::exportJsonAs);
    setFocusProxy(m_view);
}

void TableOutputView::setTable(std::shared_ptr<const Livy::TableResult> table)
{
    m_filterTask.cancel();
    m_table = std::move(table);
    m_model->setResult(m_table);
    fitColumns();
    const QString note = capNote();
    // The way out of the cap: keep the query's result on the server and page through all of it (the data browser).
    m_note->setText(note.isEmpty() ? note
                                   : note.toHtmlEscaped() + QLatin1String(" <a href=\"page\">")
                                         + tr("Page through all rows on the server…") + QLatin1String("</a>"));
    m_note->setVisible(!note.isEmpty());
    updateCount();
}

QString TableOutputView::capNote() const
{
    if (!m_table || !m_table->mayBeTruncated())
        return {};
    const QLocale locale;
    return tr("Livy returns at most %1 rows for a SQL query (livy.rsc.sql.num-rows), so this result may be truncated. "
              "Add a LIMIT or an aggregation to see what you need, or raise the limit on the server.")
        .arg(locale.toString(m_table->rowCap()));
}

QString TableOutputView::countText() const
{
    if (!m_table)
        return {};
    const QLocale locale;
    const int total = m_table->rowCount();
    const int shown = m_proxy->rowCount();
    if (shown != total)
        return tr("Showing %1 of %2 rows").arg(locale.toString(shown), locale.toString(total));
    const QString rows = total == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(total));
    const int columnCount = m_table->columnCount();
    const QString cols = columnCount == 1 ? tr("1 column") : tr("%1 columns").arg(locale.toString(columnCount));
    return rows + QStringLiteral(" \u00d7 ") + cols;
}

void TableOutputView::updateCount()
{
    m_count->setText(countText());
}

void TableOutputView::fitColumns()
{
    if (!m_table)
        return;
    for (int c = 0; c < m_table->columnCount(); ++c)
        fitColumn(c);
}

void TableOutputView::fitColumn(int column)
{
    if (!m_table || column < 0 || column >= m_table->columnCount())
        return;
    // Measure the header and a sample of rows spread over the whole table (values at the end are often the widest:
    // ids and totals grow), never all of them, as the view draws them (the delegate's size hint).
    const int rowCount = m_proxy->rowCount();
    QList<int> sample;
    for (int r = 0; r < std::min(rowCount, 100); ++r)
        sample.append(r);
    for (int r = std::max(100, rowCount - 50); r < rowCount; ++r)
        sample.append(r);
    if (rowCount > 150) {
        for (int i = 1; i < 50; ++i)
            sample.append(int(qint64(rowCount) * i / 50));
    }
    const QFontMetrics headerFm(m_view->horizontalHeader()->font());
    int width = headerFm.horizontalAdvance(m_table->column(column).name) + 32; // sort indicator
    for (const int r : std::as_const(sample))
        width = std::max(width, m_view->sizeHintForIndex(m_proxy->index(r, column)).width() + 4);
    m_view->setColumnWidth(column, std::clamp(width, 48, MaxFittedColumnWidth));
}

void TableOutputView::setFilterText(const QString &text)
{
    m_filterDelay->stop();
    m_filterTask.cancel();
    if (m_filter->text() != text) {
        const QSignalBlocker blocker(m_filter);
        m_filter->setText(text);
    }
    const QString needle = text.trimmed();
    auto applied = [this, text] {
        updateCount();
        Q_EMIT visibleRowsChanged();
        Q_EMIT filterApplied(text);
    };
    if (!m_table || needle.isEmpty() || qsizetype(m_table->rowCount()) * m_table->columnCount() <= SyncFilterCells) {
        m_proxy->setFilterText(text);
        applied();
        return;
    }
    m_count->setText(tr("Filtering…"));
    const std::shared_ptr<const Livy::TableResult> table = m_table;
    m_filterTask = Livy::BackgroundTask::run<std::shared_ptr<const std::vector<bool>>>(
        this,
        [table, needle](const Livy::TaskContext &context) {
            return std::make_shared<const std::vector<bool>>(
                table->matchingRows(needle, [&context] { return context.isCancelled(); }));
        },
        [this, table, text, applied](std::shared_ptr<const std::vector<bool>> mask) {
            if (table != m_table)
                return; // a new result came meanwhile
            m_proxy->setFilterMask(text, std::move(mask));
            applied();
        });
}

QList<int> TableOutputView::visibleRows() const
{
    return m_proxy->visibleSourceRows();
}

QString TableOutputView::selectionAsTsv(bool withHeader) const
{
    if (!m_table)
        return {};
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    std::set<int> proxyRows;
    std::set<int> visualColumns;
    for (const QModelIndex &index : selected) {
        proxyRows.insert(index.row());
        visualColumns.insert(m_view->horizontalHeader()->visualIndex(index.column()));
    }
    QList<int> rows;
    for (int r : proxyRows)
        rows.append(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
    QList<int> columns;
    for (int v : visualColumns)
        columns.append(m_view->horizontalHeader()->logicalIndex(v));
    Livy::TableExport::Options options;
    options.header = withHeader;
    return Livy::TableExport::toTsv(*m_table, rows, columns, options);
}

void TableOutputView::copySelection(bool withHeader)
{
    const QString tsv = selectionAsTsv(withHeader);
    if (tsv.isEmpty())
        return;
    QApplication::clipboard()->setText(tsv);
    Q_EMIT statusMessage(tr("Copied %n row(s) to the clipboard", nullptr, int(tsv.count(QLatin1Char('\n'))) - (withHeader ? 1 : 0)));
}

void TableOutputView::exportTo(const QString &path, Livy::TableExport::Format format)
{
    if (!m_table)
        return;
    m_exportTask.cancel();
    const QList<int> rows = visibleRows();
    const std::shared_ptr<const Livy::TableResult> table = m_table;
    m_exportTask = Livy::BackgroundTask::run<QString>(
        this, [path, format, table, rows](const Livy::TaskContext &context) {
            return exportWork(path, format, table, rows, context);
        },
        [this, path, count = rows.size()](QString error) {
            Q_EMIT exportFinished(path, error);
            Q_EMIT statusMessage(error.isEmpty()
                                     ? tr("Exported %1 rows to %2").arg(QLocale().toString(count), path)
                                     : tr("Could not export to %1: %2").arg(path, error));
        });
}

void TableOutputView::askExportPath(Livy::TableExport::Format format)
{
    if (!m_table)
        return;
    const bool csv = format == Livy::TableExport::Format::Csv;
    auto *dialog = new QFileDialog(this, csv ? tr("Export CSV") : tr("Export JSON"),
                                   csv ? QStringLiteral("result.csv") : QStringLiteral("result.json"),
                                   csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) { exportTo(path, format); });
    dialog->open();
}

void TableOutputView::exportCsvAs()
{
    askExportPath(Livy::TableExport::Format::Csv);
}

void TableOutputView::exportJsonAs()
{
    askExportPath(Livy::TableExport::Format::Json);
}

} // namespace LivyDesk
