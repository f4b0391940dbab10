// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Show as table" for a Spark DataFrame. What an analyst tries first, `%table df`, gives a 1x1 table holding the
// DataFrame's description ("DataFrame[k: bigint, …]"): Livy's %table wants a list of rows, and turns dicts into
// alphabetically sorted columns. This recognises such outputs (and a DataFrame echoed as text) and writes the small
// statement that returns the first rows with the DataFrame's own columns, in their order, with their Spark types:
// the rows and `df.schema` through the `%json` magic in the shape of Livy's SQL results ({"schema", "data"}),
// which the output view shows as a typed table.

#include "livy/types.h"

#include <QString>

namespace Livy {

struct DataFrameHint
{
    QString name;     ///< the variable to show ("df")
    QString language; ///< pyspark or spark: the language the generated statement must run in
};

/// A DataFrame's description where its rows were expected: a 1x1 table or a text that is a DataFrame's
/// description, and the variable it came from (`%table df`, a last line `df`, Scala's `df: DataFrame = […]`).
/// `language` is the statement's language (the session kind, or the statement kind in a shared session).
/// std::nullopt when the output is something else or the variable cannot be told.
std::optional<DataFrameHint> dataFrameHint(const Statement &statement, const QString &language);

/// The statement that returns the first `limit` rows of DataFrame `name` as a table (see above); empty for a
/// language without a generator (sparkr, sql). `name` must be an identifier (letters, digits, _ and dots).
QString dataFrameTableCode(const QString &name, const QString &language, int limit = 1000);

/// Whether `name` is a plain identifier (or a dotted path such as `self.df`).
bool isIdentifier(const QString &name);

} // namespace Livy
