// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationbinding.h"

#include "controllers/servercontroller.h"
#include "controllers/sessioncontroller.h"
#include "items/statementlistmodel.h"
#include "lifecycle/activityledger.h"
#include "lifecycle/leasewatch.h"
#include "lifecyclebinding.h"
#include "livy/connection.h"
#include "livy/outcome.h"
#include "mainactions.h"
#include "mainwindow.h"
#include "notifications/desktopnotifier.h"
#include "notifications/notificationcenter.h"
#include "panels/sessionpage.h"

#include <QAction>
#include <QDateTime>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTimer>

namespace LivyDesk {

using Livy::SessionController;
using std::chrono::milliseconds;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// What one open session has told so far, to say each thing once and only what changed after it was seen alive.
/// A child of the session's controller: it goes when the session is closed.
class SessionWatch : public QObject
{
public:
    SessionWatch(SessionController *c, Livy::Connection *connection, NotificationCenter *center, const ServerProfile &profile)
        : QObject(c)
        , m_c(c)
        , m_connection(connection)
        , m_center(center)
        , m_profileId(profile.id)
        , m_serverName(profile.displayName())
    {
        connect(c, &SessionController::attached, this, &SessionWatch::onSession);
        connect(c, &SessionController::sessionChanged, this, &SessionWatch::onSession);
        connect(c, &SessionController::statusChanged, this, &SessionWatch::onStatus);
        connect(c, &SessionController::sessionGone, this, [this](const Livy::LivyError &error) {
            if (m_wasAlive)
                ended(QStringLiteral("gone"), error.message());
        });
        connect(c, &SessionController::submitted, this, [this](int, const Livy::Statement &s) {
            m_sentAt.insert(s.id, nowMs());
        });
        connect(c, &SessionController::statementFinished, this, &SessionWatch::onStatementFinished);
        onStatus(c->status());
        // The app may give the session a LeaseWatch of its own (a child of the controller) as it opens it: look once
        // the opening is done, and make one only if there is none.
        QTimer::singleShot(0, this, &SessionWatch::bindLease);
    }

private:
    NotificationTarget target(int statementId = -1) const
    {
        return { m_profileId, m_serverName, m_c->sessionId(), statementId };
    }
    QString label() const { return NotificationBinding::sessionLabel(m_c->sessionId(), m_c->session().name); }

    void onStatus(SessionController::Status status)
    {
        if (status == SessionController::Status::Starting || status == SessionController::Status::Ready)
            m_wasAlive = true;
        if (status == SessionController::Status::Ended && m_wasAlive) {
            const Livy::Session s = m_c->session();
            ended(s.stateName.isEmpty() ? Livy::sessionStateToString(s.state) : s.stateName, {});
        }
        if ((status == SessionController::Status::Ended || status == SessionController::Status::Gone) && m_ownLease)
            m_ownLease->setEnded(true);
    }

    void onSession(const Livy::Session &session)
    {
        if (!Livy::isTerminal(session.state) && session.problem.isEmpty())
            m_wasAlive = true; // seen alive here (its page shows it so, even before its history is in)
        if (Livy::isStarting(session.state) && session.state != Livy::SessionState::Recovering) {
            if (!m_startingSince)
                m_startingSince = nowMs();
        } else if (session.state == Livy::SessionState::Idle && m_startingSince) {
            const qint64 took = nowMs() - *m_startingSince;
            m_startingSince.reset();
            Notification n;
            n.kind = NotificationKind::SessionReady;
            n.state = QStringLiteral("idle");
            n.title = QStringLiteral("%1 is ready").arg(label());
            n.text = QStringLiteral("%1 session, idle after %2 of starting")
                         .arg(session.kind.isEmpty() ? QStringLiteral("Livy") : session.kind,
                              NotificationBinding::durationText(milliseconds(took)));
            n.target = target();
            m_center->post(n);
        } else if (!Livy::isStarting(session.state)) {
            m_startingSince.reset();
        }
        if (m_ownLease)
            m_ownLease->setSession(session);
    }

    void ended(const QString &state, const QString &message)
    {
        if (m_endReported)
            return;
        m_endReported = true;
        Notification n;
        n.kind = NotificationKind::SessionEnded;
        n.state = state;
        n.problem = state != QLatin1String("success");
        n.title = state == QLatin1String("gone") ? QStringLiteral("%1 is gone").arg(label())
                                                 : QStringLiteral("%1 has ended (%2)").arg(label(), state);
        n.text = !message.isEmpty() ? message
                 : state == QLatin1String("dead")
                     ? QStringLiteral("Its Spark driver stopped; its statements stay in the window and the history")
                     : QStringLiteral("Livy reports it %1; its statements stay in the window and the history").arg(state);
        n.target = target();
        m_center->post(n);
    }

