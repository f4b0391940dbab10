// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Livy::LivyError: every error body shape Livy and its Jetty filters send (fixtures in tests/fixtures/protocol,
// error-<status>-*.{json,html,txt}), the one-line messages made from them, the raw body sample, and the predicates.

#include "protocolfixtures.h"

#include "livy/livyerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Livy;

namespace {

struct Expected
{
    const char *message;
    bool sessionNotFound = false;
};

// What a user reads for each fixture. Every fixture file must be listed here and every entry must exist.
const QHash<QString, Expected> &expectedMessages()
{
    static const QHash<QString, Expected> table{
        { QStringLiteral("error-404-session-not-found.json"),
          { "Session 42 was not found on the server (it may have ended or expired)", true } },
        { QStringLiteral("error-404-session-name-not-found.json"),
          { "Session \"etl nightly\" was not found on the server (it may have ended or expired)", true } },
        { QStringLiteral("error-404-session-not-found-0.5.json"),
          { "Session 3 was not found on the server (it may have ended or expired)", true } },
        { QStringLiteral("error-404-statement-not-found.json"),
          { "The statement was not found on the server (Livy keeps only the newest statements of a running session)" } },
        { QStringLiteral("error-404-already-stopped.json"), { "Session 4 already stopped." } },
        { QStringLiteral("error-400-duplicate-name.json"), { "A session named \"x\" already exists (session 7)" } },
        { QStringLiteral("error-400-duplicate-name-0.6.json"), { "A session named \"etl-nightly\" already exists" } },
        { QStringLiteral("error-400-invalid-name.json"),
          { "\"123\" cannot be a session name: a name must not be empty or only digits" } },
        { QStringLiteral("error-400-invalid-ttl.json"),
          { "\"abc\" is not a valid duration (write it like 30m, 2h or 1d)" } },
        { QStringLiteral("error-400-too-many-sessions.json"),
          { "The server is already starting too many sessions; try again in a moment" } },
        { QStringLiteral("error-400-path-not-absolute.json"), { "Path 'lib/helpers.zip' is not absolute." } },
        { QStringLiteral("error-400-local-path-not-allowed.json"),
          { "Local path /home/bob/helpers.zip cannot be added to user sessions." } },
        { QStringLiteral("error-400-for-input-string.json"), { "The server could not read \"x\" as a number" } },
        { QStringLiteral("error-400-not-active.json"), { "The session is not active (it is starting or has ended)" } },
        { QStringLiteral("error-400-unknown-field.json"),
          { "The server does not know the field \"idleTimeout\" (it may be an older Livy version)" } },
        { QStringLiteral("error-400-invalid-kind.json"),
          { "\"pyspark3\" is not a kind this server knows (spark, pyspark, sparkr, sql, shared)" } },
        { QStringLiteral("error-400-bad-json.json"),
          { "Unexpected character ('}' (code 125)): was expecting double-quote to start field name" } },
        { QStringLiteral("error-403-impersonation.json"), { "User \"alice\" is not allowed to run sessions as \"bob\"" } },
        { QStringLiteral("error-403-acl-denied.txt"), { "Access denied by the server" } },
        { QStringLiteral("error-403-not-authorised-jetty94.json"), { "User not authorised to use Livy." } },
        { QStringLiteral("error-400-csrf-jetty94.json"),
          { "The server refused the request: the X-Requested-By header (CSRF protection) did not arrive" } },
        { QStringLiteral("error-400-csrf-jetty94.html"),
          { "The server refused the request: the X-Requested-By header (CSRF protection) did not arrive" } },
        { QStringLiteral("error-400-csrf-jetty93.html"),
          { "The server refused the request: the X-Requested-By header (CSRF protection) did not arrive" } },
        { QStringLiteral("error-403-ldap-jetty94.html"),
          { "Error validating LDAP user 'bob': javax.naming.AuthenticationException: [LDAP: error code 49 - Invalid "
            "Credentials] <uid=bob,ou=people,dc=example,dc=com> & \"simple\" bind" } },
        { QStringLiteral("error-401-auth-required-jetty94.html"), { "Authentication required" } },
        { QStringLiteral("error-500-session-starting.json"),
          { "The session is not ready yet (it is starting); try again when it is idle" } },
        { QStringLiteral("error-500-session-dead.json"), { "The session has ended (state \"dead\")" } },
        { QStringLiteral("error-500-shared-kind.json"), { "Code type should be specified if session kind is shared" } },
        { QStringLiteral("error-500-npe-0.8.json"), { "The server failed with an internal error (NullPointerException)" } },
        { QStringLiteral("error-500-rpc-too-large.json"),
          { "Message (73400320 bytes) exceeds maximum allowed size (52428800 bytes)." } },
        { QStringLiteral("error-502-nginx.html"), { "Bad gateway between LivyDesk and the Livy server" } },
        { QStringLiteral("error-503-plain.txt"), { "The Livy server is unavailable" } },
    };
    return table;
}

int statusFromName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral(R"(^error-(\d{3})-)"));
    const QRegularExpressionMatch m = re.match(name);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QByteArray jetty94Html(int status, const QString &escapedMessage)
{
    return QStringLiteral("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
                          "<title>Error %1 %2</title>\n</head>\n<body><h2>HTTP ERROR %1 %2</h2>\n<table>\n"
                          "<tr><th>URI:</th><td>/sessions</td></tr>\n<tr><th>STATUS:</th><td>%1</td></tr>\n"
                          "<tr><th>MESSAGE:</th><td>%2</td></tr>\n"
                          "<tr><th>SERVLET:</th><td>org.apache.livy.server.interactive.InteractiveSessionServlet-5a</td></tr>\n"
                          "</table>\n<hr/><a href=\"https://eclipse.org/jetty\">Powered by Jetty:// 9.4.56.v20240826</a><hr/>\n"
                          "\n</body>\n</html>\n")
        .arg(status)
        .arg(escapedMessage)
        .toUtf8();
}

