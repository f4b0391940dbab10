// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationmenu.h"

#include "notificationcenter.h"

#include <QInputDialog>
#include <QPointer>
#include <QSpinBox>

namespace LivyDesk {

namespace {
QString secondsText(std::chrono::milliseconds ms)
{
    const qint64 s = std::chrono::duration_cast<std::chrono::seconds>(ms).count();
    if (s >= 60 && s % 60 == 0)
        return QStringLiteral("%1 min").arg(s / 60);
    return QStringLiteral("%1 s").arg(qMax<qint64>(1, s));
}
} // namespace

NotificationMenu::NotificationMenu(NotificationCenter *center, QWidget *parent)
    : QMenu(QStringLiteral("&Notifications"), parent)
    , m_center(center)
{
    setObjectName(QStringLiteral("notificationsMenu"));
    setToolTipsVisible(true);
    const auto addKind = [this](NotificationKind kind, const QString &tip) {
        QAction *action = addAction(QString());
        action->setCheckable(true);
        action->setObjectName(QStringLiteral("notify_") + notificationKindName(kind));
        action->setStatusTip(tip);
        action->setToolTip(tip);
        connect(action, &QAction::toggled, this, [this, kind](bool on) {
            NotificationPreferences p = m_center->preferences();
            p.setEnabled(kind, on);
            m_center->setPreferences(p);
        });
        m_kinds.insert(kind, action);
    };
    addKind(NotificationKind::LongStatementFinished,
            QStringLiteral("Tell me when a statement that ran longer than the threshold finishes, and how"));
    m_threshold = addAction(QStringLiteral("Long Statement &Threshold…"), this, &NotificationMenu::editThreshold);
    m_threshold->setStatusTip(QStringLiteral("How long a statement must run before its end is news"));
    addKind(NotificationKind::SessionReady, QStringLiteral("Tell me when a session becomes idle after starting"));
    addKind(NotificationKind::SessionEnded,
            QStringLiteral("Tell me when an open session dies, ends, or is deleted elsewhere"));
    addKind(NotificationKind::SessionExpiring,
            QStringLiteral("Tell me before Livy may end an open session (its idle timeout, ttl or heartbeat)"));
    addSeparator();
    m_last = addAction(QStringLiteral("&Go to Last Notification"), m_center, &NotificationCenter::activateLast);
    m_last->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    m_last->setStatusTip(QStringLiteral("Show the session and statement of the last notification"));
    if (parent)
        parent->addAction(m_last); // its shortcut works with the menu closed
    connect(m_center, &NotificationCenter::preferencesChanged, this, &NotificationMenu::sync);
    connect(m_center, &NotificationCenter::posted, this, [this] { m_last->setEnabled(m_center->last().has_value()); });
    sync();
}

void NotificationMenu::sync()
{
    const NotificationPreferences p = m_center->preferences();
    const QHash<NotificationKind, QString> texts{
        { NotificationKind::LongStatementFinished,
          QStringLiteral("&Statements that Ran %1 or More").arg(secondsText(p.longStatementThreshold)) },
        { NotificationKind::SessionReady, QStringLiteral("Sessions &Ready after Starting") },
        { NotificationKind::SessionEnded, QStringLiteral("Sessions that &Ended or Are Gone") },
        { NotificationKind::SessionExpiring, QStringLiteral("Sessions About to E&xpire") },
    };
    for (auto it = m_kinds.cbegin(); it != m_kinds.cend(); ++it) {
        const QSignalBlocker block(it.value());
        it.value()->setText(texts.value(it.key()));
        it.value()->setChecked(p.isEnabled(it.key()));
    }
    m_threshold->setEnabled(p.longStatement);
    m_last->setEnabled(m_center->last().has_value());
}

void NotificationMenu::editThreshold()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    // Non-modal (open(), never exec()): no nested event loop.
    auto *dialog = new QInputDialog(parentWidget());
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QStringLiteral("Long Statements"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setLabelText(QStringLiteral("Notify when a statement that ran at least this long finishes (seconds):"));
    dialog->setIntRange(1, 24 * 3600);
    dialog->setIntStep(5);
    dialog->setIntValue(int(std::chrono::duration_cast<std::chrono::seconds>(m_center->preferences().longStatementThreshold).count()));
    if (auto *spin = dialog->findChild<QSpinBox *>())
        spin->setAccessibleName(QStringLiteral("Long statement threshold in seconds"));
    connect(dialog, &QInputDialog::intValueSelected, this, [this](int seconds) {
        NotificationPreferences p = m_center->preferences();
        p.longStatementThreshold = std::chrono::seconds(seconds);
        m_center->setPreferences(p);
    });
    connect(dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    dialog->open();
}

} // namespace LivyDesk
