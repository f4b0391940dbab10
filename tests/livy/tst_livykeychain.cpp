// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Secrets, end to end, with a REAL Secret Service (gnome-keyring on a private bus: tests/livy/auth/with-keyring)
// and the real LDAP Livy of scripts/auth-servers: the whole app stores a password, a secret header and a key
// passphrase in the keychain, reads them back after a restart, and no secret ever reaches the settings file, the
// log or an error text, including after a refused password.

#include "application.h"
#include "dialogs/certificatedialog.h"
#include "mainwindow.h"
#include "panels/serverbar.h"
#include "panels/statusarea.h"
#include "passwordstore.h"
#include "profiles/serverprofilestore.h"

#include <QDialog>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QtTest>

using namespace LivyDesk;

namespace {
QStringList g_log;
QtMessageHandler g_previous = nullptr;
void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

class TestLivyKeychain : public QObject
{
    Q_OBJECT

    QMap<QString, QString> m_env;
    // Canaries: each must end up in the keychain and nowhere else.
    const QString m_wrongPassword = QStringLiteral("canary-wrong-pw-7Q2");
    const QString m_headerSecret = QStringLiteral("canary-header-9X4");
    const QString m_passphrase = QStringLiteral("canary-passphrase-3K8");

    void checkNoSecretLeaked(Application &app)
    {
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QString written = QString::fromUtf8(file.readAll());
        QVERIFY(written.contains(m_env.value(QStringLiteral("LDAP_USER")))); // the profile is there…
        const QString shown = app.window()->statusArea()->errorText() + app.window()->statusArea()->errorDetails()
            + app.window()->serverBar()->statusText() + app.window()->statusArea()->activityText();
        for (const QString &secret : { m_wrongPassword, m_headerSecret, m_passphrase, m_env.value(QStringLiteral("LDAP_PASSWORD")) }) {
            QVERIFY2(!written.contains(secret), "a secret in the settings file");    // …its secrets are not
            QVERIFY2(!g_log.join(QLatin1Char('\n')).contains(secret), "a secret in the log");
            QVERIFY2(!shown.contains(secret), "a secret in the window's status or error text");
        }
    }

    /// The app as a user starts it, with `profile` as the only and current server profile saved beforehand (or, with
    /// no profile, whatever is saved).
    static std::unique_ptr<Application> start(const std::optional<ServerProfile> &profile = std::nullopt)
    {
        if (profile) {
            ServerProfileStore().save({ *profile });
            ServerProfileStore().setCurrentId(profile->id);
        }
        Application::Options options;
        options.restoreLayout = false;
        auto app = std::make_unique<Application>(options);
        app->start();
        return app;
    }

