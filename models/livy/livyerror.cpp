// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livyerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QRegularExpression>
#include <QStringList>

#include <functional>
#include <vector>

namespace Livy {

namespace {

QString capLine(QString line)
{
    if (line.size() > LivyError::MaxMessage)
        line = line.left(LivyError::MaxMessage - 1) + QChar(0x2026);
    return line;
}

/// The first non-empty line, with control characters turned into spaces.
QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype nl = trimmed.indexOf(QLatin1Char('\n'));
    QString line = (nl < 0 ? trimmed : trimmed.left(nl)).trimmed();
    for (QChar &c : line) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return line.trimmed();
}

QString decodeHtmlEntities(const QString &text)
{
    static const QRegularExpression entity(QStringLiteral(R"(&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});)"));
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = entity.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1);
        char32_t code = 0;
        if (name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive))
            code = name.mid(2).toUInt(nullptr, 16);
        else if (name.startsWith(QLatin1Char('#')))
            code = name.mid(1).toUInt(nullptr, 10);
        else if (name == QLatin1String("amp"))
            code = '&';
        else if (name == QLatin1String("lt"))
            code = '<';
        else if (name == QLatin1String("gt"))
            code = '>';
        else if (name == QLatin1String("quot"))
            code = '"';
        else if (name == QLatin1String("apos"))
            code = '\'';
        else if (name == QLatin1String("nbsp"))
            code = ' ';
        if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            out += m.captured(0); // unknown entity: keep it as written
        else
            out += QString::fromUcs4(&code, 1);
    }
    out += QStringView(text).mid(last);
    return out;
}

/// Text of an HTML fragment: tags removed, entities decoded, white space collapsed.
QString htmlText(const QString &html)
{
    static const QRegularExpression tag(QStringLiteral(R"(<[^>]*>)"));
    QString text = html;
    text.replace(tag, QStringLiteral(" "));
    return decodeHtmlEntities(text).simplified();
}

