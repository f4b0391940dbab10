// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editordock.h"

#include "editor/codeeditor.h"
#include "editor/draftstore.h"
#include "editor/editorpanel.h"

#include <QLabel>
#include <QStackedWidget>

namespace LivyDesk {

EditorDock::EditorDock(DraftStore *drafts, QWidget *parent)
    : QDockWidget(QStringLiteral("Editor"), parent)
    , m_drafts(drafts)
{
    setObjectName(QStringLiteral("EditorDock"));
    setAccessibleName(QStringLiteral("Code editor"));
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(QStringLiteral("Open a session to write code for it.\n"
                                              "Double-click a session in the list, or create one with Ctrl+N."),
                               m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_placeholder);
    setWidget(m_stack);
    connect(m_drafts, &DraftStore::saveFailed, this, [this](const QString &key, const QString &error) {
        if (EditorPanel *panel = m_editors.value(key))
            panel->setStatusText(QStringLiteral("Draft not saved: %1").arg(error));
    });
}

EditorPanel *EditorDock::openEditor(const QString &key, const QString &title, const QString &sessionKind)
{
    m_titles.insert(key, title);
    if (key == m_currentKey)
        setWindowTitle(QStringLiteral("Editor — %1").arg(title)); // the session's name may arrive after the tab
    if (EditorPanel *existing = m_editors.value(key)) {
        existing->setSessionKind(sessionKind);
        return existing;
    }
    auto *panel = new EditorPanel(m_stack);
    panel->setObjectName(QStringLiteral("editor:") + key);
    panel->setSessionKind(sessionKind);
    const QString draft = m_drafts->load(key);
    if (!draft.isEmpty()) {
        panel->editor()->setPlainText(draft);
        panel->editor()->moveCursor(QTextCursor::End);
        panel->setStatusText(QStringLiteral("Draft restored"));
    }
    m_stack->addWidget(panel);
    m_editors.insert(key, panel);
    connect(panel->editor(), &CodeEditor::textChanged, this, [this, key, panel] {
        m_drafts->schedule(key, panel->editor()->toPlainText());
        panel->setStatusText(QString());
    });
    // Code about to run is on disk before it goes out: a crash while it runs never loses the code that ran.
    connect(panel, &EditorPanel::runRequested, m_drafts, &DraftStore::flush);
    return panel;
}

EditorPanel *EditorDock::currentEditor() const
{
    return m_editors.value(m_currentKey);
}

void EditorDock::setCurrentEditor(const QString &key)
{
    m_currentKey = m_editors.contains(key) ? key : QString();
    if (EditorPanel *panel = currentEditor()) {
        m_stack->setCurrentWidget(panel);
        setWindowTitle(QStringLiteral("Editor — %1").arg(m_titles.value(key)));
    } else {
        m_stack->setCurrentWidget(m_placeholder);
        setWindowTitle(QStringLiteral("Editor"));
    }
}

void EditorDock::closeEditor(const QString &key)
{
    EditorPanel *panel = m_editors.take(key);
    if (!panel)
        return;
    m_drafts->schedule(key, panel->editor()->toPlainText());
    m_drafts->flush();
    m_titles.remove(key);
    if (m_currentKey == key)
        setCurrentEditor(QString());
    panel->deleteLater();
}

} // namespace LivyDesk
