// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"
#include "statementoutputarea.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QAction;
class QLabel;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace LivyDesk {

class CodeEditor;
class LeaseWarningBar;
class SessionInfoView;
class SparkBreakdownView;
class SparkExecutorsView;
class StatementOutputArea;

/// One open session, the content of its tab in the main window: a header (name, state, application links),
/// the statement history (Livy::StatementListModel: state, progress bar while running, duration, output summary)
/// and, for the selected statement, its code and its output; a second tab holds every session field.
/// New statements are selected as they arrive, so a run shows its output without a click.
class SessionPage : public QWidget
{
    Q_OBJECT
public:
    explicit SessionPage(int sessionId, QWidget *parent = nullptr);
    ~SessionPage() override;

    int sessionId() const { return m_sessionId; }
    void setSession(const Livy::Session &session);
    Livy::Session session() const { return m_session; }
    /// The server no longer has this session: the header says so (with the last state seen), never a green
    /// "idle"; the statements stay.
    void setGone(bool gone);
    bool isGone() const { return m_gone; }
    /// The tab's badge: the session state's colour, or neutral once the session is gone.
    QIcon badge() const;
    /// A line under the header for what the controller is doing or what went wrong ("Loading history…",
    /// "The session no longer exists on the server"); empty hides it.
    void setStatusText(const QString &text, bool problem = false);
    QString statusText() const;

    void setStatementModel(QAbstractItemModel *model);
    QAbstractItemModel *statementModel() const { return m_statements; }
    QTableView *statementView() const { return m_table; }
    /// The selected statement, or -1.
    int selectedStatementId() const;
    /// The newest statement that is not finished, or -1.
    int pendingStatementId() const;
    /// The statement the session works on: the running (or cancelling) one, else the oldest waiting one; -1.
    int activeStatementId() const;
    /// The statement is waiting, running or cancelling.
    bool isPending(int statementId) const;
    void selectStatement(int id);

    /// The selected statement's read-only code above its output (off by default: the list shows the code, and
    /// the room goes to the output).
    void setCodeVisible(bool visible);
    bool isCodeVisible() const;
    /// Only the output: the statement list and the code are hidden (MainWindow's "Maximise Output").
    void setOutputMaximised(bool maximised);
    bool isOutputMaximised() const { return m_outputMaximised; }

    /// What the session log says about the session's failure (livy/logexplainer.h): shown under the header and
    /// with statements whose interpreter did not start.
    void setFailureExplanation(const QStringList &lines);
    QStringList failureExplanation() const { return m_failure; }

    /// The language of a shared session's statements (the editor's kind), for the output's hints.
    void setLanguageHint(const QString &kind) { m_languageHint = kind; }

    /// "3 · etl" (id and name).
    QString title() const;
    /// What Copy takes from this page: the selected statement's code and output text.
    QString copyText() const;

    /// Where the session's Spark UI is when Livy does not say (found from the profile's template or the session
    /// log): the header's "Spark UI" button opens it.
    void setSparkUiUrl(const QUrl &url);
    /// What Spark does for the selected statement, between the statements and the output: the app's SessionBinding
    /// feeds it from the session's Livy::SparkTracker (this page knows only the values and models). `model` is a
    /// Livy::SparkStageModel owned elsewhere.
    void setSparkModel(QAbstractItemModel *model);
    /// The selected statement's breakdown is shown: its summary line and the Spark UI's address (may be empty).
    void setSparkHeader(const QString &summary, const QUrl &uiUrl);
    /// The jobs and stages tree (a running statement), or only the summary line (a finished one).
    void setSparkExpanded(bool expanded);
    /// No breakdown can be had: one quiet line, the route and error behind "Details".
    void setSparkUnavailable(const QString &reason, const QString &details);
    /// Nothing to say about Spark for the selected statement: the part is hidden.
    void clearSpark();
    /// The Executors tab: a Livy::SparkExecutorModel (owned elsewhere), where they come from (or why not), and the
    /// Spark UI's executors page (empty disables the link).
    void setExecutorsModel(QAbstractItemModel *model);
    void setExecutorsStatus(const QString &status, const QUrl &pageUrl);
    /// The Executors tab is on screen.
    bool isExecutorsTabShown() const;
    SparkBreakdownView *sparkView() const { return m_spark; }
    SparkExecutorsView *executorsView() const { return m_executors; }

