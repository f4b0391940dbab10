// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/codeeditor.h"
#include "editor/codehighlighter.h"
#include "editor/editorpanel.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtTest>

using LivyDesk::CodeEditor;
using LivyDesk::CodeLanguage;
using LivyDesk::EditorPanel;

class TestCodeEditor : public QObject
{
    Q_OBJECT

    std::unique_ptr<CodeEditor> m_editor;

    void setText(const QString &text, int cursorPosition = -1)
    {
        m_editor->setPlainText(text);
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(cursorPosition < 0 ? int(text.size()) : cursorPosition);
        m_editor->setTextCursor(cursor);
    }
    void moveCursorTo(const QString &needle, int offset = 0)
    {
        const qsizetype at = m_editor->toPlainText().indexOf(needle);
        QVERIFY(at >= 0);
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(int(at) + offset);
        m_editor->setTextCursor(cursor);
    }

private Q_SLOTS:
    void init()
    {
        m_editor = std::make_unique<CodeEditor>();
        m_editor->resize(600, 400);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }
    void cleanup() { m_editor.reset(); }

    void kindSelectsLanguage()
    {
        m_editor->setKind(QStringLiteral("python"));
        QCOMPARE(m_editor->kind(), QStringLiteral("pyspark"));
        QCOMPARE(m_editor->language(), CodeLanguage::Python);
        QCOMPARE(m_editor->highlighter()->language(), CodeLanguage::Python);
        m_editor->setKind(QStringLiteral("spark"));
        QCOMPARE(m_editor->language(), CodeLanguage::Scala);
        m_editor->setKind(QStringLiteral("SQL"));
        QCOMPARE(m_editor->kind(), QStringLiteral("sql"));
        QCOMPARE(m_editor->language(), CodeLanguage::Sql);
    }

