// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionpresetstore.h"

#include "settingsschema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace LivyDesk {

namespace {
const QString group = SettingsKeys::presets();
const QString lastUsedKey = SettingsKeys::lastCreateRequest();

std::optional<Livy::CreateSessionRequest> decode(const QVariant &value)
{
    if (!value.isValid())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return Livy::CreateSessionRequest::fromJson(doc.object());
}

QString encode(Livy::CreateSessionRequest request)
{
    request.name.reset();
    return QString::fromUtf8(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact));
}
} // namespace

QStringList SessionPresetStore::names() const
{
    QSettings settings;
    settings.beginGroup(group);
    QStringList keys = settings.childKeys();
    settings.endGroup();
    // QSettings keys cannot hold every character; names are stored percent-encoded.
    QStringList result;
    for (const QString &key : keys)
        result.append(QString::fromUtf8(QByteArray::fromPercentEncoding(key.toLatin1())));
    result.sort(Qt::CaseInsensitive);
    return result;
}

static QString storageKey(const QString &name)
{
    return group + QLatin1Char('/') + QString::fromLatin1(name.toUtf8().toPercentEncoding());
}

std::optional<Livy::CreateSessionRequest> SessionPresetStore::load(const QString &name) const
{
    return decode(QSettings().value(storageKey(name)));
}

void SessionPresetStore::save(const QString &name, Livy::CreateSessionRequest request)
{
    QSettings().setValue(storageKey(name), encode(std::move(request)));
}

void SessionPresetStore::remove(const QString &name)
{
    QSettings().remove(storageKey(name));
}

bool SessionPresetStore::contains(const QString &name) const
{
    return QSettings().contains(storageKey(name));
}

std::optional<Livy::CreateSessionRequest> SessionPresetStore::lastUsed() const
{
    return decode(QSettings().value(lastUsedKey));
}

void SessionPresetStore::setLastUsed(Livy::CreateSessionRequest request)
{
    QSettings().setValue(lastUsedKey, encode(std::move(request)));
}

} // namespace LivyDesk
