// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "historydatabase.h"

#include "livy/codec.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Livy {

namespace {

constexpr qsizetype SearchTextCap = 256 * 1024;

QString utf8Prefix(const QString &text, qint64 bytes)
{
    // Cut at a character boundary no longer than `bytes` in UTF-8 (roughly: by characters, then trim).
    QString cut = text.left(qsizetype(bytes));
    while (!cut.isEmpty() && cut.toUtf8().size() > bytes)
        cut.chop(qMax<qsizetype>(1, cut.size() / 16));
    return cut;
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

/// For NOT NULL text columns: Qt binds a null QString as SQL NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant nullableTime(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant(QMetaType::fromType<qint64>());
}

/// The columns search() and load() read, in this order (readEntry()).
const QString EntryColumns = QStringLiteral(
    "id, server, profile, session_id, session_identity, session_name, session_kind, app_id, statement_id, code, "
    "kind, state, progress, submitted, started, completed, updated, output_bytes, output_truncated, note");

HistoryEntry readEntry(const QSqlQuery &q)
{
    HistoryEntry e;
    e.rowId = q.value(0).toLongLong();
    e.session.server = q.value(1).toString();
    e.session.profileId = q.value(2).toString();
    e.session.id = q.value(3).toInt();
    e.session.identity = q.value(4).toString();
    e.session.name = q.value(5).toString();
    e.session.kind = q.value(6).toString();
    e.session.appId = q.value(7).toString();
    e.statement.id = q.value(8).isNull() ? -1 : q.value(8).toInt();
    e.statement.code = q.value(9).toString();
    e.kind = q.value(10).toString();
    e.statement.stateName = q.value(11).toString();
    e.statement.state = statementStateFromString(e.statement.stateName);
    e.statement.progress = q.value(12).toDouble();
    e.submitted = q.value(13).toLongLong();
    e.statement.started = q.value(14).toLongLong();
    e.statement.completed = q.value(15).toLongLong();
    e.updated = q.value(16).toLongLong();
    e.outputBytes = q.value(17).toLongLong();
    e.outputTruncated = q.value(18).toBool();
    e.note = q.value(19).toString();
    e.outputLoaded = false;
    return e;
}

/// A stored breakdown (empty when there is none, or it cannot be read); its statement is the entry's.
std::optional<SparkBreakdown> restoreSpark(const QString &json, int statementId)
{
    if (json.isEmpty())
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    Result<SparkBreakdown> b = SparkBreakdown::fromJson(doc.object());
    if (!b)
        return std::nullopt;
    SparkBreakdown breakdown = b.value();
    breakdown.statementId = statementId;
    return breakdown;
}

/// FTS5 query from what a user typed: every word must appear, as a word prefix ("spark.rea" finds spark.read).
QString fullTextQuery(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts))
        terms << QLatin1Char('"') + word + QStringLiteral("\"*");
    return terms.join(QLatin1Char(' '));
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

QJsonObject outputToJson(const StatementOutput &output)
{
    QJsonObject o;
    o.insert(QStringLiteral("status"), output.statusName.isEmpty()
                                           ? QString(output.isError() ? QStringLiteral("error") : QStringLiteral("ok"))
                                           : output.statusName);
    if (output.executionCount >= 0)
        o.insert(QStringLiteral("execution_count"), output.executionCount);
    if (!output.data.isEmpty() || !output.isError())
        o.insert(QStringLiteral("data"), output.data);
    if (output.isError() || !output.ename.isEmpty()) {
        o.insert(QStringLiteral("ename"), output.ename);
        o.insert(QStringLiteral("evalue"), output.evalue);
        o.insert(QStringLiteral("traceback"), QJsonArray::fromStringList(output.traceback));
    }
    return o;
}

