// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "realbench.h"

#include "livy/connection.h"
#include "livy/createsessionjob.h"
#include "livy/deletesessionjob.h"
#include "livy/getversionjob.h"
#include "livy/getsessionstatejob.h"
#include "livy/getstatementjob.h"
#include "livy/liststatementsjob.h"
#include "controllers/runhandle.h"
#include "polling/sessionpoller.h"
#include "spark/sparktracker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRegularExpression>

#include <chrono>

namespace Bench {

double epochMs()
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return double(std::chrono::duration_cast<std::chrono::microseconds>(now).count()) / 1000.0;
}

QString routeOf(const QString &verb, const QString &path)
{
    static const QRegularExpression ids(QStringLiteral("/\\d+(?=/|$)"));
    QString p = path.section(QLatin1Char('?'), 0, 0);
    p.replace(ids, QStringLiteral("/{id}"));
    return verb + QLatin1Char(' ') + p;
}

QNetworkReply *CountingNetworkManager::createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    if (m_counting) {
        QString verb;
        switch (op) {
        case GetOperation: verb = QStringLiteral("GET"); break;
        case PostOperation: verb = QStringLiteral("POST"); break;
        case PutOperation: verb = QStringLiteral("PUT"); break;
        case DeleteOperation: verb = QStringLiteral("DELETE"); break;
        case HeadOperation: verb = QStringLiteral("HEAD"); break;
        default: verb = QString::fromLatin1(request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray()); break;
        }
        const QUrl url = request.url();
        const bool livy = m_livy.isEmpty() || (url.host() == m_livy.host() && url.port(80) == m_livy.port(80));
        m_requests.append({ epochMs(), routeOf(verb, url.path()), livy });
    }
    return QNetworkAccessManager::createRequest(op, request, outgoingData);
}

void RealLane::markReady()
{
    if (m_ready)
        return;
    m_ready = true;
    Q_EMIT ready();
}

void RealLane::finish(const QString &error)
{
    if (m_finished)
        return;
    if (!error.isEmpty() && m_result.error.isEmpty())
        m_result.error = error;
    m_finished = true;
    Q_EMIT finished();
}

// ---------------------------------------------------------------------------------------------------- LivyDesk

DeskRealLane::DeskRealLane(const QUrl &url, QStringList codes, const QString &warmup,
                           const Livy::SessionControllerSettings &settings, bool sparkUi, QObject *parent)
    : RealLane(parent)
    , m_codes(std::move(codes))
    , m_warmup(warmup)
    , m_settings(settings)
    , m_sparkUi(sparkUi)
    , m_network(new CountingNetworkManager(this))
{
    Livy::ConnectionSettings cs;
    cs.baseUrl = url;
    m_network->setLivyUrl(url);
    m_connection = new Livy::Connection(m_network, cs, this);
    connect(m_connection, &Livy::Connection::jobStarted, this, &DeskRealLane::observe);
    m_result.client = QStringLiteral("LivyDesk");
    m_result.version = QStringLiteral(LIVYDESK_VERSION);
}

void DeskRealLane::prepare()
{
    m_createdMs = epochMs();
    // As the app's ServerController does first: what the server supports (statements?order=desc on 0.8+).
    auto *job = new Livy::GetVersionJob(m_connection);
    connect(job, &Livy::LivyJob::finished, this, [this](Livy::LivyJob *j) {
        if (!j->ok())
            return finish(QStringLiteral("GET /version: %1").arg(j->error().toString()));
        m_result.serverVersion = static_cast<Livy::GetVersionJob *>(j)->version().version;
        m_connection->setCapabilities(Livy::ServerCapabilities::fromVersion(m_result.serverVersion));
        createSession();
    });
    job->start();
}

void DeskRealLane::createSession()
{
    Livy::CreateSessionRequest request;
    request.kind = QStringLiteral("pyspark");
    auto *job = new Livy::CreateSessionJob(m_connection, request);
    connect(job, &Livy::LivyJob::finished, this, [this](Livy::LivyJob *j) {
        if (!j->ok())
            return finish(QStringLiteral("POST /sessions: %1").arg(j->error().toString()));
        attach(static_cast<Livy::CreateSessionJob *>(j)->session().id);
    });
    job->start();
}

