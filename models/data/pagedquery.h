// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "results/tableresult.h"

#include <QList>
#include <QString>

namespace Livy {

/// What a paged result is, on the server: a relation (a table or view, usually the temporary view LivyDesk made for
/// a result), an optional filter and an optional order. It writes the Spark SQL each step runs: the count, one page
/// (`LIMIT n OFFSET m`; Spark 3.4+ for OFFSET, the first page needs none), and an export chunk (many rows turned
/// into CSV or JSON lines by Spark itself and sent back in one cell, so a chunk is one statement whatever Livy's
/// `livy.rsc.sql.num-rows` cap).
struct PagedQuery
{
    enum class ExportFormat { Csv, JsonLines };

    /// A quoted name (`db`.`t`, `v`) as SQL.
    QString relation;
    /// A Spark SQL condition ("amount > 10 AND city = 'Paris'"); empty keeps every row.
    QString filter;
    /// The column to order by (its name), empty for the relation's own order.
    QString sortColumn;
    bool descending = false;

    /// SELECT * FROM relation [WHERE (filter)] [ORDER BY `c` ASC|DESC]
    QString selectSql() const;
    /// SELECT count(*) AS rows FROM relation [WHERE (filter)]
    QString countSql() const;
    /// selectSql() LIMIT `limit` [OFFSET `offset`]
    QString pageSql(qint64 offset, int limit) const;
    /// One export chunk: a single row (`rows`: how many rows the chunk holds, `text`: those rows as CSV lines or
    /// JSON lines, joined by "\n", in the query's order). CSV is Spark's own `to_csv` with RFC 4180 quoting
    /// (quotes doubled, whitespace kept, empty strings as "", nulls empty); arrays, maps and structs go into
    /// CSV as JSON text, binary as base64. JSON lines keep nulls (`ignoreNullFields` off).
    QString exportChunkSql(const QList<TableColumn> &columns, ExportFormat format, qint64 offset, int limit) const;

    bool operator==(const PagedQuery &) const = default;
};

/// The statements that keep a sql statement's result on the server under `view`: a temporary view holding the
/// query, and, if `cache`, Spark's cache of it (`CACHE TABLE`, filled at once so pages are quick and stable).
QStringList keepOnServerSql(const QString &query, const QString &view, bool cache);

} // namespace Livy
