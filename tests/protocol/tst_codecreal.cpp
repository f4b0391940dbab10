// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Livy::Codec and LivyError over every response recorded from a real Livy 0.9 server (tests/fixtures/real, written
// by scripts/record-fixtures). Each file is routed to its decoder by the method, path and status recorded in
// index.json; it must decode, every field must equal the recorded JSON, and the key fields must agree with the
// request that produced it (ids and names in the path, from/size/order in the query, the creation request's echo).

#include "codecoracle.h"
#include "protocolfixtures.h"

#include "livy/codec.h"
#include "livy/livyerror.h"
#include "livy/types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Livy;
using namespace CodecOracle;

namespace {

/// Which decoder reads the 2xx body of an interactive-session endpoint; empty for other routes (batches, metrics).
QString routeKind(const QString &method, const QString &path)
{
    struct Route
    {
        const char *method;
        const char *pattern;
        const char *kind;
    };
    static const Route routes[] = {
        { "GET", "^/sessions$", "sessions" },
        { "POST", "^/sessions$", "session" },
        { "GET", "^/sessions/[^/]+$", "session" },
        { "DELETE", "^/sessions/[^/]+$", "message" },
        { "POST", "^/sessions/[^/]+/connect$", "session" },
        { "GET", "^/sessions/[^/]+/state$", "state" },
        { "GET", "^/sessions/[^/]+/log$", "log" },
        { "GET", "^/sessions/[^/]+/statements$", "statements" },
        { "POST", "^/sessions/[^/]+/statements$", "statement" },
        { "GET", "^/sessions/[^/]+/statements/[0-9]+$", "statement" },
        { "POST", "^/sessions/[^/]+/statements/[0-9]+/cancel$", "message" },
        { "POST", "^/sessions/[^/]+/completion$", "completion" },
        { "GET", "^/version$", "version" },
    };
    for (const Route &route : routes) {
        if (method == QLatin1String(route.method)
            && QRegularExpression(QLatin1String(route.pattern)).match(path).hasMatch())
            return QString::fromLatin1(route.kind);
    }
    return {};
}

bool isAllDigits(const QString &text)
{
    return !text.isEmpty() && QRegularExpression(QStringLiteral("^[0-9]+$")).match(text).hasMatch();
}

} // namespace

class TestCodecReal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realFixtures_data();
    void realFixtures();
};

void TestCodecReal::realFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QJsonObject>("request");

    const QString dir = ProtocolFixtures::realDir();
    bool ok = false;
    const QJsonObject index = ProtocolFixtures::readObject(dir + QStringLiteral("/index.json"), &ok);
    QVERIFY2(ok, qPrintable(dir + QStringLiteral("/index.json is missing or not a JSON object")));
    int interactive = 0;
    for (auto it = index.begin(); it != index.end(); ++it) {
        const QJsonObject meta = it.value().toObject();
        const QString method = meta.value(QLatin1String("method")).toString();
        const QString path = meta.value(QLatin1String("path")).toString();
        const int status = meta.value(QLatin1String("status")).toInt();
        const QString route = QUrl(QStringLiteral("http://livy") + path).path();
        if (status < 400 && routeKind(method, route).isEmpty()) {
            // Not an interactive-session endpoint: only batches and probes may be left out.
            QVERIFY2(route.startsWith(QLatin1String("/batches")) || route.startsWith(QLatin1String("/metrics")),
                     qPrintable(it.key() + QStringLiteral(": no decoder for ") + method + QLatin1Char(' ') + route));
            continue;
        }
        ++interactive;
        QTest::newRow(qPrintable(it.key())) << it.key() << method << path << status
                                            << meta.value(QLatin1String("request_body")).toObject();
    }
    QVERIFY2(interactive >= 50, qPrintable(QString::number(interactive)));
    // Every response file is indexed (a file without its request cannot be routed).
    const QStringList files = ProtocolFixtures::files(dir, QStringLiteral("*"));
    for (const QString &name : files) {
        const bool notAResponse = name == QLatin1String("index.json") || name == QLatin1String("timings.json")
            || name.endsWith(QLatin1String(".md"));
        QVERIFY2(notAResponse || index.contains(name), qPrintable(name + QStringLiteral(" is not in index.json")));
    }
}

