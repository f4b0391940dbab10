// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A deliberately small HTTP/1.1 server on QTcpServer for the fake Livy. It is written by hand rather than on
// QHttpServer because the fake must misbehave on purpose (answer late, send a truncated body, close without
// answering), which needs the raw socket, and because QHttpServer's API changes between Qt 6.4, 6.5 and 6.8.
// It understands what QNetworkAccessManager sends: one request at a time per connection, Content-Length
// bodies, keep-alive. Chunked request bodies are refused with 411.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace FakeLivy {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// One request exactly as it arrived.
struct HttpRequest
{
    QByteArray method;   ///< "GET", "POST", ...
    QByteArray target;   ///< the raw request-target, e.g. "/sessions/my%20s/log?from=0"
    QByteArray rawPath;  ///< target up to '?', still percent-encoded
    QByteArray rawQuery; ///< target after '?', still percent-encoded
    HeaderList headers;  ///< names in lower case, in arrival order
    QByteArray body;

    /// The value of the first header with this (case-insensitive) name, or a null QByteArray.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    /// The path with percent-encoding decoded, e.g. "/sessions/my s/log".
    QString path() const;
    /// The decoded path segments without the leading empty one: {"sessions", "my s", "log"}.
    QStringList pathSegments() const;
    /// Decoded query items in order ('+' reads as a space, as Jetty does).
    QList<QPair<QString, QString>> queryItems() const;
};

/// A complete answer. Content-Length, Date and Connection are added when it is written.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HeaderList headers; ///< extra headers (Location, WWW-Authenticate, ...)

    static HttpResponse json(int status, const QByteArray &body);
    static QByteArray reasonPhrase(int status);
};

/// Listens on 127.0.0.1 and hands each complete request to the handler with an exchange id; the handler answers
/// now or later through respond()/respondTruncated()/drop(). Answers for exchanges whose client has gone away
/// are silently discarded.
class HttpListener : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(quint64 exchange, const HttpRequest &request)>;

    explicit HttpListener(QObject *parent = nullptr);
    ~HttpListener() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    /// port 0 picks a free port. Returns false if the port cannot be bound.
    bool listen(quint16 port = 0);
    /// Stops listening and closes every open connection (a server that went away).
    void close();
    bool isListening() const;
    quint16 port() const;

    void respond(quint64 exchange, const HttpResponse &response);
    /// Announces the full Content-Length, sends only the first half of the body, then closes the connection.
    void respondTruncated(quint64 exchange, const HttpResponse &response);
    /// Closes the connection without answering.
    void drop(quint64 exchange);
    /// True while the client of this exchange is still connected and unanswered.
    bool isPending(quint64 exchange) const;

private:
    struct Connection
    {
        QPointer<QTcpSocket> socket;
        QByteArray buffer;
        quint64 pendingExchange = 0; ///< the request being answered; further requests wait in the buffer
        bool closeAfterResponse = false;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    void parse(QTcpSocket *socket);
    void sendRaw(quint64 exchange, const QByteArray &bytes, bool close);
    QByteArray serialize(const HttpResponse &response, bool close, qsizetype announcedLength = -1) const;
    Connection *connectionFor(quint64 exchange);
    const Connection *connectionFor(quint64 exchange) const;

    QTcpServer *m_server = nullptr;
    Handler m_handler;
    QHash<QTcpSocket *, Connection> m_connections;
    QHash<quint64, QTcpSocket *> m_exchanges;
    quint64 m_nextExchange = 1;
};

} // namespace FakeLivy
