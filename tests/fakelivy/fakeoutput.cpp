// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeoutput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace FakeLivy {

namespace {

const char *const TinyPng =
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAbElEQVR42g3JQQEAMAgDMaRUClIqpVKQwvNkIGXLN1WFii5cpJhiiyuqhEQL"
    "i4gRK04/GjXduEkzzTbXP4xMG5uYMWvOP4JCB4eECRsuPwYNPXjIMMMONz8WLb14yTLLLrc/Dh19+Mgxxx53PLzkagGPUuSAAAAAAElFTkSuQmCC";

QString unescape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar next = text.at(i + 1);
            if (next == QLatin1Char('n')) {
                out += QLatin1Char('\n');
                ++i;
                continue;
            }
            if (next == QLatin1Char('t')) {
                out += QLatin1Char('\t');
                ++i;
                continue;
            }
            if (next == QLatin1Char('\\')) {
                out += QLatin1Char('\\');
                ++i;
                continue;
            }
        }
        out += text.at(i);
    }
    return out;
}

int positiveOr(const QString &value, int fallback)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok && n >= 0 ? n : fallback;
}

/// A tiny integer calculator for "1+1"-style code: + - * / % and parentheses. Returns nullopt otherwise.
class Calculator
{
public:
    explicit Calculator(const QString &text) : m_text(text) {}

    std::optional<qint64> evaluate()
    {
        const std::optional<qint64> v = expression();
        skipSpaces();
        if (!v || m_pos != m_text.size())
            return std::nullopt;
        return v;
    }

private:
    void skipSpaces()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    bool take(QChar c)
    {
        skipSpaces();
        if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    std::optional<qint64> expression()
    {
        std::optional<qint64> v = term();
        while (v) {
            if (take(QLatin1Char('+'))) {
                const auto r = term();
                v = r ? std::optional<qint64>(*v + *r) : std::nullopt;
            } else if (take(QLatin1Char('-'))) {
                const auto r = term();
                v = r ? std::optional<qint64>(*v - *r) : std::nullopt;
            } else {
                break;
            }
        }
        return v;
    }
    std::optional<qint64> term()
    {
        std::optional<qint64> v = factor();
        while (v) {
            if (take(QLatin1Char('*'))) {
                const auto r = factor();
                v = r ? std::optional<qint64>(*v * *r) : std::nullopt;
            } else if (take(QLatin1Char('/'))) {
                const auto r = factor();
                v = (r && *r != 0) ? std::optional<qint64>(*v / *r) : std::nullopt;
            } else if (take(QLatin1Char('%'))) {
                const auto r = factor();
                v = (r && *r != 0) ? std::optional<qint64>(*v % *r) : std::nullopt;
            } else {
                break;
            }
        }
        return v;
    }
    std::optional<qint64> factor()
    {
        if (take(QLatin1Char('('))) {
            const auto v = expression();
            return (v && take(QLatin1Char(')'))) ? v : std::nullopt;
        }
        if (take(QLatin1Char('-'))) {
            const auto v = factor();
            return v ? std::optional<qint64>(-*v) : std::nullopt;
        }
        skipSpaces();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text.at(m_pos).isDigit() && m_pos - start < 12)
            ++m_pos;
        if (m_pos == start)
            return std::nullopt;
        return m_text.mid(start, m_pos - start).toLongLong();
    }

    QString m_text;
    qsizetype m_pos = 0;
};

