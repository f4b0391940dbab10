// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "createdsessionrecorder.h"

#include "history/historystore.h"
#include "livy/connection.h"
#include "livy/createsessionjob.h"
#include "livy/sessionidentity.h"

#include <QDateTime>

namespace Livy {

CreatedSessionRecorder::CreatedSessionRecorder(Connection *connection, HistoryStore *store, const QString &server,
                                               const QString &profileId, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_store(store)
    , m_server(server)
    , m_profileId(profileId)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    if (connection)
        connect(connection, &Connection::jobStarted, this, &CreatedSessionRecorder::onJobStarted);
}

void CreatedSessionRecorder::onJobStarted(LivyJob *job)
{
    auto *create = qobject_cast<CreateSessionJob *>(job);
    if (!create)
        return;
    const qint64 sentMs = m_clock();
    connect(create, &LivyJob::finished, this, [this, sentMs](LivyJob *j) {
        auto *done = static_cast<CreateSessionJob *>(j);
        if (!done->ok() || done->session().id < 0)
            return;
        const Session &s = done->session();
        SessionRecord record;
        record.session.server = m_server;
        record.session.profileId = m_profileId;
        record.session.id = s.id;
        record.session.identity = sessionIdentity(s);
        record.session.name = s.name;
        record.session.kind = s.kind;
        record.request = done->request();
        record.createdMs = sentMs;
        if (m_store)
            m_store->recordSession(record);
        Q_EMIT recorded(record);
    });
}

} // namespace Livy
