// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace LivyDesk {

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
    , m_service(QStringLiteral(LIVYDESK_APP_ID))
{
}

void PasswordStore::read(const QString &profileId, std::function<void(const QString &, const QString &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
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

void PasswordStore::write(const QString &profileId, const QString &password)
{
    if (password.isEmpty()) {
        remove(profileId);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
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
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(profileId);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            Q_EMIT failed(j->errorString());
    });
    job->start();
}

} // namespace LivyDesk
