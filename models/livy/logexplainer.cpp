// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logexplainer.h"

#include <QRegularExpression>

namespace Livy {

namespace {

/// "java.lang.IllegalArgumentException: requirement failed: Cannot find x." -> "Cannot find x."
QString readable(QString line)
{
    static const QRegularExpression timestamp(QStringLiteral(R"(^\d\d/\d\d/\d\d \d\d:\d\d:\d\d (?:ERROR|WARN|INFO) [\w.$]+: )"));
    static const QRegularExpression javaPrefix(QStringLiteral(R"(^(?:Caused by: )?(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)(?:: )?)"));
    line = line.trimmed();
    line.remove(timestamp);
    line.remove(javaPrefix);
    if (line.startsWith(QLatin1String("requirement failed: ")))
        line.remove(0, 20);
    return line.trimmed();
}

bool isNoise(const QString &line)
{
    // Livy's own layout puts kryo/minlog/objenesis in two folders; Spark 3.5 complains about each (docs/real-livy.md).
    return line.contains(QLatin1String("already registered with a different path"))
           || (line.contains(QLatin1String("Failed to add ")) && line.contains(QLatin1String("environment")))
           || line.contains(QLatin1String("using different method signature"))
           || line.contains(QLatin1String("cannot be cast to class java.lang.Integer"));
}

} // namespace

QStringList explainFailure(const QStringList &logLines, int maxLines)
{
    static const QRegularExpression exception(QStringLiteral(R"(^(?:Caused by: )?(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error): \S)"));
    static const QRegularExpression errorLine(QStringLiteral(R"(^\d\d/\d\d/\d\d \d\d:\d\d:\d\d ERROR |^(?:Error|ERROR)[: ])"));
    static const QRegularExpression cause(
        QStringLiteral(R"(Cannot |cannot find|No such file|not found|Permission denied|Exit code|exited with code|OutOfMemory|Connection refused)"));
    static const QRegularExpression symptom(QStringLiteral(R"(Fail(?:ed)? to start)"));
    QStringList picked;
    // Walk back from the end: the cause of what just failed is nearest to it.
    for (auto it = logLines.crbegin(); it != logLines.crend() && picked.size() < maxLines; ++it) {
        for (const QString &raw : it->split(QLatin1Char('\n'))) {
            const QString line = raw.trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1String("at ")) || isNoise(line))
                continue;
            if (!exception.match(line).hasMatch() && !errorLine.match(line).hasMatch() && !cause.match(line).hasMatch()
                && !symptom.match(line).hasMatch())
                continue;
            const QString text = readable(line);
            if (!text.isEmpty() && !picked.contains(text) && picked.size() < maxLines)
                picked.prepend(text);
        }
    }
    // The cause ("Cannot find …") before the symptom ("Fail to start interpreter"), then the other errors.
    auto rank = [](const QString &line) { return cause.match(line).hasMatch() ? 0 : symptom.match(line).hasMatch() ? 1 : 2; };
    std::stable_sort(picked.begin(), picked.end(), [&rank](const QString &a, const QString &b) { return rank(a) < rank(b); });
    return picked;
}

} // namespace Livy
