// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparktracker.h"

#include "items/statementlistmodel.h"
#include "livy/connection.h"
#include "livy/getsessionlogjob.h"
#include "sparkexecutormodel.h"
#include "sparkrestjobs.h"
#include "sparkstagemodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace Livy {

namespace {

/// Looks after a statement has ended while Spark still lists one of its jobs as running (its listener reports a job's
/// end a moment after Livy the statement's; seen up to a few seconds on a busy driver), one round interval apart.
constexpr int FinalLooks = 6;

/// Equal apart from when it was fetched.
bool sameContent(const SparkBreakdown &a, const SparkBreakdown &b)
{
    return a.statementId == b.statementId && a.jobs == b.jobs && a.stages == b.stages && a.final == b.final;
}

} // namespace

SparkTracker::SparkTracker(Connection *livy, StatementListModel *statements, QObject *parent)
    : QObject(parent)
    , m_livy(livy)
    , m_statements(statements)
    , m_executors(new SparkExecutorModel(this))
{
    m_roundTimer.setSingleShot(true);
    m_dispatchTimer.setSingleShot(true);
    m_dispatchTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % early: the spacing is a promise
    connect(&m_roundTimer, &QTimer::timeout, this, &SparkTracker::startRound);
    connect(&m_dispatchTimer, &QTimer::timeout, this, &SparkTracker::dispatch);
    if (statements) {
        connect(statements, &QAbstractItemModel::rowsInserted, this, &SparkTracker::onStatementsChanged);
        connect(statements, &QAbstractItemModel::rowsRemoved, this, &SparkTracker::onStatementsChanged);
        connect(statements, &QAbstractItemModel::modelReset, this, &SparkTracker::onStatementsChanged);
        connect(statements, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    if (roles.isEmpty() || roles.contains(StatementListModel::StateRole))
                        onStatementsChanged();
                });
        // A statement can end between two polls without ever being seen running (a task that fails at once, a
        // quick job): it still gets its look at what Spark did.
        connect(statements, &StatementListModel::statementFinished, this, [this](int id) {
            if (m_reach == Reach::Unavailable || m_running.contains(id) || m_finishing.contains(id))
                return;
            m_finishing.insert(id, FinalLooks);
            if (wantsRounds() && !m_inRound && !m_roundTimer.isActive())
                scheduleRound(std::chrono::milliseconds(0));
        });
    }
}

SparkTracker::~SparkTracker()
{
    dropQueue();
    delete m_ui; // abandons its jobs
}

void SparkTracker::setUrlTemplate(const QString &urlTemplate)
{
    if (m_template == urlTemplate)
        return;
    m_template = urlTemplate;
    relocate();
}

void SparkTracker::setSession(const Session &session)
{
    m_session = session;
    if (!session.appId.isEmpty())
        m_appId = session.appId;
    relocate();
}

