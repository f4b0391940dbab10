// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GET /sessions/{id}/statements/{id} and POST .../statements (Codec::decodeStatement), then the statement's
// outcome (livy/outcome.h) as the statement list and the output area read it.
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = LivyFuzz::bodyOf(data, size);
    Livy::Statement statement;
    const Livy::LivyError error = LivyFuzz::decodeLikeAJob(body, "statement", Livy::Codec::decodeStatement, &statement);
    if (error)
        LivyFuzz::use(error);
    else
        LivyFuzz::use(statement);
    return 0;
}
