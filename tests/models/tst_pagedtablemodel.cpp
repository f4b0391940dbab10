// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A result kept on the server: the true count, a window of pages fetched as rows are read, sorting and filtering
// asked of the server.

#include "data/pagedtablemodel.h"
#include "scriptedqueryrunner.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;

namespace {

const QList<std::pair<QString, QString>> Columns{ { QStringLiteral("id"), QStringLiteral("long") },
                                                  { QStringLiteral("name"), QStringLiteral("string") } };

/// Rows [first, first + n) of a table whose row i is (i, "name-i").
std::shared_ptr<const TableResult> rows(int first, int n)
{
    QList<QJsonArray> list;
    for (int i = first; i < first + n; ++i)
        list << QJsonArray{ i, i % 7 == 0 ? QJsonValue() : QJsonValue(QStringLiteral("name-%1").arg(i)) };
    return ScriptedQueryRunner::table(Columns, list);
}

std::shared_ptr<const TableResult> count(qint64 n)
{
    return ScriptedQueryRunner::table({ { QStringLiteral("rows"), QStringLiteral("long") } }, { QJsonArray{ n } });
}

ScriptedQueryRunner::Query *openNamed(ScriptedQueryRunner &runner, const QString &purpose)
{
    for (auto *q : runner.open()) {
        if (q->purpose == purpose)
            return q;
    }
    return nullptr;
}

} // namespace

class TestPagedTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheTrueCountAndFetchesPagesAsRowsAreRead()
    {
        ScriptedQueryRunner runner;
        PagedTableModel model(&runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(100);
        model.setMaxPages(3);
        PagedQuery q;
        q.relation = QStringLiteral("`big`");
        QSignalSpy total(&model, &PagedTableModel::totalRowsChanged);
        model.setQuery(q);
        // The first page is asked before the count: rows show before the total is known.
        QCOMPARE(runner.openSql(), (QStringList{ QStringLiteral("SELECT * FROM `big` LIMIT 100"), QStringLiteral("SELECT count(*) AS rows FROM `big`") }));
        QVERIFY(model.isLoading());
        runner.answer(openNamed(runner, QStringLiteral("page")), rows(0, 100));
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("name"));
        runner.answer(openNamed(runner, QStringLiteral("count")), count(200000));
        QCOMPARE(model.totalRows(), 200000);
        QCOMPARE(model.rowCount(), 200000);
        QCOMPARE(total.last().first().toLongLong(), 200000);
        QVERIFY(!model.isLoading());

        QCOMPARE(model.index(5, 1).data().toString(), QStringLiteral("name-5"));
        QVERIFY(model.index(7, 1).data(PagedTableModel::IsNullRole).toBool());
        QCOMPARE(model.index(5, 0).data(PagedTableModel::SortRole).toLongLong(), 5);

        // A row in the middle: empty and "loading" until its page arrives, then filled.
        const QModelIndex middle = model.index(123456, 1);
        QVERIFY(middle.data(PagedTableModel::LoadingRole).toBool());
        QCOMPARE(middle.data().toString(), QString());
        QTRY_COMPARE(runner.openSql(), QStringList{ QStringLiteral("SELECT * FROM `big` LIMIT 100 OFFSET 123400") });
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        runner.answer(runner.open().first(), rows(123400, 100));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 123400);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 123499);
        QCOMPARE(middle.data().toString(), QStringLiteral("name-123456"));
        QCOMPARE(model.headerData(123456, Qt::Vertical).toInt(), 123457);

        // The last page is short.
        model.requestRow(199999);
        QTRY_COMPARE(runner.openSql(), QStringList{ QStringLiteral("SELECT * FROM `big` LIMIT 100 OFFSET 199900") });
        runner.answer(runner.open().first(), rows(199900, 100));
        QCOMPARE(model.index(199999, 0).data().toString(), QStringLiteral("199999"));

        // Only a window of pages stays in memory: the oldest is dropped and fetched again when read.
        model.requestRow(50000);
        QTRY_COMPARE(runner.open().size(), 1);
        runner.answer(runner.open().first(), rows(50000, 100));
        QCOMPARE(model.cachedPages().size(), 3);
        QVERIFY(!model.isPageCached(0));
        QVERIFY(model.index(3, 0).data(PagedTableModel::LoadingRole).toBool());
    }

    void servesTheNewestWishFirstAndDropsOldOnes()
    {
        ScriptedQueryRunner runner;
        PagedTableModel model(&runner);
        model.setPageSize(10);
        PagedQuery q;
        q.relation = QStringLiteral("`t`");
        model.setQuery(q);
        runner.answer(openNamed(runner, QStringLiteral("page")), rows(0, 10));
        runner.answer(openNamed(runner, QStringLiteral("count")), count(100000));
        // A fast scroll: many rows read while one page is on its way.
        model.requestRow(100);
        QTRY_COMPARE(runner.open().size(), 1);
        for (int row = 200; row <= 900; row += 100)
            model.requestRow(row);
        QTest::qWait(0);
        QCOMPARE(runner.open().size(), 1); // one at a time
        runner.answer(runner.open().first(), rows(100, 10));
        // Next: the newest wish (row 900), not the oldest.
        QTRY_COMPARE(runner.openSql(), QStringList{ QStringLiteral("SELECT * FROM `t` LIMIT 10 OFFSET 900") });
        runner.answer(runner.open().first(), rows(900, 10));
        int served = 2;
        while (!runner.open().isEmpty() && served < 20) {
            runner.answer(runner.open().first(), rows(0, 10));
            ++served;
        }
        QVERIFY2(served <= 2 + 3, "wishes for pages scrolled past are dropped"); // at most MaxWanted - 1 more
    }

    void sortsAndFiltersOnTheServer()
    {
        ScriptedQueryRunner runner;
        PagedTableModel model(&runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(100);
        PagedQuery q;
        q.relation = QStringLiteral("`big`");
        model.setQuery(q);
        runner.answer(openNamed(runner, QStringLiteral("page")), rows(0, 100));
        runner.answer(openNamed(runner, QStringLiteral("count")), count(1000));

        model.sort(0, Qt::DescendingOrder);
        QCOMPARE(model.query().sortColumn, QStringLiteral("id"));
        QTRY_COMPARE(runner.openSql(), QStringList{ QStringLiteral("SELECT * FROM `big` ORDER BY `id` DESC LIMIT 100") });
        QCOMPARE(model.rowCount(), 1000); // the count stays
        runner.answer(runner.open().first(), rows(900, 100));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("900"));

        model.setFilter(QStringLiteral("id < 10"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(runner.openSql(), (QStringList{ QStringLiteral("SELECT * FROM `big` WHERE (id < 10) ORDER BY `id` DESC LIMIT 100"),
                                                 QStringLiteral("SELECT count(*) AS rows FROM `big` WHERE (id < 10)") }));
        runner.answer(openNamed(runner, QStringLiteral("page")), rows(0, 10));
        runner.answer(openNamed(runner, QStringLiteral("count")), count(10));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.totalRows(), 10);
    }

    void aBadFilterSaysWhatSparkSaid()
    {
        ScriptedQueryRunner runner;
        PagedTableModel model(&runner);
        PagedQuery q;
        q.relation = QStringLiteral("`big`");
        q.filter = QStringLiteral("nope >");
        QSignalSpy errors(&model, &PagedTableModel::errorOccurred);
        model.setQuery(q);
        runner.fail(openNamed(runner, QStringLiteral("page")), QStringLiteral("ParseException: Syntax error at or near end of input"), QStringLiteral("== SQL ==\nnope >"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(model.errorText(), QStringLiteral("ParseException: Syntax error at or near end of input"));
        QCOMPARE(model.errorDetails(), QStringLiteral("== SQL ==\nnope >"));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPagedTableModel)
#include "tst_pagedtablemodel.moc"
