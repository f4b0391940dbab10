// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capabilities.h"

#include <QRegularExpression>

namespace Livy {

QVersionNumber ServerCapabilities::parseVersion(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*v?(\d+(?:\.\d+)*))"));
    const QRegularExpressionMatch m = re.match(text);
    return m.hasMatch() ? QVersionNumber::fromString(m.captured(1)) : QVersionNumber();
}

ServerCapabilities ServerCapabilities::fromVersion(const QString &versionText)
{
    return ServerCapabilities{ versionText, parseVersion(versionText) };
}

} // namespace Livy
