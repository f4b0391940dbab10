// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Transport faults against every endpoint job: timeouts (the configured one; DELETE's longer one), refused
// connections, malformed JSON, wrong types, missing fields, truncated bodies, dropped connections, HTTP errors,
// abandon(). Each must end in one clear LivyError of the right kind: no crash, no assert, no hang, and no POST
// ever reaches the server twice.

#include "protocolharness.h"

#include <QPointer>

using namespace Livy;
using namespace ProtocolTest;

Q_DECLARE_METATYPE(ProtocolTest::Endpoint)

namespace {

QList<Endpoint> postEndpoints()
{
    QList<Endpoint> out;
    for (const Endpoint e : allEndpoints()) {
        if (endpointMethod(e) == "POST")
            out.append(e);
    }
    return out;
}

void addEndpointRows(const QList<Endpoint> &endpoints)
{
    QTest::addColumn<Endpoint>("endpoint");
    for (const Endpoint e : endpoints)
        QTest::newRow(endpointName(e)) << e;
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Harness> h;

    void setTimeouts(std::chrono::milliseconds request, std::chrono::milliseconds del)
    {
        ConnectionSettings s = h->settings();
        s.requestTimeout = request;
        s.deleteTimeout = del;
        h->connection->setSettings(s);
    }

    /// The requests for this endpoint's method and path that reached the server.
    qsizetype hits(Endpoint e) const { return h->server.requests(endpointMethod(e), endpointPath(e)).size(); }

    /// A session 0 with a finished statement 0, so that every endpoint job has something to address.
    bool prepare()
    {
        return h->idleSession() == 0 && h->statement(0, QStringLiteral("1"));
    }

private Q_SLOTS:
    void init()
    {
        h = std::make_unique<Harness>();
        QVERIFY(h->started());
    }

    void cleanup() { h.reset(); }

    // ---- timeouts ----

    void timeoutOnEveryEndpoint_data() { addEndpointRows(allEndpoints()); }

    void timeoutOnEveryEndpoint()
    {
        QFETCH(Endpoint, endpoint);
        QVERIFY(prepare());
        setTimeouts(std::chrono::milliseconds(150), std::chrono::milliseconds(150));
        h->server.clearRequests();
        h->server.addFault({}, QStringLiteral(".*"), FakeLivy::Fault::noAnswer(), FakeLivy::Server::Forever);
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        QCOMPARE(job->error().kind(), LivyError::Kind::Timeout);
        QCOMPARE(job->httpStatus(), 0);
        QVERIFY2(job->error().message().contains(job->describe()), qPrintable(job->error().message()));
        QVERIFY(job->error().isTransient());
        QCOMPARE(hits(endpoint), 1); // a timed-out request is never sent again
    }

    void timeoutIsTheConfiguredOne()
    {
        setTimeouts(std::chrono::seconds(60), std::chrono::seconds(60));
        h->server.addFault("GET", QStringLiteral("/version"), FakeLivy::Fault::delay(300));
        GetVersionJob slowButInTime(h->connection.get());
        QVERIFY(runJob(&slowButInTime));
        QVERIFY2(slowButInTime.ok(), qPrintable(slowButInTime.error().toString()));

        setTimeouts(std::chrono::milliseconds(100), std::chrono::seconds(60));
        h->server.addFault("GET", QStringLiteral("/version"), FakeLivy::Fault::delay(3000));
        GetVersionJob tooSlow(h->connection.get());
        QVERIFY(runJob(&tooSlow));
        QCOMPARE(tooSlow.error().kind(), LivyError::Kind::Timeout);
        QVERIFY2(tooSlow.error().message().contains(QLatin1String("0.1 s")), qPrintable(tooSlow.error().message()));
    }

    void deleteUsesItsLongerTimeout()
    {
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        // DELETE blocks on the server: far longer than the request timeout, well within the DELETE timeout.
        setTimeouts(std::chrono::milliseconds(100), std::chrono::seconds(60));
        h->server.setDeleteDelay(500);
        DeleteSessionJob slowDelete(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&slowDelete));
        QVERIFY2(slowDelete.ok(), qPrintable(slowDelete.error().toString()));
        QCOMPARE(slowDelete.message(), QStringLiteral("deleted"));

        // ... and the DELETE timeout, not the request timeout, ends a DELETE that never answers.
        const int other = h->idleSession();
        QVERIFY(other >= 0);
        setTimeouts(std::chrono::seconds(60), std::chrono::milliseconds(150));
        h->server.addFault("DELETE", QStringLiteral("/sessions/\\d+"), FakeLivy::Fault::noAnswer());
        DeleteSessionJob hung(h->connection.get(), SessionRef::byId(other));
        QVERIFY(runJob(&hung));
        QCOMPARE(hung.error().kind(), LivyError::Kind::Timeout);
    }

