// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprofilesdialog.h"

#include "auth/negotiatecontext.h"
#include "auth/negotiateauthenticator.h"
#include "headerseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {

QLabel *helpLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    label->setFont(small);
    return label;
}

/// A line edit with a "Browse…" button that picks a file.
QWidget *withBrowse(QLineEdit *edit, const QString &title, const QString &filter, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QToolButton(box);
    browse->setText(QObject::tr("Browse…"));
    browse->setAccessibleName(QObject::tr("Browse for %1").arg(edit->accessibleName()));
    browse->setFixedHeight(edit->sizeHint().height()); // the row as tall as a line edit: labels stay level
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    QObject::connect(browse, &QToolButton::clicked, edit, [edit, title, filter] {
        const QString file = QFileDialog::getOpenFileName(edit->window(), title, edit->text(), filter);
        if (file.isEmpty())
            return;
        edit->setText(file);
        Q_EMIT edit->textEdited(file);
    });
    return box;
}

} // namespace

ServerProfilesDialog::ServerProfilesDialog(const QList<ServerProfile> &profiles, const QString &currentId,
                                           QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
{
    setWindowTitle(tr("Livy Servers"));
    setAccessibleName(tr("Livy servers"));
    resize(820, 540);

    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Server profiles"));
    auto *add = new QPushButton(tr("&Add"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    add->setAutoDefault(false);
    remove->setAutoDefault(false);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Profile settings"));
    m_tabs->addTab(connectionPage(), tr("&Connection"));
    m_headers = new HeadersEditor(this);
    m_tabs->addTab(m_headers, tr("&Headers"));
    m_tabs->addTab(tlsPage(), tr("&TLS"));
    m_tabs->addTab(proxyPage(), tr("Pro&xy"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto *right = new QVBoxLayout;
    right->addWidget(m_tabs, 1);
    right->addWidget(m_message);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 5);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    for (const ServerProfile &p : std::as_const(m_profiles))
        m_list->addItem(p.displayName());
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { load(row); });
    connect(add, &QPushButton::clicked, this, &ServerProfilesDialog::addProfile);
    connect(remove, &QPushButton::clicked, this, &ServerProfilesDialog::removeSelected);
    for (QLineEdit *e : { m_name, m_url, m_user, m_ca, m_doAs, m_kerberosService, m_clientCert, m_clientKey, m_proxyUrl,
                          m_sparkUiTemplate })
        connect(e, &QLineEdit::textEdited, this, [this] { store(); });
    connect(m_password, &QLineEdit::textEdited, this, [this] {
        m_passwordEdited = true;
        store();
    });
    connect(m_passphrase, &QLineEdit::textEdited, this, [this] {
        m_passphraseEdited = true;
        store();
    });
    connect(m_headers, &HeadersEditor::edited, this, [this] { store(); });
    connect(m_verifyTls, &QCheckBox::toggled, this, [this] { store(); });
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        store();
        showTicket();
    });
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, [this] { store(); });
    connect(m_pins, &QListWidget::itemSelectionChanged, this, [this] { m_unpin->setEnabled(!m_pins->selectedItems().isEmpty()); });
    connect(m_unpin, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_pins->selectedItems());
        store();
    });
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

QLineEdit *ServerProfilesDialog::edit(const QString &accessibleName, const QString &placeholder)
{
    auto *e = new QLineEdit(this);
    e->setAccessibleName(accessibleName);
    e->setPlaceholderText(placeholder);
    return e;
}

