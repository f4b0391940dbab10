// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every endpoint job against the fake Livy: the exact request the server received (method, path, query, headers,
// body) and the decoding of a successful answer into the typed result.

#include "auth/authenticator.h"
#include "protocolharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Livy;
using namespace ProtocolTest;

Q_DECLARE_METATYPE(ProtocolTest::Endpoint)

namespace {

QJsonObject bodyOf(const FakeLivy::RecordedRequest &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Harness> h;

    FakeLivy::RecordedRequest lastRequest() const
    {
        const auto all = h->server.requests();
        return all.isEmpty() ? FakeLivy::RecordedRequest() : all.constLast();
    }

private Q_SLOTS:
    void init()
    {
        h = std::make_unique<Harness>();
        QVERIFY(h->started());
    }

    void cleanup() { h.reset(); }

    void everyRequestCarriesLivyHeaders_data()
    {
        QTest::addColumn<Endpoint>("endpoint");
        for (const Endpoint e : allEndpoints())
            QTest::newRow(endpointName(e)) << e;
    }

    void everyRequestCarriesLivyHeaders()
    {
        QFETCH(Endpoint, endpoint);
        QCOMPARE(h->idleSession(), 0);
        QVERIFY(h->statement(0, QStringLiteral("1")));
        h->server.clearRequests();

        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        QVERIFY2(job->ok(), qPrintable(job->error().toString()));
        QCOMPARE(h->server.requests().size(), 1);
        const FakeLivy::RecordedRequest r = lastRequest();
        QCOMPARE(r.method, endpointMethod(endpoint));
        QCOMPARE(QString::fromLatin1(r.rawPath), endpointPath(endpoint));
        QVERIFY(r.query.isEmpty());
        // The headers Livy needs on every request (docs/architecture.md; Connection::makeRequest).
        QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(r.header("accept"), QByteArrayLiteral("application/json"));
        QCOMPARE(r.header("x-requested-by"), QByteArrayLiteral("livydesk"));
        QVERIFY(r.header("user-agent").startsWith("LivyDesk/"));
        QVERIFY(!r.hasHeader("authorization"));
        if (r.method == "POST") {
            QCOMPARE(r.header("content-length").toInt(), r.body.size());
            QVERIFY2(QJsonDocument::fromJson(r.body).isObject(), r.body.constData()); // bodiless POSTs send {}
        } else {
            QVERIFY(r.body.isEmpty());
        }
        QCOMPARE(job->httpStatus(), endpoint == Endpoint::CreateSession || endpoint == Endpoint::SubmitStatement ? 201 : 200);
    }

    void version()
    {
        h->server.setVersion(QStringLiteral("0.8.0-incubating"));
        GetVersionJob job(h->connection.get());
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        QCOMPARE(job.version().version, QStringLiteral("0.8.0-incubating"));
        QCOMPARE(job.version().user, QStringLiteral("fakelivy"));
        QCOMPARE(job.version().branch, QStringLiteral("fake"));
        QCOMPARE(job.version().revision.size(), 40);
        QVERIFY(!job.version().date.isEmpty());
        QVERIFY(!job.version().url.isEmpty());
    }

    void listSessions()
    {
        for (int i = 0; i < 3; ++i)
            QVERIFY(h->server.createSession({ { QStringLiteral("name"), QStringLiteral("s%1").arg(i) } }) >= 0);
        ListSessionsJob all(h->connection.get());
        QVERIFY(runJob(&all));
        QVERIFY(all.ok());
        QVERIFY(lastRequest().query.isEmpty()); // server defaults (from 0, size 100)
        QCOMPARE(all.result().total, 3);
        QCOMPARE(all.result().sessions.size(), 3);
        QCOMPARE(all.result().sessions.at(2).name, QStringLiteral("s2"));

        ListSessionsJob page(h->connection.get(), 1, 1);
        QVERIFY(runJob(&page));
        QCOMPARE(lastRequest().query, (QList<QPair<QString, QString>>{ { QStringLiteral("from"), QStringLiteral("1") },
                                                                        { QStringLiteral("size"), QStringLiteral("1") } }));
        QCOMPARE(page.result().from, 1);
        QCOMPARE(page.result().total, 3);
        QCOMPARE(page.result().sessions.size(), 1);
        QCOMPARE(page.result().sessions.at(0).id, 1);
    }

    void sessionByIdAndByName()
    {
        const QString name = QStringLiteral("my session/\u00e4");
        const int id = h->idleSession({ { QStringLiteral("kind"), QStringLiteral("spark") }, { QStringLiteral("name"), name } });
        QVERIFY(id >= 0);
        const QList<Endpoint> sessionScoped = { Endpoint::GetSession, Endpoint::GetState, Endpoint::GetLog,
                                                Endpoint::ListStatements, Endpoint::SubmitStatement, Endpoint::GetStatement,
                                                Endpoint::CancelStatement, Endpoint::Completion, Endpoint::Connect,
                                                Endpoint::DeleteSession };
        for (const Endpoint e : sessionScoped) {
            h->server.clearRequests();
            std::unique_ptr<LivyJob> job(makeJob(e, h->connection.get(), SessionRef::byName(name)));
            QVERIFY(runJob(job.get()));
            QVERIFY2(job->ok(), qPrintable(QLatin1String(endpointName(e)) + QLatin1String(": ") + job->error().toString()));
            const FakeLivy::RecordedRequest r = lastRequest();
            // Path segments are percent-encoded, '/' included, so the name stays one segment.
            QCOMPARE(QString::fromLatin1(r.rawPath), endpointPath(e, QStringLiteral("my%20session%2F%C3%A4")));
        }
        QVERIFY(h->server.sessionIds().isEmpty()); // the DELETE by name reached the right session
    }

    void getSessionDecodesEveryField()
    {
        const QJsonObject request{
            { QStringLiteral("kind"), QStringLiteral("spark") },
            { QStringLiteral("name"), QStringLiteral("full") },
            { QStringLiteral("jars"), QJsonArray{ QStringLiteral("hdfs:///a.jar") } },
            { QStringLiteral("pyFiles"), QJsonArray{ QStringLiteral("hdfs:///b.py") } },
            { QStringLiteral("files"), QJsonArray{ QStringLiteral("hdfs:///c.txt") } },
            { QStringLiteral("archives"), QJsonArray{ QStringLiteral("hdfs:///d.zip") } },
            { QStringLiteral("driverMemory"), QStringLiteral("2g") },
            { QStringLiteral("driverCores"), 2 },
            { QStringLiteral("executorMemory"), QStringLiteral("4g") },
            { QStringLiteral("executorCores"), 3 },
            { QStringLiteral("numExecutors"), 4 },
            { QStringLiteral("queue"), QStringLiteral("q") },
            { QStringLiteral("conf"), QJsonObject{ { QStringLiteral("spark.x"), QStringLiteral("y") } } },
            { QStringLiteral("heartbeatTimeoutInSecond"), 60 },
            { QStringLiteral("ttl"), QStringLiteral("2h") },
            { QStringLiteral("idleTimeout"), QStringLiteral("30m") },
        };
        const int id = h->idleSession(request);
        QVERIFY(id >= 0);
        h->server.appendLog(id, { QStringLiteral("last line") });
        GetSessionJob job(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        const Session &s = job.session();
        QCOMPARE(s.id, id);
        QCOMPARE(s.name, QStringLiteral("full"));
        QCOMPARE(s.kind, QStringLiteral("spark"));
        QCOMPARE(s.state, SessionState::Idle);
        QCOMPARE(s.stateName, QStringLiteral("idle"));
        QVERIFY(s.appId.startsWith(QLatin1String("application_")));
        QVERIFY(s.owner.isNull());
        QVERIFY(s.proxyUser.isNull());
        QVERIFY(s.appInfo.value(QStringLiteral("sparkUiUrl")).startsWith(QLatin1String("http://")));
        QVERIFY(s.appInfo.contains(QStringLiteral("driverLogUrl")));
        QCOMPARE(s.log.constLast(), QStringLiteral("last line"));
        QVERIFY(s.log.size() <= 10);
        QCOMPARE(s.jars, QStringList{ QStringLiteral("hdfs:///a.jar") });
        QCOMPARE(s.pyFiles, QStringList{ QStringLiteral("hdfs:///b.py") });
        QCOMPARE(s.files, QStringList{ QStringLiteral("hdfs:///c.txt") });
        QCOMPARE(s.archives, QStringList{ QStringLiteral("hdfs:///d.zip") });
        QCOMPARE(s.driverMemory, QStringLiteral("2g"));
        QCOMPARE(s.driverCores, 2);
        QCOMPARE(s.executorMemory, QStringLiteral("4g"));
        QCOMPARE(s.executorCores, 3);
        QCOMPARE(s.numExecutors, 4);
        QCOMPARE(s.queue, QStringLiteral("q"));
        QCOMPARE(s.conf, (QMap<QString, QString>{ { QStringLiteral("spark.x"), QStringLiteral("y") } }));
        QCOMPARE(s.heartbeatTimeoutInSecond, 60);
        QCOMPARE(s.ttl, QStringLiteral("2h"));
        QCOMPARE(s.idleTimeout, QStringLiteral("30m"));
    }

    void sessionState()
    {
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        h->server.setSessionState(id, QStringLiteral("recovering"));
        GetSessionStateJob job(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        QCOMPARE(job.state().id, id);
        QCOMPARE(job.state().state, SessionState::Recovering);

        h->server.setSessionState(id, QStringLiteral("frobnicating")); // a state this client does not know
        GetSessionStateJob unknown(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&unknown));
        QVERIFY(unknown.ok());
        QCOMPARE(unknown.state().state, SessionState::Unknown);
        QCOMPARE(unknown.state().stateName, QStringLiteral("frobnicating"));
    }

    void sessionLog()
    {
        h->server.setLogCapacity(50);
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        QStringList lines;
        for (int i = 0; i < 60; ++i)
            lines.append(QStringLiteral("line %1").arg(i));
        h->server.appendLog(id, lines);

        GetSessionLogJob tail(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&tail));
        QVERIFY(tail.ok());
        QVERIFY(lastRequest().query.isEmpty()); // no from: the server answers the tail
        QCOMPARE(tail.page().id, id);
        QCOMPARE(tail.page().total, 50);
        QCOMPARE(tail.page().from, 0);
        QCOMPARE(tail.page().lines.constLast(), QStringLiteral("line 59"));

        GetSessionLogJob page(h->connection.get(), SessionRef::byId(id), 40, 5);
        QVERIFY(runJob(&page));
        QCOMPARE(lastRequest().query, (QList<QPair<QString, QString>>{ { QStringLiteral("from"), QStringLiteral("40") },
                                                                        { QStringLiteral("size"), QStringLiteral("5") } }));
        QCOMPARE(lastRequest().rawPath, QByteArrayLiteral("/sessions/0/log"));
        QCOMPARE(page.page().from, 40);
        QCOMPARE(page.page().lines, (QStringList{ QStringLiteral("line 50"), QStringLiteral("line 51"), QStringLiteral("line 52"),
                                                  QStringLiteral("line 53"), QStringLiteral("line 54") }));
    }

    void listStatements()
    {
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        for (int i = 0; i < 3; ++i)
            QVERIFY(h->statement(id, QString::number(i)));

        ListStatementsJob all(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&all));
        QVERIFY(all.ok());
        QVERIFY(lastRequest().query.isEmpty());
        QCOMPARE(all.result().total, 3);
        QCOMPARE(all.result().statements.size(), 3);
        QCOMPARE(all.result().statements.at(1).code, QStringLiteral("1"));

        ListStatementsJob desc(h->connection.get(), SessionRef::byId(id), 0, 2, ListStatementsJob::Order::Descending);
        QVERIFY(runJob(&desc));
        QCOMPARE(lastRequest().query, (QList<QPair<QString, QString>>{ { QStringLiteral("from"), QStringLiteral("0") },
                                                                        { QStringLiteral("size"), QStringLiteral("2") },
                                                                        { QStringLiteral("order"), QStringLiteral("desc") } }));
        QCOMPARE(desc.result().statements.size(), 2);
        QCOMPARE(desc.result().statements.at(0).id, 2);

        ListStatementsJob asc(h->connection.get(), SessionRef::byId(id), -1, -1, ListStatementsJob::Order::Ascending);
        QVERIFY(runJob(&asc));
        QCOMPARE(lastRequest().query, (QList<QPair<QString, QString>>{ { QStringLiteral("order"), QStringLiteral("asc") } }));
        QCOMPARE(asc.result().statements.at(0).id, 0);
    }

