// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GET /sessions/{id}/log (Codec::decodeLogPage), then the failure explained from its lines (logexplainer.h).
#include "fuzzcommon.h"

#include "livy/logexplainer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = LivyFuzz::bodyOf(data, size);
    Livy::LogPage page;
    const Livy::LivyError error = LivyFuzz::decodeLikeAJob(body, "log page", Livy::Codec::decodeLogPage, &page);
    if (error) {
        LivyFuzz::use(error);
        return 0;
    }
    LivyFuzz::sink(qsizetype(page.id) + page.from + page.total);
    LivyFuzz::sink(Livy::explainFailure(page.lines));
    return 0;
}
