// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace LivyDesk {

/// The driver and executors of a session's Spark application (Livy::SparkExecutorModel), sortable, with a status
/// line (where they come from and when, or why they cannot be read), Refresh and a link to the Spark UI's
/// executors page. The session page's "Executors" tab; it says when it is shown or hidden (its tab, the window
/// minimised), so that they are only fetched while someone looks.
class SparkExecutorsView : public QWidget
{
    Q_OBJECT
public:
    explicit SparkExecutorsView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    void setStatus(const QString &status);
    QString status() const;
    void setPageUrl(const QUrl &url);
    QTableView *table() const { return m_table; }
    bool isShown() const { return m_shown; }

Q_SIGNALS:
    void refreshRequested();
    void linkActivated(const QUrl &url);
    /// The view became visible (true) or hidden (false); only on a change.
    void executorsShown(bool shown);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QLabel *m_status;
    QToolButton *m_refresh;
    QToolButton *m_open;
    QTableView *m_table;
    QSortFilterProxyModel *m_sorted;
    QUrl m_url;
    bool m_shown = false;
};

} // namespace LivyDesk
