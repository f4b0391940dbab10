// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An `error` output: the exception name large and coloured, its message below (selectable), the traceback in a
// monospace read-only view, and "Copy" (Ctrl+C with nothing selected) for the whole error.

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace LivyDesk {

class ErrorOutputView : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorOutputView(QWidget *parent = nullptr);

    void setError(const QString &ename, const QString &evalue, const QString &traceback);
    /// "ename: evalue" and the traceback, as Copy puts them on the clipboard.
    QString errorText() const;
    void copyError();

    QLabel *nameLabel() const { return m_name; }
    QLabel *valueLabel() const { return m_value; }
    QPlainTextEdit *tracebackView() const { return m_traceback; }

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyColors();

    QLabel *m_name = nullptr;
    QLabel *m_value = nullptr;
    QPlainTextEdit *m_traceback = nullptr;
    QLabel *m_tracebackTitle = nullptr;
    QString m_ename;
    QString m_evalue;
    QString m_tracebackText;
};

} // namespace LivyDesk
