// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Livy::Codec on objects Livy would never send: wrong types and missing required fields give a Protocol error that
// names the field (with its path inside lists and outputs), numbers sent as strings follow the rule documented in
// codec.h, and out-of-range values are clamped or kept as documented.

#include "codecencoders.h"
#include "livy/codec.h"
#include "livy/types.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace Livy;

namespace {

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

/// Decodes `object` with the decoder named `kind` and returns its error (None when it decodes).
LivyError decodeError(const QString &kind, const QJsonObject &object)
{
    static const QHash<QString, std::function<LivyError(const QJsonObject &)>> decoders{
        { QStringLiteral("session"), [](const QJsonObject &o) { return Codec::decodeSession(o).error(); } },
        { QStringLiteral("sessions"), [](const QJsonObject &o) { return Codec::decodeSessionList(o).error(); } },
        { QStringLiteral("state"), [](const QJsonObject &o) { return Codec::decodeSessionState(o).error(); } },
        { QStringLiteral("statement"), [](const QJsonObject &o) { return Codec::decodeStatement(o).error(); } },
        { QStringLiteral("statements"), [](const QJsonObject &o) { return Codec::decodeStatementList(o).error(); } },
        { QStringLiteral("output"), [](const QJsonObject &o) { return Codec::decodeOutput(o).error(); } },
        { QStringLiteral("log"), [](const QJsonObject &o) { return Codec::decodeLogPage(o).error(); } },
        { QStringLiteral("version"), [](const QJsonObject &o) { return Codec::decodeVersion(o).error(); } },
        { QStringLiteral("completion"), [](const QJsonObject &o) { return Codec::decodeCompletion(o).error(); } },
    };
    const auto decoder = decoders.value(kind);
    return decoder ? decoder(object) : LivyError::protocol(QStringLiteral("no decoder named ") + kind);
}

} // namespace

class TestCodecErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrongTypeNamesTheField_data();
    void wrongTypeNamesTheField();
    void badListEntriesAreKeptWithTheirProblem_data();
    void badListEntriesAreKeptWithTheirProblem();
    void missingRequiredField_data();
    void missingRequiredField();
    void numbersAsStrings_data();
    void numbersAsStrings();
    void progressIsClamped();
    void unknownOutputStatusIsKept();

};

