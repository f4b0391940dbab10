// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"
#include "core/backgroundtask.h"
#include "livyerror.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <memory>

class QNetworkReply;

namespace Livy {



/// The transport base of every Livy endpoint (one subclass per endpoint). It owns the verb, URL, headers,
/// body, timeout and the mapping of every failure to a LivyError; subclasses only decode their success body.
///
/// Lifecycle: construct, connect to finished(), start(). finished() is emitted exactly once, always
/// asynchronously (also for failures detected before sending). A job never retries a POST; subclasses
/// may re-issue a GET (see retryWith()). With autoDelete (the default) the job deletes itself after finished().
class LivyJob : public QObject
{
    Q_OBJECT
public:
    enum class Verb { Get, Post, Delete };
    Q_ENUM(Verb)

    ~LivyJob() override;

    void start();
    /// Aborts a running job; it finishes with LivyError::Kind::Cancelled.
    void abandon();

    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    const LivyError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    QByteArray rawBody() const { return m_rawBody; }
    Verb verb() const { return m_verb; }
    QUrl url() const;
    /// Milliseconds from start() to finished().
    qint64 elapsedMs() const { return m_elapsedMs; }
    /// "GET /sessions/3/state", for logs and error details.
    QString describe() const;

    bool autoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    Connection *connection() const { return m_connection; }

Q_SIGNALS:
    void finished(Livy::LivyJob *job);

protected:
    LivyJob(Connection *connection, Verb verb, QStringList pathSegments, QObject *parent = nullptr);

    void setQuery(const QUrlQuery &query) { m_query = query; }
    void setJsonBody(const QJsonDocument &body) { m_body = body.toJson(QJsonDocument::Compact); }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setPathSegments(const QStringList &segments) { m_pathSegments = segments; }
    QStringList pathSegments() const { return m_pathSegments; }

    /// Decodes a 2xx body into the subclass's typed result. Returns an error (normally Protocol) on failure.
    virtual LivyError decodeSuccess(const QByteArray &body, int httpStatus) = 0;

    /// Called for an HTTP error before it becomes the job's error. A GET job may return true after changing
    /// its path to re-issue the request once more (used for the /log -> /logs fallback).
    virtual bool retryAfterHttpError(int httpStatus, const QByteArray &body);

    /// What a refused connection most likely means, ending the error's line (a Livy job asks whether the Livy
    /// server runs; a Spark UI job whether the session's driver serves its UI).
    virtual QString refusedHint() const;

public:
    /// Bodies at least this large are parsed on a worker thread, so that a 50 MB output never freezes the window.
    static constexpr qsizetype BackgroundDecodeBytes = 256 * 1024;
    /// True while a large body is being parsed on a worker thread.
    bool isDecoding() const { return m_decodeTask.isActive(); }

    struct ParsedBody
    {
        QJsonDocument document;
        QJsonParseError error{};
        Qt::HANDLE parsedOn = nullptr; ///< the thread that parsed it
    };
    /// The thread that parsed the last answer's JSON (the calling thread, or a worker for large bodies); null
    /// before any body was parsed.
    Qt::HANDLE parsedOnThread() const { return m_parsedOn; }

protected:
    /// The body parsed as JSON: the worker thread's result for large bodies, else parsed here and now.
    ParsedBody parseBody(const QByteArray &body) const;

private:
    void send();
    /// Ends with the 401/403 the server gave, worded by the authenticator (what to fix).
    void finishRefused(const QByteArray &body, const QList<QByteArray> &challenges);
    void decodeInBackground();
    void onReplyFinished();
    void finish(const LivyError &error);
    LivyError networkError(QNetworkReply *reply) const;

    QPointer<Connection> m_connection;
    Verb m_verb;
    QStringList m_pathSegments;
    QUrlQuery m_query;
    QByteArray m_body;
    std::chrono::milliseconds m_timeout;
    QPointer<QNetworkReply> m_reply;
    BackgroundTask m_decodeTask;
    mutable Qt::HANDLE m_parsedOn = nullptr;
    std::shared_ptr<const ParsedBody> m_preparsed;
    QElapsedTimer m_clock;
    LivyError m_error;
    QByteArray m_rawBody;
    int m_httpStatus = 0;
    qint64 m_elapsedMs = 0;
    bool m_running = false;
    bool m_finished = false;
    bool m_abandoned = false;
    bool m_authRetried = false;
    QList<QSslError> m_sslErrors; ///< of a certificate no pin covered: the TLS failure is said with them
    std::shared_ptr<Authenticator> m_challenger; ///< alive while it decides on a 401
    bool m_autoDelete = true;
};

} // namespace Livy