QWidget *ServerProfilesDialog::connectionPage()
{
    auto *page = new QWidget(this);
    m_name = edit(tr("Profile name"), tr("e.g. Production cluster"));
    m_url = edit(tr("Server URL"), QStringLiteral("https://livy.example.org:8998"));
    m_auth = new QComboBox(this);
    m_auth->setAccessibleName(tr("Authentication"));
    m_auth->addItem(tr("None"), int(AuthMethod::None));
    m_auth->addItem(tr("User and password (Basic, LDAP, gateways)"), int(AuthMethod::Basic));
    m_auth->addItem(tr("Bearer token"), int(AuthMethod::Bearer));
    m_auth->addItem(tr("Kerberos (SPNEGO, ticket from kinit)"), int(AuthMethod::Kerberos));
    m_authHelp = helpLabel(QString(), this);
    m_user = edit(tr("User name"), tr("for HTTP Basic (LDAP)"));
    m_password = edit(tr("Password"), tr("kept in the system keychain; empty keeps it"));
    m_password->setEchoMode(QLineEdit::Password);
    m_kerberosService = edit(tr("Kerberos service"), tr("HTTP@<the URL's host> (leave empty)"));
    m_ticket = helpLabel(QString(), this);
    m_ticket->setAccessibleName(tr("Kerberos ticket"));
    m_ticket->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_doAs = edit(tr("Impersonate (doAs)"), tr("optional: the user to act as (needs the server's permission)"));
    m_sparkUiTemplate = edit(tr("Spark UI address"), tr("http://{livy.host}:{conf:spark.ui.port} (when Livy reports none)"));
    m_sparkUiTemplate->setObjectName(QStringLiteral("sparkUiTemplate"));
    m_sparkUiTemplate->setToolTip(tr("Where a session's Spark UI is when Livy reports no sparkUiUrl (local mode, some "
                                     "Kubernetes set-ups): a URL with {livy.host}, {livy.scheme}, {livy.port}, "
                                     "{session.id}, {session.name}, {appId} or {conf:KEY} (a key of the session's "
                                     "conf). Empty: what Livy reports, else the port the session log names."));

    auto *form = new QFormLayout(page);
    m_connectionForm = form;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(QString(), m_authHelp);
    form->addRow(tr("U&ser:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Kerberos s&ervice:"), m_kerberosService);
    form->addRow(QString(), m_ticket);
    form->addRow(tr("&doAs:"), m_doAs);
    form->addRow(QString(), helpLabel(tr("doAs makes every request act for another user (Livy's ?doAs=): the server "
                                         "must enable impersonation and let you impersonate that user."),
                                      this));
    form->addRow(tr("Spar&k UI address:"), m_sparkUiTemplate);
    return page;
}

