// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A Livy::QueryRunner for model tests: it records every query and answers only when the test says so, with rows
// the test gives (as Livy's sql kind would send them) or an error. What the server would do with the SQL is the
// real Livy's job (tests/livy/tst_livydata.cpp); here the tests check what is asked and what the models make of
// the answers, in any order.

#include "data/queryrunner.h"

#include <QJsonArray>
#include <QList>
#include <QTimer>

#include <list>

class ScriptedQueryRunner : public Livy::QueryRunner
{
public:
    struct Query
    {
        int ticket = 0;
        QString purpose;
        QString sql;
        QPointer<QObject> context;
        Callback done;
        bool cancelled = false;
        bool answered = false;
    };

    using QueryRunner::QueryRunner;

    int run(const QString &purpose, const QString &sql, QObject *context, Callback done) override
    {
        Query q;
        q.ticket = m_next++;
        q.purpose = purpose;
        q.sql = sql;
        q.context = context;
        q.done = std::move(done);
        m_queries.push_back(q);
        return q.ticket;
    }
    void cancel(int ticket) override
    {
        for (Query &q : m_queries) {
            if (q.ticket == ticket)
                q.cancelled = true;
        }
    }
    bool isAvailable() const override { return true; }
    QString sessionKind() const override { return m_kind; }
    void setSessionKind(const QString &kind) { m_kind = kind; }

    /// Every query so far, oldest first (a std::list: pointers stay valid while queries are added).
    std::list<Query> &queries() { return m_queries; }
    /// Queries neither answered nor cancelled, oldest first.
    QList<Query *> open()
    {
        QList<Query *> list;
        for (Query &q : m_queries) {
            if (!q.cancelled && !q.answered)
                list << &q;
        }
        return list;
    }
    /// The open query with exactly this SQL, or null.
    Query *openQuery(const QString &sql)
    {
        for (Query *q : open()) {
            if (q->sql == sql)
                return q;
        }
        return nullptr;
    }
    QStringList openSql()
    {
        QStringList sql;
        for (Query *q : open())
            sql << q->sql;
        return sql;
    }

    /// A sql-kind table: `columns` as (name, Spark type) pairs.
    static std::shared_ptr<const Livy::TableResult> table(const QList<std::pair<QString, QString>> &columns,
                                                          const QList<QJsonArray> &rows)
    {
        QJsonArray fields;
        for (const auto &[name, type] : columns)
            fields.append(QJsonObject{ { QStringLiteral("name"), name }, { QStringLiteral("type"), type },
                                       { QStringLiteral("nullable"), true }, { QStringLiteral("metadata"), QJsonObject() } });
        QJsonArray data;
        for (const QJsonArray &row : rows)
            data.append(row);
        const QJsonObject object{ { QStringLiteral("schema"), QJsonObject{ { QStringLiteral("type"), QStringLiteral("struct") },
                                                                            { QStringLiteral("fields"), fields } } },
                                  { QStringLiteral("data"), data } };
        Livy::TableParseOptions options;
        options.sqlRowCap = 0;
        auto result = Livy::TableResult::fromSqlResult(object, options);
        return std::make_shared<const Livy::TableResult>(std::move(result).value());
    }

    void answer(Query *q, std::shared_ptr<const Livy::TableResult> result)
    {
        Livy::QueryReply reply;
        reply.table = std::move(result);
        reply.statementId = q->ticket;
        deliver(q, reply);
    }
    void fail(Query *q, const QString &error, const QString &details = {})
    {
        Livy::QueryReply reply;
        reply.error = error;
        reply.details = details;
        reply.statementId = q->ticket;
        deliver(q, reply);
    }

private:
    void deliver(Query *q, const Livy::QueryReply &reply)
    {
        q->answered = true;
        if (q->cancelled || !q->context || !q->done)
            return;
        q->done(reply);
    }

    std::list<Query> m_queries;
    int m_next = 1;
    QString m_kind = QStringLiteral("pyspark");
};
