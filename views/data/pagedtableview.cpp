// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagedtableview.h"

#include "data/pagedtablemodel.h"
#include "output/nullawaredelegate.h"
#include "output/outputstyle.h"

#include <QFileDialog>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

using Livy::PagedQuery;
using Livy::PagedTableModel;

namespace {

/// Cells whose page is still on its way show a muted "…".
class PagedCellDelegate : public NullAwareDelegate
{
public:
    using NullAwareDelegate::NullAwareDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        NullAwareDelegate::initStyleOption(option, index);
        if (index.data(PagedTableModel::LoadingRole).toBool()) {
            option->text = QStringLiteral("…");
            option->palette.setColor(QPalette::Text, OutputStyle::mutedText(option->palette));
        }
    }
};

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace

PagedTableView::PagedTableView(PagedTableModel *model, const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_titleText(title)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter on the server: a Spark SQL condition, e.g. amount > 100 AND city = 'Paris'"));
    m_filter->setAccessibleName(tr("Server-side filter"));
    m_filter->setAccessibleDescription(tr("A Spark SQL condition applied on the server when you press Enter"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setAccessibleName(tr("Row count"));
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_csv = OutputStyle::toolButton(tr("Export All CSV…"), tr("Stream every row from the server to a CSV file"), this);
    m_json = OutputStyle::toolButton(tr("Export All JSON Lines…"), tr("Stream every row from the server to a JSON lines file"), this);
    bar->addWidget(m_filter, 2);
    bar->addSpacing(8);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_csv);
    bar->addWidget(m_json);
    layout->addLayout(bar);

    auto *errorRow = new QHBoxLayout;
    errorRow->setContentsMargins(6, 0, 6, 0);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Paged table error"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, OutputStyle::errorText(palette()));
    m_error->setPalette(errorPalette);
    m_errorDetails = OutputStyle::toolButton(tr("Details"), tr("What Spark said"), this);
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_errorDetails, 0, Qt::AlignTop);
    layout->addLayout(errorRow);
    m_error->hide();
    m_errorDetails->hide();

    m_view = new QTableView(this);
    m_view->setAccessibleName(tr("Paged result table"));
    m_view->setModel(model);
    m_view->setItemDelegate(new PagedCellDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicatorShown(false); // shown once the user sorts
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);

    m_exportBar = new QWidget(this);
    auto *exportLayout = new QHBoxLayout(m_exportBar);
    exportLayout->setContentsMargins(6, 2, 6, 2);
    m_exportText = new QLabel(m_exportBar);
    m_exportText->setAccessibleName(tr("Export progress"));
    m_exportText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportProgress = new QProgressBar(m_exportBar);
    m_exportProgress->setMaximumWidth(220);
    m_exportProgress->setAccessibleName(tr("Export progress bar"));
    m_exportCancel = OutputStyle::toolButton(tr("Cancel"), tr("Stop the export; the rows written so far are kept in a .partial file"), m_exportBar);
    exportLayout->addWidget(m_exportText, 1);
    exportLayout->addWidget(m_exportProgress);
    exportLayout->addWidget(m_exportCancel);
    layout->addWidget(m_exportBar);
    m_exportBar->hide();

    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_model)
            m_model->setFilter(m_filter->text());
    });
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this] { m_view->horizontalHeader()->setSortIndicatorShown(true); });
    connect(m_csv, &QToolButton::clicked, this, [this] { askExport(PagedQuery::ExportFormat::Csv); });
    connect(m_json, &QToolButton::clicked, this, [this] { askExport(PagedQuery::ExportFormat::JsonLines); });
    connect(m_exportCancel, &QToolButton::clicked, this, &PagedTableView::exportCancelRequested);
    connect(m_errorDetails, &QToolButton::clicked, this, [this] {
        QMessageBox box(QMessageBox::Warning, tr("Paged table"), m_error->text(), QMessageBox::Close, this);
        box.setDetailedText(m_errorDetailsText);
        box.exec();
    });
    if (model) {
        connect(model, &PagedTableModel::totalRowsChanged, this, &PagedTableView::updateCount);
        connect(model, &PagedTableModel::loadingChanged, this, &PagedTableView::updateCount);
        connect(model, &PagedTableModel::errorOccurred, this, &PagedTableView::showError);
        connect(model, &PagedTableModel::pageLoaded, this, [this](int page) {
            m_error->hide();
            m_errorDetails->hide();
            if (page == 0 && !m_fitted)
                fitColumns();
        });
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_fitted = false;
            if (m_model && m_model->query().sortColumn.isEmpty())
                m_view->horizontalHeader()->setSortIndicatorShown(false);
        });
    }
    updateCount();
    setFocusProxy(m_view);
}

