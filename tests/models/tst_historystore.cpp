// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The history database (schema, migrations, WAL, adoption of unacknowledged runs, output storage, search) and the
// threaded HistoryStore in front of it.

#include "history/historydatabase.h"
#include "history/historystore.h"
#include "livy/codec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Livy;

namespace {

HistorySession sessionA()
{
    HistorySession s;
    s.server = QStringLiteral("http://127.0.0.1:8998");
    s.profileId = QStringLiteral("p1");
    s.id = 3;
    s.identity = QStringLiteral("tag:abc");
    s.name = QStringLiteral("etl");
    s.kind = QStringLiteral("pyspark");
    return s;
}

Statement statement(int id, const QString &code, const QString &state, const QString &text = {})
{
    Statement st;
    st.id = id;
    st.code = code;
    st.stateName = state;
    st.state = statementStateFromString(state);
    if (!text.isNull()) {
        StatementOutput out;
        out.status = StatementOutput::Status::Ok;
        out.statusName = QStringLiteral("ok");
        out.executionCount = id;
        out.data.insert(Mime::TextPlain, text);
        st.output = out;
        st.progress = 1.0;
        st.started = 1'700'000'000'000 + id * 1000;
        st.completed = st.started + 500;
    }
    return st;
}

/// A finished statement's breakdown: 2 jobs, 5 stages, 1,600 tasks, 3 of them failed (one with its error).
SparkBreakdown breakdown(int statementId)
{
    const auto at = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + ms, QTimeZone::utc()); };
    SparkBreakdown b;
    b.statementId = statementId;
    b.final = true;
    b.fetchedAt = at(9'123);
    for (int j = 0; j < 2; ++j) {
        SparkJob job;
        job.jobId = j;
        job.name = QStringLiteral("count at <stdin>:%1").arg(j + 1);
        job.jobGroup = QString::number(statementId);
        job.status = j == 0 ? QStringLiteral("SUCCEEDED") : QStringLiteral("FAILED");
        job.stageIds = j == 0 ? QList<int>{ 0, 1 } : QList<int>{ 2, 3, 4 };
        job.numTasks = 800;
        job.numCompletedTasks = j == 0 ? 800 : 797;
        job.numFailedTasks = j == 0 ? 0 : 3;
        job.submissionTime = at(j * 1000);
        job.completionTime = at(j * 1000 + 900);
        b.jobs << job;
    }
    for (int i = 0; i < 5; ++i) {
        SparkStage stage;
        stage.stageId = i;
        stage.name = QStringLiteral("stage %1").arg(i);
        stage.status = i == 3 ? QStringLiteral("FAILED") : QStringLiteral("COMPLETE");
        stage.numTasks = 320;
        stage.numCompleteTasks = i == 3 ? 317 : 320;
        stage.numFailedTasks = i == 3 ? 3 : 0;
        stage.inputBytes = 5'000'000'000LL + i;
        stage.shuffleWriteBytes = 1024 * i;
        stage.submissionTime = at(i * 100);
        stage.firstTaskLaunchedTime = at(i * 100 + 7);
        stage.completionTime = at(i * 100 + 90);
        if (i == 3) {
            stage.failureReason = QStringLiteral("Job aborted due to stage failure");
            stage.failures = { SparkTaskFailure{ 4'000'000'001LL, 12, 3, QStringLiteral("2"), QStringLiteral("worker-1"),
                                                 QStringLiteral("ZeroDivisionError: division by zero\n  at line 1") } };
        }
        b.stages << stage;
    }
    return b;
}

