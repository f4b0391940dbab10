// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificateinfo.h"

#include "tlsoptions.h"

#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslError>

namespace Livy {

namespace {

/// "CN=…, OU=…, O=…" in the usual reading order, then any other attributes.
QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    const QList<QByteArray> attributes = issuer ? certificate.issuerInfoAttributes()
                                                : certificate.subjectInfoAttributes();
    static const QList<QByteArray> order = {"CN", "OU", "O", "L", "ST", "C"};
    QList<QByteArray> sorted;
    for (const QByteArray &a : order) {
        if (attributes.contains(a))
            sorted.append(a);
    }
    for (const QByteArray &a : attributes) {
        if (!sorted.contains(a))
            sorted.append(a);
    }
    QStringList parts;
    for (const QByteArray &a : std::as_const(sorted)) {
        const QStringList values = issuer ? certificate.issuerInfo(a) : certificate.subjectInfo(a);
        for (const QString &v : values)
            parts.append(QString::fromLatin1(a) + u'=' + v);
    }
    return parts.join(QStringLiteral(", "));
}

QString joined(const QStringList &values)
{
    return values.join(QStringLiteral(", "));
}

QString formatDate(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : QStringLiteral("?");
}

CertificateChainInfo::Reason reasonOf(QSslError::SslError error)
{
    using R = CertificateChainInfo::Reason;
    switch (error) {
    case QSslError::NoError: return R::None;
    case QSslError::CertificateRevoked: return R::Revoked;
    case QSslError::SelfSignedCertificate: return R::SelfSigned;
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
        return R::UntrustedIssuer;
    case QSslError::HostNameMismatch: return R::HostNameMismatch;
    case QSslError::CertificateExpired: return R::Expired;
    case QSslError::CertificateNotYetValid: return R::NotYetValid;
    default: return R::Other;
    }
}

} // namespace

CertificateDetails CertificateDetails::from(const QSslCertificate &certificate)
{
    CertificateDetails d;
    if (certificate.isNull())
        return d;
    d.commonName = joined(certificate.subjectInfo(QSslCertificate::CommonName));
    d.organization = joined(certificate.subjectInfo(QSslCertificate::Organization));
    d.organizationalUnit = joined(certificate.subjectInfo(QSslCertificate::OrganizationalUnitName));
    d.subject = distinguishedName(certificate, false);
    d.issuer = distinguishedName(certificate, true);
    d.issuerCommonName = joined(certificate.issuerInfo(QSslCertificate::CommonName));
    d.serialNumber = QString::fromLatin1(certificate.serialNumber());
    d.validFrom = certificate.effectiveDate().toUTC();
    d.validUntil = certificate.expiryDate().toUTC();
    d.sha256 = sha256Fingerprint(certificate);
    d.sha1 = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha1).toHex(':').toUpper());
    const auto names = certificate.subjectAlternativeNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        switch (it.key()) {
        case QSsl::DnsEntry: d.subjectAlternativeNames.append(QStringLiteral("DNS:") + it.value()); break;
        case QSsl::IpAddressEntry: d.subjectAlternativeNames.append(QStringLiteral("IP:") + it.value()); break;
        case QSsl::EmailEntry: d.subjectAlternativeNames.append(QStringLiteral("Email:") + it.value()); break;
        }
    }
    d.selfSigned = certificate.isSelfSigned();
    for (const QSslCertificateExtension &extension : certificate.extensions()) {
        if (extension.name() == QLatin1String("basicConstraints"))
            d.certificateAuthority = extension.value().toMap().value(QStringLiteral("ca")).toBool();
    }
    return d;
}

QString CertificateDetails::displayName() const
{
    if (!commonName.isEmpty())
        return commonName;
    if (!organization.isEmpty())
        return organization;
    return subject.isEmpty() ? QStringLiteral("(no name)") : subject;
}

QString CertificateDetails::validityProblem(const QDateTime &now) const
{
    if (validUntil.isValid() && validUntil < now)
        return QStringLiteral("expired");
    if (validFrom.isValid() && validFrom > now)
        return QStringLiteral("not valid yet");
    return {};
}

QString CertificateDetails::toText(bool splitHex) const
{
    // Labels padded to one width: the values line up in a fixed-width font and in a pasted text.
    constexpr int Indent = 23;
    QStringList lines;
    auto add = [&lines](const char *label, const QString &value) {
        lines << QString(QLatin1String(label) + u':').leftJustified(Indent) + value;
    };
    auto hex = [splitHex](const QString &pairs) {
        constexpr int PerLine = 16 * 3; // "AB:" x 16
        if (!splitHex || pairs.size() <= PerLine)
            return pairs;
        QStringList parts;
        for (qsizetype at = 0; at < pairs.size(); at += PerLine)
            parts << pairs.mid(at, PerLine);
        return parts.join(u'\n' + QString(Indent, u' '));
    };
    const QString problem = validityProblem();
    const auto yesNo = [](bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); };
    add("Subject", subject);
    add("Issued by", issuer);
    add("Valid from", formatDate(validFrom));
    add("Valid until", formatDate(validUntil) + (problem.isEmpty() ? QString() : QStringLiteral(" (") + problem + u')'));
    if (!subjectAlternativeNames.isEmpty())
        add("Alternative names", subjectAlternativeNames.join(QStringLiteral(", ")));
    add("Serial number", hex(serialNumber));
    add("SHA-256 fingerprint", hex(sha256));
    add("SHA-1 fingerprint", hex(sha1));
    add("Self-signed", yesNo(selfSigned));
    add("Certificate authority", yesNo(certificateAuthority));
    return lines.join(u'\n');
}

