// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Livy {

namespace {

QString jsonText(const QJsonValue &value, bool indented)
{
    const QJsonDocument::JsonFormat format = indented ? QJsonDocument::Indented : QJsonDocument::Compact;
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(format)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(format)).trimmed();
    // A scalar: QJsonDocument only holds containers, so write it inside one and take it out again.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

OutputPart makePart(OutputPart::Kind kind, const QString &mime, const QString &title, const QJsonValue &value)
{
    OutputPart part;
    part.kind = kind;
    part.mimeType = mime;
    part.title = title;
    part.value = value;
    return part;
}

} // namespace

QString ParsedOutput::tracebackText() const
{
    QString text;
    for (const QString &line : traceback) {
        text.append(line);
        if (!line.endsWith(QLatin1Char('\n')))
            text.append(QLatin1Char('\n'));
    }
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

QString ParsedOutput::errorText() const
{
    QString text = evalue.isEmpty() ? ename : ename + QStringLiteral(": ") + evalue;
    const QString trace = tracebackText();
    if (!trace.isEmpty())
        text += QLatin1Char('\n') + trace;
    return text;
}

int OutputParser::rank(OutputPart::Kind kind)
{
    switch (kind) {
    case OutputPart::Kind::Image: return 0;
    case OutputPart::Kind::Table: return 1;
    case OutputPart::Kind::Json: return 2;
    case OutputPart::Kind::Text: return 3;
    case OutputPart::Kind::Other: return 4;
    }
    return 5;
}

ParsedOutput OutputParser::listParts(const StatementOutput &output)
{
    ParsedOutput parsed;
    parsed.executionCount = output.executionCount;
    parsed.isError = output.status == StatementOutput::Status::Error
                     || (output.status == StatementOutput::Status::Unknown && output.data.isEmpty()
                         && !output.ename.isEmpty());
    if (parsed.isError) {
        parsed.ename = output.ename.isEmpty() ? QStringLiteral("Error") : output.ename;
        parsed.evalue = output.evalue;
        parsed.traceback = output.traceback;
        return parsed;
    }

    for (auto it = output.data.constBegin(); it != output.data.constEnd(); ++it) {
        const QString mime = it.key();
        const QString lower = mime.toLower();
        const QJsonValue value = it.value();
        if (lower.startsWith(QLatin1String("image/"))) {
            parsed.parts.append(makePart(OutputPart::Kind::Image, mime, QObject::tr("Image"), value));
        } else if (lower == Mime::Table) {
            parsed.parts.append(makePart(OutputPart::Kind::Table, mime, QObject::tr("Table"), value));
        } else if (lower == Mime::Json || lower.endsWith(QLatin1String("+json"))) {
            if (TableResult::isSqlResultShape(value))
                parsed.parts.append(makePart(OutputPart::Kind::Table, mime, QObject::tr("Table"), value));
            parsed.parts.append(makePart(OutputPart::Kind::Json, mime, QObject::tr("JSON"), value));
        } else if (lower == Mime::TextPlain) {
            parsed.parts.append(makePart(OutputPart::Kind::Text, mime, QObject::tr("Text"), value));
        } else {
            const QString title = lower == QLatin1String("text/html") ? QStringLiteral("HTML") : mime;
            parsed.parts.append(makePart(OutputPart::Kind::Other, mime, title, value));
        }
    }
    std::stable_sort(parsed.parts.begin(), parsed.parts.end(), [](const OutputPart &a, const OutputPart &b) {
        return rank(a.kind) < rank(b.kind);
    });
    // pyspark's %matplot adds an empty text/plain next to the image: not worth a tab.
    if (parsed.parts.size() > 1) {
        parsed.parts.removeIf([](const OutputPart &p) {
            return p.kind == OutputPart::Kind::Text && p.value.isString() && p.value.toString().trimmed().isEmpty();
        });
    }
    return parsed;
}

ParsedOutput OutputParser::parse(const StatementOutput &output, const Options &options, const TaskContext *context)
{
    ParsedOutput parsed = listParts(output);
    auto progress = [context](qsizetype done, qsizetype total) {
        if (!context)
            return true;
        context->reportProgress(done, total);
        return !context->isCancelled();
    };
    auto indexText = [&](QString text) {
        return std::make_shared<const IndexedText>(IndexedText::build(std::move(text), options.maxRowLength, progress));
    };

    QList<OutputPart> prepared;
    for (OutputPart &part : parsed.parts) {
        if (context && context->isCancelled()) {
            parsed.cancelled = true;
            return parsed;
        }
        switch (part.kind) {
        case OutputPart::Kind::Table: {
            TableResult::Options tableOptions;
            tableOptions.sqlRowCap = options.sqlRowCap;
            tableOptions.progress = progress;
            const bool sql = !TableResult::isLivyTableShape(part.value) && TableResult::isSqlResultShape(part.value);
            Result<TableResult> table = sql ? TableResult::fromSqlResult(part.value.toObject(), tableOptions)
                                            : TableResult::fromLivyTable(part.value.toObject(), tableOptions);
            if (!table) {
                if (table.error().kind() == LivyError::Kind::Cancelled) {
                    parsed.cancelled = true;
                    return parsed;
                }
                parsed.notes.append(QObject::tr("The %1 output could not be read as a table: %2")
                                        .arg(part.mimeType, table.error().message()));
                if (sql)
                    continue; // the JSON part of the same value is still there
                // A broken %table output: show what came, as JSON.
                part.kind = OutputPart::Kind::Json;
                part.title = QObject::tr("JSON");
                part.text = indexText(jsonText(part.value, true));
                break;
            }
            part.table = std::make_shared<const TableResult>(std::move(table).value());
            for (const QString &warning : part.table->warnings())
                parsed.notes.append(warning);
            break;
        }
        case OutputPart::Kind::Json:
            part.text = indexText(jsonText(part.value, true));
            break;
        case OutputPart::Kind::Text:
        case OutputPart::Kind::Other:
            part.text = indexText(part.value.isString() ? part.value.toString() : jsonText(part.value, true));
            break;
        case OutputPart::Kind::Image: {
            const QByteArray encoded = part.value.toString().toLatin1();
            QByteArray::FromBase64Result decoded =
                QByteArray::fromBase64Encoding(encoded, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
            if (decoded) {
                part.imageBytes = std::move(decoded.decoded);
            } else if (part.mimeType.contains(QLatin1String("svg"))) {
                part.imageBytes = part.value.toString().toUtf8(); // inline SVG text
            } else {
                // Base64 with line breaks is common: try once more ignoring whitespace.
                QByteArray compact = encoded;
                compact.replace('\n', QByteArray()).replace('\r', QByteArray()).replace(' ', QByteArray());
                decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
                if (decoded)
                    part.imageBytes = std::move(decoded.decoded);
                else
                    parsed.notes.append(QObject::tr("The %1 output is not valid base64").arg(part.mimeType));
            }
            break;
        }
        }
        if (context && context->isCancelled()) {
            parsed.cancelled = true;
            return parsed;
        }
        prepared.append(part);
    }
    parsed.parts = prepared;
    return parsed;
}

} // namespace Livy
