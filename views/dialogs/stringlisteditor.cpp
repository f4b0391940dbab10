// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringlisteditor.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QToolButton>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

namespace LivyDesk {

StringListEditor::StringListEditor(const QString &title, QWidget *parent)
    : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setAccessibleName(title);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_list->setAlternatingRowColors(true);
    m_list->setIconSize(QSize(16, 16));
    m_list->installEventFilter(this);

    auto *label = new QLabel(title, this);
    label->setBuddy(m_list);
    auto *add = new QToolButton(this);
    add->setText(QStringLiteral("Add"));
    add->setToolTip(QStringLiteral("Add an entry (Insert)"));
    add->setAccessibleName(QStringLiteral("Add to %1").arg(title));
    m_removeButton = new QToolButton(this);
    m_removeButton->setText(QStringLiteral("Remove"));
    m_removeButton->setToolTip(QStringLiteral("Remove the selected entries (Delete)"));
    m_removeButton->setAccessibleName(QStringLiteral("Remove from %1").arg(title));
    m_removeButton->setEnabled(false);
    auto *pasteButton = new QToolButton(this);
    pasteButton->setText(QStringLiteral("Paste"));
    pasteButton->setToolTip(QStringLiteral("Add each line of the clipboard as an entry (Ctrl+V)"));
    pasteButton->setAccessibleName(QStringLiteral("Paste into %1").arg(title));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(label, 1);
    buttons->addWidget(add);
    buttons->addWidget(m_removeButton);
    buttons->addWidget(pasteButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(buttons);
    layout->addWidget(m_list, 1);
    setFocusProxy(m_list);

    connect(add, &QToolButton::clicked, this, &StringListEditor::addEntry);
    connect(m_removeButton, &QToolButton::clicked, this, &StringListEditor::removeSelected);
    connect(pasteButton, &QToolButton::clicked, this, &StringListEditor::paste);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_removeButton->setEnabled(!m_list->selectedItems().isEmpty()); });
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (m_updating)
            return;
        revalidate();
        Q_EMIT changed();
    });
}

QListWidgetItem *StringListEditor::appendItem(const QString &text)
{
    auto *item = new QListWidgetItem(text);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_list->addItem(item);
    return item;
}

QStringList StringListEditor::items() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i) {
        const QString text = m_list->item(i)->text().trimmed();
        if (!text.isEmpty())
            result.append(text);
    }
    return result;
}

void StringListEditor::setItems(const QStringList &items)
{
    m_updating = true;
    m_list->clear();
    for (const QString &text : items)
        appendItem(text);
    m_updating = false;
    revalidate();
    Q_EMIT changed();
}

void StringListEditor::setValidator(Validator validator)
{
    m_validator = std::move(validator);
    revalidate();
}

QString StringListEditor::firstError() const
{
    if (!m_validator)
        return {};
    for (int i = 0; i < m_list->count(); ++i) {
        const QString text = m_list->item(i)->text();
        if (text.trimmed().isEmpty())
            continue; // an empty row being edited is dropped, not an error
        const QString error = m_validator(text);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

void StringListEditor::revalidate()
{
    m_updating = true;
    const QPalette pal = palette();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const QString error = (m_validator && !item->text().trimmed().isEmpty()) ? m_validator(item->text())
                                                                                  : QString();
        item->setToolTip(error);
        if (error.isEmpty()) {
            item->setData(Qt::ForegroundRole, QVariant());
            item->setIcon(QIcon());
        } else {
            const bool dark = pal.color(QPalette::Base).lightnessF() < 0.5;
            item->setForeground(dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        }
    }
    m_updating = false;
}

void StringListEditor::addEntry()
{
    QListWidgetItem *item = appendItem(QString());
    m_list->setCurrentItem(item);
    m_list->editItem(item);
}

void StringListEditor::removeSelected()
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    m_updating = true;
    for (QListWidgetItem *item : selected)
        delete item;
    m_updating = false;
    revalidate();
    Q_EMIT changed();
}

void StringListEditor::paste()
{
    addLines(QApplication::clipboard()->text());
}

void StringListEditor::addLines(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\r\\n,]+"));
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    m_updating = true;
    bool added = false;
    for (const QString &part : parts) {
        const QString entry = part.trimmed();
        if (!entry.isEmpty()) {
            appendItem(entry);
            added = true;
        }
    }
    m_updating = false;
    if (added) {
        revalidate();
        Q_EMIT changed();
    }
}

bool StringListEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Paste)) {
            paste();
            return true;
        }
        if (key->key() == Qt::Key_Delete) {
            removeSelected();
            return true;
        }
        if (key->key() == Qt::Key_Insert) {
            addEntry();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace LivyDesk
