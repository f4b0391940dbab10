// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Schema 4 of the history: the create body of every session LivyDesk created (session_records) and each session's
// setup statements (setup_statements), through SessionRecords and HistoryStore; CreatedSessionRecorder against the
// fake Livy; the templates' setup in SessionPresetStore.

#include "fakeserverfixture.h"
#include "history/historydatabase.h"
#include "history/historystore.h"
#include "history/sessionrecords.h"
#include "lifecycle/createdsessionrecorder.h"
#include "livy/createsessionjob.h"
#include "livy/sessionidentity.h"
#include "profiles/sessionpresetstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Livy;

namespace {

HistorySession sessionA(int id = 3, const QString &identity = QStringLiteral("tag:a"))
{
    HistorySession s;
    s.server = QStringLiteral("http://127.0.0.1:8998");
    s.profileId = QStringLiteral("p1");
    s.id = id;
    s.identity = identity;
    s.name = QStringLiteral("etl");
    s.kind = QStringLiteral("pyspark");
    return s;
}

SessionRecord recordA(int id = 3, const QString &identity = QStringLiteral("tag:a"), qint64 created = 1000)
{
    SessionRecord r;
    r.session = sessionA(id, identity);
    r.request.kind = QStringLiteral("pyspark");
    r.request.name = QStringLiteral("etl");
    r.request.ttl = QStringLiteral("90s");
    r.request.conf = QMap<QString, QString>{ { SessionTagKey, identity.mid(4) } };
    r.createdMs = created;
    return r;
}

Statement ran(int id, const QString &code)
{
    Statement st;
    st.id = id;
    st.code = code;
    st.state = StatementState::Available;
    st.stateName = QStringLiteral("available");
    return st;
}

} // namespace