QByteArray jetty93Html(int status, const QString &escapedMessage)
{
    return QStringLiteral("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=ISO-8859-1\"/>\n"
                          "<title>Error %1 %2</title>\n</head>\n<body><h2>HTTP ERROR %1</h2>\n"
                          "<p>Problem accessing /sessions. Reason:\n<pre>    %2</pre></p><hr>"
                          "<a href=\"http://eclipse.org/jetty\">Powered by Jetty:// 9.3.24.v20180605</a><hr/>\n</body>\n</html>\n")
        .arg(status)
        .arg(escapedMessage)
        .toUtf8();
}

QString htmlEscaped(const QString &text)
{
    QString out = text.toHtmlEscaped(); // & < > "
    out.replace(QLatin1Char('\''), QStringLiteral("&apos;"));
    return out;
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{ text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // strip [ ]
}

bool isValidUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

} // namespace

class TestLivyError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyErrorFixtureIsListed();
    void fixtures_data();
    void fixtures();
    void allBodyShapesGiveTheSameMessage_data();
    void allBodyShapesGiveTheSameMessage();
    void jettyJsonStatusIsAString();
    void emptyBody_data();
    void emptyBody();
    void nonJsonText();
    void malformedOrSilentJson_data();
    void malformedOrSilentJson();
    void htmlEntities_data();
    void htmlEntities();
    void hugeBodiesAreTruncated();
    void rawSampleEndsOnACharacterBoundary_data();
    void rawSampleEndsOnACharacterBoundary();
    void messageIsOneLine();
    void humanized_data();
    void humanized();
    void whatIsPrefixed();
    void sessionNotFound_data();
    void sessionNotFound();
    void isTransient_data();
    void isTransient();
    void defaultsAndFactories();
};

void TestLivyError::initTestCase()
{
    QVERIFY(ProtocolFixtures::files(ProtocolFixtures::protocolDir(), QStringLiteral("error-*")).size() >= 30);
}

