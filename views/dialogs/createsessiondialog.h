// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "livy/livyerror.h"
#include "livy/types.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace LivyDesk {

class ConfEditor;
class MessageBanner;
class RequestBodyEditor;
class StringListEditor;

/// Builds a `POST /sessions` request: every field Livy accepts, each with its own widget and inline validation,
/// a live preview of the JSON body (unset fields are left out), and named presets.
///
/// The dialog never talks to the server. Create emits createRequested() and keeps the dialog open; the caller
/// closes it (accept()) once the session exists, or hands a rejection to showServerError(), which shows it in
/// the dialog and keeps everything the user typed. Widgets carry object names equal to the JSON field names
/// (plus "preview", "presets", "serverError") for tests and accessibility tools.
class CreateSessionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CreateSessionDialog(QWidget *parent = nullptr);
    ~CreateSessionDialog() override;

    /// The server's version ("0.9.0-incubating"): ttl needs 0.8+, idleTimeout 0.9+, name 0.6+. Unknown versions
    /// do not get ttl and idleTimeout.
    void setServerVersion(const QString &version);
    /// Names of the server's sessions, to warn about a name that is taken.
    void setExistingSessionNames(const QStringList &names);

    /// The request as the form stands. Empty and default fields are unset.
    Livy::CreateSessionRequest request() const;
    /// Fills the form (presets, tests, "create like this one").
    void setRequest(const Livy::CreateSessionRequest &request);

    /// True when nothing blocks Create.
    bool isValid() const { return m_problems.isEmpty(); }
    /// Blocking problems, "Field: message".
    QStringList problems() const { return m_problems; }
    /// Non-blocking warnings, "Field: message".
    QStringList warnings() const { return m_warnings; }
    QString previewText() const;
    bool isCreating() const { return m_creating; }
    QPushButton *createButton() const;

public Q_SLOTS:
    /// Validates and emits createRequested(); the dialog stays open and waits for the caller.
    void submit();
    /// Shows a server rejection in the dialog (everything typed stays) and points at the field it is about.
    void showServerError(const Livy::LivyError &error);
    /// While true, Create is disabled and says so.
    void setCreating(bool creating);

    void loadPreset(const QString &name);
    void savePreset(const QString &name);
    void deletePreset(const QString &name);

Q_SIGNALS:
    void createRequested(const Livy::CreateSessionRequest &request);

protected:
    void done(int result) override;

private:
    QWidget *buildSessionTab();
    QWidget *buildResourcesTab();
    QWidget *buildFilesTab();
    QWidget *buildConfTab();
    QWidget *buildPresetRow();
    enum class MessageLevel { Info, Warning, Error };
    QWidget *withMessage(QWidget *field, const QString &key);
    /// A form row for one request field: the field with its message line; editing it drops the server's hint
    /// for that key and revalidates.
    void addField(QFormLayout *form, const QString &label, QWidget *field, const QString &key);
    /// A muted explanation under a form.
    static void addNote(QFormLayout *form, const QString &text);
    void setMessage(const QString &key, const QString &text, MessageLevel level);
    void revalidate();
    void refreshPresets(const QString &select = {});

    QTabWidget *m_tabs = nullptr;
    MessageBanner *m_banner = nullptr;
    QWidget *m_carried = nullptr;   ///< "Filled in from the last session you created" + Start from empty
    QLabel *m_carriedText = nullptr;
    QComboBox *m_presets = nullptr;
    QPushButton *m_savePreset = nullptr;
    QPushButton *m_deletePreset = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_proxyUser = nullptr;
    QLineEdit *m_queue = nullptr;
    QLineEdit *m_driverMemory = nullptr;
    QLineEdit *m_executorMemory = nullptr;
    QSpinBox *m_driverCores = nullptr;
    QSpinBox *m_executorCores = nullptr;
    QSpinBox *m_numExecutors = nullptr;
    QSpinBox *m_heartbeat = nullptr;
    QLineEdit *m_ttl = nullptr;
    QLineEdit *m_idleTimeout = nullptr;
    StringListEditor *m_jars = nullptr;
    StringListEditor *m_pyFiles = nullptr;
    StringListEditor *m_files = nullptr;
    StringListEditor *m_archives = nullptr;
    ConfEditor *m_conf = nullptr;
    QLabel *m_confMessages = nullptr;
    RequestBodyEditor *m_preview = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    QHash<QString, QLabel *> m_messages;      ///< field key -> its inline message
    QHash<QString, QString> m_serverHints;    ///< field key -> what the server said about it (until edited)
    QStringList m_existingNames;
    QString m_serverVersion;
    QStringList m_problems;
    QStringList m_warnings;
    bool m_creating = false;
    bool m_loading = false;
};

} // namespace LivyDesk
