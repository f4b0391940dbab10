// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstring>

namespace LivyDesk {

bool isInformationalInvocation(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (!std::strcmp(arg, "--help") || !std::strcmp(arg, "-h") || !std::strcmp(arg, "-?")
            || !std::strcmp(arg, "--help-all") || !std::strcmp(arg, "--version") || !std::strcmp(arg, "-v"))
            return true;
    }
    return false;
}

QString takeSessionArgument(int &argc, char **argv)
{
    QString value;
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if ((!std::strcmp(arg, "--session") || !std::strcmp(arg, "-session")) && i + 1 < argc) {
            value = QString::fromLocal8Bit(argv[++i]);
            continue;
        }
        if (!std::strncmp(arg, "--session=", 10)) {
            value = QString::fromLocal8Bit(arg + 10);
            continue;
        }
        argv[out++] = argv[i];
    }
    argv[out] = nullptr;
    argc = out;
    return value;
}

CommandLineOptions parseCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("LivyDesk, a desktop client for Apache Livy: manage interactive Spark sessions, run Scala, "
                       "Python, R and SQL statements, and explore their results."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringList{ QStringLiteral("s"), QStringLiteral("server") },
        QStringLiteral("Open with the Livy server at <url> (for example http://localhost:8998)."),
        QStringLiteral("url"));
    const QCommandLineOption sessionOption(
        QStringList{ QStringLiteral("session") },
        QStringLiteral("Open the session with this id or name once connected."), QStringLiteral("id-or-name"));
    const QCommandLineOption localLivyOption(
        QStringList{ QStringLiteral("local-livy") },
        QStringLiteral("Start a local Livy with this script (scripts/local-livy; `make run` does it when no server "
                       "is configured) and connect to it once it answers. Ignored with --server."),
        QStringLiteral("script"));
    parser.addOption(serverOption);
    parser.addOption(sessionOption);
    parser.addOption(localLivyOption);
    parser.process(app);

    CommandLineOptions options;
    if (parser.isSet(serverOption)) {
        const QString text = parser.value(serverOption).trimmed();
        QUrl url = QUrl::fromUserInput(text);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            options.ok = false;
            options.errorText = QStringLiteral("--server needs an http:// or https:// URL, not \"%1\"").arg(text);
        } else {
            options.server = url;
        }
    }
    options.session = parser.value(sessionOption);
    if (options.server.isEmpty())
        options.localLivy = parser.value(localLivyOption);
    return options;
}

} // namespace LivyDesk
