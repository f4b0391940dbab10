// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace LivyDesk {

/// The application's action icons, from one place. Each is looked up as the desktop theme's icon first (native
/// look), then as an SVG in the resources (:/icons/<name>.svg, added by packaging), and otherwise painted as a
/// vector at whatever size and device-pixel ratio is asked for, in the palette's text colour at paint time, so it
/// is crisp on high-DPI screens and readable in dark palettes.
enum class AppIcon {
    NewSession,
    Refresh,
    Run,
    RunSelection,
    Cancel,
    Delete,
    Copy,
    Open,
    Save,
    Complete,
    Server,
    Log,
    Browser,
    Settings,
    Session,
    Follow,
};

QIcon appIcon(AppIcon icon);
/// The freedesktop name looked up in the theme ("media-playback-start") and the resource file stem.
QString appIconThemeName(AppIcon icon);

} // namespace LivyDesk
