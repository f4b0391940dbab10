// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livyjob.h"

#include <QDateTime>

#include "auth/authenticator.h"
#include "tls/tlsoptions.h"
#include "connection.h"

#include <QIODevice>
#include <QJsonObject>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>

namespace Livy {

namespace {

/// A request body that can be read once only. QNetworkAccessManager silently sends a request again (up to three
/// times) when the connection closes before the answer begins; for a POST that would run a statement or create
/// a session twice. It cannot rewind this body, so it fails with ContentReSendError instead of re-sending.
/// (QBuffer would not do: QNetworkAccessManager reads a QBuffer's bytes directly and can always rewind them.)
class OneShotBody : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return (m_data.size() - m_pos) + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }
    bool reset() override { return false; }

protected:
    qint64 readData(char *out, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

LivyJob::LivyJob(Connection *connection, Verb verb, QStringList pathSegments, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_verb(verb)
    , m_pathSegments(std::move(pathSegments))
    , m_timeout(connection ? (verb == Verb::Delete ? connection->settings().deleteTimeout
                                                   : connection->settings().requestTimeout)
                           : std::chrono::milliseconds(30000))
{
}

LivyJob::~LivyJob()
{
    // A worker still parsing a large body holds only its own copy of it; its result is dropped.
    m_decodeTask.cancel();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QUrl LivyJob::url() const
{
    return m_connection ? m_connection->endpoint(m_pathSegments, m_query) : QUrl();
}

QString LivyJob::describe() const
{
    static const char *const verbs[] = { "GET", "POST", "DELETE" };
    const QUrl u = url();
    QString target = u.path(QUrl::FullyEncoded);
    if (u.hasQuery())
        target += QLatin1Char('?') + u.query(QUrl::FullyEncoded);
    return QLatin1String(verbs[int(m_verb)]) + QLatin1Char(' ') + target;
}

void LivyJob::start()
{
    if (m_running || m_finished)
        return;
    m_running = true;
    m_clock.start();
    if (m_connection)
        m_connection->adopt(this);
    if (!m_connection || !m_connection->network()) {
        finish(LivyError(LivyError::Kind::Network, QStringLiteral("No connection to a Livy server is configured")));
        return;
    }
    const QUrl base = m_connection->baseUrl();
    if (!base.isValid() || base.host().isEmpty()
        || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https"))) {
        finish(LivyError(LivyError::Kind::Network,
                         QStringLiteral("The server address \"%1\" is not a valid http(s) URL")
                             .arg(base.toString())));
        return;
    }
    send();
}

void LivyJob::send()
{
    QNetworkRequest request = m_connection->makeRequest(url(), m_timeout);
    QNetworkAccessManager *nam = m_connection->network();
    switch (m_verb) {
    case Verb::Get:
        m_reply = nam->get(request);
        break;
    case Verb::Post: {
        // Livy reads form parameters from bodiless POSTs without a JSON content type: always send a body.
        const QByteArray body = m_body.isEmpty() ? QByteArrayLiteral("{}") : m_body;
        // Never re-sent automatically (see OneShotBody); the length is known, so no chunked encoding.
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(body, nullptr);
        m_reply = nam->post(request, device);
        device->setParent(m_reply);
        break;
    }
    case Verb::Delete:
        m_reply = nam->deleteResource(request);
        break;
    }
    connect(m_reply, &QNetworkReply::sslErrors, m_reply,
            [this, reply = m_reply.data()](const QList<QSslError> &errors) {
                const ConnectionSettings &settings = m_connection->settings();
                const QList<QSslCertificate> chain = reply->sslConfiguration().peerCertificateChain();
                // Off only by an explicit profile choice (flagged in the UI); a pinned certificate is one the
                // user looked at and chose to trust for this profile.
                if (!settings.verifyTls || errorsCoveredByPins(errors, chain, settings.pinnedCertificates)) {
                    reply->ignoreSslErrors(errors);
                    return;
                }
                m_sslErrors = errors;
                m_connection->reportRejectedCertificate(errors, chain);
            });
    connect(m_reply, &QNetworkReply::finished, this, &LivyJob::onReplyFinished);
}

void LivyJob::abandon()
{
    if (m_finished)
        return;
    m_abandoned = true;
    m_decodeTask.cancel();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    finish(LivyError(LivyError::Kind::Cancelled, QStringLiteral("The request was cancelled")));
}

QString LivyJob::refusedHint() const
{
    return QStringLiteral("is the Livy server running?");
}

LivyError LivyJob::networkError(QNetworkReply *reply) const
{
    const QString where = m_connection ? m_connection->baseUrl().authority() : QString();
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        // Qt reports an expired transfer timeout as OperationCanceledError; abandon() never gets here.
        return LivyError(LivyError::Kind::Timeout,
                         QStringLiteral("No answer from %1 within %2 s (%3)")
                             .arg(where)
                             .arg(double(m_timeout.count()) / 1000.0, 0, 'g', 3)
                             .arg(describe()));
    case QNetworkReply::ConnectionRefusedError:
        return LivyError(LivyError::Kind::Network,
                         QStringLiteral("Cannot connect to %1: connection refused (%2)").arg(where, refusedHint()));
    case QNetworkReply::HostNotFoundError:
        return LivyError(LivyError::Kind::Network, QStringLiteral("Cannot find the server %1 (host not found)").arg(where));
    case QNetworkReply::ContentReSendError:
        // The connection closed before the answer; Qt wanted to send the POST again and we do not let it.
        return LivyError(LivyError::Kind::Network,
                         QStringLiteral("%1 closed the connection before answering (%2); LivyDesk did not send it again, "
                                        "as the server may have carried it out")
                             .arg(where, describe()));
    case QNetworkReply::RemoteHostClosedError:
        return LivyError(LivyError::Kind::Network,
                         QStringLiteral("%1 closed the connection before answering (%2)").arg(where, describe()));
    case QNetworkReply::SslHandshakeFailedError:
        if (!m_sslErrors.isEmpty()) {
            QStringList reasons;
            for (const QSslError &e : m_sslErrors)
                if (!reasons.contains(e.errorString()))
                    reasons.append(e.errorString());
            return LivyError(LivyError::Kind::Tls,
                             QStringLiteral("The certificate of %1 is not trusted (%2): add its CA to the server "
                                            "profile, or look at it and trust it")
                                 .arg(where, reasons.join(QLatin1String("; "))));
        }
        return LivyError(LivyError::Kind::Tls,
                         QStringLiteral("Secure connection to %1 failed: %2").arg(where, reply->errorString()));
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return LivyError(LivyError::Kind::Network, QStringLiteral("Proxy failure: %1").arg(reply->errorString()));
    default:
        break;
    }
    return LivyError(LivyError::Kind::Network,
                     QStringLiteral("Network error talking to %1: %2").arg(where, reply->errorString()));
}

void LivyJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_httpStatus = statusAttr.isValid() ? statusAttr.toInt() : 0;
    if (m_connection && m_httpStatus != 0 && reply->hasRawHeader("Date"))
        m_connection->noteServerDate(reply->rawHeader("Date"), QDateTime::currentMSecsSinceEpoch());
    m_rawBody = reply->isOpen() ? reply->readAll() : QByteArray(); // an aborted (timed-out) reply is closed

    if (m_httpStatus == 0) {
        finish(networkError(reply));
        return;
    }
    QList<QByteArray> challenges; // the WWW-Authenticate values of the answer
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        if (name.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
            challenges.append(value);
    }
    const std::shared_ptr<Authenticator> authenticator = m_connection ? m_connection->authenticator() : nullptr;
    if (m_httpStatus == 401 && !m_authRetried && authenticator) {
        // The server did not carry the request out; the authenticator may have something new to send (a token,
        // the next leg of a handshake). Once only. The job keeps the authenticator alive until it has decided.
        m_authRetried = true;
        m_challenger = authenticator;
        authenticator->challengeAsync(url(), challenges, this, [this, challenges](bool retry) {
            m_challenger.reset();
            if (m_finished)
                return; // abandoned meanwhile
            if (retry) {
                m_rawBody.clear();
                m_httpStatus = 0;
                send();
                return;
            }
            finishRefused(m_rawBody, challenges);
        });
        return;
    }
    if (m_httpStatus == 401 || m_httpStatus == 403) {
        finishRefused(m_rawBody, challenges);
        return;
    }
    if (authenticator) {
        if (const QString untrusted = authenticator->verify(reply->request(), challenges); !untrusted.isEmpty()) {
            finish(LivyError(LivyError::Kind::Protocol, untrusted, m_httpStatus, m_rawBody));
            return;
        }
    }
    if (m_httpStatus < 200 || m_httpStatus >= 300) {
        if (m_verb == Verb::Get && retryAfterHttpError(m_httpStatus, m_rawBody)) {
            m_rawBody.clear();
            m_httpStatus = 0;
            send();
            return;
        }
        finish(LivyError::fromHttpResponse(m_httpStatus, m_rawBody));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        // A 2xx status with a broken transfer (connection dropped mid-body, timeout while reading).
        LivyError error = networkError(reply);
        if (error.kind() == LivyError::Kind::Network) {
            error = LivyError(LivyError::Kind::Network,
                              QStringLiteral("The answer from %1 to %2 was cut off (%3)")
                                  .arg(m_connection ? m_connection->baseUrl().authority() : QString(), describe(),
                                       reply->errorString()),
                              m_httpStatus, m_rawBody);
        }
        finish(error);
        return;
    }
    if (m_rawBody.size() >= BackgroundDecodeBytes) {
        decodeInBackground();
        return;
    }
    finish(decodeSuccess(m_rawBody, m_httpStatus));
}

void LivyJob::decodeInBackground()
{
    // The worker gets its own copy of the body and shares nothing else with the job; BackgroundTask drops the
    // delivery if the job is deleted (or abandoned) meanwhile.
    m_decodeTask = BackgroundTask::run<std::shared_ptr<const ParsedBody>>(
        this,
        [body = m_rawBody](const TaskContext &) {
            auto parsed = std::make_shared<ParsedBody>();
            parsed->document = QJsonDocument::fromJson(body, &parsed->error);
            parsed->parsedOn = QThread::currentThreadId();
            return std::shared_ptr<const ParsedBody>(std::move(parsed));
        },
        [this](std::shared_ptr<const ParsedBody> parsed) {
            if (m_finished)
                return; // abandoned meanwhile
            m_preparsed = std::move(parsed);
            const LivyError error = decodeSuccess(m_rawBody, m_httpStatus);
            m_preparsed.reset();
            finish(error);
        });
}

void LivyJob::finishRefused(const QByteArray &body, const QList<QByteArray> &challenges)
{
    LivyError error = LivyError::fromHttpResponse(m_httpStatus, body);
    const Authenticator *authenticator = m_connection ? m_connection->authenticator().get() : nullptr;
    const QString explained = explainRefusal(authenticator, m_httpStatus, challenges, error.serverText());
    if (!explained.isEmpty())
        error = error.withMessage(explained);
    finish(error);
}

LivyJob::ParsedBody LivyJob::parseBody(const QByteArray &body) const
{
    if (m_preparsed) {
        m_parsedOn = m_preparsed->parsedOn;
        return *m_preparsed;
    }
    ParsedBody parsed;
    parsed.document = QJsonDocument::fromJson(body, &parsed.error);
    parsed.parsedOn = m_parsedOn = QThread::currentThreadId();
    return parsed;
}

bool LivyJob::retryAfterHttpError(int, const QByteArray &)
{
    return false;
}

void LivyJob::finish(const LivyError &error)
{
    if (m_finished)
        return;
    m_error = error.isError() ? error.withRoute(describe()) : error;
    m_running = false;
    m_finished = true;
    if (m_connection)
        m_connection->release(this);
    m_elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    // Always asynchronous, so callers may connect after start() and never re-enter themselves.
    QMetaObject::invokeMethod(this, [this] {
        Q_EMIT finished(this);
        if (m_autoDelete)
            deleteLater();
    }, Qt::QueuedConnection);
}

} // namespace Livy
