// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkbreakdownview.h"

#include "output/outputstyle.h"
#include "spark/sparkstagemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace LivyDesk {

using Livy::SparkStageModel;

SparkBreakdownView::SparkBreakdownView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_detailsButton(new QToolButton(this))
    , m_toggle(new QToolButton(this))
    , m_details(new QLabel(this))
    , m_tree(new QTreeView(this))
{
    setObjectName(QStringLiteral("sparkBreakdown"));
    setAccessibleName(tr("Spark jobs of the statement"));
    m_summary->setObjectName(QStringLiteral("sparkSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAccessibleName(tr("Spark summary"));
    connect(m_summary, &QLabel::linkActivated, this, [this](const QString &link) { Q_EMIT linkActivated(QUrl(link)); });
    m_reason->setObjectName(QStringLiteral("sparkReason"));
    m_reason->setWordWrap(true);
    m_reason->setAccessibleName(tr("Why there is no Spark breakdown"));
    QPalette muted = m_reason->palette();
    muted.setColor(QPalette::WindowText, OutputStyle::mutedText(palette()));
    m_reason->setPalette(muted);
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoRaise(true);
    m_detailsButton->setAccessibleName(tr("Show the request and the error"));
    m_details->setObjectName(QStringLiteral("sparkDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    m_details->setVisible(false);
    m_details->setAccessibleName(tr("Request and error"));
    connect(m_detailsButton, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        applyExpanded();
    });

    m_toggle->setObjectName(QStringLiteral("sparkToggle"));
    m_toggle->setAutoRaise(true);
    m_toggle->setCheckable(true);
    m_toggle->setChecked(true);
    m_toggle->setArrowType(Qt::DownArrow);
    m_toggle->setAccessibleName(tr("Show the jobs and stages"));
    m_toggle->setToolTip(tr("Show or hide the jobs and stages"));
    connect(m_toggle, &QToolButton::toggled, this, [this](bool on) {
        if (on == m_expanded)
            return;
        m_expanded = on;
        applyExpanded();
        Q_EMIT expandedChanged(on);
    });

    m_tree->setObjectName(QStringLiteral("sparkStages"));
    m_tree->setAccessibleName(tr("Spark jobs, stages and failed tasks"));
    m_tree->setItemDelegate(new SparkStageDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &SparkBreakdownView::showMenu);
    connect(m_tree, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const QUrl url = index.siblingAtColumn(0).data(SparkStageModel::PageUrlRole).toUrl();
        if (!url.isEmpty())
            Q_EMIT linkActivated(url);
    });

    auto *line = new QHBoxLayout;
    line->setContentsMargins(2, 2, 6, 0);
    line->addWidget(m_toggle);
    line->addWidget(m_summary, 1);
    line->addWidget(m_reason, 1);
    line->addWidget(m_detailsButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(line);
    layout->addWidget(m_details);
    layout->addWidget(m_tree, 1);
    clear();
}

void SparkBreakdownView::setModel(QAbstractItemModel *model)
{
    m_tree->setModel(model);
    if (!model)
        return;
    // Keep every job open: the point is to see its stages move.
    connect(model, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(model, &QAbstractItemModel::rowsInserted, m_tree, &QTreeView::expandAll);
    m_tree->expandAll();
    QHeaderView *h = m_tree->header();
    h->setSectionResizeMode(SparkStageModel::NameColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_tree->fontMetrics();
    m_tree->setColumnWidth(SparkStageModel::StatusColumn, fm.horizontalAdvance(QStringLiteral("succeeded")) + 24);
    m_tree->setColumnWidth(SparkStageModel::TasksColumn, fm.horizontalAdvance(QStringLiteral("1,600/1,600 (12 running)")) + 16);
    for (int c : { SparkStageModel::InputColumn, SparkStageModel::OutputColumn, SparkStageModel::ShuffleReadColumn,
                   SparkStageModel::ShuffleWriteColumn, SparkStageModel::DurationColumn })
        m_tree->setColumnWidth(c, fm.horizontalAdvance(QStringLiteral("Shuffle write")) + 18);
}

void SparkBreakdownView::setSummary(const QString &summary, const QUrl &uiUrl)
{
    m_uiUrl = uiUrl;
    QString html = QStringLiteral("<b>%1</b> · %2").arg(tr("Spark"), summary.toHtmlEscaped());
    if (!uiUrl.isEmpty())
        html += QStringLiteral(" &nbsp; <a href=\"%1\">%2</a>").arg(uiUrl.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                                     tr("Open in Spark UI"));
    m_summary->setText(html);
    m_summary->setToolTip(summary);
    m_summary->setVisible(true);
    m_reason->setVisible(false);
    m_detailsButton->setVisible(false);
    m_detailsButton->setChecked(false);
    m_toggle->setVisible(true);
    applyExpanded();
    setHasContent(true);
}

void SparkBreakdownView::setExpanded(bool expanded)
{
    if (m_expanded == expanded)
        return;
    m_toggle->setChecked(expanded); // applies it and says so
}

void SparkBreakdownView::applyExpanded()
{
    m_toggle->setArrowType(m_expanded ? Qt::DownArrow : Qt::RightArrow);
    const bool tree = m_expanded && m_summary->isVisibleTo(this);
    m_tree->setVisible(tree);
    // Collapsed, the view is its summary line: the splitter cannot give it more.
    setMaximumHeight(tree || m_details->isVisibleTo(this) ? QWIDGETSIZE_MAX : sizeHint().height());
}

void SparkBreakdownView::setUnavailable(const QString &reason, const QString &details)
{
    m_summary->setVisible(false);
    m_toggle->setVisible(false);
    m_reason->setText(tr("Spark: %1").arg(reason));
    m_reason->setVisible(true);
    m_details->setText(details);
    m_detailsButton->setVisible(!details.isEmpty());
    if (details.isEmpty())
        m_detailsButton->setChecked(false);
    applyExpanded();
    setHasContent(true);
}

void SparkBreakdownView::clear()
{
    m_summary->clear();
    m_reason->clear();
    m_details->clear();
    m_detailsButton->setChecked(false);
    m_detailsButton->setVisible(false);
    setHasContent(false);
}

QString SparkBreakdownView::summaryText() const
{
    return m_summary->isVisibleTo(this) ? m_summary->toolTip() : QString();
}

QString SparkBreakdownView::reasonText() const
{
    return m_reason->isVisibleTo(this) ? m_reason->text() : QString();
}

void SparkBreakdownView::setHasContent(bool has)
{
    if (m_hasContent == has)
        return;
    m_hasContent = has;
    Q_EMIT contentChanged(has);
}

void SparkBreakdownView::showMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const QUrl url = index.siblingAtColumn(0).data(SparkStageModel::PageUrlRole).toUrl();
    if (!url.isEmpty()) {
        menu.addAction(tr("Open in Spark UI"), this, [this, url] { Q_EMIT linkActivated(url); });
    }
    const auto kind = SparkStageModel::RowKind(index.data(SparkStageModel::KindRole).toInt());
    const QString error = index.siblingAtColumn(0).data(Qt::ToolTipRole).toString();
    if ((kind == SparkStageModel::RowKind::Failure || index.data(SparkStageModel::FailedRole).toBool()) && !error.isEmpty())
        menu.addAction(tr("Copy Error"), this, [error] { QApplication::clipboard()->setText(error); });
    menu.addAction(tr("Copy Row"), this, [index] {
        QStringList cells;
        for (int c = 0; c < index.model()->columnCount(index.parent()); ++c)
            cells << index.siblingAtColumn(c).data().toString();
        QApplication::clipboard()->setText(cells.join(QLatin1Char('\t')));
    });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void SparkStageDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(SparkStageModel::FailedRole).toBool() && index.column() <= SparkStageModel::StatusColumn)
        option->palette.setColor(QPalette::Text, OutputStyle::errorText(option->palette));
}

void SparkStageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant progress = index.data(SparkStageModel::ProgressRole);
    if (index.column() != SparkStageModel::TasksColumn || !progress.isValid()
        || index.data(SparkStageModel::StatusRole).toString() == QLatin1String("SKIPPED")) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
    // A 3-pixel bar along the bottom of the cell: done in the highlight colour, failed rows in the error colour.
    const QRect r = option.rect.adjusted(4, option.rect.height() - 5, -4, -2);
    const double fraction = std::clamp(progress.toDouble(), 0.0, 1.0);
    painter->save();
    QColor track = option.palette.color(QPalette::Mid);
    track.setAlpha(90);
    painter->fillRect(r, track);
    const QColor fill = index.data(SparkStageModel::FailedRole).toBool() ? OutputStyle::errorText(option.palette)
                                                                        : option.palette.color(QPalette::Highlight);
    painter->fillRect(QRect(r.left(), r.top(), int(r.width() * fraction), r.height()), fill);
    painter->restore();
}

} // namespace LivyDesk
