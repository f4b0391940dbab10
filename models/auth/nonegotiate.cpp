// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NegotiateContext for builds without a GSS-API or SSPI library (LIVYDESK_KERBEROS=OFF): every exchange fails
// with a message that says so.
#include "negotiatecontext.h"

namespace Livy {

namespace {

const QString unavailable = QStringLiteral("this build of LivyDesk has no Kerberos support (built without GSS-API)");

class NoNegotiateContext final : public NegotiateContext
{
public:
    Step initiate(const QString &) override { return failed(); }
    Step proceed(const QByteArray &) override { return failed(); }

private:
    static Step failed()
    {
        Step step;
        step.error = unavailable;
        return step;
    }
};

} // namespace

NegotiateContext::~NegotiateContext() = default;

std::unique_ptr<NegotiateContext> NegotiateContext::create()
{
    return std::make_unique<NoNegotiateContext>();
}

KerberosTicket NegotiateContext::currentTicket()
{
    KerberosTicket ticket;
    ticket.state = KerberosTicket::State::Unavailable;
    ticket.detail = unavailable;
    return ticket;
}

QString NegotiateContext::obtainTicket(const QString &, const QString &)
{
    return unavailable;
}

} // namespace Livy
