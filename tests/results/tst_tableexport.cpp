// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/tableexport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>

using namespace Livy;

namespace {

using Field = std::optional<QString>; // nullopt: an empty unquoted field (null)
using Record = QList<Field>;

/// A small, strict RFC 4180 reader for the round trip: quoted fields may hold separators, quotes ("") and line
/// breaks; records end with CRLF (or LF for TSV). It fails the test on malformed input.
QList<Record> readDelimited(const QString &text, QChar separator, bool *ok)
{
    QList<Record> records;
    Record record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    bool fieldStarted = false;
    *ok = true;
    auto endField = [&] {
        record.append(wasQuoted || !field.isEmpty() ? Field(field) : Field());
        field.clear();
        wasQuoted = false;
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
            continue;
        }
        if (c == u'"') {
            if (fieldStarted) { // a quote inside an unquoted field is not RFC 4180
                *ok = false;
                return {};
            }
            quoted = true;
            wasQuoted = true;
            fieldStarted = true;
        } else if (c == separator) {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r') {
                if (i + 1 >= text.size() || text[i + 1] != u'\n') {
                    *ok = false;
                    return {};
                }
                ++i;
            }
            endField();
            records.append(record);
            record.clear();
        } else {
            if (wasQuoted) { // text after a closing quote
                *ok = false;
                return {};
            }
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted)
        *ok = false;
    if (fieldStarted || !record.isEmpty()) {
        endField();
        records.append(record);
    }
    return records;
}

const QString Nasty[] = {
    QStringLiteral("plain"),
    QStringLiteral("comma, inside"),
    QStringLiteral("quote \" inside"),
    QStringLiteral("\"fully quoted\""),
    QStringLiteral("line\nbreak"),
    QStringLiteral("crlf\r\nbreak"),
    QStringLiteral("tab\there"),
    QStringLiteral(" leading and trailing "),
    QStringLiteral("Unicode: \u00e9\u00e8 \u4e2d\u6587 \u0410\u0411 \U0001F600 e\u0301"),
    QString(), // empty string (not null)
};
constexpr int NastyCount = int(sizeof(Nasty) / sizeof(Nasty[0]));

TableResult nastyTable()
{
    QList<QJsonArray> rows;
    for (int i = 0; i < NastyCount; ++i)
        rows.append(QJsonArray{i, Nasty[i], i % 3 == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(i * 0.5)});
    rows.append(QJsonArray{QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null)});
    return TableResult::fromRows({TableColumn{QStringLiteral("id"), ColumnType::Integer, {}},
                                  TableColumn{QStringLiteral("text, \"with\" quotes"), ColumnType::String, {}},
                                  TableColumn{QStringLiteral("x"), ColumnType::Double, {}}},
                                 rows);
}

} // namespace

class TestTableExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvRoundTrip()
    {
        const TableResult table = nastyTable();
        const QString csv = TableExport::toCsv(table, TableExport::allRows(table), TableExport::allColumns(table));
        bool ok = false;
        const QList<Record> records = readDelimited(csv, QLatin1Char(','), &ok);
        QVERIFY2(ok, qPrintable(csv));
        QCOMPARE(records.size(), table.rowCount() + 1);
        QCOMPARE(records[0], (Record{QStringLiteral("id"), QStringLiteral("text, \"with\" quotes"), QStringLiteral("x")}));
        for (int r = 0; r < table.rowCount(); ++r) {
            const Record &rec = records[r + 1];
            QCOMPARE(rec.size(), 3);
            for (int c = 0; c < 3; ++c) {
                if (table.isNull(r, c))
                    QVERIFY2(!rec[c].has_value(), qPrintable(QStringLiteral("row %1 col %2").arg(r).arg(c)));
                else
                    QCOMPARE(rec[c].value_or(QStringLiteral("<null>")), table.text(r, c));
            }
        }
        // The empty string stays distinguishable from null.
        QCOMPARE(records[NastyCount][1], Field(QString()));
        QVERIFY(!records.last()[1].has_value());
        // Records end with CRLF; a line break inside a field is kept as it was.
        QVERIFY(csv.endsWith(QLatin1String("\r\n")));
        QVERIFY(csv.contains(QLatin1String("\"line\nbreak\"")));
        QVERIFY(csv.contains(QLatin1String("\"quote \"\" inside\"")));
        QVERIFY(csv.contains(QLatin1String("tab\there"))); // a tab needs no quotes in CSV
    }

    void csvSubsetAndOrder()
    {
        const TableResult table = nastyTable();
        TableExport::Options options;
        options.header = false;
        const QString csv = TableExport::toCsv(table, {2, 0}, {2, 0}, options);
        QCOMPARE(csv, QStringLiteral("1.0,2\r\n,0\r\n"));
    }

    void tsvForClipboard()
    {
        const TableResult table = nastyTable();
        TableExport::Options options;
        options.header = false;
        QCOMPARE(TableExport::toTsv(table, {0, 1, 6}, {0, 1}, options),
                 QStringLiteral("0\tplain\n1\tcomma, inside\n6\t\"tab\there\"\n"));
        const QString all = TableExport::toTsv(table, TableExport::allRows(table), TableExport::allColumns(table));
        bool ok = false;
        const QList<Record> records = readDelimited(all, QLatin1Char('\t'), &ok);
        QVERIFY(ok);
        QCOMPARE(records.size(), table.rowCount() + 1);
        for (int r = 0; r < table.rowCount(); ++r) {
            if (!table.isNull(r, 1))
                QCOMPARE(records[r + 1][1].value_or(QStringLiteral("<null>")), table.text(r, 1));
        }
    }

    void jsonExport()
    {
        const TableResult table = TableResult::fromRows(
            {TableColumn{QStringLiteral("zeta"), ColumnType::Integer, {}},
             TableColumn{QStringLiteral("alpha"), ColumnType::Double, {}},
             TableColumn{QStringLiteral("alpha"), ColumnType::String, {}},
             TableColumn{QStringLiteral("ok"), ColumnType::Boolean, {}},
             TableColumn{QStringLiteral("tags"), ColumnType::Array, {}},
             TableColumn{QStringLiteral("day"), ColumnType::Date, {}}},
            {QJsonArray{9007199254740993LL, 0.1, QStringLiteral("\u00e9\"\n"), true, QJsonArray{1, QStringLiteral("x")},
                        QStringLiteral("2024-02-29")},
             QJsonArray{QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null),
                        QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null)}});
        const QByteArray json = TableExport::toJson(table, TableExport::allRows(table), TableExport::allColumns(table));
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QString::fromUtf8(json)));
        QVERIFY(doc.isArray());
        const QJsonArray rows = doc.array();
        QCOMPARE(rows.size(), 2);
        const QJsonObject first = rows[0].toObject();
        QCOMPARE(first.value(QLatin1String("zeta")).toInteger(), 9007199254740993LL);
        QCOMPARE(first.value(QLatin1String("alpha")).toDouble(), 0.1);
        QCOMPARE(first.value(QLatin1String("alpha_2")).toString(), QStringLiteral("\u00e9\"\n"));
        QCOMPARE(first.value(QLatin1String("ok")), QJsonValue(true));
        QCOMPARE(first.value(QLatin1String("tags")), QJsonValue(QJsonArray{1, QStringLiteral("x")}));
        QCOMPARE(first.value(QLatin1String("day")).toString(), QStringLiteral("2024-02-29"));
        const QJsonObject second = rows[1].toObject();
        QCOMPARE(second.size(), 6);
        for (auto it = second.begin(); it != second.end(); ++it)
            QVERIFY2(it.value().isNull(), qPrintable(it.key()));
        // Keys in column order, not sorted.
        QVERIFY(json.indexOf("\"zeta\"") < json.indexOf("\"alpha\""));
        QCOMPARE(TableExport::toJson(table, {}, TableExport::allColumns(table)), QByteArray("[]\n"));
    }

    void streamingMatchesInMemory()
    {
        const TableResult table = nastyTable();
        const QList<int> rows = TableExport::allRows(table);
        const QList<int> columns = TableExport::allColumns(table);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QCOMPARE(TableExport::write(&buffer, TableExport::Format::Csv, table, rows, columns), QString());
        QCOMPARE(QString::fromUtf8(buffer.data()), TableExport::toCsv(table, rows, columns));
        buffer.close();
        buffer.setData(QByteArray());
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QCOMPARE(TableExport::write(&buffer, TableExport::Format::Json, table, rows, columns), QString());
        QCOMPARE(buffer.data(), TableExport::toJson(table, rows, columns));

        QBuffer closed;
        QVERIFY(!TableExport::write(&closed, TableExport::Format::Csv, table, rows, columns).isEmpty());
    }

    void streamingProgressAndCancel()
    {
        QList<QJsonArray> rows;
        for (int i = 0; i < 10000; ++i)
            rows.append(QJsonArray{i});
        const TableResult table = TableResult::fromRows({TableColumn{QStringLiteral("n"), ColumnType::Integer, {}}}, rows);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        TableExport::Options options;
        int calls = 0;
        options.progress = [&calls](qsizetype, qsizetype) { return ++calls < 2; };
        const QString error = TableExport::write(&buffer, TableExport::Format::Tsv, table, TableExport::allRows(table),
                                                 TableExport::allColumns(table), options);
        QVERIFY(!error.isEmpty());
        QCOMPARE(calls, 2);
        QVERIFY(buffer.data().size() < 10000 * 5);
    }
};

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
