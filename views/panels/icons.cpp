// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace LivyDesk {

namespace {

struct IconNames
{
    AppIcon icon;
    const char *theme;
    const char *resource;
};

constexpr IconNames names[] = {
    { AppIcon::NewSession, "list-add", "new-session" },
    { AppIcon::Refresh, "view-refresh", "refresh" },
    { AppIcon::Run, "media-playback-start", "run" },
    { AppIcon::RunSelection, "media-skip-forward", "run-selection" },
    { AppIcon::Cancel, "process-stop", "stop" },
    { AppIcon::Delete, "edit-delete", "delete" },
    { AppIcon::Copy, "edit-copy", "copy" },
    { AppIcon::Open, "document-open", "open" },
    { AppIcon::Save, "document-save-as", "save" },
    { AppIcon::Complete, "code-context", "complete" },
    { AppIcon::Server, "network-server", "server" },
    { AppIcon::Log, "text-x-log", "log" },
    { AppIcon::Browser, "internet-web-browser", "browser" },
    { AppIcon::Settings, "configure", "settings" },
    { AppIcon::Session, "utilities-terminal", "session" },
    { AppIcon::Follow, "go-bottom", "follow" },
};

const IconNames &namesFor(AppIcon icon)
{
    for (const IconNames &n : names)
        if (n.icon == icon)
            return n;
    return names[0];
}

/// Paints one icon in a 16×16 design grid scaled to the target rectangle.
class PaintedIconEngine : public QIconEngine
{
public:
    explicit PaintedIconEngine(AppIcon icon)
        : m_icon(icon)
    {
    }

    QIconEngine *clone() const override { return new PaintedIconEngine(m_icon); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette pal = QGuiApplication::palette();
        QColor ink = pal.color(QPalette::WindowText);
        if (mode == QIcon::Selected)
            ink = pal.color(QPalette::HighlightedText);
        const bool dark = pal.color(QPalette::Window).lightnessF() < 0.5;
        const QColor green = dark ? QColor(0x5c, 0xc9, 0x7a) : QColor(0x1f, 0x8a, 0x3d);
        const QColor red = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
        const QColor blue = dark ? QColor(0x7a, 0xb4, 0xff) : QColor(0x1f, 0x5f, 0xbf);
        if (mode == QIcon::Disabled)
            ink.setAlphaF(0.4f);
        auto accent = [&](QColor c) {
            if (mode == QIcon::Disabled) {
                c = ink;
            } else if (mode == QIcon::Selected) {
                c = ink;
            }
            return c;
        };

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = qMin(rect.width(), rect.height());
        painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 16.0, side / 16.0);
        QPen pen(ink, 1.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);

