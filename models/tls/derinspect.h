// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

class QSslCertificate;
class QSslKey;

/// The few DER readings that Qt's TLS API does not offer and that tlsoptions.cpp needs to word its errors:
/// whether a private key belongs to a certificate, and what kind of PKCS#12 file it was handed. Internal to
/// models/tls; reads only, never trusts lengths it has not checked.
namespace Livy::DerInspect {

enum class KeyMatch {
    Matches,
    DiffersFromCertificate,
    /// The key or the certificate could not be read this way (an algorithm other than RSA or EC, or an EC key
    /// saved without its public point): OpenSSL still checks the pair when the connection is made.
    Unknown,
};

/// Whether `privateKey` (RSA: same modulus and exponent; EC: same public point) is the key of `certificate`.
KeyMatch matchKey(const QSslKey &privateKey, const QSslCertificate &certificate);

/// True if `data` starts like a PKCS#12 file (a DER or BER SEQUENCE whose first element is INTEGER 3).
bool looksLikePkcs12(const QByteArray &data);

/// True if the PKCS#12 `data` names an RC2 or RC4 encryption (OpenSSL's `-legacy` and pre-3.0 defaults, which
/// OpenSSL 3 reads only with its legacy provider, and Qt 6.4 does not load that provider).
bool usesLegacyPkcs12Cipher(const QByteArray &data);

} // namespace Livy::DerInspect