void SparkTracker::maybeReadLog(bool again)
{
    if (!m_livy || m_logJob || m_session.id < 0 || !isReady(m_session.state))
        return;
    // Once when the session is ready; again only when a statement starts, and not more than every 30 s: an idle
    // session without a UI costs nothing.
    if (m_logRead.isValid() && (!again || m_logRead.elapsed() < 30'000))
        return;
    // Not worth a request when the UI is off, or Livy or the profile already say where it is.
    if (m_location.isValid() && m_location.source != SparkUiLocation::Source::SessionConf)
        return;
    if (m_session.conf.value(QStringLiteral("spark.ui.enabled")).trimmed().compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return;
    m_logRead.start();
    // The driver binds its UI while it starts: the line is among the first of the log Livy keeps.
    auto *job = new GetSessionLogJob(m_livy, SessionRef::byId(m_session.id), 0, 400);
    m_logJob = job;
    connect(job, &LivyJob::finished, this, [this, job] {
        if (!job->ok())
            return;
        const QUrl url = sparkUiFromLog(job->page().lines, m_livy ? m_livy->baseUrl() : QUrl());
        if (url.isValid() && url != m_logUrl) {
            m_logUrl = url;
            relocate();
        }
    });
    job->start();
}

void SparkTracker::relocate()
{
    if (m_logUrl.isEmpty()) {
        // The session's own last lines come with every poll: free to look at.
        m_logUrl = sparkUiFromLog(m_session.log, m_livy ? m_livy->baseUrl() : QUrl());
    }
    const SparkUiLocation where = m_livy ? locateSparkUi(m_session, m_livy->baseUrl(), m_template, m_logUrl) : SparkUiLocation{};
    if (where == m_location && (m_ui || !where.isValid())) {
        maybeReadLog(false);
        return;
    }
    m_location = where;
    dropQueue();
    m_inFlight = nullptr;
    m_inRound = false;
    m_roundTimer.stop();
    delete m_ui;
    m_ui = nullptr;
    if (m_session.appId.isEmpty())
        m_appId.clear(); // another UI may serve another application
    if (!where.isValid()) {
        m_reason = m_location.reason;
        m_details.clear();
        m_finishing.clear();
        setReach(Reach::Unavailable);
        maybeReadLog(false);
        return;
    }
    ConnectionSettings settings = m_livy->settings();
    settings.baseUrl = where.url;
    settings.doAs.clear(); // a Livy parameter: the Spark UI has its own ACLs
    settings.requestTimeout = m_settings.requestTimeout;
    m_ui = new Connection(m_livy->network(), settings, this);
    m_ui->setAuthenticator(m_livy->authenticator());
    // The profile's CA, client certificate and pins come along (a pin is a certificate's fingerprint: it only ever
    // matches that certificate); a UI the TLS settings do not accept is reported like any other failure to reach it.
    m_reason.clear();
    m_details.clear();
    setReach(Reach::Unknown);
    if (wantsRounds())
        scheduleRound(std::chrono::milliseconds(0));
    if (m_executorsWanted)
        refreshExecutors();
    if (where.source == SparkUiLocation::Source::SessionConf)
        maybeReadLog(false); // the conf names the port asked for; the log says the one Spark bound
}

void SparkTracker::setReach(Reach reach)
{
    if (m_reach == reach)
        return;
    m_reach = reach;
    Q_EMIT reachChanged(reach);
}

void SparkTracker::onStatementsChanged()
{
    if (!m_statements)
        return;
    QSet<int> running;
    const QList<Statement> all = m_statements->statements();
    for (const Statement &s : all) {
        if (s.state == StatementState::Running || s.state == StatementState::Cancelling)
            running.insert(s.id);
    }
    if (running == m_running)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool started = false;
    for (int id : std::as_const(running)) {
        if (!m_running.contains(id)) {
            m_runningSince.insert(id, now);
            m_finishing.remove(id);
            started = true;
        }
    }
    for (int id : std::as_const(m_running)) {
        if (!running.contains(id)) {
            m_runningSince.remove(id);
            // A few more looks: Spark's listener may report the job's end a moment after Livy the statement's.
            if (m_reach != Reach::Unavailable)
                m_finishing.insert(id, FinalLooks);
        }
    }
    m_running = running;
    if (started && (!m_location.isValid() || m_location.source == SparkUiLocation::Source::SessionConf))
        maybeReadLog(true);
    if (started && m_reach == Reach::Unavailable && m_location.isValid()) {
        // A new statement: the UI may be up now (a driver that was still starting, a tunnel opened since).
        m_reason.clear();
        m_details.clear();
        setReach(Reach::Unknown);
    }
    if (wantsRounds() && !m_inRound && !m_roundTimer.isActive())
        scheduleRound(std::chrono::milliseconds(0));
}

bool SparkTracker::wantsRounds() const
{
    return m_ui && m_reach != Reach::Unavailable && (!m_running.isEmpty() || !m_finishing.isEmpty());
}

bool SparkTracker::isPolling() const
{
    return m_inRound || m_roundTimer.isActive();
}

void SparkTracker::scheduleRound(std::chrono::milliseconds after)
{
    m_roundTimer.start(after);
}

std::chrono::milliseconds SparkTracker::nextInterval() const
{
    if (m_running.isEmpty())
        return m_settings.roundInterval; // only final looks left: soon
    if (m_roundBytes > m_settings.largeAnswerBytes)
        return m_settings.slowRoundInterval;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int id : m_running) {
        if (now - m_runningSince.value(id, now) < m_settings.slowAfter.count())
            return m_settings.roundInterval;
    }
    return m_settings.slowRoundInterval;
}

void SparkTracker::startRound()
{
    if (!wantsRounds() || m_inRound)
        return;
    m_inRound = true;
    m_roundBytes = 0;
    m_roundJobs.clear();
    m_roundStages.clear();
    m_failuresToFetch.clear();
    if (m_appId.isEmpty())
        requestApplications();
    else
        requestJobs();
}

void SparkTracker::dropQueue()
{
    // Jobs not started yet belong to no one (a Connection adopts a job when it starts): delete them here.
    for (const Pending &p : std::as_const(m_queue))
        delete p.job.data();
    m_queue.clear();
}

void SparkTracker::send(LivyJob *job, std::function<void(LivyJob *)> onDone)
{
    m_queue.append({ job, std::move(onDone) });
    dispatch();
}

void SparkTracker::dispatch()
{
    if (m_inFlight || m_queue.isEmpty())
        return;
    const qint64 spacing = m_settings.minSpacing.count();
    if (m_lastSend.isValid() && m_lastSend.elapsed() < spacing) {
        if (!m_dispatchTimer.isActive())
            m_dispatchTimer.start(int(spacing - m_lastSend.elapsed()));
        return;
    }
    Pending next = m_queue.takeFirst();
    if (!next.job) {
        dispatch();
        return;
    }
    LivyJob *job = next.job;
    m_inFlight = job;
    connect(job, &LivyJob::finished, this, [this, onDone = std::move(next.onDone)](LivyJob *done) {
        if (m_inFlight == done)
            m_inFlight = nullptr;
        if (done->error().kind() != LivyError::Kind::Cancelled)
            onDone(done);
        dispatch();
    });
    m_lastSend.start();
    ++m_requestCount;
    Q_EMIT requestSent(job->url());
    job->start();
}

void SparkTracker::requestApplications()
{
    send(new SparkApplicationsJob(m_ui), [this](LivyJob *job) {
        if (!job->ok())
            return fail(job->error(), job);
        const QList<SparkApplication> apps = static_cast<SparkApplicationsJob *>(job)->applications();
        if (apps.isEmpty()) {
            return fail(LivyError::protocol(tr("The Spark UI lists no application")), job);
        }
        m_appId = apps.constFirst().id;
        if (m_inRound)
            requestJobs();
        if (m_executorsQueued) {
            m_executorsQueued = false;
            requestExecutors();
        }
    });
}

void SparkTracker::requestJobs()
{
    send(new SparkJobsJob(m_ui, m_appId), [this](LivyJob *job) {
        if (!job->ok())
            return fail(job->error(), job);
        setReach(Reach::Reachable);
        m_roundBytes += job->rawBody().size();
        m_roundJobs = static_cast<SparkJobsJob *>(job)->jobs();
        bool anyOfOurs = false;
        const QList<int> ids = QList<int>(m_running.cbegin(), m_running.cend()) + m_finishing.keys();
        for (int id : ids)
            anyOfOurs = anyOfOurs || !SparkCodec::jobsOfStatement(m_roundJobs, id).isEmpty();
        if (anyOfOurs)
            requestStages();
        else
            finishRound();
    });
}

void SparkTracker::requestStages()
{
    send(new SparkStagesJob(m_ui, m_appId), [this](LivyJob *job) {
        if (!job->ok())
            return fail(job->error(), job);
        m_roundBytes += job->rawBody().size();
        m_roundStages = static_cast<SparkStagesJob *>(job)->stages();
        const QList<int> ids = QList<int>(m_running.cbegin(), m_running.cend()) + m_finishing.keys();
        for (int id : ids) {
            const SparkBreakdown b = SparkCodec::breakdownOf(id, m_roundJobs, m_roundStages);
            for (const SparkStage &s : b.stages) {
                const std::pair<int, int> key{ s.stageId, s.attemptId };
                if (s.numFailedTasks > 0 && m_failuresFetchedAt.value(key, -1) != s.numFailedTasks)
                    m_failuresToFetch.append(key);
            }
        }
        requestNextFailures();
    });
}

void SparkTracker::requestNextFailures()
{
    if (m_failuresToFetch.isEmpty())
        return finishRound();
    const auto [stageId, attemptId] = m_failuresToFetch.takeFirst();
    int failedNow = 0;
    for (const SparkStage &s : std::as_const(m_roundStages)) {
        if (s.stageId == stageId && s.attemptId == attemptId)
            failedNow = s.numFailedTasks;
    }
    auto *job = new SparkFailedTasksJob(m_ui, m_appId, stageId, attemptId, m_settings.failedTasksShown);
    send(job, [this, failedNow](LivyJob *done) {
        auto *tasks = static_cast<SparkFailedTasksJob *>(done);
        const std::pair<int, int> key{ tasks->stageId(), tasks->attemptId() };
        // A failed look at the failures is not a reason to give up on the UI: the counts stay, without errors.
        if (done->ok()) {
            m_failures.insert(key, tasks->failures());
            m_failuresFetchedAt.insert(key, failedNow);
        } else {
            m_failuresFetchedAt.insert(key, failedNow);
        }
        requestNextFailures();
    });
}

void SparkTracker::finishRound()
{
    applyRound();
    m_inRound = false;
    if (m_executorsWanted && !m_running.isEmpty()
        && (!m_executorsFetched.isValid() || m_executorsFetched.elapsed() >= m_settings.executorsInterval.count()))
        requestExecutors();
    if (wantsRounds())
        scheduleRound(nextInterval());
}

void SparkTracker::applyRound()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<int> ids = QList<int>(m_running.cbegin(), m_running.cend()) + m_finishing.keys();
    for (int id : ids) {
        SparkBreakdown b = SparkCodec::breakdownOf(id, m_roundJobs, m_roundStages);
        for (SparkStage &s : b.stages)
            s.failures = m_failures.value({ s.stageId, s.attemptId });
        b.fetchedAt = now;
        if (m_finishing.contains(id)) {
            const bool jobsRunning = std::any_of(b.jobs.cbegin(), b.jobs.cend(), [](const SparkJob &j) { return j.isRunning(); });
            const int left = m_finishing.value(id) - 1;
            if (!jobsRunning || left <= 0) {
                b.final = true;
                m_finishing.remove(id);
            } else {
                m_finishing.insert(id, left);
            }
        }
        if (b.isEmpty() && (!m_breakdowns.contains(id) || m_restored.contains(id)))
            continue; // no Spark job (yet): nothing to show, and a stored breakdown is not replaced by nothing
        const bool changed = !m_breakdowns.contains(id) || !sameContent(m_breakdowns.value(id), b);
        m_breakdowns.insert(id, b);
        m_restored.remove(id);
        if (m_statements)
            m_statements->setSparkSummary(id, b.summary(now));
        if (changed || !b.final)
            Q_EMIT breakdownChanged(id);
        if (b.final)
            Q_EMIT breakdownFinished(b);
    }
}

void SparkTracker::requestExecutors()
{
    if (!m_ui)
        return;
    if (m_appId.isEmpty()) {
        if (!m_executorsQueued) {
            m_executorsQueued = true;
            if (!m_inRound)
                requestApplications();
        }
        return;
    }
    m_executorsFetched.start();
    send(new SparkExecutorsJob(m_ui, m_appId), [this](LivyJob *job) {
        if (!job->ok()) {
            m_executorsStatus = tr("The executors could not be read from %1: %2")
                                    .arg(m_location.url.toDisplayString(), job->error().message());
            Q_EMIT executorsChanged();
            return;
        }
        setReach(Reach::Reachable);
        m_executors->setExecutors(static_cast<SparkExecutorsJob *>(job)->executors());
        m_executorsStatus = tr("From %1 at %2")
                                .arg(m_location.url.toDisplayString(),
                                     QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
        Q_EMIT executorsChanged();
    });
}

void SparkTracker::setExecutorsWanted(bool wanted)
{
    m_executorsWanted = wanted;
    if (wanted)
        refreshExecutors();
}

void SparkTracker::refreshExecutors()
{
    if (!m_location.isValid()) {
        m_executorsStatus = m_location.reason;
        Q_EMIT executorsChanged();
        return;
    }
    requestExecutors();
}

void SparkTracker::restoreBreakdown(const SparkBreakdown &breakdown)
{
    if (breakdown.statementId < 0 || (m_breakdowns.contains(breakdown.statementId) && !m_restored.contains(breakdown.statementId)))
        return;
    m_breakdowns.insert(breakdown.statementId, breakdown);
    m_restored.insert(breakdown.statementId);
    if (m_statements)
        m_statements->setSparkSummary(breakdown.statementId, breakdown.summary(breakdown.fetchedAt));
    Q_EMIT breakdownChanged(breakdown.statementId);
}

void SparkTracker::fail(const LivyError &error, LivyJob *job)
{
    dropQueue();
    m_inRound = false;
    m_roundTimer.stop();
    m_finishing.clear();
    const QString where = m_location.url.toDisplayString();
    switch (error.kind()) {
    case LivyError::Kind::Protocol:
        m_reason = tr("The address given for the Spark UI (%1) did not answer like a Spark UI: the statements show "
                      "Livy's progress only.").arg(where);
        break;
    case LivyError::Kind::Http:
        m_reason = tr("The Spark UI at %1 refused the request (HTTP %2): the statements show Livy's progress only.")
                       .arg(where)
                       .arg(error.httpStatus());
        break;
    default:
        m_reason = tr("The Spark UI at %1 cannot be reached (%2): the statements show Livy's progress only.")
                       .arg(where, error.message());
        break;
    }
    m_details = QStringLiteral("%1\n%2").arg(job ? job->describe() : QString(), error.message());
    if (job && !job->rawBody().isEmpty())
        m_details += QLatin1Char('\n') + QString::fromUtf8(job->rawBody().left(2000));
    setReach(Reach::Unavailable);
}

QUrl SparkTracker::jobPageUrl(int jobId) const
{
    return sparkUiPage(m_location.url, QStringLiteral("jobs/job/"), { { QStringLiteral("id"), QString::number(jobId) } });
}

QUrl SparkTracker::stagePageUrl(int stageId, int attemptId) const
{
    return sparkUiPage(m_location.url, QStringLiteral("stages/stage/"),
                       { { QStringLiteral("id"), QString::number(stageId) },
                         { QStringLiteral("attempt"), QString::number(attemptId) } });
}

QUrl SparkTracker::executorsPageUrl() const
{
    return sparkUiPage(m_location.url, QStringLiteral("executors/"));
}

} // namespace Livy
