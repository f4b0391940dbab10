// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "results/tableresult.h"

namespace LivyFuzz {

/// Reads every cell (up to a bound) the way the table view, its sorter and filter, the charts and the exporters do.
void use(const Livy::TableResult &table);

} // namespace LivyFuzz
