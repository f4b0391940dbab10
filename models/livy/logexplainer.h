// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Livy {

/// The lines of a session log that say why something failed, in a form fit for a user: the messages of the
/// exceptions and errors near the end ("Cannot find sparkr package directory."), without Java class prefixes,
/// "requirement failed:", stack frames, timestamps, or the harmless noise every local Livy session logs (Spark's
/// "Failed to add file … already registered"). At most `maxLines`, the most recent last, duplicates once.
/// Livy reports a failed interpreter as "Fail to start interpreter" and a failed session only as a state; the cause
/// is in the log.
QStringList explainFailure(const QStringList &logLines, int maxLines = 3);

} // namespace Livy
