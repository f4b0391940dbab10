// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace LivyDesk {

class PagedTableView;

/// The paged tables the user opened (catalog previews, results kept on the server), one closable tab each.
class DataDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit DataDock(QWidget *parent = nullptr);

    /// Adds `view` as a tab (the dock takes it), shows and raises the dock, and selects the tab.
    void addTable(PagedTableView *view);
    QList<PagedTableView *> tables() const;
    PagedTableView *currentTable() const;
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    /// A tab was closed: its view is about to be deleted (stop what feeds it).
    void tableClosed(LivyDesk::PagedTableView *view);

private:
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace LivyDesk
