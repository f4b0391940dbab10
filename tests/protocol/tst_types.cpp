// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Livy types: state names in both directions, the state predicates, SessionRef (ids, names with spaces, slashes
// and any Unicode, and the path segment the Connection makes of them), the small helpers on the structs, and the
// request structs' JSON (unset fields omitted, never null).

#include "livy/connection.h"
#include "livy/types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace Livy;

using CreateSetter = std::function<void(Livy::CreateSessionRequest &)>;
Q_DECLARE_METATYPE(CreateSetter)

namespace {
QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

Q_DECLARE_METATYPE(Livy::SessionState)
Q_DECLARE_METATYPE(Livy::StatementState)

class TestTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionStateNames_data();
    void sessionStateNames();
    void unknownSessionStateNames_data();
    void unknownSessionStateNames();
    void sessionStatePredicates_data();
    void sessionStatePredicates();
    void statementStateNames_data();
    void statementStateNames();
    void statementStateIsTerminal_data();
    void statementStateIsTerminal();

    void sessionRefById();
    void sessionRefByName_data();
    void sessionRefByName();
    void sessionRefParse_data();
    void sessionRefParse();
    void sessionRefPathIsOneEncodedSegment_data();
    void sessionRefPathIsOneEncodedSegment();

    void executorLogLinks_data();
    void executorLogLinks();
    void mimeNames();

    void createRequestOmitsUnsetFields();
    void createRequestEachFieldAlone_data();
    void createRequestEachFieldAlone();
    void createRequestNeverEmitsNull();
    void createRequestRoundTrip();
    void createRequestFromJsonIsLenientLikeLivy();
    void statementAndCompletionRequests();
};

void TestTypes::sessionStateNames_data()
{
    QTest::addColumn<SessionState>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("not_started") << SessionState::NotStarted << "not_started";
    QTest::newRow("starting") << SessionState::Starting << "starting";
    QTest::newRow("recovering") << SessionState::Recovering << "recovering";
    QTest::newRow("idle") << SessionState::Idle << "idle";
    QTest::newRow("busy") << SessionState::Busy << "busy";
    QTest::newRow("running") << SessionState::Running << "running";
    QTest::newRow("shutting_down") << SessionState::ShuttingDown << "shutting_down";
    QTest::newRow("error") << SessionState::Error << "error";
    QTest::newRow("dead") << SessionState::Dead << "dead";
    QTest::newRow("killed") << SessionState::Killed << "killed";
    QTest::newRow("success") << SessionState::Success << "success";
}

void TestTypes::sessionStateNames()
{
    QFETCH(SessionState, state);
    QFETCH(QString, name);
    QCOMPARE(sessionStateToString(state), name);
    QCOMPARE(sessionStateFromString(name), state);
}

void TestTypes::unknownSessionStateNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("future state") << "hibernating";
    QTest::newRow("empty") << "";
    QTest::newRow("upper case") << "IDLE"; // Livy sends lower case; anything else is not Livy's name
    QTest::newRow("padded") << " idle";
    QTest::newRow("the word unknown") << "unknown";
}

void TestTypes::unknownSessionStateNames()
{
    QFETCH(QString, name);
    QCOMPARE(sessionStateFromString(name), SessionState::Unknown);
    QCOMPARE(sessionStateToString(SessionState::Unknown), QStringLiteral("unknown"));
}

void TestTypes::sessionStatePredicates_data()
{
    QTest::addColumn<SessionState>("state");
    QTest::addColumn<bool>("starting");
    QTest::addColumn<bool>("ready");
    QTest::addColumn<bool>("terminal");
    QTest::newRow("not_started") << SessionState::NotStarted << true << false << false;
    QTest::newRow("starting") << SessionState::Starting << true << false << false;
    QTest::newRow("recovering") << SessionState::Recovering << true << false << false;
    QTest::newRow("idle") << SessionState::Idle << false << true << false;
    QTest::newRow("busy") << SessionState::Busy << false << true << false;
    QTest::newRow("running (batch only)") << SessionState::Running << false << false << false;
    QTest::newRow("shutting_down") << SessionState::ShuttingDown << false << false << false;
    QTest::newRow("error") << SessionState::Error << false << false << true;
    QTest::newRow("dead") << SessionState::Dead << false << false << true;
    QTest::newRow("killed") << SessionState::Killed << false << false << true;
    QTest::newRow("success") << SessionState::Success << false << false << true;
    QTest::newRow("unknown keeps polling") << SessionState::Unknown << false << false << false;
}

