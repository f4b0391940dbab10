// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "historystore.h"

#include <QDateTime>
#include <QPointer>
#include <QStandardPaths>
#include <QUuid>

namespace Livy {

HistoryStore::HistoryStore(QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
    , m_database(new HistoryDatabase)
{
    m_thread.setObjectName(QStringLiteral("LivyDesk history"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
    m_changed.setSingleShot(true);
    m_changed.setInterval(std::chrono::milliseconds(200));
    connect(&m_changed, &QTimer::timeout, this, &HistoryStore::changed);
}

HistoryStore::~HistoryStore()
{
    // Queued after every write made so far: they all land before the database closes.
    HistoryDatabase *database = m_database;
    QThread *thread = &m_thread;
    QMetaObject::invokeMethod(m_worker, [database, thread] {
        delete database;
        thread->quit();
    }, Qt::QueuedConnection);
    m_thread.wait();
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

template<typename Work> void HistoryStore::post(Work &&work)
{
    QMetaObject::invokeMethod(m_worker, std::forward<Work>(work), Qt::QueuedConnection);
}

namespace {

/// Runs `answer` on the store's (GUI) thread, unless the store is gone by then.
template<typename Answer> void deliver(const QPointer<HistoryStore> &store, Answer &&answer)
{
    QMetaObject::invokeMethod(store, [store, answer = std::forward<Answer>(answer)] {
        if (HistoryStore *s = store.data())
            answer(s);
    }, Qt::QueuedConnection);
}

} // namespace

template<typename Write> void HistoryStore::postWrite(Write &&write)
{
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, self, write = std::forward<Write>(write)] {
        if (!db->isOpen())
            return;
        const QString error = write(db);
        deliver(self, [error](HistoryStore *s) { s->noteWritten(error); });
    });
}

void HistoryStore::open(const QString &path, const HistoryLimits &limits)
{
    m_path = path.isEmpty() ? defaultPath() : path;
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    const QString file = m_path;
    post([db, file, limits, self] {
        const bool ok = db->open(file, limits);
        const QString error = ok ? QString() : db->errorString();
        const bool fullText = db->hasFullTextSearch();
        deliver(self, [ok, error, fullText](HistoryStore *s) {
            s->m_open = ok;
            s->m_error = error;
            s->m_fullText = fullText;
            Q_EMIT s->opened(ok, error);
        });
    });
}

void HistoryStore::noteWritten(const QString &error)
{
    if (!error.isEmpty()) {
        m_error = error;
        Q_EMIT writeFailed(error);
    }
    if (!m_changed.isActive())
        m_changed.start();
}

QString HistoryStore::recordSubmission(const HistorySession &session, const QString &code, const QString &kind)
{
    HistorySubmission submission{ session, QUuid::createUuid().toString(QUuid::WithoutBraces), code, kind,
                                  QDateTime::currentMSecsSinceEpoch() };
    postWrite([submission](HistoryDatabase *db) {
        return db->recordSubmission(submission) ? QString() : db->errorString();
    });
    return submission.localKey;
}

void HistoryStore::markSubmissionFailed(const QString &key, const QString &reason)
{
    postWrite([key, reason](HistoryDatabase *db) {
        return db->markSubmissionFailed(key, reason) ? QString() : db->errorString();
    });
}

void HistoryStore::recordStatement(const HistorySession &session, const Statement &statement, const QString &kind)
{
    postWrite([session, statement, kind](HistoryDatabase *db) {
        return db->recordStatement(session, statement, kind) >= 0 ? QString() : db->errorString();
    });
}

void HistoryStore::recordSparkBreakdown(const HistorySession &session, const SparkBreakdown &breakdown)
{
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, session, breakdown, self] {
        if (!db->isOpen())
            return;
        const qint64 row = db->recordSparkBreakdown(session, breakdown);
        if (row == 0)
            return; // no entry for it: nothing changed
        const QString error = row > 0 ? QString() : db->errorString();
        deliver(self, [error](HistoryStore *s) { s->noteWritten(error); });
    });
}

int HistoryStore::requestSparkBreakdowns(const HistorySession &session)
{
    const int ticket = ++m_nextTicket;
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, session, ticket, self] {
        const QList<SparkBreakdown> breakdowns = db->isOpen() ? db->sparkBreakdowns(session) : QList<SparkBreakdown>();
        deliver(self, [ticket, breakdowns](HistoryStore *s) { Q_EMIT s->sparkBreakdownsReady(ticket, breakdowns); });
    });
    return ticket;
}

