// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>

class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace LivyDesk {

/// Edits a list of strings (jars, pyFiles, files, archives): add, edit in place, remove, and paste several
/// lines at once. Each entry can be checked by a validator; invalid entries are marked and reported.
/// Keyboard: Insert adds, Delete removes, Ctrl+V pastes, F2 edits.
class StringListEditor : public QWidget
{
    Q_OBJECT
public:
    /// Returns an error text for an entry, or an empty string when it is fine.
    using Validator = std::function<QString(const QString &)>;

    explicit StringListEditor(const QString &title, QWidget *parent = nullptr);

    QStringList items() const;
    void setItems(const QStringList &items);
    void setValidator(Validator validator);
    void setPlaceholder(const QString &text) { m_placeholder = text; }
    /// The first invalid entry's error text, or empty.
    QString firstError() const;

    QListWidget *listWidget() const { return m_list; }

public Q_SLOTS:
    void addEntry();
    void removeSelected();
    /// Adds every non-empty line of the clipboard (also comma-separated lists) as entries.
    void paste();
    /// Adds the non-empty lines of `text`; used by paste().
    void addLines(const QString &text);

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void revalidate();
    QListWidgetItem *appendItem(const QString &text);

    QListWidget *m_list = nullptr;
    QToolButton *m_removeButton = nullptr;
    Validator m_validator;
    QString m_placeholder;
    bool m_updating = false;
};

} // namespace LivyDesk
