// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionsdock.h"

#include "icons.h"
#include "items/sessionlistmodel.h"
#include "statestyle.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {

using Model = Livy::SessionListModel;

/// Adds state badges and colours, sorts ids and ages as numbers, and filters by the text of any column.
///
/// Built for servers with thousands of sessions: the filter asks the model's rowContains() (no QVariant per
/// cell, no regular expression) and a new filter text re-sorts and re-filters in one layout change, instead of
/// Qt's incremental path whose cost grows with the number of separate row ranges that appear or vanish (typing
/// "et" over 5,000 sessions leaves every sixth row: over 800 ranges, each announced to the view on its own).
class SessionTableProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QPalette palette;

    void setFilterText(const QString &text)
    {
        if (text == m_filterText)
            return;
        m_filterText = text;
        invalidate();
    }
    QString filterText() const { return m_filterText; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() == Model::StateColumn) {
            const auto state = Livy::SessionState(QSortFilterProxyModel::data(index, Model::StateRole).toInt());
            if (role == Qt::DecorationRole)
                return StateStyle::sessionBadge(state, palette);
            if (role == Qt::ForegroundRole)
                return StateStyle::colour(StateStyle::toneFor(state), palette);
            if (role == Qt::DisplayRole)
                return StateStyle::sessionStateLabel(
                    state, QSortFilterProxyModel::data(index, Model::StateNameRole).toString());
        }
        if (role == Qt::ToolTipRole && index.column() == Model::StateColumn)
            return QStringLiteral("Server state: %1").arg(QSortFilterProxyModel::data(index, Model::StateNameRole).toString());
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        if (m_filterText.isEmpty() || sourceParent.isValid())
            return true;
        const auto *model = static_cast<const Model *>(sourceModel());
        return model->rowContains(sourceRow, m_filterText);
    }

    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const auto *model = static_cast<const Model *>(sourceModel());
        switch (left.column()) {
        case Model::IdColumn: return model->sessionRefAt(left.row()).id < model->sessionRefAt(right.row()).id;
        case Model::CreatedColumn:
            return left.data(Model::CreatedHereRole).toDateTime() < right.data(Model::CreatedHereRole).toDateTime();
        case Model::StateColumn:
            return model->sessionRefAt(left.row()).state < model->sessionRefAt(right.row()).state;
        case Model::LeaseColumn: {
            // The soonest end first; sessions whose end cannot be known after every known one.
            const QVariant l = left.data(Model::LeaseRemainingRole), r = right.data(Model::LeaseRemainingRole);
            if (l.isValid() != r.isValid())
                return l.isValid();
            return l.toLongLong() < r.toLongLong();
        }
        default:
            return QString::localeAwareCompare(model->text(left.row(), left.column()),
                                               model->text(right.row(), right.column())) < 0;
        }
    }

private:
    QString m_filterText;
};

} // namespace

SessionsDock::SessionsDock(QWidget *parent)
    : QDockWidget(QStringLiteral("Sessions"), parent)
{
    setObjectName(QStringLiteral("SessionsDock"));
    setAccessibleName(QStringLiteral("Sessions"));

    auto *content = new QWidget(this);
    m_filter = new QLineEdit(content);
    m_filter->setPlaceholderText(QStringLiteral("Filter by id, name, kind, state, owner…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(QStringLiteral("Filter sessions"));

    auto *proxy = new SessionTableProxy(this);
    proxy->palette = palette();
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy = proxy;

    m_view = new QTableView(content);
    m_view->setAccessibleName(QStringLiteral("Session list"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Model::IdColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);

    m_placeholder = new QLabel(content);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMargin(12);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_placeholder);
    setWidget(content);

    connect(m_filter, &QLineEdit::textChanged, proxy, &SessionTableProxy::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &SessionsDock::updatePlaceholder);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() > 0) {
            m_view->setFocus();
            m_view->selectRow(0);
        }
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openRequested(index.data(Model::IdRole).toInt());
    });
    connect(m_view, &QTableView::customContextMenuRequested, this, &SessionsDock::showContextMenu);
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &SessionsDock::showHeaderMenu);

    // Ctrl+C is the window's Copy action, which asks the focused panel (copyText()).
    auto *remove = new QAction(QStringLiteral("Delete Session…"), m_view);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, [this] {
        if (const int id = currentSessionId(); id >= 0)
            Q_EMIT deleteRequested(id);
    });
    m_view->addAction(remove);

    updatePlaceholder();
}

QSortFilterProxyModel *SessionsDock::proxy() const
{
    return m_proxy;
}

