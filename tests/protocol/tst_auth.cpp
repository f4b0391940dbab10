// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Authentication without a server: the WWW-Authenticate parsing, the readable refusals, the Kerberos
// authenticator's behaviour without a ticket, and how a profile becomes a connection (connectionFor). The real
// servers (KDC, LDAP, TLS) are in tests/livy/tst_livyauth.

#include "auth/authenticator.h"
#include "auth/negotiateauthenticator.h"
#include "profiles/profileconnection.h"

#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QtTest>

using namespace Livy;
using namespace LivyDesk;

class TestAuth : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        // No ticket anywhere: a cache file that does not exist, and no system Kerberos configuration in the way.
        qputenv("KRB5CCNAME", QByteArray("FILE:") + m_tmp.filePath(QStringLiteral("no-such.cc")).toLocal8Bit());
        qputenv("KRB5_CONFIG", m_tmp.filePath(QStringLiteral("no-krb5.conf")).toLocal8Bit());
    }

    void challengeSchemesAreParsed()
    {
        QCOMPARE(challengeSchemes({ "Negotiate" }), QStringList{ QStringLiteral("Negotiate") });
        QCOMPARE(challengeSchemes({ "Basic realm=\"livy\", charset=\"UTF-8\"", "Negotiate abc=" }),
                 (QStringList{ QStringLiteral("Basic"), QStringLiteral("Negotiate") }));
        QCOMPARE(challengeSchemes({ "Negotiate, Basic realm=x" }),
                 (QStringList{ QStringLiteral("Negotiate"), QStringLiteral("Basic") }));
        QVERIFY(challengeSchemes({}).isEmpty());
    }

    void refusalsWithoutAMethodSayWhatTheServerWants()
    {
        QVERIFY(explainRefusal(nullptr, 401, { "Negotiate" }, {}).startsWith(QLatin1String("The server requires Kerberos")));
        QVERIFY(explainRefusal(nullptr, 401, { "Basic realm=\"x\"" }, {}).startsWith(QLatin1String("The server requires a user name and password")));
        QVERIFY(explainRefusal(nullptr, 401, { "Bearer" }, {}).startsWith(QLatin1String("The server requires a token")));
        QVERIFY(explainRefusal(nullptr, 403, {}, QStringLiteral("no")).isEmpty()); // the server's words stand
        QVERIFY(explainRefusal(nullptr, 500, { "Negotiate" }, {}).isEmpty());
    }

    void basicAndTokenRefusals()
    {
        const HeaderAuthenticator basic = HeaderAuthenticator::basic(QStringLiteral("alice"), QStringLiteral("pw-secret"));
        QCOMPARE(basic.identity(), QStringLiteral("alice"));
        const QString wrong = basic.explainRefusal(403, {}, QStringLiteral("Error validating LDAP user"));
        QVERIFY2(wrong.startsWith(QLatin1String("The server did not accept the password for user \"alice\"")), qPrintable(wrong));
        QVERIFY(!wrong.contains(QLatin1String("pw-secret")));
        QVERIFY(basic.explainRefusal(401, { "Negotiate" }, {}).contains(QLatin1String("it asks for Negotiate")));
        QVERIFY(basic.explainRefusal(403, {}, QStringLiteral("User is not allowed")).isEmpty()); // authorization: the server's words
        const HeaderAuthenticator bearer = HeaderAuthenticator::bearer(QStringLiteral("tok"));
        QVERIFY(bearer.explainRefusal(401, { "Bearer" }, {}).contains(QLatin1String("did not accept the token")));
        QVERIFY(bearer.identity().isEmpty());
    }

    void kerberosWithoutATicket()
    {
        QCOMPARE(NegotiateContext::currentTicket().state, KerberosTicket::State::None);
        NegotiateAuthenticator negotiate;
        QVERIFY(negotiate.identity().isEmpty());
        QCOMPARE(negotiate.serviceFor(QStringLiteral("livy.example.org")), QStringLiteral("HTTP@livy.example.org"));
        QCOMPARE(NegotiateAuthenticator(QStringLiteral("HTTP@lb")).serviceFor(QStringLiteral("x")), QStringLiteral("HTTP@lb"));

        // Nothing is sent before the server asks for Negotiate.
        QNetworkRequest request(QUrl(QStringLiteral("http://livy.example.org:8998/sessions")));
        negotiate.prepare(request);
        QVERIFY(!request.hasRawHeader("Authorization"));
        // A server that asks for something else is not answered with Kerberos.
        QVERIFY(!negotiate.challenge({ "Basic realm=x" }));
        QVERIFY(!negotiate.isArmed());
        QVERIFY(negotiate.explainRefusal(401, { "Basic realm=x" }, {}).contains(QLatin1String("does not use Kerberos")));

        // Asked: armed, but there is no ticket to make a token from; the refusal says to run kinit.
        QVERIFY(negotiate.challenge({ "Negotiate" }));
        QVERIFY(negotiate.isArmed());
        negotiate.prepare(request);
        QVERIFY(!request.hasRawHeader("Authorization"));
        QVERIFY(negotiate.explainRefusal(401, { "Negotiate" }, {}).startsWith(QLatin1String("No Kerberos ticket: run kinit")));
        QCOMPARE(negotiate.pendingExchanges(), 0);
    }

    void kerberosChallengeIsDecidedOffTheGuiThread()
    {
        NegotiateAuthenticator negotiate;
        QObject receiver;
        std::optional<bool> decided;
        negotiate.challengeAsync(QUrl(QStringLiteral("http://livy.example.org:8998")), { "Negotiate" }, &receiver,
                                 [&decided](bool retry) { decided = retry; });
        QTRY_VERIFY(decided.has_value());
        QVERIFY(!*decided); // no ticket: no retry (no loop), and the refusal is explained
    }

    void mutualAuthenticationIsChecked()
    {
        // A scripted exchange: the first token is "client-1"; only the server token "server-ok" completes it.
        struct Scripted : NegotiateContext
        {
            Step initiate(const QString &) override { return { QByteArray("client-1"), false, false, {} }; }
            Step proceed(const QByteArray &token) override
            {
                if (token == "server-ok")
                    return { {}, true, false, {} };
                return { {}, false, false, QStringLiteral("bad token") };
            }
        };
        NegotiateAuthenticator negotiate;
        negotiate.setContextFactory([] { return std::make_unique<Scripted>(); });
        QVERIFY(negotiate.challenge({ "Negotiate" }));
        const QUrl url(QStringLiteral("http://livy.example.org:8998/sessions"));

        QNetworkRequest forged(url);
        negotiate.prepare(forged);
        QCOMPARE(forged.rawHeader("Authorization"), QByteArray("Negotiate ") + QByteArray("client-1").toBase64());
        QCOMPARE(negotiate.pendingExchanges(), 1);
        // An answer whose token does not prove the server: not to be trusted, said so.
        const QString untrusted = negotiate.verify(forged, { "Negotiate " + QByteArray("forged").toBase64() });
        QVERIFY2(untrusted.contains(QLatin1String("mutual authentication failed: bad token")), qPrintable(untrusted));
        QCOMPARE(negotiate.verifiedExchanges(), 0);
        QCOMPARE(negotiate.pendingExchanges(), 0);

        QVERIFY(negotiate.challenge({ "Negotiate" }));
        QNetworkRequest genuine(url);
        negotiate.prepare(genuine);
        QVERIFY(negotiate.verify(genuine, { "Negotiate " + QByteArray("server-ok").toBase64() }).isEmpty());
        QCOMPARE(negotiate.verifiedExchanges(), 1);
        QVERIFY(!negotiate.isArmed()); // accepted: the server's cookie carries the next requests

        // A server that sends no token back is allowed (nothing to check), and nothing is left pending.
        QVERIFY(negotiate.challenge({ "Negotiate" }));
        QNetworkRequest silent(url);
        negotiate.prepare(silent);
        QVERIFY(negotiate.verify(silent, {}).isEmpty());
        QCOMPARE(negotiate.pendingExchanges(), 0);
    }

    void ticketProblems()
    {
        KerberosTicket t;
        t.state = KerberosTicket::State::Expired;
        t.principal = QStringLiteral("alice@EXAMPLE.COM");
        QCOMPARE(NegotiateAuthenticator::ticketProblem(t),
                 QStringLiteral("Your Kerberos ticket for alice@EXAMPLE.COM has expired: run \"kinit alice@EXAMPLE.COM\" again, then reconnect"));
        t.state = KerberosTicket::State::Valid;
        QVERIFY(NegotiateAuthenticator::ticketProblem(t).isEmpty());
    }

    void aProfileBecomesAConnection()
    {
        ServerProfile p;
        p.id = QStringLiteral("p1");
        p.url = QUrl(QStringLiteral("https://livy.example.org:8998"));
        p.auth = AuthMethod::Basic;
        p.userName = QStringLiteral("alice");
        p.doAs = QStringLiteral(" etl ");
        p.headers = { { QStringLiteral("X-Team"), QStringLiteral("analytics"), false },
                      { QStringLiteral("X-Api-Key"), QString(), true } };
        p.pinnedCertificates = { QStringLiteral("AB:CD") };
        const QHash<QString, QString> secrets{ { p.secretKey(), QStringLiteral("pw") },
                                               { p.headerSecretKey(QStringLiteral("X-Api-Key")), QStringLiteral("k3y") } };
        ProfileConnection made = connectionFor(p, secrets);
        QVERIFY2(made.problem.isEmpty(), qPrintable(made.problem));
        QCOMPARE(made.settings.doAs, QStringLiteral("etl"));
        QCOMPARE(made.settings.pinnedCertificates, p.pinnedCertificates);
        QCOMPARE(made.settings.extraHeaders.size(), 2);
        QCOMPARE(made.settings.extraHeaders.at(1), (QPair<QByteArray, QByteArray>("X-Api-Key", "k3y")));
        QVERIFY(made.settings.sslConfiguration.has_value());
        QNetworkRequest request;
        made.authenticator->prepare(request);
        QCOMPARE(request.rawHeader("Authorization"), QByteArray("Basic ") + QByteArray("alice:pw").toBase64());
        QCOMPARE(made.proxy.type(), QNetworkProxy::DefaultProxy);

        p.auth = AuthMethod::Kerberos;
        p.kerberosService = QStringLiteral("HTTP@lb.example.org");
        made = connectionFor(p, secrets);
        auto *negotiate = dynamic_cast<NegotiateAuthenticator *>(made.authenticator.get());
        QVERIFY(negotiate);
        QCOMPARE(negotiate->serviceFor(QStringLiteral("x")), QStringLiteral("HTTP@lb.example.org"));

        p.auth = AuthMethod::None;
        p.caCertificates = m_tmp.filePath(QStringLiteral("missing-ca.pem"));
        p.proxy = ProxyMode::Manual;
        p.proxyUrl = QStringLiteral("socks5://127.0.0.1:1080");
        made = connectionFor(p, {});
        QVERIFY(!made.authenticator);
        QVERIFY2(made.problem.contains(QLatin1String("cannot be read")), qPrintable(made.problem));
        QCOMPARE(made.proxy.type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(made.proxy.port(), 1080);
        // A secret header whose keychain entry is missing is sent empty, never with a stale or guessed value.
        QCOMPARE(made.settings.extraHeaders.at(1).second, QByteArray());

        p.proxy = ProxyMode::None;
        QCOMPARE(proxyFor(p).type(), QNetworkProxy::NoProxy);
        // The system's settings apply to remote hosts; loopback is always direct, whatever http_proxy says.
        qputenv("http_proxy", "http://proxy.invalid:3128");
        SystemProxyFactory factory;
        const QList<QNetworkProxy> remote = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("http://livy.example.org:8998/"))));
        QCOMPARE(remote.first().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(remote.first().hostName(), QStringLiteral("proxy.invalid"));
        for (const char *local : { "http://localhost:8998/", "http://127.0.0.1:8998/", "http://[::1]:8998/" })
            QCOMPARE(factory.queryProxy(QNetworkProxyQuery(QUrl(QString::fromLatin1(local)))).first().type(), QNetworkProxy::NoProxy);
        qunsetenv("http_proxy");
        p.proxy = ProxyMode::Manual;
        p.proxyUrl = QStringLiteral("ftp://nope");
        QString problem;
        QCOMPARE(proxyFor(p, &problem).type(), QNetworkProxy::NoProxy);
        QVERIFY(!problem.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
