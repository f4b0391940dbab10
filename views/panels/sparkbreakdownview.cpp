// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkbreakdownview.h"

#include "output/outputstyle.h"
#include "spark/sparkstagemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
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
    // One quiet line, elided to the width it has; the whole reason is its tooltip, the request and error are
    // behind "Details".
    m_reason->setObjectName(QStringLiteral("sparkReason"));
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_reason->setAccessibleName(tr("Why there is no Spark breakdown"));
    m_reason->installEventFilter(this);
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoRaise(true);
    m_detailsButton->setAccessibleName(tr("Show the request and the error"));
    m_details->setObjectName(QStringLiteral("sparkDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_details->setWordWrap(true);
    m_details->setContentsMargins(2, 0, 6, 4);
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
    applyPalette();
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
    if (QAbstractItemModel *old = m_tree->model())
        old->disconnect(this);
    m_tree->setModel(model);
    if (!model)
        return;
    // Keep every job open: the point is to see its stages move.
    connect(model, &QAbstractItemModel::modelReset, this, &SparkBreakdownView::openRows);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SparkBreakdownView::openRows);
    connect(model, &QAbstractItemModel::layoutChanged, this, &SparkBreakdownView::openRows);
    openRows();
    QHeaderView *h = m_tree->header();
    h->setSectionResizeMode(SparkStageModel::NameColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_tree->fontMetrics();
    m_tree->setColumnWidth(SparkStageModel::StatusColumn, fm.horizontalAdvance(QStringLiteral("succeeded")) + 24);
    m_tree->setColumnWidth(SparkStageModel::TasksColumn, fm.horizontalAdvance(QStringLiteral("1,600/1,600 (12 running)")) + 16);
    for (int c : { SparkStageModel::InputColumn, SparkStageModel::OutputColumn, SparkStageModel::ShuffleReadColumn,
                   SparkStageModel::ShuffleWriteColumn, SparkStageModel::DurationColumn })
        m_tree->setColumnWidth(c, fm.horizontalAdvance(QStringLiteral("Shuffle write")) + 18);
}

void SparkBreakdownView::openRows()
{
    QAbstractItemModel *model = m_tree->model();
    if (!model)
        return;
    m_tree->expandAll();
    for (int j = 0; j < model->rowCount(); ++j) {
        const QModelIndex job = model->index(j, 0);
        for (int s = 0; s < model->rowCount(job); ++s) {
            const QModelIndex stage = model->index(s, 0, job);
            for (int f = 0; f < model->rowCount(stage); ++f)
                m_tree->setFirstColumnSpanned(f, stage, true);
        }
    }
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
    m_reasonText = tr("Spark: %1").arg(reason);
    m_reason->setToolTip(reason);
    m_reason->setAccessibleDescription(reason);
    elideReason();
    m_reason->setVisible(true);
    // The line may be elided: the details start with the whole reason.
    m_details->setText(details.isEmpty() ? QString() : reason + QStringLiteral("\n") + details);
    m_detailsButton->setVisible(!details.isEmpty());
    if (details.isEmpty())
        m_detailsButton->setChecked(false);
    applyExpanded();
    setHasContent(true);
}

void SparkBreakdownView::clear()
{
    m_summary->clear();
    m_reasonText.clear();
    m_reason->clear();
    m_reason->setToolTip(QString());
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
    return m_reason->isVisibleTo(this) ? m_reasonText : QString();
}

void SparkBreakdownView::elideReason()
{
    m_reason->setText(m_reason->fontMetrics().elidedText(m_reasonText, Qt::ElideRight, std::max(0, m_reason->width())));
}

bool SparkBreakdownView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_reason && event->type() == QEvent::Resize)
        elideReason();
    return QWidget::eventFilter(watched, event);
}

void SparkBreakdownView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void SparkBreakdownView::applyPalette()
{
    // The reason and its details are quiet: the muted text colour of the current (light or dark) palette.
    for (QLabel *label : { m_reason, m_details }) {
        QPalette muted = palette();
        muted.setColor(QPalette::WindowText, OutputStyle::mutedText(palette()));
        label->setPalette(muted);
    }
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
    // popup(), not exec(): no nested event loop. The actions keep values, not the index (the next poll may reset
    // the model while the menu is open).
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("sparkMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QUrl url = index.siblingAtColumn(0).data(SparkStageModel::PageUrlRole).toUrl();
    if (!url.isEmpty())
        menu->addAction(tr("&Open in Spark UI"), this, [this, url] { Q_EMIT linkActivated(url); });
    // A failed task's error, or a failed stage's reason (outside the name column a row's tooltip is only that; the
    // name column's is a job's description or a stage's name).
    const QString error = index.siblingAtColumn(SparkStageModel::StatusColumn).data(Qt::ToolTipRole).toString();
    if (index.data(SparkStageModel::FailedRole).toBool() && !error.isEmpty())
        menu->addAction(tr("Copy &Error"), this, [error] { QApplication::clipboard()->setText(error); });
    QStringList cells;
    for (int c = 0; c < index.model()->columnCount(index.parent()); ++c)
        cells << index.siblingAtColumn(c).data().toString();
    menu->addAction(tr("Copy &Row"), this, [row = cells.join(QLatin1Char('\t'))] { QApplication::clipboard()->setText(row); });
    menu->popup(m_tree->viewport()->mapToGlobal(pos));
}

void SparkStageDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(SparkStageModel::FailedRole).toBool() && index.column() <= SparkStageModel::StatusColumn)
        option->palette.setColor(QPalette::Text, OutputStyle::errorText(option->palette));
}

QSize SparkStageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(size.height() + 7);
    return size;
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
