// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace LivyDesk {

/// The languages a Livy statement can be written in. Livy names them by "kind" (with aliases); the editor needs
/// the language for highlighting, indentation rules and completion, so every kind maps to one of these.
enum class CodeLanguage { PlainText, Python, Scala, R, Sql };

/// pyspark/python -> Python, spark/scala -> Scala, sparkr/r -> R, sql -> Sql; shared and unknown -> PlainText.
CodeLanguage languageForKind(const QString &kind);
/// The canonical statement kind for a language (pyspark, spark, sparkr, sql); empty for PlainText.
QString kindForLanguage(CodeLanguage language);
/// "Python", "Scala", "R", "SQL", "Plain text".
QString languageDisplayName(CodeLanguage language);
/// The canonical Livy kind for any alias ("python" -> "pyspark"); unknown names are returned lower-cased.
QString canonicalKind(const QString &kind);
/// The kinds a statement of a `shared` session can use, canonical names, in menu order.
QStringList statementKinds();
/// A human label for a kind: "pyspark (Python)".
QString kindDisplayName(const QString &kind);

} // namespace LivyDesk
