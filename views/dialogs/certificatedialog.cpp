// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "certificatedialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {

QLabel *wrappedLabel(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(accessibleName);
    return label;
}

/// What a chain entry is: "server certificate", "root authority", "intermediate authority", "issuer".
QString roleOf(const Livy::CertificateDetails &certificate, int row)
{
    if (row == 0)
        return QStringLiteral("server certificate");
    if (certificate.certificateAuthority)
        return certificate.selfSigned ? QStringLiteral("root authority") : QStringLiteral("intermediate authority");
    return QStringLiteral("issuer");
}

} // namespace

CertificateDialog::CertificateDialog(const Livy::CertificateChainInfo &info, const QString &serverName,
                                     QWidget *parent)
    : QDialog(parent)
    , m_info(info)
    , m_serverName(serverName)
{
    setWindowTitle(QStringLiteral("Untrusted certificate — %1").arg(serverName));
    setAccessibleName(QStringLiteral("Untrusted certificate"));
    resize(820, 600);

    // Why, in one line, beside the platform's warning icon.
    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    icon->setAccessibleName(QStringLiteral("Warning"));
    auto *reason = wrappedLabel(info.reasonText(serverName), QStringLiteral("Reason"), this);
    reason->setObjectName(QStringLiteral("reason"));
    QFont bold = reason->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    reason->setFont(bold);
    auto *consequence = wrappedLabel(QStringLiteral("LivyDesk has not connected. Check the certificate below before "
                                                    "you decide to trust it."),
                                     QStringLiteral("Consequence"), this);

    // The problems, each with the certificate it is about.
    QStringList lines;
    for (const auto &problem : info.problems) {
        const QString about = problem.certificateIndex >= 0 && problem.certificateIndex < info.certificates.size()
                                  ? QStringLiteral(" (%1)").arg(info.certificates[problem.certificateIndex].displayName())
                                  : QString();
        lines << QStringLiteral("• ") + problem.text + about;
    }
    auto *problems = wrappedLabel(lines.join(u'\n'), QStringLiteral("Certificate problems"), this);
    problems->setObjectName(QStringLiteral("problems"));

    // The chain, leaf first, and the selected certificate's details.
    m_chain = new QListWidget(this);
    m_chain->setObjectName(QStringLiteral("chain"));
    m_chain->setAccessibleName(QStringLiteral("Certificate chain"));
    m_chain->setAccessibleDescription(QStringLiteral("The server's certificate first, then its issuers"));
    m_chain->setSpacing(3);
    m_chain->setWordWrap(true);
    m_chain->setTextElideMode(Qt::ElideMiddle);
    m_chain->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_chain->setAlternatingRowColors(true);
    for (int row = 0; row < info.certificates.size(); ++row) {
        const auto &certificate = info.certificates[row];
        auto *item = new QListWidgetItem(QStringLiteral("%1. %2\n     %3")
                                             .arg(row + 1)
                                             .arg(certificate.displayName(), roleOf(certificate, row)),
                                         m_chain);
        item->setToolTip(certificate.subject);
    }
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setAccessibleName(QStringLiteral("Certificate details"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *chainLabel = new QLabel(QStringLiteral("Certificate &chain:"), this);
    chainLabel->setBuddy(m_chain);
    auto *detailsLabel = new QLabel(QStringLiteral("&Details:"), this);
    detailsLabel->setBuddy(m_details);
    auto *chainPane = new QWidget(this);
    auto *chainLayout = new QVBoxLayout(chainPane);
    chainLayout->setContentsMargins(0, 0, 0, 0);
    chainLayout->addWidget(chainLabel);
    chainLayout->addWidget(m_chain);
    auto *detailsPane = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(detailsLabel);
    detailsLayout->addWidget(m_details);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(chainPane);
    splitter->addWidget(detailsPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({250, 550});

    // What trusting means, and the better fix when an authority issued the certificate.
    QString noteText;
    if (info.canBePinned) {
        noteText = QStringLiteral("Trusting pins exactly this certificate (SHA-256 %1) for this profile only. If the "
                                  "server later presents a different certificate, for example after a renewal, "
                                  "you will be asked again.")
                       .arg(info.leafSha256());
        if (info.leafIssuedByAuthority()) {
            const QString issuer = info.certificates.first().issuerCommonName;
            noteText += QStringLiteral("\n\nThis certificate was issued by %1. If that is your organization's "
                                       "certificate authority, add its CA certificate to the profile instead: it "
                                       "covers every server it signs, renewals included.")
                            .arg(issuer.isEmpty() ? QStringLiteral("an authority") : QStringLiteral("\"%1\"").arg(issuer));
        }
    } else {
        noteText = QStringLiteral("This problem cannot be overridden by trusting the certificate. Ask the server's "
                                  "administrator to fix its certificate.");
    }
    auto *note = wrappedLabel(noteText, QStringLiteral("Note"), this);
    note->setObjectName(QStringLiteral("note"));

    auto *buttons = new QDialogButtonBox(this);
    m_copy = new QPushButton(QStringLiteral("Co&py details"), this);
    m_copy->setObjectName(QStringLiteral("copy"));
    m_copy->setAccessibleName(QStringLiteral("Copy details"));
    m_copy->setToolTip(QStringLiteral("Copies the problems and every certificate of the chain as text"));
    m_trust = buttons->addButton(QStringLiteral("&Trust this certificate for this profile"), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("trust"));
    m_trust->setAccessibleName(QStringLiteral("Trust this certificate for this profile"));
    m_trust->setAccessibleDescription(QStringLiteral("Pins the server certificate with SHA-256 %1").arg(info.leafSha256()));
    m_trust->setEnabled(info.canBePinned);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setAccessibleName(QStringLiteral("Cancel"));
    // Enter cancels wherever the focus is: only an explicit click (or Alt+T, Space on the button) trusts.
    m_trust->setAutoDefault(false);
    m_copy->setAutoDefault(false);
    m_cancel->setAutoDefault(true);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &CertificateDialog::copyDetails);

    auto *header = new QVBoxLayout;
    header->addWidget(reason);
    header->addWidget(consequence);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(header, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(problems);
    layout->addWidget(splitter, 1);
    layout->addWidget(note);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_copy);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_chain, &QListWidget::currentRowChanged, this, &CertificateDialog::showCertificate);
    if (m_chain->count() > 0)
        m_chain->setCurrentRow(0);
    m_chain->setFocus();
}

void CertificateDialog::showCertificate(int row)
{
    if (row < 0 || row >= m_info.certificates.size()) {
        m_details->clear();
        return;
    }
    QStringList about;
    for (const auto &problem : std::as_const(m_info.problems)) {
        if (problem.certificateIndex == row || (row == 0 && problem.certificateIndex < 0))
            about << QStringLiteral("• ") + problem.text;
    }
    const QString text = (about.isEmpty() ? QString() : QStringLiteral("Problems:\n") + about.join(u'\n') + QStringLiteral("\n\n"))
                         + m_info.certificates[row].toText(true);
    m_details->setPlainText(text);
}

QString CertificateDialog::detailsText() const
{
    return windowTitle() + QStringLiteral("\n\n") + m_info.reasonText(m_serverName) + QStringLiteral("\n\n")
           + m_info.toText() + u'\n';
}

void CertificateDialog::copyDetails()
{
    QApplication::clipboard()->setText(detailsText());
    m_copy->setText(QStringLiteral("Copied"));
    QTimer::singleShot(2000, m_copy, [button = m_copy] { button->setText(QStringLiteral("Co&py details")); });
}

} // namespace LivyDesk
