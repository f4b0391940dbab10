// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// livydesk_bench_results: how fast large statement outputs become visible, and whether the window stays
// responsive meanwhile. Not a test: it prints a Markdown report for docs/benchmarks.md ("## Large results").
//
//   livydesk_bench_results [--rows N] [--columns N] [--text-mb N] [--runs N]
//
// Cases
//  1. A %table output of 100,000 rows x 10 columns (ints, doubles, strings, dates, timestamps, booleans).
//  2. A 50 MB text/plain output of short lines, and one made of a single 50 MB line.
// For each: the size of Livy's statement JSON; the statement fetched through the protocol layer as the app does
// (a GetStatementJob over loopback HTTP from a small server on another thread: transfer, JSON parse on a worker
// thread for bodies of LivyJob::BackgroundDecodeBytes or more, codec), with the thread that parsed it and the
// longest GUI stall meanwhile; the JSON parse and the codec alone; OutputParser::parse alone (the worker-thread
// part); OutputView::setOutput() until ready() and the first paint ("appears"); the longest stall of the GUI event
// loop meanwhile (a 1 ms timer measures the gaps); paint times while scrolling; and sort/filter/find times.

#include "output/largetextview.h"
#include "output/outputview.h"
#include "output/tableoutputview.h"
#include "output/textoutputview.h"

#include "livy/codec.h"
#include "livy/connection.h"
#include "livy/getstatementjob.h"
#include "results/outputparser.h"
#include "results/tableproxymodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QScrollBar>
#include <QSysInfo>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace {

QTextStream out(stdout);

struct Stats
{
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Stats stats(QList<double> values)
{
    Stats s;
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    s.median = values[values.size() / 2];
    s.p95 = values[std::min<qsizetype>(values.size() - 1, qsizetype(values.size() * 0.95))];
    s.max = values.last();
    return s;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

QString fmt(double v)
{
    return QString::number(v, 'f', v < 10 ? 1 : 0);
}

/// Watches the GUI event loop: the longest gap between two ticks of a 1 ms timer.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = ms(m_clock);
            m_max = std::max(m_max, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_max = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return std::max(m_max, ms(m_clock) - m_last);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_max = 0;
};

QByteArray statementBody(const QJsonObject &data)
{
    const QJsonObject output{{QStringLiteral("status"), QStringLiteral("ok")},
                             {QStringLiteral("execution_count"), 3},
                             {QStringLiteral("data"), data}};
    const QJsonObject statement{{QStringLiteral("id"), 3},
                                {QStringLiteral("code"), QStringLiteral("%table df")},
                                {QStringLiteral("state"), QStringLiteral("available")},
                                {QStringLiteral("output"), output},
                                {QStringLiteral("progress"), 1.0},
                                {QStringLiteral("started"), 1700000000000LL},
                                {QStringLiteral("completed"), 1700000004000LL}};
    return QJsonDocument(statement).toJson(QJsonDocument::Compact);
}

QByteArray tableBody(int rows, int columns)
{
    static const char *names[] = {"id", "customer", "category", "price", "quantity", "day", "ordered_at", "paid", "score", "note"};
    static const char *types[] = {"BIGINT_TYPE", "STRING_TYPE", "STRING_TYPE", "DOUBLE_TYPE", "INT_TYPE", "DATE_TYPE",
                                  "TIMESTAMP_TYPE", "BOOLEAN_TYPE", "DOUBLE_TYPE", "STRING_TYPE"};
    QJsonArray headers;
    for (int c = 0; c < columns; ++c) {
        const QString name = QString::fromLatin1(names[c % 10]) + (c >= 10 ? QString::number(c) : QString());
        headers.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("type"), QString::fromLatin1(types[c % 10])}});
    }
    QJsonArray data;
    for (int r = 0; r < rows; ++r) {
        QJsonArray row;
        for (int c = 0; c < columns; ++c) {
            switch (c % 10) {
            case 0: row.append(qint64(r) * 7919 % 1000003); break;
            case 1: row.append(QStringLiteral("customer-%1").arg(r % 5000)); break;
            case 2: row.append(QStringLiteral("category %1").arg(r % 37)); break;
            case 3: row.append((r * 37 % 10000) / 100.0); break;
            case 4: row.append(r % 50); break;
            case 5: row.append(QStringLiteral("2024-%1-%2").arg(r % 12 + 1, 2, 10, QLatin1Char('0')).arg(r % 28 + 1, 2, 10, QLatin1Char('0'))); break;
            case 6: row.append(QStringLiteral("2024-03-%1 %2:%3:00").arg(r % 28 + 1, 2, 10, QLatin1Char('0')).arg(r % 24, 2, 10, QLatin1Char('0')).arg(r % 60, 2, 10, QLatin1Char('0'))); break;
            case 7: row.append(r % 3 == 0); break;
            case 8: row.append(r % 11 == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r * 0.001)); break;
            default: row.append(QStringLiteral("note for row %1").arg(r)); break;
            }
        }
        data.append(row);
    }
    const QJsonObject table{{QStringLiteral("headers"), headers}, {QStringLiteral("data"), data}};
    return statementBody(QJsonObject{{QStringLiteral("application/vnd.livy.table.v1+json"), table}});
}

