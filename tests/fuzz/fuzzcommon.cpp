// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcommon.h"

#include "livy/logexplainer.h"
#include "livy/outcome.h"
#include "livy/sessionidentity.h"

#include <QCoreApplication>

namespace LivyFuzz {

namespace {
volatile qsizetype g_sink = 0;
} // namespace

QByteArray bodyOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

void sink(qsizetype value)
{
    g_sink = g_sink + value;
}

void sink(const QString &text)
{
    sink(text.size());
}

void sink(const QStringList &lines)
{
    for (const QString &line : lines)
        sink(line);
}

void use(const Livy::LivyError &error)
{
    sink(error.message());
    sink(error.serverText());
    sink(error.rawBody().size());
    sink(error.toString());
    sink(error.describeFor(QStringLiteral("opening session 2")));
    sink(error.isSessionNotFound() ? 1 : 0);
    sink(error.isTransient() ? 1 : 0);
}

void use(const Livy::Session &session)
{
    for (const auto &[name, url] : session.executorLogLinks()) {
        sink(name);
        sink(url);
    }
    sink(Livy::sessionStateToString(session.state));
    sink(Livy::isTerminal(session.state) || Livy::isReady(session.state) || Livy::isStarting(session.state) ? 1 : 0);
    sink(Livy::sessionIdentity(session));
    sink(Livy::explainFailure(session.log));
    sink(session.problem);
}

void use(const Livy::StatementOutput &output)
{
    sink(qsizetype(Livy::classifyData(output)));
    sink(output.text());
    sink(Livy::sparkCancellationLine(output));
    sink(Livy::isSparkCancellation(output) ? 1 : 0);
}

void use(const Livy::Statement &statement)
{
    sink(Livy::statementStateToString(statement.state));
    sink(qsizetype(Livy::outcomeOf(statement)));
    sink(Livy::isCancelledButRunning(statement) ? 1 : 0);
    if (statement.output)
        use(*statement.output);
}

} // namespace LivyFuzz

/// Called once by libFuzzer before the first input. The decoders need no event loop and no GUI (a
/// QCoreApplication loads no platform plugin); the application object is there so that QObject::tr() runs as in
/// the application. Never deleted: it lives as long as the process, as in main().
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Q_UNUSED(argc);
    Q_UNUSED(argv);
    static int appArgc = 1;
    static char name[] = "livydesk-fuzz";
    static char *appArgv[] = { name, nullptr };
    static QCoreApplication *app = new QCoreApplication(appArgc, appArgv);
    Q_UNUSED(app);
    return 0;
}
