// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageoutputview.h"

#include "outputstyle.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QPainter>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace LivyDesk {

namespace {

constexpr qreal MinZoom = 0.05;
constexpr qreal MaxZoom = 16.0;
constexpr qreal ZoomStep = 1.25;

/// Paints the image scaled (smooth when shrinking, sharp pixels when enlarging a lot).
class ImageCanvas : public QWidget
{
public:
    explicit ImageCanvas(const QImage *image, const qreal *zoom, QWidget *parent)
        : QWidget(parent)
        , m_image(image)
        , m_zoom(zoom)
    {
        setAccessibleName(QObject::tr("Image"));
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        if (m_image->isNull())
            return;
        p.setRenderHint(QPainter::SmoothPixmapTransform, *m_zoom < 4.0);
        p.drawImage(rect(), *m_image);
    }

private:
    const QImage *m_image;
    const qreal *m_zoom;
};

} // namespace

ImageOutputView::ImageOutputView(QWidget *parent)
    : QWidget(parent)
{
    m_canvas = new ImageCanvas(&m_image, &m_zoom, this);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_canvas);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setWidgetResizable(false);
    m_scroll->setAccessibleName(tr("Image output"));
    m_scroll->setFocusPolicy(Qt::StrongFocus);
    m_scroll->viewport()->installEventFilter(this);
    m_scroll->setBackgroundRole(QPalette::Base);

    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->hide();

    m_fitButton = OutputStyle::toolButton(tr("Fit"), tr("Fit the image to the window"), this);
    m_fitButton->setCheckable(true);
    m_fitButton->setChecked(true);
    auto *out = OutputStyle::toolButton(tr("Zoom out"), OutputStyle::withShortcut(tr("Zoom out"), QKeySequence::ZoomOut), this);
    auto *in = OutputStyle::toolButton(tr("Zoom in"), OutputStyle::withShortcut(tr("Zoom in"), QKeySequence::ZoomIn), this);
    auto *actual = OutputStyle::toolButton(tr("Actual size"), OutputStyle::withShortcut(tr("Actual size"), QKeySequence(Qt::CTRL | Qt::Key_0)), this);
    actual->setAccessibleName(tr("Actual size"));
    auto *copy = OutputStyle::toolButton(tr("Copy"), OutputStyle::withShortcut(tr("Copy the image"), QKeySequence::Copy), this);
    auto *save = OutputStyle::toolButton(tr("Save…"), OutputStyle::withShortcut(tr("Save the image"), QKeySequence::Save), this);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setAccessibleName(tr("Zoom level"));
    m_zoomLabel->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(QStringLiteral("1600%")) + 8);
    m_info = new QLabel(this);
    m_info->setAccessibleName(tr("Image size"));
    QPalette muted = m_info->palette();
    muted.setColor(QPalette::WindowText, OutputStyle::mutedText(palette()));
    m_info->setPalette(muted);
    m_zoomLabel->setPalette(muted);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_fitButton);
    bar->addWidget(out);
    bar->addWidget(in);
    bar->addWidget(actual);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(m_info, 1);
    bar->addWidget(copy);
    bar->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_message, 1);

    connect(m_fitButton, &QToolButton::toggled, this, &ImageOutputView::setFitToWindow);
    connect(out, &QToolButton::clicked, this, &ImageOutputView::zoomOut);
    connect(in, &QToolButton::clicked, this, &ImageOutputView::zoomIn);
    connect(actual, &QToolButton::clicked, this, &ImageOutputView::actualSize);
    connect(copy, &QToolButton::clicked, this, &ImageOutputView::copyToClipboard);
    connect(save, &QToolButton::clicked, this, &ImageOutputView::saveAs);
    connect(OutputStyle::shortcutAction(this, QKeySequence::ZoomIn), &QAction::triggered, this, &ImageOutputView::zoomIn);
    // Ctrl+= as well: on many layouts "+" needs Shift.
    connect(OutputStyle::shortcutAction(this, QKeySequence(Qt::CTRL | Qt::Key_Equal)), &QAction::triggered, this, &ImageOutputView::zoomIn);
    connect(OutputStyle::shortcutAction(this, QKeySequence::ZoomOut), &QAction::triggered, this, &ImageOutputView::zoomOut);
    connect(OutputStyle::shortcutAction(this, QKeySequence(Qt::CTRL | Qt::Key_0)), &QAction::triggered, this, &ImageOutputView::actualSize);
    connect(OutputStyle::shortcutAction(this, QKeySequence::Copy), &QAction::triggered, this, &ImageOutputView::copyToClipboard);
    connect(OutputStyle::shortcutAction(this, QKeySequence::Save), &QAction::triggered, this, &ImageOutputView::saveAs);
    setFocusProxy(m_scroll);
}