void DeskRealLane::attach(int sessionId)
{
    m_result.sessionId = sessionId;
    auto *controller = new Livy::SessionController(m_connection, Livy::SessionRef::byId(sessionId), m_settings, this);
    m_controller = controller;
    connect(m_controller, &Livy::SessionController::submitted, this, [this](int ticket, const Livy::Statement &s) {
        if (ticket == m_warmupTicket) {
            m_warmupId = s.id;
        } else if (ticket == m_ticket) {
            m_expectedId = s.id;
            // SessionController::track() ran just before this signal: the poller's head clock starts now.
            m_result.samples.last().trace.trackedMs = epochMs();
            const auto early = m_finishedEarly.constFind(s.id);
            if (early != m_finishedEarly.constEnd()) {
                // Cannot happen with one statement in flight, but never lose a receipt.
                m_result.samples.last().receivedMs = early.value();
                m_result.samples.last().statementId = s.id;
                submit(m_index + 1);
            }
        }
    });
    connect(m_controller, &Livy::SessionController::submitFailed, this, [this](int, const Livy::LivyError &e) {
        abort();
        finish(QStringLiteral("submit failed: %1").arg(e.toString()));
    });
    connect(m_controller, &Livy::SessionController::statementFinished, this, &DeskRealLane::onFinished);
    connect(m_controller, &Livy::SessionController::statusChanged, this, [this, controller](Livy::SessionController::Status s) {
        if (s == Livy::SessionController::Status::Ended || s == Livy::SessionController::Status::Gone) {
            if (!m_finished)
                finish(QStringLiteral("the session ended (%1)").arg(controller->session().stateName));
        }
    });
    if (m_sparkUi) {
        // As Application::wireSession: a child of the controller, on the Livy connection (no profile template: the
        // local server's drivers say in the session log where their UI is).
        auto *tracker = new Livy::SparkTracker(m_connection, controller->statements(), controller);
        m_tracker = tracker;
        tracker->setSession(controller->session());
        connect(controller, &Livy::SessionController::sessionChanged, tracker, &Livy::SparkTracker::setSession);
        connect(controller, &Livy::SessionController::attached, tracker, &Livy::SparkTracker::setSession);
        connect(tracker, &Livy::SparkTracker::breakdownChanged, controller, [this, controller, tracker](int statementId) {
            const Livy::SparkBreakdown b = tracker->breakdown(statementId);
            if (const std::optional<qint64> left = b.remainingMs(b.fetchedAt)) {
                controller->sessionPoller()->setRemainingHint(statementId, std::chrono::milliseconds(*left));
                if (RealTrace *t = currentTrace(); t && statementId == m_expectedId)
                    t->hints.append({ epochMs(), double(*left) });
            }
        });
    }
    m_controller->attach();
    // Queued until the session is idle, then sent: the controller's own "run while starting".
    m_warmupTicket = m_controller->submit(m_warmup)->ticket();
}

RealTrace *DeskRealLane::currentTrace()
{
    if (!m_running || m_result.samples.isEmpty() || m_expectedId < 0)
        return nullptr;
    return &m_result.samples.last().trace;
}

void DeskRealLane::observe(Livy::LivyJob *job)
{
    // A poll for the running statement: where the poller expected its end when it sent it, and, for a statement
    // fetch, the progress the answer carries. (Jobs of the Spark UI run on the tracker's own connection.)
    RealTrace *trace = currentTrace();
    Livy::SessionController *controller = m_controller.data();
    if (!trace || !controller)
        return;
    auto *statementJob = qobject_cast<Livy::GetStatementJob *>(job);
    if (!statementJob && !qobject_cast<Livy::GetSessionStateJob *>(job))
        return;
    const Livy::SessionPoller *poller = controller->sessionPoller();
    RealTrace::Poll poll;
    poll.atMs = epochMs();
    poll.phase = int(poller->lastPhase());
    poll.source = int(poller->endEstimate().source());
    if (const std::optional<std::chrono::milliseconds> end = poller->endEstimate().end()) {
        poll.endMs = trace->trackedMs + double(end->count());
        poll.halfWidthMs = double(poller->endSchedule().halfWidth(*end).count());
    }
    trace->polls.append(poll);
    if (statementJob) {
        const int expected = m_expectedId;
        connect(statementJob, &Livy::LivyJob::finished, this, [this, expected](Livy::LivyJob *j) {
            RealTrace *t = currentTrace();
            if (!t || !j->ok() || m_expectedId != expected)
                return;
            const Livy::Statement &s = static_cast<Livy::GetStatementJob *>(j)->statement();
            if (s.id == expected)
                t->progress.append({ epochMs(), s.progress, s.stateName });
        });
    }
}

