// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming export: chunks appended as they come, growing to the target size, the file renamed only when complete,
// a clearly named partial file otherwise.

#include "data/pagedexport.h"
#include "scriptedqueryrunner.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Livy;

namespace {

std::shared_ptr<const TableResult> chunk(qint64 first, qint64 n)
{
    QStringList lines;
    for (qint64 i = first; i < first + n; ++i)
        lines << QStringLiteral("%1,\"name, %1\"").arg(i);
    return ScriptedQueryRunner::table({ { QStringLiteral("rows"), QStringLiteral("long") }, { QStringLiteral("text"), QStringLiteral("string") } },
                                      { QJsonArray{ n, lines.join(QLatin1Char('\n')) } });
}

const QList<TableColumn> Columns{ { QStringLiteral("id"), ColumnType::Integer, QStringLiteral("bigint"), -1 },
                                  { QStringLiteral("name, full"), ColumnType::String, QStringLiteral("string"), -1 } };

QString readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("<missing>");
    return QString::fromUtf8(f.readAll());
}

} // namespace

class TestPagedExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamsEveryRowInGrowingChunks()
    {
        QTemporaryDir dir;
        ScriptedQueryRunner runner;
        PagedExport exporter(&runner);
        exporter.setFirstChunkRows(100);
        exporter.setTargetChunkBytes(4000);
        PagedQuery q;
        q.relation = QStringLiteral("`big`");
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        QSignalSpy progress(&exporter, &PagedExport::progress);
        QSignalSpy finished(&exporter, &PagedExport::finished);
        QVERIFY(exporter.start(q, Columns, PagedQuery::ExportFormat::Csv, path, 1000));
        QVERIFY(QFile::exists(path + QStringLiteral(".part")));
        QVERIFY(!QFile::exists(path));
        qint64 done = 0;
        QList<qint64> asked;
        while (!runner.open().isEmpty()) {
            auto *query = runner.open().first();
            QCOMPARE(query->purpose, QStringLiteral("export"));
            const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("LIMIT (\\d+)(?: OFFSET (\\d+))?\\) AS chunk$")).match(query->sql);
            QVERIFY2(m.hasMatch(), qPrintable(query->sql));
            const qint64 limit = m.captured(1).toLongLong();
            QCOMPARE(m.captured(2).toLongLong(), done); // each chunk starts where the last one ended
            asked << limit;
            const qint64 n = qMin<qint64>(limit, 1000 - done);
            runner.answer(query, chunk(done, n));
            done += n;
        }
        QCOMPARE(finished.size(), 1);
        QCOMPARE(exporter.state(), PagedExport::State::Finished);
        QCOMPARE(exporter.rowsWritten(), 1000);
        QCOMPARE(asked.first(), 100);
        QVERIFY2(asked.at(1) > 100, "the second chunk is sized from the first one's bytes per row");
        QCOMPARE(progress.last().at(0).toLongLong(), 1000);
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        const QStringList lines = readAll(path).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1001);
        QCOMPARE(lines.first(), QStringLiteral("id,\"name, full\""));
        QCOMPARE(lines.at(1), QStringLiteral("0,\"name, 0\""));
        QCOMPARE(lines.last(), QStringLiteral("999,\"name, 999\""));
        QVERIFY2(exporter.summary().startsWith(QStringLiteral("Exported 1,000 rows")), qPrintable(exporter.summary()));
    }

    void endsOnAShortChunkWhenTheTotalIsUnknown()
    {
        QTemporaryDir dir;
        ScriptedQueryRunner runner;
        PagedExport exporter(&runner);
        exporter.setFirstChunkRows(10);
        exporter.setTargetChunkBytes(1); // keeps chunks small
        exporter.setMaxChunkRows(10);
        PagedQuery q;
        q.relation = QStringLiteral("`t`");
        const QString path = dir.filePath(QStringLiteral("t.jsonl"));
        QVERIFY(exporter.start(q, Columns, PagedQuery::ExportFormat::JsonLines, path));
        runner.answer(runner.open().first(), chunk(0, 10));
        QCOMPARE(exporter.state(), PagedExport::State::Running);
        runner.answer(runner.open().first(), chunk(10, 3));
        QCOMPARE(exporter.state(), PagedExport::State::Finished);
        QCOMPARE(readAll(path).count(QLatin1Char('\n')), 13); // JSON lines: no header
    }

    void aFailurePartWayLeavesANamedPartialFile()
    {
        QTemporaryDir dir;
        ScriptedQueryRunner runner;
        PagedExport exporter(&runner);
        exporter.setFirstChunkRows(10);
        exporter.setMaxChunkRows(10);
        PagedQuery q;
        q.relation = QStringLiteral("`t`");
        const QString path = dir.filePath(QStringLiteral("sales.csv"));
        QVERIFY(exporter.start(q, Columns, PagedQuery::ExportFormat::Csv, path, 50));
        runner.answer(runner.open().first(), chunk(0, 10));
        runner.fail(runner.open().first(), QStringLiteral("The session no longer exists on the server"));
        QCOMPARE(exporter.state(), PagedExport::State::Failed);
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        QCOMPARE(exporter.partialPath(), dir.filePath(QStringLiteral("sales.partial.csv")));
        QCOMPARE(readAll(exporter.partialPath()).count(QLatin1Char('\n')), 11);
        QCOMPARE(exporter.summary(), QStringLiteral("Export stopped after 10 of 50 rows (The session no longer exists on the server); "
                                                    "the rows written are in sales.partial.csv"));
    }

    void cancelStopsTheChunkOnItsWay()
    {
        QTemporaryDir dir;
        ScriptedQueryRunner runner;
        PagedExport exporter(&runner);
        PagedQuery q;
        q.relation = QStringLiteral("`t`");
        const QString path = dir.filePath(QStringLiteral("x.csv"));
        QVERIFY(exporter.start(q, Columns, PagedQuery::ExportFormat::Csv, path, 100000));
        auto *query = runner.open().first();
        exporter.cancel();
        QVERIFY(query->cancelled);
        QCOMPARE(exporter.state(), PagedExport::State::Cancelled);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("x.partial.csv"))));
        QVERIFY(!QFile::exists(path));
        QVERIFY(exporter.summary().startsWith(QStringLiteral("Export cancelled after 0 of 100,000 rows")));
    }

    void partialNames()
    {
        QCOMPARE(PagedExport::partialPathFor(QStringLiteral("/tmp/a.b.csv")), QStringLiteral("/tmp/a.b.partial.csv"));
        QCOMPARE(PagedExport::partialPathFor(QStringLiteral("/tmp/data")), QStringLiteral("/tmp/data.partial"));
        QCOMPARE(PagedExport::partialPathFor(QStringLiteral("/tmp/s.jsonl")), QStringLiteral("/tmp/s.partial.jsonl"));
    }
};

QTEST_GUILESS_MAIN(TestPagedExport)
#include "tst_pagedexport.moc"
