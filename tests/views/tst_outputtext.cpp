// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputsamples.h"

#include "output/largetextview.h"
#include "output/textoutputview.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace LivyDesk;

namespace {

std::shared_ptr<const Livy::IndexedText> indexed(const QString &text, qsizetype maxRow = Livy::IndexedText::DefaultMaxRowLength)
{
    return std::make_shared<const Livy::IndexedText>(Livy::IndexedText::build(text, maxRow));
}

QString numberedLines(int count)
{
    QString text;
    for (int i = 0; i < count; ++i)
        text += QStringLiteral("line %1 of the output\n").arg(i);
    return text;
}

QPoint cellCentre(const LargeTextView &view, qsizetype offset)
{
    const QPointF p = view.positionOfOffset(offset);
    return QPoint(int(p.x() + 1), int(p.y() + view.lineHeight() / 2));
}

} // namespace

class TestOutputText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OutputSamples::useDarkPalette();
    }

    void mouseSelectionAndCopy()
    {
        LargeTextView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString text = QStringLiteral("alpha beta\ngamma delta\nepsilon");
        view.setText(indexed(text));
        QSignalSpy changed(&view, &LargeTextView::selectionChanged);
        // Drag from "beta" (offset 6) to the middle of "delta" (offset 11 + 8 = 19).
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, cellCentre(view, 6));
        QTest::mouseMove(view.viewport(), cellCentre(view, 19));
        QMouseEvent move(QEvent::MouseMove, cellCentre(view, 19), view.viewport()->mapToGlobal(cellCentre(view, 19)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, cellCentre(view, 19));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(view.selectedText(), QStringLiteral("beta\ngamma de"));
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("beta\ngamma de"));

        // Double-click selects a word; Ctrl+A everything.
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, cellCentre(view, 14));
        QCOMPARE(view.selectedText(), QStringLiteral("gamma"));
        QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view.selectedText(), text);
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(!view.hasSelection());
        QVERIFY(view.offsetAtPosition(cellCentre(view, 13)) == 13);
    }

    void tabsAndWideCharacters()
    {
        LargeTextView view;
        view.resize(600, 200);
        view.setText(indexed(QStringLiteral("a\tb\n\u4e2d\u6587x")));
        // A tab expands to the next multiple of 8 columns.
        QVERIFY(view.positionOfOffset(2).x() - view.positionOfOffset(1).x()
                > 5 * (view.positionOfOffset(1).x() - view.positionOfOffset(0).x()));
        QCOMPARE(view.offsetAtPosition(cellCentre(view, 2)), 2);
        QCOMPARE(view.offsetAtPosition(cellCentre(view, 6)), 6); // after the two CJK characters
        OutputSamples::saveScreenshot(&view, QStringLiteral("text-tabs"));
    }

    void keyboardScrolling()
    {
        LargeTextView view;
        view.resize(600, 300);
        view.setText(indexed(numberedLines(100000)));
        QCOMPARE(view.text()->rowCount(), 100000);
        QCOMPARE(view.firstVisibleRow(), 0);
        QTest::keyClick(&view, Qt::Key_PageDown);
        const qsizetype page = view.firstVisibleRow();
        QVERIFY(page > 5);
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.firstVisibleRow(), page + 1);
        QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
        // The last row is in sight: the first visible one is a page above it.
        QCOMPARE(view.firstVisibleRow(), view.verticalScrollBar()->maximum());
        QVERIFY(view.firstVisibleRow() + view.viewport()->height() / view.lineHeight() >= 99999);
        QTest::keyClick(&view, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(view.firstVisibleRow(), 0);
    }

    void findAcrossAHugeText()
    {
        LargeTextView view;
        view.resize(600, 300);
        view.setText(indexed(numberedLines(100000)));
        QVERIFY(view.find(QStringLiteral("LINE 76543 ")));
        QCOMPARE(view.selectedText(), QStringLiteral("line 76543 "));
        QVERIFY(view.firstVisibleRow() <= 76543 && view.firstVisibleRow() + 20 > 76543);
        // Next match wraps around to the start.
        QVERIFY(view.find(QStringLiteral("of the output"), false, Qt::CaseSensitive));
        const qsizetype first = view.selectionStart();
        QVERIFY(first > 76543 * 10);
        QVERIFY(view.find(QStringLiteral("line 0 of"), false));
        QCOMPARE(view.selectionStart(), 0);
        QVERIFY(view.find(QStringLiteral("line 99999 of"), true)); // backwards wraps to the end
        QVERIFY(!view.find(QStringLiteral("not in there")));
    }

    void longLinesWrapIntoRows()
    {
        LargeTextView view;
        view.resize(600, 300);
        const QString line = QString(2500, QLatin1Char('x'));
        view.setText(indexed(line + QStringLiteral("\nend"), 1000));
        QCOMPARE(view.text()->rowCount(), 4);
        QVERIFY(view.text()->isContinuation(1));
        QVERIFY(view.horizontalScrollBar()->maximum() > 0);
        view.selectAll();
        QCOMPARE(view.selectedText(), line + QStringLiteral("\nend")); // no line breaks added by the wrapping
    }

    void toolbar()
    {
        TextOutputView view;
        view.resize(700, 300);
        view.setText(indexed(numberedLines(3)));
        QVERIFY(view.findChild<QLabel *>()->text().contains(QLatin1String("3 lines")));
        view.findField()->setText(QStringLiteral("line 2"));
        QVERIFY(view.findNext());
        QCOMPARE(view.textView()->selectedText(), QStringLiteral("line 2"));
        view.findField()->setText(QStringLiteral("absent"));
        QVERIFY(!view.findNext());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("out.txt"));
        QSignalSpy saved(&view, &TextOutputView::saved);
        view.saveTo(path);
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.first().at(1).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), numberedLines(3));

        view.saveTo(dir.filePath(QStringLiteral("missing/dir/out.txt")));
        QVERIFY(saved.wait(5000));
        QVERIFY(!saved.last().at(1).toString().isEmpty());

        view.copyAll();
        QCOMPARE(QApplication::clipboard()->text(), numberedLines(3));
    }

    void emptyTextShowsPlaceholder()
    {
        TextOutputView view;
        view.resize(500, 120);
        view.setText(indexed(QString()));
        const QImage shot = OutputSamples::saveScreenshot(&view, QStringLiteral("text-empty"));
        QVERIFY(OutputSamples::colourCount(shot) > 2); // the placeholder is drawn
    }
};

QTEST_MAIN(TestOutputText)
#include "tst_outputtext.moc"
