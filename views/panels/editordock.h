// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QHash>

class QLabel;
class QStackedWidget;

namespace LivyDesk {

class DraftStore;
class EditorPanel;

/// The code editor dock: one EditorPanel per open session, keyed by the session's draft key
/// (DraftStore::keyFor(server, session)); the current session's editor is shown. Every keystroke schedules a
/// debounced draft save, and opening an editor restores its draft, so code survives closing the window, a
/// restart and a crash.
class EditorDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit EditorDock(DraftStore *drafts, QWidget *parent = nullptr);

    /// Returns the editor for `key`, creating it (and restoring its draft) if needed.
    EditorPanel *openEditor(const QString &key, const QString &title, const QString &sessionKind);
    EditorPanel *editor(const QString &key) const { return m_editors.value(key); }
    EditorPanel *currentEditor() const;
    QString currentKey() const { return m_currentKey; }
    /// Shows the editor for `key` (or the empty state when there is none).
    void setCurrentEditor(const QString &key);
    /// Removes the editor; its draft stays on disk for the next time the session is opened.
    void closeEditor(const QString &key);
    QStringList keys() const { return m_editors.keys(); }
    DraftStore *drafts() const { return m_drafts; }

private:
    DraftStore *m_drafts;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QHash<QString, EditorPanel *> m_editors;
    QHash<QString, QString> m_titles;
    QString m_currentKey;
};

} // namespace LivyDesk
