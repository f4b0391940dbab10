// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverbar.h"

#include <QDateTime>
#include <QWidget>

class QFrame;
class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace Livy {
class LivyError;
}

namespace LivyDesk {

/// The status bar's content: what the client is doing (connecting, polling, reconnecting) and the last error,
/// with a "Details" expander that shows the raw server body. Routine polling failures land here, never in a
/// modal box.
class StatusArea : public QWidget
{
    Q_OBJECT
public:
    enum class Activity { Offline, Connecting, Connected, Reconnecting, Paused };
    Q_ENUM(Activity)

    explicit StatusArea(QWidget *parent = nullptr);

    void setActivity(Activity activity, const QString &text = {});
    /// The activity line for a server connection state ("Connecting to …", "Reconnecting: …").
    void setConnectionState(ServerBar::State state, const QString &detail, const QUrl &server);
    Activity activity() const { return m_activity; }
    QString activityText() const;

    /// Who the server sees: "alice@EXAMPLE.COM (Kerberos)", "alice (password)"; empty hides it. `detail` is its
    /// tooltip (for Kerberos, when the ticket expires).
    void setIdentity(const QString &text, const QString &detail = {});
    QString identityText() const;

    /// Records the last error (shown until cleared or replaced); `context` says what was being done.
    void showError(const Livy::LivyError &error, const QString &context = {});
    void clearError();
    /// Clears the error if it was about reaching the server (network, timeout, gateway), once it answers again.
    void clearTransientError();
    QString errorText() const;
    QString errorDetails() const;
    bool hasError() const;
    bool isDetailsVisible() const;

public Q_SLOTS:
    void setDetailsVisible(bool visible);

private:
    void applyColours();

    Activity m_activity = Activity::Offline;
    bool m_errorTransient = false;
    QLabel *m_badge = nullptr;
    QLabel *m_activityLabel = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_identity = nullptr;
    QToolButton *m_detailsButton = nullptr;
    QToolButton *m_clearButton = nullptr;
    QFrame *m_detailsFrame = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QDateTime m_errorTime;
};

} // namespace LivyDesk
