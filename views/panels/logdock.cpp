// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logdock.h"

#include "icons.h"
#include "items/logmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {

/// Section headers ("stdout:", "stderr:") in bold; a dashed rule above a line where lines may be missing.
class LogLineDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(Livy::LogModel::IsSectionHeaderRole).toBool())
            option->font.setBold(true);
        // Livy's section headers start with a newline ("\nstderr: "): show them on one line.
        option->text = option->text.trimmed().isEmpty() ? QString() : option->text;
        option->text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        option->text.replace(QLatin1Char('\t'), QStringLiteral("    "));
    }
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (index.data(Livy::LogModel::GapBeforeRole).toBool()) {
            painter->save();
            QColor c = option.palette.color(QPalette::Text);
            c.setAlphaF(0.5f);
            painter->setPen(QPen(c, 1, Qt::DashLine));
            painter->drawLine(option.rect.topLeft(), option.rect.topRight());
            painter->restore();
        }
    }
};

} // namespace

LogDock::LogDock(QWidget *parent)
    : QDockWidget(QStringLiteral("Log"), parent)
{
    setObjectName(QStringLiteral("LogDock"));
    setAccessibleName(QStringLiteral("Session log"));
    auto *content = new QWidget(this);

    m_search = new QLineEdit(content);
    m_search->setPlaceholderText(QStringLiteral("Search the log (Enter: next, Shift+Enter: previous)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(QStringLiteral("Search log"));
    m_matches = new QLabel(content);
    m_matches->setMinimumWidth(m_matches->fontMetrics().horizontalAdvance(QStringLiteral("0000 of 0000")));
    m_onlyMatches = new QToolButton(content);
    m_onlyMatches->setText(QStringLiteral("Only matches"));
    m_onlyMatches->setCheckable(true);
    m_onlyMatches->setAccessibleName(QStringLiteral("Show only matching lines"));
    m_followButton = new QToolButton(content);
    m_followButton->setIcon(appIcon(AppIcon::Follow));
    m_followButton->setText(QStringLiteral("Follow"));
    m_followButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setToolTip(QStringLiteral("Keep the newest lines in view"));
    m_followButton->setAccessibleName(QStringLiteral("Follow the log"));
    auto *copy = new QToolButton(content);
    copy->setIcon(appIcon(AppIcon::Copy));
    copy->setToolTip(QStringLiteral("Copy the selected lines, or the whole log"));
    copy->setAccessibleName(QStringLiteral("Copy log lines"));

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QListView(content);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(QStringLiteral("Log lines"));
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setItemDelegate(new LogLineDelegate(m_view));
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    m_placeholder = new QLabel(QStringLiteral("Open a session to follow its log."), content);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_matches);
    bar->addWidget(m_onlyMatches);
    bar->addWidget(m_followButton);
    bar->addWidget(copy);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_placeholder, 1);
    setWidget(content);
    m_view->setVisible(false);

    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (QApplication::keyboardModifiers() & Qt::ShiftModifier)
            findPrevious();
        else
            findNext();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_onlyMatches->isChecked())
            m_proxy->setFilterFixedString(text);
        updateMatchLabel();
    });
    connect(m_onlyMatches, &QToolButton::toggled, this, [this](bool on) {
        m_proxy->setFilterFixedString(on ? m_search->text() : QString());
        scrollIfFollowing();
    });
    connect(m_followButton, &QToolButton::toggled, this, &LogDock::setFollowing);
    connect(copy, &QToolButton::clicked, this, &LogDock::copySelection);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_autoScrolling)
            return;
        // Scrolling up stops following; coming back to the bottom resumes it.
        setFollowing(value >= m_view->verticalScrollBar()->maximum());
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &LogDock::scrollIfFollowing);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LogDock::scrollIfFollowing);

    // Ctrl+C is the window's Copy action, which asks the focused panel (copyText()).
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::FindNext);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, &LogDock::findNext);
    content->addAction(findAction);
}

void LogDock::setModel(QAbstractItemModel *model, const QString &sessionTitle)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    m_view->setVisible(model != nullptr);
    m_placeholder->setVisible(model == nullptr);
    setWindowTitle(sessionTitle.isEmpty() ? QStringLiteral("Log") : QStringLiteral("Log — %1").arg(sessionTitle));
    updateMatchLabel();
    setFollowing(true);
}

void LogDock::setFollowing(bool follow)
{
    m_following = follow;
    if (m_followButton->isChecked() != follow) {
        const QSignalBlocker blocker(m_followButton);
        m_followButton->setChecked(follow);
    }
    scrollIfFollowing();
}

void LogDock::scrollIfFollowing()
{
    if (!m_following)
        return;
    m_autoScrolling = true;
    m_view->scrollToBottom();
    m_autoScrolling = false;
}

bool LogDock::isShowingOnlyMatches() const
{
    return m_onlyMatches->isChecked();
}

void LogDock::setShowOnlyMatches(bool only)
{
    m_onlyMatches->setChecked(only);
}

int LogDock::currentMatchRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void LogDock::find(int direction)
{
    const QString needle = m_search->text();
    const int rows = m_proxy->rowCount();
    if (needle.isEmpty() || rows == 0)
        return;
    const int start = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : (direction > 0 ? -1 : rows);
    for (int step = 1; step <= rows; ++step) {
        const int row = ((start + direction * step) % rows + rows) % rows;
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data().toString().contains(needle, Qt::CaseInsensitive)) {
            setFollowing(false);
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
            break;
        }
    }
    updateMatchLabel();
}

void LogDock::findNext()
{
    find(+1);
}

void LogDock::findPrevious()
{
    find(-1);
}

void LogDock::updateMatchLabel()
{
    const QString needle = m_search->text();
    if (needle.isEmpty() || !m_model) {
        m_matches->clear();
        return;
    }
    int total = 0;
    int position = 0;
    const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->index(row, 0).data().toString().contains(needle, Qt::CaseInsensitive)) {
            ++total;
            if (row == current)
                position = total;
        }
    }
    m_matches->setText(total == 0 ? QStringLiteral("no match")
                       : position > 0 ? QStringLiteral("%1 of %2").arg(position).arg(total)
                                      : QStringLiteral("%1 found").arg(total));
}

void LogDock::focusSearch()
{
    if (!isVisible())
        show();
    raise();
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QString LogDock::copyText() const
{
    QStringList lines;
    QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    std::sort(selected.begin(), selected.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    if (selected.isEmpty()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            lines.append(m_proxy->index(row, 0).data().toString());
    } else {
        for (const QModelIndex &index : selected)
            lines.append(index.data().toString());
    }
    return lines.join(QLatin1Char('\n'));
}

void LogDock::copySelection()
{
    QApplication::clipboard()->setText(copyText());
}

} // namespace LivyDesk
