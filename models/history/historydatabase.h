// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyentry.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Livy {

/// How large outputs are kept.
struct HistoryLimits
{
    /// Outputs whose JSON is larger than this are stored zlib-compressed.
    qint64 compressAbove = 16 * 1024;
    /// Outputs larger than this keep only the beginning of their text (and a note saying so); other parts are
    /// dropped. 0 = no cap.
    qint64 outputCap = 32 * 1024 * 1024;
};

/// What the history panel asks for. Empty fields match everything.
struct HistoryQuery
{
    QString text;          ///< words searched in code and text output (full-text where SQLite has FTS5, else LIKE)
    QString server;
    int sessionId = -1;
    QString kind;          ///< the language the code ran as (pyspark, spark, sparkr, sql)
    QString state;         ///< the server's state name, or "unsent" for runs the server never acknowledged
    QDateTime from;        ///< submitted or started at or after
    QDateTime to;          ///< ... and before
    int limit = 1000;

    bool operator==(const HistoryQuery &) const = default;
};

/// The values the filters can offer.
struct HistoryFacets
{
    QStringList servers;
    QList<std::pair<QString, int>> sessions; ///< (server, session id)
    QStringList kinds;
    QStringList states;

    bool operator==(const HistoryFacets &) const = default;
};

} // namespace Livy

Q_DECLARE_METATYPE(Livy::HistoryFacets)

namespace Livy {

/// A run sent to the server and not acknowledged yet (or never).
struct HistorySubmission
{
    HistorySession session;
    QString localKey;       ///< unique per run (a UUID)
    QString code;
    QString kind;
    qint64 submitted = 0;   ///< epoch ms
};

/// The SQLite database behind the history: synchronous, one connection, used from one thread only (HistoryStore
/// runs it on its own thread). Every write is its own transaction in WAL mode with synchronous=NORMAL: a crash
/// of LivyDesk (even SIGKILL) loses nothing already written, and never leaves a half-written entry.
///
/// Schema versions are PRAGMA user_version; open() applies the missing migrations in order, and refuses (without
/// touching it) a database written by a newer LivyDesk.
class HistoryDatabase
{
public:
    /// 1: the statements; 2: a note per entry; 3: the Spark breakdown per entry (`spark`, compact JSON, nullable);
    /// 4: `session_records` (the create body of each session LivyDesk created) and `setup_statements` (a session's
    /// setup, in replay order), read and written through SessionRecords (sessionrecords.h).
    static constexpr int SchemaVersion = 4;

    /// How text is searched: FTS5 where SQLite has it (the default), or always LIKE (the fallback, for tests and
    /// benchmarks; an FTS index already in the file is kept up to date either way).
    enum class Search { FullTextWhereAvailable, Like };

    explicit HistoryDatabase(Search search = Search::FullTextWhereAvailable);
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    /// Opens (creating it and its directory if needed) and migrates. False with errorString() on failure.
    bool open(const QString &path, const HistoryLimits &limits = {});
    void close();
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    /// SQLite's FTS5 is available and the search index exists.
    bool hasFullTextSearch() const { return m_fullText; }
    int schemaVersion() const;
    /// The Qt SQL connection this database uses (for SessionRecords, on the same thread).
    QString connectionName() const { return m_connection; }

    /// A run just sent: an entry without a statement id (see HistoryEntry).
    bool recordSubmission(const HistorySubmission &submission);
    /// The POST failed for sure (the server refused it, it was never sent): the entry keeps its code and says so.
    bool markSubmissionFailed(const QString &localKey, const QString &reason);
    /// A statement as the server reported it. Updates the entry with the same server, session (id and identity)
    /// and statement id; else adopts the oldest unacknowledged run of that session with the same code (when the
    /// statement is newer than every statement recorded for the session); else inserts. `submitted` is kept from
    /// the first write. Returns the entry's row id, or -1 on failure.
    qint64 recordStatement(const HistorySession &session, const Statement &statement, const QString &kind);
    /// Keeps `breakdown` (SparkBreakdown::toJson(), compact) with the entry of statement `breakdown.statementId` of
    /// `session` (server, id and identity, as recordStatement() keys it), replacing one stored before. Writing the
    /// same breakdown again changes nothing (not even the entry's `updated`). Returns the entry's row id, 0 when
    /// the history has no such entry (nothing is written), -1 on failure.
    qint64 recordSparkBreakdown(const HistorySession &session, const SparkBreakdown &breakdown);
    /// The breakdowns stored for `session`'s statements (server, id and identity), ascending statement id; each
    /// one's statementId is its entry's. Unreadable ones are left out.
    QList<SparkBreakdown> sparkBreakdowns(const HistorySession &session);

    QList<HistoryEntry> search(const HistoryQuery &query);
    std::optional<HistoryEntry> load(qint64 rowId);
    int remove(const QList<qint64> &rowIds);
    HistoryFacets facets();
    int count();

private:
    bool exec(const QString &sql);
    bool migrate();
    void ensureFullTextIndex();
    bool fail(const QString &what, const QString &error);

    QString m_connection;
    QString m_error;
    HistoryLimits m_limits;
    Search m_search;
    bool m_open = false;
    bool m_fullText = false;
};

/// The bytes stored for an output, and what the database keeps about them.
struct StoredOutput
{
    QByteArray blob;          ///< JSON (Livy's wire form), zlib-compressed when `compressed`
    bool compressed = false;
    bool truncated = false;
    qint64 originalBytes = 0; ///< size of the JSON as received
    QString searchText;       ///< what full-text search sees (text/plain, error name and value), capped
};

StoredOutput storeOutput(const StatementOutput &output, const HistoryLimits &limits);
std::optional<StatementOutput> restoreOutput(const QByteArray &blob, bool compressed);
/// Livy's JSON form of an output (decodeOutput() reads it back).
QJsonObject outputToJson(const StatementOutput &output);

} // namespace Livy
