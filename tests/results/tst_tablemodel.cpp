// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/tablemodel.h"
#include "results/tableproxymodel.h"

#include <QAbstractItemModelTester>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;

namespace {

std::shared_ptr<const TableResult> sample()
{
    // Numbers whose text order differs from their numeric order, dates across a year boundary,
    // timestamps with zones, nulls, and mixed-case strings.
    const QByteArray text = R"({"headers":[
        {"name":"id","type":"INT_TYPE"},{"name":"amount","type":"DOUBLE_TYPE"},{"name":"city","type":"STRING_TYPE"},
        {"name":"day","type":"DATE_TYPE"},{"name":"at","type":"TIMESTAMP_TYPE"}],
      "data":[
        [10, 2.5,   "Berlin", "2024-01-05", "2024-01-05T10:00:00+02:00"],
        [9,  100,   "athens", "2023-12-31", "2024-01-05T09:30:00Z"],
        [100, -3,   "Cairo",  "2024-11-02", "2023-06-01 00:00:00"],
        [null, null, null,    null,         null],
        [1,  20.25, "bern",   "2024-01-04", "2024-01-05T08:59:59.999Z"]]})";
    const Result<TableResult> parsed = TableResult::fromLivyTable(QJsonDocument::fromJson(text).object());
    if (!parsed)
        qFatal("sample table did not parse");
    return std::make_shared<const TableResult>(parsed.value());
}

QList<int> columnOrder(const QAbstractItemModel &model)
{
    // The original row number (vertical header) of each row, in the order shown.
    QList<int> rows;
    for (int r = 0; r < model.rowCount(); ++r)
        rows.append(model.headerData(r, Qt::Vertical).toInt());
    return rows;
}

} // namespace

class TestTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelBasics()
    {
        TableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);

        model.setResult(sample());
        QCOMPARE(aboutToReset.size(), 1);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("city"));
        QVERIFY(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QLatin1String("double")));
        QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);
        QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("2.5"));
        QCOMPARE(model.data(model.index(0, 1), TableModel::SortRole), QVariant(2.5));
        QCOMPARE(model.data(model.index(1, 3), TableModel::SortRole).toDate(), QDate(2023, 12, 31));
        QCOMPARE(model.data(model.index(0, 0), TableModel::ColumnTypeRole).toInt(), int(ColumnType::Integer));
        QCOMPARE(Qt::Alignment(model.data(model.index(0, 0), Qt::TextAlignmentRole).toInt()) & Qt::AlignRight,
                 Qt::AlignRight);
        QCOMPARE(Qt::Alignment(model.data(model.index(0, 2), Qt::TextAlignmentRole).toInt()) & Qt::AlignLeft,
                 Qt::AlignLeft);
        QVERIFY(model.data(model.index(3, 2), TableModel::IsNullRole).toBool());
        QCOMPARE(model.data(model.index(3, 2)).toString(), QString());
        QVERIFY(!model.data(model.index(0, 2), TableModel::IsNullRole).toBool());
        QVERIFY(!model.data(model.index(0, 0), Qt::EditRole).isValid());
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));

        model.clear();
        QCOMPARE(reset.size(), 2);
        QCOMPARE(model.rowCount(), 0);
    }

    void displayShortensLongAndMultiLineText()
    {
        const QString longText = QString(TableModel::MaxDisplayLength + 100, QLatin1Char('x'));
        auto table = std::make_shared<const TableResult>(TableResult::fromRows(
            {TableColumn{QStringLiteral("t"), ColumnType::String, {}}},
            {QJsonArray{longText}, QJsonArray{QStringLiteral("a\nb")}}));
        TableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(table);
        QCOMPARE(model.data(model.index(0, 0)).toString().size(), TableModel::MaxDisplayLength + 1);
        QCOMPARE(model.data(model.index(0, 0), TableModel::FullTextRole).toString(), longText);
        QVERIFY(!model.data(model.index(1, 0)).toString().contains(QLatin1Char('\n')));
        QCOMPARE(model.data(model.index(1, 0), TableModel::FullTextRole).toString(), QStringLiteral("a\nb"));
        QVERIFY(!model.data(model.index(1, 0), Qt::ToolTipRole).toString().isEmpty());
    }

    void typedSorting_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QList<int>>("expected");
        // Original rows: 1:(10) 2:(9) 3:(100) 4:(nulls) 5:(1)
        QTest::newRow("int ascending") << 0 << int(Qt::AscendingOrder) << QList<int>{4, 5, 2, 1, 3};
        QTest::newRow("int descending") << 0 << int(Qt::DescendingOrder) << QList<int>{3, 1, 2, 5, 4};
        QTest::newRow("double ascending") << 1 << int(Qt::AscendingOrder) << QList<int>{4, 3, 1, 5, 2};
        QTest::newRow("text ignores case") << 2 << int(Qt::AscendingOrder) << QList<int>{4, 2, 1, 5, 3};
        QTest::newRow("dates") << 3 << int(Qt::AscendingOrder) << QList<int>{4, 2, 5, 1, 3};
        // 2023-06-01 00:00Z, 2024-01-05 08:00Z (10:00+02), 08:59:59.999Z, 09:30Z
        QTest::newRow("timestamps with zones") << 4 << int(Qt::AscendingOrder) << QList<int>{4, 3, 1, 5, 2};
    }
    void typedSorting()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QList<int>, expected);
        TableModel model;
        TableProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(sample());
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        proxy.sort(column, Qt::SortOrder(order));
        QCOMPARE(layout.size(), 1);
        QCOMPARE(columnOrder(proxy), expected);
        QList<int> source = proxy.visibleSourceRows();
        for (int &r : source)
            ++r;
        QCOMPARE(source, expected);
    }

    void filter()
    {
        TableModel model;
        TableProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(sample());
        QCOMPARE(proxy.rowCount(), 5);

        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        proxy.setFilterText(QStringLiteral("  BER "));
        QVERIFY(!removed.isEmpty());
        QCOMPARE(proxy.filterText(), QStringLiteral("BER"));
        QCOMPARE(columnOrder(proxy), (QList<int>{1, 5})); // Berlin, bern
        proxy.sort(0, Qt::DescendingOrder);
        QCOMPARE(columnOrder(proxy), (QList<int>{1, 5}));  // ids 10, 1
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(columnOrder(proxy), (QList<int>{5, 1}));

        // Numbers match on their text; nulls never match.
        proxy.setFilterText(QStringLiteral("20.2"));
        QCOMPARE(columnOrder(proxy), (QList<int>{5}));
        proxy.setFilterText(QStringLiteral("2024-01"));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setFilterText(QStringLiteral("nothing like this"));
        QCOMPARE(proxy.rowCount(), 0);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        proxy.setFilterText(QString());
        QVERIFY(!inserted.isEmpty());
        QCOMPARE(proxy.rowCount(), 5);

        // A new result keeps the filter.
        proxy.setFilterText(QStringLiteral("cairo"));
        model.setResult(sample());
        QCOMPARE(columnOrder(proxy), (QList<int>{3}));
    }

    void precomputedFilterMask()
    {
        TableModel model;
        TableProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto table = sample();
        model.setResult(table);
        const std::vector<bool> mask = table->matchingRows(u"ber");
        QCOMPARE(mask, (std::vector<bool>{true, false, false, false, true}));
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        proxy.setFilterMask(QStringLiteral("ber"), std::make_shared<const std::vector<bool>>(mask));
        QVERIFY(!removed.isEmpty());
        QCOMPARE(columnOrder(proxy), (QList<int>{1, 5}));
        QCOMPARE(proxy.filterText(), QStringLiteral("ber"));
        // A mask of another size is not trusted: the proxy filters by itself.
        proxy.setFilterMask(QStringLiteral("cairo"), std::make_shared<const std::vector<bool>>(std::vector<bool>{true}));
        QCOMPARE(columnOrder(proxy), (QList<int>{3}));
        // A new result drops the mask and filters again.
        proxy.setFilterMask(QStringLiteral("athens"), std::make_shared<const std::vector<bool>>(table->matchingRows(u"athens")));
        QCOMPARE(columnOrder(proxy), (QList<int>{2}));
        model.setResult(sample());
        QCOMPARE(columnOrder(proxy), (QList<int>{2}));
        // Cancelled: an empty answer.
        QVERIFY(TableResult::fromRows({TableColumn{QStringLiteral("n"), ColumnType::Integer, {}, -1}},
                                      QList<QJsonArray>(5000, QJsonArray{1}))
                    .matchingRows(u"1", [] { return true; })
                    .empty());
    }

    void bigTableSortAndFilter()
    {
        // 20,000 rows: sorting goes through the typed comparison, not text.
        QJsonArray data;
        for (int i = 0; i < 20000; ++i)
            data.append(QJsonArray{(i * 7919) % 20000, QStringLiteral("row %1").arg(i)});
        const QJsonObject object{
            {QStringLiteral("headers"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("k")}, {QStringLiteral("type"), QStringLiteral("INT_TYPE")}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("s")}, {QStringLiteral("type"), QStringLiteral("STRING_TYPE")}}}},
            {QStringLiteral("data"), data}};
        TableModel model;
        TableProxyModel proxy;
        proxy.setSourceModel(&model);
        model.setResult(std::make_shared<const TableResult>(TableResult::fromLivyTable(object).value()));
        proxy.sort(0);
        for (int r = 0; r < proxy.rowCount(); r += 997)
            QCOMPARE(proxy.data(proxy.index(r, 0), TableModel::SortRole).toLongLong(), qlonglong(r));
        proxy.setFilterText(QStringLiteral("row 1999"));
        QCOMPARE(proxy.rowCount(), 11); // row 1999 and row 19990..19999
    }
};

QTEST_GUILESS_MAIN(TestTableModel)
#include "tst_tablemodel.moc"
