// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompts.h"

#include "editor/codehighlighter.h"

#include <QMessageBox>
#include <QPushButton>

namespace LivyDesk::Prompts {

QMessageBox *confirmDeleteSession(QWidget *parent, int sessionId, const QString &name)
{
    const QString what = name.isEmpty() ? QStringLiteral("session %1").arg(sessionId)
                                        : QStringLiteral("session %1 (%2)").arg(sessionId).arg(name);
    auto *box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Delete Session"),
                                QStringLiteral("Delete %1?").arg(what), QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setInformativeText(QStringLiteral("This stops its Spark application on the server. Variables, cached data "
                                           "and statement results are lost; your editor draft is kept."));
    QPushButton *remove = box->addButton(QStringLiteral("Delete Session"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // QMessageBox maps a DestructiveRole button to rejected(); give callers one clear signal instead.
    QObject::connect(remove, &QPushButton::clicked, box, [box] { Q_EMIT box->accepted(); });
    return box;
}

QMessageBox *confirmRunAgain(QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Question, QObject::tr("Run Again?"),
                                QObject::tr("The same code is still on its way to the server."), QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirmRunAgain"));
    box->setInformativeText(QObject::tr("The server has not acknowledged the first run yet (it may be slow). Running "
                                        "the code again sends a second statement, and both will run."));
    QPushButton *again = box->addButton(QObject::tr("Run Again"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(again, &QPushButton::clicked, box, [box] { Q_EMIT box->accepted(); });
    return box;
}

QMessageBox *about(QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Information, QStringLiteral("About LivyDesk"),
                                QStringLiteral("<b>LivyDesk %1</b>").arg(QStringLiteral(LIVYDESK_VERSION)),
                                QMessageBox::Close, parent);
    box->setInformativeText(QStringLiteral("A native desktop client for Apache Livy.\n\nQt %1 · syntax highlighting: %2")
                                .arg(QString::fromLatin1(qVersion()), CodeHighlighter::defaultBackendName()));
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

} // namespace LivyDesk::Prompts
