// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartoutputview.h"

#include "outputstyle.h"

#include "results/tableexport.h"

#include <QAction>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPixmap>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

ChartOutputView::ChartOutputView(QWidget *parent)
    : QWidget(parent)
{
    m_chartView = new QChartView(this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setAccessibleName(tr("Chart"));
    m_chartView->setMinimumSize(240, 160);
    m_chartView->setFocusPolicy(Qt::StrongFocus);

    m_type = new QComboBox(this);
    m_type->setAccessibleName(tr("Chart type"));
    m_type->setToolTip(tr("Chart type"));
    for (ChartType t : ChartBuilder::types())
        m_type->addItem(ChartBuilder::typeName(t), int(t));
    m_x = new QComboBox(this);
    m_x->setAccessibleName(tr("X column"));
    m_x->setToolTip(tr("Column on the horizontal axis (labels for bars and pie slices)"));
    m_x->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_yMenu = new QMenu(this);
    m_yButton = new QToolButton(this);
    m_yButton->setPopupMode(QToolButton::InstantPopup);
    m_yButton->setMenu(m_yMenu);
    m_yButton->setAccessibleName(tr("Y columns"));
    m_yButton->setToolTip(tr("Numeric columns to plot"));
    auto *save = OutputStyle::toolButton(tr("Save PNG…"), OutputStyle::withShortcut(tr("Save the chart as a PNG image"), QKeySequence::Save), this);
    m_note = new QLabel(this);
    m_note->setAccessibleName(tr("Chart note"));
    QPalette notePalette = m_note->palette();
    notePalette.setColor(QPalette::WindowText, OutputStyle::mutedText(palette()));
    m_note->setPalette(notePalette);

    auto *typeLabel = new QLabel(tr("&Chart:"), this);
    typeLabel->setBuddy(m_type);
    auto *xLabel = new QLabel(tr("&X:"), this);
    xLabel->setBuddy(m_x);
    auto *yLabel = new QLabel(tr("Y:"), this);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(typeLabel);
    bar->addWidget(m_type);
    bar->addSpacing(8);
    bar->addWidget(xLabel);
    bar->addWidget(m_x);
    bar->addSpacing(8);
    bar->addWidget(yLabel);
    bar->addWidget(m_yButton);
    bar->addSpacing(8);
    bar->addWidget(m_note, 1);
    bar->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_chartView, 1);

    connect(m_type, &QComboBox::activated, this, [this] {
        m_spec.type = ChartType(m_type->currentData().toInt());
        rebuildSoon();
    });
    connect(m_x, &QComboBox::activated, this, [this] {
        m_spec.xColumn = m_x->currentData().toInt();
        rebuildSoon();
    });
    connect(save, &QToolButton::clicked, this, &ChartOutputView::savePngAs);
    connect(OutputStyle::shortcutAction(this, QKeySequence::Save), &QAction::triggered, this, &ChartOutputView::savePngAs);
    applyTheme();
}

void ChartOutputView::setTable(std::shared_ptr<const Livy::TableResult> table)
{
    m_table = std::move(table);
    m_rows = m_table ? Livy::TableExport::allRows(*m_table) : QList<int>();
    m_spec = m_table ? ChartBuilder::defaultSpec(*m_table, ChartType(m_type->currentData().toInt())) : ChartSpec();
    fillControls();
    rebuildSoon();
}

void ChartOutputView::setRows(const QList<int> &rows)
{
    // The table's filter applies; its sort does not (a chart keeps the result's order, times are ordered by time).
    m_rows = rows;
    std::sort(m_rows.begin(), m_rows.end());
    rebuildSoon();
}

void ChartOutputView::setSpec(const ChartSpec &spec)
{
    m_spec = spec;
    fillControls();
    rebuild();
}

void ChartOutputView::fillControls()
{
    const QSignalBlocker b1(m_type);
    const QSignalBlocker b2(m_x);
    m_type->setCurrentIndex(m_type->findData(int(m_spec.type)));
    m_x->clear();
    m_x->addItem(tr("(row number)"), -1);
    m_yMenu->clear();
    if (!m_table)
        return;
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_x->addItem(m_table->column(c).name, c);
    m_x->setCurrentIndex(m_x->findData(m_spec.xColumn));
    for (int c : ChartBuilder::plottableColumns(*m_table)) {
        QAction *action = m_yMenu->addAction(m_table->column(c).name);
        action->setCheckable(true);
        action->setChecked(m_spec.yColumns.contains(c));
        connect(action, &QAction::toggled, this, [this, c](bool on) {
            if (on && !m_spec.yColumns.contains(c)) {
                m_spec.yColumns.append(c);
                std::sort(m_spec.yColumns.begin(), m_spec.yColumns.end());
            } else if (!on) {
                m_spec.yColumns.removeAll(c);
            }
            updateYButton();
            rebuildSoon();
        });
    }
    updateYButton();
}

