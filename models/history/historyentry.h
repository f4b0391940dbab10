// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"
#include "spark/sparktypes.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Livy {

/// Where a statement ran: enough to show it, filter by it and tell it apart from a later session with the same id.
struct HistorySession
{
    QString server;      ///< the server's base URL, as the profile names it
    QString profileId;   ///< the server profile (may be empty: a URL given on the command line)
    int id = -1;         ///< Livy's session id
    QString identity;    ///< sessionIdentity(): stays apart from a later session that reuses the id
    QString name;
    QString kind;        ///< the session's kind (spark, pyspark, sparkr, sql, shared)
    QString appId;

    bool operator==(const HistorySession &) const = default;
};

/// One statement in the local history: what was run, where, when, how it ended and what it printed.
///
/// `statement.id` is -1 for a run LivyDesk sent but the server never acknowledged (a POST that timed out, or
/// LivyDesk stopped before the answer); such an entry becomes the server's statement once a statement with the
/// same code shows up in that session.
struct HistoryEntry
{
    qint64 rowId = -1;            ///< the database's key; -1 until stored
    HistorySession session;
    Statement statement;          ///< id, code, state (+ raw name), progress, started/completed (epoch ms), output
    QString kind;                 ///< the language the code ran as: the session's kind, or the one chosen for shared
    qint64 submitted = 0;         ///< epoch ms on this computer's clock when LivyDesk sent it; 0 = seen, not sent
    qint64 updated = 0;           ///< epoch ms of the last write
    bool outputTruncated = false; ///< the output was over the size cap: only its beginning is kept (see note)
    qint64 outputBytes = 0;       ///< the output's size as received (JSON bytes), also when truncated
    bool outputLoaded = true;     ///< false in search results: the output is read on demand (HistoryStore::load)
    QString note;                 ///< why a run was not sent, or what a truncation dropped; empty otherwise
    /// What Spark did for it (the tracker's final look, SparkTracker::breakdownFinished), when that was seen.
    /// Like the output, read by load() only: always empty in search results.
    std::optional<SparkBreakdown> spark;

    /// The language of `kind` for file names and notebooks: "python", "scala", "r" or "sql".
    static QString language(const QString &kind);
};

} // namespace Livy

Q_DECLARE_METATYPE(Livy::HistoryEntry)
Q_DECLARE_METATYPE(std::optional<Livy::HistoryEntry>)