StoredOutput storeOutput(const StatementOutput &output, const HistoryLimits &limits)
{
    StoredOutput stored;
    QByteArray json = QJsonDocument(outputToJson(output)).toJson(QJsonDocument::Compact);
    stored.originalBytes = json.size();
    QString text = output.text();
    if (!output.ename.isEmpty() || !output.evalue.isEmpty())
        text += QLatin1Char('\n') + output.ename + QStringLiteral(": ") + output.evalue;
    if (limits.outputCap > 0 && json.size() > limits.outputCap) {
        // Keep what a user reads first: the beginning of the text, and say what happened to the rest.
        StatementOutput kept = output;
        kept.data = {};
        kept.traceback = output.traceback.mid(0, 200);
        const qint64 room = qMax<qint64>(1024, limits.outputCap - 4096);
        kept.data.insert(Mime::TextPlain, utf8Prefix(output.text(), room));
        json = QJsonDocument(outputToJson(kept)).toJson(QJsonDocument::Compact);
        stored.truncated = true;
    }
    stored.searchText = text.left(SearchTextCap);
    if (json.size() > limits.compressAbove) {
        stored.blob = qCompress(json, 6);
        stored.compressed = true;
    } else {
        stored.blob = json;
    }
    return stored;
}

std::optional<StatementOutput> restoreOutput(const QByteArray &blob, bool compressed)
{
    if (blob.isEmpty())
        return std::nullopt;
    const QByteArray json = compressed ? qUncompress(blob) : blob;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    Result<StatementOutput> decoded = Codec::decodeOutput(doc.object());
    if (!decoded.ok())
        return std::nullopt;
    return decoded.value();
}

HistoryDatabase::HistoryDatabase(Search search)
    : m_connection(QStringLiteral("livydesk-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_search(search)
{
}

HistoryDatabase::~HistoryDatabase()
{
    close();
}

bool HistoryDatabase::fail(const QString &what, const QString &error)
{
    m_error = what + QStringLiteral(": ") + error;
    return false;
}

bool HistoryDatabase::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql))
        return fail(QStringLiteral("History database"), q.lastError().text());
    return true;
}

bool HistoryDatabase::open(const QString &path, const HistoryLimits &limits)
{
    close();
    m_limits = limits;
    m_error.clear();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(QStringLiteral("History unavailable"),
                    QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed"));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(QStringLiteral("History unavailable"),
                    QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return fail(QStringLiteral("Cannot open the history %1").arg(path), db.lastError().text());
    }
    m_open = true;
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        || !exec(QStringLiteral("PRAGMA foreign_keys=ON")) || !migrate()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    ensureFullTextIndex();
    if (m_search == Search::Like)
        m_fullText = false;
    return true;
}

void HistoryDatabase::close()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_open = false;
    m_fullText = false;
}

