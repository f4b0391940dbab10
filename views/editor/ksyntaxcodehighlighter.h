// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Only compiled when CMake found KF6SyntaxHighlighting (LIVYDESK_HAVE_KSYNTAXHIGHLIGHTING); KF6 needs Qt >= 6.5.

#include "codehighlighter.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

namespace KSyntaxHighlighting {
class Repository;
}

namespace LivyDesk {

/// The KSyntaxHighlighting back end: KDE's definitions "Python", "Scala", "R Script" and "SQL", with the default
/// light or dark theme. The Repository loads every definition from disk, so one is shared per process.
class KSyntaxCodeHighlighter : public KSyntaxHighlighting::SyntaxHighlighter, public CodeHighlighter
{
    Q_OBJECT
public:
    KSyntaxCodeHighlighter(QTextDocument *document, QObject *owner);

    void setLanguage(CodeLanguage language) override;
    CodeLanguage language() const override { return m_language; }
    void setDarkTheme(bool dark) override;
    bool isDarkTheme() const override { return m_dark; }
    QString backendName() const override { return QStringLiteral("KSyntaxHighlighting"); }

    static KSyntaxHighlighting::Repository &repository();

private:
    CodeLanguage m_language = CodeLanguage::PlainText;
    bool m_dark = false;
};

} // namespace LivyDesk
