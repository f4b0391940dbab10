// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionpage.h"

#include "editor/codeeditor.h"
#include "icons.h"
#include "leasewarningbar.h"
#include "items/statementlistmodel.h"
#include "sessioninfoview.h"
#include "sparkbreakdownview.h"
#include "sparkexecutorsview.h"
#include "statementdelegate.h"
#include "statementoutputarea.h"
#include "statestyle.h"

#include <QAction>
#include <QHBoxLayout>
#include <QMenu>
#include <QHeaderView>
#include <QTabBar>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace LivyDesk {

using Model = Livy::StatementListModel;

SessionPage::SessionPage(int sessionId, QWidget *parent)
    : QWidget(parent)
    , m_sessionId(sessionId)
{
    setObjectName(QStringLiteral("session-%1").arg(sessionId));
    setAccessibleName(QStringLiteral("Session %1").arg(sessionId));
    m_session.id = sessionId;

    m_stateBadge = new QLabel(this);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("sessionState"));
    m_sparkUi = new QToolButton(this);
    m_sparkUi->setText(QStringLiteral("Spark UI"));
    m_sparkUi->setIcon(appIcon(AppIcon::Browser));
    m_sparkUi->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sparkUi->setAutoRaise(true);
    m_sparkUi->setToolTip(QStringLiteral("Open the Spark UI in the browser"));
    m_driverLog = new QToolButton(this);
    m_driverLog->setText(QStringLiteral("Driver log"));
    m_driverLog->setIcon(appIcon(AppIcon::Log));
    m_driverLog->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_driverLog->setAutoRaise(true);
    m_driverLog->setToolTip(QStringLiteral("Open the driver log in the browser"));
    connect(m_sparkUi, &QToolButton::clicked, this, [this] {
        const QString reported = m_session.appInfo.value(QStringLiteral("sparkUiUrl"));
        Q_EMIT linkActivated(reported.isEmpty() ? m_sparkUiUrl : QUrl(reported));
    });
    connect(m_driverLog, &QToolButton::clicked, this,
            [this] { Q_EMIT linkActivated(QUrl(m_session.appInfo.value(QStringLiteral("driverLogUrl")))); });
    m_recreate = new QToolButton(this);
    m_recreate->setObjectName(QStringLiteral("recreateSession"));
    m_recreate->setText(tr("Recreate…"));
    m_recreate->setAccessibleName(tr("Recreate session"));
    m_recreate->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_recreate->setToolTip(tr("Create a new session with the same request body and replay its setup statements; "
                              "it takes this tab and its draft (Ctrl+Shift+R)"));
    m_recreate->setVisible(false);
    connect(m_recreate, &QToolButton::clicked, this, &SessionPage::recreateRequested);
    m_setupButton = new QToolButton(this);
    m_setupButton->setObjectName(QStringLiteral("editSetup"));
    m_setupButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_setupButton->setIcon(appIcon(AppIcon::Settings));
    m_setupButton->setAutoRaise(true);
    m_setupButton->setAccessibleName(tr("Setup statements"));
    m_setupButton->setToolTip(tr("The statements that run again when this session is recreated: reorder or remove "
                                 "them (mark one from a statement's context menu, Ctrl+Alt+S)"));
    connect(m_setupButton, &QToolButton::clicked, this, &SessionPage::setupEditRequested);
    m_lease = new QLabel(this);
    m_lease->setObjectName(QStringLiteral("leaseBudget"));
    m_lease->setAccessibleName(tr("Lease budget"));
    m_lease->setForegroundRole(QPalette::PlaceholderText);
    m_lease->setVisible(false);
    m_leaseBar = new LeaseWarningBar(this);
    connect(m_leaseBar, &LeaseWarningBar::keepAliveRequested, this, &SessionPage::keepAliveRequested);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setVisible(false);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 6, 8, 2);
    header->addWidget(m_stateBadge);
    header->addWidget(m_title);
    header->addSpacing(8);
    header->addWidget(m_stateLabel);
    header->addSpacing(8);
    header->addWidget(m_lease);
    header->addStretch(1);
    header->addWidget(m_recreate);
    header->addWidget(m_setupButton);
    header->addWidget(m_sparkUi);
    header->addWidget(m_driverLog);

    m_table = new QTableView(this);
    m_table->setAccessibleName(QStringLiteral("Statements"));
    m_table->setItemDelegate(new StatementDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &SessionPage::showStatementMenu);
    m_markSetup = new QAction(tr("Mark as &Setup Statement"), m_table);
    m_markSetup->setObjectName(QStringLiteral("markSetup"));
    m_markSetup->setCheckable(true);
    m_markSetup->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+S")));
    m_markSetup->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_markSetup->setToolTip(tr("Run this statement again when the session is recreated"));
    m_table->addAction(m_markSetup);
    connect(m_markSetup, &QAction::triggered, this, [this](bool checked) {
        const int id = selectedStatementId();
        if (id >= 0)
            Q_EMIT setupMarkRequested(id, checked);
    });

    m_code = new CodeEditor(this);
    m_code->setReadOnly(true);
    m_code->setAccessibleName(QStringLiteral("Statement code"));
    m_code->setPlaceholderText(QString());
    m_output = new StatementOutputArea(this);
    connect(m_output, &StatementOutputArea::statusMessage, this, &SessionPage::statusMessage);
    connect(m_output, &StatementOutputArea::runRequested, this, &SessionPage::runRequested);
    connect(m_output, &StatementOutputArea::pageOnServerRequested, this, [this] { Q_EMIT pageOnServerRequested(m_shownId); });
    // Running statements' elapsed time moves once a second (from the server's own start stamp).
    m_ticker = new QTimer(this);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, [this] {
        if (auto *model = qobject_cast<Model *>(m_statements.data()); model && isVisible()) {
            model->tick();
            refreshSelected();
        }
        updateTicker();
    });

    m_spark = new SparkBreakdownView(this);
    m_spark->setVisible(false);
    connect(m_spark, &SparkBreakdownView::linkActivated, this, &SessionPage::linkActivated);

    auto *detail = new QSplitter(Qt::Vertical, this);
    detail->setObjectName(QStringLiteral("detailSplitter"));
    detail->setChildrenCollapsible(false);
    detail->addWidget(m_code);
    detail->addWidget(m_spark);
    detail->addWidget(m_output);
    detail->setStretchFactor(0, 1);
    detail->setStretchFactor(1, 2);
    detail->setStretchFactor(2, 4);
    detail->setSizes({ 90, 240, 400 });
    const auto makeRoom = [this, detail] {
        // Shown or expanded again: room for a few jobs and their stages (a running statement's output is a
        // placeholder until it ends: about 90 px do), not the sliver a hidden splitter child comes back with.
        QList<int> sizes = detail->sizes();
        if (m_spark->isVisibleTo(this) && m_spark->isExpanded() && sizes.size() == 3 && sizes[1] < 160) {
            const int total = sizes[1] + sizes[2];
            sizes[1] = std::max(180, total * 3 / 5);
            sizes[2] = std::max(90, total - sizes[1]);
            detail->setSizes(sizes);
        }
    };
    connect(m_spark, &SparkBreakdownView::contentChanged, this, [this, makeRoom](bool has) {
        m_spark->setVisible(has);
        makeRoom();
    });
    connect(m_spark, &SparkBreakdownView::expandedChanged, this, makeRoom);
    m_code->setVisible(false); // the list shows the code; View > Show Statement Code brings it back
    // The list gets about six rows; the output everything else (at 1280x820, room for a 7-row table).
    auto *statements = new QSplitter(Qt::Vertical, this);
    statements->setObjectName(QStringLiteral("statementSplitter"));
    statements->setChildrenCollapsible(false);
    statements->addWidget(m_table);
    statements->addWidget(detail);
    statements->setStretchFactor(0, 0);
    statements->setStretchFactor(1, 1);
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    m_table->setMinimumHeight(rowHeight * 2 + 28);
    statements->setSizes({ rowHeight * 6 + 30, 600 });
    m_statementSplit = statements;

    m_infoTab = new QWidget(this);
    auto *infoLayout = new QVBoxLayout(m_infoTab);
    infoLayout->setContentsMargins(0, 0, 0, 0);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(statements, QStringLiteral("Statements"));
    m_tabs->addTab(m_infoTab, QStringLiteral("Details"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_infoTab)
            infoView();
    });
    m_executors = new SparkExecutorsView(this);
    connect(m_executors, &SparkExecutorsView::linkActivated, this, &SessionPage::linkActivated);
    connect(m_executors, &SparkExecutorsView::executorsShown, this, &SessionPage::executorsShown);
    connect(m_executors, &SparkExecutorsView::refreshRequested, this, &SessionPage::executorsRefreshRequested);
    m_tabs->addTab(m_executors, tr("Executors"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addWidget(m_leaseBar);
    layout->addWidget(m_tabs, 1);
    setSetupStatementIds({});
    updateHeader();
}

void SessionPage::setLease(const QString &text, const QString &tooltip)
{
    m_lease->setText(text);
    m_lease->setToolTip(tooltip);
    m_lease->setAccessibleDescription(tooltip);
    m_lease->setVisible(!text.isEmpty());
}

QString SessionPage::leaseText() const
{
    return m_lease->isVisibleTo(this) ? m_lease->text() : QString();
}

void SessionPage::showLeaseWarning(const QString &text, const QString &details, bool canKeepAlive)
{
    m_leaseBar->showWarning(text, details, canKeepAlive);
}

bool SessionPage::isLeaseWarningShown() const
{
    return !m_leaseBar->isHidden();
}

void SessionPage::clearLeaseWarning()
{
    m_leaseBar->hide();
}

void SessionPage::setSetupStatementIds(const QSet<int> &ids)
{
    m_setupIds = ids;
    if (auto *delegate = qobject_cast<StatementDelegate *>(m_table->itemDelegate()))
        delegate->setSetupIds(ids);
    m_table->viewport()->update();
    m_setupButton->setText(ids.isEmpty() ? tr("Setup…") : tr("Setup (%1)…").arg(ids.size()));
    updateMarkSetup();
}

void SessionPage::updateMarkSetup()
{
    const int id = selectedStatementId();
    m_markSetup->setEnabled(id >= 0);
    m_markSetup->setChecked(id >= 0 && m_setupIds.contains(id));
}

void SessionPage::showStatementMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (index.isValid())
        m_table->selectRow(index.row());
    updateMarkSetup();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_markSetup);
    QAction *edit = menu->addAction(m_setupButton->text(), this, &SessionPage::setupEditRequested);
    edit->setObjectName(QStringLiteral("editSetupAction"));
    menu->popup(m_table->viewport()->mapToGlobal(pos)); // no nested event loop
}

