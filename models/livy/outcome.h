// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one place that decides what a statement's result *is* (an output part of which kind, an error, a
// cancellation) from what Livy sent. The statement list's summary, the output area and the output parser all
// ask here, so a cancelled Spark job is "cancelled" everywhere, never an error in one view and not in another.

#include "types.h"

#include <QString>

namespace Livy {

/// What an `ok` output holds, richest first (the order the output view prefers).
enum class OutputKind { None, Image, Table, SqlTable, Json, Text, EmptyText, Other };

/// The richest kind of `output.data` (Image > Table (%table) > SqlTable (the sql kind's schema+data JSON) > Json >
/// Text; EmptyText when the only part is an empty text/plain, i.e. the code printed nothing).
OutputKind classifyData(const StatementOutput &output);

/// How a statement ended (or that it has not), as the user should read it.
enum class Outcome {
    Pending,        ///< waiting, running or cancelling
    Ok,             ///< available with an ok output
    Error,          ///< available with an error output (an exception in the user's code)
    Cancelled,      ///< cancelled; any output it carries is the server's account of the cancellation
    CancelledRanOn, ///< cancelled, but Livy could not interrupt its code: `output` is what the code produced
                    ///< when it ended (Livy only cancels Spark jobs; plain driver code runs to its end)
    Unknown,        ///< a state this client does not know
};

Outcome outcomeOf(const Statement &statement);

/// A cancelled statement whose output reads like Spark's own account of a cancelled job ("Job 7 cancelled part of
/// cancelled job group 18", "SparkException: Job … cancelled"), i.e. the cancel worked.
bool isSparkCancellation(const StatementOutput &output);
/// Spark's sentence about the cancelled job ("Job 0 cancelled part of cancelled job group 4"), or empty.
QString sparkCancellationLine(const StatementOutput &output);

/// A cancelled statement whose code is still running on the driver: Livy gave up cancelling it
/// (`livy.rsc.job-cancel.timeout`), reported `cancelled` without an output, and the code goes on until it ends,
/// holding the session's queue. Only a statement that had started qualifies.
bool isCancelledButRunning(const Statement &statement);

} // namespace Livy
