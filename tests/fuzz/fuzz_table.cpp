// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Table-shaped values as they arrive: a `%table` output's application/vnd.livy.table.v1+json value and the sql
// kind's application/json (schema + data). The input is a statement body (the values of output.data), an output
// object (its data), or a table value itself; each object found there is read with TableResult::fromLivyTable and
// TableResult::fromSqlResult (both tolerate any object), and every cell of a result is read as the views read it.
#include "fuzzcommon.h"
#include "fuzztable.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

void tryTable(const QJsonValue &value)
{
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    LivyFuzz::sink(Livy::TableResult::isLivyTableShape(value) ? 1 : 0);
    LivyFuzz::sink(Livy::TableResult::isSqlResultShape(value) ? 1 : 0);
    Livy::TableResult::Options options;
    options.sqlRowCap = 3; // so that small inputs reach the "may be truncated" rule
    for (const auto &result : { Livy::TableResult::fromLivyTable(object, options),
                                Livy::TableResult::fromSqlResult(object, options) }) {
        if (result)
            LivyFuzz::use(result.value());
        else
            LivyFuzz::sink(result.error().message());
    }
}

void tryData(const QJsonValue &data)
{
    const QJsonObject object = data.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        tryTable(it.value());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(LivyFuzz::bodyOf(data, size));
    if (!document.isObject())
        return 0;
    const QJsonObject object = document.object();
    tryTable(object);
    tryData(object.value(QLatin1String("data")));
    tryData(object.value(QLatin1String("output")).toObject().value(QLatin1String("data")));
    return 0;
}
