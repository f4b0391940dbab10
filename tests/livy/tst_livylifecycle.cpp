// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Sessions that look after themselves (issue #18) against the real Livy 0.9 (label `livy`, the shared server
// `ctest`, started with livy.server.session.ttl-check = true): a session made from a template with a 90 s ttl runs
// its setup (a temp view), its lease budget says when Livy may end it and warns before, and the server ends it no
// earlier than that; recreating it from the body and setup LivyDesk kept brings the temp view back in a new session.
// Two pyspark sessions, one after the other.

#include "history/historystore.h"
#include "lifecycle/activityledger.h"
#include "lifecycle/createdsessionrecorder.h"
#include "lifecycle/leasewatch.h"
#include "lifecycle/sessionrecreator.h"
#include "livy/deletesessionjob.h"
#include "livy/getversionjob.h"
#include "livy/submitstatementjob.h"
#include "livytestsupport.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Livy;
using Outcome = RecreateResult::Outcome;

namespace {
constexpr auto Ttl = "90s";
constexpr qint64 TtlMs = 90'000;
const QString Profile = QStringLiteral("livy-lifecycle");

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

class TestLivyLifecycle : public QObject
{
    Q_OBJECT

    QString m_url;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Connection> m_conn;
    QTemporaryDir m_dir;
    HistoryStore *m_history = nullptr;
    CreatedSessionRecorder *m_recorder = nullptr;
    Session m_first;      ///< the session with the short ttl
    int m_second = -1;    ///< its replacement