    // ---- connection-level failures ----

    void refusedConnection_data() { addEndpointRows(allEndpoints()); }

    void refusedConnection()
    {
        QFETCH(Endpoint, endpoint);
        h->server.stop(); // nothing listens on this port any more
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        QCOMPARE(job->error().kind(), LivyError::Kind::Network);
        QCOMPARE(job->httpStatus(), 0);
        QVERIFY2(job->error().message().contains(QLatin1String("refused")), qPrintable(job->error().message()));
        QVERIFY2(job->error().message().contains(QLatin1String("127.0.0.1")), qPrintable(job->error().message()));
    }

    void droppedConnection_data() { addEndpointRows(allEndpoints()); }

    void droppedConnection()
    {
        QFETCH(Endpoint, endpoint);
        QVERIFY(prepare());
        h->server.clearRequests();
        h->server.addFault({}, QStringLiteral(".*"), FakeLivy::Fault::dropConnection(), FakeLivy::Server::Forever);
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        QCOMPARE(job->error().kind(), LivyError::Kind::Network);
        QVERIFY2(!job->error().message().isEmpty() && !job->error().message().contains(QLatin1Char('\n')),
                 qPrintable(job->error().message()));
        QVERIFY2(job->error().message().contains(QLatin1String("closed the connection")), qPrintable(job->error().message()));
        QVERIFY(hits(endpoint) >= 1);
        if (endpointMethod(endpoint) == "POST") {
            QCOMPARE(hits(endpoint), 1); // Qt re-sends on a closed connection; never for our POSTs
            QVERIFY2(job->error().message().contains(QLatin1String("did not send it again")), qPrintable(job->error().message()));
        }
    }

    void truncatedBody_data() { addEndpointRows(allEndpoints()); }

    void truncatedBody()
    {
        QFETCH(Endpoint, endpoint);
        QVERIFY(prepare());
        h->server.clearRequests();
        h->server.addFault({}, QStringLiteral(".*"), FakeLivy::Fault::truncatedBody(), FakeLivy::Server::Forever);
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        QVERIFY(!job->ok());
        QCOMPARE(job->error().kind(), LivyError::Kind::Network);
        QVERIFY2(job->error().message().contains(QLatin1String("cut off")), qPrintable(job->error().toString()));
        QVERIFY(job->httpStatus() == 200 || job->httpStatus() == 201);
        if (endpointMethod(endpoint) == "POST")
            QCOMPARE(hits(endpoint), 1);
    }

    // ---- bodies that are not what Livy sends ----

    void malformedJson_data() { addEndpointRows(allEndpoints()); }

    void malformedJson()
    {
        QFETCH(Endpoint, endpoint);
        QVERIFY(prepare());
        h->server.addFault({}, QStringLiteral(".*"), FakeLivy::Fault::malformedJson(), FakeLivy::Server::Forever);
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        if (!decodesBody(endpoint)) {
            // Cancel and delete only read an informative {"msg"}: the 2xx status is the answer.
            QVERIFY2(job->ok(), qPrintable(job->error().toString()));
            return;
        }
        QCOMPARE(job->error().kind(), LivyError::Kind::Protocol);
        QVERIFY2(job->error().message().contains(QLatin1String("malformed")), qPrintable(job->error().message()));
        QVERIFY(!job->error().rawBody().isEmpty());
        QCOMPARE(job->error().rawBody(), job->rawBody());
        QVERIFY(job->httpStatus() == 200 || job->httpStatus() == 201);
    }

