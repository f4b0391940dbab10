// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// livydesk_bench_start's moving parts: the fake Livy's sessions and statements (made over HTTP, as a client would),
// the launched livydesk process and what it reports (its start-up trace on stderr, its memory in /proc).

#include <QHash>
#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace FakeLivy {
class Server;
}

namespace StartBench {

/// CLOCK_MONOTONIC in µs: the clock of the app's LIVYDESK_STARTUP_TRACE marks (app/startuptrace.h).
qint64 monotonicUs();

/// The code of statement `index` of a session: a mix of the outputs an analyst sees (text, tables of a few hundred
/// rows, JSON, images, an error now and then) as fake directives (tests/fakelivy/README.md).
QString mixedStatementCode(int index);

/// Sessions with statements on the fake Livy, made through its REST API.
class Seeder
{
public:
    explicit Seeder(FakeLivy::Server *server);
    /// Creates `count` sessions (kinds pyspark, spark, sql, sparkr in turn) and waits until they are idle.
    QList<int> createSessions(int count);
    /// Submits `count` statements of `code(i)` to each session and waits until every one has finished.
    bool runStatements(const QList<int> &sessions, int count, QString (*code)(int));

private:
    FakeLivy::Server *m_server;
    QNetworkAccessManager m_network;
    int m_named = 0; ///< names are unique on a Livy server: the next one (bench-N) over every call
};

/// Memory of a process from /proc/<pid>/status, in KiB.
struct Memory
{
    qint64 rss = 0;     ///< VmRSS
    qint64 hwm = 0;     ///< VmHWM (peak RSS)
    qint64 anon = 0;    ///< RssAnon
    qint64 file = 0;    ///< RssFile
    qint64 shmem = 0;   ///< RssShmem
};
Memory readMemory(qint64 pid);

/// One livydesk process with LIVYDESK_STARTUP_TRACE set: its marks, relative to the moment just before it was
/// started (the time of fork and exec counts).
class Launch
{
public:
    Launch(const QString &program, const QStringList &arguments);
    ~Launch();
    bool start();
    /// Waits until the mark `phase` has been printed (false on timeout or exit).
    bool waitForMark(const QString &phase, int timeoutMs);
    /// ms from just before the start to the mark, or -1.
    double markMs(const QString &phase) const;
    /// CPU ms the app's main thread / the whole process had used at the mark (from its exec), or -1.
    double threadCpuMs(const QString &phase) const { return m_threadCpu.value(phase, -1000) / 1000.0; }
    double processCpuMs(const QString &phase) const { return m_processCpu.value(phase, -1000) / 1000.0; }
    QStringList phases() const { return m_order; }
    qint64 pid() const { return m_process.processId(); }
    void kill();
    QString errorOutput() const { return m_stderr; }

private:
    void readTrace();

    QProcess m_process;
    QString m_program;
    QStringList m_arguments;
    qint64 m_startUs = 0;
    QHash<QString, qint64> m_marks;
    QHash<QString, qint64> m_threadCpu;
    QHash<QString, qint64> m_processCpu;
    QStringList m_order;
    QByteArray m_pending;
    QString m_stderr; ///< everything but the marks
};

} // namespace StartBench
