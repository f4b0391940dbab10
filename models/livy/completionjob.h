// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"
#include "types.h"

namespace Livy {

/// `POST /sessions/{id}/completion`: completion candidates (only the Scala interpreter returns any).
class CompletionJob : public LivyJob
{
    Q_OBJECT
public:
    CompletionJob(Connection *connection, const SessionRef &session, const CompletionRequest &request, QObject *parent = nullptr);

    const CompletionResult &result() const { return m_result; }

protected:
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    CompletionResult m_result;
};

} // namespace Livy