void SessionsDock::setModel(Livy::SessionListModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    if (model) {
        QHeaderView *header = m_view->horizontalHeader();
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setStretchLastSection(false);
        header->setSectionResizeMode(Model::NameColumn, QHeaderView::Stretch);
        const QFontMetrics fm = m_view->fontMetrics();
        m_view->setColumnWidth(Model::IdColumn, fm.horizontalAdvance(QStringLiteral("00000")) + 12);
        m_view->setColumnWidth(Model::KindColumn, fm.horizontalAdvance(QStringLiteral("pyspark")) + 16);
        m_view->setColumnWidth(Model::StateColumn, fm.horizontalAdvance(QStringLiteral("Starting…")) + 28);
        m_view->setColumnWidth(Model::CreatedColumn, fm.horizontalAdvance(QStringLiteral("2026-12-02 12:00")) + 16);
        m_view->setColumnWidth(Model::LeaseColumn, fm.horizontalAdvance(QStringLiteral("99 min")) + 16);
        // Owner, proxy user, application and the creation time (known only for sessions created here) are one
        // right-click on the header away.
        for (const int hidden : { int(Model::OwnerColumn), int(Model::ProxyUserColumn), int(Model::AppIdColumn),
                                  int(Model::CreatedColumn) })
            m_view->setColumnHidden(hidden, true);
        // The lease is known only for some open sessions: its column takes room from the names only once one is
        // (unless the user chose otherwise from the header menu).
        m_view->setColumnHidden(Model::LeaseColumn, true);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    if (m_leaseColumnChosen || !m_view->isColumnHidden(Model::LeaseColumn)
                        || topLeft.column() > Model::LeaseColumn || bottomRight.column() < Model::LeaseColumn)
                        return;
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                        if (!m_model->index(row, Model::LeaseColumn).data().toString().isEmpty()) {
                            m_view->setColumnHidden(Model::LeaseColumn, false);
                            return;
                        }
                    }
                });
        connect(model, &QAbstractItemModel::rowsInserted, this, &SessionsDock::updatePlaceholder);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &SessionsDock::updatePlaceholder);
        connect(model, &QAbstractItemModel::modelReset, this, &SessionsDock::updatePlaceholder);
    }
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT currentSessionChanged(currentSessionId()); });
    updatePlaceholder();
}

void SessionsDock::updatePlaceholder()
{
    const bool empty = !m_model || m_model->rowCount() == 0;
    const bool filteredOut = !empty && m_proxy->rowCount() == 0;
    m_placeholder->setVisible(empty || filteredOut);
    if (empty && !m_listed) // what the server has is not known yet: never claim it has nothing
        m_placeholder->setText(m_connectionNote.isEmpty() ? tr("Not connected.") : m_connectionNote);
    else if (empty)
        m_placeholder->setText(QStringLiteral("No sessions on this server yet.\nCreate one with New Session (Ctrl+N)."));
    else if (filteredOut)
        m_placeholder->setText(QStringLiteral("No session matches “%1”.").arg(m_filter->text()));
}

void SessionsDock::setConnectionNote(bool listed, const QString &note)
{
    m_listed = listed;
    m_connectionNote = note;
    updatePlaceholder();
}

int SessionsDock::currentSessionId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(Model::IdRole).toInt() : -1;
}

QList<int> SessionsDock::selectedSessionIds() const
{
    QList<int> ids;
    const QModelIndexList rows = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    for (const QModelIndex &index : rows)
        ids.append(index.data(Model::IdRole).toInt());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void SessionsDock::selectSession(int id)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(Model::IdRole).toInt() == id) {
            m_view->setCurrentIndex(index);
            m_view->selectRow(row);
            return;
        }
    }
}

QString SessionsDock::copyText() const
{
    QList<int> ids = selectedSessionIds();
    if (ids.isEmpty() && currentSessionId() >= 0)
        ids.append(currentSessionId());
    QStringList lines;
    for (const int id : ids)
        lines.append(QString::number(id));
    return lines.join(QLatin1Char('\n'));
}

void SessionsDock::copySelection()
{
    const QString text = copyText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void SessionsDock::focusFilter()
{
    if (!isVisible())
        show();
    raise();
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void SessionsDock::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    auto *menuPtr = new QMenu(this);
    menuPtr->setAttribute(Qt::WA_DeleteOnClose);
    QMenu &menu = *menuPtr;
    if (index.isValid()) {
        const int id = index.data(Model::IdRole).toInt();
        const QString name = index.data(Model::NameRole).toString();
        menu.addAction(appIcon(AppIcon::Session), QStringLiteral("&Open"), this, [this, id] { Q_EMIT openRequested(id); });
        menu.addAction(appIcon(AppIcon::Refresh), QStringLiteral("&Refresh"), this, [this] { Q_EMIT refreshRequested(); });
        menu.addSeparator();
        menu.addAction(appIcon(AppIcon::Copy), QStringLiteral("&Copy Id"), this,
                       [id] { QApplication::clipboard()->setText(QString::number(id)); });
        if (!name.isEmpty())
            menu.addAction(QStringLiteral("Copy &Name"), this, [name] { QApplication::clipboard()->setText(name); });
        const QString appId = index.data(Model::AppIdRole).toString();
        if (!appId.isEmpty())
            menu.addAction(QStringLiteral("Copy &Application Id"), this,
                           [appId] { QApplication::clipboard()->setText(appId); });
        menu.addSeparator();
        menu.addAction(appIcon(AppIcon::Delete), QStringLiteral("&Delete Session…"), this,
                       [this, id] { Q_EMIT deleteRequested(id); });
    } else {
        menu.addAction(appIcon(AppIcon::Refresh), QStringLiteral("&Refresh"), this, [this] { Q_EMIT refreshRequested(); });
    }
    menu.popup(m_view->viewport()->mapToGlobal(pos)); // popup(), not exec(): no nested event loop
}

void SessionsDock::showHeaderMenu(const QPoint &pos)
{
    if (!m_model)
        return;
    auto *menuPtr = new QMenu(this);
    menuPtr->setAttribute(Qt::WA_DeleteOnClose);
    QMenu &menu = *menuPtr;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(column));
        action->setEnabled(column != Model::IdColumn);
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            m_view->setColumnHidden(column, !on);
            if (column == Model::LeaseColumn)
                m_leaseColumnChosen = true;
        });
    }
    menu.popup(m_view->horizontalHeader()->mapToGlobal(pos));
}

QByteArray SessionsDock::saveHeaderState() const
{
    return m_view->horizontalHeader()->saveState();
}

void SessionsDock::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->horizontalHeader()->restoreState(state);
}

void SessionsDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        static_cast<SessionTableProxy *>(m_proxy)->palette = palette();
        m_view->viewport()->update();
    }
}

} // namespace LivyDesk
