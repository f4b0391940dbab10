// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupstatement.h"

namespace Livy {

StatementRequest SetupStatement::request() const
{
    StatementRequest r;
    r.code = code;
    if (!kind.isEmpty())
        r.kind = kind;
    return r;
}

QJsonObject SetupStatement::toJson() const
{
    QJsonObject o{ { QStringLiteral("code"), code } };
    if (!kind.isEmpty())
        o.insert(QStringLiteral("kind"), kind);
    return o;
}

SetupStatement SetupStatement::fromJson(const QJsonObject &object)
{
    return { object.value(QStringLiteral("code")).toString(), object.value(QStringLiteral("kind")).toString() };
}

QJsonArray SetupStatement::listToJson(const QList<SetupStatement> &list)
{
    QJsonArray a;
    for (const SetupStatement &s : list)
        a.append(s.toJson());
    return a;
}

QList<SetupStatement> SetupStatement::listFromJson(const QJsonArray &array)
{
    QList<SetupStatement> out;
    for (const QJsonValue &v : array) {
        SetupStatement s = fromJson(v.toObject());
        if (!s.code.isEmpty())
            out.append(s);
    }
    return out;
}

} // namespace Livy
