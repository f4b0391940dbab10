// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakesparkui.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace FakeLivy {

FakeSparkUi::FakeSparkUi(QObject *parent)
    : QObject(parent)
{
    m_listener.setHandler([this](quint64 exchange, const HttpRequest &request) {
        const HttpResponse response = answer(request);
        m_hits.append({ m_clock.elapsed(), request.path(), QString::fromUtf8(request.rawQuery), response.body.size(),
                        request.header("authorization"), request.header("x-gateway-key") });
        Q_EMIT requestReceived(request.path());
        m_listener.respond(exchange, response);
    });
}

bool FakeSparkUi::start(quint16 port)
{
    m_clock.start();
    return m_listener.listen(port);
}

void FakeSparkUi::stop()
{
    m_listener.close();
}

QUrl FakeSparkUi::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_listener.port()));
}

void FakeSparkUi::setTasks(int stageId, int attemptId, const QJsonArray &tasks)
{
    m_tasks.insert(QStringLiteral("%1/%2").arg(stageId).arg(attemptId), tasks);
}

HttpResponse FakeSparkUi::answer(const HttpRequest &request) const
{
    if (m_html) {
        HttpResponse page;
        page.contentType = QByteArrayLiteral("text/html;charset=utf-8");
        page.body = QByteArrayLiteral("<html><body>Please sign in</body></html>");
        return page;
    }
    const auto json = [](const QJsonArray &a) {
        return HttpResponse::json(200, QJsonDocument(a).toJson(QJsonDocument::Compact));
    };
    const QStringList seg = request.pathSegments();
    const bool api = seg.size() >= 3 && seg[0] == QLatin1String("api") && seg[1] == QLatin1String("v1")
        && seg[2] == QLatin1String("applications");
    if (api && seg.size() == 3) {
        return json(QJsonArray{ QJsonObject{ { QStringLiteral("id"), m_appId },
                                             { QStringLiteral("name"), QStringLiteral("livy-session-0") },
                                             { QStringLiteral("attempts"), QJsonArray() } } });
    }
    if (api && seg.size() >= 5 && seg[3] == m_appId) {
        const QString &what = seg[4];
        if (seg.size() == 5 && what == QLatin1String("jobs"))
            return json(m_jobs);
        if (seg.size() == 5 && what == QLatin1String("stages"))
            return json(m_stages);
        if (seg.size() == 5 && what == QLatin1String("executors"))
            return json(m_executors);
        if (seg.size() == 8 && what == QLatin1String("stages") && seg[7] == QLatin1String("taskList")) {
            QJsonArray tasks = m_tasks.value(seg[5] + QLatin1Char('/') + seg[6]);
            const QString status = [&] {
                for (const auto &[k, v] : request.queryItems()) {
                    if (k == QLatin1String("status"))
                        return v;
                }
                return QString();
            }();
            if (!status.isEmpty()) {
                QJsonArray filtered;
                for (const QJsonValue &t : std::as_const(tasks)) {
                    if (t.toObject().value(QLatin1String("status")).toString().compare(status, Qt::CaseInsensitive) == 0)
                        filtered.append(t);
                }
                tasks = filtered;
            }
            return json(tasks);
        }
    }
    if (api && seg.size() >= 4 && seg[3] != m_appId) {
        HttpResponse unknown = HttpResponse::json(404, QByteArrayLiteral("unknown app: ") + seg[3].toUtf8());
        unknown.contentType = QByteArrayLiteral("text/plain;charset=utf-8");
        return unknown;
    }
    HttpResponse notFound;
    notFound.status = 404;
    notFound.contentType = QByteArrayLiteral("text/html;charset=utf-8");
    notFound.body = QByteArrayLiteral("<html><body>Not Found</body></html>");
    return notFound;
}

} // namespace FakeLivy
