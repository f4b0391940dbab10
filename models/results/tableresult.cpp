// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableresult.h"

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

namespace Livy {

namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr qint64 JulianDayOfEpoch = 2440588; // 1970-01-01
/// A number in a date or timestamp column is ms since the epoch up to ±100 million days (a JavaScript Date's
/// range); beyond, it is no date (and would not fit a qint64, or overflow the day arithmetic of value()).
constexpr double MaxEpochMs = 8.64e15;

QString compactJson(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

QString formatReal(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// A double as Spark and Python print it: shortest exact digits, "3.0" rather than "3".
QString formatDouble(double value, int scale)
{
    if (scale >= 0 && std::isfinite(value))
        return QString::number(value, 'f', std::min(scale, 18));
    QString text = formatReal(value);
    if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 1e16 && !text.contains(QLatin1Char('e')))
        text += QStringLiteral(".0");
    return text;
}

/// Spark rows inside sql results come as {"schema":[{"name":…},…],"values":[…]} (how json4s writes a Row):
/// turn them into {"name": value, …}, at any depth, so a struct column reads like the struct it is.
QJsonValue unwrapRows(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (array.at(i).isArray() || array.at(i).isObject())
                array[i] = unwrapRows(array.at(i));
        }
        return array;
    }
    if (!value.isObject())
        return value;
    const QJsonObject object = value.toObject();
    const QJsonValue schema = object.value(QLatin1String("schema"));
    const QJsonValue values = object.value(QLatin1String("values"));
    if (object.size() == 2 && schema.isArray() && values.isArray()
        && schema.toArray().size() == values.toArray().size()) {
        QJsonObject row;
        const QJsonArray fields = schema.toArray();
        const QJsonArray cells = values.toArray();
        for (qsizetype i = 0; i < fields.size(); ++i)
            row.insert(fields.at(i).toObject().value(QLatin1String("name")).toString(), unwrapRows(cells.at(i)));
        return row;
    }
    QJsonObject copy = object;
    for (auto it = copy.begin(); it != copy.end(); ++it) {
        if (it.value().isArray() || it.value().isObject())
            it.value() = unwrapRows(it.value());
    }
    return copy;
}

/// Text of any scalar or nested JSON value, as a cell of a text column shows it.
QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 9.0e15)
            return QString::number(value.toInteger(qint64(d)));
        return formatReal(d);
    }
    case QJsonValue::Array:
    case QJsonValue::Object:
        return compactJson(value);
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

/// An integral JSON number or digit string as qint64.
bool toInteger(const QJsonValue &value, qint64 *out)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::trunc(d) != d || !(std::fabs(d) < 9.2e18))
            return false;
        *out = value.toInteger(qint64(d)); // exact for integers the parser kept as integers
        return true;
    }
    if (value.isString()) {
        bool ok = false;
        *out = QStringView(value.toString()).trimmed().toLongLong(&ok);
        return ok;
    }
    if (value.isBool()) {
        *out = value.toBool() ? 1 : 0;
        return true;
    }
    return false;
}

bool toReal(const QJsonValue &value, double *out)
{
    if (value.isDouble()) {
        *out = value.toDouble();
        return true;
    }
    if (value.isString()) {
        bool ok = false;
        *out = QStringView(value.toString()).trimmed().toDouble(&ok);
        return ok;
    }
    return false;
}

template<typename T>
int threeWay(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareText(const QString &a, const QString &b)
{
    const int ci = a.compare(b, Qt::CaseInsensitive);
    return ci != 0 ? ci : a.compare(b, Qt::CaseSensitive);
}

} // namespace

bool TableResult::ColumnData::storesIntegers() const
{
    const ColumnType t = info.type;
    return t == ColumnType::Boolean || t == ColumnType::Integer || isTemporalType(t);
}

bool TableResult::ColumnData::storesReals() const
{
    return info.type == ColumnType::Double || info.type == ColumnType::Decimal;
}

