// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An independent oracle for the codec tests: compares a decoded Livy object with the JSON it came from, field by
// field, using Qt's JSON accessors directly (not the codec). Use inside a Qt Test function and check
// QTest::currentTestFailed() afterwards.

#include "livy/types.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

namespace CodecOracle {

using namespace Livy;

inline QString text(const QJsonObject &j, const char *key)
{
    return j.value(QLatin1String(key)).toString(); // null and absent -> ""
}

inline int integer(const QJsonObject &j, const char *key, int fallback = 0)
{
    const QJsonValue v = j.value(QLatin1String(key));
    return v.isDouble() ? v.toInt() : fallback;
}

inline QStringList textList(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray array = v.toArray();
    for (const QJsonValue &item : array)
        out.append(item.toString());
    return out;
}

/// The decoder's rule for map values, written independently: scalars become their text, null an empty string.
inline QMap<QString, QString> textMap(const QJsonValue &v)
{
    QMap<QString, QString> out;
    const QJsonObject object = v.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue item = it.value();
        if (item.isBool())
            out.insert(it.key(), item.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (item.isDouble())
            out.insert(it.key(), QString::number(item.toDouble(), 'g', QLocale::FloatingPointShortest));
        else
            out.insert(it.key(), item.toString());
    }
    return out;
}

inline SessionState expectedSessionState(const QString &name)
{
    static const QHash<QString, SessionState> states{
        { QStringLiteral("not_started"), SessionState::NotStarted },
        { QStringLiteral("starting"), SessionState::Starting },
        { QStringLiteral("recovering"), SessionState::Recovering },
        { QStringLiteral("idle"), SessionState::Idle },
        { QStringLiteral("busy"), SessionState::Busy },
        { QStringLiteral("running"), SessionState::Running },
        { QStringLiteral("shutting_down"), SessionState::ShuttingDown },
        { QStringLiteral("error"), SessionState::Error },
        { QStringLiteral("dead"), SessionState::Dead },
        { QStringLiteral("killed"), SessionState::Killed },
        { QStringLiteral("success"), SessionState::Success },
    };
    return states.value(name, SessionState::Unknown);
}

inline StatementState expectedStatementState(const QString &name)
{
    static const QHash<QString, StatementState> states{
        { QStringLiteral("waiting"), StatementState::Waiting },
        { QStringLiteral("running"), StatementState::Running },
        { QStringLiteral("available"), StatementState::Available },
        { QStringLiteral("error"), StatementState::Error },
        { QStringLiteral("cancelling"), StatementState::Cancelling },
        { QStringLiteral("cancelled"), StatementState::Cancelled },
    };
    return states.value(name, StatementState::Unknown);
}

// Field-by-field comparison of a decoded object with its JSON. Callers check QTest::currentTestFailed().

inline void compareSession(const QJsonObject &j, const Session &s, bool ttlIsTheProxyUserBug = false)
{
    QCOMPARE(s.id, j.value(QLatin1String("id")).toInt(-2));
    QCOMPARE(s.name, text(j, "name"));
    QCOMPARE(s.appId, text(j, "appId"));
    QCOMPARE(s.owner, text(j, "owner"));
    QCOMPARE(s.proxyUser, text(j, "proxyUser"));
    QCOMPARE(s.stateName, text(j, "state"));
    QCOMPARE(s.state, expectedSessionState(text(j, "state")));
    QCOMPARE(s.kind, text(j, "kind"));
    QCOMPARE(s.appInfo, textMap(j.value(QLatin1String("appInfo"))));
    QCOMPARE(s.log, textList(j.value(QLatin1String("log"))));
    QCOMPARE(s.driverMemory, text(j, "driverMemory"));
    QCOMPARE(s.executorMemory, text(j, "executorMemory"));
    QCOMPARE(s.queue, text(j, "queue"));
    QCOMPARE(s.driverCores, integer(j, "driverCores"));
    QCOMPARE(s.executorCores, integer(j, "executorCores"));
    QCOMPARE(s.numExecutors, integer(j, "numExecutors"));
    QCOMPARE(s.heartbeatTimeoutInSecond, integer(j, "heartbeatTimeoutInSecond"));
    QCOMPARE(s.conf, textMap(j.value(QLatin1String("conf"))));
    QCOMPARE(s.jars, textList(j.value(QLatin1String("jars"))));
    QCOMPARE(s.pyFiles, textList(j.value(QLatin1String("pyFiles"))));
    QCOMPARE(s.files, textList(j.value(QLatin1String("files"))));
    QCOMPARE(s.archives, textList(j.value(QLatin1String("archives"))));
    QCOMPARE(s.ttl, ttlIsTheProxyUserBug ? QString() : text(j, "ttl"));
    QCOMPARE(s.idleTimeout, text(j, "idleTimeout"));
}

inline void compareOutput(const QJsonObject &j, const StatementOutput &o)
{
    // pyspark's nested reply (codec.h, decodeOutput): the inner reply is the output.
    const QJsonObject data = j.value(QLatin1String("data")).toObject();
    if (text(j, "status") == QLatin1String("ok") && text(data, "msg_type") == QLatin1String("execute_reply")
        && data.value(QLatin1String("content")).isObject()) {
        QJsonObject inner = data.value(QLatin1String("content")).toObject();
        if (!inner.contains(QLatin1String("execution_count")))
            inner.insert(QStringLiteral("execution_count"), j.value(QLatin1String("execution_count")));
        compareOutput(inner, o);
        return;
    }
    QCOMPARE(o.statusName, text(j, "status"));
    const StatementOutput::Status status = text(j, "status") == QLatin1String("ok") ? StatementOutput::Status::Ok
        : text(j, "status") == QLatin1String("error")                                 ? StatementOutput::Status::Error
                                                                                      : StatementOutput::Status::Unknown;
    QCOMPARE(o.status, status);
    QCOMPARE(o.executionCount, integer(j, "execution_count", -1));
    QCOMPARE(o.data, j.value(QLatin1String("data")).toObject());
    QCOMPARE(o.ename, text(j, "ename"));
    QCOMPARE(o.evalue, text(j, "evalue"));
    QCOMPARE(o.traceback, textList(j.value(QLatin1String("traceback"))));
}

inline void compareStatement(const QJsonObject &j, const Statement &s)
{
    QCOMPARE(s.id, j.value(QLatin1String("id")).toInt(-2));
    QCOMPARE(s.code, text(j, "code"));
    QCOMPARE(s.stateName, text(j, "state"));
    QCOMPARE(s.state, expectedStatementState(text(j, "state")));
    QCOMPARE(s.progress, j.value(QLatin1String("progress")).toDouble());
    QCOMPARE(s.started, j.value(QLatin1String("started")).toInteger());
    QCOMPARE(s.completed, j.value(QLatin1String("completed")).toInteger());
    const QJsonValue output = j.value(QLatin1String("output"));
    QCOMPARE(s.output.has_value(), output.isObject());
    if (output.isObject())
        compareOutput(output.toObject(), *s.output);
}

} // namespace CodecOracle
