// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// image/png output (pyspark %matplot, SparkR plots): fit to the window (default; never enlarges), zoom
// (Ctrl++ / Ctrl+-, Ctrl+wheel), actual size (Ctrl+0), save (Ctrl+S) and copy (Ctrl+C).

#include <QImage>
#include <QWidget>

class QLabel;
class QScrollArea;
class QToolButton;

namespace LivyDesk {

class ImageOutputView : public QWidget
{
    Q_OBJECT
public:
    explicit ImageOutputView(QWidget *parent = nullptr);

    /// Decodes the image file bytes (PNG, JPEG, SVG...). False, with a message shown instead, when they do not
    /// decode.
    bool setImageData(const QByteArray &bytes, const QString &mimeType = QStringLiteral("image/png"));
    QImage image() const { return m_image; }

    /// The current scale (1.0 = actual size).
    qreal zoom() const { return m_zoom; }
    bool isFitToWindow() const { return m_fit; }
    void setFitToWindow(bool fit);
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void actualSize();

    /// Writes the image as it came (PNG) to `path`. Empty on success, else the error.
    QString saveTo(const QString &path) const;
    void saveAs();
    void copyToClipboard();

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyZoom();
    qreal fitZoom() const;

    QImage m_image;
    QByteArray m_bytes;
    QString m_mimeType;
    qreal m_zoom = 1.0;
    bool m_fit = true;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_canvas = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_message = nullptr;
    QToolButton *m_fitButton = nullptr;
};

} // namespace LivyDesk
