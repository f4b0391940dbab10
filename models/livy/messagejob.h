// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livyjob.h"

namespace Livy {

/// Base for endpoints whose success body is Livy's `{"msg": "…"}` acknowledgement.
class MessageJob : public LivyJob
{
    Q_OBJECT
public:
    /// The server's acknowledgement ("canceled", "deleted").
    QString message() const { return m_message; }

protected:
    using LivyJob::LivyJob;
    LivyError decodeSuccess(const QByteArray &body, int httpStatus) override;

private:
    QString m_message;
};

} // namespace Livy
