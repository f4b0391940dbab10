// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "freedesktopnotifications.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QGuiApplication>

namespace LivyDesk {

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
constexpr int MaxKept = 64;

QDBusMessage call(const QString &method)
{
    return QDBusMessage::createMethodCall(Service, Path, Interface, method);
}
} // namespace

FreedesktopNotifications::FreedesktopNotifications(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return; // no session bus: nothing to probe, never available
    bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint, QString)));
    bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
    auto *watcher = new QDBusServiceWatcher(Service, bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, [this] { probe(); });
    probe();
}

void FreedesktopNotifications::probe()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    auto *info = new QDBusPendingCallWatcher(bus.asyncCall(call(QStringLiteral("GetServerInformation"))), this);
    connect(info, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QString, QString, QString, QString> reply = *w;
        m_available = !reply.isError();
        m_serverName = m_available ? reply.argumentAt<0>() + QLatin1Char(' ') + reply.argumentAt<2>() : QString();
        Q_EMIT probed(m_available);
    });
    auto *caps = new QDBusPendingCallWatcher(bus.asyncCall(call(QStringLiteral("GetCapabilities"))), this);
    connect(caps, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        m_bodyMarkup = !reply.isError() && reply.value().contains(QStringLiteral("body-markup"));
    });
}

void FreedesktopNotifications::notify(const Notification &notification)
{
    QDBusMessage message = call(QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QGuiApplication::desktopFileName());
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue<uchar>(1)); // normal: news, never an alarm
    hints.insert(QStringLiteral("category"), notification.problem ? QStringLiteral("transfer.error")
                                                                  : QStringLiteral("transfer.complete"));
    const QString body = m_bodyMarkup ? notification.text.toHtmlEscaped() : notification.text;
    const QString icon = QGuiApplication::desktopFileName().isEmpty() ? QStringLiteral("dialog-information")
                                                                      : QGuiApplication::desktopFileName();
    message << QGuiApplication::applicationDisplayName() << uint(0) << icon << notification.title << body
            << QStringList{ QStringLiteral("default"), QStringLiteral("Show") } << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, notification](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError())
            return;
        m_shown.insert(reply.value(), notification);
        m_order.append(reply.value());
        while (m_order.size() > MaxKept)
            m_shown.remove(m_order.takeFirst());
    });
}

void FreedesktopNotifications::onActionInvoked(uint id, const QString &actionKey)
{
    Q_UNUSED(actionKey) // "default" (a click) or "Show": both open it
    const auto it = m_shown.constFind(id);
    if (it != m_shown.constEnd())
        Q_EMIT activated(*it);
}

void FreedesktopNotifications::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    m_shown.remove(id);
    m_order.removeOne(id);
}

} // namespace LivyDesk
