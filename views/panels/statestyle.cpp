// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statestyle.h"

#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace LivyDesk::StateStyle {

Tone toneFor(Livy::SessionState state)
{
    using S = Livy::SessionState;
    switch (state) {
    case S::NotStarted:
    case S::Starting:
    case S::Recovering: return Tone::Waiting;
    case S::Idle:
    case S::Success: return Tone::Good;
    case S::Busy:
    case S::Running: return Tone::Active;
    case S::ShuttingDown: return Tone::Warning;
    case S::Error:
    case S::Dead:
    case S::Killed: return Tone::Bad;
    case S::Unknown: break;
    }
    return Tone::Neutral;
}

Tone toneFor(Livy::StatementState state, bool outputIsError)
{
    using S = Livy::StatementState;
    switch (state) {
    case S::Waiting: return Tone::Waiting;
    case S::Running: return Tone::Active;
    case S::Available: return outputIsError ? Tone::Bad : Tone::Good;
    case S::Error: return Tone::Bad;
    case S::Cancelling:
    case S::Cancelled: return Tone::Warning;
    case S::Unknown: break;
    }
    return Tone::Neutral;
}

QColor colour(Tone tone, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    switch (tone) {
    case Tone::Waiting: return dark ? QColor(0xe0, 0xb0, 0x4c) : QColor(0x9a, 0x6a, 0x00);
    case Tone::Active: return dark ? QColor(0x6c, 0xb0, 0xff) : QColor(0x1a, 0x5f, 0xc4);
    case Tone::Good: return dark ? QColor(0x5c, 0xc9, 0x7a) : QColor(0x1b, 0x7f, 0x3a);
    case Tone::Bad: return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x23, 0x23);
    case Tone::Warning: return dark ? QColor(0xf0, 0x9a, 0x5a) : QColor(0xb3, 0x4d, 0x00);
    case Tone::Neutral: break;
    }
    QColor c = palette.color(QPalette::Text);
    c.setAlphaF(0.6f);
    return c;
}

QIcon badge(Tone tone, const QPalette &palette, bool ring)
{
    QIcon icon;
    const QColor c = colour(tone, palette);
    for (const int size : { 16, 32 }) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal r = size * 0.28;
        const QPointF centre(size / 2.0, size / 2.0);
        if (ring) {
            p.setPen(QPen(c, size / 8.0));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(centre, r + size / 16.0, r + size / 16.0);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(centre, r * 0.55, r * 0.55);
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(centre, r, r);
        }
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

QIcon sessionBadge(Livy::SessionState state, const QPalette &palette)
{
    return badge(toneFor(state), palette, state == Livy::SessionState::Busy || Livy::isStarting(state));
}

QString sessionStateLabel(Livy::SessionState state, const QString &rawName)
{
    using S = Livy::SessionState;
    switch (state) {
    case S::NotStarted: return QStringLiteral("Not started");
    case S::Starting: return QStringLiteral("Starting…");
    case S::Recovering: return QStringLiteral("Recovering…");
    case S::Idle: return QStringLiteral("Idle");
    case S::Busy: return QStringLiteral("Busy");
    case S::Running: return QStringLiteral("Running");
    case S::ShuttingDown: return QStringLiteral("Shutting down…");
    case S::Error: return QStringLiteral("Error");
    case S::Dead: return QStringLiteral("Dead");
    case S::Killed: return QStringLiteral("Killed");
    case S::Success: return QStringLiteral("Finished");
    case S::Unknown: break;
    }
    return rawName.isEmpty() ? QStringLiteral("Unknown") : rawName;
}

} // namespace LivyDesk::StateStyle
