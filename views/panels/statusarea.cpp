// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusarea.h"

#include "livy/livyerror.h"
#include "messagebanner.h"
#include "statestyle.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

StatusArea::StatusArea(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(QStringLiteral("Status"));
    m_badge = new QLabel(this);
    m_activityLabel = new QLabel(this);
    m_activityLabel->setAccessibleName(QStringLiteral("Connection status"));
    m_identity = new QLabel(this);
    m_identity->setAccessibleName(tr("Signed in as"));
    m_identity->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_identity->hide();
    m_error = new QLabel(this);
    m_error->setAccessibleName(QStringLiteral("Last error"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setMinimumWidth(80);
    m_error->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_detailsButton = new QToolButton(this);
    m_detailsButton->setText(QStringLiteral("Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoRaise(true);
    m_detailsButton->setArrowType(Qt::UpArrow);
    m_detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsButton->setAccessibleName(QStringLiteral("Show error details"));
    m_clearButton = new QToolButton(this);
    m_clearButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_clearButton->setAutoRaise(true);
    m_clearButton->setToolTip(QStringLiteral("Dismiss the error"));
    m_clearButton->setAccessibleName(QStringLiteral("Dismiss error"));

    // The details pop up above the status bar as a tool window anchored to the button: not modal, Esc closes.
    m_detailsFrame = new QFrame(this, Qt::Tool | Qt::FramelessWindowHint);
    m_detailsFrame->setFrameShape(QFrame::StyledPanel);
    m_detailsFrame->setAccessibleName(QStringLiteral("Error details"));
    m_details = new QPlainTextEdit(m_detailsFrame);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setAccessibleName(QStringLiteral("Error details text"));
    auto *copy = new QPushButton(QStringLiteral("Copy"), m_detailsFrame);
    auto *close = new QPushButton(QStringLiteral("Close"), m_detailsFrame);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(copy);
    buttons->addWidget(close);
    auto *frameLayout = new QVBoxLayout(m_detailsFrame);
    frameLayout->addWidget(m_details, 1);
    frameLayout->addLayout(buttons);
    m_detailsFrame->resize(560, 240);
    m_detailsFrame->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_badge);
    layout->addWidget(m_activityLabel);
    layout->addWidget(m_identity);
    layout->addSpacing(12);
    layout->addWidget(m_error, 100);
    layout->addWidget(m_detailsButton);
    layout->addWidget(m_clearButton);
    layout->addStretch(1); // keeps the activity at the left while there is no error
    m_activityLabel->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);

    connect(m_detailsButton, &QToolButton::toggled, this, &StatusArea::setDetailsVisible);
    connect(m_clearButton, &QToolButton::clicked, this, &StatusArea::clearError);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(errorDetails()); });
    connect(close, &QPushButton::clicked, this, [this] { setDetailsVisible(false); });
    clearError();
    setActivity(Activity::Offline);
}

void StatusArea::setActivity(Activity activity, const QString &text)
{
    m_activity = activity;
    StateStyle::Tone tone = StateStyle::Tone::Neutral;
    QString fallback;
    switch (activity) {
    case Activity::Offline: fallback = QStringLiteral("Not connected"); break;
    case Activity::Connecting: tone = StateStyle::Tone::Waiting; fallback = QStringLiteral("Connecting…"); break;
    case Activity::Connected: tone = StateStyle::Tone::Good; fallback = QStringLiteral("Connected"); break;
    case Activity::Reconnecting: tone = StateStyle::Tone::Warning; fallback = QStringLiteral("Reconnecting…"); break;
    case Activity::Paused: fallback = QStringLiteral("Polling paused while the window is hidden"); break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize) * 3 / 4;
    m_badge->setPixmap(StateStyle::badge(tone, palette(), activity == Activity::Connecting
                                                              || activity == Activity::Reconnecting)
                           .pixmap(size, size));
    m_activityLabel->setText(text.isEmpty() ? fallback : text);
}

