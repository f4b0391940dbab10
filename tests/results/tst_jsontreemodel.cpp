// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Livy;

class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nestedTree()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QJsonDocument doc = QJsonDocument::fromJson(R"({
            "name": "spark", "count": 3, "ratio": 0.25, "ok": true, "nothing": null,
            "rows": [{"id": 1, "tags": ["a", "b"]}, {"id": 2, "tags": []}],
            "odd key": {"x y": "12"}})");
        model.setJson(doc.object());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), 3);

        QHash<QString, QModelIndex> top;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex key = model.index(r, JsonTreeModel::KeyColumn);
            top.insert(key.data().toString(), key);
        }
        auto valueOf = [&](const QString &key) {
            return top.value(key).siblingAtColumn(JsonTreeModel::ValueColumn).data().toString();
        };
        auto typeOf = [&](const QString &key) {
            return top.value(key).siblingAtColumn(JsonTreeModel::TypeColumn).data().toString();
        };
        QCOMPARE(valueOf(QStringLiteral("name")), QStringLiteral("\"spark\""));
        QCOMPARE(typeOf(QStringLiteral("name")), QStringLiteral("string"));
        QCOMPARE(valueOf(QStringLiteral("count")), QStringLiteral("3"));
        QCOMPARE(valueOf(QStringLiteral("ratio")), QStringLiteral("0.25"));
        QCOMPARE(valueOf(QStringLiteral("ok")), QStringLiteral("true"));
        QCOMPARE(valueOf(QStringLiteral("nothing")), QStringLiteral("null"));
        QCOMPARE(typeOf(QStringLiteral("nothing")), QStringLiteral("null"));
        QCOMPARE(valueOf(QStringLiteral("rows")), QStringLiteral("[2 items]"));
        QCOMPARE(valueOf(QStringLiteral("odd key")), QStringLiteral("{1 key}"));
        QVERIFY(!model.hasChildren(top.value(QStringLiteral("name"))));

        const QModelIndex rows = top.value(QStringLiteral("rows"));
        QVERIFY(model.hasChildren(rows));
        QCOMPARE(model.rowCount(rows), 2);
        const QModelIndex second = model.index(1, 0, rows);
        QCOMPARE(second.data().toString(), QStringLiteral("[1]"));
        QCOMPARE(model.parent(second), rows);
        const QModelIndex tags = model.index(0, 0, model.index(0, 0, rows));
        QCOMPARE(tags.data().toString(), QStringLiteral("id"));
        const QModelIndex tagList = model.index(1, 0, model.index(0, 0, rows));
        QCOMPARE(model.rowCount(tagList), 2);
        const QModelIndex b = model.index(1, JsonTreeModel::ValueColumn, tagList);
        QCOMPARE(b.data().toString(), QStringLiteral("\"b\""));
        QCOMPARE(b.data(JsonTreeModel::PathRole).toString(), QStringLiteral("$.rows[0].tags[1]"));
        QCOMPARE(model.index(1, 0, rows).data(JsonTreeModel::CompactJsonRole).toString(),
                 QStringLiteral("{\"id\":2,\"tags\":[]}"));
        QCOMPARE(b.data(JsonTreeModel::CompactJsonRole).toString(), QStringLiteral("b"));
        QCOMPARE(model.index(0, 0, top.value(QStringLiteral("odd key"))).data(JsonTreeModel::PathRole).toString(),
                 QStringLiteral("$[\"odd key\"][\"x y\"]"));
        QCOMPARE(model.index(0, 0, top.value(QStringLiteral("odd key"))).siblingAtColumn(1).data().toString(),
                 QStringLiteral("\"12\""));
        QCOMPARE(b.data(JsonTreeModel::JsonTypeRole).toInt(), int(QJsonValue::String));
        QVERIFY(!model.index(5, 0, tagList).isValid());

        model.clear();
        QCOMPARE(reset.size(), 2);
        QCOMPARE(model.rowCount(), 0);
    }

    void scalarAndArrayRoots()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJson(QJsonValue(42));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("42"));
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("number"));
        model.setJson(QJsonArray{1, QStringLiteral("two\n\"2\""), QJsonArray{}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("\"two\\n\\\"2\\\"\""));
        QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("[0 items]"));
        QVERIFY(!model.hasChildren(model.index(2, 0)));
    }

    void bigArrayIsLazy()
    {
        QJsonArray big;
        for (int i = 0; i < 100000; ++i)
            big.append(QJsonObject{{QStringLiteral("i"), i}});
        JsonTreeModel model;
        model.setJson(QJsonObject{{QStringLiteral("big"), big}});
        const QModelIndex bigIndex = model.index(0, 0);
        QCOMPARE(model.rowCount(bigIndex), 100000);
        const QModelIndex last = model.index(99999, 0, bigIndex);
        QCOMPARE(last.data().toString(), QStringLiteral("[99999]"));
        QCOMPARE(model.index(0, 1, last).data().toString(), QStringLiteral("99999"));
        QCOMPARE(model.parent(model.index(0, 1, last)), last);
    }
};

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
