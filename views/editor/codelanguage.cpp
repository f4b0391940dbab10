// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "codelanguage.h"

namespace LivyDesk {

QString canonicalKind(const QString &kind)
{
    const QString k = kind.trimmed().toLower();
    if (k == QLatin1String("python") || k == QLatin1String("pyspark"))
        return QStringLiteral("pyspark");
    if (k == QLatin1String("scala") || k == QLatin1String("spark"))
        return QStringLiteral("spark");
    if (k == QLatin1String("r") || k == QLatin1String("sparkr"))
        return QStringLiteral("sparkr");
    return k;
}

CodeLanguage languageForKind(const QString &kind)
{
    const QString k = canonicalKind(kind);
    if (k == QLatin1String("pyspark"))
        return CodeLanguage::Python;
    if (k == QLatin1String("spark"))
        return CodeLanguage::Scala;
    if (k == QLatin1String("sparkr"))
        return CodeLanguage::R;
    if (k == QLatin1String("sql"))
        return CodeLanguage::Sql;
    return CodeLanguage::PlainText;
}

QString kindForLanguage(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Python: return QStringLiteral("pyspark");
    case CodeLanguage::Scala: return QStringLiteral("spark");
    case CodeLanguage::R: return QStringLiteral("sparkr");
    case CodeLanguage::Sql: return QStringLiteral("sql");
    case CodeLanguage::PlainText: break;
    }
    return {};
}

QString languageDisplayName(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Python: return QStringLiteral("Python");
    case CodeLanguage::Scala: return QStringLiteral("Scala");
    case CodeLanguage::R: return QStringLiteral("R");
    case CodeLanguage::Sql: return QStringLiteral("SQL");
    case CodeLanguage::PlainText: break;
    }
    return QStringLiteral("Plain text");
}

QStringList statementKinds()
{
    return { QStringLiteral("pyspark"), QStringLiteral("spark"), QStringLiteral("sparkr"), QStringLiteral("sql") };
}

QString kindDisplayName(const QString &kind)
{
    const QString k = canonicalKind(kind);
    if (k == QLatin1String("shared"))
        return QStringLiteral("shared (any language)");
    const CodeLanguage language = languageForKind(k);
    if (language == CodeLanguage::PlainText)
        return k;
    return QStringLiteral("%1 (%2)").arg(k, languageDisplayName(language));
}

} // namespace LivyDesk