SessionPage::~SessionPage() = default;

SessionInfoView *SessionPage::infoView() const
{
    if (!m_info) {
        m_info = new SessionInfoView(m_infoTab);
        connect(m_info, &SessionInfoView::linkActivated, this, &SessionPage::linkActivated);
        m_infoTab->layout()->addWidget(m_info);
        m_info->setSession(m_session);
        m_info->show(); // at once when the tab is on screen (a layout shows a new child only later)
    }
    return m_info;
}

void SessionPage::setSparkUiUrl(const QUrl &url)
{
    m_sparkUiUrl = url;
    updateHeader();
}

void SessionPage::setSparkModel(QAbstractItemModel *model)
{
    m_spark->setModel(model);
}

void SessionPage::setSparkHeader(const QString &summary, const QUrl &uiUrl)
{
    m_spark->setSummary(summary, uiUrl);
}

void SessionPage::setSparkExpanded(bool expanded)
{
    m_spark->setExpanded(expanded);
}

void SessionPage::setSparkUnavailable(const QString &reason, const QString &details)
{
    m_spark->setUnavailable(reason, details);
}

void SessionPage::clearSpark()
{
    m_spark->clear();
}

void SessionPage::setExecutorsModel(QAbstractItemModel *model)
{
    m_executors->setModel(model);
}

