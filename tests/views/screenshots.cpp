// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// livydesk_screenshots: drives the real application against a REAL Livy server (scripts/screenshots starts the
// project's local Livy 0.9 + Spark 3.5) and saves PNGs of the main window with a pyspark session open, the
// create-session dialog and statement outputs, in a light or a dark palette. Every output shown is what the
// server answered to the pyspark code shown. A tool, not a test.
//
//   livydesk_screenshots --server URL [--reuse-session ID] --theme light|dark --out DIR
//   livydesk_screenshots --server URL --lifecycle --theme light|dark --out DIR
//   livydesk_screenshots --server URL --data --theme light|dark --out DIR
//
// Without --reuse-session it creates a pyspark session through the dialog (and prints "session <id>" so that the
// dark run can reuse it); with --reuse-session it opens that one.
//
// --lifecycle (scripts/screenshots-lifecycle) shows the sessions that look after themselves (#18) instead: a session
// created with a ttl (its lease in the header and the sessions list), real setup statements marked as setup, the
// session deleted on the server behind the app's back, then Recreate: a new Spark session, the setup replayed, and
// the temp view it defines queried again. It prints "session <id>" for every session it made and deletes them.
//
// --data (scripts/screenshots-data) shows the data browser (#19): a session with a partitioned table and a
// 200,000-row temporary view, the Catalog dock expanded, and the view paged, sorted on the server and exported.
#include "application.h"
#include "data/catalogdock.h"
#include "data/catalogmodel.h"
#include "data/datadock.h"
#include "data/pagedtablemodel.h"
#include "data/pagedtableview.h"
#include "databinding.h"
#include "dialogs/createsessiondialog.h"
#include "dialogs/recreatesessiondialog.h"
#include "dialogs/setuplistdialog.h"
#include "editor/codeeditor.h"
#include "editor/draftstore.h"
#include "editor/editorpanel.h"
#include "items/sessionlistmodel.h"
#include "items/statementlistmodel.h"
#include "lifecyclebinding.h"
#include "mainactions.h"
#include "mainwindow.h"
#include "output/outputview.h"
#include "panels/editordock.h"
#include "panels/historydock.h"
#include "panels/logdock.h"
#include "panels/sessionpage.h"
#include "panels/sparkbreakdownview.h"
#include "panels/sessionsdock.h"
#include "panels/statementoutputarea.h"
#include "panels/statusarea.h"
#include "recreatebinding.h"

#include <QAction>
#include <QHeaderView>
#include <QTreeView>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QToolButton>
#include <QTabWidget>
#include <QTableView>
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

Livy::StatementListModel *statementsOf(SessionPage *page)
{
    return qobject_cast<Livy::StatementListModel *>(page->statementModel());
}

/// Runs `code` from the editor (Ctrl+Enter's action) and returns the new statement's id (-1 on failure).
int runCode(MainWindow *w, SessionPage *page, const QString &code)
{
    EditorPanel *panel = w->editorDock()->currentEditor();
    panel->editor()->setPlainText(code);
    Livy::StatementListModel *model = statementsOf(page);
    const qsizetype before = model->statements().size();
    w->actions()->run->trigger();
    if (!waitFor([&] { return model->statements().size() > before; }, 30000, "the statement"))
        return -1;
    return model->statements().last().id;
}

bool waitFinished(SessionPage *page, int id, int ms = 120000)
{
    Livy::StatementListModel *model = statementsOf(page);
    return waitFor([&] {
        const auto s = model->statement(id);
        return s && Livy::isTerminal(s->state);
    }, ms, "a statement to finish");
}

bool showOutput(SessionPage *page, int id)
{
    page->selectStatement(id);
    return waitFor([page] { return page->isOutputShown(); }, 10000, "the output");
}

// --- --lifecycle: sessions that look after themselves (#18), against the real server

/// DELETE /sessions/{id} on a connection of its own: the session goes away behind the application's back.
bool deleteOnServer(const QUrl &server, int id)
{
    QNetworkAccessManager nam;
    QUrl url = server;
    url.setPath(server.path() + QStringLiteral("/sessions/%1").arg(id));
    QNetworkRequest request(url);
    request.setRawHeader("X-Requested-By", "livydesk-screenshots");
    QNetworkReply *reply = nam.deleteResource(request);
    waitFor([reply] { return reply->isFinished(); }, 60000, "DELETE /sessions/{id}");
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    std::printf("DELETE /sessions/%d: HTTP %d %s\n", id, status, reply->readAll().trimmed().constData());
    reply->deleteLater();
    return status == 200;
}