void HistoryStore::recordSession(const SessionRecord &record)
{
    postWrite([record](HistoryDatabase *db) {
        SessionRecords records(db->connectionName());
        return records.record(record) >= 0 ? QString() : records.errorString();
    });
}

int HistoryStore::requestSessionRecord(const QString &profileOrServer, int id, const QString &name,
                                       const QString &identity)
{
    const int ticket = ++m_nextTicket;
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, profileOrServer, id, name, identity, ticket, self] {
        const std::optional<SessionRecord> record = db->isOpen()
            ? SessionRecords(db->connectionName()).find(profileOrServer, id, name, identity)
            : std::nullopt;
        deliver(self, [ticket, record](HistoryStore *s) { Q_EMIT s->sessionRecordReady(ticket, record); });
    });
    return ticket;
}

int HistoryStore::requestSessionRecords(const QString &profileOrServer, int limit)
{
    const int ticket = ++m_nextTicket;
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, profileOrServer, limit, ticket, self] {
        const QList<SessionRecord> records = db->isOpen()
            ? SessionRecords(db->connectionName()).list(profileOrServer, limit)
            : QList<SessionRecord>();
        deliver(self, [ticket, records](HistoryStore *s) { Q_EMIT s->sessionRecordsReady(ticket, records); });
    });
    return ticket;
}

int HistoryStore::requestSetup(const HistorySession &session)
{
    const int ticket = ++m_nextTicket;
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, session, ticket, self] {
        const QList<SetupEntry> setup = db->isOpen() ? SessionRecords(db->connectionName()).setup(session)
                                                     : QList<SetupEntry>();
        deliver(self, [ticket, setup](HistoryStore *s) { Q_EMIT s->setupReady(ticket, setup); });
    });
    return ticket;
}

void HistoryStore::setSetup(const HistorySession &session, const QList<SetupStatement> &statements,
                            const QList<qint64> &historyRowIds)
{
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, session, statements, historyRowIds, self] {
        if (!db->isOpen())
            return;
        SessionRecords records(db->connectionName());
        const QString error = records.setSetup(session, statements, historyRowIds) ? QString() : records.errorString();
        deliver(self, [error, session](HistoryStore *s) {
            s->noteWritten(error);
            if (error.isEmpty())
                Q_EMIT s->setupChanged(session);
        });
    });
}

void HistoryStore::markSetup(qint64 historyRowId)
{
    changeSetupMark(historyRowId, true);
}

void HistoryStore::unmarkSetup(qint64 historyRowId)
{
    changeSetupMark(historyRowId, false);
}

void HistoryStore::changeSetupMark(qint64 historyRowId, bool setup)
{
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, historyRowId, setup, self] {
        if (!db->isOpen())
            return;
        SessionRecords records(db->connectionName());
        const std::optional<HistorySession> session = setup ? records.markSetup(historyRowId)
                                                            : records.unmarkSetup(historyRowId);
        const QString error = records.errorString();
        deliver(self, [error, session](HistoryStore *s) {
            s->noteWritten(error);
            if (session)
                Q_EMIT s->setupChanged(*session);
        });
    });
}

int HistoryStore::search(const HistoryQuery &query)
{
    const int ticket = ++m_nextTicket;
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, query, ticket, self] {
        const QList<HistoryEntry> entries = db->isOpen() ? db->search(query) : QList<HistoryEntry>();
        deliver(self, [ticket, entries](HistoryStore *s) { Q_EMIT s->searchFinished(ticket, entries); });
    });
    return ticket;
}

int HistoryStore::load(qint64 rowId)
{
    const int ticket = ++m_nextTicket;
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, rowId, ticket, self] {
        const std::optional<HistoryEntry> entry = db->isOpen() ? db->load(rowId) : std::nullopt;
        deliver(self, [ticket, entry](HistoryStore *s) { Q_EMIT s->loaded(ticket, entry); });
    });
    return ticket;
}

int HistoryStore::requestFacets()
{
    const int ticket = ++m_nextTicket;
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, ticket, self] {
        const HistoryFacets facets = db->isOpen() ? db->facets() : HistoryFacets();
        deliver(self, [ticket, facets](HistoryStore *s) { Q_EMIT s->facetsReady(ticket, facets); });
    });
    return ticket;
}

void HistoryStore::remove(const QList<qint64> &rowIds)
{
    HistoryDatabase *db = m_database;
    QPointer<HistoryStore> self(this);
    post([db, rowIds, self] {
        const int count = db->isOpen() ? db->remove(rowIds) : 0;
        deliver(self, [count](HistoryStore *s) {
            Q_EMIT s->removed(count);
            s->noteWritten({});
        });
    });
}

void HistoryStore::waitForIdle()
{
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace Livy