        auto triangle = [&](qreal x, qreal y, qreal w, qreal h, const QColor &fill) {
            QPainterPath path;
            path.moveTo(x, y);
            path.lineTo(x + w, y + h / 2);
            path.lineTo(x, y + h);
            path.closeSubpath();
            painter->setPen(QPen(fill, 1.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->setBrush(fill);
            painter->drawPath(path);
            painter->setBrush(Qt::NoBrush);
            painter->setPen(pen);
        };

        switch (m_icon) {
        case AppIcon::NewSession:
            painter->setPen(QPen(accent(green), 2.0, Qt::SolidLine, Qt::RoundCap));
            painter->drawLine(QPointF(8, 3), QPointF(8, 13));
            painter->drawLine(QPointF(3, 8), QPointF(13, 8));
            break;
        case AppIcon::Refresh: {
            painter->drawArc(QRectF(3, 3, 10, 10), 60 * 16, 280 * 16);
            QPainterPath head;
            head.moveTo(13.6, 2.2);
            head.lineTo(13.4, 6.6);
            head.lineTo(9.2, 5.4);
            head.closeSubpath();
            painter->setBrush(ink);
            painter->drawPath(head);
            break;
        }
        case AppIcon::Run: triangle(4, 2.5, 9.5, 11, accent(green)); break;
        case AppIcon::RunSelection:
            painter->drawLine(QPointF(2, 4), QPointF(7, 4));
            painter->drawLine(QPointF(2, 8), QPointF(6, 8));
            painter->drawLine(QPointF(2, 12), QPointF(7, 12));
            triangle(8.5, 4, 6, 8, accent(green));
            break;
        case AppIcon::Cancel:
            painter->setPen(Qt::NoPen);
            painter->setBrush(accent(red));
            painter->drawRoundedRect(QRectF(3.5, 3.5, 9, 9), 1.5, 1.5);
            break;
        case AppIcon::Delete: {
            painter->setPen(QPen(accent(red), 1.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->drawLine(QPointF(2.5, 4), QPointF(13.5, 4));
            painter->drawLine(QPointF(6, 4), QPointF(6.5, 2.2));
            painter->drawLine(QPointF(6.5, 2.2), QPointF(9.5, 2.2));
            painter->drawLine(QPointF(9.5, 2.2), QPointF(10, 4));
            QPainterPath can;
            can.moveTo(4, 4);
            can.lineTo(4.8, 14);
            can.lineTo(11.2, 14);
            can.lineTo(12, 4);
            painter->drawPath(can);
            painter->drawLine(QPointF(6.8, 6.5), QPointF(7, 11.5));
            painter->drawLine(QPointF(9.2, 6.5), QPointF(9, 11.5));
            break;
        }
        case AppIcon::Copy:
            painter->drawRoundedRect(QRectF(5.5, 5.5, 8, 9), 1, 1);
            painter->drawPolyline(QPolygonF({ QPointF(3, 11), QPointF(2.5, 11), QPointF(2.5, 1.8), QPointF(10, 1.8),
                                              QPointF(10, 3) }));
            break;
        case AppIcon::Open: {
            QPainterPath folder;
            folder.moveTo(1.8, 13.5);
            folder.lineTo(1.8, 3);
            folder.lineTo(6, 3);
            folder.lineTo(7.5, 4.8);
            folder.lineTo(13, 4.8);
            folder.lineTo(13, 7);
            painter->drawPath(folder);
            QPainterPath front;
            front.moveTo(1.8, 13.5);
            front.lineTo(4, 7);
            front.lineTo(14.8, 7);
            front.lineTo(12.6, 13.5);
            front.closeSubpath();
            painter->drawPath(front);
            break;
        }
        case AppIcon::Save:
            painter->drawLine(QPointF(8, 2), QPointF(8, 10));
            painter->drawPolyline(QPolygonF({ QPointF(4.5, 6.8), QPointF(8, 10.3), QPointF(11.5, 6.8) }));
            painter->drawPolyline(QPolygonF({ QPointF(2.5, 10.5), QPointF(2.5, 14), QPointF(13.5, 14),
                                              QPointF(13.5, 10.5) }));
            break;
        case AppIcon::Complete: {
            QFont font = painter->font();
            font.setPixelSize(9);
            font.setBold(true);
            painter->setFont(font);
            painter->drawText(QRectF(0, 0, 16, 9), Qt::AlignCenter, QStringLiteral("ab"));
            painter->setPen(QPen(accent(blue), 1.4, Qt::SolidLine, Qt::RoundCap));
            painter->drawLine(QPointF(3, 11), QPointF(13, 11));
            painter->drawLine(QPointF(3, 14), QPointF(10, 14));
            break;
        }
        case AppIcon::Server:
            painter->drawRoundedRect(QRectF(2, 2.5, 12, 4.5), 1, 1);
            painter->drawRoundedRect(QRectF(2, 9, 12, 4.5), 1, 1);
            painter->setPen(QPen(accent(green), 1.8, Qt::SolidLine, Qt::RoundCap));
            painter->drawPoint(QPointF(4.5, 4.75));
            painter->drawPoint(QPointF(4.5, 11.25));
            break;
        case AppIcon::Log:
            painter->drawRoundedRect(QRectF(3, 1.8, 10, 12.4), 1, 1);
            painter->drawLine(QPointF(5.5, 5), QPointF(10.5, 5));
            painter->drawLine(QPointF(5.5, 8), QPointF(10.5, 8));
            painter->drawLine(QPointF(5.5, 11), QPointF(8.5, 11));
            break;
        case AppIcon::Browser:
            painter->drawPolyline(QPolygonF({ QPointF(7, 3), QPointF(3, 3), QPointF(3, 13), QPointF(13, 13),
                                              QPointF(13, 9) }));
            painter->drawLine(QPointF(8, 8), QPointF(14, 2));
            painter->drawPolyline(QPolygonF({ QPointF(9.5, 2), QPointF(14, 2), QPointF(14, 6.5) }));
            break;
        case AppIcon::Settings:
            for (const auto &[y, knob] : { std::pair{ 4.0, 10.0 }, std::pair{ 8.0, 5.0 }, std::pair{ 12.0, 9.0 } }) {
                painter->drawLine(QPointF(2, y), QPointF(14, y));
                painter->setBrush(pal.color(QPalette::Window));
                painter->drawEllipse(QPointF(knob, y), 1.8, 1.8);
                painter->setBrush(Qt::NoBrush);
            }
            break;
        case AppIcon::Session:
            painter->drawRoundedRect(QRectF(1.8, 2.5, 12.4, 11), 1.5, 1.5);
            painter->drawPolyline(QPolygonF({ QPointF(4.5, 6), QPointF(6.8, 8), QPointF(4.5, 10) }));
            painter->drawLine(QPointF(8, 10.5), QPointF(11.5, 10.5));
            break;
        case AppIcon::Follow:
            painter->drawLine(QPointF(8, 2), QPointF(8, 11));
            painter->drawPolyline(QPolygonF({ QPointF(4.5, 7.5), QPointF(8, 11), QPointF(11.5, 7.5) }));
            painter->drawLine(QPointF(3, 14), QPointF(13, 14));
            break;
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter painter(&pm);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

private:
    AppIcon m_icon;
};

} // namespace

QString appIconThemeName(AppIcon icon)
{
    return QString::fromLatin1(namesFor(icon).theme);
}

QIcon appIcon(AppIcon icon)
{
    const IconNames &n = namesFor(icon);
    const QString theme = QString::fromLatin1(n.theme);
    if (QIcon::hasThemeIcon(theme))
        return QIcon::fromTheme(theme);
    const QString resource = QStringLiteral(":/icons/%1.svg").arg(QLatin1String(n.resource));
    if (QFile::exists(resource))
        return QIcon(resource);
    return QIcon(new PaintedIconEngine(icon));
}

} // namespace LivyDesk