QWidget *ServerProfilesDialog::tlsPage()
{
    auto *page = new QWidget(this);
    m_verifyTls = new QCheckBox(tr("&Verify the server's TLS certificate"), this);
    m_verifyTls->setAccessibleName(tr("Verify TLS certificate"));
    m_tlsWarning = new QLabel(tr("⚠ Without verification anyone on the network path can read and change the "
                                 "traffic, passwords included."),
                              this);
    m_tlsWarning->setWordWrap(true);
    m_ca = edit(tr("CA certificates"), tr("optional PEM file of your company's CA (added to the system's)"));
    m_clientCert = edit(tr("Client certificate"), tr("optional PEM or PKCS#12 (.p12, .pfx) file"));
    m_clientKey = edit(tr("Client key"), tr("PEM key file; empty for PKCS#12 or a PEM holding the key"));
    m_passphrase = edit(tr("Key passphrase"), tr("kept in the system keychain; empty keeps it"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_pins = new QListWidget(this);
    m_pins->setAccessibleName(tr("Trusted certificates"));
    m_pins->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_pins->setMaximumHeight(90);
    m_unpin = new QPushButton(tr("Stop &Trusting"), this);
    m_unpin->setAccessibleName(tr("Stop trusting the selected certificates"));
    m_unpin->setAutoDefault(false);
    m_unpin->setEnabled(false);

    const QString pem = tr("Certificates (*.pem *.crt *.cer);;All files (*)");
    auto *form = new QFormLayout(page);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter); // level with the file fields and their buttons
    form->addRow(QString(), m_verifyTls);
    form->addRow(QString(), m_tlsWarning);
    form->addRow(tr("&CA bundle:"), withBrowse(m_ca, tr("CA certificates"), pem, this));
    form->addRow(tr("C&lient certificate:"),
                 withBrowse(m_clientCert, tr("Client certificate"),
                            tr("Certificates (*.pem *.crt *.p12 *.pfx);;All files (*)"), this));
    form->addRow(tr("Client &key:"), withBrowse(m_clientKey, tr("Client key"), tr("Keys (*.pem *.key);;All files (*)"), this));
    form->addRow(tr("Key pa&ssphrase:"), m_passphrase);
    form->addRow(QString(), helpLabel(tr("For servers and gateways that require a client certificate (mutual TLS)."), this));
    form->addRow(tr("Trusted certificates:"), m_pins);
    form->addRow(QString(), m_unpin);
    form->addRow(QString(), helpLabel(tr("Certificates you chose to trust for this profile when they failed "
                                         "verification, by SHA-256. A changed certificate asks again."),
                                      this));
    return page;
}

QWidget *ServerProfilesDialog::proxyPage()
{
    auto *page = new QWidget(this);
    m_proxyMode = new QComboBox(this);
    m_proxyMode->setAccessibleName(tr("Proxy"));
    m_proxyMode->addItem(tr("The system's proxy settings"), int(ProxyMode::System));
    m_proxyMode->addItem(tr("No proxy"), int(ProxyMode::None));
    m_proxyMode->addItem(tr("This proxy:"), int(ProxyMode::Manual));
    m_proxyUrl = edit(tr("Proxy URL"), QStringLiteral("http://proxy.example.org:3128"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Proxy:"), m_proxyMode);
    form->addRow(tr("Proxy &URL:"), m_proxyUrl);
    form->addRow(QString(), helpLabel(tr("http:// or socks5:// proxies. The system's settings come from the "
                                         "environment (http_proxy, https_proxy, no_proxy) or the desktop."),
                                      this));
    return page;
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
        return tr("Enter the server's URL.");
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return tr("The URL needs http:// or https:// and a host.");
    return {};
}

void ServerProfilesDialog::load(int row)
{
    m_loading = true;
    const bool valid = row >= 0 && row < m_profiles.size();
    m_tabs->setEnabled(valid);
    const ServerProfile p = valid ? m_profiles.at(row) : ServerProfile();
    m_name->setText(p.name);
    m_url->setText(p.url.toString());
    m_auth->setCurrentIndex(std::max(0, m_auth->findData(int(p.auth))));
    m_user->setText(p.userName);
    m_password->setText(m_secrets.value(p.secretKey()));
    m_passwordEdited = m_secrets.contains(p.secretKey());
    m_kerberosService->setText(p.kerberosService);
    m_doAs->setText(p.doAs);
    m_sparkUiTemplate->setText(p.sparkUiTemplate);
    m_headers->setHeaders(p.headers);
    m_verifyTls->setChecked(p.verifyTls);
    m_ca->setText(p.caCertificates);
    m_clientCert->setText(p.clientCertificate);
    m_clientKey->setText(p.clientKey);
    m_passphrase->setText(m_secrets.value(p.passphraseKey()));
    m_passphraseEdited = m_secrets.contains(p.passphraseKey());
    m_pins->clear();
    m_pins->addItems(p.pinnedCertificates);
    m_proxyMode->setCurrentIndex(std::max(0, m_proxyMode->findData(int(p.proxy))));
    m_proxyUrl->setText(p.proxyUrl);
    showTicket();
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
    p.kerberosService = m_kerberosService->text().trimmed();
    p.doAs = m_doAs->text().trimmed();
    p.sparkUiTemplate = m_sparkUiTemplate->text().trimmed();
    p.headers = m_headers->headers();
    const QHash<QString, QString> headerSecrets = m_headers->secretValues();
    for (auto it = headerSecrets.cbegin(); it != headerSecrets.cend(); ++it)
        m_secrets.insert(p.headerSecretKey(it.key()), it.value());
    p.verifyTls = m_verifyTls->isChecked();
    p.caCertificates = m_ca->text().trimmed();
    p.clientCertificate = m_clientCert->text().trimmed();
    p.clientKey = m_clientKey->text().trimmed();
    if (m_passphraseEdited) {
        m_secrets.insert(p.passphraseKey(), m_passphrase->text());
        p.clientKeyEncrypted = !m_passphrase->text().isEmpty();
    }
    p.pinnedCertificates.clear();
    for (int i = 0; i < m_pins->count(); ++i)
        p.pinnedCertificates.append(m_pins->item(i)->text());
    p.proxy = ProxyMode(m_proxyMode->currentData().toInt());
    p.proxyUrl = m_proxyUrl->text().trimmed();
    if (m_passwordEdited)
        m_secrets.insert(p.secretKey(), m_password->text());
    m_list->item(row)->setText(p.displayName());
    revalidate();
}

void ServerProfilesDialog::showTicket()
{
    // Reads the ticket cache: when Kerberos is chosen or a profile is shown, not on every keystroke.
    if (AuthMethod(m_auth->currentData().toInt()) != AuthMethod::Kerberos)
        return;
    const Livy::KerberosTicket ticket = Livy::NegotiateContext::currentTicket();
    const QString problem = Livy::NegotiateAuthenticator::ticketProblem(ticket);
    m_ticket->setText(problem.isEmpty() ? tr("✓ Ticket of %1, valid until %2")
                                              .arg(ticket.principal, QLocale().toString(ticket.expires.toLocalTime(),
                                                                                        QLocale::ShortFormat))
                                        : QStringLiteral("⚠ ") + problem);
}

void ServerProfilesDialog::revalidate()
{
    const auto method = AuthMethod(m_auth->currentData().toInt());
    const bool enabled = m_tabs->isEnabled();
    m_password->setPlaceholderText(method == AuthMethod::Bearer ? tr("the token; kept in the system keychain, empty keeps it")
                                                                 : tr("kept in the system keychain; empty keeps it"));
    m_password->setAccessibleName(method == AuthMethod::Bearer ? tr("Token") : tr("Password"));
    m_password->setEnabled(enabled && (method == AuthMethod::Basic || method == AuthMethod::Bearer));
    m_user->setEnabled(enabled && method == AuthMethod::Basic);
    m_kerberosService->setEnabled(enabled && method == AuthMethod::Kerberos);
    // Only the fields of the chosen method are on show.
    m_connectionForm->setRowVisible(m_user, method == AuthMethod::Basic);
    m_connectionForm->setRowVisible(m_password, method == AuthMethod::Basic || method == AuthMethod::Bearer);
    m_connectionForm->setRowVisible(m_kerberosService, method == AuthMethod::Kerberos);
    m_connectionForm->setRowVisible(m_ticket, method == AuthMethod::Kerberos);
    switch (method) {
    case AuthMethod::None: m_authHelp->setText(tr("Requests carry no credentials: for a Livy without authentication.")); break;
    case AuthMethod::Basic:
        m_authHelp->setText(tr("HTTP Basic with this user and password: Livy with livy.server.auth.type = ldap, or a gateway "
                               "such as Knox. Use https so the password is not sent in the clear."));
        break;
    case AuthMethod::Bearer: m_authHelp->setText(tr("Sends \"Authorization: Bearer <token>\" with every request (token gateways).")); break;
    case AuthMethod::Kerberos:
        m_authHelp->setText(tr("For Livy with livy.server.auth.type = kerberos (Cloudera, Hortonworks, most on-premise "
                               "YARN). Uses your Kerberos ticket: run kinit before connecting. No password is stored. "
                               "The URL must use the server's host name (its HTTP/ principal), not an address."));
        break;
    }
    m_proxyUrl->setEnabled(enabled && ProxyMode(m_proxyMode->currentData().toInt()) == ProxyMode::Manual);
    m_tlsWarning->setVisible(!m_verifyTls->isChecked());
    QPalette pal = m_tlsWarning->palette();
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    m_tlsWarning->setPalette(pal);
    m_message->setPalette(pal);
    QString problem;
    for (const ServerProfile &p : std::as_const(m_profiles)) {
        QString error = urlError(p.url);
        if (error.isEmpty() && p.proxy == ProxyMode::Manual && QUrl::fromUserInput(p.proxyUrl).host().isEmpty())
            error = tr("Enter the proxy's URL, or choose another proxy setting.");
        if (error.isEmpty() && !p.clientKey.isEmpty() && p.clientCertificate.isEmpty())
            error = tr("A client key needs its certificate.");
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
    m_tabs->setCurrentIndex(0);
    m_name->setFocus();
    revalidate();
}

void ServerProfilesDialog::removeSelected()
{
    const int row = currentRow();
    if (row < 0 || row >= m_profiles.size())
        return;
    const QString prefix = m_profiles.at(row).id;
    m_secrets.removeIf([&prefix](const auto &entry) { return entry.key() == prefix || entry.key().startsWith(prefix + QLatin1Char('/')); });
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
    // Only the secrets the profiles still use (a header renamed or no longer secret leaves nothing behind).
    QStringList used;
    for (const ServerProfile &p : std::as_const(m_profiles))
        used += p.secretKeys();
    QHash<QString, QString> secrets;
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
        if (used.contains(it.key()) || it.value().isEmpty())
            secrets.insert(it.key(), it.value());
    Q_EMIT profilesAccepted(m_profiles, secrets, selectedId());
    QDialog::accept();
}

} // namespace LivyDesk