void TestCodecReal::realFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QJsonObject, request);
    const QByteArray body = ProtocolFixtures::read(ProtocolFixtures::realDir() + QLatin1Char('/') + file);
    QVERIFY(!body.isNull());
    const QUrl url(QStringLiteral("http://livy") + path);
    const QUrlQuery query(url);
    const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString session = segments.value(1);

    if (status >= 400) {
        const LivyError error = LivyError::fromHttpResponse(status, body);
        QCOMPARE(error.kind(), LivyError::Kind::Http);
        QCOMPARE(error.httpStatus(), status);
        QVERIFY(!error.message().isEmpty());
        QVERIFY(!error.message().contains(QLatin1Char('\n')));
        QVERIFY(error.message().size() <= LivyError::MaxMessage);
        QCOMPARE(error.rawBody(), body.left(LivyError::MaxRawBody));
        // What the server said, as recorded: {"msg"}, Jetty's {"message"}, or a bare string.
        const QJsonDocument doc = QJsonDocument::fromJson("[" + body + "]");
        const QJsonValue value = doc.array().at(0);
        QString said = value.isString() ? value.toString()
            : value.toObject().contains(QLatin1String("msg")) ? value.toObject().value(QLatin1String("msg")).toString()
                                                             : value.toObject().value(QLatin1String("message")).toString();
        if (said.size() > LivyError::MaxRawBody)
            said = said.left(LivyError::MaxRawBody - 1) + QChar(0x2026);
        if (!said.isEmpty())
            QCOMPARE(error.serverText(), said);
        if (body.trimmed().isEmpty())
            QCOMPARE(error.serverText(), QString());
        if (body.startsWith('<'))
            QVERIFY(!error.serverText().isEmpty());
        const bool sessionGone = status == 404 && said == QStringLiteral("Session '%1' not found.").arg(session);
        QCOMPARE(error.isSessionNotFound(), sessionGone);
        if (sessionGone)
            QVERIFY2(error.message().contains(session), qPrintable(error.message()));
        return;
    }

    bool ok = false;
    const QJsonObject j = ProtocolFixtures::readObject(ProtocolFixtures::realDir() + QLatin1Char('/') + file, &ok);
    QVERIFY2(ok, "a 2xx body of an interactive endpoint is a JSON object");
    const QString kind = routeKind(method, url.path());
    auto param = [&query](const char *name, int fallback) {
        const QString v = query.queryItemValue(QLatin1String(name));
        return v.isEmpty() ? fallback : v.toInt();
    };

    if (kind == QLatin1String("session")) {
        const Result<Session> s = Codec::decodeSession(j);
        QVERIFY2(s.ok(), qPrintable(s.error().message()));
        compareSession(j, s.value());
        if (method == QLatin1String("GET") || url.path().endsWith(QLatin1String("/connect"))) {
            if (isAllDigits(session))
                QCOMPARE(s->id, session.toInt());
            else
                QCOMPARE(s->name, session);
        } else {
            // POST /sessions: the new session starts, and Livy 0.9 echoes the request.
            QCOMPARE(s->state, SessionState::Starting);
            const CreateSessionRequest sent = CreateSessionRequest::fromJson(request);
            QCOMPARE(s->kind, sent.kind.value_or(QStringLiteral("shared")));
            QCOMPARE(s->name, sent.name.value_or(QString()));
            QCOMPARE(s->pyFiles, sent.pyFiles.value_or(QStringList()));
            QCOMPARE(s->jars, sent.jars.value_or(QStringList()));
            QCOMPARE(s->conf, (sent.conf.value_or(QMap<QString, QString>())));
            QCOMPARE(s->driverMemory, sent.driverMemory.value_or(QString()));
            QCOMPARE(s->numExecutors, sent.numExecutors.value_or(0));
        }
    } else if (kind == QLatin1String("sessions")) {
        const Result<SessionList> list = Codec::decodeSessionList(j);
        QVERIFY2(list.ok(), qPrintable(list.error().message()));
        QCOMPARE(list->sessions.size(), j.value(QLatin1String("sessions")).toArray().size());
        for (qsizetype i = 0; i < list->sessions.size(); ++i)
            compareSession(j.value(QLatin1String("sessions")).toArray().at(i).toObject(), list->sessions.at(i));
        QCOMPARE(list->from, param("from", 0));
        QVERIFY(list->sessions.size() <= param("size", 100));
        QVERIFY(list->total >= list->from + list->sessions.size());
    } else if (kind == QLatin1String("state")) {
        const Result<SessionStateInfo> state = Codec::decodeSessionState(j);
        QVERIFY2(state.ok(), qPrintable(state.error().message()));
        QCOMPARE(state->stateName, text(j, "state"));
        QCOMPARE(state->state, expectedSessionState(text(j, "state")));
        QVERIFY(state->state != SessionState::Unknown);
        if (isAllDigits(session))
            QCOMPARE(state->id, session.toInt());
    } else if (kind == QLatin1String("log")) {
        const Result<LogPage> page = Codec::decodeLogPage(j);
        QVERIFY2(page.ok(), qPrintable(page.error().message()));
        QCOMPARE(page->lines, textList(j.value(QLatin1String("log"))));
        QCOMPARE(page->total, integer(j, "total"));
        QCOMPARE(page->id, session.toInt());
        QVERIFY(page->lines.size() <= param("size", 100));
        if (query.hasQueryItem(QStringLiteral("from")))
            QCOMPARE(page->from, param("from", 0));
        else // no `from`: the tail
            QCOMPARE(page->from + page->lines.size(), page->total);
    } else if (kind == QLatin1String("statements")) {
        const Result<StatementList> list = Codec::decodeStatementList(j);
        QVERIFY2(list.ok(), qPrintable(list.error().message()));
        const QJsonArray statements = j.value(QLatin1String("statements")).toArray();
        QCOMPARE(list->statements.size(), statements.size());
        for (qsizetype i = 0; i < statements.size(); ++i)
            compareStatement(statements.at(i).toObject(), list->statements.at(i));
        QCOMPARE(list->total, integer(j, "total_statements"));
        QVERIFY(list->statements.size() <= param("size", list->total));
        const bool descending = query.queryItemValue(QStringLiteral("order")) == QLatin1String("desc");
        for (qsizetype i = 1; i < list->statements.size(); ++i)
            QVERIFY(descending ? list->statements.at(i - 1).id > list->statements.at(i).id
                               : list->statements.at(i - 1).id < list->statements.at(i).id);
    } else if (kind == QLatin1String("statement")) {
        const Result<Statement> st = Codec::decodeStatement(j);
        QVERIFY2(st.ok(), qPrintable(st.error().message()));
        compareStatement(j, st.value());
        QVERIFY(st->state != StatementState::Unknown);
        if (method == QLatin1String("GET"))
            QCOMPARE(st->id, segments.value(3).toInt());
        if (st->output && st->output->executionCount >= 0)
            QCOMPARE(st->output->executionCount, st->id); // Livy: id == execution_count
        if (st->state == StatementState::Available)
            QVERIFY(st->output && st->completed >= st->started && st->started > 0);
    } else if (kind == QLatin1String("completion")) {
        const Result<CompletionResult> c = Codec::decodeCompletion(j);
        QVERIFY2(c.ok(), qPrintable(c.error().message()));
        QCOMPARE(c->candidates, textList(j.value(QLatin1String("candidates"))));
    } else if (kind == QLatin1String("version")) {
        const Result<VersionInfo> v = Codec::decodeVersion(j);
        QVERIFY2(v.ok(), qPrintable(v.error().message()));
        QVERIFY2(v->version.startsWith(QLatin1String("0.9.")), qPrintable(v->version));
        QCOMPARE(v->date, text(j, "date"));
    } else if (kind == QLatin1String("message")) {
        QVERIFY(!text(j, "msg").isEmpty());
    } else {
        QFAIL(qPrintable(QStringLiteral("no decoder for ") + kind));
    }
}

QTEST_GUILESS_MAIN(TestCodecReal)
#include "tst_codecreal.moc"
