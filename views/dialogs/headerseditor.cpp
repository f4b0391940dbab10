// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "headerseditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

struct HeadersEditor::Row
{
    QLineEdit *name = nullptr;
    QLineEdit *value = nullptr;
    QCheckBox *secret = nullptr;
    QToolButton *remove = nullptr;
    bool valueTyped = false;
    bool wasSecret = false; ///< its value is in the keychain (shown as a placeholder, never read back)
};

HeadersEditor::HeadersEditor(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Extra headers"));
    auto *layout = new QVBoxLayout(this); // the style's margins: it is a tab page of its own
    auto *help = new QLabel(tr("Headers sent with every request, for example a gateway's API key. Mark a value as "
                               "secret to keep it in the system keychain instead of the settings."),
                            this);
    help->setWordWrap(true);
    layout->addWidget(help);
    m_grid = new QGridLayout;
    m_grid->setColumnStretch(0, 2);
    m_grid->setColumnStretch(1, 3);
    layout->addLayout(m_grid);
    m_empty = new QLabel(tr("No extra headers."), this);
    m_empty->setEnabled(false);
    layout->addWidget(m_empty);
    auto *add = new QPushButton(tr("Add &Header"), this);
    add->setAccessibleName(tr("Add header"));
    add->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow();
        m_rows.last()->name->setFocus();
        Q_EMIT edited();
    });
}

HeadersEditor::~HeadersEditor()
{
    qDeleteAll(m_rows); // the rows' widgets are children, deleted with the editor
}

void HeadersEditor::setHeaders(const QList<ExtraHeader> &headers)
{
    while (!m_rows.isEmpty())
        removeRow(0);
    for (const ExtraHeader &h : headers)
        addRow(h);
    rebuild();
}

void HeadersEditor::addRow(const ExtraHeader &header)
{
    auto *row = new Row;
    const int index = int(m_rows.size()) + 1;
    row->name = new QLineEdit(header.name, this);
    row->name->setPlaceholderText(tr("Header name, e.g. X-Api-Key"));
    row->name->setAccessibleName(tr("Header %1 name").arg(index));
    row->value = new QLineEdit(header.secret ? QString() : header.value, this);
    row->value->setAccessibleName(tr("Header %1 value").arg(index));
    row->secret = new QCheckBox(tr("Secret"), this);
    row->secret->setAccessibleName(tr("Header %1 value is secret").arg(index));
    row->secret->setChecked(header.secret);
    row->wasSecret = header.secret && !header.name.isEmpty();
    row->remove = new QToolButton(this);
    row->remove->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    row->remove->setAutoRaise(true);
    row->remove->setToolTip(tr("Remove this header"));
    row->remove->setAccessibleName(tr("Remove header %1").arg(index));
    auto applySecret = [row] {
        const bool secret = row->secret->isChecked();
        row->value->setEchoMode(secret ? QLineEdit::Password : QLineEdit::Normal);
        row->value->setPlaceholderText(secret ? (row->wasSecret ? QObject::tr("in the system keychain; type to replace")
                                                                : QObject::tr("secret value, kept in the system keychain"))
                                              : QObject::tr("value"));
    };
    applySecret();
    m_rows.append(row);
    connect(row->name, &QLineEdit::textEdited, this, &HeadersEditor::edited);
    connect(row->value, &QLineEdit::textEdited, this, [this, row] {
        row->valueTyped = true;
        Q_EMIT edited();
    });
    connect(row->secret, &QCheckBox::toggled, this, [this, applySecret] {
        applySecret();
        Q_EMIT edited();
    });
    connect(row->remove, &QToolButton::clicked, this, [this, row] {
        removeRow(int(m_rows.indexOf(row)));
        Q_EMIT edited();
    });
    rebuild();
}

void HeadersEditor::removeRow(int index)
{
    if (index < 0 || index >= m_rows.size())
        return;
    Row *row = m_rows.takeAt(index);
    delete row->name;
    delete row->value;
    delete row->secret;
    delete row->remove;
    delete row;
    rebuild();
}

void HeadersEditor::rebuild()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row *row = m_rows.at(i);
        m_grid->addWidget(row->name, i, 0);
        m_grid->addWidget(row->value, i, 1);
        m_grid->addWidget(row->secret, i, 2);
        m_grid->addWidget(row->remove, i, 3);
    }
    m_empty->setVisible(m_rows.isEmpty());
}

QList<ExtraHeader> HeadersEditor::headers() const
{
    QList<ExtraHeader> list;
    for (const Row *row : m_rows) {
        ExtraHeader h;
        h.name = row->name->text().trimmed();
        h.secret = row->secret->isChecked();
        if (!h.secret)
            h.value = row->value->text();
        if (!h.name.isEmpty())
            list.append(h);
    }
    return list;
}

QHash<QString, QString> HeadersEditor::secretValues() const
{
    QHash<QString, QString> values;
    for (const Row *row : m_rows) {
        const QString name = row->name->text().trimmed();
        // A secret typed now, or a value made secret (it moves from the settings to the keychain).
        if (row->secret->isChecked() && !name.isEmpty() && (row->valueTyped || !row->wasSecret)
            && !row->value->text().isEmpty())
            values.insert(name, row->value->text());
    }
    return values;
}

} // namespace LivyDesk