QString plainText(const QString &code, const QString &kind, int executionCount)
{
    QString body = code.trimmed();
    if (body.isEmpty())
        return {};
    static const QRegularExpression printCall(
        QStringLiteral(R"re(^(?:print|println|cat)\s*\(\s*(?:"([^"]*)"|'([^']*)')\s*\)$)re"));
    if (const auto m = printCall.match(body); m.hasMatch())
        return m.captured(1).isNull() ? m.captured(2) : m.captured(1);
    if (const std::optional<qint64> v = Calculator(body).evaluate()) {
        if (kind == QLatin1String("spark"))
            return QStringLiteral("res%1: Int = %2").arg(executionCount).arg(*v);
        if (kind == QLatin1String("sparkr"))
            return QStringLiteral("[1] %1").arg(*v);
        return QString::number(*v);
    }
    // Anything else: a deterministic echo, like a REPL that describes what it ran.
    const qsizetype lines = body.count(QLatin1Char('\n')) + 1;
    return QStringLiteral("fake %1 ran %2 line(s): %3").arg(kind).arg(lines).arg(body.section(QLatin1Char('\n'), 0, 0));
}

QJsonObject tableData(int rows, const QString &kind)
{
    static const char *const names[] = { "alice", "bob", "carol", "dave", "erin", "frank", "grace" };
    static const char *const cities[] = { "Berlin", "Lisbon", "Oslo", "Quito", "Seoul" };
    const QString intType = kind == QLatin1String("spark") ? QStringLiteral("BIGINT_TYPE") : QStringLiteral("INT_TYPE");
    QJsonArray headers;
    // Dict rows: header names are the keys, sorted.
    const QList<QPair<QString, QString>> columns = {
        { QStringLiteral("active"), QStringLiteral("BOOLEAN_TYPE") },
        { QStringLiteral("city"), QStringLiteral("STRING_TYPE") },
        { QStringLiteral("id"), intType },
        { QStringLiteral("joined"), QStringLiteral("DATE_TYPE") },
        { QStringLiteral("name"), QStringLiteral("STRING_TYPE") },
        { QStringLiteral("score"), QStringLiteral("DOUBLE_TYPE") },
    };
    for (const auto &[name, type] : columns)
        headers.append(QJsonObject{ { QStringLiteral("name"), name }, { QStringLiteral("type"), type } });
    QJsonArray data;
    for (int i = 0; i < rows; ++i) {
        data.append(QJsonArray{
            i % 3 != 1,
            QString::fromLatin1(cities[i % 5]),
            i + 1,
            QStringLiteral("2024-%1-%2").arg(i % 12 + 1, 2, 10, QLatin1Char('0')).arg(i % 28 + 1, 2, 10, QLatin1Char('0')),
            QString::fromLatin1(names[i % 7]),
            double((i * 37) % 100) / 4.0,
        });
    }
    return QJsonObject{ { QStringLiteral("headers"), headers }, { QStringLiteral("data"), data } };
}

QJsonObject sqlData(int rows)
{
    auto field = [](const char *name, const char *type, bool nullable) {
        return QJsonObject{ { QStringLiteral("name"), QLatin1String(name) },
                            { QStringLiteral("type"), QLatin1String(type) },
                            { QStringLiteral("nullable"), nullable },
                            { QStringLiteral("metadata"), QJsonObject() } };
    };
    const QJsonObject schema{
        { QStringLiteral("type"), QStringLiteral("struct") },
        { QStringLiteral("fields"),
          QJsonArray{ field("id", "integer", false), field("name", "string", true), field("amount", "double", true),
                      field("day", "date", true) } },
    };
    static const char *const names[] = { "north", "south", "east", "west" };
    QJsonArray data;
    for (int i = 0; i < rows; ++i) {
        data.append(QJsonArray{ i + 1,
                                i % 5 == 4 ? QJsonValue() : QJsonValue(QString::fromLatin1(names[i % 4])),
                                double(i * 125 % 1000) / 10.0,
                                QStringLiteral("2024-03-%1").arg(i % 28 + 1, 2, 10, QLatin1Char('0')) });
    }
    return QJsonObject{ { QStringLiteral("schema"), schema }, { QStringLiteral("data"), data } };
}

QJsonArray traceback(const QString &kind, const QString &ename, const QString &evalue)
{
    if (kind == QLatin1String("spark") || kind == QLatin1String("sql")) {
        return QJsonArray{ QStringLiteral("  at $line14.$read$$iw$$iw.<init>(<console>:24)\n"),
                           QStringLiteral("  at $line14.$read.<init>(<console>:30)\n"),
                           QStringLiteral("  at org.apache.livy.repl.SparkInterpreter.execute(SparkInterpreter.scala:91)\n") };
    }
    if (kind == QLatin1String("sparkr"))
        return QJsonArray{ QStringLiteral("Error in eval(expr, envir, enclos): %1\n").arg(evalue) };
    return QJsonArray{ QStringLiteral("Traceback (most recent call last):\n"),
                       QStringLiteral("  File \"<stdin>\", line 1, in <module>\n"),
                       QStringLiteral("%1: %2\n").arg(ename, evalue) };
}

} // namespace

Directives parseDirectives(const QString &code)
{
    static const QRegularExpression directive(QStringLiteral(R"(^\s*(?:#|//|--)\s*fake:([a-z]+)(?:=(.*))?$)"));
    Directives d;
    QStringList kept;
    const QStringList lines = code.split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        QString line = rawLine;
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const auto m = directive.match(line);
        if (!m.hasMatch()) {
            kept.append(line);
            continue;
        }
        const QString name = m.captured(1);
        const QString value = m.captured(2);
        if (name == QLatin1String("duration")) {
            d.durationMs = positiveOr(value, 0);
        } else if (name == QLatin1String("progress")) {
            d.noProgress = value.trimmed() == QLatin1String("none");
        } else if (name == QLatin1String("error")) {
            const qsizetype colon = value.indexOf(QLatin1Char(':'));
            d.ename = (colon < 0 ? value : value.left(colon)).trimmed();
            if (d.ename->isEmpty())
                d.ename = QStringLiteral("Error");
            d.evalue = colon < 0 ? QString() : unescape(value.mid(colon + 1));
        } else if (name == QLatin1String("table")) {
            d.tableRows = positiveOr(value, 3);
        } else if (name == QLatin1String("json")) {
            QJsonValue v = QJsonObject{ { QStringLiteral("a"), 1 },
                                        { QStringLiteral("b"), QJsonArray{ 1, 2, 3 } },
                                        { QStringLiteral("c"), QJsonObject{ { QStringLiteral("d"), QStringLiteral("e") } } } };
            if (!value.trimmed().isEmpty()) {
                // Any JSON value: wrap it so that scalars parse too.
                QJsonParseError error{};
                const QJsonDocument doc = QJsonDocument::fromJson("[" + value.toUtf8() + "]", &error);
                v = error.error == QJsonParseError::NoError ? doc.array().at(0) : QJsonValue(value);
            }
            d.json = v;
        } else if (name == QLatin1String("image")) {
            d.image = true;
            static const QRegularExpression size(QStringLiteral("^\\s*(\\d{1,4})x(\\d{1,4})\\s*$"));
            const QRegularExpressionMatch sm = size.match(value);
            if (sm.hasMatch() && sm.captured(1).toInt() > 0 && sm.captured(2).toInt() > 0) {
                d.imageWidth = sm.captured(1).toInt();
                d.imageHeight = sm.captured(2).toInt();
            }
        } else if (name == QLatin1String("sql")) {
            d.sqlRows = positiveOr(value, 3);
        } else if (name == QLatin1String("text")) {
            d.text = unescape(value);
        } else if (name == QLatin1String("log")) {
            d.logLines.append(value);
        } else if (name == QLatin1String("die")) {
            d.die = true;
        } else if (name == QLatin1String("uninterruptible")) {
            d.uninterruptible = true;
        }
    }
    d.code = kept.join(QLatin1Char('\n'));
    return d;
}

