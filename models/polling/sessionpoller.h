// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/livyerror.h"
#include "endestimate.h"
#include "livy/types.h"
#include "poller.h"
#include "pollschedule.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Livy {

class Connection;
class LivyJob;
class StatementListModel;

/// Follows one open session and the statements this client waits for, with as few and as cheap requests as
/// the latency goal allows. One Poller, so at most one request is in flight for the session.
///
/// Which request each poll sends:
/// - Nothing pending: `GET /sessions/{id}/state` (answered by the Livy server alone) on the SessionSchedule:
///   slow while idle, faster while starting or busy.
/// - One pending statement: `GET …/state` on the RunningSchedule (interval grows with the statement's running
///   time, floor tens of ms, cap 200 ms). The REPL turns busy -> idle when its queue drains, so as long as the
///   session says busy the statement cannot have finished. Once it says anything else, the statement itself is
///   fetched at once (`GET …/statements/{sid}`). If the statement is still waiting (the REPL had not picked it
///   up yet), the cycle continues. Every `progressInterval` one of these polls fetches the statement instead, so
///   that its progress moves in the view (the request rate stays the same).
/// - Two or more pending: the session stays busy across statement boundaries, so /state says nothing about
///   the first one; the oldest pending statement is fetched directly on the RunningSchedule, and when it ends
///   the next one becomes the head with a fresh clock.
///
/// - Nothing pending and the session ready: the idle polls alternate with a probe for the next statement id
///   (`GET …/statements/{max id + 1}`: one statement from the driver, or the bare 404 "Statement not found"), so a
///   statement run by another window or a colleague shows up within one idle interval and is followed like one of
///   ours; every third idle poll is a `/state`.
/// - A statement cancelled while its code could not be interrupted (Livy reports `cancelled` without an output
///   after `livy.rsc.job-cancel.timeout`, while the driver code goes on and holds the queue) is followed on: it is
///   marked "still running" in the model and fetched about once a second (at once when the session turns idle)
///   until the server fills in its real end (`completed`, output).
///
/// - End signals (on by default): while the head statement runs, its progress is fetched more often early on
///   (every quarter of its running time, 250 ms to `progressInterval`), and once two of Livy's progress values
///   (or the Spark UI's time left, setRemainingHint()) say where its end lies, polls are placed by EndSchedule:
///   sparse statement fetches until a window around the expected end, dense cheap `/state` polls inside it, the
///   blind RunningSchedule again if the end does not come. Code without Spark jobs (progress 0) is polled blind.
///
/// Outcomes: statements go into the StatementListModel (progress included); a terminal session state stops
/// polling (ended()); a 404 for the session stops polling (gone()), while "Statement not found" only drops that
/// statement; other failures back off (Poller), with "reconnecting" while they are transient.
class SessionPoller : public QObject
{
    Q_OBJECT
public:
    SessionPoller(Connection *connection, StatementListModel *statements, QObject *parent = nullptr);

    void setSessionId(int id) { m_sessionId = id; }
    int sessionId() const { return m_sessionId; }
    void setRunningSchedule(const RunningSchedule &schedule) { m_running = schedule; }
    const RunningSchedule &runningSchedule() const { return m_running; }
    void setSessionSchedule(const SessionSchedule &schedule) { m_sessionSchedule = schedule; }
    const SessionSchedule &sessionSchedule() const { return m_sessionSchedule; }
    /// While one statement is followed through `/state`, fetch the statement itself at most this often anyway,
    /// so that its progress bar moves (0 = never; default 2 s).
    void setProgressInterval(std::chrono::milliseconds interval) { m_progressInterval = interval; }
    /// Place polls where the end of the running statement is expected (class comment); off = blind schedule only.
    void setEndSignals(bool on) { m_endSignals = on; }
    bool endSignals() const { return m_endSignals; }
    void setEndSchedule(const EndSchedule &schedule) { m_endSchedule = schedule; }
    const EndSchedule &endSchedule() const { return m_endSchedule; }
    /// What is expected of the head statement's end now (for the benchmark and the tests).
    const EndEstimate &endEstimate() const { return m_end; }
    /// The phase the last running-statement delay was planned in.
    EndSchedule::Phase lastPhase() const { return m_phase; }
    /// Polls sent in each phase since the poller was made (Blind, Quiet, Window, Overdue).
    int pollsIn(EndSchedule::Phase phase) const { return m_phasePolls[int(phase)]; }
    /// The Spark UI's estimate of the time left for a statement (SparkTracker's breakdown): used for the head.
    void setRemainingHint(int statementId, std::chrono::milliseconds remaining);
    Poller *poller() const { return m_poller; }

