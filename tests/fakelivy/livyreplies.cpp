// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livyreplies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace FakeLivy::Reply {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString htmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

enum class ErrorFormat { Html, Json, Text };

/// Jetty 9.4 ErrorHandler: the first acceptable type in the Accept header decides; none means HTML.
ErrorFormat errorFormat(const HttpRequest &request)
{
    const QByteArray accept = request.header("accept");
    if (accept.isEmpty())
        return ErrorFormat::Html;
    const QList<QByteArray> types = accept.split(',');
    for (const QByteArray &entry : types) {
        const QByteArray type = entry.split(';').value(0).trimmed().toLower();
        if (type == "text/html" || type == "text/*" || type == "*/*")
            return ErrorFormat::Html;
        if (type == "application/json" || type == "text/json")
            return ErrorFormat::Json;
        if (type == "text/plain")
            return ErrorFormat::Text;
    }
    return ErrorFormat::Html;
}

const char *const ServletName = "org.apache.livy.server.interactive.InteractiveSessionServlet-5d7f1e59";

} // namespace

HttpResponse ok(const QJsonObject &object, int status)
{
    return HttpResponse::json(status, compact(object));
}

HttpResponse msg(int status, const QString &message)
{
    return HttpResponse::json(status, compact(QJsonObject{ { QStringLiteral("msg"), message } }));
}

HttpResponse bare(int status, const QString &text)
{
    // A JSON string literal: serialise a one-element array and strip the brackets.
    QByteArray array = QJsonDocument(QJsonArray{ text }).toJson(QJsonDocument::Compact);
    return HttpResponse::json(status, array.mid(1, array.size() - 2));
}

HttpResponse jettyError(int status, const QString &message, const HttpRequest &request)
{
    const QString uri = QString::fromLatin1(request.rawPath);
    HttpResponse r;
    r.status = status;
    switch (errorFormat(request)) {
    case ErrorFormat::Json:
        r.contentType = QByteArrayLiteral("application/json");
        r.body = compact(QJsonObject{
            { QStringLiteral("servlet"), QLatin1String(ServletName) },
            { QStringLiteral("message"), message },
            { QStringLiteral("url"), uri },
            { QStringLiteral("status"), QString::number(status) },
        });
        break;
    case ErrorFormat::Text:
        r.contentType = QByteArrayLiteral("text/plain;charset=iso-8859-1");
        r.body = QStringLiteral("HTTP ERROR %1 %2\nURI: %3\nSTATUS: %1\nMESSAGE: %2\nSERVLET: %4\n")
                     .arg(status)
                     .arg(message, uri, QLatin1String(ServletName))
                     .toLatin1();
        break;
    case ErrorFormat::Html:
        r.contentType = QByteArrayLiteral("text/html;charset=iso-8859-1");
        r.body = QStringLiteral(
                     "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=ISO-8859-1\"/>\n"
                     "<title>Error %1 %2</title>\n</head>\n<body><h2>HTTP ERROR %1 %2</h2>\n<table>\n"
                     "<tr><th>URI:</th><td>%3</td></tr>\n<tr><th>STATUS:</th><td>%1</td></tr>\n"
                     "<tr><th>MESSAGE:</th><td>%2</td></tr>\n<tr><th>SERVLET:</th><td>%4</td></tr>\n</table>\n"
                     "<hr><a href=\"https://eclipse.org/jetty\">Powered by Jetty:// 9.4.50.v20221201</a><hr/>\n\n"
                     "</body>\n</html>\n")
                     .arg(status)
                     .arg(htmlEscape(message), htmlEscape(uri), QLatin1String(ServletName))
                     .toLatin1();
        break;
    }
    return r;
}

HttpResponse scalatraNotFound(const HttpRequest &request)
{
    QString servlet;
    QString path = QString::fromLatin1(request.rawPath);
    if (path.startsWith(QLatin1String("/sessions"))) {
        servlet = QStringLiteral("/sessions");
        path = path.mid(servlet.size());
        if (path.isEmpty())
            path = QStringLiteral("/");
    }
    static const char *const routes[] = {
        "GET /",        "GET /:id",           "GET /:id/state",          "GET /:id/log",
        "POST /",       "DELETE /:id",        "POST /:id/connect",       "POST /:id/completion",
        "POST /:id/statements", "GET /:id/statements", "GET /:id/statements/:statementId",
        "POST /:id/statements/:statementId/cancel",
    };
    QString list;
    for (const char *route : routes)
        list += QStringLiteral("<li>%1</li>").arg(QLatin1String(route));
    HttpResponse r;
    r.status = 404;
    r.contentType = QByteArrayLiteral("text/html;charset=utf-8");
    r.body = QStringLiteral("Requesting \"%1 %2\" on servlet \"%3\" but only have: <ul>%4</ul>\n")
                 .arg(QString::fromLatin1(request.method), path.toHtmlEscaped(), servlet, list)
                 .toUtf8();
    return r;
}

HttpResponse methodNotAllowed(const HttpRequest &, const QByteArray &allow)
{
    HttpResponse r;
    r.status = 405;
    r.headers.append({ QByteArrayLiteral("Allow"), allow });
    return r;
}

HttpResponse sessionNotFound(const QString &idOrName)
{
    return msg(404, QStringLiteral("Session '%1' not found.").arg(idOrName));
}

HttpResponse badInteger(const QString &text)
{
    return msg(400, QStringLiteral("For input string: \"%1\"").arg(text));
}

HttpResponse notRunning(const QString &state)
{
    return bare(500, QStringLiteral("java.lang.IllegalStateException: Session is in state %1").arg(state));
}

QString jacksonSource(int column)
{
    return QStringLiteral("\n at [Source: (org.eclipse.jetty.server.HttpInputOverHTTP); line: 1, column: %1]").arg(column);
}

QString jacksonUnrecognizedField(const QString &field, const QString &className, const QStringList &known, int column)
{
    QStringList quoted;
    for (const QString &k : known)
        quoted.append(QLatin1Char('"') + k + QLatin1Char('"'));
    return QStringLiteral("Unrecognized field \"%1\" (class %2), not marked as ignorable (%3 known properties: %4])%5"
                          " (through reference chain: %2[\"%1\"])")
        .arg(field, className)
        .arg(known.size())
        .arg(quoted.join(QStringLiteral(", ")), jacksonSource(column));
}

} // namespace FakeLivy::Reply
