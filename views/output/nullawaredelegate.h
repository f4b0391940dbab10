// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "outputstyle.h"
#include "results/tablemodel.h"

#include <QStyledItemDelegate>

namespace LivyDesk {

/// Draws null cells (Livy::TableModel::IsNullRole, also answered by Livy::PagedTableModel) as a muted, italic
/// "null", so that they differ from empty strings.
class NullAwareDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(Livy::TableModel::IsNullRole).toBool()) {
            option->text = QStringLiteral("null");
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, OutputStyle::mutedText(option->palette));
        }
    }
};

} // namespace LivyDesk
