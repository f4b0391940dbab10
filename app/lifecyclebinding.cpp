// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecyclebinding.h"

#include "controllers/servercontroller.h"
#include "controllers/sessioncontroller.h"
#include "dialogs/setuplistdialog.h"
#include "history/historymodel.h"
#include "history/historystore.h"
#include "items/sessionlistmodel.h"
#include "items/statementlistmodel.h"
#include "lifecycle/activityledger.h"
#include "lifecycle/createdsessionrecorder.h"
#include "lifecycle/leasewatch.h"
#include "livy/connection.h"
#include "mainwindow.h"
#include "panels/historydock.h"
#include "panels/sessionpage.h"
#include "polling/keepalive.h"
#include "profiles/sessionpresetstore.h"
#include "recreatebinding.h"

#include <QDateTime>
#include <QTimer>

namespace LivyDesk {

using Livy::SessionController;

namespace {

/// The lease of one open session as its page shows it: a child of the controller, so it goes with the session.
class SessionLease : public QObject
{
public:
    SessionLease(Livy::Connection *connection, SessionController *controller)
        : QObject(controller)
        , watch(new Livy::LeaseWatch(connection, this))
        , ticker(new QTimer(this))
    {
        // "in 12 min" moves although the budget does not: the text is redrawn while a deadline counts.
        ticker->setInterval(std::chrono::seconds(15));
    }
    ~SessionLease() override { clearListed(); }

    /// The sessions list's Lease column for this session (the server's list; cleared when the session closes).
    void showListed(int id, const QString &text, const QString &details, std::optional<qint64> remainingMs)
    {
        if (id != listedId)
            clearListed();
        if (!list || id < 0)
            return;
        listedId = text.isEmpty() ? -1 : id;
        list->setLease(id, text, details, remainingMs);
    }
    void clearListed()
    {
        if (list && listedId >= 0)
            list->setLease(listedId, QString(), QString(), std::nullopt);
        listedId = -1;
    }

