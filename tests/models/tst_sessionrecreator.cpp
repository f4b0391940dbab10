// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SessionRecreator against the fake Livy: create + wait + setup replay in order, and the faults (create refused or
// unanswered, a setup statement that fails, is refused or unanswered, the session dying during the replay), never
// sending a POST twice; the history keeps the new session's body and setup; templates through ServerController.

#include "fakeserverfixture.h"
#include "controllers/servercontroller.h"
#include "history/historystore.h"
#include "items/sessionlistmodel.h"
#include "lifecycle/sessionrecreator.h"
#include "livy/sessionidentity.h"
#include "profiles/sessionpresetstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Livy;
using namespace std::chrono_literals;
using Outcome = RecreateResult::Outcome;
using FakeLivy::RecordedRequest;

namespace {

SetupStatement step(const QString &code)
{
    return { code, QString() };
}

RecreatePlan plan(const QList<SetupStatement> &setup)
{
    RecreatePlan p;
    p.recipe.request.kind = QStringLiteral("pyspark");
    p.recipe.request.conf = QMap<QString, QString>{ { SessionTagKey, QStringLiteral("oldtag") },
                                                    { QStringLiteral("spark.x"), QStringLiteral("1") } };
    p.recipe.setup = setup;
    p.replacesSessionId = 7;
    p.replacesIdentity = QStringLiteral("tag:oldtag");
    return p;
}

RecreateResult waitFor(SessionRecreator &r, int timeoutMs = 10000)
{
    QSignalSpy done(&r, &SessionRecreator::finished);
    if (done.isEmpty() && !done.wait(timeoutMs))
        return {};
    return done.first().first().value<RecreateResult>();
}

} // namespace

class TestSessionRecreator : public FakeServerTest
{
    Q_OBJECT

    int posts(const QString &pathPattern) const { return int(m_server->requests("POST", pathPattern).size()); }

    /// A Connection to the fake that gives up on an answer after 300 ms.
    Connection *impatient()
    {
        ConnectionSettings settings = m_connection->settings();
        settings.requestTimeout = 300ms;
        return new Connection(m_fixture.nam, settings, this);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QVERIFY(m_fixture.setUp(this));
        m_server->setStatementDuration(0);
    }
    void cleanup() { m_fixture.tearDown(); }

