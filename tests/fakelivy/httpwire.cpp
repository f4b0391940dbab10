// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpwire.h"

#include <QDateTime>
#include <QHostAddress>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace FakeLivy {

namespace {
constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;
} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &[key, value] : headers) {
        if (key == lower)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &header : headers) {
        if (header.first == lower)
            return true;
    }
    return false;
}

QString HttpRequest::path() const
{
    return QUrl::fromPercentEncoding(rawPath);
}

QStringList HttpRequest::pathSegments() const
{
    QList<QByteArray> raw = rawPath.split('/');
    if (!raw.isEmpty() && raw.constFirst().isEmpty())
        raw.removeFirst();
    QStringList out;
    out.reserve(raw.size());
    for (const QByteArray &segment : std::as_const(raw))
        out.append(QUrl::fromPercentEncoding(segment));
    return out;
}

QList<QPair<QString, QString>> HttpRequest::queryItems() const
{
    QList<QPair<QString, QString>> out;
    if (rawQuery.isEmpty())
        return out;
    const QList<QByteArray> pairs = rawQuery.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        out.append({ QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value) });
    }
    return out;
}

HttpResponse HttpResponse::json(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json;charset=utf-8");
    r.body = body;
    return r;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 204: return QByteArrayLiteral("No Content");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 406: return QByteArrayLiteral("Not Acceptable");
    case 411: return QByteArrayLiteral("Length Required");
    case 413: return QByteArrayLiteral("Payload Too Large");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 502: return QByteArrayLiteral("Bad Gateway");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 504: return QByteArrayLiteral("Gateway Timeout");
    default: break;
    }
    return QByteArrayLiteral("Status");
}

HttpListener::HttpListener(QObject *parent)
    : QObject(parent)
{
}

HttpListener::~HttpListener()
{
    close();
}

bool HttpListener::listen(quint16 port)
{
    if (m_server && m_server->isListening())
        return true;
    delete m_server;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &HttpListener::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        delete m_server;
        m_server = nullptr;
        return false;
    }
    return true;
}

void HttpListener::close()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    const auto connections = m_connections;
    m_connections.clear();
    m_exchanges.clear();
    for (const Connection &c : connections) {
        if (c.socket) {
            c.socket->disconnect(this);
            c.socket->abort();
            c.socket->deleteLater();
        }
    }
}

bool HttpListener::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 HttpListener::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void HttpListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        Connection c;
        c.socket = socket;
        m_connections.insert(socket, c);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void HttpListener::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer.append(socket->readAll());
    parse(socket);
}

void HttpListener::onDisconnected(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->pendingExchange)
        m_exchanges.remove(it->pendingExchange);
    m_connections.erase(it);
    socket->deleteLater();
}

void HttpListener::parse(QTcpSocket *socket)
{
    for (;;) {
        auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->pendingExchange != 0 || it->closeAfterResponse)
            return;
        QByteArray &buffer = it->buffer;
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (buffer.size() > MaxHeaderBytes) {
                HttpResponse r = HttpResponse::json(431, QByteArrayLiteral("\"Request header too large\""));
                socket->write(serialize(r, true));
                socket->disconnectFromHost();
                it->closeAfterResponse = true;
            }
            return;
        }
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        HttpRequest request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        bool bad = requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.");
        bool http10 = !bad && requestLine.at(2) == "HTTP/1.0";
        if (!bad) {
            request.method = requestLine.at(0);
            request.target = requestLine.at(1);
            const qsizetype q = request.target.indexOf('?');
            request.rawPath = q < 0 ? request.target : request.target.left(q);
            request.rawQuery = q < 0 ? QByteArray() : request.target.mid(q + 1);
        }
        for (qsizetype i = 1; i < lines.size() && !bad; ++i) {
            const QByteArray line = lines.at(i).trimmed();
            if (line.isEmpty())
                continue;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                bad = true;
                break;
            }
            request.headers.append({ line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed() });
        }
        if (bad) {
            socket->write(serialize(HttpResponse::json(400, QByteArrayLiteral("\"Bad request line\"")), true));
            socket->disconnectFromHost();
            it->closeAfterResponse = true;
            return;
        }
        if (request.header("transfer-encoding").toLower().contains("chunked")) {
            socket->write(serialize(HttpResponse::json(411, QByteArrayLiteral("\"Length required\"")), true));
            socket->disconnectFromHost();
            it->closeAfterResponse = true;
            return;
        }
        bool lengthOk = true;
        const QByteArray lengthHeader = request.header("content-length");
        const qsizetype length = lengthHeader.isNull() ? 0 : lengthHeader.toLongLong(&lengthOk);
        if (!lengthOk || length < 0 || length > MaxBodyBytes) {
            socket->write(serialize(HttpResponse::json(413, QByteArrayLiteral("\"Bad Content-Length\"")), true));
            socket->disconnectFromHost();
            it->closeAfterResponse = true;
            return;
        }
        const qsizetype bodyStart = headerEnd + 4;
        if (buffer.size() < bodyStart + length)
            return; // wait for the rest of the body
        request.body = buffer.mid(bodyStart, length);
        buffer.remove(0, bodyStart + length);

        const QByteArray connectionHeader = request.header("connection").toLower();
        it->closeAfterResponse = http10 ? !connectionHeader.contains("keep-alive") : connectionHeader.contains("close");
        const quint64 exchange = m_nextExchange++;
        it->pendingExchange = exchange;
        m_exchanges.insert(exchange, socket);
        if (m_handler)
            m_handler(exchange, request);
        else
            respond(exchange, HttpResponse::json(503, QByteArrayLiteral("\"No handler\"")));
        // The handler may have answered synchronously; parse() loops for a following request if so.
        if (!m_connections.contains(socket))
            return;
        const Connection &after = m_connections[socket];
        if (after.pendingExchange != 0 || after.closeAfterResponse)
            return;
    }
}

