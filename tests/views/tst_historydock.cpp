// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The history panel in the whole application against the fake Livy: statements land in it as they run, it searches
// and filters, shows an entry's output in the same views offline (after the session is gone), re-runs, copies,
// deletes and exports; and open tabs are written as they change (they survive a crash, not just a clean close).

#include "appharness.h"

#include "dialogs/recreatesessiondialog.h"
#include "dialogs/requestbodyeditor.h"
#include "history/historymodel.h"
#include "lifecyclebinding.h"
#include "recreatebinding.h"
#include "history/historystore.h"
#include "output/outputview.h"
#include "panels/historydock.h"
#include "profiles/settingsschema.h"
#include "profiles/workspacestore.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

using namespace LivyDesk;

class TestHistoryDock : public QObject
{
    Q_OBJECT

    static HistoryDock *dock(AppHarness &h) { return h.window()->historyDock(); }
    static Livy::HistoryModel *model(AppHarness &h) { return dock(h)->model(); }
    /// Selects the entry whose code is `code` (exactly one row must match).
    static bool select(AppHarness &h, const QString &code)
    {
        for (int row = 0; row < model(h)->rowCount(); ++row) {
            if (model(h)->entry(row).statement.code == code) {
                dock(h)->view()->selectRow(row);
                return true;
            }
        }
        return false;
    }
    static QStringList codes(AppHarness &h)
    {
        QStringList out;
        for (int row = 0; row < model(h)->rowCount(); ++row)
            out << model(h)->entry(row).statement.code;
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void statementsLandInTheHistoryAndStayAfterTheSessionIsGone()
    {
        AppHarness h;
        QVERIFY(h.launch());
        QTRY_VERIFY(h.app->history()->isOpen());
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        const int sessionId = page->sessionId();
        const QString tableCode = QStringLiteral("#fake:table=3\nrows = load()");
        const QString errorCode = QStringLiteral("#fake:error=ZeroDivisionError:division by zero\n1/0");
        const int table = h.run(page, tableCode);
        QVERIFY(table >= 0);
        QTRY_VERIFY(Livy::isTerminal(h.statements(page)->statement(table)->state));
        const int error = h.run(page, errorCode);
        QVERIFY(error >= 0);
        QTRY_VERIFY(Livy::isTerminal(h.statements(page)->statement(error)->state));
        QTRY_COMPARE(model(h)->rowCount(), 2);
        QCOMPARE(codes(h), QStringList({ errorCode, tableCode })); // newest first
        QTRY_COMPARE(model(h)->entry(0).statement.stateName, QStringLiteral("available"));

        // The session goes away on the server (deleted elsewhere, or a restart without recovery).
        QVERIFY(h.server->removeSession(sessionId));
        h.window()->actions()->refresh->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page->isGone(), 10000);
        // Then the server itself goes (stopped): the history still has both, with their output, in the same views.
        h.server->stop();
        QVERIFY(select(h, tableCode));
        QTRY_VERIFY(dock(h)->shownEntry() && dock(h)->shownEntry()->statement.output);
        OutputView *out = dock(h)->outputView();
        QTRY_COMPARE(out->pageKind(out->currentPage()), OutputView::PageKind::Table);
        QCOMPARE(dock(h)->codeView()->toPlainText(), tableCode);
        QVERIFY(select(h, errorCode));
        QTRY_COMPARE(dock(h)->shownEntry()->statement.code, errorCode);
        QTRY_COMPARE(out->pageKind(out->currentPage()), OutputView::PageKind::Error);
    }

