// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A table-shaped statement result with typed columns, stored column by column.
//
// Two wire shapes become a TableResult:
//  - `application/vnd.livy.table.v1+json` (the `%table` magic of the spark and pyspark kinds):
//    {"headers":[{"name":"0","type":"INT_TYPE"},…],"data":[[…],…]}
//  - the sql kind's `application/json`: {"schema":{"type":"struct","fields":[{"name","type","nullable"}]},
//    "data":[[…],…]}, which Livy silently cuts at `livy.rsc.sql.num-rows` rows (1000 by default).
//
// Why typed columns: sorting must be numeric for numbers and chronological for dates, charts need numbers, and
// the JSON export must write numbers as numbers. Each cell is converted once (on a worker thread for big
// results); the object is immutable afterwards, so one instance is shared (std::shared_ptr<const TableResult>)
// between the item model, the exporters, the charts and worker threads without copying.
//
// Decoding is tolerant like the rest of the protocol layer: short rows are padded with nulls, extra values are
// ignored (with a warning), a value that does not fit its column's type is kept as text, and columns whose type
// is unknown get one inferred from their values. Only a body that is not table-shaped at all is an error.

#include "columntype.h"

#include "livy/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVariant>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace Livy {

struct TableColumn
{
    QString name;
    ColumnType type = ColumnType::Unknown;
    /// The type as the server wrote it ("INT_TYPE", "decimal(10,2)", "array<string>").
    QString typeName;
    /// Digits after the point of a decimal(p,s) column (-1: unknown), used to show 12.30 rather than 12.3.
    int scale = -1;
};

struct TableParseOptions
{
    /// The server's `livy.rsc.sql.num-rows`: a sql result with exactly this many rows may be truncated.
    int sqlRowCap = 1000;
    /// Called every few thousand rows with (rows done, rows total); return false to stop parsing.
    std::function<bool(qsizetype, qsizetype)> progress;
};

class TableResult
{
public:
    enum class Origin { LivyTable, SqlResult };
    static constexpr int DefaultSqlRowCap = 1000;

    using Options = TableParseOptions;

    TableResult() = default;

    static bool isLivyTableShape(const QJsonValue &value);
    static bool isSqlResultShape(const QJsonValue &value);
    static Result<TableResult> fromLivyTable(const QJsonObject &object, const Options &options = {});
    static Result<TableResult> fromSqlResult(const QJsonObject &object, const Options &options = {});
    /// Builds a table from already-typed columns and rows (tests, other producers). Cells are converted with
    /// the same rules as the wire shapes.
    static TableResult fromRows(const QList<TableColumn> &columns, const QList<QJsonArray> &rows,
                                Origin origin = Origin::LivyTable, int sqlRowCap = DefaultSqlRowCap);

    Origin origin() const { return m_origin; }
    int rowCount() const { return m_rowCount; }
    int columnCount() const { return int(m_columns.size()); }
    const TableColumn &column(int column) const { return m_columns[size_t(column)].info; }
    QList<TableColumn> columns() const;

    /// A sql result whose row count equals the server's cap: Livy may have dropped rows without saying so.
    bool mayBeTruncated() const { return m_origin == Origin::SqlResult && m_rowCount > 0 && m_rowCount == m_rowCap; }
    int rowCap() const { return m_rowCap; }
    /// Oddities met while decoding (ragged rows...), for a details line; empty for a clean result.
    QStringList warnings() const { return m_warnings; }

    bool isNull(int row, int column) const;
    /// The cell as text: exactly what the server sent for strings, dates and timestamps; integers as digits;
    /// doubles in their shortest exact form with a ".0" on whole numbers (as Spark and Python print them);
    /// decimals with their column's scale; arrays, maps and structs as compact JSON; an empty string for null.
    QString text(int row, int column) const;
    /// The typed value: qlonglong, double, bool, QDate, QDateTime (UTC) or QString; invalid QVariant for null.
    QVariant value(int row, int column) const;
    /// The value for a JSON export: numbers as numbers, null as null, nested values as JSON.
    QJsonValue jsonValue(int row, int column) const;
    /// The value as a number for charts: numbers, booleans (0/1), dates and timestamps (ms since the epoch);
    /// NaN for null and for anything else.
    double number(int row, int column) const;
    /// Typed three-way comparison of two rows in one column: nulls first, then values in their type's order
    /// (numeric, chronological, case-insensitive text), then values that did not fit the column's type.
    int compare(int column, int rowA, int rowB) const;
    /// Case-insensitive substring match of `needle` against every cell of the row (as text()).
    bool rowContains(int row, QStringView needle) const;
    /// rowContains() for every row: what a filter keeps. Polls `cancelled` (when given) now and then and
    /// returns an empty list when it says stop. Any thread.
    std::vector<bool> matchingRows(QStringView needle, const std::function<bool()> &cancelled = {}) const;

private:
    enum class CellState : quint8 { Null, Value, Mismatch };

    struct ColumnData
    {
        TableColumn info;
        std::vector<CellState> states;
        std::vector<qint64> integers; // Boolean, Integer, Date, Timestamp (ms since the epoch)
        std::vector<double> reals;    // Double, Decimal
        QList<QString> texts;         // String and nested types; the original text of dates and timestamps
        QHash<int, QString> mismatches; // values that did not fit the column's type, as text
        /// Text columns: each row's position in case-insensitive order, computed on the first compare().
        /// (Comparing folded strings a million times costs seconds; comparing ranks costs nothing.)
        struct Ranks
        {
            std::once_flag once;
            std::vector<int> rank;
        };
        std::shared_ptr<Ranks> ranks = std::make_shared<Ranks>();

        bool storesIntegers() const;
        bool storesReals() const;
        bool storesTexts() const;
    };

    struct RowCounts
    {
        int shortRows = 0;
        int longRows = 0;
        bool stopped = false;
    };
    /// Tables with at least this many rows are converted by two threads.
    static constexpr int ParallelRows = 20000;

    static Result<TableResult> fromArrays(QList<TableColumn> columns, const QJsonArray &rows, Origin origin,
                                          const Options &options);
    static void parseRows(std::vector<ColumnData> &columns, const QJsonArray &rows, int begin, int end,
                          RowCounts &counts, const std::function<bool(int)> &keepGoing);
    static void appendCell(ColumnData &column, const QJsonValue &value);
    const std::vector<int> &textRanks(const ColumnData &column) const;
    static void inferType(TableColumn &column, const QJsonArray &rows, int index);

    std::vector<ColumnData> m_columns;
    int m_rowCount = 0;
    int m_rowCap = DefaultSqlRowCap;
    Origin m_origin = Origin::LivyTable;
    QStringList m_warnings;
};

} // namespace Livy
