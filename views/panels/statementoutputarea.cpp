// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statementoutputarea.h"

#include "output/outputview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVBoxLayout>

namespace LivyDesk {

StatementOutputArea::StatementOutputArea(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(QStringLiteral("Statement output"));
    m_view = new OutputView(this);
    m_view->setAccessibleName(QStringLiteral("Output"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setFocusProxy(m_view);
    connect(m_view, &OutputView::statusMessage, this, &StatementOutputArea::statusMessage);
    clear(QString());
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

void StatementOutputArea::clear(const QString &message)
{
    m_shown.reset();
    m_plain.clear();
    m_view->showPlaceholder(OutputView::Placeholder::Empty, message);
}

void StatementOutputArea::setStatement(const Livy::Statement &s)
{
    using S = Livy::StatementState;
    if (!s.output) {
        m_shown.reset();
        m_plain.clear();
        const QString detail = QStringLiteral("Statement %1").arg(s.id);
        switch (s.state) {
        case S::Waiting: m_view->showPlaceholder(OutputView::Placeholder::Waiting, detail); break;
        case S::Running: m_view->showPlaceholder(OutputView::Placeholder::Running, detail, s.progress); break;
        case S::Cancelling: m_view->showPlaceholder(OutputView::Placeholder::Cancelling, detail); break;
        case S::Cancelled: m_view->showPlaceholder(OutputView::Placeholder::Cancelled, detail); break;
        default:
            m_view->showPlaceholder(OutputView::Placeholder::Empty,
                                    QStringLiteral("Statement %1 has no output.").arg(s.id));
            break;
        }
        return;
    }
    // Polls repeat the same output: parse it once.
    if (m_shown && *m_shown == *s.output)
        return;
    m_shown = s.output;
    m_plain = plainText(*s.output);
    m_view->setOutput(*s.output);
}

QString StatementOutputArea::text() const
{
    const QString placeholder = m_view->placeholderText();
    return m_shown && placeholder.isEmpty() ? m_plain : placeholder;
}

} // namespace LivyDesk

namespace LivyDesk {

bool StatementOutputArea::isOutputShown() const
{
    return m_shown.has_value() && !m_view->isPreparing() && m_view->placeholderText().isEmpty();
}

} // namespace LivyDesk
