// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "codeeditor.h"

#include "builtinhighlighter.h"

#include "codehighlighter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QRegularExpression>
#include <QSet>
#include <QFile>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QTextDocumentFragment>

namespace LivyDesk {

/// The gutter: a child widget painted by the editor (it knows the block geometry).
class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(CodeEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
        setAccessibleName(QStringLiteral("Line numbers"));
    }
    QSize sizeHint() const override { return { m_editor->lineNumberAreaWidth(), 0 }; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    CodeEditor *m_editor;
};

namespace {

const QString openBrackets = QStringLiteral("([{");
const QString closeBrackets = QStringLiteral(")]}");

int leadingWhitespace(const QString &line)
{
    int i = 0;
    while (i < line.size() && (line.at(i) == QLatin1Char(' ') || line.at(i) == QLatin1Char('\t')))
        ++i;
    return i;
}

/// The part of a line before its comment, found with a small quote-aware scan (enough for indentation rules).
QString codeBeforeComment(const QString &line, const QString &marker)
{
    if (marker.isEmpty())
        return line;
    QChar quote;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (QStringView(line).mid(i).startsWith(marker)) {
            return line.left(i);
        }
    }
    return line;
}

QString lineCommentMarker(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Python:
    case CodeLanguage::R: return QStringLiteral("#");
    case CodeLanguage::Scala: return QStringLiteral("//");
    case CodeLanguage::Sql: return QStringLiteral("--");
    case CodeLanguage::PlainText: break;
    }
    return {};
}

bool isBlank(const QTextBlock &block)
{
    return block.text().trimmed().isEmpty();
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setAccessibleName(QStringLiteral("Code editor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * m_indentWidth);
    setPlaceholderText(QStringLiteral("Write code here. Ctrl+Enter runs everything, Shift+Enter the selection or "
                                      "paragraph, Ctrl+Space completes."));

    m_lineNumberArea = new LineNumberArea(this);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        updateExtraSelections();
        m_lineNumberArea->update();
    });

    m_highlighter = CodeHighlighter::create(document(), this);

    m_completionModel = new QStringListModel(this);
    m_completer = new QCompleter(m_completionModel, this);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    m_completer->popup()->setAccessibleName(QStringLiteral("Completions"));
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &CodeEditor::insertCompletion);

    applyPalette();
    updateLineNumberAreaWidth();
    updateExtraSelections();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setKind(const QString &kind)
{
    m_kind = canonicalKind(kind);
    m_language = languageForKind(m_kind);
    m_highlighter->setLanguage(m_language);
}

QAbstractItemView *CodeEditor::completionPopup() const
{
    return m_completer->popup();
}

int CodeEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = qMax(digits, 3);
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void CodeEditor::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumberArea->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        applyPalette();
        break;
    case QEvent::FontChange:
        setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * m_indentWidth);
        updateLineNumberAreaWidth();
        break;
    default:
        break;
    }
}

void CodeEditor::applyPalette()
{
    const bool dark = CodeHighlighter::isDarkPalette(palette());
    if (m_highlighter && m_highlighter->isDarkTheme() != dark)
        m_highlighter->setDarkTheme(dark);
    updateExtraSelections();
    if (m_lineNumberArea)
        m_lineNumberArea->update();
}

void CodeEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette pal = palette();
    const bool dark = CodeHighlighter::isDarkPalette(pal);
    QColor background = pal.color(QPalette::Base);
    background = dark ? background.lighter(115) : background.darker(104);
    painter.fillRect(event->rect(), background);

    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    qreal bottom = top + blockBoundingRect(block).height();
    const int current = textCursor().blockNumber();
    const int width = m_lineNumberArea->width() - 6;
    const int lineHeight = fontMetrics().height();
    QColor dim = pal.color(QPalette::Text);
    dim.setAlphaF(0.45f);
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.setPen(number == current ? pal.color(QPalette::Text) : dim);
            painter.drawText(0, int(top), width, lineHeight, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + blockBoundingRect(block).height();
        ++number;
    }
}