QByteArray HttpListener::serialize(const HttpResponse &response, bool close, qsizetype announcedLength) const
{
    QByteArray out;
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + HttpResponse::reasonPhrase(response.status)
        + "\r\n";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    out += "Date: " + QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() + " GMT\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(announcedLength >= 0 ? announcedLength : response.body.size())
        + "\r\n";
    out += close ? QByteArrayLiteral("Connection: close\r\n") : QByteArrayLiteral("Connection: keep-alive\r\n");
    out += "Server: FakeLivy (Jetty(9.4.50.v20221201) imitation)\r\n\r\n";
    return out;
}

HttpListener::Connection *HttpListener::connectionFor(quint64 exchange)
{
    QTcpSocket *socket = m_exchanges.value(exchange);
    if (!socket)
        return nullptr;
    auto it = m_connections.find(socket);
    return it == m_connections.end() ? nullptr : &it.value();
}

const HttpListener::Connection *HttpListener::connectionFor(quint64 exchange) const
{
    QTcpSocket *socket = m_exchanges.value(exchange);
    if (!socket)
        return nullptr;
    auto it = m_connections.constFind(socket);
    return it == m_connections.constEnd() ? nullptr : &it.value();
}

bool HttpListener::isPending(quint64 exchange) const
{
    const Connection *c = connectionFor(exchange);
    return c && c->socket && c->pendingExchange == exchange;
}

void HttpListener::sendRaw(quint64 exchange, const QByteArray &bytes, bool close)
{
    Connection *c = connectionFor(exchange);
    m_exchanges.remove(exchange);
    if (!c || !c->socket || c->pendingExchange != exchange)
        return;
    QTcpSocket *socket = c->socket;
    c->pendingExchange = 0;
    if (!bytes.isEmpty())
        socket->write(bytes);
    if (close || c->closeAfterResponse) {
        c->closeAfterResponse = true;
        socket->disconnectFromHost();
        return;
    }
    // A following request may already wait in the buffer.
    if (!c->buffer.isEmpty())
        QMetaObject::invokeMethod(this, [this, guard = QPointer<QTcpSocket>(socket)] {
            if (guard)
                parse(guard);
        }, Qt::QueuedConnection);
}

void HttpListener::respond(quint64 exchange, const HttpResponse &response)
{
    const Connection *c = connectionFor(exchange);
    const bool close = c && c->closeAfterResponse;
    sendRaw(exchange, serialize(response, close) + response.body, close);
}

void HttpListener::respondTruncated(quint64 exchange, const HttpResponse &response)
{
    const qsizetype sent = response.body.size() / 2;
    sendRaw(exchange, serialize(response, false, response.body.size()) + response.body.left(sent), true);
}

void HttpListener::drop(quint64 exchange)
{
    sendRaw(exchange, {}, true);
}

} // namespace FakeLivy
