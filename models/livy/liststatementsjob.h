// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `GET /sessions/{id}/statements?from&size&order`. The server fetches every retained statement from the
/// driver in one RPC whatever the slice; `order=desc` (Livy 0.8+) reverses before slicing, so
/// `size=N&order=desc` gives the newest N.
class ListStatementsJob : public LivyJob
{
    Q_OBJECT
public:
    enum class Order { Default, Ascending, Descending };

    ListStatementsJob(Connection *connection, const SessionRef &session, int from = -1, int size = -1,
                      Order order = Order::Default, QObject *parent = nullptr);

    const StatementList &result() const { return m_result; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    StatementList m_result;
};

} // namespace Livy