    /// Starts with what is known of the session (from `GET /sessions/{id}`); the first poll follows the schedule
    /// for that state. Statements the model holds as pending are tracked.
    void start(SessionState knownState);
    void stop();
    bool isRunning() const;

    /// Tracks a statement this client just submitted (the 201 answer) and polls fast from now on.
    void track(const Statement &statement);
    /// Tracks every statement the model holds as not finished (after loading the history).
    void trackPendingFromModel();
    QList<int> trackedIds() const;
    /// Cancelled statements whose code still runs (see the class comment).
    QList<int> stillRunningIds() const { return m_lingering; }

    /// Polls now (user refresh, window shown again is handled by the Poller itself).
    void refresh();
    /// Asks `/state` now: something else (the session list) says the session's state changed.
    void checkState();

    SessionState state() const { return m_state; }
    QString stateName() const { return m_stateName; }

Q_SIGNALS:
    void stateChanged(Livy::SessionState state, const QString &stateName);
    /// A tracked statement reached a terminal state; the model already holds it.
    void statementFinished(const Livy::Statement &statement);
    /// The session went busy -> idle while this client tracked nothing: someone else ran statements
    /// (the controller may load the newest ones).
    void outsideActivity();
    /// A statement that had not finished is no longer on the server ("Statement not found"): marked in the model.
    void statementVanished(int statementId);
    /// The probe found a statement this window did not submit (another window, a colleague); it is in the model.
    void statementDiscovered(const Livy::Statement &statement);
    /// The server no longer knows the session (404). Polling has stopped.
    void gone(const Livy::LivyError &error);
    /// The session reached a terminal state. Polling has stopped.
    void ended(Livy::SessionState state);

private:
    enum class Request { State, Statement, Lingering, Probe };
    struct Tracked
    {
        int id = -1;
        bool seenRunning = false;
    };

    LivyJob *makeJob();
    Poller::Next handleReply(LivyJob *job);
    std::chrono::milliseconds headElapsed() const;
    void applyState(SessionState state, const QString &name);
    void forget(int statementId);
    Poller::Next handleLingering(const Statement &statement);
    void clearLingering();
    std::chrono::milliseconds nextDelay();
    /// The delay while a statement is tracked: blind, or placed by the end signals.
    std::chrono::milliseconds runningDelay();
    bool progressDue() const;
    Poller::Next handleProbe(LivyJob *job);
    int nextStatementId() const;
    std::chrono::milliseconds idleDelay() const;

    QPointer<Connection> m_connection;
    QPointer<StatementListModel> m_statements;
    Poller *m_poller;
    RunningSchedule m_running;
    SessionSchedule m_sessionSchedule;
    QList<Tracked> m_tracked; ///< ascending ids; the first is the head
    QList<int> m_lingering;   ///< cancelled, code still running (ascending)
    QElapsedTimer m_lingerClock; ///< since the last fetch of a lingering statement
    bool m_lingerNow = false; ///< fetch the lingering statement with the next poll
    bool m_lingerConfirm = false; ///< its output arrived: one more fetch confirms the final `completed`
    int m_idlePolls = 0;      ///< idle polls since the last /state: every third one is a /state
    QElapsedTimer m_headClock;
    QElapsedTimer m_stateClock;
    QElapsedTimer m_progressClock;
    std::chrono::milliseconds m_progressInterval{ 2000 };
    SessionState m_state = SessionState::Unknown;
    QString m_stateName;
    Request m_lastRequest = Request::State;
    int m_sessionId = -1;
    int m_requestedStatement = -1;
    bool m_fetchStatementNext = false;
    bool m_forceStateNext = false;
    bool m_endSignals = true;
    EndEstimate m_end;
    EndSchedule m_endSchedule;
    EndSchedule::Phase m_phase = EndSchedule::Phase::Blind;
    int m_phasePolls[4] = { 0, 0, 0, 0 };
};

} // namespace Livy