void TestCodecErrors::wrongTypeNamesTheField_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("session id string") << "session" << QByteArray(R"({"id":"abc","state":"idle"})") << "id";
    QTest::newRow("session id fraction") << "session" << QByteArray(R"({"id":1.5,"state":"idle"})") << "id";
    QTest::newRow("session state number") << "session" << QByteArray(R"({"id":1,"state":5})") << "state";
    QTest::newRow("session name number") << "session" << QByteArray(R"({"id":1,"state":"idle","name":42})") << "name";
    QTest::newRow("session kind object") << "session" << QByteArray(R"({"id":1,"state":"idle","kind":{}})") << "kind";
    QTest::newRow("appInfo string") << "session" << QByteArray(R"({"id":1,"state":"idle","appInfo":"x"})") << "appInfo";
    QTest::newRow("appInfo value array") << "session"
                                         << QByteArray(R"({"id":1,"state":"idle","appInfo":{"sparkUiUrl":[1]}})")
                                         << "appInfo.sparkUiUrl";
    QTest::newRow("log string") << "session" << QByteArray(R"({"id":1,"state":"idle","log":"line"})") << "log";
    QTest::newRow("log item number") << "session" << QByteArray(R"({"id":1,"state":"idle","log":["a",7]})") << "log[1]";
    QTest::newRow("driverCores bool") << "session" << QByteArray(R"({"id":1,"state":"idle","driverCores":true})")
                                      << "driverCores";
    QTest::newRow("driverCores fraction") << "session" << QByteArray(R"({"id":1,"state":"idle","driverCores":1.5})")
                                          << "driverCores";
    QTest::newRow("numExecutors beyond int") << "session"
                                             << QByteArray(R"({"id":1,"state":"idle","numExecutors":3000000000})")
                                             << "numExecutors";
    QTest::newRow("executorCores text") << "session" << QByteArray(R"({"id":1,"state":"idle","executorCores":"2x"})")
                                        << "executorCores";
    QTest::newRow("conf array") << "session" << QByteArray(R"({"id":1,"state":"idle","conf":[]})") << "conf";
    QTest::newRow("conf value object") << "session" << QByteArray(R"({"id":1,"state":"idle","conf":{"spark.a":{}}})")
                                       << "conf.spark.a";
    QTest::newRow("jars string") << "session" << QByteArray(R"({"id":1,"state":"idle","jars":"a.jar"})") << "jars";
    QTest::newRow("ttl number") << "session" << QByteArray(R"({"id":1,"state":"idle","ttl":5})") << "ttl";
    QTest::newRow("idleTimeout bool") << "session" << QByteArray(R"({"id":1,"state":"idle","idleTimeout":false})")
                                      << "idleTimeout";

    QTest::newRow("statement progress text") << "statement" << QByteArray(R"({"id":1,"state":"running","progress":"fast"})")
                                             << "progress";
    QTest::newRow("statement progress NaN text") << "statement"
                                                 << QByteArray(R"({"id":1,"state":"running","progress":"NaN"})")
                                                 << "progress";
    QTest::newRow("statement started text") << "statement" << QByteArray(R"({"id":1,"state":"running","started":"soon"})")
                                            << "started";
    QTest::newRow("statement code number") << "statement" << QByteArray(R"({"id":1,"state":"running","code":1})") << "code";
    QTest::newRow("statement output string") << "statement" << QByteArray(R"({"id":1,"state":"available","output":"ok"})")
                                             << "output";
    QTest::newRow("output text/plain number")
        << "statement" << QByteArray(R"({"id":1,"state":"available","output":{"status":"ok","data":{"text/plain":5}}})")
        << "output.data.text/plain";
    QTest::newRow("output image/png object")
        << "statement" << QByteArray(R"({"id":1,"state":"available","output":{"status":"ok","data":{"image/png":{}}}})")
        << "output.data.image/png";
    QTest::newRow("output table array")
        << "output" << QByteArray(R"({"status":"ok","data":{"application/vnd.livy.table.v1+json":[]}})")
        << "data.application/vnd.livy.table.v1+json";
    QTest::newRow("output table headers object")
        << "output"
        << QByteArray(R"({"status":"ok","data":{"application/vnd.livy.table.v1+json":{"headers":{},"data":[]}}})")
        << "data.application/vnd.livy.table.v1+json.headers";
    QTest::newRow("output data array") << "output" << QByteArray(R"({"status":"ok","data":[]})") << "data";
    QTest::newRow("output status number") << "output" << QByteArray(R"({"status":1})") << "status";
    QTest::newRow("output execution_count text") << "output" << QByteArray(R"({"status":"ok","execution_count":"x"})")
                                                 << "execution_count";
    QTest::newRow("output traceback item") << "output"
                                           << QByteArray(R"({"status":"error","ename":"E","traceback":[1]})")
                                           << "traceback[0]";
    QTest::newRow("output evalue object") << "output" << QByteArray(R"({"status":"error","evalue":{}})") << "evalue";

    QTest::newRow("list sessions object") << "sessions" << QByteArray(R"({"sessions":{}})") << "sessions";
    QTest::newRow("list total text") << "sessions" << QByteArray(R"({"total":"many","sessions":[]})") << "total";
    QTest::newRow("statements item") << "statements" << QByteArray(R"({"statements":[{"id":"a","state":"waiting"}]})")
                                     << "statements[0].id";
    QTest::newRow("statements output data")
        << "statements"
        << QByteArray(R"({"statements":[{"id":0,"state":"available","output":{"status":"ok","data":{"image/png":1}}}]})")
        << "statements[0].output.data.image/png";
    QTest::newRow("statements total") << "statements" << QByteArray(R"({"statements":[],"total_statements":[]})")
                                      << "total_statements";
    QTest::newRow("log lines numbers") << "log" << QByteArray(R"({"log":[1,2]})") << "log[0]";
    QTest::newRow("log from text") << "log" << QByteArray(R"({"log":[],"from":"x"})") << "from";
    QTest::newRow("state id bool") << "state" << QByteArray(R"({"id":true,"state":"idle"})") << "id";
    QTest::newRow("version number") << "version" << QByteArray(R"({"version":9})") << "version";
    QTest::newRow("completion string") << "completion" << QByteArray(R"({"candidates":"count"})") << "candidates";
}

