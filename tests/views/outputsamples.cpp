// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputsamples.h"

#include "livy/codec.h"

#include <QApplication>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QSet>
#include <QStyleFactory>
#include <QWidget>

#include <cmath>

namespace OutputSamples {

Livy::StatementOutput fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad sample JSON: %s", qPrintable(error.errorString()));
    const Livy::Result<Livy::StatementOutput> out = Livy::Codec::decodeOutput(doc.object());
    if (!out)
        qFatal("bad sample output: %s", qPrintable(out.error().message()));
    return out.value();
}

static Livy::StatementOutput ok(const QJsonObject &data)
{
    Livy::StatementOutput out;
    out.status = Livy::StatementOutput::Status::Ok;
    out.statusName = QStringLiteral("ok");
    out.executionCount = 7;
    out.data = data;
    return out;
}

Livy::StatementOutput text()
{
    QString s = QStringLiteral(
        "+-------+----------+------+---------+\n"
        "| region|     month|orders|  revenue|\n"
        "+-------+----------+------+---------+\n");
    const char *regions[] = {"north", "south", "east", "west"};
    for (int i = 0; i < 24; ++i)
        s += QStringLiteral("|%1|2024-%2-01|%3|%4|\n")
                 .arg(QString::fromLatin1(regions[i % 4]), 7)
                 .arg(i / 4 + 1, 2, 10, QLatin1Char('0'))
                 .arg(120 + (i * 37) % 90, 6)
                 .arg(QString::number(1830.5 + i * 211.25, 'f', 2), 9);
    s += QStringLiteral("+-------+----------+------+---------+\nonly showing top 24 rows\n"
                        "\tA tab-indented line, and a long one: ")
         + QString(300, QLatin1Char('=')) + QStringLiteral(" end");
    return ok(QJsonObject{{QStringLiteral("text/plain"), s}});
}

Livy::StatementOutput json()
{
    return fromJson(R"({"status":"ok","execution_count":3,"data":{"application/json":{
        "app": "livy-session-12", "executors": 4, "memoryFraction": 0.6, "dynamicAllocation": false,
        "tags": ["etl", "daily", "eu-west"], "owner": null,
        "stages": [{"id": 0, "name": "scan parquet", "tasks": 200, "failed": 0},
                   {"id": 1, "name": "shuffle exchange", "tasks": 64, "failed": 2}],
        "conf": {"spark.sql.shuffle.partitions": "64", "spark.executor.memory": "4g"}}}})");
}

Livy::StatementOutput table()
{
    QJsonArray data;
    const char *regions[] = {"north", "south", "east", "west", "central"};
    for (int i = 0; i < 30; ++i) {
        const QString month = QStringLiteral("2024-%1-01").arg(i % 12 + 1, 2, 10, QLatin1Char('0'));
        const double revenue = 1200 + 900 * std::sin(i * 0.7) + i * 85.5;
        data.append(QJsonArray{QString::fromLatin1(regions[i % 5]), month, 40 + (i * 53) % 170,
                               std::round(revenue * 100) / 100,
                               i % 7 == 3 ? QJsonValue(QJsonValue::Null) : QJsonValue(std::round(revenue * 7.5) / 100)});
    }
    const QJsonObject table{
        {QStringLiteral("headers"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("region")}, {QStringLiteral("type"), QStringLiteral("STRING_TYPE")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("month")}, {QStringLiteral("type"), QStringLiteral("DATE_TYPE")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("orders")}, {QStringLiteral("type"), QStringLiteral("INT_TYPE")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("revenue")}, {QStringLiteral("type"), QStringLiteral("DOUBLE_TYPE")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("returned")}, {QStringLiteral("type"), QStringLiteral("DOUBLE_TYPE")}}}},
        {QStringLiteral("data"), data}};
    return ok(QJsonObject{{QStringLiteral("application/vnd.livy.table.v1+json"), table}});
}

Livy::StatementOutput sql(int rows)
{
    QJsonArray data;
    for (int i = 0; i < rows; ++i) {
        data.append(QJsonArray{i + 1, QStringLiteral("customer-%1").arg(i * 7 % 1000, 4, 10, QLatin1Char('0')),
                               QStringLiteral("2024-03-%1T%2:15:00.000Z").arg(i % 28 + 1, 2, 10, QLatin1Char('0')).arg(i % 24, 2, 10, QLatin1Char('0')),
                               (i * 7919 % 10000) / 100.0});
    }
    const QJsonArray fields{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("id")}, {QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("nullable"), false}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("customer")}, {QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("nullable"), true}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("ordered_at")}, {QStringLiteral("type"), QStringLiteral("timestamp")}, {QStringLiteral("nullable"), true}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("amount")}, {QStringLiteral("type"), QStringLiteral("decimal(10,2)")}, {QStringLiteral("nullable"), true}}};
    const QJsonObject result{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("struct")}, {QStringLiteral("fields"), fields}}},
                             {QStringLiteral("data"), data}};
    return ok(QJsonObject{{QStringLiteral("application/json"), result}});
}

