// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the protocol tests (tst_jobs*, tst_faults): a fake Livy, a Connection to it, a way to run one job
// to its single finished() signal, and a table of every endpoint job so tests can loop over all of them.

#include "fakelivyserver.h"

#include "livy/cancelstatementjob.h"
#include "livy/completionjob.h"
#include "livy/connection.h"
#include "livy/connectsessionjob.h"
#include "livy/createsessionjob.h"
#include "livy/deletesessionjob.h"
#include "livy/getsessionjob.h"
#include "livy/getsessionlogjob.h"
#include "livy/getsessionstatejob.h"
#include "livy/getstatementjob.h"
#include "livy/getversionjob.h"
#include "livy/listsessionsjob.h"
#include "livy/liststatementsjob.h"
#include "livy/submitstatementjob.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace ProtocolTest {

/// Every endpoint job of models/livy.
enum class Endpoint {
    Version, ListSessions, GetSession, GetState, GetLog, ListStatements, GetStatement,
    CreateSession, SubmitStatement, CancelStatement, DeleteSession, Completion, Connect,
};

inline const QList<Endpoint> &allEndpoints()
{
    static const QList<Endpoint> all = {
        Endpoint::Version, Endpoint::ListSessions, Endpoint::GetSession, Endpoint::GetState, Endpoint::GetLog,
        Endpoint::ListStatements, Endpoint::GetStatement, Endpoint::CreateSession, Endpoint::SubmitStatement,
        Endpoint::CancelStatement, Endpoint::Completion, Endpoint::Connect,
        Endpoint::DeleteSession, // last, so that a loop over all endpoints can share one session
    };
    return all;
}

inline const char *endpointName(Endpoint e)
{
    switch (e) {
    case Endpoint::Version: return "GetVersionJob";
    case Endpoint::ListSessions: return "ListSessionsJob";
    case Endpoint::GetSession: return "GetSessionJob";
    case Endpoint::GetState: return "GetSessionStateJob";
    case Endpoint::GetLog: return "GetSessionLogJob";
    case Endpoint::ListStatements: return "ListStatementsJob";
    case Endpoint::GetStatement: return "GetStatementJob";
    case Endpoint::CreateSession: return "CreateSessionJob";
    case Endpoint::SubmitStatement: return "SubmitStatementJob";
    case Endpoint::CancelStatement: return "CancelStatementJob";
    case Endpoint::DeleteSession: return "DeleteSessionJob";
    case Endpoint::Completion: return "CompletionJob";
    case Endpoint::Connect: return "ConnectSessionJob";
    }
    return "?";
}

inline QByteArray endpointMethod(Endpoint e)
{
    switch (e) {
    case Endpoint::CreateSession:
    case Endpoint::SubmitStatement:
    case Endpoint::CancelStatement:
    case Endpoint::Completion:
    case Endpoint::Connect:
        return QByteArrayLiteral("POST");
    case Endpoint::DeleteSession:
        return QByteArrayLiteral("DELETE");
    default:
        return QByteArrayLiteral("GET");
    }
}

/// The raw path the job requests for session `session` (statement 0), as a fault/filter regex.
inline QString endpointPath(Endpoint e, const QString &session = QStringLiteral("0"))
{
    const QString s = QStringLiteral("/sessions/") + session;
    switch (e) {
    case Endpoint::Version: return QStringLiteral("/version");
    case Endpoint::ListSessions: return QStringLiteral("/sessions");
    case Endpoint::CreateSession: return QStringLiteral("/sessions");
    case Endpoint::GetSession: return s;
    case Endpoint::DeleteSession: return s;
    case Endpoint::GetState: return s + QStringLiteral("/state");
    case Endpoint::GetLog: return s + QStringLiteral("/log");
    case Endpoint::ListStatements: return s + QStringLiteral("/statements");
    case Endpoint::SubmitStatement: return s + QStringLiteral("/statements");
    case Endpoint::GetStatement: return s + QStringLiteral("/statements/0");
    case Endpoint::CancelStatement: return s + QStringLiteral("/statements/0/cancel");
    case Endpoint::Completion: return s + QStringLiteral("/completion");
    case Endpoint::Connect: return s + QStringLiteral("/connect");
    }
    return {};
}

