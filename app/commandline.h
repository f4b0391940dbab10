// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

class QCoreApplication;

namespace LivyDesk {

struct CommandLineOptions
{
    QUrl server;          ///< --server URL: open with this Livy server
    QString session;      ///< --session ID|NAME: open this session once connected
    QString localLivy;    ///< --local-livy SCRIPT: start the project's local Livy with it, then connect to it
    bool ok = true;
    QString errorText;
};

/// True when the arguments only ask for --help or --version, which must work without a display.
bool isInformationalInvocation(int argc, char **argv);

/// Removes `--session ID|NAME` (also `--session=…`, `-session …`) from argv and returns its value (null when
/// absent). QGuiApplication would otherwise take it as an X11 session-management id.
QString takeSessionArgument(int &argc, char **argv);

/// Parses the command line. --help and --version print and exit the process (QCommandLineParser).
CommandLineOptions parseCommandLine(const QCoreApplication &app);

} // namespace LivyDesk
