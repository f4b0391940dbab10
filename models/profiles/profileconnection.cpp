// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileconnection.h"

#include "auth/authenticator.h"
#include "auth/negotiateauthenticator.h"
#include "tls/tlsoptions.h"

#include <QFile>
#include <QHostAddress>
#include <QObject>

namespace LivyDesk {

bool SystemProxyFactory::isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QList<QNetworkProxy> SystemProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (isLoopback(query.peerHostName()))
        return { QNetworkProxy(QNetworkProxy::NoProxy) };
    return systemProxyForQuery(query);
}

QNetworkProxy proxyFor(const ServerProfile &profile, QString *problem)
{
    switch (profile.proxy) {
    case ProxyMode::System:
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    case ProxyMode::None:
        return QNetworkProxy(QNetworkProxy::NoProxy);
    case ProxyMode::Manual:
        break;
    }
    const QUrl url = QUrl::fromUserInput(profile.proxyUrl.trimmed());
    const bool socks = url.scheme().startsWith(QLatin1String("socks"));
    if (!url.isValid() || url.host().isEmpty() || (!socks && url.scheme() != QLatin1String("http")
                                                   && url.scheme() != QLatin1String("https"))) {
        if (problem)
            *problem = QObject::tr("The proxy \"%1\" is not an http:// or socks5:// address; connecting without it")
                           .arg(profile.proxyUrl);
        return QNetworkProxy(QNetworkProxy::NoProxy);
    }
    return QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                         quint16(url.port(socks ? 1080 : 3128)));
}

ProfileConnection connectionFor(const ServerProfile &profile, const QHash<QString, QString> &secrets)
{
    ProfileConnection result;
    Livy::ConnectionSettings &settings = result.settings;
    settings.baseUrl = profile.url;
    settings.verifyTls = profile.verifyTls;
    settings.doAs = profile.doAs.trimmed();
    settings.pinnedCertificates = profile.pinnedCertificates;

    for (const ExtraHeader &header : profile.headers) {
        const QByteArray name = header.name.trimmed().toLatin1();
        if (name.isEmpty())
            continue;
        const QString value = header.secret ? secrets.value(profile.headerSecretKey(header.name)) : header.value;
        settings.extraHeaders.append({ name, value.toUtf8() });
    }

    if (profile.url.scheme() == QLatin1String("https")) {
        Livy::TlsOptions tls;
        // The profile names a PEM file (older profiles and power users may paste the PEM itself).
        const QString ca = profile.caCertificates.trimmed();
        if (ca.startsWith(QLatin1String("-----BEGIN"))) {
            tls.extraCaPem = ca;
        } else if (!ca.isEmpty()) {
            QFile file(ca);
            if (file.open(QIODevice::ReadOnly))
                tls.extraCaPem = QString::fromLatin1(file.readAll());
            else
                result.problem = QObject::tr("The CA bundle %1 cannot be read (%2)").arg(ca, file.errorString());
        }
        tls.client.certificatePath = profile.clientCertificate;
        tls.client.keyPath = profile.clientKey;
        tls.client.passphrase = secrets.value(profile.passphraseKey()).toUtf8();
        tls.pinnedSha256 = profile.pinnedCertificates;
        const Livy::TlsBuild built = Livy::buildSslConfiguration(tls);
        if (result.problem.isEmpty())
            result.problem = built.error;
        result.warning = built.warning;
        if (built.ok())
            settings.sslConfiguration = built.configuration;
    }

    switch (profile.auth) {
    case AuthMethod::None:
        break;
    case AuthMethod::Basic:
        result.authenticator = std::make_shared<Livy::HeaderAuthenticator>(
            Livy::HeaderAuthenticator::basic(profile.userName, secrets.value(profile.secretKey())));
        break;
    case AuthMethod::Bearer:
        if (const QString token = secrets.value(profile.secretKey()); !token.isEmpty())
            result.authenticator = std::make_shared<Livy::HeaderAuthenticator>(Livy::HeaderAuthenticator::bearer(token));
        break;
    case AuthMethod::Kerberos:
        result.authenticator = std::make_shared<Livy::NegotiateAuthenticator>(profile.kerberosService.trimmed());
        break;
    }

    QString proxyProblem;
    result.proxy = proxyFor(profile, &proxyProblem);
    if (result.problem.isEmpty())
        result.problem = proxyProblem;
    return result;
}

} // namespace LivyDesk
