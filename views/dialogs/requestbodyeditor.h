// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/types.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace LivyDesk {

/// The JSON body of a `POST /sessions`, shown (the create dialog's live preview, read-only) or edited (the
/// recreate dialog: the kept body of a session, changed before it is sent again). Editing checks the text as Livy
/// would read it (SessionRequestRules: name, sizes, time strings, paths) and says what is wrong on one line.
class RequestBodyEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RequestBodyEditor(QWidget *parent = nullptr);

    void setReadOnly(bool readOnly);
    bool isReadOnly() const;
    void setRequest(const Livy::CreateSessionRequest &request);
    /// The body as typed; empty when it is not a JSON object.
    std::optional<Livy::CreateSessionRequest> request() const;
    QString text() const;
    void setText(const QString &text);
    /// What blocks sending it ("name: …", "not JSON: …"); empty when it can be sent.
    QStringList problems() const { return m_problems; }
    bool isValid() const { return m_problems.isEmpty(); }

    QPlainTextEdit *textEdit() const { return m_text; }

    /// The problems of a request as Livy's own checks would find them (shared with the create dialog's rules).
    static QStringList problemsOf(const Livy::CreateSessionRequest &request);

Q_SIGNALS:
    /// The text was edited (problems() is up to date).
    void edited();

private:
    void revalidate();

    QPlainTextEdit *m_text = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_copy = nullptr;
    QStringList m_problems;
};

} // namespace LivyDesk