void TestLivyError::everyErrorFixtureIsListed()
{
    const QStringList files = ProtocolFixtures::files(ProtocolFixtures::protocolDir(), QStringLiteral("error-*"));
    for (const QString &name : files)
        QVERIFY2(expectedMessages().contains(name), qPrintable(QStringLiteral("no expectation for ") + name));
    for (auto it = expectedMessages().begin(); it != expectedMessages().end(); ++it)
        QVERIFY2(files.contains(it.key()), qPrintable(QStringLiteral("missing fixture ") + it.key()));
}

void TestLivyError::fixtures_data()
{
    QTest::addColumn<QString>("name");
    const QStringList files = ProtocolFixtures::files(ProtocolFixtures::protocolDir(), QStringLiteral("error-*"));
    for (const QString &name : files)
        QTest::newRow(qPrintable(name)) << name;
}

void TestLivyError::fixtures()
{
    QFETCH(QString, name);
    const QByteArray body = ProtocolFixtures::read(ProtocolFixtures::protocolDir() + QLatin1Char('/') + name);
    QVERIFY(!body.isNull());
    const int status = statusFromName(name);
    QVERIFY(status >= 400);
    const LivyError error = LivyError::fromHttpResponse(status, body);
    const Expected expected = expectedMessages().value(name);
    QVERIFY(error.isError());
    QCOMPARE(error.kind(), LivyError::Kind::Http);
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.message(), QString::fromUtf8(expected.message));
    QCOMPARE(error.isSessionNotFound(), expected.sessionNotFound);
    QCOMPARE(error.isNotFound(), status == 404);
    QCOMPARE(error.rawBody(), body.left(LivyError::MaxRawBody));
    QVERIFY(!error.message().contains(QLatin1Char('\n')));
    QVERIFY(error.message().size() <= LivyError::MaxMessage);
    QCOMPARE(error.toString(), QStringLiteral("HTTP %1: %2").arg(status).arg(error.message()));
}

void TestLivyError::allBodyShapesGiveTheSameMessage_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("csrf") << "Missing Required Header for CSRF protection."
                          << "The server refused the request: the X-Requested-By header (CSRF protection) did not arrive";
    QTest::newRow("not found") << "Session '42' not found."
                               << "Session 42 was not found on the server (it may have ended or expired)";
    QTest::newRow("duplicate") << "Rejected, Reason: Duplicate session name: Some(x) for session 7"
                               << "A session named \"x\" already exists (session 7)";
    QTest::newRow("quotes and markup") << "Value <b> & \"c\" isn't 'd'" << "Value <b> & \"c\" isn't 'd'";
    QTest::newRow("unicode") << QStringLiteral("Sitzung \u201EBericht\u201C \u2014 abgelehnt")
                             << QStringLiteral("Sitzung \u201EBericht\u201C \u2014 abgelehnt");
}

void TestLivyError::allBodyShapesGiveTheSameMessage()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QJsonObject msg{ { QStringLiteral("msg"), text } };
    QJsonObject jetty{ { QStringLiteral("servlet"), QStringLiteral("org.apache.livy.server.interactive.X-1") },
                       { QStringLiteral("message"), text },
                       { QStringLiteral("url"), QStringLiteral("/sessions") },
                       { QStringLiteral("status"), QStringLiteral("400") } };
    const QList<QPair<const char *, QByteArray>> shapes{
        { "{\"msg\"}", QJsonDocument(msg).toJson(QJsonDocument::Compact) },
        { "bare string", jsonString(text) },
        { "bare string with newline", jsonString(text) + '\n' },
        { "jetty 9.4 html", jetty94Html(400, htmlEscaped(text)) },
        { "jetty 9.3 html", jetty93Html(400, htmlEscaped(text)) },
        { "jetty 9.4 json", QJsonDocument(jetty).toJson(QJsonDocument::Indented) },
        { "plain text", text.toUtf8() },
    };
    for (const auto &[shape, body] : shapes) {
        const LivyError error = LivyError::fromHttpResponse(400, body);
        QVERIFY2(error.serverText() == text, qPrintable(QLatin1String(shape) + QStringLiteral(": ") + error.serverText()));
        // A plain-text body is shown without its markup; the JSON and HTML shapes carry the text as written.
        static const QRegularExpression tag(QStringLiteral(R"(</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"));
        const QString expectedMessage = qstrcmp(shape, "plain text") == 0
            ? QString(message).replace(tag, QStringLiteral(" ")).simplified()
            : message;
        QVERIFY2(error.message() == expectedMessage, qPrintable(QLatin1String(shape) + QStringLiteral(": ") + error.message()));
        QCOMPARE(error.rawBody(), body);
    }
}

