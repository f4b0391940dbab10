// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace LivyDesk {

/// A table's definition (`SHOW CREATE TABLE`) in a read-only monospace view with Copy, or why there is none.
class DefinitionDialog : public QDialog
{
    Q_OBJECT
public:
    DefinitionDialog(const QString &table, const QString &ddl, const QString &error, QWidget *parent = nullptr);
    QString text() const;

private:
    QPlainTextEdit *m_text = nullptr;
};

} // namespace LivyDesk
