// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servercontroller.h"

#include "profiles/settingsschema.h"

#include "items/sessionlistmodel.h"
#include "livy/createsessionjob.h"
#include "livy/deletesessionjob.h"
#include "livy/getversionjob.h"
#include "livy/sessionidentity.h"
#include "polling/pollactivity.h"
#include "polling/poller.h"
#include "polling/sessionlistpoller.h"
#include "polling/sessionpoller.h"

#include <QMetaObject>
#include <QRegularExpression>
#include <QSettings>

namespace Livy {

ServerController::ServerController(Connection *connection, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_settings(settings)
    , m_sessions(new SessionListModel(this))
    , m_listPoller(new SessionListPoller(connection, m_sessions, this))
    , m_activity(PollActivity::global())
    , m_versionPoller(new Poller(this))
{
    m_listPoller->setSchedule(m_settings.listSchedule);
    m_listPoller->setPageSize(m_settings.pageSize);
    m_listPoller->poller()->setErrorBackoff(m_settings.backoff);
    m_versionPoller->setErrorBackoff(m_settings.backoff);

    connect(m_listPoller, &SessionListPoller::refreshed, this, [this] {
        pruneCreatedHere();
        // The list saw an open session in another state than its own follower did (it died, finished, or
        // vanished between two of the follower's slow idle polls): the follower checks now.
        for (const QPointer<SessionController> &c : std::as_const(m_open)) {
            if (!c || c->sessionId() < 0 || c->status() == SessionController::Status::Gone || c->isDeleting())
                continue;
            const std::optional<Session> listed = m_sessions->session(c->sessionId());
            if (listed)
                c->checkListed(*listed); // another session under the same id (a restart without recovery): Gone
            if (c->status() == SessionController::Status::Gone)
                continue;
            if (!listed || listed->state != c->session().state)
                c->sessionPoller()->checkState();
        }
        setState(ConnectionState::Connected);
    });
    loadCreatedHere();
    connect(m_listPoller->poller(), &Poller::requestFailed, this, &ServerController::onListFailure);

    m_versionPoller->setJobFactory([this]() -> LivyJob * {
        return m_connection ? new GetVersionJob(m_connection) : nullptr;
    });
    m_versionPoller->setReplyHandler([this](LivyJob *job) {
        if (job->ok()) {
            m_version = static_cast<GetVersionJob *>(job)->version();
            if (m_connection)
                m_connection->setCapabilities(ServerCapabilities::fromVersion(m_version->version));
            Q_EMIT versionKnown(*m_version);
            startListPolling();
            return Poller::Next::stop();
        }
        const LivyError error = job->error();
        if (isFatal(error)) {
            report(error);
            setState(ConnectionState::Disconnected);
            return Poller::Next::stop();
        }
        if (error.isTransient()) {
            if (m_versionPoller->consecutiveFailures() == 0)
                report(error);
            setState(ConnectionState::Reconnecting);
            return Poller::Next::retry();
        }
        // No usable /version (a gateway, an old or unusual server): carry on assuming the oldest features.
        startListPolling();
        return Poller::Next::stop();
    });
}

ServerController::~ServerController()
{
    m_versionPoller->stop();
    m_listPoller->stop();
}

void ServerController::setActivity(PollActivity *activity)
{
    m_activity = activity;
    m_versionPoller->setActivity(activity);
    m_listPoller->poller()->setActivity(activity);
    for (const QPointer<SessionController> &c : std::as_const(m_open)) {
        if (c)
            c->setActivity(activity);
    }
}

void ServerController::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    const ConnectionState previous = m_state;
    m_state = state;
    if (state == ConnectionState::Connected)
        m_lastError = {};
    if (state == ConnectionState::Connected && previous == ConnectionState::Reconnecting) {
        // The server answers again: every open session looks now instead of waiting out its own backoff.
        for (const QPointer<SessionController> &c : std::as_const(m_open)) {
            if (c)
                c->refresh();
        }
    }
    Q_EMIT connectionStateChanged(state);
}

void ServerController::report(const LivyError &error)
{
    m_lastError = error;
    Q_EMIT errorOccurred(error);
}

bool ServerController::isFatal(const LivyError &error) const
{
    if (error.kind() == LivyError::Kind::Tls)
        return true;
    return error.kind() == LivyError::Kind::Http && (error.httpStatus() == 401 || error.httpStatus() == 403);
}

QVersionNumber ServerController::parseVersion(const QString &text)
{
    return ServerCapabilities::parseVersion(text);
}

ServerCapabilities ServerController::capabilities() const
{
    return m_connection ? m_connection->capabilities() : ServerCapabilities();
}

QVersionNumber ServerController::versionNumber() const
{
    return capabilities().version;
}

bool ServerController::supportsSessionNames() const
{
    return capabilities().sessionNames();
}

bool ServerController::supportsDescendingOrder() const
{
    return capabilities().descendingOrder();
}

bool ServerController::supportsTtl() const
{
    return capabilities().ttl();
}

bool ServerController::supportsIdleTimeout() const
{
    return capabilities().idleTimeout();
}

void ServerController::connectToServer()
{
    if (m_state != ConnectionState::Disconnected)
        return;
    m_lastError = {};
    setState(ConnectionState::Connecting);
    m_versionPoller->start();
}

void ServerController::startListPolling()
{
    if (!m_listPoller->isRunning())
        m_listPoller->start();
}

void ServerController::disconnectFromServer()
{
    m_versionPoller->stop();
    m_listPoller->stop();
    for (const QPointer<SessionController> &c : std::as_const(m_open)) {
        if (c)
            c->detach();
    }
    setState(ConnectionState::Disconnected);
}

void ServerController::onListFailure(const LivyError &error)
{
    if (isFatal(error)) {
        report(error);
        m_listPoller->stop();
        setState(ConnectionState::Disconnected);
        return;
    }
    if (m_listPoller->poller()->consecutiveFailures() == 1)
        report(error);
    // Keep retrying with backoff; say so while it lasts.
    m_lastError = error;
    setState(ConnectionState::Reconnecting);
}

void ServerController::refresh()
{
    if (m_state == ConnectionState::Disconnected) {
        connectToServer();
        return;
    }
    m_listPoller->refresh();
}

void ServerController::loadCreatedHere()
{
    if (m_settings.createdStoreKey.isEmpty())
        return;
    QHash<int, SessionListModel::CreatedHere> records;
    const QStringList lines = QSettings().value(LivyDesk::SettingsKeys::createdSessions(m_settings.createdStoreKey)).toStringList();
    for (const QString &line : lines) {
        const QStringList parts = line.split(QLatin1Char('|'));
        bool idOk = false, timeOk = false;
        const int id = parts.value(0).toInt(&idOk);
        const qint64 ms = parts.value(2).toLongLong(&timeOk);
        if (parts.size() == 3 && idOk && timeOk)
            records.insert(id, { parts.at(1), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) });
    }
    m_sessions->setCreatedHere(records);
}

