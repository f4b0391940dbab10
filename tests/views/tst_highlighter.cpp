// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/builtinhighlighter.h"
#include "editor/codehighlighter.h"

#include <QPlainTextDocumentLayout>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QtTest>

using LivyDesk::BuiltinHighlighter;
using LivyDesk::CodeLanguage;
using Style = BuiltinHighlighter::Style;

namespace {

/// The colour the highlighter gave the character at (line, column), or an invalid colour for plain text.
QColor colourAt(const QTextDocument &document, int line, int column)
{
    const QTextBlock block = document.findBlockByNumber(line);
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (column >= range.start && column < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}

int stateOf(const QTextDocument &document, int line)
{
    return document.findBlockByNumber(line).userState();
}

} // namespace

class TestHighlighter : public QObject
{
    Q_OBJECT

    QTextDocument m_document;
    BuiltinHighlighter *m_highlighter = nullptr;

    QColor colour(Style style) const { return m_highlighter->styleFormat(style).foreground().color(); }
    void load(CodeLanguage language, const QString &text)
    {
        m_document.setPlainText(text);
        m_highlighter->setLanguage(language);
        m_highlighter->rehighlight();
    }
    /// Checks that `needle` (its n-th occurrence on `line`) starts with the given style.
    void expect(int line, const QString &needle, Style style, int occurrence = 0)
    {
        const QString text = m_document.findBlockByNumber(line).text();
        qsizetype at = -1;
        for (int i = 0; i <= occurrence; ++i)
            at = text.indexOf(needle, at + 1);
        QVERIFY2(at >= 0, qPrintable(QStringLiteral("'%1' not on line %2").arg(needle).arg(line)));
        QCOMPARE(colourAt(m_document, line, int(at)), colour(style));
        QCOMPARE(colourAt(m_document, line, int(at + needle.size() - 1)), colour(style));
    }
    void expectPlain(int line, const QString &needle)
    {
        const qsizetype at = m_document.findBlockByNumber(line).text().indexOf(needle);
        QVERIFY(at >= 0);
        QVERIFY2(!colourAt(m_document, line, int(at)).isValid(), qPrintable(needle));
    }

private Q_SLOTS:
    void init()
    {
        m_document.setDocumentLayout(new QPlainTextDocumentLayout(&m_document));
        m_highlighter = new BuiltinHighlighter(&m_document, this);
        m_highlighter->setDarkTheme(false);
    }
    void cleanup()
    {
        delete m_highlighter;
        m_highlighter = nullptr;
    }

    void stylesAreDistinct()
    {
        QSet<QRgb> seen;
        for (int s = 0; s < BuiltinHighlighter::StyleCount; ++s)
            seen.insert(colour(Style(s)).rgb());
        QCOMPARE(seen.size(), BuiltinHighlighter::StyleCount);
    }

    void pythonTokens()
    {
        load(CodeLanguage::Python, QStringLiteral("@udf(returnType='int')\n"
                                                  "def add(a, b=0x1F):\n"
                                                  "    return print(a + 3.5e-2, None)\n"));
        expect(0, QStringLiteral("@udf"), Style::Decorator);
        expect(0, QStringLiteral("'int'"), Style::String);
        expect(1, QStringLiteral("def"), Style::Keyword);
        expectPlain(1, QStringLiteral("add"));
        expect(1, QStringLiteral("0x1F"), Style::Number);
        expect(2, QStringLiteral("return"), Style::Keyword);
        expect(2, QStringLiteral("print"), Style::Builtin);
        expect(2, QStringLiteral("3.5e-2"), Style::Number);
        expect(2, QStringLiteral("None"), Style::Keyword);
    }

    void pythonCommentMarkerInsideStringStaysString()
    {
        load(CodeLanguage::Python, QStringLiteral("x = \"a # not a comment\"  # a comment 'quoted'\n"
                                                  "y = f'{x}#' + r\"\\d#\"\n"));
        expect(0, QStringLiteral("# not a comment"), Style::String);
        expect(0, QStringLiteral("# a comment 'quoted'"), Style::Comment);
        expect(1, QStringLiteral("f'{x}#'"), Style::String);
        expect(1, QStringLiteral("r\"\\d#\""), Style::String);
    }

    void pythonQuoteInsideCommentStaysComment()
    {
        load(CodeLanguage::Python, QStringLiteral("# it's \"not\" a string\nz = 1\n"));
        expect(0, QStringLiteral("it's \"not\" a string"), Style::Comment);
        QCOMPARE(stateOf(m_document, 0), int(BuiltinHighlighter::Normal));
        expect(1, QStringLiteral("1"), Style::Number);
    }