QJsonObject cancelledJobOutput(const QString &kind, int executionCount)
{
    const QString spark = QStringLiteral("org.apache.spark.SparkException: Job 0 cancelled part of cancelled job group %1\n"
                                         "\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2898)\n")
                              .arg(executionCount);
    if (kind != QLatin1String("pyspark")) {
        return QJsonObject{ { QStringLiteral("status"), QStringLiteral("error") },
                            { QStringLiteral("execution_count"), executionCount },
                            { QStringLiteral("ename"), QStringLiteral("Error") },
                            { QStringLiteral("evalue"), spark },
                            { QStringLiteral("traceback"), QJsonArray() } };
    }
    const QString evalue = QStringLiteral("An error occurred while calling z:org.apache.spark.api.python.PythonRDD.collectAndServe.\n: ") + spark;
    return QJsonObject{ { QStringLiteral("status"), QStringLiteral("error") },
                        { QStringLiteral("execution_count"), executionCount },
                        { QStringLiteral("ename"), QStringLiteral("Py4JJavaError") },
                        { QStringLiteral("evalue"), evalue },
                        { QStringLiteral("traceback"),
                          QJsonArray{ QStringLiteral("Traceback (most recent call last):\n"),
                                      QStringLiteral("  File \"<stdin>\", line 1, in <module>\n"),
                                      QString(QStringLiteral("py4j.protocol.Py4JJavaError: ") + evalue) } } };
}

