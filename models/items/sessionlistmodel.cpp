// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlistmodel.h"

#include "keyeddiff.h"
#include "livy/sessionidentity.h"

namespace Livy {

class SessionListModel::Hooks final : public Detail::TableDiffHooks<SessionListModel, Entry>
{
public:
    using TableDiffHooks::TableDiffHooks;
    int key(const Entry &e) const override { return e.session.id; }
    bool differs(const Entry &a, const Entry &b) const override { return !(a.session == b.session); }
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
        default: return {};
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
    return names;
}

QList<SessionListModel::Entry> SessionListModel::entries(const QList<Session> &sessions)
{
    QList<Entry> out;
    out.reserve(sessions.size());
    for (const Session &s : sessions)
        out.append(Entry{ s, sessionIdentity(s) });
    return out;
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

bool SessionListModel::setSessions(const QList<Session> &sessions)
{
    Hooks hooks(this);
    return Detail::applyKeyedDiff(m_rows, entries(sessions), hooks);
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

bool SessionListModel::remove(int id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    return true;
}

void SessionListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

int SessionListModel::rowOfId(int id) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).session.id == id)
            return i;
    }
    return -1;
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
