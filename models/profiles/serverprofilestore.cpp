// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprofilestore.h"

#include "settingsschema.h"

#include <QSettings>

namespace LivyDesk {

QList<ServerProfile> ServerProfileStore::load() const
{
    QSettings settings;
    QList<ServerProfile> profiles;
    const int count = settings.beginReadArray(SettingsKeys::servers());
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ServerProfile p;
        p.id = settings.value(QStringLiteral("id")).toString();
        p.name = settings.value(QStringLiteral("name")).toString();
        p.url = QUrl(settings.value(QStringLiteral("url")).toString());
        p.userName = settings.value(QStringLiteral("user")).toString();
        // Profiles written before the method was stored: Basic when they have a user.
        p.auth = authMethodFromString(settings.value(QStringLiteral("auth")).toString(), p.userName.isEmpty() ? AuthMethod::None : AuthMethod::Basic);
        p.verifyTls = settings.value(QStringLiteral("verifyTls"), true).toBool();
        p.caCertificates = settings.value(QStringLiteral("caCertificates")).toString();
        p.doAs = settings.value(QStringLiteral("doAs")).toString();
        if (!p.id.isEmpty() && p.url.isValid())
            profiles.append(p);
    }
    settings.endArray();
    return profiles;
}

void ServerProfileStore::save(const QList<ServerProfile> &profiles)
{
    QSettings settings;
    settings.remove(SettingsKeys::servers());
    settings.beginWriteArray(SettingsKeys::servers(), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ServerProfile &p = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("id"), p.id);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("url"), p.url.toString());
        settings.setValue(QStringLiteral("auth"), authMethodToString(p.auth));
        settings.setValue(QStringLiteral("user"), p.userName);
        settings.setValue(QStringLiteral("verifyTls"), p.verifyTls);
        settings.setValue(QStringLiteral("caCertificates"), p.caCertificates);
        settings.setValue(QStringLiteral("doAs"), p.doAs);
    }
    settings.endArray();
}

QString ServerProfileStore::currentId() const
{
    return QSettings().value(SettingsKeys::currentServer()).toString();
}

void ServerProfileStore::setCurrentId(const QString &id)
{
    QSettings().setValue(SettingsKeys::currentServer(), id);
}

namespace {
/// "http://h:8998/" and "http://h:8998" are the same server; user info is not part of its identity.
QString normalized(const QUrl &url)
{
    QString text = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}
} // namespace

ServerProfile ServerProfileStore::profileForUrl(QList<ServerProfile> &profiles, const QUrl &url)
{
    const QString wanted = normalized(url);
    for (const ServerProfile &p : std::as_const(profiles))
        if (normalized(p.url) == wanted)
            return p;
    ServerProfile p;
    p.id = ServerProfile::newId();
    p.url = QUrl(wanted);
    p.userName = url.userName(); // never the password: that belongs in the keychain
    p.auth = p.userName.isEmpty() ? AuthMethod::None : AuthMethod::Basic;
    profiles.append(p);
    return p;
}

ServerProfile ServerProfileStore::defaultProfile()
{
    ServerProfile p;
    p.id = ServerProfile::newId();
    p.name = QStringLiteral("Local Livy");
    p.url = QUrl(QStringLiteral("http://localhost:8998"));
    return p;
}

} // namespace LivyDesk
