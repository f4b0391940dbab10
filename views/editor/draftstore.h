// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

class QUrl;

namespace LivyDesk {

/// Keeps the editor draft of every session on disk, so code survives closing the window, a restart or a crash.
///
/// Drafts are keyed by server and session (keyFor()). schedule() is debounced: typing writes at most once per
/// delay, and each write is atomic (QSaveFile), so a crash loses at most the last moment of typing and never
/// leaves a half-written file. Pending drafts are written on flush() and on destruction.
/// The default directory is <AppDataLocation>/drafts.
class DraftStore : public QObject
{
    Q_OBJECT
public:
    explicit DraftStore(const QString &directory = {}, QObject *parent = nullptr);
    ~DraftStore() override;

    /// "http://host:8998/#42": the server URL without user info or trailing slash, and the session id or name.
    static QString keyFor(const QUrl &server, const QString &session);

    QString directory() const { return m_directory; }
    /// The saved draft (or the pending one not yet written); empty when there is none.
    QString load(const QString &key) const;
    bool contains(const QString &key) const;
    /// Saves after the debounce delay. An empty text removes the draft.
    void schedule(const QString &key, const QString &text);
    /// Writes every pending draft now.
    void flush();
    /// Forgets a draft (pending and on disk).
    void remove(const QString &key);

    void setDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds delay() const;
    bool hasPending() const { return !m_pending.isEmpty(); }

Q_SIGNALS:
    /// A draft could not be written (disk full, permissions); the text is still pending and retried next time.
    void saveFailed(const QString &key, const QString &errorText);

private:
    QString filePath(const QString &key) const;
    bool write(const QString &key, const QString &text, QString *errorText);

    QString m_directory;
    QHash<QString, QString> m_pending;
    QTimer m_timer;
};

} // namespace LivyDesk
