// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>
#include <QUrl>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QToolButton;
class QTreeView;

namespace LivyDesk {

/// What Spark does for the selected statement, under the statements table: a line with the summary and a link to
/// the Spark UI, and the tree of its jobs, their stages (tasks with a progress bar, input, output, shuffle,
/// duration) and failed tasks with Spark's error (Livy::SparkStageModel). When the Spark UI cannot be reached it is
/// one quiet line saying why, with the request and error behind "Details".
class SparkBreakdownView : public QWidget
{
    Q_OBJECT
public:
    explicit SparkBreakdownView(QWidget *parent = nullptr);

    /// A Livy::SparkStageModel (owned elsewhere).
    void setModel(QAbstractItemModel *model);
    QTreeView *tree() const { return m_tree; }

    /// The statement's breakdown is shown: its one-line summary and the Spark UI's address (may be empty).
    void setSummary(const QString &summary, const QUrl &uiUrl);
    /// No breakdown can be had: `reason` in one line, `details` (route, error, server text) one click away.
    void setUnavailable(const QString &reason, const QString &details);
    /// Nothing to show for this statement (it started no Spark job, or has not yet).
    void clear();
    bool hasContent() const { return m_hasContent; }
    /// The tree shown (a running statement) or only the summary line (a finished one, whose output needs the room);
    /// the arrow before the summary toggles it.
    void setExpanded(bool expanded);
    bool isExpanded() const { return m_expanded; }
    QString summaryText() const;
    /// The whole reason line ("Spark: …"), also when the label shows it elided.
    QString reasonText() const;

Q_SIGNALS:
    void linkActivated(const QUrl &url);
    /// hasContent() changed: the page shows or hides the view.
    void contentChanged(bool hasContent);
    /// The tree was shown or hidden (by setExpanded() or the user).
    void expandedChanged(bool expanded);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showMenu(const QPoint &pos);
    void setHasContent(bool has);
    void applyExpanded();
    /// Every job open, and a failed task's line across the whole row (Spark's error is long).
    void openRows();
    void elideReason();
    void applyPalette();

    QLabel *m_summary;
    QLabel *m_reason;
    QToolButton *m_detailsButton;
    QToolButton *m_toggle;
    QLabel *m_details;
    QTreeView *m_tree;
    QUrl m_uiUrl;
    QString m_reasonText; ///< the reason line in full (the label shows it elided to one line)
    bool m_hasContent = false;
    bool m_expanded = true;
};

/// Draws the tasks column of a SparkStageModel as a thin bar under its text, and failed rows in the error colour.
class SparkStageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// Room under the text for the bar.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace LivyDesk
