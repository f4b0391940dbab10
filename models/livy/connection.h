// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capabilities.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <memory>
#include <optional>

#include <QNetworkAccessManager>
class QNetworkRequest;

namespace Livy {

class Authenticator;
class LivyJob;

/// How to talk to one Livy server. Secrets (authorization) are held in memory only; the app reads them
/// from the OS keychain and never writes them to settings or logs.
struct ConnectionSettings
{
    QUrl baseUrl;
    std::chrono::milliseconds requestTimeout{ std::chrono::seconds(30) };
    /// DELETE /sessions/{id} blocks on the server until the session has stopped.
    std::chrono::milliseconds deleteTimeout{ std::chrono::seconds(120) };
    /// Sent as X-Requested-By on every request (Livy's CSRF filter answers 400 without it).
    QString requestedBy = QStringLiteral("livydesk");
    /// Optional ?doAs= impersonation target (Livy 0.6+).
    QString doAs;
    /// Further headers a deployment needs (gateways, tokens).
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    /// TLS verification stays on unless a profile explicitly turns it off.
    bool verifyTls = true;
    std::optional<QSslConfiguration> sslConfiguration;
    /// SHA-256 fingerprints of server certificates the user chose to trust although verification fails.
    QStringList pinnedCertificates;
    QString userAgent = QStringLiteral("LivyDesk/" LIVYDESK_VERSION);
};

/// One Livy server: the injected QNetworkAccessManager, the settings, and what the client has learned
/// about the server (for example which log route it serves). Jobs are created against a Connection.
class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(QNetworkAccessManager *network, ConnectionSettings settings, QObject *parent = nullptr);
    ~Connection() override;

    QNetworkAccessManager *network() const { return m_network; }
    const ConnectionSettings &settings() const { return m_settings; }
    void setSettings(const ConnectionSettings &settings);
    QUrl baseUrl() const { return m_settings.baseUrl; }

    /// The URL for the given raw path segments (each is percent-encoded) and query.
    QUrl endpoint(const QStringList &pathSegments, const QUrlQuery &query = {}) const;
    /// A request with every header Livy needs and the given transfer timeout.
    QNetworkRequest makeRequest(const QUrl &url, std::chrono::milliseconds timeout) const;

    /// How requests prove who the user is (none by default). Consulted when each request is built and on a 401.
    void setAuthenticator(std::shared_ptr<Authenticator> authenticator);
    std::shared_ptr<Authenticator> authenticator() const { return m_authenticator; }

    /// Jobs that were started and have not finished. The Connection owns every started job that has no parent
    /// (they are deleted with it: quitting with a request in flight leaks nothing) and can abort them all.
    QList<LivyJob *> runningJobs() const;
    /// Abandons every running job (each finishes with LivyError::Kind::Cancelled).
    void abortAll();

    /// What the server supports (from `GET /version`), read by jobs and controllers when they build a request.
    const ServerCapabilities &capabilities() const { return m_capabilities; }
    void setCapabilities(const ServerCapabilities &capabilities);

    /// Some vendor documentation names the log route `/logs`; Apache Livy serves `/log`. Once a server has
    /// answered a route-level 404 on `/log` and 200 on `/logs`, the plural is used for that server.
    bool usesPluralLogRoute() const { return m_pluralLogRoute; }
    void setUsesPluralLogRoute(bool plural) { m_pluralLogRoute = plural; }
    /// True once `/logs` has been tried for this server (the fallback happens at most once).
    bool logRouteProbed() const { return m_logRouteProbed; }
    void setLogRouteProbed(bool probed) { m_logRouteProbed = probed; }

    /// The server's clock minus this machine's, in ms, estimated from the HTTP `Date` header of its answers (a
    /// one-second resolution: good for "running for 2 min", not for milliseconds); 0 until an answer carried one.
    /// Livy stamps statements (`started`, `completed`) with its own clock.
    qint64 serverClockOffsetMs() const { return m_clockOffsetMs; }
    /// Called by jobs with a reply's `Date` header value and the local time the reply arrived.
    void noteServerDate(const QByteArray &httpDate, qint64 localReceivedMs);

    /// Called by LivyJob::start() and when a job finishes.
    void adopt(LivyJob *job);
    void release(LivyJob *job);

    /// Called by a job whose TLS handshake failed verification (and no pin covered it): the errors and the
    /// chain the server presented, for the certificate dialog.
    void reportRejectedCertificate(const QList<QSslError> &errors, const QList<QSslCertificate> &chain);

Q_SIGNALS:
    void settingsChanged();
    /// A server certificate failed verification (see reportRejectedCertificate()).
    void certificateRejected(const QList<QSslError> &errors, const QList<QSslCertificate> &chain);
    void capabilitiesChanged(const Livy::ServerCapabilities &capabilities);
    /// Every job started on this connection, from inside its start() (before its request is sent). Observers
    /// that must see every request whoever sends it (lifecycle/ActivityLedger: what counts as activity on a
    /// session) connect to the job's finished() here. Never delete or start jobs from this signal.
    void jobStarted(Livy::LivyJob *job);

private:
    QPointer<QNetworkAccessManager> m_network;
    ConnectionSettings m_settings;
    ServerCapabilities m_capabilities;
    std::shared_ptr<Authenticator> m_authenticator;
    QList<QPointer<LivyJob>> m_jobs;
    bool m_pluralLogRoute = false;
    bool m_logRouteProbed = false;
    qint64 m_clockOffsetMs = 0;
    bool m_clockKnown = false;
};

} // namespace Livy
