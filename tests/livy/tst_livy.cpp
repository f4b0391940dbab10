// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Integration tests of LivyDesk's own client library against a REAL Livy 0.9 + Spark 3.5 server on loopback,
// started by scripts/local-livy through the ctest fixtures in this folder (label `livy`). One server and as few
// sessions as possible are shared by all test functions, which run in order.

#include "livytestsupport.h"

#include "livy/cancelstatementjob.h"
#include "livy/completionjob.h"
#include "livy/connectsessionjob.h"
#include "livy/createsessionjob.h"
#include "livy/deletesessionjob.h"
#include "livy/getsessionjob.h"
#include "livy/getsessionlogjob.h"
#include "livy/getversionjob.h"
#include "livy/listsessionsjob.h"
#include "livy/liststatementsjob.h"
#include "livy/submitstatementjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

using namespace Livy;
using namespace LivyTest;

class TestLivy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void version();
    void createSessionsAndPostWhileStarting();
    void createEchoesEveryParameter();
    void listGetStateAndPaging();
    void documentedErrors();
    void waitUntilIdle();
    void pysparkOutputs();
    void pysparkFilesAreDistributed();
    void pysparkErrorHasTraceback();
    void scalaOutputAndCompletion();
    void sqlJsonTable();
    void sharedSessionPerStatementKind();
    void cancelLongStatement();
    void statementListOrder();
    void logPaging();
    void connectKeepAlive();
    void csrfProtection();
    void deleteSessions();
    void cleanupTestCase();

private:
    SessionRef create(const CreateSessionRequest &request, Session *out = nullptr);
    Statement runStatement(const SessionRef &ref, const QString &code, std::optional<QString> kind = {});
    void writeFile(const QString &name, const QByteArray &content);
    void writeZip(const QString &name, const QString &member, const QByteArray &content);

    QNetworkAccessManager m_nam;
    std::unique_ptr<Connection> m_conn;
    QString m_whitelist;
    QString m_prefix;
    QList<int> m_created;
    SessionRef m_py, m_scala, m_sql, m_shared;
    Session m_pyCreated;
    QElapsedTimer m_clock;
};

void TestLivy::initTestCase()
{
    const QMap<QString, QString> env = instanceEnvironment(QStringLiteral("ctest"));
    const QString url = env.value(QStringLiteral("LIVYDESK_URL"));
    if (url.isEmpty()) {
        const QString reason = unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no real Livy server can run here: ") + reason));
    }
    QVERIFY2(!url.isEmpty(), "scripts/local-livy --instance ctest is not running (the livy_server_start fixture failed)");
    m_whitelist = env.value(QStringLiteral("LIVYDESK_WHITELIST_DIR"));
    QVERIFY2(!m_whitelist.isEmpty() && QDir(m_whitelist).exists(), "no whitelist directory from scripts/local-livy env");
    ConnectionSettings settings;
    settings.baseUrl = QUrl(url);
    settings.requestTimeout = std::chrono::seconds(60);
    m_conn = std::make_unique<Connection>(&m_nam, settings);
    m_prefix = QStringLiteral("ld%1").arg(QCoreApplication::applicationPid());
    m_clock.start();
}

SessionRef TestLivy::create(const CreateSessionRequest &request, Session *out)
{
    auto job = run(new CreateSessionJob(m_conn.get(), request));
    if (!job->ok()) {
        qWarning() << "create failed:" << job->error().toString() << job->error().rawBody();
        return {};
    }
    m_created.append(job->session().id);
    if (out)
        *out = job->session();
    return SessionRef::byId(job->session().id);
}

Statement TestLivy::runStatement(const SessionRef &ref, const QString &code, std::optional<QString> kind)
{
    auto submit = run(new SubmitStatementJob(m_conn.get(), ref, StatementRequest{ code, kind }));
    if (!submit->ok()) {
        qWarning() << "submit failed:" << submit->error().toString();
        return {};
    }
    if (submit->httpStatus() != 201)
        qWarning() << "unexpected submit status" << submit->httpStatus();
    return waitForStatement(m_conn.get(), ref, submit->statement().id);
}