/// Runs `code` and waits for its end; the statement's id, or -1 when it did not end `available`.
int runAndWait(MainWindow *w, SessionPage *page, const QString &code)
{
    const int id = runCode(w, page, code);
    if (id < 0 || !waitFinished(page, id, 300000))
        return -1;
    const auto s = statementsOf(page)->statement(id);
    if (s->state != Livy::StatementState::Available || (s->output && s->output->isError())) {
        std::fprintf(stderr, "livydesk_screenshots: statement %d did not succeed: %s\n", id, qPrintable(code));
        return -1;
    }
    return id;
}

/// Marks a statement as setup as the statements menu does (Mark as Setup Statement, Ctrl+Alt+S).
bool markSetup(SessionPage *page, int id)
{
    // The history records a statement a moment after it ends; until then LivyDesk says "try again in a moment".
    for (int attempt = 0; attempt < 6; ++attempt) {
        page->selectStatement(id);
        if (!page->markSetupAction()->isChecked())
            page->markSetupAction()->trigger();
        if (QTest::qWaitFor([&] { return page->setupStatementIds().contains(id); }, 5000))
            return true;
    }
    std::fprintf(stderr, "livydesk_screenshots: statement %d was not marked as setup\n", id);
    return false;
}

/// For a page shot: the page gets about the window's width (the window grows by the sessions list's width, which
/// keeps its own) and the Code column the room its statements need, as a user would drag it; `off` puts the window
/// back to its default size.
void roomForCode(MainWindow *w, SessionPage *page, bool on)
{
    w->resize(on ? 1280 + w->sessionsDock()->width() : 1280, 820);
    QTest::qWait(300);
    if (on) {
        QTableView *table = page->statementView();
        table->resizeColumnToContents(Livy::StatementListModel::CodeColumn);
        table->setColumnWidth(Livy::StatementListModel::CodeColumn,
                              std::min(table->columnWidth(Livy::StatementListModel::CodeColumn), 660));
    }
    QTest::qWait(300);
}

/// Creates a session through the New Session dialog as a user would, prints "session <id>" (the scripts delete what
/// a failed run left) and waits for it to be idle with its editor open. The session's id, or -1.
int createThroughDialog(MainWindow *w, const Livy::CreateSessionRequest &request)
{
    w->actions()->newSession->trigger();
    CreateSessionDialog *create = w->createDialog();
    create->setRequest(request);
    create->createButton()->click();
    if (!waitFor([&] { return w->currentSessionId() >= 0; }, 60000, "the session tab"))
        return -1;
    const int id = w->currentSessionId();
    std::printf("session %d\n", id);
    std::fflush(stdout);
    SessionPage *page = w->sessionPage(id);
    if (!waitFor([&] { return page->session().state == Livy::SessionState::Idle; }, 600000, "an idle session")
        || !waitFor([&] { return w->editorFor(id) != nullptr; }, 30000, "the session's editor"))
        return -1;
    return id;
}