CertificateChainInfo CertificateChainInfo::fromErrors(const QList<QSslError> &errors,
                                                      const QList<QSslCertificate> &chain)
{
    CertificateChainInfo info;
    QList<QSslCertificate> shown;
    auto indexOf = [&](const QSslCertificate &certificate) {
        if (certificate.isNull())
            return -1;
        qsizetype at = shown.indexOf(certificate);
        if (at < 0) {
            shown.append(certificate);
            info.certificates.append(CertificateDetails::from(certificate));
            at = shown.size() - 1;
        }
        return int(at);
    };
    for (const QSslCertificate &certificate : chain)
        indexOf(certificate);

    // The most telling cause leads: a revoked or self-signed certificate says more than a name mismatch.
    static const QList<Reason> priority = {Reason::Revoked,  Reason::SelfSigned,  Reason::UntrustedIssuer,
                                           Reason::HostNameMismatch, Reason::Expired, Reason::NotYetValid,
                                           Reason::Other};
    qsizetype best = priority.size();
    for (const QSslError &error : errors) {
        if (error.error() == QSslError::NoError)
            continue;
        info.problems.append({error.errorString(), indexOf(error.certificate())});
        const qsizetype rank = priority.indexOf(reasonOf(error.error()));
        if (rank >= 0 && rank < best)
            best = rank;
    }
    info.reason = best < priority.size() ? priority[best] : Reason::None;
    const QString leaf = info.leafSha256();
    info.canBePinned = !leaf.isEmpty() && errorsCoveredByPins(errors, chain, {leaf});
    return info;
}

QString CertificateChainInfo::leafSha256() const
{
    return certificates.isEmpty() ? QString() : certificates.first().sha256;
}

bool CertificateChainInfo::leafIssuedByAuthority() const
{
    return !certificates.isEmpty() && !certificates.first().selfSigned;
}

QString CertificateChainInfo::reasonText(const QString &serverName) const
{
    const QString leafName = certificates.isEmpty() ? QString() : certificates.first().displayName();
    switch (reason) {
    case Reason::None: return QStringLiteral("The certificate of %1 could not be verified.").arg(serverName);
    case Reason::Revoked:
        return QStringLiteral("The certificate of %1 has been revoked by its issuer: do not trust it.").arg(serverName);
    case Reason::SelfSigned:
        return QStringLiteral("The certificate of %1 is self-signed: no authority this computer trusts vouches for it.")
            .arg(serverName);
    case Reason::UntrustedIssuer:
        return QStringLiteral("The certificate of %1 is signed by an authority this computer does not trust.")
            .arg(serverName);
    case Reason::HostNameMismatch:
        return QStringLiteral("The certificate presented by %1 was issued for another name (%2).")
            .arg(serverName, leafName);
    case Reason::Expired: {
        const QDateTime until = certificates.isEmpty() ? QDateTime() : certificates.first().validUntil;
        return QStringLiteral("The certificate of %1 expired on %2.").arg(serverName, formatDate(until));
    }
    case Reason::NotYetValid: {
        const QDateTime from = certificates.isEmpty() ? QDateTime() : certificates.first().validFrom;
        return QStringLiteral("The certificate of %1 is not valid before %2.").arg(serverName, formatDate(from));
    }
    case Reason::Other: break;
    }
    return QStringLiteral("The certificate of %1 could not be verified: %2")
        .arg(serverName, problems.isEmpty() ? QStringLiteral("unknown error") : problems.first().text);
}

QString CertificateChainInfo::toText() const
{
    QStringList out;
    out << QStringLiteral("Problems:");
    for (const Problem &p : problems) {
        const QString about = p.certificateIndex >= 0 && p.certificateIndex < certificates.size()
                                  ? QStringLiteral(" [certificate %1: %2]")
                                        .arg(p.certificateIndex + 1)
                                        .arg(certificates[p.certificateIndex].displayName())
                                  : QString();
        out << QStringLiteral("- ") + p.text + about;
    }
    out << QString() << QStringLiteral("Certificate chain (the server's certificate first):");
    for (qsizetype i = 0; i < certificates.size(); ++i) {
        out << QString() << QStringLiteral("Certificate %1: %2").arg(i + 1).arg(certificates[i].displayName());
        out << certificates[i].toText();
    }
    return out.join(u'\n');
}

} // namespace Livy
