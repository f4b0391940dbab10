// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlistmodel.h"

#include "keyeddiff.h"
#include "livy/sessionidentity.h"

#include <algorithm>

namespace Livy {

class SessionListModel::Hooks final : public Detail::TableDiffHooks<SessionListModel, Entry>
{
public:
    using TableDiffHooks::TableDiffHooks;
    int key(const Entry &e) const override { return e.session.id; }
    bool differs(const Entry &a, const Entry &b) const override { return !(a.session == b.session); }
    // The index by id is stale from the moment rows move: drop it before listeners hear of the change.
    void endRemove() override { m_model->m_indexValid = false; TableDiffHooks::endRemove(); }
    void endInsert() override { m_model->m_indexValid = false; TableDiffHooks::endInsert(); }
    void endMove() override { m_model->m_indexValid = false; TableDiffHooks::endMove(); }
};

SessionListModel::SessionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_rows.at(index.row());
    const Session &s = entry.session;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return s.id;
        case CreatedColumn: {
            const QString text = displayText(entry, CreatedColumn);
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        default: return displayText(entry, index.column());
        }
    case Qt::ToolTipRole:
        if (!s.problem.isEmpty())
            return tr("LivyDesk could not read this entry of the server's list: %1").arg(s.problem);
        if (index.column() == CreatedColumn) {
            const QDateTime created = createdHereOf(entry);
            return created.isValid()
                ? tr("Created from this computer at %1").arg(created.toLocalTime().toString(Qt::ISODate))
                : tr("Livy does not report when a session was created; LivyDesk knows it only for sessions "
                     "created from this computer.");
        }
        if (index.column() == NameColumn && s.name.isEmpty())
            return tr("This session has no name");
        if (index.column() == LeaseColumn) {
            const auto it = m_leases.constFind(s.id);
            return it != m_leases.constEnd() ? it->details
                                             : tr("Shown for open sessions whose end can be known (their ttl, idle "
                                                  "timeout or heartbeat and what LivyDesk did); nothing is guessed.");
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case IdRole: return s.id;
    case NameRole: return s.name;
    case KindRole: return s.kind;
    case StateRole: return int(s.state);
    case StateNameRole: return s.stateName.isEmpty() ? sessionStateToString(s.state) : s.stateName;
    case OwnerRole: return s.owner;
    case ProxyUserRole: return s.proxyUser;
    case AppIdRole: return s.appId;
    case CreatedHereRole: return createdHereOf(entry);
    case IdentityRole: return entry.identity;
    case IsTerminalRole: return isTerminal(s.state);
    case IsReadyRole: return isReady(s.state);
    case SessionRole: return QVariant::fromValue(s);
    case ProblemRole: return s.problem;
    case LeaseRemainingRole: {
        const auto it = m_leases.constFind(s.id);
        return it != m_leases.constEnd() && it->remainingMs ? QVariant(*it->remainingMs) : QVariant();
    }
    default: return {};
    }
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case NameColumn: return tr("Name");
    case KindColumn: return tr("Kind");
    case StateColumn: return tr("State");
    case OwnerColumn: return tr("Owner");
    case ProxyUserColumn: return tr("Proxy user");
    case AppIdColumn: return tr("Application");
    case CreatedColumn: return tr("Created here");
    case LeaseColumn: return tr("Lease");
    default: return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "sessionId");
    names.insert(NameRole, "name");
    names.insert(KindRole, "kind");
    names.insert(StateRole, "state");
    names.insert(StateNameRole, "stateName");
    names.insert(OwnerRole, "owner");
    names.insert(ProxyUserRole, "proxyUser");
    names.insert(AppIdRole, "appId");
    names.insert(CreatedHereRole, "createdHere");
    names.insert(IdentityRole, "identity");
    names.insert(IsTerminalRole, "isTerminal");
    names.insert(IsReadyRole, "isReady");
    names.insert(SessionRole, "session");
    names.insert(ProblemRole, "problem");
    names.insert(LeaseRemainingRole, "leaseRemaining");
    return names;
}

