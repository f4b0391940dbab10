// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationtoast.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMouseEvent>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {
constexpr int Margin = 12;
constexpr int Width = 380;
} // namespace

NotificationToast::NotificationToast(QWidget *host)
    : QFrame(host)
    , m_host(host)
{
    setObjectName(QStringLiteral("notificationToast"));
    setAccessibleName(QStringLiteral("Notification"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setFocusPolicy(Qt::NoFocus);
    setCursor(Qt::PointingHandCursor);

    m_icon = new QLabel(this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_title->setForegroundRole(QPalette::ToolTipText);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setForegroundRole(QPalette::ToolTipText);
    m_show = new QPushButton(QStringLiteral("&Show"), this);
    m_show->setAutoDefault(false);
    m_show->setFocusPolicy(Qt::TabFocus);
    m_dismiss = new QToolButton(this);
    m_dismiss->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setToolTip(QStringLiteral("Dismiss"));
    m_dismiss->setAccessibleName(QStringLiteral("Dismiss notification"));
    m_dismiss->setFocusPolicy(Qt::TabFocus);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(10, 8, 6, 8);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addLayout(texts, 1);
    row->addWidget(m_show, 0, Qt::AlignVCenter);
    row->addWidget(m_dismiss, 0, Qt::AlignTop);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(12000);
    connect(m_timer, &QTimer::timeout, this, &QWidget::hide);
    connect(m_show, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT activated(m_notification);
    });
    connect(m_dismiss, &QToolButton::clicked, this, &QWidget::hide);
    host->installEventFilter(this);
    hide();
}

void NotificationToast::showNotification(const Notification &notification)
{
    m_notification = notification;
    m_title->setText(notification.title);
    m_text->setText(notification.text);
    m_text->setVisible(!notification.text.isEmpty());
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) * 2;
    m_icon->setPixmap(style()
                          ->standardIcon(notification.problem ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation)
                          .pixmap(size, size));
    setAccessibleDescription(notification.title + QStringLiteral(". ") + notification.text);
    m_show->setAccessibleName(notification.target.statementId >= 0
                                  ? QStringLiteral("Show statement %1 of session %2")
                                        .arg(notification.target.statementId)
                                        .arg(notification.target.sessionId)
                                  : QStringLiteral("Show session %1").arg(notification.target.sessionId));
    setToolTip(notification.text);
    place();
    show();
    raise();
    m_timer->start();
}

QString NotificationToast::title() const
{
    return m_title->text();
}

QString NotificationToast::text() const
{
    return m_text->text();
}

void NotificationToast::setTimeout(int ms)
{
    m_timer->setInterval(ms);
}

void NotificationToast::place()
{
    const int width = qMin(Width, qMax(200, m_host->width() - 2 * Margin));
    const int height = heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height();
    int bottom = m_host->height() - Margin;
    if (auto *window = qobject_cast<QMainWindow *>(m_host); window && window->statusBar()->isVisible())
        bottom = window->statusBar()->geometry().top() - Margin;
    setGeometry(m_host->width() - width - Margin, qMax(0, bottom - height), width, height);
}

bool NotificationToast::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_host && event->type() == QEvent::Resize && isVisible())
        place();
    return QFrame::eventFilter(watched, event);
}

void NotificationToast::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        hide();
        Q_EMIT activated(m_notification);
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void NotificationToast::enterEvent(QEnterEvent *event)
{
    m_timer->stop(); // reading it: stay
    QFrame::enterEvent(event);
}

void NotificationToast::leaveEvent(QEvent *event)
{
    if (isVisible())
        m_timer->start();
    QFrame::leaveEvent(event);
}

} // namespace LivyDesk
