// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tls/certificateinfo.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace LivyDesk {

/// Shown when a server's certificate is not trusted: says why in one line, lists the problems and the chain
/// (leaf first) with the selected certificate's details, and lets the user trust that exact certificate for
/// the profile. Accepted means "pin it": the caller adds pinnedFingerprint() to the profile's pins and
/// reconnects. Cancel is the default button, so no single key press trusts a certificate; when pinning could
/// not help (a revoked certificate, …) the trust button is disabled and the dialog says so.
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    /// `serverName` as the user knows it, e.g. "livy.example.org:8443".
    CertificateDialog(const Livy::CertificateChainInfo &info, const QString &serverName, QWidget *parent = nullptr);

    /// The leaf certificate's SHA-256 fingerprint ("AB:CD:…"): what to pin when the dialog was accepted.
    QString pinnedFingerprint() const { return m_info.leafSha256(); }
    /// Everything the dialog shows, as plain text (what "Copy details" puts on the clipboard).
    QString detailsText() const;

public Q_SLOTS:
    void copyDetails();

private:
    void showCertificate(int row);

    Livy::CertificateChainInfo m_info;
    QString m_serverName;
    QListWidget *m_chain = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_trust = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace LivyDesk
