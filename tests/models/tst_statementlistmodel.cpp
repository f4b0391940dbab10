// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "items/statementlistmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;

namespace {

Statement makeStatement(int id, StatementState state = StatementState::Running, double progress = 0.0)
{
    Statement s;
    s.id = id;
    s.code = QStringLiteral("spark.range(%1).count()").arg(id);
    s.state = state;
    s.stateName = statementStateToString(state);
    s.progress = progress;
    if (state != StatementState::Waiting)
        s.started = 1'767'348'000'000 + id * 1000;
    if (isTerminal(state)) {
        s.completed = s.started + 2500;
        StatementOutput out;
        out.status = StatementOutput::Status::Ok;
        out.executionCount = id;
        out.data.insert(QStringLiteral("text/plain"), QStringLiteral("res%1: Long = %1").arg(id));
        s.output = out;
        s.progress = 1.0;
    }
    return s;
}

QList<int> ids(const StatementListModel &model)
{
    QList<int> out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.data(model.index(r, 0), StatementListModel::IdRole).toInt());
    return out;
}

} // namespace

class TestStatementListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upsertInsertsInIdOrderAndUpdatesOnlyOnChange()
    {
        StatementListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy finished(&model, &StatementListModel::statementFinished);

        QVERIFY(model.upsert(makeStatement(2)));
        QVERIFY(model.upsert(makeStatement(0, StatementState::Available)));
        QVERIFY(model.upsert(makeStatement(1, StatementState::Waiting)));
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(inserted.at(1).at(1).toInt(), 0); // id 0 went before id 2
        QCOMPARE(inserted.at(2).at(1).toInt(), 1);
        QCOMPARE(ids(model), (QList<int>{ 0, 1, 2 }));
        QCOMPARE(finished.count(), 0); // arriving finished is not "finishing"

        QVERIFY(!model.upsert(makeStatement(2)));
        QCOMPARE(changed.count(), 0);

        QVERIFY(model.upsert(makeStatement(2, StatementState::Running, 0.5)));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
        QCOMPARE(model.data(model.index(2, StatementListModel::ProgressColumn)).toString(), QStringLiteral("50 %"));

        QVERIFY(model.upsert(makeStatement(2, StatementState::Available)));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 2);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(model.pendingIds(), QList<int>{ 1 });
    }

    void setStatementsDiffsById()
    {
        StatementListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStatements({ makeStatement(0, StatementState::Available), makeStatement(1, StatementState::Available),
                              makeStatement(2) });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // Unsorted input: the model keeps id order. 0 was evicted by the server, 2 finished, 3 is new.
        QVERIFY(model.setStatements({ makeStatement(3, StatementState::Waiting), makeStatement(1, StatementState::Available),
                                      makeStatement(2, StatementState::Available) }));
        QCOMPARE(ids(model), (QList<int>{ 1, 2, 3 }));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(reset.count(), 0);

        QVERIFY(!model.setStatements(model.statements()));
    }

    void mergeKeepsOlderStatements()
    {
        StatementListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStatements({ makeStatement(0, StatementState::Available), makeStatement(1, StatementState::Available) });
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        // The newest two, as `statements?order=desc&size=2` returns them.
        QVERIFY(model.mergeStatements({ makeStatement(2), makeStatement(1, StatementState::Available) }));
        QCOMPARE(removed.count(), 0);
        QCOMPARE(ids(model), (QList<int>{ 0, 1, 2 }));
        QVERIFY(!model.mergeStatements({ makeStatement(2) }));
    }

    void columnsAndRoles()
    {
        StatementListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Statement s = makeStatement(4, StatementState::Available);
        s.code = QStringLiteral("df = spark.range(10)\ndf.count()");
        model.upsert(s);
        const auto cell = [&](int column, int role = Qt::DisplayRole) { return model.data(model.index(0, column), role); };
        QCOMPARE(cell(StatementListModel::IdColumn).toInt(), 4);
        QCOMPARE(cell(StatementListModel::StateColumn).toString(), QStringLiteral("available"));
        QCOMPARE(cell(StatementListModel::CodeColumn).toString(), QStringLiteral("df = spark.range(10) …"));
        QCOMPARE(cell(StatementListModel::CodeColumn, Qt::ToolTipRole).toString(), s.code);
        QCOMPARE(cell(StatementListModel::DurationColumn).toString(), QStringLiteral("2.5 s"));
        QCOMPARE(cell(StatementListModel::OutputColumn).toString(), QStringLiteral("res4: Long = 4"));
        QCOMPARE(cell(0, StatementListModel::DurationMsRole).toLongLong(), 2500);
        QCOMPARE(cell(0, StatementListModel::StartedRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(s.started, Qt::UTC));
        QCOMPARE(cell(0, StatementListModel::CompletedRole).toDateTime().toMSecsSinceEpoch(), s.completed);
        QCOMPARE(cell(0, StatementListModel::IsTerminalRole).toBool(), true);
        QCOMPARE(cell(0, StatementListModel::IsErrorRole).toBool(), false);
        QCOMPARE(cell(0, StatementListModel::StatementRole).value<Statement>(), s);
        QCOMPARE(cell(0, StatementListModel::CodeRole).toString(), s.code);
        QVERIFY(!cell(StatementListModel::StartedColumn).toString().isEmpty());

        Statement waiting = makeStatement(5, StatementState::Waiting);
        model.upsert(waiting);
        QCOMPARE(model.data(model.index(1, 0), StatementListModel::DurationMsRole).toLongLong(), -1);
        QVERIFY(!model.data(model.index(1, 0), StatementListModel::StartedRole).toDateTime().isValid());
        QCOMPARE(model.data(model.index(1, StatementListModel::DurationColumn)).toString(), QString());
        QCOMPARE(model.data(model.index(1, StatementListModel::OutputColumn)).toString(), QString());
    }

    void outputSummaries()
    {
        Statement s = makeStatement(0, StatementState::Available);
        StatementOutput error;
        error.status = StatementOutput::Status::Error;
        error.ename = QStringLiteral("ValueError");
        error.evalue = QStringLiteral("bad");
        s.output = error;
        QCOMPARE(StatementListModel::outputSummary(s), QStringLiteral("ValueError: bad"));

        StatementOutput table;
        table.status = StatementOutput::Status::Ok;
        table.data.insert(QStringLiteral("application/vnd.livy.table.v1+json"),
                          QJsonObject{ { QStringLiteral("headers"), QJsonArray{ QJsonObject{}, QJsonObject{} } },
                                       { QStringLiteral("data"), QJsonArray{ QJsonArray{ 1, 2 }, QJsonArray{ 3, 4 }, QJsonArray{ 5, 6 } } } });
        table.data.insert(QStringLiteral("text/plain"), QStringLiteral("ignored"));
        s.output = table;
        QCOMPARE(StatementListModel::outputSummary(s), QStringLiteral("Table: 3 rows × 2 columns"));

        StatementOutput sql;
        sql.status = StatementOutput::Status::Ok;
        sql.data.insert(QStringLiteral("application/json"),
                        QJsonObject{ { QStringLiteral("schema"), QJsonObject{ { QStringLiteral("fields"), QJsonArray{ QJsonObject{} } } } },
                                     { QStringLiteral("data"), QJsonArray{ QJsonArray{ 1 } } } });
        s.output = sql;
        QCOMPARE(StatementListModel::outputSummary(s), QStringLiteral("Table: 1 rows × 1 columns"));

        StatementOutput image;
        image.status = StatementOutput::Status::Ok;
        image.data.insert(QStringLiteral("image/png"), QStringLiteral("iVBORw0KGgo="));
        image.data.insert(QStringLiteral("text/plain"), QString());
        s.output = image;
        QCOMPARE(StatementListModel::outputSummary(s), QStringLiteral("Image"));

        StatementOutput text;
        text.status = StatementOutput::Status::Ok;
        text.data.insert(QStringLiteral("text/plain"), QStringLiteral("\n  first\nsecond"));
        s.output = text;
        QCOMPARE(StatementListModel::outputSummary(s), QStringLiteral("first …"));

        s.output.reset();
        QCOMPARE(StatementListModel::outputSummary(s), QString());
    }

    void formatsDurations()
    {
        QCOMPARE(StatementListModel::formatDuration(-1), QString());
        QCOMPARE(StatementListModel::formatDuration(850), QStringLiteral("850 ms"));
        QCOMPARE(StatementListModel::formatDuration(12'400), QStringLiteral("12.4 s"));
        QCOMPARE(StatementListModel::formatDuration(185'000), QStringLiteral("3 min 05 s"));
        QCOMPARE(StatementListModel::formatDuration(3'720'000), QStringLiteral("1 h 02 min"));
    }

    void clearRemovesAll()
    {
        StatementListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStatements({ makeStatement(0), makeStatement(1) });
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.clear();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.statement(0));
    }
};

QTEST_GUILESS_MAIN(TestStatementListModel)
#include "tst_statementlistmodel.moc"
