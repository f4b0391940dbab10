// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionqueryrunner.h"

#include "controllers/runhandle.h"
#include "controllers/sessioncontroller.h"
#include "internalstatement.h"
#include "livy/outcome.h"
#include "polling/sessionpoller.h"

#include <QJsonDocument>
#include <QTimer>

namespace Livy {

namespace {

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype end = trimmed.indexOf(QLatin1Char('\n'));
    return end < 0 ? trimmed : trimmed.left(end).trimmed();
}

bool readyFor(SessionController::Status status)
{
    return status == SessionController::Status::Ready || status == SessionController::Status::Starting
        || status == SessionController::Status::Attaching;
}

} // namespace

SessionQueryRunner::SessionQueryRunner(SessionController *controller, QObject *parent)
    : QueryRunner(parent)
    , m_controller(controller)
{
    m_available = controller && readyFor(controller->status());
    if (!controller)
        return;
    connect(controller, &SessionController::statementFinished, this, [this](const Statement &s) {
        const auto it = m_ticketByStatement.constFind(s.id);
        if (it != m_ticketByStatement.constEnd())
            finish(*it, replyFor(s));
    });
    connect(controller->sessionPoller(), &SessionPoller::statementVanished, this, [this](int id) {
        const auto it = m_ticketByStatement.constFind(id);
        if (it != m_ticketByStatement.constEnd()) {
            QueryReply reply;
            reply.statementId = id;
            reply.error = tr("Statement %1 is no longer on the server (evicted or the session restarted)").arg(id);
            finish(*it, reply);
        }
    });
    connect(controller, &SessionController::statusChanged, this, [this](SessionController::Status status) {
        const bool available = readyFor(status);
        if (status == SessionController::Status::Ended || status == SessionController::Status::Gone)
            failAll(status == SessionController::Status::Gone ? tr("The session no longer exists on the server")
                                                                : tr("The session has ended"));
        if (available != m_available) {
            m_available = available;
            Q_EMIT availabilityChanged(available);
        }
    });
}

SessionQueryRunner::~SessionQueryRunner() = default;

bool SessionQueryRunner::isAvailable() const
{
    return m_controller && m_available;
}

QString SessionQueryRunner::sessionKind() const
{
    return m_controller ? m_controller->session().kind : QString();
}

int SessionQueryRunner::run(const QString &purpose, const QString &sql, QObject *context, Callback done)
{
    const int ticket = m_nextTicket++;
    Pending pending;
    pending.context = context;
    pending.hasContext = context != nullptr;
    pending.done = std::move(done);
    RunHandle *handle = m_controller ? m_controller->submit(markInternal(purpose, sql), QStringLiteral("sql")) : nullptr;
    pending.run = handle;
    m_pending.insert(ticket, pending);
    if (!handle) {
        // Answer from the event loop, as promised, never from inside run().
        QTimer::singleShot(0, this, [this, ticket] {
            QueryReply reply;
            reply.error = tr("The session cannot run statements (it has ended or is not open)");
            finish(ticket, reply);
        });
        return ticket;
    }
    connect(handle, &RunHandle::sent, this, [this, ticket](const Statement &s) {
        auto it = m_pending.find(ticket);
        if (it == m_pending.end())
            return;
        it->statementId = s.id;
        m_ticketByStatement.insert(s.id, ticket);
        if (isTerminal(s.state)) // answered at once (a fast server, or a replayed reply)
            finish(ticket, replyFor(s));
    });
    connect(handle, &RunHandle::failed, this, [this, ticket](const LivyError &error) {
        QueryReply reply;
        reply.error = error.message();
        reply.details = error.toString();
        finish(ticket, reply);
    });
    connect(handle, &RunHandle::cancelled, this, [this, ticket] {
        QueryReply reply;
        reply.cancelled = true;
        reply.error = tr("Cancelled");
        finish(ticket, reply);
    });
    return ticket;
}

void SessionQueryRunner::cancel(int ticket)
{
    const auto it = m_pending.find(ticket);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.statementId >= 0) {
        m_ticketByStatement.remove(pending.statementId);
        if (m_controller)
            m_controller->cancel(pending.statementId);
    } else if (pending.run && m_controller && !pending.run->isDone()) {
        m_controller->cancelRun(pending.run->localId());
    }
}

void SessionQueryRunner::finish(int ticket, const QueryReply &reply)
{
    const auto it = m_pending.find(ticket);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.statementId >= 0)
        m_ticketByStatement.remove(pending.statementId);
    if (pending.hasContext && !pending.context)
        return;
    if (pending.done)
        pending.done(reply);
}

void SessionQueryRunner::failAll(const QString &why)
{
    const QList<int> tickets = m_pending.keys();
    for (const int ticket : tickets) {
        QueryReply reply;
        reply.statementId = m_pending.value(ticket).statementId;
        reply.error = why;
        finish(ticket, reply);
    }
}

QueryReply SessionQueryRunner::replyFor(const Statement &statement)
{
    QueryReply reply;
    reply.statementId = statement.id;
    switch (outcomeOf(statement)) {
    case Outcome::Ok: {
        const QJsonValue value = statement.output ? statement.output->data.value(Mime::Json) : QJsonValue();
        if (!TableResult::isSqlResultShape(value)) {
            reply.error = tr("Statement %1 did not return a table").arg(statement.id);
            reply.details = statement.output ? QString::fromUtf8(QJsonDocument(statement.output->data).toJson()) : QString();
            return reply;
        }
        TableParseOptions options;
        options.sqlRowCap = 0; // pages ask for a number of rows; the cap note does not apply
        Result<TableResult> table = TableResult::fromSqlResult(value.toObject(), options);
        if (!table) {
            reply.error = table.error().message();
            return reply;
        }
        reply.table = std::make_shared<const TableResult>(std::move(table).value());
        return reply;
    }
    case Outcome::Error: {
        const StatementOutput &out = *statement.output;
        const QString value = firstLine(out.evalue);
        reply.error = out.ename.isEmpty() ? value : (value.isEmpty() ? out.ename : out.ename + QLatin1String(": ") + value);
        reply.details = out.evalue + QLatin1Char('\n') + out.traceback.join(QString());
        return reply;
    }
    case Outcome::Cancelled:
    case Outcome::CancelledRanOn:
        reply.cancelled = true;
        reply.error = tr("Cancelled");
        return reply;
    case Outcome::Pending:
    case Outcome::Unknown:
        break;
    }
    reply.error = tr("Statement %1 ended in state %2").arg(statement.id).arg(statement.stateName);
    return reply;
}

} // namespace Livy
