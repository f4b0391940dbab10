// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GET /sessions/{id}/statements (Codec::decodeStatementList), then each statement's outcome.
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = LivyFuzz::bodyOf(data, size);
    Livy::StatementList list;
    const Livy::LivyError error =
        LivyFuzz::decodeLikeAJob(body, "statement list", Livy::Codec::decodeStatementList, &list);
    if (error) {
        LivyFuzz::use(error);
        return 0;
    }
    LivyFuzz::sink(list.total);
    for (const Livy::Statement &statement : std::as_const(list.statements))
        LivyFuzz::use(statement);
    return 0;
}