    void onStatementFinished(const Livy::Statement &statement)
    {
        if (statement.id < 0 || m_finished.contains(statement.id))
            return; // once per statement
        Livy::StatementListModel *list = m_c->statements();
        if (list && list->isStillRunning(statement.id)) {
            // Livy gave up cancelling and its code runs on: not news yet. Its real end is (the list says when it
            // stops running, with the output and the final stamps).
            if (!m_ranOn.contains(statement.id)) {
                m_ranOn.insert(statement.id);
                if (m_ranOn.size() == 1)
                    connect(list, &QAbstractItemModel::dataChanged, this, &SessionWatch::checkRanOn);
            }
            return;
        }
        m_finished.insert(statement.id);
        std::optional<milliseconds> ran;
        if (statement.started > 0 && statement.completed >= statement.started)
            ran = milliseconds(statement.completed - statement.started); // the server's own clock, both ends
        else if (m_sentAt.contains(statement.id))
            ran = milliseconds(nowMs() - m_sentAt.value(statement.id));
        m_sentAt.remove(statement.id);
        if (!ran)
            return; // how long it ran cannot be known: not news
        m_center->post(NotificationBinding::statementNotification(statement, *ran, m_c->session(), target(statement.id)));
    }

    /// A cancelled statement whose code ran on: reported once it really ended.
    void checkRanOn()
    {
        Livy::StatementListModel *list = m_c->statements();
        const QSet<int> waiting = m_ranOn;
        for (const int id : waiting) {
            if (list->isStillRunning(id))
                continue;
            m_ranOn.remove(id);
            if (const std::optional<Livy::Statement> s = list->statement(id))
                onStatementFinished(*s);
        }
        if (m_ranOn.isEmpty())
            disconnect(list, &QAbstractItemModel::dataChanged, this, &SessionWatch::checkRanOn);
    }

    void bindLease()
    {
        Livy::LeaseWatch *watch = m_c->findChild<Livy::LeaseWatch *>();
        if (!watch && m_connection) {
            // No one made one: our own, fed like the app would (the session's echo, its keep-alive, its end).
            watch = m_ownLease = new Livy::LeaseWatch(m_connection, this);
            m_ownLease->setKeepAlive(m_c->keepAlive());
            if (m_c->sessionId() >= 0)
                m_ownLease->setSession(m_c->session());
            if (m_c->status() == SessionController::Status::Ended || m_c->status() == SessionController::Status::Gone)
                m_ownLease->setEnded(true);
        }
        if (!watch)
            return;
        connect(watch, &Livy::LeaseWatch::expiryWarning, this,
                [this, watch](const Livy::LeaseBudget &budget, milliseconds remaining) {
                    Notification n;
                    n.kind = NotificationKind::SessionExpiring;
                    n.state = QStringLiteral("expiring");
                    n.problem = true;
                    // The header's and the sessions list's words (whole minutes, rounded down): never a second opinion.
                    n.title = QStringLiteral("%1 %2").arg(label(), LifecycleBinding::leaseText(qint64(remaining.count())));
                    n.text = budget.describe(watch->now());
                    n.target = target();
                    m_center->post(n);
                });
    }

    SessionController *m_c;
    QPointer<Livy::Connection> m_connection;
    QPointer<NotificationCenter> m_center;
    QString m_profileId;
    QString m_serverName;
    bool m_wasAlive = false;
    bool m_endReported = false;
    std::optional<qint64> m_startingSince;
    QHash<int, qint64> m_sentAt;
    QSet<int> m_finished;
    QSet<int> m_ranOn; ///< cancelled, but their code still runs: news at their real end
    Livy::LeaseWatch *m_ownLease = nullptr;
};

} // namespace

NotificationBinding::NotificationBinding(MainWindow *window, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_center(new NotificationCenter(window, notifier ? notifier : new DesktopNotifier, this))
{
    connect(m_center, &NotificationCenter::activated, this, &NotificationBinding::open);
    // View > Notifications, after the view options (Show Statement Code).
    if (auto *view = window->menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        QMenu *menu = m_center->createMenu(window);
        const QList<QAction *> actions = view->actions();
        const qsizetype at = actions.indexOf(window->actions()->showCode);
        view->insertMenu(at >= 0 && at + 1 < actions.size() ? actions.at(at + 1) : nullptr, menu);
    }
}

NotificationBinding::~NotificationBinding() = default;

void NotificationBinding::watchServer(Livy::ServerController *server, const ServerProfile &profile)
{
    m_server = server;
    m_profile = profile;
    if (!server)
        return;
    // The ledger sees every request from now on, so that a session created here has a known creation time.
    Livy::ActivityLedger::of(server->connection());
    connect(server, &Livy::ServerController::sessionOpened, this, &NotificationBinding::watchSession);
    const QList<SessionController *> open = server->openSessions();
    for (SessionController *c : open)
        watchSession(c);
}

void NotificationBinding::watchSession(SessionController *controller)
{
    if (!controller || controller->findChild<QObject *>(QStringLiteral("notificationWatch"), Qt::FindDirectChildrenOnly))
        return;
    auto *watch = new SessionWatch(controller, m_server ? m_server->connection() : nullptr, m_center, m_profile);
    watch->setObjectName(QStringLiteral("notificationWatch"));
}

QString NotificationBinding::sessionLabel(int id, const QString &name)
{
    return name.isEmpty() ? QStringLiteral("Session %1").arg(id) : QStringLiteral("Session %1 (%2)").arg(id).arg(name);
}

QString NotificationBinding::durationText(milliseconds duration)
{
    const qint64 s = qMax<qint64>(0, (duration.count() + 500) / 1000);
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return s % 60 ? QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60) : QStringLiteral("%1 min").arg(s / 60);
    const qint64 m = (s % 3600) / 60;
    return m ? QStringLiteral("%1 h %2 min").arg(s / 3600).arg(m) : QStringLiteral("%1 h").arg(s / 3600);
}

