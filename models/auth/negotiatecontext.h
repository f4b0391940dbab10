// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace Livy {

/// The user's Kerberos credentials as the platform's library sees them (the default ticket cache on Linux and
/// macOS, the logon session on Windows).
struct KerberosTicket
{
    enum class State {
        Valid,       ///< a ticket-granting ticket that has not expired
        None,        ///< no ticket (no cache, or an empty one): the user must run kinit
        Expired,     ///< the ticket's lifetime is over: kinit again
        Unavailable, ///< this build or platform has no Kerberos library
    };
    State state = State::None;
    QString principal;  ///< "alice@EXAMPLE.COM" when known
    QDateTime expires;  ///< when a Valid ticket runs out (may be invalid if the library does not say)
    QString detail;     ///< the library's own words, for the details view
};

/// One SPNEGO ("Negotiate") exchange with one server: GSS-API (MIT or Heimdal) on Linux and macOS, SSPI on
/// Windows, behind this interface. Not thread-safe; a context is used by one thread at a time.
class NegotiateContext
{
public:
    struct Step
    {
        QByteArray token;  ///< to send as `Authorization: Negotiate <base64>`; empty when there is none
        bool complete = false; ///< the exchange finished (mutual authentication verified, if it was requested)
        bool noCredentials = false; ///< failed because there is no usable ticket (none, or expired)
        QString error;     ///< one line from the library; empty on success
    };

    virtual ~NegotiateContext();
    /// Starts an exchange with the service (`HTTP@host`, GSS host-based form) requesting mutual authentication.
    virtual Step initiate(const QString &service) = 0;
    /// Continues it with the server's token (the `WWW-Authenticate: Negotiate <token>` of its answer).
    virtual Step proceed(const QByteArray &serverToken) = 0;

    /// A new context from this platform's library (an always-failing one if the build has none).
    static std::unique_ptr<NegotiateContext> create();
    /// What the default credentials are right now. Reads the ticket cache; no network.
    static KerberosTicket currentTicket();
    /// What kinit does: asks the KDC for a ticket for `principal` with `password` and stores the ticket (never the
    /// password) in the default ticket cache. Returns an empty string on success, else one readable line. Talks to
    /// the KDC: call it off the GUI thread. Not available everywhere (macOS, Windows: the system signs you in).
    static QString obtainTicket(const QString &principal, const QString &password);
};

} // namespace Livy
