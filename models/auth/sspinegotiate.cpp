// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NegotiateContext over Windows SSPI ("Negotiate" package): the logon session's Kerberos credentials, as browsers
// use them. Compiled only on Windows (models/auth/CMakeLists.txt); Linux and macOS use gssnegotiate.cpp. It is
// not built by this project's Linux CI: the Windows workflow builds it.
#include "negotiatecontext.h"

#ifndef SECURITY_WIN32
#define SECURITY_WIN32
#endif
#include <windows.h>
#include <security.h>
#include <sspi.h>

namespace Livy {

namespace {

QString statusText(SECURITY_STATUS status)
{
    wchar_t *buffer = nullptr;
    const DWORD length = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM
                                            | FORMAT_MESSAGE_IGNORE_INSERTS,
                                        nullptr, DWORD(status), 0, reinterpret_cast<wchar_t *>(&buffer), 0, nullptr);
    QString text = length > 0 ? QString::fromWCharArray(buffer, int(length)).trimmed()
                              : QStringLiteral("SSPI error 0x%1").arg(quint32(status), 8, 16, QLatin1Char('0'));
    if (buffer)
        LocalFree(buffer);
    return text;
}

bool isMissingCredentials(SECURITY_STATUS status)
{
    return status == SEC_E_NO_CREDENTIALS || status == SEC_E_LOGON_DENIED || status == SEC_E_NO_AUTHENTICATING_AUTHORITY;
}

class SspiNegotiateContext final : public NegotiateContext
{
public:
    ~SspiNegotiateContext() override
    {
        if (m_haveContext)
            DeleteSecurityContext(&m_context);
        if (m_haveCredentials)
            FreeCredentialsHandle(&m_credentials);
    }

    Step initiate(const QString &service) override
    {
        // GSS host-based "HTTP@host" is SSPI's service principal name "HTTP/host".
        m_target = service;
        m_target.replace(QLatin1Char('@'), QLatin1Char('/'));
        TimeStamp expiry;
        const SECURITY_STATUS status = AcquireCredentialsHandleW(nullptr, const_cast<wchar_t *>(L"Negotiate"),
                                                                 SECPKG_CRED_OUTBOUND, nullptr, nullptr, nullptr,
                                                                 nullptr, &m_credentials, &expiry);
        if (status != SEC_E_OK) {
            Step step;
            step.error = statusText(status);
            step.noCredentials = isMissingCredentials(status);
            return step;
        }
        m_haveCredentials = true;
        return step(nullptr);
    }

    Step proceed(const QByteArray &serverToken) override
    {
        if (!m_haveContext) {
            Step step;
            step.error = QStringLiteral("no exchange to continue");
            return step;
        }
        SecBuffer in = { ULONG(serverToken.size()), SECBUFFER_TOKEN, const_cast<char *>(serverToken.constData()) };
        SecBufferDesc input = { SECBUFFER_VERSION, 1, &in };
        return step(&input);
    }

private:
    Step step(SecBufferDesc *input)
    {
        Step result;
        SecBuffer out = { 0, SECBUFFER_TOKEN, nullptr };
        SecBufferDesc output = { SECBUFFER_VERSION, 1, &out };
        ULONG attributes = 0;
        TimeStamp expiry;
        std::wstring target = m_target.toStdWString();
        const SECURITY_STATUS status = InitializeSecurityContextW(
            &m_credentials, m_haveContext ? &m_context : nullptr, target.data(),
            ISC_REQ_MUTUAL_AUTH | ISC_REQ_ALLOCATE_MEMORY | ISC_REQ_REPLAY_DETECT | ISC_REQ_SEQUENCE_DETECT, 0,
            SECURITY_NATIVE_DREP, input, 0, &m_context, &output, &attributes, &expiry);
        if (status == SEC_E_OK || status == SEC_I_CONTINUE_NEEDED)
            m_haveContext = true;
        if (out.pvBuffer) {
            result.token = QByteArray(static_cast<const char *>(out.pvBuffer), qsizetype(out.cbBuffer));
            FreeContextBuffer(out.pvBuffer);
        }
        if (status != SEC_E_OK && status != SEC_I_CONTINUE_NEEDED) {
            result.token.clear();
            result.error = statusText(status);
            result.noCredentials = isMissingCredentials(status);
            return result;
        }
        result.complete = status == SEC_E_OK;
        if (result.complete && input && !(attributes & ISC_RET_MUTUAL_AUTH))
            result.error = QStringLiteral("the server did not authenticate itself");
        return result;
    }

    QString m_target;
    CredHandle m_credentials{};
    CtxtHandle m_context{};
    bool m_haveCredentials = false;
    bool m_haveContext = false;
};

} // namespace

NegotiateContext::~NegotiateContext() = default;

std::unique_ptr<NegotiateContext> NegotiateContext::create()
{
    return std::make_unique<SspiNegotiateContext>();
}

KerberosTicket NegotiateContext::currentTicket()
{
    // Windows keeps the logon session's tickets itself (no kinit): the credentials are the signed-in user's.
    KerberosTicket ticket;
    CredHandle credentials;
    TimeStamp expiry;
    const SECURITY_STATUS status = AcquireCredentialsHandleW(nullptr, const_cast<wchar_t *>(L"Kerberos"),
                                                             SECPKG_CRED_OUTBOUND, nullptr, nullptr, nullptr, nullptr,
                                                             &credentials, &expiry);
    if (status != SEC_E_OK) {
        ticket.state = KerberosTicket::State::None;
        ticket.detail = statusText(status);
        return ticket;
    }
    SecPkgCredentials_NamesW names{};
    if (QueryCredentialsAttributesW(&credentials, SECPKG_CRED_ATTR_NAMES, &names) == SEC_E_OK && names.sUserName) {
        ticket.principal = QString::fromWCharArray(names.sUserName);
        FreeContextBuffer(names.sUserName);
    }
    FreeCredentialsHandle(&credentials);
    ticket.state = KerberosTicket::State::Valid;
    return ticket;
}

QString NegotiateContext::obtainTicket(const QString &, const QString &)
{
    return QStringLiteral("Windows gets Kerberos tickets when you sign in; sign in with your domain account");
}

} // namespace Livy
