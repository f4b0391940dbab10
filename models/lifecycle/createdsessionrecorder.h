// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/sessionrecords.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Livy {

class Connection;
class HistoryStore;
class LivyJob;

/// Keeps the exact create body of every session created on one Connection (whoever sends the POST /sessions:
/// the create dialog through ServerController, SessionRecreator, anything) in the history's `session_records`,
/// keyed by server, session id and identity, with the time the POST was sent. SessionRecreator finds it there
/// (HistoryStore::requestSessionRecord) to make the session again. The app makes one per connected server.
class CreatedSessionRecorder : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; ///< epoch ms

    /// `server` is the profile's base URL (as HistoryRecorder names it), `profileId` its id (may be empty).
    CreatedSessionRecorder(Connection *connection, HistoryStore *store, const QString &server,
                           const QString &profileId, QObject *parent = nullptr);

    void setClock(Clock clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    /// A created session's record was handed to the store (written on its thread right after).
    void recorded(const Livy::SessionRecord &record);

private:
    void onJobStarted(LivyJob *job);

    QPointer<Connection> m_connection;
    QPointer<HistoryStore> m_store;
    QString m_server;
    QString m_profileId;
    Clock m_clock;
};

} // namespace Livy
