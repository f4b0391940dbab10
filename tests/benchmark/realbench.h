// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `livydesk_bench --real`: the same statement workload through LivyDesk's SessionController, pylivy and sparkmagic
// against one real Livy server at the same time, each client on its own pyspark session.
//
// Every client notes, in epoch milliseconds of this machine's clock, when its API hands over the finished
// statement; the server stamps `completed` (Livy 0.7+) with the same clock (same machine), so receipt minus
// `completed` is the latency the client's polling adds. The stamps are read after the run with one separate,
// uncounted GET per session. Requests are counted inside each client while the workload runs: at LivyDesk's
// QNetworkAccessManager (every request its Connection sends), and at requests' HTTPAdapter in each peer's own
// Python process (tests/benchmark/peers/peerbench.py).

#include "controllers/sessioncontroller.h"

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Livy {
class Connection;
class LivyJob;
class SparkTracker;
}

namespace Bench {

/// Wall-clock time in epoch milliseconds, with sub-millisecond resolution (the peers' time.time() * 1000).
double epochMs();

/// `GET /sessions/3/statements/7?x=1` -> "GET /sessions/{id}/statements/{id}".
QString routeOf(const QString &verb, const QString &path);

struct RealRequest
{
    double atMs = 0; ///< epoch ms when the client sent it
    QString route;
    bool livy = true; ///< false: to the session's Spark UI (LivyDesk's SparkTracker), not to Livy
};

/// What LivyDesk's lane saw of one statement while it ran: the end signals and where its poller expected the end.
/// Times are epoch ms. Empty for the peers.
struct RealTrace
{
    struct Progress
    {
        double atMs = 0; ///< a statement fetch answered
        double progress = 0;
        QString state;
    };
    struct Poll
    {
        double atMs = 0;     ///< a poll for the statement was sent
        int phase = 0;       ///< Livy::EndSchedule::Phase it was planned in
        int source = 0;      ///< Livy::EndEstimate::Source of the estimate then
        double endMs = 0;    ///< the expected end then (0 = none)
        double halfWidthMs = 0; ///< the window's half width around it
    };
    struct Hint
    {
        double atMs = 0;
        double remainingMs = 0; ///< the Spark UI's time left (SparkBreakdown::remainingMs)
    };
    double trackedMs = 0; ///< the poller began to follow it (the POST's answer): its head clock's zero
    QList<Progress> progress;
    QList<Poll> polls;
    QList<Hint> hints;
};

struct RealSample
{
    int index = -1;       ///< position in the workload
    int statementId = -1;
    double sentMs = 0;     ///< the client was asked to run it
    double receivedMs = 0; ///< the client's API handed over the finished statement
    double startedMs = 0;  ///< server stamps (0 = not stamped)
    double completedMs = 0;
    QString state;
    RealTrace trace; ///< LivyDesk's lane only
};

/// What one client did in the run.
struct RealResult
{
    QString client;
    QString version;           ///< the peer package's version, or LivyDesk's
    int sessionId = -1;
    double sessionStartMs = 0; ///< creation -> idle and warmed up, through the client
    double goMs = 0;           ///< epoch ms: the workload started / ended for this client
    double endMs = 0;
    QList<RealSample> samples;
    QList<RealRequest> requests; ///< sent between goMs and endMs
    QString serverVersion;       ///< as GET /version answered (LivyDesk's lane asks)
    QString warmupOutput;        ///< the warm-up statement's text output (the spark workload: the task slots)
    int phasePolls[4] = { 0, 0, 0, 0 }; ///< LivyDesk: polls of a running statement per EndSchedule::Phase, in the run
    int sparkUiReach = -1;       ///< LivyDesk with the Spark UI: SparkTracker::Reach at the end (-1: no tracker)
    QString sparkUiReason;       ///< why the Spark UI was not reachable, if so
    QString sparkUiUrl;          ///< where the tracker found it
    QString error;               ///< empty when the lane ran through
    bool sessionDeleted = false;
};

/// A QNetworkAccessManager that notes every request created while counting is on.
class CountingNetworkManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    void setCounting(bool on) { m_counting = on; }
    /// Requests to any other host or port than Livy's are marked as not Livy's (the Spark UI's).
    void setLivyUrl(const QUrl &url) { m_livy = url; }
    QList<RealRequest> takeRequests() { return std::exchange(m_requests, {}); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    bool m_counting = false;
    QUrl m_livy;
    QList<RealRequest> m_requests;
};

/// One client's lane: prepare() creates its session and runs one warm-up statement (so that no client's first
/// timed statement pays for starting the Python interpreter), ready(); go() runs the workload serially, reads the
/// stamps, deletes the session, finished(). abort() ends early (the session is deleted when it is known).
class RealLane : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void prepare() = 0;
    virtual void go() = 0;
    virtual void abort() = 0;
    const RealResult &result() const { return m_result; }
    bool isReady() const { return m_ready; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void ready();
    void finished();

protected:
    void markReady();
    void finish(const QString &error = {});

    RealResult m_result;
    bool m_ready = false;
    bool m_finished = false;
};

/// LivyDesk: a SessionController with the given (production by default) settings on its own Connection, and,
/// with `sparkUi`, a SparkTracker on its statements wired to its poller exactly as Application::wireSession does
/// (the Spark UI's time left -> SessionPoller::setRemainingHint).
class DeskRealLane : public RealLane
{
    Q_OBJECT
public:
    DeskRealLane(const QUrl &url, QStringList codes, const QString &warmup, const Livy::SessionControllerSettings &settings,
                 bool sparkUi, QObject *parent = nullptr);
    void prepare() override;
    void go() override;
    void abort() override;

private:
    void createSession();
    void attach(int sessionId);
    void submit(int index);
    void onFinished(const Livy::Statement &statement);
    void readStamps();
    void deleteSession();
    void observe(Livy::LivyJob *job);
    RealTrace *currentTrace();

