// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "internalstatement.h"

namespace Livy {

namespace {

constexpr QLatin1String Mark("LivyDesk: ");

/// Where the purpose starts after a comment prefix and the mark, or -1. The purpose is one lower-case word alone on
/// the line: code LivyDesk writes for the user to see (the DataFrame table's "# LivyDesk: the first 100 rows of df…")
/// is the user's own statement, not background work.
qsizetype purposeStart(const QString &code)
{
    for (const QLatin1String prefix : { QLatin1String("-- "), QLatin1String("# "), QLatin1String("// ") }) {
        if (!code.startsWith(prefix) || !QStringView(code).mid(prefix.size()).startsWith(Mark))
            continue;
        const qsizetype start = prefix.size() + Mark.size();
        qsizetype end = code.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = code.size();
        if (end == start)
            return -1;
        for (qsizetype i = start; i < end; ++i) {
            const QChar c = code.at(i);
            if (!(c.isLower() || c == QLatin1Char('-')) && !(c == QLatin1Char('\r') && i == end - 1))
                return -1;
        }
        return start;
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