bool TableResult::ColumnData::storesTexts() const
{
    return isTemporalType(info.type) || (!storesIntegers() && !storesReals());
}

bool TableResult::isLivyTableShape(const QJsonValue &value)
{
    return value.isObject() && value.toObject().value(QLatin1String("headers")).isArray();
}

bool TableResult::isSqlResultShape(const QJsonValue &value)
{
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    return o.value(QLatin1String("schema")).toObject().value(QLatin1String("fields")).isArray()
           && (o.value(QLatin1String("data")).isArray() || !o.contains(QLatin1String("data")));
}

Result<TableResult> TableResult::fromLivyTable(const QJsonObject &object, const Options &options)
{
    const QJsonValue headers = object.value(QLatin1String("headers"));
    if (!headers.isArray())
        return LivyError::protocol(QStringLiteral("The table output has no \"headers\" list"));
    const QJsonValue data = object.value(QLatin1String("data"));
    if (!data.isArray() && !data.isUndefined() && !data.isNull())
        return LivyError::protocol(QStringLiteral("The table output's \"data\" is not a list of rows"));
    QList<TableColumn> columns;
    const QJsonArray headerList = headers.toArray();
    for (const QJsonValue &h : headerList) {
        TableColumn column;
        if (h.isObject()) {
            const QJsonObject header = h.toObject();
            column.name = jsonText(header.value(QLatin1String("name")));
            column.typeName = header.value(QLatin1String("type")).toString();
            column.type = columnTypeFromLivyName(column.typeName);
        } else {
            column.name = jsonText(h); // tolerate a bare list of names
        }
        columns.append(column);
    }
    return fromArrays(std::move(columns), data.toArray(), Origin::LivyTable, options);
}

Result<TableResult> TableResult::fromSqlResult(const QJsonObject &object, const Options &options)
{
    const QJsonValue fields = object.value(QLatin1String("schema")).toObject().value(QLatin1String("fields"));
    if (!fields.isArray())
        return LivyError::protocol(QStringLiteral("The SQL result has no schema fields"));
    const QJsonValue data = object.value(QLatin1String("data"));
    if (!data.isArray() && !data.isUndefined() && !data.isNull())
        return LivyError::protocol(QStringLiteral("The SQL result's \"data\" is not a list of rows"));
    QList<TableColumn> columns;
    const QJsonArray fieldList = fields.toArray();
    for (const QJsonValue &f : fieldList) {
        const QJsonObject field = f.toObject();
        TableColumn column;
        column.name = jsonText(field.value(QLatin1String("name")));
        const QJsonValue type = field.value(QLatin1String("type"));
        column.typeName = sparkTypeText(type);
        column.type = columnTypeFromSparkType(type);
        if (column.type == ColumnType::Decimal)
            column.scale = decimalScale(column.typeName.trimmed().toLower());
        columns.append(column);
    }
    return fromArrays(std::move(columns), data.toArray(), Origin::SqlResult, options);
}

TableResult TableResult::fromRows(const QList<TableColumn> &columns, const QList<QJsonArray> &rows, Origin origin,
                                  int sqlRowCap)
{
    QJsonArray data;
    for (const QJsonArray &row : rows)
        data.append(row);
    Options options;
    options.sqlRowCap = sqlRowCap;
    Result<TableResult> result = fromArrays(columns, data, origin, options);
    return result ? std::move(result).value() : TableResult();
}