void TestCodecErrors::wrongTypeNamesTheField()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QJsonParseError parseError{};
    const QJsonObject object = QJsonDocument::fromJson(json, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const LivyError error = decodeError(kind, object);
    QCOMPARE(error.kind(), LivyError::Kind::Protocol);
    QCOMPARE(error.httpStatus(), 0);
    QVERIFY2(error.message().contains(QLatin1Char('"') + field + QLatin1Char('"')), qPrintable(error.message()));
    QVERIFY2(error.message().contains(QLatin1String("wrong type")), qPrintable(error.message()));
    QVERIFY(!error.message().contains(QLatin1Char('\n')));
}

void TestCodecErrors::badListEntriesAreKeptWithTheirProblem_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("field");
    QTest::newRow("list session string") << QByteArray(R"({"sessions":["x"]})") << 0 << -2 << "sessions[0]";
    QTest::newRow("list session bad state") << QByteArray(R"({"sessions":[{"id":1,"state":"idle"},{"id":2,"state":[]}]})")
                                            << 1 << 2 << "sessions[1].state";
    QTest::newRow("list session appInfo")
        << QByteArray(R"({"sessions":[{"id":1,"state":"idle","appInfo":{"driverLogUrl":[]}}]})") << 0 << 1
        << "sessions[0].appInfo.driverLogUrl";
    QTest::newRow("session in list state") << QByteArray(R"({"sessions":[{"id":1}]})") << 0 << 1 << "sessions[0].state";
}

void TestCodecErrors::badListEntriesAreKeptWithTheirProblem()
{
    // One unreadable entry never hides the others: it is kept as a row that says what is wrong with it.
    QFETCH(QByteArray, json);
    QFETCH(int, row);
    QFETCH(int, id);
    QFETCH(QString, field);
    const Result<SessionList> list = Codec::decodeSessionList(parse(json));
    QVERIFY(list);
    const Session bad = list.value().sessions.at(row);
    QCOMPARE(bad.id, id);
    QCOMPARE(bad.stateName, QStringLiteral("unreadable"));
    QVERIFY2(bad.problem.contains(QLatin1Char('"') + field + QLatin1Char('"')), qPrintable(bad.problem));
    for (const Session &s : list.value().sessions)
        if (s.id != bad.id)
            QVERIFY(s.problem.isEmpty());
}

void TestCodecErrors::missingRequiredField_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("session id") << "session" << QByteArray(R"({"state":"idle","kind":"spark"})") << "id";
    QTest::newRow("session id null") << "session" << QByteArray(R"({"id":null,"state":"idle"})") << "id";
    QTest::newRow("session state") << "session" << QByteArray(R"({"id":3})") << "state";
    QTest::newRow("statement id") << "statement" << QByteArray(R"({"state":"waiting"})") << "id";
    QTest::newRow("statement state") << "statement" << QByteArray(R"({"id":0,"code":"1"})") << "state";
    QTest::newRow("output status") << "output" << QByteArray(R"({"execution_count":0,"data":{}})") << "status";
    QTest::newRow("statement output status")
        << "statement" << QByteArray(R"({"id":0,"state":"available","output":{"data":{}}})") << "output.status";
    QTest::newRow("table headers") << "output"
                                   << QByteArray(R"({"status":"ok","data":{"application/vnd.livy.table.v1+json":{"data":[]}}})")
                                   << "data.application/vnd.livy.table.v1+json.headers";
    QTest::newRow("session list sessions") << "sessions" << QByteArray(R"({"from":0,"total":0})") << "sessions";
    QTest::newRow("statement list statements") << "statements" << QByteArray(R"({"total_statements":0})")
                                               << "statements";
    QTest::newRow("log page log") << "log" << QByteArray(R"({"id":1,"from":0,"total":0})") << "log";
    QTest::newRow("log page log null") << "log" << QByteArray(R"({"id":1,"log":null})") << "log";
    QTest::newRow("version") << "version" << QByteArray(R"({"user":"runner"})") << "version";
    QTest::newRow("completion") << "completion" << QByteArray(R"({})") << "candidates";
    QTest::newRow("state") << "state" << QByteArray(R"({"id":1})") << "state";
}