void SessionPage::setExecutorsStatus(const QString &status, const QUrl &pageUrl)
{
    m_executors->setStatus(status);
    m_executors->setPageUrl(pageUrl);
}

bool SessionPage::isExecutorsTabShown() const
{
    return m_executors->isShown();
}

void SessionPage::setCodeVisible(bool visible)
{
    m_codeVisible = visible;
    m_code->setVisible(visible && !m_outputMaximised);
}

bool SessionPage::isCodeVisible() const
{
    return m_codeVisible;
}

void SessionPage::setOutputMaximised(bool maximised)
{
    m_outputMaximised = maximised;
    m_table->setVisible(!maximised);
    m_code->setVisible(m_codeVisible && !maximised);
    m_tabs->tabBar()->setVisible(!maximised);
    if (maximised)
        m_tabs->setCurrentIndex(0);
}

void SessionPage::setSession(const Livy::Session &session)
{
    const QString before = title();
    const Livy::SessionState stateBefore = m_session.state;
    m_session = session;
    updateHeader();
    if (m_info)
        m_info->setSession(session);
    if (title() != before)
        Q_EMIT titleChanged();
    if (session.state != stateBefore) {
        setStatusText(m_statusText, m_statusProblem); // the log's account shows once the session has ended
        Q_EMIT stateChanged(session.state);
        Q_EMIT badgeChanged();
    }
}