    void searchFiltersAndFacets()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *py = h.openIdleSession(QStringLiteral("pyspark"));
        QVERIFY(py);
        QVERIFY(h.run(py, QStringLiteral("#fake:text=orders loaded\ndf = spark.read.parquet('/orders')")) >= 0);
        QVERIFY(h.run(py, QStringLiteral("df.count()")) >= 0);
        QTRY_COMPARE(model(h)->rowCount(), 2);
        // Full-text search over the code and the text output.
        QTest::keyClicks(dock(h)->searchEdit(), QStringLiteral("orders"));
        QTRY_COMPARE(model(h)->rowCount(), 1);
        QCOMPARE(model(h)->entry(0).statement.code, QStringLiteral("#fake:text=orders loaded\ndf = spark.read.parquet('/orders')"));
        dock(h)->searchEdit()->clear();
        QTest::keyClicks(dock(h)->searchEdit(), QStringLiteral("loaded")); // only in the output
        QTRY_COMPARE(model(h)->rowCount(), 1);
        dock(h)->searchEdit()->clear();
        QTRY_COMPARE(model(h)->rowCount(), 2);
        // The filters offer what the history holds.
        QComboBox *kind = dock(h)->kindFilter();
        QTRY_VERIFY(kind->findData(QStringLiteral("pyspark")) > 0);
        QComboBox *state = dock(h)->stateFilter();
        QTRY_VERIFY(state->findData(QStringLiteral("available")) > 0);
        QComboBox *session = dock(h)->sessionFilter();
        QTRY_COMPARE(session->count(), 2); // all, and this one
        state->setCurrentIndex(state->findData(QStringLiteral("available")));
        QTRY_COMPARE(model(h)->rowCount(), 2);
        dock(h)->dateFilter()->setCurrentIndex(1); // today
        QTRY_COMPARE(model(h)->rowCount(), 2);
        QCOMPARE(dock(h)->statusText(), QStringLiteral("2 entries"));
    }

    void rerunCopyDeleteExport()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        const QString code = QStringLiteral("#fake:text=42\nanswer()");
        const int first = h.run(page, code);
        QTRY_VERIFY(Livy::isTerminal(h.statements(page)->statement(first)->state));
        QTRY_COMPARE(model(h)->rowCount(), 1);
        QVERIFY(select(h, code));

        // Copy puts the code on the clipboard.
        dock(h)->copySelected();
        QCOMPARE(QApplication::clipboard()->text(), code);

        // Re-run sends it again in the current session: one new statement, the same code.
        const int posts = int(h.server->requests("POST", QStringLiteral("/sessions/\\d+/statements")).size());
        dock(h)->rerunSelected();
        QTRY_COMPARE(int(h.server->requests("POST", QStringLiteral("/sessions/\\d+/statements")).size()), posts + 1);
        QTRY_COMPARE(h.statements(page)->statements().size(), 2);
        QCOMPARE(h.statements(page)->statements().last().code, code);
        QTRY_COMPARE(model(h)->rowCount(), 2);

        // Export the selection as a notebook.
        QTemporaryDir out;
        dock(h)->view()->selectAll();
        QSignalSpy exported(dock(h), &HistoryDock::exportFinished);
        dock(h)->exportSelection(out.filePath(QStringLiteral("work.ipynb")));
        QVERIFY(exported.wait(5000));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QFile notebook(out.filePath(QStringLiteral("work.ipynb")));
        QVERIFY(notebook.open(QIODevice::ReadOnly));
        const QJsonObject nb = QJsonDocument::fromJson(notebook.readAll()).object();
        QCOMPARE(nb.value(QStringLiteral("nbformat")).toInt(), 4);
        QCOMPARE(nb.value(QStringLiteral("cells")).toArray().size(), 2);
        // And as a script of its language.
        dock(h)->exportSelection(out.filePath(QStringLiteral("work.py")));
        QVERIFY(exported.wait(5000));
        QVERIFY(exported.last().at(0).toBool());
        QFile script(out.filePath(QStringLiteral("work.py")));
        QVERIFY(script.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(script.readAll()).count(QStringLiteral("answer()")), 2);

        // Delete asks first; Cancel keeps everything, Delete removes the entries (not the statements).
        dock(h)->deleteSelected();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dock(h)->findChild<QMessageBox *>()) != nullptr);
        box->reject();
        QTest::qWait(100);
        QCOMPARE(model(h)->rowCount(), 2);
        dock(h)->deleteSelectedWithoutAsking();
        QTRY_COMPARE(model(h)->rowCount(), 0);
        QCOMPARE(h.statements(page)->statements().size(), 2);
    }

    void sparkBreakdownIsShownAndExported()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        const QString code = QStringLiteral("#fake:text=40\ndf.count()");
        const int id = h.run(page, code);
        QTRY_VERIFY(Livy::isTerminal(h.statements(page)->statement(id)->state));
        QTRY_COMPARE(model(h)->rowCount(), 1);
        QTRY_COMPARE(model(h)->entry(0).statement.stateName, QStringLiteral("available"));
        QVERIFY(select(h, code));
        QTRY_VERIFY(dock(h)->shownEntry() && dock(h)->shownEntry()->statement.output);
        QVERIFY(dock(h)->sparkLabel()->isHidden()); // nothing known about Spark yet

        // The tracker's final look arrives while the entry is shown: the panel shows it at once.
        Livy::SparkBreakdown b;
        b.statementId = id;
        b.final = true;
        for (int j = 0; j < 2; ++j) {
            Livy::SparkJob job;
            job.jobId = j;
            job.status = QStringLiteral("SUCCEEDED");
            job.stageIds = j == 0 ? QList<int>{ 0, 1 } : QList<int>{ 2, 3, 4 };
            b.jobs << job;
        }
        for (int i = 0; i < 5; ++i) {
            Livy::SparkStage stage;
            stage.stageId = i;
            stage.status = QStringLiteral("COMPLETE");
            stage.numTasks = 8;
            stage.numCompleteTasks = 8;
            b.stages << stage;
        }
        b.stages[3].numFailedTasks = 3;
        b.stages[3].failures = { Livy::SparkTaskFailure{ 31, 12, 0, QStringLiteral("1"), QStringLiteral("localhost"),
                                                         QStringLiteral("ZeroDivisionError: division by zero\n\tat line 1") } };
        h.app->history()->recordSparkBreakdown(model(h)->entry(0).session, b);
        QTRY_VERIFY(!dock(h)->sparkLabel()->isHidden());
        QTRY_VERIFY(dock(h)->shownEntry()->spark);
        QCOMPARE(*dock(h)->shownEntry()->spark, b);
        const QString summary = QStringLiteral("2 jobs · 5 stages · 40 tasks · 3 failed");
        const QString text = dock(h)->sparkLabel()->text();
        QVERIFY2(text.startsWith(QStringLiteral("Spark: ") + summary + QLatin1Char('\n')), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("stage 3, task 12): ZeroDivisionError: division by zero")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("at line 1"))); // the first line only (the whole error in the tooltip)
        QVERIFY(dock(h)->sparkLabel()->toolTip().contains(QStringLiteral("at line 1")));

        // Exports keep the summary: a comment line in a script, cell metadata in a notebook.
        QTemporaryDir out;
        QSignalSpy exported(dock(h), &HistoryDock::exportFinished);
        dock(h)->exportSelection(out.filePath(QStringLiteral("spark.py")));
        QVERIFY(exported.wait(5000));
        QVERIFY(exported.last().at(0).toBool());
        QFile script(out.filePath(QStringLiteral("spark.py")));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QString scriptText = QString::fromUtf8(script.readAll());
        QVERIFY2(scriptText.contains(QStringLiteral("\n# Spark: ") + summary + QStringLiteral("\n#fake:text=40\n")),
                 qPrintable(scriptText));
        dock(h)->exportSelection(out.filePath(QStringLiteral("spark.ipynb")));
        QVERIFY(exported.wait(5000));
        QVERIFY(exported.last().at(0).toBool());
        QFile notebook(out.filePath(QStringLiteral("spark.ipynb")));
        QVERIFY(notebook.open(QIODevice::ReadOnly));
        const QJsonObject cell = QJsonDocument::fromJson(notebook.readAll())
                                     .object()
                                     .value(QStringLiteral("cells"))
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(cell.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("livydesk")).toObject()
                     .value(QStringLiteral("spark")).toString(),
                 summary);

        // An entry without one shows none.
        const QString plain = QStringLiteral("x = 1");
        QVERIFY(h.run(page, plain) >= 0);
        QTRY_COMPARE(model(h)->rowCount(), 2);
        QVERIFY(select(h, plain));
        QTRY_COMPARE(dock(h)->shownEntry()->statement.code, plain);
        QVERIFY(dock(h)->sparkLabel()->isHidden());
    }

    void outputCapComesFromTheSettings()
    {
        AppHarness h; // (clears the settings)
        QSettings().setValue(SettingsKeys::historyOutputCapMiB(), 1);
        QVERIFY(h.launch());
        QSettings().remove(SettingsKeys::historyOutputCapMiB());
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        const QString big(1'500'000, QLatin1Char('x'));
        const int id = h.run(page, QStringLiteral("#fake:text=") + big + QStringLiteral("\nprint(big)"));
        QTRY_VERIFY(Livy::isTerminal(h.statements(page)->statement(id)->state));
        // The window shows the whole output; the history keeps its first MiB and says so.
        QCOMPARE(h.statements(page)->statement(id)->output->text().size(), big.size());
        QTRY_COMPARE(model(h)->rowCount(), 1);
        QTRY_VERIFY(model(h)->entry(0).statement.stateName == QLatin1String("available"));
        dock(h)->view()->selectRow(0);
        QTRY_VERIFY(dock(h)->shownEntry() && dock(h)->shownEntry()->statement.output);
        QVERIFY(dock(h)->shownEntry()->outputTruncated);
        QVERIFY(dock(h)->shownEntry()->note.contains(QStringLiteral("only the beginning")));
        const qsizetype kept = dock(h)->shownEntry()->statement.output->text().size();
        QVERIFY2(kept > 512 * 1024 && kept <= 1024 * 1024, qPrintable(QString::number(kept)));
    }

    void rerunNeedsAnOpenSession()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        QVERIFY(h.run(page, QStringLiteral("x = 1")) >= 0);
        QTRY_COMPARE(model(h)->rowCount(), 1);
        QVERIFY(select(h, QStringLiteral("x = 1")));
        auto *rerun = dock(h)->findChild<QToolButton *>(QStringLiteral("historyRerun"));
        QVERIFY(rerun);
        QTRY_VERIFY(rerun->isEnabled());
        h.window()->actions()->closeSession->trigger();
        QTRY_VERIFY(!rerun->isEnabled());
        QVERIFY(!rerun->toolTip().isEmpty());
    }

    void goneSessionIsRecreatedWithItsCreateBody()
    {
        AppHarness h;
        QVERIFY(h.launch());
        const int id = h.server->createSession(QJsonObject{
            { QStringLiteral("kind"), QStringLiteral("pyspark") },
            { QStringLiteral("name"), QStringLiteral("etl") },
            { QStringLiteral("driverMemory"), QStringLiteral("2g") },
            { QStringLiteral("executorCores"), 3 },
            { QStringLiteral("conf"), QJsonObject{ { QStringLiteral("spark.sql.shuffle.partitions"), QStringLiteral("8") },
                                                   { QStringLiteral("spark.livydesk.sessionTag"), QStringLiteral("0123456789abcdef") } } } });
        SessionPage *page = h.openFromList(id);
        QVERIFY(page);
        QTRY_COMPARE(page->session().state, Livy::SessionState::Idle);
        auto *recreate = page->findChild<QToolButton *>(QStringLiteral("recreateSession"));
        QVERIFY(recreate);
        QVERIFY(recreate->isHidden()); // only for a session that ended or is gone
        QVERIFY(h.server->removeSession(id)); // a restart without recovery, say
        h.window()->actions()->refresh->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page->isGone(), 10000);
        QVERIFY(!recreate->isHidden());
        recreate->click();
        // The recreate dialog (app/recreatebinding.h): a session created elsewhere has no kept body, so it shows
        // what the server echoes of its creation.
        RecreateBinding *binding = h.app->lifecycle()->recreate();
        QTRY_VERIFY(binding->dialog());
        const Livy::CreateSessionRequest request = binding->dialog()->request().value_or(Livy::CreateSessionRequest());
        QCOMPARE(request.kind, QStringLiteral("pyspark"));
        QCOMPARE(request.name, QStringLiteral("etl"));
        QCOMPARE(request.driverMemory, QStringLiteral("2g"));
        QCOMPARE(request.executorCores, 3);
        QVERIFY(request.conf);
        QCOMPARE(request.conf->value(QStringLiteral("spark.sql.shuffle.partitions")), QStringLiteral("8"));
        // The new session gets a tag of its own, never the old one's.
        QVERIFY(request.conf->value(QStringLiteral("spark.livydesk.sessionTag")) != QStringLiteral("0123456789abcdef"));
        // Sent as it is, it makes a new session with the same settings.
        const int before = int(h.server->requests("POST", QStringLiteral("/sessions")).size());
        QTest::mouseClick(binding->dialog()->startButton(), Qt::LeftButton);
        QTRY_COMPARE(int(h.server->requests("POST", QStringLiteral("/sessions")).size()), before + 1);
        const QJsonObject sent = QJsonDocument::fromJson(h.server->requests("POST", QStringLiteral("/sessions")).last().body).object();
        QCOMPARE(sent.value(QStringLiteral("driverMemory")).toString(), QStringLiteral("2g"));
        QCOMPARE(sent.value(QStringLiteral("conf")).toObject().value(QStringLiteral("spark.sql.shuffle.partitions")).toString(),
                 QStringLiteral("8"));
        QVERIFY(sent.value(QStringLiteral("conf")).toObject().value(QStringLiteral("spark.livydesk.sessionTag")).toString()
                != QStringLiteral("0123456789abcdef"));
    }

    void openTabsAreSavedAsTheyChange()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *a = h.openIdleSession();
        QVERIFY(a);
        const QString profile = h.app->profile().id;
        // Written at once, not only when the window closes (a crash keeps them).
        QTRY_COMPARE(WorkspaceStore::openSessions(profile), QList<int>({ a->sessionId() }));
        SessionPage *b = h.openIdleSession();
        QVERIFY(b);
        QTRY_COMPARE(WorkspaceStore::openSessions(profile), QList<int>({ a->sessionId(), b->sessionId() }));
        QCOMPARE(WorkspaceStore::currentSession(profile), b->sessionId());
        h.window()->actions()->closeSession->trigger();
        QTRY_COMPARE(WorkspaceStore::openSessions(profile), QList<int>({ a->sessionId() }));
    }
};

QTEST_MAIN(TestHistoryDock)
#include "tst_historydock.moc"
