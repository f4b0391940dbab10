// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../models/opensslrunner.h"
#include "dialogs/certificatedialog.h"
#include "tls/certificateinfo.h"
#include "tls/tlsoptions.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSslCertificate>
#include <QSslError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using LivyDesk::CertificateDialog;
using Livy::CertificateChainInfo;

namespace {

/// A CA, a server certificate for localhost signed by it, and a self-signed certificate, made by the openssl
/// tool in a temporary directory (no key is committed).
class Certificates
{
public:
    QString error;
    QSslCertificate ca, server, self;
    QString serverSha256; // as openssl prints it

    bool generate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            error = QStringLiteral("the openssl command is not installed");
            return false;
        }
        QFile ext(m_dir.filePath(QStringLiteral("server.ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        ext.close();
        const QList<QList<QByteArray>> steps = {
            {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
             "-out", "ca.pem", "-days", "30", "-subj", "/CN=Example Corp Root CA/O=Example Corp/C=DE"},
            {"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key",
             "-out", "server.csr", "-subj", "/CN=localhost/O=Example Corp/OU=Data Platform"},
            {"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
             "server.pem", "-days", "30", "-extfile", "server.ext"},
            {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
             "self.key", "-out", "self.pem", "-days", "30", "-subj", "/CN=livy.test"},
        };
        for (const auto &step : steps) {
            if (!run(step))
                return false;
        }
        QByteArray out;
        if (!run({"x509", "-in", "server.pem", "-noout", "-fingerprint", "-sha256"}, &out))
            return false;
        serverSha256 = QString::fromLatin1(out.mid(out.indexOf('=') + 1).trimmed());
        ca = load("ca.pem");
        server = load("server.pem");
        self = load("self.pem");
        return !ca.isNull() && !server.isNull() && !self.isNull();
    }

private:
    bool run(const QList<QByteArray> &args, QByteArray *out = nullptr)
    {
        return TestSupport::runOpenssl(m_dir.path(), args, out, &error);
    }
    QSslCertificate load(const char *name) const
    {
        return QSslCertificate::fromPath(m_dir.filePath(QString::fromLatin1(name))).value(0);
    }

    QTemporaryDir m_dir;
};

template<typename T>
T *child(const QWidget &parent, const char *name)
{
    T *w = parent.findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

/// A fingerprint as the details panel shows it: two lines of 16 pairs, the second under the value column.
QString inPanel(const QString &fingerprint)
{
    return fingerprint.left(48) + u'\n' + QString(23, u' ') + fingerprint.mid(48);
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    widget.grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

} // namespace

class TestCertificateDialog : public QObject
{
    Q_OBJECT

    Certificates m_certs;

    /// A chain Qt itself rejected: the server's certificate and its root, which this computer does not trust.
    CertificateChainInfo unknownAuthority() const
    {
        const QList<QSslCertificate> chain{m_certs.server, m_certs.ca};
        return CertificateChainInfo::fromErrors(QSslCertificate::verify(chain, QStringLiteral("localhost")), chain);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_certs.generate())
            QSKIP(qPrintable(QStringLiteral("cannot make test certificates: ") + m_certs.error));
    }

    void showsWhyAndTheChain()
    {
        const CertificateChainInfo info = unknownAuthority();
        QCOMPARE(info.reason, CertificateChainInfo::Reason::UntrustedIssuer);
        QVERIFY(info.canBePinned);
        CertificateDialog dialog(info, QStringLiteral("localhost:8443"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveScreenshot(dialog, QStringLiteral("certificatedialog-unknown-authority"));

        QCOMPARE(dialog.windowTitle(), QStringLiteral("Untrusted certificate — localhost:8443"));
        QCOMPARE(child<QLabel>(dialog, "reason")->text(),
                 QStringLiteral("The certificate of localhost:8443 is signed by an authority this computer does not "
                                "trust."));
        const QString problems = child<QLabel>(dialog, "problems")->text();
        QVERIFY2(problems.contains(QLatin1String("self-signed, and untrusted (Example Corp Root CA)")), qPrintable(problems));

        auto *chain = child<QListWidget>(dialog, "chain");
        QCOMPARE(chain->count(), 2);
        QCOMPARE(chain->item(0)->text(), QStringLiteral("1. localhost\n     server certificate"));
        QCOMPARE(chain->item(1)->text(), QStringLiteral("2. Example Corp Root CA\n     root authority"));
        QCOMPARE(chain->currentRow(), 0);

        auto *details = child<QPlainTextEdit>(dialog, "details");
        QVERIFY(details->isReadOnly());
        QString text = details->toPlainText();
        QVERIFY2(text.contains(QLatin1String("Subject:               CN=localhost, OU=Data Platform, O=Example Corp\n")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Issued by:             CN=Example Corp Root CA, O=Example Corp, C=DE\n")));
        // In the panel the fingerprint is split into two lines of 16 pairs, aligned under the value column.
        QVERIFY2(text.contains(QStringLiteral("SHA-256 fingerprint:   ") + inPanel(m_certs.serverSha256) + u'\n'),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Alternative names:     DNS:localhost, IP:127.0.0.1\n")));
        QVERIFY(text.contains(QLatin1String("Valid until:           20")));

        chain->setCurrentRow(1);
        text = details->toPlainText();
        QVERIFY(text.contains(inPanel(Livy::sha256Fingerprint(m_certs.ca))));
        QVERIFY(!text.contains(inPanel(m_certs.serverSha256)));
        QVERIFY(text.contains(QLatin1String("Certificate authority: yes")));

        // The better fix is offered, as the issuer is an authority.
        const QString note = child<QLabel>(dialog, "note")->text();
        QVERIFY(note.contains(m_certs.serverSha256));
        QVERIFY2(note.contains(QLatin1String("issued by \"Example Corp Root CA\"")), qPrintable(note));
        QVERIFY(note.contains(QLatin1String("add its CA certificate to the profile")));
    }

    void cancelIsTheDefault()
    {
        CertificateDialog dialog(unknownAuthority(), QStringLiteral("localhost:8443"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *cancel = child<QPushButton>(dialog, "cancel");
        auto *trust = child<QPushButton>(dialog, "trust");
        QVERIFY(cancel->isDefault());
        QVERIFY(!trust->isDefault() && !trust->autoDefault());
        QVERIFY(trust->isEnabled());

        // Enter in the chain list cancels.
        QTest::keyClick(child<QListWidget>(dialog, "chain"), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());

        // Even with the focus on the trust button, Enter cancels.
        dialog.setResult(-1);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        trust->setFocus();
        QTest::keyClick(trust, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        dialog.setResult(-1);
        dialog.show();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void trustingPinsTheLeaf()
    {
        CertificateDialog dialog(unknownAuthority(), QStringLiteral("localhost:8443"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QListWidget>(dialog, "chain")->setCurrentRow(1); // looking at the CA changes nothing
        QTest::mouseClick(child<QPushButton>(dialog, "trust"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.pinnedFingerprint(), m_certs.serverSha256);
    }

    void selfSignedSaysSo()
    {
        const QList<QSslCertificate> chain{m_certs.self};
        const auto info =
            CertificateChainInfo::fromErrors(QSslCertificate::verify(chain, QStringLiteral("livy.test")), chain);
        QCOMPARE(info.reason, CertificateChainInfo::Reason::SelfSigned);
        CertificateDialog dialog(info, QStringLiteral("livy.test:8998"));
        QVERIFY(child<QLabel>(dialog, "reason")->text().contains(QLatin1String("is self-signed")));
        QCOMPARE(child<QListWidget>(dialog, "chain")->count(), 1);
        QVERIFY(child<QPushButton>(dialog, "trust")->isEnabled());
        QVERIFY(!child<QLabel>(dialog, "note")->text().contains(QLatin1String("CA certificate")));
        QCOMPARE(dialog.pinnedFingerprint(), Livy::sha256Fingerprint(m_certs.self));
    }

    void trustIsRefusedWhenPinningCannotHelp()
    {
        const QList<QSslCertificate> chain{m_certs.server, m_certs.ca};
        const auto info = CertificateChainInfo::fromErrors({QSslError(QSslError::CertificateRevoked, m_certs.server)},
                                                           chain);
        QCOMPARE(info.reason, CertificateChainInfo::Reason::Revoked);
        QVERIFY(!info.canBePinned);
        CertificateDialog dialog(info, QStringLiteral("localhost:8443"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveScreenshot(dialog, QStringLiteral("certificatedialog-revoked"));
        QVERIFY(!child<QPushButton>(dialog, "trust")->isEnabled());
        QVERIFY(child<QLabel>(dialog, "note")->text().contains(QLatin1String("cannot be overridden")));
        QVERIFY(child<QPushButton>(dialog, "cancel")->isDefault());
    }

    void copiesTheDetails()
    {
        CertificateDialog dialog(unknownAuthority(), QStringLiteral("localhost:8443"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QApplication::clipboard()->clear();
        QTest::mouseClick(child<QPushButton>(dialog, "copy"), Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied, dialog.detailsText());
        QVERIFY(copied.contains(QLatin1String("signed by an authority this computer does not trust")));
        QVERIFY(copied.contains(m_certs.serverSha256));
        QVERIFY(copied.contains(Livy::sha256Fingerprint(m_certs.ca)));
        QVERIFY(copied.contains(QLatin1String("[certificate 2: Example Corp Root CA]")));
        QVERIFY(dialog.isVisible()); // copying does not close it
    }

    void everyControlHasAnAccessibleName()
    {
        CertificateDialog dialog(unknownAuthority(), QStringLiteral("localhost:8443"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        int checked = 0;
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractItemView *>(w)
                                     || qobject_cast<QPlainTextEdit *>(w) || w->focusPolicy() != Qt::NoFocus;
            const bool text = qobject_cast<QLabel *>(w) && !qobject_cast<QLabel *>(w)->buddy()
                              && !qobject_cast<QLabel *>(w)->text().isEmpty();
            // Scroll bars and viewports belong to their scroll area, which carries the name.
            const bool part = w->inherits("QScrollBar") || w->parentWidget()->inherits("QAbstractScrollArea")
                              || w->parentWidget()->inherits("QScrollBar");
            if (!w->isVisible() || part || (!interactive && !text))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(),
                     qPrintable(QStringLiteral("%1 %2 has no accessible name")
                                    .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())));
            ++checked;
        }
        QVERIFY(checked >= 8); // 3 buttons, list, details, reason, problems, note, …
    }
};

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