void TestLivy::writeFile(const QString &name, const QByteArray &content)
{
    QFile f(QDir(m_whitelist).filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

void TestLivy::writeZip(const QString &name, const QString &member, const QByteArray &content)
{
    // A real zip archive made with Python's zipfile (python3 is needed by Spark here anyway).
    QProcess p;
    p.setProgram(QStringLiteral("python3"));
    p.setArguments({ QStringLiteral("-c"),
                     QStringLiteral("import sys,zipfile\n"
                                    "with zipfile.ZipFile(sys.argv[1],'w') as z: z.writestr(sys.argv[2], sys.argv[3])"),
                     QDir(m_whitelist).filePath(name), member, QString::fromUtf8(content) });
    p.start();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
}

void TestLivy::version()
{
    auto job = run(new GetVersionJob(m_conn.get()));
    QVERIFY2(job->ok(), qPrintable(job->error().toString()));
    QVERIFY2(job->version().version.startsWith(QLatin1String("0.9.0")), qPrintable(job->version().version));
}

void TestLivy::createSessionsAndPostWhileStarting()
{
    // Create the pyspark session with every parameter local mode accepts, and immediately post a statement:
    // the session is still starting, so Livy answers 500 with a bare-string IllegalStateException.
    writeFile(QStringLiteral("ldhelper.py"), "def answer():\n    return 42\n");
    writeFile(QStringLiteral("ldnote.txt"), "hello from files\n");
    writeZip(QStringLiteral("ldlib.jar"), QStringLiteral("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\n");
    writeZip(QStringLiteral("ldarchive.zip"), QStringLiteral("inside.txt"), "archived");

    const QString dir = QDir(m_whitelist).absolutePath();
    CreateSessionRequest r;
    r.kind = QStringLiteral("pyspark");
    r.name = m_prefix + QStringLiteral("-py");
    r.proxyUser = QStringLiteral("alice");
    r.jars = QStringList{ QStringLiteral("file://") + dir + QStringLiteral("/ldlib.jar") };
    r.pyFiles = QStringList{ QStringLiteral("file://") + dir + QStringLiteral("/ldhelper.py") };
    r.files = QStringList{ QStringLiteral("file://") + dir + QStringLiteral("/ldnote.txt") };
    r.archives = QStringList{ QStringLiteral("file://") + dir + QStringLiteral("/ldarchive.zip#ldarch") };
    r.driverMemory = QStringLiteral("512m");
    r.driverCores = 1;
    r.executorMemory = QStringLiteral("512m");
    r.executorCores = 1;
    r.numExecutors = 1;
    r.queue = QStringLiteral("default");
    r.conf = QMap<QString, QString>{ { QStringLiteral("spark.livydesk.test"), QStringLiteral("yes") },
                                     { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("2") } };
    r.heartbeatTimeoutInSecond = 900;
    r.ttl = QStringLiteral("2h");
    r.idleTimeout = QStringLiteral("1h");
    m_py = create(r, &m_pyCreated);
    QVERIFY(m_py.isValid());

    // The other sessions start now, in parallel with the first.
    auto ofKind = [](const QString &kind, const QString &name = {}) {
        CreateSessionRequest request;
        request.kind = kind;
        if (!name.isEmpty())
            request.name = name;
        return request;
    };
    m_scala = create(ofKind(QStringLiteral("spark"), m_prefix + QStringLiteral("-scala")));
    m_sql = create(ofKind(QStringLiteral("sql")));
    m_shared = create(ofKind(QStringLiteral("shared")));
    QVERIFY(m_scala.isValid() && m_sql.isValid() && m_shared.isValid());

    auto early = run(new SubmitStatementJob(m_conn.get(), m_py, StatementRequest{ QStringLiteral("1"), {} }));
    if (early->ok()) {
        QSKIP("the session was already idle when the first statement arrived; the 500 path was not exercised");
    }
    QCOMPARE(early->error().kind(), LivyError::Kind::Http);
    QCOMPARE(early->error().httpStatus(), 500);
    QVERIFY2(early->error().serverText().contains(QLatin1String("Session is in state")),
             qPrintable(early->error().serverText()));
    QVERIFY2(!early->error().message().startsWith(QLatin1String("java.")), qPrintable(early->error().message()));
}

void TestLivy::createEchoesEveryParameter()
{
    const Session &s = m_pyCreated;
    QCOMPARE(s.kind, QStringLiteral("pyspark"));
    QVERIFY(isStarting(s.state));
    QCOMPARE(s.name, m_prefix + QStringLiteral("-py"));
    QCOMPARE(s.driverMemory, QStringLiteral("512m"));
    QCOMPARE(s.driverCores, 1);
    QCOMPARE(s.executorMemory, QStringLiteral("512m"));
    QCOMPARE(s.executorCores, 1);
    QCOMPARE(s.numExecutors, 1);
    QCOMPARE(s.queue, QStringLiteral("default"));
    QCOMPARE(s.heartbeatTimeoutInSecond, 900);
    QCOMPARE(s.ttl, QStringLiteral("2h"));
    QCOMPARE(s.idleTimeout, QStringLiteral("1h"));
    QCOMPARE(s.conf.value(QStringLiteral("spark.livydesk.test")), QStringLiteral("yes"));
    QCOMPARE(s.jars.size(), 1);
    QVERIFY(s.jars.constFirst().endsWith(QLatin1String("ldlib.jar")));
    QCOMPARE(s.pyFiles.size(), 1);
    QCOMPARE(s.files.size(), 1);
    QCOMPARE(s.archives.size(), 1);
    // Impersonation is off on the local server: Livy ignores proxyUser and reports null (no auth, no owner).
    QVERIFY2(s.proxyUser.isEmpty(), qPrintable(s.proxyUser));
    QVERIFY(s.owner.isEmpty());
}

void TestLivy::listGetStateAndPaging()
{
    auto all = run(new ListSessionsJob(m_conn.get()));
    QVERIFY2(all->ok(), qPrintable(all->error().toString()));
    QVERIFY(all->result().total >= 4);
    auto page = run(new ListSessionsJob(m_conn.get(), 1, 2));
    QVERIFY(page->ok());
    QCOMPARE(page->result().from, 1);
    QCOMPARE(page->result().sessions.size(), 2);
    QCOMPARE(page->result().total, all->result().total);
    QCOMPARE(page->result().sessions.at(0).id, all->result().sessions.at(1).id);

    auto byName = run(new GetSessionJob(m_conn.get(), SessionRef::byName(m_prefix + QStringLiteral("-scala"))));
    QVERIFY2(byName->ok(), qPrintable(byName->error().toString()));
    QCOMPARE(byName->session().id, m_scala.id());
    QCOMPARE(byName->session().kind, QStringLiteral("spark"));

    auto state = run(new GetSessionStateJob(m_conn.get(), m_sql));
    QVERIFY(state->ok());
    QCOMPARE(state->state().id, m_sql.id());
    QVERIFY(state->state().state != SessionState::Unknown);
}

void TestLivy::documentedErrors()
{
    auto missing = run(new GetSessionJob(m_conn.get(), SessionRef::byId(987654)));
    QCOMPARE(missing->error().httpStatus(), 404);
    QVERIFY2(missing->error().serverText().contains(QLatin1String("987654")), missing->rawBody().constData());
    QVERIFY(missing->error().isNotFound());

    CreateSessionRequest dup;
    dup.kind = QStringLiteral("pyspark");
    dup.name = m_prefix + QStringLiteral("-py");
    auto duplicate = run(new CreateSessionJob(m_conn.get(), dup));
    QCOMPARE(duplicate->error().httpStatus(), 400);
    QVERIFY2(duplicate->error().serverText().contains(QLatin1String("Duplicate session name")),
             duplicate->rawBody().constData());
    QVERIFY2(duplicate->error().message().contains(m_prefix), qPrintable(duplicate->error().message()));

    CreateSessionRequest numeric;
    numeric.name = QStringLiteral("12345");
    auto badName = run(new CreateSessionJob(m_conn.get(), numeric));
    QCOMPARE(badName->error().httpStatus(), 400);
    QVERIFY2(badName->error().serverText().contains(QLatin1String("Invalid session name")), badName->rawBody().constData());

    CreateSessionRequest blacklisted;
    blacklisted.conf = QMap<QString, QString>{ { QStringLiteral("spark.master"), QStringLiteral("yarn") } };
    auto black = run(new CreateSessionJob(m_conn.get(), blacklisted));
    if (black->ok())
        m_created.append(black->session().id); // deleted at the end
    QCOMPARE(black->error().httpStatus(), 400);
    QVERIFY2(black->error().serverText().contains(QLatin1String("spark.master")), black->rawBody().constData());

    auto noStatement = run(new GetStatementJob(m_conn.get(), m_py, 4242));
    QVERIFY(noStatement->error().httpStatus() == 404 || noStatement->error().httpStatus() == 500);
}

void TestLivy::waitUntilIdle()
{
    for (const SessionRef &ref : { m_py, m_scala, m_sql, m_shared }) {
        const SessionState s = waitForSessionState(m_conn.get(), ref,
                                                   [](SessionState st) { return isReady(st) || isTerminal(st); },
                                                   480000);
        QVERIFY2(isReady(s), qPrintable(QStringLiteral("session %1 ended in %2").arg(ref.id()).arg(sessionStateToString(s))));
    }
    qInfo("all four sessions ready after %lld ms", m_clock.elapsed());
}

void TestLivy::pysparkOutputs()
{
    Statement st = runStatement(m_py, QStringLiteral("1 + 1"));
    QCOMPARE(st.state, StatementState::Available);
    QVERIFY(st.output.has_value());
    QCOMPARE(st.output->status, StatementOutput::Status::Ok);
    QCOMPARE(st.output->data.value(QStringLiteral("text/plain")).toString(), QStringLiteral("2"));
    QVERIFY(st.started > 0 && st.completed >= st.started);
    QCOMPARE(st.progress, 1.0);

    st = runStatement(m_py, QStringLiteral("d = {'a': 1, 'b': [1, 2]}\n%json d"));
    QCOMPARE(st.output->status, StatementOutput::Status::Ok);
    const QJsonObject json = st.output->data.value(QStringLiteral("application/json")).toObject();
    QCOMPARE(json.value(QStringLiteral("a")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("b")).toArray().size(), 2);

    st = runStatement(m_py, QStringLiteral("t = [{'name': 'x', 'n': 1}, {'name': 'y', 'n': 2}]\n%table t"));
    QCOMPARE(st.output->status, StatementOutput::Status::Ok);
    const QJsonObject table = st.output->data.value(QStringLiteral("application/vnd.livy.table.v1+json")).toObject();
    QCOMPARE(table.value(QStringLiteral("headers")).toArray().size(), 2);
    QCOMPARE(table.value(QStringLiteral("data")).toArray().size(), 2);

    st = runStatement(m_py, QStringLiteral("import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
                                           "plt.clf()\nplt.plot([1, 2, 3], [3, 1, 2])\n%matplot plt"));
    QCOMPARE(st.output->status, StatementOutput::Status::Ok);
    const QByteArray png = QByteArray::fromBase64(st.output->data.value(QStringLiteral("image/png")).toString().toLatin1());
    QVERIFY2(png.startsWith("\x89PNG"), "image/png is not a base64 PNG");
}

void TestLivy::pysparkFilesAreDistributed()
{
    // pyFiles are importable, files reachable through SparkFiles, and the jar is on the session's list.
    Statement st = runStatement(m_py, QStringLiteral("import ldhelper\nprint(ldhelper.answer())\n"
                                                     "from pyspark import SparkFiles\n"
                                                     "print(open(SparkFiles.get('ldnote.txt')).read().strip())\n"
                                                     "print(spark.conf.get('spark.livydesk.test'))"));
    QCOMPARE(st.output->status, StatementOutput::Status::Ok);
    const QString text = st.output->data.value(QStringLiteral("text/plain")).toString();
    QVERIFY2(text.contains(QLatin1String("42")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("hello from files")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("yes")), qPrintable(text));
}

void TestLivy::pysparkErrorHasTraceback()
{
    const Statement st = runStatement(m_py, QStringLiteral("def f():\n    raise ValueError('broken on purpose')\nf()"));
    QCOMPARE(st.state, StatementState::Available); // Livy has no error statement state
    QVERIFY(st.output.has_value());
    QCOMPARE(st.output->status, StatementOutput::Status::Error);
    QCOMPARE(st.output->ename, QStringLiteral("ValueError"));
    QCOMPARE(st.output->evalue, QStringLiteral("broken on purpose"));
    QVERIFY(!st.output->traceback.isEmpty());
}

void TestLivy::scalaOutputAndCompletion()
{
    const Statement st = runStatement(m_scala, QStringLiteral("1 + 1"));
    QCOMPARE(st.output->status, StatementOutput::Status::Ok);
    QVERIFY2(st.output->data.value(QStringLiteral("text/plain")).toString().contains(QLatin1String("Int = 2")),
             qPrintable(st.output->data.value(QStringLiteral("text/plain")).toString()));

    const QString code = QStringLiteral("sc.paralle");
    auto completion = run(new CompletionJob(m_conn.get(), m_scala,
                                            CompletionRequest{ code, QStringLiteral("spark"), int(code.size()) }));
    QVERIFY2(completion->ok(), qPrintable(completion->error().toString()));
    QVERIFY2(completion->result().candidates.contains(QStringLiteral("parallelize")),
             qPrintable(completion->result().candidates.join(QLatin1Char(','))));

    // Kinds other than spark return no candidates rather than an error.
    auto pyCompletion = run(new CompletionJob(m_conn.get(), m_py, CompletionRequest{ QStringLiteral("pri"), QStringLiteral("pyspark"), 3 }));
    QVERIFY2(pyCompletion->ok(), qPrintable(pyCompletion->error().toString()));
}

void TestLivy::sqlJsonTable()
{
    const Statement st = runStatement(m_sql, QStringLiteral("SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, 'y'"));
    QCOMPARE(st.output->status, StatementOutput::Status::Ok);
    const QJsonObject result = st.output->data.value(QStringLiteral("application/json")).toObject();
    const QJsonArray fields = result.value(QStringLiteral("schema")).toObject().value(QStringLiteral("fields")).toArray();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("a"));
    QCOMPARE(result.value(QStringLiteral("data")).toArray().size(), 2);
}

void TestLivy::sharedSessionPerStatementKind()
{
    Statement st = runStatement(m_shared, QStringLiteral("21 * 2"), QStringLiteral("pyspark"));
    QCOMPARE(st.output->data.value(QStringLiteral("text/plain")).toString(), QStringLiteral("42"));
    st = runStatement(m_shared, QStringLiteral("21 * 2"), QStringLiteral("spark"));
    QVERIFY(st.output->data.value(QStringLiteral("text/plain")).toString().contains(QLatin1String("42")));
    st = runStatement(m_shared, QStringLiteral("SELECT 42 AS answer"), QStringLiteral("sql"));
    QVERIFY(st.output->data.contains(QStringLiteral("application/json")));

    // Without a kind, a shared session cannot tell which interpreter to use.
    auto noKind = run(new SubmitStatementJob(m_conn.get(), m_shared, StatementRequest{ QStringLiteral("1"), {} }));
    if (noKind->ok()) {
        const Statement failed = waitForStatement(m_conn.get(), m_shared, noKind->statement().id);
        QVERIFY2(failed.output && failed.output->isError(), "a kind-less statement on a shared session must fail");
    } else {
        QCOMPARE(noKind->error().kind(), LivyError::Kind::Http);
        QVERIFY(noKind->error().httpStatus() >= 400);
    }
}

void TestLivy::cancelLongStatement()
{
    auto submit = run(new SubmitStatementJob(m_conn.get(), m_py,
                                             StatementRequest{ QStringLiteral("import time\ntime.sleep(300)"), {} }));
    QVERIFY(submit->ok());
    const int sid = submit->statement().id;
    // Wait until it runs, then cancel.
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        auto get = run(new GetStatementJob(m_conn.get(), m_py, sid));
        if (get->ok() && get->statement().state == StatementState::Running)
            break;
        QTest::qWait(100);
    }
    auto cancel = run(new CancelStatementJob(m_conn.get(), m_py, sid));
    QVERIFY2(cancel->ok(), qPrintable(cancel->error().toString()));
    QCOMPARE(cancel->message(), QStringLiteral("canceled"));
    bool sawCancelling = false;
    Statement st;
    deadline.setRemainingTime(120000);
    while (!deadline.hasExpired()) {
        auto get = run(new GetStatementJob(m_conn.get(), m_py, sid));
        QVERIFY(get->ok());
        st = get->statement();
        sawCancelling |= st.state == StatementState::Cancelling;
        if (isTerminal(st.state))
            break;
        QTest::qWait(50);
    }
    QCOMPARE(st.state, StatementState::Cancelled);
    if (!sawCancelling)
        qInfo("the statement went to cancelled before a poll saw cancelling");
}

void TestLivy::statementListOrder()
{
    auto asc = run(new ListStatementsJob(m_conn.get(), m_py));
    QVERIFY2(asc->ok(), qPrintable(asc->error().toString()));
    const StatementList &all = asc->result();
    QVERIFY(all.statements.size() >= 5);
    QCOMPARE(all.total, int(all.statements.size()));
    for (int i = 1; i < all.statements.size(); ++i)
        QVERIFY(all.statements.at(i - 1).id < all.statements.at(i).id);

    auto desc = run(new ListStatementsJob(m_conn.get(), m_py, 0, 2, ListStatementsJob::Order::Descending));
    QVERIFY2(desc->ok(), qPrintable(desc->error().toString()));
    QCOMPARE(desc->result().statements.size(), 2);
    QCOMPARE(desc->result().statements.at(0).id, all.statements.constLast().id);
    QCOMPARE(desc->result().statements.at(1).id, all.statements.at(all.statements.size() - 2).id);
}

void TestLivy::logPaging()
{
    auto tail = run(new GetSessionLogJob(m_conn.get(), m_py, -1, 5));
    QVERIFY2(tail->ok(), qPrintable(tail->error().toString()));
    const LogPage &t = tail->page();
    QVERIFY(t.total > 5);
    QCOMPARE(t.lines.size(), 5);
    QCOMPARE(t.from, t.total - 5);
    QVERIFY(!m_conn->usesPluralLogRoute());

    auto head = run(new GetSessionLogJob(m_conn.get(), m_py, 0, 3));
    QVERIFY(head->ok());
    QCOMPARE(head->page().from, 0);
    QCOMPARE(head->page().lines.size(), 3);
    auto next = run(new GetSessionLogJob(m_conn.get(), m_py, 3, 3));
    QVERIFY(next->ok());
    QCOMPARE(next->page().from, 3);
}

void TestLivy::connectKeepAlive()
{
    auto job = run(new ConnectSessionJob(m_conn.get(), m_sql));
    QVERIFY2(job->ok(), qPrintable(job->error().toString()));
    QCOMPARE(job->session().id, m_sql.id());
    QVERIFY(isReady(job->session().state));
}

void TestLivy::csrfProtection()
{
    const QMap<QString, QString> env = instanceEnvironment(QStringLiteral("ctest-csrf"));
    const QString url = env.value(QStringLiteral("LIVYDESK_URL"));
    QVERIFY2(!url.isEmpty(), "the CSRF-protected instance (fixture livy_csrf_start) is not running");

    // A POST without X-Requested-By is refused with 400 by Livy's CSRF filter...
    QNetworkRequest bare(QUrl(url + QStringLiteral("/sessions/999999/statements")));
    bare.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(m_nam.post(bare, QByteArrayLiteral("{\"code\":\"1\"}")));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    QVERIFY(done.wait(30000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    const QByteArray body = reply->readAll();
    const LivyError filterError = LivyError::fromHttpResponse(400, body);
    QVERIFY2(filterError.message().contains(QLatin1String("CSRF")), body.constData());

    // ...while LivyDesk's own requests pass the filter and reach the servlet (a 404 for the unknown session).
    ConnectionSettings settings;
    settings.baseUrl = QUrl(url);
    Connection csrf(&m_nam, settings);
    auto submit = run(new SubmitStatementJob(&csrf, SessionRef::byId(999999), StatementRequest{ QStringLiteral("1"), {} }));
    QCOMPARE(submit->error().httpStatus(), 404);
    auto del = run(new DeleteSessionJob(&csrf, SessionRef::byId(999999)));
    QCOMPARE(del->error().httpStatus(), 404);
    auto list = run(new ListSessionsJob(&csrf));
    QVERIFY(list->ok());
}

void TestLivy::deleteSessions()
{
    const QList<int> ids = m_created;
    for (int id : ids) {
        auto del = run(new DeleteSessionJob(m_conn.get(), SessionRef::byId(id)), 180000);
        QVERIFY2(del->ok(), qPrintable(del->error().toString()));
        QCOMPARE(del->message(), QStringLiteral("deleted"));
    }
    m_created.clear();
    auto gone = run(new GetSessionJob(m_conn.get(), m_py));
    // A deleted session either disappears (404) or stays visible as dead for livy.server.session.state-retain.sec.
    QVERIFY2(gone->error().isNotFound() || (gone->ok() && isTerminal(gone->session().state)),
             qPrintable(gone->error().toString()));
}

void TestLivy::cleanupTestCase()
{
    for (int id : std::as_const(m_created))
        run(new DeleteSessionJob(m_conn.get(), SessionRef::byId(id)), 60000);
    qInfo("integration run took %lld ms", m_clock.elapsed());
}

QTEST_GUILESS_MAIN(TestLivy)
#include "tst_livy.moc"
