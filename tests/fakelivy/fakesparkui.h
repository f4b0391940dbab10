// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A stand-in for a Spark driver's UI: the monitoring REST API routes LivyDesk reads (`/api/v1/applications`,
// `…/jobs`, `…/stages`, `…/stages/{id}/{attempt}/taskList`, `…/executors`), answering with whatever JSON the test
// sets (recorded answers of the real UI, see tests/fixtures/real/spark). It logs every request with its arrival
// time, so that tests and the benchmark can measure how often a client asks.

#include "httpwire.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QUrl>

namespace FakeLivy {

class FakeSparkUi : public QObject
{
    Q_OBJECT
public:
    struct Hit
    {
        qint64 atMs = 0; ///< since start()
        QString path;
        QString query;
        qint64 bytes = 0; ///< the answer's body
        QByteArray authorization; ///< the request's Authorization header (null without one)
        QByteArray extraHeader;   ///< the request's X-Gateway-Key header, for tests of a profile's extra headers
    };

    explicit FakeSparkUi(QObject *parent = nullptr);

    /// Listens on a free port of 127.0.0.1 (or `port`).
    bool start(quint16 port = 0);
    /// Stops listening: requests are refused from now on.
    void stop();
    QUrl url() const;

    void setAppId(const QString &appId) { m_appId = appId; }
    QString appId() const { return m_appId; }
    void setJobs(const QJsonArray &jobs) { m_jobs = jobs; }
    void setStages(const QJsonArray &stages) { m_stages = stages; }
    void setExecutors(const QJsonArray &executors) { m_executors = executors; }
    /// What `taskList` answers for one stage attempt (every task, as Spark does without ?status=).
    void setTasks(int stageId, int attemptId, const QJsonArray &tasks);
    /// Answers every route with a 200 HTML page (a gateway's login page, a proxy that is not Spark's UI).
    void setAnswerHtml(bool html) { m_html = html; }

    QList<Hit> hits() const { return m_hits; }
    void clearHits() { m_hits.clear(); }

Q_SIGNALS:
    void requestReceived(const QString &path);

private:
    HttpResponse answer(const HttpRequest &request) const;

    HttpListener m_listener;
    QElapsedTimer m_clock;
    QString m_appId = QStringLiteral("local-1764702000000");
    QJsonArray m_jobs;
    QJsonArray m_stages;
    QJsonArray m_executors;
    QHash<QString, QJsonArray> m_tasks;
    bool m_html = false;
    QList<Hit> m_hits;
};

} // namespace FakeLivy