QString PagedTableView::countText() const
{
    return m_count->text();
}

QString PagedTableView::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString PagedTableView::exportText() const
{
    return m_exportText->text();
}

void PagedTableView::updateCount()
{
    if (!m_model)
        return;
    const qint64 total = m_model->totalRows();
    const QLocale locale;
    QString text;
    if (total < 0)
        text = m_model->errorText().isEmpty() ? tr("Counting rows on the server…") : QString();
    else if (m_model->query().filter.isEmpty())
        text = total == 1 ? tr("1 row on the server") : tr("%1 rows on the server").arg(locale.toString(total));
    else
        text = tr("%1 matching rows on the server").arg(locale.toString(total));
    if (total >= 0 && m_model->isLoading())
        text += tr(" · loading…");
    m_count->setText(text);
    const bool canExport = total >= 0 && !m_exporting;
    m_csv->setEnabled(canExport);
    m_json->setEnabled(canExport);
}

void PagedTableView::fitColumns()
{
    // From the header and the first page's rows (never by reading the whole column: that would fetch its pages).
    if (!m_model || m_model->columnCount() == 0)
        return;
    m_fitted = true;
    const QFontMetrics metrics(m_view->font());
    const QFontMetrics headerMetrics(m_view->horizontalHeader()->font());
    const int rows = qMin(m_model->rowCount(), qMin(m_model->pageSize(), 200));
    for (int c = 0; c < m_model->columnCount(); ++c) {
        int width = headerMetrics.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + 28;
        for (int r = 0; r < rows; ++r)
            width = qMax(width, metrics.horizontalAdvance(m_model->cellText(r, c).left(80)) + 16);
        m_view->setColumnWidth(c, qMin(width, 360));
    }
}

void PagedTableView::showError(const QString &message, const QString &details)
{
    m_error->setText(message);
    m_error->show();
    m_errorDetailsText = details;
    m_errorDetails->setVisible(!details.isEmpty());
    updateCount();
}

void PagedTableView::askExport(PagedQuery::ExportFormat format)
{
    const bool csv = format == PagedQuery::ExportFormat::Csv;
    QString base = m_titleText;
    base.remove(QLatin1Char('`'));
    base.replace(QLatin1Char('.'), QLatin1Char('_'));
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/') + base
        + (csv ? QLatin1String(".csv") : QLatin1String(".jsonl"));
    const QString path = QFileDialog::getSaveFileName(this, csv ? tr("Export All Rows as CSV") : tr("Export All Rows as JSON Lines"),
                                                      suggested, csv ? tr("CSV files (*.csv)") : tr("JSON lines (*.jsonl *.json)"));
    if (!path.isEmpty())
        exportTo(path, format);
}

void PagedTableView::exportTo(const QString &path, PagedQuery::ExportFormat format)
{
    m_exporting = true;
    m_exportBar->show();
    m_exportCancel->setEnabled(true);
    m_exportProgress->setRange(0, 0);
    m_exportText->setText(tr("Exporting to %1…").arg(path));
    updateCount();
    Q_EMIT exportRequested(path, format);
}

void PagedTableView::setExportProgress(qint64 rows, qint64 total, qint64 bytes, double rowsPerSecond)
{
    const QLocale locale;
    if (total > 0) {
        m_exportProgress->setRange(0, 1000);
        m_exportProgress->setValue(int(qMin<qint64>(1000, rows * 1000 / total)));
    }
    m_exportText->setText(total >= 0 ? tr("Exported %1 of %2 rows · %3 · %4 rows/s")
                                           .arg(locale.toString(rows), locale.toString(total), sizeText(bytes),
                                                locale.toString(qRound64(rowsPerSecond)))
                                     : tr("Exported %1 rows · %2 · %3 rows/s")
                                           .arg(locale.toString(rows), sizeText(bytes), locale.toString(qRound64(rowsPerSecond))));
}

void PagedTableView::setExportFinished(const QString &summary, bool ok)
{
    m_exporting = false;
    m_exportCancel->setEnabled(false);
    m_exportProgress->setRange(0, 1000);
    m_exportProgress->setValue(ok ? 1000 : m_exportProgress->value());
    m_exportText->setText(summary);
    QPalette p = m_exportText->palette();
    p.setColor(QPalette::WindowText, ok ? palette().color(QPalette::WindowText) : OutputStyle::errorText(palette()));
    m_exportText->setPalette(p);
    updateCount();
    Q_EMIT statusMessage(summary);
}

} // namespace LivyDesk