void SessionPage::setGone(bool gone)
{
    if (m_gone == gone)
        return;
    m_gone = gone;
    updateHeader();
    Q_EMIT badgeChanged();
}

QIcon SessionPage::badge() const
{
    return m_gone ? StateStyle::badge(StateStyle::Tone::Neutral, palette()) : StateStyle::sessionBadge(m_session.state, palette());
}

void SessionPage::updateHeader()
{
    const StateStyle::Tone tone = m_gone ? StateStyle::Tone::Neutral : StateStyle::toneFor(m_session.state);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_stateBadge->setPixmap(badge().pixmap(size, size));
    const QString stateLabel = StateStyle::sessionStateLabel(m_session.state, m_session.stateName);
    const QString shownState = m_gone ? tr("not on the server (last seen %1)").arg(stateLabel.toLower()) : stateLabel;
    QString text = QStringLiteral("Session %1").arg(m_sessionId);
    if (!m_session.name.isEmpty())
        text += QStringLiteral(" · ") + m_session.name;
    m_title->setText(text);
    // The state in its colour, then kind and application in the normal text colour.
    QStringList facts;
    facts.append(QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                     .arg(StateStyle::colour(tone, palette()).name(), shownState.toHtmlEscaped()));
    if (!m_session.kind.isEmpty())
        facts.append(m_session.kind.toHtmlEscaped());
    if (!m_session.appId.isEmpty())
        facts.append(m_session.appId.toHtmlEscaped());
    m_stateLabel->setTextFormat(Qt::RichText);
    m_stateLabel->setText(facts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_sparkUi->setEnabled(!m_session.appInfo.value(QStringLiteral("sparkUiUrl")).isEmpty() || !m_sparkUiUrl.isEmpty());
    m_driverLog->setEnabled(!m_session.appInfo.value(QStringLiteral("driverLogUrl")).isEmpty());
    // A session that ended or is gone can be made again; its statements and results stay here and in the history.
    m_recreate->setVisible(m_gone || Livy::isTerminal(m_session.state));
    setAccessibleDescription(QStringLiteral("%1, %2").arg(shownState, m_session.kind));
}

void SessionPage::setFailureExplanation(const QStringList &lines)
{
    m_failure = lines;
    setStatusText(m_statusText, m_statusProblem);
    refreshSelected();
}

void SessionPage::setStatusText(const QString &rawText, bool problem)
{
    m_statusText = rawText;
    m_statusProblem = problem;
    QString text = rawText;
    if (!m_failure.isEmpty() && Livy::isTerminal(m_session.state))
        text = (text.isEmpty() ? QString() : text + QLatin1Char('\n'))
               + tr("From the session log: %1").arg(m_failure.join(QStringLiteral(" · ")));
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    m_status->setContentsMargins(8, 0, 8, 2);
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, problem ? StateStyle::colour(StateStyle::Tone::Bad, palette())
                                               : palette().color(QPalette::PlaceholderText));
    m_status->setPalette(pal);
}

