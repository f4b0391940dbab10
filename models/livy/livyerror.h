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
        Local,     ///< a failure on this computer (the system keychain, a file), not in talking to the server
    };

    LivyError() = default;
    LivyError(Kind kind, QString message, int httpStatus = 0, QByteArray rawBody = {});

    static LivyError protocol(const QString &message, const QByteArray &rawBody = {});

    /// Builds the error for an HTTP error status from the body in any of Livy's shapes: `{"msg":"…"}` (0.6+), a
    /// bare JSON string (every error in 0.5; Jackson and driver errors later), or a Jetty filter page (CSRF, auth,
    /// allowed-users): HTML, or on Jetty 9.4 (Livy 0.8+) JSON `{"message":"…","status":"400",…}` with the status
    /// as a string. The message is the server's text made readable in one line (Java exception prefixes,
    /// "Rejected, Reason:", "requirement failed:", Jackson's reference chain and Scala's Some(…) removed; the
    /// common Livy errors reworded, e.g. "Session '42' not found." -> "Session 42 was not found on the server
    /// (it may have ended or expired)"), or a generic text for the status when the body says nothing. `what`, if
    /// given, is put in front ("Deleting session 4: …").
    static LivyError fromHttpResponse(int httpStatus, const QByteArray &body, const QString &what = {});

    /// Extracts the server's own message from an error body (any shape above; all of it, not only the first
    /// line), or an empty string if there is none: an empty body, a JSON object without a message, or a body
    /// that starts like JSON but does not parse (a truncated body says nothing reliable).
    static QString serverMessage(const QByteArray &body);

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    /// One line, fit to show a user.
    QString message() const { return m_message; }
    /// What the server itself said (decoded from the body, all lines, at most MaxRawBody characters), if anything.
    QString serverText() const { return m_serverText; }
    /// The first MaxRawBody bytes of the body as received (cut at a UTF-8 character boundary), for a details view.
    QByteArray rawBody() const { return m_rawBody; }

    /// The request that failed ("GET /sessions/2"), set by the job; empty for errors made elsewhere.
    QString route() const { return m_route; }
    LivyError withRoute(const QString &route) const
    {
        LivyError copy = *this;
        copy.m_route = route;
        return copy;
    }
    /// The same error told differently (an authentication refusal explained); the server's text stays in the details.
    LivyError withMessage(const QString &message) const
    {
        LivyError copy = *this;
        copy.m_message = message;
        return copy;
    }
    /// What happened, in words for a user, with what was being done: "The server answered with an internal error
    /// (NullPointerException) while opening session 2" (see describeFor()).
    QString describeFor(const QString &doing) const;

    bool isNotFound() const { return m_kind == Kind::Http && m_httpStatus == 404; }
    /// A 404 whose body is Livy's "Session '…' not found." (the session ended, expired or never existed), as
    /// opposed to a route-level 404 or a missing statement.
    bool isSessionNotFound() const;
    /// True for failures that may go away by themselves, so that an idempotent GET may be retried with backoff:
    /// network errors, timeouts, and HTTP 408, 429, 502, 503 and 504. Not 500: Livy answers 500 for requests
    /// that cannot succeed in the session's current state (a statement on a starting session), and for driver
    /// errors that repeat.
    bool isTransient() const;

    static QString kindName(Kind kind);
    /// "HTTP 404: Session 42 was not found on the server (…)" style text for logs and tooltips.
    QString toString() const;

    /// The size of the raw body sample; message() is capped separately (one line of at most MaxMessage chars).
    static constexpr qsizetype MaxRawBody = 4096;
    static constexpr qsizetype MaxMessage = 300;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_message;
    QString m_serverText;
    QByteArray m_rawBody;
    QString m_route;
};

} // namespace Livy

Q_DECLARE_METATYPE(Livy::LivyError)
