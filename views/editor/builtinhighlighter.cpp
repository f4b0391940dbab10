// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinhighlighter.h"

#include <QColor>
#include <QFont>
#include <QSet>
#include <QStringView>

namespace LivyDesk {

/// One language's lexical rules. The scanner in highlightBlock() is the same for every language.
struct LanguageRules
{
    QSet<QString> keywords;
    QSet<QString> builtins;
    QSet<QString> types;
    bool caseInsensitive = false;       ///< SQL: words are looked up upper-cased
    QString lineComment;                ///< "#", "//" or "--"
    bool blockComments = false;         ///< /* … */
    bool nestedBlockComments = false;   ///< Scala: /* /* */ */ is one comment
    QString quotes;                     ///< characters that open a string
    QString tripleQuotes;               ///< quote characters that may be tripled ("""…""")
    bool escapesInTripleQuotes = true;  ///< Scala's """…""" is raw
    bool multiLineStrings = false;      ///< R: an ordinary string may span lines
    bool doubledQuoteEscapes = false;   ///< SQL: 'it''s'
    QSet<QString> stringPrefixes;       ///< lower-case: Python r/b/f/u…, Scala s/f/raw
    bool decorators = false;            ///< @decorator / @annotation
    bool dotInIdentifiers = false;      ///< R: data.frame, .libPaths
    bool backtickNames = false;         ///< `quoted name`
    bool capitalizedTypes = false;      ///< Scala: an identifier starting upper-case is a type
    bool charLiterals = false;          ///< Scala: 'a', '\n'
};

namespace {

QSet<QString> words(const char *list)
{
    QSet<QString> set;
    const QStringList parts = QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : parts)
        set.insert(w);
    return set;
}

const LanguageRules &pythonRules()
{
    static const LanguageRules rules = [] {
        LanguageRules r;
        r.keywords = words("False None True and as assert async await break class continue def del elif else except "
                           "finally for from global if import in is lambda nonlocal not or pass raise return try while "
                           "with yield match case");
        r.builtins = words("abs all any bin bool bytearray bytes callable chr classmethod dict dir divmod enumerate "
                           "eval exec filter float format frozenset getattr globals hasattr hash help hex id input int "
                           "isinstance issubclass iter len list locals map max min next object oct open ord pow print "
                           "property range repr reversed round set setattr slice sorted staticmethod str sum super "
                           "tuple type vars zip self cls Exception ValueError TypeError KeyError IndexError "
                           "RuntimeError NotImplementedError AttributeError");
        r.lineComment = QStringLiteral("#");
        r.quotes = QStringLiteral("\"'");
        r.tripleQuotes = QStringLiteral("\"'");
        r.stringPrefixes = words("r u b f br rb fr rf");
        r.decorators = true;
        return r;
    }();
    return rules;
}

const LanguageRules &scalaRules()
{
    static const LanguageRules rules = [] {
        LanguageRules r;
        r.keywords = words("abstract case catch class def do else enum export extends false final finally for forSome "
                           "given if implicit import lazy match new null object override package private protected "
                           "return sealed super then this throw trait try true type using val var while with yield");
        r.builtins = words("println print printf require assert assume implicitly classOf isInstanceOf asInstanceOf "
                           "identity");
        r.lineComment = QStringLiteral("//");
        r.blockComments = true;
        r.nestedBlockComments = true;
        r.quotes = QStringLiteral("\"");
        r.tripleQuotes = QStringLiteral("\"");
        r.escapesInTripleQuotes = false;
        r.stringPrefixes = words("s f raw");
        r.decorators = true;
        r.backtickNames = true;
        r.capitalizedTypes = true;
        r.charLiterals = true;
        return r;
    }();
    return rules;
}

const LanguageRules &rRules()
{
    static const LanguageRules rules = [] {
        LanguageRules r;
        r.keywords = words("if else repeat while function for in next break TRUE FALSE NULL Inf NaN NA NA_integer_ "
                           "NA_real_ NA_character_ NA_complex_");
        r.builtins = words("c list vector matrix array data.frame factor library require print cat paste paste0 "
                           "length names sum mean median sd var min max range seq seq_len seq_along rep apply lapply "
                           "sapply vapply mapply head tail nrow ncol dim str summary return invisible stop warning "
                           "message tryCatch is.na is.null as.numeric as.integer as.character as.data.frame levels "
                           "unique sort order which plot hist sparkR.session createDataFrame collect sql showDF");
        r.lineComment = QStringLiteral("#");
        r.quotes = QStringLiteral("\"'");
        r.multiLineStrings = true;
        r.dotInIdentifiers = true;
        r.backtickNames = true;
        return r;
    }();
    return rules;
}

const LanguageRules &sqlRules()
{
    static const LanguageRules rules = [] {
        LanguageRules r;
        r.keywords = words(
            "SELECT FROM WHERE GROUP BY ORDER HAVING LIMIT OFFSET JOIN INNER LEFT RIGHT FULL OUTER CROSS SEMI ANTI "
            "NATURAL ON USING AS AND OR NOT IN IS NULL LIKE ILIKE RLIKE REGEXP BETWEEN EXISTS CASE WHEN THEN ELSE END "
            "DISTINCT ALL ANY SOME UNION INTERSECT EXCEPT MINUS INSERT INTO OVERWRITE VALUES UPDATE DELETE MERGE "
            "CREATE REPLACE TABLE VIEW TEMPORARY TEMP GLOBAL DATABASE SCHEMA FUNCTION DROP ALTER ADD COLUMN COLUMNS "
            "RENAME TO IF PARTITION PARTITIONED CLUSTERED SORTED BUCKETS DISTRIBUTE CLUSTER SORT ASC DESC NULLS FIRST "
            "LAST SHOW DESCRIBE EXTENDED FORMATTED DATABASES TABLES FUNCTIONS CACHE UNCACHE LAZY REFRESH SET RESET "
            "TRUE FALSE EXPLAIN LATERAL WITH OVER WINDOW ROWS RANGE PRECEDING FOLLOWING UNBOUNDED CURRENT ROW "
            "INTERVAL LOCATION STORED TBLPROPERTIES OPTIONS COMMENT ANALYZE COMPUTE STATISTICS USE TABLESAMPLE PIVOT "
            "UNPIVOT FILTER QUALIFY");
        r.builtins = words(
            "COUNT SUM AVG MIN MAX COALESCE NVL IFNULL NULLIF CAST TRY_CAST CONCAT CONCAT_WS SUBSTRING SUBSTR LOWER "
            "UPPER TRIM LENGTH ROUND FLOOR CEIL ABS EXPLODE POSEXPLODE COLLECT_LIST COLLECT_SET SIZE ROW_NUMBER RANK "
            "DENSE_RANK LAG LEAD FIRST_VALUE LAST_VALUE DATE_FORMAT TO_DATE TO_TIMESTAMP CURRENT_DATE "
            "CURRENT_TIMESTAMP YEAR MONTH DAY HOUR DATEDIFF DATE_ADD DATE_SUB SPLIT REGEXP_REPLACE REGEXP_EXTRACT "
            "GREATEST LEAST APPROX_COUNT_DISTINCT PERCENTILE PERCENTILE_APPROX STDDEV VARIANCE");
        r.types = words("INT INTEGER BIGINT SMALLINT TINYINT BOOLEAN DOUBLE FLOAT REAL DECIMAL NUMERIC STRING VARCHAR "
                        "CHAR BINARY DATE TIMESTAMP TIMESTAMP_NTZ ARRAY MAP STRUCT");
        r.caseInsensitive = true;
        r.lineComment = QStringLiteral("--");
        r.blockComments = true;
        r.quotes = QStringLiteral("'\"");
        r.doubledQuoteEscapes = true;
        r.backtickNames = true;
        return r;
    }();
    return rules;
}

const LanguageRules *rulesFor(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Python: return &pythonRules();
    case CodeLanguage::Scala: return &scalaRules();
    case CodeLanguage::R: return &rRules();
    case CodeLanguage::Sql: return &sqlRules();
    case CodeLanguage::PlainText: break;
    }
    return nullptr;
}

QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(color);
    if (bold)
        format.setFontWeight(QFont::DemiBold);
    if (italic)
        format.setFontItalic(true);
    return format;
}

} // namespace

QStringList BuiltinHighlighter::vocabulary(CodeLanguage language)
{
    const LanguageRules *rules = rulesFor(language);
    if (!rules)
        return {};
    QStringList words;
    for (const QSet<QString> *set : { &rules->keywords, &rules->builtins, &rules->types })
        for (const QString &w : *set)
            words.append(w);
    words.sort();
    return words;
}

BuiltinHighlighter::BuiltinHighlighter(QTextDocument *document, QObject *owner)
    : QSyntaxHighlighter(owner)
{
    setDarkTheme(false);
    setDocument(document);
}

BuiltinHighlighter::~BuiltinHighlighter() = default;

void BuiltinHighlighter::setLanguage(CodeLanguage language)
{
    if (language == m_language && (m_rules != nullptr || language == CodeLanguage::PlainText))
        return;
    m_language = language;
    m_rules = rulesFor(language);
    rehighlight();
}

void BuiltinHighlighter::setDarkTheme(bool dark)
{
    m_dark = dark;
    // Colours chosen for at least 4.5:1 contrast on the default light (white) and dark (#1e1e1e-ish) bases.
    auto set = [this](Style style, const QTextCharFormat &format) { m_formats[static_cast<size_t>(style)] = format; };
    if (dark) {
        set(Style::Keyword, makeFormat(QColor(0x82, 0xaa, 0xff), true));
        set(Style::Builtin, makeFormat(QColor(0xc7, 0x92, 0xea)));
        set(Style::Type, makeFormat(QColor(0x4e, 0xc9, 0xb0)));
        set(Style::String, makeFormat(QColor(0xa5, 0xd6, 0x7f)));
        set(Style::Number, makeFormat(QColor(0xf7, 0x8c, 0x6c)));
        set(Style::Comment, makeFormat(QColor(0x9a, 0xa2, 0xb1), false, true));
        set(Style::Decorator, makeFormat(QColor(0xff, 0xcb, 0x6b)));
    } else {
        set(Style::Keyword, makeFormat(QColor(0x1a, 0x44, 0xb8), true));
        set(Style::Builtin, makeFormat(QColor(0x7a, 0x2e, 0xb8)));
        set(Style::Type, makeFormat(QColor(0x0b, 0x6e, 0x66)));
        set(Style::String, makeFormat(QColor(0x1b, 0x7a, 0x2e)));
        set(Style::Number, makeFormat(QColor(0xa8, 0x4a, 0x00)));
        set(Style::Comment, makeFormat(QColor(0x5f, 0x67, 0x73), false, true));
        set(Style::Decorator, makeFormat(QColor(0x8a, 0x5a, 0x00)));
    }
    rehighlight();
}

