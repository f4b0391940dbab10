// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Locating and reading the JSON fixtures of the protocol tests (tests/fixtures/protocol, hand-written from
// tests/fixtures/protocol/README.md, and tests/fixtures/real, recorded from a real Livy server).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ProtocolFixtures {

inline QString protocolDir()
{
    return QStringLiteral(LIVYDESK_FIXTURES_DIR "/protocol");
}

inline QString realDir()
{
    return QStringLiteral(LIVYDESK_FIXTURES_DIR "/real");
}

/// The whole file, or a null QByteArray if it cannot be read (an empty file gives an empty, non-null array).
inline QByteArray read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = file.readAll();
    if (bytes.isNull())
        bytes = QByteArray("");
    return bytes;
}

/// The JSON object in `path`; `ok` is false if the file is missing or not a JSON object.
inline QJsonObject readObject(const QString &path, bool *ok)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(read(path), &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

/// File names in `dir` matching the wildcard `pattern`, sorted.
inline QStringList files(const QString &dir, const QString &pattern)
{
    return QDir(dir).entryList({ pattern }, QDir::Files, QDir::Name);
}

} // namespace ProtocolFixtures
