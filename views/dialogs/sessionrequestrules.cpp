// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionrequestrules.h"

#include <QRegularExpression>

namespace LivyDesk::SessionRequestRules {

ServerVersion ServerVersion::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch m = re.match(text);
    ServerVersion v;
    if (!m.hasMatch())
        return v;
    v.major = m.captured(1).toInt();
    v.minor = m.captured(2).toInt();
    v.patch = m.captured(3).toInt();
    return v;
}

bool ServerVersion::atLeast(int wantMajor, int wantMinor) const
{
    return isValid() && (major > wantMajor || (major == wantMajor && minor >= wantMinor));
}

QString ServerVersion::toString() const
{
    return isValid() ? QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch) : QString();
}

bool supportsName(const ServerVersion &version)
{
    // An unknown version is given the benefit of the doubt: every maintained Livy has names.
    return !version.isValid() || version.atLeast(0, 6);
}

bool supportsTtl(const ServerVersion &version)
{
    return version.atLeast(0, 8);
}

bool supportsIdleTimeout(const ServerVersion &version)
{
    return version.atLeast(0, 9);
}

QString sessionNameError(const QString &name)
{
    if (name.isEmpty())
        return {};
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    if (digits.match(name).hasMatch())
        return QStringLiteral("A name cannot be all digits: Livy would read it as a session id.");
    if (name.trimmed() != name)
        return QStringLiteral("Remove the spaces at the start or end of the name.");
    return {};
}

QString memoryError(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    static const QRegularExpression re(QStringLiteral("^\\d+\\s*([kmgtp]b?)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    if (re.match(t).hasMatch())
        return {};
    static const QRegularExpression number(QStringLiteral("^\\d+$"));
    if (number.match(t).hasMatch())
        return QStringLiteral("Add a unit, for example %1m or %1g.").arg(t);
    return QStringLiteral("Use a JVM size such as 512m, 4g or 2gb.");
}

QString timeStringError(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\s*(us|ms|s|m|min|h|d)?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(t);
    if (!m.hasMatch())
        return QStringLiteral("Use a number and a unit: us, ms, s, m, min, h or d (for example 30m or 2h).");
    return {};
}

QString timeStringHint(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || !timeStringError(t).isEmpty())
        return {};
    static const QRegularExpression number(QStringLiteral("^\\d+$"));
    if (number.match(t).hasMatch())
        return QStringLiteral("No unit: Livy reads this as %1 milliseconds.").arg(t);
    static const QRegularExpression zero(QStringLiteral("^0+\\D*$"));
    if (zero.match(t).hasMatch())
        return QStringLiteral("Zero ends the session at the next check.");
    return {};
}

QString resourcePathError(const QString &entry)
{
    const QString e = entry.trimmed();
    if (e.isEmpty())
        return QStringLiteral("Empty entry.");
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]+:"));
    if (scheme.match(e).hasMatch() || e.startsWith(QLatin1Char('/')))
        return {};
    return QStringLiteral("'%1' is neither a URI nor an absolute path (Livy rejects relative paths).").arg(e);
}

QStringList defaultBlacklistedConfKeys()
{
    return { QStringLiteral("spark.master"),   QStringLiteral("spark.submit.deployMode"),
             QStringLiteral("spark.yarn.jar"), QStringLiteral("spark.yarn.jars"),
             QStringLiteral("spark.yarn.archive"), QStringLiteral("livy.rsc.server.idle-timeout"),
             QStringLiteral("livy.rsc.jars") };
}

bool isBlacklistedConfKey(const QString &key)
{
    return defaultBlacklistedConfKeys().contains(key.trimmed());
}