QByteArray textBody(qsizetype megabytes, bool oneLine)
{
    const qsizetype target = megabytes * 1024 * 1024;
    QString text;
    text.reserve(target + 200);
    if (oneLine) {
        const QString chunk = QStringLiteral("[1, 2, 3, 'spark', 4.5, None], ");
        while (text.size() < target)
            text += chunk;
    } else {
        for (qsizetype line = 0; text.size() < target; ++line)
            text += QStringLiteral("%1 INFO  scheduler.TaskSetManager: Finished task %2.0 in stage 7.0 (TID %3) in 42 ms\n")
                        .arg(line, 9).arg(line % 200).arg(line);
    }
    return statementBody(QJsonObject{{QStringLiteral("text/plain"), text}});
}

/// Answers every GET with one fixed body, on a thread of its own (as the Livy server is another process): the
/// GUI thread only does the client's part of the transfer.
class BodyServer
{
public:
    explicit BodyServer(const QByteArray &body)
    {
        m_server.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(&m_server, [this, body] {
            QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this, body] {
                while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                    auto buffer = std::make_shared<QByteArray>();
                    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, body] {
                        *buffer += socket->readAll();
                        while (buffer->contains("\r\n\r\n")) { // one request (GETs have no body)
                            buffer->remove(0, buffer->indexOf("\r\n\r\n") + 4);
                            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\n"
                                          "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
                            socket->write(body);
                        }
                    });
                }
            });
            m_server.listen(QHostAddress::LocalHost, 0);
        }, Qt::BlockingQueuedConnection);
    }
    ~BodyServer()
    {
        QMetaObject::invokeMethod(&m_server, [this] {
            const QList<QTcpSocket *> sockets = m_server.findChildren<QTcpSocket *>();
            qDeleteAll(sockets);
            m_server.close();
            m_server.moveToThread(QCoreApplication::instance()->thread());
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    QThread m_thread;
    QTcpServer m_server;
};

/// The statement fetched as the app fetches it: a GetStatementJob through a Connection.
struct Fetched
{
    Livy::Statement statement;
    double totalMs = 0; ///< start() -> finished
    double stallMs = 0; ///< the longest GUI stall meanwhile
    bool parsedOffGui = false;
};

Fetched fetch(Livy::Connection &connection)
{
    Fetched f;
    StallMeter stall;
    auto *job = new Livy::GetStatementJob(&connection, Livy::SessionRef::byId(0), 3); // deletes itself, as in the app
    bool done = false;
    QString error;
    QObject::connect(job, &Livy::LivyJob::finished, job, [&](Livy::LivyJob *) {
        done = true;
        if (!job->ok())
            error = job->error().message();
        f.statement = job->statement();
        f.parsedOffGui = job->parsedOnThread() != nullptr && job->parsedOnThread() != QThread::currentThreadId();
    });
    QElapsedTimer t;
    stall.start();
    t.start();
    job->start();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    f.totalMs = ms(t);
    QElapsedTimer settle; // the job's deletion and clean-up count as stalls too
    settle.start();
    while (settle.elapsed() < 50)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    f.stallMs = stall.stop();
    if (!error.isEmpty())
        qFatal("the statement did not arrive: %s", qPrintable(error));
    return f;
}

/// What the protocol layer does with the body, step by step and each on this thread: the JSON parse (a worker's
/// job in the app for large bodies) and the codec (the GUI thread's).
void decodeSteps(const QByteArray &body, double *parseMillis, double *codecMillis)
{
    QElapsedTimer t;
    t.start();
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    *parseMillis = ms(t);
    t.restart();
    Livy::Result<Livy::Statement> st = Livy::Codec::decodeStatement(doc.object());
    *codecMillis = ms(t);
    if (!st)
        qFatal("decode failed: %s", qPrintable(st.error().message()));
}

/// The protocol-layer rows of a case's table, over `runs` fetches and decodes of `body`.
struct ProtocolRows
{
    QList<double> fetches, stalls, parses, codecs;
    int offGui = 0;
    Livy::Statement statement;

    void run(const QByteArray &body, int runs)
    {
        BodyServer server(body);
        QNetworkAccessManager network;
        Livy::ConnectionSettings settings;
        settings.baseUrl = server.url();
        settings.requestTimeout = std::chrono::minutes(2);
        Livy::Connection connection(&network, settings);
        for (int run = 0; run < runs; ++run) {
            Fetched f = fetch(connection);
            fetches.append(f.totalMs);
            stalls.append(f.stallMs);
            offGui += f.parsedOffGui ? 1 : 0;
            double p = 0, c = 0;
            decodeSteps(body, &p, &c);
            parses.append(p);
            codecs.append(c);
            statement = std::move(f.statement);
        }
    }
    void print(int runs) const
    {
        const Stats f = stats(fetches), s = stats(stalls), p = stats(parses), c = stats(codecs);
        out << "| `GetStatementJob` over loopback (transfer, JSON parse, codec) | " << fmt(f.median) << " ms | "
            << fmt(f.max) << " ms |\n";
        out << "| … JSON parsed on a worker thread (`LivyJob::parsedOnThread()`) | " << offGui << " of " << runs
            << " runs | |\n";
        out << "| … longest GUI stall during the fetch | **" << fmt(s.median) << " ms** | " << fmt(s.max) << " ms |\n";
        out << "| … `QJsonDocument::fromJson` alone (the worker's part) | " << fmt(p.median) << " ms | " << fmt(p.max)
            << " ms |\n";
        out << "| … `Codec::decodeStatement` alone (the GUI thread's part) | " << fmt(c.median) << " ms | "
            << fmt(c.max) << " ms |\n";
    }
};

struct Appearance
{
    double readyMs = 0;
    double paintedMs = 0;
    double stallMs = 0;
};

Appearance showOutput(LivyDesk::OutputView &view, const Livy::StatementOutput &output)
{
    Appearance a;
    StallMeter stall;
    bool ready = false;
    const QMetaObject::Connection connection =
        QObject::connect(&view, &LivyDesk::OutputView::ready, &view, [&ready] { ready = true; });
    QElapsedTimer t;
    stall.start();
    t.start();
    view.setOutput(output);
    while (!ready)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    QObject::disconnect(connection);
    a.readyMs = ms(t);
    view.repaint(); // the first full paint of what appeared
    a.paintedMs = ms(t);
    // Let the event loop settle, so that work queued by ready() counts as a stall too.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 100)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    a.stallMs = stall.stop();
    return a;
}

template<typename Fn>
Stats frames(int count, Fn step, QWidget *paint)
{
    QList<double> times;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer t;
        t.start();
        step(i);
        paint->repaint();
        times.append(ms(t));
    }
    return stats(times);
}

void benchTable(int rows, int columns, int runs)
{
    out << "### " << QLocale().toString(rows) << " rows x " << columns << " columns (`%table`)\n\n";
    const QByteArray body = tableBody(rows, columns);
    out << "Statement JSON: " << fmt(body.size() / 1048576.0) << " MB\n\n";

    QList<double> parses, readies, paints, stalls;
    ProtocolRows protocol;
    protocol.run(body, runs);
    const Livy::Statement statement = protocol.statement;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        const Livy::ParsedOutput parsed = Livy::OutputParser::parse(*statement.output);
        parses.append(ms(t));
        if (parsed.parts.isEmpty() || !parsed.parts.first().table || parsed.parts.first().table->rowCount() != rows)
            qFatal("table did not parse");
    }
    LivyDesk::OutputView view;
    view.resize(1280, 760);
    view.show();
    QCoreApplication::processEvents();
    for (int run = 0; run < runs; ++run) {
        const Appearance a = showOutput(view, *statement.output);
        readies.append(a.readyMs);
        paints.append(a.paintedMs);
        stalls.append(a.stallMs);
        if (run + 1 < runs) {
            view.clear();
            QCoreApplication::processEvents();
        }
    }
    auto *table = qobject_cast<LivyDesk::TableOutputView *>(view.currentPageWidget());
    if (!table)
        qFatal("no table page");
    QTableView *tv = table->tableView();
    QScrollBar *bar = tv->verticalScrollBar();
    const Stats pageDown = frames(300, [bar](int) { bar->triggerAction(QAbstractSlider::SliderPageStepAdd); }, tv->viewport());
    const Stats jumps = frames(100, [bar](int i) { bar->setValue(int(qint64(bar->maximum()) * ((i * 37) % 100) / 100)); }, tv->viewport());
    const Stats wheel = frames(300, [bar](int) { bar->triggerAction(QAbstractSlider::SliderSingleStepAdd); }, tv->viewport());

    QElapsedTimer t;
    t.start();
    table->proxyModel()->sort(3, Qt::AscendingOrder); // price (double)
    const double sortNumber = ms(t);
    t.restart();
    table->proxyModel()->sort(6, Qt::DescendingOrder); // timestamp
    const double sortTime = ms(t);
    t.restart();
    table->proxyModel()->sort(1, Qt::AscendingOrder); // customer (string): ranks computed once
    const double sortText = ms(t);
    t.restart();
    table->proxyModel()->sort(1, Qt::DescendingOrder);
    const double sortTextAgain = ms(t);
    // The filter runs on a worker: time until it shows, and the GUI stall meanwhile.
    auto applyFilter = [table](const QString &text, double *stallMs) {
        bool applied = false;
        const QMetaObject::Connection c = QObject::connect(table, &LivyDesk::TableOutputView::filterApplied, table,
                                                           [&applied] { applied = true; });
        StallMeter stall;
        QElapsedTimer clock;
        stall.start();
        clock.start();
        table->setFilterText(text);
        while (!applied)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        const double elapsed = ms(clock);
        *stallMs = stall.stop();
        QObject::disconnect(c);
        return elapsed;
    };
    double filterStall = 0;
    double unfilterStall = 0;
    const double filter = applyFilter(QStringLiteral("customer-4999"), &filterStall);
    const int matched = tv->model()->rowCount();
    const double unfilter = applyFilter(QString(), &unfilterStall);

    const Stats p = stats(parses), r = stats(readies), a = stats(paints), s = stats(stalls);
    out << "| Step | Median | Max |\n|---|---:|---:|\n";
    protocol.print(runs);
    out << "| `OutputParser::parse` (worker thread) | " << fmt(p.median) << " ms | " << fmt(p.max) << " ms |\n";
    out << "| `setOutput()` → `ready()` | " << fmt(r.median) << " ms | " << fmt(r.max) << " ms |\n";
    out << "| `setOutput()` → first paint (**appears**) | **" << fmt(a.median) << " ms** | " << fmt(a.max) << " ms |\n";
    out << "| Longest GUI stall during that | " << fmt(s.median) << " ms | " << fmt(s.max) << " ms |\n";
    out << "| Scroll frame, page down (300 frames) | " << fmt(pageDown.median) << " ms | " << fmt(pageDown.max) << " ms (p95 " << fmt(pageDown.p95) << ") |\n";
    out << "| Scroll frame, one row (300 frames) | " << fmt(wheel.median) << " ms | " << fmt(wheel.max) << " ms (p95 " << fmt(wheel.p95) << ") |\n";
    out << "| Scroll frame, jump anywhere (100 frames) | " << fmt(jumps.median) << " ms | " << fmt(jumps.max) << " ms (p95 " << fmt(jumps.p95) << ") |\n";
    out << "| Sort by a double column | " << fmt(sortNumber) << " ms | |\n";
    out << "| Sort by a timestamp column | " << fmt(sortTime) << " ms | |\n";
    out << "| Sort by a string column (first time: builds its ranks) | " << fmt(sortText) << " ms | |\n";
    out << "| Sort by the same string column again | " << fmt(sortTextAgain) << " ms | |\n";
    out << "| Filter (\"customer-4999\", " << matched << " rows match; worker thread) | " << fmt(filter)
        << " ms | GUI stall " << fmt(filterStall) << " ms |\n";
    out << "| Clear the filter | " << fmt(unfilter) << " ms | GUI stall " << fmt(unfilterStall) << " ms |\n\n";
    out.flush();
}

