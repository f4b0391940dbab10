// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "largetextview.h"

#include "outputstyle.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>

#include <cmath>

namespace LivyDesk {

namespace {
constexpr int TabWidth = 8;
constexpr int TopMargin = 4;
constexpr char16_t FirstWideChar = 0x0300; // below: Latin, Greek-free ranges that are one cell in a monospace font

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}
} // namespace

LargeTextView::LargeTextView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_text(std::make_shared<const Livy::IndexedText>())
{
    setFont(OutputStyle::monospaceFont());
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(false);
    setAttribute(Qt::WA_InputMethodEnabled, false);
    updateMetrics();
}

void LargeTextView::setText(std::shared_ptr<const Livy::IndexedText> text)
{
    m_text = text ? std::move(text) : std::make_shared<const Livy::IndexedText>();
    m_anchor = m_cursor = 0;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
    Q_EMIT selectionChanged();
}

void LargeTextView::clear()
{
    setText(nullptr);
}

void LargeTextView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void LargeTextView::updateMetrics()
{
    const QFontMetricsF fm(font());
    m_lineHeight = int(std::ceil(fm.lineSpacing()));
    m_charWidth = fm.horizontalAdvance(QLatin1Char('M'));
    m_ascent = fm.ascent();
    m_fixedPitch = QFontInfo(font()).fixedPitch()
                   && qFuzzyCompare(fm.horizontalAdvance(QLatin1Char('i')), m_charWidth);
    updateScrollBars();
}

qreal LargeTextView::textLeft() const
{
    return m_charWidth * 1.5; // room for the continuation mark
}

int LargeTextView::visibleRows() const
{
    return std::max(1, (viewport()->height() - TopMargin) / std::max(1, m_lineHeight));
}

