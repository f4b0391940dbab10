// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Statement outputs shaped like Livy's, for the output view tests and the screenshots, plus the helpers they
// share: a dark palette, and saving a widget's rendering under the build dir (and under
// $LIVYDESK_SCREENSHOT_DIR when set, which scripts/render-outputs uses to refresh docs/screenshots).

#include "livy/types.h"

#include <QImage>
#include <QString>

class QWidget;

namespace OutputSamples {

Livy::StatementOutput fromJson(const QByteArray &json);

Livy::StatementOutput text();
Livy::StatementOutput json();
/// A %table result: region (string), month (date), orders (int), revenue (double), returned (double).
Livy::StatementOutput table();
/// A sql {schema, data} result with `rows` rows (1000 = Livy's default cap).
Livy::StatementOutput sql(int rows);
/// A matplotlib-like plot rendered with QPainter, as base64 PNG (plus pyspark's empty text/plain).
Livy::StatementOutput image();
Livy::StatementOutput pythonError();
/// image/png + text/plain + application/json in one output.
Livy::StatementOutput multiPart();

/// The PNG the image() output carries.
QImage plotImage();

/// Fusion style with a dark palette (the app's look on a dark desktop).
void useDarkPalette();
/// Renders `widget` and saves it as output-<name>.png under <build dir>/screenshots (and the screenshot dir).
/// Returns the image for further checks.
QImage saveScreenshot(QWidget *widget, const QString &name);
/// Number of distinct colours in a sample of the image's pixels: a blank rendering has one or two.
int colourCount(const QImage &image);

} // namespace OutputSamples
