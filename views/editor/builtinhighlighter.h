// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codehighlighter.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace LivyDesk {

struct LanguageRules;

/// The built-in back end: a table of rules per language (keywords, builtins, comment and string syntax) and one
/// scanner that walks each line left to right, so a comment marker inside a string stays part of the string and a
/// quote inside a comment stays part of the comment. Constructs that span lines (Python triple-quoted strings,
/// Scala triple-quoted strings, R strings, SQL block comments and nested Scala block comments) are carried from
/// line to line in the block state (see BlockState).
class BuiltinHighlighter : public QSyntaxHighlighter, public CodeHighlighter
{
    Q_OBJECT
public:
    /// What a span of code is. Each style has one light and one dark format.
    enum class Style { Keyword, Builtin, Type, String, Number, Comment, Decorator };
    static constexpr int StyleCount = 7;

    /// The state a line leaves for the next one. Block comments store their nesting depth as
    /// BlockCommentBase + depth (SQL comments do not nest, so their depth is always 1).
    enum BlockState {
        Normal = 0,
        InTripleDoubleQuote = 1, ///< Python or Scala """
        InTripleSingleQuote = 2, ///< Python '''
        InDoubleQuote = 3,       ///< R "…" across lines
        InSingleQuote = 4,       ///< R '…' across lines
        BlockCommentBase = 100,
    };

    BuiltinHighlighter(QTextDocument *document, QObject *owner);
    ~BuiltinHighlighter() override;

    void setLanguage(CodeLanguage language) override;
    CodeLanguage language() const override { return m_language; }
    void setDarkTheme(bool dark) override;
    bool isDarkTheme() const override { return m_dark; }
    QString backendName() const override { return QStringLiteral("built-in"); }

    /// The language's keywords, builtins and type names (for the editor's own completion).
    static QStringList vocabulary(CodeLanguage language);

    /// The format used for a style in the current theme (tests compare highlighted ranges against it).
    QTextCharFormat styleFormat(Style style) const { return m_formats.at(static_cast<size_t>(style)); }

protected:
    void highlightBlock(const QString &text) override;

private:
    void apply(int start, int length, Style style);
    /// Continues a multi-line construct from the previous line; returns where normal scanning resumes, or -1.
    int continueString(const QString &text, int state);
    int continueBlockComment(const QString &text, int from, int depth);
    int scanString(const QString &text, int start, int quoteStart);
    int scanWord(const QString &text, int start);

    CodeLanguage m_language = CodeLanguage::PlainText;
    const LanguageRules *m_rules = nullptr;
    bool m_dark = false;
    std::array<QTextCharFormat, StyleCount> m_formats;
};

} // namespace LivyDesk
