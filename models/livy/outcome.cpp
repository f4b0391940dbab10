// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outcome.h"

#include <QJsonValue>
#include <QRegularExpression>

namespace Livy {

OutputKind classifyData(const StatementOutput &output)
{
    const QJsonObject &data = output.data;
    if (data.isEmpty())
        return OutputKind::None;
    if (data.contains(Mime::ImagePng))
        return OutputKind::Image;
    if (data.value(Mime::Table).isObject())
        return OutputKind::Table;
    const QJsonValue json = data.value(Mime::Json);
    if (json.isObject() && json.toObject().contains(QLatin1String("schema")) && json.toObject().contains(QLatin1String("data")))
        return OutputKind::SqlTable;
    if (!json.isUndefined())
        return OutputKind::Json;
    const QJsonValue text = data.value(Mime::TextPlain);
    if (text.isString())
        return text.toString().trimmed().isEmpty() && data.size() == 1 ? OutputKind::EmptyText : OutputKind::Text;
    return OutputKind::Other;
}

QString sparkCancellationLine(const StatementOutput &output)
{
    if (!output.isError())
        return {};
    static const QRegularExpression re(
        QStringLiteral(R"((Job \d+ cancelled(?: part of cancelled job group \S+| because [^\n]*)?|Job group \S+ cancelled[^\n]*|cancelled job group \S+))"));
    for (const QString &text : { output.evalue, output.traceback.join(QString()) }) {
        const QRegularExpressionMatch m = re.match(text);
        if (m.hasMatch())
            return m.captured(1).trimmed();
    }
    return {};
}

bool isSparkCancellation(const StatementOutput &output)
{
    return !sparkCancellationLine(output).isEmpty();
}

bool isCancelledButRunning(const Statement &statement)
{
    return statement.state == StatementState::Cancelled && !statement.output && statement.started > 0;
}

Outcome outcomeOf(const Statement &s)
{
    switch (s.state) {
    case StatementState::Waiting:
    case StatementState::Running:
    case StatementState::Cancelling:
        return Outcome::Pending;
    case StatementState::Available:
        return s.output && s.output->isError() ? Outcome::Error : Outcome::Ok;
    case StatementState::Error:
        return Outcome::Error;
    case StatementState::Cancelled:
        // Livy's cancel sets `cancelled` and, if the code then ends on its own, fills in the output it produced.
        // An error that is Spark's account of the cancelled job is the cancellation itself; any other output means
        // the code could not be interrupted and ran on.
        if (s.output && !isSparkCancellation(*s.output))
            return Outcome::CancelledRanOn;
        return Outcome::Cancelled;
    default:
        return Outcome::Unknown;
    }
}

} // namespace Livy
