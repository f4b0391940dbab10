// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GET /version (Codec::decodeVersion).
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = LivyFuzz::bodyOf(data, size);
    Livy::VersionInfo version;
    const Livy::LivyError error =
        LivyFuzz::decodeLikeAJob(body, "version information", Livy::Codec::decodeVersion, &version);
    if (error)
        LivyFuzz::use(error);
    else
        LivyFuzz::sink(version.version + version.user + version.revision + version.branch + version.date + version.url);
    return 0;
}
