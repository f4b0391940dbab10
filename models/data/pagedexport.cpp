// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagedexport.h"

#include "queryrunner.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace Livy {

namespace {

QByteArray csvField(const QString &text)
{
    QString value = text;
    if (value.contains(QLatin1Char('"')) || value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('\n'))
        || value.contains(QLatin1Char('\r')) || value != value.trimmed()) {
        value.replace(QLatin1Char('"'), QLatin1String("\"\""));
        value = QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value.toUtf8();
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace

PagedExport::PagedExport(QueryRunner *runner, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
{
}

PagedExport::~PagedExport()
{
    if (m_state == State::Running)
        stop(State::Cancelled, tr("Cancelled"));
}

QString PagedExport::partialPathFor(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix();
    const QString base = suffix.isEmpty() ? info.fileName() : info.fileName().chopped(suffix.size() + 1);
    return info.dir().filePath(base + QLatin1String(".partial") + (suffix.isEmpty() ? QString() : QString(QLatin1Char('.') + suffix)));
}

QString PagedExport::partialPath() const
{
    return partialPathFor(m_path);
}

double PagedExport::rowsPerSecond() const
{
    const qint64 ms = elapsedMs();
    return ms > 0 ? double(m_rows) * 1000.0 / double(ms) : 0.0;
}

bool PagedExport::start(const PagedQuery &query, const QList<TableColumn> &columns, PagedQuery::ExportFormat format,
                        const QString &path, qint64 totalRows)
{
    if (m_state == State::Running)
        return false;
    m_query = query;
    m_columns = columns;
    m_format = format;
    m_path = path;
    m_total = totalRows;
    m_rows = 0;
    m_bytes = 0;
    m_chunks = 0;
    m_error.clear();
    m_errorDetails.clear();
    m_summary.clear();
    if (!m_runner || columns.isEmpty()) {
        m_error = tr("Nothing to export: the result has no columns yet");
        m_state = State::Failed;
        return false;
    }
    m_file.setFileName(path + QLatin1String(".part"));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = tr("Cannot write %1: %2").arg(QFileInfo(path).fileName(), m_file.errorString());
        m_state = State::Failed;
        return false;
    }
    if (format == PagedQuery::ExportFormat::Csv) {
        QByteArray header;
        for (int i = 0; i < columns.size(); ++i)
            header += (i ? "," : "") + csvField(columns.at(i).name);
        header += '\n';
        m_bytes += m_file.write(header);
    }
    m_state = State::Running;
    m_clock.start();
    requestChunk();
    return true;
}

void PagedExport::requestChunk()
{
    m_askedRows = m_chunkRows;
    if (m_total >= 0)
        m_askedRows = int(qMin<qint64>(m_askedRows, qMax<qint64>(1, m_total - m_rows)));
    m_ticket = m_runner->run(QStringLiteral("export"), m_query.exportChunkSql(m_columns, m_format, m_rows, m_askedRows), this,
                             [this](const QueryReply &reply) {
                                 m_ticket = 0;
                                 onChunk(reply);
                             });
}

void PagedExport::onChunk(const QueryReply &reply)
{
    if (m_state != State::Running)
        return;
    if (!reply.ok() || reply.table->rowCount() < 1 || reply.table->columnCount() < 2) {
        stop(reply.cancelled ? State::Cancelled : State::Failed, reply.ok() ? tr("The server sent no rows") : reply.error,
             reply.details);
        return;
    }
    const qint64 rows = reply.table->value(0, 0).toLongLong();
    if (rows > 0) {
        QByteArray text = reply.table->text(0, 1).toUtf8();
        text += '\n';
        const qint64 written = m_file.write(text);
        if (written != text.size()) {
            stop(State::Failed, tr("Writing %1 failed: %2").arg(QFileInfo(m_path).fileName(), m_file.errorString()));
            return;
        }
        m_bytes += written;
        m_rows += rows;
        ++m_chunks;
        // Aim the next chunk at the target size from what this one weighed.
        const double bytesPerRow = double(text.size()) / double(rows);
        m_chunkRows = int(qBound(1.0, double(m_targetBytes) / qMax(1.0, bytesPerRow), double(m_maxChunkRows)));
    }
    Q_EMIT progress(m_rows, m_total, m_bytes);
    const bool done = rows < m_askedRows || (m_total >= 0 && m_rows >= m_total);
    if (!done) {
        requestChunk();
        return;
    }
    if (!m_file.flush()) {
        stop(State::Failed, m_file.errorString());
        return;
    }
    m_file.close();
    QFile::remove(m_path);
    if (!QFile::rename(m_file.fileName(), m_path)) {
        stop(State::Failed, tr("Cannot rename %1 to %2").arg(m_file.fileName(), m_path));
        return;
    }
    m_state = State::Finished;
    m_summary = tr("Exported %1 rows (%2) to %3 in %4 s")
                    .arg(QLocale().toString(m_rows), sizeText(m_bytes), QFileInfo(m_path).fileName(),
                         QLocale().toString(double(elapsedMs()) / 1000.0, 'f', 1));
    Q_EMIT finished(m_state);
}

void PagedExport::cancel()
{
    if (m_state != State::Running)
        return;
    stop(State::Cancelled, tr("Cancelled"));
}

void PagedExport::stop(State state, const QString &why, const QString &details)
{
    if (m_ticket && m_runner)
        m_runner->cancel(m_ticket);
    m_ticket = 0;
    m_file.close();
    const QString partial = partialPath();
    QFile::remove(partial);
    const bool renamed = QFile::rename(m_file.fileName(), partial);
    const QString where = QFileInfo(renamed ? partial : m_file.fileName()).fileName();
    m_state = state;
    m_error = why;
    m_errorDetails = details;
    const QString rows = m_total >= 0 ? tr("%1 of %2 rows").arg(QLocale().toString(m_rows), QLocale().toString(m_total))
                                      : tr("%1 rows").arg(QLocale().toString(m_rows));
    m_summary = state == State::Cancelled
        ? tr("Export cancelled after %1; the rows written are in %2").arg(rows, where)
        : tr("Export stopped after %1 (%2); the rows written are in %3").arg(rows, why, where);
    Q_EMIT finished(m_state);
}

} // namespace Livy
