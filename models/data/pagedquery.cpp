// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagedquery.h"

#include "sqltext.h"

namespace Livy {

namespace {

bool isComplexType(const QString &typeName)
{
    const QString t = typeName.trimmed().toLower();
    return t.startsWith(QLatin1String("array")) || t.startsWith(QLatin1String("map"))
        || t.startsWith(QLatin1String("struct")) || t == QLatin1String("array_type") || t == QLatin1String("map_type");
}

} // namespace

QString PagedQuery::selectSql() const
{
    QString sql = QLatin1String("SELECT * FROM ") + relation;
    if (!filter.trimmed().isEmpty())
        sql += QLatin1String(" WHERE (") + filter.trimmed() + QLatin1Char(')');
    if (!sortColumn.isEmpty())
        sql += QLatin1String(" ORDER BY ") + quoteIdentifier(sortColumn) + (descending ? QLatin1String(" DESC") : QLatin1String(" ASC"));
    return sql;
}

QString PagedQuery::countSql() const
{
    QString sql = QLatin1String("SELECT count(*) AS rows FROM ") + relation;
    if (!filter.trimmed().isEmpty())
        sql += QLatin1String(" WHERE (") + filter.trimmed() + QLatin1Char(')');
    return sql;
}

QString PagedQuery::pageSql(qint64 offset, int limit) const
{
    QString sql = selectSql() + QLatin1String(" LIMIT ") + QString::number(limit);
    if (offset > 0)
        sql += QLatin1String(" OFFSET ") + QString::number(offset);
    return sql;
}

QString PagedQuery::exportChunkSql(const QList<TableColumn> &columns, ExportFormat format, qint64 offset, int limit) const
{
    QStringList fields;
    for (int i = 0; i < columns.size(); ++i) {
        const TableColumn &column = columns.at(i);
        QString value = quoteIdentifier(column.name);
        if (format == ExportFormat::Csv) {
            if (isComplexType(column.typeName) || column.type == ColumnType::Array || column.type == ColumnType::Map
                || column.type == ColumnType::Struct)
                value = QLatin1String("to_json(") + value + QLatin1Char(')');
            else if (column.type == ColumnType::Binary || column.typeName.compare(QLatin1String("binary"), Qt::CaseInsensitive) == 0)
                value = QLatin1String("base64(") + value + QLatin1Char(')');
            // CSV fields are positional: the struct's own names do not matter, and c0, c1… never clash.
            fields << sqlString(QLatin1Char('c') + QString::number(i)) << value;
        } else {
            fields << sqlString(column.name) << value;
        }
    }
    const QString record = QLatin1String("named_struct(") + fields.join(QLatin1String(", ")) + QLatin1Char(')');
    const QString line = format == ExportFormat::Csv
        ? QLatin1String("to_csv(") + record
            + QLatin1String(", map('escape', '\"', 'quote', '\"', 'ignoreLeadingWhiteSpace', 'false', "
                            "'ignoreTrailingWhiteSpace', 'false', 'nullValue', ''))")
        : QLatin1String("to_json(") + record + QLatin1String(", map('ignoreNullFields', 'false'))");
    QString inner = QLatin1String("SELECT ") + line + QLatin1String(" AS line FROM ") + relation;
    if (!filter.trimmed().isEmpty())
        inner += QLatin1String(" WHERE (") + filter.trimmed() + QLatin1Char(')');
    if (!sortColumn.isEmpty())
        inner += QLatin1String(" ORDER BY ") + quoteIdentifier(sortColumn) + (descending ? QLatin1String(" DESC") : QLatin1String(" ASC"));
    inner += QLatin1String(" LIMIT ") + QString::number(limit);
    if (offset > 0)
        inner += QLatin1String(" OFFSET ") + QString::number(offset);
    return QLatin1String("SELECT count(*) AS rows, concat_ws(char(10), collect_list(line)) AS text FROM (") + inner
        + QLatin1String(") AS chunk");
}

QStringList keepOnServerSql(const QString &query, const QString &view, bool cache)
{
    QStringList sql{ QLatin1String("CREATE OR REPLACE TEMPORARY VIEW ") + quoteIdentifier(view) + QLatin1String(" AS ")
                     + queryBody(query) };
    if (cache)
        sql << QLatin1String("CACHE TABLE ") + quoteIdentifier(view);
    return sql;
}

} // namespace Livy
