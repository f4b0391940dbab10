// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutputParser over the statements recorded from a real Livy 0.9 server (tests/fixtures/real) and the
// hand-written protocol fixtures: every output decodes into sensible parts, and the interesting ones into
// exactly what Livy meant.

#include "results/outputparser.h"

#include "livy/codec.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>

using namespace Livy;

namespace {

std::optional<StatementOutput> outputOf(const QString &file)
{
    QFile f(QStringLiteral(LIVYDESK_FIXTURES_DIR "/") + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file));
    const QJsonObject object = QJsonDocument::fromJson(f.readAll()).object();
    if (file.contains(QLatin1String("/output-"))) {
        const Result<StatementOutput> out = Codec::decodeOutput(object);
        return out ? std::optional<StatementOutput>(out.value()) : std::nullopt;
    }
    const Result<Statement> st = Codec::decodeStatement(object);
    return st ? st->output : std::nullopt;
}

ParsedOutput parsed(const QString &file)
{
    const std::optional<StatementOutput> out = outputOf(file);
    if (!out)
        qFatal("fixture %s has no output", qPrintable(file));
    return OutputParser::parse(*out);
}

QStringList titles(const ParsedOutput &p)
{
    QStringList list;
    for (const OutputPart &part : p.parts)
        list.append(part.title);
    return list;
}

} // namespace

