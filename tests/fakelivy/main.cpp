// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// fakelivy: the test fake of Apache Livy as a stand-alone server for manual runs.
//   fakelivy --port 8998 [--csrf] [--basic user:pass] [--startup-ms N] [--statement-ms N] [--sessions N]

#include "fakelivyserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fakelivy"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIVYDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake Apache Livy 0.9 server for trying LivyDesk (127.0.0.1 only)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on (0 = any free port)."),
                                  QStringLiteral("port"), QStringLiteral("8998"));
    const QCommandLineOption csrf(QStringLiteral("csrf"), QStringLiteral("Require X-Requested-By on non-GET requests."));
    const QCommandLineOption basic(QStringLiteral("basic"), QStringLiteral("Require HTTP Basic authentication."),
                                   QStringLiteral("user:pass"));
    const QCommandLineOption startup(QStringLiteral("startup-ms"), QStringLiteral("Session start-up time."),
                                     QStringLiteral("ms"), QStringLiteral("3000"));
    const QCommandLineOption statement(QStringLiteral("statement-ms"), QStringLiteral("Default statement run time."),
                                       QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption deleteMs(QStringLiteral("delete-ms"), QStringLiteral("How long DELETE blocks."),
                                      QStringLiteral("ms"), QStringLiteral("500"));
    const QCommandLineOption seeded(QStringLiteral("sessions"),
                                    QStringLiteral("Start with N sessions that are already idle (a large shared server)."),
                                    QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({ port, csrf, basic, startup, statement, deleteMs, seeded });
    parser.process(app);

    auto number = [&parser](const QCommandLineOption &option) {
        bool ok = false;
        const int n = parser.value(option).toInt(&ok);
        if (!ok || n < 0) {
            std::fprintf(stderr, "fakelivy: --%s needs a non-negative number\n", qPrintable(option.names().constFirst()));
            std::exit(2);
        }
        return n;
    };

    FakeLivy::Server server;
    server.setStartupDelay(number(startup));
    server.setStatementDuration(number(statement));
    server.setDeleteDelay(number(deleteMs));
    server.setCsrfProtection(parser.isSet(csrf));
    if (parser.isSet(basic)) {
        const QString credentials = parser.value(basic);
        const qsizetype colon = credentials.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            std::fprintf(stderr, "fakelivy: --basic needs user:pass\n");
            return 2;
        }
        server.setBasicAuth(credentials.left(colon), credentials.mid(colon + 1));
    }
    server.seedSessions(number(seeded));
    if (!server.start(quint16(number(port)))) {
        std::fprintf(stderr, "fakelivy: cannot listen on 127.0.0.1:%d\n", number(port));
        return 1;
    }
    QTextStream out(stdout);
    out << server.url().toString() << Qt::endl;
    QObject::connect(&server, &FakeLivy::Server::requestReceived, &app, [](const FakeLivy::RecordedRequest &r) {
        QTextStream err(stderr);
        err << QString::fromLatin1(r.method) << ' ' << r.path << Qt::endl;
    });
    return app.exec();
}