void TestTypes::sessionStatePredicates()
{
    QFETCH(SessionState, state);
    QFETCH(bool, starting);
    QFETCH(bool, ready);
    QFETCH(bool, terminal);
    QCOMPARE(isStarting(state), starting);
    QCOMPARE(isReady(state), ready);
    QCOMPARE(isTerminal(state), terminal);
}

void TestTypes::statementStateNames_data()
{
    QTest::addColumn<StatementState>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("waiting") << StatementState::Waiting << "waiting";
    QTest::newRow("running") << StatementState::Running << "running";
    QTest::newRow("available") << StatementState::Available << "available";
    QTest::newRow("error (documented, never sent)") << StatementState::Error << "error";
    QTest::newRow("cancelling") << StatementState::Cancelling << "cancelling";
    QTest::newRow("cancelled") << StatementState::Cancelled << "cancelled";
}

void TestTypes::statementStateNames()
{
    QFETCH(StatementState, state);
    QFETCH(QString, name);
    QCOMPARE(statementStateToString(state), name);
    QCOMPARE(statementStateFromString(name), state);
    QCOMPARE(statementStateFromString(name.toUpper()), StatementState::Unknown);
    QCOMPARE(statementStateFromString(QStringLiteral("queued")), StatementState::Unknown);
    QCOMPARE(statementStateToString(StatementState::Unknown), QStringLiteral("unknown"));
}

void TestTypes::statementStateIsTerminal_data()
{
    QTest::addColumn<StatementState>("state");
    QTest::addColumn<bool>("terminal");
    QTest::newRow("waiting") << StatementState::Waiting << false;
    QTest::newRow("running") << StatementState::Running << false;
    QTest::newRow("available") << StatementState::Available << true;
    QTest::newRow("error") << StatementState::Error << true;
    QTest::newRow("cancelling") << StatementState::Cancelling << false;
    QTest::newRow("cancelled") << StatementState::Cancelled << true;
    QTest::newRow("unknown") << StatementState::Unknown << false;
}

void TestTypes::statementStateIsTerminal()
{
    QFETCH(StatementState, state);
    QFETCH(bool, terminal);
    QCOMPARE(isTerminal(state), terminal);
}

void TestTypes::sessionRefById()
{
    const SessionRef ref = SessionRef::byId(42);
    QVERIFY(ref.isValid());
    QVERIFY(ref.isId());
    QCOMPARE(ref.id(), 42);
    QVERIFY(ref.name().isEmpty());
    QCOMPARE(ref.pathSegment(), QStringLiteral("42"));
    QCOMPARE(ref.displayName(), QStringLiteral("session 42"));
    QCOMPARE(SessionRef::byId(0).pathSegment(), QStringLiteral("0"));
    QVERIFY(SessionRef::byId(0).isValid());
    QVERIFY(!SessionRef::byId(-1).isValid());
    QVERIFY(!SessionRef().isValid());
    QCOMPARE(SessionRef::byId(42), SessionRef::parse(QStringLiteral("42")));
    QVERIFY(!(SessionRef::byId(42) == SessionRef::byName(QStringLiteral("42x"))));
}

void TestTypes::sessionRefByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << "etl";
    QTest::newRow("spaces") << "etl nightly run";
    QTest::newRow("slashes") << "team/a b/c";
    QTest::newRow("leading and trailing space kept") << " padded ";
    QTest::newRow("cyrillic") << QString::fromUtf8("\xd0\x9e\xd1\x82\xd1\x87\xd1\x91\xd1\x82");
    QTest::newRow("emoji") << QString::fromUtf8("charts \xf0\x9f\x93\x8a");
    QTest::newRow("url characters") << "a?b#c%d&e=f+g";
    QTest::newRow("digits and more") << "42a";
}

void TestTypes::sessionRefByName()
{
    QFETCH(QString, name);
    const SessionRef ref = SessionRef::byName(name);
    QVERIFY(ref.isValid());
    QVERIFY(!ref.isId());
    QCOMPARE(ref.id(), -1);
    QCOMPARE(ref.name(), name);
    QCOMPARE(ref.pathSegment(), name); // raw; the Connection encodes it
    QCOMPARE(ref.displayName(), QStringLiteral("session \"%1\"").arg(name));
    QVERIFY(!SessionRef::byName(QString()).isValid());
}

