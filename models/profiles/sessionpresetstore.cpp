// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionpresetstore.h"

#include "settingsschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace LivyDesk {

namespace {
const QString group = SettingsKeys::presets();
const QString lastUsedKey = SettingsKeys::lastCreateRequest();
const QString setupGroup = SettingsKeys::presetSetup();

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

static QString storageKey(const QString &name, const QString &in = group)
{
    return in + QLatin1Char('/') + QString::fromLatin1(name.toUtf8().toPercentEncoding());
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
    QSettings settings;
    settings.remove(storageKey(name));
    settings.remove(storageKey(name, setupGroup));
}

std::optional<Livy::SessionRecipe> SessionPresetStore::recipe(const QString &name) const
{
    const std::optional<Livy::CreateSessionRequest> request = load(name);
    if (!request)
        return std::nullopt;
    return Livy::SessionRecipe{ *request, setup(name) };
}

void SessionPresetStore::saveRecipe(const QString &name, const Livy::SessionRecipe &recipe)
{
    save(name, recipe.request);
    setSetup(name, recipe.setup);
}

QList<Livy::SetupStatement> SessionPresetStore::setup(const QString &name) const
{
    const QJsonDocument doc = QJsonDocument::fromJson(QSettings().value(storageKey(name, setupGroup)).toString().toUtf8());
    return Livy::SetupStatement::listFromJson(doc.array());
}

void SessionPresetStore::setSetup(const QString &name, const QList<Livy::SetupStatement> &setup)
{
    if (!contains(name))
        return;
    QSettings settings;
    if (setup.isEmpty()) {
        settings.remove(storageKey(name, setupGroup));
        return;
    }
    const QJsonDocument doc(Livy::SetupStatement::listToJson(setup));
    settings.setValue(storageKey(name, setupGroup), QString::fromUtf8(doc.toJson(QJsonDocument::Compact)));
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