/// True for the jobs that decode a typed result (cancel and delete only read an informative {"msg"}).
inline bool decodesBody(Endpoint e)
{
    return e != Endpoint::CancelStatement && e != Endpoint::DeleteSession;
}

inline Livy::LivyJob *makeJob(Endpoint e, Livy::Connection *c, const Livy::SessionRef &ref = Livy::SessionRef::byId(0))
{
    using namespace Livy;
    switch (e) {
    case Endpoint::Version: return new GetVersionJob(c);
    case Endpoint::ListSessions: return new ListSessionsJob(c);
    case Endpoint::GetSession: return new GetSessionJob(c, ref);
    case Endpoint::GetState: return new GetSessionStateJob(c, ref);
    case Endpoint::GetLog: return new GetSessionLogJob(c, ref);
    case Endpoint::ListStatements: return new ListStatementsJob(c, ref);
    case Endpoint::GetStatement: return new GetStatementJob(c, ref, 0);
    case Endpoint::CreateSession: {
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        return new CreateSessionJob(c, request);
    }
    case Endpoint::SubmitStatement: return new SubmitStatementJob(c, ref, StatementRequest{ QStringLiteral("1+1"), std::nullopt });
    case Endpoint::CancelStatement: return new CancelStatementJob(c, ref, 0);
    case Endpoint::DeleteSession: return new DeleteSessionJob(c, ref);
    case Endpoint::Completion: return new CompletionJob(c, ref, CompletionRequest{ QStringLiteral("sc."), QStringLiteral("spark"), 3 });
    case Endpoint::Connect: return new ConnectSessionJob(c, ref);
    }
    return nullptr;
}

/// Starts the job and waits for finished(). True if finished() came exactly once (a second emission would have
/// been queued by the time the event queue is drained).
inline bool runJob(Livy::LivyJob *job, int waitMs = 20000)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &Livy::LivyJob::finished);
    job->start();
    if (spy.isEmpty() && !spy.wait(waitMs))
        return false;
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return spy.count() == 1 && job->isFinished() && !job->isRunning()
        && qvariant_cast<Livy::LivyJob *>(spy.constFirst().constFirst()) == job;
}

/// A fake server, a network manager and a Connection to the server, recreated for every test function.
class Harness
{
public:
    Harness()
    {
        server.setStartupDelay(0);
        server.setStatementDuration(0);
        server.setCancelDelay(0);
        m_started = server.start();
        connection = std::make_unique<Livy::Connection>(&nam, settings());
    }

    bool started() const { return m_started; }

    Livy::ConnectionSettings settings() const
    {
        Livy::ConnectionSettings s;
        s.baseUrl = server.url();
        return s;
    }

    /// Creates a session (kind pyspark unless given) directly in the fake and waits until it is idle.
    int idleSession(const QJsonObject &request = { { QStringLiteral("kind"), QStringLiteral("pyspark") } })
    {
        const int id = server.createSession(request);
        QSignalSpy spy(&server, &FakeLivy::Server::sessionStateChanged);
        while (server.sessionState(id) == QLatin1String("starting") && spy.wait(5000)) {
        }
        return server.sessionState(id) == QLatin1String("idle") ? id : -1;
    }

    /// Runs a SubmitStatementJob and waits until the fake reports the statement in `state`.
    bool statement(int sessionId, const QString &code, const QString &state = QStringLiteral("available"))
    {
        std::unique_ptr<Livy::SubmitStatementJob> job(new Livy::SubmitStatementJob(
            connection.get(), Livy::SessionRef::byId(sessionId), Livy::StatementRequest{ code, std::nullopt }));
        if (!runJob(job.get()) || !job->ok())
            return false;
        const int sid = job->statement().id;
        QSignalSpy spy(&server, &FakeLivy::Server::statementStateChanged);
        while (server.statementJson(sessionId, sid).value(QLatin1String("state")).toString() != state) {
            if (!spy.wait(5000))
                return false;
        }
        return true;
    }

    FakeLivy::Server server;
    QNetworkAccessManager nam;
    std::unique_ptr<Livy::Connection> connection;

private:
    bool m_started = false;
};

} // namespace ProtocolTest
