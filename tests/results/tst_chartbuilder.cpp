// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/chartbuilder.h"

#include "results/tablemodel.h"
#include "results/tableproxymodel.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QJsonArray>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QTest>
#include <QValueAxis>

#include <memory>

using namespace LivyDesk;
using Livy::ColumnType;
using Livy::TableColumn;
using Livy::TableResult;

namespace {

// region (string), day (date), units (int), price (double), flag (bool)
std::shared_ptr<const TableResult> sales()
{
    const QList<QJsonArray> rows{
        {QStringLiteral("north"), QStringLiteral("2024-01-02"), 10, 2.5, true},
        {QStringLiteral("south"), QStringLiteral("2024-01-01"), 20, 1.0, false},
        {QStringLiteral("north"), QStringLiteral("2024-01-01"), 5, 4.0, true},
        {QStringLiteral("east"), QStringLiteral("2024-01-03"), QJsonValue(QJsonValue::Null), -3.0, false},
        {QStringLiteral("south"), QStringLiteral("2024-01-02"), 1, 0.5, true},
    };
    return std::make_shared<const TableResult>(TableResult::fromRows(
        {TableColumn{QStringLiteral("region"), ColumnType::String, {}, -1},
         TableColumn{QStringLiteral("day"), ColumnType::Date, {}, -1},
         TableColumn{QStringLiteral("units"), ColumnType::Integer, {}, -1},
         TableColumn{QStringLiteral("price"), ColumnType::Double, {}, -1},
         TableColumn{QStringLiteral("flag"), ColumnType::Boolean, {}, -1}},
        rows));
}

QList<int> allRows(const TableResult &t)
{
    QList<int> rows;
    for (int r = 0; r < t.rowCount(); ++r)
        rows.append(r);
    return rows;
}

QList<qreal> barValues(const QBarSet *set)
{
    QList<qreal> values;
    for (int i = 0; i < set->count(); ++i)
        values.append(set->at(i));
    return values;
}

qreal localMs(int y, int m, int d)
{
    return qreal(QDateTime(QDate(y, m, d), QTime(0, 0), Qt::LocalTime).toMSecsSinceEpoch());
}

} // namespace

class TestChartBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults()
    {
        const auto t = sales();
        QCOMPARE(ChartBuilder::defaultXColumn(*t), 1); // the date: a series over time
        QCOMPARE(ChartBuilder::defaultYColumns(*t, 1), (QList<int>{2, 3})); // numeric columns of one scale
        QCOMPARE(ChartBuilder::plottableColumns(*t), (QList<int>{2, 3, 4}));
        const ChartSpec spec = ChartBuilder::defaultSpec(*t, ChartType::Line);
        QCOMPARE(spec.type, ChartType::Line);
        QCOMPARE(spec.xColumn, 1);

        // No date: the category with the fewest distinct values (not a text column that names every row).
        const TableResult people = TableResult::fromRows(
            {TableColumn{QStringLiteral("name"), ColumnType::String, {}, -1},
             TableColumn{QStringLiteral("team"), ColumnType::String, {}, -1},
             TableColumn{QStringLiteral("goals"), ColumnType::Integer, {}, -1}},
            {QJsonArray{QStringLiteral("ann"), QStringLiteral("red"), 3}, QJsonArray{QStringLiteral("bob"), QStringLiteral("red"), 1},
             QJsonArray{QStringLiteral("cid"), QStringLiteral("blue"), 4}});
        QCOMPARE(ChartBuilder::defaultXColumn(people), 1);

        // No text column: the first date column; no date either: the row number.
        const TableResult dated = TableResult::fromRows(
            {TableColumn{QStringLiteral("n"), ColumnType::Integer, {}, -1}, TableColumn{QStringLiteral("at"), ColumnType::Timestamp, {}, -1}},
            {QJsonArray{1, QStringLiteral("2024-01-01 10:00:00")}});
        QCOMPARE(ChartBuilder::defaultXColumn(dated), 1);
        QCOMPARE(ChartBuilder::defaultYColumns(dated, 1), QList<int>{0});
        const TableResult numbers = TableResult::fromRows(
            {TableColumn{QStringLiteral("a"), ColumnType::Integer, {}, -1}, TableColumn{QStringLiteral("b"), ColumnType::Double, {}, -1}},
            {QJsonArray{1, 2.0}});
        QCOMPARE(ChartBuilder::defaultXColumn(numbers), -1);
        QCOMPARE(ChartBuilder::defaultYColumns(numbers, -1), (QList<int>{0, 1}));
        QCOMPARE(ChartBuilder::types().size(), 5);
    }

    void defaultYLeavesOutKeysAndOtherScales()
    {
        // The analyst's case: a 0-1 average next to counts of 143 and an id column.
        QList<QJsonArray> rows;
        const char *cities[] = {"Lyon", "Oslo", "Porto", "Kyoto"};
        for (int i = 0; i < 4; ++i)
            rows.append(QJsonArray{i, QLatin1String(cities[i]), 100 + i * 14, 0.25 + i * 0.1, 120 + i * 9});
        const TableResult t = TableResult::fromRows(
            {TableColumn{QStringLiteral("id"), ColumnType::Integer, {}, -1}, TableColumn{QStringLiteral("city"), ColumnType::String, {}, -1},
             TableColumn{QStringLiteral("visits"), ColumnType::Integer, {}, -1}, TableColumn{QStringLiteral("ratio"), ColumnType::Double, {}, -1},
             TableColumn{QStringLiteral("orders"), ColumnType::Integer, {}, -1}},
            rows);
        QCOMPARE(ChartBuilder::defaultXColumn(t), 1);
        // Not the id, and not the ratio (a different scale): visits and orders.
        QCOMPARE(ChartBuilder::defaultYColumns(t, 1), (QList<int>{2, 4}));
        // Only numbers: a key-like integer is the X, the measures are Y.
        const TableResult years = TableResult::fromRows(
            {TableColumn{QStringLiteral("year"), ColumnType::Integer, {}, -1}, TableColumn{QStringLiteral("revenue"), ColumnType::Double, {}, -1}},
            {QJsonArray{2021, 3.5}, QJsonArray{2022, 4.0}, QJsonArray{2023, 4.5}});
        QCOMPARE(ChartBuilder::defaultXColumn(years), 0);
        QCOMPARE(ChartBuilder::defaultYColumns(years, 0), QList<int>{1});
    }

    void longCategoryLabelsTurnInsteadOfBeingElided()
    {
        QList<QJsonArray> rows;
        for (int i = 0; i < 16; ++i)
            rows.append(QJsonArray{QStringLiteral("department-number-%1").arg(i), i});
        const TableResult t = TableResult::fromRows(
            {TableColumn{QStringLiteral("dept"), ColumnType::String, {}, -1}, TableColumn{QStringLiteral("n"), ColumnType::Integer, {}, -1}},
            rows);
        std::unique_ptr<QChart> chart(ChartBuilder::build(t, allRows(t), {ChartType::Bar, 0, {1}}));
        auto *axis = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).first());
        QVERIFY(axis);
        QCOMPARE(axis->labelsAngle(), -45);
        const TableResult few = TableResult::fromRows(
            {TableColumn{QStringLiteral("dept"), ColumnType::String, {}, -1}, TableColumn{QStringLiteral("n"), ColumnType::Integer, {}, -1}},
            {QJsonArray{QStringLiteral("a"), 1}, QJsonArray{QStringLiteral("b"), 2}});
        std::unique_ptr<QChart> small(ChartBuilder::build(few, allRows(few), {ChartType::Bar, 0, {1}}));
        QCOMPARE(qobject_cast<QBarCategoryAxis *>(small->axes(Qt::Horizontal).first())->labelsAngle(), 0);
    }

    void barSumsPerCategory()
    {
        const auto t = sales();
        QString note;
        std::unique_ptr<QChart> chart(ChartBuilder::build(*t, allRows(*t), {ChartType::Bar, 0, {2, 3}}, &note));
        QCOMPARE(chart->series().size(), 1);
        auto *bars = qobject_cast<QBarSeries *>(chart->series().first());
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2); // one set per Y column
        QCOMPARE(bars->barSets()[0]->label(), QStringLiteral("units"));
        // north 10+5, south 20+1, east null -> 0
        QCOMPARE(barValues(bars->barSets()[0]), (QList<qreal>{15, 21, 0}));
        QCOMPARE(barValues(bars->barSets()[1]), (QList<qreal>{6.5, 1.5, -3.0}));
        auto *axis = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).first());
        QVERIFY(axis);
        QCOMPARE(axis->categories(), (QStringList{QStringLiteral("north"), QStringLiteral("south"), QStringLiteral("east")}));
        auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).first());
        QVERIFY(y->min() <= -3.0);
        QVERIFY(y->max() >= 21.0);
        QVERIFY(note.contains(QLatin1String("5 rows into 3 bars")));
    }

    void barsByRowNumber()
    {
        const auto t = sales();
        std::unique_ptr<QChart> chart(ChartBuilder::build(*t, {4, 0}, {ChartType::Bar, -1, {2}}));
        auto *bars = qobject_cast<QBarSeries *>(chart->series().first());
        QCOMPARE(barValues(bars->barSets()[0]), (QList<qreal>{1, 10})); // the rows given, in that order
        auto *axis = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).first());
        QCOMPARE(axis->categories(), (QStringList{QStringLiteral("5"), QStringLiteral("1")}));
    }

    void pie()
    {
        const auto t = sales();
        QString note;
        std::unique_ptr<QChart> chart(ChartBuilder::build(*t, allRows(*t), {ChartType::Pie, 0, {3, 2}}, &note));
        auto *pie = qobject_cast<QPieSeries *>(chart->series().first());
        QVERIFY(pie);
        // The first Y only (price); east's total is negative and is left out.
        QCOMPARE(pie->count(), 2);
        QCOMPARE(pie->slices()[0]->value(), 6.5);
        QCOMPARE(pie->slices()[1]->value(), 1.5);
        QVERIFY(pie->slices()[0]->label().startsWith(QLatin1String("north (81.3%)")));
        QVERIFY(note.contains(QLatin1String("left out")));
    }

    void pieGroupsSmallSlicesAsOther()
    {
        QList<QJsonArray> rows;
        for (int i = 0; i < 20; ++i)
            rows.append(QJsonArray{QStringLiteral("k%1").arg(i), i + 1});
        const TableResult t = TableResult::fromRows(
            {TableColumn{QStringLiteral("k"), ColumnType::String, {}, -1}, TableColumn{QStringLiteral("v"), ColumnType::Integer, {}, -1}}, rows);
        std::unique_ptr<QChart> chart(ChartBuilder::build(t, allRows(t), {ChartType::Pie, 0, {1}}));
        auto *pie = qobject_cast<QPieSeries *>(chart->series().first());
        QCOMPARE(pie->count(), ChartBuilder::MaxSlices);
        QCOMPARE(pie->slices().first()->value(), 20.0); // biggest first
        QVERIFY(pie->slices().last()->label().startsWith(QLatin1String("Other")));
        // Other = 1 + 2 + ... + 9
        QCOMPARE(pie->slices().last()->value(), 45.0);
        QCOMPARE(pie->sum(), 210.0);
    }

    void lineOverDates()
    {
        const auto t = sales();
        std::unique_ptr<QChart> chart(ChartBuilder::build(*t, allRows(*t), {ChartType::Line, 1, {2}}));
        QCOMPARE(chart->series().size(), 1);
        auto *line = qobject_cast<QLineSeries *>(chart->series().first());
        QVERIFY(line);
        // One point per day, in date order, units summed: 01-01: 20+5, 01-02: 10+1, 01-03: null
        const QList<QPointF> points = line->points();
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0], QPointF(localMs(2024, 1, 1), 25));
        QCOMPARE(points[1], QPointF(localMs(2024, 1, 2), 11));
        QCOMPARE(points[2], QPointF(localMs(2024, 1, 3), 0));
        QVERIFY(qobject_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).first()));
    }

    void lineOverNumbersIsSorted()
    {
        const auto t = sales();
        std::unique_ptr<QChart> chart(ChartBuilder::build(*t, allRows(*t), {ChartType::Line, 3, {2}}));
        auto *line = qobject_cast<QLineSeries *>(chart->series().first());
        const QList<QPointF> points = line->points();
        QCOMPARE(points.size(), 5);
        for (int i = 1; i < points.size(); ++i)
            QVERIFY(points[i - 1].x() < points[i].x());
        QCOMPARE(points.first(), QPointF(-3.0, 0)); // east: null units count as nothing
        QCOMPARE(points.last(), QPointF(4.0, 5));
    }

    void scatterKeepsEveryRow()
    {
        const auto t = sales();
        std::unique_ptr<QChart> chart(ChartBuilder::build(*t, allRows(*t), {ChartType::Scatter, 2, {3}}));
        auto *scatter = qobject_cast<QScatterSeries *>(chart->series().first());
        QVERIFY(scatter);
        // Row 4 has no units (null X): 4 points.
        QCOMPARE(scatter->count(), 4);
        QVERIFY(scatter->points().contains(QPointF(10, 2.5)));
        QVERIFY(scatter->points().contains(QPointF(5, 4.0)));
        QVERIFY(qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).first()));
    }

    void areaSeries()
    {
        const auto t = sales();
        std::unique_ptr<QChart> chart(ChartBuilder::build(*t, allRows(*t), {ChartType::Area, 0, {2, 3}}));
        QCOMPARE(chart->series().size(), 2);
        auto *area = qobject_cast<QAreaSeries *>(chart->series().first());
        QVERIFY(area);
        QCOMPARE(area->name(), QStringLiteral("units"));
        QCOMPARE(area->upperSeries()->points(), (QList<QPointF>{{0, 15}, {1, 21}, {2, 0}}));
        auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).first());
        QVERIFY(y->min() <= -3.0); // price has a negative total
    }

    void followsTheProxyModel()
    {
        // A chart from what a filtered and sorted table view shows.
        Livy::TableModel model;
        Livy::TableProxyModel proxy;
        proxy.setSourceModel(&model);
        model.setResult(sales());
        proxy.setFilterText(QStringLiteral("south"));
        proxy.sort(2, Qt::DescendingOrder);
        std::unique_ptr<QChart> chart(ChartBuilder::build(*model.result(), proxy.visibleSourceRows(), {ChartType::Bar, -1, {2}}));
        auto *bars = qobject_cast<QBarSeries *>(chart->series().first());
        QCOMPARE(barValues(bars->barSets()[0]), (QList<qreal>{20, 1}));
    }

    void bigResultsAreSampled()
    {
        QList<QJsonArray> rows;
        for (int i = 0; i < 20000; ++i)
            rows.append(QJsonArray{i, i % 100});
        const TableResult t = TableResult::fromRows(
            {TableColumn{QStringLiteral("x"), ColumnType::Integer, {}, -1}, TableColumn{QStringLiteral("y"), ColumnType::Integer, {}, -1}}, rows);
        QString note;
        std::unique_ptr<QChart> line(ChartBuilder::build(t, allRows(t), {ChartType::Line, 0, {1}}, &note));
        const QList<QPointF> points = qobject_cast<QLineSeries *>(line->series().first())->points();
        QCOMPARE(points.size(), ChartBuilder::MaxPoints);
        QCOMPARE(points.first().x(), 0.0);
        QVERIFY(points.last().x() > 19990); // the whole range, not just the start
        QVERIFY(note.contains(QLatin1String("5,000 of 20,000")));

        std::unique_ptr<QChart> bars(ChartBuilder::build(t, allRows(t), {ChartType::Bar, 1, {0}}, &note));
        QCOMPARE(qobject_cast<QBarSeries *>(bars->series().first())->barSets()[0]->count(), 100);
        std::unique_ptr<QChart> many(ChartBuilder::build(t, allRows(t), {ChartType::Bar, 0, {1}}, &note));
        QCOMPARE(qobject_cast<QBarSeries *>(many->series().first())->barSets()[0]->count(), ChartBuilder::MaxCategories);
        QVERIFY(note.contains(QLatin1String("first 100 of 20,000")));
    }

    void nothingToPlot()
    {
        const auto t = sales();
        QString note;
        std::unique_ptr<QChart> chart(ChartBuilder::build(*t, allRows(*t), {ChartType::Line, 0, {}}, &note));
        QVERIFY(chart->series().isEmpty());
        QVERIFY(!note.isEmpty());
        // Y equal to X is ignored.
        std::unique_ptr<QChart> same(ChartBuilder::build(*t, allRows(*t), {ChartType::Bar, 2, {2}}, &note));
        QVERIFY(same->series().isEmpty());
    }
};

QTEST_MAIN(TestChartBuilder)
#include "tst_chartbuilder.moc"
