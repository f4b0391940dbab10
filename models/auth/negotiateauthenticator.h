// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authenticator.h"
#include "negotiatecontext.h"

#include <QHash>

#include <functional>

#include <memory>

namespace Livy {

/// Kerberos through HTTP Negotiate (SPNEGO, RFC 4559), the way a Kerberized Livy (`livy.server.auth.type =
/// kerberos`, hadoop-auth's filter) expects it: with the user's ticket from the ticket cache (kinit), never a
/// password. Qt's own Negotiate support is not used (Qt 6.4's does not work with ordinary tickets).
///
/// Like curl and browsers it answers the server's `WWW-Authenticate: Negotiate` challenge: the 401 arms it, the
/// request is sent once more with a fresh token (tokens are single-use; the server keeps a replay cache), and the
/// server's answer is checked for mutual authentication when it sends a token back. The `hadoop.auth` cookie the
/// server then sets (in the network manager's cookie jar) authenticates the next requests; when it expires, the
/// next 401 starts a new exchange. Fetching a service ticket may reach the KDC, so that first step runs off the
/// GUI thread.
class NegotiateAuthenticator : public Authenticator
{
public:
    /// `service` overrides the GSS service name (`HTTP@host`); empty uses the request URL's host, which must then
    /// match the server's `HTTP/host` principal (a load balancer's name, not an address).
    explicit NegotiateAuthenticator(QString service = {});
    /// Makes the exchanges' contexts (NegotiateContext::create() by default; tests put a scripted one here).
    using ContextFactory = std::function<std::unique_ptr<NegotiateContext>()>;
    void setContextFactory(ContextFactory factory) { m_factory = std::move(factory); }
    ~NegotiateAuthenticator() override;

    QString describe() const override { return QStringLiteral("Negotiate (Kerberos)"); }
    /// The principal of the ticket in the cache ("alice@EXAMPLE.COM"), empty when there is none.
    QString identity() const override;
    void prepare(QNetworkRequest &request) const override;
    bool challenge(const QList<QByteArray> &wwwAuthenticate) override;
    void challengeAsync(const QUrl &url, const QList<QByteArray> &wwwAuthenticate, QObject *receiver,
                        std::function<void(bool retry)> done) override;
    QString verify(const QNetworkRequest &sent, const QList<QByteArray> &wwwAuthenticate) override;
    QString explainRefusal(int httpStatus, const QList<QByteArray> &wwwAuthenticate,
                           const QString &serverText) const override;

    /// The GSS service name used for a request to `host`.
    QString serviceFor(const QString &host) const;
    /// Whether requests carry a token now (after a Negotiate challenge, until an answer was accepted).
    bool isArmed() const { return m_armed; }
    /// How many answers proved the server's identity (a server token that completed the exchange).
    int verifiedExchanges() const { return m_verified; }
    /// How many exchanges wait for their answer (for tests: answers and failures release them).
    int pendingExchanges() const { return int(m_pending.size()); }

    /// "Run kinit" and friends: one line for a ticket that cannot be used, empty for a valid one.
    static QString ticketProblem(const KerberosTicket &ticket);

private:
    QString m_service;
    ContextFactory m_factory = [] { return NegotiateContext::create(); };
    bool m_armed = false;
    int m_verified = 0;
    /// Why the last attempt to make a token failed (one line), for explainRefusal().
    mutable QString m_lastProblem;
    mutable quint64 m_nextExchange = 1;
    /// Exchanges that asked for mutual authentication, by the id stamped on their request.
    mutable QHash<quint64, std::shared_ptr<NegotiateContext>> m_pending;
};

} // namespace Livy
