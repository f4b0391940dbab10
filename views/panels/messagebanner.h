// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace Livy {
class LivyError;
}

namespace LivyDesk {

/// The one way LivyDesk shows a problem inline: an icon, one line fit for a user, and a "Details" expander with
/// the raw server body. Used by dialogs and panels instead of modal message boxes.
class MessageBanner : public QWidget
{
    Q_OBJECT
public:
    enum class Severity { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Severity severity, const QString &text, const QString &details = {});
    /// The error's message, with its HTTP status, kind and raw body as details.
    void showError(const Livy::LivyError &error);
    void clear();

    QString text() const;
    QString details() const;
    Severity severity() const { return m_severity; }
    bool isDetailsExpanded() const;
    QToolButton *detailsButton() const { return m_detailsButton; }

    /// "HTTP 400 · Http\n\n<raw body>" for a LivyError (also used by the status area's details view).
    static QString detailsFor(const Livy::LivyError &error);

Q_SIGNALS:
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    Severity m_severity = Severity::Information;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_detailsButton = nullptr;
    QToolButton *m_closeButton = nullptr;
    QPlainTextEdit *m_details = nullptr;
    bool m_applying = false;
};

} // namespace LivyDesk
