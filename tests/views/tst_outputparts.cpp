// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputsamples.h"

#include "output/erroroutputview.h"
#include "output/imageoutputview.h"
#include "output/jsonoutputview.h"
#include "output/largetextview.h"
#include "output/textoutputview.h"

#include "results/jsontreemodel.h"
#include "results/outputparser.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QFile>
#include <QImageReader>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QTest>
#include <QTreeView>

using namespace LivyDesk;

namespace {

QByteArray plotPng()
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    OutputSamples::plotImage().save(&buffer, "PNG");
    return png;
}

} // namespace

class TestOutputParts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OutputSamples::useDarkPalette();
    }

    void imageZoom()
    {
        ImageOutputView view;
        view.resize(400, 300); // smaller than the 640x420 plot
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.setImageData(plotPng()));
        QCOMPARE(view.image().size(), QSize(640, 420));
        QVERIFY(view.isFitToWindow());
        QTRY_VERIFY(view.zoom() < 0.7); // fitted down
        const qreal fitted = view.zoom();

        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QWidget *focus = view.focusProxy();
        focus->setFocus();
        QTest::keyClick(focus, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 1.0);
        QVERIFY(!view.isFitToWindow());
        QTest::keyClick(focus, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 1.25);
        QTest::keyClick(focus, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 1.25 * 1.25);
        QTest::keyClick(focus, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 1.25);
        view.setFitToWindow(true);
        QCOMPARE(view.zoom(), fitted);
        // A small image is never enlarged by "fit".
        view.resize(1400, 1000);
        QTRY_COMPARE(view.zoom(), 1.0);
    }

    void imageSaveAndCopy()
    {
        ImageOutputView view;
        const QByteArray png = plotPng();
        QVERIFY(view.setImageData(png));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plot.png"));
        QCOMPARE(view.saveTo(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), png); // the bytes as they came
        QVERIFY(!view.saveTo(dir.filePath(QStringLiteral("none/plot.png"))).isEmpty());
        view.copyToClipboard();
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(640, 420));
    }

    void badImage()
    {
        ImageOutputView view;
        view.resize(500, 200);
        QVERIFY(!view.setImageData(QByteArray("not a png")));
        QVERIFY(view.image().isNull());
        bool messageShown = false;
        for (QLabel *label : view.findChildren<QLabel *>())
            messageShown = messageShown || label->text().contains(QLatin1String("could not be decoded"));
        QVERIFY(messageShown);
        OutputSamples::saveScreenshot(&view, QStringLiteral("image-bad"));
    }

    void errorView()
    {
        const Livy::ParsedOutput parsed = Livy::OutputParser::parse(OutputSamples::pythonError());
        ErrorOutputView view;
        view.resize(700, 400);
        view.setError(parsed.ename, parsed.evalue, parsed.tracebackText());
        QCOMPARE(view.nameLabel()->text(), QStringLiteral("AnalysisException"));
        QVERIFY(view.nameLabel()->font().bold());
        QVERIFY(view.nameLabel()->font().pointSizeF() > view.tracebackView()->font().pointSizeF());
        QVERIFY(view.tracebackView()->font().fixedPitch() || view.tracebackView()->font().styleHint() == QFont::Monospace);
        QVERIFY(view.tracebackView()->isReadOnly());
        QCOMPARE(view.errorText(), parsed.errorText());
        view.copyError();
        QCOMPARE(QApplication::clipboard()->text(), parsed.errorText());
        // The name colour stands out from normal text.
        QVERIFY(view.nameLabel()->palette().color(QPalette::WindowText) != view.palette().color(QPalette::WindowText));

        // Ctrl+C in the traceback: its selection if any, else the whole error.
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.tracebackView()->setFocus();
        QApplication::clipboard()->clear();
        QTest::keyClick(view.tracebackView(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), parsed.errorText());
        QTextCursor cursor = view.tracebackView()->textCursor();
        cursor.setPosition(0);
        cursor.setPosition(9, QTextCursor::KeepAnchor);
        view.tracebackView()->setTextCursor(cursor);
        QTest::keyClick(view.tracebackView(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Traceback"));

        // No traceback: the traceback area goes away; no message: a placeholder.
        view.setError(QStringLiteral("Error"), QString(), QString());
        QVERIFY(view.tracebackView()->isHidden());
        QCOMPARE(view.errorText(), QStringLiteral("Error"));
        QVERIFY(!view.valueLabel()->text().isEmpty());
    }

    void jsonTreeAndRaw()
    {
        const Livy::ParsedOutput parsed = Livy::OutputParser::parse(OutputSamples::json());
        JsonOutputView view;
        view.resize(700, 400);
        view.setJson(parsed.parts.first().value, parsed.parts.first().text);
        QTreeView *tree = view.treeView();
        QVERIFY(tree->isExpanded(tree->model()->index(1, 0))); // small documents open fully ("conf")
        // Copy the selected node as compact JSON.
        const QModelIndex stages = tree->model()->index(6, 0);
        QCOMPARE(stages.data().toString(), QStringLiteral("stages"));
        tree->setCurrentIndex(stages);
        tree->selectionModel()->select(stages, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(view.selectedJson().startsWith(QLatin1String("[{\"failed\":0")));
        view.copySelection();
        QCOMPARE(QApplication::clipboard()->text(), view.selectedJson());
        view.collapseAll();
        QVERIFY(!tree->isExpanded(stages));
        view.expandAll();
        QVERIFY(tree->isExpanded(tree->model()->index(0, 0, stages)));
        // Raw text one click away, and back.
        view.showRaw();
        QVERIFY(view.isRawShown());
        QVERIFY(view.rawView()->textView()->text()->text().contains(QLatin1String("\"tags\": [")));
        view.showTree();
        QVERIFY(!view.isRawShown());
        // Ctrl+F in the tree opens the raw text's find field.
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(view.isRawShown());
        QTRY_VERIFY(view.rawView()->findField()->hasFocus());
        view.showTree();
        // Nothing selected: the whole document.
        tree->selectionModel()->clear();
        QCOMPARE(view.selectedJson(), parsed.parts.first().text->text());
    }
};

QTEST_MAIN(TestOutputParts)
#include "tst_outputparts.moc"