QImage plotImage()
{
    // A white figure with axes and two curves, like matplotlib's default look.
    QImage image(640, 420, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF plot(70, 30, 540, 330);
    p.setPen(QPen(Qt::black, 1));
    p.drawRect(plot);
    for (int i = 0; i <= 5; ++i) {
        const qreal x = plot.left() + plot.width() * i / 5;
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 5));
        p.drawText(QRectF(x - 20, plot.bottom() + 8, 40, 16), Qt::AlignCenter, QString::number(i * 2));
        const qreal y = plot.bottom() - plot.height() * i / 5;
        p.drawLine(QPointF(plot.left() - 5, y), QPointF(plot.left(), y));
        p.drawText(QRectF(plot.left() - 50, y - 8, 40, 16), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(-1.0 + i * 0.4, 'f', 1));
    }
    const QColor colours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e)};
    for (int curve = 0; curve < 2; ++curve) {
        QPainterPath path;
        for (int i = 0; i <= 200; ++i) {
            const double t = i / 200.0 * 10.0;
            const double v = curve == 0 ? std::sin(t) : std::cos(t) * std::exp(-t / 8);
            const QPointF pt(plot.left() + plot.width() * i / 200, plot.bottom() - (v + 1.0) / 2.0 * plot.height());
            i == 0 ? path.moveTo(pt) : path.lineTo(pt);
        }
        p.setPen(QPen(colours[curve], 2));
        p.drawPath(path);
    }
    p.setPen(Qt::black);
    p.drawText(QRectF(0, 4, image.width(), 20), Qt::AlignCenter, QStringLiteral("sin(t) and damped cos(t)"));
    return image;
}

Livy::StatementOutput image()
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    plotImage().save(&buffer, "PNG");
    return ok(QJsonObject{{QStringLiteral("image/png"), QString::fromLatin1(png.toBase64())},
                          {QStringLiteral("text/plain"), QString()}});
}

Livy::StatementOutput pythonError()
{
    Livy::StatementOutput out;
    out.status = Livy::StatementOutput::Status::Error;
    out.statusName = QStringLiteral("error");
    out.executionCount = 9;
    out.ename = QStringLiteral("AnalysisException");
    out.evalue = QStringLiteral("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `revenu` "
                                "cannot be resolved. Did you mean one of the following? [`revenue`, `region`, `month`].; "
                                "line 1 pos 7;\n'Project ['revenu]\n+- SubqueryAlias sales\n   +- Relation[region,month,revenue] parquet");
    out.traceback = QStringList{
        QStringLiteral("Traceback (most recent call last):\n"),
        QStringLiteral("  File \"<stdin>\", line 1, in <module>\n"),
        QStringLiteral("  File \"/opt/spark/python/lib/pyspark.zip/pyspark/sql/session.py\", line 1440, in sql\n"),
        QStringLiteral("    return DataFrame(self._jsparkSession.sql(sqlQuery, litArgs), self)\n"),
        QStringLiteral("  File \"/opt/spark/python/lib/pyspark.zip/pyspark/errors/exceptions/captured.py\", line 185, in deco\n"),
        QStringLiteral("    raise converted from None\n"),
        QStringLiteral("pyspark.errors.exceptions.captured.AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] ...\n")};
    return out;
}

Livy::StatementOutput multiPart()
{
    Livy::StatementOutput out = image();
    out.data.insert(QStringLiteral("text/plain"), QStringLiteral("<Figure size 640x420 with 1 Axes>"));
    out.data.insert(QStringLiteral("application/json"),
                    QJsonObject{{QStringLiteral("figure"), QStringLiteral("sin and cos")},
                                {QStringLiteral("points"), 201}, {QStringLiteral("series"), QJsonArray{QStringLiteral("sin"), QStringLiteral("cos")}}});
    return out;
}

void useDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::Mid, QColor(0x45, 0x48, 0x4d));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    QApplication::setPalette(p);
}

QImage saveScreenshot(QWidget *widget, const QString &name)
{
    const QImage image = widget->grab().toImage();
    const QString file = QStringLiteral("output-%1.png").arg(name);
    const QString buildDir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(buildDir);
    image.save(buildDir + QLatin1Char('/') + file);
    const QString docs = qEnvironmentVariable("LIVYDESK_SCREENSHOT_DIR");
    if (!docs.isEmpty()) {
        QDir().mkpath(docs);
        image.save(docs + QLatin1Char('/') + file);
    }
    return image;
}

int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    const int stepX = std::max(1, image.width() / 80);
    const int stepY = std::max(1, image.height() / 60);
    for (int y = 0; y < image.height(); y += stepY) {
        for (int x = 0; x < image.width(); x += stepX)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace OutputSamples
