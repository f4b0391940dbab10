// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logmodel.h"

#include "logalignment.h"

#include <QHash>

#include <algorithm>

namespace Livy {

namespace {
/// Re-requests that make no progress before giving up until the next poll (a server that ignores from/size).
constexpr int MaxRetries = 3;
} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool LogModel::isSectionHeader(const QString &line)
{
    if (!line.endsWith(QLatin1String(": ")))
        return false;
    const QString t = line.trimmed();
    return t == QLatin1String("stdout:") || t == QLatin1String("stderr:") || t == QLatin1String("YARN Diagnostics:")
        || t == QLatin1String("Kubernetes Diagnostics:");
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        // Section headers come as "\nstderr: "; the leading newline is layout, not content.
        QString text = row.text;
        while (text.startsWith(QLatin1Char('\n')))
            text.remove(0, 1);
        while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        return text;
    }
    case LineRole: return row.text;
    case GapBeforeRole: return row.gapBefore;
    case IsSectionHeaderRole: return isSectionHeader(row.text);
    case Qt::ToolTipRole:
        return row.gapBefore ? tr("Lines before this one may be missing: the server's log buffer moved on between two reads")
                             : QVariant();
    default: return {};
    }
}

QHash<int, QByteArray> LogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(LineRole, "line");
    names.insert(GapBeforeRole, "gapBefore");
    names.insert(IsSectionHeaderRole, "isSectionHeader");
    return names;
}

void LogModel::setPageSize(int lines)
{
    m_pageSize = std::max(1, lines);
}

void LogModel::setMaxLines(int lines)
{
    m_maxLines = std::max(1, lines);
    trimToMax();
}

LogModel::Fetch LogModel::nextFetch() const
{
    if (isProbing()) {
        const int known = int(m_mirror.size());
        const int from = std::max(0, known - OverlapLines);
        return { from, known - from };
    }
    if (m_snapshotMode)
        return { 0, std::max(m_pageSize, m_snapshotSize) };
    const int known = int(m_mirror.size());
    const int from = std::max(0, known - OverlapLines);
    return { from, (known - from) + m_pageSize };
}

bool LogModel::applyPage(const LogPage &page)
{
    const int from = std::max(0, page.from);
    const int count = int(page.lines.size());
    // Never trust the server's total more than its lines.
    const int total = std::max(page.total, from + count);

    if (from == 0 && count >= total) {
        // The whole buffer: the one answer that is always consistent.
        applySnapshot(page.lines);
        m_snapshotSize = total + std::max(64, total / 4);
        m_retries = 0;
        m_probeNext = m_snapshotMode && m_probesPerSnapshot > 0;
        m_unchangedProbes = 0;
        return false;
    }
    if (m_snapshotMode) {
        if (isProbing() && isUnchangedTail(page, total)) {
            // Nothing new at the end and the same total: no need to read the whole buffer (see the class comment).
            m_retries = 0;
            if (++m_unchangedProbes >= m_probesPerSnapshot)
                m_probeNext = false;
            return false;
        }
        m_probeNext = false;
        return requestSnapshot(total);
    }
    return appendTail(page);
}

bool LogModel::requestSnapshot(int total)
{
    m_snapshotMode = true;
    m_snapshotSize = std::max(m_snapshotSize, total + std::max(64, total / 4));
    return ++m_retries <= MaxRetries;
}

bool LogModel::isUnchangedTail(const LogPage &page, int total) const
{
    const int from = std::max(0, page.from);
    const int count = int(page.lines.size());
    if (total != int(m_mirror.size()) || from + count != total || count == 0)
        return false;
    for (int i = 0; i < count; ++i) {
        if (page.lines.at(i) != m_mirror.at(from + i))
            return false;
    }
    return true;
}

bool LogModel::appendTail(const LogPage &page)
{
    const int from = std::max(0, page.from);
    const int known = int(m_mirror.size());
    const int total = std::max(page.total, from + int(page.lines.size()));
    if (total < known || from > known)
        return requestSnapshot(total); // the buffer shrank or the page does not touch what we know
    const int overlap = std::min(known, from + int(page.lines.size())) - from;
    if (known > 0 && overlap <= 0)
        return requestSnapshot(total); // nothing to verify the offsets against
    for (int i = 0; i < overlap; ++i) {
        if (page.lines.at(i) != m_mirror.at(from + i))
            return requestSnapshot(total); // offsets moved: the ring slid or a middle section grew
    }
    const QStringList fresh = page.lines.mid(overlap);
    if (!fresh.isEmpty()) {
        const int at = int(m_rows.size());
        insertRows(at, fresh, tailGaps(fresh, from + overlap, total));
        for (int i = 0; i < int(fresh.size()); ++i) {
            m_mirror.append(fresh.at(i));
            m_mirrorRows.append(at + i);
        }
        trimToMax();
        m_retries = 0;
    } else if (++m_retries > MaxRetries) {
        return false;
    }
    return from + int(page.lines.size()) < total;
}

namespace {

/// The section a line belongs to: the header text, or "" before the first header (and for bare rings).
struct SectionWalker
{
    QString key;
    /// Returns true if `line` is a header (and switches to its section).
    bool step(const QString &line)
    {
        if (!LogModel::isSectionHeader(line))
            return false;
        key = line.trimmed();
        return true;
    }
};

} // namespace

