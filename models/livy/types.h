// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Typed request and response structs of Livy's interactive-sessions API (0.5 – 0.9).
// Responses are decoded tolerantly (codec.h): missing optional fields keep the defaults below, unknown state names
// keep their raw text next to an `Unknown` enum value, so a newer server never breaks this client.

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Livy {

/// The MIME keys Livy's REPL puts into an `ok` output's `data` object (defined in apache/livy repl/src/main/scala/org/apache/livy/repl/package.scala).
namespace Mime {
/// A string: the REPL echo (spark), stdout + repr of the last expression (pyspark), or "" next to an image.
inline constexpr QLatin1String TextPlain("text/plain");
/// Any JSON value: `%json` magics, and the sql kind's `{"schema": StructType, "data": [[...]]}`.
inline constexpr QLatin1String Json("application/json");
/// `{"headers": [{"name", "type"}], "data": [[...]]}` from `%table` magics.
inline constexpr QLatin1String Table("application/vnd.livy.table.v1+json");
/// A base64 string of PNG bytes (`%matplot plt`, SparkR plots).
inline constexpr QLatin1String ImagePng("image/png");
} // namespace Mime

enum class SessionState {
    NotStarted, Starting, Recovering, Idle, Busy, Running, ShuttingDown, Error, Dead, Killed, Success,
    Unknown, ///< a state this client does not know; the raw name is kept in Session::stateName
};

/// Parses Livy's state name (exact, lower case as Livy sends it); unknown names give SessionState::Unknown.
SessionState sessionStateFromString(const QString &name);
/// Livy's name of a known state; "unknown" for SessionState::Unknown (whose raw name lives in the object).
QString sessionStateToString(SessionState state);
/// No further transitions: error, dead, killed, success. (`shutting_down` is on its way to dead but not there yet;
/// Unknown is never terminal, so a client keeps polling a state it does not understand.)
bool isTerminal(SessionState state);
/// The session can take statements (idle or busy; busy ones queue them). `running` is Livy's internal
/// server-side state and only shown for batches, so it is not counted.
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
    /// driverLogUrl, sparkUiUrl, and (0.9, Kubernetes) executorLogUrls; values may be empty (null on the wire).
    QMap<QString, QString> appInfo;
    QStringList log;          // last <= 10 lines; empty without view access
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
    /// 0.8+. Livy 0.8 sends the proxyUser value here (a server bug): the codec drops a ttl that equals the
    /// proxyUser and is not a Livy time string, so this is empty rather than wrong on 0.8.
    QString ttl;
    QString idleTimeout;      // 0.9+
    /// Non-empty for a list entry LivyDesk could not read (fields of the wrong type): what is wrong with it. The
    /// entry keeps its id if it has a usable one (else a negative placeholder id), state Unknown, stateName
    /// "unreadable"; the other entries of the list are unaffected.
    QString problem;

    /// appInfo's executorLogUrls ("name#url;name#url", 0.9 on Kubernetes) as (executor name, url) pairs.
    QList<std::pair<QString, QString>> executorLogLinks() const;

    bool operator==(const Session &) const = default;
};

struct SessionList
{
    int from = 0;
    int total = 0;
    QList<Session> sessions;

    bool operator==(const SessionList &) const = default;
};

struct SessionStateInfo
{
    int id = -1;
    SessionState state = SessionState::Unknown;
    QString stateName;

    bool operator==(const SessionStateInfo &) const = default;
};

/// Livy's statement states. `error` is listed in Livy's REST docs but never sent by the server (a failure is
/// `available` with an error output); it is kept so a server that does send it is understood.
enum class StatementState { Waiting, Running, Available, Error, Cancelling, Cancelled, Unknown };

StatementState statementStateFromString(const QString &name);
QString statementStateToString(StatementState state);
/// available, error or cancelled: the statement will not change any more (a cancelled one may still carry output).
bool isTerminal(StatementState state);

/// The `output` of a statement: `ok` with MIME-typed data, or `error` with ename/evalue/traceback.
struct StatementOutput
{
    enum class Status { Ok, Error, Unknown };
    Status status = Status::Unknown;
    QString statusName;       // raw status text, kept for unknown statuses
    int executionCount = -1;
    /// MIME type -> value: text/plain (string), application/json (any JSON),
    /// application/vnd.livy.table.v1+json ({headers, data}), image/png (base64 string).
    QJsonObject data;
    QString ename;
    QString evalue;
    QStringList traceback;

    bool isError() const { return status == Status::Error; }
    bool hasData(QLatin1String mime) const { return data.contains(mime); }
    /// The text/plain value, or an empty string.
    QString text() const { return data.value(Mime::TextPlain).toString(); }
    bool operator==(const StatementOutput &) const = default;
};

struct Statement
{
    int id = -1;
    QString code;
    StatementState state = StatementState::Unknown;
    QString stateName;
    std::optional<StatementOutput> output; // null on the wire while waiting or running
    double progress = 0.0;    // 0..1 (the codec clamps), 1.0 once available or cancelled
    qint64 started = 0;   // epoch ms, 0 = not yet (0.7+)
    qint64 completed = 0; // epoch ms, 0 = not yet (0.7+)

    bool operator==(const Statement &) const = default;
};

struct StatementList
{
    int total = 0;            // total_statements
    QList<Statement> statements;

    bool operator==(const StatementList &) const = default;
};

/// One page of `GET /sessions/{id}/log`. `total` counts the lines the server buffers (not the page size), and
/// offsets slide once Livy's ring buffer is full.
struct LogPage
{
    int id = -1;
    int from = 0;
    int total = 0;
    QStringList lines;        // "log" on the wire

    bool operator==(const LogPage &) const = default;
};

struct VersionInfo
{
    QString version;
    QString user;
    QString revision;
    QString branch;
    QString date;
    QString url;

    bool operator==(const VersionInfo &) const = default;
};

struct CompletionResult
{
    QStringList candidates;

    bool operator==(const CompletionResult &) const = default;
};

/// `POST /sessions`. Unset fields are omitted from the body, never sent as null (Livy turns some nulls into a 500).
/// fromJson() reads what toJson() writes, and is as lenient as Livy itself: digit strings are accepted for the
/// integer fields and scalar conf values are turned into text; values of other types are skipped.
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
    /// The request that makes a session like `session` again, from what Livy echoes of its creation (0.8+; older
    /// servers echo only kind, name and proxyUser). LivyDesk's session tag is left out: the new session gets its own.
    static CreateSessionRequest like(const Session &session);
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

/// A session addressed by id or (Livy 0.6+) by name. Livy reads an all-digit path segment as an id, and refuses
/// all-digit names, so an all-digit name cannot exist on the server.
class SessionRef
{
public:
    SessionRef() = default;
    /// A negative id gives an invalid ref.
    static SessionRef byId(int id);
    /// The name is kept exactly (spaces, slashes, any Unicode); Connection percent-encodes it as one path segment.
    static SessionRef byName(const QString &name);
    /// User input: surrounding white space is dropped; ASCII digits only ("42", "007") give an id, anything else
    /// ("-1", "+5", "4 2", "etl job") a name, as Livy decides. An all-digit text too large for an int is kept as a
    /// name (Livy would answer 400).
    static SessionRef parse(const QString &text);

    bool isValid() const { return m_id >= 0 || !m_name.isEmpty(); }
    bool isId() const { return m_id >= 0; }
    int id() const { return m_id; }
    QString name() const { return m_name; }
    /// The raw path segment (not yet percent-encoded).
    QString pathSegment() const;
    /// "session 42" or "session "etl"", for messages.
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
