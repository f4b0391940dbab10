// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QStringList>

#include <optional>

namespace LivyDesk {

/// Named CreateSessionRequest presets in QSettings (group "createSessionPresets"), stored as the JSON body.
/// Requests hold no secrets, so QSettings is the right place. The session name is never stored: Livy refuses a
/// name while a session with it is alive, so a preset that carried one would fail on its second use.
class SessionPresetStore
{
public:
    QStringList names() const;
    std::optional<Livy::CreateSessionRequest> load(const QString &name) const;
    void save(const QString &name, Livy::CreateSessionRequest request);
    void remove(const QString &name);
    bool contains(const QString &name) const;

    /// The request most recently submitted (without its name), to start the next dialog from.
    std::optional<Livy::CreateSessionRequest> lastUsed() const;
    void setLastUsed(Livy::CreateSessionRequest request);
};

} // namespace LivyDesk
