// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queryrunner.h"

#include <QAbstractItemModel>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace Livy {


/// A session's catalog as a tree: "Temporary views", then each database with its tables and views; a table's
/// columns (name and type, partition columns marked) and, for a partitioned table, its partitions. Everything is
/// loaded lazily, one small Spark SQL statement per level (`SHOW DATABASES`, `SHOW TABLES IN db`, `DESCRIBE TABLE
/// EXTENDED t`, `SHOW PARTITIONS t`), run through a QueryRunner (marked as LivyDesk's own), and kept until
/// refresh(). While a level loads, its node says so (IsLoadingRole, "loading…" in the type column); a failure shows one row with Spark's message (its
/// details in DetailsRole) that loads again when the parent is refreshed.
class CatalogModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class NodeType { Database, TemporaryViews, Table, Column, Partitions, Partition, Message };
    Q_ENUM(NodeType)

    enum Roles {
        NodeTypeRole = Qt::UserRole + 1, ///< int(NodeType)
        NameRole,                         ///< the bare name ("sales", "amount")
        QualifiedNameRole,                ///< quoted for SQL: `db`.`t` (a table), `t` (a temporary view), `c` (column)
        DatabaseRole,                     ///< the table's or column's database (empty for temporary views)
        DataTypeRole,                     ///< a column's Spark type ("decimal(10,2)")
        TableTypeRole,                    ///< MANAGED, EXTERNAL, VIEW, or TEMPORARY
        IsTemporaryRole,                  ///< bool: a temporary view
        IsPartitionColumnRole,            ///< bool: a column the table is partitioned by
        IsLoadingRole,                    ///< bool: the node's children are being loaded
        IsErrorRole,                      ///< bool: a row that says a level could not be loaded
        DetailsRole,                      ///< the error's details (Spark's text)
    };
    Q_ENUM(Roles)

    enum Column { NameColumn, TypeColumn, ColumnCount };

    explicit CatalogModel(QueryRunner *runner, QObject *parent = nullptr);
    ~CatalogModel() override;

    QueryRunner *runner() const { return m_runner; }

    /// Forgets everything and loads the databases again.
    void refresh();
    /// Forgets what is below `index` (a database or table) and loads it again when next expanded.
    void refresh(const QModelIndex &index);
    /// The databases have been asked for (refresh() or the first fetchMore()).
    bool isStarted() const { return m_started; }
    /// The children of `index` (the databases for the root) are being loaded.
    bool isLoading(const QModelIndex &index = {}) const;

    /// `SHOW CREATE TABLE` for a table or view; `done(ddl, error)` gets one of them.
    void fetchDdl(const QModelIndex &index, QObject *context, std::function<void(QString, QString)> done);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    /// Dragging a table or column gives its quoted name as text (dropped into the editor it is inserted).
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    /// The index of the first node of `type` named `name` under `parent` (tests and restoring expansion).
    QModelIndex find(const QModelIndex &parent, NodeType type, const QString &name) const;

    struct Node; ///< internal: one row of the tree

Q_SIGNALS:
    /// A level finished loading (or failed: `error` is set).
    void levelLoaded(const QModelIndex &parent, const QString &error);

private:
    enum class Load { NotLoaded, Loading, Loaded };

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(Node *node, int column = 0) const;
    bool isExpandable(const Node *node) const;
    void load(Node *node);
    void applyReply(Node *node, const QueryReply &reply);
    void cancelLoads(Node *node);
    void setChildren(Node *node, std::vector<std::unique_ptr<Node>> children);
    void fillDatabases(Node *root, const QueryReply &reply, std::vector<std::unique_ptr<Node>> &out) const;
    void fillTables(Node *parent, const QueryReply &reply, std::vector<std::unique_ptr<Node>> &out) const;
    void fillColumns(Node *table, const QueryReply &reply, std::vector<std::unique_ptr<Node>> &out);
    void fillPartitions(Node *parent, const QueryReply &reply, std::vector<std::unique_ptr<Node>> &out) const;

    QPointer<QueryRunner> m_runner;
    std::unique_ptr<Node> m_root;
    bool m_started = false;
};

} // namespace Livy
