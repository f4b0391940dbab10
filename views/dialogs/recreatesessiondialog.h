// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/setupstatement.h"
#include "livy/types.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace LivyDesk {

class MessageBanner;
class RequestBodyEditor;

/// Makes a session again (one that ended, was lost or is gone) or from a template: first the plan — the kept create
/// body, editable as JSON (RequestBodyEditor, as in the create dialog), and the setup statements to replay,
/// checkable — then the progress of the run: the phase, each step with its code and state, and a failure in one
/// line with the server's details behind "Details", with Retry / Skip / Cancel.
///
/// The dialog never talks to the server: it emits intents (the app's RecreateBinding drives a
/// Livy::SessionRecreator) and is told what happens.
class RecreateSessionDialog : public QDialog
{
    Q_OBJECT
public:
    enum class StepTone { Waiting, Running, Done, Failed, Skipped };

    explicit RecreateSessionDialog(QWidget *parent = nullptr);
    ~RecreateSessionDialog() override;

    // --- the plan
    void setHeading(const QString &text);
    void setRequest(const Livy::CreateSessionRequest &request);
    void setSetup(const QList<Livy::SetupStatement> &setup);
    /// The body as edited; empty when it is not valid JSON.
    std::optional<Livy::CreateSessionRequest> request() const;
    /// The setup statements left checked, in order.
    QList<Livy::SetupStatement> checkedSetup() const;
    /// Back to the plan with what the server said (a name still taken: change it in the body and try again).
    void showPlanProblem(const QString &message, const QString &details);

    // --- the run
    /// Switches to the progress page with one row per setup statement that will run.
    void showProgress(const QList<Livy::SetupStatement> &steps);
    void setPhaseText(const QString &text);
    void setStepState(int index, const QString &state, StepTone tone);
    /// A step or the creation failed: one line, the server's details one click away, and what can be done.
    void showFailure(const QString &line, const QString &details, bool canRetry, bool canSkip, bool canEditBody);
    /// The run ended (succeeded, cancelled): only Close is left.
    void showFinished(const QString &text, bool ok);
    bool isRunning() const { return m_running; }

    RequestBodyEditor *bodyEditor() const { return m_body; }
    QListWidget *setupList() const { return m_setup; }
    QTreeWidget *stepList() const { return m_steps; }
    QLabel *phaseLabel() const { return m_phase; }
    MessageBanner *failureBanner() const { return m_failure; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *skipButton() const { return m_skip; }
    QPushButton *editBodyButton() const { return m_editBody; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void startRequested(const Livy::CreateSessionRequest &request, const QList<Livy::SetupStatement> &setup);
    void retryRequested();
    void skipRequested();
    /// Stop the run (a session already made stays on the server).
    void cancelRequested();

public Q_SLOTS:
    void reject() override;

private:
    void updateStart();
    void setRunning(bool running);

    QStackedWidget *m_pages = nullptr;
    QLabel *m_heading = nullptr;
    MessageBanner *m_planBanner = nullptr;
    RequestBodyEditor *m_body = nullptr;
    QListWidget *m_setup = nullptr;
    QLabel *m_setupNote = nullptr;
    QPushButton *m_start = nullptr;
    QLabel *m_phase = nullptr;
    QTreeWidget *m_steps = nullptr;
    MessageBanner *m_failure = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_skip = nullptr;
    QPushButton *m_editBody = nullptr;
    QPushButton *m_cancel = nullptr;
    QList<Livy::SetupStatement> m_allSetup;
    bool m_running = false;
};

} // namespace LivyDesk