int CodeEditor::matchingBracket(int position, QChar bracket) const
{
    const QTextDocument *doc = document();
    qsizetype index = openBrackets.indexOf(bracket);
    const bool forward = index >= 0;
    if (!forward)
        index = closeBrackets.indexOf(bracket);
    if (index < 0)
        return -1;
    const QChar partner = forward ? closeBrackets.at(index) : openBrackets.at(index);
    const int step = forward ? 1 : -1;
    const int end = doc->characterCount();
    int depth = 1;
    // Bounded: a bracket tens of thousands of characters away is not worth a stall on every cursor move.
    for (int i = position + step, steps = 0; i >= 0 && i < end && steps < 100000; i += step, ++steps) {
        const QChar c = doc->characterAt(i);
        if (c == bracket)
            ++depth;
        else if (c == partner && --depth == 0)
            return i;
    }
    return -1;
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const bool dark = CodeHighlighter::isDarkPalette(palette());
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection line;
        QColor color = palette().color(QPalette::Highlight);
        color.setAlpha(dark ? 48 : 30);
        line.format.setBackground(color);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = textCursor();
        line.cursor.clearSelection();
        selections.append(line);
    }

    const int pos = textCursor().position();
    int at = -1;
    QChar bracket = document()->characterAt(pos);
    if (openBrackets.contains(bracket) || closeBrackets.contains(bracket)) {
        at = pos;
    } else if (pos > 0) {
        bracket = document()->characterAt(pos - 1);
        if (openBrackets.contains(bracket) || closeBrackets.contains(bracket))
            at = pos - 1;
    }
    if (at >= 0) {
        const int match = matchingBracket(at, bracket);
        QTextCharFormat format;
        if (match >= 0) {
            QColor color = palette().color(QPalette::Highlight);
            color.setAlpha(dark ? 110 : 70);
            format.setBackground(color);
            format.setFontWeight(QFont::Bold);
        } else {
            format.setBackground(dark ? QColor(0x8b, 0x1e, 0x1e) : QColor(0xff, 0xc4, 0xc4));
        }
        for (const int p : { at, match }) {
            if (p < 0)
                continue;
            QTextEdit::ExtraSelection selection;
            selection.format = format;
            selection.cursor = QTextCursor(document());
            selection.cursor.setPosition(p);
            selection.cursor.setPosition(p + 1, QTextCursor::KeepAnchor);
            selections.append(selection);
        }
    }
    setExtraSelections(selections);
}

QString CodeEditor::selectionOrParagraph() const
{
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return cursor.selection().toPlainText();
    QTextBlock first = cursor.block();
    if (isBlank(first))
        return {};
    QTextBlock last = first;
    // Backwards: up to a blank line, and further while the paragraph is indented (the body of a def or a loop
    // separated by blank lines belongs to the statement that opens it).
    for (;;) {
        while (first.previous().isValid() && !isBlank(first.previous()))
            first = first.previous();
        if (leadingWhitespace(first.text()) == 0)
            break;
        QTextBlock previous = first.previous();
        while (previous.isValid() && isBlank(previous))
            previous = previous.previous();
        if (!previous.isValid())
            break;
        first = previous;
    }
    // Forwards: up to a blank line, and on over blank lines while the next code is indented deeper than the start.
    const int baseIndent = leadingWhitespace(first.text());
    for (;;) {
        while (last.next().isValid() && !isBlank(last.next()))
            last = last.next();
        QTextBlock next = last.next();
        while (next.isValid() && isBlank(next))
            next = next.next();
        if (!next.isValid() || leadingWhitespace(next.text()) <= baseIndent)
            break;
        last = next;
    }
    QStringList lines;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        lines.append(b.text());
        if (b == last)
            break;
    }
    return lines.join(QLatin1Char('\n'));
}

void CodeEditor::runAll()
{
    const QString code = toPlainText();
    if (!code.trimmed().isEmpty())
        Q_EMIT runRequested(code, m_kind);
}

void CodeEditor::runSelection()
{
    const QString code = selectionOrParagraph();
    if (!code.trimmed().isEmpty())
        Q_EMIT runRequested(code, m_kind);
}

void CodeEditor::requestCompletion()
{
    m_completionPosition = textCursor().position();
    Q_EMIT completionRequested(toPlainText(), m_completionPosition, m_kind);
}

QString CodeEditor::wordBeforeCursor() const
{
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    int i = cursor.positionInBlock();
    const int end = i;
    while (i > 0 && (line.at(i - 1).isLetterOrNumber() || line.at(i - 1) == QLatin1Char('_')))
        --i;
    return line.mid(i, end - i);
}

