// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A text with an index of its display rows, for a virtualised text view that paints only the visible rows.
//
// Why: a statement can print tens of megabytes (a collect() of a big RDD, a long df.show()). QPlainTextEdit lays
// out and stores every block and freezes the window on such texts, and a single 50 MB line (printing a huge
// list) defeats any block-based widget. Here every line is one row, and a line longer than maxRowLength is cut
// into several rows, so painting a row never costs more than maxRowLength characters. Building the index is a
// linear scan that can run on a worker thread (with progress and cancellation); the result is immutable and is
// shared read-only between threads.

#include <QString>
#include <QStringView>

#include <functional>
#include <vector>

namespace Livy {

class IndexedText
{
public:
    static constexpr qsizetype DefaultMaxRowLength = 1000;

    IndexedText() = default;

    /// Indexes `text`. `progress(done, total)` is called every few megabytes and may return false to stop;
    /// a stopped build returns an empty IndexedText.
    static IndexedText build(QString text, qsizetype maxRowLength = DefaultMaxRowLength,
                             const std::function<bool(qsizetype, qsizetype)> &progress = {});

    const QString &text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }
    qsizetype size() const { return m_text.size(); }

    /// Display rows (at least 1, even for an empty text).
    qsizetype rowCount() const { return qsizetype(m_rowStarts.size()); }
    /// Logical lines (line breaks + 1, not counting a final line break).
    qsizetype lineCount() const { return m_lineCount; }
    /// Offset of the row's first character in text().
    qsizetype rowStart(qsizetype row) const { return qsizetype(m_rowStarts[size_t(row)]); }
    /// Offset just past the row's last character, line break excluded.
    qsizetype rowEnd(qsizetype row) const;
    QStringView rowText(qsizetype row) const { return QStringView(m_text).mid(rowStart(row), rowEnd(row) - rowStart(row)); }
    /// True when the row is the continuation of a line that was cut at maxRowLength.
    bool isContinuation(qsizetype row) const;
    /// The row holding the character at `offset` (offsets at a line break belong to the row before it).
    qsizetype rowAt(qsizetype offset) const;
    /// Length of the longest row, in characters.
    qsizetype longestRow() const { return m_longestRow; }
    qsizetype maxRowLength() const { return m_maxRowLength; }

private:
    QString m_text;
    std::vector<quint32> m_rowStarts{0};
    qsizetype m_lineCount = 1;
    qsizetype m_longestRow = 0;
    qsizetype m_maxRowLength = DefaultMaxRowLength;
};

} // namespace Livy
