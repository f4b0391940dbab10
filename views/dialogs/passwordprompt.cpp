// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordprompt.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace LivyDesk {

PasswordPrompt::PasswordPrompt(const QString &server, const QString &user, const QString &reason, QWidget *parent,
                               const QString &userLabel)
    : QDialog(parent)
{
    setWindowTitle(tr("Sign in to %1").arg(server));
    setAccessibleName(tr("Sign in"));
    setWindowModality(Qt::WindowModal);
    auto *why = new QLabel(reason, this);
    why->setWordWrap(true);
    why->setAccessibleName(tr("Why the server asks"));
    why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_user = new QLineEdit(user, this);
    m_user->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_password->setPlaceholderText(tr("kept in the system keychain"));
    auto *form = new QFormLayout;
    form->addRow(userLabel.isEmpty() ? tr("&User:") : userLabel, m_user);
    form->addRow(tr("&Password:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(m_password, &QLineEdit::textChanged, this, [buttons, this] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_password->text().isEmpty() && !m_user->text().trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    (user.isEmpty() ? m_user : m_password)->setFocus();
    resize(440, sizeHint().height());
}

void PasswordPrompt::setPasswordHint(const QString &hint)
{
    m_password->setPlaceholderText(hint);
}

QString PasswordPrompt::user() const
{
    return m_user->text().trimmed();
}

QString PasswordPrompt::password() const
{
    return m_password->text();
}

} // namespace LivyDesk
