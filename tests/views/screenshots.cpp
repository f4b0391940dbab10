// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// livydesk_screenshots: drives the real application against a running fake Livy server (scripts/screenshots
// starts the fakelivy executable) and saves PNGs of the main window with a session open, the create-session
// dialog and statement outputs, in a light or a dark palette. A tool, not a test.
#include "application.h"
#include "dialogs/createsessiondialog.h"
#include "editor/codeeditor.h"
#include "editor/draftstore.h"
#include "editor/editorpanel.h"
#include "items/sessionlistmodel.h"
#include "items/statementlistmodel.h"
#include "mainactions.h"
#include "mainwindow.h"
#include "panels/editordock.h"
#include "panels/logdock.h"
#include "panels/sessionpage.h"
#include "panels/sessionsdock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QPushButton>
#include <QStyle>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace LivyDesk;

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5), disabled(0x7a, 0x7d, 0x83);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x52));
    return p;
}

bool waitFor(const std::function<bool()> &condition, int ms, const char *what)
{
    if (QTest::qWaitFor(condition, ms))
        return true;
    std::fprintf(stderr, "livydesk_screenshots: timed out waiting for %s\n", what);
    return false;
}

bool save(QWidget *widget, const QString &path)
{
    QApplication::processEvents();
    const bool ok = widget->grab().save(path);
    std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(path));
    return ok;
}

int runCode(MainWindow *w, SessionPage *page, const QString &code)
{
    EditorPanel *panel = w->editorDock()->currentEditor();
    panel->editor()->setPlainText(code);
    const int before = page->statementModel()->rowCount();
    w->actions()->run->trigger();
    waitFor([&] { return page->statementModel()->rowCount() > before; }, 10000, "the statement");
    return before;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LivyDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("LivyDesk"));
    QCommandLineParser parser;
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Fake Livy URL"), QStringLiteral("url"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output directory"), QStringLiteral("dir"),
                                       QStringLiteral("docs/screenshots"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), QStringLiteral("light or dark"), QStringLiteral("theme"),
                                         QStringLiteral("light"));
    parser.addOptions({ serverOption, outOption, themeOption });
    parser.addHelpOption();
    parser.process(app);

    QStandardPaths::setTestModeEnabled(true); // never touch the user's settings, profiles or drafts
    QSettings().clear();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const bool dark = parser.value(themeOption) == QLatin1String("dark");
    QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
    const QString suffix = dark ? QStringLiteral("-dark") : QString();
    const QDir out(parser.value(outOption));
    QDir().mkpath(out.path());

    QTemporaryDir draftDir;
    DraftStore drafts(draftDir.path());
    Application::Options options;
    options.commandLine.server = QUrl(parser.value(serverOption));
    options.restoreLayout = false;
    options.drafts = &drafts;
    Application livydesk(options);
    livydesk.start();
    MainWindow *w = livydesk.window();
    w->resize(1200, 800); // the size the AppStream metainfo declares for main-window.png
    w->show();
    if (!waitFor([&] { return w->serverBar()->state() == ServerBar::State::Connected; }, 15000, "the server"))
        return 1;
    waitFor([&] { return !w->serverBar()->serverVersion().isEmpty(); }, 5000, "the version");

    // The create-session dialog, filled in as a user would.
    w->actions()->newSession->trigger();
    CreateSessionDialog *dialog = w->createDialog();
    Livy::CreateSessionRequest request;
    request.kind = QStringLiteral("pyspark");
    request.name = QStringLiteral("city-scores") + suffix;
    request.driverMemory = QStringLiteral("2g");
    request.executorMemory = QStringLiteral("4g");
    request.executorCores = 2;
    request.numExecutors = 4;
    request.queue = QStringLiteral("analytics");
    request.idleTimeout = QStringLiteral("45m");
    request.pyFiles = QStringList{ QStringLiteral("hdfs:///libs/geo_utils.zip") };
    request.conf = QMap<QString, QString>{ { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("64") },
                                           { QStringLiteral("spark.dynamicAllocation.enabled"), QStringLiteral("false") } };
    dialog->setRequest(request);
    save(dialog, out.filePath(QStringLiteral("create-session-dialog%1.png").arg(suffix)));
    dialog->createButton()->click();
    if (!waitFor([&] { return w->currentSessionId() >= 0; }, 15000, "the new session"))
        return 1;
    SessionPage *page = w->sessionPage(w->currentSessionId());
    if (!waitFor([&] { return page->session().state == Livy::SessionState::Idle; }, 30000, "an idle session"))
        return 1;

    // A few statements: text, an error, a table; then a long one that stays running.
    runCode(w, page, QStringLiteral("spark.version"));
    runCode(w, page, QStringLiteral("#fake:error=AnalysisException:Table or view not found: users_2024\n"
                                    "spark.table(\"users_2024\").count()"));
    const int tableRow = runCode(w, page, QStringLiteral("# Average score per city\n#fake:table=14\n"
                                                         "top = spark.table(\"users\").groupBy(\"city\").avg(\"score\")\n"
                                                         "%table top"));
    waitFor([&] { return page->pendingStatementId() < 0; }, 20000, "the table statement");
    const int longRow = runCode(w, page, QStringLiteral("#fake:duration=30000\nspark.range(10**10).selectExpr(\"sum(id)\").show()"));
    waitFor([&] {
        const QModelIndex index = page->statementModel()->index(longRow, 0);
        return index.data(Livy::StatementListModel::StateRole).toInt() == int(Livy::StatementState::Running)
               && index.data(Livy::StatementListModel::ProgressRole).toDouble() > 0.2;
    }, 20000, "a running statement with progress");
    page->selectStatement(tableRow);
    waitFor([page] { return page->isOutputShown(); }, 5000, "the table output"); // parsed on a worker thread
    w->editorDock()->currentEditor()->editor()->setPlainText(
        QStringLiteral("from pyspark.sql import functions as F\n\n"
                       "# Average score per city, best first\n"
                       "top = (spark.table(\"users\")\n"
                       "       .groupBy(\"city\")\n"
                       "       .agg(F.avg(\"score\").alias(\"score\"))\n"
                       "       .orderBy(F.desc(\"score\")))\n"
                       "%table top\n"));
    save(w, out.filePath(QStringLiteral("main-window%1.png").arg(suffix)));
    // The outputs alone, with room: the bottom docks out of the way.
    w->editorDock()->hide();
    w->logDock()->hide();
    w->resize(1200, 900);
    QTest::qWait(100);
    save(page->outputWidget(), out.filePath(QStringLiteral("statement-output-table%1.png").arg(suffix)));
    page->selectStatement(tableRow - 1);
    waitFor([page] { return page->isOutputShown(); }, 5000, "the error output");
    save(page->outputWidget()->isVisible() ? page->outputWidget() : static_cast<QWidget *>(page),
         out.filePath(QStringLiteral("statement-output-error%1.png").arg(suffix)));
    w->actions()->cancelStatement->trigger();
    w->close();
    return 0;
}
