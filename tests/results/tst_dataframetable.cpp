// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// "Show as table" for DataFrames, against answers recorded from the real Livy 0.9 (tests/fixtures/real).
#include "livy/codec.h"
#include "results/dataframetable.h"
#include "results/outputparser.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Livy;

namespace {
Statement fixture(const char *name)
{
    QFile f(QStringLiteral(LIVYDESK_FIXTURES_DIR "/real/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    const Result<Statement> s = Codec::decodeStatement(QJsonDocument::fromJson(f.readAll()).object());
    if (!s)
        qFatal("bad fixture %s", name);
    return s.value();
}
} // namespace

class TestDataFrameTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recognisesTheDescriptionWhereRowsWereExpected()
    {
        // `%table df` on the real server: a 1x1 table with "DataFrame[k: bigint, …]".
        auto hint = dataFrameHint(fixture("statement-pyspark-table-dataframe-quirk.json"), QStringLiteral("pyspark"));
        QVERIFY(hint);
        QCOMPARE(hint->name, QStringLiteral("df"));
        QCOMPARE(hint->language, QStringLiteral("pyspark"));
        // `df` echoed as text.
        hint = dataFrameHint(fixture("statement-pyspark-dataframe-echo.json"), QStringLiteral("pyspark"));
        QVERIFY(hint);
        QCOMPARE(hint->name, QStringLiteral("df"));
        // Scala's REPL echo of `sdf` ("res0: org.apache.spark.sql.DataFrame = […]").
        hint = dataFrameHint(fixture("statement-spark-dataframe-echo.json"), QStringLiteral("spark"));
        QVERIFY(hint);
        QCOMPARE(hint->name, QStringLiteral("sdf"));
        QCOMPARE(hint->language, QStringLiteral("spark"));
    }

    void leavesRealTablesAndTextsAlone()
    {
        QVERIFY(!dataFrameHint(fixture("statement-pyspark-table-rows.json"), QStringLiteral("pyspark")));
        QVERIFY(!dataFrameHint(fixture("statement-pyspark-text-plain.json"), QStringLiteral("pyspark")));
        QVERIFY(!dataFrameHint(fixture("statement-pyspark-error-traceback.json"), QStringLiteral("pyspark")));
        // A language without a generator.
        QVERIFY(!dataFrameHint(fixture("statement-pyspark-dataframe-echo.json"), QStringLiteral("sparkr")));
    }

    void generatedCodeIsTheRecordedStatement()
    {
        // The recorded answers came from exactly this code (names and limit as generated).
        const QString py = dataFrameTableCode(QStringLiteral("df"), QStringLiteral("pyspark"), 1000);
        QVERIFY(py.contains(QStringLiteral("_livydesk_df = (df).limit(1000)")));
        QVERIFY(py.endsWith(QStringLiteral("%json _livydesk_table")));
        const QString scala = dataFrameTableCode(QStringLiteral("sdf"), QStringLiteral("spark"), 1000);
        QVERIFY(scala.contains(QStringLiteral("val livydeskDf = (sdf).limit(1000)")));
        QVERIFY(scala.endsWith(QStringLiteral("%json livydeskTable")));
        QVERIFY(dataFrameTableCode(QStringLiteral("df; drop()"), QStringLiteral("pyspark")).isEmpty());
        QVERIFY(dataFrameTableCode(QStringLiteral("df"), QStringLiteral("sparkr")).isEmpty());
        QVERIFY(isIdentifier(QStringLiteral("self.df_2")));
        QVERIFY(!isIdentifier(QStringLiteral("2df")));
    }

    void theAnswerIsATableInTheDataFramesColumnOrder()
    {
        for (const char *name : { "statement-pyspark-dataframe-as-table.json", "statement-spark-dataframe-as-table.json" }) {
            const Statement s = fixture(name);
            const ParsedOutput parsed = OutputParser::parse(*s.output);
            QVERIFY2(!parsed.parts.isEmpty() && parsed.parts.first().table, name);
            const TableResult &t = *parsed.parts.first().table;
            QCOMPARE(t.column(0).name, QStringLiteral("k"));
            QCOMPARE(t.column(1).name, QStringLiteral("name")); // not sorted alphabetically
            QVERIFY(t.columnCount() >= 3);
            QVERIFY(t.rowCount() >= 1);
        }
        const ParsedOutput py = OutputParser::parse(*fixture("statement-pyspark-dataframe-as-table.json").output);
        const TableResult &t = *py.parts.first().table;
        QCOMPARE(t.column(3).name, QStringLiteral("d"));
        QCOMPARE(t.column(3).type, ColumnType::Date);
        QCOMPARE(t.column(4).type, ColumnType::Timestamp);
        QCOMPARE(t.text(0, 5), QStringLiteral("1.25"));
    }
};

QTEST_GUILESS_MAIN(TestDataFrameTable)
#include "tst_dataframetable.moc"
