// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/livyerror.h"
#include "pollactivity.h"
#include "pollschedule.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Livy {

class LivyJob;

/// The polling engine for one resource (a server's session list, one session, one session's log): a
/// single-shot timer that is re-armed only after the previous reply has been handled, so there is never more
/// than one request in flight for the resource, whatever the schedule or the user does.
///
/// The owner supplies two functions: a job factory (which request to send now; it may choose a different
/// endpoint each time) and a reply handler that applies the answer and says what comes next: poll again after
/// a delay, stop (terminal state), or back off after an error. The engine adds what every poller needs:
/// - pause while the PollActivity is inactive (hidden window) and poll at once when it becomes active again;
/// - exponential error backoff with jitter, and the `reconnecting` state while transient errors (network,
///   timeout, 502/503/504/429) persist, cleared by the next successful reply (recovered());
/// - pollNow()/pollWithin() to bring the next poll forward after a user action, without ever overlapping the
///   request in flight (the poll then follows right after its reply).
/// No nested event loops: everything happens from the event loop through the job's finished() signal.
class Poller : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool reconnecting READ isReconnecting NOTIFY reconnectingChanged)
public:
    /// What the reply handler wants next.
    class Next
    {
    public:
        static Next after(std::chrono::milliseconds delay) { return Next(Kind::After, delay); }
        static Next stop() { return Next(Kind::Stop, {}); }
        /// The reply was a failure: wait per the ErrorBackoff (and enter "reconnecting" if it was transient).
        static Next retry() { return Next(Kind::Retry, {}); }

        enum class Kind { After, Stop, Retry };
        Kind kind() const { return m_kind; }
        std::chrono::milliseconds delay() const { return m_delay; }

    private:
        Next(Kind kind, std::chrono::milliseconds delay) : m_kind(kind), m_delay(delay) {}
        Kind m_kind;
        std::chrono::milliseconds m_delay;
    };

    /// Returns the job to send now (not started; the poller starts it), or nullptr to stop polling.
    using JobFactory = std::function<LivyJob *()>;
    /// Called with the finished job (ok or not); the job deletes itself afterwards.
    using ReplyHandler = std::function<Next(LivyJob *job)>;

    /// Observes PollActivity::global() unless setActivity() says otherwise.
    explicit Poller(QObject *parent = nullptr);
    ~Poller() override;

    void setJobFactory(JobFactory factory) { m_factory = std::move(factory); }
    void setReplyHandler(ReplyHandler handler) { m_handler = std::move(handler); }
    /// nullptr: never paused (used for keep-alives).
    void setActivity(PollActivity *activity);
    PollActivity *activity() const { return m_activity; }
    void setErrorBackoff(const ErrorBackoff &backoff) { m_backoff = backoff; }
    const ErrorBackoff &errorBackoff() const { return m_backoff; }

    /// Starts polling; the first request goes out after `firstDelay`. No effect if already running.
    void start(std::chrono::milliseconds firstDelay = std::chrono::milliseconds(0));
    /// Stops polling and abandons the request in flight (its reply is ignored).
    void stop();
    /// Polls as soon as possible: now if idle, right after the reply if a request is in flight, at once on
    /// resume if paused.
    void pollNow() { pollWithin(std::chrono::milliseconds(0)); }
    /// Makes sure the next poll happens within `delay` (an armed timer with more time left is shortened).
    void pollWithin(std::chrono::milliseconds delay);

    bool isRunning() const { return m_running; }
    bool isInFlight() const { return !m_job.isNull(); }
    bool isPaused() const;
    bool isReconnecting() const { return m_reconnecting; }
    int consecutiveFailures() const { return m_failures; }
    LivyError lastError() const { return m_lastError; }
    /// Requests sent since construction.
    int requestCount() const { return m_requests; }
    /// The delay the timer was last armed with (for tests and diagnostics).
    std::chrono::milliseconds lastDelay() const { return m_lastDelay; }

Q_SIGNALS:
    void reconnectingChanged(bool reconnecting);
    /// Every failed request that the handler answered with Next::retry().
    void requestFailed(const Livy::LivyError &error);
    /// The first successful reply after one or more failures.
    void recovered();
    /// Polling stopped by itself (the handler or factory said so), not by stop().
    void stopped();

private:
    void fire();
    void onFinished(LivyJob *job);
    void arm(std::chrono::milliseconds delay);
    void onActiveChanged(bool active);
    void setReconnecting(bool reconnecting);
    void halt(bool emitStopped);

    JobFactory m_factory;
    ReplyHandler m_handler;
    QPointer<PollActivity> m_activity;
    ErrorBackoff m_backoff;
    QTimer m_timer;
    QPointer<LivyJob> m_job;
    LivyError m_lastError;
    std::chrono::milliseconds m_lastDelay{ 0 };
    std::chrono::milliseconds m_soon{ -1 }; ///< requested by pollWithin() while in flight; -1 = none
    int m_failures = 0;
    int m_requests = 0;
    bool m_running = false;
    bool m_due = false; ///< a poll came due while paused
    bool m_reconnecting = false;
};

} // namespace Livy