QStringList commonSparkConfKeys()
{
    return {
        QStringLiteral("spark.app.name"),
        QStringLiteral("spark.default.parallelism"),
        QStringLiteral("spark.driver.cores"),
        QStringLiteral("spark.driver.extraClassPath"),
        QStringLiteral("spark.driver.extraJavaOptions"),
        QStringLiteral("spark.driver.maxResultSize"),
        QStringLiteral("spark.driver.memory"),
        QStringLiteral("spark.driver.memoryOverhead"),
        QStringLiteral("spark.dynamicAllocation.enabled"),
        QStringLiteral("spark.dynamicAllocation.executorIdleTimeout"),
        QStringLiteral("spark.dynamicAllocation.initialExecutors"),
        QStringLiteral("spark.dynamicAllocation.maxExecutors"),
        QStringLiteral("spark.dynamicAllocation.minExecutors"),
        QStringLiteral("spark.eventLog.dir"),
        QStringLiteral("spark.eventLog.enabled"),
        QStringLiteral("spark.executor.cores"),
        QStringLiteral("spark.executor.extraClassPath"),
        QStringLiteral("spark.executor.extraJavaOptions"),
        QStringLiteral("spark.executor.heartbeatInterval"),
        QStringLiteral("spark.executor.instances"),
        QStringLiteral("spark.executor.memory"),
        QStringLiteral("spark.executor.memoryOverhead"),
        QStringLiteral("spark.executorEnv.PYSPARK_PYTHON"),
        QStringLiteral("spark.jars.excludes"),
        QStringLiteral("spark.jars.ivy"),
        QStringLiteral("spark.jars.packages"),
        QStringLiteral("spark.jars.repositories"),
        QStringLiteral("spark.kryoserializer.buffer.max"),
        QStringLiteral("spark.kubernetes.container.image"),
        QStringLiteral("spark.kubernetes.namespace"),
        QStringLiteral("spark.locality.wait"),
        QStringLiteral("spark.memory.fraction"),
        QStringLiteral("spark.network.timeout"),
        QStringLiteral("spark.pyspark.driver.python"),
        QStringLiteral("spark.pyspark.python"),
        QStringLiteral("spark.serializer"),
        QStringLiteral("spark.shuffle.service.enabled"),
        QStringLiteral("spark.speculation"),
        QStringLiteral("spark.sql.adaptive.enabled"),
        QStringLiteral("spark.sql.autoBroadcastJoinThreshold"),
        QStringLiteral("spark.sql.catalogImplementation"),
        QStringLiteral("spark.sql.execution.arrow.pyspark.enabled"),
        QStringLiteral("spark.sql.extensions"),
        QStringLiteral("spark.sql.session.timeZone"),
        QStringLiteral("spark.sql.shuffle.partitions"),
        QStringLiteral("spark.ui.enabled"),
        QStringLiteral("spark.yarn.appMasterEnv.PYSPARK_PYTHON"),
        QStringLiteral("spark.yarn.maxAppAttempts"),
        QStringLiteral("spark.yarn.queue"),
    };
}

QMap<QString, QString> confKeysCoveredByFields()
{
    return {
        { QStringLiteral("spark.app.name"), QStringLiteral("Name") },
        { QStringLiteral("spark.driver.memory"), QStringLiteral("Driver memory") },
        { QStringLiteral("spark.driver.cores"), QStringLiteral("Driver cores") },
        { QStringLiteral("spark.executor.memory"), QStringLiteral("Executor memory") },
        { QStringLiteral("spark.executor.cores"), QStringLiteral("Executor cores") },
        { QStringLiteral("spark.executor.instances"), QStringLiteral("Executors") },
        { QStringLiteral("spark.yarn.queue"), QStringLiteral("Queue") },
        { QStringLiteral("spark.jars"), QStringLiteral("Jars") },
        { QStringLiteral("spark.submit.pyFiles"), QStringLiteral("Python files") },
        { QStringLiteral("spark.files"), QStringLiteral("Files") },
        { QStringLiteral("spark.yarn.dist.archives"), QStringLiteral("Archives") },
    };
}

} // namespace LivyDesk::SessionRequestRules
