// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QDockWidget>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QToolButton;

namespace LivyDesk {

/// The log of the current session (Livy::LogModel), in a monospace list that follows the tail while the user is
/// at the bottom and stops following when they scroll up. Search finds lines (Enter / Shift+Enter step through
/// matches, or show only matching lines); Copy copies the selected lines (or all).
class LogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LogDock(QWidget *parent = nullptr);

    /// Shows a session's log; nullptr shows the empty state.
    void setModel(QAbstractItemModel *model, const QString &sessionTitle = {});
    QAbstractItemModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    bool isFollowing() const { return m_following; }
    void setFollowing(bool follow);
    bool isShowingOnlyMatches() const;
    void setShowOnlyMatches(bool only);
    /// The selected lines, or every line when nothing is selected.
    QString copyText() const;
    /// Source row of the current match, or -1.
    int currentMatchRow() const;

public Q_SLOTS:
    void findNext();
    void findPrevious();
    void focusSearch();
    void copySelection();

private:
    void find(int direction);
    void updateMatchLabel();
    void scrollIfFollowing();

    QPointer<QAbstractItemModel> m_model; ///< owned by the session controller, which may go first
    QSortFilterProxyModel *m_proxy = nullptr;
    QListView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_matches = nullptr;
    QLabel *m_placeholder = nullptr;
    QToolButton *m_followButton = nullptr;
    QToolButton *m_onlyMatches = nullptr;
    bool m_following = true;
    bool m_autoScrolling = false;
};

} // namespace LivyDesk
