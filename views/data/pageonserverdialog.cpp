// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageonserverdialog.h"

#include "data/sqltext.h"
#include "output/outputstyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace LivyDesk {

PageOnServerDialog::PageOnServerDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Page Through a Result on the Server"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(tr("The query runs once on the server and its result stays there as a temporary view; "
                            "LivyDesk fetches the pages you look at, sorts and filters on the server, and can export "
                            "every row."),
                         this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout;
    m_query = new QPlainTextEdit(this);
    m_query->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_query->setPlaceholderText(tr("SELECT … (Spark SQL). For a DataFrame df: run df.createOrReplaceTempView(\"name\") "
                                   "and enter SELECT * FROM name."));
    m_query->setAccessibleName(tr("Query to keep on the server"));
    m_query->setMinimumHeight(110);
    m_name = new QLineEdit(this);
    m_name->setAccessibleName(tr("Temporary view name"));
    m_cache = new QCheckBox(tr("Cache it in Spark (pages come faster and stay in the same order)"), this);
    m_cache->setChecked(true);
    form->addRow(tr("&Query:"), m_query);
    form->addRow(tr("&View name:"), m_name);
    form->addRow(QString(), m_cache);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    QPalette p = m_problem->palette();
    p.setColor(QPalette::WindowText, OutputStyle::errorText(palette()));
    m_problem->setPalette(p);
    m_problem->setAccessibleName(tr("Problem"));
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Keep and Page"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_query, &QPlainTextEdit::textChanged, this, &PageOnServerDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, &PageOnServerDialog::validate);
    resize(620, 320);
    validate();
}

void PageOnServerDialog::setQuery(const QString &sql)
{
    m_query->setPlainText(sql);
}

QString PageOnServerDialog::query() const
{
    return m_query->toPlainText().trimmed();
}

void PageOnServerDialog::setViewName(const QString &name)
{
    m_name->setText(name);
}

QString PageOnServerDialog::viewName() const
{
    return m_name->text().trimmed();
}

bool PageOnServerDialog::cache() const
{
    return m_cache->isChecked();
}

void PageOnServerDialog::setCache(bool cache)
{
    m_cache->setChecked(cache);
}

void PageOnServerDialog::setIntro(const QString &text)
{
    m_intro->setText(text);
}

void PageOnServerDialog::validate()
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QString problem;
    if (query().isEmpty())
        problem = tr("Enter the query whose result to keep.");
    else if (!Livy::looksLikeQuery(query()))
        problem = tr("This is not a query (SELECT, WITH, VALUES, TABLE or FROM): a view can only hold a query's result.");
    else if (!identifier.match(viewName()).hasMatch())
        problem = tr("The view name takes letters, digits and underscores, and does not start with a digit.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(problem.isEmpty());
}

} // namespace LivyDesk
