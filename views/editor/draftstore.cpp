// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "draftstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace LivyDesk {

DraftStore::DraftStore(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts")
                      : directory)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::milliseconds(800));
    connect(&m_timer, &QTimer::timeout, this, &DraftStore::flush);
}

DraftStore::~DraftStore()
{
    flush();
}

QString DraftStore::keyFor(const QUrl &server, const QString &session)
{
    QString base = server.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QLatin1Char('#') + session;
}

QString DraftStore::filePath(const QString &key) const
{
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_directory + QLatin1Char('/') + QString::fromLatin1(hash) + QStringLiteral(".json");
}

QString DraftStore::load(const QString &key) const
{
    const auto pending = m_pending.constFind(key);
    if (pending != m_pending.constEnd())
        return *pending;
    QFile file(filePath(key));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    // A hash collision (or a foreign file) must not hand one session's code to another.
    if (object.value(QStringLiteral("key")).toString() != key)
        return {};
    return object.value(QStringLiteral("text")).toString();
}

bool DraftStore::contains(const QString &key) const
{
    return !load(key).isEmpty();
}

void DraftStore::schedule(const QString &key, const QString &text)
{
    m_pending.insert(key, text);
    if (!m_timer.isActive())
        m_timer.start();
}

void DraftStore::flush()
{
    m_timer.stop();
    QHash<QString, QString> failed;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        QString error;
        if (!write(it.key(), it.value(), &error)) {
            failed.insert(it.key(), it.value());
            Q_EMIT saveFailed(it.key(), error);
        }
    }
    m_pending = failed;
}

void DraftStore::remove(const QString &key)
{
    m_pending.remove(key);
    QFile::remove(filePath(key));
}

void DraftStore::setDelay(std::chrono::milliseconds delay)
{
    m_timer.setInterval(delay);
}

std::chrono::milliseconds DraftStore::delay() const
{
    return m_timer.intervalAsDuration();
}

bool DraftStore::write(const QString &key, const QString &text, QString *errorText)
{
    const QString path = filePath(key);
    if (text.isEmpty()) {
        QFile::remove(path);
        return true;
    }
    if (!QDir().mkpath(m_directory)) {
        *errorText = QStringLiteral("Cannot create %1").arg(m_directory);
        return false;
    }
    QJsonObject object;
    object.insert(QStringLiteral("key"), key);
    object.insert(QStringLiteral("text"), text);
    object.insert(QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 || !file.commit()) {
        *errorText = file.errorString();
        return false;
    }
    return true;
}

} // namespace LivyDesk
