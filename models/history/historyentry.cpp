// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "historyentry.h"

namespace Livy {

QString HistoryEntry::language(const QString &kind)
{
    if (kind == QLatin1String("pyspark") || kind == QLatin1String("python"))
        return QStringLiteral("python");
    if (kind == QLatin1String("sparkr") || kind == QLatin1String("r"))
        return QStringLiteral("r");
    if (kind == QLatin1String("sql"))
        return QStringLiteral("sql");
    return QStringLiteral("scala"); // spark, and shared sessions' default
}

} // namespace Livy
