// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace Livy {
class SessionListModel;
}

namespace LivyDesk {

/// The sessions of the server in use: a sortable, filterable table on Livy::SessionListModel with state badges,
/// and a context menu (open, refresh, copy id, delete). It emits intents; deleting is confirmed by the window.
/// Keyboard: Enter opens, Delete deletes, Ctrl+C copies the ids, typing in the filter box narrows the list.
class SessionsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit SessionsDock(QWidget *parent = nullptr);

    void setModel(Livy::SessionListModel *model);
    /// Whether the list reflects the server now (`listed`); when it does not and holds nothing, the placeholder
    /// says `note` ("Connecting to …", "Cannot reach …") instead of claiming the server has no sessions.
    void setConnectionNote(bool listed, const QString &note);
    Livy::SessionListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const;

    /// The id of the current row, or -1.
    int currentSessionId() const;
    QList<int> selectedSessionIds() const;
    void selectSession(int id);
    /// What Copy puts on the clipboard: the selected ids, one per line.
    QString copyText() const;

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

public Q_SLOTS:
    void focusFilter();
    void copySelection();

Q_SIGNALS:
    void openRequested(int id);
    void refreshRequested();
    void deleteRequested(int id);
    void currentSessionChanged(int id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showContextMenu(const QPoint &pos);
    void showHeaderMenu(const QPoint &pos);
    void updatePlaceholder();

    Livy::SessionListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_placeholder = nullptr;
    bool m_listed = false;
    bool m_leaseColumnChosen = false; ///< the user showed or hid the Lease column: it is no longer shown by itself
    QString m_connectionNote;
};

} // namespace LivyDesk