QString SessionPage::statusText() const
{
    return m_status->text();
}

QString SessionPage::title() const
{
    return m_session.name.isEmpty() ? QString::number(m_sessionId)
                                    : QStringLiteral("%1 · %2").arg(m_sessionId).arg(m_session.name);
}

void SessionPage::setStatementModel(QAbstractItemModel *model)
{
    m_statements = model;
    m_table->setModel(model);
    if (!model)
        return;
    m_table->setColumnWidth(Model::IdColumn, 58); // room for the setup gear
    m_table->setColumnWidth(Model::StateColumn, 100);
    m_table->setColumnWidth(Model::ProgressColumn, 96);
    m_table->setColumnWidth(Model::SparkColumn, 200);
    m_table->setColumnWidth(Model::CodeColumn, 260);
    m_table->setColumnWidth(Model::StartedColumn, 72);
    m_table->setColumnHidden(Model::CompletedColumn, true);
    m_table->setColumnWidth(Model::DurationColumn, 72);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current, const QModelIndex &previous) {
                showStatement(current);
                updateMarkSetup();
                const int id = current.isValid() ? current.data(Model::IdRole).toInt() : -1;
                if (!previous.isValid() || previous.data(Model::IdRole).toInt() != id)
                    Q_EMIT selectedStatementChanged(id);
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int, int last) {
        // Follow the newest statement: a run shows its progress and output without a click. Older history
        // arriving above keeps the selection where it is, and in view.
        // LivyDesk's own statements (the catalog's, a paged table's) never take the output away from the user's.
        const bool internal = m_statements->index(last, 0).data(Model::InternalRole).toBool();
        if (!internal && (last == m_statements->rowCount() - 1 || !m_table->currentIndex().isValid()))
            m_table->selectRow(m_statements->rowCount() - 1);
        m_table->scrollTo(m_table->currentIndex(), QAbstractItemView::EnsureVisible);
        updateTicker();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        // Any row may change what the selected one waits for; the detail is cheap to refresh (outputs parse once).
        if (m_table->currentIndex().isValid())
            refreshSelected();
        updateTicker();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_statements->rowCount() > 0)
            selectNewest();
        else
            m_output->clear(QStringLiteral("No statements yet. Write code in the editor and press Ctrl+Enter."));
        updateTicker();
    });
    if (model->rowCount() > 0)
        selectNewest();
    else
        m_output->clear(QStringLiteral("No statements yet. Write code in the editor and press Ctrl+Enter."));
    updateTicker();
}

void SessionPage::selectNewest()
{
    int last = m_statements->rowCount() - 1;
    while (last > 0 && m_statements->index(last, 0).data(Model::InternalRole).toBool())
        --last; // the newest of the user's own

    m_table->selectRow(last);
    m_table->scrollTo(m_statements->index(last, 0), QAbstractItemView::PositionAtBottom);
}

void SessionPage::updateTicker()
{
    auto *model = qobject_cast<Model *>(m_statements.data());
    const bool running = model && model->hasRunning();
    if (running && !m_ticker->isActive())
        m_ticker->start();
    else if (!running)
        m_ticker->stop();
}

