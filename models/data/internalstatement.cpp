// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "internalstatement.h"

namespace Livy {

namespace {

constexpr QLatin1String Mark("LivyDesk: ");

/// Where the purpose starts after a comment prefix and the mark, or -1.
qsizetype purposeStart(const QString &code)
{
    for (const QLatin1String prefix : { QLatin1String("-- "), QLatin1String("# "), QLatin1String("// ") }) {
        if (code.startsWith(prefix) && QStringView(code).mid(prefix.size()).startsWith(Mark))
            return prefix.size() + Mark.size();
    }
    return -1;
}

} // namespace

QString markInternal(const QString &purpose, const QString &sql)
{
    return QLatin1String("-- ") + Mark + purpose + QLatin1Char('\n') + sql;
}

bool isInternalStatement(const QString &code)
{
    return purposeStart(code) >= 0;
}

QString internalPurpose(const QString &code)
{
    const qsizetype start = purposeStart(code);
    if (start < 0)
        return {};
    const qsizetype end = code.indexOf(QLatin1Char('\n'), start);
    return code.mid(start, end < 0 ? -1 : end - start).trimmed();
}

QString withoutInternalMark(const QString &code)
{
    if (!isInternalStatement(code))
        return code;
    const qsizetype end = code.indexOf(QLatin1Char('\n'));
    return end < 0 ? QString() : code.mid(end + 1);
}

} // namespace Livy
