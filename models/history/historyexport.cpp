// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "historyexport.h"

#include "results/outputparser.h"
#include "results/tableresult.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QObject>

#include <algorithm>

namespace Livy {

namespace {

QString languageOf(const QString &kindOrLanguage)
{
    return HistoryEntry::language(kindOrLanguage.toLower());
}

/// The language the entry's code ran as (its kind; the session's when the entry has none).
QString entryLanguage(const HistoryEntry &entry)
{
    return languageOf(entry.kind.isEmpty() ? entry.session.kind : entry.kind);
}

QString isoUtc(qint64 msecs, Qt::DateFormat format)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toUTC().toString(format); // toUTC(): "Z", not "+00:00"
}

/// Text for a one-line comment: line breaks would end the comment and leak into the code.
QString oneLine(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

QString stateName(const Statement &statement)
{
    return statement.stateName.isEmpty() ? statementStateToString(statement.state) : statement.stateName;
}

QString truncationNote(const HistoryEntry &entry)
{
    return QStringLiteral("[output truncated by LivyDesk: %1 bytes received]").arg(entry.outputBytes);
}

/// SparkBreakdown::summary() of a finished statement ("2 jobs · 5 stages · 1,600 tasks · 3 failed"), with English
/// numbers whatever the machine's locale (the export does not depend on the machine); empty without jobs.
QString sparkSummary(const HistoryEntry &entry)
{
    if (!entry.spark || entry.spark->isEmpty())
        return {};
    const SparkBreakdown::Totals t = entry.spark->totals();
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QStringList parts;
    if (entry.spark->jobs.size() > 1)
        parts << QStringLiteral("%1 jobs").arg(entry.spark->jobs.size());
    parts << (t.stages == 1 ? QStringLiteral("1 stage") : QStringLiteral("%1 stages").arg(english.toString(t.stages)));
    parts << (t.tasks == 1 ? QStringLiteral("1 task") : QStringLiteral("%1 tasks").arg(english.toString(t.tasks)));
    if (t.failedTasks > 0)
        parts << QStringLiteral("%1 failed").arg(english.toString(t.failedTasks));
    return parts.join(QStringLiteral(" · "));
}

QString scriptHeader(const HistoryEntry &entry, const QString &marker)
{
    const Statement &st = entry.statement;
    const HistorySession &session = entry.session;
    QString first = marker + QLatin1Char(' ');
    first += st.id >= 0 ? QStringLiteral("Statement %1").arg(st.id)
                        : QStringLiteral("Statement not acknowledged by the server");
    first += QStringLiteral(", session %1").arg(session.id);
    if (!session.name.isEmpty())
        first += QStringLiteral(" \"") + oneLine(session.name) + QLatin1Char('"');
    if (!session.kind.isEmpty())
        first += QStringLiteral(" (") + oneLine(session.kind) + QLatin1Char(')');
    if (!session.server.isEmpty())
        first += QStringLiteral(", server ") + oneLine(session.server);

    QString second = marker + QLatin1Char(' ');
    if (st.completed > 0)
        second += QStringLiteral("Completed ") + isoUtc(st.completed, Qt::ISODate);
    else if (entry.submitted > 0)
        second += QStringLiteral("Not completed (submitted ") + isoUtc(entry.submitted, Qt::ISODate) + QLatin1Char(')');
    else
        second += QStringLiteral("Not completed");
    second += QStringLiteral(", state ") + oneLine(stateName(st));
    QString header = first + QLatin1Char('\n') + second + QLatin1Char('\n');
    const QString spark = sparkSummary(entry);
    if (!spark.isEmpty())
        header += marker + QStringLiteral(" Spark: ") + oneLine(spark) + QLatin1Char('\n');
    return header;
}

/// Jupyter's multi-line string: a list of lines, each but the last ending with its line break.
QJsonArray lines(const QString &text)
{
    QJsonArray array;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0) {
            array.append(text.mid(start));
            break;
        }
        array.append(text.mid(start, end - start + 1));
        start = end + 1;
    }
    return array;
}

/// Keys the notebook schema lets hold any JSON value (`^application/(.*\+)?json$`); others must be strings.
bool mimeTakesJson(const QString &mime)
{
    return mime == QLatin1String("application/json")
           || (mime.startsWith(QLatin1String("application/")) && mime.endsWith(QLatin1String("+json")));
}

QString jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

/// A value under a MIME key, in the form the schema accepts: text/* as lines, JSON types as JSON, else a string.
QJsonValue bundleValue(const QString &mime, const QJsonValue &value)
{
    if (mimeTakesJson(mime))
        return value;
    const QString text = value.isString() ? value.toString() : jsonText(value);
    if (mime.startsWith(QLatin1String("text/")))
        return lines(text);
    return text;
}

