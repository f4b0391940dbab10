// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogmodel.h"

#include "queryrunner.h"
#include "sqltext.h"

#include <QMimeData>

namespace Livy {

struct CatalogModel::Node
{
    NodeType type = NodeType::Database;
    QString name;
    QString database;
    QString dataType;
    QString tableType;
    QString details;
    bool temporary = false;
    bool partitionColumn = false;
    bool loadingRow = false;
    bool errorRow = false;
    bool partitioned = false;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    Load load = Load::NotLoaded;
    int ticket = 0; ///< the query loading this node's children, 0 when none is out

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
    QString qualified() const
    {
        if (type == NodeType::Column)
            return quoteIdentifier(name);
        if (type == NodeType::Database)
            return quoteIdentifier(name);
        return qualifiedName(temporary ? QString() : database, name);
    }
};

namespace {

std::unique_ptr<CatalogModel::Node> messageNode(const QString &text, bool loading, bool error, const QString &details = {})
{
    auto node = std::make_unique<CatalogModel::Node>();
    node->type = CatalogModel::NodeType::Message;
    node->name = text;
    node->loadingRow = loading;
    node->errorRow = error;
    node->details = details;
    return node;
}

/// The index of the column named one of `names` in a result, or `fallback`.
int columnNamed(const TableResult &table, std::initializer_list<const char *> names, int fallback)
{
    for (int c = 0; c < table.columnCount(); ++c) {
        for (const char *name : names) {
            if (table.column(c).name.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
                return c;
        }
    }
    return fallback < table.columnCount() ? fallback : -1;
}

} // namespace

CatalogModel::CatalogModel(QueryRunner *runner, QObject *parent)
    : QAbstractItemModel(parent)
    , m_runner(runner)
    , m_root(std::make_unique<Node>())
{
}

CatalogModel::~CatalogModel() = default;

CatalogModel::Node *CatalogModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex CatalogModel::indexFor(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, node);
}

bool CatalogModel::isExpandable(const Node *node) const
{
    switch (node->type) {
    case NodeType::Database:
    case NodeType::TemporaryViews:
    case NodeType::Table:
    case NodeType::Partitions:
        return true;
    case NodeType::Column:
    case NodeType::Partition:
    case NodeType::Message:
        return false;
    }
    return false;
}

void CatalogModel::cancelLoads(Node *node)
{
    if (node->ticket && m_runner)
        m_runner->cancel(node->ticket);
    node->ticket = 0;
    for (const auto &child : node->children)
        cancelLoads(child.get());
}

void CatalogModel::refresh()
{
    beginResetModel();
    cancelLoads(m_root.get());
    m_root = std::make_unique<Node>();
    endResetModel();
    m_started = true;
    load(m_root.get());
}

void CatalogModel::refresh(const QModelIndex &index)
{
    Node *node = nodeFor(index);
    if (node == m_root.get()) {
        refresh();
        return;
    }
    if (!isExpandable(node))
        return;
    cancelLoads(node);
    setChildren(node, {});
    node->load = Load::NotLoaded;
    load(node);
}

void CatalogModel::fetchDdl(const QModelIndex &index, QObject *context, std::function<void(QString, QString)> done)
{
    const Node *node = nodeFor(index);
    if (!m_runner || node->type != NodeType::Table) {
        done({}, tr("Only tables and views have a definition"));
        return;
    }
    m_runner->run(QStringLiteral("catalog"), QLatin1String("SHOW CREATE TABLE ") + node->qualified(), context,
                  [done](const QueryReply &reply) {
                      if (!reply.ok()) {
                          done({}, reply.error);
                          return;
                      }
                      QStringList parts;
                      for (int r = 0; r < reply.table->rowCount(); ++r)
                          parts << reply.table->text(r, 0);
                      done(parts.join(QLatin1Char('\n')), {});
                  });
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int CatalogModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool CatalogModel::hasChildren(const QModelIndex &parent) const
{
    const Node *node = nodeFor(parent);
    if (parent.column() > 0)
        return false;
    if (node == m_root.get())
        return !node->children.empty();
    if (!isExpandable(node))
        return false;
    return node->load != Load::Loaded || !node->children.empty();
}

bool CatalogModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *node = nodeFor(parent);
    // The root loads on refresh() only: a hidden dock must not run statements in the user's session.
    return parent.isValid() && isExpandable(node) && node->load == Load::NotLoaded;
}

void CatalogModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load(nodeFor(parent));
}

