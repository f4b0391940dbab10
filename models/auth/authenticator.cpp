// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "authenticator.h"

#include <QNetworkRequest>

namespace Livy {

Authenticator::~Authenticator() = default;

bool Authenticator::challenge(const QList<QByteArray> &)
{
    return false; // fixed credentials: asking again would be refused again
}

HeaderAuthenticator::HeaderAuthenticator(QString scheme, QByteArray value)
    : m_scheme(std::move(scheme))
    , m_value(std::move(value))
{
}

HeaderAuthenticator HeaderAuthenticator::basic(const QString &user, const QString &password)
{
    return HeaderAuthenticator(QStringLiteral("Basic"), "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64());
}

HeaderAuthenticator HeaderAuthenticator::bearer(const QString &token)
{
    return HeaderAuthenticator(QStringLiteral("Bearer"), "Bearer " + token.trimmed().toUtf8());
}

void HeaderAuthenticator::prepare(QNetworkRequest &request) const
{
    request.setRawHeader(QByteArrayLiteral("Authorization"), m_value);
}

} // namespace Livy
