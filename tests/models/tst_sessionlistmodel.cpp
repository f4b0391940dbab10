// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "items/sessionlistmodel.h"
#include "livy/sessionidentity.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;

namespace {

Session makeSession(int id, SessionState state = SessionState::Idle, const QString &name = {})
{
    Session s;
    s.id = id;
    s.name = name;
    s.kind = QStringLiteral("pyspark");
    s.state = state;
    s.stateName = sessionStateToString(state);
    s.owner = QStringLiteral("alice");
    s.proxyUser = QStringLiteral("alice");
    return s;
}

QList<int> ids(const SessionListModel &model)
{
    QList<int> out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.data(model.index(r, 0), SessionListModel::IdRole).toInt());
    return out;
}

/// Records every structural and data signal as text, so a test can assert the exact, minimal sequence.
class SignalLog : public QObject
{
public:
    explicit SignalLog(QAbstractItemModel *model)
    {
        connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int f, int l) {
            events << QStringLiteral("insert %1-%2").arg(f).arg(l);
        });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int f, int l) {
            events << QStringLiteral("remove %1-%2").arg(f).arg(l);
        });
        connect(model, &QAbstractItemModel::rowsMoved, this,
                [this](const QModelIndex &, int f, int l, const QModelIndex &, int to) {
                    events << QStringLiteral("move %1-%2 to %3").arg(f).arg(l).arg(to);
                });
        connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl, const QModelIndex &br) {
            events << QStringLiteral("change %1-%2").arg(tl.row()).arg(br.row());
        });
        connect(model, &QAbstractItemModel::modelReset, this, [this] { events << QStringLiteral("reset"); });
    }
    QStringList take() { return std::exchange(events, {}); }
    QStringList events;
};

} // namespace

class TestSessionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialSnapshotIsOneInsert()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        SignalLog log(&model);

        QVERIFY(model.setSessions({ makeSession(0), makeSession(1), makeSession(2) }));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(log.take(), QStringList{ QStringLiteral("insert 0-2") });
        QCOMPARE(ids(model), (QList<int>{ 0, 1, 2 }));
        QCOMPARE(model.columnCount(), int(SessionListModel::ColumnCount));
    }

    void identicalSnapshotEmitsNothing()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<Session> snapshot{ makeSession(0), makeSession(1, SessionState::Busy) };
        model.setSessions(snapshot);
        SignalLog log(&model);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(!model.setSessions(snapshot));
        QCOMPARE(changed.count(), 0);
        QVERIFY(log.take().isEmpty());
    }

    void stateChangeIsOneRowDataChanged()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ makeSession(0), makeSession(1, SessionState::Starting), makeSession(2) });
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy stateChanged(&model, &SessionListModel::sessionStateChanged);
        SignalLog log(&model);

        QVERIFY(model.setSessions({ makeSession(0), makeSession(1, SessionState::Idle), makeSession(2) }));
        QCOMPARE(log.take(), QStringList{ QStringLiteral("change 1-1") });
        QCOMPARE(changed.count(), 1);
        const auto args = changed.takeFirst();
        QCOMPARE(args.at(0).toModelIndex().column(), 0);
        QCOMPARE(args.at(1).toModelIndex().column(), int(SessionListModel::ColumnCount) - 1);
        QCOMPARE(stateChanged.count(), 1);
        QCOMPARE(stateChanged.at(0).at(0).toInt(), 1);
        QCOMPARE(stateChanged.at(0).at(1).value<SessionState>(), SessionState::Starting);
        QCOMPARE(stateChanged.at(0).at(2).value<SessionState>(), SessionState::Idle);
        QCOMPARE(model.data(model.index(1, SessionListModel::StateColumn)).toString(), QStringLiteral("idle"));
        QCOMPARE(model.data(model.index(1, 0), SessionListModel::StateRole).toInt(), int(SessionState::Idle));
    }

    /// A large server's poll: every snapshot is freshly decoded (no string shared with the rows). Unchanged, it
    /// emits nothing at all; a few changed states give one dataChanged per changed row, in place.
    void largeSnapshotsSignalOnlyWhatChanged()
    {
        auto fresh = [](int count, const QSet<int> &busy = {}) {
            QList<Session> out;
            for (int id = 0; id < count; ++id) {
                Session s = makeSession(id, busy.contains(id) ? SessionState::Busy : SessionState::Idle,
                                        QStringLiteral("etl-%1").arg(id));
                s.appId = QStringLiteral("application_1700000000000_%1").arg(id + 1, 4, 10, QLatin1Char('0'));
                s.log = QStringList{ QStringLiteral("stdout: "), QStringLiteral("INFO started %1").arg(id) };
                out.append(s);
            }
            return out;
        };
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setSessions(fresh(5000)));
        const QString identity = model.data(model.index(4321, 0), SessionListModel::IdentityRole).toString();
        SignalLog log(&model);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

        QVERIFY(!model.setSessions(fresh(5000)));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QVERIFY(log.take().isEmpty());

        QVERIFY(model.setSessions(fresh(5000, { 7, 4321, 4999 })));
        QCOMPARE(log.take(), (QStringList{ QStringLiteral("change 7-7"), QStringLiteral("change 4321-4321"),
                                           QStringLiteral("change 4999-4999") }));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(model.data(model.index(4321, 0), SessionListModel::StateRole).toInt(), int(SessionState::Busy));
        QCOMPARE(model.data(model.index(4321, 0), SessionListModel::IdentityRole).toString(), identity);

        // Sessions vanishing and appearing: removals and one insertion, never a reset.
        QList<Session> next = fresh(5003, { 7, 4321, 4999 });
        next.removeAt(2500);
        next.removeAt(10);
        QVERIFY(model.setSessions(next));
        QCOMPARE(log.take(), (QStringList{ QStringLiteral("remove 2500-2500"), QStringLiteral("remove 10-10"),
                                           QStringLiteral("insert 4998-5000") }));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 5001);
    }

    /// rowOfId() is a lookup in an index by id; the index follows every kind of change, and is already right
    /// when listeners hear of it.
    void rowOfIdFollowsEveryChange()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto check = [&model] {
            for (int row = 0; row < model.rowCount(); ++row) {
                const int id = model.data(model.index(row, 0), SessionListModel::IdRole).toInt();
                if (model.rowOfId(id) != row)
                    return false;
            }
            return true;
        };
        QList<int> seenInSignal;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &, int first, int last) {
            for (int row = first; row <= last; ++row)
                seenInSignal.append(model.rowOfId(model.sessionRefAt(row).id));
        });
        model.setSessions({ makeSession(1), makeSession(2), makeSession(3) });
        QCOMPARE(seenInSignal, (QList<int>{ 0, 1, 2 }));
        QCOMPARE(model.rowOfId(3), 2);
        QCOMPARE(model.rowOfId(42), -1);
        model.setSessions({ makeSession(3), makeSession(1), makeSession(5) }); // a move, a removal, an insertion
        QVERIFY(check());
        QCOMPARE(model.rowOfId(2), -1);
        QCOMPARE(model.rowOfId(5), 2);
        model.upsert(makeSession(4));
        QVERIFY(check());
        QVERIFY(model.remove(3));
        QVERIFY(check());
        QCOMPARE(model.rowOfId(3), -1);
        QCOMPARE(model.session(5)->id, 5);
        model.clear();
        QCOMPARE(model.rowOfId(1), -1);
    }

    void rowContainsSearchesEveryColumnsText()
    {
        SessionListModel model;
        Session a = makeSession(17, SessionState::Idle, QStringLiteral("Nightly-ETL"));
        a.appId = QStringLiteral("application_1700000000000_0042");
        Session b = makeSession(3, SessionState::Dead);
        b.kind = QStringLiteral("sparkr");
        b.owner = QStringLiteral("bob");
        b.proxyUser = QStringLiteral("carol");
        model.setSessions({ a, b });
        QVERIFY(model.rowContains(0, u""));
        QVERIFY(model.rowContains(0, u"17"));         // id
        QVERIFY(model.rowContains(0, u"nightly-etl")); // name, any case
        QVERIFY(model.rowContains(0, u"_0042"));       // application
        QVERIFY(model.rowContains(0, u"IDLE"));        // state
        QVERIFY(!model.rowContains(0, u"sparkr"));
        QVERIFY(model.rowContains(1, u"sparkr"));      // kind
        QVERIFY(model.rowContains(1, u"dead"));
        QVERIFY(model.rowContains(1, u"bob"));         // owner (a hidden column counts too)
        QVERIFY(model.rowContains(1, u"carol"));       // proxy user
        QVERIFY(!model.rowContains(1, u"nightly"));
        QVERIFY(!model.rowContains(2, u"x"));          // no such row
        QCOMPARE(model.text(0, SessionListModel::IdColumn), QStringLiteral("17"));
        QCOMPARE(model.text(1, SessionListModel::StateColumn), QStringLiteral("dead"));
        QCOMPARE(model.text(1, SessionListModel::OwnerColumn), model.data(model.index(1, SessionListModel::OwnerColumn)).toString());
        // The "created here" column holds text only for sessions created from this computer.
        QVERIFY(!model.rowContains(0, u"20"));
        model.setCreatedHere({ { 17, { sessionIdentity(a), QDateTime(QDate(2020, 5, 4), QTime(9, 30), Qt::UTC) } } });
        QVERIFY(model.rowContains(0, u"2020-05-04"));
        QVERIFY(!model.rowContains(1, u"2020-05-04"));
    }

    void mixedDiffIsMinimal()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ makeSession(1), makeSession(2), makeSession(3), makeSession(4), makeSession(5),
                            makeSession(6) });
        SignalLog log(&model);
        // 2 and 3 vanish (one run), 5 vanishes (another run), 4 changes, 7 and 8 are new at the end.
        QVERIFY(model.setSessions({ makeSession(1), makeSession(4, SessionState::Busy), makeSession(6),
                                    makeSession(7), makeSession(8) }));
        QCOMPARE(log.take(), (QStringList{ QStringLiteral("remove 4-4"), QStringLiteral("remove 1-2"),
                                           QStringLiteral("change 1-1"), QStringLiteral("insert 3-4") }));
        QCOMPARE(ids(model), (QList<int>{ 1, 4, 6, 7, 8 }));
    }

    void insertionInTheMiddleAndAtTheFront()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ makeSession(3), makeSession(5) });
        SignalLog log(&model);
        // Recovered sessions come first in Livy's order.
        model.setSessions({ makeSession(1), makeSession(3), makeSession(4), makeSession(5) });
        QCOMPARE(log.take(), (QStringList{ QStringLiteral("insert 0-0"), QStringLiteral("insert 2-2") }));
        QCOMPARE(ids(model), (QList<int>{ 1, 3, 4, 5 }));
    }

    void reorderIsAMoveNotARemoveInsert()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ makeSession(1), makeSession(2), makeSession(3) });
        SignalLog log(&model);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setSessions({ makeSession(3), makeSession(1), makeSession(2) });
        QCOMPARE(removed.count(), 0);
        QCOMPARE(log.take(), QStringList{ QStringLiteral("move 2-2 to 0") });
        QCOMPARE(ids(model), (QList<int>{ 3, 1, 2 }));
    }

    void duplicateIdsInASnapshotAreIgnored()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ makeSession(1), makeSession(2), makeSession(1, SessionState::Dead) });
        QCOMPARE(ids(model), (QList<int>{ 1, 2 }));
        QCOMPARE(model.session(1)->state, SessionState::Idle);
    }

    void emptySnapshotRemovesEverythingInOneRun()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ makeSession(1), makeSession(2) });
        SignalLog log(&model);
        QVERIFY(model.setSessions({}));
        QCOMPARE(log.take(), QStringList{ QStringLiteral("remove 0-1") });
        QCOMPARE(model.rowCount(), 0);
    }

    void creationTimeOnlyWhereKnownAndOnlyForTheSameSession()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Session mine = makeSession(1);
        mine.conf.insert(QString(Livy::SessionTagKey), QStringLiteral("00c0ffee00c0ffee"));
        model.setSessions({ mine, makeSession(2) });
        const QDateTime when(QDate(2026, 1, 2), QTime(10, 0), Qt::UTC);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCreatedHere({ { 1, { Livy::sessionIdentity(mine), when } } });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.data(model.index(0, 0), SessionListModel::CreatedHereRole).toDateTime(), when);
        QVERIFY(!model.data(model.index(0, SessionListModel::CreatedColumn)).toString().isEmpty());
        QVERIFY(model.data(model.index(0, SessionListModel::CreatedColumn), Qt::ToolTipRole).toString().contains(QStringLiteral("this computer")));
        // Livy reports no creation time: a session created elsewhere shows none (no invented age).
        QVERIFY(!model.data(model.index(1, 0), SessionListModel::CreatedHereRole).toDateTime().isValid());
        QVERIFY(model.data(model.index(1, SessionListModel::CreatedColumn)).toString().isEmpty());
        QVERIFY(model.data(model.index(1, SessionListModel::CreatedColumn), Qt::ToolTipRole).toString().contains(QStringLiteral("does not report")));
        // The server restarted and another session got id 1: it does not inherit the time.
        Session other = makeSession(1);
        other.conf.insert(QString(Livy::SessionTagKey), QStringLiteral("1111111111111111"));
        model.setSessions({ other });
        QVERIFY(!model.data(model.index(0, 0), SessionListModel::CreatedHereRole).toDateTime().isValid());
        QVERIFY(Livy::sessionIdentity(other) != Livy::sessionIdentity(mine));
        QCOMPARE(Livy::sessionIdentity(makeSession(3)), Livy::sessionIdentity(makeSession(4))); // params only
    }

    void rolesCarryRawValues()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Session s = makeSession(7, SessionState::Unknown, QStringLiteral("etl"));
        s.stateName = QStringLiteral("hibernating"); // a state this client does not know
        s.appId = QStringLiteral("application_1_0007");
        s.owner.clear();
        model.setSessions({ s });
        const QModelIndex i = model.index(0, SessionListModel::OwnerColumn);
        QCOMPARE(model.data(i, SessionListModel::IdRole).toInt(), 7);
        QCOMPARE(model.data(i, SessionListModel::NameRole).toString(), QStringLiteral("etl"));
        QCOMPARE(model.data(i, SessionListModel::StateNameRole).toString(), QStringLiteral("hibernating"));
        QCOMPARE(model.data(model.index(0, SessionListModel::StateColumn)).toString(), QStringLiteral("hibernating"));
        QCOMPARE(model.data(i, SessionListModel::StateRole).toInt(), int(SessionState::Unknown));
        QCOMPARE(model.data(i, SessionListModel::AppIdRole).toString(), QStringLiteral("application_1_0007"));
        QCOMPARE(model.data(i).toString(), QString());
        QCOMPARE(model.data(i, SessionListModel::SessionRole).value<Session>(), s);
        QCOMPARE(model.data(i, SessionListModel::IsTerminalRole).toBool(), false);
        QCOMPARE(model.headerData(SessionListModel::ProxyUserColumn, Qt::Horizontal).toString(), QStringLiteral("Proxy user"));
        QVERIFY(model.roleNames().value(SessionListModel::SessionRole) == "session");
    }

    void leaseIsShownWhereSetAndSurvivesPolls()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ makeSession(1), makeSession(2) });
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLease(2, QStringLiteral("29 min"), QStringLiteral("ttl 30m (lifetime)"), 29 * 60000 + 5000);
        QCOMPARE(changed.size(), 1);
        const QModelIndex lease = model.index(1, SessionListModel::LeaseColumn);
        QCOMPARE(changed.first().at(0).toModelIndex(), lease);
        QCOMPARE(lease.data().toString(), QStringLiteral("29 min"));
        QCOMPARE(lease.data(Qt::ToolTipRole).toString(), QStringLiteral("ttl 30m (lifetime)"));
        QCOMPARE(model.index(1, 0).data(SessionListModel::LeaseRemainingRole).toLongLong(), 29 * 60000 + 5000);
        // Unknown: nothing shown, no sort key (never a guess).
        QCOMPARE(model.index(0, SessionListModel::LeaseColumn).data().toString(), QString());
        QVERIFY(!model.index(0, 0).data(SessionListModel::LeaseRemainingRole).isValid());
        QCOMPARE(model.headerData(SessionListModel::LeaseColumn, Qt::Horizontal).toString(), QStringLiteral("Lease"));
        // The same again is not a change; a poll keeps it; the filter finds it.
        model.setLease(2, QStringLiteral("29 min"), QStringLiteral("ttl 30m (lifetime)"), 29 * 60000 + 5000);
        QCOMPARE(changed.size(), 1);
        model.setSessions({ makeSession(1), makeSession(2, SessionState::Busy) });
        QCOMPARE(model.index(1, SessionListModel::LeaseColumn).data().toString(), QStringLiteral("29 min"));
        QVERIFY(model.rowContains(1, u"29 min"));
        QVERIFY(!model.rowContains(0, u"29 min"));
        // Cleared: gone from the cell.
        changed.clear();
        model.setLease(2, QString(), QString(), std::nullopt);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(1, SessionListModel::LeaseColumn).data().toString(), QString());
        QCOMPARE(model.leaseText(2), QString());
    }

    void upsertKeepsIdOrderAndUpdatesInPlace()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ makeSession(2), makeSession(9) });
        SignalLog log(&model);
        QVERIFY(model.upsert(makeSession(5, SessionState::Starting)));
        QCOMPARE(log.take(), QStringList{ QStringLiteral("insert 1-1") });
        QVERIFY(!model.upsert(makeSession(5, SessionState::Starting)));
        QVERIFY(log.take().isEmpty());
        QVERIFY(model.updateState(5, SessionState::Idle, QStringLiteral("idle")));
        QCOMPARE(log.take(), QStringList{ QStringLiteral("change 1-1") });
        QVERIFY(!model.updateState(42, SessionState::Idle, QStringLiteral("idle")));
        QVERIFY(model.remove(2));
        QCOMPARE(log.take(), QStringList{ QStringLiteral("remove 0-0") });
        QVERIFY(!model.remove(2));
        QCOMPARE(ids(model), (QList<int>{ 5, 9 }));
    }

    void findsByName()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ makeSession(1, SessionState::Idle, QStringLiteral("a")),
                            makeSession(2, SessionState::Idle, QStringLiteral("b")) });
        QCOMPARE(model.rowOfName(QStringLiteral("b")), 1);
        QCOMPARE(model.rowOfName(QStringLiteral("c")), -1);
        QCOMPARE(model.rowOfName(QString()), -1);
        QCOMPARE(model.sessionAt(1).id, 2);
        QCOMPARE(model.sessionAt(5).id, -1);
        QCOMPARE(model.sessions().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSessionListModel)
#include "tst_sessionlistmodel.moc"
