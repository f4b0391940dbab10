// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace FakeLivy {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonValue orNull(const QString &text)
{
    return text.isNull() ? QJsonValue() : QJsonValue(text);
}

/// A YARN-like application id; the cluster timestamp is fixed so ids are deterministic.
QString applicationId(int id)
{
    return QStringLiteral("application_1700000000000_%1").arg(id + 1, 4, 10, QLatin1Char('0'));
}
} // namespace

const FakeStatement *FakeSession::statement(int statementId) const
{
    for (const FakeStatement &s : statements) {
        if (s.id == statementId)
            return &s;
    }
    return nullptr;
}

FakeStatement *FakeSession::statement(int statementId)
{
    for (FakeStatement &s : statements) {
        if (s.id == statementId)
            return &s;
    }
    return nullptr;
}

SessionStore::SessionStore(QObject *parent)
    : QObject(parent)
{
}

SessionStore::~SessionStore() = default;

FakeSession &SessionStore::create(int id, const NewSession &params)
{
    auto session = std::make_unique<FakeSession>();
    session->id = id;
    session->serial = m_nextSerial++;
    session->name = params.name;
    session->kind = params.kind;
    session->owner = params.owner;
    session->proxyUser = params.proxyUser;
    session->echo = params.echo;
    session->state = QStringLiteral("starting");
    FakeSession &ref = *session;
    m_sessions[id] = std::move(session);
    appendLog(id, { QStringLiteral("stdout: "),
                    QStringLiteral("INFO SparkContext: Running Spark version 3.5.6"),
                    QStringLiteral("INFO Client: Submitting application %1 to ResourceManager").arg(applicationId(id)) });
    Q_EMIT sessionStateChanged(id, ref.state);
    QTimer::singleShot(std::max(0, m_options.startupMs), this,
                       [this, id, serial = ref.serial] { finishStartup(id, serial); });
    return ref;
}

FakeSession &SessionStore::createStarted(int id, const NewSession &params)
{
    auto session = std::make_unique<FakeSession>();
    session->id = id;
    session->serial = m_nextSerial++;
    session->name = params.name;
    session->kind = params.kind;
    session->owner = params.owner;
    session->proxyUser = params.proxyUser;
    session->echo = params.echo;
    session->state = QStringLiteral("idle");
    session->appId = applicationId(id);
    FakeSession &ref = *session;
    m_sessions[id] = std::move(session);
    appendLog(id, { QStringLiteral("stdout: "),
                    QStringLiteral("INFO SparkContext: Running Spark version 3.5.6"),
                    QStringLiteral("INFO Client: Submitting application %1 to ResourceManager").arg(ref.appId),
                    QStringLiteral("INFO YarnClientSchedulerBackend: Application %1 has started running.").arg(ref.appId),
                    QStringLiteral("\nstderr: "),
                    QStringLiteral("\nYARN Diagnostics: ") });
    return ref;
}

