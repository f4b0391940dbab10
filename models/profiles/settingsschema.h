// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one schema of LivyDesk's QSettings: every key the app writes, in one place. Secrets never appear here (the
// OS keychain holds them, keyed by profile id); drafts live in files (views/editor's DraftStore), not settings.

#include <QString>

namespace LivyDesk::SettingsKeys {

// ---- server profiles (models/profiles/serverprofilestore) ----
/// Array of profiles: id, name, url, auth, user, verifyTls, caCertificates, doAs, kerberosService, sparkUiTemplate, headers (array:
/// name, secret, value — no value for a secret one), clientCertificate, clientKey, clientKeyEncrypted,
/// pinnedCertificates, proxy (system|none|manual), proxyUrl (without user info).
inline QString servers() { return QStringLiteral("servers"); }
/// The id of the profile in use.
inline QString currentServer() { return QStringLiteral("currentServer"); }

// ---- per profile: the workspace (models/profiles/workspacestore) ----
/// The session ids whose tabs were open, in tab order (a string list).
inline QString openSessions(const QString &profileId) { return QStringLiteral("openSessions/") + profileId; }
/// The session id of the active tab (-1 for none).
inline QString currentSession(const QString &profileId) { return QStringLiteral("currentSession/") + profileId; }
/// "id<TAB>tag<TAB>created ms" lines for sessions created from this computer (ServerController).
inline QString createdSessions(const QString &storeKey) { return QStringLiteral("createdSessions/") + storeKey; }

// ---- create dialog (models/profiles/sessionpresetstore) ----
/// Group of named presets (percent-encoded names -> request JSON).
inline QString presets() { return QStringLiteral("createSessionPresets"); }
/// Group of the presets' setup statements, making them session templates (percent-encoded names -> JSON array of
/// {code, kind}); a preset without an entry has no setup.
inline QString presetSetup() { return QStringLiteral("createSessionPresetSetup"); }
/// The request of the last session created (its name dropped).
inline QString lastCreateRequest() { return QStringLiteral("createSession/lastUsed"); }

// ---- window (views/mainwindow) ----
inline QString windowGeometry() { return QStringLiteral("window/geometry"); }
inline QString windowState() { return QStringLiteral("window/state"); }
inline QString sessionsHeader() { return QStringLiteral("window/sessionsHeader"); }
/// View > Show Statement Code.
inline QString showStatementCode() { return QStringLiteral("view/showCode"); }

// ---- notifications (views/notifications/notificationpreferences) ----
/// Whether a kind of notification is shown (bool, default true); `kind` is notificationKindName(): statement,
/// sessionReady, sessionEnded, sessionExpiring.
inline QString notificationEnabled(const QString &kind) { return QStringLiteral("notifications/") + kind; }
/// A finished statement is news when it ran at least this many seconds (default 30).
inline QString notificationLongStatementSeconds() { return QStringLiteral("notifications/longStatementSeconds"); }

// The local history (models/history): outputs larger than this many MiB keep only the beginning of their text
// (default 32); 0 keeps every output whole.
inline QString historyOutputCapMiB() { return QStringLiteral("history/outputCapMiB"); }

} // namespace LivyDesk::SettingsKeys
