// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "opensslrunner.h"
#include "tls/derinspect.h"
#include "tls/tlsoptions.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslError>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Livy;
using namespace Qt::StringLiterals;

namespace {

/// The passphrase of every encrypted test key and bundle; errors must never show it.
const QByteArray Passphrase = QByteArrayLiteral("Tr0ub4dor&3-secret");

/// Test certificates made with the openssl tool when the test starts (no key is ever committed): a CA, a server
/// certificate for localhost/127.0.0.1 signed by it, a self-signed one, client identities (RSA and EC; encrypted
/// PKCS#8, traditional and plain PEM keys; PKCS#12 with OpenSSL 3's defaults and with -legacy), an unrelated
/// key and an expired client certificate.
class Pki
{
public:
    QString error;

    bool generate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            error = QStringLiteral("the openssl command is not installed");
            return false;
        }
        if (!m_dir.isValid()) {
            error = QStringLiteral("no temporary directory");
            return false;
        }
        const QByteArray pass = "pass:" + Passphrase;
        write("server.ext", "basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n"
                            "extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n");
        write("client.ext", "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n"
                            "keyUsage=digitalSignature,keyEncipherment\n");
        const QList<QList<QByteArray>> steps = {
            {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30",
             "-subj", "/CN=LivyDesk Test CA/O=LivyDesk Tests"},
            {"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
             "/CN=localhost/O=LivyDesk Tests"},
            {"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
             "server.pem", "-days", "30", "-extfile", "server.ext"},
            {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "self.key", "-out", "self.pem", "-days", "30",
             "-subj", "/CN=self.example", "-addext", "subjectAltName=DNS:self.example"},
            // RSA client: encrypted PKCS#8 key (OpenSSL 3's default), a traditional "Proc-Type" copy, PKCS#12.
            {"req", "-newkey", "rsa:2048", "-keyout", "client.key", "-passout", pass, "-out", "client.csr", "-subj",
             "/CN=alice/O=Acme/OU=Data"},
            {"x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
             "client.pem", "-days", "30", "-extfile", "client.ext"},
            {"rsa", "-in", "client.key", "-passin", pass, "-aes256", "-traditional", "-passout", pass, "-out",
             "client-traditional.key"},
            {"pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-passin", pass, "-certfile", "ca.pem",
             "-passout", pass, "-out", "client.p12"},
            {"x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
             "expired.pem", "-days", "-1", "-extfile", "client.ext"},
            {"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.key"},
            // EC client (P-256): plain SEC1 key, encrypted PKCS#8, encrypted traditional.
            {"ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.key"},
            {"req", "-new", "-key", "ec.key", "-out", "ec.csr", "-subj", "/CN=bob/O=Acme"},
            {"x509", "-req", "-in", "ec.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
             "ec.pem", "-days", "30", "-extfile", "client.ext"},
            {"pkcs8", "-topk8", "-in", "ec.key", "-v2", "aes-256-cbc", "-passout", pass, "-out", "ec-pkcs8.key"},
            {"ec", "-in", "ec.key", "-aes256", "-passout", pass, "-out", "ec-traditional.key"},
        };
        for (const QList<QByteArray> &step : steps) {
            if (!run(step))
                return false;
        }
        // Optional: OpenSSL's legacy provider may be missing from the openssl tool itself.
        m_haveLegacy = run({"pkcs12", "-export", "-legacy", "-in", "client.pem", "-inkey", "client.key", "-passin",
                            pass, "-passout", pass, "-out", "legacy.p12"});
        error.clear();
        write("client.bundle", read("client.p12"));                     // PKCS#12 without a telling suffix
        write("combined.pem", read("client.pem") + read("client.key")); // one PEM file with both
        write("ca-first.pem", read("ca.pem") + read("client.pem"));     // the key's certificate is not first
        write("hello.txt", "hello, not a certificate\n");
        write("noise.p12", QByteArray(512, '\x42'));
        return true;
    }

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QByteArray read(const char *name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QSslCertificate certificate(const char *name) const { return QSslCertificate::fromData(read(name)).value(0); }
    bool haveLegacy() const { return m_haveLegacy; }

    /// Runs openssl in the directory; stdout in `out`.
    bool run(const QList<QByteArray> &args, QByteArray *out = nullptr)
    {
        return TestSupport::runOpenssl(m_dir.path(), args, out, &error);
    }

    /// The public key of a PEM private key, as openssl sees it (for "the loaded key is the certificate's").
    QByteArray publicKeyOf(const QByteArray &privatePem)
    {
        write("probe.key", privatePem);
        QByteArray out;
        run({"pkey", "-in", "probe.key", "-pubout"}, &out);
        return out;
    }
    QByteArray publicKeyOfCertificate(const char *name)
    {
        QByteArray out;
        run({"x509", "-in", name, "-noout", "-pubkey"}, &out);
        return out;
    }

private:
    void write(const char *name, const QByteArray &data)
    {
        QFile f(path(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(data);
    }

    QTemporaryDir m_dir;
    bool m_haveLegacy = false;
};

/// An HTTPS server on 127.0.0.1 answering every request with "ok" (QSslServer is new in Qt 6.4).
class TlsServer
{
public:
    explicit TlsServer(const QSslConfiguration &configuration)
    {
        m_server.setSslConfiguration(configuration);
        // Not newConnection: QSslServer emits it before the handshake, when nextPendingConnection() still
        // returns nothing; the socket is handed over after the handshake, with pendingConnectionAvailable.
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto *ssl = qobject_cast<QSslSocket *>(socket);
                auto answer = [this, ssl] {
                    m_received += ssl->readAll();
                    if (!m_received.contains("\r\n\r\n"))
                        return;
                    m_clientCertificate = ssl->peerCertificate();
                    ssl->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                               "Connection: close\r\n\r\nok");
                    ssl->disconnectFromHost();
                };
                QObject::connect(socket, &QTcpSocket::readyRead, socket, answer);
                // Handed over once encrypted: the request may be waiting already.
                if (ssl->bytesAvailable() > 0)
                    answer();
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    QSslCertificate clientCertificate() const { return m_clientCertificate; }

private:
    QSslServer m_server;
    QByteArray m_received;
    QSslCertificate m_clientCertificate;
};

struct Outcome
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QSslError> sslErrors;
    QList<QSslCertificate> chainAtErrors;
};

/// A GET through QNetworkAccessManager with `configuration`, ignoring the TLS errors only if the pins cover them.
Outcome get(quint16 port, const QSslConfiguration &configuration, const QStringList &pins = {})
{
    Outcome out;
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/version").arg(port)));
    request.setSslConfiguration(configuration);
    request.setTransferTimeout(20000);
    QNetworkReply *reply = nam.get(request);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&out, reply, pins](const QList<QSslError> &errors) {
        out.sslErrors = errors;
        out.chainAtErrors = reply->sslConfiguration().peerCertificateChain();
        if (errorsCoveredByPins(errors, out.chainAtErrors, pins))
            reply->ignoreSslErrors(errors);
    });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(30000))
        qWarning("the request did not finish");
    out.error = reply->error();
    out.body = reply->readAll();
    delete reply;
    return out;
}