void benchText(qsizetype megabytes, bool oneLine, int runs)
{
    out << "### " << megabytes << " MB of text/plain, " << (oneLine ? "one single line" : "short lines") << "\n\n";
    const QByteArray body = textBody(megabytes, oneLine);
    out << "Statement JSON: " << fmt(body.size() / 1048576.0) << " MB\n\n";
    QList<double> parses, readies, paints, stalls;
    ProtocolRows protocol;
    protocol.run(body, runs);
    const Livy::Statement statement = protocol.statement;
    qsizetype lines = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        const Livy::ParsedOutput parsed = Livy::OutputParser::parse(*statement.output);
        parses.append(ms(t));
        lines = parsed.parts.first().text->lineCount();
    }
    LivyDesk::OutputView view;
    view.resize(1280, 760);
    view.show();
    QCoreApplication::processEvents();
    for (int run = 0; run < runs; ++run) {
        const Appearance a = showOutput(view, *statement.output);
        readies.append(a.readyMs);
        paints.append(a.paintedMs);
        stalls.append(a.stallMs);
        if (run + 1 < runs) {
            view.clear();
            QCoreApplication::processEvents();
        }
    }
    auto *text = qobject_cast<LivyDesk::TextOutputView *>(view.currentPageWidget());
    if (!text)
        qFatal("no text page");
    LivyDesk::LargeTextView *tv = text->textView();
    QScrollBar *bar = tv->verticalScrollBar();
    QScrollBar *hbar = tv->horizontalScrollBar();
    const Stats pageDown = frames(300, [bar](int) { bar->triggerAction(QAbstractSlider::SliderPageStepAdd); }, tv->viewport());
    const Stats jumps = frames(100, [bar](int i) { bar->setValue(int(qint64(bar->maximum()) * ((i * 37) % 100) / 100)); }, tv->viewport());
    const Stats sideways = frames(100, [hbar](int) { hbar->triggerAction(QAbstractSlider::SliderPageStepAdd); }, tv->viewport());
    QElapsedTimer t;
    t.start();
    // Near the end of the text (or absent), so the search crosses nearly all of it.
    const QString needle = oneLine ? QStringLiteral("needle that is not there")
                                   : QStringLiteral("(TID %1)").arg(std::max<qsizetype>(0, lines - 10));
    const bool found = tv->find(needle, false);
    const double find = ms(t);
    t.restart();
    tv->selectAll();
    const QString all = tv->selectedText();
    const double selectAll = ms(t);

    const Stats p = stats(parses), r = stats(readies), a = stats(paints), s = stats(stalls);
    out << QLocale().toString(lines) << (lines == 1 ? " line, " : " lines, ") << QLocale().toString(tv->text()->rowCount())
        << " display rows\n\n";
    out << "| Step | Median | Max |\n|---|---:|---:|\n";
    protocol.print(runs);
    out << "| `OutputParser::parse` (worker thread: copy + line index) | " << fmt(p.median) << " ms | " << fmt(p.max) << " ms |\n";
    out << "| `setOutput()` → `ready()` | " << fmt(r.median) << " ms | " << fmt(r.max) << " ms |\n";
    out << "| `setOutput()` → first paint (**appears**) | **" << fmt(a.median) << " ms** | " << fmt(a.max) << " ms |\n";
    out << "| Longest GUI stall during that | " << fmt(s.median) << " ms | " << fmt(s.max) << " ms |\n";
    out << "| Scroll frame, page down (300 frames) | " << fmt(pageDown.median) << " ms | " << fmt(pageDown.max) << " ms (p95 " << fmt(pageDown.p95) << ") |\n";
    out << "| Scroll frame, jump anywhere (100 frames) | " << fmt(jumps.median) << " ms | " << fmt(jumps.max) << " ms (p95 " << fmt(jumps.p95) << ") |\n";
    out << "| Scroll frame, sideways (100 frames) | " << fmt(sideways.median) << " ms | " << fmt(sideways.max) << " ms (p95 " << fmt(sideways.p95) << ") |\n";
    out << "| Find, case-insensitive (" << (found ? "found near the end" : "not found: a full scan") << ") | " << fmt(find)
        << " ms | |\n";
    out << "| Select all (" << fmt(all.size() / 1048576.0) << " M characters) | " << fmt(selectAll) << " ms | |\n\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int rows = 100000;
    int columns = 10;
    qsizetype textMb = 50;
    int runs = 3;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--rows"))
            rows = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--columns"))
            columns = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--text-mb"))
            textMb = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }
#ifdef NDEBUG
    const char *build = "release (NDEBUG)";
#else
    const char *build = "debug";
#endif
    out << "Machine: " << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " cores, Qt "
        << qVersion() << ", " << build << " build, QPA " << QGuiApplication::platformName() << ", " << runs << " runs\n\n";
    {
        // What the stall meter reads when nothing happens: scheduling noise on a shared machine.
        StallMeter idle;
        idle.start();
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 1000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        out << "Event-loop noise floor (longest gap of the 1 ms timer over 1 s of idling): " << fmt(idle.stop()) << " ms\n\n";
    }
    out.flush();
    benchTable(rows, columns, runs);
    benchText(textMb, false, runs);
    benchText(textMb, true, runs);
    return 0;
}
