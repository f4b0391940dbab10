// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "codehighlighter.h"

#include "builtinhighlighter.h"
#ifdef LIVYDESK_HAVE_KSYNTAXHIGHLIGHTING
#include "ksyntaxcodehighlighter.h"
#endif

#include <QPalette>

namespace LivyDesk {

CodeHighlighter::~CodeHighlighter() = default;

CodeHighlighter *CodeHighlighter::create(QTextDocument *document, QObject *owner)
{
#ifdef LIVYDESK_HAVE_KSYNTAXHIGHLIGHTING
    return new KSyntaxCodeHighlighter(document, owner);
#else
    return new BuiltinHighlighter(document, owner);
#endif
}

QString CodeHighlighter::defaultBackendName()
{
#ifdef LIVYDESK_HAVE_KSYNTAXHIGHLIGHTING
    return QStringLiteral("KSyntaxHighlighting");
#else
    return QStringLiteral("built-in");
#endif
}

bool CodeHighlighter::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace LivyDesk
