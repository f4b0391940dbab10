// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog tree: what it asks Spark at each level, and what it makes of Spark's answers (shapes as Spark 3.5
// sends them through Livy's sql kind; tests/livy/tst_livydata.cpp proves them on the real server).

#include "data/catalogmodel.h"
#include "scriptedqueryrunner.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;
using Node = CatalogModel::NodeType;

namespace {

const QList<std::pair<QString, QString>> ShowTablesColumns{ { QStringLiteral("namespace"), QStringLiteral("string") },
                                                            { QStringLiteral("tableName"), QStringLiteral("string") },
                                                            { QStringLiteral("isTemporary"), QStringLiteral("boolean") } };
const QList<std::pair<QString, QString>> DescribeColumns{ { QStringLiteral("col_name"), QStringLiteral("string") },
                                                          { QStringLiteral("data_type"), QStringLiteral("string") },
                                                          { QStringLiteral("comment"), QStringLiteral("string") } };

QJsonArray row(std::initializer_list<QJsonValue> values)
{
    return QJsonArray(values);
}

} // namespace

class TestCatalogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsLevelByLevel()
    {
        ScriptedQueryRunner runner;
        CatalogModel model(&runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Nothing runs until the catalog is wanted: a hidden dock must not use the user's session.
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(runner.queries().size(), size_t(0));
        model.refresh();
        QCOMPARE(runner.openSql(), QStringList{ QStringLiteral("SHOW DATABASES") });
        QCOMPARE(runner.open().first()->purpose, QStringLiteral("catalog"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.isLoading());

        runner.answer(runner.open().first(), ScriptedQueryRunner::table({ { QStringLiteral("namespace"), QStringLiteral("string") } },
                                                                        { row({ QStringLiteral("default") }), row({ QStringLiteral("sales") }) }));
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex temp = model.index(0, 0);
        QCOMPARE(temp.data(CatalogModel::NodeTypeRole).toInt(), int(Node::TemporaryViews));
        const QModelIndex sales = model.find({}, Node::Database, QStringLiteral("sales"));
        QVERIFY(sales.isValid());
        QVERIFY(model.hasChildren(sales));

        // A database: its tables, without the temporary views Spark lists in every database. (Views fetch a level
        // when it is expanded; the item-model tester fetches every one it sees.)
        model.fetchMore(sales);
        QVERIFY(sales.data(CatalogModel::IsLoadingRole).toBool());
        QCOMPARE(model.index(sales.row(), CatalogModel::TypeColumn).data().toString(), QStringLiteral("loading…"));
        QVERIFY(runner.openQuery(QStringLiteral("SHOW TABLES IN `sales`")));
        runner.answer(runner.openQuery(QStringLiteral("SHOW TABLES IN `sales`")),
                      ScriptedQueryRunner::table(ShowTablesColumns, { row({ QStringLiteral("sales"), QStringLiteral("orders"), false }),
                                                                      row({ QString(), QStringLiteral("big"), true }) }));
        QCOMPARE(model.rowCount(sales), 1);
        const QModelIndex orders = model.index(0, 0, sales);
        QCOMPARE(orders.data().toString(), QStringLiteral("orders"));
        QCOMPARE(orders.data(CatalogModel::QualifiedNameRole).toString(), QStringLiteral("`sales`.`orders`"));

        // The temporary views: only those.
        model.fetchMore(temp);
        runner.answer(runner.openQuery(QStringLiteral("SHOW TABLES")),
                      ScriptedQueryRunner::table(ShowTablesColumns, { row({ QStringLiteral("default"), QStringLiteral("t1"), false }),
                                                                      row({ QString(), QStringLiteral("big"), true }) }));
        QCOMPARE(model.rowCount(temp), 1);
        const QModelIndex big = model.index(0, 0, temp);
        QCOMPARE(big.data(CatalogModel::QualifiedNameRole).toString(), QStringLiteral("`big`"));
        QVERIFY(big.data(CatalogModel::IsTemporaryRole).toBool());
        QCOMPARE(model.index(0, CatalogModel::TypeColumn, temp).data().toString(), QStringLiteral("temporary"));

        // A partitioned table: columns with types, partition columns marked, its type, and a Partitions node.
        model.fetchMore(orders);
        runner.answer(runner.openQuery(QStringLiteral("DESCRIBE TABLE EXTENDED `sales`.`orders`")),
                      ScriptedQueryRunner::table(DescribeColumns,
                                                 { row({ QStringLiteral("id"), QStringLiteral("bigint"), QJsonValue() }),
                                                   row({ QStringLiteral("amount"), QStringLiteral("decimal(10,2)"), QStringLiteral("net") }),
                                                   row({ QStringLiteral("day"), QStringLiteral("date"), QJsonValue() }),
                                                   row({ QStringLiteral("# Partition Information"), QString(), QString() }),
                                                   row({ QStringLiteral("# col_name"), QStringLiteral("data_type"), QStringLiteral("comment") }),
                                                   row({ QStringLiteral("day"), QStringLiteral("date"), QJsonValue() }),
                                                   row({ QString(), QString(), QString() }),
                                                   row({ QStringLiteral("# Detailed Table Information"), QString(), QString() }),
                                                   row({ QStringLiteral("Database"), QStringLiteral("sales"), QString() }),
                                                   row({ QStringLiteral("Type"), QStringLiteral("MANAGED"), QString() }),
                                                   row({ QStringLiteral("Provider"), QStringLiteral("parquet"), QString() }) }));
        QCOMPARE(model.rowCount(orders), 4);
        QCOMPARE(model.index(1, 0, orders).data().toString(), QStringLiteral("amount"));
        QCOMPARE(model.index(1, 1, orders).data().toString(), QStringLiteral("decimal(10,2)"));
        QVERIFY(!model.index(1, 0, orders).data(CatalogModel::IsPartitionColumnRole).toBool());
        QVERIFY(model.index(2, 0, orders).data(CatalogModel::IsPartitionColumnRole).toBool());
        QCOMPARE(model.index(2, 1, orders).data().toString(), QStringLiteral("date (partition)"));
        QCOMPARE(model.index(0, CatalogModel::TypeColumn, sales).data().toString(), QStringLiteral("managed"));
        const QModelIndex partitions = model.index(3, 0, orders);
        QCOMPARE(partitions.data(CatalogModel::NodeTypeRole).toInt(), int(Node::Partitions));
        model.fetchMore(partitions);
        runner.answer(runner.openQuery(QStringLiteral("SHOW PARTITIONS `sales`.`orders`")), ScriptedQueryRunner::table({ { QStringLiteral("partition"), QStringLiteral("string") } },
                                                                        { row({ QStringLiteral("day=2024-01-01") }) }));
        QCOMPARE(model.index(0, 0, partitions).data().toString(), QStringLiteral("day=2024-01-01"));

        // Dragging a table gives its quoted name.
        std::unique_ptr<QMimeData> mime(model.mimeData({ orders }));
        QVERIFY(mime);
        QCOMPARE(mime->text(), QStringLiteral("`sales`.`orders`"));
        QVERIFY(model.flags(orders) & Qt::ItemIsDragEnabled);
    }

    void failuresShowSparksMessageAndReloadOnRefresh()
    {
        ScriptedQueryRunner runner;
        CatalogModel model(&runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &CatalogModel::levelLoaded);
        model.refresh();
        runner.fail(runner.open().first(), QStringLiteral("AnalysisException: permission denied"), QStringLiteral("stack…"));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().at(1).toString(), QStringLiteral("AnalysisException: permission denied"));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, 0).data(CatalogModel::IsErrorRole).toBool());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("AnalysisException: permission denied"));
        QCOMPARE(model.index(0, 0).data(CatalogModel::DetailsRole).toString(), QStringLiteral("stack…"));

        model.refresh();
        QCOMPARE(runner.openSql(), QStringList{ QStringLiteral("SHOW DATABASES") });
    }

    void refreshCancelsWhatIsLoading()
    {
        ScriptedQueryRunner runner;
        CatalogModel model(&runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        auto *first = runner.open().first();
        runner.answer(first, ScriptedQueryRunner::table({ { QStringLiteral("namespace"), QStringLiteral("string") } },
                                                        { row({ QStringLiteral("default") }) }));
        const QModelIndex db = model.find({}, Node::Database, QStringLiteral("default"));
        model.fetchMore(db);
        auto *tables = runner.openQuery(QStringLiteral("SHOW TABLES IN `default`"));
        QVERIFY(tables);
        model.refresh(); // the database node goes away: its query is cancelled, its late answer ignored
        QVERIFY(tables->cancelled);
        runner.answer(tables, ScriptedQueryRunner::table(ShowTablesColumns, { row({ QStringLiteral("default"), QStringLiteral("x"), false }) }));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.isLoading());
        QCOMPARE(runner.open().size(), 1);
    }

    void fetchesDdl()
    {
        ScriptedQueryRunner runner;
        CatalogModel model(&runner);
        model.refresh();
        runner.answer(runner.open().first(), ScriptedQueryRunner::table({ { QStringLiteral("namespace"), QStringLiteral("string") } },
                                                                        { row({ QStringLiteral("default") }) }));
        const QModelIndex db = model.find({}, Node::Database, QStringLiteral("default"));
        model.fetchMore(db);
        runner.answer(runner.openQuery(QStringLiteral("SHOW TABLES IN `default`")),
                      ScriptedQueryRunner::table(ShowTablesColumns, { row({ QStringLiteral("default"), QStringLiteral("t"), false }) }));
        QString ddl, error;
        model.fetchDdl(model.index(0, 0, db), this, [&](const QString &d, const QString &e) { ddl = d; error = e; });
        runner.answer(runner.openQuery(QStringLiteral("SHOW CREATE TABLE `default`.`t`")), ScriptedQueryRunner::table({ { QStringLiteral("createtab_stmt"), QStringLiteral("string") } },
                                                                        { row({ QStringLiteral("CREATE TABLE default.t (id BIGINT)\nUSING parquet") }) }));
        QCOMPARE(ddl, QStringLiteral("CREATE TABLE default.t (id BIGINT)\nUSING parquet"));
        QVERIFY(error.isEmpty());
        model.fetchDdl(db, this, [&](const QString &d, const QString &e) { ddl = d; error = e; });
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogModel)
#include "tst_catalogmodel.moc"
