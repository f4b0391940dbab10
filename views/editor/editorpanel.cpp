// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editorpanel.h"

#include "codeeditor.h"
#include "codelanguage.h"
#include "panels/icons.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QStyle>
#include <QTextBlock>
#include <QToolBar>
#include <QVBoxLayout>

namespace LivyDesk {

EditorPanel::EditorPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(QStringLiteral("Session editor"));
    m_editor = new CodeEditor(this);

    m_toolBar = new QToolBar(this);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setAccessibleName(QStringLiteral("Editor tools"));

    auto *runAll = m_toolBar->addAction(appIcon(AppIcon::Run),
                                        QStringLiteral("Run"));
    runAll->setToolTip(QStringLiteral("Run all the code (Ctrl+Enter)"));
    connect(runAll, &QAction::triggered, m_editor, &CodeEditor::runAll);
    auto *runSelection = m_toolBar->addAction(appIcon(AppIcon::RunSelection),
                                              QStringLiteral("Run selection"));
    runSelection->setToolTip(QStringLiteral("Run the selection, or the paragraph around the cursor (Shift+Enter)"));
    connect(runSelection, &QAction::triggered, m_editor, &CodeEditor::runSelection);
    auto *complete = m_toolBar->addAction(appIcon(AppIcon::Complete), QStringLiteral("Complete"));
    complete->setToolTip(QStringLiteral("Ask the session for completions (Ctrl+Space)"));
    connect(complete, &QAction::triggered, m_editor, &CodeEditor::requestCompletion);

    m_toolBar->addSeparator();
    m_kindBox = new QComboBox(m_toolBar);
    m_kindBox->setAccessibleName(QStringLiteral("Statement language"));
    m_kindBox->setToolTip(QStringLiteral("The language of the next statement (this session is shared)"));
    for (const QString &kind : statementKinds())
        m_kindBox->addItem(kindDisplayName(kind), kind);
    m_kindAction = m_toolBar->addWidget(m_kindBox);
    m_kindAction->setVisible(false);
    connect(m_kindBox, &QComboBox::currentIndexChanged, this, [this] {
        m_editor->setKind(statementKind());
        Q_EMIT statementKindChanged(statementKind());
    });

    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    auto *open = m_toolBar->addAction(appIcon(AppIcon::Open),
                                      QStringLiteral("Open…"));
    open->setToolTip(QStringLiteral("Replace the code with a file's contents (undoable)"));
    connect(open, &QAction::triggered, this, &EditorPanel::openFile);
    auto *save = m_toolBar->addAction(appIcon(AppIcon::Save),
                                      QStringLiteral("Save as…"));
    save->setToolTip(QStringLiteral("Save the code to a file"));
    connect(save, &QAction::triggered, this, &EditorPanel::saveFileAs);
    for (QAction *a : { open, save })
        if (auto *button = m_toolBar->widgetForAction(a))
            button->setProperty("toolButtonStyle", int(Qt::ToolButtonIconOnly));

    m_cursorLabel = new QLabel(this);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("editorStatus"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(6, 1, 6, 2);
    statusRow->addWidget(m_cursorLabel);
    statusRow->addStretch(1);
    statusRow->addWidget(m_statusLabel);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_cursorLabel->setFont(small);
    m_statusLabel->setFont(small);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_editor, 1);
    layout->addLayout(statusRow);
    setFocusProxy(m_editor);

    connect(m_editor, &CodeEditor::runRequested, this, &EditorPanel::runRequested);
    connect(m_editor, &CodeEditor::completionRequested, this, &EditorPanel::completionRequested);
    connect(m_editor, &CodeEditor::completionNote, this, &EditorPanel::setStatusText);
    connect(m_editor, &CodeEditor::cursorPositionChanged, this, &EditorPanel::updateCursorLabel);
    updateCursorLabel();
}

void EditorPanel::setSessionKind(const QString &kind)
{
    m_sessionKind = canonicalKind(kind);
    const bool shared = m_sessionKind == QLatin1String("shared");
    m_kindAction->setVisible(shared);
    m_editor->setKind(statementKind());
    updateCursorLabel();
}

QString EditorPanel::statementKind() const
{
    if (m_sessionKind == QLatin1String("shared"))
        return m_kindBox->currentData().toString();
    return m_sessionKind;
}

void EditorPanel::setStatementKind(const QString &kind)
{
    const int index = m_kindBox->findData(canonicalKind(kind));
    if (index >= 0)
        m_kindBox->setCurrentIndex(index);
}

bool EditorPanel::isKindSelectorVisible() const
{
    return m_kindAction->isVisible();
}

void EditorPanel::setStatusText(const QString &text)
{
    m_statusLabel->setText(text);
}

void EditorPanel::updateCursorLabel()
{
    const QTextCursor cursor = m_editor->textCursor();
    m_cursorLabel->setText(QStringLiteral("Ln %1, Col %2 · %3")
                               .arg(cursor.blockNumber() + 1)
                               .arg(cursor.positionInBlock() + 1)
                               .arg(languageDisplayName(m_editor->language())));
}

QString EditorPanel::fileFilter() const
{
    return QStringLiteral("Code (*.py *.scala *.sc *.R *.r *.sql *.txt);;Python (*.py);;Scala (*.scala *.sc);;"
                          "R (*.R *.r);;SQL (*.sql);;All files (*)");
}

void EditorPanel::openFile()
{
    auto *dialog = new QFileDialog(this, QStringLiteral("Open Code File"), QFileInfo(m_filePath).absolutePath(),
                                   fileFilter());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { loadFrom(path); });
    dialog->open();
}

void EditorPanel::saveFile()
{
    if (m_filePath.isEmpty())
        saveFileAs();
    else
        saveTo(m_filePath);
}

void EditorPanel::saveFileAs()
{
    auto *dialog = new QFileDialog(this, QStringLiteral("Save Code As"), m_filePath, fileFilter());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    static const QMap<CodeLanguage, QString> suffixes = { { CodeLanguage::Python, QStringLiteral("py") },
                                                          { CodeLanguage::Scala, QStringLiteral("scala") },
                                                          { CodeLanguage::R, QStringLiteral("R") },
                                                          { CodeLanguage::Sql, QStringLiteral("sql") } };
    dialog->setDefaultSuffix(suffixes.value(m_editor->language(), QStringLiteral("txt")));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { saveTo(path); });
    dialog->open();
}

bool EditorPanel::saveTo(const QString &path)
{
    QString error;
    if (!m_editor->saveFile(path, &error)) {
        setStatusText(QStringLiteral("Could not save %1: %2").arg(QFileInfo(path).fileName(), error));
        return false;
    }
    m_filePath = path;
    setStatusText(QStringLiteral("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool EditorPanel::loadFrom(const QString &path)
{
    QString error;
    if (!m_editor->loadFile(path, &error)) {
        setStatusText(QStringLiteral("Could not open %1: %2").arg(QFileInfo(path).fileName(), error));
        return false;
    }
    m_filePath = path;
    setStatusText(QStringLiteral("Opened %1 (Undo restores the previous code)").arg(QFileInfo(path).fileName()));
    return true;
}

} // namespace LivyDesk