void CatalogModel::load(Node *node)
{
    if (!m_runner || node->load != Load::NotLoaded)
        return;
    QString sql;
    switch (node->type) {
    case NodeType::Database:
        sql = node == m_root.get() ? QStringLiteral("SHOW DATABASES") : QLatin1String("SHOW TABLES IN ") + node->qualified();
        break;
    case NodeType::TemporaryViews:
        sql = QStringLiteral("SHOW TABLES");
        break;
    case NodeType::Table:
        sql = QLatin1String("DESCRIBE TABLE EXTENDED ") + node->qualified();
        break;
    case NodeType::Partitions:
        sql = QLatin1String("SHOW PARTITIONS ") + node->parent->qualified();
        break;
    case NodeType::Column:
    case NodeType::Partition:
    case NodeType::Message:
        return;
    }
    // No placeholder row: views call fetchMore() while they lay out (and item-model testers while rows are being
    // inserted), so the structure must not change here. The node itself says it is loading (TypeColumn, IsLoadingRole).
    node->load = Load::Loading;
    // The node outlives its query: removing a node cancels the queries below it (cancelLoads()).
    node->ticket = m_runner->run(QStringLiteral("catalog"), sql, this, [this, node](const QueryReply &reply) {
        node->ticket = 0;
        applyReply(node, reply);
    });
}

void CatalogModel::applyReply(Node *node, const QueryReply &reply)
{
    node->load = Load::Loaded;
    std::vector<std::unique_ptr<Node>> children;
    if (!reply.ok()) {
        children.push_back(messageNode(reply.error, false, true, reply.details));
    } else if (node == m_root.get()) {
        fillDatabases(node, reply, children);
    } else {
        switch (node->type) {
        case NodeType::Database:
        case NodeType::TemporaryViews:
            fillTables(node, reply, children);
            break;
        case NodeType::Table:
            fillColumns(node, reply, children);
            break;
        case NodeType::Partitions:
            fillPartitions(node, reply, children);
            break;
        default:
            break;
        }
        if (children.empty())
            children.push_back(messageNode(node->type == NodeType::Partitions ? tr("No partitions") : tr("Empty"), false, false));
    }
    setChildren(node, std::move(children));
    const QModelIndex index = indexFor(node);
    if (index.isValid())
        Q_EMIT dataChanged(index, indexFor(node, TypeColumn));
    Q_EMIT levelLoaded(index, reply.ok() ? QString() : reply.error);
}

void CatalogModel::setChildren(Node *node, std::vector<std::unique_ptr<Node>> children)
{
    const QModelIndex parent = indexFor(node);
    if (!node->children.empty()) {
        for (const auto &child : node->children)
            cancelLoads(child.get());
        beginRemoveRows(parent, 0, int(node->children.size()) - 1);
        node->children.clear();
        endRemoveRows();
    }
    if (children.empty())
        return;
    beginInsertRows(parent, 0, int(children.size()) - 1);
    for (auto &child : children)
        child->parent = node;
    node->children = std::move(children);
    endInsertRows();
}

void CatalogModel::fillDatabases(Node *, const QueryReply &reply, std::vector<std::unique_ptr<Node>> &out) const
{
    auto temp = std::make_unique<Node>();
    temp->type = NodeType::TemporaryViews;
    temp->name = tr("Temporary views");
    out.push_back(std::move(temp));
    const TableResult &t = *reply.table;
    const int nameColumn = columnNamed(t, { "namespace", "databaseName" }, 0);
    for (int r = 0; r < t.rowCount() && nameColumn >= 0; ++r) {
        auto db = std::make_unique<Node>();
        db->type = NodeType::Database;
        db->name = t.text(r, nameColumn);
        out.push_back(std::move(db));
    }
}

void CatalogModel::fillTables(Node *parent, const QueryReply &reply, std::vector<std::unique_ptr<Node>> &out) const
{
    const TableResult &t = *reply.table;
    const int nameColumn = columnNamed(t, { "tableName", "viewName" }, 1);
    const int tempColumn = columnNamed(t, { "isTemporary" }, 2);
    const int dbColumn = columnNamed(t, { "namespace", "database" }, 0);
    const bool wantTemporary = parent->type == NodeType::TemporaryViews;
    for (int r = 0; r < t.rowCount() && nameColumn >= 0; ++r) {
        const bool temporary = tempColumn >= 0 && t.value(r, tempColumn).toBool();
        if (temporary != wantTemporary)
            continue;
        auto table = std::make_unique<Node>();
        table->type = NodeType::Table;
        table->name = t.text(r, nameColumn);
        table->temporary = temporary;
        // A global temporary view is listed under global_temp and needs that prefix.
        table->database = wantTemporary ? (dbColumn >= 0 ? t.text(r, dbColumn) : QString()) : parent->name;
        if (temporary && !table->database.isEmpty())
            table->temporary = false; // global_temp.v: addressed with its database
        table->tableType = temporary ? QStringLiteral("TEMPORARY") : QString();
        out.push_back(std::move(table));
    }
}

