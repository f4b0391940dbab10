// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "historyrecorder.h"

#include "controllers/runhandle.h"
#include "controllers/sessioncontroller.h"
#include "historystore.h"
#include "items/statementlistmodel.h"

namespace Livy {

HistoryRecorder::HistoryRecorder(SessionController *controller, HistoryStore *store, const QString &server,
                                 const QString &profileId)
    : QObject(controller)
    , m_controller(controller)
    , m_store(store)
    , m_server(server)
    , m_profileId(profileId)
{
    StatementListModel *model = controller->statements();
    connect(controller, &SessionController::runQueued, this, &HistoryRecorder::onRunQueued);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { recordRows(first, last); });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                recordRows(topLeft.row(), bottomRight.row());
            });
    connect(model, &QAbstractItemModel::modelReset, this,
            [this, model] { recordRows(0, model->rowCount() - 1); });
    if (model->rowCount() > 0)
        recordRows(0, model->rowCount() - 1);
    connect(controller, &SessionController::sessionChanged, this, [this] {
        if (m_restoreWanted)
            requestSparkBreakdowns();
    });
    if (store) {
        connect(store, &HistoryStore::sparkBreakdownsReady, this,
                [this](int ticket, const QList<SparkBreakdown> &breakdowns) {
                    if (ticket != m_restoreTicket)
                        return;
                    m_restoreTicket = 0;
                    for (const SparkBreakdown &b : breakdowns)
                        Q_EMIT sparkBreakdownRestored(b);
                });
    }
}

HistorySession HistoryRecorder::session() const
{
    const Session s = m_controller->session();
    HistorySession hs;
    hs.server = m_server;
    hs.profileId = m_profileId;
    hs.id = s.id;
    hs.identity = m_controller->identity();
    hs.name = s.name;
    hs.kind = s.kind;
    hs.appId = s.appId;
    return hs;
}

void HistoryRecorder::requestSparkBreakdowns()
{
    if (!m_store)
        return;
    m_restoreWanted = m_controller->sessionId() < 0 || m_controller->identity().isEmpty();
    if (!m_restoreWanted)
        m_restoreTicket = m_store->requestSparkBreakdowns(session());
}

void HistoryRecorder::recordSparkBreakdown(const SparkBreakdown &breakdown)
{
    if (!m_store || !breakdown.final || breakdown.isEmpty() || breakdown.statementId < 0)
        return;
    // Its entry is written by recordRows() (the store applies writes in order): until it is, keep it here.
    if (m_controller->sessionId() < 0 || !m_seen.contains(breakdown.statementId)) {
        m_pendingSpark.insert(breakdown.statementId, breakdown);
        return;
    }
    m_store->recordSparkBreakdown(session(), breakdown);
}

void HistoryRecorder::onRunQueued(RunHandle *run)
{
    // A run queued before the session is resolved is recorded once it goes out.
    if (m_controller->sessionId() >= 0)
        recordSubmission(run);
    else
        connect(run, &RunHandle::stateChanged, this, [this, run](RunHandle::State state) {
            if (state == RunHandle::State::Sending && !m_pending.contains(run))
                recordSubmission(run);
        });
    connect(run, &RunHandle::failed, this, [this, run](const LivyError &error) {
        const QString key = m_pending.take(run);
        // A timeout or a cut connection may have reached the server: the entry stays "sending" until the
        // controller's reload of the server's statements shows whether it ran (recordStatement() adopts it).
        if (!key.isEmpty() && m_store && !error.isTransient() && error.kind() != LivyError::Kind::Cancelled)
            m_store->markSubmissionFailed(key, error.message());
    });
    connect(run, &RunHandle::cancelled, this, [this, run] {
        const QString key = m_pending.take(run);
        if (!key.isEmpty() && m_store)
            m_store->markSubmissionFailed(key, tr("Taken back before it was sent"));
    });
    connect(run, &RunHandle::sent, this, [this, run] { m_pending.remove(run); });
    connect(run, &QObject::destroyed, this, [this, run] { m_pending.remove(run); });
}

void HistoryRecorder::recordSubmission(RunHandle *run)
{
    if (!m_store)
        return;
    const HistorySession s = session();
    m_pending.insert(run, m_store->recordSubmission(s, run->code(), run->kind().value_or(s.kind)));
}

void HistoryRecorder::recordRows(int first, int last)
{
    if (!m_store || m_controller->sessionId() < 0)
        return;
    const StatementListModel *model = m_controller->statements();
    std::optional<HistorySession> s; // made once, and only when something is written (not on progress ticks)
    for (int row = qMax(0, first); row <= last && row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(StatementListModel::LocalRole).toBool())
            continue; // not on the server yet: recorded as a run (onRunQueued)
        const auto statement = index.data(StatementListModel::StatementRole).value<Statement>();
        if (statement.id < 0)
            continue;
        const Seen seen{ statement.stateName, statement.started, statement.completed, statement.output.has_value() };
        auto it = m_seen.constFind(statement.id);
        if (it != m_seen.constEnd() && *it == seen)
            continue; // a progress tick
        m_seen.insert(statement.id, seen);
        if (!s)
            s = session();
        m_store->recordStatement(*s, statement, s->kind);
        if (!m_pendingSpark.isEmpty()) {
            const auto spark = m_pendingSpark.constFind(statement.id);
            if (spark != m_pendingSpark.constEnd()) {
                m_store->recordSparkBreakdown(*s, *spark);
                m_pendingSpark.erase(spark);
            }
        }
    }
}

} // namespace Livy
