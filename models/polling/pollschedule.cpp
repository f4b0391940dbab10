// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pollschedule.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace Livy {

using std::chrono::milliseconds;

milliseconds RunningSchedule::interval(milliseconds elapsed) const
{
    const double raw = double(std::max<qint64>(0, elapsed.count())) * fraction;
    const qint64 lo = floor.count();
    const qint64 hi = std::max(lo, qint64(cap.count()));
    return milliseconds(std::clamp<qint64>(qint64(std::llround(raw)), lo, hi));
}

std::optional<milliseconds> SessionSchedule::interval(SessionState state, milliseconds inState) const
{
    switch (state) {
    case SessionState::Error:
    case SessionState::Dead:
    case SessionState::Killed:
    case SessionState::Success:
        return std::nullopt;
    case SessionState::Idle:
        return idle;
    case SessionState::Busy:
    case SessionState::Running:
        return busy;
    case SessionState::Unknown:
        // A state word this client does not know: looked at quickly at first (it may be a transition), then no
        // more often than an idle session.
        return RunningSchedule{ transitional.floor, transitional.fraction, std::max(transitional.cap, idle) }.interval(inState);
    case SessionState::NotStarted:
    case SessionState::Starting:
    case SessionState::Recovering:
    case SessionState::ShuttingDown:
        break;
    }
    return transitional.interval(inState);
}

milliseconds SessionListSchedule::interval(milliseconds sinceActivity, bool anyTransitional) const
{
    const double raw = double(std::max<qint64>(0, sinceActivity.count())) * growth;
    const qint64 hi = std::max(fast.count(), slow.count());
    qint64 ms = std::clamp<qint64>(qint64(std::llround(raw)), fast.count(), hi);
    if (anyTransitional)
        ms = std::min<qint64>(ms, std::max(fast.count(), transitional.count()));
    return milliseconds(ms);
}

milliseconds ErrorBackoff::interval(int failures, double unitRandom) const
{
    const int n = std::max(1, failures);
    const double capMs = double(std::max<qint64>(1, cap.count()));
    // Grow in doubles and stop early: factor^n overflows nothing this way.
    double raw = double(std::max<qint64>(1, base.count()));
    for (int i = 1; i < n && raw < capMs; ++i)
        raw *= std::max(1.0, factor);
    raw = std::min(raw, capMs);
    const double j = std::clamp(jitter, 0.0, 1.0);
    const double u = std::clamp(unitRandom, 0.0, 1.0);
    const double spread = 1.0 + j * (2.0 * u - 1.0);
    return milliseconds(qint64(std::llround(std::min(capMs, raw * spread))));
}

milliseconds KeepAliveSchedule::intervalFor(std::optional<milliseconds> sessionIdleTimeout) const
{
    milliseconds chosen = interval;
    if (sessionIdleTimeout && sessionIdleTimeout->count() > 0)
        chosen = std::min(chosen, *sessionIdleTimeout / 3);
    return std::max(chosen, std::min(minimum, interval));
}

std::optional<milliseconds> parseLivyDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(\d+)\s*(us|ms|s|m|min|h|d)?\s*$)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    const QString unit = m.captured(2).toLower();
    if (unit == QLatin1String("us"))
        return milliseconds(n / 1000);
    if (unit.isEmpty() || unit == QLatin1String("ms"))
        return milliseconds(n);
    if (unit == QLatin1String("s"))
        return std::chrono::seconds(n);
    if (unit == QLatin1String("m") || unit == QLatin1String("min"))
        return std::chrono::minutes(n);
    if (unit == QLatin1String("h"))
        return std::chrono::hours(n);
    return std::chrono::hours(24 * n);
}

milliseconds StepSchedule::interval(int attempt) const
{
    if (steps.isEmpty())
        return milliseconds(1000);
    return steps.at(std::clamp(attempt, 0, int(steps.size()) - 1));
}

} // namespace Livy