QString appendLine(const QString &text, const QString &line)
{
    if (text.isEmpty())
        return line;
    if (text.endsWith(QLatin1Char('\n')))
        return text + line;
    return text + QLatin1Char('\n') + line;
}

QJsonObject errorOutput(const HistoryEntry &entry, const ParsedOutput &parsed)
{
    QJsonArray traceback;
    const QString firstLine = parsed.evalue.section(QLatin1Char('\n'), 0, 0).trimmed();
    const QString needle = firstLine.isEmpty() ? parsed.ename : firstLine;
    bool named = false;
    QStringList tracebackLines;
    for (QString line : parsed.traceback) {
        if (line.endsWith(QLatin1Char('\n')))
            line.chop(1);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        named = named || line.contains(needle);
        tracebackLines.append(line);
    }
    if (!named)
        traceback.append(parsed.evalue.isEmpty() ? parsed.ename : parsed.ename + QStringLiteral(": ") + parsed.evalue);
    for (const QString &line : std::as_const(tracebackLines))
        traceback.append(line);
    if (entry.outputTruncated)
        traceback.append(truncationNote(entry));
    return QJsonObject{
        {QStringLiteral("output_type"), QStringLiteral("error")},
        {QStringLiteral("ename"), parsed.ename},
        {QStringLiteral("evalue"), parsed.evalue},
        {QStringLiteral("traceback"), traceback},
    };
}

QJsonValue executionCount(const std::optional<StatementOutput> &output)
{
    if (output && output->executionCount >= 0)
        return output->executionCount;
    return QJsonValue::Null;
}

QJsonArray cellOutputs(const HistoryEntry &entry)
{
    const std::optional<StatementOutput> &output = entry.statement.output;
    const QJsonValue count = executionCount(output);
    auto executeResult = [&count](const QJsonObject &data, const QJsonObject &metadata) {
        return QJsonObject{
            {QStringLiteral("output_type"), QStringLiteral("execute_result")},
            {QStringLiteral("execution_count"), count},
            {QStringLiteral("data"), data},
            {QStringLiteral("metadata"), metadata},
        };
    };

    if (!output) {
        if (!entry.outputTruncated)
            return {};
        return {executeResult({{QStringLiteral("text/plain"), lines(truncationNote(entry))}}, {})};
    }

    const ParsedOutput parsed = OutputParser::parse(*output);
    if (parsed.isError)
        return {errorOutput(entry, parsed)};

    QJsonObject data;
    QStringList notes = parsed.notes;
    bool hasOwnText = false;
    QString ownText;
    QString tableText;
    QString valueText; // a JSON value's indented text
    for (const OutputPart &part : parsed.parts) {
        const QString &mime = part.mimeType;
        switch (part.kind) {
        case OutputPart::Kind::Image:
            if (!part.imageBytes.isEmpty() && !mime.contains(QLatin1String("svg")))
                data.insert(mime, QString::fromLatin1(part.imageBytes.toBase64())); // one line, as Jupyter keeps it
            else
                data.insert(mime, bundleValue(mime, part.value));
            break;
        case OutputPart::Kind::Table:
            data.insert(mime, bundleValue(mime, part.value));
            if (part.table) {
                if (!data.contains(QLatin1String("text/html")))
                    data.insert(QStringLiteral("text/html"), lines(tableToHtml(*part.table)));
                if (tableText.isEmpty())
                    tableText = tableToText(*part.table);
                if (part.table->mayBeTruncated())
                    notes.append(QObject::tr("The SQL result has %1 rows, the server's limit: rows may be missing")
                                     .arg(part.table->rowCount()));
            }
            break;
        case OutputPart::Kind::Json:
            data.insert(mime, bundleValue(mime, part.value));
            if (valueText.isEmpty())
                valueText = part.text ? part.text->text() : jsonText(part.value);
            break;
        case OutputPart::Kind::Text:
            hasOwnText = true;
            ownText = part.text ? part.text->text() : part.value.toString();
            break;
        case OutputPart::Kind::Other:
            data.insert(mime, bundleValue(mime, part.value));
            break;
        }
    }

    QString plain;
    bool hasPlain = true;
    if (hasOwnText && !ownText.isEmpty())
        plain = ownText;
    else if (!tableText.isEmpty())
        plain = tableText;
    else if (!valueText.isEmpty())
        plain = valueText;
    else
        hasPlain = hasOwnText;
    if (entry.outputTruncated) {
        plain = appendLine(plain, truncationNote(entry));
        hasPlain = true;
    }
    if (hasPlain)
        data.insert(QStringLiteral("text/plain"), lines(plain));
    if (data.isEmpty())
        return {};

    QJsonObject metadata;
    if (!notes.isEmpty())
        metadata.insert(QStringLiteral("livydesk"), QJsonObject{{QStringLiteral("notes"), QJsonArray::fromStringList(notes)}});
    return {executeResult(data, metadata)};
}

