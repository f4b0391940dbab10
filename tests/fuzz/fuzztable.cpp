// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzztable.h"

#include "fuzzcommon.h"

#include <QDate>
#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace LivyFuzz {

void use(const Livy::TableResult &table)
{
    sink(table.warnings());
    sink(table.mayBeTruncated() ? 1 : 0);
    for (const Livy::TableColumn &column : table.columns())
        sink(column.name.size() + column.typeName.size() + column.scale);
    const int rows = table.rowCount();
    const int columns = table.columnCount();
    // Inputs are a few kB, so this bound is rarely reached; it keeps one input from taking seconds.
    const int cells = 4096;
    const int shownRows = columns == 0 ? 0 : std::min(rows, std::max(1, cells / columns));
    for (int r = 0; r < shownRows; ++r) {
        for (int c = 0; c < columns; ++c) {
            sink(table.isNull(r, c) ? 1 : 0);
            sink(table.text(r, c));
            const QVariant value = table.value(r, c);
            if (value.typeId() == QMetaType::QDate)
                sink(qsizetype(value.toDate().toJulianDay()));
            else if (value.typeId() == QMetaType::QDateTime)
                sink(qsizetype(value.toDateTime().toMSecsSinceEpoch()));
            sink(table.jsonValue(r, c).toString());
            sink(std::isnan(table.number(r, c)) ? 0 : 1);
            sink(table.compare(c, r, 0) + table.compare(c, r, rows - 1 - r));
        }
        if (columns > 0)
            sink(table.rowContains(r, table.text(r, 0).left(3)) ? 1 : 0);
    }
    for (const QStringView needle : { QStringView(u"1"), QStringView(u"a"), QStringView(u"-") }) {
        const std::vector<bool> matching = table.matchingRows(needle);
        sink(qsizetype(std::count(matching.begin(), matching.end(), true)));
    }
}

} // namespace LivyFuzz