    Livy::LeaseWatch *watch;
    QTimer *ticker;
    QPointer<SessionPage> page;
    QPointer<Livy::SessionListModel> list;
    QPointer<SessionController> owner; ///< the session's controller (its id may come later)
    int listedId = -1;
    bool warning = false; ///< the expiry warning was given: its minutes follow the header's while it is up
};

bool canKeepAlive(const Livy::LeaseBudget &budget)
{
    const Livy::LeaseDeadline *d = budget.binding();
    return d && d->rule != Livy::LeaseDeadline::Rule::Lifetime; // activity does not move a lifetime
}

/// Whole minutes left, as the header and the list say them (rounded down: "not before").
qint64 wholeMinutes(qint64 remainingMs)
{
    return remainingMs / 60000;
}

void warnLease(SessionLease *lease, const Livy::LeaseBudget &budget, std::chrono::milliseconds remaining)
{
    if (!lease->page)
        return;
    // In the header's own terms (whole minutes, rounded down): the two never disagree.
    const QString rule = budget.binding() ? Livy::leaseRuleName(budget.binding()->rule) : QString();
    const qint64 minutes = wholeMinutes(qint64(remaining.count()));
    lease->page->showLeaseWarning(
        minutes < 1 ? LifecycleBinding::tr("The server may end this session in under a minute (%1). Unsaved results "
                                           "are lost with it.").arg(rule)
                    : LifecycleBinding::tr("The server may end this session in %1 min (%2). Unsaved results are lost "
                                           "with it.").arg(minutes).arg(rule),
        budget.describe(lease->watch->now()), canKeepAlive(budget));
}

void showLease(SessionLease *lease)
{
    const Livy::LeaseBudget budget = lease->watch->budget();
    const qint64 now = lease->watch->now();
    const int id = lease->owner ? lease->owner->sessionId() : -1;
    if (!budget.isKnown()) { // say nothing rather than guess
        lease->showListed(id, QString(), QString(), std::nullopt);
        if (lease->page) {
            lease->page->setLease(QString(), QString());
            lease->page->clearLeaseWarning();
        }
        lease->warning = false;
        lease->ticker->stop();
        return;
    }
    std::optional<qint64> left;
    if (const auto r = budget.remaining(now))
        left = qint64(r->count());
    const QString details = budget.describe(now);
    lease->showListed(id, LifecycleBinding::leaseShortText(left), details, left);
    if (lease->page)
        lease->page->setLease(LifecycleBinding::leaseText(left), details);
    if (lease->warning && left && lease->page && lease->page->isLeaseWarningShown())
        warnLease(lease, budget, std::chrono::milliseconds(*left)); // the minutes move with the header's
    if (!lease->ticker->isActive())
        lease->ticker->start();
}


} // namespace

LifecycleBinding::LifecycleBinding(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_recreate(new RecreateBinding(window, this))
{
}

LifecycleBinding::~LifecycleBinding() = default;

QString LifecycleBinding::leaseText(std::optional<qint64> remainingMs)
{
    if (!remainingMs)
        return {};
    const qint64 minutes = wholeMinutes(*remainingMs);
    if (*remainingMs <= 0)
        return tr("may end at any moment");
    if (minutes < 1)
        return tr("may end in under a minute");
    if (minutes < 120)
        return tr("may end in %1 min").arg(minutes);
    return tr("may end in %1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString LifecycleBinding::leaseShortText(std::optional<qint64> remainingMs)
{
    if (!remainingMs)
        return {};
    const qint64 minutes = wholeMinutes(*remainingMs);
    if (*remainingMs <= 0)
        return tr("any moment");
    if (minutes < 1)
        return tr("< 1 min");
    if (minutes < 100)
        return tr("%1 min").arg(minutes);
    return tr("%1 h").arg(minutes / 60); // whole hours, rounded down like the minutes: still a lower bound
}

void LifecycleBinding::watchServer(Livy::Connection *connection, Livy::ServerController *server,
                                   const ServerProfile &profile, Livy::HistoryStore *history,
                                   Livy::HistoryModel *historyModel)
{
    m_connection = connection;
    m_server = server;
    m_profile = profile;
    m_history = history;
    m_historyModel = historyModel;
    if (!connection || !server)
        return;
    // Made now, before the first request: it must see every creation and every activity on this connection.
    Livy::ActivityLedger::of(connection);
    if (history)
        new Livy::CreatedSessionRecorder(connection, history, profile.url.toString(), profile.id, server);
    connect(server, &Livy::ServerController::sessionOpened, this, &LifecycleBinding::watchSession);
    m_recreate->watchServer(server, profile, history);

    if (!m_historyWired && history && m_window) {
        m_historyWired = true;
        HistoryDock *dock = m_window->historyDock();
        connect(dock, &HistoryDock::setupMarkRequested, this, [this](const QList<qint64> &rowIds, bool setup) {
            for (const qint64 id : rowIds) {
                if (!m_history)
                    return;
                if (setup)
                    m_history->markSetup(id);
                else
                    m_history->unmarkSetup(id);
            }
        });
        connect(history, &Livy::HistoryStore::setupChanged, this, [this] { refreshHistoryMarks(); });
        if (historyModel)
            connect(historyModel, &Livy::HistoryModel::searchFinished, this, [this] { refreshHistoryMarks(); });
    }
}

Livy::HistorySession LifecycleBinding::historySession(const SessionController *c) const
{
    Livy::HistorySession hs;
    hs.server = m_profile.url.toString();
    hs.profileId = m_profile.id;
    hs.id = c->sessionId();
    hs.identity = c->identity();
    hs.name = c->session().name;
    hs.kind = c->session().kind;
    return hs;
}

void LifecycleBinding::watchSession(SessionController *c)
{
    if (!c || !m_connection)
        return;
    auto *lease = new SessionLease(m_connection, c);
    lease->owner = c;
    lease->list = m_server ? m_server->sessions() : nullptr;
    Livy::LeaseWatch *watch = lease->watch;
    watch->setKeepAlive(c->keepAlive());
    const auto feed = [watch, c] {
        if (c->sessionId() >= 0)
            watch->setSession(c->session());
        watch->setEnded(c->status() == SessionController::Status::Ended
                        || c->status() == SessionController::Status::Gone);
    };
    feed();
    connect(c, &SessionController::sessionChanged, watch, feed);
    connect(c, &SessionController::attached, watch, feed);
    connect(c, &SessionController::statusChanged, watch, feed);
    // Created by an earlier run of LivyDesk: the history knows when (the ledger saw no POST /sessions for it).
    auto askCreated = [this, c, watch] {
        if (!m_history || c->sessionId() < 0)
            return;
        const int ticket = m_history->requestSessionRecord(m_profile.id, c->sessionId(), {}, c->identity());
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(m_history, &Livy::HistoryStore::sessionRecordReady, watch,
                        [conn, ticket, watch, connection = m_connection](int t, const std::optional<Livy::SessionRecord> &r) {
                            if (t != ticket)
                                return;
                            QObject::disconnect(*conn);
                            if (!r || r->createdMs <= 0)
                                return;
                            if (connection)
                                Livy::ActivityLedger::of(connection)->noteCreated(r->session.id, r->createdMs);
                            watch->setCreatedMs(r->createdMs);
                        });
    };
    if (c->sessionId() >= 0)
        askCreated();
    connect(c, &SessionController::attached, watch, askCreated);

    connect(watch, &Livy::LeaseWatch::budgetChanged, lease, [lease] { showLease(lease); });
    connect(lease->ticker, &QTimer::timeout, lease, [lease] { showLease(lease); });
    connect(watch, &Livy::LeaseWatch::expiryWarning, lease,
            [lease](const Livy::LeaseBudget &budget, std::chrono::milliseconds remaining) {
                lease->warning = true;
                warnLease(lease, budget, remaining);
            });
    connect(watch, &Livy::LeaseWatch::deadlineReached, lease, [lease](const Livy::LeaseBudget &budget) {
        lease->warning = false; // the deadline's own words from now on
        if (lease->page)
            lease->page->showLeaseWarning(tr("The server may end this session at its next check (about once a minute)."),
                                          budget.describe(lease->watch->now()), canKeepAlive(budget));
    });

    const auto bind = [this, c, lease](SessionPage *page) {
        lease->page = page;
        bindPage(c, page);
        showLease(lease);
    };
    if (m_window) {
        connect(m_window, &MainWindow::sessionPageOpened, lease, [c, bind](int id, SessionPage *page) {
            if (id == c->sessionId() || (c->sessionId() < 0 && c->ref().isId() && c->ref().id() == id))
                bind(page);
        });
        const int id = c->sessionId() >= 0 ? c->sessionId() : (c->ref().isId() ? c->ref().id() : -1);
        if (SessionPage *page = m_window->sessionPage(id))
            bind(page);
    }
    connect(c, &SessionController::attached, lease, [this, c] { refreshSetupMarks(c); });
}

void LifecycleBinding::bindPage(SessionController *c, SessionPage *page)
{
    if (!page)
        return;
    page->disconnect(this);
    connect(page, &SessionPage::keepAliveRequested, this, [c] {
        // Activity now (a /connect), and from now on while the tab is open.
        if (!c->isKeepAliveEnabled()) {
            c->setKeepAliveEnabled(true);
        } else if (Livy::KeepAlive *k = c->keepAlive()) {
            k->stop();
            k->start();
        }
    });
    connect(page, &SessionPage::setupMarkRequested, this,
            [this, c](int statementId, bool setup) { markStatement(c, statementId, setup); });
    connect(page, &SessionPage::setupEditRequested, this, [this, c] { editSetup(c); });
    connect(page, &SessionPage::recreateRequested, this, [this, c, page] { m_recreate->recreate(c, page); });
    refreshSetupMarks(c);
}

void LifecycleBinding::markStatement(SessionController *c, int statementId, bool setup)
{
    if (!m_history || c->sessionId() < 0)
        return;
    // The statement's history entry (its row id is what the setup refers to).
    Livy::HistoryQuery q;
    q.server = m_profile.url.toString();
    q.sessionId = c->sessionId();
    const int ticket = m_history->search(q);
    const QString identity = c->identity();
    QPointer<SessionController> controller = c;
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_history, &Livy::HistoryStore::searchFinished, this,
                    [this, conn, ticket, identity, statementId, setup, controller](int t, const QList<Livy::HistoryEntry> &entries) {
                        if (t != ticket)
                            return;
                        disconnect(*conn);
                        for (const Livy::HistoryEntry &e : entries) {
                            if (e.statement.id != statementId || (!identity.isEmpty() && e.session.identity != identity))
                                continue;
                            if (setup)
                                m_history->markSetup(e.rowId);
                            else
                                m_history->unmarkSetup(e.rowId);
                            return;
                        }
                        if (m_window)
                            m_window->showNotice(tr("Statement %1 is not in the history yet; try again in a moment.")
                                                     .arg(statementId));
                    });
}

void LifecycleBinding::refreshSetupMarks(SessionController *c)
{
    if (!m_history || !m_window || c->sessionId() < 0)
        return;
    const Livy::HistorySession hs = historySession(c);
    QPointer<SessionController> controller = c;
    // The setup (history row ids and code) and the session's entries (row id -> statement id), then the page's
    // gears. A setup written without history rows (a recreated session's, copied from the one it replaces) is
    // matched by its code among the session's statements, in order: those are the replayed ones.
    auto setup = std::make_shared<std::optional<QList<Livy::SetupEntry>>>();
    auto statementOf = std::make_shared<std::optional<QHash<qint64, int>>>();
    auto apply = [this, controller, setup, statementOf] {
        if (!*setup || !*statementOf || !controller || !m_window)
            return;
        QSet<int> ids;
        QList<Livy::Statement> unmatched;
        bool listed = false;
        for (const Livy::SetupEntry &e : std::as_const(**setup)) {
            if (e.historyRowId >= 0 && (*statementOf)->contains(e.historyRowId)) {
                ids.insert((*statementOf)->value(e.historyRowId));
                continue;
            }
            if (!listed) {
                listed = true;
                if (controller->statements())
                    unmatched = controller->statements()->statements();
            }
            for (qsizetype i = 0; i < unmatched.size(); ++i) {
                if (unmatched.at(i).code == e.statement.code && !ids.contains(unmatched.at(i).id)) {
                    ids.insert(unmatched.at(i).id);
                    unmatched.remove(i);
                    break;
                }
            }
        }
        if (SessionPage *page = m_window->sessionPage(controller->sessionId()))
            page->setSetupStatementIds(ids);
    };
    // Statements that load or arrive later (a recreated session's replay) are matched as they come: this refresh's
    // watcher replaces the previous one.
    if (QObject *old = c->findChild<QObject *>(QStringLiteral("setupMarksWatch"), Qt::FindDirectChildrenOnly))
        delete old;
    auto *watch = new QObject(c);
    watch->setObjectName(QStringLiteral("setupMarksWatch"));
    if (Livy::StatementListModel *list = c->statements()) {
        connect(list, &QAbstractItemModel::rowsInserted, watch, apply);
        connect(list, &QAbstractItemModel::modelReset, watch, apply);
    }
    const int setupTicket = m_history->requestSetup(hs);
    auto c1 = std::make_shared<QMetaObject::Connection>();
    *c1 = connect(m_history, &Livy::HistoryStore::setupReady, watch,
                  [c1, setupTicket, setup, apply](int t, const QList<Livy::SetupEntry> &entries) {
                      if (t != setupTicket)
                          return;
                      QObject::disconnect(*c1);
                      *setup = entries;
                      apply();
                  });
    Livy::HistoryQuery q;
    q.server = hs.server;
    q.sessionId = hs.id;
    const int searchTicket = m_history->search(q);
    auto c2 = std::make_shared<QMetaObject::Connection>();
    *c2 = connect(m_history, &Livy::HistoryStore::searchFinished, watch,
                  [c2, searchTicket, statementOf, apply, identity = hs.identity](int t, const QList<Livy::HistoryEntry> &entries) {
                      if (t != searchTicket)
                          return;
                      QObject::disconnect(*c2);
                      QHash<qint64, int> map;
                      for (const Livy::HistoryEntry &e : entries)
                          if (identity.isEmpty() || e.session.identity == identity)
                              map.insert(e.rowId, e.statement.id);
                      *statementOf = map;
                      apply();
                  });
    // Kept current: a mark from the History panel shows here too.
    static const char *const wiredProperty = "livydesk.setupMarksWired";
    if (!c->property(wiredProperty).toBool()) {
        c->setProperty(wiredProperty, true);
        connect(m_history, &Livy::HistoryStore::setupChanged, c, [this, controller](const Livy::HistorySession &s) {
            if (controller && s.id == controller->sessionId() && (s.identity.isEmpty() || s.identity == controller->identity()))
                refreshSetupMarks(controller);
        });
    }
}

void LifecycleBinding::refreshHistoryMarks()
{
    if (!m_history || !m_historyModel || !m_window)
        return;
    // The sessions the panel shows, and the setup of each: the rows to mark.
    QList<Livy::HistorySession> sessions;
    for (int row = 0; row < m_historyModel->rowCount(); ++row) {
        Livy::HistorySession s = m_historyModel->entry(row).session;
        s.name.clear();
        s.kind.clear();
        s.appId.clear();
        if (!sessions.contains(s))
            sessions.append(s);
    }
    const quint64 generation = ++m_historyMarksGeneration;
    auto marked = std::make_shared<QSet<qint64>>();
    auto pending = std::make_shared<QSet<int>>();
    if (sessions.isEmpty()) {
        m_window->historyDock()->setSetupRowIds({});
        return;
    }
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_history, &Livy::HistoryStore::setupReady, this,
                    [this, conn, generation, marked, pending](int t, const QList<Livy::SetupEntry> &setup) {
                        if (generation != m_historyMarksGeneration) {
                            disconnect(*conn);
                            return;
                        }
                        if (!pending->remove(t))
                            return;
                        for (const Livy::SetupEntry &e : setup)
                            if (e.historyRowId >= 0)
                                marked->insert(e.historyRowId);
                        if (pending->isEmpty()) {
                            disconnect(*conn);
                            if (m_window)
                                m_window->historyDock()->setSetupRowIds(*marked);
                        }
                    });
    for (const Livy::HistorySession &s : std::as_const(sessions))
        pending->insert(m_history->requestSetup(s));
}

void LifecycleBinding::saveTemplate(const QString &name, const Livy::HistorySession &hs, const Livy::Session &session,
                                    const QList<Livy::SetupStatement> &setup, QPointer<SetupListDialog> dialog)
{
    // The body LivyDesk sent when it created the session (the history keeps it), else what the server echoes of it.
    const auto save = [name, session, setup, dialog](const std::optional<Livy::SessionRecord> &record) {
        Livy::SessionRecipe recipe;
        recipe.request = RecreateBinding::withoutSessionTag(record ? record->request
                                                                   : Livy::CreateSessionRequest::like(session));
        recipe.setup = setup;
        SessionPresetStore().saveRecipe(name, recipe);
        if (dialog)
            dialog->showNote(tr("Saved as template “%1”: %2 and %n setup statement(s). Session › New Session from "
                                "Template creates a session from it.", nullptr, int(setup.size()))
                                 .arg(name, record ? tr("the body LivyDesk sent") : tr("the body the server echoes")));
    };
    if (!m_history) {
        save(std::nullopt);
        return;
    }
    const int ticket = m_history->requestSessionRecord(hs.profileId, hs.id, {}, hs.identity);
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_history, &Livy::HistoryStore::sessionRecordReady, this,
                    [conn, ticket, save](int t, const std::optional<Livy::SessionRecord> &r) {
                        if (t != ticket)
                            return;
                        QObject::disconnect(*conn);
                        save(r);
                    });
}

void LifecycleBinding::editSetup(SessionController *c)
{
    if (!m_history || !m_window || c->sessionId() < 0)
        return;
    const Livy::HistorySession hs = historySession(c);
    const int ticket = m_history->requestSetup(hs);
    QPointer<SessionController> controller = c;
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_history, &Livy::HistoryStore::setupReady, this,
                    [this, conn, ticket, hs, controller](int t, const QList<Livy::SetupEntry> &entries) {
                        if (t != ticket)
                            return;
                        disconnect(*conn);
                        if (!m_window || !controller)
                            return;
                        QList<Livy::SetupStatement> setup;
                        QList<qint64> rows;
                        for (const Livy::SetupEntry &e : entries) {
                            setup.append(e.statement);
                            rows.append(e.historyRowId);
                        }
                        const SessionPage *page = m_window->sessionPage(hs.id);
                        auto *dialog = new SetupListDialog(page ? page->title() : QString::number(hs.id), setup, rows,
                                                           m_window);
                        dialog->setAttribute(Qt::WA_DeleteOnClose);
                        connect(dialog, &SetupListDialog::saveAsTemplateRequested, this,
                                [this, hs, controller, dialog = QPointer<SetupListDialog>(dialog)](
                                    const QString &name, const QList<Livy::SetupStatement> &s) {
                                    saveTemplate(name, hs, controller ? controller->session() : Livy::Session(), s,
                                                 dialog);
                                });
                        connect(dialog, &SetupListDialog::setupEdited, this,
                                [this, hs](const QList<Livy::SetupStatement> &s, const QList<qint64> &r) {
                                    if (m_history)
                                        m_history->setSetup(hs, s, r);
                                });
                        dialog->open();
                    });
}

} // namespace LivyDesk