    void unexpectedBodies_data()
    {
        QTest::addColumn<Endpoint>("endpoint");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field"); // named in the message; empty: only the kind is checked
        auto row = [](const char *name, Endpoint e, const char *body, const char *field) {
            QTest::newRow(name) << e << QByteArray(body) << QString::fromLatin1(field);
        };
        // wrong types
        row("session id string", Endpoint::GetSession, R"({"id":"zero","state":"idle"})", "id");
        row("session state number", Endpoint::GetSession, R"({"id":1,"state":5})", "state");
        row("session id too big", Endpoint::Connect, R"({"id":1e20,"state":"idle"})", "id");
        row("session log numbers", Endpoint::Connect, R"({"id":0,"state":"idle","log":[1,2]})", "log");
        row("session conf array", Endpoint::CreateSession, R"({"id":0,"state":"starting","conf":[]})", "conf");
        row("list sessions object", Endpoint::ListSessions, R"({"from":0,"total":1,"sessions":{}})", "sessions");
        // A scalar *entry* is kept as an unreadable row (tst_codecerrors: badListEntriesAreKeptWithTheirProblem).
        row("state null", Endpoint::GetState, R"({"id":0,"state":null})", "state");
        row("log string", Endpoint::GetLog, R"({"id":0,"from":0,"total":1,"log":"line"})", "log");
        row("statement progress string", Endpoint::ListStatements,
            R"({"total_statements":1,"statements":[{"id":0,"state":"available","progress":"half"}]})", "progress");
        row("output data array", Endpoint::GetStatement,
            R"({"id":0,"state":"available","output":{"status":"ok","execution_count":0,"data":[]}})", "data");
        row("output string", Endpoint::GetStatement, R"({"id":0,"state":"available","output":"text"})", "output");
        row("traceback string", Endpoint::GetStatement,
            R"({"id":0,"state":"available","output":{"status":"error","ename":"E","evalue":"v","traceback":"t"}})", "traceback");
        row("statement id text", Endpoint::SubmitStatement, R"({"id":"zero","state":"waiting"})", "id");
        row("candidates string", Endpoint::Completion, R"({"candidates":"sc"})", "candidates");
        row("version number", Endpoint::Version, R"({"version":9})", "version");
        // missing fields
        row("session without id", Endpoint::GetSession, R"({"state":"idle"})", "id");
        row("new session empty", Endpoint::CreateSession, "{}", "id");
        row("state empty", Endpoint::GetState, "{}", "state");
        row("sessions missing", Endpoint::ListSessions, R"({"from":0,"total":0})", "sessions");
        row("statements missing", Endpoint::ListStatements, R"({"total_statements":0})", "statements");
        row("statement without state", Endpoint::GetStatement, R"({"id":0})", "state");
        row("log missing", Endpoint::GetLog, R"({"id":0,"from":0,"total":0})", "log");
        row("version missing", Endpoint::Version, "{}", "version");
        row("candidates missing", Endpoint::Completion, "{}", "candidates");
        // not a JSON object at all
        row("array", Endpoint::GetSession, "[]", "");
        row("bare string", Endpoint::ListSessions, R"("ok")", "");
        row("null", Endpoint::GetStatement, "null", "");
        row("empty body", Endpoint::Connect, "", "");
        row("html", Endpoint::Version, "<html><body>Welcome to nginx!</body></html>", "");
    }

    void unexpectedBodies()
    {
        QFETCH(Endpoint, endpoint);
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        h->server.addFault({}, QStringLiteral(".*"), FakeLivy::Fault::replace(200, body), FakeLivy::Server::Forever);
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        QCOMPARE(job->error().kind(), LivyError::Kind::Protocol);
        QCOMPARE(job->httpStatus(), 200);
        QCOMPARE(job->error().rawBody(), body);
        QVERIFY2(!job->error().message().contains(QLatin1Char('\n')), qPrintable(job->error().message()));
        if (!field.isEmpty()) {
            QVERIFY2(job->error().message().contains(QLatin1Char('"') + field + QLatin1Char('"'))
                         || job->error().message().contains(field),
                     qPrintable(job->error().message()));
        }
    }

