// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The data browser against the REAL Livy 0.9 + Spark 3.5 (ctest label `livy`, one pyspark session): the catalog
// tree from Spark's own SHOW/DESCRIBE answers; a 200,000-row result kept on the server and paged (first, middle and
// last page checked against Spark's answers for those rows), sorted and filtered on the server; every row exported
// to CSV (count and checksums compared with Spark's) and JSON lines; and every statement LivyDesk ran marked as its
// own.

#include "controllers/sessioncontroller.h"
#include "data/catalogmodel.h"
#include "data/internalstatement.h"
#include "data/pagedexport.h"
#include "data/pagedtablemodel.h"
#include "data/sessionqueryrunner.h"
#include "data/sqltext.h"
#include "items/statementlistmodel.h"
#include "livy/createsessionjob.h"
#include "livy/deletesessionjob.h"
#include "livytestsupport.h"
#include "polling/pollactivity.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Livy;
using namespace std::chrono_literals;
using Node = CatalogModel::NodeType;

namespace {

constexpr qint64 Rows = 200000;

/// The user's query: 200,000 rows with a decimal, a date, a nullable string holding commas and quotes.
const QString BigQuery = QStringLiteral(
    "SELECT id, concat('name-', id) AS name, id * 0.5 AS amount, date_add(DATE'2020-01-01', CAST(id % 1000 AS INT)) AS day, "
    "CASE WHEN id % 7 = 0 THEN NULL ELSE concat('c, \"q\" ', id % 3) END AS note FROM range(200000)");

quint32 crc32(const QByteArray &data)
{
    static quint32 table[256];
    static bool ready = false;
    if (!ready) {
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        ready = true;
    }
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data)
        crc = table[(crc ^ quint8(ch)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

/// RFC 4180 records of a whole file.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\n')) {
            record << field;
            records << record;
            record.clear();
            field.clear();
            wasQuoted = false;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || wasQuoted || !record.isEmpty()) {
        record << field;
        records << record;
    }
    return records;
}

} // namespace

