// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "authenticator.h"

#include <QNetworkRequest>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace Livy {

Authenticator::~Authenticator() = default;

bool Authenticator::challenge(const QList<QByteArray> &)
{
    return false; // fixed credentials: asking again would be refused again
}

void Authenticator::challengeAsync(const QUrl &, const QList<QByteArray> &wwwAuthenticate, QObject *,
                                   std::function<void(bool)> done)
{
    done(challenge(wwwAuthenticate));
}

QString Authenticator::verify(const QNetworkRequest &, const QList<QByteArray> &)
{
    return {};
}

QString Authenticator::explainRefusal(int, const QList<QByteArray> &, const QString &) const
{
    return {};
}

HeaderAuthenticator::HeaderAuthenticator(QString scheme, QString user, QByteArray value)
    : m_scheme(std::move(scheme))
    , m_user(std::move(user))
    , m_value(std::move(value))
{
}

HeaderAuthenticator HeaderAuthenticator::basic(const QString &user, const QString &password)
{
    return HeaderAuthenticator(QStringLiteral("Basic"), user,
                               "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64());
}

HeaderAuthenticator HeaderAuthenticator::bearer(const QString &token)
{
    return HeaderAuthenticator(QStringLiteral("Bearer"), QString(), "Bearer " + token.trimmed().toUtf8());
}

void HeaderAuthenticator::prepare(QNetworkRequest &request) const
{
    request.setRawHeader(QByteArrayLiteral("Authorization"), m_value);
}

QString HeaderAuthenticator::explainRefusal(int httpStatus, const QList<QByteArray> &wwwAuthenticate,
                                            const QString &serverText) const
{
    const QStringList schemes = challengeSchemes(wwwAuthenticate);
    const bool basic = m_scheme == QLatin1String("Basic");
    if (httpStatus == 401 && !schemes.isEmpty()
        && !schemes.contains(m_scheme, Qt::CaseInsensitive)) {
        return QObject::tr("The server does not accept %1 authentication; it asks for %2: change the "
                           "authentication of this server profile")
            .arg(m_scheme, schemes.join(QLatin1String(", ")));
    }
    // Livy's LDAP filter answers a wrong password (or an unknown user) with 403 "Error validating LDAP user";
    // a gateway answers 401. Either way the credentials are what to fix.
    const bool ldap = serverText.contains(QLatin1String("LDAP"), Qt::CaseInsensitive);
    if (basic && (httpStatus == 401 || ldap)) {
        return QObject::tr("The server did not accept the password for user \"%1\"%2: check the user name and "
                           "password of this server profile")
            .arg(m_user, ldap ? QObject::tr(" (%1)").arg(serverText.simplified().left(120)) : QString());
    }
    if (!basic && httpStatus == 401)
        return QObject::tr("The server did not accept the token: it may have expired; paste a new one in the "
                           "server profile");
    return {};
}

QStringList challengeSchemes(const QList<QByteArray> &wwwAuthenticate)
{
    QStringList schemes;
    for (const QByteArray &value : wwwAuthenticate) {
        // A header may list several challenges ("Negotiate, Basic realm=…"); a scheme is a token that is not
        // followed by '=' (parameters are name=value).
        for (const QByteArray &part : value.split(',')) {
            const QByteArray trimmed = part.trimmed();
            const qsizetype space = trimmed.indexOf(' ');
            const QByteArray first = space < 0 ? trimmed : trimmed.left(space);
            if (first.isEmpty() || first.contains('='))
                continue;
            const QString scheme = QString::fromLatin1(first);
            if (!schemes.contains(scheme, Qt::CaseInsensitive))
                schemes.append(scheme);
        }
    }
    return schemes;
}

QString explainRefusal(const Authenticator *authenticator, int httpStatus, const QList<QByteArray> &wwwAuthenticate,
                       const QString &serverText)
{
    if (httpStatus != 401 && httpStatus != 403)
        return {};
    if (authenticator)
        return authenticator->explainRefusal(httpStatus, wwwAuthenticate, serverText);
    if (httpStatus != 401)
        return {};
    const QStringList schemes = challengeSchemes(wwwAuthenticate);
    if (schemes.contains(QLatin1String("Negotiate"), Qt::CaseInsensitive))
        return QObject::tr("The server requires Kerberos: choose Kerberos as this server profile's authentication "
                           "and get a ticket with kinit");
    if (schemes.contains(QLatin1String("Basic"), Qt::CaseInsensitive))
        return QObject::tr("The server requires a user name and password: set them in this server profile");
    if (schemes.contains(QLatin1String("Bearer"), Qt::CaseInsensitive))
        return QObject::tr("The server requires a token: set one in this server profile");
    return QObject::tr("The server requires authentication: set it up in this server profile");
}

} // namespace Livy
