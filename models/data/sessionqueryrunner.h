// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queryrunner.h"

#include <QHash>

namespace Livy {

class RunHandle;
class SessionController;
struct Statement;

/// QueryRunner over an open session: each query is one `POST …/statements` with `kind: sql` (Livy runs any kind in
/// any session since 0.5) through SessionController::submit(), so it queues behind the user's statements, is sent
/// exactly once, and is followed by the session's one poller: no extra polling. Its code carries LivyDesk's mark.
/// A query fails (never hangs) when the POST fails, the statement vanishes, or the session ends or goes.
class SessionQueryRunner : public QueryRunner
{
    Q_OBJECT
public:
    explicit SessionQueryRunner(SessionController *controller, QObject *parent = nullptr);
    ~SessionQueryRunner() override;

    int run(const QString &purpose, const QString &sql, QObject *context, Callback done) override;
    void cancel(int ticket) override;
    bool isAvailable() const override;
    QString sessionKind() const override;

    /// Queries sent or queued and not answered yet.
    int pendingCount() const { return int(m_pending.size()); }

    /// The reply for a finished statement (exposed for tests): its sql table, Spark's error, or the cancellation.
    static QueryReply replyFor(const Statement &statement);

private:
    struct Pending
    {
        QPointer<RunHandle> run;
        QPointer<QObject> context;
        Callback done;
        int statementId = -1;
        bool hasContext = false;
    };

    void finish(int ticket, const QueryReply &reply);
    void failAll(const QString &why);

    QPointer<SessionController> m_controller;
    QHash<int, Pending> m_pending;
    QHash<int, int> m_ticketByStatement;
    int m_nextTicket = 1;
    bool m_available = false;
};

} // namespace Livy