void StatusArea::setConnectionState(ServerBar::State state, const QString &detail, const QUrl &server)
{
    switch (state) {
    case ServerBar::State::Disconnected: setActivity(Activity::Offline); break;
    case ServerBar::State::Connecting:
        if (server.isEmpty() && !detail.isEmpty()) // e.g. a local Livy still starting
            setActivity(Activity::Connecting, detail.left(1).toUpper() + detail.mid(1));
        else
            setActivity(Activity::Connecting, QStringLiteral("Connecting to %1…").arg(server.toString()));
        break;
    case ServerBar::State::Connected: setActivity(Activity::Connected, QStringLiteral("Connected · polling")); break;
    case ServerBar::State::Reconnecting:
        setActivity(Activity::Reconnecting,
                    detail.isEmpty() ? QStringLiteral("Reconnecting…") : QStringLiteral("Reconnecting: %1").arg(detail));
        break;
    case ServerBar::State::Failed:
        setActivity(Activity::Offline,
                    detail.isEmpty() ? QStringLiteral("Not connected") : QStringLiteral("Not connected: %1").arg(detail));
        break;
    }
}

void StatusArea::setIdentity(const QString &text, const QString &detail)
{
    m_identity->setText(text.isEmpty() ? QString() : QStringLiteral("· ") + text);
    m_identity->setToolTip(detail);
    m_identity->setAccessibleDescription(detail);
    m_identity->setVisible(!text.isEmpty());
}

QString StatusArea::identityText() const
{
    return m_identity->text();
}

QString StatusArea::activityText() const
{
    return m_activityLabel->text();
}

void StatusArea::showError(const Livy::LivyError &error, const QString &context)
{
    m_errorTime = QDateTime::currentDateTime();
    m_errorTransient = error.isTransient();
    const QString line = context.isEmpty() ? error.message() : QStringLiteral("%1: %2").arg(context, error.message());
    m_error->setText(QStringLiteral("%1  %2").arg(m_errorTime.toString(QStringLiteral("HH:mm:ss")), line));
    m_error->setToolTip(line);
    QString details = line + QStringLiteral("\n\n") + MessageBanner::detailsFor(error);
    m_details->setPlainText(details);
    applyColours();
    m_error->setVisible(true);
    m_detailsButton->setVisible(true);
    m_clearButton->setVisible(true);
}

void StatusArea::clearTransientError()
{
    if (hasError() && m_errorTransient)
        clearError();
}

void StatusArea::clearError()
{
    m_errorTransient = false;
    m_error->clear();
    m_details->clear();
    m_error->setVisible(false);
    m_detailsButton->setVisible(false);
    m_clearButton->setVisible(false);
    setDetailsVisible(false);
}

QString StatusArea::errorText() const
{
    return m_error->toolTip().isEmpty() || !m_error->isVisibleTo(this) ? QString() : m_error->toolTip();
}

QString StatusArea::errorDetails() const
{
    return m_details->toPlainText();
}

bool StatusArea::hasError() const
{
    return !m_details->toPlainText().isEmpty();
}

bool StatusArea::isDetailsVisible() const
{
    return m_detailsFrame->isVisible();
}

void StatusArea::setDetailsVisible(bool visible)
{
    if (m_detailsButton->isChecked() != visible) {
        const QSignalBlocker blocker(m_detailsButton);
        m_detailsButton->setChecked(visible);
    }
    m_detailsButton->setArrowType(visible ? Qt::DownArrow : Qt::UpArrow);
    if (!visible) {
        m_detailsFrame->hide();
        return;
    }
    if (!hasError())
        return;
    const QPoint anchor = m_detailsButton->mapToGlobal(QPoint(m_detailsButton->width(), 0));
    m_detailsFrame->move(anchor.x() - m_detailsFrame->width(), anchor.y() - m_detailsFrame->height() - 4);
    m_detailsFrame->show();
    m_detailsFrame->raise();
    m_details->setFocus();
}

void StatusArea::applyColours()
{
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, StateStyle::colour(StateStyle::Tone::Bad, palette()));
    m_error->setPalette(pal);
}

} // namespace LivyDesk