    void ctrlEnterRunsEverything()
    {
        m_editor->setKind(QStringLiteral("pyspark"));
        setText(QStringLiteral("a = 1\n\nprint(a)\n"), 0);
        QSignalSpy spy(m_editor.get(), &CodeEditor::runRequested);
        QTest::keyClick(m_editor.get(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("a = 1\n\nprint(a)\n"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("pyspark"));
        // The text is untouched (no newline inserted).
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("a = 1\n\nprint(a)\n"));
        // The keypad Enter works too.
        QTest::keyClick(m_editor.get(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(spy.count(), 2);
    }

    void emptyCodeIsNotRun()
    {
        setText(QStringLiteral("  \n\n"));
        QSignalSpy spy(m_editor.get(), &CodeEditor::runRequested);
        QTest::keyClick(m_editor.get(), Qt::Key_Return, Qt::ControlModifier);
        QTest::keyClick(m_editor.get(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(spy.count(), 0);
    }

    void shiftEnterRunsTheSelection()
    {
        m_editor->setKind(QStringLiteral("spark"));
        setText(QStringLiteral("val a = 1\nval b = 2\nval c = 3\n"));
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(10);
        cursor.setPosition(19, QTextCursor::KeepAnchor);
        m_editor->setTextCursor(cursor);
        QSignalSpy spy(m_editor.get(), &CodeEditor::runRequested);
        QTest::keyClick(m_editor.get(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("val b = 2"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("spark"));
    }

    void shiftEnterRunsTheParagraph()
    {
        m_editor->setKind(QStringLiteral("pyspark"));
        setText(QStringLiteral("import os\n\nx = 1\ny = 2\n\nz = 3\n"));
        moveCursorTo(QStringLiteral("y = 2"), 2);
        QSignalSpy spy(m_editor.get(), &CodeEditor::runRequested);
        QTest::keyClick(m_editor.get(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("x = 1\ny = 2"));
    }

    void paragraphKeepsAnIndentedBodyWithBlankLines()
    {
        m_editor->setKind(QStringLiteral("pyspark"));
        setText(QStringLiteral("a = 0\n\ndef f(x):\n    y = x\n\n    return y\n\nprint(f(1))\n"));
        moveCursorTo(QStringLiteral("return"));
        QCOMPARE(m_editor->selectionOrParagraph(), QStringLiteral("def f(x):\n    y = x\n\n    return y"));
        moveCursorTo(QStringLiteral("def"));
        QCOMPARE(m_editor->selectionOrParagraph(), QStringLiteral("def f(x):\n    y = x\n\n    return y"));
        moveCursorTo(QStringLiteral("print"));
        QCOMPARE(m_editor->selectionOrParagraph(), QStringLiteral("print(f(1))"));
    }

    void pythonAutoIndent()
    {
        m_editor->setKind(QStringLiteral("pyspark"));
        setText(QString());
        QTest::keyClicks(m_editor.get(), QStringLiteral("def f(x):  # note: a comment"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QTest::keyClicks(m_editor.get(), QStringLiteral("if x:"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QTest::keyClicks(m_editor.get(), QStringLiteral("return 1"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QTest::keyClicks(m_editor.get(), QStringLiteral("y = 2"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QTest::keyClicks(m_editor.get(), QStringLiteral("z"));
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("def f(x):  # note: a comment\n"
                                                         "    if x:\n"
                                                         "        return 1\n"
                                                         "    y = 2\n"
                                                         "    z"));
    }

    void colonInsideStringOrCommentDoesNotIndent()
    {
        m_editor->setKind(QStringLiteral("pyspark"));
        setText(QStringLiteral("print('a:')"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("print('a:')\n"));
        setText(QStringLiteral("x = 1  # why:"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("x = 1  # why:\n"));
    }

    void bracketsIndentAndSplit()
    {
        m_editor->setKind(QStringLiteral("spark"));
        setText(QStringLiteral("val xs = List(1).map { x =>}"));
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(int(m_editor->toPlainText().size()) - 1); // before the closing brace
        m_editor->setTextCursor(cursor);
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("val xs = List(1).map { x =>\n    \n}"));
        QCOMPARE(m_editor->textCursor().blockNumber(), 1);
        QCOMPARE(m_editor->textCursor().positionInBlock(), 4);
        // A closing brace typed on an indented empty line goes back one level.
        setText(QStringLiteral("if (a) {\n    "));
        QTest::keyClicks(m_editor.get(), QStringLiteral("}"));
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("if (a) {\n}"));
    }

    void tabAndBacktabIndentWithSpaces()
    {
        m_editor->setKind(QStringLiteral("pyspark"));
        setText(QStringLiteral("ab"), 1);
        QTest::keyClick(m_editor.get(), Qt::Key_Tab);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("a   b"));
        setText(QStringLiteral("x = 1\ny = 2\n"));
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(0);
        cursor.setPosition(8, QTextCursor::KeepAnchor);
        m_editor->setTextCursor(cursor);
        QTest::keyClick(m_editor.get(), Qt::Key_Tab);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("    x = 1\n    y = 2\n"));
        QTest::keyClick(m_editor.get(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("x = 1\ny = 2\n"));
        // Backspace in the indentation removes one level.
        setText(QStringLiteral("if a:\n        "));
        QTest::keyClick(m_editor.get(), Qt::Key_Backspace);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("if a:\n    "));
    }

    void bracketMatchingHighlightsBothEnds()
    {
        m_editor->setKind(QStringLiteral("pyspark"));
        setText(QStringLiteral("f(a[1], {2})"), 1); // cursor after "f", before "("
        auto positions = [this] {
            QList<int> result;
            const QList<QTextEdit::ExtraSelection> selections = m_editor->extraSelections();
            for (const QTextEdit::ExtraSelection &s : selections)
                if (s.cursor.hasSelection())
                    result.append(s.cursor.selectionStart());
            std::sort(result.begin(), result.end());
            return result;
        };
        QCOMPARE(positions(), (QList<int>{ 1, 11 }));
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(11); // after "}" and before ")": the ")" wins
        m_editor->setTextCursor(cursor);
        QCOMPARE(positions(), (QList<int>{ 1, 11 }));
        cursor.setPosition(6); // after "]"
        m_editor->setTextCursor(cursor);
        QCOMPARE(positions(), (QList<int>{ 3, 5 }));
        // An unmatched bracket is still marked, alone.
        setText(QStringLiteral("g(("), 3);
        QCOMPARE(positions(), (QList<int>{ 2 }));
        // The current line is always highlighted (a full-width selection without text selected).
        bool currentLine = false;
        const QList<QTextEdit::ExtraSelection> selections = m_editor->extraSelections();
        for (const QTextEdit::ExtraSelection &s : selections)
            currentLine = currentLine || s.format.boolProperty(QTextFormat::FullWidthSelection);
        QVERIFY(currentLine);
    }

    void gutterGrowsWithLineCount()
    {
        setText(QStringLiteral("x"));
        const int small = m_editor->lineNumberAreaWidth();
        QVERIFY(small > 0);
        QStringList lines;
        for (int i = 0; i < 12000; ++i)
            lines.append(QStringLiteral("x = %1").arg(i));
        setText(lines.join(QLatin1Char('\n')));
        QVERIFY(m_editor->lineNumberAreaWidth() > small);
        QCOMPARE(m_editor->viewport()->geometry().left() - m_editor->contentsRect().left(), m_editor->lineNumberAreaWidth());
    }

    void completionRequestAndPopup()
    {
        m_editor->setKind(QStringLiteral("spark"));
        setText(QStringLiteral("sc.par"));
        QSignalSpy spy(m_editor.get(), &CodeEditor::completionRequested);
        QTest::keyClick(m_editor.get(), Qt::Key_Space, Qt::ControlModifier);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("sc.par"));
        QCOMPARE(spy.at(0).at(1).toInt(), 6);
        QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("spark"));
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("sc.par")); // no space typed

        m_editor->showCompletions({ QStringLiteral("parallelize"), QStringLiteral("partitioner"),
                                    QStringLiteral("version") });
        QAbstractItemView *popup = m_editor->completionPopup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->model()->rowCount(), 2); // filtered by the word before the cursor
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("sc.partitioner"));
    }

    void emptyCompletionFallsBackToTheEditorsOwnWords()
    {
        m_editor->setKind(QStringLiteral("pyspark"));
        QSignalSpy notes(m_editor.get(), &CodeEditor::completionNote);
        // Livy answers [] for Python: the editor's words and the language's vocabulary stand in.
        setText(QStringLiteral("spark.ra"));
        m_editor->requestCompletion();
        m_editor->showCompletions({});
        QTRY_VERIFY(m_editor->completionPopup()->isVisible());
        const QStringList shown = m_editor->completionPopup()->model()->index(0, 0).data().toString().startsWith(QStringLiteral("ra"))
            ? QStringList{ QStringLiteral("ok") } : QStringList();
        QCOMPARE(shown.size(), 1);
        QCOMPARE(notes.size(), 1);
        QVERIFY(notes.first().first().toString().contains(QStringLiteral("Livy completes only Scala")));
        QTest::keyClick(m_editor->completionPopup(), Qt::Key_Escape);
        // Nothing matches at all: nothing is shown, and the note says why.
        setText(QStringLiteral("spark.zzq"));
        m_editor->requestCompletion();
        m_editor->showCompletions({});
        QVERIFY(!m_editor->completionPopup()->isVisible());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("spark.zzq"));
        QVERIFY(notes.last().first().toString().contains(QStringLiteral("no word here starts with")));
    }

    void staleCompletionIsDropped()
    {
        m_editor->setKind(QStringLiteral("spark"));
        setText(QStringLiteral("sc.par\nval x = 1"), 6);
        m_editor->requestCompletion();
        QTextCursor cursor = m_editor->textCursor();
        cursor.movePosition(QTextCursor::End);
        m_editor->setTextCursor(cursor);
        m_editor->showCompletions({ QStringLiteral("parallelize") });
        QVERIFY(!m_editor->completionPopup()->isVisible());
    }

    void typingFiltersAndEscapeCloses()
    {
        m_editor->setKind(QStringLiteral("spark"));
        setText(QStringLiteral("sc.p"));
        m_editor->requestCompletion();
        m_editor->showCompletions({ QStringLiteral("parallelize"), QStringLiteral("persist") });
        QAbstractItemView *popup = m_editor->completionPopup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->model()->rowCount(), 2);
        QTest::keyClicks(popup, QStringLiteral("e"));
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("sc.pe"));
        QCOMPARE(popup->model()->rowCount(), 1);
        QTest::keyClick(popup, Qt::Key_Escape);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("sc.pe"));
    }

    void openAndSaveFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("job.py"));
        setText(QStringLiteral("print('héllo')\n"));
        QString error;
        QVERIFY(m_editor->saveFile(path, &error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("print('héllo')\n"));
        file.close();

        setText(QStringLiteral("my draft"));
        QVERIFY(m_editor->loadFile(path, &error));
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("print('héllo')\n"));
        m_editor->undo(); // loading a file never loses the draft
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("my draft"));

        QVERIFY(!m_editor->loadFile(dir.filePath(QStringLiteral("missing.py")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!m_editor->saveFile(dir.filePath(QStringLiteral("no/such/dir/x.py")), &error));
    }

    void darkPaletteSwitchesTheme()
    {
        QVERIFY(!m_editor->highlighter()->isDarkTheme());
        QPalette dark = m_editor->palette();
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        m_editor->setPalette(dark);
        QVERIFY(m_editor->highlighter()->isDarkTheme());
        m_editor->setPalette(QPalette());
        QVERIFY(!m_editor->highlighter()->isDarkTheme());
    }

    void panelKindSelectorForSharedSessions()
    {
        EditorPanel panel;
        panel.show();
        panel.setSessionKind(QStringLiteral("pyspark"));
        QVERIFY(!panel.isKindSelectorVisible());
        QCOMPARE(panel.statementKind(), QStringLiteral("pyspark"));

        panel.setSessionKind(QStringLiteral("shared"));
        QVERIFY(panel.isKindSelectorVisible());
        QSignalSpy spy(&panel, &EditorPanel::runRequested);
        panel.editor()->setPlainText(QStringLiteral("SELECT 1"));
        panel.kindSelector()->setCurrentIndex(panel.kindSelector()->findData(QStringLiteral("sql")));
        QCOMPARE(panel.statementKind(), QStringLiteral("sql"));
        QCOMPARE(panel.editor()->language(), CodeLanguage::Sql);
        QTest::keyClick(panel.editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("sql"));
        QVERIFY(!panel.kindSelector()->accessibleName().isEmpty());

        panel.setSessionKind(QStringLiteral("spark"));
        QVERIFY(!panel.isKindSelectorVisible());
        QCOMPARE(panel.editor()->kind(), QStringLiteral("spark"));
    }

    void panelSavesAndLoads()
    {
        QTemporaryDir dir;
        EditorPanel panel;
        panel.setSessionKind(QStringLiteral("sparkr"));
        panel.editor()->setPlainText(QStringLiteral("x <- 1"));
        const QString path = dir.filePath(QStringLiteral("a.R"));
        QVERIFY(panel.saveTo(path));
        QCOMPARE(panel.filePath(), path);
        panel.editor()->setPlainText(QString());
        QVERIFY(panel.loadFrom(path));
        QCOMPARE(panel.editor()->toPlainText(), QStringLiteral("x <- 1"));
        QVERIFY(!panel.loadFrom(dir.filePath(QStringLiteral("nope.R"))));
    }
};

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
