// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagedquery.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>

namespace Livy {

class QueryRunner;
struct QueryReply;

/// Streams every row of a paged result into a local file, chunk by chunk: Spark turns each chunk of rows into CSV
/// or JSON lines (PagedQuery::exportChunkSql) and this appends them, so the client holds one chunk at a time
/// whatever the result's size. Chunks grow until one is about `targetChunkBytes()`.
///
/// The file is written as `<path>.part` and renamed to `path` only when the last row is in. A failure or a cancel
/// part-way renames it to `<name>.partial.<ext>` (partialPath()) and says how many rows it holds: never a file
/// that looks complete and is not.
class PagedExport : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Finished, Failed, Cancelled };
    Q_ENUM(State)

    PagedExport(QueryRunner *runner, QObject *parent = nullptr);
    ~PagedExport() override;

    /// Exports `query`'s rows with `columns` (from the paged model: names and types). `totalRows` (-1 if unknown)
    /// is for progress only; the export ends when a chunk comes back short. False (with errorText()) when the file
    /// cannot be created.
    bool start(const PagedQuery &query, const QList<TableColumn> &columns, PagedQuery::ExportFormat format,
               const QString &path, qint64 totalRows = -1);
    /// Stops after cancelling the chunk on its way; the rows written so far stay in partialPath().
    void cancel();

    void setFirstChunkRows(int rows) { m_chunkRows = qMax(1, rows); }
    void setTargetChunkBytes(qint64 bytes) { m_targetBytes = qMax<qint64>(1024, bytes); }
    qint64 targetChunkBytes() const { return m_targetBytes; }
    void setMaxChunkRows(int rows) { m_maxChunkRows = qMax(1, rows); }

    State state() const { return m_state; }
    QString path() const { return m_path; }
    /// Where the rows of an export that did not finish are: `sales.partial.csv` next to `sales.csv`.
    QString partialPath() const;
    qint64 rowsWritten() const { return m_rows; }
    qint64 bytesWritten() const { return m_bytes; }
    qint64 totalRows() const { return m_total; }
    int chunksDone() const { return m_chunks; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    /// Rows per second so far.
    double rowsPerSecond() const;
    /// One line for a user: "Exported 200,000 rows (8.1 MB) to sales.csv in 12 s" or why it stopped.
    QString summary() const { return m_summary; }
    QString errorText() const { return m_error; }
    QString errorDetails() const { return m_errorDetails; }

    /// "sales.partial.csv" for "sales.csv" (exposed for tests).
    static QString partialPathFor(const QString &path);

Q_SIGNALS:
    void progress(qint64 rows, qint64 total, qint64 bytes);
    /// Finished, failed or cancelled: state() and summary() say which.
    void finished(Livy::PagedExport::State state);

private:
    void requestChunk();
    void onChunk(const QueryReply &reply);
    void stop(State state, const QString &why, const QString &details = {});

    QPointer<QueryRunner> m_runner;
    PagedQuery m_query;
    QList<TableColumn> m_columns;
    PagedQuery::ExportFormat m_format = PagedQuery::ExportFormat::Csv;
    QString m_path;
    QFile m_file;
    QElapsedTimer m_clock;
    State m_state = State::Idle;
    int m_ticket = 0;
    int m_chunkRows = 5000;
    int m_maxChunkRows = 250000;
    int m_askedRows = 0;
    qint64 m_targetBytes = 8 * 1024 * 1024;
    qint64 m_rows = 0;
    qint64 m_bytes = 0;
    qint64 m_total = -1;
    int m_chunks = 0;
    QString m_summary;
    QString m_error;
    QString m_errorDetails;
};

} // namespace Livy
