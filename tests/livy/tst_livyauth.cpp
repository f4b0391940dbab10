// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Authentication and transport against REAL servers on loopback (ctest label `livy`, fixture livy_auth:
// scripts/auth-servers): an MIT KDC and a Kerberized Livy (SPNEGO), slapd and an LDAP Livy with impersonation,
// an HTTPS Livy with a test CA, and nginx requiring client certificates in front of it. Each case goes through
// what the app uses: a profile, connectionFor() (authenticator, TLS, headers) and the jobs. One Spark session
// (Kerberos: a statement is the point); the others need none.

#include "livytestsupport.h"

#include "auth/negotiateauthenticator.h"
#include "livy/createsessionjob.h"
#include "livy/deletesessionjob.h"
#include "livy/listsessionsjob.h"
#include "livy/submitstatementjob.h"
#include "profiles/profileconnection.h"
#include "tls/tlsoptions.h"

#include <QFile>
#include <QNetworkCookieJar>
#include <QSslCertificate>
#include <QTemporaryDir>

using namespace Livy;
using namespace LivyDesk;
using namespace LivyTest;

class TestLivyAuth : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_env;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_tmp;
    QString m_aliceCache;

    QString env(const char *key) const
    {
        const QString value = m_env.value(QLatin1String(key));
        if (value.isEmpty())
            qWarning("auth.env has no %s", key);
        return value;
    }

    /// A connection as the app makes it for `profile` (fresh cookie jar: no hadoop.auth cookie carried over).
    std::unique_ptr<Connection> connect(const ServerProfile &profile, const QHash<QString, QString> &secrets = {})
    {
        const ProfileConnection made = connectionFor(profile, secrets);
        if (!made.problem.isEmpty())
            qWarning() << "profile problem:" << made.problem;
        m_nam.setCookieJar(new QNetworkCookieJar(&m_nam));
        m_nam.clearConnectionCache();
        m_nam.clearAccessCache();
        auto connection = std::make_unique<Connection>(&m_nam, made.settings);
        connection->setAuthenticator(made.authenticator);
        return connection;
    }

    static ServerProfile profileFor(const QString &url, AuthMethod auth = AuthMethod::None)
    {
        ServerProfile p;
        p.id = QStringLiteral("test-profile");
        p.url = QUrl(url);
        p.auth = auth;
        return p;
    }

    void useTicketCache(const QString &cache) { qputenv("KRB5CCNAME", QString(QStringLiteral("FILE:") + cache).toLocal8Bit()); }

    /// kinit from the user's keytab into `cache` (never a password on a command line).
    bool kinit(const QString &cache, const QStringList &extra = {})
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("KRB5CCNAME"), QStringLiteral("FILE:") + cache);
        p.setProcessEnvironment(e);
        p.start(QStringLiteral("kinit"), extra + QStringList{ QStringLiteral("-kt"), env("KRB_USER_KEYTAB"), env("KRB_PRINCIPAL") });
        const bool ok = p.waitForFinished(30000) && p.exitCode() == 0;
        if (!ok)
            qWarning() << "kinit failed:" << p.readAll();
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray envFile = qgetenv("LIVYDESK_AUTH_ENV");
        QFile file(QString::fromLocal8Bit(envFile));
        if (envFile.isEmpty() || !file.open(QIODevice::ReadOnly))
            QSKIP("no authentication servers: LIVYDESK_AUTH_ENV does not name scripts/auth-servers' auth.env "
                  "(the livy_auth fixture did not run or was skipped)");
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        QVERIFY(m_tmp.isValid());
        // The KDC's client configuration; the ticket cache is chosen per test.
        qputenv("KRB5_CONFIG", env("KRB5_CONFIG").toLocal8Bit());
        m_aliceCache = m_tmp.filePath(QStringLiteral("alice.cc"));
    }

    // ---------------------------------------------------------------- Kerberos (SPNEGO)

    void kerberosWithoutTicketSaysRunKinit()
    {
        useTicketCache(m_tmp.filePath(QStringLiteral("none.cc"))); // no such cache
        QCOMPARE(NegotiateContext::currentTicket().state, KerberosTicket::State::None);
        auto conn = connect(profileFor(env("KERBEROS_URL"), AuthMethod::Kerberos));
        auto list = run(new ListSessionsJob(conn.get()));
        QCOMPARE(list->error().httpStatus(), 401);
        QVERIFY2(list->error().message().startsWith(QLatin1String("No Kerberos ticket: run kinit")),
                 qPrintable(list->error().message()));
        QVERIFY(conn->authenticator()->identity().isEmpty());
    }

    void kerberosExpiredTicketSaysSo()
    {
        const QString cache = m_tmp.filePath(QStringLiteral("short.cc"));
        QVERIFY(kinit(cache, { QStringLiteral("-l"), QStringLiteral("2s") }));
        useTicketCache(cache);
        QTRY_COMPARE_WITH_TIMEOUT(NegotiateContext::currentTicket().state, KerberosTicket::State::Expired, 10000);
        // The KDC and the server accept a ticket for the clock skew they allow after it expires (scripts/auth-servers
        // sets 2 s instead of the usual 5 min): past that, the ticket is refused.
        QTest::qWait(3000);
        auto conn = connect(profileFor(env("KERBEROS_URL"), AuthMethod::Kerberos));
        auto list = run(new ListSessionsJob(conn.get()));
        QVERIFY2(list->error().httpStatus() == 401, qPrintable(list->error().toString()));
        QVERIFY2(list->error().message().contains(QLatin1String("has expired: run \"kinit ") + env("KRB_PRINCIPAL")),
                 qPrintable(list->error().message()));
    }

    void kerberosByAddressNamesTheHostProblem()
    {
        QVERIFY(kinit(m_aliceCache));
        useTicketCache(m_aliceCache);
        // The SPN asked for is HTTP/127.0.0.1, which the KDC does not know: the message says what to change.
        auto conn = connect(profileFor(env("KERBEROS_URL_BY_IP"), AuthMethod::Kerberos));
        auto list = run(new ListSessionsJob(conn.get()));
        QCOMPARE(list->error().httpStatus(), 401);
        QVERIFY2(list->error().message().contains(QLatin1String("host name of its HTTP/ principal")),
                 qPrintable(list->error().message()));
        QVERIFY2(list->error().message().contains(QLatin1String("not found in Kerberos database")),
                 qPrintable(list->error().message()));
    }

    void kerberosTicketFromThePassword()
    {
        // What the app offers when there is no ticket: kinit through the library, the password never stored.
        const QString cache = m_tmp.filePath(QStringLiteral("from-password.cc"));
        useTicketCache(cache);
        const QString wrong = NegotiateContext::obtainTicket(env("KRB_PRINCIPAL"), QStringLiteral("not-the-password"));
        QVERIFY2(wrong.startsWith(QLatin1String("The KDC did not give a ticket to ") + env("KRB_PRINCIPAL")), qPrintable(wrong));
        QVERIFY(!wrong.contains(QLatin1String("not-the-password")));
        QCOMPARE(NegotiateContext::currentTicket().state, KerberosTicket::State::None);

        const QString problem = NegotiateContext::obtainTicket(env("KRB_PRINCIPAL"), env("KRB_PASSWORD"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const KerberosTicket ticket = NegotiateContext::currentTicket();
        QCOMPARE(ticket.state, KerberosTicket::State::Valid);
        QCOMPARE(ticket.principal, env("KRB_PRINCIPAL"));
        QFile file(cache);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(env("KRB_PASSWORD").toUtf8())); // a ticket, not the password
        auto list = run(new ListSessionsJob(connect(profileFor(env("KERBEROS_URL"), AuthMethod::Kerberos)).get()));
        QVERIFY2(list->ok(), qPrintable(list->error().toString()));
    }

    void kerberosWithTicketCreatesAndRuns()
    {
        QVERIFY(kinit(m_aliceCache));
        useTicketCache(m_aliceCache);
        auto conn = connect(profileFor(env("KERBEROS_URL"), AuthMethod::Kerberos));
        auto *negotiate = dynamic_cast<NegotiateAuthenticator *>(conn->authenticator().get());
        QVERIFY(negotiate);
        QCOMPARE(negotiate->identity(), env("KRB_PRINCIPAL"));

        auto list = run(new ListSessionsJob(conn.get()));
        QVERIFY2(list->ok(), qPrintable(list->error().toString()));
        // The server's token was checked (mutual authentication), then the hadoop.auth cookie took over.
        QCOMPARE(negotiate->verifiedExchanges(), 1);
        QVERIFY(!negotiate->isArmed());
        QCOMPARE(negotiate->pendingExchanges(), 0);
        auto again = run(new ListSessionsJob(conn.get()));
        QVERIFY(again->ok());
        QCOMPARE(negotiate->verifiedExchanges(), 1); // the cookie, no second handshake

        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.name = QStringLiteral("krb%1").arg(QCoreApplication::applicationPid());
        auto create = run(new CreateSessionJob(conn.get(), request));
        QVERIFY2(create->ok(), qPrintable(create->error().toString()));
        QCOMPARE(create->session().owner, env("KRB_USER")); // hadoop-auth's short name of alice@REALM
        const SessionRef ref = SessionRef::byId(create->session().id);
        const SessionState state = waitForSessionState(conn.get(), ref, [](SessionState s) { return s == SessionState::Idle || isTerminal(s); }, 240000);
        QCOMPARE(state, SessionState::Idle);
        auto submit = run(new SubmitStatementJob(conn.get(), ref, StatementRequest{ QStringLiteral("import getpass; 6 * 7"), std::nullopt }));
        QVERIFY2(submit->ok(), qPrintable(submit->error().toString()));
        const Statement done = waitForStatement(conn.get(), ref, submit->statement().id);
        QCOMPARE(done.state, StatementState::Available);
        QCOMPARE(done.output->data.value(QStringLiteral("text/plain")).toString(), QStringLiteral("42"));
        auto remove = run(new DeleteSessionJob(conn.get(), ref));
        QVERIFY2(remove->ok(), qPrintable(remove->error().toString()));
    }

    // ---------------------------------------------------------------- LDAP (Basic) and impersonation

    void ldapRefusalsAreExplained()
    {
        ServerProfile profile = profileFor(env("LDAP_LIVY_URL"));
        auto anonymous = run(new ListSessionsJob(connect(profile).get()));
        QCOMPARE(anonymous->error().httpStatus(), 401);
        QCOMPARE(anonymous->error().message(), QStringLiteral("The server requires a user name and password: set them in this server profile"));

        profile.auth = AuthMethod::Basic;
        profile.userName = env("LDAP_USER");
        const QString wrongPassword = QStringLiteral("not-%1").arg(env("LDAP_PASSWORD"));
        auto wrongConn = connect(profile, { { profile.secretKey(), wrongPassword } });
        auto wrong = run(new ListSessionsJob(wrongConn.get()));
        QCOMPARE(wrong->error().httpStatus(), 403); // hadoop-auth: a failed LDAP bind is 403, not 401
        QVERIFY2(wrong->error().message().startsWith(QStringLiteral("The server did not accept the password for user \"%1\"").arg(profile.userName)),
                 qPrintable(wrong->error().message()));
        QVERIFY(wrong->error().message().contains(QLatin1String("Error validating LDAP user")));
        QVERIFY(!wrong->error().toString().contains(wrongPassword)); // never the secret, details included

        auto rightConn = connect(profile, { { profile.secretKey(), env("LDAP_PASSWORD") } });
        auto right = run(new ListSessionsJob(rightConn.get()));
        QVERIFY2(right->ok(), qPrintable(right->error().toString()));
        QCOMPARE(rightConn->authenticator()->identity(), env("LDAP_USER"));
    }

    void impersonationByProxyUserAndDoAs()
    {
        ServerProfile profile = profileFor(env("LDAP_LIVY_URL"), AuthMethod::Basic);
        profile.userName = env("LDAP_USER"); // a superuser of this server
        const QHash<QString, QString> secrets{ { profile.secretKey(), env("LDAP_PASSWORD") } };

        // proxyUser in the create request (the create dialog's field).
        auto conn = connect(profile, secrets);
        CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.proxyUser = env("LDAP_OTHER_USER");
        auto byProxyUser = run(new CreateSessionJob(conn.get(), request));
        QVERIFY2(byProxyUser->ok(), qPrintable(byProxyUser->error().toString()));
        QCOMPARE(byProxyUser->session().owner, env("LDAP_USER"));
        QCOMPARE(byProxyUser->session().proxyUser, env("LDAP_OTHER_USER"));
        run(new DeleteSessionJob(conn.get(), SessionRef::byId(byProxyUser->session().id)));

        // doAs on the profile: every request acts for that user.
        profile.doAs = QStringLiteral("carol");
        auto asCarol = connect(profile, secrets);
        CreateSessionRequest plain;
        plain.kind = QStringLiteral("pyspark");
        auto byDoAs = run(new CreateSessionJob(asCarol.get(), plain));
        QVERIFY2(byDoAs->ok(), qPrintable(byDoAs->error().toString()));
        QCOMPARE(byDoAs->session().owner, env("LDAP_USER"));
        QCOMPARE(byDoAs->session().proxyUser, QStringLiteral("carol"));
        run(new DeleteSessionJob(asCarol.get(), SessionRef::byId(byDoAs->session().id)));

        // A user who may not impersonate: the server's refusal, readable.
        ServerProfile other = profileFor(env("LDAP_LIVY_URL"), AuthMethod::Basic);
        other.userName = env("LDAP_OTHER_USER");
        other.doAs = QStringLiteral("carol");
        auto bob = connect(other, { { other.secretKey(), env("LDAP_OTHER_PASSWORD") } });
        auto refused = run(new CreateSessionJob(bob.get(), plain));
        QCOMPARE(refused->error().httpStatus(), 403);
        QVERIFY2(refused->error().message().contains(QStringLiteral("User \"%1\" is not allowed to run sessions as \"carol\"").arg(env("LDAP_OTHER_USER"))),
                 qPrintable(refused->error().message()));
    }

    // ---------------------------------------------------------------- TLS

    void unknownCaOffersTheCertificate()
    {
        auto conn = connect(profileFor(env("TLS_URL")));
        QSignalSpy rejected(conn.get(), &Connection::certificateRejected);
        auto list = run(new ListSessionsJob(conn.get()));
        QCOMPARE(list->error().kind(), LivyError::Kind::Tls);
        QVERIFY2(list->error().message().contains(QLatin1String("is not trusted")), qPrintable(list->error().message()));
        QVERIFY(!rejected.isEmpty());
        const auto chain = rejected.first().at(1).value<QList<QSslCertificate>>();
        QVERIFY(!chain.isEmpty());
        const QList<QSslCertificate> server = QSslCertificate::fromPath(env("SERVER_CERT_PEM"));
        QCOMPARE(chain.first(), server.first());
    }

    void theProfilesCaMakesItPass()
    {
        ServerProfile profile = profileFor(env("TLS_URL"));
        profile.caCertificates = env("OTHER_CA_PEM"); // a CA, but not this server's
        auto wrongCa = run(new ListSessionsJob(connect(profile).get()));
        QCOMPARE(wrongCa->error().kind(), LivyError::Kind::Tls);
        profile.caCertificates = env("CA_PEM");
        auto list = run(new ListSessionsJob(connect(profile).get()));
        QVERIFY2(list->ok(), qPrintable(list->error().toString()));
    }

    void aPinnedCertificatePasses()
    {
        ServerProfile profile = profileFor(env("TLS_URL"));
        const QSslCertificate server = QSslCertificate::fromPath(env("SERVER_CERT_PEM")).first();
        profile.pinnedCertificates = { QStringLiteral("00:11:22") }; // another certificate's pin: still refused
        auto other = run(new ListSessionsJob(connect(profile).get()));
        QCOMPARE(other->error().kind(), LivyError::Kind::Tls);
        profile.pinnedCertificates = { sha256Fingerprint(server) };
        auto list = run(new ListSessionsJob(connect(profile).get()));
        QVERIFY2(list->ok(), qPrintable(list->error().toString()));
    }

    void aGatewayRequiringClientCertificates()
    {
        ServerProfile profile = profileFor(env("MTLS_URL"));
        profile.caCertificates = env("CA_PEM");
        auto without = run(new ListSessionsJob(connect(profile).get()));
        QCOMPARE(without->error().httpStatus(), 400); // nginx: "No required SSL certificate was sent"
        QVERIFY2(without->error().message().contains(QLatin1String("requires a client certificate")),
                 qPrintable(without->error().message()));

        QFile passFile(env("CLIENT_PASSPHRASE_FILE"));
        QVERIFY(passFile.open(QIODevice::ReadOnly));
        const QString passphrase = QString::fromUtf8(passFile.readAll()).trimmed();
        profile.clientCertificate = env("CLIENT_CERT_PEM");
        profile.clientKey = env("CLIENT_KEY_PEM");
        profile.clientKeyEncrypted = true;
        auto wrongPass = connectionFor(profile, { { profile.passphraseKey(), QStringLiteral("nope") } });
        QVERIFY(!wrongPass.problem.isEmpty());
        QVERIFY(!wrongPass.problem.contains(QLatin1String("nope")));

        auto pem = run(new ListSessionsJob(connect(profile, { { profile.passphraseKey(), passphrase } }).get()));
        QVERIFY2(pem->ok(), qPrintable(pem->error().toString()));

        profile.clientCertificate = env("CLIENT_P12");
        profile.clientKey.clear();
        auto p12 = run(new ListSessionsJob(connect(profile, { { profile.passphraseKey(), passphrase } }).get()));
        QVERIFY2(p12->ok(), qPrintable(p12->error().toString()));
    }

    void extraHeadersReachTheServer()
    {
        // The LDAP Livy takes the Authorization header from the profile's headers too: a secret header is sent
        // with its keychain value (and is what authenticates here).
        ServerProfile profile = profileFor(env("LDAP_LIVY_URL"));
        const QByteArray basic = QByteArray("Basic ") + QString(env("LDAP_USER") + QLatin1Char(':') + env("LDAP_PASSWORD")).toUtf8().toBase64();
        profile.headers = { { QStringLiteral("Authorization"), QString(), true }, { QStringLiteral("X-Team"), QStringLiteral("analytics"), false } };
        auto list = run(new ListSessionsJob(connect(profile, { { profile.headerSecretKey(QStringLiteral("Authorization")), QString::fromLatin1(basic) } }).get()));
        QVERIFY2(list->ok(), qPrintable(list->error().toString()));
        auto missing = run(new ListSessionsJob(connect(profile).get())); // the keychain had nothing
        QCOMPARE(missing->error().httpStatus(), 401);
    }
};

QTEST_GUILESS_MAIN(TestLivyAuth)
#include "tst_livyauth.moc"