    void httpStatusesWithoutBody_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("transient");
        for (const int s : { 400, 401, 403, 404, 405, 406, 409, 500, 501 })
            QTest::addRow("%d", s) << s << false;
        for (const int s : { 429, 502, 503, 504 })
            QTest::addRow("%d", s) << s << true;
    }

    void httpStatusesWithoutBody()
    {
        QFETCH(int, status);
        QFETCH(bool, transient);
        h->server.addFault({}, QStringLiteral(".*"), FakeLivy::Fault::replace(status, {}, {}), FakeLivy::Server::Forever);
        GetSessionJob job(h->connection.get(), SessionRef::byId(0));
        QVERIFY(runJob(&job));
        QCOMPARE(job.error().kind(), LivyError::Kind::Http);
        QCOMPARE(job.error().httpStatus(), status);
        QVERIFY(!job.error().message().isEmpty());
        QCOMPARE(job.error().isTransient(), transient);
    }

    // ---- no automatic POST retries ----

    void noPostIsRetried_data()
    {
        QTest::addColumn<Endpoint>("endpoint");
        QTest::addColumn<int>("fault");
        const QList<QPair<const char *, FakeLivy::Fault::Action>> faults = {
            { "dropped once", FakeLivy::Fault::Action::DropConnection },
            { "no answer", FakeLivy::Fault::Action::NoAnswer },
            { "503", FakeLivy::Fault::Action::Replace },
            { "truncated", FakeLivy::Fault::Action::TruncatedBody },
        };
        for (const Endpoint e : postEndpoints()) {
            for (const auto &[name, action] : faults)
                QTest::addRow("%s %s", endpointName(e), name) << e << int(action);
        }
    }

    void noPostIsRetried()
    {
        QFETCH(Endpoint, endpoint);
        QFETCH(int, fault);
        QVERIFY(prepare());
        setTimeouts(std::chrono::milliseconds(300), std::chrono::milliseconds(300));
        h->server.clearRequests();
        FakeLivy::Fault f;
        switch (FakeLivy::Fault::Action(fault)) {
        case FakeLivy::Fault::Action::DropConnection: f = FakeLivy::Fault::dropConnection(); break;
        case FakeLivy::Fault::Action::NoAnswer: f = FakeLivy::Fault::noAnswer(); break;
        case FakeLivy::Fault::Action::TruncatedBody: f = FakeLivy::Fault::truncatedBody(); break;
        default: f = FakeLivy::Fault::replace(503, "\"Service Unavailable\""); break;
        }
        // Only the first request fails: a re-sent POST would get through and be carried out twice.
        h->server.addFault("POST", QStringLiteral(".*"), f, 1);
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        QVERIFY(!job->ok());
        QCOMPARE(h->server.requests("POST", QStringLiteral(".*")).size(), 1);
    }

    // ---- cancellation and lifetime ----

    void abandonRunningJob()
    {
        h->server.addFault({}, QStringLiteral(".*"), FakeLivy::Fault::noAnswer(), FakeLivy::Server::Forever);
        QSignalSpy arrived(&h->server, &FakeLivy::Server::requestReceived);
        CreateSessionJob job(h->connection.get(), CreateSessionRequest{});
        job.setAutoDelete(false);
        QSignalSpy finished(&job, &LivyJob::finished);
        job.start();
        QVERIFY(job.isRunning());
        QVERIFY(arrived.wait(5000));
        job.abandon();
        QVERIFY(finished.isEmpty()); // always asynchronous
        QVERIFY(finished.wait(5000));
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job.error().kind(), LivyError::Kind::Cancelled);
        QVERIFY(!job.isRunning());
        job.abandon(); // again: nothing happens
        job.start();   // a finished job does not start again
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(h->server.requests().size(), 1);
    }

    void abandonBeforeStartAndAfterFinish()
    {
        GetVersionJob early(h->connection.get());
        early.setAutoDelete(false);
        QSignalSpy earlySpy(&early, &LivyJob::finished);
        early.abandon();
        QVERIFY(earlySpy.wait(5000));
        QCOMPARE(early.error().kind(), LivyError::Kind::Cancelled);
        early.start();
        QCoreApplication::processEvents();
        QCOMPARE(earlySpy.count(), 1);
        QVERIFY(h->server.requests().isEmpty());

        GetVersionJob done(h->connection.get());
        QVERIFY(runJob(&done));
        QVERIFY(done.ok());
        done.abandon();
        QVERIFY(done.ok()); // a finished job keeps its result
    }

    void deletingARunningJobIsSafe()
    {
        h->server.addFault({}, QStringLiteral(".*"), FakeLivy::Fault::noAnswer(), FakeLivy::Server::Forever);
        QSignalSpy arrived(&h->server, &FakeLivy::Server::requestReceived);
        auto *job = new GetSessionJob(h->connection.get(), SessionRef::byId(0));
        job->start();
        QVERIFY(arrived.wait(5000));
        delete job; // aborts the reply; nothing may call back into the deleted job
        QCoreApplication::processEvents();
        QCOMPARE(h->server.requests().size(), 1);
    }

    void jobsDeleteThemselves()
    {
        QPointer<LivyJob> job = new GetVersionJob(h->connection.get());
        QSignalSpy finished(job.data(), &LivyJob::finished);
        job->start();
        QVERIFY(finished.wait(5000));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(job.isNull());
    }

    void connectionGoneMidFlight()
    {
        h->server.addFault("GET", QStringLiteral("/version"), FakeLivy::Fault::delay(100));
        GetVersionJob job(h->connection.get());
        job.setAutoDelete(false);
        QSignalSpy finished(&job, &LivyJob::finished);
        job.start();
        h->connection.reset(); // the profile was closed while the request was in flight
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.count(), 1);
    }

    void unusableServerAddress_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("empty") << QUrl();
        QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://127.0.0.1/"));
        QTest::newRow("no host") << QUrl(QStringLiteral("http:///sessions"));
    }

    void unusableServerAddress()
    {
        QFETCH(QUrl, url);
        ConnectionSettings s = h->settings();
        s.baseUrl = url;
        h->connection->setSettings(s);
        for (const Endpoint e : allEndpoints()) {
            std::unique_ptr<LivyJob> job(makeJob(e, h->connection.get()));
            QVERIFY(runJob(job.get()));
            QCOMPARE(job->error().kind(), LivyError::Kind::Network);
            QVERIFY(!job->error().message().isEmpty());
        }
        QVERIFY(h->server.requests().isEmpty());
    }

    void noConnectionAtAll()
    {
        GetVersionJob job(nullptr);
        QVERIFY(runJob(&job));
        QCOMPARE(job.error().kind(), LivyError::Kind::Network);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
