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
        p.kerberosService = settings.value(QStringLiteral("kerberosService")).toString();
        p.sparkUiTemplate = settings.value(QStringLiteral("sparkUiTemplate")).toString();
        const int headers = settings.beginReadArray(QStringLiteral("headers"));
        for (int h = 0; h < headers; ++h) {
            settings.setArrayIndex(h);
            ExtraHeader header;
            header.name = settings.value(QStringLiteral("name")).toString();
            header.secret = settings.value(QStringLiteral("secret")).toBool();
            if (!header.secret)
                header.value = settings.value(QStringLiteral("value")).toString();
            if (!header.name.isEmpty())
                p.headers.append(header);
        }
        settings.endArray();
        p.clientCertificate = settings.value(QStringLiteral("clientCertificate")).toString();
        p.clientKey = settings.value(QStringLiteral("clientKey")).toString();
        p.clientKeyEncrypted = settings.value(QStringLiteral("clientKeyEncrypted")).toBool();
        p.pinnedCertificates = settings.value(QStringLiteral("pinnedCertificates")).toStringList();
        const QString proxy = settings.value(QStringLiteral("proxy")).toString();
        p.proxy = proxy == QLatin1String("none") ? ProxyMode::None
            : proxy == QLatin1String("manual")   ? ProxyMode::Manual
                                                 : ProxyMode::System;
        p.proxyUrl = settings.value(QStringLiteral("proxyUrl")).toString();
        if (!p.id.isEmpty() && p.url.isValid())
            profiles.append(p);
    }
    settings.endArray();
    return profiles;
}

void ServerProfileStore::save(const QList<ServerProfile> &profiles)
{
    // Every write rewrites and syncs the whole settings file (QSaveFile, fdatasync): none when nothing changed, as
    // at every start.
    if (load() == profiles)
        return;
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
        settings.setValue(QStringLiteral("kerberosService"), p.kerberosService);
        settings.setValue(QStringLiteral("sparkUiTemplate"), p.sparkUiTemplate);
        settings.beginWriteArray(QStringLiteral("headers"), int(p.headers.size()));
        for (int h = 0; h < p.headers.size(); ++h) {
            settings.setArrayIndex(h);
            settings.setValue(QStringLiteral("name"), p.headers.at(h).name);
            settings.setValue(QStringLiteral("secret"), p.headers.at(h).secret);
            if (!p.headers.at(h).secret) // a secret value lives in the keychain only
                settings.setValue(QStringLiteral("value"), p.headers.at(h).value);
        }
        settings.endArray();
        settings.setValue(QStringLiteral("clientCertificate"), p.clientCertificate);
        settings.setValue(QStringLiteral("clientKey"), p.clientKey);
        settings.setValue(QStringLiteral("clientKeyEncrypted"), p.clientKeyEncrypted);
        settings.setValue(QStringLiteral("pinnedCertificates"), p.pinnedCertificates);
        settings.setValue(QStringLiteral("proxy"), p.proxy == ProxyMode::None ? QStringLiteral("none")
                                                   : p.proxy == ProxyMode::Manual ? QStringLiteral("manual")
                                                                                   : QStringLiteral("system"));
        settings.setValue(QStringLiteral("proxyUrl"), QUrl(p.proxyUrl).adjusted(QUrl::RemoveUserInfo).toString());
    }
    settings.endArray();
}

QString ServerProfileStore::currentId() const
{
    return QSettings().value(SettingsKeys::currentServer()).toString();
}

void ServerProfileStore::setCurrentId(const QString &id)
{
    QSettings settings;
    if (settings.value(SettingsKeys::currentServer()) != QVariant(id))
        settings.setValue(SettingsKeys::currentServer(), id);
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