int HistoryDatabase::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool HistoryDatabase::migrate()
{
    const int version = schemaVersion();
    if (version < 0)
        return fail(QStringLiteral("History database"), QStringLiteral("cannot read its schema version"));
    if (version > SchemaVersion)
        return fail(QStringLiteral("History unavailable"),
                    QStringLiteral("it was written by a newer LivyDesk (schema %1, this one knows %2); it was "
                                   "left untouched")
                        .arg(version)
                        .arg(SchemaVersion));
    // Each step moves the schema from version i to i + 1, in one transaction with its user_version.
    const QList<QStringList> steps = {
        // 0 -> 1: the statements
        { QStringLiteral("CREATE TABLE statements ("
                         " id INTEGER PRIMARY KEY,"
                         " server TEXT NOT NULL, profile TEXT, session_id INTEGER NOT NULL,"
                         " session_identity TEXT NOT NULL DEFAULT '', session_name TEXT, session_kind TEXT,"
                         " app_id TEXT, statement_id INTEGER, local_key TEXT UNIQUE,"
                         " code TEXT NOT NULL, kind TEXT, state TEXT NOT NULL, progress REAL NOT NULL DEFAULT 0,"
                         " submitted INTEGER, started INTEGER, completed INTEGER, updated INTEGER NOT NULL,"
                         " output BLOB, output_compressed INTEGER NOT NULL DEFAULT 0,"
                         " output_bytes INTEGER NOT NULL DEFAULT 0, output_truncated INTEGER NOT NULL DEFAULT 0,"
                         " output_text TEXT NOT NULL DEFAULT '',"
                         " UNIQUE (server, session_id, session_identity, statement_id))"),
          QStringLiteral("CREATE INDEX statements_updated ON statements (updated)"),
          QStringLiteral("CREATE INDEX statements_session ON statements (server, session_id)") },
        // 1 -> 2: a note per entry (why a run was not sent, what a truncation dropped)
        { QStringLiteral("ALTER TABLE statements ADD COLUMN note TEXT NOT NULL DEFAULT ''") },
        // 2 -> 3: what Spark did for the statement (SparkBreakdown::toJson(), compact), when it was seen
        { QStringLiteral("ALTER TABLE statements ADD COLUMN spark TEXT") },
        // 3 -> 4: sessions that look after themselves (models/lifecycle): create bodies and setup statements
        { QStringLiteral("CREATE TABLE session_records ("
                         " id INTEGER PRIMARY KEY,"
                         " server TEXT NOT NULL, profile TEXT, session_id INTEGER NOT NULL,"
                         " session_identity TEXT NOT NULL DEFAULT '', session_name TEXT, session_kind TEXT,"
                         " request TEXT NOT NULL, created INTEGER NOT NULL,"
                         " replaces INTEGER, replaces_session_id INTEGER, template TEXT,"
                         " UNIQUE (server, session_id, session_identity))"),
          QStringLiteral("CREATE INDEX session_records_profile ON session_records (profile, session_id)"),
          QStringLiteral("CREATE TABLE setup_statements ("
                         " id INTEGER PRIMARY KEY,"
                         " server TEXT NOT NULL, session_id INTEGER NOT NULL,"
                         " session_identity TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL,"
                         " code TEXT NOT NULL, kind TEXT,"
                         " history_id INTEGER REFERENCES statements(id) ON DELETE SET NULL)"),
          QStringLiteral("CREATE INDEX setup_statements_session ON setup_statements "
                         "(server, session_id, session_identity, position)") },
    };
    static_assert(SchemaVersion == 4, "add the migration step");
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    for (int v = version; v < SchemaVersion; ++v) {
        db.transaction();
        for (const QString &sql : steps.at(v)) {
            if (!exec(sql)) {
                db.rollback();
                return false;
            }
        }
        if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(v + 1))) {
            db.rollback();
            return false;
        }
        if (!db.commit())
            return fail(QStringLiteral("History database"), db.lastError().text());
    }
    return true;
}

void HistoryDatabase::ensureFullTextIndex()
{
    // FTS5 is optional in SQLite builds: without it search falls back to LIKE. The index is an external-content
    // table kept in step by triggers, so it never holds a second copy of the text.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'statements_fts'")) && q.next()) {
        m_fullText = true;
        return;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    const QStringList sql = {
        QStringLiteral("CREATE VIRTUAL TABLE statements_fts USING fts5(code, output_text, content='statements', "
                       "content_rowid='id')"),
        QStringLiteral("CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN "
                       "INSERT INTO statements_fts(rowid, code, output_text) VALUES (new.id, new.code, "
                       "new.output_text); END"),
        QStringLiteral("CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN "
                       "INSERT INTO statements_fts(statements_fts, rowid, code, output_text) VALUES ('delete', "
                       "old.id, old.code, old.output_text); END"),
        QStringLiteral("CREATE TRIGGER statements_fts_update AFTER UPDATE OF code, output_text ON statements BEGIN "
                       "INSERT INTO statements_fts(statements_fts, rowid, code, output_text) VALUES ('delete', "
                       "old.id, old.code, old.output_text); "
                       "INSERT INTO statements_fts(rowid, code, output_text) VALUES (new.id, new.code, "
                       "new.output_text); END"),
        QStringLiteral("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')"),
    };
    for (const QString &statement : sql) {
        if (!q.exec(statement)) {
            db.rollback();
            m_fullText = false; // no FTS5 here: LIKE it is
            return;
        }
    }
    m_fullText = db.commit();
}