    void getStatementOutputs_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mime");
        QTest::newRow("text") << QStringLiteral("40+2") << QStringLiteral("text/plain");
        QTest::newRow("table") << QStringLiteral("#fake:table=2") << QStringLiteral("application/vnd.livy.table.v1+json");
        QTest::newRow("json") << QStringLiteral("#fake:json=[1,2]") << QStringLiteral("application/json");
        QTest::newRow("image") << QStringLiteral("#fake:image") << QStringLiteral("image/png");
        QTest::newRow("error") << QStringLiteral("#fake:error=NameError:name 'x' is not defined") << QString();
    }

    void getStatementOutputs()
    {
        QFETCH(QString, code);
        QFETCH(QString, mime);
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        QVERIFY(h->statement(id, code));
        GetStatementJob job(h->connection.get(), SessionRef::byId(id), 0);
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        const Statement &st = job.statement();
        QCOMPARE(st.id, 0);
        QCOMPARE(st.code, code);
        QCOMPARE(st.state, StatementState::Available);
        QCOMPARE(st.progress, 1.0);
        QVERIFY(st.started > 0);
        QVERIFY(st.completed >= st.started);
        QVERIFY(st.output.has_value());
        QCOMPARE(st.output->executionCount, 0);
        if (mime.isEmpty()) {
            QVERIFY(st.output->isError());
            QCOMPARE(st.output->ename, QStringLiteral("NameError"));
            QCOMPARE(st.output->evalue, QStringLiteral("name 'x' is not defined"));
            QCOMPARE(st.output->traceback.size(), 3);
            return;
        }
        QCOMPARE(st.output->status, StatementOutput::Status::Ok);
        QVERIFY(st.output->data.contains(mime));
        if (mime == QLatin1String("text/plain"))
            QCOMPARE(st.output->data.value(mime).toString(), QStringLiteral("42"));
        if (mime == QLatin1String("application/json"))
            QCOMPARE(st.output->data.value(mime).toArray(), (QJsonArray{ 1, 2 }));
        if (mime == QLatin1String("application/vnd.livy.table.v1+json"))
            QCOMPARE(st.output->data.value(mime).toObject().value(QLatin1String("data")).toArray().size(), 2);
        if (mime == QLatin1String("image/png"))
            QVERIFY(QByteArray::fromBase64(st.output->data.value(mime).toString().toLatin1()).startsWith("\x89PNG"));
    }

    void createSessionWithEveryField()
    {
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.proxyUser = QStringLiteral("bob");
        request.jars = QStringList{ QStringLiteral("hdfs:///a.jar") };
        request.pyFiles = QStringList{ QStringLiteral("hdfs:///b.py"), QStringLiteral("s3a://x/c.py") };
        request.files = QStringList{};
        request.archives = QStringList{ QStringLiteral("hdfs:///d.zip") };
        request.driverMemory = QStringLiteral("2g");
        request.driverCores = 2;
        request.executorMemory = QStringLiteral("4g");
        request.executorCores = 3;
        request.numExecutors = 5;
        request.queue = QStringLiteral("analytics");
        request.name = QStringLiteral("report");
        request.conf = QMap<QString, QString>{ { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("8") } };
        request.heartbeatTimeoutInSecond = 120;
        request.ttl = QStringLiteral("8h");
        request.idleTimeout = QStringLiteral("45m");
        CreateSessionJob job(h->connection.get(), request);
        QVERIFY(runJob(&job));
        QVERIFY2(job.ok(), qPrintable(job.error().toString()));

        const FakeLivy::RecordedRequest r = lastRequest();
        QCOMPARE(r.method, QByteArrayLiteral("POST"));
        QCOMPARE(r.rawPath, QByteArrayLiteral("/sessions"));
        const QJsonObject expected{
            { QStringLiteral("kind"), QStringLiteral("pyspark") },
            { QStringLiteral("proxyUser"), QStringLiteral("bob") },
            { QStringLiteral("jars"), QJsonArray{ QStringLiteral("hdfs:///a.jar") } },
            { QStringLiteral("pyFiles"), QJsonArray{ QStringLiteral("hdfs:///b.py"), QStringLiteral("s3a://x/c.py") } },
            { QStringLiteral("files"), QJsonArray{} },
            { QStringLiteral("archives"), QJsonArray{ QStringLiteral("hdfs:///d.zip") } },
            { QStringLiteral("driverMemory"), QStringLiteral("2g") },
            { QStringLiteral("driverCores"), 2 },
            { QStringLiteral("executorMemory"), QStringLiteral("4g") },
            { QStringLiteral("executorCores"), 3 },
            { QStringLiteral("numExecutors"), 5 },
            { QStringLiteral("queue"), QStringLiteral("analytics") },
            { QStringLiteral("name"), QStringLiteral("report") },
            { QStringLiteral("conf"), QJsonObject{ { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("8") } } },
            { QStringLiteral("heartbeatTimeoutInSecond"), 120 },
            { QStringLiteral("ttl"), QStringLiteral("8h") },
            { QStringLiteral("idleTimeout"), QStringLiteral("45m") },
        };
        QCOMPARE(bodyOf(r), expected);

        const Session &s = job.session();
        QCOMPARE(s.id, 0);
        QCOMPARE(s.state, SessionState::Starting);
        QCOMPARE(s.kind, QStringLiteral("pyspark"));
        QCOMPARE(s.name, QStringLiteral("report"));
        QCOMPARE(s.numExecutors, 5);
        QCOMPARE(s.idleTimeout, QStringLiteral("45m"));
        QVERIFY(s.appId.isNull()); // null until the cluster application is known
    }

    void createSessionWithNoFieldSendsEmptyObject()
    {
        CreateSessionJob job(h->connection.get(), CreateSessionRequest{});
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        QCOMPARE(lastRequest().body, QByteArrayLiteral("{}")); // unset fields omitted, never null
        QCOMPARE(job.session().kind, QStringLiteral("shared"));
    }

    void createSessionOmitsEachUnsetField()
    {
        CreateSessionRequest request;
        request.name = QStringLiteral("only-name");
        request.numExecutors = 0; // set to zero is still set
        CreateSessionJob job(h->connection.get(), request);
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        QCOMPARE(bodyOf(lastRequest()), (QJsonObject{ { QStringLiteral("name"), QStringLiteral("only-name") },
                                                      { QStringLiteral("numExecutors"), 0 } }));
        QVERIFY(!lastRequest().body.contains("null"));
    }

    void submitStatement()
    {
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        SubmitStatementJob plain(h->connection.get(), SessionRef::byId(id), StatementRequest{ QStringLiteral("1+1"), std::nullopt });
        QVERIFY(runJob(&plain));
        QVERIFY(plain.ok());
        QCOMPARE(lastRequest().body, QByteArrayLiteral(R"({"code":"1+1"})"));
        QCOMPARE(plain.statement().id, 0);
        QCOMPARE(plain.statement().state, StatementState::Waiting);
        QCOMPARE(plain.statement().code, QStringLiteral("1+1"));
        QVERIFY(!plain.statement().output.has_value());

        SubmitStatementJob withKind(h->connection.get(), SessionRef::byId(id),
                                    StatementRequest{ QStringLiteral("SELECT 1"), QStringLiteral("sql") });
        QVERIFY(runJob(&withKind));
        QVERIFY(withKind.ok());
        QCOMPARE(bodyOf(lastRequest()), (QJsonObject{ { QStringLiteral("code"), QStringLiteral("SELECT 1") },
                                                      { QStringLiteral("kind"), QStringLiteral("sql") } }));
        QCOMPARE(withKind.statement().id, 1);
    }

    void cancelStatement()
    {
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        QVERIFY(h->statement(id, QStringLiteral("#fake:duration=60000"), QStringLiteral("running")));
        CancelStatementJob job(h->connection.get(), SessionRef::byId(id), 0);
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        QCOMPARE(job.message(), QStringLiteral("canceled"));
        QCOMPARE(lastRequest().body, QByteArrayLiteral("{}"));
        QTRY_COMPARE(h->server.statementJson(id, 0).value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
    }

    void deleteSession()
    {
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        DeleteSessionJob job(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        QCOMPARE(job.message(), QStringLiteral("deleted"));
        QCOMPARE(lastRequest().method, QByteArrayLiteral("DELETE"));
        QVERIFY(lastRequest().body.isEmpty());
        QVERIFY(h->server.sessionState(id).isNull());
    }

    void completion()
    {
        const int id = h->idleSession({ { QStringLiteral("kind"), QStringLiteral("spark") } });
        QVERIFY(id >= 0);
        CompletionJob job(h->connection.get(), SessionRef::byId(id),
                          CompletionRequest{ QStringLiteral("val r = spark.re"), QStringLiteral("spark"), 16 });
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        QCOMPARE(bodyOf(lastRequest()), (QJsonObject{ { QStringLiteral("code"), QStringLiteral("val r = spark.re") },
                                                      { QStringLiteral("kind"), QStringLiteral("spark") },
                                                      { QStringLiteral("cursor"), 16 } }));
        QCOMPARE(job.result().candidates, QStringList{ QStringLiteral("read") });

        CompletionJob python(h->connection.get(), SessionRef::byId(id),
                             CompletionRequest{ QStringLiteral("spark.re"), QStringLiteral("pyspark"), 8 });
        QVERIFY(runJob(&python));
        QVERIFY(python.ok());
        QVERIFY(python.result().candidates.isEmpty());
    }

    void connectSession()
    {
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        ConnectSessionJob job(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        QCOMPARE(lastRequest().rawPath, QByteArrayLiteral("/sessions/0/connect"));
        QCOMPARE(lastRequest().body, QByteArrayLiteral("{}"));
        QCOMPARE(job.session().id, id);
        QCOMPARE(job.session().state, SessionState::Idle);
    }

    void doAsOnEveryRequest()
    {
        QCOMPARE(h->idleSession(), 0);
        QVERIFY(h->statement(0, QStringLiteral("1")));
        ConnectionSettings settings = h->settings();
        settings.doAs = QStringLiteral("ann lee&co");
        h->connection->setSettings(settings);
        for (const Endpoint e : allEndpoints()) {
            h->server.clearRequests();
            std::unique_ptr<LivyJob> job(makeJob(e, h->connection.get()));
            QVERIFY(runJob(job.get()));
            QVERIFY2(job->ok(), endpointName(e));
            QCOMPARE(lastRequest().queryValue(QStringLiteral("doAs")), QStringLiteral("ann lee&co"));
        }
        GetSessionLogJob log(h->connection.get(), SessionRef::byName(QStringLiteral("x")), 5, 10);
        log.setAutoDelete(false);
        QCOMPARE(log.url().query(QUrl::FullyEncoded), QStringLiteral("from=5&size=10&doAs=ann%20lee%26co"));
    }

    void authorizationAndExtraHeaders()
    {
        ConnectionSettings settings = h->settings();
        settings.baseUrl.setPath(QStringLiteral("/")); // a trailing slash in the configured URL
        settings.extraHeaders = { { QByteArrayLiteral("X-Gateway-Tenant"), QByteArrayLiteral("blue") } };
        settings.requestedBy = QStringLiteral("team-notebooks");
        h->connection->setSettings(settings);
        h->connection->setAuthenticator(std::make_shared<HeaderAuthenticator>(HeaderAuthenticator::bearer(QStringLiteral("abc.def"))));
        ListSessionsJob job(h->connection.get());
        QVERIFY(runJob(&job));
        QVERIFY(job.ok());
        const FakeLivy::RecordedRequest r = lastRequest();
        QCOMPARE(r.rawPath, QByteArrayLiteral("/sessions"));
        QCOMPARE(r.header("authorization"), QByteArrayLiteral("Bearer abc.def"));
        QCOMPARE(r.header("x-gateway-tenant"), QByteArrayLiteral("blue"));
        QCOMPARE(r.header("x-requested-by"), QByteArrayLiteral("team-notebooks"));
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