bool ImageOutputView::setImageData(const QByteArray &bytes, const QString &mimeType)
{
    m_bytes = bytes;
    m_mimeType = mimeType;
    QBuffer buffer(&m_bytes);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    m_image = reader.read();
    const bool ok = !m_image.isNull();
    m_scroll->setVisible(ok);
    m_message->setVisible(!ok);
    if (!ok) {
        m_message->setText(tr("The %1 image could not be decoded (%2).").arg(mimeType, reader.errorString()));
        m_info->clear();
        return false;
    }
    const QString format = mimeType.section(QLatin1Char('/'), 1).section(QLatin1Char('+'), 0, 0).toUpper();
    m_info->setText(tr("%1 \u00d7 %2 px %3").arg(m_image.width()).arg(m_image.height()).arg(format));
    applyZoom();
    return true;
}

qreal ImageOutputView::fitZoom() const
{
    if (m_image.isNull())
        return 1.0;
    const QSize room = m_scroll->viewport()->size() - QSize(8, 8);
    const qreal z = std::min(qreal(room.width()) / m_image.width(), qreal(room.height()) / m_image.height());
    return std::clamp(z, MinZoom, 1.0); // fit never enlarges
}

void ImageOutputView::applyZoom()
{
    if (m_fit)
        m_zoom = fitZoom();
    if (!m_image.isNull())
        m_canvas->resize(QSize(std::max(1, int(std::lround(m_image.width() * m_zoom))),
                               std::max(1, int(std::lround(m_image.height() * m_zoom)))));
    m_canvas->update();
    m_zoomLabel->setText(QStringLiteral("%1%").arg(std::lround(m_zoom * 100)));
}

void ImageOutputView::setFitToWindow(bool fit)
{
    m_fit = fit;
    {
        const QSignalBlocker blocker(m_fitButton);
        m_fitButton->setChecked(fit);
    }
    applyZoom();
}

void ImageOutputView::setZoom(qreal zoom)
{
    m_zoom = std::clamp(zoom, MinZoom, MaxZoom);
    setFitToWindow(false);
}

void ImageOutputView::zoomIn()
{
    setZoom(m_zoom * ZoomStep);
}

void ImageOutputView::zoomOut()
{
    setZoom(m_zoom / ZoomStep);
}

void ImageOutputView::actualSize()
{
    setZoom(1.0);
}

void ImageOutputView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fit)
        applyZoom();
}

bool ImageOutputView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport()) {
        if (event->type() == QEvent::Wheel) {
            auto *wheel = static_cast<QWheelEvent *>(event);
            if (wheel->modifiers() & Qt::ControlModifier) {
                wheel->angleDelta().y() > 0 ? zoomIn() : zoomOut();
                return true;
            }
        } else if (event->type() == QEvent::Resize && m_fit) {
            applyZoom(); // fitting never needs scroll bars, so this does not resize the viewport again
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString ImageOutputView::saveTo(const QString &path) const
{
    if (m_bytes.isEmpty())
        return tr("There is no image to save");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_bytes) != m_bytes.size() || !file.commit())
        return file.errorString();
    return {};
}

void ImageOutputView::saveAs()
{
    if (m_image.isNull())
        return;
    const QString suffix = m_mimeType.section(QLatin1Char('/'), 1).section(QLatin1Char('+'), 0, 0);
    auto *dialog = new QFileDialog(this, tr("Save image"), QStringLiteral("plot.") + suffix);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(suffix);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const QString error = saveTo(path);
        Q_EMIT statusMessage(error.isEmpty() ? tr("Saved %1").arg(path) : tr("Could not save %1: %2").arg(path, error));
    });
    dialog->open();
}

void ImageOutputView::copyToClipboard()
{
    if (m_image.isNull())
        return;
    QApplication::clipboard()->setImage(m_image);
    Q_EMIT statusMessage(tr("Copied the image to the clipboard"));
}

} // namespace LivyDesk
