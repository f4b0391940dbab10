// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/outputparser.h"

#include "livy/codec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Livy;

namespace {

StatementOutput decode(const char *json)
{
    const Result<StatementOutput> out = Codec::decodeOutput(QJsonDocument::fromJson(QByteArray(json)).object());
    if (!out)
        qFatal("bad output fixture");
    return out.value();
}

QStringList titles(const ParsedOutput &parsed)
{
    QStringList list;
    for (const OutputPart &p : parsed.parts)
        list.append(p.title);
    return list;
}

// A 1x1 PNG (red pixel), base64.
constexpr const char *Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

} // namespace

class TestOutputParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void richestFirst()
    {
        QByteArray json = R"({"status":"ok","execution_count":4,"data":{
            "text/plain":"<Figure>",
            "application/json":{"a":1},
            "application/vnd.livy.table.v1+json":{"headers":[{"name":"x","type":"INT_TYPE"}],"data":[[1]]},
            "image/png":"PNG",
            "text/html":"<b>hi</b>"}})";
        json.replace("\"PNG\"", QByteArray(QByteArray("\"") + Png + "\""));
        const StatementOutput output = decode(json.constData());
        const ParsedOutput listed = OutputParser::listParts(output);
        QCOMPARE(titles(listed), (QStringList{QStringLiteral("Image"), QStringLiteral("Table"), QStringLiteral("JSON"),
                                              QStringLiteral("Text"), QStringLiteral("HTML")}));
        QCOMPARE(listed.executionCount, 4);
        QVERIFY(!listed.isError);

        const ParsedOutput parsed = OutputParser::parse(output);
        QCOMPARE(titles(parsed), titles(listed));
        QVERIFY(parsed.parts[0].imageBytes.startsWith("\x89PNG"));
        QVERIFY(parsed.parts[1].table);
        QCOMPARE(parsed.parts[1].table->rowCount(), 1);
        QVERIFY(parsed.parts[2].text);
        QVERIFY(parsed.parts[2].text->text().contains(QLatin1String("\"a\": 1")));
        QCOMPARE(parsed.parts[3].text->text(), QStringLiteral("<Figure>"));
        QCOMPARE(parsed.parts[4].text->text(), QStringLiteral("<b>hi</b>"));
        QVERIFY(parsed.notes.isEmpty());
        QCOMPARE(OutputParser::rank(OutputPart::Kind::Image), 0);
        QVERIFY(OutputParser::rank(OutputPart::Kind::Table) < OutputParser::rank(OutputPart::Kind::Json));
        QVERIFY(OutputParser::rank(OutputPart::Kind::Json) < OutputParser::rank(OutputPart::Kind::Text));
    }

    void matplotDropsEmptyText()
    {
        QByteArray json = R"({"status":"ok","execution_count":1,"data":{"text/plain":"","image/png":"PNG"}})";
        json.replace("\"PNG\"", QByteArray(QByteArray("\"") + Png + "\""));
        const ParsedOutput parsed = OutputParser::parse(decode(json.constData()));
        QCOMPARE(titles(parsed), QStringList{QStringLiteral("Image")});
        // ...but an output that is only empty text keeps it.
        const ParsedOutput empty = OutputParser::parse(decode(R"({"status":"ok","execution_count":1,"data":{"text/plain":""}})"));
        QCOMPARE(titles(empty), QStringList{QStringLiteral("Text")});
        QVERIFY(empty.parts[0].text->isEmpty());
        const ParsedOutput none = OutputParser::parse(decode(R"({"status":"ok","execution_count":1,"data":{}})"));
        QVERIFY(none.parts.isEmpty());
        QVERIFY(!none.isError);
    }

    void sqlResultIsTableAndJson()
    {
        QJsonArray data;
        for (int i = 0; i < 1000; ++i)
            data.append(QJsonArray{i});
        const QJsonObject sql{
            {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("struct")},
                                                    {QStringLiteral("fields"), QJsonArray{QJsonObject{
                                                         {QStringLiteral("name"), QStringLiteral("n")},
                                                         {QStringLiteral("type"), QStringLiteral("integer")}}}}}},
            {QStringLiteral("data"), data}};
        StatementOutput output;
        output.status = StatementOutput::Status::Ok;
        output.data.insert(QStringLiteral("application/json"), sql);
        const ParsedOutput parsed = OutputParser::parse(output);
        QCOMPARE(titles(parsed), (QStringList{QStringLiteral("Table"), QStringLiteral("JSON")}));
        QCOMPARE(parsed.parts[0].mimeType, QStringLiteral("application/json"));
        QCOMPARE(parsed.parts[0].table->origin(), TableResult::Origin::SqlResult);
        QVERIFY(parsed.parts[0].table->mayBeTruncated());
        OutputParser::Options options;
        options.sqlRowCap = 5000;
        QVERIFY(!OutputParser::parse(output, options).parts[0].table->mayBeTruncated());
    }

    void brokenTableFallsBackToJson()
    {
        // (The codec already refuses this shape; the parser must cope on its own all the same.)
        StatementOutput output;
        output.status = StatementOutput::Status::Ok;
        output.data.insert(QStringLiteral("application/vnd.livy.table.v1+json"), QJsonObject{{QStringLiteral("headers"), 7}});
        const ParsedOutput parsed = OutputParser::parse(output);
        QCOMPARE(titles(parsed), QStringList{QStringLiteral("JSON")});
        QCOMPARE(parsed.parts[0].kind, OutputPart::Kind::Json);
        QVERIFY(parsed.parts[0].text->text().contains(QLatin1String("headers")));
        QCOMPARE(parsed.notes.size(), 1);
    }

    void badImageIsANote()
    {
        const ParsedOutput parsed = OutputParser::parse(
            decode(R"({"status":"ok","execution_count":1,"data":{"image/png":"***not base64***"}})"));
        QCOMPARE(parsed.parts.size(), 1);
        QVERIFY(parsed.parts[0].imageBytes.isEmpty());
        QCOMPARE(parsed.notes.size(), 1);
        // Line-wrapped base64 is accepted.
        QByteArray wrapped(Png);
        wrapped.insert(20, "\n");
        StatementOutput output;
        output.status = StatementOutput::Status::Ok;
        output.data.insert(QStringLiteral("image/png"), QString::fromLatin1(wrapped));
        QVERIFY(OutputParser::parse(output).parts[0].imageBytes.startsWith("\x89PNG"));
    }

    void errorOutput()
    {
        const ParsedOutput python = OutputParser::parse(decode(R"({"status":"error","execution_count":2,
            "ename":"ValueError","evalue":"bad value",
            "traceback":["Traceback (most recent call last):\n","  File <stdin>, line 1\n","ValueError: bad value\n"]})"));
        QVERIFY(python.isError);
        QVERIFY(python.parts.isEmpty());
        QCOMPARE(python.ename, QStringLiteral("ValueError"));
        QCOMPARE(python.tracebackText(),
                 QStringLiteral("Traceback (most recent call last):\n  File <stdin>, line 1\nValueError: bad value"));
        QVERIFY(python.errorText().startsWith(QLatin1String("ValueError: bad value\nTraceback")));

        // Scala's traceback lines have no line breaks of their own.
        const ParsedOutput scala = OutputParser::parse(decode(R"J({"status":"error","execution_count":3,
            "ename":"Error","evalue":"<console>:24: error: not found: value x",
            "traceback":["at a.b(c.scala:1)","at d.e(f.scala:2)"]})J"));
        QCOMPARE(scala.tracebackText(), QStringLiteral("at a.b(c.scala:1)\nat d.e(f.scala:2)"));

        const ParsedOutput bare = OutputParser::parse(decode(R"({"status":"error","execution_count":3})"));
        QVERIFY(bare.isError);
        QCOMPARE(bare.ename, QStringLiteral("Error"));
        QCOMPARE(bare.errorText(), QStringLiteral("Error"));
    }

    void scalarJson()
    {
        const ParsedOutput parsed = OutputParser::parse(decode(R"({"status":"ok","execution_count":1,"data":{"application/json":5}})"));
        QCOMPARE(parsed.parts.size(), 1);
        QCOMPARE(parsed.parts[0].text->text(), QStringLiteral("5"));
    }

    void cancelledParse()
    {
        QString text(1 << 20, QLatin1Char('x'));
        StatementOutput output;
        output.status = StatementOutput::Status::Ok;
        output.data.insert(QStringLiteral("text/plain"), text);
        auto shared = std::make_shared<Detail::TaskShared>();
        shared->cancelled = true;
        const TaskContext context(shared, {});
        const ParsedOutput parsed = OutputParser::parse(output, {}, &context);
        QVERIFY(parsed.cancelled);
    }
};

QTEST_GUILESS_MAIN(TestOutputParser)
#include "tst_outputparser.moc"
