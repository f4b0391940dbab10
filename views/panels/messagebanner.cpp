// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include "livy/livyerror.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

MessageBanner::MessageBanner(QWidget *parent)
    : QWidget(parent)
{
    setAutoFillBackground(true);
    setAccessibleName(QStringLiteral("Message"));
    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_detailsButton = new QToolButton(this);
    m_detailsButton->setText(QStringLiteral("Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsButton->setArrowType(Qt::RightArrow);
    m_detailsButton->setAccessibleName(QStringLiteral("Show details"));
    m_detailsButton->setAutoRaise(true);
    m_closeButton = new QToolButton(this);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(QStringLiteral("Dismiss"));
    m_closeButton->setAccessibleName(QStringLiteral("Dismiss message"));
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setAccessibleName(QStringLiteral("Message details"));
    m_details->setMaximumHeight(160);
    m_details->setVisible(false);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    row->addWidget(m_detailsButton, 0, Qt::AlignTop);
    row->addWidget(m_closeButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_details);

    connect(m_detailsButton, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsButton->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_detailsButton->setAccessibleName(on ? QStringLiteral("Hide details") : QStringLiteral("Show details"));
    });
    connect(m_closeButton, &QToolButton::clicked, this, [this] {
        clear();
        Q_EMIT dismissed();
    });
    setVisible(false);
}

void MessageBanner::showMessage(Severity severity, const QString &text, const QString &details)
{
    m_severity = severity;
    m_text->setText(text);
    m_details->setPlainText(details);
    m_detailsButton->setVisible(!details.isEmpty());
    if (details.isEmpty())
        m_detailsButton->setChecked(false);
    const QStyle::StandardPixmap pixmap = severity == Severity::Error     ? QStyle::SP_MessageBoxCritical
                                          : severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                                          : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(size, size));
    setAccessibleDescription(text);
    applyColours();
    setVisible(true);
}

void MessageBanner::showError(const Livy::LivyError &error)
{
    showMessage(Severity::Error, error.message(), detailsFor(error));
}

QString MessageBanner::detailsFor(const Livy::LivyError &error)
{
    QStringList parts;
    QString head = Livy::LivyError::kindName(error.kind());
    if (error.httpStatus() > 0)
        head = QStringLiteral("HTTP %1 · %2").arg(error.httpStatus()).arg(head);
    if (!error.route().isEmpty())
        head += QStringLiteral(" · ") + error.route();
    parts.append(head);
    if (!error.serverText().isEmpty() && error.serverText() != error.message())
        parts.append(QStringLiteral("Server: ") + error.serverText());
    if (!error.rawBody().isEmpty())
        parts.append(QStringLiteral("Response body:\n") + QString::fromUtf8(error.rawBody()));
    return parts.join(QStringLiteral("\n\n"));
}

void MessageBanner::clear()
{
    m_text->clear();
    m_details->clear();
    m_detailsButton->setChecked(false);
    setVisible(false);
}

QString MessageBanner::text() const
{
    return m_text->text();
}

QString MessageBanner::details() const
{
    return m_details->toPlainText();
}

bool MessageBanner::isDetailsExpanded() const
{
    return m_detailsButton->isChecked();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColours();
}

void MessageBanner::applyColours()
{
    // Tinted from the window colour so it reads in light and dark palettes alike.
    m_applying = true;
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const bool dark = base.color(QPalette::Window).lightnessF() < 0.5;
    QColor tint;
    switch (m_severity) {
    case Severity::Error: tint = dark ? QColor(0x5c, 0x1f, 0x1f) : QColor(0xfd, 0xe2, 0xe1); break;
    case Severity::Warning: tint = dark ? QColor(0x56, 0x42, 0x10) : QColor(0xfd, 0xf1, 0xd0); break;
    case Severity::Information: tint = dark ? QColor(0x1c, 0x3a, 0x5a) : QColor(0xdd, 0xec, 0xfb); break;
    }
    QPalette pal = base;
    pal.setColor(QPalette::Window, tint);
    pal.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    setPalette(pal);
    m_applying = false;
}

} // namespace LivyDesk