QList<bool> LogModel::snapshotGaps(const QStringList &snapshot, const QList<int> &match)
{
    struct Stats
    {
        int oldLines = 0;
        int oldSurvivors = 0;
        int newSize = 0;
        int firstNew = -1;
    };
    QHash<QString, Stats> sections;
    QList<bool> survives(m_mirror.size(), false);
    for (const int i : match) {
        if (i >= 0)
            survives[i] = true;
    }
    SectionWalker walk;
    for (int i = 0; i < int(m_mirror.size()); ++i) {
        if (walk.step(m_mirror.at(i)))
            continue;
        Stats &st = sections[walk.key];
        ++st.oldLines;
        if (survives.at(i))
            ++st.oldSurvivors;
    }
    walk = {};
    for (int j = 0; j < int(snapshot.size()); ++j) {
        if (walk.step(snapshot.at(j)))
            continue;
        Stats &st = sections[walk.key];
        ++st.newSize;
        if (match.at(j) < 0 && st.firstNew < 0)
            st.firstNew = j;
    }
    QList<bool> gaps(snapshot.size(), false);
    for (auto it = sections.cbegin(); it != sections.cend(); ++it) {
        const Stats &st = it.value();
        if (st.firstNew < 0)
            continue;
        if (st.oldLines > st.oldSurvivors) {
            // Lines left the front while new ones came in: this ring is full, its size is the capacity.
            m_ringCapacity = std::max(m_ringCapacity, st.newSize);
        }
        if (st.oldSurvivors > 0)
            continue; // a known line survived, so fewer than a full ring arrived: nothing can be missing
        if (st.oldLines > 0 || (m_ringCapacity > 0 && st.newSize >= m_ringCapacity))
            gaps[st.firstNew] = true;
    }
    return gaps;
}

QList<bool> LogModel::tailGaps(const QStringList &fresh, int freshFrom, int total) const
{
    QList<bool> gaps(fresh.size(), false);
    if (m_ringCapacity <= 0)
        return gaps;
    // How many lines the current (last) section held before, and where its header is.
    SectionWalker walk;
    int headerAt = -1;
    int known = 0;
    for (int i = 0; i < int(m_mirror.size()); ++i) {
        if (walk.step(m_mirror.at(i))) {
            headerAt = i;
            known = 0;
        } else {
            ++known;
        }
    }
    for (int k = 0; k < int(fresh.size()); ++k) {
        if (walk.step(fresh.at(k))) {
            headerAt = freshFrom + k;
            known = 0;
            continue;
        }
        if (known++ > 0)
            continue;
        // The first line of a section: the section runs to the next header in this page, or (at most) to the
        // end of the buffer.
        int end = total;
        for (int n = k + 1; n < int(fresh.size()); ++n) {
            if (isSectionHeader(fresh.at(n))) {
                end = freshFrom + n;
                break;
            }
        }
        if (end - (headerAt + 1) >= m_ringCapacity)
            gaps[k] = true;
    }
    return gaps;
}

void LogModel::applySnapshot(const QStringList &snapshot)
{
    const QList<int> match = LogAlignment::align(m_mirror, snapshot, m_maxEdits);
    const QList<bool> gaps = snapshotGaps(snapshot, match);
    const int n = int(snapshot.size());
    QList<int> rows(n, -1);
    int shift = 0;
    for (int i = 0; i < n;) {
        if (match.at(i) >= 0) {
            const int r = m_mirrorRows.at(match.at(i));
            rows[i] = r < 0 ? -1 : r + shift;
            ++i;
            continue;
        }
        int j = i;
        while (j < n && match.at(j) < 0)
            ++j;
        // New lines [i, j) go right before the row of the next surviving line (after any history that slid
        // out there), or at the end when none follows.
        int at = int(m_rows.size());
        if (j < n) {
            const int r = m_mirrorRows.at(match.at(j));
            at = (r < 0 ? 0 : r) + shift;
        }
        insertRows(at, snapshot.mid(i, j - i), gaps.mid(i, j - i));
        for (int k = i; k < j; ++k)
            rows[k] = at + (k - i);
        shift += j - i;
        i = j;
    }
    m_mirror = snapshot;
    m_mirrorRows = rows;
    trimToMax();
}

void LogModel::insertRows(int at, const QStringList &lines, const QList<bool> &gapBefore)
{
    if (lines.isEmpty())
        return;
    beginInsertRows({}, at, at + int(lines.size()) - 1);
    QList<Row> fresh;
    fresh.reserve(lines.size());
    for (int i = 0; i < int(lines.size()); ++i)
        fresh.append(Row{ lines.at(i), gapBefore.value(i, false) });
    m_rows.insert(at, lines.size(), Row{});
    std::copy(fresh.cbegin(), fresh.cend(), m_rows.begin() + at);
    endInsertRows();
    for (int i = 0; i < int(lines.size()); ++i) {
        if (gapBefore.value(i, false)) {
            ++m_gapCount;
            Q_EMIT gapDetected(at + i);
        }
    }
}

void LogModel::trimToMax()
{
    const int excess = int(m_rows.size()) - m_maxLines;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
    for (int &r : m_mirrorRows)
        r = r < excess ? -1 : r - excess;
}

void LogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_mirror.clear();
    m_mirrorRows.clear();
    m_snapshotMode = false;
    m_probeNext = false;
    m_unchangedProbes = 0;
    m_snapshotSize = 0;
    m_retries = 0;
    m_gapCount = 0;
    endResetModel();
}

QStringList LogModel::lines() const
{
    QStringList out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.append(r.text);
    return out;
}

} // namespace Livy