QJsonObject makeOutput(const Directives &d, const QString &kind, int executionCount)
{
    QJsonObject out{ { QStringLiteral("execution_count"), executionCount } };
    if (d.die || d.ename) {
        out.insert(QStringLiteral("status"), QStringLiteral("error"));
        if (d.die) {
            out.insert(QStringLiteral("ename"), QStringLiteral("Error"));
            out.insert(QStringLiteral("evalue"), QStringLiteral("Interpreter died:\nfake interpreter exited with code 137"));
            out.insert(QStringLiteral("traceback"), QJsonArray());
        } else {
            out.insert(QStringLiteral("ename"), *d.ename);
            out.insert(QStringLiteral("evalue"), d.evalue);
            out.insert(QStringLiteral("traceback"), traceback(kind, *d.ename, d.evalue));
        }
        return out;
    }
    QJsonObject data;
    if (d.tableRows)
        data.insert(QStringLiteral("application/vnd.livy.table.v1+json"), tableData(*d.tableRows, kind));
    if (d.sqlRows)
        data.insert(QStringLiteral("application/json"), sqlData(*d.sqlRows));
    if (d.json)
        data.insert(QStringLiteral("application/json"), *d.json);
    if (d.image) {
        data.insert(QStringLiteral("image/png"), d.imageWidth > 0 ? plotPngBase64(d.imageWidth, d.imageHeight)
                                                                  : tinyPngBase64());
        data.insert(QStringLiteral("text/plain"), QString()); // pyspark's %matplot adds an empty text/plain
    }
    if (d.text)
        data.insert(QStringLiteral("text/plain"), *d.text);
    if (data.isEmpty()) {
        if (kind == QLatin1String("sql"))
            data.insert(QStringLiteral("application/json"), sqlData(3));
        else
            data.insert(QStringLiteral("text/plain"), plainText(d.code, kind, executionCount));
    }
    out.insert(QStringLiteral("status"), QStringLiteral("ok"));
    out.insert(QStringLiteral("data"), data);
    return out;
}

QString tinyPngBase64()
{
    return QString::fromLatin1(TinyPng);
}

namespace {

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void appendBigEndian(QByteArray &out, quint32 value)
{
    out.append(char(value >> 24)).append(char(value >> 16)).append(char(value >> 8)).append(char(value));
}

void appendChunk(QByteArray &png, const char *type, const QByteArray &data)
{
    appendBigEndian(png, quint32(data.size()));
    const QByteArray typed = QByteArray(type) + data;
    png += typed;
    appendBigEndian(png, crc32(typed));
}

} // namespace

