// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// text/plain output (and any text-like part): a LargeTextView with a slim toolbar — line count, find (Ctrl+F,
// Enter / F3 next, Shift+F3 previous), copy all, save (Ctrl+S).

#include "core/backgroundtask.h"
#include "results/indexedtext.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QToolButton;

namespace LivyDesk {

class LargeTextView;

class TextOutputView : public QWidget
{
    Q_OBJECT
public:
    explicit TextOutputView(QWidget *parent = nullptr);

    void setText(std::shared_ptr<const Livy::IndexedText> text);
    LargeTextView *textView() const { return m_view; }
    QLineEdit *findField() const { return m_find; }
    /// Suggested file name stem and extension for Save ("output", "txt").
    void setSaveHint(const QString &stem, const QString &extension);

    /// Asks for a file name (non-modal dialog), then saves there.
    void saveAs();
    /// Writes the whole text (UTF-8) to `path` on a worker thread; saved() reports the outcome.
    void saveTo(const QString &path);
    /// Finds the text of the find field; false (and a red field) when there is no match.
    bool findNext(bool backward = false);
    void copyAll();

Q_SIGNALS:
    /// `error` is empty on success.
    void saved(const QString &path, const QString &error);
    void statusMessage(const QString &message);

private:

    LargeTextView *m_view = nullptr;
    QLabel *m_info = nullptr;
    QLineEdit *m_find = nullptr;
    QString m_saveStem = QStringLiteral("output");
    QString m_saveExtension = QStringLiteral("txt");
    Livy::BackgroundTask m_saveTask;
};

/// Writes `text` as UTF-8 to `path` through a QSaveFile. Empty on success, else the error. Any thread.
QString writeTextFile(const QString &path, const QString &text);

} // namespace LivyDesk