class TestLivyData : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Connection> m_conn;
    PollActivity m_activity;
    QTemporaryDir m_warehouse;
    int m_session = -1;
    SessionController *m_controller = nullptr;
    SessionQueryRunner *m_runner = nullptr;

    /// Runs `sql` through the runner and waits for its table.
    std::shared_ptr<const TableResult> query(const QString &sql, QString *error = nullptr)
    {
        std::optional<QueryReply> reply;
        m_runner->run(QStringLiteral("test"), sql, this, [&](const QueryReply &r) { reply = r; });
        QDeadlineTimer deadline(180000);
        while (!reply && !deadline.hasExpired())
            QTest::qWait(20);
        if (!reply) {
            if (error)
                *error = QStringLiteral("no answer in time");
            return {};
        }
        if (error)
            *error = reply->error;
        return reply->ok() ? reply->table : nullptr;
    }

    /// Expands `index` and waits until its level is loaded.
    bool load(CatalogModel &model, const QModelIndex &index)
    {
        QSignalSpy loaded(&model, &CatalogModel::levelLoaded);
        if (index.isValid())
            model.fetchMore(index);
        else
            model.refresh();
        return loaded.wait(120000) || !model.isLoading(index);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_activity.setActive(true);
        LIVYTEST_REQUIRE_SERVER("ctest", m_url);
        QVERIFY(m_warehouse.isValid());
        ConnectionSettings settings;
        settings.baseUrl = QUrl(m_url);
        settings.requestTimeout = std::chrono::seconds(120);
        m_conn = std::make_unique<Connection>(&m_nam, settings);
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.name = QStringLiteral("lddata%1").arg(QCoreApplication::applicationPid());
        request.driverMemory = QStringLiteral("1g");
        // The partitioned table's files go to this test's own directory, not the server's shared one.
        request.conf = QMap<QString, QString>{ { QStringLiteral("spark.sql.warehouse.dir"), m_warehouse.path() },
                                               { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("4") },
                                               { QStringLiteral("spark.ui.enabled"), QStringLiteral("false") } };
        auto created = LivyTest::run(new CreateSessionJob(m_conn.get(), request));
        QVERIFY2(created->ok(), qPrintable(created->error().toString()));
        m_session = created->session().id;
        const SessionState state = LivyTest::waitForSessionState(m_conn.get(), SessionRef::byId(m_session),
                                                                 [](SessionState s) { return isReady(s) || isTerminal(s); }, 240000);
        QVERIFY2(state == SessionState::Idle, qPrintable(sessionStateToString(state)));

        SessionController::Settings cs;
        cs.keepAlive = false;
        m_controller = new SessionController(m_conn.get(), SessionRef::byId(m_session), cs, this);
        m_controller->setActivity(&m_activity);
        QSignalSpy attached(m_controller, &SessionController::attached);
        m_controller->attach();
        QVERIFY(attached.wait(60000));
        m_runner = new SessionQueryRunner(m_controller, this);

        // What a user has in a session: a temporary view of their own, and a partitioned table.
        QString error;
        QVERIFY2(query(QStringLiteral("CREATE OR REPLACE TEMPORARY VIEW big AS ") + BigQuery, &error), qPrintable(error));
        QVERIFY2(query(QStringLiteral("CREATE TABLE sales_part (id BIGINT, amount DOUBLE, region STRING) USING parquet "
                                      "PARTITIONED BY (region)"), &error), qPrintable(error));
        QVERIFY2(query(QStringLiteral("INSERT INTO sales_part VALUES (1, 2.5, 'north'), (2, 3.5, 'south')"), &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        delete m_runner;
        delete m_controller;
        if (m_session >= 0 && m_conn)
            LivyTest::run(new DeleteSessionJob(m_conn.get(), SessionRef::byId(m_session)), 120000);
    }

    void catalogTreeFromSparksAnswers()
    {
        CatalogModel model(m_runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(load(model, {}));
        const QModelIndex db = model.find({}, Node::Database, QStringLiteral("default"));
        QVERIFY2(db.isValid(), "SHOW DATABASES lists default");
        const QModelIndex temp = model.find({}, Node::TemporaryViews, QStringLiteral("Temporary views"));
        QVERIFY(temp.isValid());
        // The item-model tester may have fetched some levels already; wait for each we need.
        if (model.rowCount(temp) == 0)
            QVERIFY(load(model, temp));
        QTRY_VERIFY_WITH_TIMEOUT(model.find(temp, Node::Table, QStringLiteral("big")).isValid(), 120000);
        const QModelIndex big = model.find(temp, Node::Table, QStringLiteral("big"));
        QCOMPARE(big.data(CatalogModel::QualifiedNameRole).toString(), QStringLiteral("`big`"));
        if (model.rowCount(db) == 0)
            QVERIFY(load(model, db));
        QTRY_VERIFY_WITH_TIMEOUT(model.find(db, Node::Table, QStringLiteral("sales_part")).isValid(), 120000);
        QVERIFY2(!model.find(db, Node::Table, QStringLiteral("big")).isValid(), "temporary views are not listed under a database");
        const QModelIndex sales = model.find(db, Node::Table, QStringLiteral("sales_part"));
        if (model.rowCount(sales) == 0)
            QVERIFY(load(model, sales));
        QTRY_VERIFY_WITH_TIMEOUT(model.find(sales, Node::Column, QStringLiteral("region")).isValid(), 120000);
        const QModelIndex region = model.find(sales, Node::Column, QStringLiteral("region"));
        QVERIFY(region.data(CatalogModel::IsPartitionColumnRole).toBool());
        QCOMPARE(model.find(sales, Node::Column, QStringLiteral("amount")).data(CatalogModel::DataTypeRole).toString(), QStringLiteral("double"));
        QCOMPARE(sales.data(CatalogModel::TableTypeRole).toString(), QStringLiteral("MANAGED"));
        const QModelIndex partitions = model.find(sales, Node::Partitions, QStringLiteral("Partitions"));
        QVERIFY(partitions.isValid());
        if (model.rowCount(partitions) == 0)
            QVERIFY(load(model, partitions));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(partitions), 2, 120000);
        QCOMPARE(model.index(0, 0, partitions).data().toString(), QStringLiteral("region=north"));

        QString ddl, ddlError;
        bool done = false;
        model.fetchDdl(sales, this, [&](const QString &d, const QString &e) { ddl = d; ddlError = e; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 120000);
        QVERIFY2(ddl.contains(QStringLiteral("PARTITIONED BY (region)")), qPrintable(ddl + ddlError));
        done = false;
        model.fetchDdl(big, this, [&](const QString &d, const QString &e) { ddl = d; ddlError = e; done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 120000);
        QVERIFY2(ddlError.contains(QStringLiteral("temp view")), qPrintable(ddlError)); // Spark's own words
    }

    void pagesSortsFiltersAndExportsAResultKeptOnTheServer()
    {
        // Keep the query's result on the server, cached, as the "Page through all rows" action does.
        QString error;
        for (const QString &sql : keepOnServerSql(BigQuery, QStringLiteral("livydesk_result_big"), true))
            QVERIFY2(query(sql, &error), qPrintable(error));

        PagedTableModel model(m_runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(500);
        PagedQuery q;
        q.relation = quoteIdentifier(QStringLiteral("livydesk_result_big"));
        model.setQuery(q);
        QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), Rows, 120000);
        QCOMPARE(model.rowCount(), int(Rows));
        QCOMPARE(model.columnCount(), 5);

        // First, a middle and the last page, each against Spark's own answer for that row.
        for (const int row : { 0, 123456, int(Rows) - 1 }) {
            model.requestRow(row);
            QTRY_VERIFY_WITH_TIMEOUT(!model.index(row, 0).data(PagedTableModel::LoadingRole).toBool(), 120000);
            const auto spark = query(QStringLiteral("SELECT * FROM big WHERE id = %1").arg(row), &error);
            QVERIFY2(spark && spark->rowCount() == 1, qPrintable(error));
            for (int c = 0; c < 5; ++c)
                QCOMPARE(model.cellText(row, c), spark->text(0, c));
            QCOMPARE(model.cellText(row, 0), QString::number(row)); // the relation's own order
        }

        // Sorted on the server.
        model.sort(2, Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(!model.index(0, 0).data(PagedTableModel::LoadingRole).toBool(), 120000);
        QCOMPARE(model.cellText(0, 0), QStringLiteral("199999"));
        QCOMPARE(model.cellText(1, 0), QStringLiteral("199998"));
        QCOMPARE(model.rowCount(), int(Rows));

        // Exported, every row, in the sorted order: count and checksums compared with Spark's.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        PagedExport exporter(m_runner);
        QSignalSpy finished(&exporter, &PagedExport::finished);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(exporter.start(model.query(), model.columns(), PagedQuery::ExportFormat::Csv, path, model.totalRows()));
        QVERIFY(finished.wait(600000));
        QVERIFY2(exporter.state() == PagedExport::State::Finished, qPrintable(exporter.summary() + QLatin1Char(' ') + exporter.errorDetails()));
        qInfo("export: %lld rows, %lld bytes, %d chunks, %lld ms, %.0f rows/s", exporter.rowsWritten(), exporter.bytesWritten(),
              exporter.chunksDone(), clock.elapsed(), exporter.rowsPerSecond());
        QVERIFY2(exporter.chunksDone() <= 10, "a few big chunks, not hundreds of statements (the server keeps only 100)");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> records = parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(records.size(), int(Rows) + 1);
        QCOMPARE(records.first(), (QStringList{ QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("amount"),
                                                QStringLiteral("day"), QStringLiteral("note") }));
        QCOMPARE(records.at(1).first(), QStringLiteral("199999"));
        qint64 idSum = 0, crcSum = 0, notes = 0;
        for (qsizetype i = 1; i < records.size(); ++i) {
            const QStringList &r = records.at(i);
            QCOMPARE(r.size(), 5);
            idSum += r.at(0).toLongLong();
            crcSum += crc32(r.at(1).toUtf8());
            if (!r.at(4).isEmpty())
                ++notes;
        }
        const auto sums = query(QStringLiteral("SELECT count(*), sum(id), sum(crc32(name)), count(note) FROM big"), &error);
        QVERIFY2(sums, qPrintable(error));
        QCOMPARE(qint64(records.size() - 1), sums->value(0, 0).toLongLong());
        QCOMPARE(idSum, sums->value(0, 1).toLongLong());
        QCOMPARE(crcSum, sums->value(0, 2).toLongLong());
        QCOMPARE(notes, sums->value(0, 3).toLongLong()); // nulls stay empty, "c, ""q"" 1" stays one field
        // The value with a comma and quotes came back whole.
        QCOMPARE(records.at(2).at(4), QStringLiteral("c, \"q\" 0")); // id 199998: 199998 % 3 == 0

        // Filtered on the server, exported as JSON lines: nulls kept.
        model.setFilter(QStringLiteral("id < 1000"));
        QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(1000), 120000);
        const QString jsonPath = dir.filePath(QStringLiteral("small.jsonl"));
        PagedExport jsonExport(m_runner);
        QSignalSpy jsonDone(&jsonExport, &PagedExport::finished);
        QVERIFY(jsonExport.start(model.query(), model.columns(), PagedQuery::ExportFormat::JsonLines, jsonPath, model.totalRows()));
        QVERIFY(jsonDone.wait(300000));
        QCOMPARE(jsonExport.state(), PagedExport::State::Finished);
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = json.readAll().split('\n');
        QCOMPARE(lines.size(), 1001); // the last is empty after the final newline
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QStringLiteral("id")).toInteger(), 999); // still sorted by amount, descending
        const QJsonObject nullNote = QJsonDocument::fromJson(lines.at(999 - 994)).object(); // id 994 = 7 × 142
        QCOMPARE(nullNote.value(QStringLiteral("id")).toInteger(), 994);
        QVERIFY(nullNote.contains(QStringLiteral("note")));
        QVERIFY(nullNote.value(QStringLiteral("note")).isNull());
    }

    void everyStatementLivyDeskRanIsMarked()
    {
        m_controller->reloadHistory();
        QTest::qWait(2000);
        StatementListModel *statements = m_controller->statements();
        QVERIFY(statements->rowCount() > 10);
        for (int row = 0; row < statements->rowCount(); ++row) {
            const QString code = statements->index(row, 0).data(StatementListModel::CodeRole).toString();
            QVERIFY2(isInternalStatement(code), qPrintable(code.left(80)));
        }
    }
};

QTEST_GUILESS_MAIN(TestLivyData)
#include "tst_livydata.moc"