Notification NotificationBinding::statementNotification(const Livy::Statement &statement, milliseconds duration,
                                                        const Livy::Session &session, const NotificationTarget &target)
{
    Notification n;
    n.kind = NotificationKind::LongStatementFinished;
    n.duration = duration;
    n.target = target;
    const QString who = sessionLabel(target.sessionId, session.name);
    const QString took = durationText(duration);
    switch (Livy::outcomeOf(statement)) {
    case Livy::Outcome::Ok:
        n.state = QStringLiteral("available");
        n.title = QStringLiteral("Statement %1 finished").arg(statement.id);
        n.text = QStringLiteral("%1 · available after %2").arg(who, took);
        break;
    case Livy::Outcome::Error: {
        n.state = QStringLiteral("error");
        n.problem = true;
        n.title = QStringLiteral("Statement %1 failed").arg(statement.id);
        QString why;
        if (statement.output && !statement.output->ename.isEmpty())
            why = statement.output->evalue.isEmpty() ? statement.output->ename
                                                     : statement.output->ename + QStringLiteral(": ") + statement.output->evalue;
        why = why.section(QLatin1Char('\n'), 0, 0).left(160);
        n.text = why.isEmpty() ? QStringLiteral("%1 · error after %2").arg(who, took)
                               : QStringLiteral("%1 · error after %2: %3").arg(who, took, why);
        break;
    }
    case Livy::Outcome::Cancelled:
        n.state = QStringLiteral("cancelled");
        n.title = QStringLiteral("Statement %1 was cancelled").arg(statement.id);
        n.text = QStringLiteral("%1 · cancelled after %2").arg(who, took);
        break;
    case Livy::Outcome::CancelledRanOn:
        // Livy says cancelled, but its code could not be interrupted and ran to its end: say both.
        n.state = QStringLiteral("cancelled");
        n.title = QStringLiteral("Statement %1 was cancelled but ran to its end").arg(statement.id);
        n.text = QStringLiteral("%1 · its code ran %2").arg(who, took);
        break;
    case Livy::Outcome::Pending:
    case Livy::Outcome::Unknown:
        n.state = statement.stateName.isEmpty() ? Livy::statementStateToString(statement.state) : statement.stateName;
        n.title = QStringLiteral("Statement %1 ended (%2)").arg(statement.id).arg(n.state);
        n.text = QStringLiteral("%1 · after %2").arg(who, took);
        break;
    }
    return n;
}

void NotificationBinding::open(const Notification &notification)
{
    MainWindow *w = m_window;
    if (!w)
        return;
    if (w->isMinimized())
        w->showNormal();
    else
        w->show();
    w->raise();
    w->activateWindow();
    const NotificationTarget t = notification.target;
    if (t.sessionId < 0 || (!t.profileId.isEmpty() && t.profileId != m_profile.id))
        return; // another server's news: the window is in front, its session is not here
    if (!w->sessionPage(t.sessionId))
        Q_EMIT w->openSessionRequested(t.sessionId); // the tab was closed since: open it again (the Application does)
    SessionPage *page = w->sessionPage(t.sessionId);
    if (!page)
        return;
    w->selectSession(t.sessionId);
    if (t.statementId < 0)
        return;
    page->selectStatement(t.statementId);
    if (page->selectedStatementId() == t.statementId || !page->statementModel())
        return;
    // A tab opened just now loads its statements first: select it once it is there (or give up after 10 s).
    auto *wait = new QObject(page);
    QTimer::singleShot(10000, wait, [wait] { wait->deleteLater(); });
    const auto trySelect = [page, wait, id = t.statementId] {
        page->selectStatement(id);
        if (page->selectedStatementId() == id)
            wait->deleteLater();
    };
    connect(page->statementModel(), &QAbstractItemModel::rowsInserted, wait, trySelect);
    connect(page->statementModel(), &QAbstractItemModel::modelReset, wait, trySelect);
}

} // namespace LivyDesk
