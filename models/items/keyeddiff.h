// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal helper of the list models: turns "here is the new snapshot" into the smallest sequence of
// removals, moves, insertions and per-row changes, so that views keep their selection, scroll position and
// expanded state across polls. Used by SessionListModel and StatementListModel.

#include <QHash>
#include <QList>
#include <QSet>

namespace Livy::Detail {

/// The model-side operations applyKeyedDiff() needs. Each hook brackets the matching change of `rows` exactly
/// like QAbstractItemModel's begin/end pairs (the helper changes `rows` between them).
template<typename T>
struct KeyedDiffHooks
{
    virtual ~KeyedDiffHooks() = default;
    virtual int key(const T &item) const = 0;
    /// Whether an existing row must be reported as changed (and replaced by the new value).
    virtual bool differs(const T &current, const T &next) const = 0;
    virtual void beginRemove(int first, int last) = 0;
    virtual void endRemove() = 0;
    virtual void beginInsert(int first, int last) = 0;
    virtual void endInsert() = 0;
    virtual void beginMove(int from, int to) = 0; ///< one row from `from` to before `to` (to < from)
    virtual void endMove() = 0;
    /// Called after rows[row] was replaced by a value that differs(): emit dataChanged here.
    virtual void changed(int row, const T &before, const T &after) = 0;
};

/// The hooks of a flat table model whose rows are the keyed list: rows removed, inserted and moved one to one, and
/// changed rows reported through the model's own emitRowChanged(row, before, after). A model that uses it
/// declares `friend class Detail::TableDiffHooks<Model, T>;` (the begin/end calls are protected in Qt).
template<typename Model, typename T>
class TableDiffHooks : public KeyedDiffHooks<T>
{
public:
    explicit TableDiffHooks(Model *model) : m_model(model) {}
    void beginRemove(int first, int last) override { m_model->beginRemoveRows({}, first, last); }
    void endRemove() override { m_model->endRemoveRows(); }
    void beginInsert(int first, int last) override { m_model->beginInsertRows({}, first, last); }
    void endInsert() override { m_model->endInsertRows(); }
    void beginMove(int from, int to) override { m_model->beginMoveRows({}, from, from, {}, to); }
    void endMove() override { m_model->endMoveRows(); }
    void changed(int row, const T &before, const T &after) override { m_model->emitRowChanged(row, before, after); }

protected:
    Model *m_model;
};

/// Makes `rows` equal to `next` (keyed by hooks.key(); later duplicates of a key in `next` are ignored).
/// Order of operations: contiguous runs of vanished keys are removed bottom-up; then `next` is walked top-down:
/// a row already in place is updated only if it differs, a surviving row found further down is moved up, and a
/// contiguous run of new keys is inserted in one go. Returns true if anything was signalled.
///
/// `next` is taken by value: pass a temporary (or std::move) and nothing is copied unless it holds duplicates.
template<typename T>
bool applyKeyedDiff(QList<T> &rows, QList<T> next, KeyedDiffHooks<T> &hooks)
{
    // Deduplicate the incoming snapshot (never trust server data to be unique); copies only if there are duplicates.
    QSet<int> nextKeys;
    nextKeys.reserve(next.size());
    bool duplicates = false;
    for (const T &item : std::as_const(next)) {
        const int k = hooks.key(item);
        if (nextKeys.contains(k)) {
            duplicates = true;
            continue;
        }
        nextKeys.insert(k);
    }
    if (duplicates) {
        QSet<int> seen;
        next.removeIf([&](const T &item) {
            const int k = hooks.key(item);
            if (seen.contains(k))
                return true;
            seen.insert(k);
            return false;
        });
    }

    bool signalled = false;

    // 1. Removals, bottom-up in contiguous runs.
    for (int row = int(rows.size()) - 1; row >= 0;) {
        if (nextKeys.contains(hooks.key(rows.at(row)))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !nextKeys.contains(hooks.key(rows.at(first - 1))))
            --first;
        hooks.beginRemove(first, row);
        rows.remove(first, row - first + 1);
        hooks.endRemove();
        signalled = true;
        row = first - 1;
    }

    // 2. Moves, insertions and changes, top-down.
    QSet<int> present;
    for (const T &item : std::as_const(rows))
        present.insert(hooks.key(item));

    for (int i = 0; i < int(next.size());) {
        const int k = hooks.key(next.at(i));
        if (!present.contains(k)) {
            int end = i + 1;
            while (end < int(next.size()) && !present.contains(hooks.key(next.at(end))))
                ++end;
            hooks.beginInsert(i, end - 1);
            for (int j = i; j < end; ++j)
                rows.insert(j, next.at(j));
            hooks.endInsert();
            signalled = true;
            i = end;
            continue;
        }
        if (hooks.key(rows.at(i)) != k) {
            int from = i + 1;
            while (from < int(rows.size()) && hooks.key(rows.at(from)) != k)
                ++from;
            hooks.beginMove(from, i);
            rows.move(from, i);
            hooks.endMove();
            signalled = true;
        }
        if (hooks.differs(rows.at(i), next.at(i))) {
            const T before = rows.at(i);
            rows[i] = next.at(i);
            hooks.changed(i, before, rows.at(i));
            signalled = true;
        }
        ++i;
    }
    return signalled;
}

} // namespace Livy::Detail
