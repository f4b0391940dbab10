// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL the data browser writes, and the mark on LivyDesk's own statements.

#include "data/internalstatement.h"
#include "data/pagedquery.h"
#include "data/sqltext.h"

#include <QTest>

using namespace Livy;

class TestDataSql : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void marksStatements()
    {
        const QString code = markInternal(QStringLiteral("catalog"), QStringLiteral("SHOW DATABASES"));
        QCOMPARE(code, QStringLiteral("-- LivyDesk: catalog\nSHOW DATABASES"));
        QVERIFY(isInternalStatement(code));
        QCOMPARE(internalPurpose(code), QStringLiteral("catalog"));
        QCOMPARE(withoutInternalMark(code), QStringLiteral("SHOW DATABASES"));
        QVERIFY(isInternalStatement(QStringLiteral("# LivyDesk: setup\nimport os")));
        QVERIFY(!isInternalStatement(QStringLiteral("SELECT 1 -- LivyDesk: catalog")));
        QVERIFY(!isInternalStatement(QStringLiteral("-- my own query\nSELECT 1")));
        // Code LivyDesk writes for the user to see (the DataFrame table) is the user's statement.
        QVERIFY(!isInternalStatement(QStringLiteral("# LivyDesk: the first 100 rows of df as a table\n%table df")));
        QVERIFY(!isInternalStatement(QStringLiteral("-- LivyDesk: \nSELECT 1")));
        QCOMPARE(internalPurpose(QStringLiteral("SELECT 1")), QString());
        QCOMPARE(withoutInternalMark(QStringLiteral("SELECT 1")), QStringLiteral("SELECT 1"));
    }

    void quotesNames()
    {
        QCOMPARE(quoteIdentifier(QStringLiteral("a`b")), QStringLiteral("`a``b`"));
        QCOMPARE(qualifiedName(QStringLiteral("sales db"), QStringLiteral("t")), QStringLiteral("`sales db`.`t`"));
        QCOMPARE(qualifiedName({}, QStringLiteral("v")), QStringLiteral("`v`"));
        QCOMPARE(sqlString(QStringLiteral("it's a\\b")), QStringLiteral("'it\\'s a\\\\b'"));
        QCOMPARE(queryBody(QStringLiteral("  SELECT 1 ;; \n")), QStringLiteral("SELECT 1"));
    }

    void tellsQueriesFromCommands()
    {
        QVERIFY(looksLikeQuery(QStringLiteral("SELECT 1")));
        QVERIFY(looksLikeQuery(QStringLiteral("-- top\n  with x as (select 1) select * from x")));
        QVERIFY(looksLikeQuery(QStringLiteral("/* c */ (SELECT 1)")));
        QVERIFY(looksLikeQuery(QStringLiteral("VALUES (1), (2)")));
        QVERIFY(!looksLikeQuery(QStringLiteral("SHOW TABLES")));
        QVERIFY(!looksLikeQuery(QStringLiteral("CREATE TABLE t AS SELECT 1")));
        QVERIFY(!looksLikeQuery(QStringLiteral("selected_rows = 1")));
    }

    void writesSnippets()
    {
        const QString t = QStringLiteral("`db`.`t`");
        QCOMPARE(selectSnippet(t, QStringLiteral("sql")), QStringLiteral("SELECT * FROM `db`.`t` LIMIT 100"));
        QCOMPARE(selectSnippet(t, QStringLiteral("pyspark"), 10), QStringLiteral("spark.table(\"`db`.`t`\").limit(10).show()"));
        QCOMPARE(selectSnippet(t, QStringLiteral("spark"), 10), QStringLiteral("spark.table(\"`db`.`t`\").limit(10).show()"));
        QCOMPARE(selectSnippet(t, QStringLiteral("sparkr"), 5), QStringLiteral("head(sql(\"SELECT * FROM `db`.`t`\"), 5)"));
        QCOMPARE(selectSnippet(QStringLiteral("`a\"b`"), QStringLiteral("pyspark"), 1), QStringLiteral("spark.table(\"`a\\\"b`\").limit(1).show()"));
    }

    void pagesCountsAndSorts()
    {
        PagedQuery q;
        q.relation = QStringLiteral("`v`");
        QCOMPARE(q.countSql(), QStringLiteral("SELECT count(*) AS rows FROM `v`"));
        // The first page needs no OFFSET (any Spark); later ones do (Spark 3.4+).
        QCOMPARE(q.pageSql(0, 500), QStringLiteral("SELECT * FROM `v` LIMIT 500"));
        QCOMPARE(q.pageSql(1000, 500), QStringLiteral("SELECT * FROM `v` LIMIT 500 OFFSET 1000"));
        q.filter = QStringLiteral("amount > 10 OR name = 'x'");
        q.sortColumn = QStringLiteral("amount");
        q.descending = true;
        QCOMPARE(q.countSql(), QStringLiteral("SELECT count(*) AS rows FROM `v` WHERE (amount > 10 OR name = 'x')"));
        QCOMPARE(q.pageSql(500, 500),
                 QStringLiteral("SELECT * FROM `v` WHERE (amount > 10 OR name = 'x') ORDER BY `amount` DESC LIMIT 500 OFFSET 500"));
    }

    void exportChunks()
    {
        PagedQuery q;
        q.relation = QStringLiteral("`v`");
        const QList<TableColumn> columns{ { QStringLiteral("id"), ColumnType::Integer, QStringLiteral("bigint"), -1 },
                                          { QStringLiteral("tags"), ColumnType::Unknown, QStringLiteral("array<string>"), -1 },
                                          { QStringLiteral("blob"), ColumnType::Unknown, QStringLiteral("binary"), -1 } };
        const QString csv = q.exportChunkSql(columns, PagedQuery::ExportFormat::Csv, 20000, 10000);
        QVERIFY2(csv.startsWith(QStringLiteral("SELECT count(*) AS rows, concat_ws(char(10), collect_list(line)) AS text FROM (")), qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("to_csv(named_struct('c0', `id`, 'c1', to_json(`tags`), 'c2', base64(`blob`)), map('escape', '\"'")), qPrintable(csv));
        QVERIFY(csv.contains(QStringLiteral("'ignoreLeadingWhiteSpace', 'false'")));
        QVERIFY(csv.endsWith(QStringLiteral(" AS line FROM `v` LIMIT 10000 OFFSET 20000) AS chunk")));
        const QString json = q.exportChunkSql(columns, PagedQuery::ExportFormat::JsonLines, 0, 10);
        QVERIFY2(json.contains(QStringLiteral("to_json(named_struct('id', `id`, 'tags', `tags`, 'blob', `blob`), map('ignoreNullFields', 'false'))")), qPrintable(json));
        QVERIFY(json.endsWith(QStringLiteral(" AS line FROM `v` LIMIT 10) AS chunk")));
    }

    void keepsResultsOnTheServer()
    {
        QCOMPARE(keepOnServerSql(QStringLiteral("SELECT * FROM range(10);"), QStringLiteral("livydesk_result_4"), false),
                 QStringList{ QStringLiteral("CREATE OR REPLACE TEMPORARY VIEW `livydesk_result_4` AS SELECT * FROM range(10)") });
        QCOMPARE(keepOnServerSql(QStringLiteral("SELECT 1"), QStringLiteral("r"), true).last(), QStringLiteral("CACHE TABLE `r`"));
    }
};

QTEST_GUILESS_MAIN(TestDataSql)
#include "tst_datasql.moc"
