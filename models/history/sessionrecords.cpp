// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionrecords.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Livy {

namespace {

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant nullableId(qint64 id)
{
    return id >= 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

const QString RecordColumns = QStringLiteral(
    "id, server, profile, session_id, session_identity, session_name, session_kind, request, created, replaces, "
    "replaces_session_id, template");

SessionRecord readRecord(const QSqlQuery &q)
{
    SessionRecord r;
    r.rowId = q.value(0).toLongLong();
    r.session.server = q.value(1).toString();
    r.session.profileId = q.value(2).toString();
    r.session.id = q.value(3).toInt();
    r.session.identity = q.value(4).toString();
    r.session.name = q.value(5).toString();
    r.session.kind = q.value(6).toString();
    r.request = CreateSessionRequest::fromJson(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object());
    r.createdMs = q.value(8).toLongLong();
    r.replacesRowId = q.value(9).isNull() ? -1 : q.value(9).toLongLong();
    r.replacesSessionId = q.value(10).isNull() ? -1 : q.value(10).toInt();
    r.templateName = q.value(11).toString();
    return r;
}

} // namespace

SessionRecords::SessionRecords(const QString &connectionName)
    : m_connection(connectionName)
{
}

bool SessionRecords::fail(const QString &what, const QString &error)
{
    m_error = what + QStringLiteral(": ") + error;
    return false;
}

qint64 SessionRecords::record(const SessionRecord &r)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT INTO session_records (server, profile, session_id, session_identity, session_name, session_kind, "
        "request, created, replaces, replaces_session_id, template) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (server, session_id, session_identity) DO UPDATE SET "
        "profile = COALESCE(excluded.profile, profile), session_name = COALESCE(excluded.session_name, session_name), "
        "session_kind = COALESCE(excluded.session_kind, session_kind), replaces = COALESCE(excluded.replaces, "
        "replaces), replaces_session_id = COALESCE(excluded.replaces_session_id, replaces_session_id), "
        "template = COALESCE(excluded.template, template)"));
    const QString body = QString::fromUtf8(QJsonDocument(r.request.toJson()).toJson(QJsonDocument::Compact));
    for (const QVariant &v : { text(r.session.server), nullable(r.session.profileId), QVariant(r.session.id),
                               text(r.session.identity), nullable(r.session.name), nullable(r.session.kind),
                               QVariant(body), QVariant(r.createdMs), nullableId(r.replacesRowId),
                               r.replacesSessionId >= 0 ? QVariant(r.replacesSessionId)
                                                        : QVariant(QMetaType::fromType<int>()),
                               nullable(r.templateName) })
        q.addBindValue(v);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot keep a session's create request"), q.lastError().text());
        return -1;
    }
    q.prepare(QStringLiteral("SELECT id FROM session_records WHERE server = ? AND session_id = ? AND "
                             "session_identity = ?"));
    q.addBindValue(text(r.session.server));
    q.addBindValue(r.session.id);
    q.addBindValue(text(r.session.identity));
    if (!q.exec() || !q.next()) {
        fail(QStringLiteral("Cannot keep a session's create request"), q.lastError().text());
        return -1;
    }
    return q.value(0).toLongLong();
}

std::optional<SessionRecord> SessionRecords::find(const QString &profileOrServer, int id, const QString &name,
                                                  const QString &identity)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    QString sql = QStringLiteral("SELECT ") + RecordColumns
        + QStringLiteral(" FROM session_records WHERE (profile = ? OR server = ?) AND ")
        + (id >= 0 ? QStringLiteral("session_id = ?") : QStringLiteral("session_name = ?"));
    if (!identity.isEmpty())
        sql += QStringLiteral(" AND session_identity = ?");
    sql += QStringLiteral(" ORDER BY created DESC, id DESC LIMIT 1");
    q.prepare(sql);
    q.addBindValue(profileOrServer);
    q.addBindValue(profileOrServer);
    q.addBindValue(id >= 0 ? QVariant(id) : QVariant(name));
    if (!identity.isEmpty())
        q.addBindValue(identity);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read the session records"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readRecord(q);
}

QList<SessionRecord> SessionRecords::list(const QString &profileOrServer, int limit)
{
    QList<SessionRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + RecordColumns
              + QStringLiteral(" FROM session_records WHERE profile = ? OR server = ? "
                               "ORDER BY created DESC, id DESC LIMIT %1")
                    .arg(qMax(1, limit)));
    q.addBindValue(profileOrServer);
    q.addBindValue(profileOrServer);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read the session records"), q.lastError().text());
        return out;
    }
    while (q.next())
        out << readRecord(q);
    return out;
}

