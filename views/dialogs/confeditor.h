// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QStringList>
#include <QWidget>

class QToolButton;
class QTableWidget;

namespace LivyDesk {

/// Edits a session's Spark `conf`: a key/value table whose key editor completes common Spark keys. Rows are
/// checked as they change: a duplicate or missing key is an error; a key Livy blacklists by default, or one a
/// dedicated request field also sets, is a warning (the server's own list may differ).
/// Keyboard: Insert adds a row, Delete removes, Ctrl+V pastes "key=value" / "key value" lines.
class ConfEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ConfEditor(QWidget *parent = nullptr);

    QMap<QString, QString> conf() const;
    void setConf(const QMap<QString, QString> &conf);
    /// Problems that block creating the session, one per line.
    QStringList errors() const { return m_errors; }
    /// Things worth knowing that do not block.
    QStringList warnings() const { return m_warnings; }
    /// Keys that a dedicated field of the dialog also sets, with that field's label, for overlap warnings.
    void setFieldsInUse(const QMap<QString, QString> &keyToFieldLabel);

    QTableWidget *table() const { return m_table; }

public Q_SLOTS:
    void addRow(const QString &key = {}, const QString &value = {});
    void removeSelected();
    void paste();
    /// Adds rows parsed from spark-defaults.conf style text: "key=value", "key value" or "key: value" lines;
    /// blank lines and # comments are skipped.
    void addLines(const QString &text);

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void revalidate();

    QTableWidget *m_table = nullptr;
    QToolButton *m_removeButton = nullptr;
    QStringList m_errors;
    QStringList m_warnings;
    QMap<QString, QString> m_fieldsInUse;
    bool m_updating = false;
};

} // namespace LivyDesk