bool HistoryDatabase::recordSubmission(const HistorySubmission &s)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO statements (server, profile, session_id, session_identity, session_name, "
                             "session_kind, app_id, local_key, code, kind, state, submitted, updated) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sending', ?, ?)"));
    q.addBindValue(text(s.session.server));
    q.addBindValue(nullable(s.session.profileId));
    q.addBindValue(s.session.id);
    q.addBindValue(text(s.session.identity));
    q.addBindValue(nullable(s.session.name));
    q.addBindValue(nullable(s.session.kind));
    q.addBindValue(nullable(s.session.appId));
    q.addBindValue(s.localKey);
    q.addBindValue(text(s.code));
    q.addBindValue(nullable(s.kind));
    q.addBindValue(s.submitted);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return fail(QStringLiteral("Cannot record a run"), q.lastError().text());
    return true;
}

bool HistoryDatabase::markSubmissionFailed(const QString &localKey, const QString &reason)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE statements SET state = 'unsent', note = ?, updated = ? "
                             "WHERE local_key = ? AND statement_id IS NULL"));
    q.addBindValue(text(reason));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(localKey);
    if (!q.exec())
        return fail(QStringLiteral("Cannot record a failed run"), q.lastError().text());
    return true;
}

qint64 HistoryDatabase::recordStatement(const HistorySession &session, const Statement &st, const QString &kind)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    db.transaction();
    auto abort = [&](const QString &what) {
        fail(what, q.lastError().text());
        db.rollback();
        return qint64(-1);
    };
    qint64 rowId = -1;
    q.prepare(QStringLiteral("SELECT id FROM statements WHERE server = ? AND session_id = ? AND session_identity = ? "
                             "AND statement_id = ?"));
    q.addBindValue(text(session.server));
    q.addBindValue(session.id);
    q.addBindValue(text(session.identity));
    q.addBindValue(st.id);
    if (!q.exec())
        return abort(QStringLiteral("Cannot read the history"));
    if (q.next()) {
        rowId = q.value(0).toLongLong();
    } else {
        // A run of ours the server has now acknowledged (or that ran although its POST timed out): the oldest
        // unacknowledged run with this code, if this statement is newer than all the session's known ones.
        q.prepare(QStringLiteral(
            "SELECT id FROM statements WHERE server = ? AND session_id = ? AND session_identity = ? "
            "AND statement_id IS NULL AND code = ? AND state IN ('sending', 'unsent') "
            "AND ? > (SELECT COALESCE(MAX(statement_id), -1) FROM statements WHERE server = ? AND session_id = ? "
            "AND session_identity = ?) ORDER BY id LIMIT 1"));
        for (const QVariant &v : { text(session.server), QVariant(session.id), text(session.identity),
                                   text(st.code), QVariant(st.id), text(session.server),
                                   QVariant(session.id), text(session.identity) })
            q.addBindValue(v);
        if (!q.exec())
            return abort(QStringLiteral("Cannot read the history"));
        if (q.next())
            rowId = q.value(0).toLongLong();
    }

    StoredOutput out;
    if (st.output)
        out = storeOutput(*st.output, m_limits);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (rowId < 0) {
        q.prepare(QStringLiteral("INSERT INTO statements (server, profile, session_id, session_identity, "
                                 "session_name, session_kind, app_id, statement_id, code, kind, state, updated) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v : { text(session.server), nullable(session.profileId), QVariant(session.id),
                                   text(session.identity), nullable(session.name), nullable(session.kind),
                                   nullable(session.appId), QVariant(st.id), text(st.code), nullable(kind),
                                   text(st.stateName), QVariant(now) })
            q.addBindValue(v);
        if (!q.exec())
            return abort(QStringLiteral("Cannot record a statement"));
        rowId = q.lastInsertId().toLongLong();
    }
    // The code is the server's (it is what ran); an output once stored is only replaced by another output.
    q.prepare(QStringLiteral(
        "UPDATE statements SET statement_id = ?, code = ?, state = ?, progress = ?, started = ?, completed = ?, "
        "session_name = COALESCE(?, session_name), app_id = COALESCE(?, app_id), updated = ?, note = CASE WHEN "
        "state = 'unsent' THEN '' ELSE note END%1 WHERE id = ?")
                  .arg(st.output ? QStringLiteral(", output = ?, output_compressed = ?, output_bytes = ?, "
                                                  "output_truncated = ?, output_text = ?, note = ?")
                                 : QString()));
    for (const QVariant &v : { QVariant(st.id), text(st.code), text(st.stateName), QVariant(st.progress),
                               nullableTime(st.started), nullableTime(st.completed), nullable(session.name),
                               nullable(session.appId), QVariant(now) })
        q.addBindValue(v);
    if (st.output) {
        q.addBindValue(out.blob);
        q.addBindValue(out.compressed ? 1 : 0);
        q.addBindValue(out.originalBytes);
        q.addBindValue(out.truncated ? 1 : 0);
        q.addBindValue(text(out.searchText));
        q.addBindValue(out.truncated ? QStringLiteral("The output was %1 bytes, over the history's limit of %2: "
                                                      "only the beginning of its text is kept.")
                                           .arg(out.originalBytes)
                                           .arg(m_limits.outputCap)
                                     : QStringLiteral(""));
    }
    q.addBindValue(rowId);
    if (!q.exec())
        return abort(QStringLiteral("Cannot record a statement"));
    if (!db.commit()) {
        fail(QStringLiteral("Cannot record a statement"), db.lastError().text());
        return -1;
    }
    return rowId;
}

