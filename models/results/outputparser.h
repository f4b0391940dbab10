// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Turns a Livy::StatementOutput into renderable parts.
//
// An `ok` output maps MIME types to values; one output can carry several (pyspark's %matplot sends image/png
// plus an empty text/plain; the sql kind sends application/json that is really a table). The parts are ordered
// richest first — image/png > table > application/json > text/plain > anything else — so a view shows the
// first one and offers the others in a switcher. An `error` output becomes ParsedOutput::isError with ename,
// evalue and traceback.
//
// parse() does the expensive work up front — tables converted to typed columns, texts indexed into display
// rows, base64 decoded — so it is meant to run on a worker thread (BackgroundTask) for big outputs, and
// everything it returns is immutable and safe to hand back to the GUI thread.

#include "core/backgroundtask.h"
#include "indexedtext.h"
#include "tableresult.h"

#include "livy/types.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Livy {

struct OutputPart
{
    enum class Kind { Image, Table, Json, Text, Other };

    Kind kind = Kind::Text;
    QString mimeType;
    /// Short label for a switcher: "Image", "Table", "JSON", "Text", or the MIME type.
    QString title;
    /// The value as it came in the output's data.
    QJsonValue value;

    // Filled by OutputParser::parse():
    std::shared_ptr<const TableResult> table; ///< Table
    /// Text and Other: the text itself; Json: the value as indented JSON text (the "raw" view).
    std::shared_ptr<const IndexedText> text;
    QByteArray imageBytes;                    ///< Image: the decoded file (PNG...)
};

struct ParsedOutput
{
    int executionCount = -1;
    bool isError = false;
    QString ename;
    QString evalue;
    QStringList traceback;
    /// Richest first; empty for an error output and for an ok output without data.
    QList<OutputPart> parts;
    /// Things the user should know about the decoding ("The SQL result could not be read as a table: ...").
    QStringList notes;
    /// parse() was cancelled: the parts are incomplete.
    bool cancelled = false;

    /// The traceback as one text (Python's lines end with their own line break, Scala's do not).
    QString tracebackText() const;
    /// "ename: evalue" plus the traceback: what "Copy" puts on the clipboard for an error.
    QString errorText() const;
};

struct OutputParseOptions
{
    int sqlRowCap = TableResult::DefaultSqlRowCap;
    qsizetype maxRowLength = IndexedText::DefaultMaxRowLength;
};

class OutputParser
{
public:
    using Options = OutputParseOptions;

    // The MIME keys are Livy::Mime (livy/types.h): one set of constants.

    /// Lower is richer: Image 0, Table 1, Json 2, Text 3, Other 4.
    static int rank(OutputPart::Kind kind);

    /// The parts and their order, without preparing them (cheap; for tests and quick decisions).
    static ParsedOutput listParts(const StatementOutput &output);

    /// Lists and prepares every part. `context` (optional) receives progress and is polled for cancellation.
    static ParsedOutput parse(const StatementOutput &output, const Options &options = {},
                              const TaskContext *context = nullptr);
};

} // namespace Livy
