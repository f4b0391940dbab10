// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionidentity.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Livy {

QString newSessionTag()
{
    return QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, QLatin1Char('0'));
}

QString sessionIdentity(const Session &s)
{
    const QString tag = s.conf.value(SessionTagKey);
    if (!tag.isEmpty())
        return QStringLiteral("tag:") + tag;
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto add = [&hash](const QString &text) {
        hash.addData(text.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    };
    add(s.kind);
    add(s.name);
    add(s.owner);
    add(s.proxyUser);
    add(s.driverMemory);
    add(s.executorMemory);
    add(s.queue);
    add(QString::number(s.driverCores));
    add(QString::number(s.executorCores));
    add(QString::number(s.numExecutors));
    add(QString::number(s.heartbeatTimeoutInSecond));
    for (auto it = s.conf.cbegin(); it != s.conf.cend(); ++it)
        add(it.key() + QLatin1Char('=') + it.value());
    for (const QStringList *list : { &s.jars, &s.pyFiles, &s.files, &s.archives })
        add(list->join(QLatin1Char('\n')));
    add(s.ttl);
    add(s.idleTimeout);
    return QStringLiteral("params:") + QString::fromLatin1(hash.result().toHex().left(16));
}

} // namespace Livy
