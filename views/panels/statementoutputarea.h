// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace LivyDesk {

class OutputView;

/// What the statement list knows around one statement, for the words the output area uses.
struct StatementContext
{
    /// Cancelled, but Livy could not interrupt its code: it still runs on the driver.
    bool stillRunning = false;
    /// Running for this long, from the server's `started` (the server's clock); -1 when not running.
    qint64 elapsedMs = -1;
    /// The statement this one waits for (the one before it that is still pending or still running), or -1.
    int aheadId = -1;
    bool aheadStillRunning = false;
    /// The language the statement ran in (the session kind; for a shared session the editor's), for the
    /// DataFrame hint.
    QString language;
    /// The server no longer has this unfinished statement (evicted, or the session restarted).
    bool vanished = false;
    /// The session itself ended or is gone (so a vanished statement went with it, not by eviction).
    bool sessionOver = false;
    /// A run the server has not acknowledged yet (sending, or queued until the session is ready).
    bool local = false;
    /// What the session log says about the last failure (an interpreter that did not start), if anything.
    QStringList failure;
};

/// Shows the selected statement's result in an OutputView (views/output): its output once available (parsed
/// once per output, not on every poll), or a placeholder that says what the server is doing with it (waiting
/// behind statement N, running for 12 s, cancelling). Statement-level facts that are not part of the output get a
/// note above it, with the server's own text one click away: a cancellation is shown as a cancellation (Spark's
/// account of the cancelled job is not presented as the user's error), and a statement Livy could not interrupt
/// says so, while it runs on and once it has ended with its real output.
class StatementOutputArea : public QWidget
{
    Q_OBJECT
public:
    explicit StatementOutputArea(QWidget *parent = nullptr);

    void setStatement(const Livy::Statement &statement, const StatementContext &context = {});
    void clear(const QString &message);
    OutputView *outputView() const { return m_view; }
    /// The placeholder's message, or a plain-text rendering of the output shown (for tests and copying).
    QString text() const;
    /// The placeholder's detail line (empty when an output is shown).
    QString detailText() const;
    /// The note above the output ("Cancelled, but…"), empty when there is none.
    QString noteText() const;
    /// The note's button ("Show the server's text"), for tests.
    QPushButton *noteButton() const { return m_noteButton; }
    /// An output (not a placeholder) is on screen and fully prepared.
    bool isOutputShown() const;
    /// A plain-text rendering of an output: text/plain, an error's name, value and traceback, or JSON.
    static QString plainText(const Livy::StatementOutput &output);

Q_SIGNALS:
    void statusMessage(const QString &message);
    /// The user asked to run `code` (in `language`) in this session: "Show df as a table".
    void runRequested(const QString &code, const QString &language);
    /// The output's table was cut at Livy's row cap and the user wants every row, paged on the server.
    void pageOnServerRequested();

private:
    void showOutput(const Livy::StatementOutput &output);
    void setNote(const QString &text, const QString &button = {});
    void showPlaceholderFor(const Livy::Statement &s, const StatementContext &context);

    OutputView *m_view = nullptr;
    QWidget *m_note = nullptr;
    QLabel *m_noteText = nullptr;
    QPushButton *m_noteButton = nullptr;
    std::optional<Livy::StatementOutput> m_shown;
    std::optional<Livy::StatementOutput> m_serverText; ///< the output behind the note's button
    QString m_dataFrameCode;     ///< the note's button runs this ("Show df as a table")
    QString m_dataFrameLanguage;
    QString m_plain;
    QString m_cancelAccount; ///< "Spark stopped the statement's job: …"
};

} // namespace LivyDesk