void CodeEditor::showCompletions(const QStringList &candidates)
{
    QAbstractItemView *popup = m_completer->popup();
    const int pos = textCursor().position();
    const QString prefix = wordBeforeCursor();
    // Drop an answer that arrives after the cursor left the word it was asked for.
    const bool stale = m_completionPosition < 0 || m_completionPosition < pos - prefix.size()
                       || m_completionPosition > pos;
    if (stale) {
        popup->hide();
        return;
    }
    QStringList unique = candidates;
    if (unique.isEmpty()) {
        // Livy completes only Scala (`[]` for pyspark, sparkr and sql): offer the editor's own words instead.
        unique = localCompletions(prefix);
        Q_EMIT completionNote(unique.isEmpty()
                                  ? tr("No completion: Livy completes only Scala code, and no word here starts with \"%1\".").arg(prefix)
                                  : tr("Livy completes only Scala code; these are words from this editor and the language."));
        if (unique.isEmpty()) {
            popup->hide();
            return;
        }
    }
    unique.removeDuplicates();
    m_completionModel->setStringList(unique);
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0)
        m_completer->setCompletionPrefix(QString()); // candidates that do not start with the word: show them all
    QRect rect = cursorRect();
    rect.translate(viewport()->pos());
    rect.setWidth(popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(rect);
    popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

QStringList CodeEditor::localCompletions(const QString &prefix) const
{
    static const QStringList spark = QString::fromLatin1(
        "spark sc sqlContext createDataFrame createOrReplaceTempView read table sql select selectExpr filter where "
        "groupBy agg orderBy sort limit join union unionByName distinct dropDuplicates withColumn withColumnRenamed "
        "drop collect count show toPandas cache persist unpersist repartition coalesce printSchema schema columns "
        "alias cast isNull isNotNull when otherwise col lit expr explode count countDistinct sum avg mean min max "
        "round asc desc window partitionBy rowsBetween parquet csv json saveAsTable write mode format option load")
                                         .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList words;
    QSet<QString> seen;
    auto add = [&](const QString &w) {
        if (w.size() > prefix.size() && w.startsWith(prefix) && !seen.contains(w)) {
            seen.insert(w);
            words.append(w);
        }
    };
    // The editor's own identifiers first (most likely what is meant), then the language and Spark.
    static const QRegularExpression identifier(QStringLiteral(R"(\b[A-Za-z_][A-Za-z0-9_]{2,}\b)"));
    const QString text = toPlainText();
    const int cursor = textCursor().position();
    QRegularExpressionMatchIterator it = identifier.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() <= cursor && cursor <= m.capturedEnd())
            continue; // the word being typed
        add(m.captured());
    }
    const CodeLanguage language = languageForKind(m_kind);
    for (const QString &w : BuiltinHighlighter::vocabulary(language))
        add(w);
    if (language == CodeLanguage::Python || language == CodeLanguage::Scala)
        for (const QString &w : spark)
            add(w);
    return words;
}

void CodeEditor::insertCompletion(const QString &completion)
{
    QTextCursor cursor = textCursor();
    const int prefixLength = int(wordBeforeCursor().size());
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, prefixLength);
    cursor.insertText(completion);
    setTextCursor(cursor);
    m_completionPosition = -1;
}

bool CodeEditor::handleReturn()
{
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    const QString line = cursor.block().text();
    const int column = cursor.positionInBlock();
    const QString before = line.left(column);
    const QString after = line.mid(column);
    const QString indent = before.left(leadingWhitespace(before));
    const QString unit(m_indentWidth, QLatin1Char(' '));
    const QString code = codeBeforeComment(before, lineCommentMarker(m_language)).trimmed();

    bool opens = false;
    bool dedents = false;
    if (m_language != CodeLanguage::PlainText && !code.isEmpty()) {
        const QChar last = code.back();
        opens = openBrackets.contains(last);
        if (m_language == CodeLanguage::Python) {
            opens = opens || last == QLatin1Char(':');
            static const QStringList enders = { QStringLiteral("return"), QStringLiteral("pass"),
                                                QStringLiteral("break"), QStringLiteral("continue"),
                                                QStringLiteral("raise") };
            const QString first = code.section(QLatin1Char(' '), 0, 0);
            dedents = enders.contains(first);
        } else if (m_language == CodeLanguage::Scala) {
            opens = opens || code.endsWith(QLatin1String("=>")) || code.endsWith(QLatin1Char('='));
        }
    }
    QString newIndent = indent;
    if (opens)
        newIndent += unit;
    else if (dedents)
        newIndent.chop(qMin<qsizetype>(unit.size(), newIndent.size()));

    const QString rest = after.trimmed();
    // Enter between an opener and its closer ("{|}", "x =>|}") puts the closer on its own line below.
    const bool closerFollows = opens && !rest.isEmpty() && closeBrackets.contains(rest.front())
                               && (openBrackets.contains(code.back()) || m_language != CodeLanguage::Python);
    cursor.beginEditBlock();
    // Whitespace after the cursor would push the new line's code right of its indentation.
    const int trailingSpaces = leadingWhitespace(after);
    cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, trailingSpaces);
    cursor.removeSelectedText();
    if (closerFollows) {
        cursor.insertText(QLatin1Char('\n') + newIndent);
        const int middle = cursor.position();
        cursor.insertText(QLatin1Char('\n') + indent);
        cursor.setPosition(middle);
    } else {
        cursor.insertText(QLatin1Char('\n') + newIndent);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
    return true;
}

