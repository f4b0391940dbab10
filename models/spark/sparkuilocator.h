// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QString>
#include <QUrl>

namespace Livy {

/// Where a session's Spark UI is, and how that was found out; or, when it cannot be reached, why (one line).
struct SparkUiLocation
{
    enum class Source { None, Livy, Template, SessionLog, SessionConf };
    QUrl url;
    Source source = Source::None;
    QString reason; ///< set when url is empty: why there is no Spark UI to ask
    bool isValid() const { return url.isValid() && !url.isEmpty(); }
    bool operator==(const SparkUiLocation &) const = default;
};

/// Finds a session's Spark UI, in this order:
/// 1. a session whose conf sets `spark.ui.enabled=false` has none;
/// 2. `appInfo.sparkUiUrl` as Livy reports it (the driver in client mode, the YARN ResourceManager's proxy, a
///    gateway path);
/// 3. the profile's template, for servers that report none (Livy in local mode, some Kubernetes set-ups), with
///    `{livy.host}`, `{livy.scheme}`, `{livy.port}`, `{session.id}`, `{session.name}`, `{appId}` and
///    `{conf:KEY}` (a key of the session's conf, e.g. `{conf:spark.ui.port}`) replaced;
/// 4. `fromLog`: where the driver said it bound its UI, in the session log (sparkUiFromLog(); the driver runs
///    inside Livy's spark-submit in local and client mode, so its log is the session's);
/// 5. without a template, a session whose conf names `spark.ui.port` on a server in local mode (no appId): the
///    driver runs on the Livy host, so `http://{livy.host}:{conf:spark.ui.port}`.
/// A template whose placeholder the session cannot fill gives no URL and says which one is missing.
SparkUiLocation locateSparkUi(const Session &session, const QUrl &livyUrl, const QString &urlTemplate,
                              const QUrl &fromLog = {});

/// Where the driver's log lines say its UI is, the last one among `lines`: Spark 2.x's "Bound SparkUI to 0.0.0.0,
/// and started at http://host:4040" (INFO, org.apache.spark.ui.SparkUI), else "Successfully started service
/// 'SparkUI' on port 4040." (INFO, org.apache.spark.util.Utils; Spark 3.5 no longer logs the former) on the Livy
/// host, where the driver runs in local and client mode. Empty if none says it.
QUrl sparkUiFromLog(const QStringList &lines, const QUrl &livyUrl);

/// The template expanded for `session`, or an empty URL with `*missing` set to the first placeholder it cannot
/// fill (or to the whole template when the result is not a URL).
QUrl expandSparkUiTemplate(const QString &urlTemplate, const Session &session, const QUrl &livyUrl,
                           QString *missing = nullptr);

} // namespace Livy