QString SessionListModel::displayText(const Entry &entry, int column) const
{
    const Session &s = entry.session;
    switch (column) {
    case IdColumn: return QString::number(s.id);
    case NameColumn: return s.problem.isEmpty() || !s.name.isEmpty() ? s.name : tr("(unreadable entry)");
    case KindColumn: return s.kind;
    case StateColumn: return s.stateName.isEmpty() ? sessionStateToString(s.state) : s.stateName;
    case OwnerColumn: return s.owner;
    case ProxyUserColumn: return s.proxyUser;
    case AppIdColumn: return s.appId;
    case CreatedColumn: {
        const QDateTime created = createdHereOf(entry).toLocalTime();
        if (!created.isValid())
            return {};
        return created.date() == QDate::currentDate() ? created.toString(QStringLiteral("HH:mm"))
                                                      : created.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    case LeaseColumn: return m_leases.value(s.id).text;
    default: return {};
    }
}

QString SessionListModel::text(int row, int column) const
{
    return row >= 0 && row < int(m_rows.size()) ? displayText(m_rows.at(row), column) : QString();
}

bool SessionListModel::rowContains(int row, QStringView text) const
{
    if (text.isEmpty())
        return true;
    if (row < 0 || row >= int(m_rows.size()))
        return false;
    const Entry &entry = m_rows.at(row);
    const bool digits = std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
    for (int column = 0; column < ColumnCount; ++column) {
        if ((column == IdColumn && !digits) || (column == CreatedColumn && m_createdHere.isEmpty())
            || (column == LeaseColumn && m_leases.isEmpty()))
            continue; // cannot hold it: only digits there, or nothing shown
        if (displayText(entry, column).contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QDateTime SessionListModel::createdHereOf(const Entry &entry) const
{
    const auto it = m_createdHere.constFind(entry.session.id);
    return it != m_createdHere.constEnd() && it->identity == entry.identity ? it->when : QDateTime();
}

void SessionListModel::setCreatedHere(const QHash<int, CreatedHere> &records)
{
    if (records == m_createdHere)
        return;
    m_createdHere = records;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, CreatedColumn), index(int(m_rows.size()) - 1, CreatedColumn),
                           { Qt::DisplayRole, Qt::ToolTipRole, CreatedHereRole });
}

void SessionListModel::emitRowChanged(int row, const Entry &before, const Entry &after)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (before.session.state != after.session.state)
        Q_EMIT sessionStateChanged(after.session.id, before.session.state, after.session.state);
}

bool SessionListModel::sameIdsInOrder(const QList<Session> &sessions) const
{
    if (sessions.size() != m_rows.size())
        return false;
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        if (sessions.at(i).id != m_rows.at(i).session.id)
            return false;
    }
    return true;
}

bool SessionListModel::setSessions(const QList<Session> &sessions)
{
    if (sameIdsInOrder(sessions)) {
        // Nothing appeared, vanished or moved (the usual poll): compare in place, signal the rows that changed.
        bool changed = false;
        for (int row = 0; row < int(sessions.size()); ++row) {
            const Session &next = sessions.at(row);
            if (m_rows.at(row).session == next)
                continue;
            Entry before = std::exchange(m_rows[row], Entry{ next, sessionIdentity(next) });
            emitRowChanged(row, before, m_rows.at(row));
            changed = true;
        }
        return changed;
    }
    // Rows come or go: the keyed diff. Unchanged sessions keep their entry (and identity) as they are.
    ensureIndex();
    QList<Entry> next;
    next.reserve(sessions.size());
    for (const Session &s : sessions) {
        const int row = m_index.value(s.id, -1);
        if (row >= 0 && m_rows.at(row).session == s)
            next.append(m_rows.at(row));
        else
            next.append(Entry{ s, sessionIdentity(s) });
    }
    Hooks hooks(this);
    return Detail::applyKeyedDiff(m_rows, std::move(next), hooks);
}

bool SessionListModel::upsert(const Session &session)
{
    const int row = rowOfId(session.id);
    if (row >= 0) {
        if (m_rows.at(row).session == session)
            return false;
        const Entry before = m_rows.at(row);
        m_rows[row] = Entry{ session, sessionIdentity(session) };
        emitRowChanged(row, before, m_rows.at(row));
        return true;
    }
    int at = 0;
    while (at < int(m_rows.size()) && m_rows.at(at).session.id < session.id)
        ++at;
    beginInsertRows({}, at, at);
    m_rows.insert(at, Entry{ session, sessionIdentity(session) });
    m_indexValid = false;
    endInsertRows();
    return true;
}

bool SessionListModel::updateState(int id, SessionState state, const QString &stateName)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    Session s = m_rows.at(row).session;
    s.state = state;
    s.stateName = stateName;
    return upsert(s);
}

void SessionListModel::setLease(int id, const QString &text, const QString &details, std::optional<qint64> remainingMs)
{
    const auto it = m_leases.constFind(id);
    if (text.isEmpty()) {
        if (it == m_leases.constEnd())
            return;
        m_leases.remove(id);
    } else {
        if (it != m_leases.constEnd() && it->text == text && it->details == details && it->remainingMs == remainingMs)
            return;
        m_leases.insert(id, Lease{ text, details, remainingMs });
    }
    const int row = rowOfId(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, LeaseColumn), index(row, LeaseColumn),
                           { Qt::DisplayRole, Qt::ToolTipRole, LeaseRemainingRole });
}

bool SessionListModel::remove(int id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_indexValid = false;
    endRemoveRows();
    return true;
}

void SessionListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_indexValid = false;
    endRemoveRows();
}

void SessionListModel::ensureIndex() const
{
    if (m_indexValid)
        return;
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < int(m_rows.size()); ++i)
        m_index.insert(m_rows.at(i).session.id, i);
    m_indexValid = true;
}

int SessionListModel::rowOfId(int id) const
{
    ensureIndex();
    return m_index.value(id, -1);
}

int SessionListModel::rowOfName(const QString &name) const
{
    if (name.isEmpty())
        return -1;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).session.name == name)
            return i;
    }
    return -1;
}

std::optional<Session> SessionListModel::session(int id) const
{
    const int row = rowOfId(id);
    if (row < 0)
        return std::nullopt;
    return m_rows.at(row).session;
}

Session SessionListModel::sessionAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows.at(row).session : Session{};
}

QList<Session> SessionListModel::sessions() const
{
    QList<Session> out;
    out.reserve(m_rows.size());
    for (const Entry &e : m_rows)
        out.append(e.session);
    return out;
}

} // namespace Livy
