// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyeddiff.h"
#include "livy/types.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace Livy {

/// The statements of one session, one row per statement, in ascending statement id (= execution order).
///
/// Fed by the SessionController: upsert() for every statement answer (submit, poll), setStatements() for a
/// full history, mergeStatements() for a partial one (`statements?order=desc&size=N` gives only the newest N).
/// All three diff by statement id, so a poll that changes nothing emits nothing, and a progress tick emits one
/// dataChanged for that row. Outputs are kept whole in StatementRole; rendering them (tables, images) is the
/// job of the results layer and the views.
class StatementListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, StateColumn, ProgressColumn, SparkColumn, CodeColumn, StartedColumn, CompletedColumn,
                  DurationColumn, OutputColumn, ColumnCount };
    Q_ENUM(Column)

    /// Custom roles, served on every column of a row.
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< int, 0-based per session
        StateRole,                 ///< int(Livy::StatementState)
        StateNameRole,             ///< QString as sent by the server
        ProgressRole,              ///< double 0..1
        CodeRole,                  ///< QString, the full code
        StartedRole,               ///< QDateTime (UTC), invalid until started (and always before Livy 0.7)
        CompletedRole,             ///< QDateTime (UTC), invalid until completed
        DurationMsRole,            ///< qint64 completed - started, -1 when unknown
        OutputSummaryRole,         ///< QString, one line (see outputSummary())
        IsErrorRole,               ///< bool: available with an error output (not a cancellation)
        IsTerminalRole,            ///< bool: available or cancelled
        StatementRole,             ///< QVariant holding the whole Livy::Statement
        OutcomeRole,               ///< int(Livy::Outcome): how it ended, as the user should read it
        StillRunningRole,          ///< bool: cancelled, but its code could not be interrupted and still runs
        ElapsedMsRole,             ///< qint64: running (or still running) for this long on the server's clock; -1
        VanishedRole,              ///< bool: the server no longer has this unfinished statement (404)
        LocalRole,                 ///< bool: a run the server has not acknowledged yet (queued or sending); its
                                   ///< IdRole is a negative placeholder
        CancelRequestedRole,       ///< bool: the user asked to cancel it; the server has not answered yet
        InternalRole,              ///< bool: one of LivyDesk's own statements (catalog, pages, export), not the user's
        SparkSummaryRole,          ///< QString: what its Spark jobs do ("stage 3/5 · 812/1,600 tasks"), empty when
                                   ///< unknown (see setSparkSummary())
    };
    Q_ENUM(Roles)

    explicit StatementListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Inserts the statement at its id position or updates it in place (dataChanged only if it differs).
    /// States only move forward: an answer that is older than what the model holds (a history load that left the
    /// server before the last poll, say) never turns a finished statement back into a running one.
    /// Returns true if anything changed.
    bool upsert(const Livy::Statement &statement);
    /// Whether `next` may replace `current` for the same statement (see upsert()).
    static bool isNewerOrSame(const Livy::Statement &current, const Livy::Statement &next);

    /// Marks a cancelled statement whose code still runs on the driver (the SessionPoller follows it until its
    /// real end). Cleared when it ends, or when the session does.
    void setStillRunning(int id, bool stillRunning);

    /// Runs the server has not acknowledged yet are shown at once, after the statements, with a placeholder id
    /// (negative) and a state text ("sending…", "queued until the session is ready"). The controller replaces
    /// one by the real statement when `POST …/statements` answers (removeLocal() + upsert()).
    void addLocal(int localId, const QString &code, const QString &stateText);
    void setLocalState(int localId, const QString &stateText);
    void removeLocal(int localId);
    int localCount() const { return int(m_local.size()); }
    /// Codes of the runs not acknowledged yet (to ask before the same code is run twice).
    QStringList localCodes() const;

    /// A cancel was asked for and not answered yet: the row says "cancel requested".
    void setCancelRequested(int id, bool requested);
    /// The server answered "Statement not found" for a statement that had not finished (Livy evicted it, or the
    /// session restarted): it is no longer pending, and says so. A later answer for it clears the mark.
    void setVanished(int id);
    bool isVanished(int id) const { return m_vanished.contains(id); }
    bool isStillRunning(int id) const { return m_stillRunning.contains(id); }
    /// The one-line account of the statement's Spark jobs and stages (SparkTracker, from the Spark UI), shown in
    /// SparkColumn; an empty text clears it. Kept per statement id until clear().
    void setSparkSummary(int id, const QString &summary);
    QString sparkSummary(int id) const { return m_sparkSummary.value(id); }
    /// The server's clock minus this machine's (from the HTTP Date header), so that "running for 12 s" counts
    /// from the server's `started` stamp, not a guess.
    void setServerClockOffset(qint64 ms) { m_clockOffsetMs = ms; }
    qint64 serverNowMs() const;
    /// Emits dataChanged for the duration of statements that are still running (a view calls this every second).
    void tick();
    /// True while some statement is waiting, running or still running.
    bool hasRunning() const;
    /// Replaces everything with a full list (sorted by id here), diffed by id. Returns true if anything changed.
    bool setStatements(const QList<Livy::Statement> &statements);
    /// Upserts each statement without removing the others (for the newest-N slices of the history).
    bool mergeStatements(const QList<Livy::Statement> &statements);
    void clear();

    int rowOfId(int id) const;
    std::optional<Livy::Statement> statement(int id) const;
    Livy::Statement statementAt(int row) const;
    QList<Livy::Statement> statements() const;
    /// Ids of the statements that are not terminal yet (waiting, running, cancelling, unknown), ascending.
    QList<int> pendingIds() const;

    /// A one-line description of the result: the first line of text/plain, "ValueError: bad" for errors,
    /// "Table: 3 rows × 2 columns", "Image", "JSON", "(no output)" when the code printed nothing, "Cancelled" for
    /// a cancellation (Spark's account of it is in the output, one click away); empty while there is no output.
    static QString outputSummary(const Livy::Statement &statement, bool stillRunning = false);
    /// "850 ms", "12.4 s", "3 min 05 s", "1 h 02 min".
    static QString formatDuration(qint64 ms);

Q_SIGNALS:
    /// A statement this model held as not terminal reached a terminal state (available or cancelled).
    /// Not emitted for statements that arrive already finished (history loads).
    void statementFinished(int id);

private:
    /// Adds or removes `id` in one of the per-statement flag sets; its row, if shown, reports the change.
    void setFlag(QSet<int> &flags, int id, bool on);
    class Hooks;
    friend class Detail::TableDiffHooks<StatementListModel, Statement>;
    void emitRowChanged(int row, const Statement &before, const Statement &after);
    qint64 elapsedMs(const Statement &s) const;

    QList<Statement> m_rows;
    QSet<int> m_stillRunning;
    QSet<int> m_vanished;
    QSet<int> m_cancelRequested;
    QHash<int, QString> m_sparkSummary;
    struct Local
    {
        int id;
        QString code;
        QString stateText;
    };
    QList<Local> m_local; ///< shown after m_rows
    qint64 m_clockOffsetMs = 0;
};

} // namespace Livy
