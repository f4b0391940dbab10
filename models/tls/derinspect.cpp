// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "derinspect.h"

#include <QByteArrayView>
#include <QSslCertificate>
#include <QSslKey>

#include <optional>

namespace Livy::DerInspect {

namespace {

constexpr quint8 TagInteger = 0x02;
constexpr quint8 TagBitString = 0x03;
constexpr quint8 TagOctetString = 0x04;
constexpr quint8 TagSequence = 0x30;
constexpr quint8 TagContext1 = 0xa1; // [1] EXPLICIT, constructed

/// One DER element: its tag and content, and where the next element starts.
struct Element
{
    quint8 tag = 0;
    QByteArrayView content;
    qsizetype next = 0;
};

/// Reads the element at `pos` (definite lengths only: DER), or nothing if it does not fit in `data`.
std::optional<Element> readElement(QByteArrayView data, qsizetype pos)
{
    if (pos < 0 || pos + 2 > data.size())
        return std::nullopt;
    Element e;
    e.tag = quint8(data[pos]);
    qsizetype p = pos + 1;
    const quint8 first = quint8(data[p++]);
    qsizetype length = 0;
    if (first < 0x80) {
        length = first;
    } else {
        const int octets = first & 0x7f;
        if (octets == 0 || octets > 4 || p + octets > data.size())
            return std::nullopt; // indefinite (BER) or absurdly long
        for (int i = 0; i < octets; ++i)
            length = (length << 8) | quint8(data[p++]);
    }
    if (length > data.size() - p)
        return std::nullopt;
    e.content = data.sliced(p, length);
    e.next = p + length;
    return e;
}

/// The elements inside a constructed element's content, in order (stops at the first unreadable one).
QList<Element> children(QByteArrayView content)
{
    QList<Element> out;
    qsizetype pos = 0;
    while (pos < content.size()) {
        const auto e = readElement(content, pos);
        if (!e)
            break;
        out.append(*e);
        pos = e->next;
    }
    return out;
}

/// An INTEGER's magnitude without the sign-padding zero bytes, so equal numbers compare equal.
QByteArrayView integerValue(QByteArrayView content)
{
    while (content.size() > 1 && content[0] == '\0')
        content = content.sliced(1);
    return content;
}

/// The key material of a private key in PKCS#1/SEC1 form, unwrapping PKCS#8 (version, algorithm, OCTET STRING).
QByteArrayView unwrapPkcs8(QByteArrayView der)
{
    const auto outer = readElement(der, 0);
    if (!outer || outer->tag != TagSequence)
        return {};
    const QList<Element> parts = children(outer->content);
    if (parts.size() >= 3 && parts[0].tag == TagInteger && parts[1].tag == TagSequence
        && parts[2].tag == TagOctetString)
        return parts[2].content;
    return der;
}

/// (modulus, exponent) of an RSA private key (PKCS#1 RSAPrivateKey: version, n, e, d, ...).
std::optional<std::pair<QByteArrayView, QByteArrayView>> rsaPrivateNumbers(QByteArrayView der)
{
    const auto seq = readElement(unwrapPkcs8(der), 0);
    if (!seq || seq->tag != TagSequence)
        return std::nullopt;
    const QList<Element> parts = children(seq->content);
    if (parts.size() < 3 || parts[1].tag != TagInteger || parts[2].tag != TagInteger)
        return std::nullopt;
    return std::pair{integerValue(parts[1].content), integerValue(parts[2].content)};
}

/// The public point of an EC private key (SEC1 ECPrivateKey: version, d, [0] parameters, [1] public key).
std::optional<QByteArrayView> ecPrivatePoint(QByteArrayView der)
{
    const auto seq = readElement(unwrapPkcs8(der), 0);
    if (!seq || seq->tag != TagSequence)
        return std::nullopt;
    for (const Element &part : children(seq->content)) {
        if (part.tag != TagContext1)
            continue;
        const auto bits = readElement(part.content, 0);
        if (bits && bits->tag == TagBitString && bits->content.size() > 1)
            return bits->content.sliced(1); // skip the unused-bits octet
    }
    return std::nullopt; // saved without its public point
}

/// The BIT STRING of a SubjectPublicKeyInfo (algorithm, subjectPublicKey), without the unused-bits octet.
std::optional<QByteArrayView> publicKeyBits(QByteArrayView spki)
{
    const auto seq = readElement(spki, 0);
    if (!seq || seq->tag != TagSequence)
        return std::nullopt;
    const QList<Element> parts = children(seq->content);
    if (parts.size() < 2 || parts[1].tag != TagBitString || parts[1].content.size() < 2)
        return std::nullopt;
    return parts[1].content.sliced(1);
}

} // namespace

KeyMatch matchKey(const QSslKey &privateKey, const QSslCertificate &certificate)
{
    const QSslKey publicKey = certificate.publicKey();
    if (privateKey.isNull() || publicKey.isNull())
        return KeyMatch::Unknown;
    if (privateKey.algorithm() != publicKey.algorithm())
        return KeyMatch::DiffersFromCertificate;
    const QByteArray privateDer = privateKey.toDer();
    const QByteArray publicDer = publicKey.toDer();
    const auto bits = publicKeyBits(publicDer);
    if (!bits)
        return KeyMatch::Unknown;

    switch (privateKey.algorithm()) {
    case QSsl::Rsa: {
        const auto priv = rsaPrivateNumbers(privateDer);
        const auto pubSeq = readElement(*bits, 0); // RSAPublicKey: n, e
        if (!priv || !pubSeq || pubSeq->tag != TagSequence)
            return KeyMatch::Unknown;
        const QList<Element> pub = children(pubSeq->content);
        if (pub.size() < 2 || pub[0].tag != TagInteger || pub[1].tag != TagInteger)
            return KeyMatch::Unknown;
        const bool same = integerValue(pub[0].content) == priv->first && integerValue(pub[1].content) == priv->second;
        return same ? KeyMatch::Matches : KeyMatch::DiffersFromCertificate;
    }
    case QSsl::Ec: {
        const auto point = ecPrivatePoint(privateDer);
        if (!point)
            return KeyMatch::Unknown;
        return *point == *bits ? KeyMatch::Matches : KeyMatch::DiffersFromCertificate;
    }
    default:
        return KeyMatch::Unknown;
    }
}

bool looksLikePkcs12(const QByteArray &data)
{
    // PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL }.
    // Read the header by hand: Windows and Java write BER with an indefinite outer length.
    if (data.size() < 8 || quint8(data[0]) != TagSequence)
        return false;
    qsizetype p = 1;
    const quint8 first = quint8(data[p++]);
    if (first > 0x80)
        p += first & 0x7f;
    return p + 3 <= data.size() && quint8(data[p]) == TagInteger && quint8(data[p + 1]) == 1
           && quint8(data[p + 2]) == 3;
}

bool usesLegacyPkcs12Cipher(const QByteArray &data)
{
    // OBJECT IDENTIFIER 1.2.840.113549.1.12.1.n (pkcs-12PbeIds): 1, 2 = RC4; 5, 6 = RC2. (3, 4 = 3DES, which
    // OpenSSL 3's default provider still reads.)
    static const QByteArray prefix = QByteArray::fromHex("060a2a864886f70d010c01");
    for (qsizetype at = data.indexOf(prefix); at >= 0; at = data.indexOf(prefix, at + 1)) {
        const qsizetype last = at + prefix.size();
        if (last < data.size()) {
            const int n = quint8(data[last]);
            if (n == 1 || n == 2 || n == 5 || n == 6)
                return true;
        }
    }
    return false;
}

} // namespace Livy::DerInspect
