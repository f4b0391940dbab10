// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statementoutputarea.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>

#if __has_include("output/outputview.h")
#include "output/outputview.h"
#define LIVYDESK_HAVE_OUTPUTVIEW 1
#endif

namespace LivyDesk {

StatementOutputArea::StatementOutputArea(QWidget *parent)
    : QStackedWidget(parent)
{
    setAccessibleName(QStringLiteral("Statement output"));
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    addWidget(m_message);
#ifdef LIVYDESK_HAVE_OUTPUTVIEW
    m_view = new OutputView(this);
#else
    auto *text = new QPlainTextEdit(this);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view = text;
#endif
    m_view->setAccessibleName(QStringLiteral("Output"));
    addWidget(m_view);
    showMessage(QStringLiteral("Select a statement to see its output."));
}

QString StatementOutputArea::plainText(const Livy::StatementOutput &output)
{
    if (output.isError()) {
        QString text = output.ename + QStringLiteral(": ") + output.evalue;
        // Python's traceback lines end with a newline, Scala's and R's do not.
        for (const QString &line : output.traceback)
            text += (text.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n")) + line;
        return text.trimmed();
    }
    const QJsonValue plain = output.data.value(QStringLiteral("text/plain"));
    if (plain.isString() && !plain.toString().isEmpty())
        return plain.toString();
    for (auto it = output.data.constBegin(); it != output.data.constEnd(); ++it) {
        if (it.key() == QLatin1String("image/png"))
            continue;
        const QJsonValue v = it.value();
        if (v.isObject())
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented));
        if (v.isArray())
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented));
        return v.toVariant().toString();
    }
    return output.data.contains(QStringLiteral("image/png")) ? QStringLiteral("(image)") : QString();
}

void StatementOutputArea::showMessage(const QString &message)
{
    m_message->setText(message);
    setCurrentWidget(m_message);
    m_shown.reset();
    m_plain.clear();
}

void StatementOutputArea::clear(const QString &message)
{
    showMessage(message);
}

void StatementOutputArea::setStatement(const Livy::Statement &s)
{
    using S = Livy::StatementState;
    if (!s.output) {
        switch (s.state) {
        case S::Waiting: showMessage(QStringLiteral("Statement %1 is waiting for the session…").arg(s.id)); break;
        case S::Running:
            showMessage(QStringLiteral("Statement %1 is running… %2 %").arg(s.id).arg(qRound(s.progress * 100.0)));
            break;
        case S::Cancelling: showMessage(QStringLiteral("Cancelling statement %1…").arg(s.id)); break;
        case S::Cancelled: showMessage(QStringLiteral("Statement %1 was cancelled.").arg(s.id)); break;
        default: showMessage(QStringLiteral("Statement %1 has no output.").arg(s.id)); break;
        }
        return;
    }
    if (m_shown && *m_shown == *s.output && currentWidget() == m_view)
        return;
    m_shown = s.output;
    m_plain = plainText(*s.output);
#ifdef LIVYDESK_HAVE_OUTPUTVIEW
    static_cast<OutputView *>(m_view)->setOutput(*s.output);
#else
    static_cast<QPlainTextEdit *>(m_view)->setPlainText(m_plain);
#endif
    setCurrentWidget(m_view);
}

QString StatementOutputArea::text() const
{
    return currentWidget() == m_message ? m_message->text() : m_plain;
}

} // namespace LivyDesk
