// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The data browser's widgets, offscreen, over models fed by a scripted query runner: the Catalog dock's keyboard
// and menu intents, a paged table's count, server-side filter and sort, export feedback, the cap note's way to
// page on the server, and LivyDesk's own statements marked in the statement list.

#include "../models/scriptedqueryrunner.h"
#include "data/catalogdock.h"
#include "data/catalogmodel.h"
#include "data/datadock.h"
#include "data/pagedtablemodel.h"
#include "data/pagedtableview.h"
#include "data/pageonserverdialog.h"
#include "items/statementlistmodel.h"
#include "output/tableoutputview.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace LivyDesk;
using Livy::CatalogModel;

namespace {

std::shared_ptr<const Livy::TableResult> rows(int first, int n)
{
    QList<QJsonArray> list;
    for (int i = first; i < first + n; ++i)
        list << QJsonArray{ i, QStringLiteral("n%1").arg(i) };
    return ScriptedQueryRunner::table({ { QStringLiteral("id"), QStringLiteral("long") }, { QStringLiteral("name"), QStringLiteral("string") } }, list);
}

std::shared_ptr<const Livy::TableResult> count(qint64 n)
{
    return ScriptedQueryRunner::table({ { QStringLiteral("rows"), QStringLiteral("long") } }, { QJsonArray{ n } });
}

ScriptedQueryRunner::Query *open(ScriptedQueryRunner &runner, const QString &purpose)
{
    for (auto *q : runner.open()) {
        if (q->purpose == purpose)
            return q;
    }
    return nullptr;
}

} // namespace

class TestDataBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void catalogDockAsksForWhatTheUserWants()
    {
        ScriptedQueryRunner runner;
        CatalogModel model(&runner);
        CatalogDock dock;
        dock.resize(320, 400);
        QVERIFY(!dock.treeView()->isVisibleTo(&dock) || dock.catalog() == nullptr);
        dock.setCatalog(&model, QStringLiteral("3 · sales"));
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        model.refresh();
        runner.answer(runner.openQuery(QStringLiteral("SHOW DATABASES")),
                      ScriptedQueryRunner::table({ { QStringLiteral("namespace"), QStringLiteral("string") } }, { QJsonArray{ QStringLiteral("default") } }));
        const QModelIndex temp = model.find({}, CatalogModel::NodeType::TemporaryViews, QStringLiteral("Temporary views"));
        dock.treeView()->expand(temp); // expanding fetches the level
        QTRY_VERIFY(runner.openQuery(QStringLiteral("SHOW TABLES")));
        auto *tables = runner.openQuery(QStringLiteral("SHOW TABLES"));
        runner.answer(tables, ScriptedQueryRunner::table({ { QStringLiteral("namespace"), QStringLiteral("string") },
                                                           { QStringLiteral("tableName"), QStringLiteral("string") },
                                                           { QStringLiteral("isTemporary"), QStringLiteral("boolean") } },
                                                         { QJsonArray{ QString(), QStringLiteral("trips"), true } }));
        const QModelIndex trips = model.find(temp, CatalogModel::NodeType::Table, QStringLiteral("trips"));
        QVERIFY(trips.isValid());

        QSignalSpy preview(&dock, &CatalogDock::previewRequested);
        dock.treeView()->setCurrentIndex(trips);
        dock.treeView()->setFocus();
        QTest::keyClick(dock.treeView(), Qt::Key_Return);
        QCOMPARE(preview.size(), 1);
        QCOMPARE(preview.first().first().toModelIndex(), trips);
        QCOMPARE(dock.currentName(), QStringLiteral("`trips`"));

        QSignalSpy refresh(&dock, &CatalogDock::refreshRequested);
        dock.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dock));
        dock.treeView()->setFocus();
        QTest::keyClick(dock.treeView(), Qt::Key_F5);
        QCOMPARE(refresh.size(), 1);

        dock.setCatalog(nullptr, {});
        QCOMPARE(dock.catalog(), nullptr);
    }

    void pagedTableShowsTheServersCountFiltersSortsAndExports()
    {
        ScriptedQueryRunner runner;
        auto *model = new Livy::PagedTableModel(&runner);
        model->setPageSize(50);
        PagedTableView view(model, QStringLiteral("`trips`"));
        model->setParent(&view);
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        Livy::PagedQuery q;
        q.relation = QStringLiteral("`trips`");
        model->setQuery(q);
        QCOMPARE(view.countText(), QStringLiteral("Counting rows on the server…"));
        runner.answer(open(runner, QStringLiteral("page")), rows(0, 50));
        runner.answer(open(runner, QStringLiteral("count")), count(200000));
        QCOMPARE(view.countText(), QStringLiteral("200,000 rows on the server"));
        QCOMPARE(view.tableView()->model()->rowCount(), 200000);

        // Filter: a Spark SQL condition, applied with Enter, on the server.
        QTest::keyClicks(view.filterField(), QStringLiteral("fare > 10"));
        QTest::keyClick(view.filterField(), Qt::Key_Return);
        QCOMPARE(model->query().filter, QStringLiteral("fare > 10"));
        QVERIFY(runner.openQuery(QStringLiteral("SELECT count(*) AS rows FROM `trips` WHERE (fare > 10)")));
        runner.answer(open(runner, QStringLiteral("page")), rows(0, 50));
        runner.answer(open(runner, QStringLiteral("count")), count(1234));
        QCOMPARE(view.countText(), QStringLiteral("1,234 matching rows on the server"));

        // Sort: clicking a header orders on the server.
        QTest::mouseClick(view.tableView()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                          QPoint(view.tableView()->horizontalHeader()->sectionViewportPosition(1) + 10, 5));
        QCOMPARE(model->query().sortColumn, QStringLiteral("name"));
        QTRY_VERIFY(runner.openQuery(QStringLiteral("SELECT * FROM `trips` WHERE (fare > 10) ORDER BY `name` ASC LIMIT 50")));

        // Export: asked of the app, progress and outcome shown in one line.
        QSignalSpy asked(&view, &PagedTableView::exportRequested);
        view.exportTo(QStringLiteral("/tmp/trips.csv"), Livy::PagedQuery::ExportFormat::Csv);
        QCOMPARE(asked.size(), 1);
        QVERIFY(view.isExporting());
        view.setExportProgress(50000, 200000, 2500000, 41000);
        QCOMPARE(view.exportText(), QStringLiteral("Exported 50,000 of 200,000 rows · 2.5 MB · 41,000 rows/s"));
        QSignalSpy status(&view, &PagedTableView::statusMessage);
        view.setExportFinished(QStringLiteral("Export stopped after 50,000 of 200,000 rows (boom); the rows written are in trips.partial.csv"), false);
        QVERIFY(!view.isExporting());
        QCOMPARE(status.size(), 1);
        QVERIFY(view.exportText().contains(QStringLiteral("trips.partial.csv")));

        // A failure says Spark's line, with Details.
        model->setFilter(QStringLiteral("nope >"));
        runner.fail(open(runner, QStringLiteral("page")), QStringLiteral("ParseException: Syntax error"), QStringLiteral("== SQL =="));
        QCOMPARE(view.errorText(), QStringLiteral("ParseException: Syntax error"));
    }

    void dataDockHoldsClosableTables()
    {
        ScriptedQueryRunner runner;
        DataDock dock;
        auto *model = new Livy::PagedTableModel(&runner);
        auto *view = new PagedTableView(model, QStringLiteral("`a`"));
        model->setParent(view);
        dock.addTable(view);
        QCOMPARE(dock.tables().size(), 1);
        QCOMPARE(dock.currentTable(), view);
        QSignalSpy closed(&dock, &DataDock::tableClosed);
        Q_EMIT dock.tabs()->tabCloseRequested(0);
        QCOMPARE(closed.size(), 1);
        QCOMPARE(dock.tables().size(), 0);
    }

    void theCapNoteOffersToPageOnTheServer()
    {
        TableOutputView view;
        QList<QJsonArray> data;
        for (int i = 0; i < 1000; ++i)
            data << QJsonArray{ i };
        view.setTable(std::make_shared<const Livy::TableResult>(Livy::TableResult::fromRows(
            { { QStringLiteral("id"), Livy::ColumnType::Integer, QStringLiteral("bigint"), -1 } }, data, Livy::TableResult::Origin::SqlResult, 1000)));
        QVERIFY(!view.capNote().isEmpty());
        QLabel *note = nullptr;
        for (QLabel *label : view.findChildren<QLabel *>()) {
            if (label->accessibleName() == QStringLiteral("Row limit note"))
                note = label;
        }
        QVERIFY(note);
        QVERIFY(note->text().contains(QStringLiteral("Page through all rows on the server")));
        QSignalSpy page(&view, &TableOutputView::pageOnServerRequested);
        Q_EMIT note->linkActivated(QStringLiteral("page"));
        QCOMPARE(page.size(), 1);
    }

    void pageOnServerDialogOnlyTakesQueries()
    {
        PageOnServerDialog dialog;
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        dialog.setViewName(QStringLiteral("livydesk_result_4"));
        QVERIFY(!ok->isEnabled());
        dialog.setQuery(QStringLiteral("SHOW TABLES"));
        QVERIFY(!ok->isEnabled());
        dialog.setQuery(QStringLiteral("SELECT * FROM trips"));
        QVERIFY(ok->isEnabled());
        dialog.setViewName(QStringLiteral("4bad name"));
        QVERIFY(!ok->isEnabled());
    }

    void livyDesksOwnStatementsAreMarked()
    {
        Livy::StatementListModel model;
        Livy::Statement mine;
        mine.id = 0;
        mine.code = QStringLiteral("spark.range(5).show()");
        mine.state = Livy::StatementState::Available;
        mine.stateName = QStringLiteral("available");
        Livy::Statement ours = mine;
        ours.id = 1;
        ours.code = QStringLiteral("-- LivyDesk: catalog\nSHOW DATABASES");
        model.setStatements({ mine, ours });
        QVERIFY(!model.index(0, 0).data(Livy::StatementListModel::InternalRole).toBool());
        QVERIFY(model.index(1, 0).data(Livy::StatementListModel::InternalRole).toBool());
        QCOMPARE(model.index(1, Livy::StatementListModel::CodeColumn).data().toString(), QStringLiteral("LivyDesk · catalog: SHOW DATABASES"));
        QCOMPARE(model.index(0, Livy::StatementListModel::CodeColumn).data().toString(), QStringLiteral("spark.range(5).show()"));
    }
};

QTEST_MAIN(TestDataBrowser)
#include "tst_databrowser.moc"
