// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataframetable.h"

#include "livy/outcome.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Livy {

namespace {

QString canonicalLanguage(const QString &kind)
{
    if (kind == QLatin1String("python") || kind == QLatin1String("pyspark"))
        return QStringLiteral("pyspark");
    if (kind == QLatin1String("scala") || kind == QLatin1String("spark"))
        return QStringLiteral("spark");
    return kind;
}

/// The last non-empty line of the code.
QString lastLine(const QString &code)
{
    const QStringList lines = code.split(QLatin1Char('\n'));
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString t = it->trimmed();
        if (!t.isEmpty())
            return t;
    }
    return {};
}

bool isDataFrameDescription(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*DataFrame\[.*\]\s*$)"), QRegularExpression::DotMatchesEverythingOption);
    return re.match(text).hasMatch();
}

} // namespace

bool isIdentifier(const QString &name)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$)"));
    return re.match(name).hasMatch();
}

std::optional<DataFrameHint> dataFrameHint(const Statement &statement, const QString &language)
{
    const QString lang = canonicalLanguage(language);
    if (!statement.output || statement.output->isError() || (lang != QLatin1String("pyspark") && lang != QLatin1String("spark")))
        return std::nullopt;
    const StatementOutput &out = *statement.output;
    const QString last = lastLine(statement.code);
    QString name;
    if (classifyData(out) == OutputKind::Table) {
        const QJsonObject table = out.data.value(Mime::Table).toObject();
        const QJsonArray rows = table.value(QLatin1String("data")).toArray();
        const QJsonArray headers = table.value(QLatin1String("headers")).toArray();
        if (rows.size() != 1 || headers.size() != 1 || !isDataFrameDescription(rows.at(0).toArray().at(0).toString()))
            return std::nullopt;
        static const QRegularExpression magic(QStringLiteral(R"(^%table\s+(\S+)\s*$)"));
        const QRegularExpressionMatch m = magic.match(last);
        if (m.hasMatch())
            name = m.captured(1);
    } else if (classifyData(out) == OutputKind::Text) {
        const QString text = out.text().trimmed();
        if (lang == QLatin1String("pyspark") && isDataFrameDescription(text)) {
            name = last; // the expression echoed: `df`
        } else if (lang == QLatin1String("spark")) {
            // Scala's REPL echo: "df: org.apache.spark.sql.DataFrame = [k: bigint, …]" (or a resN value).
            static const QRegularExpression echo(
                QStringLiteral(R"(^([A-Za-z_][A-Za-z0-9_]*): org\.apache\.spark\.sql\.(?:DataFrame|Dataset\[org\.apache\.spark\.sql\.Row\]) = \[)"),
                QRegularExpression::MultilineOption);
            const QRegularExpressionMatch m = echo.match(text);
            if (m.hasMatch() && text.count(QLatin1Char('\n')) == 0)
                name = isIdentifier(last) ? last : m.captured(1); // `sdf` echoes as res0: either names it
        }
    }
    if (!isIdentifier(name))
        return std::nullopt;
    return DataFrameHint{ name, lang };
}

QString dataFrameTableCode(const QString &name, const QString &language, int limit)
{
    if (!isIdentifier(name) || limit <= 0)
        return {};
    const QString lang = canonicalLanguage(language);
    if (lang == QLatin1String("pyspark")) {
        return QStringLiteral(
                   "# LivyDesk: the first %2 rows of %1 as a table (its columns, in order, with their types)\n"
                   "import json as _livydesk_json\n"
                   "_livydesk_df = (%1).limit(%2)\n"
                   "_livydesk_table = {'schema': _livydesk_json.loads(_livydesk_df.schema.json()),\n"
                   "                   'data': _livydesk_json.loads(_livydesk_json.dumps([list(r) for r in _livydesk_df.collect()], default=str))}\n"
                   "%json _livydesk_table")
            .arg(name)
            .arg(limit);
    }
    if (lang == QLatin1String("spark")) {
        return QStringLiteral(
                   "// LivyDesk: the first %2 rows of %1 as a table (its columns, in order, with their types)\n"
                   "val livydeskDf = (%1).limit(%2)\n"
                   "val livydeskTable = Map(\"schema\" -> Map(\"type\" -> \"struct\", \"fields\" -> livydeskDf.schema.fields.toSeq.map(f => "
                   "Map(\"name\" -> f.name, \"type\" -> f.dataType.typeName, \"nullable\" -> f.nullable))), "
                   "\"data\" -> livydeskDf.collect().toSeq.map(_.toSeq.map { case null => null; case v: java.lang.Number => v; "
                   "case v: java.lang.Boolean => v; case v => v.toString }))\n"
                   "%json livydeskTable")
            .arg(name)
            .arg(limit);
    }
    return {};
}

} // namespace Livy
