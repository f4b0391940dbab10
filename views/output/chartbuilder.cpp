// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartbuilder.h"

#include <QSet>

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QValueAxis>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace LivyDesk {

namespace {

enum class XKind { RowNumber, Number, Time, Category };

XKind xKind(const Livy::TableResult &table, int xColumn)
{
    if (xColumn < 0)
        return XKind::RowNumber;
    const Livy::ColumnType t = table.column(xColumn).type;
    if (Livy::isNumericType(t))
        return XKind::Number;
    if (Livy::isTemporalType(t))
        return XKind::Time;
    return XKind::Category;
}

QString xLabel(const Livy::TableResult &table, int xColumn, int row)
{
    if (xColumn < 0)
        return QString::number(row + 1);
    if (table.isNull(row, xColumn))
        return QStringLiteral("null");
    QString text = table.text(row, xColumn);
    if (text.size() > 40)
        text = text.left(39) + QChar(0x2026);
    return text;
}

QString yTitle(const Livy::TableResult &table, const QList<int> &yColumns)
{
    return yColumns.size() == 1 ? table.column(yColumns.first()).name : QString();
}

/// QDateTimeAxis labels in local time; our times are wall-clock texts read as UTC. Shift them so the axis
/// shows the server's wall-clock values.
double axisTime(double utcMs)
{
    if (!std::isfinite(utcMs))
        return utcMs;
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(qint64(utcMs), Qt::UTC);
    return double(QDateTime(utc.date(), utc.time(), Qt::LocalTime).toMSecsSinceEpoch());
}

} // namespace

QList<ChartType> ChartBuilder::types()
{
    return {ChartType::Bar, ChartType::Line, ChartType::Scatter, ChartType::Pie, ChartType::Area};
}

QString ChartBuilder::typeName(ChartType type)
{
    switch (type) {
    case ChartType::Bar: return QObject::tr("Bar");
    case ChartType::Line: return QObject::tr("Line");
    case ChartType::Scatter: return QObject::tr("Scatter");
    case ChartType::Pie: return QObject::tr("Pie");
    case ChartType::Area: return QObject::tr("Area");
    }
    return {};
}

namespace {

/// Distinct values of a column among its first `sample` rows (enough to tell a category from a key).
int distinctValues(const Livy::TableResult &table, int column, int sample = 2000)
{
    QSet<QString> seen;
    const int rows = std::min(table.rowCount(), sample);
    for (int r = 0; r < rows; ++r)
        seen.insert(table.text(r, column));
    return int(seen.size());
}

/// A column that numbers the rows rather than measuring anything: "id", "…_id", "row", or integers that are all
/// distinct and consecutive (0, 1, 2 … or 1, 2, 3 …). Plotting it as Y flattens every other series.
bool isKeyLike(const Livy::TableResult &table, int column)
{
    const QString name = table.column(column).name.toLower();
    if (name == QLatin1String("id") || name.endsWith(QLatin1String("_id")) || name == QLatin1String("row")
        || name == QLatin1String("index"))
        return true;
    const Livy::ColumnType type = table.column(column).type;
    if (type != Livy::ColumnType::Integer || table.rowCount() < 3)
        return false;
    const int rows = std::min(table.rowCount(), 2000);
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    QSet<qint64> values;
    for (int r = 0; r < rows; ++r) {
        const double v = table.number(r, column);
        if (!std::isfinite(v))
            return false;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        values.insert(qint64(v));
    }
    return values.size() == rows && hi - lo == rows - 1;
}

double magnitude(const Livy::TableResult &table, int column)
{
    double m = 0;
    const int rows = std::min(table.rowCount(), 2000);
    for (int r = 0; r < rows; ++r) {
        const double v = table.number(r, column);
        if (std::isfinite(v))
            m = std::max(m, std::fabs(v));
    }
    return m;
}

} // namespace

int ChartBuilder::defaultXColumn(const Livy::TableResult &table)
{
    // Time first (a series over dates reads best), then a category: the text column with the fewest distinct
    // values that still has more than one, then any text column, then a key-like integer (a year, an id).
    for (int c = 0; c < table.columnCount(); ++c) {
        if (Livy::isTemporalType(table.column(c).type))
            return c;
    }
    int best = -1;
    int bestDistinct = std::numeric_limits<int>::max();
    for (int c = 0; c < table.columnCount(); ++c) {
        if (table.column(c).type != Livy::ColumnType::String)
            continue;
        const int distinct = distinctValues(table, c);
        if (distinct > 1 && distinct < bestDistinct) {
            best = c;
            bestDistinct = distinct;
        }
    }
    if (best >= 0)
        return best;
    for (int c = 0; c < table.columnCount(); ++c) {
        if (table.column(c).type == Livy::ColumnType::String)
            return c;
    }
    for (int c = 0; c < table.columnCount(); ++c) {
        if (Livy::isNumericType(table.column(c).type) && isKeyLike(table, c))
            return c;
    }
    return -1;
}

QList<int> ChartBuilder::plottableColumns(const Livy::TableResult &table)
{
    QList<int> columns;
    for (int c = 0; c < table.columnCount(); ++c) {
        const Livy::ColumnType t = table.column(c).type;
        if (Livy::isNumericType(t) || t == Livy::ColumnType::Boolean)
            columns.append(c);
    }
    return columns;
}

QList<int> ChartBuilder::defaultYColumns(const Livy::TableResult &table, int xColumn)
{
    // Measures, not keys; and only those on the scale of the first one, so that a 0–1 ratio is not drawn flat
    // next to counts in the thousands (the Y menu adds the others).
    QList<int> candidates;
    for (int c = 0; c < table.columnCount(); ++c) {
        if (c != xColumn && Livy::isNumericType(table.column(c).type) && !isKeyLike(table, c))
            candidates.append(c);
    }
    if (candidates.isEmpty()) {
        for (int c = 0; c < table.columnCount(); ++c) {
            if (c != xColumn && Livy::isNumericType(table.column(c).type))
                return { c };
        }
        return {};
    }
    const double first = magnitude(table, candidates.first());
    QList<int> columns;
    for (int c : std::as_const(candidates)) {
        const double m = magnitude(table, c);
        const bool comparable = first == 0 || m == 0 ? m == first : std::max(m, first) / std::min(m, first) <= 20.0;
        if (columns.isEmpty() || comparable)
            columns.append(c);
        if (columns.size() >= MaxDefaultY)
            break;
    }
    return columns;
}

ChartSpec ChartBuilder::defaultSpec(const Livy::TableResult &table, ChartType type)
{
    ChartSpec spec;
    spec.type = type;
    spec.xColumn = defaultXColumn(table);
    spec.yColumns = defaultYColumns(table, spec.xColumn);
    return spec;
}

namespace {

/// Rows grouped by their X: first-seen order, with the sum of each Y column (NaN values skipped).
struct Groups
{
    QStringList labels;
    QList<double> xs;                  // the X value (numbers, times), NaN for categories
    QList<QList<double>> sums;         // [y][group]
    qsizetype droppedRows = 0;         // rows of groups beyond the limit
    qsizetype groupsSeen = 0;
};

Groups groupRows(const Livy::TableResult &table, const QList<int> &rows, int xColumn, XKind kind,
                 const QList<int> &yColumns, int maxGroups)
{
    Groups g;
    g.sums.resize(yColumns.size());
    QHash<QString, int> byLabel;
    for (int row : rows) {
        const QString label = xLabel(table, xColumn, row);
        auto it = byLabel.constFind(label);
        int index = -1;
        if (it == byLabel.constEnd()) {
            ++g.groupsSeen;
            if (g.labels.size() >= maxGroups) {
                ++g.droppedRows;
                continue;
            }
            index = int(g.labels.size());
            byLabel.insert(label, index);
            g.labels.append(label);
            g.xs.append(kind == XKind::Number || kind == XKind::Time ? table.number(row, xColumn)
                                                                      : std::numeric_limits<double>::quiet_NaN());
            for (QList<double> &s : g.sums)
                s.append(0.0);
        } else {
            index = *it;
        }
        for (qsizetype y = 0; y < yColumns.size(); ++y) {
            const double v = table.number(row, yColumns[y]);
            if (std::isfinite(v))
                g.sums[y][index] += v;
        }
    }
    return g;
}

/// Category labels turn once they would not fit side by side in a chart of the default output size (about 800 px:
/// roughly 7 px per character), so Qt Charts does not elide them to "…".
int categoryLabelAngle(const QStringList &labels)
{
    qsizetype widest = 0;
    for (const QString &label : labels)
        widest = std::max(widest, label.size());
    const qsizetype needed = labels.size() * (widest * 7 + 12);
    if (needed <= 760)
        return 0;
    return labels.size() > 24 ? -90 : -45;
}

/// Every k-th index so that at most `limit` remain (the whole range stays visible).
QList<int> evenSample(qsizetype count, int limit)
{
    QList<int> picked;
    if (count <= limit) {
        picked.resize(count);
        std::iota(picked.begin(), picked.end(), 0);
        return picked;
    }
    picked.reserve(limit);
    for (int i = 0; i < limit; ++i)
        picked.append(int(qsizetype(i) * count / limit));
    return picked;
}

/// Sets the axis to cover [lo, hi] with round ticks and labels with just enough decimals.
void niceValueAxis(QValueAxis *axis, double lo, double hi)
{
    if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi) {
        lo = 0;
        hi = 1;
    }
    if (lo == hi) {
        lo -= lo == 0 ? 0 : std::fabs(lo) * 0.1;
        hi += hi == 0 ? 1 : std::fabs(hi) * 0.1;
    }
    axis->setRange(lo, hi);
    axis->applyNiceNumbers();
    const double step = (axis->max() - axis->min()) / std::max(1, axis->tickCount() - 1);
    const int decimals = step > 0 ? std::clamp(int(-std::floor(std::log10(step))), 0, 6) : 0;
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}

QString groupedNote(const Livy::TableResult &table, int xColumn, qsizetype rows, qsizetype groups, const QString &what)
{
    if (groups >= rows || xColumn < 0)
        return {};
    const QLocale locale;
    return QObject::tr("Summed per %1: %2 rows into %3 %4")
        .arg(table.column(xColumn).name, locale.toString(rows), locale.toString(groups), what);
}

} // namespace

