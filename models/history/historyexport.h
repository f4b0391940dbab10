// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Exports statement history entries as a script (one file per language) or as a Jupyter notebook.
//
// Script: the code of the entries of one language, in the order given, each under a comment header in that
// language's syntax (`#` for Python and R, `//` for Scala, `--` for SQL) naming the statement, the session, the
// server, the completion time (UTC, ISO 8601) and the final state. A blank line separates entries. The caller
// groups by language (groupByLanguage()) and writes one file per group with scriptFileSuffix(). The code is kept
// exactly as it was sent, Livy's magics (`%table`, `%json`, `%matplot`) included: the script replays in Livy.
// An entry with a Spark breakdown gets a third header line with its summary ("# Spark: 2 jobs · 5 stages · 1,600
// tasks · 3 failed": SparkBreakdown::summary() of a finished statement, numbers always in English).
//
// Notebook: nbformat 4.5 (cells carry the `id`s 4.5 requires: "cell-1", "cell-2"... in export order, unique and
// stable for the same input). tests/models/tst_historyexport checks the notebooks with the real nbformat validator,
// with its "will become a hard error" warnings (missing or duplicate ids) counted as errors.
//  - Kernel: the sparkmagic wrapper kernel of the most frequent non-SQL language of the entries (ties: the one
//    met first): "pysparkkernel" (PySpark), "sparkkernel" (Spark), "sparkrkernel" (SparkR), with sparkmagic's own
//    language_info (plus file_extension); a notebook of SQL only (or of nothing) gets "sparkkernel": sparkmagic has
//    no SQL kernel, and Livy's sql kind runs in the JVM.
//  - One code cell per entry, source = the code. SQL cells (the sql kind, also chosen per statement in a shared
//    session) start with sparkmagic's `%%sql` cell magic, which its kernels run as Spark SQL in the session.
//    Cells of another non-SQL language than the kernel's keep their code unchanged: sparkmagic's kernels have no
//    per-cell language switch. Every cell's language is in its metadata (below), so nothing is lost.
//  - Cell metadata `livydesk`: server, session_id, session_name, session_kind, app_id, statement_id, kind (the
//    language the code ran as), state, started/completed (UTC ISO 8601 with ms); empty or unset values are left
//    out; output_truncated/output_bytes when the stored output was cut; spark, the Spark breakdown's summary line
//    (SparkBreakdown::summary()), when the entry has one.
//  - execution_count: the output's execution count, or null without output.
//  - Outputs: an `ok` output becomes one execute_result. text/plain is kept as text; application/json (and any
//    `...+json` type) as a JSON value with its indented text as text/plain when there is no text; a table (Livy's
//    `%table` type, or the sql kind's {schema, data}) keeps its JSON value and adds text/html (an escaped HTML
//    table) and, unless the output had its own text, text/plain (an aligned text table), both rendered from
//    TableResult as OutputParser reads it; image/png is one base64 string without line breaks (Jupyter's form).
//    JSON values go through QJsonValue, so a whole double loses its ".0" there (3.0 -> 3); the table renderings
//    keep the column's own format.
//    Decoding notes (a table that could not be read...) go into the output's metadata `livydesk.notes`.
//    An `error` output becomes an `error` output with ename, evalue and the traceback lines (without their
//    trailing line breaks: frontends join them with one). Jupyter frontends show only the traceback, so when no
//    traceback line holds the message (evalue's first line; Scala puts it only in evalue, with "... elided" as
//    the traceback), "ename: evalue" is put first.
//    No output (waiting, running, cancelled before it ran) gives no outputs; a cancelled statement that ran on
//    keeps what it printed.
//  - A truncated stored output (HistoryEntry::outputTruncated) gets "[output truncated by LivyDesk: N bytes
//    received]" on its own line at the end of its text/plain (an error output: as the last traceback line; no
//    output kept at all: an execute_result with only the note).
// The output is deterministic for the same entries: QJsonDocument writes object keys in sorted order, and
// nothing depends on the clock or the machine.

#include "historyentry.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace Livy {

class TableResult;

/// The file suffix (no dot) for scripts of `kind` (a session/statement kind or a language name from
/// HistoryEntry::language()): "py", "scala", "sql" or "R".
QString scriptFileSuffix(const QString &kind);

/// The line comment marker of a kind or language: "#" (Python, R), "//" (Scala), "--" (SQL).
QString commentMarker(const QString &kind);

/// The entries by HistoryEntry::language() of their kind (the session's when empty): "python", "scala", "r",
/// "sql"; each list in the order given.
QMap<QString, QList<HistoryEntry>> groupByLanguage(const QList<HistoryEntry> &entries);

/// The script of the entries whose language is `language` (a language name or a kind: "python" and "pyspark"
/// are the same); other entries are left out. Ends with one line break; empty when no entry matches.
QString toScript(const QList<HistoryEntry> &entries, const QString &language);

/// The entries as an nbformat 4.5 notebook (UTF-8 JSON, see above). Fails (empty result, `error` set to a
/// message fit for the user) when an entry's output was not loaded (HistoryEntry::outputLoaded is false: load
/// it with the store first), rather than exporting it silently without its output.
QByteArray toNotebook(const QList<HistoryEntry> &entries, QString *error = nullptr);

/// A table as an HTML <table> (header row of column names, one row per table row, every text escaped; null
/// cells as an italic "null"). Exposed for tests and other exporters.
QString tableToHtml(const TableResult &table);

/// A table as aligned plain text in the box style of Spark's DataFrame.show(): numbers right-aligned, other
/// values left-aligned, null as "null", line breaks and tabs inside cells written as \n, \r, \t.
QString tableToText(const TableResult &table);

} // namespace Livy
