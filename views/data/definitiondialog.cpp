// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "definitiondialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace LivyDesk {

DefinitionDialog::DefinitionDialog(const QString &table, const QString &ddl, const QString &error, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Definition of %1").arg(table));
    auto *layout = new QVBoxLayout(this);
    if (!error.isEmpty()) {
        auto *label = new QLabel(tr("Spark has no definition to show: %1").arg(error), this);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
    }
    m_text = new QPlainTextEdit(ddl, this);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Table definition"));
    m_text->setVisible(error.isEmpty());
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setEnabled(error.isEmpty());
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(error.isEmpty() ? QSize(640, 360) : QSize(480, 140));
}

QString DefinitionDialog::text() const
{
    return m_text->toPlainText();
}

} // namespace LivyDesk
