// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "items/logmodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;

namespace {

/// Livy's log buffer as the server builds it: per-stream ring buffers of `capacity` lines, served as
/// "stdout: ", stdout…, "\nstderr: ", stderr… (sections = true), or one bare ring (sections = false).
/// page() slices like Livy's servlet: from >= 0 and size >= 0, total = the buffer's size.
class RingLog
{
public:
    RingLog(int capacity, bool sections) : m_capacity(capacity), m_sections(sections) {}

    void out(const QString &line) { push(m_out, line, m_allOut); }
    void err(const QString &line) { push(m_err, line, m_allErr); }

    QStringList buffer() const
    {
        if (!m_sections)
            return m_out;
        return QStringList{ QStringLiteral("stdout: ") } + m_out + QStringList{ QStringLiteral("\nstderr: ") } + m_err;
    }
    LogPage page(int from, int size) const
    {
        const QStringList all = buffer();
        LogPage p;
        p.from = from;
        p.total = int(all.size());
        p.lines = all.mid(from, size);
        return p;
    }
    /// Everything ever written, in the order a reader that never missed a line would show it.
    QStringList history() const
    {
        if (!m_sections)
            return m_allOut;
        return QStringList{ QStringLiteral("stdout: ") } + m_allOut + QStringList{ QStringLiteral("\nstderr: ") } + m_allErr;
    }

private:
    void push(QStringList &ring, const QString &line, QStringList &all)
    {
        ring.append(line);
        all.append(line);
        if (ring.size() > m_capacity)
            ring.removeFirst();
    }
    int m_capacity;
    bool m_sections;
    QStringList m_out;
    QStringList m_err;
    QStringList m_allOut;
    QStringList m_allErr;
};

/// Polls like LogPoller does: fetch, apply, and fetch again at once while the model asks for it.
int pollUntilSettled(LogModel &model, const RingLog &server)
{
    int requests = 0;
    bool again = true;
    while (again) {
        const LogModel::Fetch f = model.nextFetch();
        again = model.applyPage(server.page(f.from, f.size));
        if (++requests > 50) {
            QTest::qFail("the model never settles", __FILE__, __LINE__);
            break;
        }
    }
    return requests;
}

bool isSubsequence(const QStringList &part, const QStringList &whole)
{
    int j = 0;
    for (const QString &line : part) {
        while (j < int(whole.size()) && whole.at(j) != line)
            ++j;
        if (j == int(whole.size()))
            return false;
        ++j;
    }
    return true;
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstReadAndAppends()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        RingLog server(200, false);
        for (int i = 0; i < 5; ++i)
            server.out(QStringLiteral("line %1").arg(i));

        QCOMPARE(model.nextFetch(), (LogModel::Fetch{ 0, 500 }));
        QCOMPARE(pollUntilSettled(model, server), 1);
        QCOMPARE(model.lines(), server.history());
        QCOMPARE(inserted.count(), 1);

        // Nothing new: one request, no signal.
        QCOMPARE(pollUntilSettled(model, server), 1);
        QCOMPARE(inserted.count(), 1);

        server.out(QStringLiteral("line 5"));
        pollUntilSettled(model, server);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), 5);
        QCOMPARE(inserted.last().at(2).toInt(), 5);
        QCOMPARE(model.lines(), server.history());
        QVERIFY(!model.isReadingSnapshots());
    }

    void pagesThroughALargeBuffer()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(10);
        RingLog server(1000, false);
        for (int i = 0; i < 95; ++i)
            server.out(QStringLiteral("line %1").arg(i));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const int requests = pollUntilSettled(model, server);
        QCOMPARE(model.lines(), server.history());
        // 95 lines, 10 new per page after the first: never a duplicate, never a snapshot.
        QCOMPARE(requests, 10);
        QCOMPARE(inserted.count(), 10);
        QVERIFY(!model.isReadingSnapshots());
        // Pages after the first re-read the last known lines.
        QCOMPARE(model.nextFetch(), (LogModel::Fetch{ 95 - LogModel::OverlapLines, LogModel::OverlapLines + 10 }));
    }

    void ringSlideIsDetectedWithoutDuplicates()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RingLog server(30, false);
        for (int i = 0; i < 30; ++i)
            server.out(QStringLiteral("line %1").arg(i));
        pollUntilSettled(model, server);
        // The ring is full: the next 7 lines push 7 old ones out and every offset moves by 7.
        for (int i = 30; i < 37; ++i)
            server.out(QStringLiteral("line %1").arg(i));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QCOMPARE(pollUntilSettled(model, server), 2); // the tail check fails, then one snapshot
        QVERIFY(model.isReadingSnapshots());
        QCOMPARE(model.lines(), server.history());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 30);
        QCOMPARE(removed.count(), 0); // lines that slid out of the server stay as history
        QCOMPARE(model.gapCount(), 0);

        // From now on a poll first probes the tail (16 lines, not the whole buffer): nothing new, nothing more.
        QVERIFY(model.isProbing());
        QCOMPARE(model.nextFetch(), (LogModel::Fetch{ 30 - LogModel::OverlapLines, LogModel::OverlapLines }));
        QCOMPARE(pollUntilSettled(model, server), 1);
        QCOMPARE(model.lines(), server.history());
        // A new line: the probe differs, one snapshot follows at once.
        server.out(QStringLiteral("line 37"));
        QCOMPARE(pollUntilSettled(model, server), 2);
        QCOMPARE(model.lines(), server.history());
        QVERIFY(model.isProbing());
    }

    void probesReadAWholeSnapshotNowAndThen()
    {
        // stdout above stderr: a full stdout ring that gains a line while stderr does not keeps the total and the
        // tail, so only the periodic snapshot can see it. It comes after ProbesPerSnapshot quiet polls.
        LogModel model;
        model.setProbesPerSnapshot(4);
        RingLog server(20, true); // 42 lines: more than a probe
        for (int i = 0; i < 20; ++i) {
            server.out(QStringLiteral("o%1").arg(i));
            server.err(QStringLiteral("e%1").arg(i));
        }
        pollUntilSettled(model, server);
        server.err(QStringLiteral("e20")); // the ring slides: from now on snapshots, probed first
        pollUntilSettled(model, server);
        QVERIFY(model.isProbing());
        server.out(QStringLiteral("o20"));
        server.out(QStringLiteral("o21"));
        QVERIFY(model.isReadingSnapshots());
        int snapshots = 0;
        for (int poll = 0; poll < 5; ++poll) {
            const LogModel::Fetch f = model.nextFetch();
            snapshots += f.from == 0 ? 1 : 0;
            QVERIFY(!model.applyPage(server.page(f.from, f.size)));
        }
        QCOMPARE(snapshots, 1);
        QCOMPARE(model.lines(), server.history());
        QCOMPARE(model.gapCount(), 0);
    }

    void newStdoutLinesGoUnderTheirSection()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RingLog server(200, true);
        server.out(QStringLiteral("o1"));
        server.err(QStringLiteral("e1"));
        pollUntilSettled(model, server);
        QCOMPARE(model.lines(), server.history());
        QVERIFY(model.data(model.index(0, 0), LogModel::IsSectionHeaderRole).toBool());
        QCOMPARE(model.data(model.index(2, 0)).toString(), QStringLiteral("stderr: "));
        QCOMPARE(model.data(model.index(2, 0), LogModel::LineRole).toString(), QStringLiteral("\nstderr: "));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        server.out(QStringLiteral("o2"));
        server.err(QStringLiteral("e2"));
        pollUntilSettled(model, server);
        QCOMPARE(model.lines(), server.history());
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2); // o2 before "\nstderr: "
        QCOMPARE(inserted.at(1).at(1).toInt(), 5); // e2 at the end
    }

    void lostLinesAreFlaggedAsAGap()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy gaps(&model, &LogModel::gapDetected);
        RingLog server(5, false);
        for (int i = 0; i < 5; ++i)
            server.out(QStringLiteral("a%1").arg(i));
        pollUntilSettled(model, server);
        // 7 new lines into a ring of 5: a0..a4 and n0, n1 are gone before the next read.
        for (int i = 0; i < 7; ++i)
            server.out(QStringLiteral("n%1").arg(i));
        pollUntilSettled(model, server);
        QCOMPARE(model.lines(), (QStringList{ QStringLiteral("a0"), QStringLiteral("a1"), QStringLiteral("a2"),
                                              QStringLiteral("a3"), QStringLiteral("a4"), QStringLiteral("n2"),
                                              QStringLiteral("n3"), QStringLiteral("n4"), QStringLiteral("n5"),
                                              QStringLiteral("n6") }));
        QCOMPARE(gaps.count(), 1);
        QCOMPARE(gaps.at(0).at(0).toInt(), 5);
        QVERIFY(model.data(model.index(5, 0), LogModel::GapBeforeRole).toBool());
        QVERIFY(!model.data(model.index(6, 0), LogModel::GapBeforeRole).toBool());
        QVERIFY(!model.data(model.index(5, 0), Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(model.gapCount(), 1);
    }

    void ringCapacityIsLearnedFromASlide()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RingLog server(6, true);
        for (int i = 0; i < 4; ++i)
            server.out(QStringLiteral("o%1").arg(i));
        for (int i = 0; i < 6; ++i)
            server.err(QStringLiteral("e%1").arg(i));
        pollUntilSettled(model, server);
        QCOMPARE(model.ringCapacity(), 0);
        server.err(QStringLiteral("e6")); // e0 slides out of a full ring of 6
        pollUntilSettled(model, server);
        QCOMPARE(model.ringCapacity(), 6);
        QCOMPARE(model.gapCount(), 0);
        // stdout receives more than a ring between two reads: o0..o3 slide out and o4..o13 are never seen.
        for (int i = 4; i < 20; ++i)
            server.out(QStringLiteral("o%1").arg(i));
        pollUntilSettled(model, server);
        QCOMPARE(model.gapCount(), 1);
        const int row = int(model.lines().indexOf(QStringLiteral("o14")));
        QVERIFY(model.data(model.index(row, 0), LogModel::GapBeforeRole).toBool());
        QVERIFY(isSubsequence(model.lines(), server.history()));
    }

    void shrinkingBufferKeepsHistory()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RingLog before(100, false);
        for (int i = 0; i < 40; ++i)
            before.out(QStringLiteral("old %1").arg(i));
        pollUntilSettled(model, before);
        // The server restarted (recovery) and the buffer starts again.
        RingLog after(100, false);
        after.out(QStringLiteral("new 0"));
        pollUntilSettled(model, after);
        QCOMPARE(model.rowCount(), 41);
        QCOMPARE(model.lines().constLast(), QStringLiteral("new 0"));
        QCOMPARE(model.serverLineCount(), 1);
    }

    void maxLinesDropsTheOldestHistory()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxLines(10);
        RingLog server(8, true);
        for (int i = 0; i < 40; ++i) {
            server.err(QStringLiteral("e%1").arg(i));
            if (i % 3 == 0)
                server.out(QStringLiteral("o%1").arg(i));
            pollUntilSettled(model, server);
            QVERIFY(model.rowCount() <= 10);
            QVERIFY(isSubsequence(model.lines(), server.history()));
        }
        QCOMPARE(model.lines().constLast(), QStringLiteral("e39"));
    }

    void serverThatIgnoresFromStillConverges()
    {
        // A proxy that always answers with the whole buffer, whatever was asked.
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(4);
        RingLog server(50, false);
        for (int i = 0; i < 20; ++i)
            server.out(QStringLiteral("l%1").arg(i));
        for (int round = 0; round < 3; ++round) {
            bool again = true;
            int n = 0;
            while (again && n++ < 10)
                again = model.applyPage(server.page(0, 1000));
            QVERIFY(!again);
            server.out(QStringLiteral("r%1").arg(round));
        }
        server.out(QStringLiteral("end"));
        model.applyPage(server.page(0, 1000));
        QCOMPARE(model.lines(), server.history());

        // And one that always answers with an empty page beyond the end: the model gives up until the next poll.
        LogModel stubborn;
        LogPage empty;
        empty.from = 100;
        empty.total = 30;
        int n = 0;
        while (stubborn.applyPage(empty) && n < 20)
            ++n;
        QVERIFY(n < 20);
    }

    void clearStartsOver()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RingLog server(3, false);
        for (int i = 0; i < 6; ++i)
            server.out(QStringLiteral("l%1").arg(i));
        pollUntilSettled(model, server);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.nextFetch(), (LogModel::Fetch{ 0, 500 }));
        pollUntilSettled(model, server);
        QCOMPARE(model.lines(), server.buffer());
    }

    /// The hard one: random bursts into two sectioned rings, read between bursts. As long as no section gets a
    /// full ring of new lines between two reads, the model equals the complete history: nothing duplicated,
    /// nothing dropped, every line under its own section. With larger bursts, it never duplicates a line, keeps
    /// the order, and flags a gap wherever lines went missing.
    void randomBursts_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("capacity");
        QTest::addColumn<bool>("sections");
        QTest::addColumn<bool>("overflow");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("probes");
        quint32 seed = 100;
        for (const int capacity : { 1, 5, 17, 40 }) {
            for (const bool sections : { false, true }) {
                for (const bool overflow : { false, true }) {
                    for (const int pageSize : { 3, 500 }) {
                        for (const int probes : { 0, 2 }) {
                            QTest::addRow("cap%d-%s-%s-page%d-probes%d", capacity, sections ? "sections" : "ring",
                                          overflow ? "overflow" : "fits", pageSize, probes)
                                << ++seed << capacity << sections << overflow << pageSize << probes;
                        }
                    }
                }
            }
        }
    }

    void randomBursts()
    {
        QFETCH(quint32, seed);
        QFETCH(int, capacity);
        QFETCH(bool, sections);
        QFETCH(bool, overflow);
        QFETCH(int, pageSize);
        QFETCH(int, probes);

        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(pageSize);
        model.setProbesPerSnapshot(probes);
        if (overflow)
            model.setRingCapacity(capacity); // as if read from the server's livy.cache-log.size
        RingLog server(capacity, sections);
        QRandomGenerator rng(seed);
        int counter = 0;
        int lostLines = 0;
        for (int round = 0; round < 80; ++round) {
            const int maxBurst = overflow ? capacity * 2 + 1 : capacity; // "fits": fewer than `capacity` new lines
            const int outs = sections ? int(rng.bounded(maxBurst)) : 0;
            const int errs = int(rng.bounded(maxBurst));
            if (overflow) {
                lostLines += std::max(0, outs - capacity) + std::max(0, errs - capacity);
            }
            for (int i = 0; i < outs; ++i)
                server.out(QStringLiteral("out %1").arg(++counter));
            for (int i = 0; i < errs; ++i) {
                if (sections)
                    server.err(QStringLiteral("err %1").arg(++counter));
                else
                    server.out(QStringLiteral("out %1").arg(++counter));
            }
            // With probes, a grown middle section shows by the periodic snapshot: poll until one was read.
            for (int poll = 0; poll <= probes; ++poll)
                pollUntilSettled(model, server);

            const QStringList lines = model.lines();
            QVERIFY2(isSubsequence(lines, server.history()), qPrintable(QStringLiteral("round %1").arg(round)));
            if (!overflow) {
                QCOMPARE(lines, server.history());
                QCOMPARE(model.gapCount(), 0);
            }
        }
        // No line shown twice (every generated line is unique; the headers appear once).
        const QStringList lines = model.lines();
        QCOMPARE(QSet<QString>(lines.cbegin(), lines.cend()).size(), lines.size());
        if (overflow && lostLines > 0)
            QVERIFY(model.gapCount() > 0);
        // Every place where lines are missing carries the gap flag.
        const QStringList all = server.history();
        int j = 0;
        for (int row = 0; row < int(lines.size()); ++row) {
            const int at = int(all.indexOf(lines.at(row), j));
            QVERIFY(at >= j);
            if (at > j && row > 0)
                QVERIFY2(model.data(model.index(row, 0), LogModel::GapBeforeRole).toBool(),
                         qPrintable(QStringLiteral("lines missing before row %1 (%2) without a gap flag").arg(row).arg(lines.at(row))));
            j = at + 1;
        }
    }
};

QTEST_GUILESS_MAIN(TestLogModel)
#include "tst_logmodel.moc"
