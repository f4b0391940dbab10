// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/sessioncontroller.h"
#include "livy/capabilities.h"
#include "livy/livyerror.h"
#include "livy/types.h"
#include "polling/pollschedule.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QVersionNumber>

#include <optional>

namespace Livy {

class Connection;
class LivyJob;
class PollActivity;
class Poller;
class SessionListModel;
class SessionListPoller;

/// How a server is followed (ServerController::Settings).
struct ServerControllerSettings
{
    SessionListSchedule listSchedule;
    /// While the server does not answer, it is asked again at most this far apart (5 s): a server that comes
    /// back is noticed within seconds, at one cheap request per interval.
    ErrorBackoff backoff{ std::chrono::milliseconds(500), std::chrono::milliseconds(5000) };
    int pageSize = 100;
    /// Sessions opened together (tabs restored at start, Ctrl+R) start attaching this far apart, so that a dozen
    /// tabs do not send their first requests in one burst; the first one opened starts at once.
    std::chrono::milliseconds attachSpacing{ 250 };
    /// Defaults for opened sessions.
    SessionControllerSettings session;
    /// Where the creation times of sessions created from this computer are kept (QSettings group
    /// "createdSessions/<key>", normally the server profile's id); empty keeps them in memory only.
    QString createdStoreKey;
};

/// One Livy server: its session list (SessionListModel kept fresh by a SessionListPoller), what it supports
/// (from `GET /version`), the connection state the status bar shows, and the server-level intents: create,
/// delete, refresh, open a session by id or name.
///
/// connectToServer() asks `GET /version` first (0.8 adds `order=desc`, ttl; 0.9 idleTimeout; a server that has
/// no /version route is treated as "unknown, assume the oldest") and then polls the list. The state goes
/// Connecting -> Connected after the first complete list, Reconnecting while transient failures (network,
/// timeouts, 502/503/504) back off, back to Connected when a poll succeeds again, and Disconnected on
/// disconnectFromServer() or on a failure retrying cannot fix (401/403 credentials, TLS): lastError() says why.
///
/// The Connection is not owned. Open SessionControllers are children of this object; closeSession() detaches
/// and deletes one (the session on the server is untouched; deleteSession() is what ends it there).
class ServerController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(ConnectionState connectionState READ connectionState NOTIFY connectionStateChanged)
public:
    enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(ConnectionState)

    using Settings = ServerControllerSettings;

    explicit ServerController(Connection *connection, const Settings &settings = {}, QObject *parent = nullptr);
    ~ServerController() override;

    /// The activity switch the pollers observe (default PollActivity::global()).
    void setActivity(PollActivity *activity);

    Connection *connection() const { return m_connection; }
    SessionListModel *sessions() const { return m_sessions; }
    SessionListPoller *listPoller() const { return m_listPoller; }
    const Settings &settings() const { return m_settings; }

    ConnectionState connectionState() const { return m_state; }
    LivyError lastError() const { return m_lastError; }

    /// What `GET /version` said, once known.
    std::optional<VersionInfo> version() const { return m_version; }
    /// "0.8.0-incubating" -> 0.8.0; null when unknown or unparsable.
    QVersionNumber versionNumber() const;
    static QVersionNumber parseVersion(const QString &text);
    /// What the server supports, from the Connection (learnt from `GET /version`).
    ServerCapabilities capabilities() const;
    bool supportsSessionNames() const;     ///< 0.6+
    bool supportsDescendingOrder() const;  ///< 0.8+: statements?order=desc
    bool supportsTtl() const;              ///< 0.8+
    bool supportsIdleTimeout() const;      ///< 0.9+

    void connectToServer();
    /// Stops all polling (open sessions included); keeps the models as they are.
    void disconnectFromServer();
    /// Polls the list now and returns to the fast schedule.
    void refresh();

    /// `POST /sessions`. Returns a ticket carried by exactly one later sessionCreated()/createFailed().
    /// The request gets LivyDesk's session tag in its conf (livy/sessionidentity.h) unless it has one; the
    /// creation time is remembered for the sessions list ("Created here").
    int createSession(const Livy::CreateSessionRequest &request);
    /// `DELETE /sessions/{id}` (slow on the server: seconds). sessionDeleted() or deleteFailed() follows.
    void deleteSession(int sessionId);

    /// Opens (or returns the already open) controller for a session, by id or by name, and attaches it.
    SessionController *openSession(const Livy::SessionRef &ref);
    /// Detaches and deletes an open controller (later, from the event loop).
    void closeSession(SessionController *controller);
    SessionController *sessionController(int sessionId) const;
    QList<SessionController *> openSessions() const;

Q_SIGNALS:
    void connectionStateChanged(Livy::ServerController::ConnectionState state);
    void versionKnown(const Livy::VersionInfo &version);
    /// Every failure worth a status-bar line.
    void errorOccurred(const Livy::LivyError &error);
    void sessionCreated(int ticket, const Livy::Session &session);
    void createFailed(int ticket, const Livy::LivyError &error);
    void sessionDeleted(int sessionId);
    void deleteFailed(int sessionId, const Livy::LivyError &error);
    void sessionOpened(Livy::SessionController *controller);

private:
    void setState(ConnectionState state);
    void loadCreatedHere();
    void saveCreatedHere();
    void pruneCreatedHere();
    void startListPolling();
    void onListFailure(const LivyError &error);
    bool isFatal(const LivyError &error) const;
    void report(const LivyError &error);
    SessionController::Settings sessionSettings() const;

    QPointer<Connection> m_connection;
    Settings m_settings;
    SessionListModel *m_sessions;
    SessionListPoller *m_listPoller;
    QPointer<PollActivity> m_activity;
    Poller *m_versionPoller;
    QList<QPointer<SessionController>> m_open;
    QElapsedTimer m_attachClock;
    qint64 m_nextAttachAtMs = 0;
    std::optional<VersionInfo> m_version;
    LivyError m_lastError;
    ConnectionState m_state = ConnectionState::Disconnected;
    int m_nextTicket = 0;
};

} // namespace Livy
