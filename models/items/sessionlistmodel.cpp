// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlistmodel.h"

#include "keyeddiff.h"

namespace Livy {

class SessionListModel::Hooks final : public Detail::KeyedDiffHooks<Entry>
{
public:
    explicit Hooks(SessionListModel *model) : m_model(model) {}
    int key(const Entry &e) const override { return e.session.id; }
    bool differs(const Entry &a, const Entry &b) const override { return !(a.session == b.session); }
    void beginRemove(int first, int last) override { m_model->beginRemoveRows({}, first, last); }
    void endRemove() override { m_model->endRemoveRows(); }
    void beginInsert(int first, int last) override { m_model->beginInsertRows({}, first, last); }
    void endInsert() override { m_model->endInsertRows(); }
    void beginMove(int from, int to) override { m_model->beginMoveRows({}, from, from, {}, to); }
    void endMove() override { m_model->endMoveRows(); }
    void changed(int row, const Entry &before, const Entry &after) override
    {
        m_model->emitRowChanged(row, before, after);
    }

private:
    SessionListModel *m_model;
};

SessionListModel::SessionListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
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

QString SessionListModel::formatAge(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return minutes % 60 ? QStringLiteral("%1 h %2 min").arg(hours).arg(minutes % 60) : QStringLiteral("%1 h").arg(hours);
    const qint64 days = hours / 24;
    return hours % 24 ? QStringLiteral("%1 d %2 h").arg(days).arg(hours % 24) : QStringLiteral("%1 d").arg(days);
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_rows.at(index.row());
    const Session &s = entry.session;
    const qint64 age = entry.firstSeen.secsTo(now());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return s.id;
        case NameColumn: return s.name;
        case KindColumn: return s.kind;
        case StateColumn: return s.stateName.isEmpty() ? sessionStateToString(s.state) : s.stateName;
        case OwnerColumn: return s.owner;
        case ProxyUserColumn: return s.proxyUser;
        case AppIdColumn: return s.appId;
        case AgeColumn: return formatAge(age);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == AgeColumn)
            return tr("First seen %1").arg(entry.firstSeen.toLocalTime().toString(Qt::ISODate));
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
    case FirstSeenRole: return entry.firstSeen;
    case AgeSecondsRole: return age;
    case IsTerminalRole: return isTerminal(s.state);
    case IsReadyRole: return isReady(s.state);
    case SessionRole: return QVariant::fromValue(s);
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
    case AgeColumn: return tr("Age");
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
    names.insert(FirstSeenRole, "firstSeen");
    names.insert(AgeSecondsRole, "ageSeconds");
    names.insert(IsTerminalRole, "isTerminal");
    names.insert(IsReadyRole, "isReady");
    names.insert(SessionRole, "session");
    return names;
}

QDateTime SessionListModel::now() const
{
    return m_clock();
}

void SessionListModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); };
}

QList<SessionListModel::Entry> SessionListModel::withFirstSeen(const QList<Session> &sessions) const
{
    QHash<int, QDateTime> seen;
    for (const Entry &e : m_rows)
        seen.insert(e.session.id, e.firstSeen);
    const QDateTime t = now();
    QList<Entry> entries;
    entries.reserve(sessions.size());
    for (const Session &s : sessions)
        entries.append(Entry{ s, seen.value(s.id, t) });
    return entries;
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
    return Detail::applyKeyedDiff(m_rows, withFirstSeen(sessions), hooks);
}

bool SessionListModel::upsert(const Session &session)
{
    const int row = rowOfId(session.id);
    if (row >= 0) {
        if (m_rows.at(row).session == session)
            return false;
        const Entry before = m_rows.at(row);
        m_rows[row].session = session;
        emitRowChanged(row, before, m_rows.at(row));
        return true;
    }
    int at = 0;
    while (at < int(m_rows.size()) && m_rows.at(at).session.id < session.id)
        ++at;
    beginInsertRows({}, at, at);
    m_rows.insert(at, Entry{ session, now() });
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

void SessionListModel::refreshAges()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, AgeColumn), index(int(m_rows.size()) - 1, AgeColumn),
                       { Qt::DisplayRole, Qt::ToolTipRole, AgeSecondsRole });
}

} // namespace Livy
