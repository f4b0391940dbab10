// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"
#include "commandline.h"
#include "mainwindow.h"
#include "startuptrace.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

#include <cstdio>

namespace {
void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LivyDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("livydesk.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("LivyDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIVYDESK_VERSION));
}
} // namespace

int main(int argc, char **argv)
{
    LivyDesk::StartupTrace::mark("main");
    if (LivyDesk::isInformationalInvocation(argc, argv)) {
        // --help and --version must work without a display (packaging checks, terminals over ssh).
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        LivyDesk::parseCommandLine(app); // prints and exits
        return 0;
    }

    // QGuiApplication takes "-session"/"--session" for X11 session management and removes it from the
    // arguments, so LivyDesk's --session ID|NAME would never reach the parser: take it out first.
    const QString sessionArgument = LivyDesk::takeSessionArgument(argc, argv);
    QApplication app(argc, argv);
    LivyDesk::StartupTrace::mark("qapplication");
    setApplicationIdentity();
    QApplication::setDesktopFileName(QStringLiteral(LIVYDESK_APP_ID));
    // The installed theme icon (hicolor, see resources/) wins; the compiled-in SVG covers uninstalled builds.
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral(LIVYDESK_APP_ID), QIcon(QStringLiteral(":/icons/livydesk.svg"))));
    LivyDesk::CommandLineOptions options = LivyDesk::parseCommandLine(app);
    if (!sessionArgument.isNull())
        options.session = sessionArgument;
    if (!options.ok) {
        std::fprintf(stderr, "livydesk: %s\n", qPrintable(options.errorText));
        return 2;
    }

    LivyDesk::Application::Options appOptions;
    appOptions.commandLine = options;
    LivyDesk::Application livydesk(appOptions);
    LivyDesk::StartupTrace::mark("application");
    livydesk.start();
    LivyDesk::StartupTrace::mark("started");
    livydesk.window()->show();
    LivyDesk::StartupTrace::mark("shown");
    LivyDesk::StartupTrace::watchFirstPaint(livydesk.window());
    return app.exec();
}