void TestLivyError::jettyJsonStatusIsAString()
{
    const QByteArray body = ProtocolFixtures::read(ProtocolFixtures::protocolDir()
                                                   + QStringLiteral("/error-403-not-authorised-jetty94.json"));
    QVERIFY(QJsonDocument::fromJson(body).object().value(QLatin1String("status")).isString());
    const LivyError error = LivyError::fromHttpResponse(403, body);
    QCOMPARE(error.httpStatus(), 403);
    QCOMPARE(error.serverText(), QStringLiteral("User not authorised to use Livy."));
    // The HTTP status is what counts, whatever the page claims.
    const LivyError numeric = LivyError::fromHttpResponse(
        403, R"({"message":"User not authorised to use Livy.","url":"/sessions","status":500})");
    QCOMPARE(numeric.httpStatus(), 403);
    QCOMPARE(numeric.message(), error.message());
}

void TestLivyError::emptyBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("403 acl") << 403 << QByteArray() << "Access denied by the server";
    QTest::newRow("401") << 401 << QByteArray() << "The server requires authentication";
    QTest::newRow("404") << 404 << QByteArray() << "Not found on the server";
    QTest::newRow("406") << 406 << QByteArray() << "The server does not accept this API version";
    QTest::newRow("500 whitespace") << 500 << QByteArray(" \r\n\t ") << "The server failed with an internal error";
    QTest::newRow("418") << 418 << QByteArray() << "The server refused the request (HTTP 418)";
    QTest::newRow("599") << 599 << QByteArray() << "The server failed (HTTP 599)";
    QTest::newRow("empty json string") << 400 << QByteArray("\"\"") << "The server rejected the request as invalid";
    QTest::newRow("empty msg") << 400 << QByteArray(R"({"msg":"  "})") << "The server rejected the request as invalid";
}

void TestLivyError::emptyBody()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const LivyError error = LivyError::fromHttpResponse(status, body);
    QCOMPARE(error.kind(), LivyError::Kind::Http);
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.message(), message);
    QVERIFY(error.serverText().trimmed().isEmpty());
    QCOMPARE(error.rawBody(), body);
}

void TestLivyError::nonJsonText()
{
    const QByteArray envoy = "upstream connect error or disconnect/reset before headers. reset reason: connection termination";
    const LivyError error = LivyError::fromHttpResponse(503, envoy);
    QCOMPARE(error.message(), QString::fromLatin1(envoy));
    QCOMPARE(error.serverText(), QString::fromLatin1(envoy));
    QCOMPARE(error.rawBody(), envoy);

    const LivyError binary = LivyError::fromHttpResponse(500, QByteArray("\x01\x02garbage\x7f", 10));
    QVERIFY(!binary.message().isEmpty());
    QVERIFY(!binary.message().contains(QChar(1)));
}

void TestLivyError::malformedOrSilentJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated msg") << QByteArray(R"({"msg":"Session '4)");
    QTest::newRow("truncated string") << QByteArray(R"("java.lang.IllegalStateException: Sess)");
    QTest::newRow("object without message") << QByteArray(R"({"foo":1,"status":"400"})");
    QTest::newRow("msg not a string") << QByteArray(R"({"msg":5})");
    QTest::newRow("msg null") << QByteArray(R"({"msg":null})");
    QTest::newRow("array") << QByteArray(R"(["a","b"])");
    QTest::newRow("two strings") << QByteArray(R"("a" "b")");
}

