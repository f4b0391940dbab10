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
    return fallback;
}

} // namespace LivyDesk
