// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

#include <memory>

namespace LivyDesk {

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
    , m_service(QStringLiteral(LIVYDESK_APP_ID))
{
}

void PasswordStore::read(const QString &profileId, std::function<void(const QString &, const QString &)> done)
{
    // No parent: a job deletes itself when it finishes. Deleting it with the store while the keychain (libsecret's
    // main loop) still works on it crashes when its callback arrives; the connection's context (this) keeps the
    // callback from reaching a store that is gone.
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(profileId);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::NoError)
            done(read->textData(), QString());
        else if (read->error() == QKeychain::EntryNotFound)
            done(QString(), QString());
        else
            done(QString(), read->errorString());
    });
    job->start();
}

void PasswordStore::readAll(const QStringList &keys,
                            std::function<void(const QHash<QString, QString> &, const QString &)> done)
{
    struct Gather
    {
        QHash<QString, QString> values;
        QString error;
        qsizetype waiting = 0;
        std::function<void(const QHash<QString, QString> &, const QString &)> done;
    };
    auto gather = std::make_shared<Gather>();
    gather->waiting = keys.size();
    gather->done = std::move(done);
    if (keys.isEmpty()) {
        gather->done({}, {});
        return;
    }
    for (const QString &key : keys) {
        read(key, [gather, key](const QString &value, const QString &error) {
            if (!value.isEmpty())
                gather->values.insert(key, value);
            if (!error.isEmpty() && gather->error.isEmpty())
                gather->error = error;
            if (--gather->waiting == 0)
                gather->done(gather->values, gather->error);
        });
    }
}

void PasswordStore::write(const QString &profileId, const QString &password)
{
    if (password.isEmpty()) {
        remove(profileId);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(profileId);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            Q_EMIT failed(j->errorString());
    });
    job->start();
}

void PasswordStore::remove(const QString &profileId)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(profileId);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            Q_EMIT failed(j->errorString());
    });
    job->start();
}

} // namespace LivyDesk
