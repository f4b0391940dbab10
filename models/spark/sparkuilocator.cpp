// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkuilocator.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Livy {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Livy::SparkUiLocator", text);
}

const QString DefaultLocalTemplate = QStringLiteral("http://{livy.host}:{conf:spark.ui.port}");

} // namespace

QUrl expandSparkUiTemplate(const QString &urlTemplate, const Session &session, const QUrl &livyUrl, QString *missing)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]+)\\}"));
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(urlTemplate);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += urlTemplate.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1).trimmed();
        QString value;
        if (name == QLatin1String("livy.host"))
            value = livyUrl.host();
        else if (name == QLatin1String("livy.scheme"))
            value = livyUrl.scheme();
        else if (name == QLatin1String("livy.port"))
            value = livyUrl.port() > 0 ? QString::number(livyUrl.port()) : QString();
        else if (name == QLatin1String("session.id"))
            value = session.id >= 0 ? QString::number(session.id) : QString();
        else if (name == QLatin1String("session.name"))
            value = session.name;
        else if (name == QLatin1String("appId"))
            value = session.appId;
        else if (name.startsWith(QLatin1String("conf:")))
            value = session.conf.value(name.mid(5).trimmed());
        if (value.isEmpty()) {
            if (missing)
                *missing = m.captured(0);
            return {};
        }
        out += value;
    }
    out += urlTemplate.mid(last);
    const QUrl url(out, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        if (missing)
            *missing = out;
        return {};
    }
    return url;
}

QUrl sparkUiFromLog(const QStringList &lines, const QUrl &livyUrl)
{
    static const QRegularExpression bound(QStringLiteral("Bound SparkUI to \\S+, and started at (https?://\\S+)"));
    static const QRegularExpression started(QStringLiteral("Successfully started service 'SparkUI' on port (\\d+)"));
    QUrl fromPort;
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QRegularExpressionMatch m = bound.match(lines.at(i));
        if (m.hasMatch()) {
            const QUrl url(m.captured(1), QUrl::StrictMode);
            if (url.isValid() && !url.host().isEmpty())
                return url;
        }
        const QRegularExpressionMatch p = started.match(lines.at(i));
        if (p.hasMatch() && fromPort.isEmpty() && !livyUrl.host().isEmpty()) {
            fromPort.setScheme(QStringLiteral("http"));
            fromPort.setHost(livyUrl.host());
            fromPort.setPort(p.captured(1).toInt());
        }
    }
    return fromPort;
}

SparkUiLocation locateSparkUi(const Session &session, const QUrl &livyUrl, const QString &urlTemplate,
                              const QUrl &fromLog)
{
    SparkUiLocation where;
    if (session.conf.value(QStringLiteral("spark.ui.enabled")).trimmed().compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
        where.reason = tr("The Spark UI is turned off for this session (spark.ui.enabled=false in its conf).");
        return where;
    }
    const QString reported = session.appInfo.value(QStringLiteral("sparkUiUrl")).trimmed();
    if (!reported.isEmpty()) {
        const QUrl url(reported, QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty()) {
            where.url = url;
            where.source = SparkUiLocation::Source::Livy;
            return where;
        }
    }
    const QString templ = urlTemplate.trimmed();
    if (!templ.isEmpty()) {
        QString missing;
        where.url = expandSparkUiTemplate(templ, session, livyUrl, &missing);
        if (where.isValid()) {
            where.source = SparkUiLocation::Source::Template;
            return where;
        }
        where.url = {};
        where.reason = missing.startsWith(QLatin1Char('{'))
            ? tr("The profile's Spark UI address needs %1, which this session does not have.").arg(missing)
            : tr("The profile's Spark UI address does not give a URL for this session (%1).").arg(missing);
        return where;
    }
    if (fromLog.isValid() && !fromLog.host().isEmpty()) {
        where.url = fromLog;
        where.source = SparkUiLocation::Source::SessionLog;
        return where;
    }
    if (session.appId.isEmpty() && session.conf.contains(QStringLiteral("spark.ui.port"))) {
        where.url = expandSparkUiTemplate(DefaultLocalTemplate, session, livyUrl);
        if (where.isValid()) {
            where.source = SparkUiLocation::Source::SessionConf;
            return where;
        }
        where.url = {};
    }
    where.reason = tr("Livy reports no Spark UI address for this session, and neither the server profile's Spark UI "
                      "address, the session log nor the session's conf (spark.ui.port) says where it is.");
    return where;
}

} // namespace Livy
