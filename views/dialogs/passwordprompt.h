// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;

namespace LivyDesk {

/// "The server did not accept the password": asks again for the user name and password of a Basic (LDAP, gateway)
/// profile, with the server's refusal on top; or, for a Kerberos profile without a ticket, for the principal and
/// password to get one (as kinit would). The caller stores the new password in the OS keychain and
/// reconnects; nothing here is saved anywhere. Window-modal: call open().
class PasswordPrompt : public QDialog
{
    Q_OBJECT
public:
    /// `userLabel` names the first field ("&User:", or "&Principal:" when asking for a Kerberos ticket).
    PasswordPrompt(const QString &server, const QString &user, const QString &reason, QWidget *parent = nullptr,
                   const QString &userLabel = {});

    /// The password field's placeholder ("kept in the system keychain" by default).
    void setPasswordHint(const QString &hint);
    QString user() const;
    QString password() const;

private:
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
};

} // namespace LivyDesk