    void pythonTripleQuotedStringsSpanLines()
    {
        load(CodeLanguage::Python, QStringLiteral("s = \"\"\"first\n"
                                                  "# not a comment, 'quote' and def\n"
                                                  "end\"\"\" + 1\n"
                                                  "t = '''a\n"
                                                  "b''' if True else \"'''\"\n"
                                                  "u = 2\n"));
        expect(0, QStringLiteral("\"\"\"first"), Style::String);
        QCOMPARE(stateOf(m_document, 0), int(BuiltinHighlighter::InTripleDoubleQuote));
        expect(1, QStringLiteral("# not a comment, 'quote' and def"), Style::String);
        QCOMPARE(stateOf(m_document, 1), int(BuiltinHighlighter::InTripleDoubleQuote));
        expect(2, QStringLiteral("end\"\"\""), Style::String);
        expect(2, QStringLiteral("1"), Style::Number);
        QCOMPARE(stateOf(m_document, 2), int(BuiltinHighlighter::Normal));
        QCOMPARE(stateOf(m_document, 3), int(BuiltinHighlighter::InTripleSingleQuote));
        expect(4, QStringLiteral("b'''"), Style::String);
        expect(4, QStringLiteral("True"), Style::Keyword);
        // ''' inside a double-quoted string does not open a triple-quoted string
        expect(4, QStringLiteral("\"'''\""), Style::String);
        QCOMPARE(stateOf(m_document, 4), int(BuiltinHighlighter::Normal));
        expect(5, QStringLiteral("2"), Style::Number);
    }

    void editingClosesTheTripleQuote()
    {
        load(CodeLanguage::Python, QStringLiteral("s = \"\"\"open\nx = 1\n"));
        expect(1, QStringLiteral("x = 1"), Style::String);
        QTextCursor cursor(m_document.findBlockByNumber(0));
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertText(QStringLiteral("\"\"\""));
        expect(1, QStringLiteral("1"), Style::Number);
        expectPlain(1, QStringLiteral("x"));
    }

    void scalaTokensAndCommentMarkersInStrings()
    {
        load(CodeLanguage::Scala, QStringLiteral("val url = \"http://host/*x*/\" // comment \"q\"\n"
                                                 "@transient lazy val xs: List[Int] = List(1, 2L)\n"
                                                 "val c = '/' ; val s = s\"n=$n // no\"\n"));
        expect(0, QStringLiteral("val"), Style::Keyword);
        expect(0, QStringLiteral("\"http://host/*x*/\""), Style::String);
        expect(0, QStringLiteral("// comment \"q\""), Style::Comment);
        QCOMPARE(stateOf(m_document, 0), int(BuiltinHighlighter::Normal));
        expect(1, QStringLiteral("@transient"), Style::Decorator);
        expect(1, QStringLiteral("lazy"), Style::Keyword);
        expect(1, QStringLiteral("List"), Style::Type);
        expect(1, QStringLiteral("Int"), Style::Type);
        expect(1, QStringLiteral("2L"), Style::Number);
        expect(2, QStringLiteral("'/'"), Style::String);
        expect(2, QStringLiteral("s\"n=$n // no\""), Style::String);
    }

    void scalaNestedBlockComments()
    {
        load(CodeLanguage::Scala, QStringLiteral("/* a /* b */ still */ val x = 1\n"
                                                 "/* outer /* inner\n"
                                                 "*/ still \"comment\"\n"
                                                 "*/ val y = 2 /* tail\n"
                                                 "*/ def z = 3\n"));
        expect(0, QStringLiteral("still"), Style::Comment);
        expect(0, QStringLiteral("val"), Style::Keyword);
        expect(0, QStringLiteral("1"), Style::Number);
        QCOMPARE(stateOf(m_document, 1), int(BuiltinHighlighter::BlockCommentBase) + 2);
        expect(2, QStringLiteral("still \"comment\""), Style::Comment);
        QCOMPARE(stateOf(m_document, 2), int(BuiltinHighlighter::BlockCommentBase) + 1);
        expect(3, QStringLiteral("val"), Style::Keyword);
        expect(3, QStringLiteral("/* tail"), Style::Comment);
        QCOMPARE(stateOf(m_document, 3), int(BuiltinHighlighter::BlockCommentBase) + 1);
        expect(4, QStringLiteral("def"), Style::Keyword);
        QCOMPARE(stateOf(m_document, 4), int(BuiltinHighlighter::Normal));
    }

    void scalaTripleQuotedStringIsRaw()
    {
        load(CodeLanguage::Scala, QStringLiteral("val q = \"\"\"a \\\n"
                                                 "// inside\n"
                                                 "b\"\"\".stripMargin\n"));
        QCOMPARE(stateOf(m_document, 0), int(BuiltinHighlighter::InTripleDoubleQuote));
        expect(1, QStringLiteral("// inside"), Style::String);
        expect(2, QStringLiteral("b\"\"\""), Style::String);
        expectPlain(2, QStringLiteral("stripMargin"));
    }