void LargeTextView::updateScrollBars()
{
    const qsizetype rows = m_text->rowCount();
    const int page = visibleRows();
    const qsizetype maxRow = std::max<qsizetype>(0, rows - page);
    verticalScrollBar()->setRange(0, int(std::min<qsizetype>(maxRow, std::numeric_limits<int>::max())));
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setSingleStep(1);
    const qreal contentWidth = textLeft() + qreal(m_text->longestRow() + 2) * m_charWidth;
    horizontalScrollBar()->setRange(0, std::max(0, int(contentWidth) - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(int(m_charWidth * 4));
}

LargeTextView::RowLayout LargeTextView::layoutRow(qsizetype row) const
{
    RowLayout layout;
    const QStringView source = m_text->rowText(row);
    bool needsMapping = false;
    for (const QChar c : source) {
        if (c == u'\t' || c.isHighSurrogate() || c.isLowSurrogate()) {
            needsMapping = c == u'\t' || needsMapping;
            layout.simple = false;
        } else if (c.unicode() >= FirstWideChar) {
            layout.simple = false;
        }
    }
    if (!needsMapping) {
        layout.display = source.toString();
        for (QChar &c : layout.display) {
            if (c.unicode() < 0x20)
                c = QChar(0x2400 + c.unicode()); // control characters as their visible symbols
        }
        return layout;
    }
    layout.simple = false;
    layout.sourceToDisplay.reserve(size_t(source.size() + 1));
    for (const QChar c : source) {
        layout.sourceToDisplay.push_back(int(layout.display.size()));
        if (c == u'\t') {
            const int spaces = TabWidth - int(layout.display.size() % TabWidth);
            layout.display.append(QString(spaces, QLatin1Char(' ')));
        } else {
            layout.display.append(c.unicode() < 0x20 ? QChar(0x2400 + c.unicode()) : c);
        }
    }
    layout.sourceToDisplay.push_back(int(layout.display.size()));
    return layout;
}

int LargeTextView::displayIndex(const RowLayout &layout, int sourceIndex) const
{
    if (layout.sourceToDisplay.empty())
        return std::clamp(sourceIndex, 0, int(layout.display.size()));
    return layout.sourceToDisplay[size_t(std::clamp(sourceIndex, 0, int(layout.sourceToDisplay.size()) - 1))];
}

qreal LargeTextView::advance(const RowLayout &layout, int index) const
{
    if (layout.simple && m_fixedPitch)
        return index * m_charWidth;
    return QFontMetricsF(font()).horizontalAdvance(layout.display.left(index));
}

int LargeTextView::sourceIndexAt(const RowLayout &layout, qreal x) const
{
    int display = 0;
    const int length = int(layout.display.size());
    if (layout.simple && m_fixedPitch) {
        display = std::clamp(int(std::lround(x / m_charWidth)), 0, length);
    } else {
        const QFontMetricsF fm(font());
        qreal left = 0;
        display = length;
        for (int i = 0; i < length; ++i) {
            const qreal w = fm.horizontalAdvance(layout.display.at(i));
            if (x < left + w / 2) {
                display = i;
                break;
            }
            left += w;
        }
    }
    if (layout.sourceToDisplay.empty())
        return display;
    // The source character whose display cells contain `display`.
    const auto it = std::upper_bound(layout.sourceToDisplay.begin(), layout.sourceToDisplay.end(), display);
    return std::max(0, int(it - layout.sourceToDisplay.begin()) - 1);
}

qsizetype LargeTextView::offsetAt(const QPoint &pos) const
{
    const qsizetype rows = m_text->rowCount();
    qsizetype row = verticalScrollBar()->value() + (pos.y() - TopMargin) / std::max(1, m_lineHeight);
    if (pos.y() < TopMargin)
        row = verticalScrollBar()->value() - 1;
    if (row < 0)
        return 0;
    if (row >= rows)
        return m_text->size();
    const RowLayout layout = layoutRow(row);
    const qreal x = pos.x() - textLeft() + horizontalScrollBar()->value();
    return m_text->rowStart(row) + sourceIndexAt(layout, x);
}

QPointF LargeTextView::positionOfOffset(qsizetype offset) const
{
    const qsizetype row = m_text->rowAt(offset);
    const RowLayout layout = layoutRow(row);
    const qreal x = textLeft() - horizontalScrollBar()->value()
                    + advance(layout, displayIndex(layout, int(offset - m_text->rowStart(row))));
    return QPointF(x, TopMargin + qreal(row - firstVisibleRow()) * m_lineHeight);
}

qsizetype LargeTextView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

void LargeTextView::scrollToRow(qsizetype row)
{
    verticalScrollBar()->setValue(int(std::clamp<qsizetype>(row, 0, verticalScrollBar()->maximum())));
}

void LargeTextView::ensureOffsetVisible(qsizetype offset)
{
    const qsizetype row = m_text->rowAt(offset);
    const qsizetype first = firstVisibleRow();
    const int page = visibleRows();
    if (row < first || row >= first + page)
        scrollToRow(row - page / 3);
    const RowLayout layout = layoutRow(row);
    const qreal x = textLeft() + advance(layout, displayIndex(layout, int(offset - m_text->rowStart(row))));
    QScrollBar *h = horizontalScrollBar();
    if (x - h->value() < textLeft() || x - h->value() > viewport()->width() - m_charWidth * 2)
        h->setValue(int(x - viewport()->width() / 2));
}

void LargeTextView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter p(viewport());
    const QPalette &pal = palette();
    p.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    p.setFont(font());

    if (m_text->isEmpty()) {
        if (!m_placeholder.isEmpty()) {
            p.setPen(OutputStyle::mutedText(pal));
            p.drawText(viewport()->rect().adjusted(int(textLeft()), TopMargin, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                       m_placeholder);
        }
        return;
    }

    const qsizetype rows = m_text->rowCount();
    const qsizetype first = firstVisibleRow();
    const int hOffset = horizontalScrollBar()->value();
    const qreal left = textLeft() - hOffset;
    const int width = viewport()->width();
    const qsizetype selStart = selectionStart();
    const qsizetype selEnd = selectionEnd();
    const QColor textColor = pal.color(QPalette::Text);
    const QColor muted = OutputStyle::mutedText(pal);
    const QColor highlight = pal.color(hasFocus() ? QPalette::Active : QPalette::Inactive, QPalette::Highlight);
    const QColor highlightedText = pal.color(hasFocus() ? QPalette::Active : QPalette::Inactive, QPalette::HighlightedText);

    for (qsizetype row = first, i = 0; row < rows; ++row, ++i) {
        const int y = TopMargin + int(i) * m_lineHeight;
        if (y > viewport()->height())
            break;
        const qsizetype start = m_text->rowStart(row);
        const qsizetype end = m_text->rowEnd(row);
        const RowLayout layout = layoutRow(row);

        if (m_text->isContinuation(row)) {
            p.setPen(muted);
            p.drawText(QPointF(2 - hOffset, y + m_ascent), QStringLiteral("\u21aa"));
        }

        // Only the characters in sight are drawn on the fast path: rows can be long.
        int from = 0;
        int to = int(layout.display.size());
        if (layout.simple && m_fixedPitch) {
            from = std::clamp(int((hOffset - textLeft()) / m_charWidth) - 1, 0, to);
            to = std::clamp(int((hOffset + width) / m_charWidth) + 2, from, to);
        }
        const QString visible = layout.display.mid(from, to - from);
        const qreal x = left + advance(layout, from);

        // Selection: the part of [selStart, selEnd) on this row; a selected line break shows as a small block.
        qreal selLeft = 0;
        qreal selRight = 0;
        if (selStart < selEnd && selStart <= end && selEnd > start) {
            const int a = displayIndex(layout, int(std::max(selStart, start) - start));
            const int b = displayIndex(layout, int(std::min(selEnd, end) - start));
            selLeft = left + advance(layout, a);
            selRight = left + advance(layout, b);
            if (selEnd > end && row + 1 < rows && !m_text->isContinuation(row + 1))
                selRight += m_charWidth / 2;
            p.fillRect(QRectF(selLeft, y, selRight - selLeft, m_lineHeight), highlight);
        }
        p.setPen(textColor);
        p.drawText(QPointF(x, y + m_ascent), visible);
        if (selRight > selLeft) {
            p.save();
            p.setClipRect(QRectF(selLeft, y, selRight - selLeft, m_lineHeight));
            p.setPen(highlightedText);
            p.drawText(QPointF(x, y + m_ascent), visible);
            p.restore();
        }
    }
}

void LargeTextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LargeTextView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateMetrics();
}

void LargeTextView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx)
    Q_UNUSED(dy)
    viewport()->update();
}

