// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codelanguage.h"

#include <QPlainTextEdit>

class QAbstractItemView;
class QCompleter;
class QStringListModel;

namespace LivyDesk {

class CodeHighlighter;

/// The code editor: a QPlainTextEdit with a line-number gutter, current-line and bracket highlighting,
/// language-aware auto-indent, syntax highlighting (CodeHighlighter) and a completion popup.
///
/// It never runs anything itself: Ctrl+Enter and Shift+Enter emit runRequested(); Ctrl+Space emits
/// completionRequested() and whoever owns a session answers with showCompletions().
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    /// The statement kind of the code (pyspark, spark, sparkr, sql, or an alias). Drives highlighting,
    /// indentation and the kind passed with runRequested() and completionRequested().
    void setKind(const QString &kind);
    QString kind() const { return m_kind; }
    CodeLanguage language() const { return m_language; }
    CodeHighlighter *highlighter() const { return m_highlighter; }

    /// What Shift+Enter runs: the selection, or else the paragraph (lines between blank lines) around the cursor.
    QString selectionOrParagraph() const;

    /// Replaces the text with a file's contents as one undoable edit (nothing is lost: Undo brings it back).
    bool loadFile(const QString &path, QString *errorText = nullptr);
    bool saveFile(const QString &path, QString *errorText = nullptr) const;

    int lineNumberAreaWidth() const;
    int indentWidth() const { return m_indentWidth; }
    /// The completion popup (for tests and accessibility); visible only while candidates are shown.
    QAbstractItemView *completionPopup() const;

public Q_SLOTS:
    /// Emits runRequested() with the whole text (Ctrl+Enter).
    void runAll();
    /// Emits runRequested() with selectionOrParagraph() (Shift+Enter).
    void runSelection();
    /// Emits completionRequested() for the cursor position (Ctrl+Space).
    void requestCompletion();
    /// Words this editor can complete by itself for `prefix`: identifiers in its text and the language's
    /// vocabulary (keywords, builtins, types), plus the common Spark API names for Python and Scala.
    QStringList localCompletions(const QString &prefix) const;
    /// Shows candidates for the last completionRequested(). An empty list shows nothing (Livy answers [] for every
    /// kind but spark): that is not an error.
    void showCompletions(const QStringList &candidates);

Q_SIGNALS:
    void runRequested(const QString &code, const QString &kind);
    void completionRequested(const QString &code, int cursorPosition, const QString &kind);
    /// A line about the completion just shown (or not shown), for the editor's status line.
    void completionNote(const QString &note);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateExtraSelections();
    void applyPalette();
    bool handleReturn();
    void indentSelection(bool indent);
    bool dedentAtCursor();
    void insertCompletion(const QString &completion);
    QString wordBeforeCursor() const;
    int matchingBracket(int position, QChar bracket) const;

    QWidget *m_lineNumberArea = nullptr;
    CodeHighlighter *m_highlighter = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_completionModel = nullptr;
    QString m_kind;
    CodeLanguage m_language = CodeLanguage::PlainText;
    int m_indentWidth = 4;
    int m_completionPosition = -1;
};

} // namespace LivyDesk
