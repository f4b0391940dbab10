// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace LivyDesk {

/// How a profile authenticates (the secret, if any, lives in the OS keychain under the profile id).
enum class AuthMethod {
    None,   ///< an open Livy
    Basic,  ///< user + password: Livy's LDAP mode, Knox-style gateways
    Bearer, ///< a token in `Authorization: Bearer …`
};
QString authMethodToString(AuthMethod method);
AuthMethod authMethodFromString(const QString &text, AuthMethod fallback);

/// A Livy server the user works with. Holds no secret: a password lives in the OS keychain under the profile
/// id (the app's PasswordStore), never here, in settings or in logs.
struct ServerProfile
{
    QString id;             ///< stable key (keychain entry, drafts, open sessions)
    QString name;           ///< what the user calls it; empty shows the host
    QUrl url;               ///< http(s)://host:8998
    AuthMethod auth = AuthMethod::None;
    QString userName;       ///< HTTP Basic user (Livy's LDAP mode); used with AuthMethod::Basic
    bool verifyTls = true;  ///< off only by an explicit, visibly flagged choice
    QString caCertificates; ///< optional PEM bundle for a private CA
    QString doAs;           ///< optional ?doAs= impersonation target

    QString displayName() const;
    bool isInsecure() const { return !verifyTls && url.scheme() == QLatin1String("https"); }
    bool operator==(const ServerProfile &) const = default;

    static QString newId();
};

} // namespace LivyDesk

Q_DECLARE_METATYPE(LivyDesk::ServerProfile)
