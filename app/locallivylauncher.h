// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QProcess;
class QTimer;

namespace LivyDesk {

/// Starts the project's local Livy (`scripts/local-livy start`, given with `--local-livy SCRIPT`) without
/// blocking the window: its progress lines ("resolving Livy 0.9.0 jars with Maven", "creating the Python venv")
/// are reported as they come, echoed to the terminal, and the base URL it prints last is handed over once the
/// server answers. The server outlives LivyDesk (the script starts it detached), so the next launch is quick.
class LocalLivyLauncher : public QObject
{
    Q_OBJECT
public:
    explicit LocalLivyLauncher(QObject *parent = nullptr);
    ~LocalLivyLauncher() override;

    /// Runs `script start`. No effect while a start is under way.
    void start(const QString &script);
    bool isRunning() const;
    /// Seconds since start() (for "starting a local Livy… 42 s").
    qint64 elapsedSeconds() const;
    /// Echo the script's progress lines to stderr (on by default: `make run` shows them in the terminal).
    void setEchoToTerminal(bool echo) { m_echo = echo; }

Q_SIGNALS:
    /// A progress line of the script, without its "local-livy: " prefix.
    void progress(const QString &line);
    void ready(const QUrl &url);
    /// `message` is one line for the user; `details` holds the script's whole output.
    void failed(const QString &message, const QString &details);

private:
    void readProgress();
    void onFinished(int exitCode, bool crashed);

    QPointer<QProcess> m_process;
    QTimer *m_ticker = nullptr; ///< repeats the last progress line each second so the elapsed time moves
    QString m_lastProgress;
    QElapsedTimer m_clock;
    QByteArray m_stderrBuffer;
    QStringList m_lines;
    bool m_echo = true;
};

} // namespace LivyDesk
