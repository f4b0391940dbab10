// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// History export (models/history/historyexport.h) over statements recorded from a real Livy 0.9 server
// (tests/fixtures/real, decoded with the project's codec): scripts per language, and notebooks checked with the
// real nbformat validator (Debian's python3-nbformat, installed by scripts/install-deps, run as /usr/bin/python3).

#include "history/historyexport.h"

#include "livy/codec.h"
#include "results/tableresult.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Livy;

namespace {

const QString Python = QStringLiteral("/usr/bin/python3");
const QString Server = QStringLiteral("http://127.0.0.1:8998");

QJsonObject fixtureObject(const QString &name)
{
    QFile file(QStringLiteral(LIVYDESK_FIXTURES_DIR "/real/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QJsonDocument::fromJson(file.readAll()).object();
}

Statement statementFrom(const QString &name)
{
    const Result<Statement> statement = Codec::decodeStatement(fixtureObject(name));
    if (!statement)
        qFatal("fixture %s does not decode: %s", qPrintable(name), qPrintable(statement.error().message()));
    return statement.value();
}

// The sessions the fixtures were recorded in (index.json: pyspark 0, spark 2, sql 3).
HistorySession pysparkSession()
{
    return {Server, QStringLiteral("local"), 0, QStringLiteral("id-0"), QStringLiteral("analysis"),
            QStringLiteral("pyspark"), QStringLiteral("local-1795645700000")};
}
HistorySession sparkSession()
{
    return {Server, QStringLiteral("local"), 2, QStringLiteral("id-2"), QString(), QStringLiteral("spark"), QString()};
}
HistorySession sqlSession()
{
    return {Server, QStringLiteral("local"), 3, QStringLiteral("id-3"), QStringLiteral("reports"),
            QStringLiteral("sql"), QString()};
}

HistoryEntry entryFrom(const QString &fixture, const HistorySession &session, const QString &kind = QString())
{
    HistoryEntry entry;
    entry.session = session;
    entry.statement = statementFrom(fixture);
    entry.kind = kind.isEmpty() ? session.kind : kind;
    entry.submitted = entry.statement.started;
    entry.updated = entry.statement.completed;
    return entry;
}

/// One of each kind of output, in the order the notebook tests expect.
QList<HistoryEntry> mixedEntries()
{
    return {
        entryFrom(QStringLiteral("statement-pyspark-text-plain.json"), pysparkSession()),            // 0 text
        entryFrom(QStringLiteral("statement-pyspark-json.json"), pysparkSession()),                  // 1 json
        entryFrom(QStringLiteral("statement-pyspark-table.json"), pysparkSession()),                 // 2 %table
        entryFrom(QStringLiteral("statement-pyspark-matplot.json"), pysparkSession()),               // 3 image
        entryFrom(QStringLiteral("statement-pyspark-error-traceback.json"), pysparkSession()),       // 4 error
        entryFrom(QStringLiteral("statement-cancelled.json"), pysparkSession()),                     // 5 no output
        entryFrom(QStringLiteral("statement-spark-error.json"), sparkSession()),                     // 6 scala error
        entryFrom(QStringLiteral("statement-spark-sql-kind.json"), sparkSession(), QStringLiteral("sql")), // 7
        entryFrom(QStringLiteral("statement-sql-result.json"), sqlSession()),                        // 8 sql table
        entryFrom(QStringLiteral("statement-cancelled-ran-on.json"), pysparkSession()),              // 9
    };
}

QString joined(const QJsonValue &multiline)
{
    if (multiline.isString())
        return multiline.toString();
    QString text;
    for (const QJsonValue &line : multiline.toArray())
        text += line.toString();
    return text;
}

QJsonObject parse(const QByteArray &notebook)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(notebook, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("the notebook is not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QJsonObject cell(const QJsonObject &notebook, int index)
{
    return notebook.value(QLatin1String("cells")).toArray().at(index).toObject();
}

QJsonArray outputsOf(const QJsonObject &notebook, int index)
{
    return cell(notebook, index).value(QLatin1String("outputs")).toArray();
}

QJsonObject dataOf(const QJsonObject &notebook, int index)
{
    return outputsOf(notebook, index).at(0).toObject().value(QLatin1String("data")).toObject();
}

struct Validation
{
    bool started = false;
    int exitCode = -1;
    QString output;
};

/// Runs nbformat's reader and validator on the notebook text.
Validation validate(const QByteArray &notebook)
{
    Validation result;
    QTemporaryDir dir;
    if (!dir.isValid())
        return result;
    const QString path = dir.filePath(QStringLiteral("export.ipynb"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(notebook) != notebook.size())
        return result;
    file.close();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // nbformat 5.5 fills in missing or duplicate cell ids with only a FutureWarning (MissingIDFieldWarning,
    // DuplicateCellId; "will become a hard error"): turned into errors here, so such a notebook fails.
    process.start(Python, {QStringLiteral("-c"),
                           QStringLiteral("import sys, warnings; warnings.simplefilter('error', FutureWarning); "
                                          "import nbformat; nb = nbformat.read(sys.argv[1], as_version=4); "
                                          "nbformat.validate(nb)"),
                           path});
    result.started = process.waitForStarted(30000);
    if (!result.started)
        return result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.output = QStringLiteral("nbformat did not finish within 60 s");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

#define VERIFY_VALID(notebook)                                                                                      \
    do {                                                                                                            \
        const Validation v_ = validate(notebook);                                                                   \
        QVERIFY2(v_.started, "could not run /usr/bin/python3 (package python3-nbformat, see scripts/install-deps)"); \
        QVERIFY2(v_.exitCode == 0, qPrintable(QStringLiteral("nbformat rejected the notebook:\n") + v_.output));     \
        QVERIFY2(v_.output.isEmpty(), qPrintable(QStringLiteral("nbformat warned:\n") + v_.output));                \
    } while (false)

} // namespace

class TestHistoryExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The validator is part of the test: without it the test fails (scripts/install-deps installs it).
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(Python, {QStringLiteral("-c"), QStringLiteral("import nbformat; print(nbformat.__version__)")});
        const bool ran = process.waitForStarted(30000) && process.waitForFinished(60000);
        const QString output = QString::fromUtf8(process.readAll()).trimmed();
        if (!ran || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            QFAIL(qPrintable(QStringLiteral("/usr/bin/python3 with the nbformat module is needed (Debian package "
                                             "python3-nbformat; scripts/install-deps installs it): ")
                             + output));
        qInfo("nbformat %s", qPrintable(output));
    }

    void scriptSuffixesAndComments_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("marker");
        QTest::newRow("pyspark") << QStringLiteral("pyspark") << QStringLiteral("py") << QStringLiteral("#");
        QTest::newRow("python") << QStringLiteral("python") << QStringLiteral("py") << QStringLiteral("#");
        QTest::newRow("spark") << QStringLiteral("spark") << QStringLiteral("scala") << QStringLiteral("//");
        QTest::newRow("scala") << QStringLiteral("scala") << QStringLiteral("scala") << QStringLiteral("//");
        QTest::newRow("shared") << QStringLiteral("shared") << QStringLiteral("scala") << QStringLiteral("//");
        QTest::newRow("sparkr") << QStringLiteral("sparkr") << QStringLiteral("R") << QStringLiteral("#");
        QTest::newRow("r") << QStringLiteral("r") << QStringLiteral("R") << QStringLiteral("#");
        QTest::newRow("R") << QStringLiteral("R") << QStringLiteral("R") << QStringLiteral("#");
        QTest::newRow("sql") << QStringLiteral("sql") << QStringLiteral("sql") << QStringLiteral("--");
    }
    void scriptSuffixesAndComments()
    {
        QFETCH(QString, kind);
        QFETCH(QString, suffix);
        QFETCH(QString, marker);
        QCOMPARE(scriptFileSuffix(kind), suffix);
        QCOMPARE(commentMarker(kind), marker);
    }

    void groupsByLanguageKeepingOrder()
    {
        const QList<HistoryEntry> entries = mixedEntries();
        const QMap<QString, QList<HistoryEntry>> groups = groupByLanguage(entries);
        QCOMPARE(groups.keys(), (QStringList{QStringLiteral("python"), QStringLiteral("scala"), QStringLiteral("sql")}));
        QList<int> python;
        for (const HistoryEntry &e : groups.value(QStringLiteral("python")))
            python.append(e.statement.id);
        QCOMPARE(python, (QList<int>{0, 4, 5, 8, 9, 12, 18}));
        QCOMPARE(groups.value(QStringLiteral("scala")).size(), 1);
        QCOMPARE(groups.value(QStringLiteral("scala")).first().statement.id, 5);
        // The statement sent as sql in the spark session is grouped by the kind it ran as.
        QCOMPARE(groups.value(QStringLiteral("sql")).size(), 2);
        QCOMPARE(groups.value(QStringLiteral("sql")).at(0).session.id, 2);
        QCOMPARE(groups.value(QStringLiteral("sql")).at(1).session.id, 3);
        // An entry without a kind falls back to its session's.
        HistoryEntry noKind = entries.first();
        noKind.kind.clear();
        QCOMPARE(groupByLanguage({noKind}).keys(), QStringList{QStringLiteral("python")});
    }

    void pythonScript()
    {
        const QList<HistoryEntry> entries{
            entryFrom(QStringLiteral("statement-pyspark-text-plain.json"), pysparkSession()),
            entryFrom(QStringLiteral("statement-spark-text-plain.json"), sparkSession()), // another language: left out
            entryFrom(QStringLiteral("statement-pyspark-print.json"), pysparkSession()),
        };
        const QString expected = QStringLiteral(
            "# Statement 0, session 0 \"analysis\" (pyspark), server http://127.0.0.1:8998\n"
            "# Completed 2026-11-25T22:29:11Z, state available\n"
            "1+1\n"
            "\n"
            "# Statement 3, session 0 \"analysis\" (pyspark), server http://127.0.0.1:8998\n"
            "# Completed 2026-11-25T22:29:12Z, state available\n"
            "print(\"hello\")\n"
            "print(\"world\")\n");
        QCOMPARE(toScript(entries, QStringLiteral("python")), expected);
        QCOMPARE(toScript(entries, QStringLiteral("pyspark")), expected); // a kind names the same language
        QCOMPARE(toScript(entries, QStringLiteral("r")), QString());
    }

    void scalaAndSqlScripts()
    {
        const QList<HistoryEntry> entries = mixedEntries();
        QCOMPARE(toScript(entries, QStringLiteral("scala")),
                 QStringLiteral("// Statement 5, session 2 (spark), server http://127.0.0.1:8998\n"
                                "// Completed 2026-11-25T22:30:32Z, state available\n"
                                "val x: Int = \"nope\"\n"));
        const QString sql = toScript(entries, QStringLiteral("sql"));
        QVERIFY2(sql.startsWith(QStringLiteral("-- Statement 8, session 2 (spark), server http://127.0.0.1:8998\n"
                                               "-- Completed 2026-11-25T22:30:34Z, state available\n"
                                               "SELECT 1 AS one, 'x' AS s\n\n"
                                               "-- Statement 0, session 3 \"reports\" (sql), server ")),
                 qPrintable(sql));
        QVERIFY(sql.endsWith(QStringLiteral("FROM range(3)\n")));
        QVERIFY(!sql.contains(QLatin1String("1+1")));
    }

    void scriptHeaderOfUnfinishedAndOddEntries()
    {
        HistoryEntry entry;
        entry.session = pysparkSession();
        entry.session.name = QStringLiteral("two\nlines");
        entry.kind = QStringLiteral("pyspark");
        entry.statement.code = QStringLiteral("x = 1\n\n");
        entry.statement.state = StatementState::Waiting;
        entry.submitted = 1795645751901;
        QCOMPARE(toScript({entry}, QStringLiteral("python")),
                 QStringLiteral("# Statement not acknowledged by the server, session 0 \"two lines\" (pyspark), "
                                "server http://127.0.0.1:8998\n"
                                "# Not completed (submitted 2026-11-25T22:29:11Z), state waiting\n"
                                "x = 1\n"));
    }

    void notebookValidates()
    {
        QString error;
        const QByteArray notebook = toNotebook(mixedEntries(), &error);
        QVERIFY2(!notebook.isEmpty(), qPrintable(error));
        QVERIFY(error.isEmpty());
        VERIFY_VALID(notebook);
        const QJsonObject nb = parse(notebook);
        QCOMPARE(nb.value(QLatin1String("nbformat")).toInt(), 4);
        QCOMPARE(nb.value(QLatin1String("nbformat_minor")).toInt(), 5);
    }

    void emptyNotebookValidates()
    {
        const QByteArray notebook = toNotebook({});
        VERIFY_VALID(notebook);
        QCOMPARE(parse(notebook).value(QLatin1String("cells")).toArray().size(), 0);
    }

    void notebookCellsInOrder()
    {
        const QList<HistoryEntry> entries = mixedEntries();
        const QJsonObject nb = parse(toNotebook(entries));
        const QJsonArray cells = nb.value(QLatin1String("cells")).toArray();
        QCOMPARE(cells.size(), entries.size());
        for (int i = 0; i < cells.size(); ++i) {
            const QJsonObject c = cells.at(i).toObject();
            QCOMPARE(c.value(QLatin1String("cell_type")).toString(), QStringLiteral("code"));
            QCOMPARE(c.value(QLatin1String("id")).toString(), QStringLiteral("cell-%1").arg(i + 1));
            const QString source = joined(c.value(QLatin1String("source")));
            const QString code = entries[i].statement.code;
            if (entries[i].kind == QLatin1String("sql"))
                QCOMPARE(source, QStringLiteral("%%sql\n") + code); // sparkmagic's SQL cell magic
            else
                QCOMPARE(source, code);
            const QJsonObject meta = c.value(QLatin1String("metadata")).toObject().value(QLatin1String("livydesk")).toObject();
            QCOMPARE(meta.value(QLatin1String("statement_id")).toInt(), entries[i].statement.id);
            QCOMPARE(meta.value(QLatin1String("session_id")).toInt(), entries[i].session.id);
            QCOMPARE(meta.value(QLatin1String("server")).toString(), Server);
            QCOMPARE(meta.value(QLatin1String("kind")).toString(), entries[i].kind);
            QCOMPARE(meta.value(QLatin1String("session_kind")).toString(), entries[i].session.kind);
        }
        // Multi-line code is stored as Jupyter's list of lines.
        QCOMPARE(cell(nb, 1).value(QLatin1String("source")).toArray().first().toString(),
                 QStringLiteral("d = {\"a\": 1, \"b\": [1, 2, 3], \"c\": None}\n"));

        const QJsonObject first = cell(nb, 0);
        QCOMPARE(first.value(QLatin1String("execution_count")).toInt(), 0);
        const QJsonObject meta = first.value(QLatin1String("metadata")).toObject().value(QLatin1String("livydesk")).toObject();
        QCOMPARE(meta.value(QLatin1String("session_name")).toString(), QStringLiteral("analysis"));
        QCOMPARE(meta.value(QLatin1String("app_id")).toString(), QStringLiteral("local-1795645700000"));
        QCOMPARE(meta.value(QLatin1String("state")).toString(), QStringLiteral("available"));
        QCOMPARE(meta.value(QLatin1String("started")).toString(), QStringLiteral("2026-11-25T22:29:11.901Z"));
        QCOMPARE(meta.value(QLatin1String("completed")).toString(), QStringLiteral("2026-11-25T22:29:11.917Z"));
        QVERIFY(!meta.contains(QLatin1String("output_truncated")));
        // The spark session has no name: the key is left out rather than empty.
        QVERIFY(!cell(nb, 6).value(QLatin1String("metadata")).toObject().value(QLatin1String("livydesk")).toObject()
                     .contains(QLatin1String("session_name")));

        const QJsonObject kernelspec = nb.value(QLatin1String("metadata")).toObject().value(QLatin1String("kernelspec")).toObject();
        QCOMPARE(kernelspec.value(QLatin1String("name")).toString(), QStringLiteral("pysparkkernel"));
        QCOMPARE(kernelspec.value(QLatin1String("display_name")).toString(), QStringLiteral("PySpark"));
        QCOMPARE(nb.value(QLatin1String("metadata")).toObject().value(QLatin1String("language_info")).toObject()
                     .value(QLatin1String("name")).toString(),
                 QStringLiteral("pyspark"));
    }

    void notebookTextAndJson()
    {
        const QJsonObject nb = parse(toNotebook(mixedEntries()));
        const QJsonArray text = outputsOf(nb, 0);
        QCOMPARE(text.size(), 1);
        QCOMPARE(text.at(0).toObject().value(QLatin1String("output_type")).toString(), QStringLiteral("execute_result"));
        QCOMPARE(text.at(0).toObject().value(QLatin1String("execution_count")).toInt(), 0);
        QCOMPARE(joined(dataOf(nb, 0).value(QLatin1String("text/plain"))), QStringLiteral("2"));

        const QJsonObject json = dataOf(nb, 1);
        const QJsonObject recorded = fixtureObject(QStringLiteral("statement-pyspark-json.json"))
                                         .value(QLatin1String("output")).toObject()
                                         .value(QLatin1String("data")).toObject();
        QCOMPARE(json.value(QLatin1String("application/json")), recorded.value(QLatin1String("application/json")));
        // No text came with it: its indented text stands in for frontends without a JSON renderer.
        const QString plain = joined(json.value(QLatin1String("text/plain")));
        QVERIFY2(plain.contains(QLatin1String("\"b\": [")) && plain.contains(QLatin1String("\"c\": null")), qPrintable(plain));

        // A cancelled statement that ran on keeps what it printed.
        QCOMPARE(joined(dataOf(nb, 9).value(QLatin1String("text/plain"))), QStringLiteral("done sleeping"));
    }

    void notebookTables()
    {
        const QJsonObject nb = parse(toNotebook(mixedEntries()));
        const QJsonObject table = dataOf(nb, 2);
        // The original %table value is kept under its own type, next to the renderings.
        QVERIFY(table.value(QLatin1String("application/vnd.livy.table.v1+json")).isObject());
        const QString html = joined(table.value(QLatin1String("text/html")));
        QVERIFY2(html.startsWith(QLatin1String("<table>")), qPrintable(html));
        for (const char *expected : {"<th>n</th>", "<th>name</th>", "<th>x</th>", "<td>a</td>", "<td>b</td>",
                                     "<td>1.5</td>", "<td>2</td>", "<td><i>null</i></td>"})
            QVERIFY2(html.contains(QLatin1String(expected)), expected);
        QCOMPARE(joined(table.value(QLatin1String("text/plain"))),
                 QStringLiteral("+-+----+----+\n"
                                "|n|name|   x|\n"
                                "+-+----+----+\n"
                                "|1|a   | 1.5|\n"
                                "|2|b   |null|\n"
                                "+-+----+----+\n"));

        // The sql kind's application/json {schema, data} is a table too.
        const QJsonObject sql = dataOf(nb, 8);
        QVERIFY(sql.value(QLatin1String("application/json")).toObject().contains(QLatin1String("schema")));
        const QString sqlHtml = joined(sql.value(QLatin1String("text/html")));
        for (const char *expected : {"<th>id</th>", "<th>x</th>", "<th>s</th>", "<th>even</th>", "<td>3.0</td>",
                                     "<td>true</td>", "<td>false</td>"})
            QVERIFY2(sqlHtml.contains(QLatin1String(expected)), expected);
        QVERIFY(joined(sql.value(QLatin1String("text/plain"))).startsWith(QLatin1String("+--+---+-+-----+\n|id|  x|s|even |\n")));
    }

    void htmlIsEscaped()
    {
        const TableResult table = TableResult::fromRows(
            {TableColumn{QStringLiteral("<b>&col</b>"), ColumnType::String, QStringLiteral("STRING_TYPE"), -1}},
            {QJsonArray{QStringLiteral("<script>alert(\"x\")</script>")}, QJsonArray{QStringLiteral("a\nb")}});
        const QString html = tableToHtml(table);
        QVERIFY(!html.contains(QLatin1String("<script>")));
        QVERIFY(!html.contains(QLatin1String("<b>")));
        QVERIFY(html.contains(QLatin1String("<th>&lt;b&gt;&amp;col&lt;/b&gt;</th>")));
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")));
        // Plain text keeps every row on one line.
        QVERIFY(tableToText(table).contains(QLatin1String("|a\\nb")));
    }

    void notebookImageRoundTrips()
    {
        const QJsonObject recorded = fixtureObject(QStringLiteral("statement-pyspark-matplot.json"))
                                         .value(QLatin1String("output")).toObject()
                                         .value(QLatin1String("data")).toObject();
        const QByteArray png = QByteArray::fromBase64(recorded.value(QLatin1String("image/png")).toString().toLatin1());
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));

        // As recorded, and with the base64 wrapped at 76 columns (as some servers and tools write it).
        HistoryEntry wrapped = entryFrom(QStringLiteral("statement-pyspark-matplot.json"), pysparkSession());
        QString base64 = recorded.value(QLatin1String("image/png")).toString();
        for (qsizetype at = 76; at < base64.size(); at += 77)
            base64.insert(at, QLatin1Char('\n'));
        wrapped.statement.output->data.insert(QStringLiteral("image/png"), base64);
        const QList<HistoryEntry> entries{entryFrom(QStringLiteral("statement-pyspark-matplot.json"), pysparkSession()),
                                          wrapped};
        const QByteArray notebook = toNotebook(entries);
        VERIFY_VALID(notebook);
        const QJsonObject nb = parse(notebook);
        for (int i = 0; i < 2; ++i) {
            const QJsonValue image = dataOf(nb, i).value(QLatin1String("image/png"));
            QVERIFY(image.isString()); // one string, not a list of lines
            QVERIFY(!image.toString().contains(QLatin1Char('\n')));
            QCOMPARE(QByteArray::fromBase64(image.toString().toLatin1()), png);
            QCOMPARE(joined(dataOf(nb, i).value(QLatin1String("text/plain"))),
                     recorded.value(QLatin1String("text/plain")).toString());
        }
    }

    void notebookErrors()
    {
        const QJsonObject nb = parse(toNotebook(mixedEntries()));
        // Python: the traceback already ends with "ename: evalue"; lines lose their own line breaks.
        const QJsonArray python = outputsOf(nb, 4);
        QCOMPARE(python.size(), 1);
        const QJsonObject py = python.at(0).toObject();
        QCOMPARE(py.value(QLatin1String("output_type")).toString(), QStringLiteral("error"));
        QCOMPARE(py.value(QLatin1String("ename")).toString(), QStringLiteral("ZeroDivisionError"));
        QCOMPARE(py.value(QLatin1String("evalue")).toString(), QStringLiteral("division by zero"));
        QCOMPARE(py.value(QLatin1String("traceback")).toArray(),
                 (QJsonArray{QStringLiteral("Traceback (most recent call last):"),
                             QStringLiteral("  File \"<stdin>\", line 2, in f"),
                             QStringLiteral("ZeroDivisionError: division by zero")}));
        QCOMPARE(cell(nb, 4).value(QLatin1String("execution_count")).toInt(), 9);

        // Scala: the message is only in evalue, so it goes first where frontends look.
        const QJsonObject scala = outputsOf(nb, 6).at(0).toObject();
        QCOMPARE(scala.value(QLatin1String("ename")).toString(), QStringLiteral("Error"));
        QCOMPARE(scala.value(QLatin1String("evalue")).toString(), QStringLiteral("<console>:22: error: type mismatch;"));
        const QJsonArray trace = scala.value(QLatin1String("traceback")).toArray();
        QCOMPARE(trace.size(), 5);
        QCOMPARE(trace.at(0).toString(), QStringLiteral("Error: <console>:22: error: type mismatch;"));
        QCOMPARE(trace.at(1).toString(), QStringLiteral(" found   : String(\"nope\")"));

        // Cancelled before it ran: no outputs, no execution count.
        QCOMPARE(outputsOf(nb, 5).size(), 0);
        QVERIFY(cell(nb, 5).value(QLatin1String("execution_count")).isNull());
        QCOMPARE(cell(nb, 5).value(QLatin1String("metadata")).toObject().value(QLatin1String("livydesk")).toObject()
                     .value(QLatin1String("state")).toString(),
                 QStringLiteral("cancelled"));
    }

    void truncatedOutputKeepsNote()
    {
        HistoryEntry text = entryFrom(QStringLiteral("statement-pyspark-print.json"), pysparkSession());
        text.outputTruncated = true;
        text.outputBytes = 123456;
        HistoryEntry error = entryFrom(QStringLiteral("statement-pyspark-error-traceback.json"), pysparkSession());
        error.outputTruncated = true;
        error.outputBytes = 99;
        const QByteArray notebook = toNotebook({text, error});
        VERIFY_VALID(notebook);
        const QJsonObject nb = parse(notebook);
        QCOMPARE(joined(dataOf(nb, 0).value(QLatin1String("text/plain"))),
                 QStringLiteral("hello\nworld\n[output truncated by LivyDesk: 123456 bytes received]"));
        const QJsonObject meta = cell(nb, 0).value(QLatin1String("metadata")).toObject().value(QLatin1String("livydesk")).toObject();
        QCOMPARE(meta.value(QLatin1String("output_truncated")).toBool(), true);
        QCOMPARE(meta.value(QLatin1String("output_bytes")).toInteger(), 123456);
        QCOMPARE(outputsOf(nb, 1).at(0).toObject().value(QLatin1String("traceback")).toArray().last().toString(),
                 QStringLiteral("[output truncated by LivyDesk: 99 bytes received]"));
    }

    void kernelFromDominantLanguage_data()
    {
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<QString>("kernel");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("language");
        QTest::newRow("pyspark") << QStringList{QStringLiteral("pyspark")} << QStringLiteral("pysparkkernel")
                                 << QStringLiteral("PySpark") << QStringLiteral("pyspark");
        QTest::newRow("spark") << QStringList{QStringLiteral("spark")} << QStringLiteral("sparkkernel")
                               << QStringLiteral("Spark") << QStringLiteral("scala");
        QTest::newRow("sparkr") << QStringList{QStringLiteral("sparkr")} << QStringLiteral("sparkrkernel")
                                << QStringLiteral("SparkR") << QStringLiteral("sparkR");
        QTest::newRow("sql only") << QStringList{QStringLiteral("sql"), QStringLiteral("sql")}
                                  << QStringLiteral("sparkkernel") << QStringLiteral("Spark") << QStringLiteral("scala");
        QTest::newRow("sql is not a kernel") << QStringList{QStringLiteral("sql"), QStringLiteral("sql"),
                                                            QStringLiteral("sparkr")}
                                             << QStringLiteral("sparkrkernel") << QStringLiteral("SparkR")
                                             << QStringLiteral("sparkR");
        QTest::newRow("most frequent") << QStringList{QStringLiteral("spark"), QStringLiteral("pyspark"),
                                                      QStringLiteral("pyspark")}
                                       << QStringLiteral("pysparkkernel") << QStringLiteral("PySpark")
                                       << QStringLiteral("pyspark");
        QTest::newRow("tie: first") << QStringList{QStringLiteral("spark"), QStringLiteral("pyspark")}
                                    << QStringLiteral("sparkkernel") << QStringLiteral("Spark") << QStringLiteral("scala");
        QTest::newRow("empty") << QStringList{} << QStringLiteral("sparkkernel") << QStringLiteral("Spark")
                               << QStringLiteral("scala");
    }
    void kernelFromDominantLanguage()
    {
        QFETCH(QStringList, kinds);
        QFETCH(QString, kernel);
        QFETCH(QString, display);
        QFETCH(QString, language);
        QList<HistoryEntry> entries;
        for (const QString &kind : std::as_const(kinds)) {
            HistoryEntry entry = entryFrom(QStringLiteral("statement-spark-text-plain.json"), sparkSession(), kind);
            entries.append(entry);
        }
        const QByteArray notebook = toNotebook(entries);
        const QJsonObject metadata = parse(notebook).value(QLatin1String("metadata")).toObject();
        const QJsonObject spec = metadata.value(QLatin1String("kernelspec")).toObject();
        QCOMPARE(spec.value(QLatin1String("name")).toString(), kernel);
        QCOMPARE(spec.value(QLatin1String("display_name")).toString(), display);
        QCOMPARE(metadata.value(QLatin1String("language_info")).toObject().value(QLatin1String("name")).toString(), language);
        VERIFY_VALID(notebook);
    }

    void notebookIsDeterministic()
    {
        const QList<HistoryEntry> entries = mixedEntries();
        const QByteArray first = toNotebook(entries);
        QCOMPARE(toNotebook(entries), first);
        QCOMPARE(toNotebook(mixedEntries()), first);
    }

    void unloadedOutputIsAnError()
    {
        QList<HistoryEntry> entries = mixedEntries();
        entries[3].outputLoaded = false;
        entries[3].statement.output.reset();
        QString error;
        QVERIFY(toNotebook(entries, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("statement 8")), qPrintable(error));
        QVERIFY(!toNotebook(mixedEntries(), &error).isEmpty());
        QVERIFY(error.isEmpty());
    }

    // The validator can fail: notebooks broken in ways nbformat must notice are rejected.
    void validatorRejectsBrokenNotebooks_data()
    {
        QTest::addColumn<QString>("breakage");
        QTest::newRow("cell without outputs") << QStringLiteral("outputs");
        QTest::newRow("cell without id") << QStringLiteral("id");
        QTest::newRow("invalid cell id") << QStringLiteral("badid");
        QTest::newRow("non-string image") << QStringLiteral("image");
        QTest::newRow("duplicate cell id") << QStringLiteral("duplicate");
        QTest::newRow("unknown output type") << QStringLiteral("output_type");
        QTest::newRow("negative execution count") << QStringLiteral("count");
    }
    void validatorRejectsBrokenNotebooks()
    {
        QFETCH(QString, breakage);
        QJsonObject nb = parse(toNotebook(mixedEntries()));
        QJsonArray cells = nb.value(QLatin1String("cells")).toArray();
        QJsonObject first = cells.at(0).toObject();
        QJsonObject image = cells.at(3).toObject();
        if (breakage == QLatin1String("outputs")) {
            first.remove(QStringLiteral("outputs"));
        } else if (breakage == QLatin1String("id")) {
            first.remove(QStringLiteral("id"));
        } else if (breakage == QLatin1String("badid")) {
            first.insert(QStringLiteral("id"), QStringLiteral("cell 1"));
        } else if (breakage == QLatin1String("image")) {
            QJsonArray outputs = image.value(QLatin1String("outputs")).toArray();
            QJsonObject output = outputs.at(0).toObject();
            QJsonObject data = output.value(QLatin1String("data")).toObject();
            data.insert(QStringLiteral("image/png"), QJsonObject{{QStringLiteral("base64"), true}});
            output.insert(QStringLiteral("data"), data);
            outputs.replace(0, output);
            image.insert(QStringLiteral("outputs"), outputs);
        } else if (breakage == QLatin1String("duplicate")) {
            image.insert(QStringLiteral("id"), first.value(QLatin1String("id")));
        } else if (breakage == QLatin1String("output_type")) {
            QJsonArray outputs = first.value(QLatin1String("outputs")).toArray();
            QJsonObject output = outputs.at(0).toObject();
            output.insert(QStringLiteral("output_type"), QStringLiteral("result"));
            outputs.replace(0, output);
            first.insert(QStringLiteral("outputs"), outputs);
        } else {
            first.insert(QStringLiteral("execution_count"), -1);
        }
        cells.replace(0, first);
        cells.replace(3, image);
        nb.insert(QStringLiteral("cells"), cells);
        const Validation v = validate(QJsonDocument(nb).toJson());
        QVERIFY2(v.started, "could not run /usr/bin/python3");
        QVERIFY2(v.exitCode != 0, qPrintable(QStringLiteral("nbformat accepted a broken notebook (%1)").arg(breakage)));
    }
};

QTEST_GUILESS_MAIN(TestHistoryExport)
#include "tst_historyexport.moc"
