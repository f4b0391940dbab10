// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QAbstractListModel>
#include <QList>
#include <QStringList>

#include <algorithm>

namespace Livy {

/// The log of one session as a growing list of lines, fed page by page from `GET /sessions/{id}/log`.
///
/// Livy's log is not an append-only file: it is a set of ring buffers (stdout, stderr, on YARN the
/// diagnostics) served as one list with section headers, `livy.cache-log.size` lines per stream. Once a ring
/// is full its oldest line drops out at every new line, so the offset of a given line moves, and a section in
/// the middle can grow while the one after it is unchanged. This model never duplicates or drops a line
/// because of that:
///
/// - It keeps a mirror of the server's buffer as last read and, for every mirrored line, the row that shows it.
///   Lines that slid out of the server's buffer stay in the model as history.
/// - While the buffer only grows at its end it reads by from/size paging, always re-reading the last
///   `OverlapLines` known lines: if they are still where they were, the rest of the page is new and is appended
///   (and the next page is asked for at once while more lines wait).
/// - If they are not (the ring slid, a middle section grew, or the buffer shrank), it asks for the whole buffer
///   (`from=0`, size covering `total`) and aligns the new snapshot with the mirror (LogAlignment: a line diff).
///   New lines are inserted where they belong: after the last surviving line of their section, so stdout lines
///   stay under "stdout:" and stderr lines under "stderr:". Once the buffer has slid, offsets no longer say
///   what is new, so it reads whole snapshots, but only when something changed: each poll first reads the last
///   `OverlapLines` lines (a probe); if they and the total are as last read, nothing is fetched again, otherwise
///   a whole snapshot follows at once. Every `ProbesPerSnapshot`-th poll is a whole snapshot anyway, for a
///   middle section (stdout above stderr) that grew while the last section did not.
/// - Lines the server dropped before this client read them are flagged, not invented: where a section lost all
///   the lines this model knew (a whole ring of new lines arrived between two reads), or an empty section came
///   back already holding a full ring, the first new row carries GapBeforeRole (views draw a "lines may be
///   missing" separator) and gapDetected() is emitted. The ring capacity (livy.cache-log.size, not exposed by
///   the API) is learned from the first slide seen, or given with setRingCapacity().
///
/// Ambiguity that no client can resolve: when lines repeat exactly (a log of identical lines), a slide and no
/// change look the same; the alignment then prefers the explanation with the fewest new lines.
///
/// The model does not talk to the network: the LogPoller asks nextFetch() what to request and hands every
/// answer to applyPage().
class LogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        LineRole = Qt::UserRole + 1, ///< QString: the line exactly as the server sent it
        GapBeforeRole,               ///< bool: lines may be missing right before this one
        IsSectionHeaderRole,         ///< bool: "stdout: ", "\nstderr: ", "\nYARN Diagnostics: " …
    };
    Q_ENUM(Roles)

    /// What to request next: `GET /sessions/{id}/log?from=<from>&size=<size>`.
    struct Fetch
    {
        int from = 0;
        int size = 0;
        bool operator==(const Fetch &) const = default;
    };

    /// Lines re-read to verify that offsets have not moved (also the size of a probe once the buffer has slid).
    static constexpr int OverlapLines = 16;
    /// Once the buffer has slid: unchanged probes before a whole snapshot is read anyway (default).
    static constexpr int ProbesPerSnapshot = 12;

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Fetch nextFetch() const;
    /// Integrates one answer. Returns true when another request should follow at once (more pages wait, or the
    /// offsets moved and a whole snapshot is needed); false when the model is up to date.
    bool applyPage(const Livy::LogPage &page);

    /// Forgets everything (rows and mirror); the next fetch starts from the beginning.
    void clear();

    QStringList lines() const;
    /// Lines per page while paging (default 500).
    int pageSize() const { return m_pageSize; }
    void setPageSize(int lines);
    /// Unchanged probes before a whole snapshot (see the class comment); 0 reads a snapshot every time.
    int probesPerSnapshot() const { return m_probesPerSnapshot; }
    void setProbesPerSnapshot(int probes) { m_probesPerSnapshot = std::max(0, probes); }
    /// Rows kept at most; the oldest history rows are removed beyond it (default 100 000).
    int maxLines() const { return m_maxLines; }
    void setMaxLines(int lines);
    /// Edits (new plus vanished lines) beyond which the alignment falls back to the single-ring overlap.
    void setMaxEdits(int edits) { m_maxEdits = edits; }
    /// Lines per ring on the server, if known (0 = unknown until a slide is seen). Only used to flag gaps.
    int ringCapacity() const { return m_ringCapacity; }
    void setRingCapacity(int lines) { m_ringCapacity = std::max(0, lines); }

    /// Lines in the server's buffer as last read.
    int serverLineCount() const { return int(m_mirror.size()); }
    /// True once the buffer was seen to slide (the model then reads whole snapshots).
    bool isReadingSnapshots() const { return m_snapshotMode; }
    /// True when nextFetch() is a probe of the buffer's tail (snapshot mode, nothing known to have changed).
    bool isProbing() const { return m_snapshotMode && m_probeNext && !m_mirror.isEmpty(); }
    int gapCount() const { return m_gapCount; }

    static bool isSectionHeader(const QString &line);

Q_SIGNALS:
    /// Lines may have been lost before `row` (the server's ring moved on by more than a section between reads).
    void gapDetected(int row);

private:
    struct Row
    {
        QString text;
        bool gapBefore = false;
    };

    void applySnapshot(const QStringList &snapshot);
    bool appendTail(const LogPage &page);
    bool requestSnapshot(int total);
    bool isUnchangedTail(const LogPage &page, int total) const;
    QList<bool> snapshotGaps(const QStringList &snapshot, const QList<int> &match);
    QList<bool> tailGaps(const QStringList &fresh, int freshFrom, int total) const;
    void insertRows(int at, const QStringList &lines, const QList<bool> &gapBefore);
    void trimToMax();

    QList<Row> m_rows;
    QStringList m_mirror;     ///< the server buffer as last read
    QList<int> m_mirrorRows;  ///< row of each mirrored line, -1 once trimmed away
    bool m_snapshotMode = false;
    bool m_probeNext = false;   ///< snapshot mode: the next fetch is a probe of the tail
    int m_unchangedProbes = 0;  ///< consecutive probes that found nothing new
    int m_probesPerSnapshot = ProbesPerSnapshot;
    int m_snapshotSize = 0;
    int m_retries = 0;        ///< consecutive "fetch again" answers that made no progress
    int m_pageSize = 500;
    int m_maxLines = 100000;
    int m_maxEdits = 1000;
    int m_gapCount = 0;
    int m_ringCapacity = 0;
};

} // namespace Livy
