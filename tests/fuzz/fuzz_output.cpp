// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A statement's output as the output area gets it: a statement body (GET .../statements/{id}; Codec::decodeStatement)
// or a bare output object (Codec::decodeOutput), decoded as the job does, then OutputParser::parse() (on a worker
// thread in the application; here without a TaskContext), and every prepared part read as its view reads it: text
// rows, tables, images.
#include "fuzzcommon.h"
#include "fuzztable.h"

#include "results/outputparser.h"

#include <algorithm>

namespace {

void useText(const Livy::IndexedText &text)
{
    const qsizetype rows = text.rowCount();
    LivyFuzz::sink(text.lineCount() + text.longestRow() + text.size());
    for (qsizetype r = 0; r < std::min<qsizetype>(rows, 2000); ++r) {
        LivyFuzz::sink(text.rowText(r).size());
        LivyFuzz::sink(text.isContinuation(r) ? 1 : 0);
    }
    LivyFuzz::sink(text.rowAt(text.size() / 2) + text.rowAt(text.size()) + text.rowAt(-1));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = LivyFuzz::bodyOf(data, size);
    Livy::LivyJob::ParsedBody parsed;
    parsed.document = QJsonDocument::fromJson(body, &parsed.error);
    std::optional<Livy::StatementOutput> output;
    if (parsed.document.object().contains(QLatin1String("output"))) {
        Livy::Statement statement;
        const Livy::LivyError error = Livy::Detail::decodeBody(parsed, body, QStringLiteral("statement"),
                                                               Livy::Codec::decodeStatement, &statement);
        if (error)
            LivyFuzz::use(error);
        output = statement.output;
    } else {
        Livy::StatementOutput decoded;
        const Livy::LivyError error = Livy::Detail::decodeBody(parsed, body, QStringLiteral("statement output"),
                                                               Livy::Codec::decodeOutput, &decoded);
        if (error)
            LivyFuzz::use(error);
        else
            output = decoded;
    }
    if (!output)
        return 0;

    LivyFuzz::use(*output);
    Livy::OutputParser::Options options;
    options.maxRowLength = 32; // long rows are cut into display rows: make small inputs reach that
    options.sqlRowCap = 3;
    const Livy::ParsedOutput result = Livy::OutputParser::parse(*output, options);
    LivyFuzz::sink(result.errorText());
    LivyFuzz::sink(result.notes);
    for (const Livy::OutputPart &part : result.parts) {
        LivyFuzz::sink(part.title + part.mimeType);
        LivyFuzz::sink(part.imageBytes.size());
        if (part.text)
            useText(*part.text);
        if (part.table)
            LivyFuzz::use(*part.table);
    }
    return 0;
}