/// Jetty's error page. 9.4: a table row <th>MESSAGE:</th><td>…</td>; 9.3: <pre>…</pre> after "Reason:";
/// both, and proxies' pages: <title>Error 400 …</title>.
QString messageFromHtml(const QString &html)
{
    static const QRegularExpression messageRow(
        QStringLiteral(R"(<th>\s*MESSAGE:\s*</th>\s*<td>(.*?)</td>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression pre(
        QStringLiteral(R"(<pre>(.*?)</pre>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression title(
        QStringLiteral(R"(<title>(.*?)</title>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression statusPrefix(QStringLiteral(R"(^(?:(?:HTTP\s+)?Error\s+)?\d{3}\b\s*[-:]?\s*)"),
                                                 QRegularExpression::CaseInsensitiveOption);
    for (const QRegularExpression *re : { &messageRow, &pre, &title }) {
        const QRegularExpressionMatch m = re->match(html);
        if (!m.hasMatch())
            continue;
        QString text = htmlText(m.captured(1));
        text.remove(statusPrefix);
        if (!text.isEmpty())
            return text;
    }
    return {};
}

/// HTTP reason phrases as proxies put them in their pages: they say less than genericHttpText().
bool isBareReasonPhrase(const QString &text)
{
    static const char *const phrases[] = {
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Not Acceptable",
        "Request Timeout", "Too Many Requests", "Internal Server Error", "Bad Gateway", "Service Unavailable",
        "Gateway Timeout", "Service Temporarily Unavailable",
    };
    for (const char *phrase : phrases) {
        if (text.compare(QLatin1String(phrase), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString quotedSession(const QString &idOrName)
{
    bool isNumber = false;
    idOrName.toInt(&isNumber);
    return isNumber ? idOrName : QLatin1Char('"') + idOrName + QLatin1Char('"');
}

QString sessionStateText(const QString &state)
{
    static const QStringList starting{ QStringLiteral("not_started"), QStringLiteral("starting"),
                                       QStringLiteral("recovering") };
    static const QStringList ended{ QStringLiteral("shutting_down"), QStringLiteral("error"), QStringLiteral("dead"),
                                    QStringLiteral("killed"), QStringLiteral("success") };
    if (starting.contains(state))
        return QStringLiteral("The session is not ready yet (it is %1); try again when it is idle")
            .arg(state == QLatin1String("not_started") ? QStringLiteral("not started") : state);
    if (ended.contains(state))
        return QStringLiteral("The session has ended (state \"%1\")").arg(state);
    return QStringLiteral("The session cannot do this in state \"%1\"").arg(state);
}

/// Turns Livy's server text into one line a user reads in one go.
QString humanize(const QString &serverText)
{
    // Scalatra's "no such route" 404 (a plain-text body with an HTML list of the servlet's routes).
    static const QRegularExpression noRoute(QStringLiteral(R"re(^Requesting "(\S+) ([^"]*)" on servlet "([^"]*)")re"));
    if (const auto m = noRoute.match(serverText.trimmed()); m.hasMatch()) {
        return QStringLiteral("The server has no endpoint %1 %2 (is this the address of a Livy server?)")
            .arg(m.captured(1), m.captured(3) + m.captured(2));
    }
    QString line = firstLine(serverText);
    // Jackson appends where in the request the problem was; the user does not need Livy's class names.
    static const QRegularExpression referenceChain(QStringLiteral(R"(\s*\(through reference chain: .*$)"));
    line.remove(referenceChain);
    static const QRegularExpression exceptionPrefix(
        QStringLiteral(R"(^(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable): )"));
    for (bool changed = true; changed;) {
        changed = false;
        for (const QString &prefix : { QStringLiteral("Rejected, Reason: "), QStringLiteral("requirement failed: ") }) {
            if (line.startsWith(prefix) && line.size() > prefix.size()) {
                line.remove(0, prefix.size());
                changed = true;
            }
        }
        if (const auto m = exceptionPrefix.match(line); m.hasMatch() && m.capturedLength() < line.size()) {
            line.remove(0, m.capturedLength());
            changed = true;
        }
    }
    // Scala's Option leaks into Livy's texts: 'Some(bob)' and Some(x).
    static const QRegularExpression quotedSome(QStringLiteral(R"('Some\(([^()]*)\)')"));
    static const QRegularExpression someWrapper(QStringLiteral(R"(\bSome\(([^()]*)\))"));
    line.replace(quotedSome, QStringLiteral("'\\1'"));
    line.replace(someWrapper, QStringLiteral("\\1"));

    struct Rule
    {
        QRegularExpression pattern;
        std::function<QString(const QRegularExpressionMatch &)> text;
    };
    static const std::vector<Rule> rules = [] {
        std::vector<Rule> r;
        // nginx and other TLS gateways in front of Livy that require a client certificate.
        r.push_back({ QRegularExpression(QStringLiteral(R"(No required SSL certificate was sent)")),
                      [](const QRegularExpressionMatch &) {
                          return QStringLiteral("The server's gateway requires a client certificate: choose one "
                                                "in the server profile");
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(The SSL certificate error)")),
                      [](const QRegularExpressionMatch &) {
                          return QStringLiteral("The server's gateway did not accept the client certificate (not "
                                                "signed by a CA it trusts, or expired)");
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Session '(.*)' not found\.?$)")),
                      [](const QRegularExpressionMatch &m) {
                          return QStringLiteral("Session %1 was not found on the server (it may have ended or expired)")
                              .arg(quotedSession(m.captured(1)));
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Statement not found\.?$)")),
                      [](const QRegularExpressionMatch &) {
                          return QStringLiteral("The statement was not found on the server (Livy keeps only the "
                                                "newest statements of a running session)");
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Duplicate session name: (.*?)(?: for session (\d+))?\.?$)")),
                      [](const QRegularExpressionMatch &m) {
                          QString text = QStringLiteral("A session named \"%1\" already exists").arg(m.captured(1));
                          if (m.hasCaptured(2) && !m.captured(2).isEmpty())
                              text += QStringLiteral(" (session %1)").arg(m.captured(2));
                          return text;
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Invalid session name:\s?(.*)$)")),
                      [](const QRegularExpressionMatch &m) {
                          return QStringLiteral("\"%1\" cannot be a session name: a name must not be empty or only "
                                                "digits").arg(m.captured(1));
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Rejected, too many sessions are being created!?$)")),
                      [](const QRegularExpressionMatch &) {
                          return QStringLiteral("The server is already starting too many sessions; try again in a "
                                                "moment");
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Session is in state (\w+)\.?$)")),
                      [](const QRegularExpressionMatch &m) { return sessionStateText(m.captured(1)); } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Session isn't active\.?$)")),
                      [](const QRegularExpressionMatch &) {
                          return QStringLiteral("The session is not active (it is starting or has ended)");
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"re(^For input string: "(.*)"$)re")),
                      [](const QRegularExpressionMatch &m) {
                          return QStringLiteral("The server could not read \"%1\" as a number").arg(m.captured(1));
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"re(^Unrecognized field "([^"]*)")re")),
                      [](const QRegularExpressionMatch &m) {
                          return QStringLiteral("The server does not know the field \"%1\" (it may be an older Livy "
                                                "version)").arg(m.captured(1));
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^User '(.*)' not allowed to impersonate '(.*)'\.?$)")),
                      [](const QRegularExpressionMatch &m) {
                          return QStringLiteral("User \"%1\" is not allowed to run sessions as \"%2\"")
                              .arg(m.captured(1), m.captured(2));
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Invalid time string: (.*)$)")),
                      [](const QRegularExpressionMatch &m) {
                          return QStringLiteral("\"%1\" is not a valid duration (write it like 30m, 2h or 1d)")
                              .arg(m.captured(1));
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"re(^Invalid suffix: "(.*)"$)re")),
                      [](const QRegularExpressionMatch &m) {
                          return QStringLiteral("\"%1\" is not a duration unit (use us, ms, s, m, min, h or d)")
                              .arg(m.captured(1));
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Invalid kind: null$)")),
                      [](const QRegularExpressionMatch &) {
                          return QStringLiteral("The request named no kind, and the server needs one (spark, pyspark, "
                                                "sparkr or sql)");
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Invalid kind: (\S+)$)")),
                      [](const QRegularExpressionMatch &m) {
                          return QStringLiteral("\"%1\" is not a kind this server knows (spark, pyspark, sparkr, sql, "
                                                "shared)").arg(m.captured(1));
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^No content to map due to end-of-input)")),
                      [](const QRegularExpressionMatch &) {
                          return QStringLiteral("The server received no JSON body (it reads only application/json "
                                                "request bodies)");
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^(?:[a-z][\w$]*\.)+([A-Z][\w$]*(?:Exception|Error))$)")),
                      [](const QRegularExpressionMatch &m) {
                          return QStringLiteral("The server failed with an internal error (%1)").arg(m.captured(1));
                      } });
        r.push_back({ QRegularExpression(QStringLiteral(R"(^Missing Required Header for CSRF protection\.?$)")),
                      [](const QRegularExpressionMatch &) {
                          return QStringLiteral("The server refused the request: the X-Requested-By header (CSRF "
                                                "protection) did not arrive");
                      } });
        return r;
    }();
    for (const Rule &rule : rules) {
        if (const QRegularExpressionMatch m = rule.pattern.match(line); m.hasMatch())
            return capLine(rule.text(m));
    }
    return capLine(line);
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

/// At most `max` bytes, never ending inside a UTF-8 sequence.
QByteArray sampleOf(const QByteArray &body, qsizetype max)
{
    if (body.size() <= max)
        return body;
    qsizetype end = max;
    // Step back over continuation bytes (10xxxxxx) to the lead byte, and drop that incomplete character.
    while (end > 0 && (uchar(body.at(end)) & 0xC0) == 0x80)
        --end;
    return body.left(end);
}

} // namespace

LivyError::LivyError(Kind kind, QString message, int httpStatus, QByteArray rawBody)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_message(std::move(message))
    , m_rawBody(sampleOf(rawBody, MaxRawBody))
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
        if (parseError.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
            return doc.array().at(0).toString();
        return {};
    }
    if (trimmed.startsWith('{')) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return {};
        // Livy's ResponseMessage {"msg"}; Jetty 9.4's JSON error page {"message", "status": "400", ...}.
        const QJsonObject obj = doc.object();
        for (const auto key : { QLatin1String("msg"), QLatin1String("message"), QLatin1String("error") }) {
            const QJsonValue v = obj.value(key);
            if (v.isString() && !v.toString().trimmed().isEmpty())
                return v.toString();
        }
        return {};
    }
    if (trimmed.startsWith('['))
        return {};
    // HTML and plain text: the message is near the top; do not scan megabytes of a runaway page.
    constexpr qsizetype MaxScan = 64 * 1024;
    const QString text = QString::fromUtf8(sampleOf(trimmed, MaxScan));
    if (text.startsWith(QLatin1Char('<')))
        return messageFromHtml(text);
    return text; // plain text bodies (proxies, servlet containers' default pages)
}

LivyError LivyError::fromHttpResponse(int httpStatus, const QByteArray &body, const QString &what)
{
    LivyError error(Kind::Http, {}, httpStatus, body);
    error.m_serverText = serverMessage(body);
    if (error.m_serverText.size() > MaxRawBody)
        error.m_serverText = error.m_serverText.left(MaxRawBody - 1) + QChar(0x2026);
    QString shown = error.m_serverText;
    const QByteArray start = body.trimmed().left(1);
    if (start != "{" && start != "\"" && start != "<") {
        // A plain-text body (proxies, servlet containers' default pages): never show its markup to a user.
        // Livy's JSON shapes keep their text as the server wrote it.
        static const QRegularExpression tag(QStringLiteral(R"(</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"));
        if (shown.contains(tag))
            shown = shown.replace(tag, QStringLiteral(" ")).simplified();
    }
    QString text = shown.isEmpty() ? QString() : humanize(shown);
    if (httpStatus == 406) {
        // Livy's only 406 is an Accept: application/vnd.livy.vX+json it does not serve; its text is Scala's
        // "No value found for 'X'".
        static const QRegularExpression version(QStringLiteral(R"(^No value found for '(.*)'$)"));
        const QRegularExpressionMatch m = version.match(text);
        text = genericHttpText(httpStatus) + (m.hasMatch() ? QStringLiteral(" (%1)").arg(m.captured(1)) : QString());
    }
    if (text.isEmpty() || isBareReasonPhrase(text))
        text = genericHttpText(httpStatus);
    if (!what.isEmpty())
        text = what + QStringLiteral(": ") + text;
    error.m_message = text;
    return error;
}

bool LivyError::isSessionNotFound() const
{
    static const QRegularExpression notFound(QStringLiteral(R"(^\s*Session '.*' not found\.?\s*$)"));
    return isNotFound() && notFound.match(m_serverText).hasMatch();
}

bool LivyError::isTransient() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return m_httpStatus == 408 || m_httpStatus == 429 || m_httpStatus == 502 || m_httpStatus == 503
            || m_httpStatus == 504;
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
    case Kind::Local: return QStringLiteral("local");
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

namespace Livy {

QString LivyError::describeFor(const QString &doing) const
{
    QString what;
    switch (m_kind) {
    case Kind::None: return {};
    case Kind::Network:
        what = m_httpStatus > 0 ? QObject::tr("The server's answer was cut off") : QObject::tr("The server could not be reached");
        break;
    case Kind::Timeout: what = QObject::tr("The server did not answer in time"); break;
    case Kind::Tls: what = QObject::tr("The secure connection to the server failed"); break;
    case Kind::Protocol: what = QObject::tr("The server sent an answer LivyDesk cannot read"); break;
    case Kind::Cancelled: what = QObject::tr("The request was cancelled"); break;
    case Kind::Local: what = m_message; break;
    case Kind::Http:
        if (m_httpStatus >= 500) {
            // "java.lang.NullPointerException" -> "NullPointerException": the exception's name is what tells most.
            static const QRegularExpression exception(QStringLiteral(R"(([A-Za-z]+(?:Exception|Error)))"));
            const QRegularExpressionMatch m = exception.match(m_serverText);
            what = m.hasMatch() ? QObject::tr("The server answered with an internal error (%1)").arg(m.captured(1))
                                : QObject::tr("The server answered with an internal error (HTTP %1)").arg(m_httpStatus);
        } else if (m_httpStatus == 401 || m_httpStatus == 403) {
            // The job worded it: what was refused and what to fix ("No Kerberos ticket: run kinit…").
            what = QObject::tr("%1 (HTTP %2)").arg(m_message).arg(m_httpStatus);
        } else if (m_httpStatus == 404) {
            what = QObject::tr("The server does not know it (HTTP 404)");
        } else {
            what = QObject::tr("The server refused the request (HTTP %1: %2)").arg(m_httpStatus).arg(m_message);
        }
        break;
    }
    return doing.isEmpty() ? what : QObject::tr("%1 while %2").arg(what, doing);
}

} // namespace Livy
