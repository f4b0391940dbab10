// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Item model over one TableResult. A thin, read-only container: the result is immutable and shared, so
// setResult() is a cheap model reset even for 100,000 rows (the expensive conversion happened when the
// TableResult was built, normally on a worker thread). Colours and fonts (e.g. for nulls) are the view's job;
// the model exposes what the view needs through the roles below.

#include "tableresult.h"

#include <QAbstractTableModel>

#include <memory>

namespace Livy {

class TableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, ///< the typed value (qlonglong, double, bool, QDate, QDateTime, QString)
        IsNullRole,                  ///< bool: the cell is null (DisplayRole is then an empty string)
        FullTextRole,                ///< the complete cell text (DisplayRole shortens long and multi-line texts)
        ColumnTypeRole,              ///< int(Livy::ColumnType) of the cell's column
        JsonValueRole,               ///< QJsonValue, as the JSON export writes it
    };
    Q_ENUM(Role)

    /// DisplayRole shows at most this many characters of a cell; FullTextRole and the exports have it all.
    static constexpr int MaxDisplayLength = 500;
    /// A cell's text as DisplayRole shows it: at most MaxDisplayLength characters, line breaks as a visible mark.
    static QString displayText(QString text);

    explicit TableModel(QObject *parent = nullptr);

    void setResult(std::shared_ptr<const TableResult> result);
    void clear();
    std::shared_ptr<const TableResult> result() const { return m_result; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::shared_ptr<const TableResult> m_result;
};

} // namespace Livy