    /// How long the session may still live ("may end in 12 min"), from the app's Livy::LeaseWatch; the tooltip
    /// says what it rests on (LeaseBudget::describe). Empty hides it: nothing is said when it cannot be known.
    void setLease(const QString &text, const QString &tooltip);
    QString leaseText() const;
    /// The non-modal warning above the statements that the server may soon end the session; "Keep Alive" only
    /// where activity moves the deadline.
    void showLeaseWarning(const QString &text, const QString &details, bool canKeepAlive);
    /// Whether the expiry warning is up (not dismissed, not cleared).
    bool isLeaseWarningShown() const;
    void clearLeaseWarning();
    LeaseWarningBar *leaseWarning() const { return m_leaseBar; }
    /// The statements marked as the session's setup (a gear beside their id; "Setup (n)…" in the header).
    void setSetupStatementIds(const QSet<int> &ids);
    QSet<int> setupStatementIds() const { return m_setupIds; }
    /// The statements table's "Mark as Setup Statement" (Ctrl+Alt+S), checked for a setup statement.
    QAction *markSetupAction() const { return m_markSetup; }
    /// Opens the statements table's context menu for the selected statement at `pos` (viewport coordinates).
    void showStatementMenu(const QPoint &pos);

    CodeEditor *codeView() const { return m_code; }
    /// The Details tab's view. Made when the tab is first shown (or asked for here): ten restored tabs do not build
    /// ten forms nobody looks at before the window is painted.
    SessionInfoView *infoView() const;
    /// The widget that renders the selected statement's output.
    QWidget *outputWidget() const;
    /// The text the output area shows for the selected statement (placeholder or plain text), for tests.
    QString outputText() const;
    /// The selected statement's output (not a placeholder) is on screen.
    bool isOutputShown() const;

Q_SIGNALS:
    void linkActivated(const QUrl &url);
    void titleChanged();
    /// The session's state changed.
    void stateChanged(Livy::SessionState state);
    /// badge() changed: the state, or the session is gone (tab badges follow it).
    void badgeChanged();
    /// One-line feedback from the output views ("Exported 1,000 rows to …").
    void statusMessage(const QString &message);
    /// Code to run in this session on the user's request from the output ("Show df as a table").
    void runRequested(const QString &code, const QString &kind);
    /// Keep statement `statementId`'s result on the server and page through all of it (its table hit Livy's cap).
    void pageOnServerRequested(int statementId);
    /// "Recreate…" on a session that ended or is gone: a new session with the same create body.
    void recreateRequested();
    /// "Keep Alive" on the expiry warning.
    void keepAliveRequested();
    /// Mark (or unmark) statement `statementId` as part of the session's setup.
    void setupMarkRequested(int statementId, bool setup);
    /// "Setup…": the session's setup list (reorder, remove).
    void setupEditRequested();
    /// Another statement is selected (its id; -1 for none).
    void selectedStatementChanged(int id);
    /// The Executors tab became visible or hidden: fetch them only while shown.
    void executorsShown(bool shown);
    /// "Refresh" on the Executors tab.
    void executorsRefreshRequested();

private:
    void showStatement(const QModelIndex &index);
    void refreshSelected();
    void updateHeader();
    void selectNewest();
    void updateTicker();
    void updateMarkSetup();
    StatementContext contextFor(const Livy::Statement &statement) const;

    int m_sessionId;
    Livy::Session m_session;
    bool m_gone = false;
    QPointer<QAbstractItemModel> m_statements; ///< owned by the session controller
    QLabel *m_title = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_stateBadge = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_sparkUi = nullptr;
    QToolButton *m_driverLog = nullptr;
    QToolButton *m_recreate = nullptr;
    QToolButton *m_setupButton = nullptr;
    QLabel *m_lease = nullptr;
    LeaseWarningBar *m_leaseBar = nullptr;
    QAction *m_markSetup = nullptr;
    QSet<int> m_setupIds;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_table = nullptr;
    CodeEditor *m_code = nullptr;
    StatementOutputArea *m_output = nullptr;
    mutable SessionInfoView *m_info = nullptr; ///< made on first use (infoView())
    QWidget *m_infoTab = nullptr;              ///< the Details tab, holding m_info once made
    SparkBreakdownView *m_spark = nullptr;
    SparkExecutorsView *m_executors = nullptr;
    QUrl m_sparkUiUrl;
    int m_shownId = -1;
    QTimer *m_ticker = nullptr;
    QSplitter *m_statementSplit = nullptr;
    bool m_codeVisible = false;
    bool m_outputMaximised = false;
    QString m_languageHint;
    QStringList m_failure;
    QString m_statusText;
    bool m_statusProblem = false;
};

} // namespace LivyDesk
