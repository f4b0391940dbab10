// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/serverprofile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace LivyDesk {

/// The server in use, in the tool bar: a profile chooser (switching servers), the connection state, the
/// server's Livy version, a visible warning when TLS verification is off, and a button to manage profiles.
class ServerBar : public QWidget
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    explicit ServerBar(QWidget *parent = nullptr);

    void setProfiles(const QList<ServerProfile> &profiles, const QString &currentId);
    QString currentProfileId() const;
    ServerProfile currentProfile() const;
    void setState(State state, const QString &detail = {});
    State state() const { return m_state; }
    void setServerVersion(const QString &version);
    QString serverVersion() const { return m_version; }
    /// The one-line description shown next to the chooser ("Connected · Livy 0.9.0").
    QString statusText() const;
    bool isInsecureWarningVisible() const;
    QComboBox *chooser() const { return m_chooser; }

Q_SIGNALS:
    void profileSelected(const QString &id);
    void manageRequested();

private:
    void updateText();

    QList<ServerProfile> m_profiles;
    QComboBox *m_chooser = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_insecure = nullptr;
    QToolButton *m_manage = nullptr;
    State m_state = State::Disconnected;
    QString m_detail;
    QString m_version;
};

} // namespace LivyDesk
