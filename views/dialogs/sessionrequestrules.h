// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What Livy accepts in POST /sessions, as pure functions, so the dialog and its tests share one definition.
// Sources: apache/livy CreateInteractiveRequest.scala, ClientConf.java (time strings), conf/spark-blacklist.conf.template; what a real 0.9 accepts: docs/real-livy.md.

#include <QMap>
#include <QString>
#include <QStringList>

namespace LivyDesk::SessionRequestRules {

/// A Livy server version such as "0.9.0-incubating"; invalid when it could not be read.
struct ServerVersion
{
    int major = -1;
    int minor = -1;
    int patch = 0;

    static ServerVersion parse(const QString &text);
    bool isValid() const { return major >= 0; }
    bool atLeast(int wantMajor, int wantMinor) const;
    QString toString() const;
};

/// Session names: 0.6+. ttl: 0.8+. idleTimeout: 0.9+.
bool supportsName(const ServerVersion &version);
bool supportsTtl(const ServerVersion &version);
bool supportsIdleTimeout(const ServerVersion &version);

/// An error text for a session name, or empty when it is fine. Empty names are fine (the field is left out).
/// Livy reads an all-digit path segment as an id, so it refuses all-digit names.
QString sessionNameError(const QString &name);

/// JVM size strings as spark-submit takes them: a number and a unit (k, m, g, t, p, optionally followed by b),
/// case-insensitive: 512m, 4g, 2GB. Empty is fine (unset). Returns an error text or empty.
QString memoryError(const QString &text);

/// Livy's time strings for ttl and idleTimeout: <n>[us|ms|s|m|min|h|d]. Returns an error text or empty.
QString timeStringError(const QString &text);
/// A hint for a valid time string that may not mean what the user thinks ("no unit: milliseconds").
QString timeStringHint(const QString &text);

/// jars/pyFiles/files/archives entries: a URI with a scheme (hdfs:, s3a:, file:, local:, https:…) or an absolute
/// path. Livy answers "Path 'x' is not absolute." otherwise. Returns an error text or empty.
QString resourcePathError(const QString &entry);

/// The keys of Livy's default conf/spark-blacklist.conf template (as remembered: spark.master,
/// spark.submit.deployMode, spark.yarn.jar(s), spark.yarn.archive, livy.rsc.server.idle-timeout) plus livy.rsc.jars,
/// which the fake server refuses too. A server can change the list, so the dialog warns rather than refuses.
QStringList defaultBlacklistedConfKeys();
bool isBlacklistedConfKey(const QString &key);

/// Spark conf keys a user commonly sets in a session, for the key completer.
QStringList commonSparkConfKeys();

/// Conf keys that duplicate a dedicated request field (the field wins on the server): key -> field label.
QMap<QString, QString> confKeysCoveredByFields();

} // namespace LivyDesk::SessionRequestRules
