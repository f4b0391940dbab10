// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputsamples.h"

#include "output/chartoutputview.h"
#include "output/erroroutputview.h"
#include "output/imageoutputview.h"
#include "output/jsonoutputview.h"
#include "output/largetextview.h"
#include "output/outputview.h"
#include "output/tableoutputview.h"
#include "output/textoutputview.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace LivyDesk;

class TestOutputView : public QObject
{
    Q_OBJECT

    static bool setAndWait(OutputView &view, const Livy::StatementOutput &output)
    {
        QSignalSpy ready(&view, &OutputView::ready);
        view.setOutput(output);
        return ready.wait(10000) && ready.size() == 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        OutputSamples::useDarkPalette();
    }

    void placeholders()
    {
        OutputView view;
        view.resize(700, 300);
        QVERIFY(!view.placeholderText().isEmpty()); // starts empty, with a hint
        QVERIFY(view.pageTitles().isEmpty());
        view.showPlaceholder(OutputView::Placeholder::Running, QStringLiteral("df.count()"), 0.4);
        QCOMPARE(view.placeholderText(), QStringLiteral("Running…"));
        auto *bar = view.findChild<QProgressBar *>();
        QVERIFY(bar);
        QCOMPARE(bar->value(), 40);
        OutputSamples::saveScreenshot(&view, QStringLiteral("running"));
        view.showPlaceholder(OutputView::Placeholder::Cancelled);
        QVERIFY(view.placeholderText().contains(QLatin1String("cancelled")));
        view.showPlaceholder(OutputView::Placeholder::Waiting);
        QVERIFY(view.placeholderText().contains(QLatin1String("Waiting")));
        view.clear();
        QVERIFY(view.placeholderText().contains(QLatin1String("Run a statement")));
    }

    void textOutput()
    {
        OutputView view;
        view.resize(900, 480);
        QVERIFY(setAndWait(view, OutputSamples::text()));
        QCOMPARE(view.pageTitles(), QStringList{QStringLiteral("Text")});
        auto *text = qobject_cast<TextOutputView *>(view.currentPageWidget());
        QVERIFY(text);
        QVERIFY(text->textView()->text()->text().startsWith(QLatin1String("+-------+")));
        QVERIFY(!view.findChild<QTabBar *>()->isVisible()); // one part: no switcher
        const QImage shot = OutputSamples::saveScreenshot(&view, QStringLiteral("text"));
        QVERIFY(OutputSamples::colourCount(shot) > 4);
    }

    void jsonOutput()
    {
        OutputView view;
        view.resize(900, 480);
        QVERIFY(setAndWait(view, OutputSamples::json()));
        QCOMPARE(view.pageTitles(), QStringList{QStringLiteral("JSON")});
        auto *json = qobject_cast<JsonOutputView *>(view.currentPageWidget());
        QVERIFY(json);
        QVERIFY(!json->isRawShown());
        QVERIFY(json->treeView()->model()->rowCount() > 5);
        QVERIFY(OutputSamples::colourCount(OutputSamples::saveScreenshot(&view, QStringLiteral("json-tree"))) > 4);
        json->showRaw();
        QVERIFY(json->isRawShown());
        QVERIFY(json->rawView()->textView()->text()->text().contains(QLatin1String("\"executors\": 4")));
        OutputSamples::saveScreenshot(&view, QStringLiteral("json-raw"));
    }