void TestTypes::sessionRefParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("id");      // -1: a name
    QTest::addColumn<QString>("name");
    QTest::newRow("digits") << "42" << true << 42 << "";
    QTest::newRow("zero") << "0" << true << 0 << "";
    QTest::newRow("leading zeros") << "007" << true << 7 << "";
    QTest::newRow("surrounding space") << "  42\t" << true << 42 << "";
    QTest::newRow("negative is a name") << "-1" << true << -1 << "-1";
    QTest::newRow("plus is a name") << "+5" << true << -1 << "+5";
    QTest::newRow("inner space") << "4 2" << true << -1 << "4 2";
    QTest::newRow("digits then letters") << "42a" << true << -1 << "42a";
    QTest::newRow("too large for an int") << "99999999999" << true << -1 << "99999999999";
    QTest::newRow("arabic-indic digits") << QString::fromUtf8("\xd9\xa4\xd9\xa2") << true << -1
                                         << QString::fromUtf8("\xd9\xa4\xd9\xa2");
    QTest::newRow("name with slash") << "team/etl" << true << -1 << "team/etl";
    QTest::newRow("name with spaces trimmed") << "  etl nightly  " << true << -1 << "etl nightly";
    QTest::newRow("unicode name") << QString::fromUtf8("\xd0\x9e\xd1\x82\xd1\x87\xd1\x91\xd1\x82") << true << -1
                                  << QString::fromUtf8("\xd0\x9e\xd1\x82\xd1\x87\xd1\x91\xd1\x82");
    QTest::newRow("empty") << "" << false << -1 << "";
    QTest::newRow("blank") << "   " << false << -1 << "";
}

void TestTypes::sessionRefParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, id);
    QFETCH(QString, name);
    const SessionRef ref = SessionRef::parse(text);
    QCOMPARE(ref.isValid(), valid);
    QCOMPARE(ref.isId(), id >= 0);
    QCOMPARE(ref.id(), id);
    QCOMPARE(ref.name(), name);
}

void TestTypes::sessionRefPathIsOneEncodedSegment_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("spaces") << "etl nightly" << QByteArray("/sessions/etl%20nightly/state");
    QTest::newRow("slashes") << "team/a" << QByteArray("/sessions/team%2Fa/state");
    QTest::newRow("query and fragment characters") << "a?b#c" << QByteArray("/sessions/a%3Fb%23c/state");
    QTest::newRow("percent") << "100%" << QByteArray("/sessions/100%25/state");
    QTest::newRow("cyrillic") << QString::fromUtf8("\xd0\x9e\xd1\x82") << QByteArray("/sessions/%D0%9E%D1%82/state");
}

void TestTypes::sessionRefPathIsOneEncodedSegment()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, path);
    ConnectionSettings settings;
    settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8998"));
    const Connection connection(nullptr, settings);
    const SessionRef ref = SessionRef::byName(name);
    const QUrl url = connection.endpoint({ QStringLiteral("sessions"), ref.pathSegment(), QStringLiteral("state") });
    QCOMPARE(url.path(QUrl::FullyEncoded).toLatin1(), path);
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
}

void TestTypes::executorLogLinks_data()
{
    QTest::addColumn<QString>("urls");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("links");
    QTest::newRow("unset") << QString() << QStringList() << QStringList();
    QTest::newRow("one") << "exec-1#http://h/logs?pod=exec-1" << QStringList{ QStringLiteral("exec-1") }
                         << QStringList{ QStringLiteral("http://h/logs?pod=exec-1") };
    QTest::newRow("two, trailing separator") << "e1#http://h/1;e2#http://h/2;"
                                             << QStringList{ QStringLiteral("e1"), QStringLiteral("e2") }
                                             << QStringList{ QStringLiteral("http://h/1"), QStringLiteral("http://h/2") };
    QTest::newRow("fragment in url") << "e1#http://h/x#frag" << QStringList{ QStringLiteral("e1") }
                                     << QStringList{ QStringLiteral("http://h/x#frag") };
    QTest::newRow("no name") << "http://h/only" << QStringList{ QString() } << QStringList{ QStringLiteral("http://h/only") };
}

void TestTypes::executorLogLinks()
{
    QFETCH(QString, urls);
    QFETCH(QStringList, names);
    QFETCH(QStringList, links);
    Session s;
    if (!urls.isNull())
        s.appInfo.insert(QStringLiteral("executorLogUrls"), urls);
    const auto pairs = s.executorLogLinks();
    QCOMPARE(pairs.size(), names.size());
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        QCOMPARE(pairs.at(i).first, names.at(i));
        QCOMPARE(pairs.at(i).second, links.at(i));
    }
}

