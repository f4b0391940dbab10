// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsoptions.h"

#include "derinspect.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslError>
#include <QSslKey>
#include <QSslSocket>

#include <algorithm>

namespace Livy {

namespace {

/// Certificates, keys and bundles are small; anything larger is the wrong file.
constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

const QByteArray PemBegin = QByteArrayLiteral("-----BEGIN ");
const QByteArray PemCertificate = QByteArrayLiteral("-----BEGIN CERTIFICATE-----");

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

struct FileRead
{
    QByteArray data;
    QString error;
};

/// Reads a whole file; `what` names it in the error ("client certificate", "client key").
FileRead readFile(const QString &path, const QString &what)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {{}, QStringLiteral("The %1 file was not found: %2").arg(what, shown(path))};
    if (info.isDir())
        return {{}, QStringLiteral("The %1 file is a folder, not a file: %2").arg(what, shown(path))};
    if (info.size() > MaxFileBytes)
        return {{}, QStringLiteral("The %1 file is too large to be one: %2").arg(what, shown(path))};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, QStringLiteral("The %1 file could not be read (%2): %3").arg(what, file.errorString(), shown(path))};
    return {file.readAll(), {}};
}

/// Fingerprint text without separators, upper-case: pins are compared in this form.
QString normalizedFingerprint(const QString &fingerprint)
{
    QString out;
    out.reserve(64);
    for (const QChar c : fingerprint) {
        if (c.isLetterOrNumber())
            out.append(c.toUpper());
    }
    return out;
}

struct Identity
{
    QSslKey key;
    QList<QSslCertificate> chain; // leaf first
    QString error;
};

QString wrongPassphrase(const QByteArray &passphrase, const QString &path)
{
    if (passphrase.isEmpty())
        return QStringLiteral("The client key is encrypted and no passphrase was given: %1").arg(shown(path));
    return QStringLiteral("The client key could not be decrypted: wrong passphrase? (%1)").arg(shown(path));
}

Identity loadPkcs12(const QByteArray &data, const QString &path, const QByteArray &passphrase)
{
    Identity id;
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QSslCertificate certificate;
    QList<QSslCertificate> authorities;
    if (!QSslCertificate::importPkcs12(&buffer, &id.key, &certificate, &authorities, passphrase)) {
        // Qt reports no reason; the file's own structure tells a wrong passphrase from the wrong file.
        if (!DerInspect::looksLikePkcs12(data))
            id.error = QStringLiteral("The client certificate file is neither a PKCS#12 bundle nor a PEM certificate: %1")
                           .arg(shown(path));
        else if (DerInspect::usesLegacyPkcs12Cipher(data))
            id.error = QStringLiteral("The client certificate bundle could not be opened: wrong passphrase, or it uses "
                                      "old RC2/RC4 encryption that OpenSSL 3 no longer reads (export it again "
                                      "without -legacy) (%1)")
                           .arg(shown(path));
        else
            id.error = wrongPassphrase(passphrase, path);
        return id;
    }
    if (id.key.isNull() || certificate.isNull()) {
        id.error = QStringLiteral("The PKCS#12 bundle holds no client certificate with its private key: %1").arg(shown(path));
        return id;
    }
    id.chain.append(certificate);
    for (const QSslCertificate &ca : std::as_const(authorities)) {
        if (ca != certificate)
            id.chain.append(ca);
    }
    return id;
}

/// The first "-----BEGIN … PRIVATE KEY-----" block of a PEM text (with its headers), or empty.
QByteArray privateKeyBlock(const QByteArray &pem)
{
    for (qsizetype at = pem.indexOf(PemBegin); at >= 0; at = pem.indexOf(PemBegin, at + 1)) {
        const qsizetype eol = pem.indexOf('\n', at);
        const QByteArray line = pem.mid(at, eol < 0 ? -1 : eol - at).trimmed();
        if (!line.endsWith("PRIVATE KEY-----"))
            continue;
        const QByteArray endLine = "-----END " + line.mid(PemBegin.size());
        const qsizetype end = pem.indexOf(endLine, at);
        if (end < 0)
            return {};
        return pem.mid(at, end + endLine.size() - at) + '\n';
    }
    return {};
}

