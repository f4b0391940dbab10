// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Typed request and response structs of Livy's interactive-sessions API (0.5 – 0.9).
// Responses are decoded tolerantly (codec.h): missing optional fields keep the defaults below.

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Livy {

enum class SessionState {
    NotStarted, Starting, Recovering, Idle, Busy, Running, ShuttingDown, Error, Dead, Killed, Success,
    Unknown, ///< a state this client does not know; the raw name is kept in Session::stateName
};

/// Parses Livy's state name; unknown names give SessionState::Unknown.
SessionState sessionStateFromString(const QString &name);
QString sessionStateToString(SessionState state);
/// No further transitions: error, dead, killed, success.
bool isTerminal(SessionState state);
/// The session can take statements (idle or busy).
bool isReady(SessionState state);
/// The session is on its way to ready (not_started, starting, recovering).
bool isStarting(SessionState state);

/// A session as the server reports it. Fields added in later Livy versions keep their defaults on older servers
/// (0 / empty = unset, which is also how Livy itself echoes unset values).
struct Session
{
    int id = -1;
    QString name;             // 0.6+
    QString appId;
    QString owner;            // null when auth is off
    QString proxyUser;
    SessionState state = SessionState::Unknown;
    QString stateName;        // raw state text, kept for unknown states
    QString kind;             // canonical: spark, pyspark, sparkr, sql, shared
    QMap<QString, QString> appInfo; // driverLogUrl, sparkUiUrl, executorLogUrls (0.9)
    QStringList log;          // last lines
    // Echo of the creation request (0.8+)
    QString driverMemory;
    QString executorMemory;
    QString queue;
    int driverCores = 0;
    int executorCores = 0;
    int numExecutors = 0;
    int heartbeatTimeoutInSecond = 0;
    QMap<QString, QString> conf;
    QStringList jars;
    QStringList pyFiles;
    QStringList files;
    QStringList archives;
    QString ttl;              // 0.8+ (0.8 echoes the proxyUser here: a server bug)
    QString idleTimeout;      // 0.9+

    bool operator==(const Session &) const = default;
};

struct SessionList
{
    int from = 0;
    int total = 0;
    QList<Session> sessions;
};

struct SessionStateInfo
{
    int id = -1;
    SessionState state = SessionState::Unknown;
    QString stateName;
};

enum class StatementState { Waiting, Running, Available, Error, Cancelling, Cancelled, Unknown };

StatementState statementStateFromString(const QString &name);
QString statementStateToString(StatementState state);
bool isTerminal(StatementState state);

/// The `output` of a statement: `ok` with MIME-typed data, or `error` with ename/evalue/traceback.
struct StatementOutput
{
    enum class Status { Ok, Error, Unknown };
    Status status = Status::Unknown;
    QString statusName;
    int executionCount = -1;
    /// MIME type -> value: text/plain (string), application/json (any JSON),
    /// application/vnd.livy.table.v1+json ({headers, data}), image/png (base64 string).
    QJsonObject data;
    QString ename;
    QString evalue;
    QStringList traceback;

    bool isError() const { return status == Status::Error; }
    bool operator==(const StatementOutput &) const = default;
};

struct Statement
{
    int id = -1;
    QString code;
    StatementState state = StatementState::Unknown;
    QString stateName;
    std::optional<StatementOutput> output;
    double progress = 0.0;
    qint64 started = 0;   // epoch ms, 0 = not yet (0.7+)
    qint64 completed = 0; // epoch ms, 0 = not yet (0.7+)

    bool operator==(const Statement &) const = default;
};

struct StatementList
{
    int total = 0;
    QList<Statement> statements;
};

struct LogPage
{
    int id = -1;
    int from = 0;
    int total = 0;
    QStringList lines;
};

struct VersionInfo
{
    QString version;
    QString user;
    QString revision;
    QString branch;
    QString date;
    QString url;
};

struct CompletionResult
{
    QStringList candidates;
};

/// `POST /sessions`. Unset fields are omitted from the body, never sent as null.
struct CreateSessionRequest
{
    std::optional<QString> kind;
    std::optional<QString> proxyUser;
    std::optional<QStringList> jars;
    std::optional<QStringList> pyFiles;
    std::optional<QStringList> files;
    std::optional<QStringList> archives;
    std::optional<QString> driverMemory;
    std::optional<int> driverCores;
    std::optional<QString> executorMemory;
    std::optional<int> executorCores;
    std::optional<int> numExecutors;
    std::optional<QString> queue;
    std::optional<QString> name;
    std::optional<QMap<QString, QString>> conf;
    std::optional<int> heartbeatTimeoutInSecond;
    std::optional<QString> ttl;         // 0.8+
    std::optional<QString> idleTimeout; // 0.9+

    QJsonObject toJson() const;
    static CreateSessionRequest fromJson(const QJsonObject &object);
    bool operator==(const CreateSessionRequest &) const = default;
};

/// `POST /sessions/{id}/statements`
struct StatementRequest
{
    QString code;
    std::optional<QString> kind;
    QJsonObject toJson() const;
};

/// `POST /sessions/{id}/completion` (kind is required by the server)
struct CompletionRequest
{
    QString code;
    QString kind;
    int cursor = 0;
    QJsonObject toJson() const;
};

/// A session addressed by id or (Livy 0.6+) by name. An all-digit name cannot exist on the server.
class SessionRef
{
public:
    SessionRef() = default;
    static SessionRef byId(int id);
    static SessionRef byName(const QString &name);
    /// "42" gives an id, anything else a name.
    static SessionRef parse(const QString &text);

    bool isValid() const { return m_id >= 0 || !m_name.isEmpty(); }
    bool isId() const { return m_id >= 0; }
    int id() const { return m_id; }
    QString name() const { return m_name; }
    /// The raw path segment (not yet percent-encoded).
    QString pathSegment() const;
    QString displayName() const;

    bool operator==(const SessionRef &) const = default;

private:
    int m_id = -1;
    QString m_name;
};

} // namespace Livy

Q_DECLARE_METATYPE(Livy::Session)
Q_DECLARE_METATYPE(Livy::Statement)
Q_DECLARE_METATYPE(Livy::SessionRef)