QChart *ChartBuilder::build(const Livy::TableResult &table, const QList<int> &rows, const ChartSpec &spec,
                            QString *note)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(spec.yColumns.size() > 1 || spec.type == ChartType::Pie);
    chart->legend()->setAlignment(spec.type == ChartType::Pie ? Qt::AlignRight : Qt::AlignBottom);
    QStringList notes;
    auto finish = [&]() {
        if (note)
            *note = notes.join(QStringLiteral("; "));
        return chart;
    };

    QList<int> yColumns;
    for (int c : spec.yColumns) {
        if (c >= 0 && c < table.columnCount() && c != spec.xColumn && !yColumns.contains(c))
            yColumns.append(c);
    }
    const int xColumn = spec.xColumn < table.columnCount() ? spec.xColumn : -1;
    if (yColumns.isEmpty()) {
        notes.append(QObject::tr("Choose a numeric column to plot"));
        return finish();
    }
    if (spec.type == ChartType::Pie)
        yColumns = {yColumns.first()};
    const XKind kind = xKind(table, xColumn);
    const QLocale locale;
    const QString xName = xColumn >= 0 ? table.column(xColumn).name : QObject::tr("Row");

    switch (spec.type) {
    case ChartType::Bar: {
        const Groups g = groupRows(table, rows, xColumn, kind, yColumns, MaxCategories);
        auto *series = new QBarSeries;
        for (qsizetype y = 0; y < yColumns.size(); ++y) {
            auto *set = new QBarSet(table.column(yColumns[y]).name);
            set->append(g.sums[y]);
            series->append(set);
        }
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(g.labels);
        x->setTitleText(xName);
        x->setLabelsAngle(categoryLabelAngle(g.labels));
        auto *yAxis = new QValueAxis;
        yAxis->setTitleText(yTitle(table, yColumns));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(yAxis, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(yAxis);
        double lo = 0; // bars start at zero
        double hi = 0;
        for (const QList<double> &values : g.sums) {
            for (double v : values) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        niceValueAxis(yAxis, lo, hi);
        notes.append(groupedNote(table, xColumn, rows.size() - g.droppedRows, g.labels.size(), QObject::tr("bars")));
        if (g.droppedRows > 0)
            notes.append(QObject::tr("Showing the first %1 of %2 bars").arg(locale.toString(g.labels.size()),
                                                                               locale.toString(g.groupsSeen)));
        break;
    }
    case ChartType::Pie: {
        const Groups g = groupRows(table, rows, xColumn, kind, yColumns, std::numeric_limits<int>::max());
        struct Slice { QString label; double value; };
        QList<Slice> slices;
        qsizetype skipped = 0;
        for (qsizetype i = 0; i < g.labels.size(); ++i) {
            if (g.sums[0][i] > 0)
                slices.append({g.labels[i], g.sums[0][i]});
            else
                ++skipped;
        }
        notes.append(groupedNote(table, xColumn, rows.size(), g.labels.size(), QObject::tr("slices")));
        if (slices.size() > MaxSlices) {
            std::stable_sort(slices.begin(), slices.end(), [](const Slice &a, const Slice &b) { return a.value > b.value; });
            double other = 0;
            for (qsizetype i = MaxSlices - 1; i < slices.size(); ++i)
                other += slices[i].value;
            const qsizetype grouped = slices.size() - (MaxSlices - 1);
            slices.resize(MaxSlices - 1);
            slices.append({QObject::tr("Other"), other});
            notes.append(QObject::tr("the %1 smallest slices are shown as Other").arg(locale.toString(grouped)));
        }
        if (skipped > 0)
            notes.append(QObject::tr("%1 slices with a zero, negative or empty total are left out").arg(locale.toString(skipped)));
        auto *series = new QPieSeries;
        series->setName(table.column(yColumns.first()).name);
        for (const Slice &s : slices)
            series->append(s.label, s.value);
        const QList<QPieSlice *> pieSlices = series->slices();
        for (QPieSlice *slice : pieSlices) {
            slice->setLabel(QStringLiteral("%1 (%2%)").arg(slice->label()).arg(slice->percentage() * 100, 0, 'f', 1));
            slice->setLabelVisible(pieSlices.size() <= 8);
        }
        chart->addSeries(series);
        break;
    }
    case ChartType::Line:
    case ChartType::Area:
    case ChartType::Scatter: {
        const bool numericX = kind == XKind::Number || kind == XKind::Time;
        QList<QList<QPointF>> points(yColumns.size());
        QStringList categories;
        qsizetype total = 0;
        if (spec.type == ChartType::Scatter) {
            // Every row is a point; categories map to their first-seen position.
            QHash<QString, int> position;
            const QList<int> picked = evenSample(rows.size(), MaxPoints);
            total = rows.size();
            for (int i : picked) {
                const int row = rows[i];
                double x = i;
                if (kind == XKind::Number) {
                    x = table.number(row, xColumn);
                } else if (kind == XKind::Time) {
                    x = axisTime(table.number(row, xColumn));
                } else if (kind == XKind::Category) {
                    const QString label = xLabel(table, xColumn, row);
                    auto it = position.constFind(label);
                    if (it == position.constEnd()) {
                        it = position.insert(label, int(categories.size()));
                        categories.append(label);
                    }
                    x = *it;
                }
                for (qsizetype y = 0; y < yColumns.size(); ++y) {
                    const double v = table.number(row, yColumns[y]);
                    if (std::isfinite(x) && std::isfinite(v))
                        points[y].append(QPointF(x, v));
                }
            }
        } else {
            // Lines and areas: one point per X (duplicates summed), ordered by X for numbers and times.
            Groups g = groupRows(table, rows, xColumn, kind, yColumns, std::numeric_limits<int>::max());
            QList<int> order(g.labels.size());
            std::iota(order.begin(), order.end(), 0);
            if (numericX) {
                order.removeIf([&g](int i) { return !std::isfinite(g.xs[i]); });
                std::stable_sort(order.begin(), order.end(), [&g](int a, int b) { return g.xs[a] < g.xs[b]; });
            }
            total = order.size();
            notes.append(groupedNote(table, xColumn, rows.size(), g.labels.size(), QObject::tr("points")));
            const QList<int> picked = evenSample(order.size(), MaxPoints);
            for (int p = 0; p < picked.size(); ++p) {
                const int gi = order[picked[p]];
                const double x = kind == XKind::Number ? g.xs[gi] : kind == XKind::Time ? axisTime(g.xs[gi]) : double(p);
                if (!numericX)
                    categories.append(g.labels[gi]);
                for (qsizetype y = 0; y < yColumns.size(); ++y)
                    points[y].append(QPointF(x, g.sums[y][gi]));
            }
        }
        if (total > MaxPoints)
            notes.append(QObject::tr("Plotting %1 of %2 points, evenly spaced")
                             .arg(locale.toString(MaxPoints), locale.toString(total)));
        for (qsizetype y = 0; y < yColumns.size(); ++y) {
            const QString name = table.column(yColumns[y]).name;
            if (spec.type == ChartType::Scatter) {
                auto *series = new QScatterSeries;
                series->setName(name);
                series->setMarkerSize(8);
                series->replace(points[y]);
                chart->addSeries(series);
            } else if (spec.type == ChartType::Line) {
                auto *series = new QLineSeries;
                series->setName(name);
                series->replace(points[y]);
                chart->addSeries(series);
            } else {
                auto *upper = new QLineSeries;
                upper->replace(points[y]);
                auto *series = new QAreaSeries(upper);
                series->setName(name);
                chart->addSeries(series);
                // The area series does not own its boundary line (it is even created as its child): once the
                // chart owns the area, hand the line to the area so both go with the chart.
                upper->setParent(series);
            }
        }
        QAbstractAxis *x = nullptr;
        if (kind == XKind::Time) {
            auto *axis = new QDateTimeAxis;
            const bool dates = table.column(xColumn).type == Livy::ColumnType::Date;
            axis->setFormat(dates ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm"));
            axis->setLabelsAngle(-30);
            x = axis;
        } else if (!numericX && !categories.isEmpty() && categories.size() <= 30 && kind != XKind::RowNumber) {
            auto *axis = new QBarCategoryAxis;
            axis->append(categories);
            axis->setLabelsAngle(categoryLabelAngle(categories));
            x = axis;
        } else {
            x = new QValueAxis;
        }
        x->setTitleText(numericX || qobject_cast<QBarCategoryAxis *>(x) ? xName
                        : kind == XKind::RowNumber                        ? QObject::tr("Row")
                                                                         : QObject::tr("%1 (position)").arg(xName));
        auto *yAxis = new QValueAxis;
        yAxis->setTitleText(yTitle(table, yColumns));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(yAxis, Qt::AlignLeft);
        const QList<QAbstractSeries *> all = chart->series();
        for (QAbstractSeries *s : all) {
            s->attachAxis(x);
            s->attachAxis(yAxis);
        }
        double yLo = spec.type == ChartType::Area ? 0.0 : std::numeric_limits<double>::infinity();
        double yHi = spec.type == ChartType::Area ? 0.0 : -std::numeric_limits<double>::infinity();
        double xLo = std::numeric_limits<double>::infinity();
        double xHi = -std::numeric_limits<double>::infinity();
        for (const QList<QPointF> &list : points) {
            for (const QPointF &p : list) {
                yLo = std::min(yLo, p.y());
                yHi = std::max(yHi, p.y());
                xLo = std::min(xLo, p.x());
                xHi = std::max(xHi, p.x());
            }
        }
        niceValueAxis(yAxis, yLo, yHi);
        if (auto *valueX = qobject_cast<QValueAxis *>(x))
            niceValueAxis(valueX, xLo, xHi);
        else if (auto *timeX = qobject_cast<QDateTimeAxis *>(x); timeX && xLo <= xHi)
            timeX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xLo)), QDateTime::fromMSecsSinceEpoch(qint64(xHi)));
        break;
    }
    }
    notes.removeAll(QString());
    if (!notes.isEmpty())
        notes.first()[0] = notes.first()[0].toUpper();
    return finish();
}

} // namespace LivyDesk
