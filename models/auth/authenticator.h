// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class QNetworkRequest;
class QObject;
class QUrl;

namespace Livy {

/// How a Connection authenticates its requests. The Connection consults it for every request it builds
/// (prepare()), when the server answers 401 (challengeAsync()), for every other answer (verify()) and to word a
/// refusal (explainRefusal()): the seam through which Basic, bearer tokens and Kerberos/SPNEGO plug in without
/// any job knowing which one is in use.
///
/// Secrets live in the authenticator's memory only (the app reads them from the OS keychain); they never appear
/// in describe(), identity(), logs or errors.
class Authenticator
{
public:
    virtual ~Authenticator();

    /// "Basic", "Bearer", …: what the details of an error may say about how the request was authenticated.
    virtual QString describe() const = 0;
    /// Who the requests authenticate as, for the status area ("alice", "alice@EXAMPLE.COM"); empty if unknown.
    virtual QString identity() const { return {}; }
    /// Adds this method's credentials to a request about to be sent.
    virtual void prepare(QNetworkRequest &request) const = 0;
    /// The server answered 401 with these `WWW-Authenticate` values. Returns true if prepare() would now send
    /// something new (a fresh token, the next leg of a handshake) that is worth one more attempt; the request is
    /// then sent once more (a 401 means the server did not carry it out, so even a POST is safe to repeat).
    virtual bool challenge(const QList<QByteArray> &wwwAuthenticate);
    /// What jobs call: the same decision, delivered through `done` (once, in `receiver`'s thread, possibly before
    /// this returns), so that an authenticator can do slow work (fetching a Kerberos service ticket from the KDC)
    /// off the GUI thread. The default calls challenge().
    virtual void challengeAsync(const QUrl &url, const QList<QByteArray> &wwwAuthenticate, QObject *receiver,
                                std::function<void(bool retry)> done);
    /// Called for every answer other than a 401 to a request that prepare() handled, with its `WWW-Authenticate`
    /// values: checks what the server proved about itself (SPNEGO mutual authentication). A non-empty result is
    /// one readable line saying why the answer must not be trusted; the job then fails with it.
    virtual QString verify(const QNetworkRequest &sent, const QList<QByteArray> &wwwAuthenticate);
    /// One readable line for a 401 or 403 that stands after any retry: what went wrong and what to fix (for
    /// example "run kinit"), or an empty string to keep the server's own words.
    virtual QString explainRefusal(int httpStatus, const QList<QByteArray> &wwwAuthenticate,
                                   const QString &serverText) const;
};

/// A fixed `Authorization` header value: "Basic …" for a user and password (also LDAP-backed Livy and Knox-style
/// gateways), "Bearer …" for a token.
class HeaderAuthenticator : public Authenticator
{
public:
    static HeaderAuthenticator basic(const QString &user, const QString &password);
    static HeaderAuthenticator bearer(const QString &token);

    QString describe() const override { return m_scheme; }
    QString identity() const override { return m_user; }
    void prepare(QNetworkRequest &request) const override;
    QString explainRefusal(int httpStatus, const QList<QByteArray> &wwwAuthenticate,
                           const QString &serverText) const override;

private:
    HeaderAuthenticator(QString scheme, QString user, QByteArray value);

    QString m_scheme;
    QString m_user;
    QByteArray m_value;
};

/// The `WWW-Authenticate` schemes offered ("Negotiate", "Basic", …), in order, without their parameters.
QStringList challengeSchemes(const QList<QByteArray> &wwwAuthenticate);

/// One readable line for a 401 or 403 that stands: the authenticator's explanation if it has one, else what the
/// server asks for when no method is configured ("The server requires Kerberos: choose Kerberos in the server
/// profile…"), else an empty string (the server's own words stand).
QString explainRefusal(const Authenticator *authenticator, int httpStatus, const QList<QByteArray> &wwwAuthenticate,
                       const QString &serverText);

} // namespace Livy