QJsonObject cellMetadata(const HistoryEntry &entry)
{
    QJsonObject m;
    auto putText = [&m](const char *key, const QString &value) {
        if (!value.isEmpty())
            m.insert(QLatin1String(key), value);
    };
    const HistorySession &session = entry.session;
    const Statement &st = entry.statement;
    putText("server", session.server);
    if (session.id >= 0)
        m.insert(QStringLiteral("session_id"), session.id);
    putText("session_name", session.name);
    putText("session_kind", session.kind);
    putText("app_id", session.appId);
    if (st.id >= 0)
        m.insert(QStringLiteral("statement_id"), st.id);
    putText("kind", entry.kind);
    putText("state", stateName(st));
    if (st.started > 0)
        m.insert(QStringLiteral("started"), isoUtc(st.started, Qt::ISODateWithMs));
    if (st.completed > 0)
        m.insert(QStringLiteral("completed"), isoUtc(st.completed, Qt::ISODateWithMs));
    if (entry.outputTruncated) {
        m.insert(QStringLiteral("output_truncated"), true);
        m.insert(QStringLiteral("output_bytes"), entry.outputBytes);
    }
    putText("spark", sparkSummary(entry));
    return m;
}

struct Kernel
{
    QString name;
    QString displayName;
    QString language;
    QJsonObject languageInfo;
};

/// sparkmagic's wrapper kernels (sparkmagic/kernels/*/kernel.json and their language_info), plus file_extension.
Kernel kernelFor(const QString &language)
{
    if (language == QLatin1String("python")) {
        return {QStringLiteral("pysparkkernel"), QStringLiteral("PySpark"), QStringLiteral("python"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("pyspark")},
                            {QStringLiteral("mimetype"), QStringLiteral("text/x-python")},
                            {QStringLiteral("codemirror_mode"),
                             QJsonObject{{QStringLiteral("name"), QStringLiteral("python")}, {QStringLiteral("version"), 3}}},
                            {QStringLiteral("file_extension"), QStringLiteral(".py")},
                            {QStringLiteral("pygments_lexer"), QStringLiteral("python3")}}};
    }
    if (language == QLatin1String("r")) {
        return {QStringLiteral("sparkrkernel"), QStringLiteral("SparkR"), QStringLiteral("r"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("sparkR")},
                            {QStringLiteral("mimetype"), QStringLiteral("text/x-rsrc")},
                            {QStringLiteral("codemirror_mode"), QStringLiteral("text/x-rsrc")},
                            {QStringLiteral("file_extension"), QStringLiteral(".r")},
                            {QStringLiteral("pygments_lexer"), QStringLiteral("r")}}};
    }
    return {QStringLiteral("sparkkernel"), QStringLiteral("Spark"), QStringLiteral("scala"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("scala")},
                        {QStringLiteral("mimetype"), QStringLiteral("text/x-scala")},
                        {QStringLiteral("codemirror_mode"), QStringLiteral("text/x-scala")},
                        {QStringLiteral("file_extension"), QStringLiteral(".scala")},
                        {QStringLiteral("pygments_lexer"), QStringLiteral("scala")}}};
}

/// The most frequent non-SQL language; ties go to the one met first; "scala" when there is none.
QString kernelLanguage(const QList<HistoryEntry> &entries)
{
    QHash<QString, int> counts;
    QStringList order;
    for (const HistoryEntry &entry : entries) {
        const QString language = entryLanguage(entry);
        if (language == QLatin1String("sql"))
            continue;
        if (!counts.contains(language))
            order.append(language);
        ++counts[language];
    }
    QString best = QStringLiteral("scala");
    int bestCount = 0;
    for (const QString &language : std::as_const(order)) {
        if (counts.value(language) > bestCount) {
            best = language;
            bestCount = counts.value(language);
        }
    }
    return best;
}

QString escapeCell(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    text.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    text.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    return text;
}

} // namespace

QString scriptFileSuffix(const QString &kind)
{
    const QString language = languageOf(kind);
    if (language == QLatin1String("python"))
        return QStringLiteral("py");
    if (language == QLatin1String("r"))
        return QStringLiteral("R");
    if (language == QLatin1String("sql"))
        return QStringLiteral("sql");
    return QStringLiteral("scala");
}

QString commentMarker(const QString &kind)
{
    const QString language = languageOf(kind);
    if (language == QLatin1String("scala"))
        return QStringLiteral("//");
    if (language == QLatin1String("sql"))
        return QStringLiteral("--");
    return QStringLiteral("#");
}

