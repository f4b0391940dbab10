// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace LivyDesk {

/// Asks what to keep on the server and page through: a Spark SQL query (the statement's own, when it is one) kept as
/// a temporary view named by the user, cached or not; or, with no query, an existing table or view by name.
class PageOnServerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PageOnServerDialog(QWidget *parent = nullptr);

    void setQuery(const QString &sql);
    QString query() const;
    void setViewName(const QString &name);
    QString viewName() const;
    bool cache() const;
    void setCache(bool cache);
    /// A sentence above the query (why the dialog is up).
    void setIntro(const QString &text);

    QPlainTextEdit *queryEdit() const { return m_query; }
    QLineEdit *nameEdit() const { return m_name; }

private:
    void validate();

    QLabel *m_intro = nullptr;
    QPlainTextEdit *m_query = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_cache = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace LivyDesk
