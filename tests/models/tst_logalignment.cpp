// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "items/logalignment.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace Livy;

namespace {

QStringList L(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *s : items)
        out.append(QString::fromLatin1(s));
    return out;
}

/// Textbook O(N·M) longest common subsequence length, as the oracle for the diff.
int lcsLength(const QStringList &a, const QStringList &b)
{
    std::vector<std::vector<int>> t(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1), 0));
    for (int i = 1; i <= int(a.size()); ++i)
        for (int j = 1; j <= int(b.size()); ++j)
            t[size_t(i)][size_t(j)] = a.at(i - 1) == b.at(j - 1) ? t[size_t(i - 1)][size_t(j - 1)] + 1
                                                                 : std::max(t[size_t(i - 1)][size_t(j)], t[size_t(i)][size_t(j - 1)]);
    return t[a.size()][b.size()];
}

/// Checks that a match vector is a valid alignment and returns the number of matched lines.
int checkAlignment(const QStringList &a, const QStringList &b, const QList<int> &match)
{
    if (match.size() != b.size()) {
        QTest::qFail("match has the wrong size", __FILE__, __LINE__);
        return -1;
    }
    int last = -1;
    int matched = 0;
    for (int j = 0; j < int(b.size()); ++j) {
        const int i = match.at(j);
        if (i < 0)
            continue;
        if (i <= last || i >= int(a.size()) || a.at(i) != b.at(j)) {
            QTest::qFail(qPrintable(QStringLiteral("bad match %1 -> %2").arg(j).arg(i)), __FILE__, __LINE__);
            return -1;
        }
        last = i;
        ++matched;
    }
    return matched;
}

} // namespace

class TestLogAlignment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalAndEmpty()
    {
        QCOMPARE(*LogAlignment::diff({}, {}, 10), QList<int>{});
        QCOMPARE(*LogAlignment::diff(L({ "a", "b" }), {}, 10), QList<int>{});
        QCOMPARE(*LogAlignment::diff({}, L({ "a", "b" }), 10), (QList<int>{ -1, -1 }));
        QCOMPARE(*LogAlignment::diff(L({ "a", "b", "c" }), L({ "a", "b", "c" }), 0), (QList<int>{ 0, 1, 2 }));
    }

    void appendOnly()
    {
        QCOMPARE(*LogAlignment::diff(L({ "a", "b" }), L({ "a", "b", "c", "d" }), 10), (QList<int>{ 0, 1, -1, -1 }));
    }

    void singleRingSlide()
    {
        // Capacity 4: a b c d -> c d e f (two slid out, two appended).
        QCOMPARE(*LogAlignment::diff(L({ "a", "b", "c", "d" }), L({ "c", "d", "e", "f" }), 10), (QList<int>{ 2, 3, -1, -1 }));
        QCOMPARE(LogAlignment::suffixPrefixOverlap(L({ "a", "b", "c", "d" }), L({ "c", "d", "e", "f" })), 2);
    }

    void sectionsGrowInTheMiddle()
    {
        const QStringList before = L({ "stdout: ", "o1", "o2", "\nstderr: ", "e1", "e2" });
        const QStringList after = L({ "stdout: ", "o2", "o3", "\nstderr: ", "e2", "e3" });
        QCOMPARE(*LogAlignment::diff(before, after, 10), (QList<int>{ 0, 2, -1, 3, 5, -1 }));
    }

    void editLimitGivesUp()
    {
        QVERIFY(!LogAlignment::diff(L({ "a", "b", "c" }), L({ "x", "y", "z" }), 5));
        QVERIFY(LogAlignment::diff(L({ "a", "b", "c" }), L({ "x", "y", "z" }), 6));
    }

    void alignFallsBackToTheRingOverlap()
    {
        QStringList before;
        QStringList after;
        for (int i = 0; i < 100; ++i)
            before << QStringLiteral("line %1").arg(i);
        for (int i = 40; i < 140; ++i)
            after << QStringLiteral("line %1").arg(i);
        // 40 deletions + 40 insertions = 80 edits: above a limit of 50.
        QVERIFY(!LogAlignment::diff(before, after, 50));
        const QList<int> match = LogAlignment::align(before, after, 50);
        QCOMPARE(checkAlignment(before, after, match), 60);
        QCOMPARE(match.first(), 40);
        QCOMPARE(match.at(59), 99);
        QCOMPARE(match.at(60), -1);
    }

    void overlapWithRepeats()
    {
        QCOMPARE(LogAlignment::suffixPrefixOverlap(L({ "a", "a", "a" }), L({ "a", "a", "b" })), 2);
        QCOMPARE(LogAlignment::suffixPrefixOverlap(L({ "x", "a", "b", "a" }), L({ "a", "b", "a", "c" })), 3);
        QCOMPARE(LogAlignment::suffixPrefixOverlap(L({ "a", "b" }), L({ "a", "b" })), 2);
        QCOMPARE(LogAlignment::suffixPrefixOverlap(L({ "a", "b" }), L({ "c" })), 0);
        QCOMPARE(LogAlignment::suffixPrefixOverlap({}, L({ "c" })), 0);
    }

    void randomDiffsAreOptimal_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("alphabet");
        for (quint32 seed = 1; seed <= 12; ++seed)
            QTest::addRow("seed %u", seed) << seed << int(2 + seed % 5);
    }

    void randomDiffsAreOptimal()
    {
        QFETCH(quint32, seed);
        QFETCH(int, alphabet);
        QRandomGenerator rng(seed);
        for (int round = 0; round < 40; ++round) {
            QStringList a;
            QStringList b;
            const int n = rng.bounded(0, 30);
            const int m = rng.bounded(0, 30);
            for (int i = 0; i < n; ++i)
                a << QString::number(rng.bounded(alphabet));
            for (int i = 0; i < m; ++i)
                b << QString::number(rng.bounded(alphabet));
            const std::optional<QList<int>> match = LogAlignment::diff(a, b, 1000);
            QVERIFY(match);
            QCOMPARE(checkAlignment(a, b, *match), lcsLength(a, b));
        }
    }
};

QTEST_GUILESS_MAIN(TestLogAlignment)
#include "tst_logalignment.moc"
