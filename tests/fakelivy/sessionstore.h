// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The fake Livy's sessions and statements and their state machines, without any HTTP:
//   session:   starting -(startup delay)-> idle <-> busy (while statements wait or run); any state can be forced.
//   statement: waiting -> running -(duration)-> available; running -> cancelling -(cancel delay)-> cancelled;
//              waiting -> cancelled. One statement runs at a time per session.
// Time-driven steps use single-shot timers owned by the store; everything runs on the store's thread.

#include "fakeoutput.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

namespace FakeLivy {

struct FakeStatement
{
    int id = 0;
    QString code;
    QString kind;  ///< canonical kind the statement runs as
    QString state; ///< waiting, running, available, cancelling, cancelled
    QJsonObject output; ///< empty until available
    qint64 started = 0;
    qint64 completed = 0;
    int durationMs = 0;
    Directives directives;
    /// Cancelled (Livy gave up: #fake:uninterruptible) while its code still runs and holds the queue.
    bool lingering = false;
};

struct FakeSession
{
    int id = 0;
    quint64 serial = 0; ///< unique over the store's lifetime: stale timers compare it
    QString name;       ///< null when the request had none
    QString kind;       ///< canonical
    QString state;
    QString appId;
    QString owner;
    QString proxyUser;
    /// The 0.8+ echo of the request (driverMemory, conf, jars, ttl, ...), already normalised.
    QJsonObject echo;
    QStringList log; ///< ring buffer (Options::logCapacity lines)
    QList<FakeStatement> statements;
    int nextStatementId = 0;

    const FakeStatement *statement(int statementId) const;
    FakeStatement *statement(int statementId);
    bool isReady() const { return state == QLatin1String("idle") || state == QLatin1String("busy"); }
};

class SessionStore : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int startupMs = 200;
        int statementMs = 100;
        int cancelMs = 50;
        int logCapacity = 200;       ///< livy.cache-log.size
        int retainedStatements = 100; ///< livy.rsc.retained-statements
    };

    struct NewSession
    {
        QString name;
        QString kind = QStringLiteral("shared");
        QString owner;
        QString proxyUser;
        QJsonObject echo;
    };

    explicit SessionStore(QObject *parent = nullptr);
    ~SessionStore() override;

    Options &options() { return m_options; }
    const Options &options() const { return m_options; }

    /// Takes the next id without creating anything (Livy burns ids on some rejected creates).
    int takeId() { return m_nextId++; }
    /// Creates a session in state `starting` with the given id (from takeId()).
    FakeSession &create(int id, const NewSession &params);
    /// Creates a session that has already started (state `idle`, its appId and start-up log lines), without a
    /// timer and without signals: seeding a server with thousands of sessions costs a few milliseconds.
    FakeSession &createStarted(int id, const NewSession &params);
    FakeSession *find(int id);
    const FakeSession *find(int id) const;
    FakeSession *findByName(const QString &name);
    /// By id for an all-digit reference, else by name (Livy's rule).
    FakeSession *resolve(const QString &idOrName);
    QList<const FakeSession *> sessions() const;
    bool remove(int id);
    void reset();

    void setState(int id, const QString &state);
    void appendLog(int id, const QStringList &lines);

    /// Queues a statement (state waiting). The caller has checked that the session is ready.
    FakeStatement &submit(FakeSession &session, const QString &code, const QString &kind);
    /// Livy's fire-and-forget cancel: unknown or finished statements are ignored.
    void cancel(FakeSession &session, int statementId);
    /// Livy forgets one statement (evicted, or the REPL restarted): 404 and gone from the list from now on.
    bool forgetStatement(int sessionId, int statementId);

    QJsonObject sessionJson(const FakeSession &session) const;
    QJsonObject statementJson(const FakeStatement &statement) const;

Q_SIGNALS:
    void sessionStateChanged(int sessionId, const QString &state);
    void statementStateChanged(int sessionId, int statementId, const QString &state);

private:
    void changeState(FakeSession &session, const QString &state);
    void changeStatementState(FakeSession &session, FakeStatement &statement, const QString &state);
    void finishStartup(int id, quint64 serial);
    void schedulePump(const FakeSession &session);
    void pump(int id, quint64 serial);
    void complete(int id, quint64 serial, int statementId);
    void finishCancel(int id, quint64 serial, int statementId);
    void settle(FakeSession &session);
    void trimStatements(FakeSession &session);
    FakeSession *live(int id, quint64 serial);

    Options m_options;
    std::map<int, std::unique_ptr<FakeSession>> m_sessions;
    int m_nextId = 0;
    quint64 m_nextSerial = 1;
};

} // namespace FakeLivy
