// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Statements LivyDesk runs for itself (the catalog tree's SHOW and DESCRIBE, a paged table's pages, an export's
// chunks) carry a first line that says so: `-- LivyDesk: catalog`. The mark travels with the code, so the statement
// list, the history and another LivyDesk opening the same session later all tell them from the user's own
// statements without any bookkeeping, and a user reading the session in another client sees who ran them.

#include <QString>

namespace Livy {

/// `-- LivyDesk: <purpose>\n<sql>`. `purpose` is one lower-case word ("catalog", "page", "export").
QString markInternal(const QString &purpose, const QString &sql);
/// The code starts with LivyDesk's mark (any comment style: `--`, `#` or `//`).
bool isInternalStatement(const QString &code);
/// The purpose after the mark ("catalog"), empty for the user's own code.
QString internalPurpose(const QString &code);
/// The code without its mark line (what the statement does), or the code itself when unmarked.
QString withoutInternalMark(const QString &code);

} // namespace Livy