void ChartOutputView::updateYButton()
{
    QStringList names;
    for (int c : m_spec.yColumns) {
        if (m_table && c >= 0 && c < m_table->columnCount())
            names.append(m_table->column(c).name);
    }
    QString text = names.isEmpty() ? tr("(none)") : names.size() <= 2 ? names.join(QStringLiteral(", "))
                                                                       : tr("%1 columns").arg(names.size());
    if (text.size() > 40)
        text = text.left(39) + QChar(0x2026);
    m_yButton->setText(text);
    m_yButton->setToolTip(names.isEmpty() ? tr("Numeric columns to plot") : tr("Plotted: %1").arg(names.join(QStringLiteral(", "))));
    // Room for the whole label and the menu arrow (the style draws the arrow over the text otherwise).
    m_yButton->setMinimumWidth(m_yButton->fontMetrics().horizontalAdvance(text) + 36);
}

void ChartOutputView::rebuildSoon()
{
    m_dirty = true;
    if (isVisible())
        QTimer::singleShot(0, this, [this] {
            if (m_dirty)
                rebuild();
        });
}

void ChartOutputView::rebuild()
{
    m_dirty = false;
    QString note;
    QChart *chart = m_table ? ChartBuilder::build(*m_table, m_rows, m_spec, &note) : new QChart;
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old; // setChart() hands the previous chart back to us
    applyTheme();
    m_note->setText(note);
    m_note->setToolTip(note);
}

QString ChartOutputView::note() const
{
    return m_note->text();
}

void ChartOutputView::applyTheme()
{
    QChart *chart = m_chartView->chart();
    if (!chart)
        return;
    // The theme resets series colours, so apply it before tweaking the area fills.
    chart->setTheme(OutputStyle::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(palette().color(QPalette::Base));
    chart->setTitleBrush(palette().color(QPalette::Text));
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    // Distinct colours that read on dark and light backgrounds (the dark theme's pie is shades of one green).
    static const QColor colours[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                                     QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                                     QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                                     QColor(0xba, 0xb0, 0xac)};
    constexpr int colourCount = int(sizeof(colours) / sizeof(colours[0]));
    const QList<QAbstractSeries *> series = chart->series();
    int next = 0;
    for (QAbstractSeries *s : series) {
        if (auto *bars = qobject_cast<QBarSeries *>(s)) {
            const QList<QBarSet *> sets = bars->barSets();
            for (QBarSet *set : sets) {
                set->setColor(colours[next++ % colourCount]);
                set->setBorderColor(set->color());
            }
        } else if (auto *pie = qobject_cast<QPieSeries *>(s)) {
            const QList<QPieSlice *> slices = pie->slices();
            for (QPieSlice *slice : slices) {
                slice->setBrush(colours[next++ % colourCount]);
                slice->setBorderColor(palette().color(QPalette::Base));
                slice->setLabelColor(palette().color(QPalette::Text));
            }
        } else if (auto *area = qobject_cast<QAreaSeries *>(s)) {
            QColor fill = colours[next++ % colourCount];
            area->setBorderColor(fill);
            fill.setAlphaF(series.size() > 1 ? 0.45f : 0.7f);
            area->setBrush(fill);
        } else if (auto *line = qobject_cast<QLineSeries *>(s)) {
            QPen pen = line->pen();
            pen.setColor(colours[next++ % colourCount]);
            pen.setWidthF(2);
            line->setPen(pen);
        } else if (auto *scatter = qobject_cast<QScatterSeries *>(s)) {
            scatter->setColor(colours[next++ % colourCount]);
            scatter->setBorderColor(palette().color(QPalette::Base));
        }
    }
    m_chartView->setBackgroundBrush(palette().color(QPalette::Base));
}

void ChartOutputView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        rebuild();
}

void ChartOutputView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

QString ChartOutputView::savePng(const QString &path)
{
    if (m_dirty)
        rebuild();
    const QPixmap pixmap = m_chartView->grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG"))
        return tr("Could not write %1").arg(path);
    return {};
}

void ChartOutputView::savePngAs()
{
    auto *dialog = new QFileDialog(this, tr("Save chart"), QStringLiteral("chart.png"), tr("PNG images (*.png)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("png"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const QString error = savePng(path);
        Q_EMIT statusMessage(error.isEmpty() ? tr("Saved %1").arg(path) : error);
    });
    dialog->open();
}

} // namespace LivyDesk