void LargeTextView::setCursorOffset(qsizetype offset, bool keepAnchor)
{
    offset = std::clamp<qsizetype>(offset, 0, m_text->size());
    if (!keepAnchor)
        m_anchor = offset;
    m_cursor = offset;
    viewport()->update();
    Q_EMIT selectionChanged();
}

void LargeTextView::setSelection(qsizetype start, qsizetype end)
{
    m_anchor = std::clamp<qsizetype>(start, 0, m_text->size());
    m_cursor = std::clamp<qsizetype>(end, 0, m_text->size());
    ensureOffsetVisible(m_anchor);
    viewport()->update();
    Q_EMIT selectionChanged();
}

QString LargeTextView::selectedText() const
{
    if (!hasSelection())
        return {};
    return m_text->text().mid(selectionStart(), selectionEnd() - selectionStart());
}

void LargeTextView::selectAll()
{
    m_anchor = 0;
    m_cursor = m_text->size();
    viewport()->update();
    Q_EMIT selectionChanged();
}

void LargeTextView::clearSelection()
{
    setCursorOffset(m_cursor, false);
}

void LargeTextView::copy()
{
    if (hasSelection())
        QApplication::clipboard()->setText(selectedText());
}

bool LargeTextView::find(const QString &needle, bool backward, Qt::CaseSensitivity cs)
{
    if (needle.isEmpty() || m_text->isEmpty())
        return false;
    const QString &text = m_text->text();
    qsizetype at = -1;
    if (backward) {
        const qsizetype from = selectionStart() - 1;
        if (from >= 0)
            at = text.lastIndexOf(needle, from, cs);
        if (at < 0)
            at = text.lastIndexOf(needle, -1, cs);
    } else {
        at = text.indexOf(needle, hasSelection() ? selectionStart() + 1 : m_cursor, cs);
        if (at < 0)
            at = text.indexOf(needle, 0, cs);
    }
    if (at < 0)
        return false;
    setSelection(at, at + needle.size());
    ensureOffsetVisible(at + needle.size());
    ensureOffsetVisible(at);
    return true;
}

