// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Livy::Codec against the hand-written fixtures in tests/fixtures/protocol (every field of every fixture is compared
// with the JSON it came from) and in encode/decode round trips. Recorded real responses: tst_codecreal.cpp;
// malformed objects: tst_codecerrors.cpp.

#include "codecencoders.h"
#include "codecoracle.h"
#include "protocolfixtures.h"

#include "livy/codec.h"
#include "livy/types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

#include <functional>
#include <limits>

using namespace Livy;
using namespace CodecOracle;


namespace {

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

const QStringList FixtureKinds{ QStringLiteral("session"),    QStringLiteral("sessions"), QStringLiteral("state"),
                                QStringLiteral("statement"),  QStringLiteral("statements"),
                                QStringLiteral("output"),     QStringLiteral("log"),      QStringLiteral("version"),
                                QStringLiteral("completion") };

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private:
    /// One row per fixture file `<kind>-*.json` in the protocol fixture folder.
    void fixtureRows(const QString &kind)
    {
        QTest::addColumn<QString>("file");
        const QStringList names = ProtocolFixtures::files(ProtocolFixtures::protocolDir(), kind + QStringLiteral("-*.json"));
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << ProtocolFixtures::protocolDir() + QLatin1Char('/') + name;
    }

    QJsonObject fixture(const QString &path)
    {
        bool ok = false;
        const QJsonObject object = ProtocolFixtures::readObject(path, &ok);
        if (!ok)
            qWarning("fixture %s is not a JSON object", qPrintable(path));
        return object;
    }

private Q_SLOTS:
    void initTestCase();
    void everyFixtureHasAKnownKind();

    void sessionFixtures_data() { fixtureRows(QStringLiteral("session")); }
    void sessionFixtures();
    void sessionListFixtures_data() { fixtureRows(QStringLiteral("sessions")); }
    void sessionListFixtures();
    void sessionStateFixtures_data() { fixtureRows(QStringLiteral("state")); }
    void sessionStateFixtures();
    void statementFixtures_data() { fixtureRows(QStringLiteral("statement")); }
    void statementFixtures();
    void statementListFixtures_data() { fixtureRows(QStringLiteral("statements")); }
    void statementListFixtures();
    void outputFixtures_data() { fixtureRows(QStringLiteral("output")); }
    void outputFixtures();
    void logPageFixtures_data() { fixtureRows(QStringLiteral("log")); }
    void logPageFixtures();
    void versionFixtures_data() { fixtureRows(QStringLiteral("version")); }
    void versionFixtures();
    void completionFixtures_data() { fixtureRows(QStringLiteral("completion")); }
    void completionFixtures();

    void session05LeavesLaterFieldsUnset();
    void session08TtlCarryingTheProxyUserIsDropped();
    void session09KeepsLifetimeAndIdleTimeout();
    void recoveringAndUnknownStatesAreKept();
    void unknownFieldsAreIgnored();
    void nullOptionalFieldsKeepDefaults();
    void logPageTotalDefaultNeverOverflows();
    void statementTimesAreAbsentBefore07();
    void outputMimeTypes();
    void outputPngIsARealImage();
    void errorOutputs();
    void nestedReplyBecomesTheOutput();

    void roundTrip_data();
    void roundTrip();
    void encodeWritesLivy09Shape_data();
    void encodeWritesLivy09Shape();
    void roundTripConstructedValues();

};

void TestCodec::initTestCase()
{
    // Every data-driven test below needs rows: an empty or missing fixture folder must fail, not pass.
    for (const QString &kind : FixtureKinds) {
        QVERIFY2(!ProtocolFixtures::files(ProtocolFixtures::protocolDir(), kind + QStringLiteral("-*.json")).isEmpty(),
                 qPrintable(QStringLiteral("no %1-*.json fixtures in %2").arg(kind, ProtocolFixtures::protocolDir())));
    }
}

void TestCodec::everyFixtureHasAKnownKind()
{
    const QStringList all = ProtocolFixtures::files(ProtocolFixtures::protocolDir(), QStringLiteral("*"));
    QVERIFY(all.size() > 40);
    for (const QString &name : all) {
        const QString kind = name.section(QLatin1Char('-'), 0, 0);
        const bool known = FixtureKinds.contains(kind) || kind == QLatin1String("error")
            || name == QLatin1String("README.md");
        QVERIFY2(known, qPrintable(name));
    }
}

