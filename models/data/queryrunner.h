// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "results/tableresult.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace Livy {

/// How one of LivyDesk's own SQL statements ended.
struct QueryReply
{
    /// The result (a sql statement's schema and rows); null unless ok().
    std::shared_ptr<const TableResult> table;
    /// One line for a user ("AnalysisException: Table or view not found: x"); empty on success.
    QString error;
    /// What is behind "Details": the route and server text, or Spark's traceback.
    QString details;
    bool cancelled = false;
    /// The statement that ran it (-1 when it never reached the server).
    int statementId = -1;

    bool ok() const { return error.isEmpty() && table != nullptr; }
};

/// Runs LivyDesk's own SQL in a session, one statement per call, and hands back the table it returned. The catalog
/// tree, paged tables and exports talk to this interface only: SessionQueryRunner runs the statements in a real
/// session (marked as LivyDesk's, see internalstatement.h); tests may answer from a table of their own.
class QueryRunner : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const QueryReply &)>;

    using QObject::QObject;

    /// Runs `sql` (a single Spark SQL statement) marked with `purpose`. `done` is called once, from the event loop,
    /// while `context` lives, unless cancel() came first. Returns a ticket (> 0).
    virtual int run(const QString &purpose, const QString &sql, QObject *context, Callback done) = 0;
    /// Forgets the ticket's callback and, where it is still waiting or running on the server, cancels its statement.
    virtual void cancel(int ticket) = 0;
    /// Statements can be run (the session is open and not over).
    virtual bool isAvailable() const = 0;
    /// The session's language (spark, pyspark, sparkr, sql or shared), for snippets in the editor's language.
    virtual QString sessionKind() const = 0;

Q_SIGNALS:
    void availabilityChanged(bool available);
};

} // namespace Livy