void TableResult::inferType(TableColumn &column, const QJsonArray &rows, int index)
{
    bool allBool = true;
    bool allNumbers = true;
    bool allIntegral = true;
    bool any = false;
    const QString &name = column.name;
    for (const QJsonValue &rowValue : rows) {
        QJsonValue v;
        if (rowValue.isArray())
            v = rowValue.toArray().at(index);
        else if (rowValue.isObject())
            v = rowValue.toObject().value(name);
        if (v.isNull() || v.isUndefined())
            continue;
        any = true;
        allBool = allBool && v.isBool();
        allNumbers = allNumbers && v.isDouble();
        allIntegral = allIntegral && v.isDouble() && std::trunc(v.toDouble()) == v.toDouble();
        if (!allBool && !allNumbers)
            break;
    }
    if (!any)
        column.type = ColumnType::Null;
    else if (allBool)
        column.type = ColumnType::Boolean;
    else if (allNumbers)
        column.type = allIntegral ? ColumnType::Integer : ColumnType::Double;
    else
        column.type = ColumnType::String;
}

void TableResult::parseRows(std::vector<ColumnData> &columns, const QJsonArray &rows, int begin, int end,
                            RowCounts &counts, const std::function<bool(int)> &keepGoing)
{
    const int columnCount = int(columns.size());
    const QJsonValue missing(QJsonValue::Undefined);
    for (int r = begin; r < end; ++r) {
        if (((r - begin) & 4095) == 4095 && !keepGoing(r - begin)) {
            counts.stopped = true;
            return;
        }
        const QJsonValue rowValue = rows.at(r);
        if (rowValue.isArray()) {
            const QJsonArray cells = rowValue.toArray();
            const int n = int(cells.size());
            counts.shortRows += n < columnCount ? 1 : 0;
            counts.longRows += n > columnCount ? 1 : 0;
            for (int c = 0; c < columnCount; ++c)
                appendCell(columns[size_t(c)], c < n ? cells.at(c) : missing);
        } else if (rowValue.isObject()) {
            // A row keyed by column name (a dict row).
            const QJsonObject cells = rowValue.toObject();
            for (ColumnData &column : columns)
                appendCell(column, cells.value(column.info.name));
        } else {
            // A bare value: a one-value row.
            for (int c = 0; c < columnCount; ++c)
                appendCell(columns[size_t(c)], c == 0 ? rowValue : missing);
            counts.shortRows += columnCount > 1 ? 1 : 0;
        }
    }
}

