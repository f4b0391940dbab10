// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// Forward declarations only: views include this header and never QtNetwork's.
class QSslCertificate;
class QSslError;

namespace Livy {

/// One certificate of a chain, as text for display (the certificate dialog, "copy details"): no Qt Network type
/// leaks through it, so a view can show it.
struct CertificateDetails
{
    QString commonName;
    QString organization;
    QString organizationalUnit;
    /// The whole distinguished names, "CN=…, OU=…, O=…, C=…".
    QString subject;
    QString issuer;
    QString issuerCommonName;
    /// As Qt gives it: lower-case hex pairs joined by colons.
    QString serialNumber;
    /// UTC.
    QDateTime validFrom;
    QDateTime validUntil;
    /// "AB:CD:…" (sha256Fingerprint() in tlsoptions.h); SHA-1 only for comparing with older tools.
    QString sha256;
    QString sha1;
    /// "DNS:livy.example.org", "IP:10.0.0.5", "Email:…".
    QStringList subjectAlternativeNames;
    bool selfSigned = false;
    /// Its basic constraints say it may sign other certificates (CA:TRUE).
    bool certificateAuthority = false;

    static CertificateDetails from(const QSslCertificate &certificate);

    /// The common name, else the organization, else the subject: a list entry.
    QString displayName() const;
    /// "expired", "not valid yet" or empty, at `now` (UTC).
    QString validityProblem(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// Labelled lines: subject, issuer, validity, alternative names, serial, fingerprints, self-signed, CA.
    /// `splitHex` breaks the serial and fingerprints into lines of 16 pairs (for a narrow panel); the default keeps
    /// each on one line, as openssl prints them, to compare with.
    QString toText(bool splitHex = false) const;
};

/// Why a server's certificate chain was not accepted, for the certificate dialog: the chain (leaf first) and the
/// verification errors, each tied to the certificate it concerns. Built in models from Qt's QSslError list,
/// read by views as plain values.
struct CertificateChainInfo
{
    /// The one cause a user is told first (see reasonText()), from the most telling of the errors.
    enum class Reason {
        None,
        Revoked,
        SelfSigned,
        UntrustedIssuer,
        HostNameMismatch,
        Expired,
        NotYetValid,
        Other,
    };

    struct Problem
    {
        /// Qt's own sentence for the error (QSslError::errorString()).
        QString text;
        /// Index into `certificates`, or -1 when it concerns the connection rather than one certificate.
        int certificateIndex = -1;
    };

    /// Leaf (the server's own certificate) first, then its issuers as presented; a certificate an error names
    /// that is not in the chain is appended.
    QList<CertificateDetails> certificates;
    QList<Problem> problems;
    Reason reason = Reason::None;
    /// Whether pinning the leaf would answer every problem (errorsCoveredByPins() with the leaf's fingerprint):
    /// false for a revoked certificate, a bad signature, a missing certificate, … where "trust this
    /// certificate" must not be offered, since pinning could not make the connection work.
    bool canBePinned = false;

    /// `chain` as the reply presented it (sslConfiguration().peerCertificateChain()); when it is empty, the
    /// errors' certificates make up the list.
    static CertificateChainInfo fromErrors(const QList<QSslError> &errors, const QList<QSslCertificate> &chain);

    bool isEmpty() const { return certificates.isEmpty() && problems.isEmpty(); }
    /// The leaf's SHA-256 fingerprint: what "trust this certificate" pins. Empty without a certificate.
    QString leafSha256() const;
    /// True when the leaf was issued by someone else (not self-signed): adding that authority's CA certificate
    /// to the profile is then the better fix than pinning one server certificate.
    bool leafIssuedByAuthority() const;
    /// One sentence saying why, e.g. "The certificate of livy.example.org:8443 is signed by an authority this
    /// computer does not trust."
    QString reasonText(const QString &serverName) const;
    /// Plain text for "copy details": the problems, then every certificate's toText().
    QString toText() const;
};

} // namespace Livy
