// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace LivyDesk {

/// Server passwords in the OS keychain (QtKeychain: Secret Service, macOS Keychain, Windows Credential Store),
/// keyed by profile id (and "<id>/header/<name>", "<id>/client-key" for a profile's other secrets). Every call is asynchronous (QtKeychain jobs delete themselves); nothing is written to
/// settings or logs.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    explicit PasswordStore(QObject *parent = nullptr);

    /// Calls `done(password, errorText)` later; an entry that does not exist gives an empty password and no error.
    /// (Virtual so that tests can stand in for the keychain.)
    virtual void read(const QString &profileId, std::function<void(const QString &, const QString &)> done);
    virtual void write(const QString &profileId, const QString &password);
    virtual void remove(const QString &profileId);

    /// Reads several entries (a profile's ServerProfile::secretKeys()); calls `done(values, errorText)` once all
    /// have answered. Missing entries are absent from `values`; `errorText` is the first failure, if any.
    void readAll(const QStringList &keys,
                 std::function<void(const QHash<QString, QString> &, const QString &)> done);

Q_SIGNALS:
    /// Writing or deleting failed (no keychain daemon, locked keychain…).
    void failed(const QString &errorText);

private:
    QString m_service;
};

} // namespace LivyDesk
