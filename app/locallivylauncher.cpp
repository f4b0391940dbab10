// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "locallivylauncher.h"

#include <QProcess>
#include <QTimer>

#include <cstdio>

namespace LivyDesk {

namespace {
const QLatin1String scriptPrefix("local-livy: ");
}

LocalLivyLauncher::LocalLivyLauncher(QObject *parent)
    : QObject(parent)
    , m_ticker(new QTimer(this))
{
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, [this] { Q_EMIT progress(m_lastProgress); });
}

LocalLivyLauncher::~LocalLivyLauncher()
{
    if (m_process) {
        // Quitting while the server is being provisioned: stop the script (the stamps make the next start redo
        // whatever was half done); a server it already launched keeps running.
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

bool LocalLivyLauncher::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 LocalLivyLauncher::elapsedSeconds() const
{
    return m_clock.isValid() ? m_clock.elapsed() / 1000 : 0;
}

void LocalLivyLauncher::start(const QString &script)
{
    if (isRunning())
        return;
    m_stderrBuffer.clear();
    m_lines.clear();
    m_clock.start();
    auto *process = new QProcess(this);
    m_process = process;
    process->setProgram(script);
    process->setArguments({ QStringLiteral("start") });
    process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(process, &QProcess::readyReadStandardError, this, &LocalLivyLauncher::readProgress);
    connect(process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        onFinished(exitCode, status == QProcess::CrashExit);
    });
    connect(process, &QProcess::errorOccurred, this, [this, script](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        m_ticker->stop();
        const QString why = m_process ? m_process->errorString() : QString();
        if (m_process)
            m_process->deleteLater();
        Q_EMIT failed(tr("Could not run %1: %2").arg(script, why), why);
    });
    m_lastProgress = tr("starting a local Livy…");
    Q_EMIT progress(m_lastProgress);
    m_ticker->start();
    process->start();
}

void LocalLivyLauncher::readProgress()
{
    if (!m_process)
        return;
    m_stderrBuffer += m_process->readAllStandardError();
    qsizetype nl;
    while ((nl = m_stderrBuffer.indexOf('\n')) >= 0) {
        const QByteArray raw = m_stderrBuffer.left(nl);
        m_stderrBuffer.remove(0, nl + 1);
        if (m_echo) {
            std::fwrite(raw.constData(), 1, size_t(raw.size()), stderr);
            std::fputc('\n', stderr);
        }
        QString line = QString::fromUtf8(raw).trimmed();
        m_lines.append(line);
        if (line.startsWith(scriptPrefix))
            line.remove(0, scriptPrefix.size());
        if (!line.isEmpty()) {
            m_lastProgress = line;
            Q_EMIT progress(line);
        }
    }
}

void LocalLivyLauncher::onFinished(int exitCode, bool crashed)
{
    m_ticker->stop();
    readProgress();
    const QByteArray out = m_process->readAllStandardOutput().trimmed();
    m_process->deleteLater();
    m_process = nullptr;
    const QString details = m_lines.join(QLatin1Char('\n'));
    if (!crashed && exitCode == 0) {
        const QList<QByteArray> lines = out.split('\n');
        const QUrl url(QString::fromUtf8(lines.last().trimmed()));
        if (url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))) {
            Q_EMIT ready(url);
            return;
        }
        Q_EMIT failed(tr("The local Livy started but printed no URL"), details);
        return;
    }
    // The script's own error line is the readable reason ("local-livy: error: no Java 17 found …").
    QString reason;
    for (auto it = m_lines.crbegin(); it != m_lines.crend(); ++it) {
        if (it->contains(QLatin1String("error:"))) {
            reason = it->mid(it->indexOf(QLatin1String("error:")) + 6).trimmed();
            break;
        }
    }
    if (reason.isEmpty())
        reason = crashed ? tr("the script crashed") : tr("the script ended with exit code %1").arg(exitCode);
    Q_EMIT failed(tr("The local Livy could not start: %1").arg(reason), details);
}

} // namespace LivyDesk
