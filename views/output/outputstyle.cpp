// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputstyle.h"

#include <QAction>
#include <QApplication>
#include <QFontDatabase>
#include <QPalette>
#include <QToolButton>

namespace LivyDesk::OutputStyle {

QFont monospaceFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QFont app = QApplication::font();
    if (app.pointSizeF() > 0)
        font.setPointSizeF(app.pointSizeF());
    font.setStyleHint(QFont::Monospace);
    return font;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor mutedText(const QPalette &palette)
{
    QColor c = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    // Halfway between text and background keeps contrast above 4.5:1 for usual palettes.
    return QColor((c.red() * 3 + base.red() * 2) / 5, (c.green() * 3 + base.green() * 2) / 5,
                  (c.blue() * 3 + base.blue() * 2) / 5);
}

QColor errorText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

QColor noteBackground(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4a, 0x3f, 0x1c) : QColor(0xff, 0xf4, 0xce);
}

QColor noteBorder(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x8a, 0x73, 0x2a) : QColor(0xe0, 0xc0, 0x5a);
}

QColor jsonString(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x9c, 0xdc, 0x8c) : QColor(0x1a, 0x7f, 0x37);
}

QColor jsonNumber(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x79, 0xc0, 0xff) : QColor(0x09, 0x5a, 0xb5);
}

QColor jsonKeyword(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x3f, 0xc6);
}

QString withShortcut(const QString &text, const QKeySequence &shortcut)
{
    if (shortcut.isEmpty())
        return text;
    return QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
}

QToolButton *toolButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QChar(0x2026)).trimmed());
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

QAction *shortcutAction(QWidget *parent, const QKeySequence &shortcut)
{
    auto *action = new QAction(parent);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    parent->addAction(action);
    return action;
}

} // namespace LivyDesk::OutputStyle
