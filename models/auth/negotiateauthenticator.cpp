// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "negotiateauthenticator.h"

#include "core/backgroundtask.h"

#include <QLocale>
#include <QNetworkRequest>
#include <QObject>
#include <QUrl>

namespace Livy {

namespace {

/// Where a request's exchange id travels (read back from QNetworkReply::request()).
constexpr auto ExchangeAttribute = QNetworkRequest::Attribute(QNetworkRequest::User + 41);
/// Exchanges whose answer never came (timeouts, aborted jobs) are dropped beyond this many.
constexpr qsizetype MaxPending = 64;

/// The token of a `Negotiate <base64>` value, or an empty array.
QByteArray negotiateToken(const QList<QByteArray> &wwwAuthenticate, bool *offered = nullptr)
{
    for (const QByteArray &value : wwwAuthenticate) {
        for (const QByteArray &part : value.split(',')) {
            const QByteArray trimmed = part.trimmed();
            if (!trimmed.startsWith("Negotiate") && !trimmed.startsWith("negotiate"))
                continue;
            if (trimmed.size() > 9 && trimmed.at(9) != ' ')
                continue; // "NegotiateX"
            if (offered)
                *offered = true;
            return QByteArray::fromBase64(trimmed.mid(9).trimmed());
        }
    }
    return {};
}

} // namespace

NegotiateAuthenticator::NegotiateAuthenticator(QString service)
    : m_service(std::move(service))
{
}

NegotiateAuthenticator::~NegotiateAuthenticator() = default;

QString NegotiateAuthenticator::identity() const
{
    const KerberosTicket ticket = NegotiateContext::currentTicket();
    return ticket.state == KerberosTicket::State::Valid ? ticket.principal : QString();
}

QString NegotiateAuthenticator::serviceFor(const QString &host) const
{
    return m_service.isEmpty() ? QStringLiteral("HTTP@") + host : m_service;
}

void NegotiateAuthenticator::prepare(QNetworkRequest &request) const
{
    if (!m_armed)
        return;
    auto context = std::shared_ptr<NegotiateContext>(m_factory());
    const NegotiateContext::Step step = context->initiate(serviceFor(request.url().host()));
    if (!step.error.isEmpty() || step.token.isEmpty()) {
        m_lastProblem = step.error; // the request goes without a token; its 401 is explained with this
        return;
    }
    m_lastProblem.clear();
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Negotiate " + step.token.toBase64());
    if (step.complete)
        return; // nothing more to check
    const quint64 id = m_nextExchange++;
    request.setAttribute(ExchangeAttribute, id);
    m_pending.insert(id, std::move(context));
    if (m_pending.size() > MaxPending) {
        quint64 oldest = id;
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
            oldest = std::min(oldest, it.key());
        m_pending.remove(oldest);
    }
}

bool NegotiateAuthenticator::challenge(const QList<QByteArray> &wwwAuthenticate)
{
    bool offered = false;
    negotiateToken(wwwAuthenticate, &offered);
    if (!offered)
        return false; // the server asks for something else: explainRefusal() says what
    m_armed = true;
    return true;
}

void NegotiateAuthenticator::challengeAsync(const QUrl &url, const QList<QByteArray> &wwwAuthenticate,
                                            QObject *receiver, std::function<void(bool)> done)
{
    if (!challenge(wwwAuthenticate)) {
        done(false);
        return;
    }
    // A first exchange may ask the KDC for a service ticket (network): do it on a worker. The ticket lands in the
    // cache, so the token prepare() makes for the retry is local work.
    const QString service = serviceFor(url.host());
    BackgroundTask::run<NegotiateContext::Step>(
        receiver,
        [service, factory = m_factory](const TaskContext &) { return factory()->initiate(service); },
        [this, done = std::move(done)](NegotiateContext::Step step) {
            m_lastProblem = step.error;
            done(step.error.isEmpty() && !step.token.isEmpty());
        });
}

QString NegotiateAuthenticator::verify(const QNetworkRequest &sent, const QList<QByteArray> &wwwAuthenticate)
{
    const QVariant id = sent.attribute(ExchangeAttribute);
    if (!id.isValid())
        return {};
    const std::shared_ptr<NegotiateContext> context = m_pending.take(id.toULongLong());
    if (!context)
        return {};
    // Accepted: the cookie the server set carries the next requests.
    m_armed = false;
    const QByteArray token = negotiateToken(wwwAuthenticate);
    if (token.isEmpty())
        return {}; // the server sent nothing to check (allowed: mutual authentication is where it sends a token)
    const NegotiateContext::Step step = context->proceed(token);
    if (!step.error.isEmpty())
        return QObject::tr("The server could not prove it is the Kerberos service it claims to be (mutual "
                           "authentication failed: %1); its answer was not used")
            .arg(step.error);
    if (step.complete)
        ++m_verified;
    return {};
}

QString NegotiateAuthenticator::ticketProblem(const KerberosTicket &ticket)
{
    switch (ticket.state) {
    case KerberosTicket::State::Valid:
        return {};
    case KerberosTicket::State::None:
        return QObject::tr("No Kerberos ticket: run kinit (for example \"kinit you@YOUR.REALM\") in a terminal, then "
                           "reconnect");
    case KerberosTicket::State::Expired:
        return ticket.principal.isEmpty()
            ? QObject::tr("Your Kerberos ticket has expired: run kinit again, then reconnect")
            : QObject::tr("Your Kerberos ticket for %1 has expired: run \"kinit %1\" again, then reconnect")
                  .arg(ticket.principal);
    case KerberosTicket::State::Unavailable:
        return QObject::tr("Kerberos is not available: %1").arg(ticket.detail);
    }
    return {};
}

QString NegotiateAuthenticator::explainRefusal(int httpStatus, const QList<QByteArray> &wwwAuthenticate,
                                               const QString &serverText) const
{
    bool offered = false;
    negotiateToken(wwwAuthenticate, &offered);
    if (httpStatus == 401 && !offered) {
        const QStringList schemes = challengeSchemes(wwwAuthenticate);
        if (!schemes.isEmpty())
            return QObject::tr("The server does not use Kerberos; it asks for %1: change the authentication of this "
                               "server profile")
                .arg(schemes.join(QLatin1String(", ")));
    }
    const KerberosTicket ticket = NegotiateContext::currentTicket();
    if (const QString problem = ticketProblem(ticket); !problem.isEmpty() && (offered || httpStatus == 401))
        return problem;
    if (!m_lastProblem.isEmpty())
        return QObject::tr("Kerberos could not make a ticket for the server (%1): the server's address must be the "
                           "host name of its HTTP/ principal")
            .arg(m_lastProblem);
    if (httpStatus == 401)
        return QObject::tr("The server did not accept the Kerberos ticket of %1")
            .arg(ticket.principal.isEmpty() ? QObject::tr("this user") : ticket.principal);
    // 403 with a ticket: the server knows who it is and refuses (hadoop-auth also answers 403 when its own
    // Kerberos setup fails); its words say which.
    return serverText.isEmpty() ? QObject::tr("The server refused access for %1").arg(ticket.principal) : QString();
}

} // namespace Livy
