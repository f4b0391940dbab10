// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverprofile.h"

#include <QList>

namespace LivyDesk {

/// The server profiles in QSettings ("servers"), and which one is in use. Profiles hold no secrets
/// (PasswordStore keeps passwords in the OS keychain).
class ServerProfileStore
{
public:
    QList<ServerProfile> load() const;
    void save(const QList<ServerProfile> &profiles);
    QString currentId() const;
    void setCurrentId(const QString &id);

    /// The profile for a URL given on the command line: an existing one with that URL, or a new one added to
    /// `profiles` (so it can be picked again later).
    static ServerProfile profileForUrl(QList<ServerProfile> &profiles, const QUrl &url);
    /// The profile used when there is none yet: a local Livy on the default port.
    static ServerProfile defaultProfile();
};

} // namespace LivyDesk