void DeskRealLane::onFinished(const Livy::Statement &statement)
{
    const double now = epochMs();
    if (statement.id == m_warmupId && !m_ready) {
        m_result.sessionStartMs = now - m_createdMs;
        if (statement.output)
            m_result.warmupOutput = statement.output->isError() ? statement.output->evalue : statement.output->text();
        markReady();
        return;
    }
    if (!m_running)
        return;
    if (statement.id != m_expectedId) {
        m_finishedEarly.insert(statement.id, now);
        return;
    }
    RealSample &sample = m_result.samples.last();
    sample.receivedMs = now;
    sample.statementId = statement.id;
    submit(m_index + 1);
}

void DeskRealLane::go()
{
    m_running = true;
    m_network->setCounting(true);
    m_result.goMs = epochMs();
    if (Livy::SessionController *controller = m_controller.data()) {
        for (int p = 0; p < 4; ++p)
            m_phasesAtGo[p] = controller->sessionPoller()->pollsIn(Livy::EndSchedule::Phase(p));
    }
    submit(0);
}

void DeskRealLane::submit(int index)
{
    if (index >= int(m_codes.size())) {
        m_result.endMs = epochMs();
        m_network->setCounting(false);
        m_result.requests = m_network->takeRequests();
        m_running = false;
        if (Livy::SessionController *controller = m_controller.data()) {
            for (int p = 0; p < 4; ++p)
                m_result.phasePolls[p] = controller->sessionPoller()->pollsIn(Livy::EndSchedule::Phase(p)) - m_phasesAtGo[p];
        }
        if (const Livy::SparkTracker *tracker = m_tracker.data()) {
            m_result.sparkUiReach = int(tracker->reach());
            m_result.sparkUiReason = tracker->reason();
            m_result.sparkUiUrl = tracker->uiUrl().toString();
        }
        readStamps();
        return;
    }
    m_index = index;
    m_expectedId = -1;
    RealSample sample;
    sample.index = index;
    sample.sentMs = epochMs();
    m_result.samples.append(sample);
    m_ticket = m_controller->submit(m_codes.at(index))->ticket();
}

void DeskRealLane::readStamps()
{
    // The same separate GET the peers make after their run (not counted: counting is off).
    auto *job = new Livy::ListStatementsJob(m_connection, Livy::SessionRef::byId(m_result.sessionId));
    connect(job, &Livy::LivyJob::finished, this, [this](Livy::LivyJob *j) {
        if (!j->ok()) {
            m_result.error = QStringLiteral("GET …/statements: %1").arg(j->error().toString());
        } else {
            QHash<int, Livy::Statement> byId;
            for (const Livy::Statement &s : static_cast<Livy::ListStatementsJob *>(j)->result().statements)
                byId.insert(s.id, s);
            for (RealSample &sample : m_result.samples) {
                const Livy::Statement s = byId.value(sample.statementId);
                sample.startedMs = double(s.started);
                sample.completedMs = double(s.completed);
                sample.state = s.stateName;
            }
        }
        deleteSession();
    });
    job->start();
}

void DeskRealLane::deleteSession()
{
    if (m_controller) {
        // From here on the session going away is ours, not a failure.
        disconnect(m_controller, nullptr, this, nullptr);
        m_controller->beginDelete();
    }
    if (m_result.sessionId < 0)
        return finish();
    auto *job = new Livy::DeleteSessionJob(m_connection, Livy::SessionRef::byId(m_result.sessionId));
    connect(job, &Livy::LivyJob::finished, this, [this](Livy::LivyJob *j) {
        m_result.sessionDeleted = j->ok() || j->httpStatus() == 404;
        if (m_controller)
            m_controller->markDeleted();
        finish(j->ok() ? QString() : QStringLiteral("DELETE /sessions/%1: %2").arg(m_result.sessionId).arg(j->error().toString()));
    });
    job->start();
}