QList<SetupEntry> SessionRecords::setup(const HistorySession &session)
{
    QList<SetupEntry> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, position, code, kind, history_id FROM setup_statements WHERE server = ? "
                             "AND session_id = ? AND session_identity = ? ORDER BY position, id"));
    q.addBindValue(text(session.server));
    q.addBindValue(session.id);
    q.addBindValue(text(session.identity));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read a session's setup"), q.lastError().text());
        return out;
    }
    while (q.next()) {
        SetupEntry e;
        e.rowId = q.value(0).toLongLong();
        e.position = q.value(1).toInt();
        e.statement = { q.value(2).toString(), q.value(3).toString() };
        e.historyRowId = q.value(4).isNull() ? -1 : q.value(4).toLongLong();
        out << e;
    }
    return out;
}

bool SessionRecords::setSetup(const HistorySession &session, const QList<SetupStatement> &statements,
                              const QList<qint64> &historyRowIds)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    db.transaction();
    q.prepare(QStringLiteral("DELETE FROM setup_statements WHERE server = ? AND session_id = ? AND "
                             "session_identity = ?"));
    q.addBindValue(text(session.server));
    q.addBindValue(session.id);
    q.addBindValue(text(session.identity));
    if (!q.exec()) {
        db.rollback();
        return fail(QStringLiteral("Cannot change a session's setup"), q.lastError().text());
    }
    q.prepare(QStringLiteral("INSERT INTO setup_statements (server, session_id, session_identity, position, code, "
                             "kind, history_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < statements.size(); ++i) {
        for (const QVariant &v : { text(session.server), QVariant(session.id), text(session.identity),
                                   QVariant(int(i)), text(statements.at(i).code), nullable(statements.at(i).kind),
                                   nullableId(historyRowIds.value(i, -1)) })
            q.addBindValue(v);
        if (!q.exec()) {
            db.rollback();
            return fail(QStringLiteral("Cannot change a session's setup"), q.lastError().text());
        }
    }
    if (!db.commit())
        return fail(QStringLiteral("Cannot change a session's setup"), db.lastError().text());
    return true;
}

std::optional<HistorySession> SessionRecords::markSetup(qint64 historyRowId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    db.transaction();
    auto abort = [&](const QString &what) -> std::optional<HistorySession> {
        fail(what, q.lastError().text());
        db.rollback();
        return std::nullopt;
    };
    q.prepare(QStringLiteral("SELECT server, profile, session_id, session_identity, session_name, session_kind, "
                             "code, kind FROM statements WHERE id = ?"));
    q.addBindValue(historyRowId);
    if (!q.exec())
        return abort(QStringLiteral("Cannot read the history"));
    if (!q.next()) {
        db.rollback();
        return std::nullopt;
    }
    HistorySession s;
    s.server = q.value(0).toString();
    s.profileId = q.value(1).toString();
    s.id = q.value(2).toInt();
    s.identity = q.value(3).toString();
    s.name = q.value(4).toString();
    s.kind = q.value(5).toString();
    const QString code = q.value(6).toString();
    const QString kind = q.value(7).toString();
    q.prepare(QStringLiteral("SELECT 1 FROM setup_statements WHERE history_id = ?"));
    q.addBindValue(historyRowId);
    if (!q.exec())
        return abort(QStringLiteral("Cannot read a session's setup"));
    if (q.next()) {
        db.rollback();
        return s; // marked already
    }
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(position) + 1, 0) FROM setup_statements WHERE server = ? AND "
                             "session_id = ? AND session_identity = ?"));
    for (const QVariant &v : { text(s.server), QVariant(s.id), text(s.identity) })
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return abort(QStringLiteral("Cannot read a session's setup"));
    const int position = q.value(0).toInt();
    q.prepare(QStringLiteral("INSERT INTO setup_statements (server, session_id, session_identity, position, code, "
                             "kind, history_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : { text(s.server), QVariant(s.id), text(s.identity), QVariant(position), text(code),
                               nullable(kind), QVariant(historyRowId) })
        q.addBindValue(v);
    if (!q.exec())
        return abort(QStringLiteral("Cannot mark a setup statement"));
    if (!db.commit()) {
        fail(QStringLiteral("Cannot mark a setup statement"), db.lastError().text());
        return std::nullopt;
    }
    return s;
}

std::optional<HistorySession> SessionRecords::unmarkSetup(qint64 historyRowId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT s.server, s.session_id, s.session_identity, st.profile, st.session_name, "
                             "st.session_kind FROM setup_statements s LEFT JOIN statements st ON st.id = s.history_id "
                             "WHERE s.history_id = ?"));
    q.addBindValue(historyRowId);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read a session's setup"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    HistorySession s;
    s.server = q.value(0).toString();
    s.id = q.value(1).toInt();
    s.identity = q.value(2).toString();
    s.profileId = q.value(3).toString();
    s.name = q.value(4).toString();
    s.kind = q.value(5).toString();
    q.finish();
    q.prepare(QStringLiteral("DELETE FROM setup_statements WHERE history_id = ?"));
    q.addBindValue(historyRowId);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot change a session's setup"), q.lastError().text());
        return std::nullopt;
    }
    return s;
}

} // namespace Livy
