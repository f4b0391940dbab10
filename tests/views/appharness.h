// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The whole application (composition root, controllers, MainWindow) against the in-process fake Livy, for widget
// tests that drive it the way a user does. Test code only.

#include "application.h"
#include "editor/codeeditor.h"
#include "editor/draftstore.h"
#include "editor/editorpanel.h"
#include "fakelivyserver.h"
#include "items/sessionlistmodel.h"
#include "items/statementlistmodel.h"
#include "mainactions.h"
#include "mainwindow.h"
#include "panels/editordock.h"
#include "panels/sessionpage.h"
#include "panels/sessionsdock.h"
#include "panels/statementoutputarea.h"
#include "polling/pollactivity.h"

#include <QJsonDocument>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

class AppHarness
{
public:
    AppHarness()
    {
        QSettings().clear();
        Livy::PollActivity::global()->setActive(true);
        server = std::make_unique<FakeLivy::Server>();
        server->start();
        server->setStartupDelay(0);
        server->setStatementDuration(0);
        url = server->url(); // kept: a stopped server reports no port
        drafts = std::make_unique<LivyDesk::DraftStore>(draftDir.path());
    }
    ~AppHarness()
    {
        if (app)
            app->window()->close();
        app.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    bool launch(bool restoreLayout = false)
    {
        LivyDesk::Application::Options options;
        options.commandLine.server = url;
        options.restoreLayout = restoreLayout;
        options.drafts = drafts.get();
        options.historyPath = draftDir.filePath(QStringLiteral("history.sqlite"));
        options.notifier = notifier; // null: the real DesktopNotifier
        app = std::make_unique<LivyDesk::Application>(options);
        app->start();
        window()->resize(1280, 820);
        window()->show();
        return QTest::qWaitForWindowExposed(window())
               && QTest::qWaitFor([this] { return window()->serverBar()->state() == LivyDesk::ServerBar::State::Connected; }, 10000);
    }

    LivyDesk::MainWindow *window() const { return app->window(); }

    /// Opens a session the way a user does: select it in the list and press Enter.
    LivyDesk::SessionPage *openFromList(int id)
    {
        if (!QTest::qWaitFor([&] { return window()->sessionsDock()->model()->rowOfId(id) >= 0; }, 10000))
            return nullptr;
        window()->sessionsDock()->selectSession(id);
        QTableView *view = window()->sessionsDock()->view();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        return window()->sessionPage(id);
    }
    /// A fake session of `kind`, opened and idle.
    LivyDesk::SessionPage *openIdleSession(const QString &kind = QStringLiteral("pyspark"))
    {
        const int id = server->createSession(QJsonObject{ { QStringLiteral("kind"), kind } });
        LivyDesk::SessionPage *page = openFromList(id);
        if (!page || !QTest::qWaitFor([page] { return page->session().state == Livy::SessionState::Idle; }, 10000))
            return nullptr;
        // The editor opens once the session's own answer has arrived (its draft is keyed by the session's identity).
        if (!QTest::qWaitFor([this] { return window()->editorDock()->currentEditor() != nullptr; }, 10000))
            return nullptr;
        return page;
    }

    LivyDesk::CodeEditor *editor() const { return window()->editorDock()->currentEditor()->editor(); }
    static Livy::StatementListModel *statements(LivyDesk::SessionPage *page)
    {
        return qobject_cast<Livy::StatementListModel *>(page->statementModel());
    }
    static LivyDesk::StatementOutputArea *outputArea(LivyDesk::SessionPage *page)
    {
        return qobject_cast<LivyDesk::StatementOutputArea *>(page->outputWidget());
    }
    /// Runs `code` through the Run action; returns the new statement's id or -1.
    int run(LivyDesk::SessionPage *page, const QString &code)
    {
        Livy::StatementListModel *model = statements(page);
        const qsizetype before = model->statements().size();
        editor()->setPlainText(code);
        window()->actions()->run->trigger();
        // The run shows at once as "sending…"; its statement id is known once the server answers.
        if (!QTest::qWaitFor([&] { return model->statements().size() > before; }, 10000))
            return -1;
        return model->statements().last().id;
    }
    static QVariant cell(LivyDesk::SessionPage *page, int statementId, int column, int role = Qt::DisplayRole)
    {
        Livy::StatementListModel *model = statements(page);
        return model->index(model->rowOfId(statementId), column).data(role);
    }

    std::unique_ptr<FakeLivy::Server> server;
    QUrl url;
    QTemporaryDir draftDir;
    std::unique_ptr<LivyDesk::DraftStore> drafts;
    std::unique_ptr<LivyDesk::Application> app;
    /// The desktop side of notifications for launch() (owned by the application once launched); null = the real one.
    LivyDesk::Notifier *notifier = nullptr;
};
