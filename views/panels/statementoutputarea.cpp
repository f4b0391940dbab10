// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statementoutputarea.h"

#include "items/statementlistmodel.h"
#include "livy/outcome.h"
#include "output/outputview.h"
#include "results/dataframetable.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {
QString clock(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs).toString(QStringLiteral("HH:mm:ss"));
}
} // namespace

StatementOutputArea::StatementOutputArea(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Statement output"));
    m_note = new QWidget(this);
    m_note->setObjectName(QStringLiteral("statementNote"));
    m_note->setAutoFillBackground(true);
    m_noteText = new QLabel(m_note);
    m_noteText->setWordWrap(true);
    m_noteText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_noteText->setAccessibleName(tr("Statement note"));
    m_noteButton = new QPushButton(m_note);
    m_noteButton->setAccessibleName(tr("Show the server's text"));
    auto *noteLayout = new QHBoxLayout(m_note);
    noteLayout->setContentsMargins(8, 4, 8, 4);
    noteLayout->addWidget(m_noteText, 1);
    noteLayout->addWidget(m_noteButton, 0, Qt::AlignTop);
    m_note->hide();
    connect(m_noteButton, &QPushButton::clicked, this, [this] {
        if (!m_dataFrameCode.isEmpty()) {
            Q_EMIT runRequested(m_dataFrameCode, m_dataFrameLanguage);
            return;
        }
        if (!m_serverText)
            return;
        // Toggle between the readable account and what the server sent.
        if (m_shown && *m_shown == *m_serverText) {
            m_shown.reset();
            m_plain = m_cancelAccount;
            m_view->showPlaceholder(OutputView::Placeholder::Cancelled, m_cancelAccount);
            m_noteButton->setText(tr("Show the server's text"));
        } else {
            showOutput(*m_serverText);
            m_noteButton->setText(tr("Hide the server's text"));
        }
    });

    m_view = new OutputView(this);
    m_view->setAccessibleName(tr("Output"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);
    connect(m_view, &OutputView::statusMessage, this, &StatementOutputArea::statusMessage);
    connect(m_view, &OutputView::pageOnServerRequested, this, &StatementOutputArea::pageOnServerRequested);
    clear(QString());
}

QString StatementOutputArea::plainText(const Livy::StatementOutput &output)
{
    if (output.isError()) {
        QString text = output.ename + QStringLiteral(": ") + output.evalue;
        // Python's traceback lines end with a newline, Scala's and R's do not.
        for (const QString &line : output.traceback)
            text += (text.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n")) + line;
        return text.trimmed();
    }
    const QJsonValue plain = output.data.value(Livy::Mime::TextPlain);
    if (plain.isString() && !plain.toString().isEmpty())
        return plain.toString();
    for (auto it = output.data.constBegin(); it != output.data.constEnd(); ++it) {
        if (it.key() == Livy::Mime::ImagePng)
            continue;
        const QJsonValue v = it.value();
        if (v.isObject())
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented));
        if (v.isArray())
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented));
        return v.toVariant().toString();
    }
    return output.data.contains(Livy::Mime::ImagePng) ? QStringLiteral("(image)") : QString();
}

void StatementOutputArea::setNote(const QString &text, const QString &button)
{
    m_noteText->setText(text);
    m_note->setVisible(!text.isEmpty());
    m_noteButton->setText(button);
    m_noteButton->setVisible(!button.isEmpty());
    if (!text.isEmpty()) {
        QPalette pal = m_note->palette();
        pal.setColor(QPalette::Window, palette().color(QPalette::AlternateBase));
        m_note->setPalette(pal);
    }
}

void StatementOutputArea::clear(const QString &message)
{
    m_shown.reset();
    m_serverText.reset();
    m_plain.clear();
    setNote({});
    m_view->showPlaceholder(OutputView::Placeholder::Empty, message);
}

void StatementOutputArea::showOutput(const Livy::StatementOutput &output)
{
    // Polls repeat the same output: parse it once.
    if (m_shown && *m_shown == output)
        return;
    m_shown = output;
    m_plain = plainText(output);
    m_view->setOutput(output);
}

void StatementOutputArea::showPlaceholderFor(const Livy::Statement &s, const StatementContext &context)
{
    using S = Livy::StatementState;
    m_shown.reset();
    m_plain.clear();
    const QString running = context.elapsedMs >= 0
        ? tr("Statement %1 · running for %2").arg(s.id).arg(Livy::StatementListModel::formatDuration(context.elapsedMs))
        : tr("Statement %1").arg(s.id);
    switch (s.state) {
    case S::Waiting: {
        QString detail;
        if (context.aheadId >= 0 && context.aheadStillRunning)
            detail = tr("Statement %1 was cancelled, but its code could not be interrupted and is still running on the "
                        "driver. This statement starts when it ends.").arg(context.aheadId);
        else if (context.aheadId >= 0)
            detail = tr("Statement %1 runs first: Livy runs one statement at a time per session.").arg(context.aheadId);
        else
            detail = tr("Statement %1").arg(s.id);
        m_view->showPlaceholder(OutputView::Placeholder::Waiting, detail);
        return;
    }
    case S::Running: m_view->showPlaceholder(OutputView::Placeholder::Running, running, s.progress); return;
    case S::Cancelling:
        m_view->showPlaceholder(OutputView::Placeholder::Cancelling,
                                tr("Livy is cancelling the statement's Spark jobs. It stops trying after its cancel "
                                   "timeout (livy.rsc.job-cancel.timeout, 30 s by default)."));
        return;
    case S::Cancelled:
        if (context.stillRunning) {
            m_view->showPlaceholder(
                OutputView::Placeholder::Running,
                tr("Livy can cancel only Spark jobs, and this code runs on the driver (for example time.sleep or a "
                   "local loop), so it could not be interrupted. It keeps running%1, and the statements after it wait "
                   "until it ends. Its final output will appear here.")
                    .arg(context.elapsedMs >= 0 ? tr(" (%1 so far)").arg(Livy::StatementListModel::formatDuration(context.elapsedMs))
                                                : QString()),
                -1, tr("Cancelled, but the code is still running"));
        } else {
            m_view->showPlaceholder(OutputView::Placeholder::Cancelled,
                                    s.started > 0 ? tr("Statement %1").arg(s.id)
                                                  : tr("Statement %1 was cancelled before it ran.").arg(s.id));
        }
        return;
    default:
        m_view->showPlaceholder(OutputView::Placeholder::Empty, tr("Statement %1 has no output.").arg(s.id));
        return;
    }
}