void TestCodec::sessionFixtures()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    const Result<Session> s = Codec::decodeSession(j);
    QVERIFY2(s.ok(), qPrintable(s.error().message()));
    compareSession(j, s.value(), file.contains(QLatin1String("ttl-bug")));
}

void TestCodec::sessionListFixtures()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    const Result<SessionList> list = Codec::decodeSessionList(j);
    QVERIFY2(list.ok(), qPrintable(list.error().message()));
    QCOMPARE(list->from, integer(j, "from"));
    QCOMPARE(list->total, integer(j, "total"));
    const QJsonArray sessions = j.value(QLatin1String("sessions")).toArray();
    QCOMPARE(list->sessions.size(), sessions.size());
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        compareSession(sessions.at(i).toObject(), list->sessions.at(i));
        if (QTest::currentTestFailed())
            qWarning("in session %lld", qlonglong(i));
    }
}

void TestCodec::sessionStateFixtures()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    const Result<SessionStateInfo> state = Codec::decodeSessionState(j);
    QVERIFY2(state.ok(), qPrintable(state.error().message()));
    QCOMPARE(state->id, integer(j, "id", -1));
    QCOMPARE(state->stateName, text(j, "state"));
    QCOMPARE(state->state, expectedSessionState(text(j, "state")));
}

void TestCodec::statementFixtures()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    const Result<Statement> st = Codec::decodeStatement(j);
    QVERIFY2(st.ok(), qPrintable(st.error().message()));
    compareStatement(j, st.value());
}

void TestCodec::statementListFixtures()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    const Result<StatementList> list = Codec::decodeStatementList(j);
    QVERIFY2(list.ok(), qPrintable(list.error().message()));
    QCOMPARE(list->total, integer(j, "total_statements"));
    const QJsonArray statements = j.value(QLatin1String("statements")).toArray();
    QCOMPARE(list->statements.size(), statements.size());
    for (qsizetype i = 0; i < statements.size(); ++i)
        compareStatement(statements.at(i).toObject(), list->statements.at(i));
}

void TestCodec::outputFixtures()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    const Result<StatementOutput> out = Codec::decodeOutput(j);
    QVERIFY2(out.ok(), qPrintable(out.error().message()));
    compareOutput(j, out.value());
}

void TestCodec::logPageFixtures()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    const Result<LogPage> page = Codec::decodeLogPage(j);
    QVERIFY2(page.ok(), qPrintable(page.error().message()));
    QCOMPARE(page->id, integer(j, "id", -1));
    QCOMPARE(page->from, integer(j, "from"));
    QCOMPARE(page->total, integer(j, "total"));
    QCOMPARE(page->lines, textList(j.value(QLatin1String("log"))));
}

void TestCodec::versionFixtures()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    const Result<VersionInfo> v = Codec::decodeVersion(j);
    QVERIFY2(v.ok(), qPrintable(v.error().message()));
    QCOMPARE(v->version, text(j, "version"));
    QVERIFY(!v->version.isEmpty());
    QCOMPARE(v->user, text(j, "user"));
    QCOMPARE(v->revision, text(j, "revision"));
    QCOMPARE(v->branch, text(j, "branch"));
    QCOMPARE(v->date, text(j, "date"));
    QCOMPARE(v->url, text(j, "url"));
}

void TestCodec::completionFixtures()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    const Result<CompletionResult> c = Codec::decodeCompletion(j);
    QVERIFY2(c.ok(), qPrintable(c.error().message()));
    QCOMPARE(c->candidates, textList(j.value(QLatin1String("candidates"))));
}