/// Runs SQL on a database file outside HistoryDatabase (to build old or foreign files).
void rawExec(const QString &path, const QStringList &sql, QVariant *result = nullptr)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : sql) {
            QVERIFY2(q.exec(s), qPrintable(s));
            if (result && q.next())
                *result = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("h/history.sqlite")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")),
                 "Qt's SQLite driver is missing (Debian: libqt6sql6-sqlite, installed by scripts/install-deps)");
    }

    void cleanup()
    {
        QDir(m_dir.filePath(QStringLiteral("h"))).removeRecursively();
    }

    void freshDatabaseIsCurrentWalWithFullText()
    {
        HistoryDatabase db;
        QVERIFY2(db.open(path()), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), HistoryDatabase::SchemaVersion);
        QVERIFY(db.hasFullTextSearch()); // Debian's SQLite has FTS5
        db.close();
        QVariant mode;
        rawExec(path(), { QStringLiteral("PRAGMA journal_mode") }, &mode);
        QCOMPARE(mode.toString(), QStringLiteral("wal"));
    }

    void oldSchemaIsMigratedKeepingEntries()
    {
        // A version-1 database as the first LivyDesk with a history wrote it (no note column).
        QDir().mkpath(QFileInfo(path()).absolutePath());
        rawExec(path(), {
            QStringLiteral("CREATE TABLE statements (id INTEGER PRIMARY KEY, server TEXT NOT NULL, profile TEXT, "
                           "session_id INTEGER NOT NULL, session_identity TEXT NOT NULL DEFAULT '', session_name "
                           "TEXT, session_kind TEXT, app_id TEXT, statement_id INTEGER, local_key TEXT UNIQUE, code "
                           "TEXT NOT NULL, kind TEXT, state TEXT NOT NULL, progress REAL NOT NULL DEFAULT 0, "
                           "submitted INTEGER, started INTEGER, completed INTEGER, updated INTEGER NOT NULL, output "
                           "BLOB, output_compressed INTEGER NOT NULL DEFAULT 0, output_bytes INTEGER NOT NULL "
                           "DEFAULT 0, output_truncated INTEGER NOT NULL DEFAULT 0, output_text TEXT NOT NULL "
                           "DEFAULT '', UNIQUE (server, session_id, session_identity, statement_id))"),
            QStringLiteral("INSERT INTO statements (server, session_id, statement_id, code, kind, state, updated, "
                           "output_text) VALUES ('http://old', 1, 0, 'spark.range(7).count()', 'pyspark', "
                           "'available', 1, '7')"),
            QStringLiteral("PRAGMA user_version=1"),
        });
        HistoryDatabase db;
        QVERIFY2(db.open(path()), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), HistoryDatabase::SchemaVersion); // 1 -> 2 -> 3
        QVERIFY(db.hasFullTextSearch()); // the index is built over the existing rows
        HistoryQuery q;
        q.text = QStringLiteral("range");
        const QList<HistoryEntry> found = db.search(q);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().statement.code, QStringLiteral("spark.range(7).count()"));
        QCOMPARE(found.first().note, QString());
    }

    void version2IsMigratedWithAnEmptySparkColumn()
    {
        // A version-2 database as LivyDesk wrote it before Spark breakdowns (a note, no spark column).
        QDir().mkpath(QFileInfo(path()).absolutePath());
        rawExec(path(), {
            QStringLiteral("CREATE TABLE statements (id INTEGER PRIMARY KEY, server TEXT NOT NULL, profile TEXT, "
                           "session_id INTEGER NOT NULL, session_identity TEXT NOT NULL DEFAULT '', session_name "
                           "TEXT, session_kind TEXT, app_id TEXT, statement_id INTEGER, local_key TEXT UNIQUE, code "
                           "TEXT NOT NULL, kind TEXT, state TEXT NOT NULL, progress REAL NOT NULL DEFAULT 0, "
                           "submitted INTEGER, started INTEGER, completed INTEGER, updated INTEGER NOT NULL, output "
                           "BLOB, output_compressed INTEGER NOT NULL DEFAULT 0, output_bytes INTEGER NOT NULL "
                           "DEFAULT 0, output_truncated INTEGER NOT NULL DEFAULT 0, output_text TEXT NOT NULL "
                           "DEFAULT '', UNIQUE (server, session_id, session_identity, statement_id))"),
            QStringLiteral("CREATE INDEX statements_updated ON statements (updated)"),
            QStringLiteral("CREATE INDEX statements_session ON statements (server, session_id)"),
            QStringLiteral("ALTER TABLE statements ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("INSERT INTO statements (server, session_id, session_identity, statement_id, code, kind, "
                           "state, updated, output_text, note) VALUES ('http://127.0.0.1:8998', 3, 'tag:abc', 0, "
                           "'spark.range(7).count()', 'pyspark', 'available', 1, '7', 'kept')"),
            QStringLiteral("PRAGMA user_version=2"),
        });
        HistoryDatabase db;
        QVERIFY2(db.open(path()), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), HistoryDatabase::SchemaVersion); // 2 -> 3 -> 4
        const QList<HistoryEntry> found = db.search({});
        QCOMPARE(found.size(), 1);
        std::optional<HistoryEntry> e = db.load(found.first().rowId);
        QVERIFY(e);
        QCOMPARE(e->statement.code, QStringLiteral("spark.range(7).count()"));
        QCOMPARE(e->note, QStringLiteral("kept"));
        QVERIFY(!e->spark); // NULL in the new column
        // The migrated entry takes a breakdown.
        QCOMPARE(db.recordSparkBreakdown(sessionA(), breakdown(0)), e->rowId);
        QCOMPARE(db.load(e->rowId)->spark, std::optional<SparkBreakdown>(breakdown(0)));
        db.close();
        QVariant type;
        rawExec(path(), { QStringLiteral("SELECT type FROM pragma_table_info('statements') WHERE name = 'spark'") },
                &type);
        QCOMPARE(type.toString(), QStringLiteral("TEXT"));
    }

    void newerSchemaIsRefusedAndLeftAlone()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        rawExec(path(), { QStringLiteral("CREATE TABLE future (x)"), QStringLiteral("PRAGMA user_version=99") });
        HistoryDatabase db;
        QVERIFY(!db.open(path()));
        QVERIFY2(db.errorString().contains(QStringLiteral("newer LivyDesk")), qPrintable(db.errorString()));
        QVERIFY(!db.isOpen());
        QVariant version;
        rawExec(path(), { QStringLiteral("PRAGMA user_version") }, &version);
        QCOMPARE(version.toInt(), 99);
    }

    void statementIsInsertedThenUpdated()
    {
        HistoryDatabase db;
        QVERIFY(db.open(path()));
        const qint64 row = db.recordStatement(sessionA(), statement(0, QStringLiteral("1+1"), QStringLiteral("running")),
                                              QStringLiteral("pyspark"));
        QVERIFY2(row > 0, qPrintable(db.errorString()));
        const qint64 again = db.recordStatement(sessionA(), statement(0, QStringLiteral("1+1"), QStringLiteral("available"),
                                                                      QStringLiteral("2")),
                                                QStringLiteral("pyspark"));
        QVERIFY2(again == row, qPrintable(db.errorString()));
        QCOMPARE(db.count(), 1);
        const auto e = db.load(row);
        QVERIFY(e);
        QCOMPARE(e->statement.stateName, QStringLiteral("available"));
        QVERIFY(e->statement.output);
        QCOMPARE(e->statement.output->text(), QStringLiteral("2"));
        QCOMPARE(e->session, sessionA());
        QCOMPARE(e->submitted, 0); // seen, not sent by us

        // Same id, a later session (the server restarted without recovery): a new entry.
        HistorySession later = sessionA();
        later.identity = QStringLiteral("tag:def");
        QVERIFY(db.recordStatement(later, statement(0, QStringLiteral("1+1"), QStringLiteral("waiting")),
                                   QStringLiteral("pyspark"))
                != row);
        QCOMPARE(db.count(), 2);
    }

    void acknowledgedRunIsAdoptedNotDuplicated()
    {
        HistoryDatabase db;
        QVERIFY(db.open(path()));
        QVERIFY(db.recordStatement(sessionA(), statement(4, QStringLiteral("old()"), QStringLiteral("available"),
                                                         QStringLiteral("x")),
                                   QStringLiteral("pyspark"))
                > 0);
        const HistorySubmission run{ sessionA(), QStringLiteral("k1"), QStringLiteral("df.count()"),
                                     QStringLiteral("sql"), 1'700'000'100'000 };
        QVERIFY(db.recordSubmission(run));
        HistorySubmission twin = run;
        twin.localKey = QStringLiteral("k2");
        twin.submitted = 1'700'000'100'100;
        QVERIFY(db.recordSubmission(twin));
        QCOMPARE(db.count(), 3);
        // An older statement with the same code (run before) does not take a pending run.
        QVERIFY(db.recordStatement(sessionA(), statement(2, QStringLiteral("df.count()"), QStringLiteral("available"),
                                                         QStringLiteral("1")),
                                   QStringLiteral("pyspark"))
                > 0);
        QCOMPARE(db.count(), 4);
        // The POST's answer (or the reload after its timeout): the first run becomes statement 5.
        db.recordStatement(sessionA(), statement(5, QStringLiteral("df.count()"), QStringLiteral("waiting")),
                           QStringLiteral("pyspark"));
        QCOMPARE(db.count(), 4);
        db.recordStatement(sessionA(), statement(6, QStringLiteral("df.count()"), QStringLiteral("waiting")),
                           QStringLiteral("pyspark"));
        QCOMPARE(db.count(), 4);
        HistoryQuery q;
        q.text = QStringLiteral("df.count");
        const QList<HistoryEntry> found = db.search(q);
        QCOMPARE(found.size(), 3);
        // Newest first by submitted/started time: the runs keep their submission times and kind.
        QCOMPARE(found.at(0).statement.id, 6);
        QCOMPARE(found.at(0).submitted, 1'700'000'100'100);
        QCOMPARE(found.at(1).statement.id, 5);
        QCOMPARE(found.at(1).submitted, 1'700'000'100'000);
        QCOMPARE(found.at(1).kind, QStringLiteral("sql"));
        QCOMPARE(found.at(2).statement.id, 2);
    }

    void refusedRunKeepsItsCodeAndReason()
    {
        HistoryDatabase db;
        QVERIFY(db.open(path()));
        QVERIFY(db.recordSubmission({ sessionA(), QStringLiteral("k"), QStringLiteral("boom()"), QStringLiteral("pyspark"),
                                      1000 }));
        QVERIFY(db.markSubmissionFailed(QStringLiteral("k"), QStringLiteral("Session 3 is in state dead")));
        HistoryQuery q;
        q.state = QStringLiteral("unsent");
        const QList<HistoryEntry> found = db.search(q);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().statement.id, -1);
        QCOMPARE(found.first().statement.code, QStringLiteral("boom()"));
        QCOMPARE(found.first().note, QStringLiteral("Session 3 is in state dead"));
    }

    void largeOutputIsCompressedAndRestored()
    {
        HistoryLimits limits;
        limits.compressAbove = 1024;
        StatementOutput out;
        out.status = StatementOutput::Status::Ok;
        out.statusName = QStringLiteral("ok");
        out.executionCount = 3;
        out.data.insert(Mime::TextPlain, QString(200'000, QLatin1Char('a')));
        QJsonObject table{ { QStringLiteral("headers"), QJsonArray{ QJsonObject{ { QStringLiteral("name"), QStringLiteral("n") },
                                                                                  { QStringLiteral("type"), QStringLiteral("INT_TYPE") } } } },
                           { QStringLiteral("data"), QJsonArray{ QJsonArray{ 1 }, QJsonArray{ 2 } } } };
        out.data.insert(Mime::Table, table);
        const StoredOutput stored = storeOutput(out, limits);
        QVERIFY(stored.compressed);
        QVERIFY(!stored.truncated);
        QVERIFY(stored.blob.size() < 10'000);
        QCOMPARE(stored.originalBytes, QJsonDocument(outputToJson(out)).toJson(QJsonDocument::Compact).size());
        const auto back = restoreOutput(stored.blob, stored.compressed);
        QVERIFY(back);
        QCOMPARE(*back, out);
    }

    void outputOverTheCapIsTruncatedWithANote()
    {
        HistoryLimits limits;
        limits.outputCap = 64 * 1024;
        HistoryDatabase db;
        QVERIFY(db.open(path(), limits));
        Statement st = statement(1, QStringLiteral("print('x' * 10**6)"), QStringLiteral("available"),
                                 QString(1'000'000, QLatin1Char('x')));
        st.output->data.insert(Mime::ImagePng, QString(100'000, QLatin1Char('A')));
        const qint64 row = db.recordStatement(sessionA(), st, QStringLiteral("pyspark"));
        const auto e = db.load(row);
        QVERIFY(e && e->statement.output);
        QVERIFY(e->outputTruncated);
        QVERIFY(e->outputBytes > 1'000'000);
        QVERIFY(e->note.contains(QStringLiteral("only the beginning")));
        const QString text = e->statement.output->text();
        QVERIFY(text.size() > 32 * 1024 && text.size() <= 64 * 1024);
        QVERIFY(text.startsWith(QStringLiteral("xxxx")));
        QVERIFY(!e->statement.output->hasData(Mime::ImagePng));
    }

    void searchAndFilters()
    {
        HistoryDatabase db;
        QVERIFY(db.open(path()));
        HistorySession other = sessionA();
        other.server = QStringLiteral("https://livy.example:8443");
        other.id = 9;
        db.recordStatement(sessionA(), statement(0, QStringLiteral("spark.read.parquet('/data/sales')"),
                                                 QStringLiteral("available"), QStringLiteral("DataFrame[id: int]")),
                           QStringLiteral("pyspark"));
        db.recordStatement(sessionA(), statement(1, QStringLiteral("1/0"), QStringLiteral("available"),
                                                 QStringLiteral("ZeroDivisionError")),
                           QStringLiteral("pyspark"));
        db.recordStatement(other, statement(0, QStringLiteral("SELECT * FROM sales"), QStringLiteral("running")),
                           QStringLiteral("sql"));
        auto ids = [&](const HistoryQuery &q) {
            QStringList out;
            for (const HistoryEntry &e : db.search(q))
                out << QStringLiteral("%1/%2").arg(e.session.id).arg(e.statement.id);
            out.sort();
            return out;
        };
        HistoryQuery q;
        QCOMPARE(ids(q), QStringList({ QStringLiteral("3/0"), QStringLiteral("3/1"), QStringLiteral("9/0") }));
        q.text = QStringLiteral("sales");
        QCOMPARE(ids(q), QStringList({ QStringLiteral("3/0"), QStringLiteral("9/0") }));
        q.text = QStringLiteral("spark.rea"); // word prefixes
        QCOMPARE(ids(q), QStringList({ QStringLiteral("3/0") }));
        q.text = QStringLiteral("zerodivision"); // in the output, case-insensitive
        QCOMPARE(ids(q), QStringList({ QStringLiteral("3/1") }));
        q.text = QStringLiteral("\"unbalanced ' quote*"); // never an FTS syntax error
        QCOMPARE(ids(q), QStringList());
        q = {};
        q.server = other.server;
        QCOMPARE(ids(q), QStringList({ QStringLiteral("9/0") }));
        q = {};
        q.kind = QStringLiteral("pyspark");
        q.sessionId = 3;
        q.state = QStringLiteral("available");
        QCOMPARE(ids(q).size(), 2);
        q = {};
        q.from = QDateTime::fromMSecsSinceEpoch(1'700'000'000'500);
        q.to = QDateTime::fromMSecsSinceEpoch(1'700'000'001'500);
        QCOMPARE(ids(q), QStringList({ QStringLiteral("3/1") }));
        const HistoryFacets f = db.facets();
        QCOMPARE(f.servers.size(), 2);
        QCOMPARE(f.kinds, QStringList({ QStringLiteral("pyspark"), QStringLiteral("sql") }));
        QCOMPARE(f.states, QStringList({ QStringLiteral("available"), QStringLiteral("running") }));
        QCOMPARE(f.sessions.size(), 2);
        // Deleting removes the entries and their search index rows.
        QCOMPARE(db.remove({ db.search({}).first().rowId }), 1);
        QCOMPARE(db.count(), 2);
    }

    void likeFallbackFindsTheSame()
    {
        {
            HistoryDatabase db;
            QVERIFY(db.open(path()));
            db.recordStatement(sessionA(), statement(0, QStringLiteral("spark.read.csv('50%_sample')"),
                                                     QStringLiteral("available"), QStringLiteral("loaded")),
                               QStringLiteral("pyspark"));
            db.recordStatement(sessionA(), statement(1, QStringLiteral("x = 1"), QStringLiteral("available"),
                                                     QStringLiteral("nothing")),
                               QStringLiteral("pyspark"));
        }
        HistoryDatabase like(HistoryDatabase::Search::Like);
        QVERIFY(like.open(path()));
        QVERIFY(!like.hasFullTextSearch());
        HistoryQuery q;
        q.text = QStringLiteral("read.csv");
        QCOMPARE(like.search(q).size(), 1);
        q.text = QStringLiteral("LOADED"); // case-insensitive, in the output
        QCOMPARE(like.search(q).size(), 1);
        q.text = QStringLiteral("50%_"); // wildcards are literal
        QCOMPARE(like.search(q).size(), 1);
        q.text = QStringLiteral("0%_s");
        QCOMPARE(like.search(q).size(), 1);
        q.text = QStringLiteral("%");
        QCOMPARE(like.search(q).size(), 1);
    }

    void sparkBreakdownIsKeptWithItsStatement()
    {
        HistoryDatabase db;
        QVERIFY(db.open(path()));
        const qint64 row = db.recordStatement(sessionA(), statement(4, QStringLiteral("df.count()"), QStringLiteral("available"),
                                                                    QStringLiteral("1600")),
                                              QStringLiteral("pyspark"));
        QVERIFY(row > 0);
        const SparkBreakdown original = breakdown(4);
        QCOMPARE(db.recordSparkBreakdown(sessionA(), original), row);
        std::optional<HistoryEntry> e = db.load(row);
        QVERIFY(e && e->spark);
        QCOMPARE(*e->spark, original);
        QCOMPARE(e->spark->summary(e->spark->fetchedAt).isEmpty(), false);
        QVERIFY(!db.search({}).first().spark); // search results stay light
        // The same breakdown again changes nothing.
        const qint64 updated = e->updated;
        QTest::qWait(5);
        QCOMPARE(db.recordSparkBreakdown(sessionA(), original), row);
        QCOMPARE(db.load(row)->updated, updated);
        // A later look replaces it.
        SparkBreakdown later = original;
        later.stages[3].failures.clear();
        QCOMPARE(db.recordSparkBreakdown(sessionA(), later), row);
        QCOMPARE(*db.load(row)->spark, later);
        QCOMPARE(db.recordSparkBreakdown(sessionA(), original), row);
        // Only the entry of that statement of that session: another identity, id or statement has none.
        HistorySession other = sessionA();
        other.identity = QStringLiteral("tag:other");
        QCOMPARE(db.recordSparkBreakdown(other, original), 0);
        QCOMPARE(db.recordSparkBreakdown(sessionA(), breakdown(5)), 0);
        QCOMPARE(db.count(), 1);
        // Read back per session, statement ids from the entries.
        QVERIFY(db.recordStatement(sessionA(), statement(2, QStringLiteral("x"), QStringLiteral("available"), QStringLiteral("1")),
                                   QStringLiteral("pyspark")) > 0);
        QVERIFY(db.recordStatement(sessionA(), statement(7, QStringLiteral("y"), QStringLiteral("available"), QStringLiteral("1")),
                                   QStringLiteral("pyspark")) > 0);
        QVERIFY(db.recordSparkBreakdown(sessionA(), breakdown(2)) > 0);
        QCOMPARE(db.sparkBreakdowns(sessionA()), QList<SparkBreakdown>({ breakdown(2), original }));
        QVERIFY(db.sparkBreakdowns(other).isEmpty());
        HistorySession otherId = sessionA();
        otherId.id = 4;
        QVERIFY(db.sparkBreakdowns(otherId).isEmpty());
        // A damaged one is left out, not fatal.
        const qint64 damaged = db.recordStatement(sessionA(), statement(9, QStringLiteral("z"), QStringLiteral("available"),
                                                                        QStringLiteral("1")),
                                                  QStringLiteral("pyspark"));
        db.close();
        rawExec(path(), { QStringLiteral("UPDATE statements SET spark = '{\"jobs\": 3' WHERE id = %1").arg(damaged) });
        QVERIFY(db.open(path()));
        QCOMPARE(db.sparkBreakdowns(sessionA()).size(), 2);
        QVERIFY(!db.load(damaged)->spark);
    }

    void storeWritesOffTheGuiThreadAndFinishesOnClose()
    {
        {
            HistoryStore store;
            QSignalSpy opened(&store, &HistoryStore::opened);
            store.open(path());
            // Calls made before the database is open are queued behind it.
            const QString key = store.recordSubmission(sessionA(), QStringLiteral("spark.range(10).count()"),
                                                       QStringLiteral("pyspark"));
            QVERIFY(!key.isEmpty());
            for (int i = 0; i < 200; ++i)
                store.recordStatement(sessionA(), statement(i, QStringLiteral("x = %1").arg(i), QStringLiteral("available"),
                                                            QString::number(i)),
                                      QStringLiteral("pyspark"));
            QTRY_COMPARE(opened.count(), 1);
            QCOMPARE(opened.first().at(0).toBool(), true);
            QVERIFY(store.isOpen());
            QVERIFY(store.hasFullTextSearch());
            // Destroyed with writes possibly still queued: all of them land.
        }
        HistoryDatabase db;
        QVERIFY(db.open(path()));
        // Statement 0 did not adopt the run: its code differs.
        QCOMPARE(db.count(), 201);
    }

    void storeAnswersSearchesAndLoads()
    {
        HistoryStore store;
        store.open(path());
        QSignalSpy changed(&store, &HistoryStore::changed);
        store.recordStatement(sessionA(), statement(0, QStringLiteral("spark.version"), QStringLiteral("available"),
                                                    QStringLiteral("3.5.1")),
                              QStringLiteral("pyspark"));
        QVERIFY(changed.wait(2000));
        QSignalSpy found(&store, &HistoryStore::searchFinished);
        HistoryQuery q;
        q.text = QStringLiteral("version");
        const int ticket = store.search(q);
        QVERIFY(found.wait(2000));
        QCOMPARE(found.first().at(0).toInt(), ticket);
        const auto entries = found.first().at(1).value<QList<HistoryEntry>>();
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries.first().outputLoaded);
        QSignalSpy loaded(&store, &HistoryStore::loaded);
        const int loadTicket = store.load(entries.first().rowId);
        QVERIFY(loaded.wait(2000));
        QCOMPARE(loaded.first().at(0).toInt(), loadTicket);
        const auto entry = loaded.first().at(1).value<std::optional<HistoryEntry>>();
        QVERIFY(entry && entry->statement.output);
        QCOMPARE(entry->statement.output->text(), QStringLiteral("3.5.1"));
        QSignalSpy removed(&store, &HistoryStore::removed);
        store.remove({ entry->rowId });
        QVERIFY(removed.wait(2000));
        QCOMPARE(removed.first().at(0).toInt(), 1);
        store.load(entry->rowId);
        QVERIFY(loaded.wait(2000));
        QVERIFY(!loaded.last().at(1).value<std::optional<HistoryEntry>>());
    }

    void storeKeepsAndReturnsSparkBreakdowns()
    {
        HistoryStore store;
        store.open(path());
        QSignalSpy changed(&store, &HistoryStore::changed);
        QSignalSpy ready(&store, &HistoryStore::sparkBreakdownsReady);
        // Nothing stored yet for the session: an empty answer.
        int ticket = store.requestSparkBreakdowns(sessionA());
        QVERIFY(ready.wait(2000));
        QCOMPARE(ready.first().at(0).toInt(), ticket);
        QVERIFY(ready.first().at(1).value<QList<SparkBreakdown>>().isEmpty());
        // Writes are applied in order: the statement, then its breakdown.
        store.recordStatement(sessionA(), statement(1, QStringLiteral("df.join(other).count()"), QStringLiteral("available"),
                                                    QStringLiteral("42")),
                              QStringLiteral("pyspark"));
        const SparkBreakdown original = breakdown(1);
        store.recordSparkBreakdown(sessionA(), original);
        store.recordSparkBreakdown(sessionA(), original); // twice: harmless
        ticket = store.requestSparkBreakdowns(sessionA());
        QVERIFY(ready.wait(2000));
        QCOMPARE(ready.last().at(0).toInt(), ticket);
        const auto breakdowns = ready.last().at(1).value<QList<SparkBreakdown>>();
        QCOMPARE(breakdowns.size(), 1);
        QCOMPARE(breakdowns.first(), original);
        QVERIFY(changed.wait(2000));
        QSignalSpy found(&store, &HistoryStore::searchFinished);
        store.search({});
        QVERIFY(found.wait(2000));
        const auto entries = found.first().at(1).value<QList<HistoryEntry>>();
        QCOMPARE(entries.size(), 1);
        QSignalSpy loaded(&store, &HistoryStore::loaded);
        store.load(entries.first().rowId);
        QVERIFY(loaded.wait(2000));
        const auto entry = loaded.first().at(1).value<std::optional<HistoryEntry>>();
        QVERIFY(entry && entry->spark);
        QCOMPARE(*entry->spark, original);
    }

    void unusableDatabaseIsReportedAndIgnored()
    {
        QDir().mkpath(QFileInfo(path()).absolutePath());
        QFile junk(path());
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'z')); // not a database
        junk.close();
        HistoryStore store;
        QSignalSpy opened(&store, &HistoryStore::opened);
        store.open(path());
        QVERIFY(opened.wait(2000));
        QCOMPARE(opened.first().at(0).toBool(), false);
        QVERIFY(!opened.first().at(1).toString().isEmpty());
        store.recordStatement(sessionA(), statement(0, QStringLiteral("x"), QStringLiteral("waiting")),
                              QStringLiteral("pyspark"));
        store.waitForIdle();
        QFile check(path());
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray(4096, 'z')); // left as it was
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