    void tableAndCharts()
    {
        OutputView view;
        view.resize(900, 520);
        view.show(); // charts build while visible
        QVERIFY(setAndWait(view, OutputSamples::table()));
        QCOMPARE(view.pageTitles(), (QStringList{QStringLiteral("Table"), QStringLiteral("Chart")}));
        auto *table = qobject_cast<TableOutputView *>(view.currentPageWidget());
        QVERIFY(table);
        QCOMPARE(table->tableView()->model()->rowCount(), 30);
        QVERIFY(table->capNote().isEmpty());
        QVERIFY(view.findChild<QTabBar *>()->isVisible());
        QVERIFY(OutputSamples::colourCount(OutputSamples::saveScreenshot(&view, QStringLiteral("table"))) > 4);

        QVERIFY(view.showPage(OutputView::PageKind::Chart));
        auto *chart = qobject_cast<ChartOutputView *>(view.currentPageWidget());
        QVERIFY(chart);
        // Defaults: the date column as X, the numeric columns of one scale as Y.
        QCOMPARE(chart->spec().xColumn, 1);
        QCOMPARE(chart->spec().yColumns, (QList<int>{2, 4})); // revenue (20x larger) is one click away in the menu
        const char *names[] = {"bar", "line", "scatter", "pie", "area"};
        const ChartType types[] = {ChartType::Bar, ChartType::Line, ChartType::Scatter, ChartType::Pie, ChartType::Area};
        for (int i = 0; i < 5; ++i) {
            ChartSpec spec = chart->spec();
            spec.type = types[i];
            if (types[i] == ChartType::Line || types[i] == ChartType::Area) {
                spec.xColumn = 1; // month: a date axis
                spec.yColumns = {3, 4};
            } else if (types[i] == ChartType::Scatter) {
                spec.xColumn = 2; // orders against revenue
                spec.yColumns = {3};
            } else if (types[i] == ChartType::Pie) {
                spec.xColumn = 0;
                spec.yColumns = {2};
            } else {
                spec.xColumn = 0;
                spec.yColumns = {2, 3};
            }
            chart->setSpec(spec);
            QVERIFY(!chart->chartView()->chart()->series().isEmpty());
            const QImage shot = OutputSamples::saveScreenshot(&view, QStringLiteral("chart-%1").arg(QLatin1String(names[i])));
            QVERIFY(OutputSamples::colourCount(shot) > 8);
        }
        // Sorting the table does not reorder the chart: it plots the result's own order.
        ChartSpec bars = chart->spec();
        bars.type = ChartType::Bar;
        bars.xColumn = 0;
        bars.yColumns = {2};
        chart->setSpec(bars);
        const QStringList before = qobject_cast<QBarCategoryAxis *>(chart->chartView()->chart()->axes(Qt::Horizontal).first())->categories();
        QCOMPARE(before.first(), QStringLiteral("north"));
        table->tableView()->sortByColumn(3, Qt::DescendingOrder);
        QTest::qWait(50);
        const QStringList after = qobject_cast<QBarCategoryAxis *>(chart->chartView()->chart()->axes(Qt::Horizontal).first())->categories();
        QCOMPARE(after, before);
        // The chart follows the table's filter.
        table->setFilterText(QStringLiteral("north"));
        QTRY_COMPARE(qobject_cast<QBarCategoryAxis *>(chart->chartView()->chart()->axes(Qt::Horizontal).first())->categories(),
                     QStringList{QStringLiteral("north")});
    }

    void sqlCapNote()
    {
        OutputView view;
        view.resize(900, 480);
        QVERIFY(setAndWait(view, OutputSamples::sql(1000)));
        QCOMPARE(view.pageTitles(), (QStringList{QStringLiteral("Table"), QStringLiteral("Chart"), QStringLiteral("JSON")}));
        auto *table = qobject_cast<TableOutputView *>(view.currentPageWidget());
        QVERIFY(table);
        QVERIFY(table->capNote().contains(QLatin1String("1,000")));
        QVERIFY(table->capNote().contains(QLatin1String("livy.rsc.sql.num-rows")));
        auto *note = table->findChild<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
        Q_UNUSED(note)
        QVERIFY(table->countText().contains(QLatin1String("1,000 rows")));
        OutputSamples::saveScreenshot(&view, QStringLiteral("table-sql-cap"));

        QVERIFY(setAndWait(view, OutputSamples::sql(999)));
        table = qobject_cast<TableOutputView *>(view.currentPageWidget());
        QVERIFY(table->capNote().isEmpty());

        view.setSqlRowCap(999);
        QVERIFY(setAndWait(view, OutputSamples::sql(999)));
        table = qobject_cast<TableOutputView *>(view.currentPageWidget());
        QVERIFY(!table->capNote().isEmpty());
    }

