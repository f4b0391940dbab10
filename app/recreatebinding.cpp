// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recreatebinding.h"

#include "livy/connection.h"
#include "controllers/servercontroller.h"
#include "controllers/sessioncontroller.h"
#include "dialogs/recreatesessiondialog.h"
#include "editor/codeeditor.h"
#include "editor/draftstore.h"
#include "editor/editorpanel.h"
#include "history/historystore.h"
#include "livy/sessionidentity.h"
#include "mainactions.h"
#include "mainwindow.h"
#include "panels/historydock.h"
#include "panels/messagebanner.h"
#include "panels/sessionpage.h"
#include "profiles/sessionpresetstore.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>

#include <memory>

namespace LivyDesk {

Livy::CreateSessionRequest RecreateBinding::withoutSessionTag(Livy::CreateSessionRequest request)
{
    if (request.conf) {
        request.conf->remove(QString(Livy::SessionTagKey));
        if (request.conf->isEmpty())
            request.conf.reset();
    }
    return request;
}

using Livy::RecreateResult;
using Livy::SessionController;
using Tone = RecreateSessionDialog::StepTone;

namespace {

QString stateText(const Livy::Statement &s)
{
    const QString name = s.stateName.isEmpty() ? Livy::statementStateToString(s.state) : s.stateName;
    if (s.state == Livy::StatementState::Running && s.progress > 0 && s.progress < 1)
        return QStringLiteral("%1 (%2 %)").arg(name).arg(qRound(s.progress * 100));
    return name;
}

} // namespace

RecreateBinding::RecreateBinding(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    if (window && window->actions()->fromTemplate->menu())
        connect(window->actions()->fromTemplate->menu(), &QMenu::aboutToShow, this, &RecreateBinding::fillTemplateMenu);
}

RecreateBinding::~RecreateBinding() = default;

void RecreateBinding::watchServer(Livy::ServerController *server, const ServerProfile &profile,
                                  Livy::HistoryStore *history)
{
    if (m_recreator && m_recreator->isRunning())
        m_recreator->cancel();
    delete m_recreator;
    if (m_dialog)
        m_dialog->close();
    m_server = server;
    m_profile = profile;
    m_history = history;
}

void RecreateBinding::fillTemplateMenu()
{
    QMenu *menu = m_window ? m_window->actions()->fromTemplate->menu() : nullptr;
    if (!menu)
        return;
    menu->clear();
    const SessionPresetStore store;
    const QStringList names = store.names();
    for (const QString &name : names) {
        const qsizetype n = store.setup(name).size();
        QAction *a = menu->addAction(n == 0 ? name : tr("%1 (%2 setup statements)").arg(name).arg(n));
        a->setObjectName(QStringLiteral("template:") + name);
        connect(a, &QAction::triggered, this, [this, name] { createFromTemplate(name); });
    }
    if (names.isEmpty())
        menu->addAction(tr("No templates yet: save one in the New Session dialog"))->setEnabled(false);
}

void RecreateBinding::recreate(SessionController *c, SessionPage *page)
{
    if (!m_window || !c || !m_server)
        return;
    // The page keeps the last session seen (a gone session's controller may know less).
    const Livy::Session old = page->session().kind.isEmpty() && c->session().id >= 0 ? c->session() : page->session();
    const bool over = c->status() == SessionController::Status::Ended || c->status() == SessionController::Status::Gone
                      || page->isGone() || Livy::isTerminal(old.state);
    if (!over) {
        m_window->showNotice(tr("Session %1 is still running: Recreate is for a session that ended or is gone.")
                                 .arg(page->sessionId()));
        return;
    }
    if (m_recreator && m_recreator->isRunning()) {
        if (m_dialog) {
            m_dialog->raise();
            m_dialog->activateWindow();
        }
        return;
    }
    m_plan = {};
    m_plan.replacesSessionId = page->sessionId();
    m_plan.replacesIdentity = c->identity();
    const QString heading = tr("Session %1 %2. Recreate it: the same request body, then its setup statements; the new "
                               "session takes this tab and its draft.")
                                .arg(page->title(), page->isGone() ? tr("is gone from the server") : tr("has ended"));
    if (!m_history) {
        openDialog(heading, withoutSessionTag(Livy::CreateSessionRequest::like(old)), {});
        return;
    }
    // The kept body (sessions LivyDesk created) and the setup, both from the history; then the dialog.
    struct Gathered
    {
        std::optional<std::optional<Livy::SessionRecord>> record;
        std::optional<QList<Livy::SetupStatement>> setup;
    };
    auto gathered = std::make_shared<Gathered>();
    auto show = [this, gathered, heading, old] {
        if (!gathered->record || !gathered->setup)
            return;
        const std::optional<Livy::SessionRecord> &record = *gathered->record;
        if (record)
            m_plan.replacesRecordRowId = record->rowId;
        const QString source = record ? tr("The body is the one LivyDesk sent when it created the session.")
                                      : tr("LivyDesk did not create this session: the body is what the server echoes "
                                           "of its creation.");
        openDialog(heading + QLatin1Char(' ') + source,
                   withoutSessionTag(record ? record->request : Livy::CreateSessionRequest::like(old)), *gathered->setup);
    };
    const int recordTicket = m_history->requestSessionRecord(m_profile.id, page->sessionId(), {}, c->identity());
    auto c1 = std::make_shared<QMetaObject::Connection>();
    *c1 = connect(m_history, &Livy::HistoryStore::sessionRecordReady, this,
                  [c1, recordTicket, gathered, show](int t, const std::optional<Livy::SessionRecord> &r) {
                      if (t != recordTicket)
                          return;
                      QObject::disconnect(*c1);
                      gathered->record = r;
                      show();
                  });
    Livy::HistorySession hs;
    hs.server = m_profile.url.toString();
    hs.profileId = m_profile.id;
    hs.id = page->sessionId();
    hs.identity = c->identity();
    const int setupTicket = m_history->requestSetup(hs);
    auto c2 = std::make_shared<QMetaObject::Connection>();
    *c2 = connect(m_history, &Livy::HistoryStore::setupReady, this,
                  [c2, setupTicket, gathered, show](int t, const QList<Livy::SetupEntry> &entries) {
                      if (t != setupTicket)
                          return;
                      QObject::disconnect(*c2);
                      QList<Livy::SetupStatement> setup;
                      for (const Livy::SetupEntry &e : entries)
                          setup.append(e.statement);
                      gathered->setup = setup;
                      show();
                  });
}

void RecreateBinding::createFromTemplate(const QString &name)
{
    if (!m_window || !m_server)
        return;
    const std::optional<Livy::SessionRecipe> recipe = SessionPresetStore().recipe(name);
    if (!recipe) {
        m_window->showNotice(tr("There is no template named “%1”.").arg(name));
        return;
    }
    if (m_recreator && m_recreator->isRunning())
        return;
    m_plan = {};
    m_plan.templateName = name;
    openDialog(tr("A new session from the template “%1”: its request body, then its setup statements.").arg(name),
               recipe->request, recipe->setup);
    m_dialog->setWindowTitle(tr("New Session from Template"));
    m_dialog->startButton()->setText(tr("C&reate"));
}

void RecreateBinding::openDialog(const QString &heading, const Livy::CreateSessionRequest &request,
                                 const QList<Livy::SetupStatement> &setup)
{
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new RecreateSessionDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    m_adopted = false;
    dialog->setHeading(heading);
    dialog->setRequest(request);
    dialog->setSetup(setup);
    connect(dialog, &RecreateSessionDialog::startRequested, this, &RecreateBinding::start);
    connect(dialog, &RecreateSessionDialog::retryRequested, this, [this] {
        if (m_recreator)
            m_recreator->resume(Livy::ResumeMode::RetryFailedStep);
    });
    connect(dialog, &RecreateSessionDialog::skipRequested, this, [this] {
        if (!m_recreator)
            return;
        const RecreateResult r = m_recreator->result();
        if (m_dialog && r.failedStep >= 0)
            m_dialog->setStepState(r.failedStep, tr("skipped"), Tone::Skipped);
        m_recreator->resume(Livy::ResumeMode::SkipFailedStep);
    });
    connect(dialog, &RecreateSessionDialog::cancelRequested, this, [this] {
        if (m_recreator)
            m_recreator->cancel();
    });
    connect(dialog, &QDialog::finished, this, [this] {
        // Closed after a setup step failed or the run was cancelled: the new session exists and is usable; it
        // takes the old tab all the same (its setup is where the dialog stopped).
        if (!m_recreator || m_adopted)
            return;
        const RecreateResult r = m_recreator->result();
        const bool usable = r.session.id >= 0 && r.outcome != RecreateResult::Outcome::StartFailed
                            && r.outcome != RecreateResult::Outcome::SessionLost;
        if (m_recreator->phase() == Livy::SessionRecreator::Phase::Finished && usable)
            adopt(m_plan.replacesSessionId, r.session);
    });
    dialog->show(); // not modal: the tab and its statements stay usable while the setup replays
}

void RecreateBinding::start(const Livy::CreateSessionRequest &request, const QList<Livy::SetupStatement> &setup)
{
    if (!m_server || !m_dialog)
        return;
    if (!m_recreator) {
        m_recreator = new Livy::SessionRecreator(m_server.data(), this);
        if (m_history)
            m_recreator->setHistory(m_history, m_profile.url.toString(), m_profile.id);
        Livy::SessionRecreator *r = m_recreator;
        connect(r, &Livy::SessionRecreator::phaseChanged, this, [this](Livy::SessionRecreator::Phase phase) {
            if (!m_dialog)
                return;
            if (phase == Livy::SessionRecreator::Phase::Creating)
                m_dialog->setPhaseText(tr("Creating the session (POST /sessions)…"));
            else if (phase == Livy::SessionRecreator::Phase::Replaying && !m_steps.isEmpty())
                m_dialog->setPhaseText(tr("Replaying the setup…"));
        });
        connect(r, &Livy::SessionRecreator::sessionCreated, this, [this](const Livy::Session &s) {
            if (m_dialog)
                m_dialog->setPhaseText(tr("Session %1 was created; waiting for it to start…").arg(s.id));
        });
        connect(r, &Livy::SessionRecreator::sessionStateChanged, this,
                [this](int id, Livy::SessionState state, const QString &name) {
                    if (m_dialog)
                        m_dialog->setPhaseText(tr("Session %1 is %2…")
                                                   .arg(id)
                                                   .arg(name.isEmpty() ? Livy::sessionStateToString(state) : name));
                });
        connect(r, &Livy::SessionRecreator::stepStarted, this, [this](int i, int n, const Livy::SetupStatement &) {
            if (!m_dialog)
                return;
            m_dialog->setPhaseText(tr("Replaying the setup: step %1 of %2").arg(i + 1).arg(n));
            m_dialog->setStepState(i, tr("sending"), Tone::Running);
        });
        connect(r, &Livy::SessionRecreator::stepUpdated, this, [this](int i, int, const Livy::Statement &s) {
            if (m_dialog)
                m_dialog->setStepState(i, stateText(s), Tone::Running);
        });
        connect(r, &Livy::SessionRecreator::stepFinished, this, [this](int i, int, const Livy::Statement &) {
            if (m_dialog)
                m_dialog->setStepState(i, tr("done"), Tone::Done);
        });
        connect(r, &Livy::SessionRecreator::finished, this, &RecreateBinding::onFinished);
    }
    m_plan.recipe.request = request;
    m_plan.recipe.setup = setup;
    m_steps = setup;
    m_adopted = false;
    m_dialog->showProgress(setup);
    m_dialog->setPhaseText(tr("Creating the session (POST /sessions)…"));
    if (!m_recreator->start(m_plan))
        m_dialog->showFailure(tr("A recreation is already under way."), {}, false, false, false);
}

void RecreateBinding::onFinished(const RecreateResult &result)
{
    Q_EMIT finished(result);
    RecreateSessionDialog *d = m_dialog;
    using O = RecreateResult::Outcome;
    QString details = result.error.isError() ? MessageBanner::detailsFor(result.error) : QString();
    if (!result.explanation.isEmpty()) // the session's log, where it says why it did not start
        details = tr("From the session's log:") + QLatin1Char('\n') + result.explanation.join(QLatin1Char('\n'))
                  + (details.isEmpty() ? QString() : QStringLiteral("\n\n") + details);
    switch (result.outcome) {
    case O::Succeeded: {
        if (m_plan.replacesSessionId >= 0)
            adopt(m_plan.replacesSessionId, result.session);
        else if (m_window) {
            m_adopted = true;
            Q_EMIT m_window->openSessionRequested(result.session.id);
        }
        if (d)
            d->showFinished(result.stepCount == 0
                                ? tr("Session %1 is ready.").arg(result.session.id)
                                : tr("Session %1 is ready: %2 of %3 setup statements ran.")
                                      .arg(result.session.id)
                                      .arg(result.stepsDone)
                                      .arg(result.stepCount),
                            true);
        return;
    }
    case O::CreateFailed: {
        if (!d)
            return;
        QString line = tr("The server refused to create the session: %1").arg(result.error.message());
        if (m_plan.recipe.request.name && !m_plan.recipe.request.name->isEmpty())
            line += tr(". Livy keeps an ended session's name for about 10 minutes: change \"name\" in the body "
                       "(Edit Body) and try again.");
        d->setPhaseText(tr("No session was made."));
        d->showFailure(line, details, false, false, true);
        return;
    }
    case O::CreateUnconfirmed:
        if (d) {
            d->setPhaseText(tr("The server did not answer the POST /sessions, and does not list a session with its "
                               "tag. It is not sent again by itself."));
            d->showFailure(result.message, details, true, false, true);
        }
        return;
    case O::StartFailed:
    case O::SessionLost:
        if (d) {
            d->setPhaseText(result.session.id >= 0 ? tr("Session %1 did not make it.").arg(result.session.id)
                                                   : tr("No session was made."));
            d->showFailure(result.message, details, false, false, true);
        }
        return;
    case O::SetupFailed:
    case O::SetupRejected:
    case O::SetupUnconfirmed: {
        if (!d)
            return;
        const int step = result.failedStep;
        QString line;
        QString more = details;
        if (result.outcome == O::SetupFailed) {
            const std::optional<Livy::StatementOutput> &out = result.failedResult.output;
            const QString what = out ? QStringLiteral("%1: %2").arg(out->ename, out->evalue.section(QLatin1Char('\n'), 0, 0))
                                     : result.message;
            line = tr("Step %1 failed: %2").arg(step + 1).arg(what);
            more = out ? QStringLiteral("%1\n\n%2: %3\n%4")
                             .arg(result.failedStatement.code, out->ename, out->evalue, out->traceback.join(QString()))
                       : result.message;
            d->setStepState(step, tr("error"), Tone::Failed);
        } else {
            line = tr("Step %1: %2").arg(step + 1).arg(result.message);
            d->setStepState(step, result.outcome == O::SetupRejected ? tr("refused") : tr("unconfirmed"), Tone::Failed);
        }
        d->setPhaseText(tr("Session %1 is up; the setup stopped at step %2 of %3.")
                            .arg(result.session.id)
                            .arg(step + 1)
                            .arg(result.stepCount));
        d->showFailure(line, more, result.canResume(), result.canResume(), false);
        return;
    }
    case O::Cancelled:
        if (d)
            d->showFinished(result.session.id >= 0
                                ? tr("Cancelled. Session %1 was made and stays on the server.").arg(result.session.id)
                                : tr("Cancelled. No session was made."),
                            false);
        return;
    }
}

void RecreateBinding::adopt(int oldId, const Livy::Session &session)
{
    m_adopted = true;
    MainWindow *w = m_window;
    if (!w || session.id < 0)
        return;
    SessionPage *old = oldId >= 0 ? w->sessionPage(oldId) : nullptr;
    if (!old) {
        Q_EMIT w->openSessionRequested(session.id);
        return;
    }
    QTabWidget *tabs = w->sessionTabs();
    const int index = tabs->indexOf(old);
    // The draft: the editor's text as it stands (or as saved), under the new session's key before its editor opens.
    QString draft;
    if (EditorPanel *editor = w->editorFor(oldId))
        draft = editor->editor()->toPlainText();
    else if (!w->draftKey(oldId).isEmpty())
        draft = w->drafts()->load(w->draftKey(oldId));
    const QString newKey = MainWindow::draftKeyFor(w->server().url, session);
    if (!draft.isEmpty() && w->drafts()->load(newKey).isEmpty()) {
        w->drafts()->schedule(newKey, draft);
        w->drafts()->flush();
    }
    // Whatever key the new editor ends up under, it starts with the old draft rather than empty.
    if (!draft.isEmpty()) {
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(w, &MainWindow::editorOpened, this, [conn, id = session.id, draft](int opened, EditorPanel *panel) {
            if (opened != id)
                return;
            QObject::disconnect(*conn);
            if (panel && panel->editor()->toPlainText().isEmpty())
                panel->editor()->setPlainText(draft);
        });
    }
    // The History panel follows, if it was showing the old session.
    QComboBox *filter = w->historyDock()->sessionFilter();
    const QString oldData = m_profile.url.toString() + QLatin1Char(' ') + QString::number(oldId);
    const bool followHistory = filter->currentData().toString() == oldData;

    Q_EMIT w->closeSessionRequested(oldId);
    Q_EMIT w->openSessionRequested(session.id);
    if (SessionPage *page = w->sessionPage(session.id)) {
        const int from = tabs->indexOf(page);
        const int to = std::min(index, tabs->count() - 1);
        if (from >= 0 && to >= 0 && from != to)
            tabs->tabBar()->moveTab(from, to);
        w->selectSession(session.id);
    }
    if (followHistory) {
        const QString newData = m_profile.url.toString() + QLatin1Char(' ') + QString::number(session.id);
        int i = filter->findData(newData);
        if (i < 0) {
            filter->addItem(QString::number(session.id), newData);
            i = filter->count() - 1;
        }
        filter->setCurrentIndex(i);
    }
    w->showNotice(tr("Session %1 took the place of session %2.").arg(session.id).arg(oldId));
}

} // namespace LivyDesk