void TestCodecErrors::missingRequiredField()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const LivyError error = decodeError(kind, parse(json));
    QCOMPARE(error.kind(), LivyError::Kind::Protocol);
    QVERIFY2(error.message().contains(QLatin1Char('"') + field + QLatin1Char('"')), qPrintable(error.message()));
    const bool isNull = json.contains("null");
    QVERIFY2(error.message().contains(isNull ? QLatin1String("null") : QLatin1String("has no")),
             qPrintable(error.message()));
}

void TestCodecErrors::numbersAsStrings_data()
{
    QTest::addColumn<QString>("idText");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("id");

    QTest::newRow("digits") << "42" << true << 42;
    QTest::newRow("zero") << "0" << true << 0;
    QTest::newRow("leading zeros") << "007" << true << 7;
    QTest::newRow("negative") << "-1" << true << -1;
    QTest::newRow("int max") << "2147483647" << true << 2147483647;
    QTest::newRow("beyond int") << "2147483648" << false << 0;
    QTest::newRow("plus sign") << "+4" << false << 0;
    QTest::newRow("spaces") << " 42" << false << 0;
    QTest::newRow("fraction") << "4.0" << false << 0;
    QTest::newRow("exponent") << "4e1" << false << 0;
    QTest::newRow("hex") << "0x10" << false << 0;
    QTest::newRow("empty") << "" << false << 0;
    QTest::newRow("minus only") << "-" << false << 0;
    QTest::newRow("arabic-indic digits") << QString::fromUtf8("\xd9\xa4\xd9\xa2") << false << 0;
    QTest::newRow("words") << "forty-two" << false << 0;
}

void TestCodecErrors::numbersAsStrings()
{
    QFETCH(QString, idText);
    QFETCH(bool, accepted);
    QFETCH(int, id);
    QJsonObject j;
    j.insert(QStringLiteral("id"), idText);
    j.insert(QStringLiteral("state"), QStringLiteral("idle"));
    j.insert(QStringLiteral("driverCores"), idText);
    const Result<Session> s = Codec::decodeSession(j);
    QCOMPARE(s.ok(), accepted);
    if (accepted) {
        QCOMPARE(s->id, id);
        QCOMPARE(s->driverCores, id);
    } else {
        QVERIFY2(s.error().message().contains(QLatin1String("\"id\"")), qPrintable(s.error().message()));
    }

    // Longs and doubles as strings, too.
    const Result<Statement> st = Codec::decodeStatement(
        parse(R"({"id":"3","state":"available","progress":"0.5","started":"1768209300100","completed":"1768209300480"})"));
    QVERIFY2(st.ok(), qPrintable(st.error().message()));
    QCOMPARE(st->id, 3);
    QCOMPARE(st->progress, 0.5);
    QCOMPARE(st->started, Q_INT64_C(1768209300100));
    QCOMPARE(st->completed, Q_INT64_C(1768209300480));
}

void TestCodecErrors::progressIsClamped()
{
    QCOMPARE(Codec::decodeStatement(parse(R"({"id":1,"state":"running","progress":1.7})"))->progress, 1.0);
    QCOMPARE(Codec::decodeStatement(parse(R"({"id":1,"state":"running","progress":-0.2})"))->progress, 0.0);
    QCOMPARE(Codec::decodeStatement(parse(R"({"id":1,"state":"running","progress":0.25})"))->progress, 0.25);
}

void TestCodecErrors::unknownOutputStatusIsKept()
{
    const Result<StatementOutput> out
        = Codec::decodeOutput(parse(R"({"status":"abort","execution_count":4,"data":{"text/plain":"stopped"}})"));
    QVERIFY(out.ok());
    QCOMPARE(out->status, StatementOutput::Status::Unknown);
    QCOMPARE(out->statusName, QStringLiteral("abort"));
    QCOMPARE(out->text(), QStringLiteral("stopped"));
    QCOMPARE(Codec::decodeOutput(Codec::encodeOutput(out.value())).value(), out.value());
}

QTEST_GUILESS_MAIN(TestCodecErrors)
#include "tst_codecerrors.moc"
