// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Livy {

/// The application-wide switch that pauses polling while nobody looks: the main window calls
/// `PollActivity::global()->setActive(false)` when it is hidden or minimised and `setActive(true)` when it is
/// shown again, at which point every running poller refreshes at once.
///
/// Pollers observe one PollActivity (the global one unless a test gives them their own). Pausing never aborts
/// a request already in flight; its answer is still applied, only the next poll waits. Keep-alives are not
/// paused: a session the user has open must not expire because the window was minimised.
class PollActivity : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
public:
    explicit PollActivity(QObject *parent = nullptr);

    /// The process-wide instance (active at start).
    static PollActivity *global();

    bool isActive() const { return m_active; }
    void setActive(bool active);

Q_SIGNALS:
    void activeChanged(bool active);

private:
    bool m_active = true;
};

} // namespace Livy
