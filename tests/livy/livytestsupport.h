// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers for the integration tests against the real Livy server started by scripts/local-livy.
// Test code only: these helpers wait with QSignalSpy / QTest::qWait, which product code never does.

#include "livy/connection.h"
#include "livy/getsessionstatejob.h"
#include "livy/getstatementjob.h"
#include "livy/livyjob.h"

#include <QDeadlineTimer>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace LivyTest {

/// Reads `scripts/local-livy --instance NAME env` (KEY=VALUE lines) of a running instance.
inline QMap<QString, QString> instanceEnvironment(const QString &instance)
{
    QProcess process;
    process.setProgram(QStringLiteral(LIVYDESK_SOURCE_DIR "/scripts/local-livy"));
    process.setArguments({ QStringLiteral("--quiet"), QStringLiteral("--instance"), instance, QStringLiteral("env") });
    process.start();
    QMap<QString, QString> env;
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return env;
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (QString line : lines) {
        line = line.trimmed();
        if (line.startsWith(QLatin1String("export ")))
            line.remove(0, 7);
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        QString value = line.mid(eq + 1);
        if (value.size() >= 2 && (value.startsWith(QLatin1Char('\'')) || value.startsWith(QLatin1Char('"'))))
            value = value.mid(1, value.size() - 2);
        env.insert(line.left(eq), value);
    }
    return env;
}

/// Why the real server cannot run here, or an empty string when it can (`scripts/local-livy availability`,
/// which answers from the cache without the network; exit 77 = Livy's jars are not served by the registry).
inline QString unavailableReason()
{
    QProcess process;
    process.setProgram(QStringLiteral(LIVYDESK_SOURCE_DIR "/scripts/local-livy"));
    process.setArguments({ QStringLiteral("--quiet"), QStringLiteral("availability") });
    process.start();
    if (!process.waitForFinished(60000))
        return {};
    if (process.exitCode() == 77)
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return {};
}

/// Runs a job to completion (test code only) and hands it back for inspection.
template<typename Job>
std::unique_ptr<Job> run(Job *rawJob, int timeoutMs = 120000)
{
    std::unique_ptr<Job> job(rawJob);
    job->setAutoDelete(false);
    QSignalSpy spy(job.get(), &Livy::LivyJob::finished);
    job->start();
    if (spy.isEmpty())
        spy.wait(timeoutMs);
    return job;
}

/// Polls GET /sessions/{id}/state until `done(state)` or the deadline. Returns the last state seen.
template<typename Pred>
Livy::SessionState waitForSessionState(Livy::Connection *conn, const Livy::SessionRef &ref, Pred done,
                                       int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    Livy::SessionState last = Livy::SessionState::Unknown;
    while (!deadline.hasExpired()) {
        auto job = run(new Livy::GetSessionStateJob(conn, ref));
        if (job->ok()) {
            last = job->state().state;
            if (done(last))
                return last;
        }
        QTest::qWait(500);
    }
    return last;
}

/// Polls GET /sessions/{id}/statements/{sid} until the statement reaches a terminal state.
inline Livy::Statement waitForStatement(Livy::Connection *conn, const Livy::SessionRef &ref, int statementId,
                                        int timeoutMs = 180000)
{
    QDeadlineTimer deadline(timeoutMs);
    Livy::Statement last;
    int delay = 50;
    while (!deadline.hasExpired()) {
        auto job = run(new Livy::GetStatementJob(conn, ref, statementId));
        if (job->ok()) {
            last = job->statement();
            if (Livy::isTerminal(last.state))
                return last;
        }
        QTest::qWait(delay);
        delay = qMin(delay * 2, 500);
    }
    return last;
}

} // namespace LivyTest

/// In initTestCase(): sets `url` to the base URL of the running local-livy instance `instance` (a string literal), or
/// skips the test when no real Livy can run here (the reason in the skip message, which ctest reports as skipped),
/// or fails when it could run but its fixture did not start it.
#define LIVYTEST_REQUIRE_SERVER(instance, url)                                                                        \
    do {                                                                                                              \
        url = LivyTest::instanceEnvironment(QStringLiteral(instance)).value(QStringLiteral("LIVYDESK_URL"));         \
        if (url.isEmpty()) {                                                                                          \
            const QString livyTestReason = LivyTest::unavailableReason();                                             \
            if (!livyTestReason.isEmpty())                                                                            \
                QSKIP(qPrintable(QStringLiteral("no real Livy server can run here: ") + livyTestReason));             \
        }                                                                                                             \
        QVERIFY2(!url.isEmpty(), "scripts/local-livy --instance " instance " is not running (its fixture failed)");    \
    } while (false)

