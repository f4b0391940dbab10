// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Sessions that look after themselves (#18), the views and the app's wiring, in the whole application against the
// fake Livy: marking setup statements (a session's statements menu, the History panel), recreating a gone session
// (the kept body shown and edited, a name still taken, the setup replayed in order, a failing step with Retry and
// Skip, the new session taking the old tab and draft), a template that creates and replays, and the lease budget
// in the session header (said for a session with a ttl, nothing for one without).

#include "appharness.h"
#include "controllers/servercontroller.h"
#include "items/sessionlistmodel.h"

#include "dialogs/recreatesessiondialog.h"
#include "dialogs/requestbodyeditor.h"
#include "dialogs/setuplistdialog.h"
#include "history/historymodel.h"
#include "lifecyclebinding.h"
#include "livy/sessionidentity.h"
#include "output/outputview.h"
#include "panels/historydock.h"
#include "panels/leasewarningbar.h"
#include "panels/messagebanner.h"
#include "profiles/sessionpresetstore.h"
#include "recreatebinding.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>

using namespace LivyDesk;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    return p;
}

/// Saves `widget` as <build>/tests/views/screenshots/<name>.png and <name>-dark.png, to look at.
void render(QWidget *widget, const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    const QPalette light = QApplication::palette();
    widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
    QApplication::setPalette(darkPalette());
    QCoreApplication::processEvents();
    widget->grab().save(dir + u'/' + name + QStringLiteral("-dark.png"));
    QApplication::setPalette(light);
    QCoreApplication::processEvents();
}

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT

    static QStringList postedCodes(AppHarness &h, int sessionId)
    {
        QStringList codes;
        const QList<FakeLivy::RecordedRequest> posts =
            h.server->requests("POST", QStringLiteral("/sessions/%1/statements").arg(sessionId));
        for (const FakeLivy::RecordedRequest &r : posts)
            codes << QJsonDocument::fromJson(r.body).object().value(QStringLiteral("code")).toString();
        return codes;
    }
    /// Creates a session through the window (as the create dialog does), so LivyDesk keeps its body; opens it.
    static SessionPage *createThroughApp(AppHarness &h, const Livy::CreateSessionRequest &request)
    {
        const QList<int> before = h.window()->openSessionIds();
        Q_EMIT h.window()->createSessionRequested(request);
        if (!QTest::qWaitFor([&] { return h.window()->openSessionIds().size() > before.size(); }, 10000))
            return nullptr;
        SessionPage *page = h.window()->sessionPage(h.window()->openSessionIds().last());
        if (!QTest::qWaitFor([&] { return page->session().state == Livy::SessionState::Idle; }, 10000)
            || !QTest::qWaitFor([&] { return h.window()->editorFor(page->sessionId()) != nullptr; }, 10000))
            return nullptr;
        return page;
    }
    static int runAndWait(AppHarness &h, SessionPage *page, const QString &code)
    {
        const int id = h.run(page, code);
        if (id < 0 || !QTest::qWaitFor([&] {
                const auto s = AppHarness::statements(page)->statement(id);
                return s && Livy::isTerminal(s->state);
            }, 10000))
            return -1;
        return id;
    }
    static bool markFromMenu(SessionPage *page, int statementId, bool setup)
    {
        page->selectStatement(statementId);
        if (page->markSetupAction()->isChecked() == setup)
            return false;
        page->markSetupAction()->trigger(); // the context menu's "Mark as Setup Statement" (Ctrl+Alt+S)
        return QTest::qWaitFor([&] { return page->setupStatementIds().contains(statementId) == setup; }, 10000);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void setupIsMarkedFromTheStatementsMenu()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        const int a = runAndWait(h, page, QStringLiteral("import math"));
        const int b = runAndWait(h, page, QStringLiteral("x = 1"));
        QVERIFY(a >= 0 && b >= 0);
        // The context menu offers it for the statement under the pointer.
        QTableView *table = page->statementView();
        const QModelIndex cell = table->model()->index(AppHarness::statements(page)->rowOfId(a), 0);
        page->showStatementMenu(table->visualRect(cell).center());
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = page->findChild<QMenu *>()) != nullptr);
        QVERIFY(menu->actions().contains(page->markSetupAction()));
        QCOMPARE(page->selectedStatementId(), a);
        menu->close();
        QVERIFY(markFromMenu(page, a, true));
        QVERIFY(markFromMenu(page, b, true));
        QCOMPARE(page->setupStatementIds(), (QSet<int>{ a, b }));
        QCOMPARE(page->findChild<QToolButton *>(QStringLiteral("editSetup"))->text(), QStringLiteral("Setup (2)…"));
        // The History panel marks the same entries.
        HistoryDock *dock = h.window()->historyDock();
        QTRY_COMPARE(dock->setupRowIds().size(), 2);
        QVERIFY(markFromMenu(page, a, false));
        QCOMPARE(page->setupStatementIds(), (QSet<int>{ b }));
        QTRY_COMPARE(dock->setupRowIds().size(), 1);
    }

    void setupIsMarkedFromTheHistoryPanel()
    {
        AppHarness h;
        QVERIFY(h.launch());
        SessionPage *page = h.openIdleSession();
        QVERIFY(page);
        const int id = runAndWait(h, page, QStringLiteral("df = spark.range(10)"));
        QVERIFY(id >= 0);
        HistoryDock *dock = h.window()->historyDock();
        Livy::HistoryModel *model = dock->model();
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     model->refresh();
                                     for (int r = 0; r < model->rowCount(); ++r)
                                         if (model->entry(r).statement.id == id && model->entry(r).session.id == page->sessionId())
                                             row = r;
                                     return row >= 0;
                                 }()),
                                 10000);
        dock->view()->selectRow(row);
        const qint64 rowId = model->entry(row).rowId;
        QVERIFY(dock->markSetupAction()->isEnabled());
        QCOMPARE(dock->markSetupAction()->text(), QStringLiteral("Mark as &Setup Statement"));
        dock->markSetupAction()->trigger();
        QTRY_VERIFY(dock->setupRowIds().contains(rowId));
        // The session's statements table shows it too (its gear), and the same action now takes it out.
        QTRY_VERIFY(page->setupStatementIds().contains(id));
        QCOMPARE(dock->markSetupAction()->text(), QStringLiteral("Remove from &Setup"));
        dock->markSetupAction()->trigger();
        QTRY_VERIFY(!dock->setupRowIds().contains(rowId));
        QTRY_VERIFY(page->setupStatementIds().isEmpty());
    }

    void goneSessionIsRecreatedWithItsSetupAndTakesItsTab()
    {
        AppHarness h;
        QVERIFY(h.launch());
        Livy::CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.name = QStringLiteral("etl");
        request.driverMemory = QStringLiteral("2g");
        SessionPage *first = h.openIdleSession(); // another tab before it: the recreated one keeps its place
        QVERIFY(first);
        SessionPage *page = createThroughApp(h, request);
        QVERIFY(page);
        const int oldId = page->sessionId();
        const QString one = QStringLiteral("a = 1");
        const QString failing = QStringLiteral("#fake:error=ValueError:boom\nb = 2");
        const QString three = QStringLiteral("c = a + 1");
        int ids[3];
        ids[0] = runAndWait(h, page, one);
        ids[1] = runAndWait(h, page, failing);
        ids[2] = runAndWait(h, page, three);
        for (const int id : ids)
            QVERIFY(markFromMenu(page, id, true));
        h.window()->editorFor(oldId)->editor()->setPlainText(QStringLiteral("print(c)"));
        const int tabIndex = h.window()->sessionTabs()->indexOf(page);

        // The session goes away; another one now has its name (Livy keeps a dead session's name for a while).
        QVERIFY(h.server->removeSession(oldId));
        h.window()->actions()->refresh->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page->isGone(), 10000);
        QVERIFY(h.server->createSession(QJsonObject{ { QStringLiteral("kind"), QStringLiteral("pyspark") },
                                                      { QStringLiteral("name"), QStringLiteral("etl") } })
                >= 0);
        h.window()->selectSession(oldId);
        QVERIFY(h.window()->actions()->recreateSession->isEnabled());
        h.window()->actions()->recreateSession->trigger(); // Ctrl+Shift+R

        RecreateBinding *binding = h.app->lifecycle()->recreate();
        QTRY_VERIFY(binding->dialog() && binding->dialog()->isVisible());
        RecreateSessionDialog *dialog = binding->dialog();
        // The kept body (without the old session tag) and the setup, all checked, in order.
        const std::optional<Livy::CreateSessionRequest> shown = dialog->request();
        QVERIFY(shown);
        QCOMPARE(shown->name, QStringLiteral("etl"));
        QCOMPARE(shown->driverMemory, QStringLiteral("2g"));
        QVERIFY(!shown->conf || !shown->conf->contains(QString(Livy::SessionTagKey)));
        QCOMPARE(dialog->setupList()->count(), 3);
        QCOMPARE(dialog->checkedSetup().size(), 3);
        QCOMPARE(dialog->checkedSetup().at(1).code, failing);

        // The name is taken: the server refuses, and the body can be changed and sent again.
        QSignalSpy finished(binding, &RecreateBinding::finished);
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.last().first().value<Livy::RecreateResult>().outcome, Livy::RecreateResult::Outcome::CreateFailed);
        QVERIFY2(dialog->failureBanner()->text().contains(QStringLiteral("already exists")), qPrintable(dialog->failureBanner()->text()));
        QVERIFY(dialog->editBodyButton()->isVisible());
        QTest::mouseClick(dialog->editBodyButton(), Qt::LeftButton);
        QPlainTextEdit *body = dialog->bodyEditor()->textEdit();
        body->setPlainText(body->toPlainText().replace(QStringLiteral("\"etl\""), QStringLiteral("\"etl-2\"")));
        QVERIFY(dialog->startButton()->isEnabled());
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);

        // Replayed in order; the failing step stops the run, with the server's error in one line.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        Livy::RecreateResult result = finished.last().first().value<Livy::RecreateResult>();
        QCOMPARE(result.outcome, Livy::RecreateResult::Outcome::SetupFailed);
        const int newId = result.session.id;
        QVERIFY(newId >= 0 && newId != oldId);
        QCOMPARE(QJsonDocument::fromJson(h.server->requests("POST", QStringLiteral("/sessions")).last().body)
                     .object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("etl-2"));
        QCOMPARE(postedCodes(h, newId), (QStringList{ one, failing }));
        QVERIFY(dialog->failureBanner()->text().contains(QStringLiteral("ValueError: boom")));
        QCOMPARE(dialog->stepList()->topLevelItem(0)->text(2), QStringLiteral("done"));
        QCOMPARE(dialog->stepList()->topLevelItem(1)->text(2), QStringLiteral("error"));
        QVERIFY(dialog->retryButton()->isVisible() && dialog->skipButton()->isVisible());
        render(dialog, QStringLiteral("recreate-dialog"));
        // Retry sends it again (it fails again); Skip goes on with the last step.
        QTest::mouseClick(dialog->retryButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
        QCOMPARE(postedCodes(h, newId), (QStringList{ one, failing, failing }));
        QTest::mouseClick(dialog->skipButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 20000);
        result = finished.last().first().value<Livy::RecreateResult>();
        QCOMPARE(result.outcome, Livy::RecreateResult::Outcome::Succeeded);
        QCOMPARE(postedCodes(h, newId), (QStringList{ one, failing, failing, three }));
        QCOMPARE(dialog->stepList()->topLevelItem(1)->text(2), QStringLiteral("skipped"));

        // The new session took the old tab, its place and its draft.
        QTRY_VERIFY(h.window()->sessionPage(newId));
        QVERIFY(!h.window()->sessionPage(oldId));
        QCOMPARE(h.window()->sessionTabs()->indexOf(h.window()->sessionPage(newId)), tabIndex);
        QCOMPARE(h.window()->currentSessionId(), newId);
        QTRY_VERIFY_WITH_TIMEOUT(h.window()->editorFor(newId), 10000);
        QCOMPARE(h.window()->editorFor(newId)->editor()->toPlainText(), QStringLiteral("print(c)"));
        // Its setup is kept with it (it can itself be recreated), and the replayed statements show in its table.
        QTRY_VERIFY_WITH_TIMEOUT(AppHarness::statements(h.window()->sessionPage(newId))->rowCount() >= 4, 10000);
        // ... marked as its setup (gears, Setup (3)…): the replayed statements, matched by their code in order.
        SessionPage *newPage = h.window()->sessionPage(newId);
        QTRY_COMPARE_WITH_TIMEOUT(newPage->setupStatementIds().size(), 3, 10000);
        QSet<QString> markedCodes;
        for (const int id : newPage->setupStatementIds())
            markedCodes.insert(AppHarness::statements(newPage)->statement(id)->code);
        QCOMPARE(markedCodes, (QSet<QString>{ one, failing, three }));
        QCOMPARE(newPage->findChild<QToolButton *>(QStringLiteral("editSetup"))->text(), QStringLiteral("Setup (3)…"));
        dialog->close();
    }

    void setupIsSavedAsATemplate()
    {
        AppHarness h;
        QVERIFY(h.launch());
        Livy::CreateSessionRequest request;
        request.kind = QStringLiteral("pyspark");
        request.driverMemory = QStringLiteral("2g");
        SessionPage *page = createThroughApp(h, request);
        QVERIFY(page);
        const int a = runAndWait(h, page, QStringLiteral("import math"));
        const int b = runAndWait(h, page, QStringLiteral("spark.range(3).createOrReplaceTempView('t')"));
        QVERIFY(a >= 0 && b >= 0);
        QVERIFY(markFromMenu(page, a, true));
        QVERIFY(markFromMenu(page, b, true));
        // Setup (2)… -> Save as Template: the body LivyDesk sent (without its session tag) and the setup in order.
        page->findChild<QToolButton *>(QStringLiteral("editSetup"))->click();
        SetupListDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = h.window()->findChild<SetupListDialog *>()) != nullptr);
        QTRY_COMPARE(dialog->setup().size(), 2);
        QVERIFY(dialog->saveTemplateButton()->isEnabled());
        dialog->saveAsTemplate(QStringLiteral("from-session"));
        QTRY_VERIFY2(dialog->noteText().startsWith(QStringLiteral("Saved as template “from-session”: the body LivyDesk sent")),
                     qPrintable(dialog->noteText()));
        const std::optional<Livy::SessionRecipe> saved = SessionPresetStore().recipe(QStringLiteral("from-session"));
        QVERIFY(saved);
        QCOMPARE(saved->request.kind, QStringLiteral("pyspark"));
        QCOMPARE(saved->request.driverMemory, std::optional<QString>(QStringLiteral("2g")));
        QVERIFY(!saved->request.conf || !saved->request.conf->contains(QString(Livy::SessionTagKey)));
        QCOMPARE(saved->setup.size(), 2);
        QCOMPARE(saved->setup.at(0).code, QStringLiteral("import math"));
        QCOMPARE(saved->setup.at(1).code, QStringLiteral("spark.range(3).createOrReplaceTempView('t')"));
        dialog->close();
    }

    void templateCreatesAndReplays()
    {
        AppHarness h;
        QVERIFY(h.launch());
        Livy::SessionRecipe recipe;
        recipe.request.kind = QStringLiteral("pyspark");
        recipe.request.driverMemory = QStringLiteral("1g");
        recipe.setup = { { QStringLiteral("import os"), {} }, { QStringLiteral("spark.range(3).createOrReplaceTempView('t')"), {} } };
        SessionPresetStore().saveRecipe(QStringLiteral("etl-template"), recipe);
        QMenu *menu = h.window()->actions()->fromTemplate->menu();
        QVERIFY(menu);
        QMetaObject::invokeMethod(menu, "aboutToShow");
        QAction *entry = menu->findChild<QAction *>(QStringLiteral("template:etl-template"));
        if (!entry)
            for (QAction *a : menu->actions())
                if (a->objectName() == QStringLiteral("template:etl-template"))
                    entry = a;
        QVERIFY(entry);
        QVERIFY(entry->text().contains(QStringLiteral("2 setup statements")));
        entry->trigger();
        RecreateBinding *binding = h.app->lifecycle()->recreate();
        QTRY_VERIFY(binding->dialog() && binding->dialog()->isVisible());
        QCOMPARE(binding->dialog()->checkedSetup(), recipe.setup);
        QSignalSpy finished(binding, &RecreateBinding::finished);
        QTest::mouseClick(binding->dialog()->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const Livy::RecreateResult result = finished.last().first().value<Livy::RecreateResult>();
        QCOMPARE(result.outcome, Livy::RecreateResult::Outcome::Succeeded);
        QCOMPARE(postedCodes(h, result.session.id), (QStringList{ recipe.setup.at(0).code, recipe.setup.at(1).code }));
        QCOMPARE(QJsonDocument::fromJson(h.server->requests("POST", QStringLiteral("/sessions")).last().body)
                     .object().value(QStringLiteral("driverMemory")).toString(),
                 QStringLiteral("1g"));
        QTRY_VERIFY(h.window()->sessionPage(result.session.id));
        QCOMPARE(h.window()->currentSessionId(), result.session.id);
        binding->dialog()->close();
    }

    void leaseIsShownForASessionWithTtlOnly()
    {
        AppHarness h;
        QVERIFY(h.launch());
        Livy::CreateSessionRequest withTtl;
        withTtl.kind = QStringLiteral("pyspark");
        withTtl.ttl = QStringLiteral("4m"); // within the 5 min of LeaseWatch's warning: it is warned about at once
        SessionPage *page = createThroughApp(h, withTtl);
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->leaseText().isEmpty(), 10000);
        QVERIFY2(page->leaseText().startsWith(QStringLiteral("may end in 3 min")), qPrintable(page->leaseText()));
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("leaseBudget"))->toolTip().contains(QStringLiteral("ttl")));
        // The warning is LeaseWatch's own, in the header's terms: the same minutes, never a second opinion.
        QTRY_VERIFY_WITH_TIMEOUT(page->leaseWarning()->isVisible(), 10000);
        QVERIFY2(page->leaseWarning()->text().contains(QStringLiteral("in 3 min (lifetime)")),
                 qPrintable(page->leaseWarning()->text()));
        // The sessions list says it too, short, with what it rests on in the tooltip.
        Livy::SessionListModel *list = h.app->server()->sessions();
        const int row = list->rowOfId(page->sessionId());
        QVERIFY(row >= 0);
        QCOMPARE(list->index(row, Livy::SessionListModel::LeaseColumn).data().toString(), QStringLiteral("3 min"));
        QVERIFY(list->index(row, Livy::SessionListModel::LeaseColumn).data(Qt::ToolTipRole).toString()
                    .contains(QStringLiteral("ttl")));
        // The dock's Lease column, hidden while no lease was known, shows itself.
        QTRY_VERIFY(!h.window()->sessionsDock()->view()->isColumnHidden(Livy::SessionListModel::LeaseColumn));
        const qint64 remaining = list->index(row, 0).data(Livy::SessionListModel::LeaseRemainingRole).toLongLong();
        QVERIFY2(remaining > 3 * 60000 && remaining <= 4 * 60000, qPrintable(QString::number(remaining)));
        render(page, QStringLiteral("lease-header"));
        render(h.window(), QStringLiteral("lease-window"));
        page->clearLeaseWarning();

        Livy::CreateSessionRequest plain;
        plain.kind = QStringLiteral("pyspark");
        SessionPage *other = createThroughApp(h, plain);
        QVERIFY(other);
        QTest::qWait(300);
        QVERIFY2(other->leaseText().isEmpty(), qPrintable(other->leaseText())); // not known: nothing is said
        QVERIFY(!other->leaseWarning()->isVisible());
        QCOMPARE(list->leaseText(other->sessionId()), QString());
        // A closed session leaves the list's Lease column empty.
        const int ttlId = page->sessionId();
        Q_EMIT h.window()->closeSessionRequested(ttlId);
        QTRY_COMPARE(list->leaseText(ttlId), QString());
    }
};

QTEST_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
