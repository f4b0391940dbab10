// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recreatesessiondialog.h"

#include "panels/messagebanner.h"
#include "panels/statestyle.h"
#include "requestbodyeditor.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {

/// The first non-empty line of some code, for a one-line row (the whole code is in the tooltip).
QString firstLine(const QString &code)
{
    const QStringList lines = code.split(QLatin1Char('\n'));
    for (const QString &line : lines)
        if (!line.trimmed().isEmpty())
            return lines.size() > 1 ? line.trimmed() + QStringLiteral(" …") : line.trimmed();
    return {};
}

QPushButton *button(const QString &text, const QString &accessibleName, const QString &objectName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setAccessibleName(accessibleName);
    b->setObjectName(objectName);
    b->setAutoDefault(false);
    return b;
}

} // namespace

RecreateSessionDialog::RecreateSessionDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("RecreateSessionDialog"));
    setWindowTitle(tr("Recreate Session"));
    setAccessibleName(tr("Recreate session"));
    resize(820, 560);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    // --- the plan
    auto *plan = new QWidget(this);
    m_planBanner = new MessageBanner(plan);
    m_planBanner->setObjectName(QStringLiteral("planError"));
    auto *bodyLabel = new QLabel(tr("&Request body (POST /sessions), as it was sent; change it if needed:"), plan);
    m_body = new RequestBodyEditor(plan);
    m_body->setReadOnly(false);
    bodyLabel->setBuddy(m_body->textEdit());
    auto *setupLabel = new QLabel(tr("Setup statements to &replay, in order:"), plan);
    m_setup = new QListWidget(plan);
    m_setup->setObjectName(QStringLiteral("setupToReplay"));
    m_setup->setAccessibleName(tr("Setup statements to replay"));
    m_setup->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setupLabel->setBuddy(m_setup);
    m_setupNote = new QLabel(plan);
    m_setupNote->setWordWrap(true);
    m_setupNote->setForegroundRole(QPalette::PlaceholderText);
    auto *left = new QWidget(plan);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(bodyLabel);
    leftLayout->addWidget(m_body, 1);
    auto *right = new QWidget(plan);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(setupLabel);
    rightLayout->addWidget(m_setup, 1);
    rightLayout->addWidget(m_setupNote);
    auto *split = new QSplitter(Qt::Horizontal, plan);
    split->setChildrenCollapsible(false);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({ 420, 380 });
    auto *planLayout = new QVBoxLayout(plan);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->addWidget(m_planBanner);
    planLayout->addWidget(split, 1);

    // --- the run
    auto *run = new QWidget(this);
    m_phase = new QLabel(run);
    m_phase->setObjectName(QStringLiteral("phase"));
    m_phase->setAccessibleName(tr("Recreation phase"));
    m_phase->setWordWrap(true);
    m_steps = new QTreeWidget(run);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setAccessibleName(tr("Setup steps"));
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setHeaderLabels({ tr("#"), tr("Code"), tr("State") });
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_steps->header()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_steps->header()->resizeSection(2, fontMetrics().horizontalAdvance(QStringLiteral("running (100 %)")) + 24);
    m_failure = new MessageBanner(run);
    m_failure->setObjectName(QStringLiteral("stepError"));
    auto *runLayout = new QVBoxLayout(run);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(m_phase);
    runLayout->addWidget(m_steps, 1);
    runLayout->addWidget(m_failure);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(plan);
    m_pages->addWidget(run);

    m_start = button(tr("&Recreate"), tr("Recreate the session"), QStringLiteral("start"), this);
    m_start->setDefault(true);
    m_start->setAutoDefault(true);
    m_retry = button(tr("Re&try"), tr("Retry the failed step"), QStringLiteral("retry"), this);
    m_skip = button(tr("&Skip Step"), tr("Skip the failed step and go on"), QStringLiteral("skip"), this);
    m_editBody = button(tr("&Edit Body…"), tr("Edit the request body and try again"), QStringLiteral("editBody"), this);
    m_cancel = button(tr("Cancel"), tr("Cancel"), QStringLiteral("cancel"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton *b : { m_editBody, m_skip, m_retry, m_start, m_cancel })
        buttons->addWidget(b);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buttons);

    connect(m_body, &RequestBodyEditor::edited, this, &RecreateSessionDialog::updateStart);
    connect(m_start, &QPushButton::clicked, this, [this] {
        const std::optional<Livy::CreateSessionRequest> r = request();
        if (!r || !m_body->isValid())
            return;
        m_planBanner->clear();
        Q_EMIT startRequested(*r, checkedSetup());
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_failure->clear();
        setRunning(true);
        Q_EMIT retryRequested();
    });
    connect(m_skip, &QPushButton::clicked, this, [this] {
        m_failure->clear();
        setRunning(true);
        Q_EMIT skipRequested();
    });
    connect(m_editBody, &QPushButton::clicked, this, [this] { showPlanProblem(m_failure->text(), m_failure->details()); });
    connect(m_cancel, &QPushButton::clicked, this, &RecreateSessionDialog::reject);

    m_pages->setCurrentIndex(0);
    m_retry->hide();
    m_skip->hide();
    m_editBody->hide();
    m_failure->clear();
    updateStart();
}

RecreateSessionDialog::~RecreateSessionDialog() = default;

void RecreateSessionDialog::setHeading(const QString &text)
{
    m_heading->setText(text);
    m_heading->setVisible(!text.isEmpty());
}

