// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "startuptrace.h"

#include <QEvent>
#include <QPointer>
#include <QWidget>
#include <QWindow>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace LivyDesk::StartupTrace {

namespace {

/// Sees the first paint of the window's widget, then the end of the window event (expose or update request) that
/// painted it: the backing store has been flushed to the screen by then.
class FirstPaintWatcher : public QObject
{
public:
    FirstPaintWatcher(QWidget *widget, QWindow *window)
        : QObject(widget)
        , m_widget(widget)
        , m_window(window)
    {
        widget->installEventFilter(this);
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::Paint) {
            if (!m_painted)
                mark("first-paint-begin");
            m_painted = true;
            return false;
        }
        if (watched != m_window || (event->type() != QEvent::Expose && event->type() != QEvent::UpdateRequest))
            return false;
        // Handle the event here (the same virtual QWidgetWindow::event() the application would call next), so that
        // the mark comes after the painting and flushing it does.
        const bool handled = static_cast<QObject *>(m_window)->event(event);
        if (m_painted) {
            mark("first-paint");
            m_widget->removeEventFilter(this);
            m_window->removeEventFilter(this);
            deleteLater();
        }
        return handled;
    }

private:
    QWidget *m_widget;
    QPointer<QWindow> m_window;
    bool m_painted = false;
};

} // namespace

bool enabled()
{
    static const bool on = qEnvironmentVariableIsSet("LIVYDESK_STARTUP_TRACE");
    return on;
}

void mark(const char *phase)
{
    if (!enabled())
        return;
    const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
#if defined(Q_OS_UNIX)
    const auto cpuUs = [](clockid_t clock) {
        timespec t{};
        clock_gettime(clock, &t);
        return static_cast<long long>(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
    };
    const long long threadCpu = cpuUs(CLOCK_THREAD_CPUTIME_ID);
    const long long processCpu = cpuUs(CLOCK_PROCESS_CPUTIME_ID);
#else
    const long long threadCpu = 0;
    const long long processCpu = 0;
#endif
    std::fprintf(stderr, "livydesk-startup %lld %s %lld %lld\n", static_cast<long long>(now.count()), phase, threadCpu,
                 processCpu);
    std::fflush(stderr);
}

void watchFirstPaint(QWidget *window)
{
    if (!enabled() || !window || !window->windowHandle())
        return;
    new FirstPaintWatcher(window, window->windowHandle());
}

} // namespace LivyDesk::StartupTrace
