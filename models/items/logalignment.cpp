// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logalignment.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace Livy::LogAlignment {

namespace {

/// Interns lines into small integers so that the diff compares ints, not strings.
struct Interned
{
    std::vector<int> a;
    std::vector<int> b;
};

Interned intern(const QStringList &previous, const QStringList &next)
{
    QHash<QString, int> ids;
    Interned out;
    out.a.reserve(size_t(previous.size()));
    out.b.reserve(size_t(next.size()));
    const auto idOf = [&ids](const QString &line) {
        auto it = ids.constFind(line);
        if (it != ids.constEnd())
            return it.value();
        const int id = int(ids.size());
        ids.insert(line, id);
        return id;
    };
    for (const QString &line : previous)
        out.a.push_back(idOf(line));
    for (const QString &line : next)
        out.b.push_back(idOf(line));
    return out;
}

} // namespace

std::optional<QList<int>> diff(const QStringList &previous, const QStringList &next, int maxEdits)
{
    const Interned in = intern(previous, next);
    const int n0 = int(in.a.size());
    const int m0 = int(in.b.size());
    QList<int> match(m0, -1);

    // Common prefix and suffix are matched without search (the common case: the buffer only grew at its end).
    int prefix = 0;
    while (prefix < n0 && prefix < m0 && in.a[size_t(prefix)] == in.b[size_t(prefix)]) {
        match[prefix] = prefix;
        ++prefix;
    }
    int suffix = 0;
    while (suffix < n0 - prefix && suffix < m0 - prefix
           && in.a[size_t(n0 - 1 - suffix)] == in.b[size_t(m0 - 1 - suffix)]) {
        match[m0 - 1 - suffix] = n0 - 1 - suffix;
        ++suffix;
    }
    const int n = n0 - prefix - suffix;
    const int m = m0 - prefix - suffix;
    if (n == 0 || m == 0)
        return match;
    const auto A = [&](int i) { return in.a[size_t(prefix + i)]; };
    const auto B = [&](int j) { return in.b[size_t(prefix + j)]; };

    const int limit = std::min(n + m, std::max(0, maxEdits));
    const int offset = limit + 1;
    std::vector<int> v(size_t(2 * limit + 3), 0);
    // trace[d] holds V[-d..d] after step d (what the backtrack needs), so memory is O(D²), not O(D·(N+M)).
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= limit && found < 0; ++d) {
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)]; // step down: a line of `next` is inserted
            else
                x = v[size_t(offset + k - 1)] + 1; // step right: a line of `previous` is deleted
            int y = x - k;
            while (x < n && y < m && A(x) == B(y)) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    }
    if (found < 0)
        return std::nullopt;

    const auto traced = [&](int d, int k) { return trace[size_t(d)][size_t(k + d)]; };
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const int k = x - y;
        const bool down = k == -d || (k != d && traced(d - 1, k - 1) < traced(d - 1, k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = traced(d - 1, prevK);
        const int prevY = prevX - prevK;
        // The snake after the edit.
        const int startX = down ? prevX : prevX + 1;
        while (x > startX) {
            --x;
            --y;
            match[prefix + y] = prefix + x;
        }
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) { // the snake of step 0
        --x;
        --y;
        match[prefix + y] = prefix + x;
    }
    return match;
}

int suffixPrefixOverlap(const QStringList &previous, const QStringList &next)
{
    const Interned in = intern(previous, next);
    const int m = int(in.b.size());
    if (m == 0 || in.a.empty())
        return 0;
    // Failure function of `next` (the pattern).
    std::vector<int> fail(size_t(m), 0);
    for (int i = 1, q = 0; i < m; ++i) {
        while (q > 0 && in.b[size_t(i)] != in.b[size_t(q)])
            q = fail[size_t(q - 1)];
        if (in.b[size_t(i)] == in.b[size_t(q)])
            ++q;
        fail[size_t(i)] = q;
    }
    // Run `previous` (the text) through the automaton; the final state is the overlap.
    int q = 0;
    for (const int c : in.a) {
        if (q == m)
            q = fail[size_t(q - 1)];
        while (q > 0 && c != in.b[size_t(q)])
            q = fail[size_t(q - 1)];
        if (c == in.b[size_t(q)])
            ++q;
    }
    return q;
}

QList<int> align(const QStringList &previous, const QStringList &next, int maxEdits)
{
    if (std::optional<QList<int>> d = diff(previous, next, maxEdits))
        return *d;
    const int overlap = suffixPrefixOverlap(previous, next);
    QList<int> match(next.size(), -1);
    const int base = int(previous.size()) - overlap;
    for (int i = 0; i < overlap; ++i)
        match[i] = base + i;
    return match;
}

} // namespace Livy::LogAlignment
