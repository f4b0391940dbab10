// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/serverprofile.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QComboBox;
class QLineEdit;
class QListWidget;

namespace LivyDesk {

/// Edits the server profiles: name, URL, Basic-auth user and password, TLS verification (turning it off is
/// flagged), a private CA bundle and doAs. Nothing is applied until OK; then profilesAccepted() carries the
/// profiles and only the passwords the user typed (an emptied password field means "forget it"). Passwords go
/// straight to the caller, which keeps them in the OS keychain.
class ServerProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerProfilesDialog(const QList<ServerProfile> &profiles, const QString &currentId,
                                  QWidget *parent = nullptr);

    QList<ServerProfile> profiles() const { return m_profiles; }
    QHash<QString, QString> changedPasswords() const { return m_passwords; }
    /// The profile selected when OK was pressed (the one to use).
    QString selectedId() const;
    /// An error text for the URL of a profile, or empty.
    static QString urlError(const QUrl &url);

public Q_SLOTS:
    void addProfile();
    void removeSelected();
    void accept() override;

Q_SIGNALS:
    void profilesAccepted(const QList<LivyDesk::ServerProfile> &profiles, const QHash<QString, QString> &passwords,
                          const QString &selectedId);

private:
    void load(int row);
    void store();
    void revalidate();
    int currentRow() const;

    QList<ServerProfile> m_profiles;
    QHash<QString, QString> m_passwords;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_auth = nullptr;
    QLabel *m_authHelp = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_verifyTls = nullptr;
    QLabel *m_tlsWarning = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_doAs = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_loading = false;
    bool m_passwordEdited = false;
};

} // namespace LivyDesk