bool isEncryptedKey(const QByteArray &block)
{
    return block.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----") || block.contains("Proc-Type: 4,ENCRYPTED");
}

Identity loadPem(const QList<QSslCertificate> &certificates, const QString &certificatePath, const QByteArray &keyData,
                 const QString &keyPath, const QByteArray &passphrase)
{
    Identity id;
    const QByteArray block = privateKeyBlock(keyData);
    if (block.isEmpty()) {
        id.error = keyPath == certificatePath
                       ? QStringLiteral("The client certificate file holds no private key; choose the key file too: %1")
                             .arg(shown(certificatePath))
                       : QStringLiteral("The client key file holds no PEM private key: %1").arg(shown(keyPath));
        return id;
    }
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        id.key = QSslKey(block, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!id.key.isNull())
            break;
    }
    if (id.key.isNull()) {
        id.error = isEncryptedKey(block)
                       ? wrongPassphrase(passphrase, keyPath)
                       : QStringLiteral("The client key is neither an RSA nor an EC private key: %1").arg(shown(keyPath));
        return id;
    }

    // The certificate that belongs to the key leads; the others follow as its chain.
    qsizetype leaf = -1;
    qsizetype unknown = -1;
    for (qsizetype i = 0; i < certificates.size() && leaf < 0; ++i) {
        switch (DerInspect::matchKey(id.key, certificates[i])) {
        case DerInspect::KeyMatch::Matches: leaf = i; break;
        case DerInspect::KeyMatch::Unknown:
            if (unknown < 0)
                unknown = i;
            break;
        case DerInspect::KeyMatch::DiffersFromCertificate: break;
        }
    }
    if (leaf < 0)
        leaf = unknown; // cannot tell here: OpenSSL checks the pair when it connects
    if (leaf < 0) {
        id.error = keyPath == certificatePath
                       ? QStringLiteral("The private key does not belong to the client certificate: %1").arg(shown(keyPath))
                       : QStringLiteral("The client key does not belong to the client certificate: %1 and %2")
                             .arg(shown(keyPath), shown(certificatePath));
        return id;
    }
    id.chain.append(certificates[leaf]);
    for (qsizetype i = 0; i < certificates.size(); ++i) {
        if (i != leaf)
            id.chain.append(certificates[i]);
    }
    return id;
}

Identity loadIdentity(const ClientCertificateSource &source)
{
    Identity id;
    if (source.certificatePath.isEmpty()) {
        if (!source.keyPath.isEmpty())
            id.error = QStringLiteral("A client key was given without its certificate: %1").arg(shown(source.keyPath));
        return id;
    }
    const FileRead certificateFile = readFile(source.certificatePath, QStringLiteral("client certificate"));
    if (!certificateFile.error.isEmpty()) {
        id.error = certificateFile.error;
        return id;
    }
    const QByteArray &data = certificateFile.data;
    const bool isPem = data.contains(PemBegin);
    const QString suffix = QFileInfo(source.certificatePath).suffix().toLower();
    const bool pkcs12Name = suffix == QLatin1String("p12") || suffix == QLatin1String("pfx");
    if (!isPem && source.keyPath.isEmpty() && (pkcs12Name || DerInspect::looksLikePkcs12(data)))
        return loadPkcs12(data, source.certificatePath, source.passphrase);

    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, isPem ? QSsl::Pem : QSsl::Der);
    certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (certificates.isEmpty()) {
        id.error = QStringLiteral("The client certificate file holds no certificate: %1").arg(shown(source.certificatePath));
        return id;
    }
    if (source.keyPath.isEmpty())
        return loadPem(certificates, source.certificatePath, data, source.certificatePath, source.passphrase);
    const FileRead keyFile = readFile(source.keyPath, QStringLiteral("client key"));
    if (!keyFile.error.isEmpty()) {
        id.error = keyFile.error;
        return id;
    }
    return loadPem(certificates, source.certificatePath, keyFile.data, source.keyPath, source.passphrase);
}

