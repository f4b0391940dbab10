// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QNetworkRequest;

namespace Livy {

/// How a Connection authenticates its requests. The Connection consults it for every request it builds
/// (prepare()) and when the server answers 401 (challenge()): the seam through which Basic, bearer tokens and
/// Kerberos/SPNEGO plug in without any job knowing which one is in use.
///
/// Secrets live in the authenticator's memory only (the app reads them from the OS keychain); they never appear
/// in describe(), logs or errors.
class Authenticator
{
public:
    virtual ~Authenticator();

    /// "Basic", "Bearer", …: what the details of an error may say about how the request was authenticated.
    virtual QString describe() const = 0;
    /// Adds this method's credentials to a request about to be sent.
    virtual void prepare(QNetworkRequest &request) const = 0;
    /// The server answered 401 with these `WWW-Authenticate` values. Returns true if prepare() would now send
    /// something new (a fresh token, the next leg of a handshake) that is worth one more attempt; the request is
    /// then sent once more (a 401 means the server did not carry it out, so even a POST is safe to repeat).
    virtual bool challenge(const QList<QByteArray> &wwwAuthenticate);
};

/// A fixed `Authorization` header value: "Basic …" for a user and password (also LDAP-backed Livy and Knox-style
/// gateways), "Bearer …" for a token.
class HeaderAuthenticator : public Authenticator
{
public:
    static HeaderAuthenticator basic(const QString &user, const QString &password);
    static HeaderAuthenticator bearer(const QString &token);

    QString describe() const override { return m_scheme; }
    void prepare(QNetworkRequest &request) const override;

private:
    HeaderAuthenticator(QString scheme, QByteArray value);

    QString m_scheme;
    QByteArray m_value;
};

} // namespace Livy
