// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/setupstatement.h"
#include "livy/types.h"

#include <QStringList>

#include <optional>

namespace LivyDesk {

/// Named CreateSessionRequest presets in QSettings (group "createSessionPresets"), stored as the JSON body.
/// Requests hold no secrets, so QSettings is the right place. The session name is never stored: Livy refuses a
/// name while a session with it is alive, so a preset that carried one would fail on its second use.
///
/// A preset with setup statements is a session template (issue #18): recipe() gives its body and setup for
/// SessionRecreator, which creates the session and replays the setup. The setup is kept beside the body (group
/// "createSessionPresetSetup"), so presets written before templates existed read as templates without setup.
/// Setup code, like a preset's conf, is stored as plain settings: it is code, not a secret (passwords belong in
/// the keychain, and code that needs one should read it from the cluster, not carry it).
class SessionPresetStore
{
public:
    QStringList names() const;
    std::optional<Livy::CreateSessionRequest> load(const QString &name) const;
    void save(const QString &name, Livy::CreateSessionRequest request);
    void remove(const QString &name);
    bool contains(const QString &name) const;

    /// The template `name`: its body (without name) and its setup in replay order; empty if there is no preset.
    std::optional<Livy::SessionRecipe> recipe(const QString &name) const;
    /// Saves body and setup together (an empty setup removes it).
    void saveRecipe(const QString &name, const Livy::SessionRecipe &recipe);
    QList<Livy::SetupStatement> setup(const QString &name) const;
    /// Sets the setup of an existing preset (no effect without one); empty removes it.
    void setSetup(const QString &name, const QList<Livy::SetupStatement> &setup);

    /// The request most recently submitted (without its name), to start the next dialog from.
    std::optional<Livy::CreateSessionRequest> lastUsed() const;
    void setLastUsed(Livy::CreateSessionRequest request);
};

} // namespace LivyDesk
