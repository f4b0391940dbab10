// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/setupstatement.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace LivyDesk {

/// A session's setup statements, in the order they replay when it is recreated: move them up and down (Alt+Up,
/// Alt+Down) or take them out (Del). OK emits setupEdited() with the new order; the dialog never writes anything.
class SetupListDialog : public QDialog
{
    Q_OBJECT
public:
    /// `rowIds` are the history entries the statements were marked from (-1: none), kept with them.
    SetupListDialog(const QString &sessionTitle, const QList<Livy::SetupStatement> &setup, const QList<qint64> &rowIds,
                    QWidget *parent = nullptr);

    QList<Livy::SetupStatement> setup() const;
    QList<qint64> rowIds() const;
    QListWidget *list() const { return m_list; }
    QPushButton *upButton() const { return m_up; }
    QPushButton *downButton() const { return m_down; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *saveTemplateButton() const { return m_saveTemplate; }
    /// Emits saveAsTemplateRequested() with the list as it stands (the button asks for the name first).
    void saveAsTemplate(const QString &name);
    /// One line under the list: what became of a request (a template saved, or why not).
    void showNote(const QString &text);
    QString noteText() const;

Q_SIGNALS:
    void setupEdited(const QList<Livy::SetupStatement> &setup, const QList<qint64> &rowIds);
    /// Save the session's create body and this setup as a template (a New Session preset) named `name`.
    void saveAsTemplateRequested(const QString &name, const QList<Livy::SetupStatement> &setup);

private:
    void move(int delta);
    void updateButtons();

    QListWidget *m_list = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_saveTemplate = nullptr;
    QLabel *m_note = nullptr;
    QString m_sessionTitle;
};

} // namespace LivyDesk
