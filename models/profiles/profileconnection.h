// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/connection.h"
#include "serverprofile.h"

#include <QHash>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>

#include <memory>

namespace Livy {
class Authenticator;
}

namespace LivyDesk {

/// Everything a Connection to a profile's server needs, made from the profile and its secrets (read from the OS
/// keychain by the app, keyed by ServerProfile::secretKeys()).
struct ProfileConnection
{
    Livy::ConnectionSettings settings;
    std::shared_ptr<Livy::Authenticator> authenticator; ///< null for AuthMethod::None
    /// For the network manager: QNetworkProxy::DefaultProxy means the application's (the system's) settings.
    QNetworkProxy proxy{ QNetworkProxy::DefaultProxy };
    /// One readable line when the profile cannot be used as it is (a client key that does not decrypt, a
    /// missing certificate file, a proxy URL that is not one); the connection is still made, without what
    /// failed, so that the server's answer says what it lacks.
    QString problem;
    /// Something the user should know that does not stop the connection (an expired client certificate).
    QString warning;
};

/// Builds the connection of `profile` with `secrets` (keychain key -> value). Never puts a secret anywhere but
/// the authenticator, the request headers and the TLS key.
ProfileConnection connectionFor(const ServerProfile &profile, const QHash<QString, QString> &secrets);

/// The application's proxy factory (install once with QNetworkProxyFactory::setApplicationProxyFactory()): the
/// system's proxy settings (environment or desktop), except that loopback addresses are always reached directly, so
/// a corporate `http_proxy` never captures a local Livy or a tunnel on 127.0.0.1.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;
    /// localhost, 127.0.0.0/8 and ::1.
    static bool isLoopback(const QString &host);
};

/// The proxy a profile asks for (Manual: its URL; user info is never kept in the profile).
QNetworkProxy proxyFor(const ServerProfile &profile, QString *problem = nullptr);

} // namespace LivyDesk