void TestCodec::session05LeavesLaterFieldsUnset()
{
    const Result<Session> s = Codec::decodeSession(fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/session-0.5-idle.json")));
    QVERIFY(s.ok());
    QCOMPARE(s->id, 0);
    QCOMPARE(s->state, SessionState::Idle);
    QCOMPARE(s->kind, QStringLiteral("pyspark"));
    QCOMPARE(s->appId, QStringLiteral("application_1528278845215_0001"));
    QVERIFY(s->name.isEmpty());
    QVERIFY(s->owner.isEmpty());
    QCOMPARE(s->log.size(), 10);
    QCOMPARE(s->appInfo.size(), 2);
    QVERIFY(s->appInfo.value(QStringLiteral("sparkUiUrl")).startsWith(QLatin1String("http://")));
    QVERIFY(s->executorLogLinks().isEmpty());
    // 0.8+ echo fields default to "unset".
    QCOMPARE(s->driverCores, 0);
    QCOMPARE(s->numExecutors, 0);
    QVERIFY(s->driverMemory.isEmpty());
    QVERIFY(s->conf.isEmpty());
    QVERIFY(s->jars.isEmpty());
    QVERIFY(s->ttl.isEmpty());
    QVERIFY(s->idleTimeout.isEmpty());
}

void TestCodec::session08TtlCarryingTheProxyUserIsDropped()
{
    const Result<Session> s = Codec::decodeSession(fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/session-0.8-ttl-bug.json")));
    QVERIFY(s.ok());
    QCOMPARE(s->proxyUser, QStringLiteral("bob"));
    QVERIFY2(s->ttl.isEmpty(), qPrintable(s->ttl));
    QCOMPARE(s->driverMemory, QStringLiteral("2g"));
    QCOMPARE(s->executorCores, 2);
    QCOMPARE(s->numExecutors, 4);
    QCOMPARE(s->queue, QStringLiteral("analytics"));
    QCOMPARE(s->conf.value(QStringLiteral("spark.sql.shuffle.partitions")), QStringLiteral("64"));
    QCOMPARE(s->pyFiles, QStringList{ QStringLiteral("hdfs:///user/bob/libs/helpers.zip") });

    // A real ttl is kept, also when it happens to equal the proxy user, and also on 0.8 without impersonation.
    QJsonObject j = fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/session-0.8-ttl-bug.json"));
    j.insert(QStringLiteral("ttl"), QStringLiteral("30m"));
    QCOMPARE(Codec::decodeSession(j)->ttl, QStringLiteral("30m"));
    j.insert(QStringLiteral("proxyUser"), QStringLiteral("30m"));
    QCOMPARE(Codec::decodeSession(j)->ttl, QStringLiteral("30m"));
    // A non-time ttl that is not the proxy user is not the 0.8 bug: kept as sent.
    j.insert(QStringLiteral("proxyUser"), QStringLiteral("bob"));
    j.insert(QStringLiteral("ttl"), QStringLiteral("forever"));
    QCOMPARE(Codec::decodeSession(j)->ttl, QStringLiteral("forever"));
}

void TestCodec::session09KeepsLifetimeAndIdleTimeout()
{
    const Result<Session> s = Codec::decodeSession(fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/session-0.9-idle-k8s.json")));
    QVERIFY(s.ok());
    QCOMPARE(s->ttl, QStringLiteral("8h"));
    QCOMPARE(s->idleTimeout, QStringLiteral("45m"));
    QCOMPARE(s->name, QStringLiteral("churn model"));
    QCOMPARE(s->heartbeatTimeoutInSecond, 600);
    const auto links = s->executorLogLinks();
    QCOMPARE(links.size(), 2);
    QCOMPARE(links.at(0).first, QStringLiteral("livy-session-7-exec-1"));
    QCOMPARE(links.at(1).second, QStringLiteral("http://grafana.k8s.example.com/explore?pod=livy-session-7-exec-2"));
}

void TestCodec::recoveringAndUnknownStatesAreKept()
{
    const Result<Session> recovering
        = Codec::decodeSession(fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/session-0.9-recovering.json")));
    QVERIFY(recovering.ok());
    QCOMPARE(recovering->state, SessionState::Recovering);
    QVERIFY(isStarting(recovering->state));

    const Result<Session> unknown
        = Codec::decodeSession(fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/session-0.9-unknown-state.json")));
    QVERIFY2(unknown.ok(), qPrintable(unknown.error().message()));
    QCOMPARE(unknown->state, SessionState::Unknown);
    QCOMPARE(unknown->stateName, QStringLiteral("hibernating"));
    QVERIFY(!isTerminal(unknown->state));

    const Result<Statement> st = Codec::decodeStatement(parse(R"({"id":1,"state":"paused","code":"x"})"));
    QVERIFY(st.ok());
    QCOMPARE(st->state, StatementState::Unknown);
    QCOMPARE(st->stateName, QStringLiteral("paused"));

    const Result<SessionStateInfo> info = Codec::decodeSessionState(parse(R"({"id":2,"state":"migrating"})"));
    QVERIFY(info.ok());
    QCOMPARE(info->state, SessionState::Unknown);
    QCOMPARE(info->stateName, QStringLiteral("migrating"));
}

void TestCodec::unknownFieldsAreIgnored()
{
    QJsonObject j = fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/session-0.9-extra-fields.json"));
    const Result<Session> withExtras = Codec::decodeSession(j);
    QVERIFY2(withExtras.ok(), qPrintable(withExtras.error().message()));
    for (const char *extra : { "sparkVersion", "createdAt", "labels", "tags", "priority" })
        j.remove(QLatin1String(extra));
    const Result<Session> without = Codec::decodeSession(j);
    QVERIFY(without.ok());
    QCOMPARE(withExtras.value(), without.value());
    // Unknown appInfo keys are data, not noise: they are kept.
    QVERIFY(withExtras->appInfo.contains(QStringLiteral("historyUrl")));
    // conf values that are numbers or booleans become their text.
    QCOMPARE(withExtras->conf.value(QStringLiteral("spark.executor.instances")), QStringLiteral("3"));
    QCOMPARE(withExtras->conf.value(QStringLiteral("spark.eventLog.enabled")), QStringLiteral("true"));

    const Result<Statement> st = Codec::decodeStatement(
        parse(R"({"id":0,"state":"available","code":"1","queuedAt":5,"output":{"status":"ok","execution_count":0,
                  "data":{"text/plain":"1"},"extra":{"a":1}},"progress":1.0,"started":1,"completed":2})"));
    QVERIFY(st.ok());
    QCOMPARE(st->output->text(), QStringLiteral("1"));
}

void TestCodec::nullOptionalFieldsKeepDefaults()
{
    const Result<Session> s = Codec::decodeSession(parse(
        R"({"id":1,"state":"idle","name":null,"kind":null,"appInfo":null,"log":null,"driverCores":null,
            "conf":null,"jars":null,"ttl":null})"));
    QVERIFY2(s.ok(), qPrintable(s.error().message()));
    QCOMPARE(s.value(), [] {
        Session expected;
        expected.id = 1;
        expected.state = SessionState::Idle;
        expected.stateName = QStringLiteral("idle");
        return expected;
    }());
    const Result<Statement> st = Codec::decodeStatement(parse(R"({"id":4,"state":"waiting","output":null,"progress":null})"));
    QVERIFY(st.ok());
    QVERIFY(!st->output);
    QCOMPARE(st->progress, 0.0);
    const Result<LogPage> page = Codec::decodeLogPage(parse(R"({"log":["a","b"],"from":3})"));
    QVERIFY(page.ok());
    QCOMPARE(page->total, 5); // defaults to from + lines
    QCOMPARE(page->id, -1);
    const Result<SessionList> list = Codec::decodeSessionList(parse(R"({"sessions":[]})"));
    QVERIFY(list.ok());
    QCOMPARE(list->total, 0);
    QCOMPARE(list->from, 0);
}

void TestCodec::logPageTotalDefaultNeverOverflows()
{
    // `total` defaults to from + lines, which overflowed an int for a `from` near INT_MAX (UB; the input is
    // tests/fixtures/fuzz/log_page/from-int-max.json): it is computed in 64 bits and capped.
    const Result<LogPage> page = Codec::decodeLogPage(parse(R"({"from":2147483647,"log":["a"]})"));
    QVERIFY(page.ok());
    QCOMPARE(page->from, std::numeric_limits<int>::max());
    QCOMPARE(page->total, std::numeric_limits<int>::max());
    const Result<LogPage> negative = Codec::decodeLogPage(parse(R"({"from":-2147483648,"log":["a","b"]})"));
    QVERIFY(negative.ok());
    QCOMPARE(negative->total, std::numeric_limits<int>::min() + 2);
}

void TestCodec::statementTimesAreAbsentBefore07()
{
    const QJsonObject j = fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/statement-0.6-available.json"));
    QVERIFY(!j.contains(QLatin1String("started")));
    const Result<Statement> st = Codec::decodeStatement(j);
    QVERIFY(st.ok());
    QCOMPARE(st->started, Q_INT64_C(0));
    QCOMPARE(st->completed, Q_INT64_C(0));
    QCOMPARE(st->state, StatementState::Available);
    QCOMPARE(st->output->executionCount, 3);
    QCOMPARE(st->output->text(), QStringLiteral("res2: Int = 55"));

    const Result<Statement> running
        = Codec::decodeStatement(fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/statement-running.json")));
    QVERIFY(running.ok());
    QCOMPARE(running->started, Q_INT64_C(1768209312345));
    QCOMPARE(running->completed, Q_INT64_C(0));
    QCOMPARE(running->progress, 0.35);
    QVERIFY(!running->output);
}

void TestCodec::outputMimeTypes()
{
    const QString dir = ProtocolFixtures::protocolDir();
    const Result<StatementOutput> text = Codec::decodeOutput(fixture(dir + QStringLiteral("/output-text-plain.json")));
    QVERIFY(text.ok());
    QVERIFY(text->hasData(Mime::TextPlain));
    QCOMPARE(text->text(), QStringLiteral("res0: Int = 2"));

    const Result<StatementOutput> json = Codec::decodeOutput(fixture(dir + QStringLiteral("/output-json.json")));
    QVERIFY(json.ok());
    QVERIFY(!json->hasData(Mime::TextPlain));
    QCOMPARE(json->data.value(Mime::Json).toObject().value(QLatin1String("orders")).toInt(), 1284);

    const Result<StatementOutput> table = Codec::decodeOutput(fixture(dir + QStringLiteral("/output-table.json")));
    QVERIFY(table.ok());
    const QJsonObject t = table->data.value(Mime::Table).toObject();
    QCOMPARE(t.value(QLatin1String("headers")).toArray().size(), 4);
    QCOMPARE(t.value(QLatin1String("data")).toArray().size(), 4);
    QVERIFY(t.value(QLatin1String("data")).toArray().at(3).toArray().at(0).isNull());

    const Result<StatementOutput> sql = Codec::decodeOutput(fixture(dir + QStringLiteral("/output-sql-result.json")));
    QVERIFY(sql.ok());
    const QJsonObject result = sql->data.value(Mime::Json).toObject();
    const QJsonArray fields = result.value(QLatin1String("schema")).toObject().value(QLatin1String("fields")).toArray();
    QCOMPARE(fields.size(), 4);
    QCOMPARE(fields.at(3).toObject().value(QLatin1String("type")).toString(), QStringLiteral("timestamp"));
    QCOMPARE(result.value(QLatin1String("data")).toArray().size(), 3);
}

void TestCodec::outputPngIsARealImage()
{
    const Result<StatementOutput> png
        = Codec::decodeOutput(fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/output-image-png.json")));
    QVERIFY(png.ok());
    QVERIFY(png->hasData(Mime::TextPlain)); // %matplot sends text/plain "" next to the image
    QCOMPARE(png->text(), QString());
    const auto decoded = QByteArray::fromBase64Encoding(png->data.value(Mime::ImagePng).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    const QByteArray bytes = *decoded;
    QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
    QCOMPARE(bytes.mid(12, 4), QByteArray("IHDR"));
    auto be32 = [&bytes](int at) {
        return (uint(uchar(bytes[at])) << 24) | (uint(uchar(bytes[at + 1])) << 16) | (uint(uchar(bytes[at + 2])) << 8)
            | uint(uchar(bytes[at + 3]));
    };
    QCOMPARE(be32(16), 24u); // width
    QCOMPARE(be32(20), 16u); // height
    QVERIFY(bytes.endsWith(QByteArray::fromHex("49454e44ae426082"))); // IEND chunk
}

void TestCodec::errorOutputs()
{
    const QString dir = ProtocolFixtures::protocolDir();
    const Result<StatementOutput> py = Codec::decodeOutput(fixture(dir + QStringLiteral("/output-error-pyspark.json")));
    QVERIFY(py.ok());
    QVERIFY(py->isError());
    QCOMPARE(py->ename, QStringLiteral("NameError"));
    QCOMPARE(py->evalue, QStringLiteral("name 'dff' is not defined"));
    QCOMPARE(py->traceback.size(), 3);
    QVERIFY(py->traceback.constLast().endsWith(QLatin1Char('\n')));
    QVERIFY(py->data.isEmpty());

    const Result<StatementOutput> died
        = Codec::decodeOutput(fixture(dir + QStringLiteral("/output-error-interpreter-died.json")));
    QVERIFY(died.ok());
    QVERIFY(died->evalue.startsWith(QLatin1String("Interpreter died:\n")));
    QVERIFY(died->traceback.isEmpty());

    // A failed statement is `available` with an error output (Livy has no `error` statement state).
    const Result<Statement> st
        = Codec::decodeStatement(fixture(dir + QStringLiteral("/statement-available-error.json")));
    QVERIFY(st.ok());
    QCOMPARE(st->state, StatementState::Available);
    QVERIFY(st->output && st->output->isError());
}

void TestCodec::nestedReplyBecomesTheOutput()
{
    const Result<StatementOutput> out
        = Codec::decodeOutput(fixture(ProtocolFixtures::protocolDir() + QStringLiteral("/output-nested-execute-reply.json")));
    QVERIFY(out.ok());
    QVERIFY(out->isError());
    QCOMPARE(out->ename, QStringLiteral("KeyError"));
    QCOMPARE(out->executionCount, 7);
    QCOMPARE(out->traceback.size(), 1);
    QVERIFY(out->data.isEmpty());
    QCOMPARE(Codec::decodeOutput(Codec::encodeOutput(out.value())).value(), out.value());
    // Without the execute_reply marker, msg_type/content are ordinary (unknown) MIME keys.
    const Result<StatementOutput> plain
        = Codec::decodeOutput(parse(R"({"status":"ok","data":{"msg_type":"other","content":{"status":"error"}}})"));
    QVERIFY(plain.ok());
    QCOMPARE(plain->status, StatementOutput::Status::Ok);
    QCOMPARE(plain->data.size(), 2);
}

void TestCodec::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("file");
    for (const QString &kind : FixtureKinds) {
        const QStringList names = ProtocolFixtures::files(ProtocolFixtures::protocolDir(), kind + QStringLiteral("-*.json"));
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << kind << ProtocolFixtures::protocolDir() + QLatin1Char('/') + name;
    }
}

void TestCodec::roundTrip()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    // decode(encode(decode(fixture))) == decode(fixture), for every kind of object.
    auto check = [](auto decoded, auto decode, auto encode) {
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().message()));
        const auto again = decode(encode(decoded.value()));
        QVERIFY2(again.ok(), qPrintable(again.error().message()));
        QVERIFY(again.value() == decoded.value());
    };
    if (kind == QLatin1String("session"))
        check(Codec::decodeSession(j), Codec::decodeSession, Codec::encodeSession);
    else if (kind == QLatin1String("sessions"))
        check(Codec::decodeSessionList(j), Codec::decodeSessionList, Codec::encodeSessionList);
    else if (kind == QLatin1String("state"))
        check(Codec::decodeSessionState(j), Codec::decodeSessionState, Codec::encodeSessionState);
    else if (kind == QLatin1String("statement"))
        check(Codec::decodeStatement(j), Codec::decodeStatement, Codec::encodeStatement);
    else if (kind == QLatin1String("statements"))
        check(Codec::decodeStatementList(j), Codec::decodeStatementList, Codec::encodeStatementList);
    else if (kind == QLatin1String("output"))
        check(Codec::decodeOutput(j), Codec::decodeOutput, Codec::encodeOutput);
    else if (kind == QLatin1String("log"))
        check(Codec::decodeLogPage(j), Codec::decodeLogPage, Codec::encodeLogPage);
    else if (kind == QLatin1String("version"))
        check(Codec::decodeVersion(j), Codec::decodeVersion, Codec::encodeVersion);
    else if (kind == QLatin1String("completion"))
        check(Codec::decodeCompletion(j), Codec::decodeCompletion, Codec::encodeCompletion);
    else
        QFAIL(qPrintable(QStringLiteral("no round trip for ") + kind));
}

void TestCodec::encodeWritesLivy09Shape_data()
{
    QTest::addColumn<QString>("file");
    // Fixtures in Livy 0.9's exact shape (every field, nulls where Livy sends null, no extra fields).
    for (const char *name : { "session-0.9-idle-k8s.json", "session-0.9-recovering.json", "session-0.9-dead.json",
                              "statement-available.json", "statement-available-error.json", "statement-waiting.json",
                              "statement-cancelled.json", "output-table.json", "output-image-png.json",
                              "output-error-sql.json", "sessions-list.json", "statements-list.json", "log-page.json" })
        QTest::newRow(name) << ProtocolFixtures::protocolDir() + QLatin1Char('/') + QLatin1String(name);
}

void TestCodec::encodeWritesLivy09Shape()
{
    QFETCH(QString, file);
    const QJsonObject j = fixture(file);
    QJsonObject encoded;
    const QString name = file.section(QLatin1Char('/'), -1);
    if (name.startsWith(QLatin1String("sessions-")))
        encoded = Codec::encodeSessionList(Codec::decodeSessionList(j).value());
    else if (name.startsWith(QLatin1String("session-")))
        encoded = Codec::encodeSession(Codec::decodeSession(j).value());
    else if (name.startsWith(QLatin1String("statements-")))
        encoded = Codec::encodeStatementList(Codec::decodeStatementList(j).value());
    else if (name.startsWith(QLatin1String("statement-")))
        encoded = Codec::encodeStatement(Codec::decodeStatement(j).value());
    else if (name.startsWith(QLatin1String("output-")))
        encoded = Codec::encodeOutput(Codec::decodeOutput(j).value());
    else if (name.startsWith(QLatin1String("log-")))
        encoded = Codec::encodeLogPage(Codec::decodeLogPage(j).value());
    QCOMPARE(QJsonDocument(encoded).toJson(QJsonDocument::Compact), QJsonDocument(j).toJson(QJsonDocument::Compact));
}

void TestCodec::roundTripConstructedValues()
{
    Session s;
    s.id = 77;
    s.name = QStringLiteral("Отчёт / weekly \"v2\"");
    s.appId = QStringLiteral("application_1_2");
    s.owner = QStringLiteral("alice");
    s.proxyUser = QStringLiteral("bob");
    s.state = SessionState::Unknown;
    s.stateName = QStringLiteral("paused");
    s.kind = QStringLiteral("sql");
    s.appInfo = { { QStringLiteral("driverLogUrl"), QStringLiteral("http://h/d") },
                  { QStringLiteral("sparkUiUrl"), QString() } };
    s.log = { QStringLiteral("a"), QString(), QStringLiteral("\tb\n") };
    s.driverMemory = QStringLiteral("1g");
    s.executorMemory = QStringLiteral("3g");
    s.queue = QStringLiteral("q");
    s.driverCores = 2;
    s.executorCores = 3;
    s.numExecutors = 9;
    s.heartbeatTimeoutInSecond = 60;
    s.conf = { { QStringLiteral("spark.x"), QStringLiteral("1") } };
    s.jars = { QStringLiteral("/j.jar") };
    s.pyFiles = { QStringLiteral("/p.py") };
    s.files = { QStringLiteral("/f") };
    s.archives = { QStringLiteral("/a.zip#a") };
    s.ttl = QStringLiteral("2h");
    s.idleTimeout = QStringLiteral("10m");
    const Result<Session> session = Codec::decodeSession(Codec::encodeSession(s));
    QVERIFY2(session.ok(), qPrintable(session.error().message()));
    QCOMPARE(session.value(), s);

    for (const SessionState state : { SessionState::Idle, SessionState::Recovering, SessionState::Dead }) {
        Session known = s;
        known.state = state;
        known.stateName = sessionStateToString(state);
        QCOMPARE(Codec::decodeSession(Codec::encodeSession(known)).value(), known);
    }

    StatementOutput error;
    error.status = StatementOutput::Status::Error;
    error.statusName = QStringLiteral("error");
    error.executionCount = 12;
    error.ename = QStringLiteral("ValueError");
    error.evalue = QStringLiteral("bad\nvalue");
    error.traceback = { QStringLiteral("line 1\n"), QStringLiteral("line 2\n") };
    QCOMPARE(Codec::decodeOutput(Codec::encodeOutput(error)).value(), error);

    StatementOutput ok;
    ok.status = StatementOutput::Status::Ok;
    ok.statusName = QStringLiteral("ok");
    ok.executionCount = 13;
    ok.data.insert(Mime::TextPlain, QStringLiteral("x"));
    ok.data.insert(Mime::Json, QJsonArray{ 1, QStringLiteral("two"), QJsonValue::Null });
    Statement st;
    st.id = 13;
    st.code = QStringLiteral("print('é')\r\n");
    st.state = StatementState::Available;
    st.stateName = QStringLiteral("available");
    st.output = ok;
    st.progress = 1.0;
    st.started = Q_INT64_C(1768209300100);
    st.completed = Q_INT64_C(1768209300999);
    QCOMPARE(Codec::decodeStatement(Codec::encodeStatement(st)).value(), st);
    st.output.reset();
    st.state = StatementState::Waiting;
    st.stateName = QStringLiteral("waiting");
    QCOMPARE(Codec::decodeStatement(Codec::encodeStatement(st)).value(), st);
    QVERIFY(Codec::encodeStatement(st).value(QLatin1String("output")).isNull());
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