Result<TableResult> TableResult::fromArrays(QList<TableColumn> columns, const QJsonArray &rows, Origin origin,
                                            const Options &options)
{
    if (rows.size() > std::numeric_limits<int>::max())
        return LivyError::protocol(QStringLiteral("The table has too many rows to show"));
    TableResult table;
    table.m_origin = origin;
    table.m_rowCap = options.sqlRowCap;
    const int rowCount = int(rows.size());
    const int columnCount = int(columns.size());
    for (int c = 0; c < columnCount; ++c) {
        if (columns[c].type == ColumnType::Unknown)
            inferType(columns[c], rows, c);
    }
    auto makeColumns = [&columns, columnCount](int reserve) {
        std::vector<ColumnData> list(static_cast<size_t>(columnCount));
        for (int c = 0; c < columnCount; ++c) {
            ColumnData &column = list[size_t(c)];
            column.info = columns[c];
            column.states.reserve(size_t(reserve));
            if (column.storesIntegers())
                column.integers.reserve(size_t(reserve));
            if (column.storesReals())
                column.reals.reserve(size_t(reserve));
            if (column.storesTexts())
                column.texts.reserve(reserve);
        }
        return list;
    };

    // Big tables: the second half of the rows is converted on a second thread (two cores halve the wait), then
    // appended. Only this thread reports progress; it tells the helper to stop when asked to.
    const int split = rowCount >= ParallelRows ? rowCount / 2 : rowCount;
    std::atomic_bool stop{false};
    RowCounts counts;
    RowCounts tailCounts;
    std::vector<ColumnData> tail;
    std::thread helper;
    if (split < rowCount) {
        tail = makeColumns(rowCount - split);
        helper = std::thread([&] {
            parseRows(tail, rows, split, rowCount, tailCounts, [&stop](int) { return !stop.load(); });
        });
    }
    table.m_columns = makeColumns(rowCount);
    parseRows(table.m_columns, rows, 0, split, counts, [&](int done) {
        const bool go = !options.progress || options.progress(qsizetype(done) * rowCount / std::max(1, split), rowCount);
        if (!go)
            stop.store(true);
        return go;
    });
    if (helper.joinable())
        helper.join();
    if (counts.stopped || tailCounts.stopped)
        return LivyError(LivyError::Kind::Cancelled, QStringLiteral("Reading the table was cancelled"));
    if (split < rowCount) {
        for (int c = 0; c < columnCount; ++c) {
            ColumnData &head = table.m_columns[size_t(c)];
            ColumnData &rest = tail[size_t(c)];
            head.states.insert(head.states.end(), rest.states.begin(), rest.states.end());
            head.integers.insert(head.integers.end(), rest.integers.begin(), rest.integers.end());
            head.reals.insert(head.reals.end(), rest.reals.begin(), rest.reals.end());
            head.texts.append(std::move(rest.texts));
            for (auto it = rest.mismatches.cbegin(); it != rest.mismatches.cend(); ++it)
                head.mismatches.insert(it.key() + split, it.value());
        }
    }
    table.m_rowCount = rowCount;
    const int shortRows = counts.shortRows + tailCounts.shortRows;
    const int longRows = counts.longRows + tailCounts.longRows;

    if (shortRows > 0)
        table.m_warnings.append(QStringLiteral("%1 rows had fewer values than the %2 columns; the missing values are "
                                               "shown as null").arg(shortRows).arg(columnCount));
    if (longRows > 0)
        table.m_warnings.append(QStringLiteral("%1 rows had more values than the %2 columns; the extra values are "
                                               "not shown").arg(longRows).arg(columnCount));
    qsizetype mismatches = 0;
    for (const ColumnData &column : table.m_columns) {
        mismatches += column.mismatches.size();
        if (isTemporalType(column.info.type)) {
            for (CellState state : column.states)
                mismatches += state == CellState::Mismatch ? 1 : 0;
        }
    }
    if (mismatches > 0)
        table.m_warnings.append(QStringLiteral("%1 values did not match their column's type and are kept as text")
                                    .arg(mismatches));
    return table;
}

void TableResult::appendCell(ColumnData &column, const QJsonValue &value)
{
    const int row = int(column.states.size());
    const bool isNullValue = value.isNull() || value.isUndefined();
    CellState state = isNullValue ? CellState::Null : CellState::Value;
    switch (column.info.type) {
    case ColumnType::Boolean: {
        qint64 v = 0;
        if (!isNullValue) {
            if (value.isBool()) {
                v = value.toBool() ? 1 : 0;
            } else if (value.isString() && value.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
                v = 1;
            } else if (value.isString() && value.toString().compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
                v = 0;
            } else {
                state = CellState::Mismatch;
                column.mismatches.insert(row, jsonText(value));
            }
        }
        column.integers.push_back(v);
        break;
    }
    case ColumnType::Integer: {
        qint64 v = 0;
        if (!isNullValue && !toInteger(value, &v)) {
            state = CellState::Mismatch;
            column.mismatches.insert(row, jsonText(value));
        }
        column.integers.push_back(v);
        break;
    }
    case ColumnType::Double:
    case ColumnType::Decimal: {
        double v = 0;
        if (!isNullValue && !toReal(value, &v)) {
            state = CellState::Mismatch;
            column.mismatches.insert(row, jsonText(value));
        }
        column.reals.push_back(v);
        break;
    }
    case ColumnType::Date:
    case ColumnType::Timestamp: {
        qint64 ms = 0;
        QString text;
        if (!isNullValue) {
            if (value.isDouble()) {
                // A number here is read as ms since the epoch; out of range it is kept as text (regression
                // inputs: tests/fixtures/fuzz/table/).
                const double number = value.toDouble();
                text = jsonText(value);
                if (std::fabs(number) <= MaxEpochMs)
                    ms = qint64(number);
                else
                    state = CellState::Mismatch;
            } else {
                text = jsonText(value);
                if (!parseDateTimeText(text, &ms))
                    state = CellState::Mismatch;
            }
        }
        column.integers.push_back(ms);
        column.texts.append(text);
        break;
    }
    case ColumnType::Array:
    case ColumnType::Map:
    case ColumnType::Struct:
        column.texts.append(isNullValue ? QString() : jsonText(unwrapRows(value)));
        break;
    case ColumnType::Unknown:
    case ColumnType::Null:
    case ColumnType::String:
    case ColumnType::Binary:
        column.texts.append(isNullValue ? QString() : jsonText(value));
        break;
    }
    column.states.push_back(state);
}

