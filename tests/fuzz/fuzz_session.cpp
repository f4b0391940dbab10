// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GET /sessions/{id}, POST /sessions, POST /sessions/{id}/connect (Codec::decodeSession) and
// GET /sessions/{id}/state (Codec::decodeSessionState); then what the views derive from a session (log links,
// identity, the failure explained from its log).
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = LivyFuzz::bodyOf(data, size);
    Livy::Session session;
    const Livy::LivyError error = LivyFuzz::decodeLikeAJob(body, "session", Livy::Codec::decodeSession, &session);
    if (error)
        LivyFuzz::use(error);
    else
        LivyFuzz::use(session);

    Livy::SessionStateInfo state;
    const Livy::LivyError stateError =
        LivyFuzz::decodeLikeAJob(body, "session state", Livy::Codec::decodeSessionState, &state);
    if (stateError)
        LivyFuzz::use(stateError);
    else
        LivyFuzz::sink(Livy::sessionStateToString(state.state) + state.stateName);
    return 0;
}
