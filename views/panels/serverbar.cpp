// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverbar.h"

#include "icons.h"
#include "statestyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace LivyDesk {

ServerBar::ServerBar(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(QStringLiteral("Server"));
    auto *label = new QLabel(QStringLiteral("Ser&ver:"), this);
    m_chooser = new QComboBox(this);
    m_chooser->setAccessibleName(QStringLiteral("Server profile"));
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chooser->setMinimumContentsLength(18);
    label->setBuddy(m_chooser);
    m_badge = new QLabel(this);
    m_status = new QLabel(this);
    m_status->setAccessibleName(QStringLiteral("Server status"));
    m_insecure = new QLabel(this);
    m_insecure->setText(QStringLiteral("⚠ TLS verification off"));
    m_insecure->setToolTip(QStringLiteral("This profile does not verify the server's certificate: anyone on the "
                                          "network path could read or change the traffic, passwords included."));
    m_insecure->setAccessibleName(QStringLiteral("Warning: TLS verification is off"));
    m_insecure->setAutoFillBackground(true);
    m_insecure->setContentsMargins(6, 1, 6, 1);
    m_insecure->setVisible(false);
    m_manage = new QToolButton(this);
    m_manage->setIcon(appIcon(AppIcon::Settings));
    m_manage->setToolTip(QStringLiteral("Manage server profiles"));
    m_manage->setAccessibleName(QStringLiteral("Manage servers"));
    m_manage->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(label);
    layout->addWidget(m_chooser);
    layout->addWidget(m_manage);
    layout->addWidget(m_badge);
    layout->addWidget(m_status);
    layout->addWidget(m_insecure);

    connect(m_chooser, &QComboBox::activated, this, [this](int index) {
        const QString id = m_chooser->itemData(index).toString();
        updateText();
        Q_EMIT profileSelected(id);
    });
    connect(m_manage, &QToolButton::clicked, this, &ServerBar::manageRequested);
    updateText();
}

void ServerBar::setProfiles(const QList<ServerProfile> &profiles, const QString &currentId)
{
    m_profiles = profiles;
    const QSignalBlocker blocker(m_chooser);
    m_chooser->clear();
    for (const ServerProfile &p : profiles) {
        m_chooser->addItem(appIcon(AppIcon::Server), p.displayName(), p.id);
        m_chooser->setItemData(m_chooser->count() - 1, p.url.toString(), Qt::ToolTipRole);
    }
    m_chooser->setCurrentIndex(m_chooser->findData(currentId));
    updateText();
}

QString ServerBar::currentProfileId() const
{
    return m_chooser->currentData().toString();
}

ServerProfile ServerBar::currentProfile() const
{
    const QString id = currentProfileId();
    for (const ServerProfile &p : m_profiles)
        if (p.id == id)
            return p;
    return {};
}

void ServerBar::setState(State state, const QString &detail)
{
    m_state = state;
    m_detail = detail;
    updateText();
}

void ServerBar::setServerVersion(const QString &version)
{
    m_version = version;
    updateText();
}

QString ServerBar::statusText() const
{
    return m_status->text();
}

bool ServerBar::isInsecureWarningVisible() const
{
    return !m_insecure->isHidden();
}

void ServerBar::updateText()
{
    StateStyle::Tone tone = StateStyle::Tone::Neutral;
    QString text;
    switch (m_state) {
    case State::Disconnected: text = QStringLiteral("Not connected"); break;
    case State::Connecting: tone = StateStyle::Tone::Waiting; text = QStringLiteral("Connecting…"); break;
    case State::Connected: tone = StateStyle::Tone::Good; text = QStringLiteral("Connected"); break;
    case State::Reconnecting: tone = StateStyle::Tone::Warning; text = QStringLiteral("Reconnecting…"); break;
    case State::Failed: tone = StateStyle::Tone::Bad; text = QStringLiteral("Cannot connect"); break;
    }
    if (!m_version.isEmpty() && (m_state == State::Connected || m_state == State::Reconnecting))
        text += QStringLiteral(" · Livy %1").arg(m_version);
    m_status->setText(text);
    const ServerProfile profile = currentProfile();
    m_status->setToolTip(QStringList({ profile.url.toString(), m_detail }).join(QLatin1Char('\n')).trimmed());
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize) * 3 / 4;
    m_badge->setPixmap(StateStyle::badge(tone, palette(), m_state == State::Connecting || m_state == State::Reconnecting)
                           .pixmap(size, size));
    m_insecure->setVisible(profile.isInsecure());
    QPalette pal = m_insecure->palette();
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    pal.setColor(QPalette::Window, dark ? QColor(0x7a, 0x1f, 0x1f) : QColor(0xfd, 0xd8, 0xd6));
    pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe0, 0xdd) : QColor(0x8a, 0x10, 0x10));
    m_insecure->setPalette(pal);
}

} // namespace LivyDesk
