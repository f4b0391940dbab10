// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "leasewarningbar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace LivyDesk {

LeaseWarningBar::LeaseWarningBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("leaseWarning"));
    setAccessibleName(tr("Session expiry warning"));
    setAutoFillBackground(true);
    m_icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keepAlive = new QToolButton(this);
    m_keepAlive->setObjectName(QStringLiteral("keepAlive"));
    m_keepAlive->setText(tr("&Keep Alive"));
    m_keepAlive->setAccessibleName(tr("Keep the session alive"));
    m_keepAlive->setToolTip(tr("Tell the server the session is in use now (and keep doing so while its tab is open)"));
    m_dismiss = new QToolButton(this);
    m_dismiss->setObjectName(QStringLiteral("dismissLeaseWarning"));
    m_dismiss->setText(QStringLiteral("✕"));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setAccessibleName(tr("Dismiss the expiry warning"));
    m_dismiss->setToolTip(tr("Dismiss (Esc)"));
    m_dismiss->setShortcut(QKeySequence(Qt::Key_Escape));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_keepAlive, 0, Qt::AlignVCenter);
    layout->addWidget(m_dismiss, 0, Qt::AlignVCenter);
    connect(m_keepAlive, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT keepAliveRequested();
    });
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    hide();
}

void LeaseWarningBar::showWarning(const QString &text, const QString &details, bool canKeepAlive)
{
    m_text->setText(text);
    m_text->setToolTip(details);
    setToolTip(details);
    m_keepAlive->setVisible(canKeepAlive);
    applyColours();
    show();
}

QString LeaseWarningBar::text() const
{
    return isVisibleTo(parentWidget()) ? m_text->text() : QString();
}

void LeaseWarningBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (!m_applying && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        applyColours();
}

void LeaseWarningBar::applyColours()
{
    // The warning tint of MessageBanner, from the window colour, so it reads in light and dark palettes.
    m_applying = true;
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const bool dark = base.color(QPalette::Window).lightnessF() < 0.5;
    QPalette pal = base;
    pal.setColor(QPalette::Window, dark ? QColor(0x56, 0x42, 0x10) : QColor(0xfd, 0xf1, 0xd0));
    pal.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    setPalette(pal);
    m_applying = false;
}

} // namespace LivyDesk