void CodeEditor::indentSelection(bool indent)
{
    QTextCursor cursor = textCursor();
    QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    if (last != first && cursor.selectionEnd() == last.position())
        last = last.previous(); // a selection ending at column 0 does not include that line
    cursor.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        QTextCursor c(b);
        if (indent) {
            c.insertText(QString(m_indentWidth, QLatin1Char(' ')));
        } else {
            const QString text = b.text();
            int remove = 0;
            if (text.startsWith(QLatin1Char('\t')))
                remove = 1;
            else
                while (remove < m_indentWidth && remove < text.size() && text.at(remove) == QLatin1Char(' '))
                    ++remove;
            c.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, remove);
            c.removeSelectedText();
        }
        if (b == last)
            break;
    }
    cursor.endEditBlock();
    if (first != last) {
        QTextCursor selection(document());
        selection.setPosition(first.position());
        selection.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
        setTextCursor(selection);
    }
}

bool CodeEditor::dedentAtCursor()
{
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    const int column = cursor.positionInBlock();
    const QString before = cursor.block().text().left(column);
    if (column == 0 || !before.trimmed().isEmpty() || before.contains(QLatin1Char('\t')))
        return false;
    const int remove = column % m_indentWidth == 0 ? m_indentWidth : column % m_indentWidth;
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, remove);
    cursor.removeSelectedText();
    setTextCursor(cursor);
    return true;
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    const bool popupVisible = m_completer->popup()->isVisible();
    const int key = event->key();
    if (popupVisible) {
        // The completer's popup handles these itself (choose, dismiss).
        switch (key) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const bool isReturn = key == Qt::Key_Return || key == Qt::Key_Enter;
    if (isReturn && mods == Qt::ControlModifier) {
        runAll();
        return;
    }
    if (isReturn && mods == Qt::ShiftModifier) {
        runSelection();
        return;
    }
    if (key == Qt::Key_Space && mods == Qt::ControlModifier) {
        requestCompletion();
        return;
    }
    if (!isReadOnly()) {
        if (isReturn && mods == Qt::NoModifier && handleReturn())
            return;
        if (key == Qt::Key_Tab && mods == Qt::NoModifier) {
            QTextCursor cursor = textCursor();
            if (cursor.hasSelection() && document()->findBlock(cursor.selectionStart())
                                             != document()->findBlock(cursor.selectionEnd())) {
                indentSelection(true);
            } else {
                const int column = cursor.positionInBlock();
                cursor.insertText(QString(m_indentWidth - column % m_indentWidth, QLatin1Char(' ')));
            }
            return;
        }
        if (key == Qt::Key_Backtab) {
            indentSelection(false);
            return;
        }
        if (key == Qt::Key_Backspace && mods == Qt::NoModifier && dedentAtCursor())
            return;
        // A closing bracket typed on an indented, otherwise empty line goes back one level (not in Python, where
        // the indentation is the syntax and brackets are usually closed on the opening line).
        if (event->text().size() == 1 && closeBrackets.contains(event->text().front())
            && m_language != CodeLanguage::Python && m_language != CodeLanguage::PlainText) {
            QTextCursor cursor = textCursor();
            const QString before = cursor.block().text().left(cursor.positionInBlock());
            if (!cursor.hasSelection() && !before.isEmpty() && before.trimmed().isEmpty()
                && !before.contains(QLatin1Char('\t'))) {
                cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor,
                                    int(qMin<qsizetype>(m_indentWidth, before.size())));
                cursor.removeSelectedText();
                setTextCursor(cursor);
            }
        }
    }
    QPlainTextEdit::keyPressEvent(event);

    if (popupVisible) {
        // Keep filtering the open popup with what is typed; a non-identifier character or no match closes it.
        const QString typed = event->text();
        const bool identifierChar = !typed.isEmpty()
                                    && (typed.front().isLetterOrNumber() || typed.front() == QLatin1Char('_'));
        if (!typed.isEmpty() && !identifierChar && key != Qt::Key_Backspace) {
            m_completer->popup()->hide();
            return;
        }
        m_completer->setCompletionPrefix(wordBeforeCursor());
        if (m_completer->completionCount() == 0)
            m_completer->popup()->hide();
        else
            m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
}

bool CodeEditor::loadFile(const QString &path, QString *errorText)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errorText)
            *errorText = file.errorString();
        return false;
    }
    const QString text = QString::fromUtf8(file.readAll());
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    cursor.movePosition(QTextCursor::Start);
    setTextCursor(cursor);
    return true;
}

bool CodeEditor::saveFile(const QString &path, QString *errorText) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toPlainText().toUtf8()) < 0 || !file.commit()) {
        if (errorText)
            *errorText = file.errorString();
        return false;
    }
    return true;
}

} // namespace LivyDesk
