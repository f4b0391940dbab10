// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GET /sessions (Codec::decodeSessionList): the list, its unreadable rows, and what the sessions dock derives.
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = LivyFuzz::bodyOf(data, size);
    Livy::SessionList list;
    const Livy::LivyError error = LivyFuzz::decodeLikeAJob(body, "session list", Livy::Codec::decodeSessionList, &list);
    if (error) {
        LivyFuzz::use(error);
        return 0;
    }
    LivyFuzz::sink(list.from + qsizetype(list.total));
    for (const Livy::Session &session : std::as_const(list.sessions))
        LivyFuzz::use(session);
    return 0;
}