QList<HistoryEntry> HistoryDatabase::search(const HistoryQuery &query)
{
    QStringList where;
    QVariantList values;
    QString from = QStringLiteral("statements");
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        const QString match = fullTextQuery(text);
        if (m_fullText && !match.isEmpty()) {
            where << QStringLiteral("id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)");
            values << match;
        } else {
            where << QStringLiteral("(code LIKE ? ESCAPE '\\' OR output_text LIKE ? ESCAPE '\\')");
            values << likePattern(text) << likePattern(text);
        }
    }
    if (!query.server.isEmpty()) {
        where << QStringLiteral("server = ?");
        values << query.server;
    }
    if (query.sessionId >= 0) {
        where << QStringLiteral("session_id = ?");
        values << query.sessionId;
    }
    if (!query.kind.isEmpty()) {
        where << QStringLiteral("kind = ?");
        values << query.kind;
    }
    if (!query.state.isEmpty()) {
        where << QStringLiteral("state = ?");
        values << query.state;
    }
    if (query.from.isValid()) {
        where << QStringLiteral("COALESCE(submitted, started, updated) >= ?");
        values << query.from.toMSecsSinceEpoch();
    }
    if (query.to.isValid()) {
        where << QStringLiteral("COALESCE(submitted, started, updated) < ?");
        values << query.to.toMSecsSinceEpoch();
    }
    QString sql = QStringLiteral("SELECT ") + EntryColumns + QStringLiteral(" FROM ") + from;
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY COALESCE(submitted, started, updated) DESC, id DESC LIMIT %1")
               .arg(qMax(1, query.limit));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    QList<HistoryEntry> entries;
    if (!q.exec()) {
        fail(QStringLiteral("History search failed"), q.lastError().text());
        return entries;
    }
    while (q.next())
        entries << readEntry(q);
    return entries;
}

std::optional<HistoryEntry> HistoryDatabase::load(qint64 rowId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT ") + EntryColumns
              + QStringLiteral(", output, output_compressed, spark FROM statements WHERE id = ?"));
    q.addBindValue(rowId);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read the history"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    HistoryEntry e = readEntry(q);
    e.statement.output = restoreOutput(q.value(20).toByteArray(), q.value(21).toBool());
    e.outputLoaded = true;
    e.spark = restoreSpark(q.value(22).toString(), e.statement.id);
    return e;
}

