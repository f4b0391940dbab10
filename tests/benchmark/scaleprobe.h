// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Measuring helpers of livydesk_bench_scale (scalebench.cpp): what the GUI thread spends, in wall-clock time and in
// the thread's own CPU time (the build machine is shared: wall time includes the moments another process had the
// core, CPU time is the work the GUI thread itself did), and the fake Livy on a thread of its own.

#include "fakelivyserver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QList>
#include <QThread>

#include <algorithm>
#include <ctime>
#include <functional>

namespace ScaleBench {

/// Wall-clock and GUI-thread CPU milliseconds.
struct Cost
{
    double wall = 0;
    double cpu = 0;
    Cost &operator+=(const Cost &o)
    {
        wall += o.wall;
        cpu += o.cpu;
        return *this;
    }
};

inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// Both clocks from start() (or construction) on.
class Clock
{
public:
    Clock() { start(); }
    void start()
    {
        m_cpu = threadCpuMs();
        m_wall.start();
    }
    Cost elapsed() const { return Cost{ double(m_wall.nsecsElapsed()) / 1e6, threadCpuMs() - m_cpu }; }

private:
    QElapsedTimer m_wall;
    double m_cpu = 0;
};

struct Stats
{
    double median = 0;
    double max = 0;
};

inline Stats stats(QList<double> values)
{
    Stats s;
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    s.median = values.at(values.size() / 2);
    s.max = values.last();
    return s;
}

/// A series of costs: the statistics of each clock.
struct Series
{
    QList<double> wall, cpu;
    void append(const Cost &c)
    {
        wall.append(c.wall);
        cpu.append(c.cpu);
    }
    Stats wallStats() const { return stats(wall); }
    Stats cpuStats() const { return stats(cpu); }
    qsizetype size() const { return wall.size(); }
};

/// Times every event the GUI thread delivers at the top level (nested sendEvent calls count in their caller).
/// Events of other threads' objects (the fake server's) are not timed.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Window
    {
        Cost busy;           ///< the events together
        Cost longest;        ///< the longest single event (by wall time) ...
        double longestCpu = 0; ///< ... and the most CPU one event took
        int events = 0;
    };

    void begin()
    {
        m_window = {};
        m_recording = true;
    }
    Window end()
    {
        m_recording = false;
        return m_window;
    }

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (!m_recording || m_depth > 0) {
            ++m_depth;
            const bool done = QApplication::notify(receiver, event);
            --m_depth;
            return done;
        }
        ++m_depth;
        const Clock clock;
        const bool done = QApplication::notify(receiver, event);
        const Cost took = clock.elapsed();
        --m_depth;
        m_window.busy += took;
        if (took.wall > m_window.longest.wall)
            m_window.longest = took;
        m_window.longestCpu = std::max(m_window.longestCpu, took.cpu);
        ++m_window.events;
        return done;
    }

private:
    Window m_window;
    bool m_recording = false;
    int m_depth = 0; // GUI thread only
};

inline TimedApplication *timedApp()
{
    return static_cast<TimedApplication *>(QCoreApplication::instance());
}

/// Runs the event loop for `quietMs` and returns what the events in it cost the GUI thread (the relayout and paint
/// an update left queued), not the idle time.
inline TimedApplication::Window settle(int quietMs = 30)
{
    timedApp()->begin();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < quietMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return timedApp()->end();
}

/// The fake Livy on a thread of its own; call() runs a function there and waits for it.
class ServerThread
{
public:
    ServerThread()
    {
        m_server = new FakeLivy::Server;
        m_server->moveToThread(&m_thread);
        m_thread.start();
        call([this] { m_server->start(); });
    }
    ~ServerThread()
    {
        call([this] { delete m_server; });
        m_thread.quit();
        m_thread.wait();
    }
    ServerThread(const ServerThread &) = delete;
    ServerThread &operator=(const ServerThread &) = delete;

    void call(const std::function<void()> &f) { QMetaObject::invokeMethod(m_server, f, Qt::BlockingQueuedConnection); }
    /// Only inside call().
    FakeLivy::Server *server() const { return m_server; }
    QUrl url()
    {
        QUrl u;
        call([&] { u = m_server->url(); });
        return u;
    }

private:
    QThread m_thread;
    FakeLivy::Server *m_server = nullptr;
};

} // namespace ScaleBench
