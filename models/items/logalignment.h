// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Line alignment for Livy's session log (used by LogModel; public so it can be tested on its own).
//
// Livy keeps a session's log in ring buffers (livy.cache-log.size lines per stream) and serves their
// concatenation, with section headers: "stdout: ", the stdout lines, "\nstderr: ", the stderr lines (and, on
// YARN, "\nYARN Diagnostics: " and its lines). Between two reads each section may lose lines at its front
// (the ring slid) and gain lines at its end, so new lines can appear in the middle of the buffer and offsets
// are not stable. Aligning two snapshots of the buffer is therefore a diff: lines of the new snapshot matched
// to lines of the old one are the same lines; unmatched new lines are new; unmatched old lines slid out.

#include <QList>
#include <QStringList>

#include <optional>

namespace Livy::LogAlignment {

/// For each line of `next`, the index in `previous` of the same line, or -1 for a line that is new.
/// Matched indices strictly increase. The alignment maximises the matched lines (a shortest edit script,
/// Myers' O((N+M)·D) algorithm after stripping the common prefix and suffix). Returns std::nullopt when more
/// than `maxEdits` insertions plus deletions would be needed, to bound the work on huge buffers.
std::optional<QList<int>> diff(const QStringList &previous, const QStringList &next, int maxEdits);

/// The length of the longest suffix of `previous` that equals a prefix of `next`: how a single ring buffer
/// that slid looks (Knuth–Morris–Pratt, linear time).
int suffixPrefixOverlap(const QStringList &previous, const QStringList &next);

/// diff(), falling back to suffixPrefixOverlap() when the buffers differ by more than `maxEdits` lines.
QList<int> align(const QStringList &previous, const QStringList &next, int maxEdits = 1000);

} // namespace Livy::LogAlignment
