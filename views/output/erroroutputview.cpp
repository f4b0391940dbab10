// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "erroroutputview.h"

#include "outputstyle.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

ErrorOutputView::ErrorOutputView(QWidget *parent)
    : QWidget(parent)
{
    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    icon->setAccessibleName(tr("Error"));

    m_name = new QLabel(this);
    m_name->setAccessibleName(tr("Error name"));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.35);
    m_name->setFont(nameFont);

    m_value = new QLabel(this);
    m_value->setAccessibleName(tr("Error message"));
    m_value->setWordWrap(true);
    m_value->setTextFormat(Qt::PlainText);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_value->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.1);
    m_value->setFont(valueFont);
    // A long message (Spark plans) scrolls instead of squeezing the traceback.
    auto *valueScroll = new QScrollArea(this);
    valueScroll->setWidget(m_value);
    valueScroll->setWidgetResizable(true);
    valueScroll->setFrameShape(QFrame::NoFrame);
    valueScroll->setMaximumHeight(QFontMetrics(valueFont).lineSpacing() * 8 + 8);
    valueScroll->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    valueScroll->setBackgroundRole(QPalette::Window);

    auto *copy = OutputStyle::toolButton(tr("Copy"), OutputStyle::withShortcut(tr("Copy the error and its traceback"), QKeySequence::Copy), this);

    m_tracebackTitle = new QLabel(tr("Traceback"), this);
    m_traceback = new QPlainTextEdit(this);
    m_traceback->setReadOnly(true);
    m_traceback->setFont(OutputStyle::monospaceFont());
    m_traceback->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_traceback->setAccessibleName(tr("Traceback"));
    m_traceback->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *head = new QVBoxLayout;
    head->setSpacing(4);
    head->addWidget(m_name);
    head->addWidget(valueScroll);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 8, 8, 4);
    top->setSpacing(12);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(head, 1);
    top->addWidget(copy, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(8, 4, 8, 0);
    titleRow->addWidget(m_tracebackTitle);
    layout->addLayout(titleRow);
    layout->addWidget(m_traceback, 1);

    connect(copy, &QToolButton::clicked, this, &ErrorOutputView::copyError);
    // Ctrl+C copies a selection where there is one, the whole error otherwise.
    connect(OutputStyle::shortcutAction(this, QKeySequence::Copy), &QAction::triggered, this, [this] {
        if (m_traceback->textCursor().hasSelection())
            m_traceback->copy();
        else if (m_value->hasSelectedText())
            QApplication::clipboard()->setText(m_value->selectedText());
        else
            copyError();
    });
    // The text widgets claim Ctrl+C even with nothing selected; let the shortcut above have it then.
    m_traceback->installEventFilter(this);
    m_value->installEventFilter(this);
    applyColors();
    setFocusProxy(m_traceback);
}

bool ErrorOutputView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        const bool selection = watched == m_traceback ? m_traceback->textCursor().hasSelection() : m_value->hasSelectedText();
        if (!selection) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ErrorOutputView::setError(const QString &ename, const QString &evalue, const QString &traceback)
{
    m_ename = ename;
    m_evalue = evalue;
    m_tracebackText = traceback;
    m_name->setText(ename);
    m_value->setText(evalue.isEmpty() ? tr("(no message)") : evalue);
    m_traceback->setPlainText(traceback);
    m_traceback->setVisible(!traceback.isEmpty());
    m_tracebackTitle->setVisible(!traceback.isEmpty());
}

QString ErrorOutputView::errorText() const
{
    QString text = m_evalue.isEmpty() ? m_ename : m_ename + QStringLiteral(": ") + m_evalue;
    if (!m_tracebackText.isEmpty())
        text += QLatin1Char('\n') + m_tracebackText;
    return text;
}

void ErrorOutputView::copyError()
{
    QApplication::clipboard()->setText(errorText());
    Q_EMIT statusMessage(tr("Copied the error to the clipboard"));
}

void ErrorOutputView::applyColors()
{
    QPalette p = m_name->palette();
    p.setColor(QPalette::WindowText, OutputStyle::errorText(palette()));
    m_name->setPalette(p);
    QPalette t = m_tracebackTitle->palette();
    t.setColor(QPalette::WindowText, OutputStyle::mutedText(palette()));
    m_tracebackTitle->setPalette(t);
}

void ErrorOutputView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

} // namespace LivyDesk
