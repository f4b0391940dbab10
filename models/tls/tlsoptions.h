// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

class QSslCertificate;
class QSslError;

namespace Livy {

/// Where a profile's client certificate (mutual TLS) comes from. Empty certificatePath = no client certificate.
struct ClientCertificateSource
{
    /// A PEM certificate (optionally followed by its intermediates, and optionally holding the key too), or a
    /// PKCS#12 bundle (.p12/.pfx, or any file that reads as one).
    QString certificatePath;
    /// The PEM private key (RSA or EC, encrypted or not). Empty for PKCS#12 or a PEM file holding both.
    QString keyPath;
    /// Decrypts the key or the PKCS#12 bundle. The app reads it from the OS keychain and hands it in; it is
    /// never stored with the profile and never appears in an error text.
    QByteArray passphrase;

    bool isEmpty() const { return certificatePath.isEmpty(); }
};

/// A profile's TLS options beyond Qt's defaults. Verification itself is always on here: turning it off is a
/// separate, explicit profile choice (ConnectionSettings::verifyTls).
struct TlsOptions
{
    /// Extra trusted CAs as PEM text (may hold several certificates), added to the system's CAs, never
    /// replacing them. Typically the company CA that signs the Livy server or its gateway.
    QString extraCaPem;
    ClientCertificateSource client;
    /// Exact server certificates the user chose to trust for this profile, as SHA-256 fingerprints
    /// ("AB:CD:…", see sha256Fingerprint()). Not part of the QSslConfiguration: consult them when a reply
    /// reports sslErrors(), through errorsCoveredByPins().
    QStringList pinnedSha256;
};

/// What buildSslConfiguration() made of a TlsOptions.
struct TlsBuild
{
    QSslConfiguration configuration;
    /// One line a user can read, naming the file concerned; empty when the options were usable. When it is not
    /// empty, do not connect with `configuration` (it lacks what failed to load): show the error instead.
    /// Never contains the passphrase.
    QString error;
    /// Set while the build still succeeded, for something the user should know: a client certificate that has
    /// expired or is not valid yet. Such a certificate is still presented (whether it is accepted is the
    /// server's decision, and its own clock's); show the warning next to the profile, so that a refused
    /// handshake has an explanation.
    QString warning;

    bool ok() const { return error.isEmpty(); }
};

/// Builds the TLS configuration of a profile: QSslConfiguration::defaultConfiguration() (peer verification on,
/// the system CAs), plus the extra CAs, plus the client identity.
///
/// Extra CAs: Qt on Linux loads the system CAs on demand and reports an empty CA list for the default
/// configuration, and adding CAs to it turns on-demand loading off, which would silently drop every system CA.
/// So when extra CAs are given, the list is made explicitly: QSslConfiguration::systemCaCertificates() plus the
/// extra ones.
///
/// Client identity: a PKCS#12 bundle when the file ends in .p12/.pfx or reads as one (QSslCertificate::
/// importPkcs12, which in Qt 6.4 with OpenSSL 3 cannot read RC2/RC4-encrypted "legacy" bundles: the error says
/// so); otherwise a PEM certificate and a PEM key (RSA, then EC; encrypted keys with the passphrase). The key
/// must belong to the certificate; of several certificates in a PEM file the one matching the key is used and
/// the others are sent as its chain.
TlsBuild buildSslConfiguration(const TlsOptions &options);

/// The certificate's SHA-256 fingerprint, "AB:CD:…" (32 upper-case hex pairs joined by colons), as
/// `openssl x509 -noout -fingerprint -sha256` prints it. Empty for a null certificate.
QString sha256Fingerprint(const QSslCertificate &certificate);

/// Whether the user's pins account for every error of a failed verification, so that the reply may ignore
/// exactly these errors. `chain` is the peer's chain as presented (leaf first: the reply's
/// sslConfiguration().peerCertificateChain()); when it is empty the errors' certificates stand for it. `pins`
/// are fingerprints as sha256Fingerprint() writes them (case and colons are not significant).
///
/// True only if the leaf certificate is pinned and each error is one that trusting this exact certificate
/// answers:
/// - about the leaf (or about no certificate in particular): its issuer is unknown or untrusted, it is
///   self-signed, it is for another host name (HostNameMismatch: the user pinned this certificate for this
///   profile's server, whatever names it carries), or it is outside its validity dates (pinning trusts the
///   certificate's key directly, not a CA's promise for a period; the dates were on show when it was pinned);
/// - about another certificate of the presented chain: only that it could not be traced to a trusted root
///   (self-signed in the chain, issuer unknown, untrusted), which no longer matters once the leaf is trusted
///   itself.
/// Never covered: an empty error list or NoError (nothing to ignore), NoPeerCertificate, revoked or blacklisted
/// certificates, bad signatures, wrong purposes, OCSP failures and anything unspecified, and any error about a
/// certificate outside the presented chain.
bool errorsCoveredByPins(const QList<QSslError> &errors, const QList<QSslCertificate> &chain,
                         const QStringList &pins);

} // namespace Livy