QList<QSslError::SslError> kinds(const QList<QSslError> &errors)
{
    QList<QSslError::SslError> out;
    for (const QSslError &e : errors)
        out.append(e.error());
    return out;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    Pki m_pki;

    TlsOptions identity(const char *certificate, const char *key = nullptr, const QByteArray &passphrase = {}) const
    {
        TlsOptions o;
        o.client.certificatePath = m_pki.path(certificate);
        o.client.keyPath = key ? m_pki.path(key) : QString();
        o.client.passphrase = passphrase;
        return o;
    }

    /// The server's configuration: its certificate (and chain), optionally requiring a client certificate.
    QSslConfiguration serverConfiguration(const char *certificate, const char *key, bool requireClient = false,
                                          bool sendChain = false) const
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        QList<QSslCertificate> chain{m_pki.certificate(certificate)};
        if (sendChain)
            chain.append(m_pki.certificate("ca.pem"));
        c.setLocalCertificateChain(chain);
        c.setPrivateKey(QSslKey(m_pki.read(key), QSsl::Rsa));
        if (requireClient) {
            c.setPeerVerifyMode(QSslSocket::VerifyPeer);
            c.setCaCertificates({m_pki.certificate("ca.pem")});
        } else {
            c.setPeerVerifyMode(QSslSocket::VerifyNone);
        }
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        if (!m_pki.generate())
            QSKIP(qPrintable(QStringLiteral("cannot make test certificates: ") + m_pki.error));
    }

    void noOptionsIsTheVerifyingDefault()
    {
        const TlsBuild b = buildSslConfiguration({});
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY(b.warning.isEmpty());
        QCOMPARE(b.configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
        QVERIFY(b.configuration.localCertificate().isNull());
        QVERIFY(b.configuration.privateKey().isNull());
        QCOMPARE(b.configuration.caCertificates(), QSslConfiguration::defaultConfiguration().caCertificates());
    }

    void extraCasAreAddedToTheSystemCas()
    {
        TlsOptions o;
        o.extraCaPem = QString::fromLatin1(m_pki.read("ca.pem") + m_pki.read("self.pem"));
        const TlsBuild b = buildSslConfiguration(o);
        QVERIFY2(b.ok(), qPrintable(b.error));
        const QList<QSslCertificate> cas = b.configuration.caCertificates();
        QVERIFY(cas.contains(m_pki.certificate("ca.pem")));
        QVERIFY(cas.contains(m_pki.certificate("self.pem")));
        // The system CAs stay trusted (Qt's addCaCertificates() on the default configuration would drop them).
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        if (system.isEmpty())
            QSKIP("this system has no CA certificates to keep");
        QCOMPARE(cas.size(), system.size() + 2);
        QVERIFY(cas.contains(system.first()) && cas.contains(system.last()));
    }

    void unreadableExtraCas()
    {
        TlsOptions o;
        o.extraCaPem = QStringLiteral("not a certificate at all");
        TlsBuild b = buildSslConfiguration(o);
        QVERIFY(b.error.contains(QLatin1String("no PEM certificate")));

        QByteArray broken = m_pki.read("self.pem");
        broken.replace(40, 20, QByteArray(20, 'A'));
        o.extraCaPem = QString::fromLatin1(m_pki.read("ca.pem") + broken);
        b = buildSslConfiguration(o);
        QCOMPARE(b.error, QStringLiteral("1 of the 2 extra CA certificates could not be read."));
    }

    void pemIdentityLoads_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("algorithm");
        QTest::addColumn<int>("chainLength");
        const QString rsa = QStringLiteral("client.pem");
        QTest::newRow("RSA, encrypted PKCS#8") << rsa << u"client.key"_s << Passphrase << rsa << int(QSsl::Rsa) << 1;
        QTest::newRow("RSA, encrypted traditional")
            << rsa << u"client-traditional.key"_s << Passphrase << rsa << int(QSsl::Rsa) << 1;
        QTest::newRow("RSA, one file with both") << u"combined.pem"_s << u""_s << Passphrase << rsa << int(QSsl::Rsa) << 1;
        QTest::newRow("RSA, CA listed first") << u"ca-first.pem"_s << u"client.key"_s << Passphrase << rsa << int(QSsl::Rsa)
                                              << 2;
        const QString ec = QStringLiteral("ec.pem");
        QTest::newRow("EC, plain SEC1") << ec << u"ec.key"_s << QByteArray() << ec << int(QSsl::Ec) << 1;
        QTest::newRow("EC, encrypted PKCS#8") << ec << u"ec-pkcs8.key"_s << Passphrase << ec << int(QSsl::Ec) << 1;
        QTest::newRow("EC, encrypted traditional") << ec << u"ec-traditional.key"_s << Passphrase << ec << int(QSsl::Ec)
                                                   << 1;
    }

    void pemIdentityLoads()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QByteArray, passphrase);
        QFETCH(QString, expected);
        QFETCH(int, algorithm);
        QFETCH(int, chainLength);
        const TlsBuild b = buildSslConfiguration(
            identity(qPrintable(certificate), key.isEmpty() ? nullptr : qPrintable(key), passphrase));
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY(b.warning.isEmpty());
        const QSslCertificate leaf = m_pki.certificate(qPrintable(expected));
        QCOMPARE(b.configuration.localCertificate(), leaf);
        QCOMPARE(b.configuration.localCertificateChain().size(), chainLength);
        const QSslKey privateKey = b.configuration.privateKey();
        QVERIFY(!privateKey.isNull());
        QCOMPARE(int(privateKey.algorithm()), algorithm);
        QCOMPARE(privateKey.type(), QSsl::PrivateKey);
        // The key is the certificate's, as openssl itself sees it.
        QCOMPARE(m_pki.publicKeyOf(privateKey.toPem()), m_pki.publicKeyOfCertificate(qPrintable(expected)));
        QCOMPARE(DerInspect::matchKey(privateKey, leaf), DerInspect::KeyMatch::Matches);
    }

    void pkcs12IdentityLoads_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow(".p12 (OpenSSL 3 defaults: AES-256-CBC, PBKDF2, SHA-256 MAC)") << u"client.p12"_s;
        QTest::newRow("no suffix: recognised by content") << u"client.bundle"_s;
    }

    void pkcs12IdentityLoads()
    {
        QFETCH(QString, file);
        const TlsBuild b = buildSslConfiguration(identity(qPrintable(file), nullptr, Passphrase));
        QVERIFY2(b.ok(), qPrintable(b.error));
        QCOMPARE(b.configuration.localCertificate(), m_pki.certificate("client.pem"));
        QCOMPARE(b.configuration.localCertificateChain(),
                 QList<QSslCertificate>({m_pki.certificate("client.pem"), m_pki.certificate("ca.pem")}));
        QCOMPARE(m_pki.publicKeyOf(b.configuration.privateKey().toPem()), m_pki.publicKeyOfCertificate("client.pem"));
    }

    void legacyPkcs12IsExplained()
    {
        if (!m_pki.haveLegacy())
            QSKIP("the openssl tool cannot write -legacy PKCS#12 here");
        QVERIFY(DerInspect::usesLegacyPkcs12Cipher(m_pki.read("legacy.p12")));
        QVERIFY(!DerInspect::usesLegacyPkcs12Cipher(m_pki.read("client.p12")));
        const TlsBuild b = buildSslConfiguration(identity("legacy.p12", nullptr, Passphrase));
        if (b.ok()) { // a Qt that loads OpenSSL's legacy provider reads it
            QCOMPARE(b.configuration.localCertificate(), m_pki.certificate("client.pem"));
            return;
        }
        QVERIFY2(b.error.contains(QLatin1String("RC2/RC4")) && b.error.contains(QLatin1String("-legacy")),
                 qPrintable(b.error));
        QVERIFY(!b.error.contains(QString::fromLatin1(Passphrase)));
    }

    void wrongPassphrase_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::newRow("RSA PKCS#8") << u"client.pem"_s << u"client.key"_s;
        QTest::newRow("RSA traditional") << u"client.pem"_s << u"client-traditional.key"_s;
        QTest::newRow("EC PKCS#8") << u"ec.pem"_s << u"ec-pkcs8.key"_s;
        QTest::newRow("PKCS#12") << u"client.p12"_s << u""_s;
    }

    void wrongPassphrase()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        const QByteArray wrong = QByteArrayLiteral("hunter2-not-it");
        const TlsBuild b = buildSslConfiguration(
            identity(qPrintable(certificate), key.isEmpty() ? nullptr : qPrintable(key), wrong));
        QVERIFY(b.error.startsWith(QLatin1String("The client key could not be decrypted: wrong passphrase?")));
        QVERIFY(!b.error.contains(QLatin1String("hunter2")));
        QVERIFY(b.configuration.privateKey().isNull());
        QVERIFY(b.configuration.localCertificate().isNull());

        const TlsBuild none = buildSslConfiguration(
            identity(qPrintable(certificate), key.isEmpty() ? nullptr : qPrintable(key), {}));
        QVERIFY2(none.error.contains(QLatin1String("no passphrase was given")), qPrintable(none.error));
    }

    void missingFiles()
    {
        TlsOptions o = identity("nowhere.pem", "client.key", Passphrase);
        TlsBuild b = buildSslConfiguration(o);
        QCOMPARE(b.error, QStringLiteral("The client certificate file was not found: ") + m_pki.path("nowhere.pem"));

        o = identity("client.pem", "nowhere.key", Passphrase);
        b = buildSslConfiguration(o);
        QCOMPARE(b.error, QStringLiteral("The client key file was not found: ") + m_pki.path("nowhere.key"));

        o = {};
        o.client.keyPath = m_pki.path("client.key");
        QVERIFY(buildSslConfiguration(o).error.startsWith(QLatin1String("A client key was given without")));
    }

    void notCertificatesOrKeys()
    {
        TlsBuild b = buildSslConfiguration(identity("hello.txt", "client.key", Passphrase));
        QVERIFY2(b.error.startsWith(QLatin1String("The client certificate file holds no certificate")), qPrintable(b.error));
        b = buildSslConfiguration(identity("noise.p12", nullptr, Passphrase));
        QVERIFY2(b.error.startsWith(QLatin1String("The client certificate file is neither a PKCS#12 bundle")),
                 qPrintable(b.error));
        b = buildSslConfiguration(identity("client.pem", "ca.pem", Passphrase));
        QVERIFY2(b.error.startsWith(QLatin1String("The client key file holds no PEM private key")), qPrintable(b.error));
        b = buildSslConfiguration(identity("client.pem", nullptr, Passphrase));
        QVERIFY2(b.error.startsWith(QLatin1String("The client certificate file holds no private key")), qPrintable(b.error));
    }

    void keyMustMatchTheCertificate_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::newRow("another RSA key") << u"client.pem"_s << u"other.key"_s;
        QTest::newRow("an EC key for an RSA certificate") << u"client.pem"_s << u"ec.key"_s;
        QTest::newRow("an RSA key for an EC certificate") << u"ec.pem"_s << u"client.key"_s;
        QTest::newRow("the CA's key") << u"client.pem"_s << u"ca.key"_s;
    }

    void keyMustMatchTheCertificate()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        const TlsBuild b = buildSslConfiguration(identity(qPrintable(certificate), qPrintable(key), Passphrase));
        QVERIFY2(b.error.startsWith(QLatin1String("The client key does not belong to the client certificate")),
                 qPrintable(b.error));
        QVERIFY(b.configuration.privateKey().isNull());
    }

    void expiredClientCertificateIsUsedWithAWarning()
    {
        const TlsBuild b = buildSslConfiguration(identity("expired.pem", "client.key", Passphrase));
        QVERIFY2(b.ok(), qPrintable(b.error));
        QVERIFY2(b.warning.contains(QLatin1String("\"alice\" expired on")), qPrintable(b.warning));
        QCOMPARE(b.configuration.localCertificate(), m_pki.certificate("expired.pem"));
        QVERIFY(!b.configuration.privateKey().isNull());
    }

    void sha256MatchesOpenssl_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"ca.pem", "server.pem", "self.pem", "ec.pem"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void sha256MatchesOpenssl()
    {
        QFETCH(QString, file);
        QByteArray out;
        QVERIFY(m_pki.run({"x509", "-in", file.toLatin1(), "-noout", "-fingerprint", "-sha256"}, &out));
        const QString expected = QString::fromLatin1(out.mid(out.indexOf('=') + 1).trimmed());
        QCOMPARE(expected.size(), 95);
        QCOMPARE(sha256Fingerprint(m_pki.certificate(qPrintable(file))), expected);
        QVERIFY(sha256Fingerprint(QSslCertificate()).isEmpty());
    }

    void pinsCoverErrorsAboutThePinnedLeaf()
    {
        const QSslCertificate self = m_pki.certificate("self.pem");
        const QSslCertificate server = m_pki.certificate("server.pem");
        const QSslCertificate ca = m_pki.certificate("ca.pem");
        const QString selfPin = sha256Fingerprint(self);
        const QList<QSslError> selfErrors{QSslError(QSslError::SelfSignedCertificate, self),
                                          QSslError(QSslError::HostNameMismatch, self)};

        QVERIFY(errorsCoveredByPins(selfErrors, {self}, {selfPin}));
        QVERIFY(errorsCoveredByPins(selfErrors, {}, {selfPin}));                        // chain unknown
        QVERIFY(errorsCoveredByPins(selfErrors, {self}, {selfPin.toLower().remove(u':')})); // pin spelling
        QVERIFY(errorsCoveredByPins(selfErrors, {self}, {sha256Fingerprint(server), selfPin}));
        QVERIFY(!errorsCoveredByPins(selfErrors, {self}, {}));
        QVERIFY(!errorsCoveredByPins(selfErrors, {self}, {sha256Fingerprint(server)}));
        QVERIFY(!errorsCoveredByPins({}, {self}, {selfPin}));
        QVERIFY(!errorsCoveredByPins({QSslError()}, {self}, {selfPin})); // NoError
        QVERIFY(!errorsCoveredByPins({QSslError(QSslError::NoPeerCertificate)}, {self}, {selfPin}));
        QVERIFY(!errorsCoveredByPins({QSslError(QSslError::CertificateRevoked, self)}, {self}, {selfPin}));
        QVERIFY(!errorsCoveredByPins({QSslError(QSslError::CertificateSignatureFailed, self)}, {self}, {selfPin}));
        QVERIFY(errorsCoveredByPins({QSslError(QSslError::CertificateExpired, self)}, {self}, {selfPin}));
        // An error about a certificate that is not the pinned one.
        QVERIFY(!errorsCoveredByPins({selfErrors[0], QSslError(QSslError::SelfSignedCertificate, server)}, {self},
                                     {selfPin}));
        QVERIFY(!errorsCoveredByPins({QSslError(QSslError::HostNameMismatch, server)}, {self}, {selfPin}));
        // The error's certificate is pinned, but the chain's leaf is another one.
        QVERIFY(!errorsCoveredByPins(selfErrors, {server, self}, {selfPin}));

        // A CA-signed leaf presented with its (untrusted) root: the root's trust no longer matters.
        const QString serverPin = sha256Fingerprint(server);
        const QList<QSslError> chainErrors{QSslError(QSslError::SelfSignedCertificateInChain, ca),
                                           QSslError(QSslError::UnableToGetLocalIssuerCertificate, server)};
        QVERIFY(errorsCoveredByPins(chainErrors, {server, ca}, {serverPin}));
        QVERIFY(!errorsCoveredByPins(chainErrors, {server, ca}, {sha256Fingerprint(ca)})); // the CA is no leaf
        QVERIFY(!errorsCoveredByPins({QSslError(QSslError::SelfSignedCertificateInChain, ca)}, {server}, {serverPin}));
        QVERIFY(!errorsCoveredByPins({QSslError(QSslError::CertificateRevoked, ca)}, {server, ca}, {serverPin}));
        QVERIFY(!errorsCoveredByPins({QSslError(QSslError::CertificateExpired, ca)}, {server, ca}, {serverPin}));
    }

    void handshakeTrustsTheExtraCa()
    {
        TlsServer server(serverConfiguration("server.pem", "server.key"));
        QVERIFY(server.port() != 0);

        const Outcome unknown = get(server.port(), buildSslConfiguration({}).configuration);
        QCOMPARE(unknown.error, QNetworkReply::SslHandshakeFailedError);
        QVERIFY2(kinds(unknown.sslErrors).contains(QSslError::UnableToGetLocalIssuerCertificate),
                 qPrintable(QDebug::toString(unknown.sslErrors)));

        TlsOptions o;
        o.extraCaPem = QString::fromLatin1(m_pki.read("ca.pem"));
        const Outcome known = get(server.port(), buildSslConfiguration(o).configuration);
        QCOMPARE(known.error, QNetworkReply::NoError);
        QCOMPARE(known.body, QByteArray("ok"));
        QVERIFY(known.sslErrors.isEmpty());
    }

    void handshakeWithAClientCertificate_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("PEM, RSA") << u"client.pem"_s << u"client.key"_s << u"client.pem"_s;
        QTest::newRow("PKCS#12") << u"client.p12"_s << u""_s << u"client.pem"_s;
        QTest::newRow("PEM, EC") << u"ec.pem"_s << u"ec-pkcs8.key"_s << u"ec.pem"_s;
    }

    void handshakeWithAClientCertificate()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        TlsServer server(serverConfiguration("server.pem", "server.key", true));

        TlsOptions withoutIdentity;
        withoutIdentity.extraCaPem = QString::fromLatin1(m_pki.read("ca.pem"));
        const Outcome refused = get(server.port(), buildSslConfiguration(withoutIdentity).configuration);
        QVERIFY(refused.error != QNetworkReply::NoError);
        QVERIFY(refused.body.isEmpty());

        TlsOptions o = identity(qPrintable(certificate), key.isEmpty() ? nullptr : qPrintable(key), Passphrase);
        o.extraCaPem = withoutIdentity.extraCaPem;
        const TlsBuild b = buildSslConfiguration(o);
        QVERIFY2(b.ok(), qPrintable(b.error));
        const Outcome accepted = get(server.port(), b.configuration);
        QCOMPARE(accepted.error, QNetworkReply::NoError);
        QCOMPARE(accepted.body, QByteArray("ok"));
        QCOMPARE(server.clientCertificate(), m_pki.certificate(qPrintable(expected)));
    }

    void handshakeAcceptsOnlyThePinnedCertificate_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("sendChain");
        QTest::newRow("self-signed, another host name") << u"self.pem"_s << u"self.key"_s << false;
        QTest::newRow("unknown CA") << u"server.pem"_s << u"server.key"_s << false;
        QTest::newRow("unknown CA, root sent along") << u"server.pem"_s << u"server.key"_s << true;
    }

    void handshakeAcceptsOnlyThePinnedCertificate()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(bool, sendChain);
        TlsServer server(serverConfiguration(qPrintable(certificate), qPrintable(key), false, sendChain));
        const QSslConfiguration client = buildSslConfiguration({}).configuration;
        const QString pin = sha256Fingerprint(m_pki.certificate(qPrintable(certificate)));

        const Outcome unpinned = get(server.port(), client, {sha256Fingerprint(m_pki.certificate("ec.pem"))});
        QCOMPARE(unpinned.error, QNetworkReply::SslHandshakeFailedError);
        QVERIFY(!unpinned.sslErrors.isEmpty());
        if (certificate == QLatin1String("self.pem")) {
            const auto k = kinds(unpinned.sslErrors);
            QVERIFY2(k.contains(QSslError::SelfSignedCertificate) && k.contains(QSslError::HostNameMismatch),
                     qPrintable(QDebug::toString(unpinned.sslErrors)));
        }

        const Outcome pinned = get(server.port(), client, {pin});
        QCOMPARE(pinned.error, QNetworkReply::NoError);
        QCOMPARE(pinned.body, QByteArray("ok"));
        QVERIFY(!pinned.sslErrors.isEmpty());
        QCOMPARE(pinned.chainAtErrors.value(0), m_pki.certificate(qPrintable(certificate)));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