void TestLivyError::malformedOrSilentJson()
{
    QFETCH(QByteArray, body);
    const LivyError error = LivyError::fromHttpResponse(400, body);
    QCOMPARE(error.serverText(), QString());
    QCOMPARE(error.message(), QStringLiteral("The server rejected the request as invalid"));
    QCOMPARE(error.rawBody(), body); // the details view still shows what came
}

void TestLivyError::htmlEntities_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("named") << "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;" << "a & b <c> \"d\" 'e'";
    QTest::newRow("decimal") << "&#39;x&#39; &#8212; &#65;" << QString::fromUtf8("'x' \xe2\x80\x94 A");
    QTest::newRow("hex") << "&#x2192; &#X42; &#x1F4CA;" << QString::fromUtf8("\xe2\x86\x92 B \xf0\x9f\x93\x8a");
    QTest::newRow("nbsp") << "x&nbsp;y" << "x y";
    QTest::newRow("decoded once") << "&amp;lt;" << "&lt;";
    QTest::newRow("unknown kept") << "&bogus; &#xD800; &#0; & alone" << "&bogus; &#xD800; &#0; & alone";
    QTest::newRow("tags stripped") << "<b>bold</b> and <i>more</i>" << "bold and more";
    QTest::newRow("white space collapsed") << "  two\n   lines  " << "two lines";
}

void TestLivyError::htmlEntities()
{
    QFETCH(QString, cell);
    QFETCH(QString, decoded);
    const LivyError error = LivyError::fromHttpResponse(403, jetty94Html(403, cell));
    QCOMPARE(error.serverText(), decoded);
    QCOMPARE(LivyError::serverMessage(jetty93Html(403, cell)), decoded);
    // A page with only a title.
    const QByteArray titleOnly = "<html><head><title>Error 500 Server Error &amp; more</title></head><body></body></html>";
    QCOMPARE(LivyError::serverMessage(titleOnly), QStringLiteral("Server Error & more"));
}

void TestLivyError::hugeBodiesAreTruncated()
{
    const QByteArray huge(1024 * 1024, 'x');
    // {"msg": one megabyte}
    const QByteArray json = "{\"msg\":\"" + huge + "\"}";
    const LivyError fromJson = LivyError::fromHttpResponse(500, json);
    QCOMPARE(fromJson.rawBody().size(), LivyError::MaxRawBody);
    QCOMPARE(fromJson.rawBody(), json.left(LivyError::MaxRawBody));
    QCOMPARE(fromJson.message().size(), LivyError::MaxMessage);
    QVERIFY(fromJson.message().endsWith(QChar(0x2026)));
    QVERIFY(fromJson.serverText().size() <= LivyError::MaxRawBody);

    // A Jetty page followed by a megabyte: the message is still found, the sample still capped.
    const QByteArray page = jetty94Html(400, QStringLiteral("Missing Required Header for CSRF protection.")) + huge;
    const LivyError fromHtml = LivyError::fromHttpResponse(400, page);
    QCOMPARE(fromHtml.serverText(), QStringLiteral("Missing Required Header for CSRF protection."));
    QCOMPARE(fromHtml.rawBody().size(), LivyError::MaxRawBody);

    // A megabyte of stack trace lines: the first line is the message.
    QByteArray trace = "java.lang.IllegalStateException: Session is in state dead\n";
    while (trace.size() < 1024 * 1024)
        trace += "\tat org.apache.livy.server.interactive.InteractiveSession.executeStatement(InteractiveSession.scala:569)\n";
    const LivyError fromText = LivyError::fromHttpResponse(500, trace);
    QCOMPARE(fromText.message(), QStringLiteral("The session has ended (state \"dead\")"));
    QCOMPARE(fromText.rawBody().size(), LivyError::MaxRawBody);

    // Protocol errors keep a capped sample too.
    QCOMPARE(LivyError::protocol(QStringLiteral("bad"), huge).rawBody().size(), LivyError::MaxRawBody);
    QCOMPARE(LivyError(LivyError::Kind::Network, QStringLiteral("x"), 0, huge).rawBody().size(), LivyError::MaxRawBody);
}

