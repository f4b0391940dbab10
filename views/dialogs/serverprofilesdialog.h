// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/serverprofile.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace LivyDesk {

class HeadersEditor;

/// Edits the server profiles. Connection: name, URL, authentication (none, Basic, bearer token, Kerberos), user
/// and password or token, Kerberos service, doAs. Headers: extra request headers, secret ones included. TLS:
/// verification (turning it off is flagged), an extra CA bundle, a client certificate and its key's passphrase,
/// the certificates pinned for the profile. Proxy: the system's, none, or one given. Nothing is applied until
/// OK; then profilesAccepted() carries the profiles and only the secrets the user typed, keyed by keychain key
/// (ServerProfile::secretKey(), headerSecretKey(), passphraseKey(); an emptied password field means "forget
/// it"). Secrets go straight to the caller, which keeps them in the OS keychain.
class ServerProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerProfilesDialog(const QList<ServerProfile> &profiles, const QString &currentId,
                                  QWidget *parent = nullptr);

    QList<ServerProfile> profiles() const { return m_profiles; }
    QHash<QString, QString> changedSecrets() const { return m_secrets; }
    /// The profile selected when OK was pressed (the one to use).
    QString selectedId() const;
    /// An error text for the URL of a profile, or empty.
    static QString urlError(const QUrl &url);

public Q_SLOTS:
    void addProfile();
    void removeSelected();
    void accept() override;

Q_SIGNALS:
    void profilesAccepted(const QList<LivyDesk::ServerProfile> &profiles, const QHash<QString, QString> &secrets,
                          const QString &selectedId);

private:
    void load(int row);
    void store();
    void revalidate();
    /// The Kerberos ticket's state under the authentication choice (only when Kerberos is chosen).
    void showTicket();
    int currentRow() const;

    QList<ServerProfile> m_profiles;
    QWidget *connectionPage();
    QWidget *tlsPage();
    QWidget *proxyPage();
    QLineEdit *edit(const QString &accessibleName, const QString &placeholder);

    QHash<QString, QString> m_secrets;
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
    QLineEdit *m_kerberosService = nullptr;
    QLineEdit *m_sparkUiTemplate = nullptr;
    QLabel *m_ticket = nullptr;
    HeadersEditor *m_headers = nullptr;
    QLineEdit *m_clientCert = nullptr;
    QLineEdit *m_clientKey = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QListWidget *m_pins = nullptr;
    QPushButton *m_unpin = nullptr;
    QComboBox *m_proxyMode = nullptr;
    QLineEdit *m_proxyUrl = nullptr;
    QTabWidget *m_tabs = nullptr;
    QFormLayout *m_connectionForm = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_loading = false;
    bool m_passwordEdited = false;
    bool m_passphraseEdited = false;
};

} // namespace LivyDesk