void ServerController::saveCreatedHere()
{
    if (m_settings.createdStoreKey.isEmpty())
        return;
    QStringList lines;
    const QHash<int, SessionListModel::CreatedHere> records = m_sessions->createdHere();
    for (auto it = records.cbegin(); it != records.cend(); ++it)
        lines.append(QStringLiteral("%1|%2|%3").arg(it.key()).arg(it->identity).arg(it->when.toMSecsSinceEpoch()));
    lines.sort();
    QSettings().setValue(LivyDesk::SettingsKeys::createdSessions(m_settings.createdStoreKey), lines);
}

void ServerController::pruneCreatedHere()
{
    // A session the complete list no longer has is gone, and one with the same id but another identity is a
    // later session: neither keeps a creation time.
    QHash<int, SessionListModel::CreatedHere> records = m_sessions->createdHere();
    const qsizetype before = records.size();
    records.removeIf([this](const QHash<int, SessionListModel::CreatedHere>::iterator &it) {
        const std::optional<Session> s = m_sessions->session(it.key());
        return !s || sessionIdentity(*s) != it->identity;
    });
    if (records.size() != before) {
        m_sessions->setCreatedHere(records);
        saveCreatedHere();
    }
}

int ServerController::createSession(const CreateSessionRequest &original)
{
    const int ticket = ++m_nextTicket;
    CreateSessionRequest request = original;
    QMap<QString, QString> conf = request.conf.value_or(QMap<QString, QString>());
    if (!conf.contains(SessionTagKey)) {
        conf.insert(SessionTagKey, newSessionTag());
        request.conf = conf;
    }
    auto *job = new CreateSessionJob(m_connection, request);
    connect(job, &LivyJob::finished, this, [this, ticket](LivyJob *j) {
        if (!j->ok()) {
            report(j->error());
            Q_EMIT createFailed(ticket, j->error());
            return;
        }
        const Session session = static_cast<CreateSessionJob *>(j)->session();
        m_sessions->upsert(session);
        QHash<int, SessionListModel::CreatedHere> records = m_sessions->createdHere();
        records.insert(session.id, { sessionIdentity(session), QDateTime::currentDateTimeUtc() });
        m_sessions->setCreatedHere(records);
        saveCreatedHere();
        m_listPoller->noteActivity(); // watch it start
        Q_EMIT sessionCreated(ticket, session);
    });
    job->start();
    return ticket;
}

