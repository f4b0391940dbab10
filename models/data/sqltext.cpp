// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqltext.h"

#include <QRegularExpression>

namespace Livy {

QString quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('`'), QLatin1String("``"));
    return QLatin1Char('`') + escaped + QLatin1Char('`');
}

QString qualifiedName(const QString &database, const QString &table)
{
    if (database.isEmpty())
        return quoteIdentifier(table);
    return quoteIdentifier(database) + QLatin1Char('.') + quoteIdentifier(table);
}

QString sqlString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString queryBody(const QString &sql)
{
    QString body = sql.trimmed();
    while (body.endsWith(QLatin1Char(';')))
        body = body.chopped(1).trimmed();
    return body;
}

bool looksLikeQuery(const QString &sql)
{
    static const QRegularExpression comments(QStringLiteral(R"(\A(?:\s+|--[^\n]*(?:\n|\z)|/\*.*?\*/)*)"),
                                             QRegularExpression::DotMatchesEverythingOption);
    QString rest = sql;
    const QRegularExpressionMatch m = comments.match(rest);
    if (m.hasMatch())
        rest = rest.mid(m.capturedLength());
    static const QRegularExpression query(QStringLiteral(R"(\A(?:\(|(?:select|with|values|table|from)\b))"),
                                          QRegularExpression::CaseInsensitiveOption);
    return query.match(rest).hasMatch();
}

QString selectSnippet(const QString &table, const QString &language, int limit)
{
    const QString n = QString::number(limit);
    const QString sql = QLatin1String("SELECT * FROM ") + table + QLatin1String(" LIMIT ") + n;
    // The name inside a double-quoted string of Python, Scala or R: escape what those strings treat specially.
    QString inString = table;
    inString.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    inString.replace(QLatin1Char('"'), QLatin1String("\\\""));
    if (language == QLatin1String("pyspark") || language == QLatin1String("python"))
        return QLatin1String("spark.table(\"") + inString + QLatin1String("\").limit(") + n + QLatin1String(").show()");
    if (language == QLatin1String("spark") || language == QLatin1String("scala"))
        return QLatin1String("spark.table(\"") + inString + QLatin1String("\").limit(") + n + QLatin1String(").show()");
    if (language == QLatin1String("sparkr") || language == QLatin1String("r"))
        return QLatin1String("head(sql(\"SELECT * FROM ") + inString + QLatin1String("\"), ") + n + QLatin1Char(')');
    return sql;
}

} // namespace Livy
