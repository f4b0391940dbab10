// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A read-only, virtualised monospace text view for statement output of any size.
//
// It paints only the rows in sight from a Livy::IndexedText (built off the GUI thread), so showing, scrolling and
// selecting in a 50 MB output costs the same as in a short one; QPlainTextEdit lays out every block and would
// freeze the window. Lines longer than the index's row limit are continued on the next row (marked in the left
// margin). It offers what reading output needs: mouse and keyboard selection, copy (Ctrl+C), select all
// (Ctrl+A), find, and keyboard scrolling.

#include "results/indexedtext.h"

#include <QAbstractScrollArea>

#include <memory>

namespace LivyDesk {

class LargeTextView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LargeTextView(QWidget *parent = nullptr);

    void setText(std::shared_ptr<const Livy::IndexedText> text);
    std::shared_ptr<const Livy::IndexedText> text() const { return m_text; }
    void clear();
    /// Shown (muted) when the text is empty.
    void setPlaceholderText(const QString &text);

    bool hasSelection() const { return m_anchor != m_cursor; }
    qsizetype selectionStart() const { return std::min(m_anchor, m_cursor); }
    qsizetype selectionEnd() const { return std::max(m_anchor, m_cursor); }
    /// Selects [start, end) in text() offsets and scrolls it into view.
    void setSelection(qsizetype start, qsizetype end);
    QString selectedText() const;
    void selectAll();
    void clearSelection();
    /// Puts the selection on the clipboard (nothing when there is none).
    void copy();

    /// Finds `needle` after the selection (before it when `backward`), wrapping around; selects the match.
    bool find(const QString &needle, bool backward = false, Qt::CaseSensitivity cs = Qt::CaseInsensitive);

    /// Where the character at `offset` is drawn, in viewport coordinates (top-left of its cell), and the offset
    /// under a viewport point: what mouse selection uses.
    QPointF positionOfOffset(qsizetype offset) const;
    qsizetype offsetAtPosition(const QPoint &pos) const { return offsetAt(pos); }

    /// The first row in sight (for tests and state restore).
    qsizetype firstVisibleRow() const;
    void scrollToRow(qsizetype row);
    int lineHeight() const { return m_lineHeight; }

Q_SIGNALS:
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct RowLayout
    {
        QString display;             // tabs expanded, control characters made visible
        std::vector<int> sourceToDisplay; // empty when display == source characters one to one
        bool simple = true;          // every character one cell wide (fast path)
    };
    RowLayout layoutRow(qsizetype row) const;
    qreal advance(const RowLayout &layout, int displayIndex) const;
    int displayIndex(const RowLayout &layout, int sourceIndex) const;
    int sourceIndexAt(const RowLayout &layout, qreal x) const;
    qsizetype offsetAt(const QPoint &pos) const;
    void ensureOffsetVisible(qsizetype offset);
    void updateMetrics();
    void updateScrollBars();
    void setCursorOffset(qsizetype offset, bool keepAnchor);
    int visibleRows() const;
    qreal textLeft() const;

    std::shared_ptr<const Livy::IndexedText> m_text;
    QString m_placeholder;
    qsizetype m_anchor = 0;
    qsizetype m_cursor = 0;
    int m_lineHeight = 16;
    qreal m_charWidth = 8;
    qreal m_ascent = 12;
    bool m_fixedPitch = true;
    bool m_selecting = false;
};

} // namespace LivyDesk
