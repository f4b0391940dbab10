// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NegotiateContext over GSS-API (MIT Kerberos on Linux, Heimdal's GSS on macOS). Compiled where the build finds
// a GSS-API library; Windows uses sspinegotiate.cpp.
#include "negotiatecontext.h"

#include <QStringList>

#if defined(__APPLE__)
#include <GSS/GSS.h>
#else
#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>
#include <krb5/krb5.h>
#endif

namespace Livy {

namespace {

// 1.3.6.1.5.5.2 (SPNEGO) and 1.2.840.113554.1.2.2 (Kerberos 5).
gss_OID_desc spnegoOid = { 6, const_cast<char *>("\x2b\x06\x01\x05\x05\x02") };
gss_OID_desc krb5Oid = { 9, const_cast<char *>("\x2a\x86\x48\x86\xf7\x12\x01\x02\x02") };

QString statusText(OM_uint32 code, int type, gss_OID mech)
{
    QStringList parts;
    OM_uint32 context = 0;
    do {
        OM_uint32 minor = 0;
        gss_buffer_desc text = GSS_C_EMPTY_BUFFER;
        if (gss_display_status(&minor, code, type, mech, &context, &text) != GSS_S_COMPLETE)
            break;
        const QString part = QString::fromUtf8(static_cast<const char *>(text.value), int(text.length)).trimmed();
        gss_release_buffer(&minor, &text);
        if (!part.isEmpty() && !parts.contains(part))
            parts.append(part);
    } while (context != 0);
    return parts.join(QLatin1String("; "));
}

QString describeFailure(OM_uint32 major, OM_uint32 minor, gss_OID mech)
{
    // The minor status (the mechanism's words, "Server not found in Kerberos database") says the most.
    const QString minorText = minor != 0 ? statusText(minor, GSS_C_MECH_CODE, mech) : QString();
    const QString majorText = statusText(major, GSS_C_GSS_CODE, GSS_C_NO_OID);
    if (minorText.isEmpty())
        return majorText;
    if (majorText.isEmpty() || majorText.contains(QLatin1String("Unspecified GSS failure")))
        return minorText;
    return minorText + QLatin1String(" (") + majorText + QLatin1Char(')');
}

bool isMissingCredentials(OM_uint32 major, const QString &text)
{
    const OM_uint32 routine = GSS_ROUTINE_ERROR(major);
    if (routine == GSS_S_NO_CRED || routine == GSS_S_CREDENTIALS_EXPIRED)
        return true;
    // SPNEGO reports a missing cache as a generic failure; the mechanism's words are MIT's and Heimdal's.
    return text.contains(QLatin1String("No Kerberos credentials"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("No credentials cache"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("Ticket expired"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("credentials have expired"), Qt::CaseInsensitive);
}

/// The principal of the default ticket cache, read with libkrb5 (GSS-API will not name the owner of expired
/// credentials without leaking); empty where that API is not used (macOS) or there is no cache.
QString cachePrincipal()
{
#if defined(__APPLE__)
    return {};
#else
    krb5_context context = nullptr;
    if (krb5_init_context(&context) != 0)
        return {};
    QString result;
    krb5_ccache cache = nullptr;
    if (krb5_cc_default(context, &cache) == 0) {
        krb5_principal principal = nullptr;
        if (krb5_cc_get_principal(context, cache, &principal) == 0) {
            char *name = nullptr;
            if (krb5_unparse_name(context, principal, &name) == 0) {
                result = QString::fromUtf8(name);
                krb5_free_unparsed_name(context, name);
            }
            krb5_free_principal(context, principal);
        }
        krb5_cc_close(context, cache);
    }
    krb5_free_context(context);
    return result;
#endif
}

class GssNegotiateContext final : public NegotiateContext
{
public:
    ~GssNegotiateContext() override
    {
        OM_uint32 minor = 0;
        if (m_context != GSS_C_NO_CONTEXT)
            gss_delete_sec_context(&minor, &m_context, GSS_C_NO_BUFFER);
        if (m_target != GSS_C_NO_NAME)
            gss_release_name(&minor, &m_target);
    }

    Step initiate(const QString &service) override
    {
        const QByteArray name = service.toUtf8();
        gss_buffer_desc buffer = { size_t(name.size()), const_cast<char *>(name.constData()) };
        OM_uint32 minor = 0;
        const OM_uint32 major = gss_import_name(&minor, &buffer, GSS_C_NT_HOSTBASED_SERVICE, &m_target);
        if (GSS_ERROR(major)) {
            Step step;
            step.error = describeFailure(major, minor, GSS_C_NO_OID);
            return step;
        }
        return step(GSS_C_NO_BUFFER);
    }

    Step proceed(const QByteArray &serverToken) override
    {
        if (m_context == GSS_C_NO_CONTEXT) {
            Step step;
            step.error = QStringLiteral("no exchange to continue");
            return step;
        }
        gss_buffer_desc input = { size_t(serverToken.size()), const_cast<char *>(serverToken.constData()) };
        return step(&input);
    }

private:
    Step step(gss_buffer_t input)
    {
        Step result;
        OM_uint32 minor = 0;
        OM_uint32 flags = 0;
        gss_buffer_desc output = GSS_C_EMPTY_BUFFER;
        const OM_uint32 major = gss_init_sec_context(&minor, GSS_C_NO_CREDENTIAL, &m_context, m_target, &spnegoOid,
                                                     GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG, 0,
                                                     GSS_C_NO_CHANNEL_BINDINGS, input, nullptr, &output, &flags,
                                                     nullptr);
        if (output.length > 0)
            result.token = QByteArray(static_cast<const char *>(output.value), qsizetype(output.length));
        OM_uint32 ignored = 0;
        gss_release_buffer(&ignored, &output);
        if (GSS_ERROR(major)) {
            result.token.clear();
            result.error = describeFailure(major, minor, &spnegoOid);
            result.noCredentials = isMissingCredentials(major, result.error);
            return result;
        }
        // Complete only once the server proved itself when mutual authentication was asked for.
        result.complete = major == GSS_S_COMPLETE;
        if (result.complete && !(flags & GSS_C_MUTUAL_FLAG) && input != GSS_C_NO_BUFFER)
            result.error = QStringLiteral("the server did not authenticate itself");
        return result;
    }

    gss_ctx_id_t m_context = GSS_C_NO_CONTEXT;
    gss_name_t m_target = GSS_C_NO_NAME;
};

} // namespace

NegotiateContext::~NegotiateContext() = default;

std::unique_ptr<NegotiateContext> NegotiateContext::create()
{
    return std::make_unique<GssNegotiateContext>();
}

KerberosTicket NegotiateContext::currentTicket()
{
    KerberosTicket ticket;
    OM_uint32 minor = 0;
    gss_OID_set_desc mechs = { 1, &krb5Oid };
    gss_cred_id_t credentials = GSS_C_NO_CREDENTIAL;
    OM_uint32 lifetime = 0;
    OM_uint32 major = gss_acquire_cred(&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, &mechs, GSS_C_INITIATE, &credentials,
                                       nullptr, &lifetime);
    if (GSS_ERROR(major)) {
        ticket.detail = describeFailure(major, minor, &krb5Oid);
        ticket.state = GSS_ROUTINE_ERROR(major) == GSS_S_CREDENTIALS_EXPIRED
                || ticket.detail.contains(QLatin1String("expired"), Qt::CaseInsensitive)
            ? KerberosTicket::State::Expired
            : KerberosTicket::State::None;
        if (ticket.state == KerberosTicket::State::Expired)
            ticket.principal = cachePrincipal();
        return ticket;
    }
    // The lifetime first, without the name: MIT's gss_inquire_cred leaks the name it made when the credentials
    // turn out to have expired.
    major = gss_inquire_cred(&minor, credentials, nullptr, &lifetime, nullptr, nullptr);
    if (GSS_ROUTINE_ERROR(major) == GSS_S_CREDENTIALS_EXPIRED || (!GSS_ERROR(major) && lifetime == 0)) {
        gss_release_cred(&minor, &credentials);
        ticket.state = KerberosTicket::State::Expired;
        ticket.principal = cachePrincipal();
        ticket.detail = QStringLiteral("the ticket-granting ticket has expired");
        return ticket;
    }
    if (GSS_ERROR(major)) {
        ticket.detail = describeFailure(major, minor, &krb5Oid);
        gss_release_cred(&minor, &credentials);
        return ticket; // State::None
    }
    gss_name_t name = GSS_C_NO_NAME;
    if (!GSS_ERROR(gss_inquire_cred(&minor, credentials, &name, nullptr, nullptr, nullptr)) && name != GSS_C_NO_NAME) {
        gss_buffer_desc text = GSS_C_EMPTY_BUFFER;
        if (gss_display_name(&minor, name, &text, nullptr) == GSS_S_COMPLETE) {
            ticket.principal = QString::fromUtf8(static_cast<const char *>(text.value), int(text.length));
            gss_release_buffer(&minor, &text);
        }
        gss_release_name(&minor, &name);
    }
    gss_release_cred(&minor, &credentials);
    ticket.state = KerberosTicket::State::Valid;
    if (lifetime != GSS_C_INDEFINITE)
        ticket.expires = QDateTime::currentDateTimeUtc().addSecs(qint64(lifetime));
    return ticket;
}

QString NegotiateContext::obtainTicket(const QString &principal, const QString &password)
{
#if defined(__APPLE__)
    Q_UNUSED(principal)
    Q_UNUSED(password)
    return QStringLiteral("getting a ticket from LivyDesk is not supported on macOS: run kinit in a terminal");
#else
    krb5_context context = nullptr;
    if (krb5_init_context(&context) != 0)
        return QStringLiteral("the Kerberos library could not start (check krb5.conf)");
    QString problem;
    auto fail = [&](krb5_error_code code, const QString &what) {
        const char *text = krb5_get_error_message(context, code);
        problem = QStringLiteral("%1: %2").arg(what, QString::fromUtf8(text));
        krb5_free_error_message(context, text);
    };
    krb5_principal client = nullptr;
    QByteArray secret = password.toUtf8();
    if (const krb5_error_code parsed = krb5_parse_name(context, principal.trimmed().toUtf8().constData(), &client)) {
        fail(parsed, QStringLiteral("\"%1\" is not a Kerberos principal").arg(principal));
    } else {
        krb5_creds credentials{};
        krb5_get_init_creds_opt *options = nullptr;
        krb5_get_init_creds_opt_alloc(context, &options);
        if (const krb5_error_code got = krb5_get_init_creds_password(context, &credentials, client, secret.data(),
                                                                      nullptr, nullptr, 0, nullptr, options)) {
            fail(got, QStringLiteral("The KDC did not give a ticket to %1").arg(principal.trimmed()));
        } else {
            krb5_ccache cache = nullptr;
            krb5_error_code code = krb5_cc_default(context, &cache);
            if (!code)
                code = krb5_cc_initialize(context, cache, client);
            if (!code)
                code = krb5_cc_store_cred(context, cache, &credentials);
            if (code)
                fail(code, QStringLiteral("The ticket could not be stored in the ticket cache"));
            if (cache)
                krb5_cc_close(context, cache);
            krb5_free_cred_contents(context, &credentials);
        }
        krb5_get_init_creds_opt_free(context, options);
        krb5_free_principal(context, client);
    }
    secret.fill('\0'); // the password leaves memory with this function
    krb5_free_context(context);
    return problem;
#endif
}

} // namespace Livy