void TestLivyError::rawSampleEndsOnACharacterBoundary_data()
{
    QTest::addColumn<int>("padding");
    QTest::addColumn<QString>("tail");
    QTest::addColumn<int>("sampleSize");
    const int max = int(LivyError::MaxRawBody);
    QTest::newRow("2-byte char across the limit") << max - 1 << QString::fromUtf8("\xc3\xa9") << max - 1;
    QTest::newRow("3-byte char across the limit") << max - 2 << QString::fromUtf8("\xe2\x82\xac") << max - 2;
    QTest::newRow("4-byte char across the limit") << max - 3 << QString::fromUtf8("\xf0\x9f\x93\x8a") << max - 3;
    QTest::newRow("char ends at the limit") << max - 2 << QString::fromUtf8("\xc3\xa9") << max;
    QTest::newRow("ascii") << max << QStringLiteral("abc") << max;
}

void TestLivyError::rawSampleEndsOnACharacterBoundary()
{
    QFETCH(int, padding);
    QFETCH(QString, tail);
    QFETCH(int, sampleSize);
    const QByteArray body = QByteArray(padding, 'a') + tail.toUtf8() + QByteArray(100, 'b');
    const LivyError error = LivyError::fromHttpResponse(500, body);
    QCOMPARE(error.rawBody().size(), qsizetype(sampleSize));
    QVERIFY(isValidUtf8(error.rawBody()));
    QVERIFY(body.startsWith(error.rawBody()));
}

void TestLivyError::messageIsOneLine()
{
    const QByteArray fixture = ProtocolFixtures::read(ProtocolFixtures::protocolDir() + QStringLiteral("/error-500-shared-kind.json"));
    const LivyError error = LivyError::fromHttpResponse(500, fixture);
    QVERIFY(error.serverText().contains(QLatin1String("\n\tat ")));
    QVERIFY(!error.message().contains(QLatin1Char('\n')));
    QVERIFY(!error.message().contains(QLatin1Char('\t')));
    const LivyError carriage = LivyError::fromHttpResponse(400, "\"first\\r\\nsecond\"");
    QCOMPARE(carriage.message(), QStringLiteral("first"));
    const LivyError tabs = LivyError::fromHttpResponse(400, "\"a\\tb\\u0007c\"");
    QCOMPARE(tabs.message(), QStringLiteral("a b c"));
}