void ServerController::deleteSession(int sessionId)
{
    if (SessionController *c = sessionController(sessionId))
        c->beginDelete();
    auto *job = new DeleteSessionJob(m_connection, SessionRef::byId(sessionId));
    connect(job, &LivyJob::finished, this, [this, sessionId](LivyJob *j) {
        // A 404 here means it was already gone (a race with the server stopping it): the outcome the user wanted.
        if (!j->ok() && !j->error().isNotFound()) {
            if (SessionController *c = sessionController(sessionId))
                c->resumeAfterFailedDelete();
            report(j->error());
            Q_EMIT deleteFailed(sessionId, j->error());
            return;
        }
        m_sessions->remove(sessionId);
        if (SessionController *c = sessionController(sessionId))
            c->markDeleted();
        m_listPoller->noteDeleted(sessionId);
        Q_EMIT sessionDeleted(sessionId);
    });
    job->start();
}

SessionController::Settings ServerController::sessionSettings() const
{
    return m_settings.session; // what the server supports is read from the Connection at request time
}

SessionController *ServerController::openSession(const SessionRef &ref)
{
    if (!ref.isValid())
        return nullptr;
    SessionRef effective = ref;
    if (!ref.isId()) {
        const int row = m_sessions->rowOfName(ref.name());
        if (row >= 0)
            effective = SessionRef::byId(m_sessions->sessionAt(row).id);
    }
    if (effective.isId()) {
        if (SessionController *existing = sessionController(effective.id()))
            return existing;
    }
    m_open.removeAll(nullptr);
    auto *controller = new SessionController(m_connection, effective, sessionSettings(), this);
    controller->setActivity(m_activity);
    m_open.append(controller);
    // Keep the list's row in step with what the open session learns (state changes between list polls).
    connect(controller, &SessionController::sessionChanged, this, [this](const Session &s) {
        if (s.id >= 0 && m_sessions->rowOfId(s.id) >= 0)
            m_sessions->upsert(s);
    });
    connect(controller, &SessionController::sessionGone, this, [this] { m_listPoller->noteActivity(); });
    Q_EMIT sessionOpened(controller);
    if (!m_attachClock.isValid())
        m_attachClock.start();
    const qint64 now = m_attachClock.elapsed();
    const qint64 at = std::max(now, m_nextAttachAtMs);
    m_nextAttachAtMs = at + std::max<qint64>(0, m_settings.attachSpacing.count());
    controller->attach(std::chrono::milliseconds(at - now));
    return controller;
}

void ServerController::closeSession(SessionController *controller)
{
    if (!controller)
        return;
    m_open.removeAll(controller);
    controller->detach();
    controller->deleteLater();
}

SessionController *ServerController::sessionController(int sessionId) const
{
    for (const QPointer<SessionController> &c : m_open) {
        if (c && c->sessionId() == sessionId)
            return c;
    }
    return nullptr;
}

QList<SessionController *> ServerController::openSessions() const
{
    QList<SessionController *> out;
    for (const QPointer<SessionController> &c : m_open) {
        if (c)
            out.append(c);
    }
    return out;
}

} // namespace Livy
