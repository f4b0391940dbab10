// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A chart of a table result (Qt Charts): choose the chart type, the X column and the Y columns; save as PNG
// (Ctrl+S). It plots the rows the table view shows (filtered and sorted) — setRows() — and rebuilds lazily, only
// while visible.

#include "chartbuilder.h"

#include <QWidget>

#include <memory>

class QChartView;
class QComboBox;
class QLabel;
class QMenu;
class QToolButton;

namespace LivyDesk {

class ChartOutputView : public QWidget
{
    Q_OBJECT
public:
    explicit ChartOutputView(QWidget *parent = nullptr);

    /// Sets the table and resets the chart to the defaults for it.
    void setTable(std::shared_ptr<const Livy::TableResult> table);
    /// The rows to plot, in order (default: all rows in the server's order).
    void setRows(const QList<int> &rows);
    void setSpec(const ChartSpec &spec);
    ChartSpec spec() const { return m_spec; }

    /// Renders the chart to a PNG file; empty on success, else the error.
    QString savePng(const QString &path);
    void savePngAs();

    QChartView *chartView() const { return m_chartView; }
    QComboBox *typeBox() const { return m_type; }
    QComboBox *xBox() const { return m_x; }
    QMenu *yMenu() const { return m_yMenu; }
    QString note() const;

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void rebuildSoon();
    void fillControls();
    void updateYButton();
    void applyTheme();

    std::shared_ptr<const Livy::TableResult> m_table;
    QList<int> m_rows;
    ChartSpec m_spec;
    bool m_dirty = false;
    QChartView *m_chartView = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_x = nullptr;
    QToolButton *m_yButton = nullptr;
    QMenu *m_yMenu = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace LivyDesk