class TestRealOutputs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRecordedOutputParses_data()
    {
        QTest::addColumn<QString>("file");
        const QDir fixtures(QStringLiteral(LIVYDESK_FIXTURES_DIR));
        int count = 0;
        for (const QString &dir : {QStringLiteral("real"), QStringLiteral("protocol")}) {
            const QStringList files = QDir(fixtures.filePath(dir))
                                          .entryList({QStringLiteral("statement-*.json"), QStringLiteral("output-*.json")});
            for (const QString &name : files) {
                QTest::newRow(qPrintable(dir + QLatin1Char('/') + name)) << dir + QLatin1Char('/') + name;
                ++count;
            }
        }
        QVERIFY2(count >= 20, "the recorded fixtures are missing");
    }
    void everyRecordedOutputParses()
    {
        QFETCH(QString, file);
        const std::optional<StatementOutput> out = outputOf(file);
        if (!out)
            return; // a statement without output yet (waiting, running)
        const ParsedOutput p = OutputParser::parse(*out);
        QVERIFY(!p.cancelled);
        if (p.isError) {
            QVERIFY(!p.ename.isEmpty());
            QVERIFY(p.parts.isEmpty());
            QVERIFY(p.errorText().startsWith(p.ename));
            return;
        }
        for (const OutputPart &part : p.parts) {
            switch (part.kind) {
            case OutputPart::Kind::Table:
                QVERIFY(part.table);
                QVERIFY(part.table->columnCount() > 0);
                break;
            case OutputPart::Kind::Image:
                QVERIFY2(part.imageBytes.startsWith("\x89PNG"), qPrintable(file));
                break;
            case OutputPart::Kind::Json:
            case OutputPart::Kind::Text:
            case OutputPart::Kind::Other:
                QVERIFY(part.text);
                break;
            }
        }
    }

    void sqlTypes()
    {
        const ParsedOutput p = parsed(QStringLiteral("real/statement-sql-types.json"));
        QCOMPARE(titles(p), (QStringList{QStringLiteral("Table"), QStringLiteral("JSON")}));
        const TableResult &t = *p.parts.first().table;
        QCOMPARE(t.rowCount(), 1);
        const QList<ColumnType> expected{ColumnType::Integer, ColumnType::Integer, ColumnType::Double, ColumnType::Decimal,
                                         ColumnType::String, ColumnType::Boolean, ColumnType::Null, ColumnType::Date,
                                         ColumnType::Timestamp, ColumnType::Array, ColumnType::Map, ColumnType::Struct};
        QCOMPARE(t.columnCount(), int(expected.size()));
        for (int c = 0; c < t.columnCount(); ++c)
            QCOMPARE(t.column(c).type, expected[c]);
        QCOMPARE(t.text(0, 2), QStringLiteral("2.5"));
        QCOMPARE(t.text(0, 3), QStringLiteral("1.25"));
        QVERIFY(t.isNull(0, 6));
        QCOMPARE(t.value(0, 7).toDate(), QDate(2024, 1, 2));
        QCOMPARE(t.value(0, 8).toDateTime(), QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(t.text(0, 9), QStringLiteral("[1,2]"));
        QCOMPARE(t.text(0, 10), QStringLiteral("{\"k\":1}"));
        QCOMPARE(t.text(0, 11), QStringLiteral("{\"a\":1,\"b\":\"z\"}")); // not json4s' {"schema","values"}
        QVERIFY(!t.mayBeTruncated());
        QVERIFY(t.warnings().isEmpty());
    }

    void sqlResultDecimalScale()
    {
        const ParsedOutput p = parsed(QStringLiteral("real/statement-sql-result.json"));
        const TableResult &t = *p.parts.first().table;
        QCOMPARE(t.rowCount(), 3);
        QCOMPARE(t.column(1).typeName, QStringLiteral("decimal(23,1)"));
        QCOMPARE(t.text(0, 1), QStringLiteral("0.0"));
        QCOMPARE(t.text(1, 1), QStringLiteral("1.5"));
        QCOMPARE(t.value(2, 3), QVariant(true));
    }

    void pysparkTables()
    {
        const ParsedOutput dicts = parsed(QStringLiteral("real/statement-pyspark-table.json"));
        QCOMPARE(titles(dicts), QStringList{QStringLiteral("Table")});
        const TableResult &t = *dicts.parts.first().table;
        QCOMPARE(t.column(1).name, QStringLiteral("name"));
        QCOMPARE(t.column(2).type, ColumnType::Double);
        QVERIFY(t.isNull(1, 2));
        const ParsedOutput lists = parsed(QStringLiteral("real/statement-pyspark-table-rows.json"));
        QCOMPARE(lists.parts.first().table->column(2).type, ColumnType::Boolean);
        QCOMPARE(lists.parts.first().table->value(1, 2), QVariant(false));
    }

    void scalaTableQuirk()
    {
        // Livy's Scala %table of tuples names the columns after the first row and sends one value per row.
        const ParsedOutput p = parsed(QStringLiteral("real/statement-spark-table.json"));
        const TableResult &t = *p.parts.first().table;
        QCOMPARE(t.rowCount(), 2);
        QVERIFY(t.isNull(0, 1));
        QVERIFY(!p.notes.isEmpty()); // the ragged rows are pointed out
    }

    void matplotImage()
    {
        const ParsedOutput p = parsed(QStringLiteral("real/statement-pyspark-matplot.json"));
        QCOMPARE(p.parts.first().kind, OutputPart::Kind::Image);
        QVERIFY(p.parts.first().imageBytes.startsWith("\x89PNG"));
    }

    void errors()
    {
        const ParsedOutput python = parsed(QStringLiteral("real/statement-pyspark-error-traceback.json"));
        QVERIFY(python.isError);
        QCOMPARE(python.ename, QStringLiteral("ZeroDivisionError"));
        QVERIFY(python.tracebackText().endsWith(QLatin1String("ZeroDivisionError: division by zero")));
        const ParsedOutput scala = parsed(QStringLiteral("real/statement-spark-error.json"));
        QVERIFY(scala.tracebackText().contains(QLatin1String("required: Int\n")));
        const ParsedOutput sql = parsed(QStringLiteral("real/statement-sql-error.json"));
        QVERIFY(sql.evalue.startsWith(QLatin1String("[TABLE_OR_VIEW_NOT_FOUND]")));
        QVERIFY(sql.tracebackText().count(QLatin1Char('\n')) >= 2); // frames joined one per line
        const ParsedOutput incomplete = parsed(QStringLiteral("real/statement-spark-incomplete.json"));
        QCOMPARE(incomplete.errorText(), QStringLiteral("Error: incomplete statement"));
    }

    void textAndJson()
    {
        const ParsedOutput df = parsed(QStringLiteral("real/statement-spark-dataframe.json"));
        QCOMPARE(titles(df), QStringList{QStringLiteral("Text")});
        QVERIFY(df.parts.first().text->text().contains(QLatin1String("|  2|    4|")));
        const ParsedOutput json = parsed(QStringLiteral("real/statement-pyspark-json.json"));
        QCOMPARE(titles(json), QStringList{QStringLiteral("JSON")});
        QCOMPARE(json.parts.first().value.toObject().value(QLatin1String("c")), QJsonValue(QJsonValue::Null));
    }
};

QTEST_GUILESS_MAIN(TestRealOutputs)
#include "tst_realoutputs.moc"
