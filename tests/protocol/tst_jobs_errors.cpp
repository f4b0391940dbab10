// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every endpoint job's failures as the fake Livy produces them: each error body shape ({"msg"}, bare JSON
// string, Jetty HTML and JSON filter pages, Scalatra's route 404, proxy pages) becomes one LivyError with the
// HTTP status, a one-line message and the raw body; the /log -> /logs fallback; the CSRF and Basic-auth modes.

#include "auth/authenticator.h"
#include "livyreplies.h"
#include "protocolharness.h"

#include <QJsonDocument>

using namespace Livy;
using namespace ProtocolTest;

Q_DECLARE_METATYPE(ProtocolTest::Endpoint)

namespace {

FakeLivy::HttpRequest requestAccepting(const QByteArray &accept)
{
    FakeLivy::HttpRequest r;
    r.method = "POST";
    r.rawPath = "/sessions";
    r.headers.append({ QByteArrayLiteral("accept"), accept });
    return r;
}

/// The checks every HTTP error must pass, whatever its body.
void verifyHttpError(const LivyJob &job, int status, const QByteArray &body)
{
    QVERIFY(!job.ok());
    const LivyError &e = job.error();
    QCOMPARE(e.kind(), LivyError::Kind::Http);
    QCOMPARE(e.httpStatus(), status);
    QCOMPARE(job.httpStatus(), status);
    QVERIFY2(!e.message().trimmed().isEmpty(), qPrintable(e.toString()));
    QVERIFY2(!e.message().contains(QLatin1Char('\n')), qPrintable(e.message()));
    QVERIFY2(!e.message().contains(QLatin1Char('<')), qPrintable(e.message())); // no markup for the user
    QCOMPARE(e.rawBody(), body.left(LivyError::MaxRawBody));
}

} // namespace

class TestJobsErrors : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Harness> h;

    QList<FakeLivy::RecordedRequest> logRequests() const
    {
        return h->server.requests("GET", QStringLiteral("/sessions/[^/]+/logs?"));
    }

