// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The icons of resources/icons.qrc reach everything that links livydesk_views (the app and the widget tests), and
// each one renders to visible pixels at toolbar sizes through Qt's SVG icon engine.

#include <QDirIterator>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QTest>

namespace {
// Share of pixels that are not fully transparent.
double coverage(const QImage &image)
{
    int painted = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            painted += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    return double(painted) / (image.width() * image.height());
}
} // namespace

class TestCompiledIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIconFileIsCompiledIn();
    void rendersAtToolbarSizes_data();
    void rendersAtToolbarSizes();
};

void TestCompiledIcons::everyIconFileIsCompiledIn()
{
    // The source folder and the resource tree list the same action icons.
    QStringList onDisk;
    QDirIterator sources(QStringLiteral(LIVYDESK_SOURCE_DIR "/resources/icons"), { QStringLiteral("*.svg") });
    while (sources.hasNext())
        onDisk << QFileInfo(sources.next()).fileName();
    QStringList compiled;
    QDirIterator resources(QStringLiteral(":/icons"), { QStringLiteral("*.svg") });
    while (resources.hasNext())
        compiled << QFileInfo(resources.next()).fileName();
    compiled.removeOne(QStringLiteral("livydesk.svg")); // the application icon lives in resources/app-icon/
    onDisk.sort();
    compiled.sort();
    QVERIFY(!onDisk.isEmpty());
    QCOMPARE(compiled, onDisk);
}

void TestCompiledIcons::rendersAtToolbarSizes_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator resources(QStringLiteral(":/icons"), { QStringLiteral("*.svg") });
    while (resources.hasNext()) {
        const QString path = resources.next();
        QTest::newRow(qPrintable(path)) << path;
    }
}

void TestCompiledIcons::rendersAtToolbarSizes()
{
    QFETCH(QString, path);
    const QIcon icon(path);
    QVERIFY2(!icon.isNull(), qPrintable(path));
    for (const int size : { 16, 24, 32 }) {
        const QImage image = icon.pixmap(size, size).toImage();
        QCOMPARE(image.size(), QSize(size, size));
        // An icon that failed to parse renders empty; a drawn one covers a visible part of its square.
        const double covered = coverage(image);
        QVERIFY2(covered > 0.08, qPrintable(QStringLiteral("%1 at %2 px covers only %3")
                                                .arg(path).arg(size).arg(covered)));
    }
}

QTEST_MAIN(TestCompiledIcons)
#include "tst_compiled_icons.moc"
