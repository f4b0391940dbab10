// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/serverprofilesdialog.h"
#include "profiles/serverprofilestore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSet>
#include <QtTest>

using namespace LivyDesk;

class TestServerProfiles : public QObject
{
    Q_OBJECT

    static ServerProfile profile(const QString &id, const QString &url)
    {
        ServerProfile p;
        p.id = id;
        p.url = QUrl(url);
        return p;
    }
    template<typename W>
    static W *named(QDialog &dialog, const char *accessibleName)
    {
        const QList<W *> widgets = dialog.findChildren<W *>();
        for (W *w : widgets)
            if (w->accessibleName() == QLatin1String(accessibleName))
                return w;
        qFatal("no widget %s", accessibleName);
    }
    static QComboBox *combo(QDialog &dialog, const char *name) { return named<QComboBox>(dialog, name); }
    static QCheckBox *check(QDialog &dialog, const char *name) { return named<QCheckBox>(dialog, name); }
    static QLineEdit *field(QDialog &dialog, const char *name) { return named<QLineEdit>(dialog, name); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }

    void storeRoundTripsWithoutSecrets()
    {
        ServerProfile p = profile(QStringLiteral("x"), QStringLiteral("https://livy:8998"));
        p.name = QStringLiteral("Prod");
        p.auth = AuthMethod::Basic;
        p.userName = QStringLiteral("alice");
        p.verifyTls = false;
        p.caCertificates = QStringLiteral("/etc/ca.pem");
        p.doAs = QStringLiteral("bob");
        ServerProfileStore store;
        ServerProfile token = profile(QStringLiteral("y"), QStringLiteral("http://localhost:8998"));
        token.auth = AuthMethod::Bearer;
        store.save({ p, token });
        store.setCurrentId(QStringLiteral("y"));
        const QList<ServerProfile> loaded = store.load();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.first(), p);
        QCOMPARE(loaded.last().auth, AuthMethod::Bearer);
        QCOMPARE(store.currentId(), QStringLiteral("y"));
        // Nothing in the settings file looks like a password.
        QSettings settings;
        const QStringList keys = settings.allKeys();
        for (const QString &key : keys)
            QVERIFY2(!key.contains(QStringLiteral("pass"), Qt::CaseInsensitive), qPrintable(key));
    }

    void profilesFromBeforeTheAuthMethodKeepWorking()
    {
        // Written by an older LivyDesk: a user name meant Basic, none meant no authentication.
        QSettings settings;
        settings.beginWriteArray(QStringLiteral("servers"), 2);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("id"), QStringLiteral("old-basic"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("https://livy:8998"));
        settings.setValue(QStringLiteral("user"), QStringLiteral("alice"));
        settings.setArrayIndex(1);
        settings.setValue(QStringLiteral("id"), QStringLiteral("old-open"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("http://livy:8998"));
        settings.endArray();
        settings.sync();
        const QList<ServerProfile> loaded = ServerProfileStore().load();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0).auth, AuthMethod::Basic);
        QCOMPARE(loaded.at(1).auth, AuthMethod::None);
    }

    void commandLineUrlReusesOrAddsAProfile()
    {
        QList<ServerProfile> profiles{ profile(QStringLiteral("a"), QStringLiteral("http://h:8998")) };
        QCOMPARE(ServerProfileStore::profileForUrl(profiles, QUrl(QStringLiteral("http://h:8998/"))).id, QStringLiteral("a"));
        QCOMPARE(profiles.size(), 1);
        const ServerProfile added = ServerProfileStore::profileForUrl(profiles, QUrl(QStringLiteral("https://carol:secret@other:8998")));
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(added.userName, QStringLiteral("carol"));
        QCOMPARE(added.auth, AuthMethod::Basic);
        QVERIFY(!added.url.toString().contains(QStringLiteral("secret"))); // a password in a URL is never kept
        QCOMPARE(added.url.host(), QStringLiteral("other"));
    }

    void dialogEditsProfilesAndPasswords()
    {
        ServerProfile a = profile(QStringLiteral("a"), QStringLiteral("http://h:8998"));
        ServerProfilesDialog dialog({ a }, QStringLiteral("a"));
        dialog.show();
        QSignalSpy accepted(&dialog, &ServerProfilesDialog::profilesAccepted);
        QLineEdit *name = field(dialog, "Profile name");
        QLineEdit *url = field(dialog, "Server URL");
        QLineEdit *user = field(dialog, "User name");
        QLineEdit *password = field(dialog, "Password");
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        auto *auth = combo(dialog, "Authentication");
        QVERIFY(!user->isEnabled()); // no authentication: nothing to fill in
        auth->setCurrentIndex(auth->findData(int(AuthMethod::Basic)));
        QVERIFY(user->isEnabled() && password->isEnabled());
        QTest::keyClicks(name, QStringLiteral("Cluster"));
        QTest::keyClicks(user, QStringLiteral("alice"));
        QTest::keyClicks(password, QStringLiteral("s3cret"));
        auto *verify = check(dialog, "Verify TLS certificate");
        verify->setChecked(false);

        // A bad URL blocks OK.
        url->clear();
        QTest::keyClicks(url, QStringLiteral("ftp://x"));
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        url->clear();
        QTest::keyClicks(url, QStringLiteral("https://livy.example.org:8998"));
        QVERIFY(ok->isEnabled());

        dialog.addProfile(); // a second profile, untouched password
        ok->click();
        QCOMPARE(accepted.count(), 1);
        const auto profiles = accepted.at(0).at(0).value<QList<ServerProfile>>();
        const auto passwords = accepted.at(0).at(1).value<QHash<QString, QString>>();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.first().name, QStringLiteral("Cluster"));
        QCOMPARE(profiles.first().userName, QStringLiteral("alice"));
        QCOMPARE(profiles.first().auth, AuthMethod::Basic);
        QVERIFY(!profiles.first().verifyTls);
        QVERIFY(profiles.first().isInsecure());
        QCOMPARE(profiles.first().url, QUrl(QStringLiteral("https://livy.example.org:8998")));
        QCOMPARE(passwords.size(), 1); // only the password that was typed
        QCOMPARE(passwords.value(QStringLiteral("a")), QStringLiteral("s3cret"));
        QCOMPARE(accepted.at(0).at(2).toString(), profiles.last().id); // the selected one
    }

    void everySecretGoesToTheKeychainNeverToSettings()
    {
        ServerProfile a = profile(QStringLiteral("a"), QStringLiteral("https://livy.example.org:8998"));
        ServerProfilesDialog dialog({ a }, QStringLiteral("a"));
        dialog.show();
        QSignalSpy accepted(&dialog, &ServerProfilesDialog::profilesAccepted);
        auto *auth = combo(dialog, "Authentication");
        auth->setCurrentIndex(auth->findData(int(AuthMethod::Kerberos)));
        QVERIFY(!field(dialog, "Password")->isEnabled()); // Kerberos: no password at all
        QVERIFY(!field(dialog, "Password")->isVisible());
        QVERIFY(field(dialog, "Kerberos service")->isEnabled());
        QVERIFY(named<QLabel>(dialog, "Kerberos ticket")->isVisible()); // the ticket's state, or "run kinit"
        QTest::keyClicks(field(dialog, "Kerberos service"), QStringLiteral("HTTP@livy-lb.example.org"));
        QTest::keyClicks(field(dialog, "Impersonate (doAs)"), QStringLiteral("etl"));

        // Headers: one plain, one secret.
        auto *add = named<QPushButton>(dialog, "Add header");
        add->click();
        add->click();
        QTest::keyClicks(field(dialog, "Header 1 name"), QStringLiteral("X-Team"));
        QTest::keyClicks(field(dialog, "Header 1 value"), QStringLiteral("analytics"));
        QTest::keyClicks(field(dialog, "Header 2 name"), QStringLiteral("X-Api-Key"));
        check(dialog, "Header 2 value is secret")->setChecked(true);
        QCOMPARE(field(dialog, "Header 2 value")->echoMode(), QLineEdit::Password);
        QTest::keyClicks(field(dialog, "Header 2 value"), QStringLiteral("k3y-secret"));

        // A client certificate with an encrypted key; a manual proxy.
        QTest::keyClicks(field(dialog, "Client certificate"), QStringLiteral("/home/alice/alice.p12"));
        QTest::keyClicks(field(dialog, "Key passphrase"), QStringLiteral("p4ss-phrase"));
        auto *proxy = combo(dialog, "Proxy");
        proxy->setCurrentIndex(proxy->findData(int(ProxyMode::Manual)));
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // a manual proxy needs its URL
        QTest::keyClicks(field(dialog, "Proxy URL"), QStringLiteral("http://proxy.example.org:3128"));
        QVERIFY(ok->isEnabled());
        ok->click();

        QCOMPARE(accepted.count(), 1);
        const auto profiles = accepted.at(0).at(0).value<QList<ServerProfile>>();
        const auto secrets = accepted.at(0).at(1).value<QHash<QString, QString>>();
        const ServerProfile p = profiles.first();
        QCOMPARE(p.auth, AuthMethod::Kerberos);
        QCOMPARE(p.kerberosService, QStringLiteral("HTTP@livy-lb.example.org"));
        QCOMPARE(p.doAs, QStringLiteral("etl"));
        QCOMPARE(p.headers.size(), 2);
        QCOMPARE(p.headers.at(0), (ExtraHeader{ QStringLiteral("X-Team"), QStringLiteral("analytics"), false }));
        QCOMPARE(p.headers.at(1), (ExtraHeader{ QStringLiteral("X-Api-Key"), QString(), true })); // no value here
        QCOMPARE(p.clientCertificate, QStringLiteral("/home/alice/alice.p12"));
        QVERIFY(p.clientKeyEncrypted);
        QCOMPARE(p.proxy, ProxyMode::Manual);
        QCOMPARE(secrets.value(p.headerSecretKey(QStringLiteral("X-Api-Key"))), QStringLiteral("k3y-secret"));
        QCOMPARE(secrets.value(p.passphraseKey()), QStringLiteral("p4ss-phrase"));
        QCOMPARE(secrets.size(), 2);
        const QStringList keys = p.secretKeys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
                 QSet<QString>({ p.headerSecretKey(QStringLiteral("X-Api-Key")), p.passphraseKey() }));

        // Saved and loaded back: equal, and the settings file holds no secret value.
        ServerProfileStore().save(profiles);
        QSettings settings;
        settings.sync();
        QCOMPARE(ServerProfileStore().load().first(), p);
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.contains("X-Api-Key") && written.contains("analytics"));
        QVERIFY(!written.contains("k3y-secret"));
        QVERIFY(!written.contains("p4ss-phrase"));
    }

    void urlErrors()
    {
        QVERIFY(!ServerProfilesDialog::urlError(QUrl()).isEmpty());
        QVERIFY(!ServerProfilesDialog::urlError(QUrl(QStringLiteral("file:///x"))).isEmpty());
        QVERIFY(ServerProfilesDialog::urlError(QUrl(QStringLiteral("http://h:8998"))).isEmpty());
    }
};

QTEST_MAIN(TestServerProfiles)
#include "tst_serverprofiles.moc"