QString plotPngBase64(int width, int height)
{
    // Scanlines of RGB with filter 0: white, a light grid, black axes, a blue sine and an orange damped cosine, dots.
    const int stride = 1 + 3 * width;
    QByteArray raw(qsizetype(stride) * height, char(0xff));
    auto set = [&](int x, int y, quint8 r, quint8 g, quint8 b) {
        if (x < 0 || y < 0 || x >= width || y >= height)
            return;
        char *p = raw.data() + qsizetype(y) * stride + 1 + 3 * x;
        p[0] = char(r), p[1] = char(g), p[2] = char(b);
    };
    for (int y = 0; y < height; ++y)
        raw[qsizetype(y) * stride] = 0;
    const int left = width / 8, bottom = height - height / 8, top = height / 10, right = width - width / 20;
    for (int i = 1; i < 8; ++i) {
        for (int y = top; y < bottom; ++y)
            set(left + (right - left) * i / 8, y, 0xe0, 0xe0, 0xe0);
        for (int x = left; x < right; ++x)
            set(x, top + (bottom - top) * i / 8, 0xe0, 0xe0, 0xe0);
    }
    for (int x = left; x <= right; ++x)
        set(x, bottom, 0, 0, 0);
    for (int y = top; y <= bottom; ++y)
        set(left, y, 0, 0, 0);
    const double mid = (top + bottom) / 2.0, amplitude = (bottom - top) * 0.4;
    for (int x = left + 1; x < right; ++x) {
        const double t = double(x - left) / (right - left) * 4 * 3.14159265358979;
        for (int w = -1; w <= 1; ++w) {
            set(x, int(mid - amplitude * std::sin(t)) + w, 0x1f, 0x77, 0xb4);
            set(x, int(mid - amplitude * std::exp(-t / 6) * std::cos(t * 1.5)) + w, 0xff, 0x7f, 0x0e);
        }
    }
    // A scatter of shaded dots (a fixed pseudo-random cloud): matplotlib's anti-aliased marks and text make its PNGs
    // compress about this badly.
    quint32 seed = 17;
    auto next = [&seed] { return (seed = seed * 1664525u + 1013904223u) >> 8; };
    for (int i = 0; i < width * height / 300; ++i) {
        const int cx = left + 2 + int(next() % quint32(std::max(1, right - left - 4)));
        const int cy = top + 2 + int(next() % quint32(std::max(1, bottom - top - 4)));
        const quint8 shade = quint8(0x60 + next() % 0x80);
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                set(cx + dx, cy + dy, quint8(0x2c + (dx + dy + 2) * 9), shade, quint8(0xa0 + (dx * dy + 1) * 20));
    }
    QByteArray ihdr;
    appendBigEndian(ihdr, quint32(width));
    appendBigEndian(ihdr, quint32(height));
    ihdr.append(char(8)).append(char(2)).append(char(0)).append(char(0)).append(char(0)); // 8-bit RGB, no interlace
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", ihdr);
    appendChunk(png, "IDAT", qCompress(raw, 9).mid(4)); // qCompress: 4-byte length, then a zlib stream
    appendChunk(png, "IEND", QByteArray());
    return QString::fromLatin1(png.toBase64());
}

QStringList completionCandidates(const QString &code, int cursor)
{
    const qsizetype end = std::clamp<qsizetype>(cursor, 0, code.size());
    qsizetype start = end;
    while (start > 0 && (code.at(start - 1).isLetterOrNumber() || code.at(start - 1) == QLatin1Char('_')
                         || code.at(start - 1) == QLatin1Char('.')))
        --start;
    const QString token = code.mid(start, end - start);
    const qsizetype dot = token.lastIndexOf(QLatin1Char('.'));
    const QString receiver = dot < 0 ? QString() : token.left(dot);
    const QString prefix = dot < 0 ? token : token.mid(dot + 1);
    QStringList vocabulary;
    if (receiver.isEmpty()) {
        vocabulary = { QStringLiteral("print"), QStringLiteral("println"), QStringLiteral("sc"),
                       QStringLiteral("spark"), QStringLiteral("sqlContext") };
    } else if (receiver == QLatin1String("sc")) {
        vocabulary = { QStringLiteral("appName"), QStringLiteral("broadcast"), QStringLiteral("parallelize"),
                       QStringLiteral("range"), QStringLiteral("stop"), QStringLiteral("textFile"),
                       QStringLiteral("version") };
    } else if (receiver == QLatin1String("spark")) {
        vocabulary = { QStringLiteral("catalog"), QStringLiteral("conf"), QStringLiteral("createDataFrame"),
                       QStringLiteral("range"), QStringLiteral("read"), QStringLiteral("sparkContext"),
                       QStringLiteral("sql"), QStringLiteral("stop"), QStringLiteral("table"),
                       QStringLiteral("version") };
    } else {
        vocabulary = { QStringLiteral("equals"), QStringLiteral("getClass"), QStringLiteral("hashCode"),
                       QStringLiteral("toString") };
    }
    QStringList out;
    for (const QString &word : std::as_const(vocabulary)) {
        if (word.startsWith(prefix))
            out.append(word);
    }
    return out;
}

} // namespace FakeLivy
