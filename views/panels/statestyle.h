// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QColor>
#include <QIcon>

class QPalette;

namespace LivyDesk {

/// How session and statement states look, in one place: a colour that reads on the palette's base (light or
/// dark) and a round badge icon. Models serve raw states; this is the Gui side of them.
namespace StateStyle {

enum class Tone { Neutral, Waiting, Active, Good, Bad, Warning };

Tone toneFor(Livy::SessionState state);
Tone toneFor(Livy::StatementState state, bool outputIsError);
QColor colour(Tone tone, const QPalette &palette);
/// A filled circle (busy/running states get a ring) in the tone's colour, for tables and tabs.
QIcon badge(Tone tone, const QPalette &palette, bool ring = false);
QIcon sessionBadge(Livy::SessionState state, const QPalette &palette);
/// A short human label: "Idle", "Starting…", "Dead".
QString sessionStateLabel(Livy::SessionState state, const QString &rawName = {});

} // namespace StateStyle

} // namespace LivyDesk
