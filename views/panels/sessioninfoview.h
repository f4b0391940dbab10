// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QScrollArea>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace LivyDesk {

/// Every field of a Livy::Session, read-only and selectable: identity and state, the application links
/// (Spark UI, driver log, executor logs: activating one emits linkActivated()), the echo of the creation request
/// (Livy 0.8+; unset values show as "—"), the echoed conf as a table, and the last log lines.
class SessionInfoView : public QScrollArea
{
    Q_OBJECT
public:
    explicit SessionInfoView(QWidget *parent = nullptr);

    void setSession(const Livy::Session &session);
    /// The text shown for a field, by its Livy JSON name ("driverMemory", "appId", "sparkUiUrl"…), for tests.
    QString fieldText(const QString &key) const;
    QTableWidget *confTable() const { return m_conf; }

Q_SIGNALS:
    void linkActivated(const QUrl &url);

private:
    QLabel *addField(QFormLayout *form, const QString &key, const QString &label);

    QHash<QString, QLabel *> m_fields;
    QTableWidget *m_conf = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_confEmpty = nullptr;
};

} // namespace LivyDesk
