// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The body of an HTTP error answer, any shape (LivyError::fromHttpResponse, LivyError::serverMessage): what
// LivyJob does with every 4xx/5xx. The statuses are the ones whose wording differs: a plain refusal, the 401/403
// the authenticator words, Livy's 404s (session not found), its only 406, and a server failure.
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = LivyFuzz::bodyOf(data, size);
    LivyFuzz::sink(Livy::LivyError::serverMessage(body));
    for (const int status : { 400, 403, 404, 406, 500 })
        LivyFuzz::use(Livy::LivyError::fromHttpResponse(status, body));
    LivyFuzz::use(Livy::LivyError::fromHttpResponse(503, body, QStringLiteral("Deleting session 4")));
    return 0;
}
