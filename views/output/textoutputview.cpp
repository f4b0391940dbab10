// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textoutputview.h"

#include "largetextview.h"
#include "outputstyle.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSaveFile>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

QString writeTextFile(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return file.errorString();
    return {};
}

TextOutputView::TextOutputView(QWidget *parent)
    : QWidget(parent)
{
    m_view = new LargeTextView(this);
    m_view->setAccessibleName(tr("Text output"));
    m_view->setPlaceholderText(tr("The statement printed nothing."));

    m_info = new QLabel(this);
    m_info->setAccessibleName(tr("Line count"));
    QPalette infoPalette = m_info->palette();
    infoPalette.setColor(QPalette::WindowText, OutputStyle::mutedText(palette()));
    m_info->setPalette(infoPalette);

    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find"));
    m_find->setToolTip(OutputStyle::withShortcut(tr("Find in the output"), QKeySequence::Find));
    m_find->setAccessibleName(tr("Find in output"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(260);
    auto *previous = OutputStyle::toolButton(tr("Previous"), OutputStyle::withShortcut(tr("Previous match"), QKeySequence::FindPrevious), this);
    auto *next = OutputStyle::toolButton(tr("Next"), OutputStyle::withShortcut(tr("Next match"), QKeySequence::FindNext), this);
    auto *copyAllButton = OutputStyle::toolButton(tr("Copy all"), tr("Copy the whole output"), this);
    auto *save = OutputStyle::toolButton(tr("Save…"), OutputStyle::withShortcut(tr("Save the output to a file"), QKeySequence::Save), this);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_info);
    bar->addStretch(1);
    bar->addWidget(m_find);
    bar->addWidget(previous);
    bar->addWidget(next);
    bar->addSpacing(8);
    bar->addWidget(copyAllButton);
    bar->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        findNext(QApplication::keyboardModifiers() & Qt::ShiftModifier);
    });
    connect(m_find, &QLineEdit::textChanged, this, [this] { m_find->setPalette(QPalette()); });
    connect(previous, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(next, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(copyAllButton, &QToolButton::clicked, this, &TextOutputView::copyAll);
    connect(save, &QToolButton::clicked, this, &TextOutputView::saveAs);

    connect(OutputStyle::shortcutAction(this, QKeySequence::Find), &QAction::triggered, this, [this] {
        m_find->setFocus(Qt::ShortcutFocusReason);
        m_find->selectAll();
    });
    connect(OutputStyle::shortcutAction(this, QKeySequence::FindNext), &QAction::triggered, this, [this] { findNext(false); });
    connect(OutputStyle::shortcutAction(this, QKeySequence::FindPrevious), &QAction::triggered, this, [this] { findNext(true); });
    connect(OutputStyle::shortcutAction(this, QKeySequence::Save), &QAction::triggered, this, &TextOutputView::saveAs);
    setFocusProxy(m_view);
}

void TextOutputView::setText(std::shared_ptr<const Livy::IndexedText> text)
{
    m_view->setText(text);
    const Livy::IndexedText &t = *m_view->text();
    const QLocale locale;
    m_info->setText(t.isEmpty() ? QString()
                    : t.lineCount() == 1 ? tr("1 line, %1 characters").arg(locale.toString(t.size()))
                                         : tr("%1 lines, %2 characters")
                                               .arg(locale.toString(t.lineCount()), locale.toString(t.size())));
}

void TextOutputView::setSaveHint(const QString &stem, const QString &extension)
{
    m_saveStem = stem;
    m_saveExtension = extension;
}

bool TextOutputView::findNext(bool backward)
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return false;
    const bool found = m_view->find(needle, backward);
    QPalette p;
    if (!found)
        p.setColor(QPalette::Base, OutputStyle::noteBackground(palette()));
    m_find->setPalette(p);
    if (!found)
        Q_EMIT statusMessage(tr("“%1” was not found").arg(needle));
    return found;
}

void TextOutputView::copyAll()
{
    QApplication::clipboard()->setText(m_view->text()->text());
    Q_EMIT statusMessage(tr("Copied the output to the clipboard"));
}

void TextOutputView::saveAs()
{
    auto *dialog = new QFileDialog(this, tr("Save output"), m_saveStem + QLatin1Char('.') + m_saveExtension);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDefaultSuffix(m_saveExtension);
    connect(dialog, &QFileDialog::fileSelected, this, &TextOutputView::saveTo);
    dialog->open();
}

void TextOutputView::saveTo(const QString &path)
{
    m_saveTask.cancel();
    const QString text = m_view->text()->text();
    m_saveTask = Livy::BackgroundTask::run<QString>(
        this, [path, text](const Livy::TaskContext &) { return writeTextFile(path, text); },
        [this, path](QString error) {
            Q_EMIT saved(path, error);
            Q_EMIT statusMessage(error.isEmpty() ? tr("Saved %1").arg(path)
                                                 : tr("Could not save %1: %2").arg(path, error));
        });
}

} // namespace LivyDesk
