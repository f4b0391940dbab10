// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "auth/authenticator.h"
#include "controllers/servercontroller.h"
#include "controllers/sessioncontroller.h"
#include "items/logmodel.h"
#include "items/sessionlistmodel.h"
#include "items/statementlistmodel.h"
#include "livy/connection.h"
#include "livy/livyerror.h"
#include "databinding.h"
#include "lifecyclebinding.h"
#include "locallivylauncher.h"
#include "mainwindow.h"
#include "notificationbinding.h"
#include "panels/sessionpage.h"
#include "passwordstore.h"
#include "auth/negotiateauthenticator.h"
#include "core/backgroundtask.h"
#include "dialogs/certificatedialog.h"
#include "dialogs/passwordprompt.h"
#include "profiles/profileconnection.h"
#include "tls/certificateinfo.h"
#include "tls/tlsoptions.h"
#include "polling/pollactivity.h"
#include "polling/sessionpoller.h"
#include "profiles/serverprofilestore.h"
#include "history/historymodel.h"
#include "history/historyrecorder.h"
#include "spark/sparktracker.h"
#include "history/historystore.h"
#include "panels/historydock.h"
#include "profiles/settingsschema.h"
#include "profiles/workspacestore.h"
#include "sessionbinding.h"
#include "startuptrace.h"

#include <QSettings>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