void TestTypes::mimeNames()
{
    QCOMPARE(QString(Mime::TextPlain), QStringLiteral("text/plain"));
    QCOMPARE(QString(Mime::Json), QStringLiteral("application/json"));
    QCOMPARE(QString(Mime::Table), QStringLiteral("application/vnd.livy.table.v1+json"));
    QCOMPARE(QString(Mime::ImagePng), QStringLiteral("image/png"));
}

void TestTypes::createRequestOmitsUnsetFields()
{
    QCOMPARE(CreateSessionRequest{}.toJson(), QJsonObject());
    CreateSessionRequest r;
    r.kind = QStringLiteral("pyspark");
    r.name = QStringLiteral("etl");
    QCOMPARE(r.toJson().keys(), (QStringList{ QStringLiteral("kind"), QStringLiteral("name") }));
}

void TestTypes::createRequestEachFieldAlone_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("expected");
    using Setter = CreateSetter;
    QTest::addColumn<Setter>("set");
    auto row = [](const char *key, QJsonValue expected, Setter set) {
        QTest::newRow(key) << QString::fromLatin1(key) << expected << set;
    };
    const QStringList list{ QStringLiteral("/a"), QStringLiteral("/b") };
    const QJsonArray array{ QStringLiteral("/a"), QStringLiteral("/b") };
    row("kind", QStringLiteral("spark"), [](CreateSessionRequest &r) { r.kind = QStringLiteral("spark"); });
    row("proxyUser", QStringLiteral("bob"), [](CreateSessionRequest &r) { r.proxyUser = QStringLiteral("bob"); });
    row("jars", array, [list](CreateSessionRequest &r) { r.jars = list; });
    row("pyFiles", array, [list](CreateSessionRequest &r) { r.pyFiles = list; });
    row("files", array, [list](CreateSessionRequest &r) { r.files = list; });
    row("archives", array, [list](CreateSessionRequest &r) { r.archives = list; });
    row("driverMemory", QStringLiteral("2g"), [](CreateSessionRequest &r) { r.driverMemory = QStringLiteral("2g"); });
    row("driverCores", 2, [](CreateSessionRequest &r) { r.driverCores = 2; });
    row("executorMemory", QStringLiteral("4g"), [](CreateSessionRequest &r) { r.executorMemory = QStringLiteral("4g"); });
    row("executorCores", 3, [](CreateSessionRequest &r) { r.executorCores = 3; });
    row("numExecutors", 0, [](CreateSessionRequest &r) { r.numExecutors = 0; });
    row("queue", QStringLiteral("etl"), [](CreateSessionRequest &r) { r.queue = QStringLiteral("etl"); });
    row("name", QStringLiteral("my session"), [](CreateSessionRequest &r) { r.name = QStringLiteral("my session"); });
    row("conf", QJsonObject{ { QStringLiteral("spark.x"), QStringLiteral("1") } },
        [](CreateSessionRequest &r) { r.conf = QMap<QString, QString>{ { QStringLiteral("spark.x"), QStringLiteral("1") } }; });
    row("heartbeatTimeoutInSecond", 60, [](CreateSessionRequest &r) { r.heartbeatTimeoutInSecond = 60; });
    row("ttl", QStringLiteral("1h"), [](CreateSessionRequest &r) { r.ttl = QStringLiteral("1h"); });
    row("idleTimeout", QStringLiteral("30m"), [](CreateSessionRequest &r) { r.idleTimeout = QStringLiteral("30m"); });
    row("empty list is set", QJsonArray(), [](CreateSessionRequest &r) { r.jars = QStringList(); });
}

void TestTypes::createRequestEachFieldAlone()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, expected);
    QFETCH(CreateSetter, set);
    CreateSessionRequest r;
    set(r);
    const QJsonObject json = r.toJson();
    QCOMPARE(json.size(), 1);
    const QString field = key == QLatin1String("empty list is set") ? QStringLiteral("jars") : key;
    QVERIFY2(json.contains(field), qPrintable(json.keys().join(QLatin1Char(','))));
    QCOMPARE(json.value(field), expected);
    QCOMPARE(CreateSessionRequest::fromJson(json), r);
}

