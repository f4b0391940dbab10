// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QStackedWidget>

class QLabel;

namespace LivyDesk {

/// Shows one statement's result: its output through the results engineer's OutputView when the build has it
/// (views/output), otherwise a plain-text rendering; a short message while the statement waits or runs.
class StatementOutputArea : public QStackedWidget
{
    Q_OBJECT
public:
    explicit StatementOutputArea(QWidget *parent = nullptr);

    /// Renders the statement (only re-renders when its output changed).
    void setStatement(const Livy::Statement &statement);
    void clear(const QString &message);
    QWidget *outputView() const { return m_view; }
    /// The placeholder message, or the plain text of what is shown.
    QString text() const;
    /// A plain-text rendering of an output (text/plain, an error's traceback, JSON) used for copying.
    static QString plainText(const Livy::StatementOutput &output);

private:
    void showMessage(const QString &message);

    QLabel *m_message = nullptr;
    QWidget *m_view = nullptr;
    std::optional<Livy::StatementOutput> m_shown;
    QString m_plain;
};

} // namespace LivyDesk
