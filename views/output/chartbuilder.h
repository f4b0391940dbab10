// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Builds a Qt Charts QChart from a table result: bar, line, scatter, pie or area, with one X column (or the row
// number) and one or more numeric Y columns.
//
// Defaults: X is a date/timestamp column, else the text column with the fewest distinct values (a category), else
// a key-like integer, else the row number; Y is the numeric columns that measure something (not ids or row
// numbers) on the scale of the first one (at most MaxDefaultY). The rows come from the caller in the order to plot
// them (the table view's filtered rows, in the result's own order: sorting the table does not reorder a chart). Bars, pie slices, and line/area points are one per distinct X value,
// with the Y values of rows sharing an X summed (a table of sales per region and month gives one bar per
// region). Big results stay quick: at most MaxCategories bars, MaxSlices slices (the rest is "Other") and
// MaxPoints points (evenly spaced over the whole range). The note says what was summed, capped or left out.

#include "results/tableresult.h"

#include <QList>
#include <QString>

class QChart;

namespace LivyDesk {

enum class ChartType { Bar, Line, Scatter, Pie, Area };

struct ChartSpec
{
    ChartType type = ChartType::Bar;
    int xColumn = -1;      ///< -1: the row number
    QList<int> yColumns;   ///< numeric columns; a pie uses the first
};

class ChartBuilder
{
public:
    static constexpr int MaxPoints = 5000;     ///< points per series for line, scatter and area
    static constexpr int MaxCategories = 100;  ///< bars (distinct X values)
    static constexpr int MaxSlices = 12;       ///< pie slices; the rest becomes "Other"
    static constexpr int MaxDefaultY = 6;

    static QList<ChartType> types();
    static QString typeName(ChartType type);

    static int defaultXColumn(const Livy::TableResult &table);
    static QList<int> defaultYColumns(const Livy::TableResult &table, int xColumn);
    static ChartSpec defaultSpec(const Livy::TableResult &table, ChartType type = ChartType::Bar);
    /// Columns that can be plotted as Y (numeric or boolean).
    static QList<int> plottableColumns(const Livy::TableResult &table);

    /// Builds the chart (owned by the caller). `note` receives what was capped or skipped, or stays empty.
    /// Returns a chart with no series when there is nothing to plot (then `note` says why).
    static QChart *build(const Livy::TableResult &table, const QList<int> &rows, const ChartSpec &spec,
                         QString *note = nullptr);
};

} // namespace LivyDesk