StatementContext SessionPage::contextFor(const Livy::Statement &statement) const
{
    StatementContext context;
    auto *model = qobject_cast<Model *>(m_statements.data());
    if (!model)
        return context;
    const int row = model->rowOfId(statement.id);
    const QModelIndex index = model->index(row, 0);
    context.stillRunning = index.data(Model::StillRunningRole).toBool();
    context.vanished = index.data(Model::VanishedRole).toBool();
    context.sessionOver = m_gone || Livy::isTerminal(m_session.state);
    context.local = index.data(Model::LocalRole).toBool();
    context.language = m_session.kind == QLatin1String("shared") ? m_languageHint : m_session.kind;
    context.failure = m_failure;
    context.elapsedMs = index.data(Model::ElapsedMsRole).toLongLong();
    if (statement.state == Livy::StatementState::Waiting) {
        // The nearest statement before it that holds the queue.
        for (int r = row - 1; r >= 0; --r) {
            const QModelIndex ahead = model->index(r, 0);
            const bool stillRunning = ahead.data(Model::StillRunningRole).toBool();
            if (!ahead.data(Model::IsTerminalRole).toBool() || stillRunning) {
                context.aheadId = ahead.data(Model::IdRole).toInt();
                context.aheadStillRunning = stillRunning;
                // Keep looking: the one that actually runs is the earliest pending one.
            }
        }
    }
    return context;
}

void SessionPage::showStatement(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_shownId = -1;
        m_code->clear();
        m_output->clear(QStringLiteral("Select a statement to see its output."));
        return;
    }
    const auto statement = index.data(Model::StatementRole).value<Livy::Statement>();
    if (statement.id != m_shownId) {
        m_shownId = statement.id;
        m_code->setPlainText(statement.code);
        const QString kind = m_session.kind == QLatin1String("shared") ? QString() : m_session.kind;
        m_code->setKind(kind);
    }
    m_output->setStatement(statement, contextFor(statement));
}

void SessionPage::refreshSelected()
{
    showStatement(m_table->currentIndex());
}

int SessionPage::selectedStatementId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(Model::IdRole).toInt() : -1;
}

int SessionPage::pendingStatementId() const
{
    if (!m_statements)
        return -1;
    for (int row = m_statements->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_statements->index(row, 0);
        if (!index.data(Model::IsTerminalRole).toBool())
            return index.data(Model::IdRole).toInt();
    }
    return -1;
}

int SessionPage::activeStatementId() const
{
    if (!m_statements)
        return -1;
    int oldestWaiting = -1;
    for (int row = 0; row < m_statements->rowCount(); ++row) {
        const QModelIndex index = m_statements->index(row, 0);
        const auto state = Livy::StatementState(index.data(Model::StateRole).toInt());
        if (state == Livy::StatementState::Running || state == Livy::StatementState::Cancelling)
            return index.data(Model::IdRole).toInt();
        if (state == Livy::StatementState::Waiting && oldestWaiting < 0)
            oldestWaiting = index.data(Model::IdRole).toInt();
    }
    return oldestWaiting;
}

bool SessionPage::isPending(int statementId) const
{
    auto *model = qobject_cast<Model *>(m_statements.data());
    if (!model)
        return false;
    if (statementId < 0) // a run the server has not acknowledged yet
        return model->rowOfId(statementId) >= 0;
    const std::optional<Livy::Statement> s = model->statement(statementId);
    return s && !Livy::isTerminal(s->state);
}

void SessionPage::selectStatement(int id)
{
    if (!m_statements)
        return;
    for (int row = 0; row < m_statements->rowCount(); ++row) {
        if (m_statements->index(row, 0).data(Model::IdRole).toInt() == id) {
            m_table->selectRow(row);
            return;
        }
    }
}

QWidget *SessionPage::outputWidget() const
{
    return m_output;
}

bool SessionPage::isOutputShown() const
{
    return m_output->isOutputShown();
}

QString SessionPage::outputText() const
{
    return m_output->text();
}

QString SessionPage::copyText() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return {};
    const auto statement = current.data(Model::StatementRole).value<Livy::Statement>();
    QString text = statement.code;
    if (statement.output)
        text += QStringLiteral("\n\n") + StatementOutputArea::plainText(*statement.output);
    return text;
}

} // namespace LivyDesk