int lifecycleScene(Application &livydesk, MainWindow *w, const QUrl &server, const QDir &out, const QString &suffix)
{
    const auto file = [&](const char *name) { return out.filePath(QStringLiteral("%1%2.png").arg(QLatin1String(name), suffix)); };
    QList<int> made; // deleted at the end (scripts/screenshots-lifecycle deletes them too if this run fails)
    const auto finish = [&](int code) {
        for (const int id : std::as_const(made))
            deleteOnServer(server, id);
        w->close();
        return code;
    };

    // A session with a lifetime, through the create dialog as a user would make it.
    Livy::CreateSessionRequest request;
    request.kind = QStringLiteral("pyspark");
    request.name = QStringLiteral("squares");
    request.driverMemory = QStringLiteral("1g");
    request.ttl = QStringLiteral("30m");
    const int oldId = createThroughDialog(w, request);
    if (w->currentSessionId() >= 0)
        made << w->currentSessionId();
    if (oldId < 0)
        return finish(1);
    SessionPage *page = w->sessionPage(oldId);

    // Real setup: an import, a setting, a temp view; then work on the view (not setup).
    const QStringList setup = {
        QStringLiteral("import pyspark.sql.functions as F"),
        QStringLiteral("spark.conf.set('spark.sql.shuffle.partitions', '4')"),
        QStringLiteral("spark.range(1000).withColumn('sq', F.col('id') * F.col('id')).createOrReplaceTempView('squares')"),
    };
    QList<int> setupIds;
    for (const QString &code : setup) {
        const int id = runAndWait(w, page, code);
        if (id < 0)
            return finish(1);
        setupIds << id;
    }
    const int queryId = runAndWait(w, page, QStringLiteral(
        "spark.sql('SELECT count(*), max(sq), sum(sq) FROM squares').show()"));
    if (queryId < 0)
        return finish(1);
    for (const int id : std::as_const(setupIds))
        if (!markSetup(page, id))
            return finish(1);
    if (!showOutput(page, queryId)
        || !waitFor([&] { return !page->leaseText().isEmpty(); }, 60000, "the lease in the header"))
        return finish(1);
    // Spark's last look at the query: the tree folds to its summary line once the statement's jobs are final.
    waitFor([&] { return !page->sparkView()->isExpanded(); }, 30000, "the query's final Spark breakdown");
    w->editorDock()->currentEditor()->editor()->setPlainText(QStringLiteral("spark.table('squares').count()\n"));
    roomForCode(w, page, true);
    save(page, file("lifecycle-setup"));
    roomForCode(w, page, false);

    // The session goes away on the server; the tab says so.
    if (!deleteOnServer(server, oldId))
        return finish(1);
    made.removeAll(oldId);
    w->actions()->refresh->trigger();
    if (!waitFor([&] { return page->isGone(); }, 120000, "the tab to see the session gone"))
        return finish(1);

    // Session › Recreate Session… (Ctrl+Shift+R): the kept body and the setup, then a new Spark session and the replay.
    w->selectSession(oldId);
    w->actions()->recreateSession->trigger();
    RecreateBinding *binding = livydesk.lifecycle()->recreate();
    if (!waitFor([&] { return binding->dialog() && binding->dialog()->isVisible(); }, 30000, "the recreate dialog"))
        return finish(1);
    RecreateSessionDialog *dialog = binding->dialog();
    if (dialog->checkedSetup().size() != setup.size()) {
        std::fprintf(stderr, "livydesk_screenshots: the recreate dialog offers %d setup statements\n",
                     int(dialog->checkedSetup().size()));
        return finish(1);
    }
    std::optional<Livy::RecreateResult> result;
    QObject::connect(binding, &RecreateBinding::finished, binding,
                     [&result](const Livy::RecreateResult &r) { result = r; });
    dialog->startButton()->click();
    if (!waitFor([&] { return result.has_value(); }, 900000, "the recreation"))
        return finish(1);
    if (result->session.id >= 0) {
        made << result->session.id;
        std::printf("session %d\n", result->session.id);
        std::fflush(stdout);
    }
    // Its steps without the empty half of the list below them.
    dialog->resize(dialog->width(), std::max(dialog->minimumSizeHint().height(), 330));
    QTest::qWait(300);
    save(dialog, file("recreate-dialog"));
    if (result->outcome != Livy::RecreateResult::Outcome::Succeeded) {
        std::fprintf(stderr, "livydesk_screenshots: the recreation did not succeed: %s\n", qPrintable(result->message));
        return finish(1);
    }
    dialog->close();

    // The new session took the tab; the temp view defined in the replayed setup is back.
    const int newId = result->session.id;
    SessionPage *fresh = nullptr;
    if (!waitFor([&] { return (fresh = w->sessionPage(newId)) && w->editorFor(newId); }, 60000, "the new session's tab")
        || !waitFor([&] { return statementsOf(fresh)->statements().size() >= setup.size(); }, 60000, "the replayed statements"))
        return finish(1);
    const int countId = runAndWait(w, fresh, QStringLiteral("spark.table('squares').count()"));
    if (countId < 0 || !showOutput(fresh, countId)
        || !waitFor([&] { return !fresh->leaseText().isEmpty(); }, 60000, "the new session's lease"))
        return finish(1);
    std::printf("count in session %d: %s\n", newId, qPrintable(fresh->outputText().simplified()));
    waitFor([&] { return !fresh->sparkView()->isExpanded(); }, 30000, "the count's final Spark breakdown");
    {
        // What the new session's header and setup button say about its setup (kept with it by the recreation).
        fresh->findChild<QToolButton *>(QStringLiteral("editSetup"))->click();
        SetupListDialog *list = nullptr;
        waitFor([&] { return (list = w->findChild<SetupListDialog *>()) != nullptr; }, 10000, "the setup list");
        std::printf("session %d: setup list %d statements, marked in its table %d, button \"%s\"\n", newId,
                    list ? int(list->setup().size()) : -1, int(fresh->setupStatementIds().size()),
                    qPrintable(fresh->findChild<QToolButton *>(QStringLiteral("editSetup"))->text()));
        if (list)
            list->close();
    }
    // The sessions list with its Lease column (it shows itself once a lease is known).
    SessionsDock *sessions = w->sessionsDock();
    sessions->show();
    sessions->raise();
    if (!waitFor([&] { return !sessions->view()->isColumnHidden(Livy::SessionListModel::LeaseColumn); }, 30000,
                 "the Lease column"))
        return finish(1);
    sessions->selectSession(newId);
    // The status bar's standing error about the deleted session dismissed (its ✕), as after reading it.
    w->statusBar()->clearMessage();
    w->statusArea()->clearError();
    QTest::qWait(300);
    save(w, file("sessions-lease"));
    // The header with its lease, over the replayed setup and the query on the temp view it defined.
    roomForCode(w, fresh, true);
    QApplication::processEvents();
    const QTableView *table = fresh->statementView();
    const QRect last = table->visualRect(table->model()->index(table->model()->rowCount() - 1, 0));
    const int bottom = table->viewport()->mapTo(fresh, QPoint(0, last.bottom() + 8)).y();
    const bool cropped = fresh->grab(QRect(0, 0, fresh->width(), bottom)).save(file("lease-header"));
    std::printf("%s %s\n", cropped ? "saved" : "FAILED", qPrintable(file("lease-header")));

    return finish(0);
}