void StatementOutputArea::setStatement(const Livy::Statement &s, const StatementContext &context)
{
    const Livy::Outcome outcome = Livy::outcomeOf(s);
    m_dataFrameCode.clear();
    if (context.local) {
        m_shown.reset();
        m_serverText.reset();
        m_plain.clear();
        setNote({});
        m_view->showPlaceholder(OutputView::Placeholder::Waiting,
                                tr("The server has not acknowledged this run yet. While it is queued, Ctrl+. takes it "
                                   "back."),
                                -1, s.stateName.left(1).toUpper() + s.stateName.mid(1));
        return;
    }
    if (context.vanished) {
        m_shown.reset();
        m_serverText.reset();
        m_plain.clear();
        setNote({});
        // Cut off by its session's end, or forgotten by the server (retention, a restarted session).
        m_view->showPlaceholder(OutputView::Placeholder::Empty,
                                context.sessionOver
                                    ? tr("The session ended (or is gone) before statement %1 finished; Livy keeps no "
                                         "result of a session's unfinished statements, so none will come. The session "
                                         "log (Log tab) shows its last lines; Recreate makes a new session.")
                                          .arg(s.id)
                                    : tr("Livy keeps the newest statements of a session (livy.rsc.retained-statements, "
                                         "100 by default) and forgets them all when the session restarts; it answered "
                                         "\"Statement not found\" for statement %1, so LivyDesk no longer waits for it.")
                                          .arg(s.id),
                                -1,
                                context.sessionOver ? tr("This statement did not finish.")
                                                    : tr("The server no longer has this statement."));
        return;
    }
    if (outcome == Livy::Outcome::Cancelled && s.output) {
        // Spark's account of the cancelled job: a cancellation, not the user's error. The server's text is one
        // click away.
        const bool sameOutput = m_serverText && *m_serverText == *s.output;
        if (sameOutput && m_shown && *m_shown == *s.output)
            return; // the user is looking at the server's text
        m_serverText = s.output;
        m_shown.reset();
        m_cancelAccount = tr("Spark stopped the statement's job: %1.").arg(Livy::sparkCancellationLine(*s.output));
        m_plain = m_cancelAccount;
        m_view->showPlaceholder(OutputView::Placeholder::Cancelled, m_cancelAccount);
        setNote(tr("Statement %1 was cancelled. The server reported the cancelled Spark job as an error; that is "
                   "the cancellation, not a failure of your code.").arg(s.id),
                tr("Show the server's text"));
        return;
    }
    m_serverText.reset();
    if (outcome == Livy::Outcome::CancelledRanOn && s.output) {
        const qint64 duration = s.started > 0 && s.completed >= s.started ? s.completed - s.started : -1;
        setNote(tr("Statement %1 was cancelled, but Livy could not interrupt its code: it ran to the end (started %2, "
                   "ended %3, %4). This is what it produced.")
                    .arg(s.id)
                    .arg(s.started > 0 ? clock(s.started) : tr("?"), s.completed > 0 ? clock(s.completed) : tr("?"),
                         Livy::StatementListModel::formatDuration(duration)));
        showOutput(*s.output);
        return;
    }
    setNote({});
    if (!s.output || outcome == Livy::Outcome::Pending) {
        showPlaceholderFor(s, context);
        return;
    }
    if (s.output->isError() && s.output->ename == QLatin1String("InterpreterError") && !context.failure.isEmpty()) {
        setNote(tr("Livy could not start the interpreter for this statement. From the session log: %1")
                    .arg(context.failure.join(QStringLiteral(" · "))));
    } else if (const std::optional<Livy::DataFrameHint> hint = Livy::dataFrameHint(s, context.language)) {
        m_dataFrameCode = Livy::dataFrameTableCode(hint->name, hint->language);
        m_dataFrameLanguage = hint->language;
        setNote(tr("This is the description of the DataFrame %1, not its rows (Livy's %table wants a list of rows).")
                    .arg(hint->name),
                tr("Show %1 as a table").arg(hint->name));
    }
    showOutput(*s.output);
}

QString StatementOutputArea::text() const
{
    const QString placeholder = m_view->placeholderText();
    return m_shown && placeholder.isEmpty() ? m_plain : placeholder;
}

QString StatementOutputArea::detailText() const
{
    return m_view->placeholderDetail();
}

QString StatementOutputArea::noteText() const
{
    return m_note->isHidden() ? QString() : m_noteText->text();
}

bool StatementOutputArea::isOutputShown() const
{
    return m_shown.has_value() && !m_view->isPreparing() && m_view->placeholderText().isEmpty();
}

} // namespace LivyDesk