    QStringList m_codes;
    QString m_warmup;
    Livy::SessionControllerSettings m_settings;
    bool m_sparkUi = false;
    QPointer<Livy::SparkTracker> m_tracker;
    int m_phasesAtGo[4] = { 0, 0, 0, 0 };
    CountingNetworkManager *m_network;
    Livy::Connection *m_connection;
    QPointer<Livy::SessionController> m_controller;
    double m_createdMs = 0;
    int m_warmupTicket = -1;
    int m_warmupId = -1;
    int m_index = -1;        ///< workload item in flight (-1: warm-up or none)
    int m_ticket = -1;       ///< its submit ticket
    int m_expectedId = -1;   ///< its statement id once the POST answered
    QHash<int, double> m_finishedEarly; ///< statement id -> receipt, if it ended before its POST's answer was seen
    bool m_running = false;
};

/// pylivy or sparkmagic: tests/benchmark/peers/peerbench.py in the peers' venv, one process per client.
class PeerRealLane : public RealLane
{
    Q_OBJECT
public:
    PeerRealLane(const QString &client, const QString &python, const QString &driver, const QUrl &url,
                 const QString &workloadFile, QObject *parent = nullptr);
    void prepare() override;
    void go() override;
    void abort() override;

private:
    void readLines();
    void handle(const QJsonObject &event);

    QString m_python;
    QString m_driver;
    QUrl m_url;
    QString m_workloadFile;
    QProcess m_process;
    QString m_failure; ///< from an "error" event
    bool m_done = false;
};

struct RealOptions
{
    QUrl url;          ///< empty: start the local server (scripts/local-livy) and stop it afterwards
    QString instance = QStringLiteral("bench"); ///< local-livy instance name when starting it
    int statements = 60;
    quint32 seed = 1;
    double scale = 1.0;
    int minMs = 50;
    int maxMs = 10000;
    /// "sleep": `time.sleep(d)` on the driver (no Spark job: Livy's progress stays 0). "spark": a Spark job of
    /// `tasks` tasks on the session's task slots S (sc.defaultParallelism, read in the warm-up) whose sleeps add up
    /// to d: `sc.parallelize(range(T), T).foreach(lambda _, s=d*S/T: time.sleep(s))`, so that Livy's progress and
    /// the Spark UI's task counts grow as its tasks finish.
    QString workload = QStringLiteral("sleep");
    int tasks = 16;
    bool sparkUi = false;   ///< LivyDesk's lane tracks the Spark UI as the app does (--spark-ui on)
    QString trace;          ///< write what LivyDesk's lane saw of each statement to this JSON file
    QStringList clients{ QStringLiteral("LivyDesk"), QStringLiteral("pylivy"), QStringLiteral("sparkmagic") };
    Livy::SessionControllerSettings desk;
    QString deskSchedule;   ///< a description of desk's schedule for the report
    QString markdown;       ///< write the report into this file's section
    QString command;        ///< the command line, for the report
    QString sourceDir;      ///< the project's source tree (scripts/, tests/benchmark/peers/)
};

/// Runs the real-server benchmark; returns the process exit code.
int runReal(const RealOptions &options);

} // namespace Bench
