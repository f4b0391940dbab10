// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace LivyDesk {

/// How a profile authenticates (the secret, if any, lives in the OS keychain under the profile id).
enum class AuthMethod {
    None,   ///< an open Livy
    Basic,  ///< user + password: Livy's LDAP mode, Knox-style gateways
    Bearer, ///< a token in `Authorization: Bearer …`
    Kerberos, ///< SPNEGO with the user's ticket (kinit); no secret at all
};
QString authMethodToString(AuthMethod method);
AuthMethod authMethodFromString(const QString &text, AuthMethod fallback);

/// A header every request carries (a gateway's API key, a tenant id). A secret one keeps its value in the OS
/// keychain (`value` is then empty here and in settings).
struct ExtraHeader
{
    QString name;
    QString value;
    bool secret = false;
    bool operator==(const ExtraHeader &) const = default;
};

/// How requests reach the server: the system's proxy settings, none, or one given here.
enum class ProxyMode { System, None, Manual };

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
    QString kerberosService; ///< GSS service name override ("HTTP@livy.example.com"); empty = HTTP@<url host>
    QList<ExtraHeader> headers;
    QString clientCertificate; ///< PEM or PKCS#12 (.p12/.pfx) file for TLS client authentication
    QString clientKey;      ///< PEM key file; empty when the certificate file holds the key (PKCS#12, combined PEM)
    bool clientKeyEncrypted = false; ///< its passphrase is in the keychain
    QStringList pinnedCertificates; ///< SHA-256 fingerprints of server certificates the user chose to trust
    ProxyMode proxy = ProxyMode::System;
    QString proxyUrl;       ///< http://proxy:3128 (ProxyMode::Manual); user info is not stored here
    /// Where a session's Spark UI is when Livy reports no `sparkUiUrl` (local mode, some Kubernetes set-ups):
    /// a URL template such as `http://{livy.host}:{conf:spark.ui.port}` (see Livy::locateSparkUi()); empty = only
    /// what Livy reports, or a local-mode session's `spark.ui.port` on the Livy host.
    QString sparkUiTemplate;

    /// Keychain entries of this profile's secrets (all keyed by its id): the password or token, secret headers,
    /// the client key's passphrase.
    QString secretKey() const { return id; }
    QString headerSecretKey(const QString &headerName) const { return id + QStringLiteral("/header/") + headerName; }
    QString passphraseKey() const { return id + QStringLiteral("/client-key"); }
    /// Every keychain entry this profile uses now.
    QStringList secretKeys() const;

    QString displayName() const;
    bool isInsecure() const { return !verifyTls && url.scheme() == QLatin1String("https"); }
    bool operator==(const ServerProfile &) const = default;

    static QString newId();
};

} // namespace LivyDesk

Q_DECLARE_METATYPE(LivyDesk::ServerProfile)
