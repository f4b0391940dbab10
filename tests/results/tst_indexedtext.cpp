// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/indexedtext.h"

#include <QTest>

using namespace Livy;

class TestIndexedText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lines()
    {
        const IndexedText t = IndexedText::build(QStringLiteral("one\r\ntwo\n\nfour\n"));
        QCOMPARE(t.rowCount(), 4); // no empty row after the final line break
        QCOMPARE(t.lineCount(), 4);
        QCOMPARE(t.rowText(0), QStringView(u"one"));
        QCOMPARE(t.rowText(1), QStringView(u"two"));
        QCOMPARE(t.rowText(2), QStringView(u""));
        QCOMPARE(t.rowText(3), QStringView(u"four"));
        QCOMPARE(t.rowAt(0), 0);
        QCOMPARE(t.rowAt(4), 0); // the line break belongs to the row before it
        QCOMPARE(t.rowAt(5), 1);
        QCOMPARE(t.rowAt(9), 2);
        QCOMPARE(t.rowAt(1000), 3);
        QCOMPARE(t.longestRow(), 4);
        QVERIFY(!t.isContinuation(1));
    }

    void emptyText()
    {
        const IndexedText t = IndexedText::build(QString());
        QCOMPARE(t.rowCount(), 1);
        QCOMPARE(t.rowText(0), QStringView());
        QVERIFY(t.isEmpty());
        const IndexedText d;
        QCOMPARE(d.rowCount(), 1);
        QCOMPARE(d.rowEnd(0), 0);
    }

    void longLinesAreCut()
    {
        const QString line = QString(40, QLatin1Char('a')) + QString(5, QLatin1Char('b'));
        const IndexedText t = IndexedText::build(line + QStringLiteral("\nshort"), 16);
        // 45 characters in rows of 16: 16 + 16 + 13, then "short".
        QCOMPARE(t.rowCount(), 4);
        QCOMPARE(t.lineCount(), 2);
        QCOMPARE(t.rowText(0).size(), 16);
        QCOMPARE(t.rowText(2), QStringView(u"aaaaaaaabbbbb"));
        QVERIFY(t.isContinuation(1));
        QVERIFY(t.isContinuation(2));
        QVERIFY(!t.isContinuation(3));
        QCOMPARE(t.rowText(3), QStringView(u"short"));
        QCOMPARE(t.longestRow(), 16);
        // The rows cover the text exactly.
        QString joined;
        for (qsizetype r = 0; r < 3; ++r)
            joined += t.rowText(r).toString();
        QCOMPARE(joined, line);
    }

    void surrogatePairsStayWhole()
    {
        QString text = QString(15, QLatin1Char('a'));
        text += QStringLiteral("\U0001F600\U0001F600");
        const IndexedText t = IndexedText::build(text, 16);
        QCOMPARE(t.rowCount(), 2);
        QCOMPARE(t.rowText(0).size(), 15); // the emoji would have been split at 16
        QCOMPARE(t.rowText(1), QStringView(u"\U0001F600\U0001F600"));
    }

    void progressAndCancel()
    {
        QString text;
        const QString line = QString(99, QLatin1Char('x')) + QLatin1Char('\n');
        for (int i = 0; i < 100000; ++i)
            text += line; // 10 M characters
        int calls = 0;
        const IndexedText full = IndexedText::build(text, 1000, [&calls](qsizetype done, qsizetype total) {
            ++calls;
            return done <= total;
        });
        QCOMPARE(full.rowCount(), 100000);
        QVERIFY(calls >= 2);
        const IndexedText stopped = IndexedText::build(text, 1000, [](qsizetype, qsizetype) { return false; });
        QVERIFY(stopped.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIndexedText)
#include "tst_indexedtext.moc"