    void rTokensAndMultiLineStrings()
    {
        load(CodeLanguage::R, QStringLiteral("df <- data.frame(x = c(1, 2), y = \"# no\") # yes\n"
                                             "s <- 'line one\n"
                                             "# still string'\n"
                                             "if (TRUE) print(NA)\n"));
        expect(0, QStringLiteral("data.frame"), Style::Builtin);
        expect(0, QStringLiteral("\"# no\""), Style::String);
        expect(0, QStringLiteral("# yes"), Style::Comment);
        QCOMPARE(stateOf(m_document, 1), int(BuiltinHighlighter::InSingleQuote));
        expect(2, QStringLiteral("# still string'"), Style::String);
        QCOMPARE(stateOf(m_document, 2), int(BuiltinHighlighter::Normal));
        expect(3, QStringLiteral("if"), Style::Keyword);
        expect(3, QStringLiteral("TRUE"), Style::Keyword);
        expect(3, QStringLiteral("NA"), Style::Keyword);
    }

    void sqlTokens()
    {
        load(CodeLanguage::Sql, QStringLiteral("select count(*) AS n, 'it''s -- fine' FROM t -- comment 'x'\n"
                                               "WHERE `weird--name` > 10 /* block\n"
                                               "still */ group by CAST(x AS BIGINT)\n"));
        expect(0, QStringLiteral("select"), Style::Keyword);
        expect(0, QStringLiteral("count"), Style::Builtin);
        expect(0, QStringLiteral("'it''s -- fine'"), Style::String);
        expect(0, QStringLiteral("FROM"), Style::Keyword);
        expect(0, QStringLiteral("-- comment 'x'"), Style::Comment);
        expectPlain(1, QStringLiteral("`weird--name`"));
        expect(1, QStringLiteral("10"), Style::Number);
        expect(1, QStringLiteral("/* block"), Style::Comment);
        QCOMPARE(stateOf(m_document, 1), int(BuiltinHighlighter::BlockCommentBase) + 1);
        expect(2, QStringLiteral("still */"), Style::Comment);
        expect(2, QStringLiteral("group"), Style::Keyword);
        expect(2, QStringLiteral("BIGINT"), Style::Type);
    }

    void sqlBlockCommentsDoNotNest()
    {
        load(CodeLanguage::Sql, QStringLiteral("/* a /* b */ SELECT 1\n"));
        expect(0, QStringLiteral("SELECT"), Style::Keyword);
        QCOMPARE(stateOf(m_document, 0), int(BuiltinHighlighter::Normal));
    }

    void plainTextHasNoFormats()
    {
        load(CodeLanguage::PlainText, QStringLiteral("def x # y\n"));
        QVERIFY(m_document.firstBlock().layout()->formats().isEmpty());
    }

    void darkThemeChangesFormats()
    {
        load(CodeLanguage::Python, QStringLiteral("def f(): pass  # c\n"));
        const QColor lightKeyword = colour(Style::Keyword);
        const QColor lightComment = colour(Style::Comment);
        m_highlighter->setDarkTheme(true);
        QVERIFY(m_highlighter->isDarkTheme());
        QVERIFY(colour(Style::Keyword) != lightKeyword);
        expect(0, QStringLiteral("def"), Style::Keyword);
        expect(0, QStringLiteral("# c"), Style::Comment);
        QVERIFY(colourAt(m_document, 0, 0) != lightKeyword);
        // Dark formats are light colours, light formats dark ones.
        QVERIFY(colour(Style::Comment).lightnessF() > 0.5);
        QVERIFY(lightComment.lightnessF() < 0.5);
    }

    void factoryPicksTheBuiltBackend()
    {
        QTextDocument document;
        document.setDocumentLayout(new QPlainTextDocumentLayout(&document));
        QObject owner;
        LivyDesk::CodeHighlighter *highlighter = LivyDesk::CodeHighlighter::create(&document, &owner);
        QVERIFY(highlighter);
        QCOMPARE(highlighter->backendName(), LivyDesk::CodeHighlighter::defaultBackendName());
        document.setPlainText(QStringLiteral("def f():\n    return 1  # done\n"));
        highlighter->setLanguage(CodeLanguage::Python);
        QCOMPARE(highlighter->language(), CodeLanguage::Python);
        QVERIFY(!document.firstBlock().layout()->formats().isEmpty());
        const QColor before = colourAt(document, 0, 0);
        highlighter->setDarkTheme(true);
        QVERIFY(highlighter->isDarkTheme());
        QVERIFY(colourAt(document, 0, 0) != before);
    }

    void darkPaletteDetection()
    {
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        QVERIFY(!LivyDesk::CodeHighlighter::isDarkPalette(light));
        QVERIFY(LivyDesk::CodeHighlighter::isDarkPalette(dark));
    }
};

QTEST_MAIN(TestHighlighter)
#include "tst_highlighter.moc"
