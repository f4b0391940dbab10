// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprofile.h"

#include <QUuid>

namespace LivyDesk {

QString ServerProfile::displayName() const
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    if (!url.host().isEmpty())
        return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    return QStringLiteral("Unnamed server");
}

QStringList ServerProfile::secretKeys() const
{
    QStringList keys;
    if (auth == AuthMethod::Basic || auth == AuthMethod::Bearer)
        keys.append(secretKey());
    for (const ExtraHeader &h : headers)
        if (h.secret)
            keys.append(headerSecretKey(h.name));
    if (clientKeyEncrypted && !clientCertificate.isEmpty())
        keys.append(passphraseKey());
    return keys;
}

QString ServerProfile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString authMethodToString(AuthMethod method)
{
    switch (method) {
    case AuthMethod::None: return QStringLiteral("none");
    case AuthMethod::Basic: return QStringLiteral("basic");
    case AuthMethod::Bearer: return QStringLiteral("bearer");
    case AuthMethod::Kerberos: return QStringLiteral("kerberos");
    }
    return QStringLiteral("none");
}

AuthMethod authMethodFromString(const QString &text, AuthMethod fallback)
{
    if (text == QLatin1String("none"))
        return AuthMethod::None;
    if (text == QLatin1String("basic"))
        return AuthMethod::Basic;
    if (text == QLatin1String("bearer"))
        return AuthMethod::Bearer;
    if (text == QLatin1String("kerberos"))
        return AuthMethod::Kerberos;
    return fallback;
}

} // namespace LivyDesk
