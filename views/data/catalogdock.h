// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QPointer>

class QAbstractItemModel;
class QLabel;
class QModelIndex;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace LivyDesk {

/// The current session's catalog (a Livy::CatalogModel): temporary views, databases, tables and views, their
/// columns and partitions, loaded as they are expanded. Double-click (or Enter) on a table previews it as a paged
/// table; the context menu inserts its name or a `SELECT … LIMIT` snippet into the editor, copies the name, shows
/// its definition, refreshes a level. Tables and columns drag into the editor as their quoted names.
/// The dock only renders and asks: the app's DataBinding runs what it asks for.
class CatalogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit CatalogDock(QWidget *parent = nullptr);

    /// Shows `model` (a Livy::CatalogModel, owned elsewhere) for the session titled `title`; null shows the
    /// "open a session" placeholder.
    void setCatalog(QAbstractItemModel *model, const QString &title);
    QAbstractItemModel *catalog() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    /// The line under the tree ("Loading databases…", an error), for tests.
    QString statusText() const;
    void setStatusText(const QString &text);

    /// The table or column under the current index, as its quoted name; empty for other rows.
    QString currentName() const;

Q_SIGNALS:
    /// Load again below `index` (invalid: everything).
    void refreshRequested(const QModelIndex &index);
    void previewRequested(const QModelIndex &table);
    /// Put `text` at the editor's cursor.
    void insertRequested(const QString &text);
    /// Insert a `SELECT … LIMIT` of the table in the editor's language.
    void snippetRequested(const QModelIndex &table);
    void definitionRequested(const QModelIndex &table);
    /// "Query…": open any Spark SQL query (or a table name) as a paged table.
    void queryRequested();
    /// The dock became visible or hidden (the catalog loads when first seen).
    void visibilityChangedTo(bool visible);

private:
    void showMenu(const QPoint &pos);
    void activate(const QModelIndex &index);

    QPointer<QAbstractItemModel> m_model;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QTreeView *m_tree = nullptr;
    QToolButton *m_refresh = nullptr;
    QToolButton *m_query = nullptr;
};

} // namespace LivyDesk
