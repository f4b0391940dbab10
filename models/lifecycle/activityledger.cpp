// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityledger.h"

#include "livy/connection.h"
#include "livy/connectsessionjob.h"
#include "livy/createsessionjob.h"
#include "livy/getsessionjob.h"
#include "livy/livyjob.h"

#include <QDateTime>
#include <QStringList>

namespace Livy {

namespace {

/// The path segments of a job's URL below the server's base path, percent-decoded.
QStringList relativeSegments(const QUrl &base, const QUrl &url)
{
    QStringList segments = url.path(QUrl::FullyEncoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QStringList prefix = base.path(QUrl::FullyEncoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.mid(0, prefix.size()) != prefix)
        return {};
    segments = segments.mid(prefix.size());
    for (QString &s : segments)
        s = QString::fromUtf8(QByteArray::fromPercentEncoding(s.toUtf8()));
    return segments;
}

/// POSTs under /sessions/{x} that Livy counts as activity (InteractiveSession.recordActivity callers).
bool countsAsActivity(const QStringList &rest)
{
    if (rest == QStringList{ QStringLiteral("statements") } || rest == QStringList{ QStringLiteral("completion") }
        || rest == QStringList{ QStringLiteral("connect") })
        return true;
    return rest.size() == 3 && rest.at(0) == QLatin1String("statements") && rest.at(2) == QLatin1String("cancel");
}

} // namespace

ActivityLedger::ActivityLedger(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    setObjectName(QStringLiteral("ActivityLedger"));
    if (connection)
        connect(connection, &Connection::jobStarted, this, &ActivityLedger::onJobStarted);
}

ActivityLedger *ActivityLedger::of(Connection *connection)
{
    if (!connection)
        return nullptr;
    if (auto *ledger = connection->findChild<ActivityLedger *>(QStringLiteral("ActivityLedger"),
                                                               Qt::FindDirectChildrenOnly))
        return ledger;
    return new ActivityLedger(connection, connection);
}

ActivityLedger::Record &ActivityLedger::slot(const QString &segment)
{
    return m_records[segment];
}

ActivityLedger::Record ActivityLedger::record(int sessionId, const QString &name) const
{
    Record merged = m_records.value(QString::number(sessionId));
    if (name.isEmpty() || m_nameToId.value(name, -1) != sessionId)
        return merged;
    // Requests that addressed it by name: the later of both (a name belongs to one live session at a time).
    const Record byName = m_records.value(name);
    auto later = [](std::optional<qint64> &a, std::optional<qint64> b) {
        if (b && (!a || *b > *a))
            a = b;
    };
    later(merged.createdMs, byName.createdMs);
    if (byName.lastActivityMs && (!merged.lastActivityMs || *byName.lastActivityMs > *merged.lastActivityMs))
        merged.lastActivityRoute = byName.lastActivityRoute;
    later(merged.lastActivityMs, byName.lastActivityMs);
    later(merged.lastTouchMs, byName.lastTouchMs);
    merged.activityCount += byName.activityCount;
    return merged;
}

void ActivityLedger::noteCreated(int sessionId, qint64 createdMs)
{
    Record &r = slot(QString::number(sessionId));
    if (r.createdMs)
        return;
    r.createdMs = createdMs;
    Q_EMIT recorded(sessionId, {});
}

void ActivityLedger::onJobStarted(LivyJob *job)
{
    if (!m_connection || !job)
        return;
    const qint64 startedMs = m_clock();
    connect(job, &LivyJob::finished, this, [this, startedMs](LivyJob *j) { onJobFinished(j, startedMs); });
}

void ActivityLedger::onJobFinished(LivyJob *job, qint64 startedMs)
{
    if (!job->ok() || !m_connection)
        return;
    const QStringList segments = relativeSegments(m_connection->baseUrl(), job->url());
    if (segments.isEmpty() || segments.first() != QLatin1String("sessions"))
        return;
    const bool post = job->verb() == LivyJob::Verb::Post;
    if (segments.size() == 1) {
        // POST /sessions: a new session. Its id may be one an earlier session had: start its record afresh.
        auto *create = qobject_cast<CreateSessionJob *>(job);
        if (!post || !create || create->session().id < 0)
            return;
        const Session &s = create->session();
        Record fresh;
        fresh.createdMs = startedMs;
        fresh.lastActivityMs = startedMs;
        fresh.lastTouchMs = startedMs;
        fresh.lastActivityRoute = job->describe();
        fresh.activityCount = 1;
        m_records.insert(QString::number(s.id), fresh);
        if (!s.name.isEmpty()) {
            m_records.remove(s.name);
            m_nameToId.insert(s.name, s.id);
        }
        Q_EMIT recorded(s.id, s.name);
        return;
    }
    const QString segment = segments.at(1);
    bool isId = false;
    int id = segment.toInt(&isId);
    if (!isId || segment.isEmpty() || !segment.at(0).isDigit())
        id = -1;
    // Answers that carry the session tell which id a name stands for.
    if (auto *connectJob = qobject_cast<ConnectSessionJob *>(job)) {
        if (!connectJob->session().name.isEmpty())
            m_nameToId.insert(connectJob->session().name, connectJob->session().id);
        if (id < 0)
            id = connectJob->session().id;
    } else if (auto *getJob = qobject_cast<GetSessionJob *>(job)) {
        if (!getJob->session().name.isEmpty())
            m_nameToId.insert(getJob->session().name, getJob->session().id);
        if (id < 0)
            id = getJob->session().id;
    }
    if (id < 0)
        id = m_nameToId.value(segment, -1);
    if (job->verb() == LivyJob::Verb::Delete)
        return; // it is gone: nothing left to count
    Record &r = slot(segment);
    if (!r.lastTouchMs || startedMs > *r.lastTouchMs)
        r.lastTouchMs = startedMs;
    if (post && countsAsActivity(segments.mid(2))) {
        if (!r.lastActivityMs || startedMs > *r.lastActivityMs) {
            r.lastActivityMs = startedMs;
            r.lastActivityRoute = job->describe();
        }
        ++r.activityCount;
    }
    Q_EMIT recorded(id, isId ? QString() : segment);
}

} // namespace Livy
