// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "datadock.h"

#include "pagedtableview.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>

namespace LivyDesk {

DataDock::DataDock(QWidget *parent)
    : QDockWidget(tr("Data"), parent)
{
    setObjectName(QStringLiteral("DataDock"));
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(tr("Preview a table from the Catalog, or page through a SQL result that Livy cut at its "
                                  "row limit: the whole result stays on the server and shows here."),
                               m_stack);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Paged tables"));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_tabs);
    setWidget(m_stack);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        auto *view = qobject_cast<PagedTableView *>(m_tabs->widget(index));
        m_tabs->removeTab(index);
        if (view) {
            Q_EMIT tableClosed(view);
            view->deleteLater();
        }
        m_stack->setCurrentWidget(m_tabs->count() ? static_cast<QWidget *>(m_tabs) : m_placeholder);
    });
}

void DataDock::addTable(PagedTableView *view)
{
    const int index = m_tabs->addTab(view, view->title());
    m_tabs->setTabToolTip(index, view->title());
    m_tabs->setCurrentIndex(index);
    m_stack->setCurrentWidget(m_tabs);
    show();
    raise();
    view->setFocus(Qt::OtherFocusReason);
}

QList<PagedTableView *> DataDock::tables() const
{
    QList<PagedTableView *> list;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *view = qobject_cast<PagedTableView *>(m_tabs->widget(i)))
            list << view;
    }
    return list;
}

PagedTableView *DataDock::currentTable() const
{
    return qobject_cast<PagedTableView *>(m_tabs->currentWidget());
}

} // namespace LivyDesk