void CatalogModel::fillColumns(Node *table, const QueryReply &reply, std::vector<std::unique_ptr<Node>> &out)
{
    const TableResult &t = *reply.table;
    enum class Section { Columns, Partition, Details, Other } section = Section::Columns;
    QStringList partitionColumns;
    for (int r = 0; r < t.rowCount(); ++r) {
        const QString name = t.text(r, 0).trimmed();
        const QString type = t.columnCount() > 1 ? t.text(r, 1).trimmed() : QString();
        if (name.startsWith(QLatin1Char('#'))) {
            if (name.startsWith(QLatin1String("# Partition"), Qt::CaseInsensitive))
                section = Section::Partition;
            else if (name.startsWith(QLatin1String("# Detailed"), Qt::CaseInsensitive))
                section = Section::Details;
            else if (name.compare(QLatin1String("# col_name"), Qt::CaseInsensitive) != 0)
                section = Section::Other;
            continue;
        }
        if (name.isEmpty()) {
            if (section == Section::Columns || section == Section::Partition)
                section = Section::Other;
            continue;
        }
        switch (section) {
        case Section::Columns: {
            auto column = std::make_unique<Node>();
            column->type = NodeType::Column;
            column->name = name;
            column->dataType = type;
            column->database = table->database;
            out.push_back(std::move(column));
            break;
        }
        case Section::Partition:
            partitionColumns << name;
            break;
        case Section::Details:
            if (name == QLatin1String("Type"))
                table->tableType = type;
            break;
        case Section::Other:
            break;
        }
    }
    for (auto &column : out)
        column->partitionColumn = partitionColumns.contains(column->name);
    table->partitioned = !partitionColumns.isEmpty();
    if (table->partitioned) {
        auto partitions = std::make_unique<Node>();
        partitions->type = NodeType::Partitions;
        partitions->name = tr("Partitions");
        partitions->database = table->database;
        out.push_back(std::move(partitions));
    }
}

void CatalogModel::fillPartitions(Node *, const QueryReply &reply, std::vector<std::unique_ptr<Node>> &out) const
{
    const TableResult &t = *reply.table;
    for (int r = 0; r < t.rowCount(); ++r) {
        auto partition = std::make_unique<Node>();
        partition->type = NodeType::Partition;
        partition->name = t.text(r, 0);
        out.push_back(std::move(partition));
    }
}

QModelIndex CatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || parent.column() > 0)
        return {};
    const Node *node = nodeFor(parent);
    if (size_t(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex CatalogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeFor(child);
    return indexFor(node->parent);
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name;
        if (node->type == NodeType::Column)
            return node->partitionColumn ? tr("%1 (partition)").arg(node->dataType) : node->dataType;
        if (node->type == NodeType::Table && !node->tableType.isEmpty())
            return node->tableType.toLower();
        if (node->load == Load::Loading)
            return tr("loading…");
        return {};
    case Qt::ToolTipRole:
        if (node->errorRow)
            return node->details.isEmpty() ? node->name : node->details.left(2000);
        if (node->type == NodeType::Table)
            return node->qualified();
        if (node->type == NodeType::Column)
            return QString(node->name + QLatin1String(": ") + node->dataType);
        return {};
    case NodeTypeRole:
        return int(node->type);
    case NameRole:
        return node->name;
    case QualifiedNameRole:
        return node->type == NodeType::Message ? QString() : node->qualified();
    case DatabaseRole:
        return node->database;
    case DataTypeRole:
        return node->dataType;
    case TableTypeRole:
        return node->tableType;
    case IsTemporaryRole:
        return node->temporary;
    case IsPartitionColumnRole:
        return node->partitionColumn;
    case IsLoadingRole:
        return node->loadingRow || node->load == Load::Loading;
    case IsErrorRole:
        return node->errorRow;
    case DetailsRole:
        return node->details;
    default:
        return {};
    }
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Type");
}

Qt::ItemFlags CatalogModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Node *node = nodeFor(index);
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (node->type == NodeType::Table || node->type == NodeType::Column)
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList CatalogModel::mimeTypes() const
{
    return { QStringLiteral("text/plain") };
}

QMimeData *CatalogModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList names;
    for (const QModelIndex &index : indexes) {
        if (index.column() != NameColumn)
            continue;
        const QString name = data(index, QualifiedNameRole).toString();
        if (!name.isEmpty())
            names << name;
    }
    if (names.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setText(names.join(QLatin1String(", ")));
    return mime;
}

bool CatalogModel::isLoading(const QModelIndex &index) const
{
    return nodeFor(index)->load == Load::Loading;
}

QModelIndex CatalogModel::find(const QModelIndex &parent, NodeType type, const QString &name) const
{
    const Node *node = nodeFor(parent);
    for (const auto &child : node->children) {
        if (child->type == type && child->name == name)
            return indexFor(child.get());
    }
    return {};
}

} // namespace Livy
