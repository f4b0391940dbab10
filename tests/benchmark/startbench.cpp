// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "startbench.h"

#include "fakelivyserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QTest>

#include <chrono>

namespace StartBench {

qint64 monotonicUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString mixedStatementCode(int index)
{
    // One statement in eight of each output an analyst looks at most, with sizes that vary like real results.
    const int rows = 100 + (index * 37) % 400; // a few hundred rows
    switch (index % 8) {
    case 0:
    case 4: { // df.show(): a text table
        QString text = QStringLiteral("+----+----------+-------+\\n|  id|      city|  score|\\n+----+----------+-------+\\n");
        for (int r = 0; r < 20; ++r)
            text += QStringLiteral("|%1|%2|%3|\\n")
                        .arg(r + index, 4)
                        .arg(QStringLiteral("city-%1").arg((r * 7 + index) % 50), 10)
                        .arg(QString::number((r * 13 + index) % 1000 / 10.0, 'f', 1), 7);
        text += QStringLiteral("+----+----------+-------+\\nonly showing top 20 rows\\n");
        return QStringLiteral("df.show()\n#fake:text=") + text;
    }
    case 1:
    case 5:
        return QStringLiteral("%table df\n#fake:table=%1").arg(rows);
    case 2: // a sql result: JSON (schema + rows), a few hundred rows
        return QStringLiteral("SELECT * FROM t LIMIT %1\n#fake:sql=%1").arg(rows);
    case 3: { // a JSON value printed as application/json
        QString json = QStringLiteral("{\"job\":%1,\"metrics\":[").arg(index);
        for (int i = 0; i < 50; ++i)
            json += QStringLiteral("%1{\"name\":\"m%2\",\"value\":%3,\"tags\":[\"a\",\"b\"]}")
                        .arg(i ? QStringLiteral(",") : QString())
                        .arg(i)
                        .arg(i * index % 977);
        json += QStringLiteral("]}");
        return QStringLiteral("%json result\n#fake:json=") + json;
    }
    case 6:
        return QStringLiteral("%matplot plt\n#fake:image=640x480"); // a default-sized matplotlib figure
    default:
        if (index % 16 == 7)
            return QStringLiteral("1/0\n#fake:error=ZeroDivisionError:division by zero");
        return QStringLiteral("print(%1)").arg(index);
    }
}

Seeder::Seeder(FakeLivy::Server *server)
    : m_server(server)
{
}

QList<int> Seeder::createSessions(int count)
{
    static const QStringList kinds{ QStringLiteral("pyspark"), QStringLiteral("spark"), QStringLiteral("sql"),
                                    QStringLiteral("sparkr") };
    QList<int> ids;
    for (int i = 0; i < count; ++i)
        ids.append(m_server->createSession(QJsonObject{ { QStringLiteral("kind"), kinds.at(i % kinds.size()) },
                                                        { QStringLiteral("name"), QStringLiteral("bench-%1").arg(m_named++) } }));
    const bool idle = QTest::qWaitFor([&] {
        for (const int id : std::as_const(ids))
            if (m_server->sessionState(id) != QLatin1String("idle"))
                return false;
        return true;
    }, 30000);
    if (!idle)
        qWarning("bench: the fake's sessions did not all become idle within 30 s");
    return ids;
}

bool Seeder::runStatements(const QList<int> &sessions, int count, QString (*code)(int))
{
    int pending = 0;
    int failed = 0;
    for (const int sid : sessions) {
        for (int i = 0; i < count; ++i) {
            QNetworkRequest request(m_server->url().resolved(QUrl(QStringLiteral("/sessions/%1/statements").arg(sid))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("X-Requested-By", "livydesk_bench_start");
            const QJsonObject body{ { QStringLiteral("code"), code(i) } };
            QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
            ++pending;
            QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &pending, &failed] {
                if (reply->error() != QNetworkReply::NoError)
                    ++failed;
                --pending;
                reply->deleteLater();
            });
        }
    }
    if (!QTest::qWaitFor([&] { return pending == 0; }, 60000) || failed > 0)
        return false;
    // Every statement finished: the sessions are idle again and the last statement is available.
    return QTest::qWaitFor([&] {
        for (const int sid : sessions)
            if (m_server->sessionState(sid) != QLatin1String("idle")
                || m_server->statementJson(sid, count - 1).value(QStringLiteral("state")).toString() != QLatin1String("available"))
                return false;
        return true;
    }, 120000);
}

Memory readMemory(qint64 pid)
{
    Memory m;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return m;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon);
        const qint64 kib = line.mid(colon + 1).trimmed().split(' ').value(0).toLongLong();
        if (key == "VmRSS")
            m.rss = kib;
        else if (key == "VmHWM")
            m.hwm = kib;
        else if (key == "RssAnon")
            m.anon = kib;
        else if (key == "RssFile")
            m.file = kib;
        else if (key == "RssShmem")
            m.shmem = kib;
    }
    return m;
}

Launch::Launch(const QString &program, const QStringList &arguments)
    : m_program(program)
    , m_arguments(arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LIVYDESK_STARTUP_TRACE"), QStringLiteral("1"));
    m_process.setProcessEnvironment(env);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process, [this] { readTrace(); });
}

Launch::~Launch()
{
    kill();
}

bool Launch::start()
{
    m_startUs = monotonicUs();
    m_process.start(m_program, m_arguments);
    return m_process.waitForStarted(10000);
}

void Launch::readTrace()
{
    m_pending += m_process.readAllStandardError();
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(newline);
        m_pending.remove(0, newline + 1);
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() >= 3 && parts.at(0) == "livydesk-startup") {
            const QString phase = QString::fromLatin1(parts.at(2));
            if (!m_marks.contains(phase))
                m_order.append(phase);
            m_marks.insert(phase, parts.at(1).toLongLong());
            if (parts.size() >= 5) {
                m_threadCpu.insert(phase, parts.at(3).toLongLong());
                m_processCpu.insert(phase, parts.at(4).toLongLong());
            }
        } else {
            m_stderr += QString::fromLocal8Bit(line) + QLatin1Char('\n');
        }
    }
}

bool Launch::waitForMark(const QString &phase, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_marks.contains(phase) || m_process.state() == QProcess::NotRunning; },
                           timeoutMs)
        && m_marks.contains(phase);
}

double Launch::markMs(const QString &phase) const
{
    return m_marks.contains(phase) ? double(m_marks.value(phase) - m_startUs) / 1000.0 : -1;
}

void Launch::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

} // namespace StartBench