void TestTypes::createRequestNeverEmitsNull()
{
    CreateSessionRequest r;
    // Set, but to null-ish Qt values: must come out as "" / [] / {}, never null.
    r.kind = QString();
    r.proxyUser = QString();
    r.name = QString();
    r.ttl = QString();
    r.jars = QStringList{ QString() };
    r.conf = QMap<QString, QString>{ { QStringLiteral("spark.y"), QString() } };
    const QJsonObject json = r.toJson();
    QCOMPARE(json.size(), 6);
    for (auto it = json.begin(); it != json.end(); ++it) {
        QVERIFY2(!it.value().isNull() && !it.value().isUndefined(), qPrintable(it.key()));
        if (it.value().isArray()) {
            const QJsonArray array = it.value().toArray();
            for (const QJsonValue &item : array)
                QVERIFY(!item.isNull());
        }
        if (it.value().isObject()) {
            const QJsonObject object = it.value().toObject();
            for (auto c = object.begin(); c != object.end(); ++c)
                QVERIFY(!c.value().isNull());
        }
    }
    QVERIFY(!QJsonDocument(json).toJson().contains("null"));
}

void TestTypes::createRequestRoundTrip()
{
    CreateSessionRequest r;
    r.kind = QStringLiteral("pyspark");
    r.proxyUser = QStringLiteral("bob");
    r.jars = QStringList{ QStringLiteral("hdfs:///j.jar") };
    r.pyFiles = QStringList{ QStringLiteral("hdfs:///p.zip") };
    r.files = QStringList{ QStringLiteral("hdfs:///f.csv") };
    r.archives = QStringList{ QStringLiteral("hdfs:///env.tar.gz#env") };
    r.driverMemory = QStringLiteral("2g");
    r.driverCores = 1;
    r.executorMemory = QStringLiteral("4g");
    r.executorCores = 2;
    r.numExecutors = 5;
    r.queue = QStringLiteral("analytics");
    r.name = QStringLiteral("nightly / Отчёт");
    r.conf = QMap<QString, QString>{ { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("64") } };
    r.heartbeatTimeoutInSecond = 120;
    r.ttl = QStringLiteral("8h");
    r.idleTimeout = QStringLiteral("45m");
    const QJsonObject json = r.toJson();
    QCOMPARE(json.size(), 17);
    QCOMPARE(CreateSessionRequest::fromJson(json), r);
    // Through bytes, as it goes over the wire.
    QCOMPARE(CreateSessionRequest::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object()), r);
}

void TestTypes::createRequestFromJsonIsLenientLikeLivy()
{
    const CreateSessionRequest r = CreateSessionRequest::fromJson(parse(
        R"({"kind":null,"driverCores":"2","executorCores":"two","numExecutors":1.5,"heartbeatTimeoutInSecond":30,
            "conf":{"spark.a":4,"spark.b":true,"spark.c":"x","spark.d":0.25},"jars":"notalist","unknown":1})"));
    QVERIFY(!r.kind);
    QCOMPARE(r.driverCores, std::optional<int>(2));
    QVERIFY(!r.executorCores);
    QVERIFY(!r.numExecutors);
    QCOMPARE(r.heartbeatTimeoutInSecond, std::optional<int>(30));
    QVERIFY(!r.jars);
    const QMap<QString, QString> conf{ { QStringLiteral("spark.a"), QStringLiteral("4") },
                                       { QStringLiteral("spark.b"), QStringLiteral("true") },
                                       { QStringLiteral("spark.c"), QStringLiteral("x") },
                                       { QStringLiteral("spark.d"), QStringLiteral("0.25") } };
    QVERIFY(r.conf);
    QCOMPARE(*r.conf, conf);
}

void TestTypes::statementAndCompletionRequests()
{
    StatementRequest st;
    st.code = QStringLiteral("1 + 1");
    QCOMPARE(st.toJson(), (QJsonObject{ { QStringLiteral("code"), QStringLiteral("1 + 1") } }));
    st.kind = QStringLiteral("sql");
    QCOMPARE(st.toJson().value(QLatin1String("kind")).toString(), QStringLiteral("sql"));
    QCOMPARE(st.toJson().size(), 2);

    CompletionRequest c;
    c.code = QStringLiteral("sc.");
    c.kind = QStringLiteral("spark");
    c.cursor = 3;
    const QJsonObject json = c.toJson();
    QCOMPARE(json.value(QLatin1String("code")).toString(), QStringLiteral("sc."));
    QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("spark"));
    QCOMPARE(json.value(QLatin1String("cursor")).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestTypes)
#include "tst_types.moc"
