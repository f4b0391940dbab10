// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// POST /sessions/{id}/completion (Codec::decodeCompletion).
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = LivyFuzz::bodyOf(data, size);
    Livy::CompletionResult result;
    const Livy::LivyError error =
        LivyFuzz::decodeLikeAJob(body, "completion result", Livy::Codec::decodeCompletion, &result);
    if (error)
        LivyFuzz::use(error);
    else
        LivyFuzz::sink(result.candidates);
    return 0;
}
