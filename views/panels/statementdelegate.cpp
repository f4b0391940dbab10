// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statementdelegate.h"

#include "icons.h"

#include "items/statementlistmodel.h"
#include "output/outputstyle.h"
#include "statestyle.h"


#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace LivyDesk {

using Model = Livy::StatementListModel;

namespace {
bool isInProgress(const QModelIndex &index)
{
    if (index.data(Model::VanishedRole).toBool())
        return false; // no spinner without a request behind it
    const auto state = Livy::StatementState(index.data(Model::StateRole).toInt());
    return state == Livy::StatementState::Waiting || state == Livy::StatementState::Running
           || state == Livy::StatementState::Cancelling;
}
} // namespace

void StatementDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(Model::InternalRole).toBool()) {
        // LivyDesk's own statements (catalog, pages, exports) read as background work, not as the user's.
        option->font.setItalic(true);
        if (!(option->state & QStyle::State_Selected))
            option->palette.setColor(QPalette::Text, OutputStyle::mutedText(option->palette));
    }
    const auto state = Livy::StatementState(index.data(Model::StateRole).toInt());
    const bool isError = index.data(Model::IsErrorRole).toBool();
    if (index.column() == Model::StateColumn) {
        const StateStyle::Tone tone = StateStyle::toneFor(state, isError);
        option->icon = StateStyle::badge(tone, option->palette, state == Livy::StatementState::Running);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(12, 12);
        if (!(option->state & QStyle::State_Selected))
            option->palette.setColor(QPalette::Text, StateStyle::colour(tone, option->palette));
        if (isError && state == Livy::StatementState::Available)
            option->text = tr("error");
        else if (index.data(Model::StillRunningRole).toBool())
            option->text = tr("cancelled · still running");
    } else if (index.column() == Model::OutputColumn && isError && !(option->state & QStyle::State_Selected)) {
        option->palette.setColor(QPalette::Text, StateStyle::colour(StateStyle::Tone::Bad, option->palette));
    } else if (index.column() == Model::ProgressColumn && index.data(Model::StillRunningRole).toBool()) {
        // Livy reports 100 % for a cancelled statement; its code is in fact still running.
        option->text = tr("running on");
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    } else if (index.column() == Model::IdColumn && m_setupIds.contains(index.data(Model::IdRole).toInt())) {
        option->icon = appIcon(AppIcon::Settings);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(12, 12);
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    } else if (index.column() == Model::IdColumn || index.column() == Model::DurationColumn
               || index.column() == Model::ProgressColumn) {
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    }
}

void StatementDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != Model::ProgressColumn || !isInProgress(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background (selection, alternate rows) first, then a progress bar inset in the cell.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = qRound(index.data(Model::ProgressRole).toDouble() * 100.0);
    bar.text = QStringLiteral("%1 %").arg(bar.progress);
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    bar.fontMetrics = option.fontMetrics;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize StatementDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == Model::ProgressColumn)
        size.setWidth(qMax(size.width(), 90));
    return size;
}

} // namespace LivyDesk
