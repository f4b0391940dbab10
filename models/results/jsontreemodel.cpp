// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontreemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace Livy {

struct JsonTreeModel::Node
{
    QString key;         // object member name; empty for array items and the root
    bool isIndex = false;
    int row = 0;         // position under the parent
    QJsonValue value;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children; // sized on first access; entries created on demand
    bool sized = false;
};

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setJson(const QJsonValue &value)
{
    beginResetModel();
    m_value = value;
    m_root = std::make_unique<Node>();
    m_scalarRoot = !value.isArray() && !value.isObject();
    if (!m_scalarRoot) {
        m_root->value = value;
    } else {
        // A scalar: one visible row under an invisible root array.
        QJsonArray holder;
        holder.append(value);
        m_root->value = holder;
    }
    endResetModel();
}

void JsonTreeModel::clear()
{
    beginResetModel();
    m_value = QJsonValue();
    m_root.reset();
    m_scalarRoot = false;
    endResetModel();
}

int JsonTreeModel::childCount(const QJsonValue &value)
{
    if (value.isArray())
        return int(value.toArray().size());
    if (value.isObject())
        return int(value.toObject().size());
    return 0;
}

JsonTreeModel::Node *JsonTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<Node *>(index.internalPointer());
}

JsonTreeModel::Node *JsonTreeModel::child(Node *parent, int row) const
{
    if (!parent->sized) {
        parent->children.resize(size_t(childCount(parent->value)));
        parent->sized = true;
    }
    if (row < 0 || size_t(row) >= parent->children.size())
        return nullptr;
    std::unique_ptr<Node> &slot = parent->children[size_t(row)];
    if (!slot) {
        auto node = std::make_unique<Node>();
        node->parent = parent;
        node->row = row;
        if (parent->value.isArray()) {
            node->isIndex = true;
            node->value = parent->value.toArray().at(row);
        } else {
            const QJsonObject object = parent->value.toObject();
            const auto it = object.constBegin() + row;
            node->key = it.key();
            node->value = it.value();
        }
        slot = std::move(node);
    }
    return slot.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_root || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Node *p = nodeFor(parent);
    Node *c = child(p, row);
    return c ? createIndex(row, column, c) : QModelIndex();
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !m_root)
        return {};
    const Node *node = static_cast<Node *>(child.internalPointer());
    Node *p = node->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_root || (parent.isValid() && parent.column() != 0))
        return 0;
    return childCount(nodeFor(parent)->value);
}

int JsonTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString JsonTreeModel::typeText(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("undefined");
}

QString JsonTreeModel::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 9.0e15)
            return QString::number(value.toInteger(qint64(d)));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String: {
        // The JSON spelling, so "12" and 12 look different; cut very long strings for one line.
        QString s = value.toString();
        if (s.size() > 2000)
            s = s.left(2000) + QChar(0x2026);
        s.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        s.replace(QLatin1Char('"'), QLatin1String("\\\""));
        s.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        s.replace(QLatin1Char('\r'), QLatin1String("\\r"));
        s.replace(QLatin1Char('\t'), QLatin1String("\\t"));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    case QJsonValue::Array: {
        const qsizetype n = value.toArray().size();
        return n == 1 ? QStringLiteral("[1 item]") : QStringLiteral("[%1 items]").arg(n);
    }
    case QJsonValue::Object: {
        const qsizetype n = value.toObject().size();
        return n == 1 ? QStringLiteral("{1 key}") : QStringLiteral("{%1 keys}").arg(n);
    }
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!m_root || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            if (m_scalarRoot)
                return tr("value");
            return node->isIndex ? QStringLiteral("[%1]").arg(node->row) : node->key;
        case ValueColumn:
            return valueText(node->value);
        case TypeColumn:
            return typeText(node->value.type());
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn && node->value.isString() && node->value.toString().size() > 60)
            return node->value.toString().left(4000);
        return {};
    case JsonValueRole:
        return QVariant::fromValue(node->value);
    case JsonTypeRole:
        return int(node->value.type());
    case CompactJsonRole: {
        const QJsonValue &v = node->value;
        if (v.isArray())
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        if (v.isObject())
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        return v.isString() ? v.toString() : valueText(v);
    }
    case PathRole: {
        QString path;
        static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        for (const Node *n = node; !m_scalarRoot && n && n != m_root.get(); n = n->parent) {
            if (n->isIndex)
                path.prepend(QStringLiteral("[%1]").arg(n->row));
            else if (identifier.match(n->key).hasMatch())
                path.prepend(QLatin1Char('.') + n->key);
            else
                path.prepend(QStringLiteral("[\"%1\"]").arg(n->key));
        }
        return QString(QLatin1Char('$') + path);
    }
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Key");
    case ValueColumn: return tr("Value");
    case TypeColumn: return tr("Type");
    default: return {};
    }
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled;
}

} // namespace Livy
