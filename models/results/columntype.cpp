// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "columntype.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace Livy {

namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr qint64 JulianDayOfEpoch = 2440588; // 1970-01-01

int digitsAt(QStringView s, qsizetype pos, int count)
{
    if (pos + count > s.size())
        return -1;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = s[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + int(c - u'0');
    }
    return v;
}

} // namespace

QString sparkTypeText(const QJsonValue &type)
{
    if (type.isString())
        return type.toString();
    const QJsonObject o = type.toObject();
    const QString kind = o.value(QLatin1String("type")).toString();
    if (kind == QLatin1String("array"))
        return QStringLiteral("array<%1>").arg(sparkTypeText(o.value(QLatin1String("elementType"))));
    if (kind == QLatin1String("map"))
        return QStringLiteral("map<%1,%2>").arg(sparkTypeText(o.value(QLatin1String("keyType"))),
                                               sparkTypeText(o.value(QLatin1String("valueType"))));
    if (kind == QLatin1String("struct")) {
        QStringList parts;
        const QJsonArray fields = o.value(QLatin1String("fields")).toArray();
        for (const QJsonValue &f : fields) {
            const QJsonObject field = f.toObject();
            parts.append(field.value(QLatin1String("name")).toString() + QLatin1Char(':')
                         + sparkTypeText(field.value(QLatin1String("type"))));
        }
        return QStringLiteral("struct<%1>").arg(parts.join(QLatin1Char(',')));
    }
    return kind.isEmpty() ? QStringLiteral("unknown") : kind;
}

int decimalScale(const QString &typeName)
{
    // decimal(10,2) -> 2
    const qsizetype comma = typeName.indexOf(QLatin1Char(','));
    const qsizetype close = typeName.indexOf(QLatin1Char(')'));
    if (!typeName.startsWith(QLatin1String("decimal(")) || comma < 0 || close < comma)
        return -1;
    bool ok = false;
    const int scale = QStringView(typeName).mid(comma + 1, close - comma - 1).trimmed().toInt(&ok);
    return ok ? scale : -1;
}

ColumnType columnTypeFromLivyName(const QString &name)
{
    static const QHash<QString, ColumnType> types = {
        {QStringLiteral("NULL_TYPE"), ColumnType::Null},
        {QStringLiteral("BOOLEAN_TYPE"), ColumnType::Boolean},
        {QStringLiteral("TINYINT_TYPE"), ColumnType::Integer},
        {QStringLiteral("SMALLINT_TYPE"), ColumnType::Integer},
        {QStringLiteral("INT_TYPE"), ColumnType::Integer},
        {QStringLiteral("BIGINT_TYPE"), ColumnType::Integer},
        {QStringLiteral("FLOAT_TYPE"), ColumnType::Double},
        {QStringLiteral("DOUBLE_TYPE"), ColumnType::Double},
        {QStringLiteral("DECIMAL_TYPE"), ColumnType::Decimal},
        {QStringLiteral("STRING_TYPE"), ColumnType::String},
        {QStringLiteral("CHAR_TYPE"), ColumnType::String},
        {QStringLiteral("VARCHAR_TYPE"), ColumnType::String},
        {QStringLiteral("DATE_TYPE"), ColumnType::Date},
        {QStringLiteral("TIMESTAMP_TYPE"), ColumnType::Timestamp},
        {QStringLiteral("BINARY_TYPE"), ColumnType::Binary},
        {QStringLiteral("ARRAY_TYPE"), ColumnType::Array},
        {QStringLiteral("MAP_TYPE"), ColumnType::Map},
        {QStringLiteral("STRUCT_TYPE"), ColumnType::Struct},
    };
    return types.value(name.trimmed().toUpper(), ColumnType::Unknown);
}