void BuiltinHighlighter::apply(int start, int length, Style style)
{
    if (length > 0)
        setFormat(start, length, m_formats[static_cast<size_t>(style)]);
}

int BuiltinHighlighter::continueString(const QString &text, int state)
{
    QString delimiter;
    bool escapes = true;
    switch (state) {
    case InTripleDoubleQuote:
        delimiter = QStringLiteral("\"\"\"");
        escapes = m_rules->escapesInTripleQuotes;
        break;
    case InTripleSingleQuote:
        delimiter = QStringLiteral("'''");
        escapes = m_rules->escapesInTripleQuotes;
        break;
    case InDoubleQuote: delimiter = QStringLiteral("\""); break;
    case InSingleQuote: delimiter = QStringLiteral("'"); break;
    default: return 0; // a state from another language: start afresh
    }
    const int n = int(text.size());
    for (int j = 0; j < n;) {
        if (escapes && text.at(j) == QLatin1Char('\\')) {
            j += 2;
            continue;
        }
        if (QStringView(text).mid(j).startsWith(delimiter)) {
            const int end = j + int(delimiter.size());
            apply(0, end, Style::String);
            return end;
        }
        ++j;
    }
    apply(0, n, Style::String);
    setCurrentBlockState(state);
    return -1;
}

int BuiltinHighlighter::continueBlockComment(const QString &text, int from, int depth)
{
    // The comment runs from `from` (the start of the line, or its opening "/*") to the matching "*/".
    const int n = int(text.size());
    const int start = from;
    int j = from;
    if (depth == 0) { // opening on this line: skip the "/*"
        j += 2;
        depth = 1;
    }
    while (j < n) {
        if (m_rules->nestedBlockComments && text.at(j) == QLatin1Char('/') && j + 1 < n
            && text.at(j + 1) == QLatin1Char('*')) {
            ++depth;
            j += 2;
        } else if (text.at(j) == QLatin1Char('*') && j + 1 < n && text.at(j + 1) == QLatin1Char('/')) {
            --depth;
            j += 2;
            if (depth == 0) {
                apply(start, j - start, Style::Comment);
                return j;
            }
        } else {
            ++j;
        }
    }
    apply(start, n - start, Style::Comment);
    setCurrentBlockState(BlockCommentBase + depth);
    return -1;
}

int BuiltinHighlighter::scanString(const QString &text, int start, int quoteStart)
{
    const LanguageRules &r = *m_rules;
    const int n = int(text.size());
    const QChar q = text.at(quoteStart);
    const QString triple(3, q);
    if (r.tripleQuotes.contains(q) && QStringView(text).mid(quoteStart).startsWith(triple)) {
        for (int j = quoteStart + 3; j < n;) {
            if (r.escapesInTripleQuotes && text.at(j) == QLatin1Char('\\')) {
                j += 2;
                continue;
            }
            if (QStringView(text).mid(j).startsWith(triple)) {
                apply(start, j + 3 - start, Style::String);
                return j + 3;
            }
            ++j;
        }
        apply(start, n - start, Style::String);
        setCurrentBlockState(q == QLatin1Char('"') ? InTripleDoubleQuote : InTripleSingleQuote);
        return n;
    }
    for (int j = quoteStart + 1; j < n;) {
        const QChar ch = text.at(j);
        if (ch == QLatin1Char('\\')) {
            j += 2;
            continue;
        }
        if (ch == q) {
            if (r.doubledQuoteEscapes && j + 1 < n && text.at(j + 1) == q) {
                j += 2;
                continue;
            }
            apply(start, j + 1 - start, Style::String);
            return j + 1;
        }
        ++j;
    }
    // Unterminated: the rest of the line is string; only R carries it on to the next line.
    apply(start, n - start, Style::String);
    if (r.multiLineStrings)
        setCurrentBlockState(q == QLatin1Char('"') ? InDoubleQuote : InSingleQuote);
    return n;
}