QList<TableColumn> TableResult::columns() const
{
    QList<TableColumn> list;
    list.reserve(columnCount());
    for (const ColumnData &column : m_columns)
        list.append(column.info);
    return list;
}

bool TableResult::isNull(int row, int column) const
{
    return m_columns[size_t(column)].states[size_t(row)] == CellState::Null;
}

QString TableResult::text(int row, int column) const
{
    const ColumnData &c = m_columns[size_t(column)];
    const size_t r = size_t(row);
    switch (c.states[r]) {
    case CellState::Null:
        return {};
    case CellState::Mismatch:
        return c.storesTexts() ? c.texts[row] : c.mismatches.value(row);
    case CellState::Value:
        break;
    }
    switch (c.info.type) {
    case ColumnType::Boolean:
        return c.integers[r] ? QStringLiteral("true") : QStringLiteral("false");
    case ColumnType::Integer:
        return QString::number(c.integers[r]);
    case ColumnType::Double:
    case ColumnType::Decimal:
        return formatDouble(c.reals[r], c.info.scale);
    default:
        return c.texts[row];
    }
}

QVariant TableResult::value(int row, int column) const
{
    const ColumnData &c = m_columns[size_t(column)];
    const size_t r = size_t(row);
    switch (c.states[r]) {
    case CellState::Null:
        return {};
    case CellState::Mismatch:
        return text(row, column);
    case CellState::Value:
        break;
    }
    switch (c.info.type) {
    case ColumnType::Boolean:
        return c.integers[r] != 0;
    case ColumnType::Integer:
        return qlonglong(c.integers[r]);
    case ColumnType::Double:
    case ColumnType::Decimal:
        return c.reals[r];
    case ColumnType::Date: {
        const qint64 ms = c.integers[r];
        const qint64 days = ms >= 0 ? ms / MsPerDay : -((-ms + MsPerDay - 1) / MsPerDay);
        return QDate::fromJulianDay(days + JulianDayOfEpoch);
    }
    case ColumnType::Timestamp:
        return QDateTime::fromMSecsSinceEpoch(c.integers[r], Qt::UTC);
    default:
        return c.texts[row];
    }
}

QJsonValue TableResult::jsonValue(int row, int column) const
{
    const ColumnData &c = m_columns[size_t(column)];
    const size_t r = size_t(row);
    switch (c.states[r]) {
    case CellState::Null:
        return QJsonValue(QJsonValue::Null);
    case CellState::Mismatch:
        return text(row, column);
    case CellState::Value:
        break;
    }
    switch (c.info.type) {
    case ColumnType::Boolean:
        return c.integers[r] != 0;
    case ColumnType::Integer:
        return c.integers[r];
    case ColumnType::Double:
    case ColumnType::Decimal:
        return std::isfinite(c.reals[r]) ? QJsonValue(c.reals[r]) : QJsonValue(QJsonValue::Null);
    case ColumnType::Array:
    case ColumnType::Map:
    case ColumnType::Struct:
    case ColumnType::Unknown: {
        const QString &t = c.texts[row];
        if (t.startsWith(QLatin1Char('[')) || t.startsWith(QLatin1Char('{'))) {
            const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8());
            if (doc.isArray())
                return doc.array();
            if (doc.isObject())
                return doc.object();
        }
        return t;
    }
    default:
        return c.texts[row];
    }
}