void LargeTextView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_selecting = true;
    setCursorOffset(offsetAt(event->position().toPoint()), event->modifiers() & Qt::ShiftModifier);
}

void LargeTextView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting || !(event->buttons() & Qt::LeftButton))
        return;
    const QPoint pos = event->position().toPoint();
    // Dragging past the edges scrolls.
    if (pos.y() < 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() - 1);
    else if (pos.y() > viewport()->height())
        verticalScrollBar()->setValue(verticalScrollBar()->value() + 1);
    setCursorOffset(offsetAt(pos), true);
}

void LargeTextView::mouseReleaseEvent(QMouseEvent *event)
{
    m_selecting = false;
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void LargeTextView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QString &text = m_text->text();
    const qsizetype at = offsetAt(event->position().toPoint());
    qsizetype start = at;
    qsizetype end = at;
    while (start > 0 && isWordChar(text.at(start - 1)))
        --start;
    while (end < text.size() && isWordChar(text.at(end)))
        ++end;
    m_anchor = start;
    m_cursor = end;
    viewport()->update();
    Q_EMIT selectionChanged();
}

void LargeTextView::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *v = verticalScrollBar();
    QScrollBar *h = horizontalScrollBar();
    if (event == QKeySequence::Copy) {
        copy();
    } else if (event == QKeySequence::SelectAll) {
        selectAll();
    } else if (event == QKeySequence::MoveToStartOfDocument) {
        v->setValue(0);
        h->setValue(0);
    } else if (event == QKeySequence::MoveToEndOfDocument) {
        v->setValue(v->maximum());
    } else {
        switch (event->key()) {
        case Qt::Key_Up: v->triggerAction(QAbstractSlider::SliderSingleStepSub); break;
        case Qt::Key_Down: v->triggerAction(QAbstractSlider::SliderSingleStepAdd); break;
        case Qt::Key_PageUp: v->triggerAction(QAbstractSlider::SliderPageStepSub); break;
        case Qt::Key_PageDown: v->triggerAction(QAbstractSlider::SliderPageStepAdd); break;
        case Qt::Key_Left: h->triggerAction(QAbstractSlider::SliderSingleStepSub); break;
        case Qt::Key_Right: h->triggerAction(QAbstractSlider::SliderSingleStepAdd); break;
        case Qt::Key_Home: h->setValue(0); break;
        case Qt::Key_End: h->setValue(h->maximum()); break;
        case Qt::Key_Escape:
            if (hasSelection()) {
                clearSelection();
                break;
            }
            event->ignore();
            return;
        default:
            QAbstractScrollArea::keyPressEvent(event);
            return;
        }
    }
    event->accept();
}

void LargeTextView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *copyAction = menu->addAction(tr("&Copy"), this, &LargeTextView::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(hasSelection());
    QAction *all = menu->addAction(tr("Select &All"), this, &LargeTextView::selectAll);
    all->setShortcut(QKeySequence::SelectAll);
    menu->popup(event->globalPos());
}

} // namespace LivyDesk