namespace LivyDesk {

using Livy::ServerController;
using Livy::SessionController;

namespace {

ServerBar::State barState(ServerController::ConnectionState state, bool failed)
{
    switch (state) {
    case ServerController::ConnectionState::Connecting: return ServerBar::State::Connecting;
    case ServerController::ConnectionState::Connected: return ServerBar::State::Connected;
    case ServerController::ConnectionState::Reconnecting: return ServerBar::State::Reconnecting;
    case ServerController::ConnectionState::Disconnected: break;
    }
    return failed ? ServerBar::State::Failed : ServerBar::State::Disconnected;
}

} // namespace

Application::Application(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
    , m_passwords(options.passwords ? options.passwords : new PasswordStore(this))
{
    // Profiles that say "the system's proxy" get the environment's or the desktop's, loopback always direct.
    QNetworkProxyFactory::setApplicationProxyFactory(new SystemProxyFactory);
    // Saving or removing a secret can fail (no keychain service, a locked keychain): say so, never silently.
    connect(m_passwords, &PasswordStore::failed, this, [this](const QString &errorText) {
        if (m_window)
            m_window->showError(Livy::LivyError(Livy::LivyError::Kind::Local, errorText),
                                tr("Saving to the system keychain"), true);
    });
}

Application::~Application()
{
    if (m_window)
        m_window->saveLayout();
    // Controllers first (they hold jobs on the connection), then the window that renders their models.
    delete m_server;
    delete m_connection;
}

void Application::start()
{
    m_window = std::make_unique<MainWindow>(m_options.drafts);
    StartupTrace::mark("window");
    wireWindow();
    openHistory();
    StartupTrace::mark("history");
    if (m_options.restoreLayout)
        m_window->restoreLayout();
    StartupTrace::mark("layout");

    ServerProfileStore store;
    m_profiles = store.load();
    StartupTrace::mark("profiles");
    if (!m_options.commandLine.localLivy.isEmpty() && m_options.commandLine.server.isEmpty()) {
        startLocalLivy(m_options.commandLine.localLivy);
        return;
    }
    QString currentId = store.currentId();
    if (!m_options.commandLine.server.isEmpty()) {
        currentId = ServerProfileStore::profileForUrl(m_profiles, m_options.commandLine.server).id;
    } else if (m_profiles.isEmpty()) {
        m_profiles.append(ServerProfileStore::defaultProfile());
        currentId = m_profiles.first().id;
    }
    store.save(m_profiles);
    switchToProfile(currentId);
}

void Application::startLocalLivy(const QString &script)
{
    m_window->setServerProfiles(m_profiles, QString());
    m_localLivy = new LocalLivyLauncher(this);
    connect(m_localLivy, &LocalLivyLauncher::progress, this, [this](const QString &line) {
        m_window->setConnectionState(ServerBar::State::Connecting,
                                     tr("starting a local Livy (%1 s): %2").arg(m_localLivy->elapsedSeconds()).arg(line));
    });
    connect(m_localLivy, &LocalLivyLauncher::ready, this, [this](const QUrl &url) {
        ServerProfile profile = ServerProfileStore::profileForUrl(m_profiles, url);
        if (profile.name.isEmpty()) {
            profile.name = tr("Local Livy");
            for (ServerProfile &p : m_profiles)
                if (p.id == profile.id)
                    p.name = profile.name;
        }
        ServerProfileStore().save(m_profiles);
        switchToProfile(profile.id);
    });
    connect(m_localLivy, &LocalLivyLauncher::failed, this, [this](const QString &message, const QString &details) {
        m_window->setConnectionState(ServerBar::State::Failed, message);
        m_window->showError(Livy::LivyError(Livy::LivyError::Kind::Network, message, 0, details.toUtf8()),
                            tr("Starting the local Livy (scripts/local-livy)"), true);
        // Whatever the user had configured still works.
        ServerProfileStore store;
        if (!m_profiles.isEmpty())
            switchToProfile(store.currentId());
    });
    m_localLivy->start(script);
}

void Application::switchToProfile(const QString &profileId)
{
    ServerProfile chosen = m_profiles.isEmpty() ? ServerProfileStore::defaultProfile() : m_profiles.first();
    for (const ServerProfile &p : std::as_const(m_profiles))
        if (p.id == profileId)
            chosen = p;
    ServerProfileStore().setCurrentId(chosen.id);
    m_window->setServerProfiles(m_profiles, chosen.id);
    const quint64 generation = ++m_secretGeneration;
    const QStringList keys = chosen.secretKeys();
    if (keys.isEmpty()) {
        connectTo(chosen, {});
        return;
    }
    // The secrets come from the keychain, asynchronously; connect once they are there (or without them). Two
    // quick switches: only the read for the latest one counts.
    m_window->setConnectionState(ServerBar::State::Connecting, tr("reading the profile's secrets from the system keychain"));
    m_passwords->readAll(keys, [this, chosen, generation](const QHash<QString, QString> &secrets, const QString &error) {
        if (generation != m_secretGeneration)
            return; // another profile was chosen meanwhile
        if (!error.isEmpty())
            m_window->showError(Livy::LivyError(Livy::LivyError::Kind::Local, error),
                                tr("Reading the profile's secrets from the system keychain"), true);
        connectTo(chosen, secrets);
    });
}

void Application::connectTo(const ServerProfile &profile, const QHash<QString, QString> &secrets)
{
    // Reconnecting to the same server keeps its tabs; switching remembers the old server's tabs for next time.
    const bool sameServer = !m_window->server().id.isEmpty() && m_window->server().id == profile.id;
    const QList<int> stillOpen = sameServer ? m_window->openSessionIds() : QList<int>();
    if (!m_window->server().id.isEmpty())
        m_window->saveLayout();
    delete m_server;
    delete m_connection;
    m_createTickets.clear();
    m_profile = profile;
    m_secrets = secrets;
    // Connecting with what is known now (typed in a dialog, or read from the keychain) makes any keychain read still
    // under way stale: it must not come back later and replace this connection with older secrets.
    ++m_secretGeneration;
    m_declinedCertificates.clear(); // a new connection (Reconnect, an edited profile) may ask again

    const ProfileConnection made = connectionFor(profile, secrets);
    m_network->setProxy(made.proxy);
    m_network->clearConnectionCache(); // a changed proxy, CA or client certificate applies from the next request
    m_connection = new Livy::Connection(m_network, made.settings, this);
    m_connection->setAuthenticator(made.authenticator);
    if (!made.problem.isEmpty())
        m_window->showError(Livy::LivyError(Livy::LivyError::Kind::Local, made.problem),
                            tr("Setting up the connection to %1").arg(profile.displayName()), true);
    connect(m_connection, &Livy::Connection::certificateRejected, this, &Application::offerToTrustCertificate);
    updateIdentity();
    Livy::ServerControllerSettings serverSettings;
    serverSettings.createdStoreKey = profile.id;
    m_server = new ServerController(m_connection, serverSettings, this);

    m_window->setServer(profile);
    m_window->setSessionModel(m_server->sessions());
    m_window->setServerVersion(QString());
    wireServer();

    m_pendingOpen = stillOpen;
    if (!sameServer && m_options.restoreLayout)
        m_pendingOpen = WorkspaceStore::openSessions(profile.id);
    m_server->connectToServer();
    // Read before the tabs reopen: each one saves the workspace as it opens.
    const int wasCurrent = WorkspaceStore::currentSession(profile.id);
    for (const int id : std::as_const(m_pendingOpen))
        openSession(id);
    if (!sameServer && m_options.restoreLayout && !m_pendingOpen.isEmpty())
        m_window->selectSession(wasCurrent); // the tab that was active
    m_pendingOpen.clear();
    if (!m_options.commandLine.session.isEmpty()) {
        const QString wanted = m_options.commandLine.session;
        m_options.commandLine.session.clear(); // only for the first server
        openSessionByRef(wanted);
    }
}

void Application::wireWindow()
{
    MainWindow *w = m_window.get();
    connect(w, &MainWindow::createSessionRequested, this, [this](const Livy::CreateSessionRequest &request) {
        if (m_server)
            m_createTickets.append(m_server->createSession(request));
    });
    connect(w, &MainWindow::openSessionRequested, this, &Application::openSession);
    connect(w, &MainWindow::openSessionByRefRequested, this, &Application::openSessionByRef);
    connect(w, &MainWindow::closeSessionRequested, this, [this](int id) {
        if (SessionController *c = controllerFor(id))
            m_server->closeSession(c);
        m_window->closeSessionPage(id);
    });
    connect(w, &MainWindow::refreshRequested, this, [this](int id) {
        if (!m_server)
            return;
        m_server->refresh();
        if (SessionController *c = controllerFor(id))
            c->refresh();
    });
    connect(w, &MainWindow::deleteSessionRequested, this, [this](int id) {
        if (m_server) {
            m_window->setSessionStatus(id, QStringLiteral("Deleting the session on the server…"));
            m_server->deleteSession(id);
        }
    });
    connect(w, &MainWindow::cancelStatementRequested, this, [this](int id, int statementId) {
        if (SessionController *c = controllerFor(id))
            c->cancel(statementId);
    });
    connect(w, &MainWindow::profileSelected, this, &Application::switchToProfile);
    connect(w, &MainWindow::profilesEdited, this, &Application::applyProfiles);
    connect(w, &MainWindow::reconnectRequested, this, [this] { switchToProfile(m_profile.id); });
    connect(w, &MainWindow::activeChanged, this, [](bool active) { Livy::PollActivity::global()->setActive(active); });
    m_notifications = new NotificationBinding(w, m_options.notifier, this);
    m_lifecycle = new LifecycleBinding(w, this);
    m_data = new DataBinding(w, this); // the catalog, paged tables and exports of each open session
    connect(w, &MainWindow::currentSessionChanged, this, [this](int id) {
        m_currentSession = id;
        updateLogFollowing();
    });
    connect(w, &MainWindow::logVisibleChanged, this, [this](bool visible) {
        m_logVisible = visible;
        updateLogFollowing();
    });
}

void Application::wireServer()
{
    ServerController *s = m_server;
    m_notifications->watchServer(s, m_profile); // news of its open sessions, in the window or on the desktop
    m_lifecycle->watchServer(m_connection, s, m_profile, m_history, m_historyModel); // lease, setup, recreate
    // Every session the server controller opens (a tab, --session, Open Session, a create) is bound here, once.
    connect(s, &ServerController::sessionOpened, this, &Application::wireSession);
    connect(s, &ServerController::connectionStateChanged, this, [this](ServerController::ConnectionState state) {
        const Livy::LivyError error = m_server->lastError();
        m_window->setConnectionState(barState(state, error.isError()), error.isError() ? error.message() : QString());
        const bool refused = error.kind() == Livy::LivyError::Kind::Http
            && (error.httpStatus() == 401 || error.httpStatus() == 403);
        if (state == ServerController::ConnectionState::Disconnected && refused && m_profile.auth == AuthMethod::Basic)
            askPasswordAgain(error);
        else if (state == ServerController::ConnectionState::Disconnected && refused && m_profile.auth == AuthMethod::Kerberos)
            offerKerberosTicket(error.message());
        else
            updateIdentity(); // a Kerberos ticket may have come or gone
    });
    connect(s, &ServerController::versionKnown, this,
            [this](const Livy::VersionInfo &version) { m_window->setServerVersion(version.version); });
    connect(s, &ServerController::errorOccurred, this,
            [this](const Livy::LivyError &error) { m_window->showError(error, m_profile.displayName()); });
    connect(s, &ServerController::sessionCreated, this, [this](int ticket, const Livy::Session &session) {
        if (!m_createTickets.removeOne(ticket))
            return;
        m_window->sessionCreated(session.id);
        openSession(session.id);
    });
    connect(s, &ServerController::createFailed, this, [this](int ticket, const Livy::LivyError &error) {
        if (m_createTickets.removeOne(ticket))
            m_window->sessionCreateFailed(error);
    });
    connect(s, &ServerController::sessionDeleted, this, [this](int id) {
        const SessionPage *page = m_window->sessionPage(id);
        const QString name = page ? page->session().name : QString();
        m_window->closeSessionPage(id);
        m_window->showNotice(name.isEmpty() ? tr("Session %1 deleted.").arg(id) : tr("Session %1 (%2) deleted.").arg(id).arg(name));
    });
    connect(s, &ServerController::deleteFailed, this, [this](int id, const Livy::LivyError &error) {
        m_window->setSessionStatus(id, QString());
        m_window->showError(error, QStringLiteral("Deleting session %1").arg(id), true);
    });
    m_window->setConnectionState(barState(s->connectionState(), false));
}

Livy::SessionController *Application::controllerFor(int sessionId) const
{
    return m_server ? m_server->sessionController(sessionId) : nullptr;
}

Livy::SparkTracker *Application::sparkTracker(int sessionId) const
{
    const SessionController *c = controllerFor(sessionId);
    return c ? c->findChild<Livy::SparkTracker *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void Application::openSession(int sessionId)
{
    if (!m_server || sessionId < 0)
        return;
    SessionController *c = controllerFor(sessionId);
    if (!c)
        c = m_server->openSession(Livy::SessionRef::byId(sessionId)); // bound to the window by sessionOpened
    m_window->showSession(sessionId, c->statements(), c->log());
    if (c->status() != SessionController::Status::Attaching && c->status() != SessionController::Status::Detached)
        m_window->updateSession(c->session()); // already known (the tab was closed and is opened again)
    m_window->setSessionStatus(sessionId, SessionBinding::statusText(c->status(), c->session()));
    if (!c->failureExplanation().isEmpty())
        m_window->setSessionFailure(sessionId, c->failureExplanation());
    updateLogFollowing();
}

void Application::openSessionByRef(const QString &idOrName)
{
    if (!m_server)
        return;
    const Livy::SessionRef ref = Livy::SessionRef::parse(idOrName);
    if (!ref.isValid()) {
        m_window->showError(Livy::LivyError(Livy::LivyError::Kind::Protocol, tr("\"%1\" is not a session id or name").arg(idOrName)),
                            QString(), true);
        return;
    }
    if (ref.isId()) {
        openSession(ref.id());
    } else if (SessionController *c = m_server->openSession(ref)) {
        if (c->sessionId() >= 0)
            openSession(c->sessionId());
    }
}

void Application::wireSession(SessionController *c)
{
    if (!c)
        return;
    // What Spark does for the session's statements, from its Spark UI (a child of the controller, like the rest).
    auto *tracker = new Livy::SparkTracker(m_connection, c->statements(), c);
    tracker->setUrlTemplate(m_profile.sparkUiTemplate);
    tracker->setSession(c->session());
    connect(c, &SessionController::sessionChanged, tracker, &Livy::SparkTracker::setSession);
    connect(c, &SessionController::attached, tracker, &Livy::SparkTracker::setSession);
    // Spark's task counts say when a running statement should end: its polls gather there (end signals).
    connect(tracker, &Livy::SparkTracker::breakdownChanged, c, [c, tracker](int statementId) {
        const Livy::SparkBreakdown b = tracker->breakdown(statementId);
        if (const std::optional<qint64> left = b.remainingMs(b.fetchedAt))
            c->sessionPoller()->setRemainingHint(statementId, std::chrono::milliseconds(*left));
    });
    if (m_window) {
        auto *binding = new SessionBinding(c, m_window.get()); // a child of the controller: the session's views talk to it directly
        binding->setSparkTracker(tracker);
        m_data->watchSession(c);
    }
    if (m_history) { // every statement of an open session goes into the local history as it happens
        auto *recorder = new Livy::HistoryRecorder(c, m_history, m_profile.url.toString(), m_profile.id);
        // A finished statement's Spark breakdown is kept with it, and comes back when the session is opened again.
        connect(tracker, &Livy::SparkTracker::breakdownFinished, recorder, &Livy::HistoryRecorder::recordSparkBreakdown);
        connect(recorder, &Livy::HistoryRecorder::sparkBreakdownRestored, tracker, &Livy::SparkTracker::restoreBreakdown);
        recorder->requestSparkBreakdowns();
    }
}

void Application::openHistory()
{
    m_history = new Livy::HistoryStore(this);
    m_historyModel = new Livy::HistoryModel(m_history, this);
    m_window->historyDock()->setModel(m_historyModel);
    connect(m_history, &Livy::HistoryStore::opened, this, [this](bool ok, const QString &error) {
        if (ok || !m_window)
            return;
        m_window->historyDock()->setUnavailable(error);
        m_window->showError(Livy::LivyError(Livy::LivyError::Kind::Local, error), tr("Opening the history"), true);
    });
    connect(m_history, &Livy::HistoryStore::writeFailed, this, [this](const QString &error) {
        if (m_window)
            m_window->showError(Livy::LivyError(Livy::LivyError::Kind::Local, error), tr("Writing the history"),
                                true);
    });
    connect(m_window->historyDock(), &HistoryDock::exportFinished, this, [this](bool ok, const QString &message) {
        if (!m_window)
            return;
        if (ok)
            m_window->showNotice(message);
        else
            m_window->showError(Livy::LivyError(Livy::LivyError::Kind::Local, message), tr("Exporting history"), true);
    });
    Livy::HistoryLimits limits;
    bool capSet = false;
    const qint64 capMiB = QSettings().value(SettingsKeys::historyOutputCapMiB()).toLongLong(&capSet);
    if (capSet && capMiB >= 0)
        limits.outputCap = capMiB * 1024 * 1024;
    m_history->open(m_options.historyPath, limits);
}

void Application::updateLogFollowing()
{
    if (!m_server)
        return;
    const QList<SessionController *> open = m_server->openSessions();
    for (SessionController *c : open)
        c->setLogFollowing(m_logVisible && c->sessionId() == m_currentSession && m_currentSession >= 0);
}

void Application::applyProfiles(const QList<ServerProfile> &profiles, const QHash<QString, QString> &secrets,
                                const QString &selectedId)
{
    // Secrets the edited profiles no longer use (a removed profile, a header no longer secret) leave the keychain.
    QStringList kept;
    for (const ServerProfile &p : profiles)
        kept += p.secretKeys();
    for (const ServerProfile &old : std::as_const(m_profiles))
        for (const QString &key : old.secretKeys())
            if (!kept.contains(key))
                m_passwords->remove(key);
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        m_passwords->write(it.key(), it.value());
    m_profiles = profiles;
    ServerProfileStore().save(profiles);

    ServerProfile selected;
    for (const ServerProfile &p : profiles)
        if (p.id == selectedId)
            selected = p;
    const QStringList selectedKeys = selected.secretKeys();
    bool typedNow = false; // a secret of the selected profile was typed just now
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        typedNow = typedNow || selectedKeys.contains(it.key());
    const bool changed = selected.id != m_profile.id || !(selected == m_profile) || typedNow;
    if (!changed) {
        m_window->setServerProfiles(m_profiles, m_profile.id);
        return;
    }
    ServerProfileStore().setCurrentId(selected.id);
    m_window->setServerProfiles(m_profiles, selected.id);
    // Secrets typed just now are used directly (the keychain write may still be under way); the others are read.
    QHash<QString, QString> known = selected.id == m_profile.id ? m_secrets : QHash<QString, QString>();
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        known.insert(it.key(), it.value());
    bool complete = true;
    for (const QString &key : selectedKeys)
        complete = complete && known.contains(key);
    if (complete)
        connectTo(selected, known);
    else
        switchToProfile(selected.id);
}

void Application::updateIdentity()
{
    const std::shared_ptr<Livy::Authenticator> auth = m_connection ? m_connection->authenticator() : nullptr;
    QString text;
    QString detail;
    if (m_profile.auth == AuthMethod::Kerberos) {
        const Livy::KerberosTicket ticket = Livy::NegotiateContext::currentTicket();
        const QString problem = Livy::NegotiateAuthenticator::ticketProblem(ticket);
        text = problem.isEmpty() ? tr("%1 (Kerberos)").arg(ticket.principal) : tr("no Kerberos ticket");
        detail = problem.isEmpty() && ticket.expires.isValid()
            ? tr("Kerberos ticket of %1, valid until %2").arg(ticket.principal, QLocale().toString(ticket.expires.toLocalTime(), QLocale::ShortFormat))
            : problem;
    } else if (auth && !auth->identity().isEmpty()) {
        text = tr("%1 (password)").arg(auth->identity());
    } else if (m_profile.auth == AuthMethod::Bearer) {
        text = tr("token");
    }
    if (!m_profile.doAs.trimmed().isEmpty())
        text += tr(", acting as %1").arg(m_profile.doAs.trimmed());
    m_window->statusArea()->setIdentity(text, detail);
}

void Application::askPasswordAgain(const Livy::LivyError &refusal)
{
    if (m_passwordPrompt)
        return; // one at a time; it is the user who retries, never a loop
    auto *prompt = new PasswordPrompt(m_profile.displayName(), m_profile.userName, refusal.message(), m_window.get());
    m_passwordPrompt = prompt;
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    const QString profileId = m_profile.id;
    connect(prompt, &QDialog::accepted, this, [this, prompt, profileId] {
        if (profileId != m_profile.id)
            return;
        ServerProfile profile = m_profile;
        profile.userName = prompt->user();
        for (ServerProfile &p : m_profiles)
            if (p.id == profileId)
                p.userName = profile.userName;
        ServerProfileStore().save(m_profiles);
        m_passwords->write(profile.secretKey(), prompt->password());
        QHash<QString, QString> secrets = m_secrets;
        secrets.insert(profile.secretKey(), prompt->password());
        connectTo(profile, secrets);
    });
    prompt->open();
}

void Application::offerKerberosTicket(const QString &reason)
{
    const Livy::KerberosTicket ticket = Livy::NegotiateContext::currentTicket();
    if (m_passwordPrompt || (ticket.state != Livy::KerberosTicket::State::None
                             && ticket.state != Livy::KerberosTicket::State::Expired))
        return; // a ticket the server refused is not fixed by another one
    auto *prompt = new PasswordPrompt(m_profile.displayName(), ticket.principal,
                                      tr("%1\n\nLivyDesk can get a ticket for you, as kinit does: your password goes "
                                         "to the Kerberos server only and is not stored.")
                                          .arg(reason),
                                      m_window.get(), tr("&Principal:"));
    prompt->setWindowTitle(tr("Get a Kerberos ticket"));
    prompt->setPasswordHint(tr("your Kerberos password; not stored"));
    m_passwordPrompt = prompt;
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    const QString profileId = m_profile.id;
    connect(prompt, &QDialog::accepted, this, [this, prompt, profileId] {
        const QString principal = prompt->user();
        m_window->setConnectionState(ServerBar::State::Connecting, tr("getting a Kerberos ticket for %1").arg(principal));
        // The KDC is on the network: off the GUI thread. The password lives only in this task.
        Livy::BackgroundTask::run<QString>(
            this, [principal, password = prompt->password()](const Livy::TaskContext &) {
                return Livy::NegotiateContext::obtainTicket(principal, password);
            },
            [this, profileId](const QString &problem) {
                if (profileId != m_profile.id)
                    return;
                if (!problem.isEmpty()) {
                    m_window->setConnectionState(ServerBar::State::Failed, problem);
                    offerKerberosTicket(problem);
                    return;
                }
                connectTo(m_profile, m_secrets);
            });
    });
    prompt->open();
}

void Application::offerToTrustCertificate(const QList<QSslError> &errors, const QList<QSslCertificate> &chain)
{
    // Every request of a connection fails the same way: one dialog at a time, and none again for a chain the
    // user already turned down on this connection.
    if (m_certificateDialog || chain.isEmpty())
        return;
    const QString leaf = Livy::sha256Fingerprint(chain.first());
    if (m_declinedCertificates.contains(leaf))
        return;
    const QString profileId = m_profile.id;
    auto *dialog = new CertificateDialog(Livy::CertificateChainInfo::fromErrors(errors, chain),
                                         m_profile.url.authority(), m_window.get());
    m_certificateDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, profileId, leaf](int result) {
        m_certificateDialog.clear(); // closed (deleted later): the next rejection may ask again
        if (result != QDialog::Accepted || profileId != m_profile.id) {
            m_declinedCertificates.insert(leaf);
            return;
        }
        // Pinned: this exact certificate is trusted for this profile from now on.
        for (ServerProfile &p : m_profiles)
            if (p.id == profileId && !p.pinnedCertificates.contains(dialog->pinnedFingerprint()))
                p.pinnedCertificates.append(dialog->pinnedFingerprint());
        ServerProfileStore().save(m_profiles);
        m_window->setServerProfiles(m_profiles, profileId);
        for (const ServerProfile &p : std::as_const(m_profiles))
            if (p.id == profileId)
                connectTo(p, m_secrets);
    });
    dialog->open();
}

} // namespace LivyDesk