qint64 HistoryDatabase::recordSparkBreakdown(const HistorySession &session, const SparkBreakdown &breakdown)
{
    if (breakdown.statementId < 0)
        return 0;
    const QString json = QString::fromUtf8(QJsonDocument(breakdown.toJson()).toJson(QJsonDocument::Compact));
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    db.transaction();
    auto abort = [&](const QString &what) {
        fail(what, q.lastError().text());
        db.rollback();
        return qint64(-1);
    };
    q.prepare(QStringLiteral("SELECT id, spark FROM statements WHERE server = ? AND session_id = ? "
                             "AND session_identity = ? AND statement_id = ?"));
    for (const QVariant &v : { text(session.server), QVariant(session.id), text(session.identity),
                               QVariant(breakdown.statementId) })
        q.addBindValue(v);
    if (!q.exec())
        return abort(QStringLiteral("Cannot read the history"));
    if (!q.next()) {
        db.rollback();
        return 0;
    }
    const qint64 rowId = q.value(0).toLongLong();
    if (q.value(1).toString() == json) {
        db.rollback();
        return rowId; // the same breakdown again
    }
    q.finish();
    q.prepare(QStringLiteral("UPDATE statements SET spark = ?, updated = ? WHERE id = ?"));
    q.addBindValue(json);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(rowId);
    if (!q.exec())
        return abort(QStringLiteral("Cannot record a Spark breakdown"));
    if (!db.commit()) {
        fail(QStringLiteral("Cannot record a Spark breakdown"), db.lastError().text());
        return -1;
    }
    return rowId;
}

QList<SparkBreakdown> HistoryDatabase::sparkBreakdowns(const HistorySession &session)
{
    QList<SparkBreakdown> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT statement_id, spark FROM statements WHERE server = ? AND session_id = ? "
                             "AND session_identity = ? AND statement_id IS NOT NULL AND spark IS NOT NULL "
                             "ORDER BY statement_id"));
    for (const QVariant &v : { text(session.server), QVariant(session.id), text(session.identity) })
        q.addBindValue(v);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read the history"), q.lastError().text());
        return out;
    }
    while (q.next()) {
        if (std::optional<SparkBreakdown> b = restoreSpark(q.value(1).toString(), q.value(0).toInt()))
            out << *b;
    }
    return out;
}

int HistoryDatabase::remove(const QList<qint64> &rowIds)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    db.transaction();
    int removed = 0;
    q.prepare(QStringLiteral("DELETE FROM statements WHERE id = ?"));
    for (qint64 id : rowIds) {
        q.bindValue(0, id);
        if (!q.exec()) {
            fail(QStringLiteral("Cannot delete from the history"), q.lastError().text());
            db.rollback();
            return 0;
        }
        removed += q.numRowsAffected();
    }
    db.commit();
    return removed;
}

HistoryFacets HistoryDatabase::facets()
{
    HistoryFacets f;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    auto column = [&](const QString &sql, QStringList &out) {
        if (q.exec(sql))
            while (q.next())
                out << q.value(0).toString();
    };
    column(QStringLiteral("SELECT DISTINCT server FROM statements ORDER BY server"), f.servers);
    column(QStringLiteral("SELECT DISTINCT kind FROM statements WHERE kind IS NOT NULL ORDER BY kind"), f.kinds);
    column(QStringLiteral("SELECT DISTINCT state FROM statements ORDER BY state"), f.states);
    if (q.exec(QStringLiteral("SELECT DISTINCT server, session_id FROM statements ORDER BY server, session_id")))
        while (q.next())
            f.sessions.append({ q.value(0).toString(), q.value(1).toInt() });
    return f;
}

int HistoryDatabase::count()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM statements")) && q.next())
        return q.value(0).toInt();
    return -1;
}

} // namespace Livy