    void imageOutput()
    {
        OutputView view;
        view.resize(900, 520);
        view.show();
        QVERIFY(setAndWait(view, OutputSamples::image()));
        QCOMPARE(view.pageTitles(), QStringList{QStringLiteral("Image")}); // the empty text/plain is dropped
        auto *image = qobject_cast<ImageOutputView *>(view.currentPageWidget());
        QVERIFY(image);
        QCOMPARE(image->image().size(), OutputSamples::plotImage().size());
        QVERIFY(image->isFitToWindow());
        QVERIFY(image->zoom() <= 1.0);
        QVERIFY(OutputSamples::colourCount(OutputSamples::saveScreenshot(&view, QStringLiteral("image"))) > 4);
    }

    void errorOutput()
    {
        OutputView view;
        view.resize(900, 420);
        QVERIFY(setAndWait(view, OutputSamples::pythonError()));
        QCOMPARE(view.pageTitles(), QStringList{QStringLiteral("Error")});
        auto *error = qobject_cast<ErrorOutputView *>(view.currentPageWidget());
        QVERIFY(error);
        QCOMPARE(error->nameLabel()->text(), QStringLiteral("AnalysisException"));
        QVERIFY(error->valueLabel()->text().startsWith(QLatin1String("[UNRESOLVED_COLUMN")));
        QVERIFY(error->tracebackView()->toPlainText().startsWith(QLatin1String("Traceback")));
        QVERIFY(!error->tracebackView()->toPlainText().endsWith(QLatin1Char('\n')));
        QVERIFY(OutputSamples::colourCount(OutputSamples::saveScreenshot(&view, QStringLiteral("error"))) > 4);
    }

    void multiPartSwitcher()
    {
        OutputView view;
        view.resize(900, 520);
        view.show();
        QSignalSpy changed(&view, &OutputView::currentPageChanged);
        QVERIFY(setAndWait(view, OutputSamples::multiPart()));
        QCOMPARE(view.pageTitles(), (QStringList{QStringLiteral("Image"), QStringLiteral("JSON"), QStringLiteral("Text")}));
        QCOMPARE(view.currentPage(), 0);
        auto *tabs = view.findChild<QTabBar *>();
        QVERIFY(tabs->isVisible());
        OutputSamples::saveScreenshot(&view, QStringLiteral("multipart"));
        tabs->setCurrentIndex(2);
        QCOMPARE(view.currentPage(), 2);
        QVERIFY(qobject_cast<TextOutputView *>(view.currentPageWidget()));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().first().toInt(), 2);
        view.setCurrentPage(1);
        QCOMPARE(tabs->currentIndex(), 1);
        QVERIFY(qobject_cast<JsonOutputView *>(view.currentPageWidget()));
    }

    void newOutputReplacesOld()
    {
        OutputView view;
        QVERIFY(setAndWait(view, OutputSamples::table()));
        QCOMPARE(view.pageTitles().size(), 2);
        // A second setOutput before the first finishes: only the last one is shown.
        QSignalSpy ready(&view, &OutputView::ready);
        view.setOutput(OutputSamples::sql(500));
        view.setOutput(OutputSamples::text());
        QVERIFY(ready.wait(10000));
        QTest::qWait(50);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(view.pageTitles(), QStringList{QStringLiteral("Text")});
        // A placeholder abandons a parse in flight.
        view.setOutput(OutputSamples::sql(800));
        view.showPlaceholder(OutputView::Placeholder::Running);
        QTest::qWait(200);
        QCOMPARE(ready.size(), 1);
        QVERIFY(view.pageTitles().isEmpty());
        QCOMPARE(view.placeholderText(), QStringLiteral("Running…"));
    }

    void emptyOutput()
    {
        OutputView view;
        QVERIFY(setAndWait(view, OutputSamples::fromJson(R"({"status":"ok","execution_count":1,"data":{}})")));
        QVERIFY(view.pageTitles().isEmpty());
        QVERIFY(view.placeholderText().contains(QLatin1String("without output")));
    }

    void notesShown()
    {
        OutputView view;
        QVERIFY(setAndWait(view, OutputSamples::fromJson(
                                     R"({"status":"ok","execution_count":1,"data":{"application/vnd.livy.table.v1+json":
                                        {"headers":[{"name":"a","type":"INT_TYPE"},{"name":"b","type":"INT_TYPE"}],"data":[[1],[2,3]]}}})")));
        QVERIFY(view.notesText().contains(QLatin1String("fewer values")));
    }
};

QTEST_MAIN(TestOutputView)
#include "tst_outputview.moc"
