// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a fake statement "computes": directive lines in the code (`#fake:table`, `#fake:error=E:v`, ...; see
// README.md) choose the output; plain code gets a deterministic text/plain answer. Pure functions, no state.

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace FakeLivy {

struct Directives
{
    std::optional<int> durationMs;
    /// #fake:progress=none: code without Spark jobs (time.sleep on the driver): Livy's progress stays 0 until the
    /// end, as the real server reports it. Otherwise progress grows with the run time, as a job of even tasks.
    bool noProgress = false;
    std::optional<QString> ename;  ///< set by #fake:error
    QString evalue;
    std::optional<int> tableRows;  ///< #fake:table[=rows]
    std::optional<QJsonValue> json; ///< #fake:json[=<json>]
    bool image = false;            ///< #fake:image[=WxH]
    int imageWidth = 0;            ///< #fake:image=WxH: a WxH plot instead of the 8x8 PNG (0: the 8x8 one)
    int imageHeight = 0;
    std::optional<int> sqlRows;    ///< #fake:sql[=rows]
    std::optional<QString> text;   ///< #fake:text=<text> (\n and \t escapes)
    QStringList logLines;          ///< #fake:log=<line>, appended to the session log when the statement runs
    bool die = false;              ///< #fake:die, the interpreter dies and the session goes to `error`
    /// #fake:uninterruptible: plain driver code (time.sleep, a local loop) that Livy's cancel cannot stop: the
    /// cancel gives up after the cancel delay (Livy's job-cancel timeout) and reports `cancelled` without output,
    /// the code runs on to its end, then the statement gets its output and a new `completed`.
    bool uninterruptible = false;
    QString code;                  ///< the code without directive lines
};

/// A directive line is `#fake:`, `//fake:` or `--fake:` (spaces allowed after the comment marker) at the
/// start of a line. Unknown directives are ignored.
Directives parseDirectives(const QString &code);

/// The `output` object of a finished statement: `{"status":"ok","execution_count":n,"data":{...}}` or the
/// error shape. `kind` is the statement's canonical kind (spark, pyspark, sparkr, sql).
QJsonObject makeOutput(const Directives &directives, const QString &kind, int executionCount);

/// The error output the real pyspark REPL gives a statement whose Spark job was cancelled (recorded on Livy 0.9,
/// tests/fixtures/real/statement-pyspark-cancelled-job.json, shortened stack).
QJsonObject cancelledJobOutput(const QString &kind, int executionCount);

/// A valid 8x8 RGB PNG, base64-encoded as Livy sends image/png.
QString tinyPngBase64();

/// A valid width x height RGB PNG of a plot (white background, axes, grid, two curves, a scatter of dots),
/// base64-encoded: about the size of what matplotlib's `%matplot` sends for a figure of that size (640x480: 30 KB).
QString plotPngBase64(int width, int height);

/// Completion candidates the way Livy's Scala interpreter offers them (only kind spark gets any).
QStringList completionCandidates(const QString &code, int cursor);

} // namespace FakeLivy
