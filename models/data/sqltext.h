// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Spark SQL text LivyDesk writes: quoted names and literals, and the snippets it puts in the editor.

#include <QString>
#include <QStringList>

namespace Livy {

/// `name` in backticks, inner backticks doubled: any table or column name is safe in generated SQL.
QString quoteIdentifier(const QString &name);
/// `db`.`table`, or `table` when there is no database (a temporary view).
QString qualifiedName(const QString &database, const QString &table);
/// A Spark SQL string literal: single quotes, with `\` and `'` escaped.
QString sqlString(const QString &text);
/// A query as the body of a view: trimmed, without the trailing semicolons Spark refuses there.
QString queryBody(const QString &sql);
/// Whether `sql` reads like a query (SELECT, WITH, VALUES, TABLE, FROM, or a parenthesised query) that a view can
/// hold, as opposed to a command (SHOW, CREATE, INSERT…). Leading comments are skipped.
bool looksLikeQuery(const QString &sql);

/// Code that shows the first `limit` rows of `table` (a qualified, quoted name) in a session language: `sql`
/// (and `shared`) `SELECT * FROM t LIMIT n`, `pyspark` and `spark` `spark.table("t").limit(n).show()` …, `sparkr`
/// `head(sql("…"), n)`.
QString selectSnippet(const QString &table, const QString &language, int limit = 100);

} // namespace Livy
