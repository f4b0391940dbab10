// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writes (part of) a TableResult as TSV, CSV or JSON.
//
// The caller passes the rows (in the order to write them: normally the view's filtered and sorted order) and the
// columns. All writers take the full cell text (never the shortened display text).
//  - CSV follows RFC 4180: comma separated, CRLF between records, a field is quoted when it holds a comma,
//    a double quote, CR or LF (quotes doubled), or leading/trailing spaces. A null is an empty field; an empty
//    string is `""`, so the two stay distinguishable. UTF-8, no byte-order mark.
//  - TSV is what spreadsheets take from the clipboard: tab separated, LF between records, the same quoting
//    with a tab in place of the comma.
//  - JSON is an array of objects, one per row, keys in column order (duplicate column names get a suffix
//    "_2", "_3"...), numbers as numbers, null as null, nested values as JSON.
// The write*() functions stream to a device (a QSaveFile on a worker thread for big exports) and report
// progress; they return an empty string on success, else a message fit for the user.

#include "tableresult.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace Livy::TableExport {

enum class Format { Csv, Tsv, Json };

struct Options
{
    bool header = true; ///< CSV/TSV: write the column names first
    /// Called every few thousand rows with (rows written, rows total); return false to stop.
    std::function<bool(qsizetype, qsizetype)> progress;
};

/// All rows (in the table's order) or all columns, for callers that export everything.
QList<int> allRows(const TableResult &table);
QList<int> allColumns(const TableResult &table);

/// One CSV (separator ',') or TSV (separator '\t') field, quoted when needed.
QString quoteField(const QString &field, QChar separator);

QString toCsv(const TableResult &table, const QList<int> &rows, const QList<int> &columns, const Options &options = {});
QString toTsv(const TableResult &table, const QList<int> &rows, const QList<int> &columns, const Options &options = {});
QByteArray toJson(const TableResult &table, const QList<int> &rows, const QList<int> &columns);

/// Streams the rows to `device` (opened for writing) in `format`. Empty string on success, else the error.
QString write(QIODevice *device, Format format, const TableResult &table, const QList<int> &rows,
              const QList<int> &columns, const Options &options = {});

} // namespace Livy::TableExport