void DeskRealLane::abort()
{
    if (m_finished || m_result.sessionDeleted)
        return;
    m_running = false;
    m_network->setCounting(false);
    if (m_result.error.isEmpty())
        m_result.error = QStringLiteral("aborted");
    deleteSession();
}

// ---------------------------------------------------------------------------------------------------- peers

PeerRealLane::PeerRealLane(const QString &client, const QString &python, const QString &driver, const QUrl &url,
                           const QString &workloadFile, QObject *parent)
    : RealLane(parent)
    , m_python(python)
    , m_driver(driver)
    , m_url(url)
    , m_workloadFile(workloadFile)
{
    m_result.client = client;
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &PeerRealLane::readLines);
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        readLines();
        if (m_done)
            return finish();
        finish(!m_failure.isEmpty() ? m_failure
                                    : QStringLiteral("peerbench.py %1 (exit code %2)")
                                          .arg(status == QProcess::CrashExit ? QStringLiteral("crashed") : QStringLiteral("ended"))
                                          .arg(code));
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish(QStringLiteral("cannot start %1: %2").arg(m_python, m_process.errorString()));
    });
}

void PeerRealLane::prepare()
{
    m_process.start(m_python, { m_driver, QStringLiteral("--client"), m_result.client, QStringLiteral("--url"),
                                m_url.toString(), QStringLiteral("--workload"), m_workloadFile });
}

void PeerRealLane::go()
{
    m_process.write("go\n");
}

void PeerRealLane::abort()
{
    if (m_finished)
        return;
    if (m_result.error.isEmpty())
        m_result.error = QStringLiteral("aborted");
    if (!m_ready) {
        m_process.write("abort\n"); // it deletes its session and ends
        m_process.closeWriteChannel();
    } else {
        // Mid-run: stop it; the caller deletes the session it reported.
        m_process.kill();
    }
}

void PeerRealLane::readLines()
{
    while (m_process.canReadLine()) {
        const QByteArray line = m_process.readLine().trimmed();
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(m_result.client), line.constData());
            continue;
        }
        handle(doc.object());
    }
}

void PeerRealLane::handle(const QJsonObject &event)
{
    const QString kind = event.value(QLatin1String("event")).toString();
    const QJsonObject versions = event.value(QLatin1String("versions")).toObject();
    if (!versions.isEmpty()) {
        const QString package = m_result.client == QLatin1String("pylivy") ? QStringLiteral("livy") : m_result.client;
        m_result.version = QStringLiteral("%1 %2, requests %3")
                               .arg(package, versions.value(package).toString(), versions.value(QLatin1String("requests")).toString());
    }
    if (kind == QLatin1String("ready")) {
        m_result.sessionId = event.value(QLatin1String("session")).toInt(-1);
        m_result.warmupOutput = event.value(QLatin1String("warmup")).toString();
        m_result.sessionStartMs = event.value(QLatin1String("startMs")).toDouble();
        markReady();
    } else if (kind == QLatin1String("done")) {
        m_result.goMs = event.value(QLatin1String("go")).toDouble();
        m_result.endMs = event.value(QLatin1String("end")).toDouble();
        for (const QJsonValue &v : event.value(QLatin1String("samples")).toArray()) {
            const QJsonObject o = v.toObject();
            RealSample s;
            s.index = o.value(QLatin1String("index")).toInt();
            s.statementId = o.value(QLatin1String("statement")).toInt(-1);
            s.sentMs = o.value(QLatin1String("sent")).toDouble();
            s.receivedMs = o.value(QLatin1String("received")).toDouble();
            s.startedMs = o.value(QLatin1String("started")).toDouble();
            s.completedMs = o.value(QLatin1String("completed")).toDouble();
            s.state = o.value(QLatin1String("state")).toString();
            m_result.samples.append(s);
        }
        for (const QJsonValue &v : event.value(QLatin1String("requests")).toArray()) {
            const QJsonArray a = v.toArray();
            m_result.requests.append({ a.at(0).toDouble(), a.at(1).toString() });
        }
        m_result.sessionDeleted = true;
        m_done = true;
    } else if (kind == QLatin1String("error")) {
        m_failure = event.value(QLatin1String("message")).toString();
    }
}

} // namespace Bench
