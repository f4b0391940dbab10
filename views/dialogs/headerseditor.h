// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/serverprofile.h"

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace LivyDesk {

/// Rows of extra request headers (name, value, "secret"). A secret value is typed into a password field, never
/// shown, and leaves through secretValues() for the keychain; the header list itself carries no secret value.
class HeadersEditor : public QWidget
{
    Q_OBJECT
public:
    explicit HeadersEditor(QWidget *parent = nullptr);
    ~HeadersEditor() override;

    /// Shows a profile's headers; a secret one's value is in the keychain (its field says so and stays empty).
    void setHeaders(const QList<ExtraHeader> &headers);
    QList<ExtraHeader> headers() const;
    /// Secret values typed since setHeaders(), by header name.
    QHash<QString, QString> secretValues() const;

public Q_SLOTS:
    void addRow(const ExtraHeader &header = {});

Q_SIGNALS:
    void edited();

private:
    struct Row;
    void removeRow(int index);
    void rebuild();

    QList<Row *> m_rows;
    QGridLayout *m_grid = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace LivyDesk