    static QHash<QString, QString> readKeychain(PasswordStore &store, const QStringList &keys)
    {
        QHash<QString, QString> values;
        bool done = false;
        QString error;
        store.readAll(keys, [&](const QHash<QString, QString> &v, const QString &e) {
            values = v;
            error = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000) || !error.isEmpty())
            qWarning() << "keychain read failed:" << error;
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile file(QString::fromLocal8Bit(qgetenv("LIVYDESK_AUTH_ENV")));
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("no authentication servers: LIVYDESK_AUTH_ENV does not name scripts/auth-servers' auth.env");
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no session bus with a Secret Service: run under tests/livy/auth/with-keyring");
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        QSettings().clear();
        g_previous = qInstallMessageHandler(capture);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void theRealKeychainRoundTrips()
    {
        PasswordStore store;
        QSignalSpy failed(&store, &PasswordStore::failed);
        store.write(QStringLiteral("roundtrip/a"), QStringLiteral("value-a"));
        store.write(QStringLiteral("roundtrip/b"), QStringLiteral("value-b"));
        QTRY_COMPARE_WITH_TIMEOUT(readKeychain(store, { QStringLiteral("roundtrip/a"), QStringLiteral("roundtrip/b") }).size(), 2, 20000);
        const auto values = readKeychain(store, { QStringLiteral("roundtrip/a"), QStringLiteral("roundtrip/b"), QStringLiteral("roundtrip/none") });
        QCOMPARE(values.value(QStringLiteral("roundtrip/a")), QStringLiteral("value-a"));
        QCOMPARE(values.value(QStringLiteral("roundtrip/b")), QStringLiteral("value-b"));
        QVERIFY(!values.contains(QStringLiteral("roundtrip/none"))); // missing: absent, not an error
        store.remove(QStringLiteral("roundtrip/a"));
        QTRY_VERIFY_WITH_TIMEOUT(!readKeychain(store, { QStringLiteral("roundtrip/a") }).contains(QStringLiteral("roundtrip/a")), 20000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    }

    void secretsLiveInTheKeychainOnly()
    {
        ServerProfile profile;
        profile.id = QStringLiteral("ldap-profile");
        profile.name = QStringLiteral("LDAP Livy");
        profile.url = QUrl(m_env.value(QStringLiteral("LDAP_LIVY_URL")));
        profile.auth = AuthMethod::Basic;
        profile.userName = m_env.value(QStringLiteral("LDAP_USER"));
        profile.headers = { { QStringLiteral("X-Api-Key"), QString(), true } };
        profile.clientCertificate = m_env.value(QStringLiteral("CLIENT_P12")); // unused over http, but its passphrase is a secret
        profile.clientKeyEncrypted = true;

        {
            const std::unique_ptr<Application> started = start(profile);
            Application &app = *started;
            // The user types a wrong password, a secret header and the passphrase into the profile dialog.
            Q_EMIT app.window()->profilesEdited({ profile },
                                                { { profile.secretKey(), m_wrongPassword },
                                                  { profile.headerSecretKey(QStringLiteral("X-Api-Key")), m_headerSecret },
                                                  { profile.passphraseKey(), m_passphrase } },
                                                profile.id);
            // Refused (LDAP: 403), said clearly, and the password asked for again.
            QTRY_VERIFY_WITH_TIMEOUT(app.window()->statusArea()->errorText().contains(QLatin1String("did not accept the password")), 30000);
            QTRY_VERIFY_WITH_TIMEOUT(app.window()->findChild<QDialog *>(QString(), Qt::FindDirectChildrenOnly) != nullptr, 10000);
            checkNoSecretLeaked(app);
            if (QTest::currentTestFailed())
                return;

            // The re-prompt: the right password connects, and goes to the keychain.
            QDialog *prompt = nullptr;
            for (QDialog *d : app.window()->findChildren<QDialog *>(QString(), Qt::FindDirectChildrenOnly))
                if (d->accessibleName() == QLatin1String("Sign in"))
                    prompt = d;
            QVERIFY(prompt);
            for (QLineEdit *e : prompt->findChildren<QLineEdit *>())
                if (e->accessibleName() == QLatin1String("Password"))
                    e->setText(m_env.value(QStringLiteral("LDAP_PASSWORD")));
            prompt->accept();
            QTRY_VERIFY2_WITH_TIMEOUT(app.window()->serverBar()->state() == ServerBar::State::Connected,
                                      qPrintable(app.window()->statusArea()->errorText()), 30000);
            QVERIFY2(app.window()->statusArea()->identityText().contains(profile.userName), qPrintable(app.window()->statusArea()->identityText()));
            checkNoSecretLeaked(app);
        }

        // The keychain holds exactly what was typed last.
        PasswordStore store;
        const auto stored = readKeychain(store, profile.secretKeys());
        QCOMPARE(stored.value(profile.secretKey()), m_env.value(QStringLiteral("LDAP_PASSWORD")));
        QCOMPARE(stored.value(profile.headerSecretKey(QStringLiteral("X-Api-Key"))), m_headerSecret);
        QCOMPARE(stored.value(profile.passphraseKey()), m_passphrase);

        // A restart reads them from the keychain and connects without asking.
        const std::unique_ptr<Application> started = start();
        Application &again = *started;
        QTRY_COMPARE_WITH_TIMEOUT(again.window()->serverBar()->state(), ServerBar::State::Connected, 30000);
        checkNoSecretLeaked(again);
    }

    void aRejectedCertificateIsShownAndCanBePinned()
    {
        // The whole app against the HTTPS Livy whose CA this computer does not know: no connection, the
        // certificate dialog instead; trusting pins the certificate in the profile and connects.
        ServerProfile profile;
        profile.id = QStringLiteral("tls-profile");
        profile.url = QUrl(m_env.value(QStringLiteral("TLS_URL")));
        const std::unique_ptr<Application> started = start(profile);
        Application &app = *started;
        QDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = app.window()->findChild<CertificateDialog *>()) != nullptr, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(app.window()->serverBar()->state(), ServerBar::State::Failed, 10000);
        QVERIFY2(app.window()->statusArea()->errorText().contains(QLatin1String("is not trusted")),
                 qPrintable(app.window()->statusArea()->errorText()));
        const QString pin = static_cast<CertificateDialog *>(dialog)->pinnedFingerprint();
        QVERIFY(!pin.isEmpty());
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(app.window()->serverBar()->state(), ServerBar::State::Connected, 30000);
        QCOMPARE(ServerProfileStore().load().first().pinnedCertificates, QStringList{ pin });
    }
};

QTEST_MAIN(TestLivyKeychain)
#include "tst_livykeychain.moc"
