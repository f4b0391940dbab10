// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codelanguage.h"

#include <QString>

class QObject;
class QPalette;
class QTextDocument;

namespace LivyDesk {

/// The one small interface over the two syntax-highlighting back ends: KSyntaxHighlighting (KF6, compiled only
/// when CMake found it: LIVYDESK_HAVE_KSYNTAXHIGHLIGHTING) and the built-in table-driven highlighter. The editor
/// only talks to this interface, so the back end is a build-time choice that no caller sees.
///
/// Implementations are QSyntaxHighlighter subclasses owned (QObject parent) by whoever created them.
class CodeHighlighter
{
public:
    virtual ~CodeHighlighter();

    /// Switches the rules (re-highlights the whole document).
    virtual void setLanguage(CodeLanguage language) = 0;
    virtual CodeLanguage language() const = 0;
    /// Light or dark formats. Call again when the palette changes.
    virtual void setDarkTheme(bool dark) = 0;
    virtual bool isDarkTheme() const = 0;
    /// "KSyntaxHighlighting" or "built-in": shown in About and used by tests.
    virtual QString backendName() const = 0;

    /// Creates the best back end compiled into this build for `document`, owned by `owner`.
    static CodeHighlighter *create(QTextDocument *document, QObject *owner);
    /// The name of the back end create() picks in this build.
    static QString defaultBackendName();
    /// True when text is drawn light on dark in this palette (judged on the text-entry background).
    static bool isDarkPalette(const QPalette &palette);
};

} // namespace LivyDesk