    void replaysTheSetupInOrder()
    {
        QTemporaryDir dir;
        HistoryStore history;
        history.open(dir.filePath(QStringLiteral("h.sqlite")));
        SessionRecreator r(m_connection);
        r.setHistory(&history, m_server->url().toString(), QStringLiteral("p1"));
        QSignalSpy created(&r, &SessionRecreator::sessionCreated);
        QSignalSpy started(&r, &SessionRecreator::stepStarted);
        QSignalSpy finishedSteps(&r, &SessionRecreator::stepFinished);
        QSignalSpy updated(&r, &SessionRecreator::stepUpdated);
        const RecreatePlan p = plan({ step(QStringLiteral("import os")),
                                      step(QStringLiteral("#fake:duration=300\nspark.range(5).createOrReplaceTempView('v')")),
                                      step(QStringLiteral("1+1")) });
        QVERIFY(r.start(p));
        QVERIFY(!r.start(p)); // one run at a time
        const RecreateResult result = waitFor(r);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(created.size(), 1);
        QCOMPARE(result.replacesSessionId, 7);
        QCOMPARE(result.stepsDone, 3);
        QCOMPARE(started.size(), 3);
        QCOMPARE(finishedSteps.size(), 3);
        QCOMPARE(finishedSteps.at(1).at(0).toInt(), 1);
        QCOMPARE(finishedSteps.at(1).at(1).toInt(), 3);
        QVERIFY(updated.size() >= 3);
        QVERIFY(isReady(result.session.state));
        // The body as planned, with a new tag: the new session is not mistaken for the old one.
        const RecordedRequest create = m_server->requests("POST", QStringLiteral("/sessions")).constFirst();
        const QJsonObject conf = create.json().value(QStringLiteral("conf")).toObject();
        QVERIFY(conf.value(SessionTagKey).toString() != QLatin1String("oldtag"));
        QCOMPARE(conf.value(QStringLiteral("spark.x")).toString(), QStringLiteral("1"));
        QCOMPARE(sessionIdentity(result.session), QStringLiteral("tag:") + conf.value(SessionTagKey).toString());
        // In order, each once.
        const QList<RecordedRequest> sent = m_server->requests("POST", QStringLiteral("/sessions/\\d+/statements"));
        QCOMPARE(sent.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(sent.at(i).json().value(QStringLiteral("code")).toString(), p.recipe.setup.at(i).code);

        // The history keeps the new session's exact body (what it replaces) and its setup.
        QSignalSpy recordReady(&history, &HistoryStore::sessionRecordReady);
        history.requestSessionRecord(QStringLiteral("p1"), result.session.id);
        QVERIFY(recordReady.wait());
        const auto record = recordReady.first().at(1).value<std::optional<SessionRecord>>();
        QVERIFY(record);
        QCOMPARE(record->request, r.sentRequest());
        QCOMPARE(record->replacesSessionId, 7);
        QCOMPARE(record->session.identity, sessionIdentity(result.session));
        QSignalSpy setupReady(&history, &HistoryStore::setupReady);
        history.requestSetup(record->session);
        QVERIFY(setupReady.wait());
        const auto setup = setupReady.first().at(1).value<QList<SetupEntry>>();
        QCOMPARE(setup.size(), 3);
        QCOMPARE(setup.at(2).statement, p.recipe.setup.at(2));
    }

    void createRefusedStopsBeforeAnything()
    {
        m_server->addFault("POST", QStringLiteral("/sessions"),
                           FakeLivy::Fault::replace(400, R"({"msg":"Rejected, Reason: Duplicate session name: Some(etl) for session 3"})"));
        SessionRecreator r(m_connection);
        QVERIFY(r.start(plan({ step(QStringLiteral("1")) })));
        const RecreateResult result = waitFor(r);
        QCOMPARE(result.outcome, Outcome::CreateFailed);
        QCOMPARE(result.error.httpStatus(), 400);
        QVERIFY2(result.message.contains(QLatin1String("already exists")), qPrintable(result.message));
        QVERIFY(result.error.serverText().contains(QLatin1String("Duplicate session name")));
        QCOMPARE(result.session.id, -1);
        QVERIFY(!result.canResume());
        QCOMPARE(posts(QStringLiteral("/sessions")), 1);
        QCOMPARE(posts(QStringLiteral("/sessions/.*")), 0);
    }

    void unansweredCreateThatWorkedIsFoundByItsTag()
    {
        m_server->addFault("POST", QStringLiteral("/sessions"), FakeLivy::Fault::slowAnswer(1500));
        SessionRecreator r(impatient());
        QVERIFY(r.start(plan({ step(QStringLiteral("1+1")) })));
        const RecreateResult result = waitFor(r);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(posts(QStringLiteral("/sessions")), 1); // found, not sent again
        QCOMPARE(m_server->sessionIds().size(), 1);
    }

    void unansweredCreateNotListedIsSentAgainOnlyOnResume()
    {
        m_server->addFault("POST", QStringLiteral("/sessions"), FakeLivy::Fault::noAnswer());
        SessionRecreator r(impatient());
        QVERIFY(r.start(plan({ step(QStringLiteral("1+1")) })));
        RecreateResult result = waitFor(r);
        QCOMPARE(result.outcome, Outcome::CreateUnconfirmed);
        QVERIFY(result.canResume());
        QCOMPARE(posts(QStringLiteral("/sessions")), 1);
        QVERIFY(r.resume());
        result = waitFor(r);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(posts(QStringLiteral("/sessions")), 2); // the first never reached the session manager
        QCOMPARE(m_server->sessionIds().size(), 1);
    }

    void failingSetupStatementStopsThereAndSaysWhy()
    {
        SessionRecreator r(m_connection);
        const RecreatePlan p = plan({ step(QStringLiteral("import os")),
                                      step(QStringLiteral("#fake:error=NameError:name 'spark2' is not defined")),
                                      step(QStringLiteral("1+1")) });
        QVERIFY(r.start(p));
        RecreateResult result = waitFor(r);
        QCOMPARE(result.outcome, Outcome::SetupFailed);
        QCOMPARE(result.failedStep, 1);
        QCOMPARE(result.stepsDone, 1);
        QCOMPARE(result.failedStatement, p.recipe.setup.at(1));
        QVERIFY(result.failedResult.output);
        QCOMPARE(result.failedResult.output->ename, QStringLiteral("NameError"));
        QVERIFY2(result.message.contains(QLatin1String("Setup statement 2 of 3 failed: NameError")),
                 qPrintable(result.message));
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 2); // the third was never sent
        QVERIFY(result.canResume());
        // Skipping it runs the rest; nothing that ran is sent again.
        QVERIFY(r.resume(ResumeMode::SkipFailedStep));
        result = waitFor(r);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 3);
    }

    void refusedSetupStatementIsSentOnceOnResume()
    {
        m_server->addFault("POST", QStringLiteral("/sessions/\\d+/statements"),
                           FakeLivy::Fault::replace(500, R"("java.lang.IllegalStateException: Session is in state busy")"));
        SessionRecreator r(m_connection);
        QVERIFY(r.start(plan({ step(QStringLiteral("import os")), step(QStringLiteral("1+1")) })));
        RecreateResult result = waitFor(r);
        QCOMPARE(result.outcome, Outcome::SetupRejected);
        QCOMPARE(result.failedStep, 0);
        QCOMPARE(result.error.httpStatus(), 500);
        QVERIFY(r.resume());
        result = waitFor(r);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 3); // refused one, then each step once
    }

    void sessionDyingDuringTheReplayStopsIt()
    {
        SessionRecreator r(m_connection);
        connect(&r, &SessionRecreator::stepUpdated, this, [this](int index, int, const Statement &st) {
            if (index == 1 && st.state == StatementState::Running)
                m_server->setSessionState(m_server->sessionIds().constFirst(), QStringLiteral("dead"));
        });
        QVERIFY(r.start(plan({ step(QStringLiteral("import os")), step(QStringLiteral("#fake:duration=2000\n1")),
                               step(QStringLiteral("1+1")) })));
        const RecreateResult result = waitFor(r);
        QCOMPARE(result.outcome, Outcome::SessionLost);
        QCOMPARE(result.failedStep, 1);
        QCOMPARE(result.stepsDone, 1);
        QVERIFY(!result.canResume());
        QVERIFY2(result.message.contains(QLatin1String("ended")), qPrintable(result.message));
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 2);
    }

    void interpreterDyingInAStepIsALostSession()
    {
        SessionRecreator r(m_connection);
        QVERIFY(r.start(plan({ step(QStringLiteral("#fake:die")), step(QStringLiteral("1+1")) })));
        const RecreateResult result = waitFor(r);
        QCOMPARE(result.outcome, Outcome::SessionLost);
        QCOMPARE(result.failedStep, 0);
        QVERIFY(result.failedResult.output);
        QVERIFY2(result.failedResult.output->evalue.contains(QLatin1String("Interpreter died")),
                 qPrintable(result.failedResult.output->evalue));
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 1);
    }

    void sessionEndingWhileStartingFailsTheStart()
    {
        m_server->setStartupDelay(5000);
        SessionRecreator r(m_connection);
        connect(&r, &SessionRecreator::sessionCreated, this, [this](const Session &s) {
            QTimer::singleShot(100, this, [this, s] {
                // As a real driver that cannot start its interpreter leaves its log (recorded from Livy 0.9).
                m_server->appendLog(s.id, { QStringLiteral("stdout: "),
                                            QStringLiteral("stderr: "),
                                            QStringLiteral("Exception in thread \"main\" java.lang.RuntimeException: Fail to start interpreter"),
                                            QStringLiteral("Caused by: java.io.IOException: Cannot find sparkr package directory.") });
                m_server->setSessionState(s.id, QStringLiteral("dead"));
            });
        });
        QVERIFY(r.start(plan({ step(QStringLiteral("1")) })));
        const RecreateResult result = waitFor(r);
        QCOMPARE(result.outcome, Outcome::StartFailed);
        QVERIFY(result.session.id >= 0);
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 0);
        // Why it died, from the tail of its log, in the one line and in full.
        QVERIFY2(!result.explanation.isEmpty(), qPrintable(result.message));
        QVERIFY2(result.explanation.join(QLatin1Char(' ')).contains(QLatin1String("Cannot find sparkr package directory")),
                 qPrintable(result.explanation.join(QLatin1Char('|'))));
        QVERIFY2(result.message.startsWith(QStringLiteral("Session %1 ended while starting (dead): ").arg(result.session.id)),
                 qPrintable(result.message));
    }

    void unansweredStatementThatRanIsFollowedNotResent()
    {
        m_server->addFault("POST", QStringLiteral("/sessions/\\d+/statements"), FakeLivy::Fault::slowAnswer(1500));
        SessionRecreator r(impatient());
        QVERIFY(r.start(plan({ step(QStringLiteral("import os")), step(QStringLiteral("1+1")) })));
        const RecreateResult result = waitFor(r);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 2);
    }

    void unansweredStatementNotListedWaitsForResume()
    {
        m_server->addFault("POST", QStringLiteral("/sessions/\\d+/statements"), FakeLivy::Fault::noAnswer());
        SessionRecreator r(impatient());
        QVERIFY(r.start(plan({ step(QStringLiteral("import os")), step(QStringLiteral("1+1")) })));
        RecreateResult result = waitFor(r);
        QCOMPARE(result.outcome, Outcome::SetupUnconfirmed);
        QCOMPARE(result.failedStep, 0);
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 1); // not sent again by itself
        QVERIFY(r.resume()); // checks the list first: still not there, so it is sent
        result = waitFor(r);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 3);
        QVERIFY(m_server->statementJson(result.session.id, 1).value(QStringLiteral("code")).toString()
                == QLatin1String("1+1"));
        QVERIFY(m_server->statementJson(result.session.id, 2).isEmpty()); // each ran once
    }

    void templateThroughTheServerController()
    {
        QSettings().clear();
        LivyDesk::SessionPresetStore presets;
        SessionRecipe recipe;
        recipe.request.kind = QStringLiteral("pyspark");
        recipe.request.driverMemory = QStringLiteral("1g");
        recipe.setup = { step(QStringLiteral("import math")), { QStringLiteral("SELECT 1"), QStringLiteral("sql") } };
        presets.saveRecipe(QStringLiteral("etl"), recipe);
        const std::optional<SessionRecipe> loaded = presets.recipe(QStringLiteral("etl"));
        QVERIFY(loaded);
        QCOMPARE(*loaded, recipe);

        ServerController server(m_connection);
        SessionRecreator r(&server);
        RecreatePlan p;
        p.recipe = *loaded;
        p.templateName = QStringLiteral("etl");
        QVERIFY(r.start(p));
        const RecreateResult result = waitFor(r);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.replacesSessionId, -1);
        QVERIFY(server.sessions()->session(result.session.id)); // the list knows it at once
        QVERIFY(server.sessions()->createdHere().contains(result.session.id));
        const QList<RecordedRequest> sent = m_server->requests("POST", QStringLiteral("/sessions/\\d+/statements"));
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent.at(1).json().value(QStringLiteral("kind")).toString(), QStringLiteral("sql"));
        QCOMPARE(r.sentRequest().driverMemory, std::optional<QString>(QStringLiteral("1g")));
    }

    void cancelStopsDriving()
    {
        m_server->setStartupDelay(5000);
        SessionRecreator r(m_connection);
        QVERIFY(r.start(plan({ step(QStringLiteral("1")) })));
        QSignalSpy created(&r, &SessionRecreator::sessionCreated);
        QVERIFY(created.wait());
        QSignalSpy done(&r, &SessionRecreator::finished);
        r.cancel();
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().first().value<RecreateResult>().outcome, Outcome::Cancelled);
        QVERIFY(!r.isRunning());
        QTest::qWait(300);
        QCOMPARE(posts(QStringLiteral("/sessions/\\d+/statements")), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionRecreator)
#include "tst_sessionrecreator.moc"
