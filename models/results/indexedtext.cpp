// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexedtext.h"

#include <algorithm>
#include <limits>

namespace Livy {

IndexedText IndexedText::build(QString text, qsizetype maxRowLength,
                               const std::function<bool(qsizetype, qsizetype)> &progress)
{
    IndexedText result;
    // Offsets are stored in 32 bits: a text beyond 4 G characters (8 GB of memory) is cut.
    constexpr qsizetype MaxSize = qsizetype(std::numeric_limits<quint32>::max());
    if (text.size() > MaxSize)
        text.truncate(MaxSize);
    result.m_text = std::move(text);
    result.m_maxRowLength = std::max<qsizetype>(16, maxRowLength);
    const qsizetype rowLimit = result.m_maxRowLength;

    const QString &t = result.m_text;
    const QStringView view(t);
    const qsizetype n = t.size();
    constexpr qsizetype ReportEvery = 4 * 1024 * 1024;
    qsizetype nextReport = ReportEvery;
    qsizetype pos = 0;
    qsizetype longest = 0;
    while (true) {
        const qsizetype newline = view.indexOf(u'\n', pos);
        const qsizetype lineEnd = newline < 0 ? n : newline;
        qsizetype contentEnd = lineEnd;
        if (contentEnd > pos && t.at(contentEnd - 1) == u'\r')
            --contentEnd;
        qsizetype rowStart = pos;
        while (contentEnd - rowStart > rowLimit) {
            qsizetype cut = rowStart + rowLimit;
            if (t.at(cut).isLowSurrogate()) // never split a surrogate pair
                --cut;
            longest = std::max(longest, cut - rowStart);
            result.m_rowStarts.push_back(quint32(cut));
            rowStart = cut;
        }
        longest = std::max(longest, contentEnd - rowStart);
        if (newline < 0 || newline + 1 >= n)
            break; // no row after a final line break
        pos = newline + 1;
        result.m_rowStarts.push_back(quint32(pos));
        ++result.m_lineCount;
        if (pos >= nextReport) {
            nextReport = pos + ReportEvery;
            if (progress && !progress(pos, n))
                return IndexedText();
        }
    }
    result.m_longestRow = longest;
    return result;
}

qsizetype IndexedText::rowEnd(qsizetype row) const
{
    const qsizetype count = rowCount();
    qsizetype end = row + 1 < count ? qsizetype(m_rowStarts[size_t(row + 1)]) : m_text.size();
    if (row + 1 < count && isContinuation(row + 1))
        return end;
    // Drop the line break (and a CR before it) that ends this row.
    if (end > rowStart(row) && m_text.at(end - 1) == u'\n')
        --end;
    if (end > rowStart(row) && m_text.at(end - 1) == u'\r')
        --end;
    return end;
}

bool IndexedText::isContinuation(qsizetype row) const
{
    if (row <= 0 || row >= rowCount())
        return false;
    return m_text.at(rowStart(row) - 1) != u'\n';
}

qsizetype IndexedText::rowAt(qsizetype offset) const
{
    const auto it = std::upper_bound(m_rowStarts.begin(), m_rowStarts.end(), quint32(std::max<qsizetype>(0, offset)));
    return std::max<qsizetype>(0, qsizetype(it - m_rowStarts.begin()) - 1);
}

} // namespace Livy
