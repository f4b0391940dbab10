// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QMessageBox;
class QWidget;

namespace LivyDesk::Prompts {

/// "Delete session 3 (etl)?" with a destructive button and Cancel as the default. Not shown: call open()
/// (window-modal, no nested event loop). accepted() is emitted only for the destructive button.
QMessageBox *confirmDeleteSession(QWidget *parent, int sessionId, const QString &name);
/// "This code is still on its way to the server. Run it again?" (Run again / Cancel, Cancel default). Call open();
/// accepted() only for Run again.
QMessageBox *confirmRunAgain(QWidget *parent);
/// The About box (version, Qt, highlighting back end). Call open().
QMessageBox *about(QWidget *parent);

} // namespace LivyDesk::Prompts