void TestLivyError::humanized_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("duplicate 0.7") << 400 << QByteArray(R"({"msg":"Duplicate session name: Some(x) for session 7"})")
                                   << "A session named \"x\" already exists (session 7)";
    QTest::newRow("duplicate 0.5 bare") << 400 << QByteArray(R"re("Duplicate session name: Some(report)")re")
                                        << "A session named \"report\" already exists";
    QTest::newRow("duplicate name with spaces")
        << 400 << QByteArray(R"({"msg":"Rejected, Reason: Duplicate session name: Some(etl nightly) for session 12"})")
        << "A session named \"etl nightly\" already exists (session 12)";
    QTest::newRow("empty name") << 400 << QByteArray(R"({"msg":"Rejected, Reason: Invalid session name: "})")
                                << "\"\" cannot be a session name: a name must not be empty or only digits";
    QTest::newRow("bad suffix") << 400 << QByteArray(R"({"msg":"Rejected, Reason: Invalid suffix: \"x\""})")
                                << "\"x\" is not a duration unit (use us, ms, s, m, min, h or d)";
    QTest::newRow("recovering") << 500 << QByteArray(R"("java.lang.IllegalStateException: Session is in state recovering")")
                                << "The session is not ready yet (it is recovering); try again when it is idle";
    QTest::newRow("not started") << 500 << QByteArray(R"("java.lang.IllegalStateException: Session is in state not_started")")
                                 << "The session is not ready yet (it is not started); try again when it is idle";
    QTest::newRow("shutting down") << 500
                                   << QByteArray(R"("java.lang.IllegalStateException: Session is in state shutting_down")")
                                   << "The session has ended (state \"shutting_down\")";
    QTest::newRow("future state") << 500 << QByteArray(R"("java.lang.IllegalStateException: Session is in state paused")")
                                  << "The session cannot do this in state \"paused\"";
    QTest::newRow("nested exceptions") << 500
                                       << QByteArray(R"("java.util.concurrent.ExecutionException: java.lang.RuntimeException: boom")")
                                       << "boom";
    QTest::newRow("bare exception class") << 500 << QByteArray(R"("org.apache.livy.rsc.rpc.RpcException")")
                                          << "The server failed with an internal error (RpcException)";
    QTest::newRow("unknown field ttl on 0.7")
        << 400
        << QByteArray(R"("Unrecognized field \"ttl\" (class org.apache.livy.server.interactive.CreateInteractiveRequest), not marked as ignorable (13 known properties: \"kind\"])\n at [Source: (org.eclipse.jetty.server.HttpInputOverHTTP); line: 1, column: 10]")")
        << "The server does not know the field \"ttl\" (it may be an older Livy version)";
    QTest::newRow("jackson end of input") << 400
                                          << QByteArray(R"("No content to map due to end-of-input\n at [Source: (org.eclipse.jetty.server.HttpInputOverHTTP); line: 1, column: 0]")")
                                          << "The server received no JSON body (it reads only application/json request bodies)";
    QTest::newRow("completion without kind")
        << 500
        << QByteArray(R"re("java.util.concurrent.ExecutionException: org.apache.livy.rsc.rpc.RpcException: java.lang.IllegalArgumentException: Invalid kind: null\n\tat org.apache.livy.sessions.Kind$.apply(Kind.scala:46)")re")
        << "The request named no kind, and the server needs one (spark, pyspark, sparkr or sql)";
    QTest::newRow("reference chain") << 400
                                     << QByteArray(R"re("requirement failed: Kind should be a string. (through reference chain: org.apache.livy.server.interactive.CreateInteractiveRequest[\"kind\"])")re")
                                     << "Kind should be a string.";
    QTest::newRow("blacklisted conf") << 400
                                      << QByteArray(R"({"msg":"Blacklisted configuration values in session config: spark.master"})")
                                      << "Blacklisted configuration values in session config: spark.master";
    QTest::newRow("prefix alone is kept") << 400 << QByteArray(R"({"msg":"Rejected, Reason: "})") << "Rejected, Reason:";
    QTest::newRow("api version 406") << 406 << QByteArray(R"({"msg":"No value found for '9.9'"})")
                                     << "The server does not accept this API version (9.9)";
    QTest::newRow("session name not found 0.6")
        << 404 << QByteArray(R"({"msg":"Session 'team/a b' not found."})")
        << "Session \"team/a b\" was not found on the server (it may have ended or expired)";
}

void TestLivyError::humanized()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QCOMPARE(LivyError::fromHttpResponse(status, body).message(), message);
}

void TestLivyError::whatIsPrefixed()
{
    const LivyError error = LivyError::fromHttpResponse(404, R"({"msg":"Session '4' not found."})",
                                                        QStringLiteral("Deleting session 4"));
    QCOMPARE(error.message(),
             QStringLiteral("Deleting session 4: Session 4 was not found on the server (it may have ended or expired)"));
    QVERIFY(error.isSessionNotFound());
    const LivyError generic = LivyError::fromHttpResponse(503, {}, QStringLiteral("Listing sessions"));
    QCOMPARE(generic.message(), QStringLiteral("Listing sessions: The Livy server is unavailable"));
}

