// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livyerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

namespace Livy {

namespace {

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype nl = trimmed.indexOf(QLatin1Char('\n'));
    QString line = (nl < 0 ? trimmed : trimmed.left(nl)).trimmed();
    constexpr qsizetype MaxLine = 300;
    if (line.size() > MaxLine)
        line = line.left(MaxLine - 1) + QChar(0x2026);
    return line;
}

QString decodeHtmlEntities(QString text)
{
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    text.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    text.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    text.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    text.replace(QStringLiteral("&apos;"), QStringLiteral("'"));
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

/// Jetty's HTML error page: <title>Error 400 Missing Required Header…</title> and a MESSAGE row.
QString messageFromHtml(const QString &html)
{
    static const QRegularExpression messageRow(
        QStringLiteral(R"(<th>\s*MESSAGE:\s*</th>\s*<td>(.*?)</td>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (const auto m = messageRow.match(html); m.hasMatch())
        return decodeHtmlEntities(m.captured(1).trimmed());
    static const QRegularExpression title(
        QStringLiteral(R"(<title>\s*(?:Error\s+\d{3}\s*)?(.*?)</title>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (const auto m = title.match(html); m.hasMatch())
        return decodeHtmlEntities(m.captured(1).trimmed());
    static const QRegularExpression pre(
        QStringLiteral(R"(<pre>(.*?)</pre>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (const auto m = pre.match(html); m.hasMatch())
        return decodeHtmlEntities(m.captured(1).trimmed());
    return {};
}

/// Turns Livy's server text into something a user reads in one go: drops Java exception class
/// prefixes, "Rejected, Reason:" and "requirement failed:", and Scala's Some(x) wrapper.
QString humanize(const QString &serverText)
{
    // Scalatra's "no such route" 404 (a plain-text body with an HTML list of the servlet's routes).
    static const QRegularExpression noRoute(QStringLiteral(R"re(^Requesting "(\S+) ([^"]*)" on servlet "([^"]*)")re"));
    if (const auto m = noRoute.match(serverText.trimmed()); m.hasMatch()) {
        return QStringLiteral("The server has no endpoint %1 %2 (is this the address of a Livy server?)")
            .arg(m.captured(1), m.captured(3) + m.captured(2));
    }
    QString line = firstLine(serverText);
    // Never show markup to a user, whatever a proxy or servlet put in a text body.
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    if (line.contains(tag))
        line = line.replace(tag, QStringLiteral(" ")).simplified();
    static const QRegularExpression exceptionPrefix(
        QStringLiteral(R"(^(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error): )"));
    static const QRegularExpression someWrapper(QStringLiteral(R"(\bSome\(([^()]*)\))"));
    for (bool changed = true; changed;) {
        changed = false;
        for (const QString &prefix : { QStringLiteral("Rejected, Reason: "), QStringLiteral("requirement failed: ") }) {
            if (line.startsWith(prefix)) {
                line.remove(0, prefix.size());
                changed = true;
            }
        }
        if (const auto m = exceptionPrefix.match(line); m.hasMatch() && m.capturedLength() < line.size()) {
            line.remove(0, m.capturedLength());
            changed = true;
        }
    }
    line.replace(someWrapper, QStringLiteral("'\\1'"));
    static const QRegularExpression sessionNotFound(QStringLiteral(R"(^Session '([^']*)' not found\.?$)"));
    if (const auto m = sessionNotFound.match(line); m.hasMatch())
        return QStringLiteral("Session %1 was not found on the server (it may have ended or expired).")
            .arg(m.captured(1));
    return line;
}

QString genericHttpText(int status)
{
    switch (status) {
    case 400: return QStringLiteral("The server rejected the request as invalid");
    case 401: return QStringLiteral("The server requires authentication");
    case 403: return QStringLiteral("Access denied by the server");
    case 404: return QStringLiteral("Not found on the server");
    case 405: return QStringLiteral("The server does not allow this method here");
    case 406: return QStringLiteral("The server does not accept this API version");
    case 408: return QStringLiteral("The server timed out waiting for the request");
    case 409: return QStringLiteral("The request conflicts with the server's state");
    case 429: return QStringLiteral("Too many requests; the server asks to slow down");
    case 500: return QStringLiteral("The server failed with an internal error");
    case 502: return QStringLiteral("Bad gateway between LivyDesk and the Livy server");
    case 503: return QStringLiteral("The Livy server is unavailable");
    case 504: return QStringLiteral("A gateway timed out waiting for the Livy server");
    default: break;
    }
    return status >= 500 ? QStringLiteral("The server failed (HTTP %1)").arg(status)
                         : QStringLiteral("The server refused the request (HTTP %1)").arg(status);
}

} // namespace

LivyError::LivyError(Kind kind, QString message, int httpStatus, QByteArray rawBody)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_message(std::move(message))
    , m_rawBody(rawBody.left(MaxRawBody))
{
}

LivyError LivyError::protocol(const QString &message, const QByteArray &rawBody)
{
    return LivyError(Kind::Protocol, message, 0, rawBody);
}

QString LivyError::serverMessage(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return {};
    QJsonParseError parseError{};
    // A bare JSON string is valid JSON only for parsers that accept scalars at top level;
    // QJsonDocument does not, so wrap it in an array.
    if (trimmed.startsWith('"')) {
        const QJsonDocument doc = QJsonDocument::fromJson("[" + trimmed + "]", &parseError);
        if (parseError.error == QJsonParseError::NoError && doc.isArray())
            return doc.array().at(0).toString();
    }
    if (trimmed.startsWith('{')) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
        if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
            const QJsonObject obj = doc.object();
            for (const auto key : { QLatin1String("msg"), QLatin1String("message"), QLatin1String("error") }) {
                const QJsonValue v = obj.value(key);
                if (v.isString() && !v.toString().isEmpty())
                    return v.toString();
            }
            return {};
        }
    }
    const QString text = QString::fromUtf8(trimmed);
    if (text.startsWith(QLatin1Char('<')))
        return messageFromHtml(text);
    return text; // plain text bodies (proxies, Scalatra's default pages)
}

LivyError LivyError::fromHttpResponse(int httpStatus, const QByteArray &body, const QString &what)
{
    LivyError error(Kind::Http, {}, httpStatus, body);
    error.m_serverText = serverMessage(body);
    QString text = error.m_serverText.isEmpty() ? QString() : humanize(error.m_serverText);
    if (text.isEmpty())
        text = genericHttpText(httpStatus);
    if (!what.isEmpty())
        text = what + QStringLiteral(": ") + text;
    error.m_message = text;
    return error;
}

bool LivyError::isTransient() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return m_httpStatus == 502 || m_httpStatus == 503 || m_httpStatus == 504 || m_httpStatus == 429;
    default:
        return false;
    }
}

QString LivyError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::Http: return QStringLiteral("http");
    case Kind::Protocol: return QStringLiteral("protocol");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString LivyError::toString() const
{
    if (m_kind == Kind::Http)
        return QStringLiteral("HTTP %1: %2").arg(m_httpStatus).arg(m_message);
    return kindName(m_kind) + QStringLiteral(": ") + m_message;
}

} // namespace Livy
