// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historydatabase.h"
#include "sessionrecords.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <optional>

namespace Livy {

/// The local history of statements, kept in SQLite on a thread of its own: every call here returns at once (it
/// queues the work) and answers come back as signals carrying the ticket the call returned. Writes are applied
/// in the order they were made; a search or load sees every write queued before it.
///
/// The default file is <AppDataLocation>/history.sqlite. If it cannot be opened (no SQLite driver, a database
/// from a newer LivyDesk, a read-only disk) opened() says why and every later call is a no-op: LivyDesk works on
/// without a history rather than failing.
class HistoryStore : public QObject
{
    Q_OBJECT
public:
    explicit HistoryStore(QObject *parent = nullptr);
    /// Finishes every queued write, then closes the database.
    ~HistoryStore() override;

    static QString defaultPath();

    /// Opens (creates, migrates) the database; opened() tells how it went.
    void open(const QString &path = {}, const HistoryLimits &limits = {});
    QString path() const { return m_path; }
    /// Known once opened() was emitted.
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    bool hasFullTextSearch() const { return m_fullText; }

    /// A run is being sent: records it at once (so it survives a crash before the answer). Returns its key.
    QString recordSubmission(const HistorySession &session, const QString &code, const QString &kind);
    /// The server refused it, or it was never sent: `reason` is kept with it.
    void markSubmissionFailed(const QString &key, const QString &reason);
    /// A statement as the server reported it (see HistoryDatabase::recordStatement()).
    void recordStatement(const HistorySession &session, const Statement &statement, const QString &kind);
    /// Keeps a statement's Spark breakdown with its entry (see HistoryDatabase::recordSparkBreakdown()): the entry
    /// of `breakdown.statementId` in `session` (server, id, identity). Nothing is written when there is no such
    /// entry yet; writing the same breakdown again is harmless.
    void recordSparkBreakdown(const HistorySession &session, const SparkBreakdown &breakdown);
    /// The breakdowns stored for one session's statements (server, id, identity): sparkBreakdownsReady() answers.
    int requestSparkBreakdowns(const HistorySession &session);
    /// Keeps the create body of a session LivyDesk created (SessionRecords::record()).
    void recordSession(const SessionRecord &record);
    /// The newest record of a session on a server (profile id or base URL), by id, or by name when `id` < 0;
    /// `identity` narrows it when known. sessionRecordReady() answers (empty when there is none).
    int requestSessionRecord(const QString &profileOrServer, int id, const QString &name = {},
                             const QString &identity = {});
    /// The records of a server, newest first: sessionRecordsReady() answers.
    int requestSessionRecords(const QString &profileOrServer, int limit = 200);
    /// A session's setup in replay order: setupReady() answers.
    int requestSetup(const HistorySession &session);
    /// Replaces a session's whole setup (reorder, remove, copy to a recreated session); setupChanged() follows.
    void setSetup(const HistorySession &session, const QList<SetupStatement> &statements,
                  const QList<qint64> &historyRowIds = {});
    /// Marks history entry `historyRowId` as the last setup statement of its session (once); setupChanged().
    void markSetup(qint64 historyRowId);
    /// Takes history entry `historyRowId` out of its session's setup; setupChanged() if it was in it.
    void unmarkSetup(qint64 historyRowId);
    int search(const HistoryQuery &query);
    int load(qint64 rowId);
    int requestFacets();
    void remove(const QList<qint64> &rowIds);

    /// Blocks until every call made so far has been carried out (shutdown and tests only).
    void waitForIdle();

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    /// Entries were written or removed (coalesced: at most one signal per `changedDelay`).
    void changed();
    void writeFailed(const QString &error);
    void searchFinished(int ticket, const QList<Livy::HistoryEntry> &entries);
    /// `entry` is empty when it no longer exists.
    void loaded(int ticket, const std::optional<Livy::HistoryEntry> &entry);
    void facetsReady(int ticket, const Livy::HistoryFacets &facets);
    /// Ascending statement id; empty when the session has none (or the history is not open).
    void sparkBreakdownsReady(int ticket, const QList<Livy::SparkBreakdown> &breakdowns);
    void removed(int count);
    void sessionRecordReady(int ticket, const std::optional<Livy::SessionRecord> &record);
    void sessionRecordsReady(int ticket, const QList<Livy::SessionRecord> &records);
    void setupReady(int ticket, const QList<Livy::SetupEntry> &setup);
    /// The setup of `session` (server, id, identity) changed.
    void setupChanged(const Livy::HistorySession &session);

private:
    /// markSetup() and unmarkSetup(): one write on the store's thread, setupChanged() if a session's setup changed.
    void changeSetupMark(qint64 historyRowId, bool setup);
    template<typename Work> void post(Work &&work);
    /// Runs a write on the database thread, then reports its error (empty = fine) back here.
    template<typename Write> void postWrite(Write &&write);
    void noteWritten(const QString &error);

    QThread m_thread;
    QObject *m_worker = nullptr;       ///< lives in m_thread; the database is used only there
    HistoryDatabase *m_database = nullptr;
    QString m_path;
    QString m_error;
    bool m_open = false;
    bool m_fullText = false;
    int m_nextTicket = 0;
    QTimer m_changed;
};

} // namespace Livy