QMap<QString, QList<HistoryEntry>> groupByLanguage(const QList<HistoryEntry> &entries)
{
    QMap<QString, QList<HistoryEntry>> groups;
    for (const HistoryEntry &entry : entries)
        groups[entryLanguage(entry)].append(entry);
    return groups;
}

QString toScript(const QList<HistoryEntry> &entries, const QString &language)
{
    const QString wanted = languageOf(language);
    const QString marker = commentMarker(wanted);
    QString script;
    for (const HistoryEntry &entry : entries) {
        if (entryLanguage(entry) != wanted)
            continue;
        if (!script.isEmpty())
            script += QLatin1Char('\n');
        script += scriptHeader(entry, marker);
        QString code = entry.statement.code;
        while (code.endsWith(QLatin1Char('\n')) || code.endsWith(QLatin1Char('\r')))
            code.chop(1);
        script += code + QLatin1Char('\n');
    }
    return script;
}

QByteArray toNotebook(const QList<HistoryEntry> &entries, QString *error)
{
    if (error)
        error->clear();
    QJsonArray cells;
    int index = 0;
    for (const HistoryEntry &entry : entries) {
        ++index;
        if (!entry.outputLoaded) {
            if (error) {
                *error = QObject::tr("The output of statement %1 of session %2 was not loaded from the history")
                             .arg(entry.statement.id)
                             .arg(entry.session.id);
            }
            return {};
        }
        QString source = entry.statement.code;
        if (entryLanguage(entry) == QLatin1String("sql"))
            source = QStringLiteral("%%sql\n") + source;
        cells.append(QJsonObject{
            {QStringLiteral("cell_type"), QStringLiteral("code")},
            {QStringLiteral("id"), QStringLiteral("cell-%1").arg(index)},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("livydesk"), cellMetadata(entry)}}},
            {QStringLiteral("source"), lines(source)},
            {QStringLiteral("execution_count"), executionCount(entry.statement.output)},
            {QStringLiteral("outputs"), cellOutputs(entry)},
        });
    }

    const Kernel kernel = kernelFor(kernelLanguage(entries));
    const QJsonObject metadata{
        {QStringLiteral("kernelspec"), QJsonObject{{QStringLiteral("name"), kernel.name},
                                                   {QStringLiteral("display_name"), kernel.displayName},
                                                   {QStringLiteral("language"), kernel.language}}},
        {QStringLiteral("language_info"), kernel.languageInfo},
    };
    const QJsonObject notebook{
        {QStringLiteral("cells"), cells},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("nbformat"), 4},
        {QStringLiteral("nbformat_minor"), 5},
    };
    return QJsonDocument(notebook).toJson(QJsonDocument::Indented);
}

QString tableToHtml(const TableResult &table)
{
    QString html = QStringLiteral("<table>\n<thead>\n<tr>");
    for (int c = 0; c < table.columnCount(); ++c)
        html += QStringLiteral("<th>") + table.column(c).name.toHtmlEscaped() + QStringLiteral("</th>");
    html += QStringLiteral("</tr>\n</thead>\n<tbody>\n");
    for (int r = 0; r < table.rowCount(); ++r) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < table.columnCount(); ++c) {
            if (table.isNull(r, c))
                html += QStringLiteral("<td><i>null</i></td>");
            else
                html += QStringLiteral("<td>") + table.text(r, c).toHtmlEscaped() + QStringLiteral("</td>");
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</tbody>\n</table>\n");
    return html;
}

QString tableToText(const TableResult &table)
{
    const int columns = table.columnCount();
    QList<QStringList> cells; // row 0: the header
    QStringList header;
    for (int c = 0; c < columns; ++c)
        header.append(escapeCell(table.column(c).name));
    cells.append(header);
    for (int r = 0; r < table.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < columns; ++c)
            row.append(table.isNull(r, c) ? QStringLiteral("null") : escapeCell(table.text(r, c)));
        cells.append(row);
    }
    QList<qsizetype> widths(columns, 0);
    for (const QStringList &row : std::as_const(cells)) {
        for (int c = 0; c < columns; ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }

    QString rule = QStringLiteral("+");
    for (int c = 0; c < columns; ++c)
        rule += QString(widths[c], QLatin1Char('-')) + QLatin1Char('+');
    rule += QLatin1Char('\n');

    auto line = [&](const QStringList &row) -> QString {
        QString text = QStringLiteral("|");
        for (int c = 0; c < columns; ++c) {
            text += isNumericType(table.column(c).type) ? row[c].rightJustified(widths[c])
                                                        : row[c].leftJustified(widths[c]);
            text += QLatin1Char('|');
        }
        return text + QLatin1Char('\n');
    };

    QString text = rule + line(cells.first()) + rule;
    for (qsizetype r = 1; r < cells.size(); ++r)
        text += line(cells[r]);
    if (cells.size() > 1)
        text += rule;
    return text;
}

} // namespace Livy
