// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestbodyeditor.h"

#include "panels/statestyle.h"
#include "sessionrequestrules.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace LivyDesk {

namespace Rules = SessionRequestRules;

RequestBodyEditor::RequestBodyEditor(QWidget *parent)
    : QWidget(parent)
{
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("preview"));
    m_text->setAccessibleName(tr("Request body"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTabChangesFocus(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("bodyProblem"));
    m_problem->setAccessibleName(tr("Request body problem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    m_copy = new QPushButton(tr("Copy JSON"), this);
    m_copy->setAccessibleName(tr("Copy request body"));
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_text->isReadOnly())
            return;
        revalidate();
        Q_EMIT edited();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_problem, 1);
    bottom->addWidget(m_copy, 0, Qt::AlignRight | Qt::AlignTop);
    layout->addLayout(bottom);
    setReadOnly(true);
}

void RequestBodyEditor::setReadOnly(bool readOnly)
{
    m_text->setReadOnly(readOnly);
    m_text->setAccessibleName(readOnly ? tr("Request body preview") : tr("Request body"));
    if (!readOnly)
        revalidate();
}

bool RequestBodyEditor::isReadOnly() const
{
    return m_text->isReadOnly();
}

void RequestBodyEditor::setRequest(const Livy::CreateSessionRequest &request)
{
    setText(QString::fromUtf8(QJsonDocument(request.toJson()).toJson(QJsonDocument::Indented)));
}

QString RequestBodyEditor::text() const
{
    return m_text->toPlainText();
}

void RequestBodyEditor::setText(const QString &text)
{
    if (m_text->toPlainText() == text)
        return;
    // Keep the reader's place: the preview is rewritten at every keystroke in the create dialog.
    const int scroll = m_text->verticalScrollBar() ? m_text->verticalScrollBar()->value() : 0;
    m_text->setPlainText(text);
    if (m_text->isReadOnly() && m_text->verticalScrollBar())
        m_text->verticalScrollBar()->setValue(scroll);
    if (!m_text->isReadOnly())
        revalidate();
}

std::optional<Livy::CreateSessionRequest> RequestBodyEditor::request() const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return Livy::CreateSessionRequest::fromJson(doc.object());
}

QStringList RequestBodyEditor::problemsOf(const Livy::CreateSessionRequest &r)
{
    QStringList problems;
    auto add = [&problems](const QString &field, const QString &error) {
        if (!error.isEmpty())
            problems.append(QStringLiteral("%1: %2").arg(field, error));
    };
    if (r.name)
        add(QStringLiteral("name"), Rules::sessionNameError(*r.name));
    if (r.driverMemory)
        add(QStringLiteral("driverMemory"), Rules::memoryError(*r.driverMemory));
    if (r.executorMemory)
        add(QStringLiteral("executorMemory"), Rules::memoryError(*r.executorMemory));
    if (r.ttl)
        add(QStringLiteral("ttl"), Rules::timeStringError(*r.ttl));
    if (r.idleTimeout)
        add(QStringLiteral("idleTimeout"), Rules::timeStringError(*r.idleTimeout));
    for (const auto &[key, list] : { std::pair{ QStringLiteral("jars"), r.jars },
                                     std::pair{ QStringLiteral("pyFiles"), r.pyFiles },
                                     std::pair{ QStringLiteral("files"), r.files },
                                     std::pair{ QStringLiteral("archives"), r.archives } })
        for (const QString &entry : list.value_or(QStringList()))
            add(key, Rules::resourcePathError(entry));
    return problems;
}

void RequestBodyEditor::revalidate()
{
    m_problems.clear();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        m_problems.append(tr("Not JSON: %1 (at character %2)").arg(error.errorString()).arg(error.offset));
    else if (!doc.isObject())
        m_problems.append(tr("The body must be a JSON object ({ … })"));
    else
        m_problems = problemsOf(Livy::CreateSessionRequest::fromJson(doc.object()));
    m_problem->setText(m_problems.isEmpty() ? QString() : m_problems.first());
    m_problem->setToolTip(m_problems.join(QLatin1Char('\n')));
    m_problem->setVisible(!m_problems.isEmpty());
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, StateStyle::colour(StateStyle::Tone::Bad, palette()));
    m_problem->setPalette(pal);
}

} // namespace LivyDesk
