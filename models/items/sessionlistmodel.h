// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyeddiff.h"
#include "livy/types.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace Livy {

/// The interactive sessions of one Livy server, one row per session, in the server's order (creation order).
///
/// A thin container: the ServerController (through its SessionListPoller) feeds it whole snapshots with
/// setSessions(), which diffs them by session id into the minimal removals, moves, insertions and per-row
/// dataChanged, so selections and scroll positions survive every poll. Colours and icons for states belong in
/// the views (a delegate or proxy); this model serves raw values in custom roles and plain text for display.
///
/// Livy does not report when a session was created. The model shows a creation time only where it is known: for
/// sessions created from this computer (setCreatedHere(), recorded when `POST /sessions` answered), matched by id
/// *and* identity (livy/sessionidentity.h), so that a later session that gets the same id never inherits it.
class SessionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, KindColumn, StateColumn, OwnerColumn, ProxyUserColumn, AppIdColumn,
                  CreatedColumn, LeaseColumn, ColumnCount };
    Q_ENUM(Column)

    /// Custom roles, served on every column of a row (they describe the session, not the cell).
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< int
        NameRole,                  ///< QString, empty when unnamed (or before Livy 0.6)
        KindRole,                  ///< QString: spark, pyspark, sparkr, sql, shared
        StateRole,                 ///< int(Livy::SessionState)
        StateNameRole,             ///< QString: the state exactly as the server sent it (also unknown ones)
        OwnerRole,                 ///< QString, empty when the server runs without authentication
        ProxyUserRole,             ///< QString
        AppIdRole,                 ///< QString, empty until the YARN/Kubernetes application is known
        CreatedHereRole,           ///< QDateTime (UTC): created from this computer then; invalid when not known
        IdentityRole,              ///< QString: Livy::sessionIdentity()
        IsTerminalRole,            ///< bool: error, dead, killed, success
        IsReadyRole,               ///< bool: idle or busy (can take statements)
        SessionRole,               ///< QVariant holding the whole Livy::Session
        ProblemRole,               ///< QString: what could not be read in this entry (Session::problem); empty
        LeaseRemainingRole,        ///< qint64 ms the session cannot be ended before (setLease()); invalid when unknown
    };
    Q_ENUM(Roles)

    explicit SessionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Replaces the content with a snapshot (normally every page of `GET /sessions`). Sessions are matched by
    /// id; only rows that really changed get dataChanged (one signal per changed row, all columns); an unchanged
    /// snapshot emits nothing. Returns true if anything changed, which the poller uses to stay on its fast
    /// schedule.
    ///
    /// Built for servers with thousands of sessions (a poll's update is a few milliseconds at 5,000): when the
    /// ids are those of the rows in the same order (nothing appeared or vanished) the rows are compared in place;
    /// otherwise the keyed diff runs. Either way a session's identity (a hash over its creation request) is computed
    /// only for sessions that are new or changed.
    bool setSessions(const QList<Livy::Session> &sessions);
    /// Adds a session (kept in id order among the rows) or updates it in place, for single-session answers
    /// (create, GET /sessions/{id}, /state, /connect) between two list polls. Returns true if anything changed.
    bool upsert(const Livy::Session &session);
    /// Updates only the state of a known session (from `GET /sessions/{id}/state`). Returns false if unknown.
    bool updateState(int id, Livy::SessionState state, const QString &stateName);
    /// Removes one session (after a successful DELETE). Returns false if it was not in the model.
    bool remove(int id);
    void clear();

    /// Constant time (an index by id, rebuilt after rows were inserted, removed or moved).
    int rowOfId(int id) const;
    /// Finds a session by name (names are unique among live sessions, Livy 0.6+). Returns -1 if none.
    int rowOfName(const QString &name) const;
    std::optional<Livy::Session> session(int id) const;
    Livy::Session sessionAt(int row) const;
    QList<Livy::Session> sessions() const;
    /// The session of a valid row without copying it; valid until the model next changes. For proxies that sort
    /// or filter thousands of rows (no QVariant per comparison).
    const Livy::Session &sessionRefAt(int row) const { return m_rows.at(row).session; }
    /// The display text of a cell as a string (what Qt::DisplayRole shows; the id as digits), without a QVariant.
    QString text(int row, int column) const;
    /// Whether the display text of any column of `row` (hidden ones included) contains `text`, ignoring case: the
    /// sessions filter, without a QVariant per cell. An empty `text` matches every row.
    bool rowContains(int row, QStringView text) const;

    /// Sessions created from this computer: id -> (identity, creation time). Shown only on the row whose id and
    /// identity both match.
    struct CreatedHere
    {
        QString identity;
        QDateTime when; ///< UTC
        bool operator==(const CreatedHere &) const = default;
    };
    void setCreatedHere(const QHash<int, CreatedHere> &records);
    QHash<int, CreatedHere> createdHere() const { return m_createdHere; }

    /// The lease budget of an open session (models/lifecycle, LeaseBudget), as the app words it: `text` in the
    /// Lease column ("29 min"), `details` its tooltip (what it rests on), `remainingMs` for sorting. Set by whoever
    /// watches the session's lease (app/lifecyclebinding); an empty `text` clears it: nothing is shown where the
    /// lease cannot be known. Kept by id until cleared (the watcher clears it when the session closes or ends).
    void setLease(int id, const QString &text, const QString &details, std::optional<qint64> remainingMs);
    QString leaseText(int id) const { return m_leases.value(id).text; }

Q_SIGNALS:
    /// A known session changed state (not emitted for sessions appearing or vanishing). For notifications
    /// such as "session 3 is ready".
    void sessionStateChanged(int id, Livy::SessionState from, Livy::SessionState to);

private:
    struct Entry
    {
        Session session;
        QString identity;
        bool operator==(const Entry &) const = default;
    };
    class Hooks;
    friend class Detail::TableDiffHooks<SessionListModel, Entry>;

    QDateTime createdHereOf(const Entry &entry) const;
    QString displayText(const Entry &entry, int column) const;
    void emitRowChanged(int row, const Entry &before, const Entry &after);
    bool sameIdsInOrder(const QList<Session> &sessions) const;
    void ensureIndex() const;

    QList<Entry> m_rows;
    QHash<int, CreatedHere> m_createdHere;
    struct Lease
    {
        QString text;
        QString details;
        std::optional<qint64> remainingMs;
    };
    QHash<int, Lease> m_leases;
    mutable QHash<int, int> m_index; ///< session id -> row, valid while m_indexValid
    mutable bool m_indexValid = false;
};

} // namespace Livy
