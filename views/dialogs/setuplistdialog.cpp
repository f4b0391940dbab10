// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setuplistdialog.h"

#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {
constexpr int StatementRole = Qt::UserRole + 1;
constexpr int RowIdRole = Qt::UserRole + 2;
}

SetupListDialog::SetupListDialog(const QString &sessionTitle, const QList<Livy::SetupStatement> &setup,
                                 const QList<qint64> &rowIds, QWidget *parent)
    : QDialog(parent)
    , m_sessionTitle(sessionTitle)
{
    setObjectName(QStringLiteral("SetupListDialog"));
    setWindowTitle(tr("Setup of Session %1").arg(sessionTitle));
    setAccessibleName(tr("Setup statements"));
    resize(620, 380);
    auto *note = new QLabel(tr("These statements run again, in this order, when the session is recreated. Mark more "
                               "from a statement's context menu or the History panel (Ctrl+Alt+S)."),
                            this);
    note->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("setupList"));
    m_list->setAccessibleName(tr("Setup statements in replay order"));
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    for (int i = 0; i < setup.size(); ++i) {
        const Livy::SetupStatement &s = setup.at(i);
        QString line = s.code.trimmed().section(QLatin1Char('\n'), 0, 0);
        if (s.code.trimmed().contains(QLatin1Char('\n')))
            line += QStringLiteral(" …");
        auto *item = new QListWidgetItem(line, m_list);
        item->setToolTip(s.code);
        item->setData(StatementRole, QVariant::fromValue(s));
        item->setData(RowIdRole, i < rowIds.size() ? rowIds.at(i) : qint64(-1));
    }
    if (setup.isEmpty())
        m_list->addItem(tr("(no setup statements yet)"));
    m_up = new QPushButton(tr("Move &Up"), this);
    m_up->setShortcut(QKeySequence(QStringLiteral("Alt+Up")));
    m_up->setAccessibleName(tr("Move the statement up"));
    m_down = new QPushButton(tr("Move &Down"), this);
    m_down->setShortcut(QKeySequence(QStringLiteral("Alt+Down")));
    m_down->setAccessibleName(tr("Move the statement down"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setAccessibleName(tr("Remove the statement from the setup"));
    m_saveTemplate = new QPushButton(tr("Save as &Template…"), this);
    m_saveTemplate->setAccessibleName(tr("Save as template"));
    m_saveTemplate->setToolTip(tr("A New Session template with this session's create body and these setup statements "
                                  "(Session › New Session from Template)"));
    for (QPushButton *b : { m_up, m_down, m_remove, m_saveTemplate })
        b->setAutoDefault(false);
    auto *side = new QVBoxLayout;
    side->addWidget(m_up);
    side->addWidget(m_down);
    side->addWidget(m_remove);
    side->addStretch(1);
    side->addWidget(m_saveTemplate);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("setupNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_list, 1);
    middle->addLayout(side);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(middle, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);

    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        delete m_list->takeItem(m_list->currentRow());
        updateButtons();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &SetupListDialog::updateButtons);
    connect(m_saveTemplate, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save as Template"),
                                                   tr("Template name (New Session › from Template):"), QLineEdit::Normal,
                                                   m_sessionTitle, &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            saveAsTemplate(name);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT setupEdited(this->setup(), this->rowIds());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!setup.isEmpty())
        m_list->setCurrentRow(0);
    updateButtons();
}

void SetupListDialog::saveAsTemplate(const QString &name)
{
    showNote(tr("Saving template “%1”…").arg(name));
    Q_EMIT saveAsTemplateRequested(name, setup());
}

void SetupListDialog::showNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QString SetupListDialog::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

QList<Livy::SetupStatement> SetupListDialog::setup() const
{
    QList<Livy::SetupStatement> list;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(StatementRole).isValid())
            list.append(m_list->item(i)->data(StatementRole).value<Livy::SetupStatement>());
    return list;
}

QList<qint64> SetupListDialog::rowIds() const
{
    QList<qint64> ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(StatementRole).isValid())
            ids.append(m_list->item(i)->data(RowIdRole).toLongLong());
    return ids;
}

void SetupListDialog::move(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
}

void SetupListDialog::updateButtons()
{
    const int row = m_list->currentRow();
    const bool real = row >= 0 && m_list->item(row)->data(StatementRole).isValid();
    m_up->setEnabled(real && row > 0);
    m_down->setEnabled(real && row < m_list->count() - 1);
    m_remove->setEnabled(real);
}

} // namespace LivyDesk
