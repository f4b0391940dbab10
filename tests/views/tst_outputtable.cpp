// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputsamples.h"

#include "output/tableoutputview.h"

#include "results/outputparser.h"
#include "results/tablemodel.h"
#include "results/tableproxymodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace LivyDesk;

namespace {

std::shared_ptr<const Livy::TableResult> tableOf(const Livy::StatementOutput &output)
{
    const Livy::ParsedOutput parsed = Livy::OutputParser::parse(output);
    return parsed.parts.first().table;
}

QString column(const QAbstractItemModel *model, int c)
{
    QStringList values;
    for (int r = 0; r < model->rowCount(); ++r)
        values.append(model->index(r, c).data().toString());
    return values.join(QLatin1Char(','));
}

} // namespace

class TestOutputTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OutputSamples::useDarkPalette();
    }

    void filterBoxAndCount()
    {
        TableOutputView view;
        QAbstractItemModelTester tester(view.tableView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(800, 400);
        view.setTable(tableOf(OutputSamples::table()));
        QCOMPARE(view.countText(), QStringLiteral("30 rows \u00d7 5 columns"));
        QSignalSpy rowsChanged(&view, &TableOutputView::visibleRowsChanged);
        QTest::keyClicks(view.filterField(), QStringLiteral("NORTH"));
        // The filter waits for typing to pause, then applies.
        QTRY_COMPARE(view.tableView()->model()->rowCount(), 6);
        QVERIFY(!rowsChanged.isEmpty());
        QCOMPARE(view.countText(), QStringLiteral("Showing 6 of 30 rows"));
        QCOMPARE(view.visibleRows(), (QList<int>{0, 5, 10, 15, 20, 25}));
        view.filterField()->clear();
        QTRY_COMPARE(view.tableView()->model()->rowCount(), 30);
    }

    void headerClickSortsByType()
    {
        TableOutputView view;
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTable(tableOf(OutputSamples::fromJson(R"({"status":"ok","execution_count":1,"data":{
            "application/vnd.livy.table.v1+json":{"headers":[{"name":"n","type":"INT_TYPE"},{"name":"d","type":"DATE_TYPE"}],
            "data":[[10,"2024-01-10"],[9,"2023-12-31"],[100,"2024-02-01"],[null,null]]}}})")));
        QHeaderView *header = view.tableView()->horizontalHeader();
        const QAbstractItemModel *model = view.tableView()->model();
        QCOMPARE(column(model, 0), QStringLiteral("10,9,100,")); // the server's order at first
        const QPoint first(header->sectionViewportPosition(0) + 10, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, first);
        QCOMPARE(column(model, 0), QStringLiteral(",9,10,100")); // numeric, nulls first
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, first);
        QCOMPARE(column(model, 0), QStringLiteral("100,10,9,"));
        const QPoint second(header->sectionViewportPosition(1) + 10, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, second);
        QCOMPARE(column(model, 1), QStringLiteral(",2023-12-31,2024-01-10,2024-02-01"));
        // Null cells say so.
        QVERIFY(model->index(0, 1).data(Livy::TableModel::IsNullRole).toBool());
    }

    void copySelectionAsTsv()
    {
        TableOutputView view;
        view.resize(800, 400);
        view.setTable(tableOf(OutputSamples::table()));
        QTableView *table = view.tableView();
        const QAbstractItemModel *model = table->model();
        QItemSelectionModel *selection = table->selectionModel();
        selection->select(QItemSelection(model->index(1, 0), model->index(2, 2)), QItemSelectionModel::Select);
        QCOMPARE(view.selectionAsTsv(), QStringLiteral("south\t2024-02-01\t93\neast\t2024-03-01\t146\n"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("south\t2024-02-01\t93\neast\t2024-03-01\t146\n"));
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(QApplication::clipboard()->text().startsWith(QLatin1String("region\tmonth\torders\n")));
        // Moving a column moves it in the copy too; a null copies as an empty field.
        table->horizontalHeader()->moveSection(2, 0);
        selection->clear();
        selection->select(QItemSelection(model->index(3, 2), model->index(3, 4)), QItemSelectionModel::Select);
        QCOMPARE(view.selectionAsTsv(), QStringLiteral("199\t2233.39\t\n"));
    }

    void exportVisibleRows()
    {
        TableOutputView view;
        view.setTable(tableOf(OutputSamples::table()));
        view.setFilterText(QStringLiteral("west"));
        view.proxyModel()->sort(2, Qt::DescendingOrder);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSignalSpy finished(&view, &TableOutputView::exportFinished);

        const QString csvPath = dir.filePath(QStringLiteral("west.csv"));
        view.exportTo(csvPath, Livy::TableExport::Format::Csv);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(1).toString(), QString());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString written = QString::fromUtf8(csv.readAll());
        QCOMPARE(written, Livy::TableExport::toCsv(*view.table(), view.visibleRows(), Livy::TableExport::allColumns(*view.table())));
        const QStringList lines = written.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7); // header + 6 west rows
        QVERIFY(lines[1].startsWith(QLatin1String("west,")));

        const QString jsonPath = dir.filePath(QStringLiteral("west.json"));
        view.exportTo(jsonPath, Livy::TableExport::Format::Json);
        QVERIFY(finished.wait(10000));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(rows.size(), 6);
        // Sorted by orders, descending.
        for (int i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1][QLatin1String("orders")].toInt() >= rows[i][QLatin1String("orders")].toInt());

        view.exportTo(dir.filePath(QStringLiteral("no/such/dir/x.csv")), Livy::TableExport::Format::Csv);
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.last().at(1).toString().isEmpty());
    }

    void capNoteForSqlResults()
    {
        TableOutputView view;
        view.resize(800, 300);
        view.setTable(tableOf(OutputSamples::sql(1000)));
        QVERIFY(view.capNote().contains(QLatin1String("at most 1,000 rows")));
        const QImage shot = OutputSamples::saveScreenshot(&view, QStringLiteral("table-cap-note"));
        QVERIFY(OutputSamples::colourCount(shot) > 4);
        view.setTable(tableOf(OutputSamples::sql(10)));
        QVERIFY(view.capNote().isEmpty());
        QCOMPARE(view.countText(), QStringLiteral("10 rows \u00d7 4 columns"));
    }

    void shortcutsInAWindow()
    {
        TableOutputView view;
        view.resize(800, 300);
        view.setTable(tableOf(OutputSamples::table()));
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.tableView()->setFocus();
        QTest::keyClick(view.tableView(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(view.filterField()->hasFocus());
    }

    void bigTablesFilterOnAWorker()
    {
        QList<QJsonArray> rows;
        for (int i = 0; i < 21000; ++i) {
            QJsonArray row;
            for (int c = 0; c < 10; ++c)
                row.append(c == 0 ? QJsonValue(i) : QJsonValue(QStringLiteral("r%1c%2").arg(i).arg(c)));
            rows.append(row);
        }
        QList<Livy::TableColumn> columns;
        for (int c = 0; c < 10; ++c)
            columns.append({QStringLiteral("c%1").arg(c), c == 0 ? Livy::ColumnType::Integer : Livy::ColumnType::String, {}, -1});
        TableOutputView view;
        view.setTable(std::make_shared<const Livy::TableResult>(Livy::TableResult::fromRows(columns, rows)));
        QVERIFY(21000 * 10 > TableOutputView::SyncFilterCells);
        QSignalSpy applied(&view, &TableOutputView::filterApplied);
        view.setFilterText(QStringLiteral("r2000c3"));
        QCOMPARE(view.tableView()->model()->rowCount(), 21000); // not yet: the worker is on it
        QVERIFY(view.countText().contains(QLatin1String("21,000")));
        QVERIFY(applied.wait(20000));
        QCOMPARE(applied.first().first().toString(), QStringLiteral("r2000c3"));
        QCOMPARE(view.visibleRows(), (QList<int>{2000}));
        QCOMPARE(view.countText(), QStringLiteral("Showing 1 of 21,000 rows"));
        // A newer filter wins over one still running.
        view.setFilterText(QStringLiteral("r1c"));
        view.setFilterText(QStringLiteral("r20999c"));
        QVERIFY(applied.wait(20000));
        QTest::qWait(50);
        QCOMPARE(applied.last().first().toString(), QStringLiteral("r20999c"));
        QCOMPARE(view.visibleRows(), (QList<int>{20999}));
        view.setFilterText(QString()); // clearing is immediate
        QCOMPARE(view.tableView()->model()->rowCount(), 21000);
    }

    void wideValuesAreReadable()
    {
        // 100,000 x 10: the small ids at the top must not decide the width of the large ones further down.
        QList<QJsonArray> rows;
        for (int i = 0; i < 100000; ++i) {
            QJsonArray row{ i };
            for (int c = 1; c < 10; ++c)
                row.append(double(i) * 1234567.891 * c);
            rows.append(row);
        }
        QList<Livy::TableColumn> columns{ { QStringLiteral("id"), Livy::ColumnType::Integer, {}, -1 } };
        for (int c = 1; c < 10; ++c)
            columns.append({ QStringLiteral("v%1").arg(c), Livy::ColumnType::Double, {}, -1 });
        TableOutputView view;
        view.resize(1000, 400);
        view.show();
        view.setTable(std::make_shared<const Livy::TableResult>(Livy::TableResult::fromRows(columns, rows)));
        QTableView *table = view.tableView();
        for (const int row : { 0, 5000, 50000, 99999 }) {
            for (int c = 0; c < 10; ++c) {
                const QModelIndex index = table->model()->index(row, c);
                QVERIFY2(table->sizeHintForIndex(index).width() <= table->columnWidth(c),
                         qPrintable(QStringLiteral("row %1 column %2 (%3) is cut: %4 px in %5 px").arg(row).arg(c)
                                        .arg(index.data().toString()).arg(table->sizeHintForIndex(index).width()).arg(table->columnWidth(c))));
            }
        }
        // A double-click on a header edge fits the column again after the user narrowed it.
        table->setColumnWidth(3, 20);
        Q_EMIT table->horizontalHeader()->sectionHandleDoubleClicked(3);
        QVERIFY(table->columnWidth(3) >= table->sizeHintForIndex(table->model()->index(99999, 3)).width());
    }

    void largeTableScrolls()
    {
        QJsonArray data;
        for (int i = 0; i < 20000; ++i)
            data.append(QJsonArray{i, QStringLiteral("name %1").arg(i)});
        const QJsonObject table{{QStringLiteral("headers"),
                                 QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("i")}, {QStringLiteral("type"), QStringLiteral("INT_TYPE")}},
                                            QJsonObject{{QStringLiteral("name"), QStringLiteral("s")}, {QStringLiteral("type"), QStringLiteral("STRING_TYPE")}}}},
                                {QStringLiteral("data"), data}};
        TableOutputView view;
        view.resize(600, 300);
        view.setTable(std::make_shared<const Livy::TableResult>(Livy::TableResult::fromLivyTable(table).value()));
        view.tableView()->scrollToBottom();
        const QModelIndex last = view.tableView()->indexAt(QPoint(5, view.tableView()->viewport()->height() - 5));
        QVERIFY(last.isValid());
        QVERIFY(last.row() > 19980);
        QCOMPARE(view.countText(), QStringLiteral("20,000 rows \u00d7 2 columns"));
    }
};

QTEST_MAIN(TestOutputTable)
#include "tst_outputtable.moc"