FakeSession *SessionStore::find(int id)
{
    const auto it = m_sessions.find(id);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

const FakeSession *SessionStore::find(int id) const
{
    const auto it = m_sessions.find(id);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

FakeSession *SessionStore::findByName(const QString &name)
{
    for (auto &[id, session] : m_sessions) {
        if (!session->name.isNull() && session->name == name)
            return session.get();
    }
    return nullptr;
}

FakeSession *SessionStore::resolve(const QString &idOrName)
{
    bool allDigits = !idOrName.isEmpty();
    for (const QChar c : idOrName)
        allDigits = allDigits && c.isDigit();
    if (allDigits) {
        bool ok = false;
        const int id = idOrName.toInt(&ok);
        return ok ? find(id) : nullptr;
    }
    return findByName(idOrName);
}

QList<const FakeSession *> SessionStore::sessions() const
{
    QList<const FakeSession *> out;
    for (const auto &[id, session] : m_sessions)
        out.append(session.get());
    return out;
}

bool SessionStore::remove(int id)
{
    return m_sessions.erase(id) > 0;
}

void SessionStore::reset()
{
    m_sessions.clear();
    m_nextId = 0;
}

void SessionStore::changeState(FakeSession &session, const QString &state)
{
    if (session.state == state)
        return;
    session.state = state;
    Q_EMIT sessionStateChanged(session.id, state);
}

void SessionStore::changeStatementState(FakeSession &session, FakeStatement &statement, const QString &state)
{
    statement.state = state;
    Q_EMIT statementStateChanged(session.id, statement.id, state);
}

void SessionStore::setState(int id, const QString &state)
{
    FakeSession *session = find(id);
    if (!session)
        return;
    changeState(*session, state);
    if (session->isReady())
        schedulePump(*session);
}

void SessionStore::appendLog(int id, const QStringList &lines)
{
    FakeSession *session = find(id);
    if (!session)
        return;
    session->log.append(lines);
    const qsizetype capacity = std::max(0, m_options.logCapacity);
    if (session->log.size() > capacity)
        session->log.remove(0, session->log.size() - capacity);
}

FakeSession *SessionStore::live(int id, quint64 serial)
{
    FakeSession *session = find(id);
    return session && session->serial == serial ? session : nullptr;
}

void SessionStore::finishStartup(int id, quint64 serial)
{
    FakeSession *session = live(id, serial);
    if (!session || session->state != QLatin1String("starting"))
        return;
    session->appId = applicationId(id);
    appendLog(id, { QStringLiteral("INFO YarnClientSchedulerBackend: Application %1 has started running.").arg(session->appId),
                    QStringLiteral("\nstderr: "),
                    QStringLiteral("\nYARN Diagnostics: ") });
    changeState(*session, QStringLiteral("idle"));
    schedulePump(*session);
}

FakeStatement &SessionStore::submit(FakeSession &session, const QString &code, const QString &kind)
{
    FakeStatement statement;
    statement.id = session.nextStatementId++;
    statement.code = code;
    statement.kind = kind;
    statement.state = QStringLiteral("waiting");
    statement.directives = parseDirectives(code);
    statement.durationMs = statement.directives.durationMs.value_or(std::max(0, m_options.statementMs));
    session.statements.append(statement);
    Q_EMIT statementStateChanged(session.id, statement.id, statement.state);
    changeState(session, QStringLiteral("busy"));
    schedulePump(session);
    return session.statements.last();
}

void SessionStore::schedulePump(const FakeSession &session)
{
    QTimer::singleShot(0, this, [this, id = session.id, serial = session.serial] { pump(id, serial); });
}

void SessionStore::pump(int id, quint64 serial)
{
    FakeSession *session = live(id, serial);
    if (!session || !session->isReady())
        return;
    FakeStatement *next = nullptr;
    for (FakeStatement &s : session->statements) {
        if (s.state == QLatin1String("running") || s.state == QLatin1String("cancelling") || s.lingering)
            return; // one at a time (also code whose cancel failed: it still runs)
        if (!next && s.state == QLatin1String("waiting"))
            next = &s;
    }
    if (!next) {
        settle(*session);
        return;
    }
    changeState(*session, QStringLiteral("busy"));
    next->started = nowMs();
    changeStatementState(*session, *next, QStringLiteral("running"));
    if (!next->directives.logLines.isEmpty())
        appendLog(id, next->directives.logLines);
    QTimer::singleShot(next->durationMs, this,
                       [this, id, serial, statementId = next->id] { complete(id, serial, statementId); });
}

void SessionStore::complete(int id, quint64 serial, int statementId)
{
    FakeSession *session = live(id, serial);
    if (!session)
        return;
    FakeStatement *statement = session->statement(statementId);
    if (!statement)
        return;
    if (statement->lingering) {
        // The code Livy could not cancel ends: Livy fills in its output and a new `completed`, state stays cancelled.
        statement->lingering = false;
        statement->output = makeOutput(statement->directives, statement->kind, statement->id);
        statement->completed = nowMs();
        Q_EMIT statementStateChanged(session->id, statement->id, statement->state);
        trimStatements(*session);
        settle(*session);
        schedulePump(*session);
        return;
    }
    if (statement->state != QLatin1String("running") && statement->state != QLatin1String("cancelling"))
        return;
    if (statement->state == QLatin1String("cancelling")) {
        // Livy: Running/Cancelling -> the code returned while a cancel was being attempted.
        statement->output = makeOutput(statement->directives, statement->kind, statement->id);
        statement->completed = nowMs();
        changeStatementState(*session, *statement, QStringLiteral("cancelled"));
        trimStatements(*session);
        settle(*session);
        schedulePump(*session);
        return;
    }
    statement->output = makeOutput(statement->directives, statement->kind, statement->id);
    statement->completed = nowMs();
    changeStatementState(*session, *statement, QStringLiteral("available"));
    if (statement->directives.die) {
        appendLog(id, { QStringLiteral("ERROR RSCDriver: Interpreter died (fake)") });
        changeState(*session, QStringLiteral("error"));
    }
    trimStatements(*session);
    settle(*session);
    schedulePump(*session);
}

void SessionStore::cancel(FakeSession &session, int statementId)
{
    FakeStatement *statement = session.statement(statementId);
    if (!statement)
        return;
    if (statement->state == QLatin1String("waiting")) {
        statement->completed = nowMs();
        changeStatementState(session, *statement, QStringLiteral("cancelled"));
        settle(session);
        return;
    }
    if (statement->state != QLatin1String("running"))
        return;
    changeStatementState(session, *statement, QStringLiteral("cancelling"));
    QTimer::singleShot(std::max(0, m_options.cancelMs), this,
                       [this, id = session.id, serial = session.serial, statementId] {
                           finishCancel(id, serial, statementId);
                       });
}

bool SessionStore::forgetStatement(int sessionId, int statementId)
{
    FakeSession *session = find(sessionId);
    if (!session)
        return false;
    const auto removed = session->statements.removeIf([statementId](const FakeStatement &s) { return s.id == statementId; });
    if (removed == 0)
        return false;
    schedulePump(*session); // the next waiting statement runs, or the session settles
    return true;
}

void SessionStore::finishCancel(int id, quint64 serial, int statementId)
{
    FakeSession *session = live(id, serial);
    if (!session)
        return;
    FakeStatement *statement = session->statement(statementId);
    if (!statement || statement->state != QLatin1String("cancelling"))
        return;
    statement->completed = nowMs();
    if (statement->directives.uninterruptible) {
        // "Failed to cancel statement N": cancelled without output while the code goes on (complete() ends it).
        statement->lingering = true;
        changeStatementState(*session, *statement, QStringLiteral("cancelled"));
        return;
    }
    // The statement's Spark job was cancelled: the code ends with Spark's account of it.
    statement->output = cancelledJobOutput(statement->kind, statement->id);
    changeStatementState(*session, *statement, QStringLiteral("cancelled"));
    trimStatements(*session);
    settle(*session);
    schedulePump(*session);
}

void SessionStore::settle(FakeSession &session)
{
    if (session.state != QLatin1String("busy"))
        return;
    for (const FakeStatement &s : std::as_const(session.statements)) {
        if (s.state == QLatin1String("waiting") || s.state == QLatin1String("running")
            || s.state == QLatin1String("cancelling") || s.lingering)
            return;
    }
    changeState(session, QStringLiteral("idle"));
}

void SessionStore::trimStatements(FakeSession &session)
{
    const qsizetype keep = std::max(1, m_options.retainedStatements);
    while (session.statements.size() > keep) {
        const QString &state = session.statements.constFirst().state;
        if ((state != QLatin1String("available") && state != QLatin1String("cancelled")) || session.statements.constFirst().lingering)
            break;
        session.statements.removeFirst();
    }
}

QJsonObject SessionStore::statementJson(const FakeStatement &s) const
{
    double progress = 0.0;
    if (s.state == QLatin1String("available") || s.state == QLatin1String("cancelled")) {
        progress = 1.0;
    } else if ((s.state == QLatin1String("running") || s.state == QLatin1String("cancelling")) && s.durationMs > 0
               && !s.directives.noProgress) {
        const double fraction = double(nowMs() - s.started) / double(s.durationMs);
        progress = std::clamp(std::floor(fraction * 100.0) / 100.0, 0.0, 0.99);
    }
    return QJsonObject{
        { QStringLiteral("id"), s.id },
        { QStringLiteral("code"), s.code },
        { QStringLiteral("state"), s.state },
        { QStringLiteral("output"), s.output.isEmpty() ? QJsonValue() : QJsonValue(s.output) },
        { QStringLiteral("progress"), progress },
        { QStringLiteral("started"), s.started },
        { QStringLiteral("completed"), s.completed },
    };
}

QJsonObject SessionStore::sessionJson(const FakeSession &s) const
{
    const bool appKnown = !s.appId.isEmpty();
    QJsonObject appInfo{
        { QStringLiteral("driverLogUrl"),
          appKnown ? QJsonValue(QStringLiteral("http://127.0.0.1:8042/node/containerlogs/container_%1_01_000001/livy")
                                    .arg(s.appId.mid(12)))
                   : QJsonValue() },
        { QStringLiteral("sparkUiUrl"),
          appKnown ? QJsonValue(QStringLiteral("http://127.0.0.1:8088/proxy/%1/").arg(s.appId)) : QJsonValue() },
    };
    QJsonObject o{
        { QStringLiteral("id"), s.id },
        { QStringLiteral("name"), orNull(s.name) },
        { QStringLiteral("appId"), appKnown ? QJsonValue(s.appId) : QJsonValue() },
        { QStringLiteral("owner"), orNull(s.owner) },
        { QStringLiteral("proxyUser"), orNull(s.proxyUser) },
        { QStringLiteral("state"), s.state },
        { QStringLiteral("kind"), s.kind },
        { QStringLiteral("appInfo"), appInfo },
        { QStringLiteral("log"), QJsonArray::fromStringList(s.log.mid(std::max<qsizetype>(0, s.log.size() - 10))) },
        // 0.8+ echo of the request; unset values are null / 0 / empty exactly as Livy reports them.
        { QStringLiteral("driverMemory"), QJsonValue() },
        { QStringLiteral("driverCores"), 0 },
        { QStringLiteral("executorMemory"), QJsonValue() },
        { QStringLiteral("executorCores"), 0 },
        { QStringLiteral("conf"), QJsonObject() },
        { QStringLiteral("archives"), QJsonArray() },
        { QStringLiteral("files"), QJsonArray() },
        { QStringLiteral("heartbeatTimeoutInSecond"), 0 },
        { QStringLiteral("jars"), QJsonArray() },
        { QStringLiteral("numExecutors"), 0 },
        { QStringLiteral("pyFiles"), QJsonArray() },
        { QStringLiteral("queue"), QJsonValue() },
        { QStringLiteral("ttl"), QJsonValue() },
        { QStringLiteral("idleTimeout"), QJsonValue() },
    };
    for (auto it = s.echo.begin(); it != s.echo.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace FakeLivy
