// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QWidget>

#include <optional>

namespace LivyDesk {

class OutputView;

/// Shows the selected statement's result in an OutputView (views/output): its output once available (parsed
/// once per output, not on every poll), or a placeholder with the progress while it waits or runs.
class StatementOutputArea : public QWidget
{
    Q_OBJECT
public:
    explicit StatementOutputArea(QWidget *parent = nullptr);

    void setStatement(const Livy::Statement &statement);
    void clear(const QString &message);
    OutputView *outputView() const { return m_view; }
    /// The placeholder's message, or a plain-text rendering of the output shown (for tests and copying).
    QString text() const;
    /// An output (not a placeholder) is on screen and fully prepared.
    bool isOutputShown() const;
    /// A plain-text rendering of an output: text/plain, an error's name, value and traceback, or JSON.
    static QString plainText(const Livy::StatementOutput &output);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    OutputView *m_view = nullptr;
    std::optional<Livy::StatementOutput> m_shown;
    QString m_plain;
};

} // namespace LivyDesk
