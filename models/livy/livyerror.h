// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace Livy {

/// Every failure of the protocol layer, as a value. A LivyError never throws and never asserts:
/// it carries enough to show the user one clear line (message()) and a details view (rawBody()).
class LivyError
{
public:
    enum class Kind {
        None,      ///< not an error
        Network,   ///< connection refused, host not found, connection reset, proxy failure
        Timeout,   ///< the transfer timeout of the request expired
        Tls,       ///< TLS handshake or certificate verification failed
        Http,      ///< the server answered with a 4xx or 5xx status
        Protocol,  ///< the server answered 2xx, but the body is not what Livy sends
        Cancelled, ///< the client abandoned the request
    };

    LivyError() = default;
    LivyError(Kind kind, QString message, int httpStatus = 0, QByteArray rawBody = {});

    static LivyError protocol(const QString &message, const QByteArray &rawBody = {});

    /// Builds the error for an HTTP error status from the body in any of Livy's three shapes:
    /// `{"msg":"…"}`, a bare JSON string, or a Jetty filter page (HTML, or JSON with "message").
    static LivyError fromHttpResponse(int httpStatus, const QByteArray &body, const QString &what = {});

    /// Extracts the server's own message from an error body, or an empty string if none can be found.
    static QString serverMessage(const QByteArray &body);

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    /// One line, fit to show a user.
    QString message() const { return m_message; }
    /// What the server itself said (decoded from the body), if anything.
    QString serverText() const { return m_serverText; }
    /// The first bytes of the body as received, for a details view.
    QByteArray rawBody() const { return m_rawBody; }

    bool isNotFound() const { return m_kind == Kind::Http && m_httpStatus == 404; }
    /// True for failures that may go away by themselves (network, timeout, 5xx for GETs, 503...).
    bool isTransient() const;

    static QString kindName(Kind kind);
    /// "HTTP 404: Session 42 no longer exists on the server" style text for logs and tooltips.
    QString toString() const;

    static constexpr qsizetype MaxRawBody = 4096;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_message;
    QString m_serverText;
    QByteArray m_rawBody;
};

} // namespace Livy

Q_DECLARE_METATYPE(Livy::LivyError)
