// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs the openssl command for tests that make their certificates at test time (no key is ever committed).
// Test code only.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace TestSupport {

/// `openssl args…` in `directory`; its stdout in `out`. False with a readable `error` when it fails.
inline bool runOpenssl(const QString &directory, const QList<QByteArray> &args, QByteArray *out, QString *error)
{
    QStringList arguments;
    for (const QByteArray &a : args)
        arguments.append(QString::fromLatin1(a));
    QProcess p;
    p.setWorkingDirectory(directory);
    p.start(QStringLiteral("openssl"), arguments);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(arguments.join(u' '), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

} // namespace TestSupport
