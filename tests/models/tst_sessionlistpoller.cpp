// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SessionListPoller against a fake Livy with many sessions: one poll pages through the whole list, and what it hands
// to the model is the minimal change (nothing at all when nothing changed). The snapshots of such lists are
// released on a worker thread: under the sanitizers this test also checks that the model's rows never depend on
// them.

#include "fakeserverfixture.h"
#include "items/sessionlistmodel.h"
#include "polling/poller.h"
#include "polling/sessionlistpoller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace Livy;
using namespace std::chrono_literals;

class TestSessionListPoller : public FakeServerTest
{
    Q_OBJECT

private:
    /// One poll (start() the first time, refresh() after), until the model has the snapshot.
    bool poll(SessionListPoller &poller, bool *changed = nullptr)
    {
        QSignalSpy refreshed(&poller, &SessionListPoller::refreshed);
        if (poller.isRunning())
            poller.refresh();
        else
            poller.start();
        if (!refreshed.wait(10000))
            return false;
        if (changed)
            *changed = refreshed.at(0).at(0).toBool();
        return true;
    }

    static SessionListSchedule manual()
    {
        SessionListSchedule s; // only the test's refresh() polls
        s.fast = s.slow = s.transitional = std::chrono::hours(1);
        return s;
    }

private Q_SLOTS:
    void init() { QVERIFY(m_fixture.setUp(this)); }
    void cleanup()
    {
        QThreadPool::globalInstance()->waitForDone();
        m_fixture.tearDown();
    }

    void pagesThroughALargeListAndSignalsOnlyChanges()
    {
        const QList<int> ids = m_server->seedSessions(1234);
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SessionListPoller poller(m_connection, &model);
        poller.setSchedule(manual());
        poller.setPageSize(100);

        bool changed = false;
        QVERIFY(poll(poller, &changed));
        QVERIFY(changed);
        QCOMPARE(model.rowCount(), 1234);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/sessions")).size(), 13); // 12 full pages and one of 34
        QCOMPARE(model.sessionRefAt(1233).name, QStringLiteral("report-1233"));

        // Nothing changed on the server: the model hears nothing at all.
        QThreadPool::globalInstance()->waitForDone(); // the last snapshot is gone: the rows hold their own data
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(poll(poller, &changed));
        QVERIFY(!changed);
        QCOMPARE(dataChanged.count() + inserted.count() + removed.count() + reset.count(), 0);
        QCOMPARE(model.text(700, SessionListModel::StateColumn), QStringLiteral("idle"));

        // Two sessions change state: one dataChanged each, for their rows.
        m_server->setSessionState(ids.at(3), QStringLiteral("dead"));
        m_server->setSessionState(ids.at(1100), QStringLiteral("dead"));
        QVERIFY(poll(poller, &changed));
        QVERIFY(changed);
        QCOMPARE(dataChanged.count(), 2);
        QCOMPARE(dataChanged.at(0).at(0).toModelIndex().row(), 3);
        QCOMPARE(dataChanged.at(1).at(0).toModelIndex().row(), 1100);
        QCOMPARE(inserted.count() + removed.count() + reset.count(), 0);
        QCOMPARE(model.text(1100, SessionListModel::StateColumn), QStringLiteral("dead"));

        // Some vanish, some are created: removals and one insertion at the end, never a reset.
        dataChanged.clear();
        QVERIFY(m_server->removeSession(ids.at(10)));
        QVERIFY(m_server->removeSession(ids.at(500)));
        m_server->seedSessions(3);
        QVERIFY(poll(poller, &changed));
        QVERIFY(changed);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(dataChanged.count() + reset.count(), 0);
        QCOMPARE(model.rowCount(), 1235);
        QCOMPARE(model.rowOfId(ids.at(500)), -1);
        QCOMPARE(model.rowOfId(1236), 1234);
        QThreadPool::globalInstance()->waitForDone();
        for (int row = 0; row < model.rowCount(); row += 97) // the rows outlive every released snapshot
            QVERIFY(!model.text(row, SessionListModel::NameColumn).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSessionListPoller)
#include "tst_sessionlistpoller.moc"
