// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Livy {

/// One statement of a session's setup: the code that must run again (imports, temp views, caches) before a
/// recreated session is as useful as the one it replaces. `kind` is the language it ran as (empty = the session's
/// own kind; a `shared` session needs one per statement).
struct SetupStatement
{
    QString code;
    QString kind;

    /// The body SessionRecreator posts: `{code}` plus `kind` when set.
    StatementRequest request() const;
    QJsonObject toJson() const;
    /// Empty code when the object has none.
    static SetupStatement fromJson(const QJsonObject &object);
    static QJsonArray listToJson(const QList<SetupStatement> &list);
    /// Entries without code are skipped.
    static QList<SetupStatement> listFromJson(const QJsonArray &array);

    bool operator==(const SetupStatement &) const = default;
};

/// What a session is made from: the create body and the setup to replay, in order. A session template (the create
/// dialog's presets, profiles/SessionPresetStore) and a session to recreate (its stored body and setup from the
/// history) are both turned into this for SessionRecreator.
struct SessionRecipe
{
    CreateSessionRequest request;
    QList<SetupStatement> setup;

    bool operator==(const SessionRecipe &) const = default;
};

} // namespace Livy

Q_DECLARE_METATYPE(Livy::SetupStatement)