ColumnType columnTypeFromSparkType(const QJsonValue &type)
{
    if (type.isObject()) {
        const QString kind = type.toObject().value(QLatin1String("type")).toString();
        if (kind == QLatin1String("array"))
            return ColumnType::Array;
        if (kind == QLatin1String("map"))
            return ColumnType::Map;
        if (kind == QLatin1String("struct"))
            return ColumnType::Struct;
        return ColumnType::Unknown;
    }
    const QString t = type.toString().trimmed().toLower();
    static const QHash<QString, ColumnType> simple = {
        {QStringLiteral("string"), ColumnType::String},    {QStringLiteral("boolean"), ColumnType::Boolean},
        {QStringLiteral("byte"), ColumnType::Integer},     {QStringLiteral("tinyint"), ColumnType::Integer},
        {QStringLiteral("short"), ColumnType::Integer},    {QStringLiteral("smallint"), ColumnType::Integer},
        {QStringLiteral("integer"), ColumnType::Integer},  {QStringLiteral("int"), ColumnType::Integer},
        {QStringLiteral("long"), ColumnType::Integer},     {QStringLiteral("bigint"), ColumnType::Integer},
        {QStringLiteral("float"), ColumnType::Double},     {QStringLiteral("real"), ColumnType::Double},
        {QStringLiteral("double"), ColumnType::Double},    {QStringLiteral("date"), ColumnType::Date},
        {QStringLiteral("timestamp"), ColumnType::Timestamp},
        {QStringLiteral("timestamp_ntz"), ColumnType::Timestamp},
        {QStringLiteral("timestamp_ltz"), ColumnType::Timestamp},
        {QStringLiteral("binary"), ColumnType::Binary},    {QStringLiteral("null"), ColumnType::Null},
        {QStringLiteral("void"), ColumnType::Null},
    };
    const auto it = simple.constFind(t);
    if (it != simple.constEnd())
        return *it;
    if (t.startsWith(QLatin1String("decimal")))
        return ColumnType::Decimal;
    if (t.startsWith(QLatin1String("varchar")) || t.startsWith(QLatin1String("char")))
        return ColumnType::String;
    if (t.startsWith(QLatin1String("array")))
        return ColumnType::Array;
    if (t.startsWith(QLatin1String("map")))
        return ColumnType::Map;
    if (t.startsWith(QLatin1String("struct")))
        return ColumnType::Struct;
    return ColumnType::Unknown;
}

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Unknown: return QStringLiteral("unknown");
    case ColumnType::Null: return QStringLiteral("null");
    case ColumnType::Boolean: return QStringLiteral("boolean");
    case ColumnType::Integer: return QStringLiteral("integer");
    case ColumnType::Double: return QStringLiteral("double");
    case ColumnType::Decimal: return QStringLiteral("decimal");
    case ColumnType::String: return QStringLiteral("string");
    case ColumnType::Date: return QStringLiteral("date");
    case ColumnType::Timestamp: return QStringLiteral("timestamp");
    case ColumnType::Binary: return QStringLiteral("binary");
    case ColumnType::Array: return QStringLiteral("array");
    case ColumnType::Map: return QStringLiteral("map");
    case ColumnType::Struct: return QStringLiteral("struct");
    }
    return QStringLiteral("unknown");
}

bool isNumericType(ColumnType type)
{
    return type == ColumnType::Integer || type == ColumnType::Double || type == ColumnType::Decimal;
}

bool isTemporalType(ColumnType type)
{
    return type == ColumnType::Date || type == ColumnType::Timestamp;
}

bool parseDateTimeText(QStringView text, qint64 *msecsSinceEpoch)
{
    const QStringView s = text.trimmed();
    if (s.size() < 10 || s[4] != u'-' || s[7] != u'-')
        return false;
    const int year = digitsAt(s, 0, 4);
    const int month = digitsAt(s, 5, 2);
    const int day = digitsAt(s, 8, 2);
    if (year < 0 || month < 0 || day < 0 || !QDate::isValid(year, month, day))
        return false;
    qint64 ms = (QDate(year, month, day).toJulianDay() - JulianDayOfEpoch) * MsPerDay;
    qsizetype i = 10;
    if (i < s.size()) {
        if (s[i] != u'T' && s[i] != u' ')
            return false;
        ++i;
        const int hour = digitsAt(s, i, 2);
        if (hour < 0 || hour > 23 || i + 2 >= s.size() || s[i + 2] != u':')
            return false;
        const int minute = digitsAt(s, i + 3, 2);
        if (minute < 0 || minute > 59)
            return false;
        i += 5;
        int second = 0;
        int millis = 0;
        if (i < s.size() && s[i] == u':') {
            second = digitsAt(s, i + 1, 2);
            if (second < 0 || second > 60)
                return false;
            i += 3;
            if (i < s.size() && (s[i] == u'.' || s[i] == u',')) {
                ++i;
                int digits = 0;
                while (i < s.size() && s[i].isDigit()) {
                    if (digits < 3)
                        millis = millis * 10 + s[i].digitValue();
                    ++digits;
                    ++i;
                }
                if (digits == 0)
                    return false;
                for (int d = digits; d < 3; ++d)
                    millis *= 10;
            }
        }
        ms += ((hour * 60 + minute) * 60 + second) * 1000LL + millis;
        // Zone: Z, +hh, +hh:mm, +hhmm (an optional space before it), or nothing (read as UTC).
        if (i < s.size() && s[i] == u' ')
            ++i;
        if (i < s.size()) {
            if (s[i] == u'Z' && i + 1 == s.size()) {
                *msecsSinceEpoch = ms;
                return true;
            }
            if (s[i] != u'+' && s[i] != u'-')
                return false;
            const int sign = s[i] == u'-' ? -1 : 1;
            const int zh = digitsAt(s, i + 1, 2);
            if (zh < 0 || zh > 23)
                return false;
            qsizetype j = i + 3;
            int zm = 0;
            if (j < s.size() && s[j] == u':')
                ++j;
            if (j < s.size()) {
                zm = digitsAt(s, j, 2);
                if (zm < 0 || zm > 59 || j + 2 != s.size())
                    return false;
            }
            ms -= sign * (zh * 60 + zm) * 60000LL;
        }
    }
    *msecsSinceEpoch = ms;
    return true;
}

} // namespace Livy
