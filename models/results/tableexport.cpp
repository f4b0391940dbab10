// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableexport.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QObject>
#include <QSet>

#include <cmath>
#include <cstdio>

namespace Livy::TableExport {

namespace {

QStringList uniqueNames(const TableResult &table, const QList<int> &columns)
{
    QStringList names;
    QSet<QString> used;
    for (int c : columns) {
        const QString base = table.column(c).name.isEmpty() ? QStringLiteral("column%1").arg(c + 1)
                                                            : table.column(c).name;
        QString name = base;
        for (int n = 2; used.contains(name); ++n)
            name = base + QLatin1Char('_') + QString::number(n);
        used.insert(name);
        names.append(name);
    }
    return names;
}

/// Delimited text (CSV or TSV) in chunks of a few thousand rows.
QString writeDelimited(QIODevice *device, QString *out, QChar separator, QLatin1String recordEnd,
                       const TableResult &table, const QList<int> &rows, const QList<int> &columns,
                       const Options &options)
{
    QString chunk;
    auto flush = [&]() -> bool {
        if (out) {
            out->append(chunk);
        } else {
            const QByteArray bytes = chunk.toUtf8();
            if (device->write(bytes) != bytes.size())
                return false;
        }
        chunk.clear();
        return true;
    };
    if (options.header) {
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                chunk.append(separator);
            // A null-looking empty header still needs to be a field: quote empty names.
            const QString &name = table.column(columns[i]).name;
            chunk.append(name.isEmpty() ? QStringLiteral("\"\"") : quoteField(name, separator));
        }
        chunk.append(recordEnd);
    }
    const qsizetype total = rows.size();
    for (qsizetype r = 0; r < total; ++r) {
        const int row = rows[r];
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                chunk.append(separator);
            const int column = columns[i];
            if (table.isNull(row, column))
                continue; // null: an empty, unquoted field
            const QString text = table.text(row, column);
            chunk.append(text.isEmpty() ? QStringLiteral("\"\"") : quoteField(text, separator));
        }
        chunk.append(recordEnd);
        if ((r & 4095) == 4095) {
            if (!flush())
                return device->errorString();
            if (options.progress && !options.progress(r + 1, total))
                return QObject::tr("The export was cancelled");
        }
    }
    if (!flush())
        return device->errorString();
    return {};
}

void appendJsonString(QByteArray &out, const QString &text)
{
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char ch : utf8) {
        switch (ch) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04x", unsigned(static_cast<unsigned char>(ch)));
                out.append(escape);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
}

void appendJsonValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 9.2e18)
            out.append(QByteArray::number(value.toInteger(qint64(d))));
        else
            out.append(QString::number(d, 'g', QLocale::FloatingPointShortest).toLatin1());
        break;
    }
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        break;
    case QJsonValue::Array:
        out.append(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        out.append(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
}

QString writeJson(QIODevice *device, QByteArray *out, const TableResult &table, const QList<int> &rows,
                  const QList<int> &columns, const Options &options)
{
    // Keys are written in column order (a QJsonObject would sort them), each escaped once.
    QList<QByteArray> keys;
    for (const QString &name : uniqueNames(table, columns)) {
        QByteArray key;
        appendJsonString(key, name);
        key.append(": ");
        keys.append(key);
    }
    QByteArray chunk;
    auto flush = [&]() -> bool {
        if (out)
            out->append(chunk);
        else if (device->write(chunk) != chunk.size())
            return false;
        chunk.clear();
        return true;
    };
    chunk.append('[');
    const qsizetype total = rows.size();
    for (qsizetype r = 0; r < total; ++r) {
        chunk.append(r == 0 ? "\n  {" : ",\n  {");
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                chunk.append(", ");
            chunk.append(keys[i]);
            appendJsonValue(chunk, table.jsonValue(rows[r], columns[i]));
        }
        chunk.append('}');
        if ((r & 4095) == 4095) {
            if (!flush())
                return device->errorString();
            if (options.progress && !options.progress(r + 1, total))
                return QObject::tr("The export was cancelled");
        }
    }
    chunk.append(total > 0 ? "\n]\n" : "]\n");
    if (!flush())
        return device->errorString();
    return {};
}

} // namespace

QList<int> allRows(const TableResult &table)
{
    QList<int> rows(table.rowCount());
    for (int r = 0; r < table.rowCount(); ++r)
        rows[r] = r;
    return rows;
}

QList<int> allColumns(const TableResult &table)
{
    QList<int> columns(table.columnCount());
    for (int c = 0; c < table.columnCount(); ++c)
        columns[c] = c;
    return columns;
}

QString quoteField(const QString &field, QChar separator)
{
    bool needsQuotes = !field.isEmpty() && (field.front().isSpace() || field.back().isSpace());
    for (const QChar ch : field) {
        if (ch == separator || ch == u'"' || ch == u'\n' || ch == u'\r') {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString toCsv(const TableResult &table, const QList<int> &rows, const QList<int> &columns, const Options &options)
{
    QString out;
    writeDelimited(nullptr, &out, QLatin1Char(','), QLatin1String("\r\n"), table, rows, columns, options);
    return out;
}

QString toTsv(const TableResult &table, const QList<int> &rows, const QList<int> &columns, const Options &options)
{
    QString out;
    writeDelimited(nullptr, &out, QLatin1Char('\t'), QLatin1String("\n"), table, rows, columns, options);
    return out;
}

QByteArray toJson(const TableResult &table, const QList<int> &rows, const QList<int> &columns)
{
    QByteArray out;
    writeJson(nullptr, &out, table, rows, columns, {});
    return out;
}

QString write(QIODevice *device, Format format, const TableResult &table, const QList<int> &rows,
              const QList<int> &columns, const Options &options)
{
    if (!device || !device->isWritable())
        return QObject::tr("The file is not open for writing");
    switch (format) {
    case Format::Csv:
        return writeDelimited(device, nullptr, QLatin1Char(','), QLatin1String("\r\n"), table, rows, columns, options);
    case Format::Tsv:
        return writeDelimited(device, nullptr, QLatin1Char('\t'), QLatin1String("\n"), table, rows, columns, options);
    case Format::Json:
        return writeJson(device, nullptr, table, rows, columns, options);
    }
    return {};
}

} // namespace Livy::TableExport