class TestSessionRecords : public FakeServerTest
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QFile::remove(path()); }

    void recordsKeepTheExactBodyAndAreFoundByProfileIdOrName()
    {
        HistoryDatabase db;
        QVERIFY2(db.open(path()), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), 4);
        SessionRecords records(db.connectionName());
        const qint64 row = records.record(recordA());
        QVERIFY2(row > 0, qPrintable(records.errorString()));
        // A later session with the same id (the server restarted) is another record.
        QVERIFY(records.record(recordA(3, QStringLiteral("tag:b"), 2000)) > row);

        std::optional<SessionRecord> r = records.find(QStringLiteral("p1"), 3);
        QVERIFY(r);
        QCOMPARE(r->session.identity, QStringLiteral("tag:b")); // the newest
        r = records.find(QStringLiteral("http://127.0.0.1:8998"), 3, {}, QStringLiteral("tag:a"));
        QVERIFY(r);
        QCOMPARE(r->request, recordA().request);
        QCOMPARE(r->createdMs, 1000);
        r = records.find(QStringLiteral("p1"), -1, QStringLiteral("etl"));
        QVERIFY(r);
        QVERIFY(!records.find(QStringLiteral("p2"), 3));
        QCOMPARE(records.list(QStringLiteral("p1")).size(), 2);

        // Recorded again (the recorder and the recreator both write): the first body stays, annotations join.
        SessionRecord again = recordA();
        again.request.ttl = QStringLiteral("1h");
        again.replacesSessionId = 1;
        again.templateName = QStringLiteral("etl template");
        QCOMPARE(records.record(again), row);
        r = records.find(QStringLiteral("p1"), 3, {}, QStringLiteral("tag:a"));
        QCOMPARE(r->request.ttl, std::optional<QString>(QStringLiteral("90s")));
        QCOMPARE(r->replacesSessionId, 1);
        QCOMPARE(r->templateName, QStringLiteral("etl template"));
    }

    void setupIsMarkedByStatementInOrder()
    {
        HistoryDatabase db;
        QVERIFY(db.open(path()));
        const qint64 a = db.recordStatement(sessionA(), ran(0, QStringLiteral("import os")), QStringLiteral("pyspark"));
        const qint64 b = db.recordStatement(sessionA(), ran(1, QStringLiteral("df = spark.range(5)")), QStringLiteral("pyspark"));
        const qint64 c = db.recordStatement(sessionA(), ran(2, QStringLiteral("SELECT 1")), QStringLiteral("sql"));
        SessionRecords records(db.connectionName());
        QVERIFY(records.markSetup(c));
        QVERIFY(records.markSetup(a));
        QVERIFY(records.markSetup(a)); // once only
        QList<SetupEntry> setup = records.setup(sessionA());
        QCOMPARE(setup.size(), 2);
        QCOMPARE(setup.at(0).statement, (SetupStatement{ QStringLiteral("SELECT 1"), QStringLiteral("sql") }));
        QCOMPARE(setup.at(0).historyRowId, c);
        QCOMPARE(setup.at(1).statement.code, QStringLiteral("import os"));
        QVERIFY(!records.markSetup(999)); // no such entry
        // Reordered (the whole list written back), with b added.
        QVERIFY(records.setSetup(sessionA(), { setup.at(1).statement, { QStringLiteral("df = spark.range(5)"), {} },
                                               setup.at(0).statement },
                                 { a, b, c }));
        setup = records.setup(sessionA());
        QCOMPARE(setup.size(), 3);
        QCOMPARE(setup.at(1).historyRowId, b);
        const std::optional<HistorySession> from = records.unmarkSetup(b);
        QVERIFY(from);
        QCOMPARE(from->id, 3);
        QCOMPARE(records.setup(sessionA()).size(), 2);
        QVERIFY(!records.unmarkSetup(b));
        // Deleting the history entry keeps the setup statement (its code is copied).
        QCOMPARE(db.remove({ a }), 1);
        setup = records.setup(sessionA());
        QCOMPARE(setup.size(), 2);
        QCOMPARE(setup.at(0).historyRowId, -1);
        QCOMPARE(setup.at(0).statement.code, QStringLiteral("import os"));
        QVERIFY(records.setup(sessionA(3, QStringLiteral("tag:other"))).isEmpty()); // per session identity
    }

    void version3IsMigrated()
    {
        {
            HistoryDatabase db;
            QVERIFY(db.open(path()));
            db.recordStatement(sessionA(), ran(0, QStringLiteral("1")), QStringLiteral("pyspark"));
            QSqlQuery q(QSqlDatabase::database(db.connectionName(), false));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE setup_statements")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE session_records")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=3")));
        }
        HistoryDatabase db;
        QVERIFY2(db.open(path()), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), 4);
        QCOMPARE(db.count(), 1);
        QVERIFY(SessionRecords(db.connectionName()).record(recordA()) > 0);
    }

    void storeAnswersAndSaysWhenASetupChanged()
    {
        HistoryStore store;
        QSignalSpy opened(&store, &HistoryStore::opened);
        store.open(path());
        QVERIFY(opened.wait());
        store.recordStatement(sessionA(), ran(0, QStringLiteral("import os")), QStringLiteral("pyspark"));
        QSignalSpy found(&store, &HistoryStore::searchFinished);
        store.search({});
        QVERIFY(found.wait());
        const qint64 row = found.first().at(1).value<QList<HistoryEntry>>().constFirst().rowId;
        QSignalSpy changed(&store, &HistoryStore::setupChanged);
        store.markSetup(row);
        QVERIFY(changed.wait());
        QCOMPARE(changed.first().first().value<HistorySession>().id, 3);
        QSignalSpy setup(&store, &HistoryStore::setupReady);
        const int ticket = store.requestSetup(sessionA());
        QVERIFY(setup.wait());
        QCOMPARE(setup.first().at(0).toInt(), ticket);
        QCOMPARE(setup.first().at(1).value<QList<SetupEntry>>().size(), 1);
        store.recordSession(recordA());
        QSignalSpy records(&store, &HistoryStore::sessionRecordsReady);
        store.requestSessionRecords(QStringLiteral("p1"));
        QVERIFY(records.wait());
        QCOMPARE(records.first().at(1).value<QList<SessionRecord>>().size(), 1);
    }

    void everyCreatedSessionIsRecordedWhoeverSendsIt()
    {
        QVERIFY(m_fixture.setUp(this));
        HistoryStore store;
        store.open(path());
        CreatedSessionRecorder recorder(m_connection, &store, m_server->url().toString(), QStringLiteral("p1"));
        recorder.setClock([] { return qint64(4242); });
        QSignalSpy recorded(&recorder, &CreatedSessionRecorder::recorded);
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.ttl = QStringLiteral("90s");
        request.conf = QMap<QString, QString>{ { SessionTagKey, QStringLiteral("t1") } };
        auto *job = new CreateSessionJob(m_connection, request);
        job->start();
        QVERIFY(recorded.wait());
        const SessionRecord r = recorded.first().first().value<SessionRecord>();
        QCOMPARE(r.request, request);
        QCOMPARE(r.createdMs, 4242);
        QCOMPARE(r.session.identity, QStringLiteral("tag:t1"));
        QSignalSpy ready(&store, &HistoryStore::sessionRecordReady);
        store.requestSessionRecord(QStringLiteral("p1"), r.session.id);
        QVERIFY(ready.wait());
        QCOMPARE(ready.first().at(1).value<std::optional<SessionRecord>>()->request, request);
        // A refused create is not recorded.
        m_server->addFault("POST", QStringLiteral("/sessions"), FakeLivy::Fault::replace(400, R"({"msg":"no"})"));
        auto *refused = new CreateSessionJob(m_connection, request);
        QSignalSpy done(refused, &LivyJob::finished);
        refused->start();
        QVERIFY(done.wait());
        QCOMPARE(recorded.size(), 1);
        m_fixture.tearDown();
    }

    void presetsCarrySetupStatements()
    {
        QSettings().clear();
        LivyDesk::SessionPresetStore presets;
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        presets.save(QStringLiteral("plain"), request); // a preset from before templates
        QCOMPARE(presets.recipe(QStringLiteral("plain"))->setup.size(), 0);
        presets.setSetup(QStringLiteral("plain"), { { QStringLiteral("import os"), {} } });
        QCOMPARE(presets.setup(QStringLiteral("plain")).size(), 1);
        presets.setSetup(QStringLiteral("missing"), { { QStringLiteral("x"), {} } }); // no preset: nothing kept
        QVERIFY(presets.setup(QStringLiteral("missing")).isEmpty());
        QCOMPARE(presets.names(), QStringList{ QStringLiteral("plain") });
        presets.remove(QStringLiteral("plain"));
        QVERIFY(!presets.recipe(QStringLiteral("plain")));
        QVERIFY(presets.setup(QStringLiteral("plain")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSessionRecords)
#include "tst_sessionrecords.moc"
