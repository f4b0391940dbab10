// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprofilesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace LivyDesk {

ServerProfilesDialog::ServerProfilesDialog(const QList<ServerProfile> &profiles, const QString &currentId,
                                           QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
{
    setWindowTitle(QStringLiteral("Livy Servers"));
    setAccessibleName(QStringLiteral("Livy servers"));
    resize(720, 420);

    m_list = new QListWidget(this);
    m_list->setAccessibleName(QStringLiteral("Server profiles"));
    auto *add = new QPushButton(QStringLiteral("&Add"), this);
    auto *remove = new QPushButton(QStringLiteral("&Remove"), this);
    add->setAutoDefault(false);
    remove->setAutoDefault(false);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto edit = [this](const QString &name, const QString &placeholder) {
        auto *e = new QLineEdit(this);
        e->setAccessibleName(name);
        e->setPlaceholderText(placeholder);
        return e;
    };
    m_name = edit(QStringLiteral("Profile name"), QStringLiteral("e.g. Production cluster"));
    m_url = edit(QStringLiteral("Server URL"), QStringLiteral("http://livy.example.org:8998"));
    m_auth = new QComboBox(this);
    m_auth->setAccessibleName(tr("Authentication"));
    m_auth->addItem(tr("None"), int(AuthMethod::None));
    m_auth->addItem(tr("User and password (Basic, LDAP, gateways)"), int(AuthMethod::Basic));
    m_auth->addItem(tr("Bearer token"), int(AuthMethod::Bearer));
    m_authHelp = new QLabel(this);
    m_authHelp->setWordWrap(true);
    m_user = edit(QStringLiteral("User name"), QStringLiteral("for HTTP Basic (LDAP)"));
    m_password = edit(QStringLiteral("Password"), QStringLiteral("kept in the system keychain; empty keeps it"));
    m_password->setEchoMode(QLineEdit::Password);
    m_verifyTls = new QCheckBox(QStringLiteral("&Verify the server's TLS certificate"), this);
    m_verifyTls->setAccessibleName(QStringLiteral("Verify TLS certificate"));
    m_tlsWarning = new QLabel(QStringLiteral("⚠ Without verification anyone on the network path can read and change "
                                             "the traffic, passwords included."),
                              this);
    m_tlsWarning->setWordWrap(true);
    m_ca = edit(QStringLiteral("CA certificates"), QStringLiteral("optional PEM file for a private CA"));
    m_doAs = edit(QStringLiteral("Impersonate (doAs)"), QStringLiteral("optional user to act as"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("&Name:"), m_name);
    form->addRow(QStringLiteral("&URL:"), m_url);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(QString(), m_authHelp);
    form->addRow(QStringLiteral("U&ser:"), m_user);
    form->addRow(QStringLiteral("&Password:"), m_password);
    form->addRow(QString(), m_verifyTls);
    form->addRow(QString(), m_tlsWarning);
    form->addRow(QStringLiteral("&CA bundle:"), m_ca);
    form->addRow(QStringLiteral("&doAs:"), m_doAs);
    form->addRow(m_message);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(form, 3);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    for (const ServerProfile &p : std::as_const(m_profiles))
        m_list->addItem(p.displayName());
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { load(row); });
    connect(add, &QPushButton::clicked, this, &ServerProfilesDialog::addProfile);
    connect(remove, &QPushButton::clicked, this, &ServerProfilesDialog::removeSelected);
    for (QLineEdit *e : { m_name, m_url, m_user, m_ca, m_doAs })
        connect(e, &QLineEdit::textEdited, this, [this] { store(); });
    connect(m_password, &QLineEdit::textEdited, this, [this] {
        m_passwordEdited = true;
        store();
    });
    connect(m_verifyTls, &QCheckBox::toggled, this, [this] { store(); });
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] { store(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ServerProfilesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    int row = 0;
    for (int i = 0; i < m_profiles.size(); ++i)
        if (m_profiles.at(i).id == currentId)
            row = i;
    if (m_profiles.isEmpty())
        addProfile();
    else
        m_list->setCurrentRow(row);
    revalidate();
}

int ServerProfilesDialog::currentRow() const
{
    return m_list->currentRow();
}

QString ServerProfilesDialog::selectedId() const
{
    const int row = currentRow();
    return row >= 0 && row < m_profiles.size() ? m_profiles.at(row).id : QString();
}

QString ServerProfilesDialog::urlError(const QUrl &url)
{
    if (url.isEmpty())
        return QStringLiteral("Enter the server's URL.");
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return QStringLiteral("The URL needs http:// or https:// and a host.");
    return {};
}

void ServerProfilesDialog::load(int row)
{
    m_loading = true;
    const bool valid = row >= 0 && row < m_profiles.size();
    for (QWidget *w : std::initializer_list<QWidget *>{ m_name, m_url, m_auth, m_user, m_password, m_verifyTls, m_ca, m_doAs })
        w->setEnabled(valid);
    const ServerProfile p = valid ? m_profiles.at(row) : ServerProfile();
    m_name->setText(p.name);
    m_url->setText(p.url.toString());
    m_auth->setCurrentIndex(std::max(0, m_auth->findData(int(p.auth))));
    m_user->setText(p.userName);
    m_password->setText(m_passwords.value(p.id));
    m_passwordEdited = m_passwords.contains(p.id);
    m_verifyTls->setChecked(p.verifyTls);
    m_ca->setText(p.caCertificates);
    m_doAs->setText(p.doAs);
    m_loading = false;
    revalidate();
}

void ServerProfilesDialog::store()
{
    const int row = currentRow();
    if (m_loading || row < 0 || row >= m_profiles.size())
        return;
    ServerProfile &p = m_profiles[row];
    p.name = m_name->text().trimmed();
    p.url = QUrl::fromUserInput(m_url->text().trimmed());
    if (m_url->text().trimmed().isEmpty())
        p.url = QUrl();
    p.auth = AuthMethod(m_auth->currentData().toInt());
    p.userName = m_user->text().trimmed();
    p.verifyTls = m_verifyTls->isChecked();
    p.caCertificates = m_ca->text().trimmed();
    p.doAs = m_doAs->text().trimmed();
    if (m_passwordEdited)
        m_passwords.insert(p.id, m_password->text());
    m_list->item(row)->setText(p.displayName());
    revalidate();
}

void ServerProfilesDialog::revalidate()
{
    const auto method = AuthMethod(m_auth->currentData().toInt());
    m_password->setPlaceholderText(method == AuthMethod::Bearer ? tr("the token; kept in the system keychain, empty keeps it")
                                                                 : tr("kept in the system keychain; empty keeps it"));
    m_password->setAccessibleName(method == AuthMethod::Bearer ? tr("Token") : tr("Password"));
    m_password->setEnabled(m_auth->isEnabled() && method != AuthMethod::None);
    m_user->setEnabled(m_auth->isEnabled() && method == AuthMethod::Basic);
    switch (method) {
    case AuthMethod::None: m_authHelp->setText(tr("Requests carry no credentials: for a Livy without authentication.")); break;
    case AuthMethod::Basic:
        m_authHelp->setText(tr("HTTP Basic with this user and password: Livy with livy.server.auth.type = ldap, or a gateway "
                               "such as Knox. Use https so the password is not sent in the clear."));
        break;
    case AuthMethod::Bearer: m_authHelp->setText(tr("Sends \"Authorization: Bearer <token>\" with every request (token gateways).")); break;
    }
    m_tlsWarning->setVisible(!m_verifyTls->isChecked());
    QPalette pal = m_tlsWarning->palette();
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    m_tlsWarning->setPalette(pal);
    m_message->setPalette(pal);
    QString problem;
    for (const ServerProfile &p : std::as_const(m_profiles)) {
        const QString error = urlError(p.url);
        if (!error.isEmpty()) {
            problem = QStringLiteral("%1: %2").arg(p.displayName(), error);
            break;
        }
    }
    m_message->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !m_profiles.isEmpty());
}

void ServerProfilesDialog::addProfile()
{
    ServerProfile p;
    p.id = ServerProfile::newId();
    p.url = QUrl(QStringLiteral("http://localhost:8998"));
    m_profiles.append(p);
    m_list->addItem(p.displayName());
    m_list->setCurrentRow(int(m_profiles.size()) - 1);
    m_name->setFocus();
    revalidate();
}

void ServerProfilesDialog::removeSelected()
{
    const int row = currentRow();
    if (row < 0 || row >= m_profiles.size())
        return;
    m_passwords.remove(m_profiles.at(row).id);
    m_profiles.removeAt(row);
    delete m_list->takeItem(row);
    load(currentRow());
}

void ServerProfilesDialog::accept()
{
    store();
    revalidate();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    Q_EMIT profilesAccepted(m_profiles, m_passwords, selectedId());
    QDialog::accept();
}

} // namespace LivyDesk