double TableResult::number(int row, int column) const
{
    const ColumnData &c = m_columns[size_t(column)];
    const size_t r = size_t(row);
    if (c.states[r] != CellState::Value)
        return std::numeric_limits<double>::quiet_NaN();
    if (c.storesIntegers())
        return double(c.integers[r]);
    if (c.storesReals())
        return c.reals[r];
    return std::numeric_limits<double>::quiet_NaN();
}

int TableResult::compare(int column, int rowA, int rowB) const
{
    const ColumnData &c = m_columns[size_t(column)];
    const size_t a = size_t(rowA);
    const size_t b = size_t(rowB);
    const CellState sa = c.states[a];
    const CellState sb = c.states[b];
    if (sa != sb)
        return threeWay(int(sa), int(sb));
    if (sa == CellState::Null)
        return 0;
    if (sa == CellState::Mismatch)
        return compareText(text(rowA, column), text(rowB, column));
    if (c.storesIntegers())
        return threeWay(c.integers[a], c.integers[b]);
    if (c.storesReals()) {
        const double x = c.reals[a];
        const double y = c.reals[b];
        if (std::isnan(x) || std::isnan(y))
            return threeWay(std::isnan(x) ? 1 : 0, std::isnan(y) ? 1 : 0); // NaN after every number
        return threeWay(x, y);
    }
    const std::vector<int> &ranks = textRanks(c);
    return threeWay(ranks[a], ranks[b]);
}

const std::vector<int> &TableResult::textRanks(const ColumnData &column) const
{
    std::call_once(column.ranks->once, [this, &column] {
        const int n = m_rowCount;
        std::vector<QString> folded(static_cast<size_t>(n));
        std::vector<int> order;
        order.reserve(size_t(n));
        for (int r = 0; r < n; ++r) {
            if (column.states[size_t(r)] == CellState::Value) {
                folded[size_t(r)] = column.texts[r].toCaseFolded();
                order.push_back(r);
            }
        }
        // Folded text first, then the text itself, so "B" and "b" keep a stable order.
        auto less = [&](int a, int b) {
            const int byFolded = folded[size_t(a)].compare(folded[size_t(b)]);
            return byFolded != 0 ? byFolded < 0 : column.texts[a].compare(column.texts[b]) < 0;
        };
        std::sort(order.begin(), order.end(), less);
        std::vector<int> &rank = column.ranks->rank;
        rank.assign(size_t(n), 0);
        int current = 0;
        for (size_t i = 0; i < order.size(); ++i) {
            if (i > 0 && less(order[i - 1], order[i]))
                ++current;
            rank[size_t(order[i])] = current;
        }
    });
    return column.ranks->rank;
}

std::vector<bool> TableResult::matchingRows(QStringView needle, const std::function<bool()> &cancelled) const
{
    std::vector<bool> rows(size_t(m_rowCount), true);
    if (needle.isEmpty())
        return rows;
    for (int r = 0; r < m_rowCount; ++r) {
        if ((r & 4095) == 4095 && cancelled && cancelled())
            return {};
        rows[size_t(r)] = rowContains(r, needle);
    }
    return rows;
}

bool TableResult::rowContains(int row, QStringView needle) const
{
    if (needle.isEmpty())
        return true;
    for (int column = 0; column < columnCount(); ++column) {
        const ColumnData &c = m_columns[size_t(column)];
        const CellState state = c.states[size_t(row)];
        if (state == CellState::Null)
            continue;
        if (c.storesTexts() && state == CellState::Value) {
            if (QStringView(c.texts[row]).contains(needle, Qt::CaseInsensitive))
                return true;
        } else if (text(row, column).contains(needle, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace Livy