// --- --data: the data browser (#19), against the real server

int dataScene(MainWindow *w, const QUrl &server, const QDir &out, const QString &suffix)
{
    const auto file = [&](const char *name) { return out.filePath(QStringLiteral("%1%2.png").arg(QLatin1String(name), suffix)); };
    int made = -1;
    const auto finish = [&](int code) {
        if (made >= 0)
            deleteOnServer(server, made);
        w->close();
        return code;
    };
    Livy::CreateSessionRequest request;
    request.kind = QStringLiteral("pyspark");
    request.name = QStringLiteral("trips");
    request.driverMemory = QStringLiteral("1g");
    QTemporaryDir warehouse; // the partitioned table's files: this run's own (the light and dark runs each make one)
    request.conf = QMap<QString, QString>{ { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("4") },
                                           { QStringLiteral("spark.sql.warehouse.dir"), warehouse.path() } };
    const int id = createThroughDialog(w, request);
    made = w->currentSessionId();
    if (id < 0)
        return finish(1);
    SessionPage *page = w->sessionPage(id);
    // What an analyst has: a partitioned table and a DataFrame of 200,000 trips as a temporary view.
    const QStringList code = {
        QStringLiteral("spark.sql(\"CREATE TABLE IF NOT EXISTS fares (trip_id BIGINT, fare DOUBLE, city STRING) USING parquet PARTITIONED BY (city)\")\n"
                       "spark.sql(\"INSERT INTO fares VALUES (1, 12.5, 'Lyon'), (2, 8.0, 'Oslo'), (3, 21.0, 'Porto')\")"),
        QStringLiteral("trips = spark.range(200000).selectExpr('id AS trip_id',\n"
                       "    \"element_at(array('Lyon', 'Oslo', 'Porto', 'Riga'), CAST(id % 4 AS INT) + 1) AS city\",\n"
                       "    'round(5 + (id * 7919 % 4000) / 100.0, 2) AS fare',\n"
                       "    \"date_add(DATE'2024-01-01', CAST(id % 366 AS INT)) AS day\")\n"
                       "trips.createOrReplaceTempView('trips_2024')"),
    };
    for (const QString &c : code) {
        if (runAndWait(w, page, c) < 0)
            return finish(1);
    }
    w->editorDock()->currentEditor()->editor()->setPlainText(QStringLiteral("spark.table('trips_2024').groupBy('city').avg('fare').show()\n"));

    // The Catalog dock, loaded when shown: temporary views, the database, the table's columns and partitions.
    CatalogDock *dock = w->catalogDock();
    dock->show();
    auto *catalog = qobject_cast<Livy::CatalogModel *>(dock->catalog());
    using Node = Livy::CatalogModel::NodeType;
    if (!catalog || !waitFor([&] { return catalog->find({}, Node::Database, QStringLiteral("default")).isValid(); }, 120000, "the databases"))
        return finish(1);
    const QModelIndex temp = catalog->find({}, Node::TemporaryViews, QStringLiteral("Temporary views"));
    const QModelIndex db = catalog->find({}, Node::Database, QStringLiteral("default"));
    dock->treeView()->expand(temp);
    dock->treeView()->expand(db);
    if (!waitFor([&] { return catalog->find(db, Node::Table, QStringLiteral("fares")).isValid()
                               && catalog->find(temp, Node::Table, QStringLiteral("trips_2024")).isValid(); }, 120000, "the tables"))
        return finish(1);
    const QModelIndex fares = catalog->find(db, Node::Table, QStringLiteral("fares"));
    const QModelIndex trips = catalog->find(temp, Node::Table, QStringLiteral("trips_2024"));
    dock->treeView()->expand(trips);
    dock->treeView()->expand(fares);
    if (!waitFor([&] { return catalog->rowCount(fares) > 1 && catalog->rowCount(trips) > 1; }, 120000, "the columns"))
        return finish(1);
    const QModelIndex partitions = catalog->find(fares, Node::Partitions, QStringLiteral("Partitions"));
    dock->treeView()->expand(partitions);
    waitFor([&] { return catalog->rowCount(partitions) >= 3; }, 120000, "the partitions");
    dock->treeView()->setCurrentIndex(trips);
    w->resizeDocks({ dock }, { 470 }, Qt::Vertical);
    w->editorDock()->raise();
    QTest::qWait(400);
    save(w, file("catalog-tree"));

    // Preview the view: the true count, sorted by fare on the server, then every row exported.
    Q_EMIT dock->previewRequested(trips);
    PagedTableView *paged = w->dataDock()->currentTable();
    if (!paged || !waitFor([&] { return paged->model()->totalRows() == 200000; }, 120000, "the count"))
        return finish(1);
    paged->tableView()->horizontalHeader()->setSortIndicator(2, Qt::DescendingOrder);
    if (!waitFor([&] { return !paged->model()->index(0, 0).data(Livy::PagedTableModel::LoadingRole).toBool()
                               && paged->model()->query().sortColumn == QLatin1String("fare"); }, 120000, "the sorted page"))
        return finish(1);
    QTemporaryDir exportDir;
    paged->exportTo(exportDir.filePath(QStringLiteral("trips_2024.csv")), Livy::PagedQuery::ExportFormat::Csv);
    if (!waitFor([&] { return !paged->isExporting(); }, 300000, "the export"))
        return finish(1);
    std::printf("%s\n", qPrintable(paged->exportText()));
    w->resizeDocks({ w->dataDock() }, { 430 }, Qt::Vertical);
    QTest::qWait(500);
    save(w, file("paged-table"));
    return finish(0);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LivyDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("LivyDesk"));
    QCommandLineParser parser;
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Livy URL"), QStringLiteral("url"));
    const QCommandLineOption sessionOption(QStringLiteral("reuse-session"), QStringLiteral("Reuse this session"), QStringLiteral("id"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output directory"), QStringLiteral("dir"),
                                       QStringLiteral("docs/screenshots"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), QStringLiteral("light or dark"), QStringLiteral("theme"),
                                         QStringLiteral("light"));
    const QCommandLineOption lifecycleOption(QStringLiteral("lifecycle"),
                                             QStringLiteral("Lease, setup statements and Recreate (#18) instead"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("The data browser (#19) instead"));
    parser.addOptions({ serverOption, sessionOption, outOption, themeOption, lifecycleOption, dataOption });
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
    if (parser.isSet(sessionOption))
        options.commandLine.session = parser.value(sessionOption);
    options.restoreLayout = false;
    options.drafts = &drafts;
    options.historyPath = draftDir.filePath(QStringLiteral("history.sqlite"));
    Application livydesk(options);
    livydesk.start();
    MainWindow *w = livydesk.window();
    w->resize(1280, 820); // the default window size, declared in the AppStream metainfo for main-window.png
    w->show();
    if (!waitFor([&] { return w->serverBar()->state() == ServerBar::State::Connected; }, 30000, "the server"))
        return 1;
    waitFor([&] { return !w->serverBar()->serverVersion().isEmpty(); }, 10000, "the version");
    if (parser.isSet(lifecycleOption))
        return lifecycleScene(livydesk, w, options.commandLine.server, out, suffix);
    if (parser.isSet(dataOption))
        return dataScene(w, options.commandLine.server, out, suffix);

    {
        // The create-session dialog, filled in as a user would for this local server.
        w->actions()->newSession->trigger();
        CreateSessionDialog *dialog = w->createDialog();
        Livy::CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.name = QStringLiteral("city-trips");
        request.driverMemory = QStringLiteral("1g");
        request.idleTimeout = QStringLiteral("45m");
        request.conf = QMap<QString, QString>{ { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("8") } };
        dialog->setRequest(request);
        save(dialog, out.filePath(QStringLiteral("create-session-dialog%1.png").arg(suffix)));
        if (parser.isSet(sessionOption))
            dialog->reject(); // the dark run reuses the session the light run created
        else
            dialog->createButton()->click();
    }
    if (!waitFor([&] { return w->currentSessionId() >= 0; }, 30000, "the session tab"))
        return 1;
    SessionPage *page = w->sessionPage(w->currentSessionId());
    std::printf("session %d\n", page->sessionId());
    std::fflush(stdout);
    if (!waitFor([&] { return page->session().state == Livy::SessionState::Idle; }, 300000, "an idle session"))
        return 1;

    // Real pyspark code, real answers.
    runCode(w, page, QStringLiteral("spark.version"));
    const int tableId = runCode(w, page, QStringLiteral(
        "from pyspark.sql import functions as F\n"
        "cities = F.array(*[F.lit(c) for c in ['Lyon', 'Oslo', 'Porto', 'Kyoto', 'Quito', 'Perth', 'Tunis', 'Delhi']])\n"
        "trips = (spark.range(0, 200000)\n"
        "         .withColumn('city', F.element_at(cities, (F.col('id') % 8 + 1).cast('int')))\n"
        "         .withColumn('km', F.round(F.rand(42) * 20, 2)))\n"
        "per_city = trips.groupBy('city').agg(F.count('*').alias('trips'), F.round(F.avg('km'), 3).alias('avg_km')).orderBy('city')\n"
        "%table per_city"));
    // Livy's %table gives a DataFrame's description; the output offers its rows ("Show per_city as a table").
    if (tableId < 0 || !waitFinished(page, tableId) || !showOutput(page, tableId))
        return 1;
    auto *described = qobject_cast<StatementOutputArea *>(page->outputWidget());
    save(page->outputWidget(), out.filePath(QStringLiteral("output-dataframe-hint%1.png").arg(suffix)));
    const qsizetype rowsBefore = statementsOf(page)->statements().size();
    described->noteButton()->click();
    waitFor([&] { return statementsOf(page)->statements().size() > rowsBefore; }, 30000, "the table statement");
    const int dataFrameId = statementsOf(page)->statements().last().id;
    if (!waitFinished(page, dataFrameId))
        return 1;
    runCode(w, page, QStringLiteral("rows = [r.asDict() for r in per_city.collect()]"));
    const int errorId = runCode(w, page, QStringLiteral("spark.table('trips_2024').count()"));
    const int jsonId = runCode(w, page, QStringLiteral(
        "summary = {'cities': per_city.count(), 'total_trips': trips.count(),\n"
        "           'longest': trips.agg(F.max('km')).first()[0], 'schema': [f.name for f in trips.schema]}\n"
        "%json summary"));
    const int plotId = runCode(w, page, QStringLiteral(
        "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
        "plt.clf()\n"
        "plt.figure(figsize=(6, 3.2))\n"
        "plt.bar([r['city'] for r in rows], [r['avg_km'] for r in rows], color='#2f65ca')\n"
        "plt.ylabel('average km'); plt.title('Average trip length per city')\n"
        "plt.tight_layout()\n"
        "%matplot plt"));
    for (const int id : { errorId, jsonId, plotId })
        if (id < 0 || !waitFinished(page, id))
            return 1;
    // A long Spark job (16 tasks of 2 s on local[2]) that is still running when the window is captured.
    const int longId = runCode(w, page, QStringLiteral(
        "slow = spark.range(0, 16, numPartitions=16).rdd.map(lambda x: __import__('time').sleep(2) or x)\n"
        "slow.count()"));
    waitFor([&] {
        const auto s = statementsOf(page)->statement(longId);
        return s && s->state == Livy::StatementState::Running && s->progress > 0.2;
    }, 120000, "a running statement with progress");

    showOutput(page, dataFrameId);
    w->editorDock()->currentEditor()->editor()->setPlainText(
        QStringLiteral("per_city = (trips.groupBy('city')\n"
                       "            .agg(F.count('*').alias('trips'), F.round(F.avg('km'), 3).alias('avg_km'))\n"
                       "            .orderBy(F.desc('avg_km')))\n"
                       "per_city.show()\n"));
    save(w, out.filePath(QStringLiteral("main-window%1.png").arg(suffix)));

    // The outputs alone, with room: the bottom docks out of the way.
    w->editorDock()->hide();
    w->logDock()->hide();
    QTest::qWait(200);
    auto *area = qobject_cast<StatementOutputArea *>(page->outputWidget());
    save(page->outputWidget(), out.filePath(QStringLiteral("output-table%1.png").arg(suffix)));
    if (area && area->outputView()->showPage(OutputView::PageKind::Chart)) {
        QTest::qWait(300);
        save(page->outputWidget(), out.filePath(QStringLiteral("output-chart%1.png").arg(suffix)));
    }
    if (showOutput(page, errorId))
        save(page->outputWidget(), out.filePath(QStringLiteral("output-error%1.png").arg(suffix)));
    if (showOutput(page, jsonId))
        save(page->outputWidget(), out.filePath(QStringLiteral("output-json%1.png").arg(suffix)));
    if (showOutput(page, plotId))
        save(page->outputWidget(), out.filePath(QStringLiteral("output-image%1.png").arg(suffix)));
    waitFinished(page, longId);

    // A join with two shuffles while it runs: its Spark jobs and stages under the statement (the Spark UI found from
    // the session log), the statements table's summary, and the editor back.
    w->editorDock()->show();
    w->editorDock()->raise();
    const QString joinCode = QStringLiteral(
        "spark.conf.set('spark.sql.autoBroadcastJoinThreshold', -1)\n"
        "slow_km = F.udf(lambda km: (__import__('time').sleep(0.02), km)[1], 'double')\n"
        "busy = trips.limit(1200).repartition(12).withColumn('km', slow_km('km'))\n"
        "rated = busy.join(per_city, 'city').groupBy('city').agg(F.round(F.avg(F.col('km') / F.col('avg_km')), 3).alias('ratio'))\n"
        "rated.orderBy('city').collect()");
    w->editorDock()->currentEditor()->editor()->setPlainText(joinCode);
    const int joinId = runCode(w, page, joinCode);
    page->selectStatement(joinId);
    SparkBreakdownView *spark = page->sparkView();
    if (waitFor([&] {
            const QAbstractItemModel *m = spark->tree()->model();
            int stages = 0;
            for (int j = 0; m && j < m->rowCount(); ++j)
                stages += m->rowCount(m->index(j, 0));
            return spark->hasContent() && stages >= 2 && spark->summaryText().contains(QStringLiteral("stage "));
        }, 120000, "a running statement's Spark stages")) {
        QTest::qWait(300);
        save(w, out.filePath(QStringLiteral("spark-breakdown%1.png").arg(suffix)));
    }
    waitFinished(page, joinId);
    // Its last look at Spark (the jobs' ends reach the UI a moment after Livy reports the statement's).
    waitFor([&] { return !spark->summaryText().contains(QStringLiteral("stage ")); }, 20000, "the join's final breakdown");

    if (!parser.isSet(sessionOption)) {
        // The local history of this run: searched, the DataFrame's rows shown from the history database.
        HistoryDock *history = w->historyDock();
        history->show();
        history->raise();
        w->resizeDocks({ history }, { 560 }, Qt::Vertical);
        history->searchEdit()->setText(QStringLiteral("per_city"));
        Livy::HistoryModel *model = history->model();
        waitFor([&] { return model->rowCount() >= 3 && model->query().text == QLatin1String("per_city"); }, 10000,
                "history search");
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->entry(row).statement.id == dataFrameId)
                history->view()->selectRow(row);
        waitFor([&] { return history->shownEntry() && history->shownEntry()->statement.output; }, 10000,
                "the history entry");
        QTest::qWait(300);
        save(w, out.filePath(QStringLiteral("history-panel.png")));
    }
    w->close();
    return 0;
}