int BuiltinHighlighter::scanWord(const QString &text, int start)
{
    const int n = int(text.size());
    int j = start;
    while (j < n) {
        const QChar ch = text.at(j);
        if (ch.isLetterOrNumber() || ch == QLatin1Char('_') || (m_rules->dotInIdentifiers && ch == QLatin1Char('.')))
            ++j;
        else
            break;
    }
    return j;
}

void BuiltinHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Normal);
    if (!m_rules)
        return;
    const LanguageRules &r = *m_rules;
    const int n = int(text.size());
    int i = 0;
    const int previous = previousBlockState();
    if (previous >= BlockCommentBase) {
        if (!r.blockComments)
            i = 0;
        else if ((i = continueBlockComment(text, 0, previous - BlockCommentBase)) < 0)
            return;
    } else if (previous > Normal) {
        if ((i = continueString(text, previous)) < 0)
            return;
    }

    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (!r.lineComment.isEmpty() && QStringView(text).mid(i).startsWith(r.lineComment)) {
            apply(i, n - i, Style::Comment);
            return;
        }
        if (r.blockComments && c == QLatin1Char('/') && i + 1 < n && text.at(i + 1) == QLatin1Char('*')) {
            i = continueBlockComment(text, i, 0);
            if (i < 0)
                return;
            continue;
        }
        if (r.quotes.contains(c)) {
            i = scanString(text, i, i);
            continue;
        }
        if (r.charLiterals && c == QLatin1Char('\'')) {
            // 'a' or '\n' or '\u0041'; a lone quote (an old Scala symbol) is left alone.
            int end = -1;
            if (i + 2 < n && text.at(i + 1) != QLatin1Char('\\') && text.at(i + 2) == QLatin1Char('\''))
                end = i + 3;
            else if (i + 1 < n && text.at(i + 1) == QLatin1Char('\\'))
                end = int(text.indexOf(QLatin1Char('\''), i + 3)) + 1;
            if (end > i && end - i <= 8) {
                apply(i, end - i, Style::String);
                i = end;
            } else {
                ++i;
            }
            continue;
        }
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && text.at(i + 1).isDigit())) {
            int j = i + 1;
            while (j < n) {
                const QChar ch = text.at(j);
                const QChar before = text.at(j - 1);
                if (ch.isLetterOrNumber() || ch == QLatin1Char('_'))
                    ++j;
                else if (ch == QLatin1Char('.') && (j + 1 >= n || !text.at(j + 1).isLetter()))
                    ++j;
                else if ((ch == QLatin1Char('+') || ch == QLatin1Char('-'))
                         && (before == QLatin1Char('e') || before == QLatin1Char('E'))
                         && !text.mid(i, 2).startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
                    ++j;
                else
                    break;
            }
            apply(i, j - i, Style::Number);
            i = j;
            continue;
        }
        if (c.isLetter() || c == QLatin1Char('_') || (r.dotInIdentifiers && c == QLatin1Char('.'))) {
            const int j = scanWord(text, i);
            const QString word = text.mid(i, j - i);
            if (j < n && r.quotes.contains(text.at(j)) && r.stringPrefixes.contains(word.toLower())) {
                i = scanString(text, i, j);
                continue;
            }
            const QString key = r.caseInsensitive ? word.toUpper() : word;
            if (r.keywords.contains(key))
                apply(i, j - i, Style::Keyword);
            else if (r.builtins.contains(key))
                apply(i, j - i, Style::Builtin);
            else if (r.types.contains(key) || (r.capitalizedTypes && word.at(0).isUpper()))
                apply(i, j - i, Style::Type);
            i = j;
            continue;
        }
        if (r.decorators && c == QLatin1Char('@') && i + 1 < n
            && (text.at(i + 1).isLetter() || text.at(i + 1) == QLatin1Char('_'))) {
            int j = i + 1;
            while (j < n && (text.at(j).isLetterOrNumber() || text.at(j) == QLatin1Char('_')
                             || text.at(j) == QLatin1Char('.')))
                ++j;
            apply(i, j - i, Style::Decorator);
            i = j;
            continue;
        }
        if (r.backtickNames && c == QLatin1Char('`')) {
            const qsizetype close = text.indexOf(QLatin1Char('`'), i + 1);
            i = close < 0 ? n : int(close) + 1;
            continue;
        }
        ++i;
    }
}

} // namespace LivyDesk