    RecreateResult runToEnd(SessionRecreator &r, const RecreatePlan &plan, int timeoutMs)
    {
        QSignalSpy done(&r, &SessionRecreator::finished);
        if (!r.start(plan))
            return {};
        if (!done.wait(timeoutMs))
            return {};
        return done.first().first().value<RecreateResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        LIVYTEST_REQUIRE_SERVER("ctest", m_url);
        ConnectionSettings settings;
        settings.baseUrl = QUrl(m_url);
        settings.requestTimeout = std::chrono::seconds(60);
        m_conn = std::make_unique<Connection>(&m_nam, settings);
        auto version = LivyTest::run(new GetVersionJob(m_conn.get()));
        QVERIFY2(version->ok(), qPrintable(version->error().toString()));
        m_conn->setCapabilities(ServerCapabilities::fromVersion(version->version().version));
        QVERIFY(m_conn->capabilities().idleTimeout()); // 0.9: ttl is a lifetime
        m_history = new HistoryStore(this);
        QSignalSpy opened(m_history, &HistoryStore::opened);
        m_history->open(m_dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(opened.wait());
        QVERIFY(opened.first().first().toBool());
        m_recorder = new CreatedSessionRecorder(m_conn.get(), m_history, m_url, Profile, this);
    }

    void cleanupTestCase()
    {
        for (int id : { m_first.id, m_second }) {
            if (id >= 0)
                LivyTest::run(new DeleteSessionJob(m_conn.get(), SessionRef::byId(id)), 120000);
        }
    }

    void shortTtlSessionExpiresNoEarlierThanItsLeaseSaid()
    {
        // A template: the body (90 s ttl) and its setup, through the recreate path.
        RecreatePlan plan;
        plan.recipe.request.kind = QStringLiteral("pyspark");
        plan.recipe.request.driverMemory = QStringLiteral("512m");
        plan.recipe.request.ttl = QString::fromLatin1(Ttl);
        plan.recipe.setup = {
            { QStringLiteral("ld_marker = 42"), {} },
            { QStringLiteral("spark.range(5).createOrReplaceTempView('ld_setup')"), {} },
        };
        plan.templateName = QStringLiteral("lifecycle test");

        SessionRecreator recreator(m_conn.get());
        recreator.setHistory(m_history, m_url, Profile);
        LeaseWatch watch(m_conn.get());
        watch.setWarnBefore(std::chrono::seconds(60));
        connect(&recreator, &SessionRecreator::sessionCreated, &watch, &LeaseWatch::setSession);
        qint64 warnedAt = 0;
        LeaseBudget warnedBudget;
        connect(&watch, &LeaseWatch::expiryWarning, this, [&](const LeaseBudget &b, std::chrono::milliseconds) {
            if (!warnedAt) {
                warnedAt = now();
                warnedBudget = b;
            }
        });
        const qint64 before = now();
        const RecreateResult made = runToEnd(recreator, plan, 150000);
        QVERIFY2(made.ok(), qPrintable(made.message.isEmpty() ? QStringLiteral("no answer in time") : made.message));
        QCOMPARE(made.stepsDone, 2);
        m_first = made.session;
        QCOMPARE(m_first.ttl, QString::fromLatin1(Ttl));

        // What the lease says: the lifetime counts from the POST (no keep-alive would help), the idle timeout is
        // the server's own and not visible, so unknown.
        const LeaseBudget budget = watch.budget();
        QVERIFY2(budget.isKnown(), qPrintable(budget.describe(now())));
        QCOMPARE(budget.binding()->rule, LeaseDeadline::Rule::Lifetime);
        const qint64 notBefore = budget.binding()->notBeforeMs;
        QVERIFY(notBefore >= before + TtlMs && notBefore <= now() + TtlMs);
        QCOMPARE(budget.idle.status, LeaseDeadline::Status::Unknown);
        QVERIFY(budget.idle.reason.contains(QLatin1String("livy.server.session.timeout")));
        qInfo("lease after setup: %s", qPrintable(budget.describe(now())));

        // Follow it (GET /state is no activity) until the server ends it.
        qint64 endedAt = 0;
        QString lastState;
        const qint64 deadline = budget.binding()->byAboutMs + 60'000;
        while (now() < deadline) {
            auto state = LivyTest::run(new GetSessionStateJob(m_conn.get(), SessionRef::byId(m_first.id)));
            if (state->ok()) {
                lastState = state->state().stateName;
                if (!isReady(state->state().state)) {
                    endedAt = now();
                    break;
                }
            } else if (state->error().isNotFound()) {
                lastState = QStringLiteral("404");
                endedAt = now();
                break;
            }
            QTest::qWait(1000);
        }
        QVERIFY2(endedAt > 0, qPrintable(QStringLiteral("still %1 at %2 s after creation").arg(lastState).arg((now() - before) / 1000)));
        qInfo("after the POST: warned at %.1f s, may end from %.1f s, seen ended (%s) at %.1f s",
              (warnedAt - before) / 1000.0, (notBefore - before) / 1000.0, qPrintable(lastState),
              (endedAt - before) / 1000.0);
        QVERIFY2(warnedAt > 0 && warnedAt < endedAt, "no warning before the session ended");
        QCOMPARE(warnedBudget.binding()->rule, LeaseDeadline::Rule::Lifetime);
        QVERIFY2(endedAt >= notBefore, "the server ended it earlier than the lease said it could");
        QVERIFY2(endedAt <= budget.binding()->byAboutMs + 60'000, "ended much later than Livy's checker should");
        m_first.state = SessionState::Dead;
        watch.setEnded(true);
        QVERIFY(!watch.budget().isKnown());
    }

    void recreateWithReplayBringsTheTempViewBack()
    {
        QVERIFY(m_first.id >= 0);
        // What LivyDesk kept: the exact body and the setup of the expired session.
        QSignalSpy recordReady(m_history, &HistoryStore::sessionRecordReady);
        m_history->requestSessionRecord(Profile, m_first.id);
        QVERIFY(recordReady.wait());
        const auto record = recordReady.first().at(1).value<std::optional<SessionRecord>>();
        QVERIFY(record);
        QCOMPARE(record->request.ttl, std::optional<QString>(QString::fromLatin1(Ttl)));
        QCOMPARE(record->templateName, QStringLiteral("lifecycle test"));
        QSignalSpy setupReady(m_history, &HistoryStore::setupReady);
        m_history->requestSetup(record->session);
        QVERIFY(setupReady.wait());
        const auto setup = setupReady.first().at(1).value<QList<SetupEntry>>();
        QCOMPARE(setup.size(), 2);

        RecreatePlan plan;
        plan.recipe.request = record->request;
        plan.recipe.request.ttl.reset(); // edited before sending: this one should live
        for (const SetupEntry &e : setup)
            plan.recipe.setup << e.statement;
        plan.replacesSessionId = m_first.id;
        plan.replacesIdentity = record->session.identity;
        plan.replacesRecordRowId = record->rowId;
        SessionRecreator recreator(m_conn.get());
        recreator.setHistory(m_history, m_url, Profile);
        QSignalSpy steps(&recreator, &SessionRecreator::stepFinished);
        const RecreateResult result = runToEnd(recreator, plan, 240000);
        QVERIFY2(result.ok(), qPrintable(result.message.isEmpty() ? QStringLiteral("no answer in time") : result.message));
        m_second = result.session.id;
        QCOMPARE(result.replacesSessionId, m_first.id);
        QVERIFY(result.session.id != m_first.id);
        QVERIFY(result.session.ttl.isEmpty());
        QCOMPARE(steps.size(), 2);
        qInfo("%s", qPrintable(result.message));

        // The temp view of the setup is there in the new session.
        auto query = LivyTest::run(new SubmitStatementJob(
            m_conn.get(), SessionRef::byId(m_second),
            StatementRequest{ QStringLiteral("spark.sql('SELECT count(*) AS n FROM ld_setup').collect()[0].n + ld_marker"), {} }));
        QVERIFY2(query->ok(), qPrintable(query->error().toString()));
        const Statement st = LivyTest::waitForStatement(m_conn.get(), SessionRef::byId(m_second), query->statement().id);
        QVERIFY(st.output);
        QVERIFY2(!st.output->isError(), qPrintable(st.output->ename + QStringLiteral(": ") + st.output->evalue));
        QCOMPARE(st.output->text(), QStringLiteral("47"));

        // Its own record points back at the one it replaces.
        QSignalSpy newRecord(m_history, &HistoryStore::sessionRecordReady);
        m_history->requestSessionRecord(Profile, m_second);
        QVERIFY(newRecord.wait());
        const auto replacement = newRecord.first().at(1).value<std::optional<SessionRecord>>();
        QVERIFY(replacement);
        QCOMPARE(replacement->replacesRowId, record->rowId);
        QCOMPARE(replacement->replacesSessionId, m_first.id);
        QVERIFY(!replacement->request.ttl);
    }
};

QTEST_GUILESS_MAIN(TestLivyLifecycle)
#include "tst_livylifecycle.moc"
