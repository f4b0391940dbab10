// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include "auth/authenticator.h"
#include "livyjob.h"

#include <QDateTime>

#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace Livy {

Connection::Connection(QNetworkAccessManager *network, ConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(std::move(settings))
{
}

Connection::~Connection()
{
    // Running jobs are children (adopt()) and are deleted with this object; their destructors abort the replies.
    m_jobs.clear();
}

void Connection::setAuthenticator(std::shared_ptr<Authenticator> authenticator)
{
    m_authenticator = std::move(authenticator);
}

void Connection::adopt(LivyJob *job)
{
    if (!job)
        return;
    if (!job->parent() && job->autoDelete())
        job->setParent(this); // owned from now on: deleted with the Connection if it never finishes
    m_jobs.removeAll(nullptr);
    if (!m_jobs.contains(job)) {
        m_jobs.append(job);
        Q_EMIT jobStarted(job);
    }
}

void Connection::release(LivyJob *job)
{
    m_jobs.removeAll(job);
    m_jobs.removeAll(nullptr);
}

QList<LivyJob *> Connection::runningJobs() const
{
    QList<LivyJob *> out;
    for (const QPointer<LivyJob> &j : m_jobs) {
        if (j && j->isRunning())
            out.append(j);
    }
    return out;
}

void Connection::abortAll()
{
    const QList<LivyJob *> running = runningJobs();
    for (LivyJob *job : running)
        job->abandon();
}

void Connection::setSettings(const ConnectionSettings &settings)
{
    const bool serverChanged = settings.baseUrl != m_settings.baseUrl;
    m_settings = settings;
    if (serverChanged) {
        m_pluralLogRoute = false;
        m_logRouteProbed = false;
        setCapabilities({}); // another server: unknown until its /version answers
    }
    Q_EMIT settingsChanged();
}

void Connection::setCapabilities(const ServerCapabilities &capabilities)
{
    if (m_capabilities == capabilities)
        return;
    m_capabilities = capabilities;
    Q_EMIT capabilitiesChanged(m_capabilities);
}

QUrl Connection::endpoint(const QStringList &pathSegments, const QUrlQuery &query) const
{
    QUrl url = m_settings.baseUrl;
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    for (const QString &segment : pathSegments)
        path += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(segment));
    url.setPath(path, QUrl::TolerantMode);
    QUrlQuery fullQuery = query;
    if (!m_settings.doAs.isEmpty())
        fullQuery.addQueryItem(QStringLiteral("doAs"), m_settings.doAs);
    url.setQuery(fullQuery.isEmpty() ? QString() : fullQuery.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    return url;
}

QNetworkRequest Connection::makeRequest(const QUrl &url, std::chrono::milliseconds timeout) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    // Livy's CSRF filter only checks that the header is there; Qt drops a header with an empty value.
    const QString requestedBy = m_settings.requestedBy.trimmed();
    request.setRawHeader(QByteArrayLiteral("X-Requested-By"),
                         requestedBy.isEmpty() ? QByteArrayLiteral("livydesk") : requestedBy.toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader, m_settings.userAgent);
    if (m_authenticator)
        m_authenticator->prepare(request);
    for (const auto &[name, value] : m_settings.extraHeaders)
        request.setRawHeader(name, value);
    request.setTransferTimeout(int(timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_settings.sslConfiguration)
        request.setSslConfiguration(*m_settings.sslConfiguration);
    return request;
}

} // namespace Livy

namespace Livy {

void Connection::reportRejectedCertificate(const QList<QSslError> &errors, const QList<QSslCertificate> &chain)
{
    Q_EMIT certificateRejected(errors, chain);
}

void Connection::noteServerDate(const QByteArray &httpDate, qint64 localReceivedMs)
{
    // RFC 7231 IMF-fixdate: "Wed, 02 Dec 2026 05:57:30 GMT".
    QDateTime date = QDateTime::fromString(QString::fromLatin1(httpDate.trimmed()), Qt::RFC2822Date);
    if (!date.isValid())
        return;
    // The header is truncated to the second: the server's clock read somewhere in [date, date + 1 s).
    const qint64 offset = date.toMSecsSinceEpoch() + 500 - localReceivedMs;
    if (!m_clockKnown) {
        m_clockOffsetMs = offset;
        m_clockKnown = true;
        return;
    }
    // Smooth the truncation jitter; a real clock step still shows within a few answers.
    m_clockOffsetMs = (m_clockOffsetMs * 3 + offset) / 4;
}

} // namespace Livy
