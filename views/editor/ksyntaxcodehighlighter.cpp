// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ksyntaxcodehighlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

namespace LivyDesk {

namespace {
QString definitionName(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Python: return QStringLiteral("Python");
    case CodeLanguage::Scala: return QStringLiteral("Scala");
    case CodeLanguage::R: return QStringLiteral("R Script");
    case CodeLanguage::Sql: return QStringLiteral("SQL");
    case CodeLanguage::PlainText: break;
    }
    return {};
}
} // namespace

KSyntaxHighlighting::Repository &KSyntaxCodeHighlighter::repository()
{
    static KSyntaxHighlighting::Repository shared;
    return shared;
}

KSyntaxCodeHighlighter::KSyntaxCodeHighlighter(QTextDocument *document, QObject *owner)
    : KSyntaxHighlighting::SyntaxHighlighter(owner)
{
    setDarkTheme(false);
    setDocument(document);
}

void KSyntaxCodeHighlighter::setLanguage(CodeLanguage language)
{
    m_language = language;
    const QString name = definitionName(language);
    // An invalid Definition highlights nothing, which is right for plain text.
    setDefinition(name.isEmpty() ? KSyntaxHighlighting::Definition() : repository().definitionForName(name));
    rehighlight();
}

void KSyntaxCodeHighlighter::setDarkTheme(bool dark)
{
    m_dark = dark;
    setTheme(repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                            : KSyntaxHighlighting::Repository::LightTheme));
    rehighlight();
}

} // namespace LivyDesk