void RecreateSessionDialog::setRequest(const Livy::CreateSessionRequest &request)
{
    m_body->setRequest(request);
    updateStart();
}

void RecreateSessionDialog::setSetup(const QList<Livy::SetupStatement> &setup)
{
    m_allSetup = setup;
    m_setup->clear();
    for (int i = 0; i < setup.size(); ++i) {
        const Livy::SetupStatement &s = setup.at(i);
        auto *item = new QListWidgetItem(QStringLiteral("%1. %2").arg(i + 1).arg(firstLine(s.code)), m_setup);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setToolTip(s.kind.isEmpty() ? s.code : QStringLiteral("[%1]\n%2").arg(s.kind, s.code));
    }
    m_setupNote->setText(setup.isEmpty()
                             ? tr("This session has no setup statements. Mark statements as setup (right-click a "
                                  "statement, or in the History panel) and they run again in a recreated session.")
                             : tr("Unchecked statements are not run. They run one at a time and the run stops at the "
                                  "first that fails."));
}

std::optional<Livy::CreateSessionRequest> RecreateSessionDialog::request() const
{
    return m_body->request();
}

QList<Livy::SetupStatement> RecreateSessionDialog::checkedSetup() const
{
    QList<Livy::SetupStatement> checked;
    for (int i = 0; i < m_setup->count() && i < m_allSetup.size(); ++i)
        if (m_setup->item(i)->checkState() == Qt::Checked)
            checked.append(m_allSetup.at(i));
    return checked;
}

void RecreateSessionDialog::showPlanProblem(const QString &message, const QString &details)
{
    setRunning(false);
    m_pages->setCurrentIndex(0);
    if (!message.isEmpty())
        m_planBanner->showMessage(MessageBanner::Severity::Error, message, details);
    m_retry->hide();
    m_skip->hide();
    m_editBody->hide();
    m_start->show();
    m_start->setText(tr("&Try Again"));
    m_cancel->setText(tr("Cancel"));
    m_body->textEdit()->setFocus(Qt::OtherFocusReason);
    updateStart();
}

void RecreateSessionDialog::showProgress(const QList<Livy::SetupStatement> &steps)
{
    m_pages->setCurrentIndex(1);
    m_steps->clear();
    for (int i = 0; i < steps.size(); ++i) {
        auto *item = new QTreeWidgetItem(m_steps, { QString::number(i + 1), firstLine(steps.at(i).code), tr("waiting") });
        item->setToolTip(1, steps.at(i).code);
        item->setIcon(0, StateStyle::badge(StateStyle::Tone::Waiting, palette()));
    }
    m_failure->clear();
    m_start->hide();
    m_retry->hide();
    m_skip->hide();
    m_editBody->hide();
    setRunning(true);
}

void RecreateSessionDialog::setPhaseText(const QString &text)
{
    m_phase->setText(text);
}

void RecreateSessionDialog::setStepState(int index, const QString &state, StepTone tone)
{
    QTreeWidgetItem *item = m_steps->topLevelItem(index);
    if (!item)
        return;
    item->setText(2, state);
    StateStyle::Tone t = StateStyle::Tone::Neutral;
    switch (tone) {
    case StepTone::Waiting: t = StateStyle::Tone::Waiting; break;
    case StepTone::Running: t = StateStyle::Tone::Active; break;
    case StepTone::Done: t = StateStyle::Tone::Good; break;
    case StepTone::Failed: t = StateStyle::Tone::Bad; break;
    case StepTone::Skipped: t = StateStyle::Tone::Neutral; break;
    }
    item->setForeground(2, tone == StepTone::Skipped ? palette().color(QPalette::PlaceholderText)
                                                     : QBrush(StateStyle::colour(t, palette())));
    item->setIcon(0, StateStyle::badge(t, palette(), tone == StepTone::Running));
    if (tone == StepTone::Running)
        m_steps->scrollToItem(item);
}

void RecreateSessionDialog::showFailure(const QString &line, const QString &details, bool canRetry, bool canSkip,
                                        bool canEditBody)
{
    setRunning(false);
    m_failure->showMessage(MessageBanner::Severity::Error, line, details);
    m_retry->setVisible(canRetry);
    m_skip->setVisible(canSkip);
    m_editBody->setVisible(canEditBody);
    m_cancel->setText(tr("Close"));
    if (canRetry)
        m_retry->setFocus(Qt::OtherFocusReason);
    else if (canEditBody)
        m_editBody->setFocus(Qt::OtherFocusReason);
}

void RecreateSessionDialog::showFinished(const QString &text, bool ok)
{
    setRunning(false);
    m_phase->setText(text);
    if (ok)
        m_failure->clear();
    m_retry->hide();
    m_skip->hide();
    m_editBody->hide();
    m_cancel->setText(tr("Close"));
    m_cancel->setFocus(Qt::OtherFocusReason);
}

void RecreateSessionDialog::reject()
{
    if (m_running)
        Q_EMIT cancelRequested();
    QDialog::reject();
}

void RecreateSessionDialog::updateStart()
{
    m_start->setEnabled(!m_running && m_body->isValid() && m_body->request().has_value());
    m_start->setToolTip(m_body->isValid() ? QString() : m_body->problems().join(QLatin1Char('\n')));
}

void RecreateSessionDialog::setRunning(bool running)
{
    m_running = running;
    m_cancel->setText(running ? tr("Cancel") : m_cancel->text());
    m_cancel->setToolTip(running ? tr("Stop; a session already made stays on the server") : QString());
    updateStart();
}

} // namespace LivyDesk
