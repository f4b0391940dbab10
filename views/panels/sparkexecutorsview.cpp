// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkexecutorsview.h"

#include "spark/sparkexecutormodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

SparkExecutorsView::SparkExecutorsView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_refresh(new QToolButton(this))
    , m_open(new QToolButton(this))
    , m_table(new QTableView(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("sparkExecutors"));
    setAccessibleName(tr("Executors"));
    m_status->setObjectName(QStringLiteral("executorsStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Where the executors come from"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setAccessibleName(tr("Refresh the executors"));
    m_refresh->setToolTip(tr("Read the executors from the Spark UI again"));
    m_refresh->setAutoRaise(true);
    m_open->setText(tr("Open in Spark UI"));
    m_open->setAccessibleName(tr("Open the executors page of the Spark UI"));
    m_open->setAutoRaise(true);
    m_open->setEnabled(false);
    connect(m_refresh, &QToolButton::clicked, this, &SparkExecutorsView::refreshRequested);
    connect(m_open, &QToolButton::clicked, this, [this] { Q_EMIT linkActivated(m_url); });

    m_sorted->setSortRole(Livy::SparkExecutorModel::SortRole);
    m_table->setModel(m_sorted);
    m_table->setAccessibleName(tr("Spark executors"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(Livy::SparkExecutorModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *line = new QHBoxLayout;
    line->setContentsMargins(6, 4, 6, 0);
    line->addWidget(m_status, 1);
    line->addWidget(m_refresh);
    line->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(line);
    layout->addWidget(m_table, 1);
}

void SparkExecutorsView::setModel(QAbstractItemModel *model)
{
    m_sorted->setSourceModel(model);
    m_table->resizeColumnsToContents();
}

void SparkExecutorsView::setStatus(const QString &status)
{
    m_status->setText(status);
    if (m_sorted->sourceModel())
        m_table->resizeColumnsToContents();
}

QString SparkExecutorsView::status() const
{
    return m_status->text();
}

void SparkExecutorsView::setPageUrl(const QUrl &url)
{
    m_url = url;
    m_open->setEnabled(!url.isEmpty());
}

void SparkExecutorsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shown) {
        m_shown = true;
        Q_EMIT executorsShown(true);
    }
}

void SparkExecutorsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_shown) {
        m_shown = false;
        Q_EMIT executorsShown(false);
    }
}

} // namespace LivyDesk