void TestLivyError::sessionNotFound_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("sessionNotFound");
    QTest::newRow("msg") << 404 << QByteArray(R"({"msg":"Session '42' not found."})") << true;
    QTest::newRow("by name") << 404 << QByteArray(R"({"msg":"Session 'my job' not found."})") << true;
    QTest::newRow("0.5 bare string") << 404 << QByteArray(R"("Session '3' not found.")") << true;
    QTest::newRow("statement") << 404 << QByteArray(R"("Statement not found")") << false;
    QTest::newRow("empty 404") << 404 << QByteArray() << false;
    QTest::newRow("route 404") << 404 << QByteArray("Requesting \"GET /sessions/3/logs\" on servlet \"\" but only have:") << false;
    QTest::newRow("already stopped") << 404 << QByteArray(R"({"msg":"Session 4 already stopped."})") << false;
    QTest::newRow("same text, status 400") << 400 << QByteArray(R"({"msg":"Session '42' not found."})") << false;
}

void TestLivyError::sessionNotFound()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, sessionNotFound);
    QCOMPARE(LivyError::fromHttpResponse(status, body).isSessionNotFound(), sessionNotFound);
}

void TestLivyError::isTransient_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("transient");
    QTest::newRow("none") << int(LivyError::Kind::None) << 0 << false;
    QTest::newRow("network") << int(LivyError::Kind::Network) << 0 << true;
    QTest::newRow("timeout") << int(LivyError::Kind::Timeout) << 0 << true;
    QTest::newRow("tls") << int(LivyError::Kind::Tls) << 0 << false;
    QTest::newRow("protocol") << int(LivyError::Kind::Protocol) << 0 << false;
    QTest::newRow("cancelled") << int(LivyError::Kind::Cancelled) << 0 << false;
    for (const int status : { 408, 429, 502, 503, 504 })
        QTest::addRow("http %d", status) << int(LivyError::Kind::Http) << status << true;
    for (const int status : { 400, 401, 403, 404, 406, 500, 501 })
        QTest::addRow("http %d", status) << int(LivyError::Kind::Http) << status << false;
}

void TestLivyError::isTransient()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(bool, transient);
    const auto k = LivyError::Kind(kind);
    const LivyError error = k == LivyError::Kind::Http ? LivyError::fromHttpResponse(status, {})
        : k == LivyError::Kind::None                   ? LivyError()
                                                       : LivyError(k, QStringLiteral("x"));
    QCOMPARE(error.isTransient(), transient);
}

void TestLivyError::defaultsAndFactories()
{
    const LivyError none;
    QVERIFY(!none.isError());
    QVERIFY(!bool(none));
    QCOMPARE(none.kind(), LivyError::Kind::None);
    QCOMPARE(none.httpStatus(), 0);
    QVERIFY(none.message().isEmpty());

    const LivyError protocol = LivyError::protocol(QStringLiteral("The server sent a malformed session"), "{\"id\":");
    QVERIFY(protocol.isError());
    QCOMPARE(protocol.kind(), LivyError::Kind::Protocol);
    QCOMPARE(protocol.httpStatus(), 0);
    QCOMPARE(protocol.rawBody(), QByteArray("{\"id\":"));
    QCOMPARE(protocol.toString(), QStringLiteral("protocol: The server sent a malformed session"));
    QVERIFY(!protocol.isNotFound());

    const QList<QPair<LivyError::Kind, const char *>> names{
        { LivyError::Kind::None, "none" },       { LivyError::Kind::Network, "network" },
        { LivyError::Kind::Timeout, "timeout" }, { LivyError::Kind::Tls, "tls" },
        { LivyError::Kind::Http, "http" },       { LivyError::Kind::Protocol, "protocol" },
        { LivyError::Kind::Cancelled, "cancelled" },
    };
    for (const auto &[kind, name] : names)
        QCOMPARE(LivyError::kindName(kind), QString::fromLatin1(name));
}

QTEST_GUILESS_MAIN(TestLivyError)
#include "tst_livyerror.moc"
