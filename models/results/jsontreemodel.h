// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A collapsible tree over a JSON value (the `application/json` part of an output, from `%json` or a sql result).
//
// Nodes are created lazily, when the view first asks for a child index, so a JSON array of 100,000 items costs
// nothing until it is expanded and then only the items that are looked at. Columns: key (or [index]), value
// (scalars as JSON text; containers as a count), type.

#include <QAbstractItemModel>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace Livy {

class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        JsonValueRole = Qt::UserRole + 1, ///< the node's QJsonValue
        JsonTypeRole,                     ///< int(QJsonValue::Type) of the node
        CompactJsonRole,                  ///< the node's value as compact JSON text (for copy)
        PathRole,                         ///< the node's path, e.g. `$.rows[3].name`
    };
    Q_ENUM(Role)

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    /// Shows `value`. An object or array shows its members as the top-level rows; a scalar shows one row.
    void setJson(const QJsonValue &value);
    void clear();
    QJsonValue json() const { return m_value; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// One-line text of a scalar value as JSON writes it (strings quoted); containers as "{3 keys}" / "[7 items]".
    static QString valueText(const QJsonValue &value);
    static QString typeText(QJsonValue::Type type);

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    Node *child(Node *parent, int row) const;
    static int childCount(const QJsonValue &value);

    QJsonValue m_value;
    std::unique_ptr<Node> m_root;
    bool m_scalarRoot = false;
};

} // namespace Livy
