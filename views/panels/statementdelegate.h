// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QStyledItemDelegate>

namespace LivyDesk {

/// Draws Livy::StatementListModel rows: a coloured state badge, a progress bar while a statement waits or runs
/// (the plain percentage once it is done), and error outputs in the error colour.
class StatementDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// Statements marked as the session's setup: a gear beside their id.
    void setSetupIds(const QSet<int> &ids) { m_setupIds = ids; }
    const QSet<int> &setupIds() const { return m_setupIds; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QSet<int> m_setupIds;
};

} // namespace LivyDesk
