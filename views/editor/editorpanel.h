// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QToolBar;

namespace LivyDesk {

class CodeEditor;

/// One session's editor: the CodeEditor with a small tool bar (statement kind for `shared` sessions, run,
/// complete, open, save) and a status line. It re-emits the editor's intents with the kind to use.
class EditorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EditorPanel(QWidget *parent = nullptr);

    CodeEditor *editor() const { return m_editor; }

    /// The session's kind. For `shared` sessions the kind selector appears and each statement uses its kind;
    /// otherwise statements use the session's kind.
    void setSessionKind(const QString &kind);
    QString sessionKind() const { return m_sessionKind; }
    /// The kind a statement from this editor is sent with.
    QString statementKind() const;
    /// Chooses the kind for a `shared` session (ignored for others).
    void setStatementKind(const QString &kind);
    bool isKindSelectorVisible() const;
    QComboBox *kindSelector() const { return m_kindBox; }

    QString filePath() const { return m_filePath; }
    /// Shown in the status line ("draft saved", "file saved", an error).
    void setStatusText(const QString &text);

public Q_SLOTS:
    /// Opens a file dialog (asynchronously) and loads the chosen file as one undoable edit.
    void openFile();
    /// Saves to the last file, or asks for one.
    void saveFile();
    void saveFileAs();
    bool saveTo(const QString &path);
    bool loadFrom(const QString &path);

Q_SIGNALS:
    void runRequested(const QString &code, const QString &kind);
    void completionRequested(const QString &code, int cursorPosition, const QString &kind);
    void statementKindChanged(const QString &kind);

private:
    void updateCursorLabel();
    QString fileFilter() const;

    CodeEditor *m_editor = nullptr;
    QToolBar *m_toolBar = nullptr;
    QComboBox *m_kindBox = nullptr;
    QAction *m_kindAction = nullptr;
    QLabel *m_cursorLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QString m_sessionKind;
    QString m_filePath;
};

} // namespace LivyDesk
