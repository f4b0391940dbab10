// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace LivyDesk {

/// The in-app warning that a session may soon be ended by the server (its lease budget runs out): one line, a
/// "Keep Alive" button when activity can push the deadline back (idle and heartbeat timeouts, not a lifetime), and
/// a dismiss button. Non-modal; shown above the session's statements.
class LeaseWarningBar : public QFrame
{
    Q_OBJECT
public:
    explicit LeaseWarningBar(QWidget *parent = nullptr);

    void showWarning(const QString &text, const QString &details, bool canKeepAlive);
    QString text() const;
    QToolButton *keepAliveButton() const { return m_keepAlive; }
    QToolButton *dismissButton() const { return m_dismiss; }

Q_SIGNALS:
    void keepAliveRequested();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_keepAlive = nullptr;
    QToolButton *m_dismiss = nullptr;
    bool m_applying = false;
};

} // namespace LivyDesk