/// A warning for a client certificate outside its validity dates (still presented: see TlsBuild::warning).
QString validityWarning(const QSslCertificate &certificate)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString name = certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    const QString who = name.isEmpty() ? QStringLiteral("The client certificate")
                                       : QStringLiteral("The client certificate \"%1\"").arg(name);
    if (certificate.expiryDate().isValid() && certificate.expiryDate() < now)
        return QStringLiteral("%1 expired on %2; the server will probably refuse it.")
            .arg(who, certificate.expiryDate().toUTC().toString(Qt::ISODate));
    if (certificate.effectiveDate().isValid() && certificate.effectiveDate() > now)
        return QStringLiteral("%1 is not valid before %2; the server will probably refuse it.")
            .arg(who, certificate.effectiveDate().toUTC().toString(Qt::ISODate));
    return {};
}

} // namespace

TlsBuild buildSslConfiguration(const TlsOptions &options)
{
    TlsBuild build;
    build.configuration = QSslConfiguration::defaultConfiguration();
    build.configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);

    const QByteArray caPem = options.extraCaPem.trimmed().toUtf8();
    if (!caPem.isEmpty()) {
        QList<QSslCertificate> extra = QSslCertificate::fromData(caPem, QSsl::Pem);
        extra.removeIf([](const QSslCertificate &c) { return c.isNull(); });
        if (extra.isEmpty()) {
            build.error = QStringLiteral("The extra CA certificates hold no PEM certificate "
                                         "(a block starting with -----BEGIN CERTIFICATE-----).");
            return build;
        }
        if (extra.size() < caPem.count(PemCertificate)) {
            build.error = QStringLiteral("%1 of the %2 extra CA certificates could not be read.")
                              .arg(caPem.count(PemCertificate) - extra.size())
                              .arg(caPem.count(PemCertificate));
            return build;
        }
        // Not addCaCertificates() on the default configuration: that turns off the on-demand loading through
        // which Qt uses the system CAs, and the result would trust the extra CAs only.
        QList<QSslCertificate> all = QSslConfiguration::systemCaCertificates();
        for (const QSslCertificate &ca : std::as_const(extra)) {
            if (!all.contains(ca))
                all.append(ca);
        }
        build.configuration.setCaCertificates(all);
    }

    const Identity identity = loadIdentity(options.client);
    if (!identity.error.isEmpty()) {
        build.error = identity.error;
        return build;
    }
    if (!identity.chain.isEmpty()) {
        build.configuration.setLocalCertificateChain(identity.chain);
        build.configuration.setPrivateKey(identity.key);
        build.warning = validityWarning(identity.chain.first());
    }
    return build;
}

QString sha256Fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

namespace {

/// Errors that trusting the exact leaf certificate answers (see errorsCoveredByPins()).
bool coveredForLeaf(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::HostNameMismatch:
    case QSslError::CertificateNotYetValid:
    case QSslError::CertificateExpired:
        return true;
    default:
        return false;
    }
}

/// Errors about the rest of the chain that no longer matter once the leaf is trusted itself.
bool coveredForIssuer(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
        return true;
    default:
        return false;
    }
}

} // namespace

bool errorsCoveredByPins(const QList<QSslError> &errors, const QList<QSslCertificate> &chain, const QStringList &pins)
{
    if (errors.isEmpty() || pins.isEmpty())
        return false;
    QSslCertificate leaf = chain.value(0);
    if (leaf.isNull()) {
        for (const QSslError &e : errors) {
            if (!e.certificate().isNull()) {
                leaf = e.certificate();
                break;
            }
        }
    }
    if (leaf.isNull())
        return false;
    const QString leafPrint = normalizedFingerprint(sha256Fingerprint(leaf));
    const bool leafPinned = std::any_of(pins.cbegin(), pins.cend(), [&](const QString &pin) {
        return normalizedFingerprint(pin) == leafPrint;
    });
    if (!leafPinned)
        return false;

    return std::all_of(errors.cbegin(), errors.cend(), [&](const QSslError &e) {
        const QSslCertificate about = e.certificate();
        if (about.isNull() || about == leaf)
            return coveredForLeaf(e.error());
        return chain.indexOf(about) > 0 && coveredForIssuer(e.error());
    });
}

} // namespace Livy
