// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/tableresult.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace Livy;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QJsonObject sqlResult(int rows)
{
    QJsonArray data;
    for (int i = 0; i < rows; ++i)
        data.append(QJsonArray{i, QStringLiteral("r%1").arg(i)});
    return QJsonObject{
        {QStringLiteral("schema"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("struct")},
                     {QStringLiteral("fields"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("id")},
                                             {QStringLiteral("type"), QStringLiteral("integer")}},
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("label")},
                                             {QStringLiteral("type"), QStringLiteral("string")}}}}}},
        {QStringLiteral("data"), data}};
}

} // namespace

class TestTableResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void livyTableTypedColumns()
    {
        const QJsonObject table = json(R"({"headers":[
              {"name":"id","type":"BIGINT_TYPE"},{"name":"price","type":"DOUBLE_TYPE"},
              {"name":"name","type":"STRING_TYPE"},{"name":"day","type":"DATE_TYPE"},
              {"name":"at","type":"TIMESTAMP_TYPE"},{"name":"ok","type":"BOOLEAN_TYPE"},
              {"name":"tags","type":"ARRAY_TYPE"}],
            "data":[[9007199254740993, 1.5, "a", "2024-02-29", "2024-02-29 13:45:00.123456", true, ["x","y"]],
                    [null, null, null, null, null, null, null]]})");
        const Result<TableResult> parsed = TableResult::fromLivyTable(table);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const TableResult &t = parsed.value();
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(t.columnCount(), 7);
        QCOMPARE(t.origin(), TableResult::Origin::LivyTable);
        QCOMPARE(t.column(0).type, ColumnType::Integer);
        QCOMPARE(t.column(0).typeName, QStringLiteral("BIGINT_TYPE"));
        QCOMPARE(t.column(1).type, ColumnType::Double);
        QCOMPARE(t.column(2).type, ColumnType::String);
        QCOMPARE(t.column(3).type, ColumnType::Date);
        QCOMPARE(t.column(4).type, ColumnType::Timestamp);
        QCOMPARE(t.column(5).type, ColumnType::Boolean);
        QCOMPARE(t.column(6).type, ColumnType::Array);

        // 2^53 + 1 survives (Qt keeps JSON integers exact).
        QCOMPARE(t.value(0, 0), QVariant(qlonglong(9007199254740993LL)));
        QCOMPARE(t.text(0, 0), QStringLiteral("9007199254740993"));
        QCOMPARE(t.value(0, 1).toDouble(), 1.5);
        QCOMPARE(t.text(0, 1), QStringLiteral("1.5"));
        QCOMPARE(t.text(0, 2), QStringLiteral("a"));
        QCOMPARE(t.value(0, 3).toDate(), QDate(2024, 2, 29));
        QCOMPARE(t.text(0, 3), QStringLiteral("2024-02-29"));
        QCOMPARE(t.value(0, 4).toDateTime(), QDateTime(QDate(2024, 2, 29), QTime(13, 45, 0, 123), Qt::UTC));
        QCOMPARE(t.text(0, 4), QStringLiteral("2024-02-29 13:45:00.123456")); // as the server wrote it
        QCOMPARE(t.value(0, 5), QVariant(true));
        QCOMPARE(t.text(0, 6), QStringLiteral("[\"x\",\"y\"]"));
        QCOMPARE(t.jsonValue(0, 6), QJsonValue(QJsonArray{QStringLiteral("x"), QStringLiteral("y")}));

        for (int c = 0; c < 7; ++c) {
            QVERIFY(!t.isNull(0, c));
            QVERIFY(t.isNull(1, c));
            QCOMPARE(t.text(1, c), QString());
            QVERIFY(!t.value(1, c).isValid());
            QVERIFY(t.jsonValue(1, c).isNull());
            QVERIFY(std::isnan(t.number(1, c)));
        }
        QVERIFY(t.warnings().isEmpty());
        QVERIFY(!t.mayBeTruncated());
    }

    void sqlSchemaTypes()
    {
        const QJsonObject result = json(R"J({"schema":{"type":"struct","fields":[
              {"name":"n","type":"long","nullable":true,"metadata":{}},
              {"name":"amount","type":"decimal(10,2)","nullable":true,"metadata":{}},
              {"name":"d","type":"date","nullable":true,"metadata":{}},
              {"name":"ts","type":"timestamp","nullable":true,"metadata":{}},
              {"name":"xs","type":{"type":"array","elementType":"integer","containsNull":true},"nullable":true,"metadata":{}},
              {"name":"weird","type":"interval","nullable":true,"metadata":{}}]},
            "data":[[1, 12.34, "2020-01-01", "2020-01-01T10:00:00.000Z", [1,2], "1 day"]]})J");
        const Result<TableResult> parsed = TableResult::fromSqlResult(result);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const TableResult &t = parsed.value();
        QCOMPARE(t.origin(), TableResult::Origin::SqlResult);
        QCOMPARE(t.column(0).type, ColumnType::Integer);
        QCOMPARE(t.column(1).type, ColumnType::Decimal);
        QCOMPARE(t.column(1).typeName, QStringLiteral("decimal(10,2)"));
        QCOMPARE(t.column(2).type, ColumnType::Date);
        QCOMPARE(t.column(3).type, ColumnType::Timestamp);
        QCOMPARE(t.column(4).type, ColumnType::Array);
        QCOMPARE(t.column(4).typeName, QStringLiteral("array<integer>"));
        QCOMPARE(t.column(5).type, ColumnType::String); // unknown type, inferred from the values
        QCOMPARE(t.number(0, 1), 12.34);
        QCOMPARE(t.column(1).scale, 2);
        QCOMPARE(t.text(0, 1), QStringLiteral("12.34"));
        QCOMPARE(t.value(0, 3).toDateTime(), QDateTime(QDate(2020, 1, 1), QTime(10, 0), Qt::UTC));
        QVERIFY(TableResult::isSqlResultShape(QJsonValue(result)));
        QVERIFY(!TableResult::isLivyTableShape(QJsonValue(result)));
    }

    void sparkRowsInStructs()
    {
        // Livy writes a struct value as json4s writes a Row: {"schema":[...],"values":[...]}.
        const QJsonObject result = json(R"({"schema":{"type":"struct","fields":[
              {"name":"st","type":{"type":"struct","fields":[{"name":"a","type":"integer"},{"name":"b","type":"string"}]}},
              {"name":"m","type":{"type":"map","keyType":"string","valueType":"integer"}}]},
            "data":[[{"schema":[{"name":"a","dataType":{},"nullable":false,"metadata":{"map":{}}},
                                {"name":"b","dataType":{},"nullable":false,"metadata":{"map":{}}}],"values":[1,"z"]},
                     {"k":1}]]})");
        const Result<TableResult> parsed = TableResult::fromSqlResult(result);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->column(0).type, ColumnType::Struct);
        QCOMPARE(parsed->text(0, 0), QStringLiteral("{\"a\":1,\"b\":\"z\"}"));
        QCOMPARE(parsed->jsonValue(0, 0), QJsonValue(QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), QStringLiteral("z")}}));
        QCOMPARE(parsed->text(0, 1), QStringLiteral("{\"k\":1}"));
    }

    void numberTexts()
    {
        const TableResult t = TableResult::fromRows(
            {TableColumn{QStringLiteral("d"), ColumnType::Double, {}, -1},
             TableColumn{QStringLiteral("m"), ColumnType::Decimal, QStringLiteral("decimal(10,2)"), 2}},
            {QJsonArray{3, 0}, QJsonArray{0.1, 12.5}, QJsonArray{1e300, -7}, QJsonArray{-0.000001, 1234567.891}});
        QCOMPARE(t.text(0, 0), QStringLiteral("3.0"));     // a double prints like Spark's 3.0
        QCOMPARE(t.text(0, 1), QStringLiteral("0.00"));    // decimals keep their scale
        QCOMPARE(t.text(1, 0), QStringLiteral("0.1"));
        QCOMPARE(t.text(1, 1), QStringLiteral("12.50"));
        QCOMPARE(t.text(2, 0), QStringLiteral("1e+300"));
        QCOMPARE(t.text(2, 1), QStringLiteral("-7.00"));
        QCOMPARE(t.text(3, 0), QStringLiteral("-1e-06"));
        QCOMPARE(t.text(3, 1), QStringLiteral("1234567.89"));
    }

    void sqlRowCapNote_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cap");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("999 rows") << 999 << 1000 << false;
        QTest::newRow("exactly the default cap") << 1000 << 1000 << true;
        QTest::newRow("empty") << 0 << 1000 << false;
        QTest::newRow("server cap 50") << 50 << 50 << true;
        QTest::newRow("1000 rows, server cap 5000") << 1000 << 5000 << false;
    }
    void sqlRowCapNote()
    {
        QFETCH(int, rows);
        QFETCH(int, cap);
        QFETCH(bool, truncated);
        TableResult::Options options;
        options.sqlRowCap = cap;
        const Result<TableResult> parsed = TableResult::fromSqlResult(sqlResult(rows), options);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->rowCount(), rows);
        QCOMPARE(parsed->mayBeTruncated(), truncated);
        QCOMPARE(parsed->rowCap(), cap);
    }

    void livyTableNeverCapped()
    {
        // The %table magic is not cut by livy.rsc.sql.num-rows: 1000 rows there are just 1000 rows.
        QJsonArray data;
        for (int i = 0; i < 1000; ++i)
            data.append(QJsonArray{i});
        const QJsonObject table{{QStringLiteral("headers"),
                                 QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("0")},
                                                        {QStringLiteral("type"), QStringLiteral("INT_TYPE")}}}},
                                {QStringLiteral("data"), data}};
        const Result<TableResult> parsed = TableResult::fromLivyTable(table);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->rowCount(), 1000);
        QVERIFY(!parsed->mayBeTruncated());
    }

    void tolerantDecoding()
    {
        const QJsonObject table = json(R"({"headers":[{"name":"a","type":"INT_TYPE"},{"name":"b","type":"STRING_TYPE"}],
            "data":[[1], [2, "x", "extra"], ["seven", "y"], {"b":"by name","a":4}]})");
        const Result<TableResult> parsed = TableResult::fromLivyTable(table);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const TableResult &t = parsed.value();
        QCOMPARE(t.rowCount(), 4);
        QVERIFY(t.isNull(0, 1));                             // short row padded
        QCOMPARE(t.text(1, 1), QStringLiteral("x"));         // extra value dropped
        QCOMPARE(t.text(2, 0), QStringLiteral("seven"));     // kept as text
        QCOMPARE(t.value(2, 0), QVariant(QStringLiteral("seven")));
        QVERIFY(std::isnan(t.number(2, 0)));
        QCOMPARE(t.value(3, 0), QVariant(qlonglong(4)));     // object row read by name
        QCOMPARE(t.text(3, 1), QStringLiteral("by name"));
        QCOMPARE(t.warnings().size(), 3);
    }

    void inferredTypes()
    {
        const QJsonObject table = json(R"({"headers":[{"name":"i"},{"name":"f","type":"?"},{"name":"b"},
            {"name":"s"},{"name":"n","type":"NULL_TYPE"}],
            "data":[[1, 1.5, true, "x", null],[2, 2, false, 3, null]]})");
        const Result<TableResult> parsed = TableResult::fromLivyTable(table);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->column(0).type, ColumnType::Integer);
        QCOMPARE(parsed->column(1).type, ColumnType::Double);
        QCOMPARE(parsed->column(2).type, ColumnType::Boolean);
        QCOMPARE(parsed->column(3).type, ColumnType::String);
        QCOMPARE(parsed->text(1, 3), QStringLiteral("3"));
        QCOMPARE(parsed->column(4).type, ColumnType::Null);
    }

    void notATable()
    {
        QVERIFY(!TableResult::fromLivyTable(json(R"({"data":[[1]]})")).ok());
        QVERIFY(!TableResult::fromLivyTable(json(R"({"headers":[],"data":{"a":1}})")).ok());
        QVERIFY(!TableResult::fromSqlResult(json(R"({"schema":{},"data":[]})")).ok());
        QCOMPARE(TableResult::fromLivyTable(json(R"({"headers":"x"})")).error().kind(), LivyError::Kind::Protocol);
        QVERIFY(TableResult::fromLivyTable(json(R"({"headers":[]})")).ok()); // no columns is still a table
        const Result<TableResult> missingData = TableResult::fromLivyTable(json(R"({"headers":[{"name":"a"}]})"));
        QVERIFY(missingData.ok());
        QCOMPARE(missingData->rowCount(), 0);
    }

    void typedCompare()
    {
        const QJsonObject table = json(R"({"headers":[{"name":"n","type":"INT_TYPE"},{"name":"d","type":"DATE_TYPE"},
            {"name":"s","type":"STRING_TYPE"},{"name":"x","type":"DOUBLE_TYPE"}],
            "data":[[10, "2024-01-05", "b", 2.5], [9, "2023-12-31", "B", -1], [null, null, null, null],
                    [100, "not a date", "a", 1e300]]})");
        const Result<TableResult> parsed = TableResult::fromLivyTable(table);
        QVERIFY(parsed.ok());
        const TableResult &t = parsed.value();
        QVERIFY(t.compare(0, 1, 0) < 0);  // 9 < 10 (text order would say otherwise)
        QVERIFY(t.compare(0, 0, 3) < 0);  // 10 < 100
        QVERIFY(t.compare(0, 2, 1) < 0);  // null first
        QVERIFY(t.compare(1, 1, 0) < 0);  // 2023-12-31 < 2024-01-05
        QVERIFY(t.compare(1, 0, 3) < 0);  // a value before text that is not a date
        QVERIFY(t.compare(2, 3, 0) < 0);  // a < b
        QVERIFY(t.compare(2, 1, 0) < 0);  // B vs b: equal ignoring case, then a stable tie-break
        QVERIFY(t.compare(2, 0, 1) > 0);
        QVERIFY(t.compare(3, 1, 0) < 0);
        QCOMPARE(t.compare(3, 0, 0), 0);
    }

    void rowContains()
    {
        const QJsonObject table = json(R"({"headers":[{"name":"n","type":"INT_TYPE"},{"name":"s","type":"STRING_TYPE"}],
            "data":[[1234, "Hello"], [5, "world"], [null, null]]})");
        const Result<TableResult> parsed = TableResult::fromLivyTable(table);
        QVERIFY(parsed.ok());
        QVERIFY(parsed->rowContains(0, u"23"));
        QVERIFY(parsed->rowContains(0, u"hELLo"));
        QVERIFY(!parsed->rowContains(1, u"hello"));
        QVERIFY(!parsed->rowContains(2, u"null"));
        QVERIFY(parsed->rowContains(2, u""));
    }

    void dateTimeTexts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("date") << QStringLiteral("1970-01-02") << true << qint64(86400000);
        QTest::newRow("before epoch") << QStringLiteral("1969-12-31") << true << qint64(-86400000);
        QTest::newRow("space") << QStringLiteral("1970-01-01 00:00:01") << true << qint64(1000);
        QTest::newRow("micros") << QStringLiteral("1970-01-01 00:00:01.123456") << true << qint64(1123);
        QTest::newRow("tenths") << QStringLiteral("1970-01-01T00:00:01.5") << true << qint64(1500);
        QTest::newRow("zulu") << QStringLiteral("1970-01-01T00:01:00.000Z") << true << qint64(60000);
        QTest::newRow("offset") << QStringLiteral("1970-01-01T02:00:00+02:00") << true << qint64(0);
        QTest::newRow("offset no colon") << QStringLiteral("1970-01-01T00:00:00-0130") << true << qint64(5400000);
        QTest::newRow("minutes only") << QStringLiteral("1970-01-01 01:02") << true << qint64(3720000);
        QTest::newRow("bad day") << QStringLiteral("2023-02-29") << false << qint64(0);
        QTest::newRow("words") << QStringLiteral("yesterday") << false << qint64(0);
        QTest::newRow("trailing junk") << QStringLiteral("2024-01-01 10:00:00 x") << false << qint64(0);
        QTest::newRow("bad hour") << QStringLiteral("2024-01-01 25:00") << false << qint64(0);
    }
    void dateTimeTexts()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, ms);
        qint64 parsed = -42;
        QCOMPARE(parseDateTimeText(text, &parsed), ok);
        if (ok)
            QCOMPARE(parsed, ms);
    }

    void dateNumbersOutOfRange()
    {
        // A number in a date or timestamp column is ms since the epoch, within ±8.64e15 (±100 million days);
        // beyond, it is kept as text. 2e25 did not fit a qint64 (UB in the conversion) and -2^63 could not be
        // negated by value(): the fuzzer's inputs are in tests/fixtures/fuzz/table/.
        const QJsonObject table = json(R"({"headers":[{"name":"d","type":"DATE_TYPE"},{"name":"t","type":"TIMESTAMP_TYPE"}],
            "data":[[86400000, 1000], [2E25, -9223372036854775808], [-9223372036854775808, 1e300],
                    [8.64e15, -8.64e15]]})");
        const Result<TableResult> parsed = TableResult::fromLivyTable(table);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const TableResult &t = parsed.value();
        QCOMPARE(t.value(0, 0), QVariant(QDate(1970, 1, 2)));
        QCOMPARE(t.value(0, 1), QVariant(QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC)));
        QCOMPARE(t.text(1, 0), QStringLiteral("2e+25"));
        QCOMPARE(t.value(1, 0), QVariant(QStringLiteral("2e+25")));
        QVERIFY(std::isnan(t.number(1, 0)));
        QCOMPARE(t.value(2, 0).typeId(), int(QMetaType::QString));
        QCOMPARE(t.text(2, 1), QStringLiteral("1e+300"));
        QCOMPARE(t.value(3, 0), QVariant(QDate::fromJulianDay(100000000 + 2440588)));
        QCOMPARE(t.value(3, 1), QVariant(QDateTime::fromMSecsSinceEpoch(qint64(-8.64e15), Qt::UTC)));
        QVERIFY(t.compare(0, 1, 0) > 0); // values that did not fit sort after the dates
        QCOMPARE(t.warnings(),
                 QStringList{QStringLiteral("4 values did not match their column's type and are kept as text")});
    }

    void bigTablesParseInTwoHalves()
    {
        // 30,000 rows: converted by two threads and appended; oddities in the second half keep their rows.
        QJsonArray data;
        for (int i = 0; i < 30000; ++i) {
            if (i == 25000)
                data.append(QJsonArray{QStringLiteral("oops"), QStringLiteral("x")});
            else if (i == 29999)
                data.append(QJsonArray{i});
            else
                data.append(QJsonArray{i, QStringLiteral("s%1").arg(i)});
        }
        const QJsonObject object{{QStringLiteral("headers"),
                                  QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("n")}, {QStringLiteral("type"), QStringLiteral("INT_TYPE")}},
                                             QJsonObject{{QStringLiteral("name"), QStringLiteral("s")}, {QStringLiteral("type"), QStringLiteral("STRING_TYPE")}}}},
                                 {QStringLiteral("data"), data}};
        int calls = 0;
        TableResult::Options options;
        options.progress = [&calls](qsizetype done, qsizetype total) {
            ++calls;
            return done <= total;
        };
        const Result<TableResult> parsed = TableResult::fromLivyTable(object, options);
        QVERIFY(parsed.ok());
        const TableResult &t = parsed.value();
        QCOMPARE(t.rowCount(), 30000);
        QVERIFY(calls >= 2);
        for (int r : {0, 14999, 15000, 15001, 24999, 25001, 29998})
            QCOMPARE(t.value(r, 0), QVariant(qlonglong(r)));
        QCOMPARE(t.text(15000, 1), QStringLiteral("s15000"));
        QCOMPARE(t.text(25000, 0), QStringLiteral("oops")); // a mismatch from the second half, at its row
        QVERIFY(std::isnan(t.number(25000, 0)));
        QVERIFY(t.isNull(29999, 1));
        QCOMPARE(t.warnings().size(), 2); // one short row, one mismatch
        QVERIFY(t.warnings().first().startsWith(QLatin1String("1 rows")));
        QVERIFY(t.compare(0, 29998, 15000) > 0);

        options.progress = [](qsizetype, qsizetype) { return false; };
        const Result<TableResult> cancelled = TableResult::fromLivyTable(object, options);
        QCOMPARE(cancelled.error().kind(), LivyError::Kind::Cancelled);
    }

    void progressAndCancel()
    {
        int calls = 0;
        TableResult::Options options;
        options.progress = [&calls](qsizetype done, qsizetype total) {
            ++calls;
            return done < total && total == 10000;
        };
        QVERIFY(TableResult::fromSqlResult(sqlResult(10000), options).ok());
        QVERIFY(calls >= 2);
        options.progress = [](qsizetype, qsizetype) { return false; };
        const Result<TableResult> cancelled = TableResult::fromSqlResult(sqlResult(10000), options);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind(), LivyError::Kind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTableResult)
#include "tst_tableresult.moc"
