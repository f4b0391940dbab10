// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyentry.h"
#include "lifecycle/setupstatement.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Livy {

/// A session LivyDesk created, with the exact body it was created with (schema 4's `session_records`): what
/// SessionRecreator needs to make it again. Keyed like the history's statements by server, session id and
/// identity (a later session that reuses the id is another record).
struct SessionRecord
{
    qint64 rowId = -1;
    HistorySession session;          ///< server, profileId, id, identity, name, kind (appId is not kept)
    CreateSessionRequest request;    ///< exactly as sent (with LivyDesk's session tag in its conf)
    qint64 createdMs = 0;            ///< epoch ms when LivyDesk sent the POST /sessions
    qint64 replacesRowId = -1;       ///< the record of the session this one was recreated to replace
    int replacesSessionId = -1;      ///< ... and that session's id
    QString templateName;            ///< the template (create-dialog preset) it was made from, if any

    bool operator==(const SessionRecord &) const = default;
};

/// One of a session's setup statements (schema 4's `setup_statements`), in the order they replay.
struct SetupEntry
{
    qint64 rowId = -1;
    int position = 0;
    SetupStatement statement;
    qint64 historyRowId = -1; ///< the history entry it was marked from (-1: copied or written directly)

    bool operator==(const SetupEntry &) const = default;
};

/// The two lifecycle tables of the history database: SQL only, synchronous, on the connection HistoryDatabase
/// opened (HistoryDatabase::connectionName()), used on that database's thread (HistoryStore's worker). Every
/// write is one transaction.
class SessionRecords
{
public:
    explicit SessionRecords(const QString &connectionName);

    /// Keeps `record` (rowId ignored). Recording the same session again (server, id, identity) keeps the first
    /// body and creation time and fills in what the new one adds (profile, name, what it replaces, template).
    /// Returns the row id, or -1 on failure (errorString()).
    qint64 record(const SessionRecord &record);
    /// The newest record of session `id` (or, when `id` < 0, named `name`) on a server given by its profile id or
    /// its base URL; `identity` narrows it to one session when not empty.
    std::optional<SessionRecord> find(const QString &profileOrServer, int id, const QString &name = {},
                                      const QString &identity = {});
    /// The newest records of a server (profile id or base URL), newest first.
    QList<SessionRecord> list(const QString &profileOrServer, int limit = 200);

    /// The setup of a session (server, id, identity), in replay order.
    QList<SetupEntry> setup(const HistorySession &session);
    /// Replaces the whole setup of a session (reorder, remove, or copy to a recreated session). False on failure.
    bool setSetup(const HistorySession &session, const QList<SetupStatement> &statements,
                  const QList<qint64> &historyRowIds = {});
    /// Appends history entry `historyRowId` (its code and kind) to its session's setup, unless it is there already.
    /// Returns the session it belongs to; empty when there is no such entry or on failure.
    std::optional<HistorySession> markSetup(qint64 historyRowId);
    /// Takes history entry `historyRowId` out of its session's setup. Returns its session (empty if it was not).
    std::optional<HistorySession> unmarkSetup(qint64 historyRowId);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &what, const QString &error);

    QString m_connection;
    QString m_error;
};

} // namespace Livy

Q_DECLARE_METATYPE(Livy::SessionRecord)
Q_DECLARE_METATYPE(std::optional<Livy::SessionRecord>)
Q_DECLARE_METATYPE(Livy::SetupEntry)
