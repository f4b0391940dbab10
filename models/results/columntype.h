// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Column types of table results, read from the two ways Livy names them: the `%table` magic's headers
// ("INT_TYPE", "TIMESTAMP_TYPE", ...) and Spark's StructField JSON in sql results ("long", "decimal(10,2)",
// {"type":"array",...}). Plus the date/time text reader that gives temporal columns their chronological order.

#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace Livy {

enum class ColumnType : quint8 {
    Unknown, Null, Boolean, Integer, Double, Decimal, String, Date, Timestamp, Binary, Array, Map, Struct,
};

/// Livy `%table` header types: INT_TYPE, BIGINT_TYPE, DOUBLE_TYPE, STRING_TYPE, DATE_TYPE, ... (unknown → Unknown).
ColumnType columnTypeFromLivyName(const QString &name);
/// Spark StructField types: "integer", "long", "decimal(10,2)", "timestamp_ntz", {"type":"array",…}, ...
ColumnType columnTypeFromSparkType(const QJsonValue &type);
/// Spark's type JSON as the usual short text: "decimal(10,2)", "array<integer>", "struct<a:integer,b:string>".
QString sparkTypeText(const QJsonValue &type);
/// The scale of "decimal(p,s)" (s), or -1.
int decimalScale(const QString &typeName);
/// Short lower-case name for headers and tooltips ("integer", "timestamp", ...).
QString columnTypeName(ColumnType type);
bool isNumericType(ColumnType type);
bool isTemporalType(ColumnType type);

/// Parses the date and time texts Livy and Spark produce ("2024-02-29", "2024-02-29 13:45:00.123456",
/// "2024-02-29T13:45:00.000Z", "...+02:00") into milliseconds since the epoch. Texts without a zone are read
/// as UTC, which keeps their order. Returns false for anything else.
bool parseDateTimeText(QStringView text, qint64 *msecsSinceEpoch);

} // namespace Livy
