// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the output widgets so they look alike and stay readable in light and dark palettes.

#include <QColor>
#include <QFont>
#include <QKeySequence>
#include <QString>

class QAction;
class QPalette;
class QToolButton;
class QWidget;

namespace LivyDesk::OutputStyle {

/// The system's fixed-pitch font at the application's point size.
QFont monospaceFont();
/// True for dark palettes (window colour darker than mid grey).
bool isDark(const QPalette &palette);
/// Text colour for secondary information (counts, notes, "null").
QColor mutedText(const QPalette &palette);
/// Prominent colour for error names, readable on the palette's window colour.
QColor errorText(const QPalette &palette);
/// A subtle tinted background for notes and warnings.
QColor noteBackground(const QPalette &palette);
QColor noteBorder(const QPalette &palette);
/// Colours of JSON value kinds (strings, numbers, keywords) for the tree.
QColor jsonString(const QPalette &palette);
QColor jsonNumber(const QPalette &palette);
QColor jsonKeyword(const QPalette &palette);

/// A tool button in the style of the output toolbars: text beside icon, auto-raise, accessible name set, and
/// the shortcut (if any) shown in the tooltip.
QToolButton *toolButton(const QString &text, const QString &toolTip, QWidget *parent);
/// Creates an action on `parent` that fires on `shortcut` while the focus is inside `parent`.
QAction *shortcutAction(QWidget *parent, const QKeySequence &shortcut);
/// "Save (Ctrl+S)" style tooltip text.
QString withShortcut(const QString &text, const QKeySequence &shortcut);

} // namespace LivyDesk::OutputStyle