private Q_SLOTS:
    void init()
    {
        h = std::make_unique<Harness>();
        QVERIFY(h->started());
    }

    void cleanup() { h.reset(); }

    void unknownSession_data()
    {
        QTest::addColumn<Endpoint>("endpoint");
        for (const Endpoint e : allEndpoints()) {
            if (e != Endpoint::Version && e != Endpoint::ListSessions && e != Endpoint::CreateSession)
                QTest::newRow(endpointName(e)) << e;
        }
    }

    void unknownSession()
    {
        QFETCH(Endpoint, endpoint);
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get(), SessionRef::byId(42)));
        QVERIFY(runJob(job.get()));
        const QByteArray body = QByteArrayLiteral(R"({"msg":"Session '42' not found."})");
        verifyHttpError(*job, 404, body);
        QVERIFY(job->error().isNotFound());
        QCOMPARE(job->error().serverText(), QStringLiteral("Session '42' not found."));
        QVERIFY2(job->error().message().contains(QLatin1String("42")), qPrintable(job->error().message()));
        QVERIFY2(job->error().message().contains(QLatin1String("not found"), Qt::CaseInsensitive), qPrintable(job->error().message()));
        QCOMPARE(h->server.requests().size(), 1); // a session 404 never triggers the /logs fallback
        QVERIFY(!h->connection->logRouteProbed());
    }

    void errorShapes_data()
    {
        QTest::addColumn<Endpoint>("endpoint");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("expected"); // must appear in the message

        const QString csrf = QStringLiteral("Missing Required Header for CSRF protection.");
        const FakeLivy::HttpResponse html = FakeLivy::Reply::jettyError(400, csrf, requestAccepting("text/html"));
        const FakeLivy::HttpResponse json = FakeLivy::Reply::jettyError(400, csrf, requestAccepting("application/json"));
        FakeLivy::HttpRequest logsRequest;
        logsRequest.method = "GET";
        logsRequest.rawPath = "/sessions/0/logs";
        const FakeLivy::HttpResponse scalatra = FakeLivy::Reply::scalatraNotFound(logsRequest);
        struct Shape
        {
            const char *name;
            int status;
            QByteArray body;
            QByteArray contentType;
            QString expected;
        };
        const QList<Shape> shapes = {
            { "msg", 400, R"({"msg":"Rejected, Reason: Duplicate session name: Some(x) for session 7"})", "application/json",
              QStringLiteral("Duplicate session name") },
            { "bare string", 500, R"("java.lang.IllegalStateException: Session is in state starting")", "application/json",
              QStringLiteral("Session is in state starting") },
            { "jetty html", 400, html.body, html.contentType, csrf },
            { "jetty json", 400, json.body, json.contentType, csrf },
            { "empty 403", 403, QByteArray(), QByteArray(), QString() },
            { "scalatra 404", 404, scalatra.body, scalatra.contentType, QString() },
            { "proxy html 502", 502,
              "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
              "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
              "text/html", QStringLiteral("Bad Gateway") },
            { "plain 503", 503, "Service Unavailable", "text/plain", QStringLiteral("Service Unavailable") },
            { "huge body", 500, QByteArray(20000, 'x'), "text/plain", QString() },
        };
        for (const Endpoint e : allEndpoints()) {
            for (const Shape &s : shapes) {
                if (e == Endpoint::GetLog && s.status == 404)
                    continue; // a route-level 404 on /log starts the fallback (tested below)
                QTest::addRow("%s %s", endpointName(e), s.name) << e << s.status << s.body << s.contentType << s.expected;
            }
        }
    }

    void errorShapes()
    {
        QFETCH(Endpoint, endpoint);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, expected);
        h->server.addFault({}, QStringLiteral(".*"), FakeLivy::Fault::replace(status, body, contentType), FakeLivy::Server::Forever);
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        verifyHttpError(*job, status, body);
        // What the server said is kept verbatim; the one-line message is the humanized form of it.
        if (!expected.isEmpty())
            QVERIFY2(job->error().serverText().contains(expected), qPrintable(job->error().serverText()));
        QCOMPARE(job->error().message(), LivyError::fromHttpResponse(status, body).message());
        QVERIFY(job->error().message().size() <= 300);
        QCOMPARE(h->server.requests().size(), 1);
    }

    void livyErrorsFromTheFake()
    {
        h->server.setStartupDelay(60000);
        const int starting = h->server.createSession({ { QStringLiteral("kind"), QStringLiteral("spark") }, { QStringLiteral("name"), QStringLiteral("x") } });
        QCOMPARE(starting, 0);

        SubmitStatementJob early(h->connection.get(), SessionRef::byId(0), StatementRequest{ QStringLiteral("1"), std::nullopt });
        QVERIFY(runJob(&early));
        verifyHttpError(early, 500, QByteArrayLiteral(R"("java.lang.IllegalStateException: Session is in state starting")"));
        QCOMPARE(early.error().serverText(), QStringLiteral("java.lang.IllegalStateException: Session is in state starting"));
        QCOMPARE(early.error().message(), QStringLiteral("The session is not ready yet (it is starting); try again when it is idle"));

        CreateSessionRequest duplicate;
        duplicate.name = QStringLiteral("x");
        CreateSessionJob dup(h->connection.get(), duplicate);
        QVERIFY(runJob(&dup));
        QCOMPARE(dup.error().httpStatus(), 400);
        QVERIFY2(dup.error().serverText().contains(QLatin1String("Duplicate session name: Some(x)")), qPrintable(dup.error().serverText()));
        QVERIFY2(dup.error().message().contains(QLatin1String("\"x\" already exists")), qPrintable(dup.error().message()));
        QVERIFY(!dup.error().message().contains(QLatin1String("Some(")));

        CreateSessionRequest badKind;
        badKind.kind = QStringLiteral("cobol");
        CreateSessionJob bad(h->connection.get(), badKind);
        QVERIFY(runJob(&bad));
        QCOMPARE(bad.error().httpStatus(), 400);
        QVERIFY2(bad.error().serverText().contains(QLatin1String("Invalid kind: cobol")), qPrintable(bad.error().serverText()));
        QVERIFY(!bad.error().message().isEmpty() && !bad.error().message().startsWith(QLatin1String("java.")));

        h->server.setStartupDelay(0);
        const int shared = h->idleSession({});
        QVERIFY(shared > 0);
        SubmitStatementJob noKind(h->connection.get(), SessionRef::byId(shared), StatementRequest{ QStringLiteral("1"), std::nullopt });
        QVERIFY(runJob(&noKind));
        QCOMPARE(noKind.error().httpStatus(), 500);
        QVERIFY2(noKind.error().serverText().contains(QStringLiteral("Code type should be specified if session kind is shared")), qPrintable(noKind.error().serverText()));
        QVERIFY(noKind.error().rawBody().contains("\\n\\tat "));

        GetStatementJob missing(h->connection.get(), SessionRef::byId(shared), 99);
        QVERIFY(runJob(&missing));
        verifyHttpError(missing, 404, QByteArrayLiteral("\"Statement not found\""));
        QVERIFY2(missing.error().serverText().contains(QStringLiteral("Statement not found")), qPrintable(missing.error().serverText()));

        h->server.setSessionState(shared, QStringLiteral("dead"));
        ListStatementsJob inactive(h->connection.get(), SessionRef::byId(shared));
        QVERIFY(runJob(&inactive));
        QCOMPARE(inactive.error().httpStatus(), 400);
        QVERIFY2(inactive.error().serverText().contains(QStringLiteral("Session isn't active.")), qPrintable(inactive.error().serverText()));
        CancelStatementJob cancel(h->connection.get(), SessionRef::byId(shared), 0);
        QVERIFY(runJob(&cancel));
        QCOMPARE(cancel.error().httpStatus(), 500);
        QVERIFY2(cancel.error().serverText().contains(QStringLiteral("Session is in state dead")), qPrintable(cancel.error().serverText()));
    }

    // ---- /log -> /logs fallback ----

    void logFallbackOnVendorServer()
    {
        h->server.setPluralLogRoute(true);
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        GetSessionLogJob first(h->connection.get(), SessionRef::byId(id), 0, 5);
        QVERIFY(runJob(&first));
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        QVERIFY(!first.page().lines.isEmpty());
        const auto requests = logRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).rawPath, QByteArrayLiteral("/sessions/0/log"));
        QCOMPARE(requests.at(1).rawPath, QByteArrayLiteral("/sessions/0/logs"));
        QCOMPARE(requests.at(1).query, requests.at(0).query); // same from/size
        QVERIFY(h->connection->usesPluralLogRoute());

        h->server.clearRequests();
        GetSessionLogJob second(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&second));
        QVERIFY(second.ok());
        QCOMPARE(logRequests().size(), 1); // remembered: straight to /logs
        QCOMPARE(logRequests().at(0).rawPath, QByteArrayLiteral("/sessions/0/logs"));

        // A session 404 on the remembered route is an error, not a reason to switch back.
        h->server.clearRequests();
        GetSessionLogJob gone(h->connection.get(), SessionRef::byId(7));
        QVERIFY(runJob(&gone));
        QCOMPARE(gone.error().httpStatus(), 404);
        QCOMPARE(logRequests().size(), 1);
    }

    void logFallbackOncePerServer()
    {
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        // Both names are route-level 404s (e.g. a gateway that exposes neither).
        h->server.addFault("GET", QStringLiteral("/sessions/\\d+/log"), FakeLivy::Fault::routeNotFound(), FakeLivy::Server::Forever);
        GetSessionLogJob first(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&first));
        QCOMPARE(first.error().httpStatus(), 404);
        QVERIFY2(!first.error().message().contains(QLatin1Char('<')), qPrintable(first.error().message()));
        QCOMPARE(logRequests().size(), 2);
        QVERIFY(h->connection->logRouteProbed());
        QVERIFY(!h->connection->usesPluralLogRoute());

        h->server.clearRequests();
        GetSessionLogJob second(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&second));
        QCOMPARE(second.error().httpStatus(), 404);
        QCOMPARE(logRequests().size(), 1); // no second probe for this server
        QCOMPARE(logRequests().at(0).rawPath, QByteArrayLiteral("/sessions/0/log"));

        // Another server (or the same Connection pointed elsewhere) is probed afresh.
        ConnectionSettings moved = h->settings();
        moved.baseUrl.setHost(QStringLiteral("localhost"));
        h->connection->setSettings(moved);
        QVERIFY(!h->connection->logRouteProbed());
        h->server.clearRequests();
        GetSessionLogJob third(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&third));
        QCOMPARE(logRequests().size(), 2);
    }

    void noFallbackForOtherErrors()
    {
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        h->server.addFault("GET", QStringLiteral("/sessions/\\d+/log"), FakeLivy::Fault::replace(500, "\"boom\""));
        GetSessionLogJob job(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&job));
        QCOMPARE(job.error().httpStatus(), 500);
        QCOMPARE(logRequests().size(), 1);
        QVERIFY(!h->connection->logRouteProbed());
    }

    void noFallbackOnConnectionFailures_data()
    {
        QTest::addColumn<QString>("failure");
        for (const char *f : { "refused", "dropped", "truncated", "malformed", "gateway" })
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void noFallbackOnConnectionFailures()
    {
        // An outage, a cut reply or a proxy error says nothing about the route: /log stays /log.
        QFETCH(QString, failure);
        const int id = h->idleSession();
        QVERIFY(id >= 0);
        const quint16 port = h->server.url().port();
        const QString route = QStringLiteral("/sessions/\\d+/log");
        if (failure == QLatin1String("refused"))
            h->server.stop();
        else if (failure == QLatin1String("dropped"))
            h->server.addFault("GET", route, FakeLivy::Fault::dropConnection(), FakeLivy::Server::Forever);
        else if (failure == QLatin1String("truncated"))
            h->server.addFault("GET", route, FakeLivy::Fault::truncatedBody(), FakeLivy::Server::Forever);
        else if (failure == QLatin1String("malformed"))
            h->server.addFault("GET", route, FakeLivy::Fault::malformedJson(), FakeLivy::Server::Forever);
        else
            h->server.addFault("GET", route, FakeLivy::Fault::replace(502, "<html><body>Bad Gateway</body></html>"), FakeLivy::Server::Forever);
        GetSessionLogJob failed(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&failed));
        QVERIFY(!failed.ok());
        QVERIFY(!h->connection->logRouteProbed());
        QVERIFY(!h->connection->usesPluralLogRoute());
        for (const auto &r : logRequests())
            QCOMPARE(r.rawPath, QByteArrayLiteral("/sessions/0/log"));

        if (failure == QLatin1String("refused"))
            QVERIFY(h->server.start(port)); // the server is back
        h->server.clearFaults();
        h->server.clearRequests();
        GetSessionLogJob after(h->connection.get(), SessionRef::byId(id));
        QVERIFY(runJob(&after));
        QVERIFY2(after.ok(), qPrintable(after.error().toString()));
        QCOMPARE(logRequests().size(), 1);
        QCOMPARE(logRequests().at(0).rawPath, QByteArrayLiteral("/sessions/0/log"));
    }

    // ---- server security modes ----

    void csrfModeWithDefaultSettings_data()
    {
        QTest::addColumn<Endpoint>("endpoint");
        for (const Endpoint e : allEndpoints())
            QTest::newRow(endpointName(e)) << e;
    }

    void csrfModeWithDefaultSettings()
    {
        QFETCH(Endpoint, endpoint);
        h->server.setCsrfProtection(true);
        QCOMPARE(h->idleSession(), 0);
        QVERIFY(h->statement(0, QStringLiteral("1")));
        std::unique_ptr<LivyJob> job(makeJob(endpoint, h->connection.get()));
        QVERIFY(runJob(job.get()));
        QVERIFY2(job->ok(), qPrintable(job->error().toString()));
    }

    void csrfHeaderIsNeverEmpty()
    {
        h->server.setCsrfProtection(true);
        ConnectionSettings settings = h->settings();
        settings.requestedBy.clear(); // a profile that left the field blank
        h->connection->setSettings(settings);
        CreateSessionJob job(h->connection.get(), CreateSessionRequest{});
        QVERIFY(runJob(&job));
        QVERIFY2(job.ok(), qPrintable(job.error().toString()));
        QVERIFY(!h->server.requests().constLast().header("x-requested-by").isEmpty());
    }

    void basicAuthMode()
    {
        h->server.setBasicAuth(QStringLiteral("alice"), QStringLiteral("pa:ss word"));

        CreateSessionJob anonymous(h->connection.get(), CreateSessionRequest{});
        QVERIFY(runJob(&anonymous)); // a 401 with WWW-Authenticate must not leave the reply waiting for credentials
        QCOMPARE(anonymous.error().kind(), LivyError::Kind::Http);
        QCOMPARE(anonymous.error().httpStatus(), 401);
        // What to fix, from the server's WWW-Authenticate: Basic; the server's own words stay in the details.
        QCOMPARE(anonymous.error().message(), QStringLiteral("The server requires a user name and password: set them in this server profile"));
        QVERIFY2(anonymous.error().serverText().contains(QLatin1String("Authentication required")), qPrintable(anonymous.error().serverText()));

        h->connection->setAuthenticator(std::make_shared<HeaderAuthenticator>(HeaderAuthenticator::basic(QStringLiteral("alice"), QStringLiteral("wrong"))));
        ListSessionsJob wrong(h->connection.get());
        QVERIFY(runJob(&wrong));
        QCOMPARE(wrong.error().httpStatus(), 403);
        // Livy's LDAP filter answers a wrong password with 403: said as such, with the user and the server's words.
        QVERIFY2(wrong.error().message().startsWith(QLatin1String("The server did not accept the password for user \"alice\"")), qPrintable(wrong.error().message()));
        QVERIFY2(wrong.error().message().contains(QLatin1String("Error validating LDAP user")), qPrintable(wrong.error().message()));
        QVERIFY(!wrong.error().message().contains(QLatin1String("wrong"))); // never the password

        h->connection->setAuthenticator(std::make_shared<HeaderAuthenticator>(HeaderAuthenticator::basic(QStringLiteral("alice"), QStringLiteral("pa:ss word"))));
        CreateSessionJob create(h->connection.get(), CreateSessionRequest{});
        QVERIFY(runJob(&create));
        QVERIFY2(create.ok(), qPrintable(create.error().toString()));
        QCOMPARE(create.session().owner, QStringLiteral("alice"));
        DeleteSessionJob remove(h->connection.get(), SessionRef::byId(create.session().id));
        QVERIFY(runJob(&remove));
        QVERIFY(remove.ok());
    }

    void anAuthenticatorMayAnswerAChallengeOnce()
    {
        // The seam Kerberos and token refresh use: on a 401 the authenticator is asked; if it has something new,
        // the request (even a POST: the server did not carry it out) goes once more with it.
        h->server.setBasicAuth(QStringLiteral("alice"), QStringLiteral("secret"));
        struct Refreshing : Authenticator
        {
            QString password; // nothing yet (Livy's LDAP filter answers a wrong password with 403, none with 401)
            QList<QByteArray> seen;
            int challenges = 0;
            QString describe() const override { return QStringLiteral("test"); }
            void prepare(QNetworkRequest &request) const override
            {
                if (!password.isEmpty())
                    HeaderAuthenticator::basic(QStringLiteral("alice"), password).prepare(request);
            }
            bool challenge(const QList<QByteArray> &values) override
            {
                ++challenges;
                seen = values;
                password = QStringLiteral("secret");
                return true;
            }
        };
        auto auth = std::make_shared<Refreshing>();
        h->connection->setAuthenticator(auth);
        CreateSessionJob create(h->connection.get(), CreateSessionRequest{});
        QVERIFY(runJob(&create));
        QVERIFY2(create.ok(), qPrintable(create.error().toString()));
        QCOMPARE(auth->challenges, 1);
        QVERIFY(!auth->seen.isEmpty() && auth->seen.first().startsWith("Basic"));
        QCOMPARE(h->server.requests("POST", QStringLiteral("/sessions")).size(), 2);
        QCOMPARE(h->server.sessionIds().size(), 1); // created once

        // Still refused after its one retry: the 401 is the answer, no loop.
        struct Stubborn : Refreshing
        {
            bool challenge(const QList<QByteArray> &) override { ++challenges; return true; }
        };
        auto stubborn = std::make_shared<Stubborn>();
        h->connection->setAuthenticator(stubborn);
        h->server.clearRequests();
        ListSessionsJob list(h->connection.get());
        QVERIFY(runJob(&list));
        QCOMPARE(list.error().httpStatus(), 401);
        QCOMPARE(stubborn->challenges, 1);
        QCOMPARE(h->server.requests("GET", QStringLiteral("/sessions")).size(), 2);
    }

    void theConnectionOwnsAndCanAbortItsJobs()
    {
        const int id = h->idleSession();
        h->server.addFault("POST", QStringLiteral("/sessions/\\d+/statements"), FakeLivy::Fault::delay(5000));
        QPointer<SubmitStatementJob> job = new SubmitStatementJob(h->connection.get(), SessionRef::byId(id), StatementRequest{ QStringLiteral("1 + 1"), std::nullopt });
        QSignalSpy finished(job.data(), &LivyJob::finished);
        job->start();
        QCOMPARE(job->parent(), h->connection.get()); // owned: quitting now leaks nothing
        QCOMPARE(h->connection->runningJobs(), (QList<LivyJob *>{ job.data() }));
        h->connection->abortAll();
        QVERIFY(finished.wait());
        QCOMPARE(qvariant_cast<LivyJob *>(finished.first().first())->error().kind(), LivyError::Kind::Cancelled);
        QVERIFY(h->connection->runningJobs().isEmpty());
        QTRY_VERIFY(job.isNull()); // auto-deleted after finished()

        // Deleting the Connection deletes a job still in flight.
        QPointer<SubmitStatementJob> inFlight = new SubmitStatementJob(h->connection.get(), SessionRef::byId(id), StatementRequest{ QStringLiteral("2 + 2"), std::nullopt });
        inFlight->start();
        h->connection.reset();
        QVERIFY(inFlight.isNull());
    }
};

QTEST_GUILESS_MAIN(TestJobsErrors)
#include "tst_jobs_errors.moc"
