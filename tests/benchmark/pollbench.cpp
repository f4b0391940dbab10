// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pollbench.h"

#include "fakelivyserver.h"
#include "livy/connection.h"
#include "livy/getstatementjob.h"
#include "livy/submitstatementjob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace Bench {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const int rank = std::clamp(int(std::ceil(p * double(values.size()))), 1, int(values.size()));
    return values.at(rank - 1);
}

QList<int> makeWorkload(int count, int minMs, int maxMs, quint32 seed, double scale)
{
    QRandomGenerator rng(seed);
    const double lo = std::log(double(minMs));
    const double hi = std::log(double(maxMs));
    QList<int> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out.append(int(std::lround(std::exp(lo + (hi - lo) * rng.generateDouble()) * scale)));
    return out;
}

ServerClock::ServerClock(FakeLivy::Server *server, QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    connect(server, &FakeLivy::Server::statementStateChanged, this,
            [this](int sessionId, int statementId, const QString &state) {
                if (state == QLatin1String("available") || state == QLatin1String("cancelled"))
                    m_completed.insert(key(sessionId, statementId), nowMs());
                else if (state == QLatin1String("running"))
                    m_started.insert(key(sessionId, statementId), nowMs());
            });
    connect(server, &FakeLivy::Server::requestReceived, this, [this](const FakeLivy::RecordedRequest &r) {
        static const QRegularExpression sessionPath(QStringLiteral("^/sessions/(\\d+)(/|$)"));
        const QRegularExpressionMatch m = sessionPath.match(r.path);
        if (m.hasMatch())
            m_requests[m.captured(1).toInt()].append(nowMs());
    });
}

const QList<double> &ServerClock::requestsFor(int sessionId) const
{
    static const QList<double> none;
    const auto it = m_requests.constFind(sessionId);
    return it == m_requests.constEnd() ? none : it.value();
}

Lane::Lane(ServerClock *clock, int sessionId, QList<int> items, const QList<int> &durations, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_sessionId(sessionId)
    , m_items(std::move(items))
    , m_durations(durations)
{
}

QString Lane::takeNext()
{
    if (m_next >= int(m_items.size()))
        return {};
    m_inFlight = m_items.at(m_next++);
    const QString extra = m_extraDirective.isEmpty() ? QString() : m_extraDirective + QLatin1Char('\n');
    return QStringLiteral("#fake:duration=%1\n%3item_%2 = %2").arg(m_durations.at(m_inFlight)).arg(m_inFlight).arg(extra);
}

void Lane::observed(int statementId)
{
    const double now = m_clock->nowMs();
    const double completed = m_clock->completedAt(m_sessionId, statementId);
    Sample s;
    s.index = m_inFlight;
    s.durationMs = m_durations.at(m_inFlight);
    s.latencyMs = completed >= 0 ? now - completed : -1;
    m_samples.append(s);
    m_inFlight = -1;
}

DeskLane::DeskLane(ServerClock *clock, Livy::Connection *connection, int sessionId, QList<int> items,
                   const QList<int> &durations, const Livy::SessionControllerSettings &settings, QObject *parent)
    : Lane(clock, sessionId, std::move(items), durations, parent)
    , m_controller(new Livy::SessionController(connection, Livy::SessionRef::byId(sessionId), settings, this))
{
    connect(m_controller, &Livy::SessionController::attached, this, [this] { submitNext(); });
    connect(m_controller, &Livy::SessionController::statementFinished, this, [this](const Livy::Statement &s) {
        if (m_inFlight < 0)
            return;
        observed(s.id);
        submitNext();
    });
    connect(m_controller, &Livy::SessionController::submitFailed, this, [](int, const Livy::LivyError &e) {
        qFatal("submit failed: %s", qPrintable(e.toString()));
    });
}

void DeskLane::begin()
{
    m_controller->attach();
}

void DeskLane::submitNext()
{
    const QString code = takeNext();
    if (code.isEmpty()) {
        Q_EMIT done();
        return;
    }
    m_controller->submit(code);
}

PeerLane::PeerLane(ServerClock *clock, Livy::Connection *connection, int sessionId, QList<int> items,
                   const QList<int> &durations, Livy::StepSchedule schedule, QObject *parent)
    : Lane(clock, sessionId, std::move(items), durations, parent)
    , m_connection(connection)
    , m_schedule(std::move(schedule))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PeerLane::poll);
}

void PeerLane::begin()
{
    submitNext();
}

void PeerLane::submitNext()
{
    const QString code = takeNext();
    if (code.isEmpty()) {
        Q_EMIT done();
        return;
    }
    Livy::StatementRequest request;
    request.code = code;
    auto *job = new Livy::SubmitStatementJob(m_connection, Livy::SessionRef::byId(m_sessionId), request);
    connect(job, &Livy::LivyJob::finished, this, [this](Livy::LivyJob *j) {
        if (!j->ok())
            qFatal("submit failed: %s", qPrintable(j->error().toString()));
        m_statementId = static_cast<Livy::SubmitStatementJob *>(j)->statement().id;
        m_attempt = 0;
        m_timer.start(m_schedule.interval(m_attempt));
    });
    job->start();
}

void PeerLane::poll()
{
    auto *job = new Livy::GetStatementJob(m_connection, Livy::SessionRef::byId(m_sessionId), m_statementId);
    connect(job, &Livy::LivyJob::finished, this, [this](Livy::LivyJob *j) {
        if (j->ok() && Livy::isTerminal(static_cast<Livy::GetStatementJob *>(j)->statement().state)) {
            observed(m_statementId);
            submitNext();
            return;
        }
        m_timer.start(m_schedule.interval(++m_attempt));
    });
    job->start();
}

bool writeSection(const QString &path, const QString &heading, const QString &section)
{
    QString text;
    QFile in(path);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly))
            return false;
        text = QString::fromUtf8(in.readAll());
        in.close();
    }
    QStringList lines = text.isEmpty() ? QStringList{ QStringLiteral("# Benchmarks"), QString() } : text.split(QLatin1Char('\n'));
    int start = -1;
    for (int i = 0; i < int(lines.size()); ++i) {
        if (lines.at(i).trimmed() == heading) {
            start = i;
            break;
        }
    }
    const QStringList fresh = section.trimmed().split(QLatin1Char('\n'));
    if (start < 0) {
        while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
            lines.removeLast();
        lines << QString() << fresh << QString();
    } else {
        int end = start + 1;
        while (end < int(lines.size()) && !lines.at(end).startsWith(QLatin1String("## ")))
            ++end;
        QStringList replacement = fresh;
        replacement << QString();
        lines = lines.mid(0, start) + replacement + lines.mid(end);
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(lines.join(QLatin1Char('\n')).toUtf8());
    return out.commit();
}

} // namespace Bench
