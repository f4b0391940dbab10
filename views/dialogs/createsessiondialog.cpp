// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "createsessiondialog.h"

#include "confeditor.h"
#include "editor/codelanguage.h"
#include "panels/messagebanner.h"
#include "requestbodyeditor.h"
#include "profiles/sessionpresetstore.h"
#include "sessionrequestrules.h"
#include "stringlisteditor.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace LivyDesk {

namespace Rules = SessionRequestRules;

namespace {

enum Tab { SessionTab, ResourcesTab, FilesTab, ConfTab };

struct FieldInfo
{
    const char *key;
    const char *label;
    Tab tab;
};

constexpr FieldInfo fields[] = {
    { "kind", "Kind", SessionTab },
    { "name", "Name", SessionTab },
    { "proxyUser", "Proxy user", SessionTab },
    { "queue", "Queue", SessionTab },
    { "heartbeatTimeoutInSecond", "Heartbeat timeout", SessionTab },
    { "ttl", "TTL", SessionTab },
    { "idleTimeout", "Idle timeout", SessionTab },
    { "driverMemory", "Driver memory", ResourcesTab },
    { "driverCores", "Driver cores", ResourcesTab },
    { "executorMemory", "Executor memory", ResourcesTab },
    { "executorCores", "Executor cores", ResourcesTab },
    { "numExecutors", "Executors", ResourcesTab },
    { "jars", "Jars", FilesTab },
    { "pyFiles", "Python files", FilesTab },
    { "files", "Files", FilesTab },
    { "archives", "Archives", FilesTab },
    { "conf", "Spark conf", ConfTab },
};

const FieldInfo *fieldInfo(const QString &key)
{
    for (const FieldInfo &f : fields)
        if (key == QLatin1String(f.key))
            return &f;
    return nullptr;
}

QString labelOf(const QString &key)
{
    const FieldInfo *f = fieldInfo(key);
    return f ? QString::fromLatin1(f->label) : key;
}

QSpinBox *makeSpin(const char *objectName, int max, const QString &special, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QLatin1String(objectName));
    spin->setRange(0, max);
    spin->setSpecialValueText(special);
    spin->setAccessibleName(labelOf(QLatin1String(objectName)));
    spin->setMinimumWidth(110);
    return spin;
}

QLineEdit *makeEdit(const char *objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(objectName));
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(labelOf(QLatin1String(objectName)));
    edit->setClearButtonEnabled(true);
    return edit;
}

QString compact(const QString &text)
{
    QString t = text.trimmed();
    t.remove(QLatin1Char(' '));
    return t;
}

} // namespace

CreateSessionDialog::CreateSessionDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(QStringLiteral("New Livy Session"));
    setObjectName(QStringLiteral("CreateSessionDialog"));
    setAccessibleName(QStringLiteral("New Livy session"));
    resize(940, 620);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("serverError"));

    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(QStringLiteral("Session settings"));
    m_tabs->addTab(buildSessionTab(), QStringLiteral("&Session"));
    m_tabs->addTab(buildResourcesTab(), QStringLiteral("&Resources"));
    m_tabs->addTab(buildFilesTab(), QStringLiteral("&Files"));
    m_tabs->addTab(buildConfTab(), QStringLiteral("Spark &conf"));

    auto *previewBox = new QGroupBox(QStringLiteral("Request body (POST /sessions)"), this);
    // The same JSON view the recreate dialog edits; here it follows the form, read-only.
    m_preview = new RequestBodyEditor(previewBox);
    auto *tagNote = new QLabel(QStringLiteral("LivyDesk adds <tt>spark.livydesk.sessionTag</tt> (a random tag) to "
                                              "<tt>conf</tt>, so that drafts and history stay with this session even "
                                              "if the server later gives its id to another one."),
                               previewBox);
    tagNote->setObjectName(QStringLiteral("tagNote"));
    tagNote->setWordWrap(true);
    tagNote->setForegroundRole(QPalette::PlaceholderText);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addWidget(tagNote);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tabs);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 520, 400 });

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("C&reate"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(QStringLiteral("Create session"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateSessionDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_buttons);

    // Say so when the fields come from the last session created, rather than carrying them over silently.
    m_carried = new QWidget(this);
    m_carried->setObjectName(QStringLiteral("carriedOver"));
    m_carriedText = new QLabel(m_carried);
    m_carriedText->setWordWrap(true);
    auto *startEmpty = new QPushButton(QStringLiteral("Start from empty"), m_carried);
    startEmpty->setObjectName(QStringLiteral("startEmpty"));
    auto *carriedLayout = new QHBoxLayout(m_carried);
    carriedLayout->setContentsMargins(0, 0, 0, 0);
    carriedLayout->addWidget(m_carriedText, 1);
    carriedLayout->addWidget(startEmpty);
    m_carried->hide();
    connect(startEmpty, &QPushButton::clicked, this, [this] {
        const QString keepName = m_name->text();
        Livy::CreateSessionRequest empty;
        empty.kind = QStringLiteral("pyspark");
        setRequest(empty);
        m_name->setText(keepName);
        m_carried->hide();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_carried);
    layout->addWidget(buildPresetRow());
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    if (const auto last = SessionPresetStore().lastUsed()) {
        setRequest(*last);
        QStringList what;
        if (last->kind)
            what.append(*last->kind);
        if (last->driverMemory || last->executorMemory || last->driverCores || last->executorCores || last->numExecutors)
            what.append(QStringLiteral("resources"));
        if (last->conf && !last->conf->isEmpty())
            what.append(tr("%n conf entries", nullptr, int(last->conf->size())));
        for (const auto *list : { &last->jars, &last->pyFiles, &last->files, &last->archives })
            if (*list && !(*list)->isEmpty()) {
                what.append(QStringLiteral("files"));
                break;
            }
        if (last->queue || last->proxyUser || last->ttl || last->idleTimeout || last->heartbeatTimeoutInSecond)
            what.append(QStringLiteral("other settings"));
        m_carriedText->setText(QStringLiteral("Filled in from the last session you created (%1).").arg(what.join(QStringLiteral(", "))));
        m_carried->show();
    }
    setServerVersion(QString());
    revalidate();
    m_kind->setFocus();
}

CreateSessionDialog::~CreateSessionDialog() = default;

void CreateSessionDialog::addField(QFormLayout *form, const QString &label, QWidget *field, const QString &key)
{
    form->addRow(label, withMessage(field, key));
    const auto edited = [this, key] {
        m_serverHints.remove(key);
        revalidate();
    };
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        connect(edit, &QLineEdit::textChanged, this, edited);
    else if (auto *spin = qobject_cast<QSpinBox *>(field))
        connect(spin, &QSpinBox::valueChanged, this, edited);
    else if (auto *combo = qobject_cast<QComboBox *>(field))
        connect(combo, &QComboBox::currentIndexChanged, this, edited);
}

void CreateSessionDialog::addNote(QFormLayout *form, const QString &text)
{
    auto *note = new QLabel(text, form->parentWidget());
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(note);
}

QWidget *CreateSessionDialog::withMessage(QWidget *field, const QString &key)
{
    auto *box = new QWidget(this);
    auto *label = new QLabel(box);
    label->setWordWrap(true);
    label->setVisible(false);
    label->setObjectName(key + QStringLiteral("Message"));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(label);
    box->setFocusProxy(field);
    m_messages.insert(key, label);
    return box;
}

void CreateSessionDialog::setMessage(const QString &key, const QString &text, MessageLevel level)
{
    QLabel *label = m_messages.value(key);
    if (!label)
        return;
    label->setVisible(!text.isEmpty());
    label->setText(text);
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    QPalette pal = palette();
    switch (level) {
    case MessageLevel::Error:
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
        break;
    case MessageLevel::Warning:
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xd0, 0x7a) : QColor(0x80, 0x55, 0x00));
        break;
    case MessageLevel::Info:
        pal.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        break;
    }
    label->setPalette(pal);
}

QWidget *CreateSessionDialog::buildPresetRow()
{
    auto *row = new QWidget(this);
    m_presets = new QComboBox(row);
    m_presets->setObjectName(QStringLiteral("presets"));
    m_presets->setEditable(true);
    m_presets->setInsertPolicy(QComboBox::NoInsert);
    m_presets->setMinimumContentsLength(24);
    m_presets->lineEdit()->setPlaceholderText(QStringLiteral("Type a name to save these settings"));
    m_presets->setAccessibleName(QStringLiteral("Preset"));
    auto *label = new QLabel(QStringLiteral("&Preset:"), row);
    label->setBuddy(m_presets);
    m_savePreset = new QPushButton(QStringLiteral("Save Preset"), row);
    m_deletePreset = new QPushButton(QStringLiteral("Delete Preset"), row);
    m_savePreset->setAutoDefault(false);
    m_deletePreset->setAutoDefault(false);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_presets, 1);
    layout->addWidget(m_savePreset);
    layout->addWidget(m_deletePreset);

    connect(m_presets, &QComboBox::activated, this, [this](int index) { loadPreset(m_presets->itemText(index)); });
    connect(m_presets, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        const bool exists = SessionPresetStore().contains(text.trimmed());
        m_savePreset->setText(exists ? QStringLiteral("Update Preset") : QStringLiteral("Save Preset"));
        m_savePreset->setEnabled(!text.trimmed().isEmpty());
        m_deletePreset->setEnabled(exists);
    });
    connect(m_savePreset, &QPushButton::clicked, this, [this] { savePreset(m_presets->currentText().trimmed()); });
    connect(m_deletePreset, &QPushButton::clicked, this, [this] {
        const QString name = m_presets->currentText().trimmed();
        auto *box = new QMessageBox(QMessageBox::Question, QStringLiteral("Delete Preset"),
                                    QStringLiteral("Delete the preset “%1”?").arg(name),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setDefaultButton(QMessageBox::Cancel);
        connect(box, &QMessageBox::finished, this, [this, name](int result) {
            if (result == QMessageBox::Yes)
                deletePreset(name);
        });
        box->open();
    });
    refreshPresets();
    return row;
}

void CreateSessionDialog::refreshPresets(const QString &select)
{
    const QSignalBlocker blocker(m_presets);
    m_presets->clear();
    m_presets->addItems(SessionPresetStore().names());
    m_presets->setCurrentIndex(-1);
    m_presets->setEditText(select);
    const bool exists = SessionPresetStore().contains(select);
    m_savePreset->setText(exists ? QStringLiteral("Update Preset") : QStringLiteral("Save Preset"));
    m_savePreset->setEnabled(!select.isEmpty());
    m_deletePreset->setEnabled(exists);
}

QWidget *CreateSessionDialog::buildSessionTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_kind = new QComboBox(page);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->setAccessibleName(QStringLiteral("Kind"));
    m_kind->addItem(QStringLiteral("Server default (shared)"), QString());
    for (const QString &kind : statementKinds())
        m_kind->addItem(kindDisplayName(kind), kind);
    m_kind->addItem(kindDisplayName(QStringLiteral("shared")), QStringLiteral("shared"));
    m_kind->setCurrentIndex(m_kind->findData(QStringLiteral("pyspark")));
    m_kind->setToolTip(QStringLiteral("The session's language; a shared session runs any language per statement"));

    m_name = makeEdit("name", QStringLiteral("optional, unique among live sessions"), page);
    m_proxyUser = makeEdit("proxyUser", QStringLiteral("run as this user (impersonation must be on)"), page);
    m_queue = makeEdit("queue", QStringLiteral("YARN queue"), page);
    m_heartbeat = makeSpin("heartbeatTimeoutInSecond", 7 * 24 * 3600, QStringLiteral("off"), page);
    m_heartbeat->setSuffix(QStringLiteral(" s"));
    m_heartbeat->setToolTip(QStringLiteral("Livy deletes the session when no request touched it for this long"));
    m_ttl = makeEdit("ttl", QStringLiteral("e.g. 8h (Livy 0.8+)"), page);
    m_idleTimeout = makeEdit("idleTimeout", QStringLiteral("e.g. 30m (Livy 0.9+)"), page);

    addField(form, QStringLiteral("&Kind:"), m_kind, QStringLiteral("kind"));
    addField(form, QStringLiteral("&Name:"), m_name, QStringLiteral("name"));
    addField(form, QStringLiteral("&Proxy user:"), m_proxyUser, QStringLiteral("proxyUser"));
    addField(form, QStringLiteral("&Queue:"), m_queue, QStringLiteral("queue"));
    addField(form, QStringLiteral("&Heartbeat timeout:"), m_heartbeat, QStringLiteral("heartbeatTimeoutInSecond"));
    addField(form, QStringLiteral("&TTL:"), m_ttl, QStringLiteral("ttl"));
    addField(form, QStringLiteral("&Idle timeout:"), m_idleTimeout, QStringLiteral("idleTimeout"));
    addNote(form, QStringLiteral("Empty fields are left out of the request, so the server's defaults apply. Times "
                                 "take a unit: us, ms, s, m, min, h or d."));
    return page;
}

QWidget *CreateSessionDialog::buildResourcesTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_driverMemory = makeEdit("driverMemory", QStringLiteral("e.g. 2g"), page);
    m_driverCores = makeSpin("driverCores", 1024, QStringLiteral("default"), page);
    m_executorMemory = makeEdit("executorMemory", QStringLiteral("e.g. 4g"), page);
    m_executorCores = makeSpin("executorCores", 1024, QStringLiteral("default"), page);
    m_numExecutors = makeSpin("numExecutors", 100000, QStringLiteral("default"), page);
    addField(form, QStringLiteral("&Driver memory:"), m_driverMemory, QStringLiteral("driverMemory"));
    addField(form, QStringLiteral("D&river cores:"), m_driverCores, QStringLiteral("driverCores"));
    addField(form, QStringLiteral("&Executor memory:"), m_executorMemory, QStringLiteral("executorMemory"));
    addField(form, QStringLiteral("E&xecutor cores:"), m_executorCores, QStringLiteral("executorCores"));
    addField(form, QStringLiteral("Exec&utors:"), m_numExecutors, QStringLiteral("numExecutors"));
    addNote(form, QStringLiteral("Memory takes a JVM size: a number and k, m, g or t (512m, 4g). \"default\" leaves "
                                 "the choice to the server."));
    return page;
}

QWidget *CreateSessionDialog::buildFilesTab()
{
    auto *page = new QWidget(this);
    auto *grid = new QGridLayout(page);
    const struct
    {
        StringListEditor **editor;
        const char *key;
        const char *title;
        int row, column;
    } lists[] = {
        { &m_jars, "jars", "&Jars", 0, 0 },
        { &m_pyFiles, "pyFiles", "P&ython files", 0, 1 },
        { &m_files, "files", "Fi&les", 2, 0 },
        { &m_archives, "archives", "&Archives", 2, 1 },
    };
    for (const auto &l : lists) {
        auto *editor = new StringListEditor(QString::fromLatin1(l.title), page);
        editor->setObjectName(QLatin1String(l.key));
        editor->setValidator(&Rules::resourcePathError);
        *l.editor = editor;
        const QString key = QLatin1String(l.key);
        grid->addWidget(editor, l.row, l.column);
        auto *message = new QLabel(page);
        message->setWordWrap(true);
        message->setVisible(false);
        m_messages.insert(key, message);
        grid->addWidget(message, l.row + 1, l.column);
        connect(editor, &StringListEditor::changed, this, [this, key] {
            m_serverHints.remove(key);
            revalidate();
        });
    }
    auto *note = new QLabel(QStringLiteral("Give URIs the cluster can read (hdfs:, s3a:, https:…) or absolute "
                                           "paths. Local paths must be under the server's "
                                           "livy.file.local-dir-whitelist."),
                            page);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(note, 4, 0, 1, 2);
    return page;
}

QWidget *CreateSessionDialog::buildConfTab()
{
    auto *page = new QWidget(this);
    m_conf = new ConfEditor(page);
    m_conf->setObjectName(QStringLiteral("conf"));
    m_confMessages = new QLabel(page);
    m_confMessages->setWordWrap(true);
    m_confMessages->setVisible(false);
    m_messages.insert(QStringLiteral("conf"), m_confMessages);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_conf, 1);
    layout->addWidget(m_confMessages);
    connect(m_conf, &ConfEditor::changed, this, [this] {
        m_serverHints.remove(QStringLiteral("conf"));
        revalidate();
    });
    return page;
}

void CreateSessionDialog::setServerVersion(const QString &version)
{
    m_serverVersion = version;
    const Rules::ServerVersion v = Rules::ServerVersion::parse(version);
    m_name->setEnabled(Rules::supportsName(v));
    m_ttl->setEnabled(Rules::supportsTtl(v));
    m_idleTimeout->setEnabled(Rules::supportsIdleTimeout(v));
    revalidate();
}

void CreateSessionDialog::setExistingSessionNames(const QStringList &names)
{
    m_existingNames = names;
    revalidate();
}

Livy::CreateSessionRequest CreateSessionDialog::request() const
{
    Livy::CreateSessionRequest r;
    auto text = [](const QLineEdit *edit) -> std::optional<QString> {
        const QString t = edit->text().trimmed();
        return (t.isEmpty() || !edit->isEnabled()) ? std::nullopt : std::optional<QString>(t);
    };
    auto squeezed = [](const QLineEdit *edit) -> std::optional<QString> {
        const QString t = compact(edit->text());
        return (t.isEmpty() || !edit->isEnabled()) ? std::nullopt : std::optional<QString>(t);
    };
    auto number = [](const QSpinBox *spin) -> std::optional<int> {
        return spin->value() > 0 ? std::optional<int>(spin->value()) : std::nullopt;
    };
    auto list = [](const StringListEditor *editor) -> std::optional<QStringList> {
        const QStringList items = editor->items();
        return items.isEmpty() ? std::nullopt : std::optional<QStringList>(items);
    };
    if (const QString kind = m_kind->currentData().toString(); !kind.isEmpty())
        r.kind = kind;
    if (m_name->isEnabled() && !m_name->text().isEmpty())
        r.name = m_name->text(); // not trimmed: the validator reports stray spaces instead of hiding them
    r.proxyUser = text(m_proxyUser);
    r.queue = text(m_queue);
    r.driverMemory = squeezed(m_driverMemory);
    r.executorMemory = squeezed(m_executorMemory);
    r.driverCores = number(m_driverCores);
    r.executorCores = number(m_executorCores);
    r.numExecutors = number(m_numExecutors);
    r.heartbeatTimeoutInSecond = number(m_heartbeat);
    r.ttl = squeezed(m_ttl);
    r.idleTimeout = squeezed(m_idleTimeout);
    r.jars = list(m_jars);
    r.pyFiles = list(m_pyFiles);
    r.files = list(m_files);
    r.archives = list(m_archives);
    if (const QMap<QString, QString> conf = m_conf->conf(); !conf.isEmpty())
        r.conf = conf;
    return r;
}

void CreateSessionDialog::setRequest(const Livy::CreateSessionRequest &r)
{
    m_loading = true;
    const int kindIndex = m_kind->findData(r.kind ? canonicalKind(*r.kind) : QString());
    m_kind->setCurrentIndex(kindIndex >= 0 ? kindIndex : 0);
    m_name->setText(r.name.value_or(QString()));
    m_proxyUser->setText(r.proxyUser.value_or(QString()));
    m_queue->setText(r.queue.value_or(QString()));
    m_driverMemory->setText(r.driverMemory.value_or(QString()));
    m_executorMemory->setText(r.executorMemory.value_or(QString()));
    m_driverCores->setValue(r.driverCores.value_or(0));
    m_executorCores->setValue(r.executorCores.value_or(0));
    m_numExecutors->setValue(r.numExecutors.value_or(0));
    m_heartbeat->setValue(r.heartbeatTimeoutInSecond.value_or(0));
    m_ttl->setText(r.ttl.value_or(QString()));
    m_idleTimeout->setText(r.idleTimeout.value_or(QString()));
    m_jars->setItems(r.jars.value_or(QStringList()));
    m_pyFiles->setItems(r.pyFiles.value_or(QStringList()));
    m_files->setItems(r.files.value_or(QStringList()));
    m_archives->setItems(r.archives.value_or(QStringList()));
    m_conf->setConf(r.conf.value_or(QMap<QString, QString>()));
    m_serverHints.clear();
    m_loading = false;
    revalidate();
}

QString CreateSessionDialog::previewText() const
{
    return QString::fromUtf8(QJsonDocument(request().toJson()).toJson(QJsonDocument::Indented));
}

QPushButton *CreateSessionDialog::createButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void CreateSessionDialog::revalidate()
{
    if (m_loading || !m_buttons)
        return;
    m_problems.clear();
    m_warnings.clear();
    QHash<QString, bool> fieldHasError;
    QHash<QString, bool> fieldHasWarning;
    auto report = [&](const QString &key, const QString &error, const QString &warning, const QString &info = {}) {
        const QString server = m_serverHints.value(key);
        if (!error.isEmpty()) {
            m_problems.append(labelOf(key) + QStringLiteral(": ") + error);
            fieldHasError[key] = true;
        } else if (!warning.isEmpty()) {
            m_warnings.append(labelOf(key) + QStringLiteral(": ") + warning);
            fieldHasWarning[key] = true;
        }
        if (!server.isEmpty())
            fieldHasError[key] = true;
        if (!error.isEmpty())
            setMessage(key, error, MessageLevel::Error);
        else if (!server.isEmpty())
            setMessage(key, QStringLiteral("Server: ") + server, MessageLevel::Error);
        else if (!warning.isEmpty())
            setMessage(key, warning, MessageLevel::Warning);
        else
            setMessage(key, info, MessageLevel::Info);
    };

    const Rules::ServerVersion version = Rules::ServerVersion::parse(m_serverVersion);
    const QString versionText = version.isValid() ? QStringLiteral("this server runs %1").arg(version.toString())
                                                  : QStringLiteral("the server's version is not known yet");

    const QString name = m_name->text();
    QString nameWarning;
    const QString nameInfo = m_name->isEnabled()
                                 ? QString()
                                 : QStringLiteral("Session names need Livy 0.6 or later (%1).").arg(versionText);
    if (m_name->isEnabled() && !name.isEmpty() && m_existingNames.contains(name))
        nameWarning = QStringLiteral("A session named “%1” already exists; Livy refuses a duplicate name while it "
                                     "is alive.")
                          .arg(name);
    report(QStringLiteral("name"), m_name->isEnabled() ? Rules::sessionNameError(name) : QString(), nameWarning,
           nameInfo);
    report(QStringLiteral("driverMemory"), Rules::memoryError(m_driverMemory->text()), {});
    report(QStringLiteral("executorMemory"), Rules::memoryError(m_executorMemory->text()), {});
    for (const auto &[edit, key, needs] :
         { std::tuple{ m_ttl, QStringLiteral("ttl"), QStringLiteral("0.8") },
           std::tuple{ m_idleTimeout, QStringLiteral("idleTimeout"), QStringLiteral("0.9") } }) {
        if (edit->isEnabled())
            report(key, Rules::timeStringError(edit->text()), Rules::timeStringHint(edit->text()));
        else
            report(key, {}, {}, QStringLiteral("Needs Livy %1 or later (%2).").arg(needs, versionText));
    }
    for (const auto &[editor, key] : { std::pair{ m_jars, QStringLiteral("jars") },
                                       std::pair{ m_pyFiles, QStringLiteral("pyFiles") },
                                       std::pair{ m_files, QStringLiteral("files") },
                                       std::pair{ m_archives, QStringLiteral("archives") } })
        report(key, editor->firstError(), {});
    for (const QString &key : { QStringLiteral("kind"), QStringLiteral("proxyUser"), QStringLiteral("queue"),
                                QStringLiteral("heartbeatTimeoutInSecond"), QStringLiteral("driverCores"),
                                QStringLiteral("executorCores"), QStringLiteral("numExecutors") })
        report(key, {}, {});

    // conf: overlaps with fields that are set, then the editor's own checks
    const Livy::CreateSessionRequest r = request();
    QMap<QString, QString> inUse;
    const QMap<QString, QString> covered = Rules::confKeysCoveredByFields();
    const QHash<QString, bool> set = {
        { QStringLiteral("spark.app.name"), r.name.has_value() },
        { QStringLiteral("spark.driver.memory"), r.driverMemory.has_value() },
        { QStringLiteral("spark.driver.cores"), r.driverCores.has_value() },
        { QStringLiteral("spark.executor.memory"), r.executorMemory.has_value() },
        { QStringLiteral("spark.executor.cores"), r.executorCores.has_value() },
        { QStringLiteral("spark.executor.instances"), r.numExecutors.has_value() },
        { QStringLiteral("spark.yarn.queue"), r.queue.has_value() },
        { QStringLiteral("spark.jars"), r.jars.has_value() },
        { QStringLiteral("spark.submit.pyFiles"), r.pyFiles.has_value() },
        { QStringLiteral("spark.files"), r.files.has_value() },
        { QStringLiteral("spark.yarn.dist.archives"), r.archives.has_value() },
    };
    for (auto it = covered.cbegin(); it != covered.cend(); ++it)
        if (set.value(it.key()))
            inUse.insert(it.key(), it.value());
    m_conf->setFieldsInUse(inUse);
    const QStringList confErrors = m_conf->errors();
    const QStringList confWarnings = m_conf->warnings();
    for (const QString &e : confErrors)
        m_problems.append(labelOf(QStringLiteral("conf")) + QStringLiteral(": ") + e);
    for (const QString &w : confWarnings)
        m_warnings.append(labelOf(QStringLiteral("conf")) + QStringLiteral(": ") + w);
    const QString confServer = m_serverHints.value(QStringLiteral("conf"));
    QStringList confLines = confErrors + confWarnings;
    if (!confServer.isEmpty())
        confLines.prepend(QStringLiteral("Server: ") + confServer);
    setMessage(QStringLiteral("conf"), confLines.join(QLatin1Char('\n')),
               !confErrors.isEmpty() || !confServer.isEmpty() ? MessageLevel::Error : MessageLevel::Warning);
    fieldHasError[QStringLiteral("conf")] = !confErrors.isEmpty() || !confServer.isEmpty();
    fieldHasWarning[QStringLiteral("conf")] = !confWarnings.isEmpty();

    // tab icons: errors win over warnings
    for (int tab = SessionTab; tab <= ConfTab; ++tab) {
        bool error = false;
        bool warning = false;
        for (const FieldInfo &f : fields) {
            if (f.tab != tab)
                continue;
            error = error || fieldHasError.value(QLatin1String(f.key));
            warning = warning || fieldHasWarning.value(QLatin1String(f.key));
        }
        m_tabs->setTabIcon(tab, error     ? style()->standardIcon(QStyle::SP_MessageBoxCritical)
                                : warning ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                          : QIcon());
    }

    if (!m_problems.isEmpty()) {
        m_summary->setText(m_problems.size() == 1 ? QStringLiteral("Fix this first — %1").arg(m_problems.first())
                                                  : QStringLiteral("%1 problems to fix — %2")
                                                        .arg(m_problems.size())
                                                        .arg(m_problems.first()));
    } else if (!m_warnings.isEmpty()) {
        m_summary->setText(m_warnings.size() == 1 ? QStringLiteral("Note — %1").arg(m_warnings.first())
                                                  : QStringLiteral("%1 notes — %2")
                                                        .arg(m_warnings.size())
                                                        .arg(m_warnings.first()));
    } else {
        m_summary->clear();
    }
    m_summary->setToolTip((m_problems + m_warnings).join(QLatin1Char('\n')));
    createButton()->setEnabled(m_problems.isEmpty() && !m_creating);
    m_preview->setText(previewText());
}

void CreateSessionDialog::submit()
{
    revalidate();
    if (!isValid() || m_creating)
        return;
    m_banner->clear();
    setCreating(true);
    const Livy::CreateSessionRequest r = request();
    SessionPresetStore().setLastUsed(r);
    Q_EMIT createRequested(r);
}

void CreateSessionDialog::setCreating(bool creating)
{
    m_creating = creating;
    createButton()->setText(creating ? QStringLiteral("Creating…") : QStringLiteral("C&reate"));
    createButton()->setEnabled(!creating && m_problems.isEmpty());
    if (creating)
        m_banner->showMessage(MessageBanner::Severity::Information,
                              QStringLiteral("Asking the server to create the session…"));
}

void CreateSessionDialog::showServerError(const Livy::LivyError &error)
{
    setCreating(false);
    m_banner->showMessage(MessageBanner::Severity::Error,
                          QStringLiteral("The server did not create the session: %1").arg(error.message()),
                          MessageBanner::detailsFor(error));
    const QString said = error.serverText().isEmpty() ? error.message() : error.serverText();
    QString key;
    if (said.contains(QLatin1String("session name"), Qt::CaseInsensitive))
        key = QStringLiteral("name");
    else if (said.contains(QLatin1String("Blacklisted configuration")))
        key = QStringLiteral("conf");
    else if (said.contains(QLatin1String("impersonate")))
        key = QStringLiteral("proxyUser");
    else if (said.contains(QLatin1String("Invalid kind")))
        key = QStringLiteral("kind");
    else if (said.contains(QLatin1String("time string")) || said.contains(QLatin1String("Invalid suffix"))
             || said.contains(QLatin1String("Invalid value")))
        key = !m_idleTimeout->text().trimmed().isEmpty() && m_ttl->text().trimmed().isEmpty()
                  ? QStringLiteral("idleTimeout")
                  : QStringLiteral("ttl");
    else if (said.contains(QLatin1String("not absolute")) || said.contains(QLatin1String("cannot be added"))) {
        for (const auto &[editor, listKey] : { std::pair{ m_jars, QStringLiteral("jars") },
                                               std::pair{ m_pyFiles, QStringLiteral("pyFiles") },
                                               std::pair{ m_files, QStringLiteral("files") },
                                               std::pair{ m_archives, QStringLiteral("archives") } }) {
            const QStringList items = editor->items();
            for (const QString &item : items)
                if (key.isEmpty() && said.contains(item))
                    key = listKey;
        }
    }
    if (!key.isEmpty()) {
        m_serverHints.insert(key, said);
        if (const FieldInfo *f = fieldInfo(key))
            m_tabs->setCurrentIndex(f->tab);
        if (QWidget *field = findChild<QWidget *>(key))
            field->setFocus(Qt::OtherFocusReason);
    }
    revalidate();
}

void CreateSessionDialog::loadPreset(const QString &name)
{
    const auto preset = SessionPresetStore().load(name);
    if (preset)
        m_carried->hide(); // the fields now come from the preset
    if (!preset)
        return;
    const QString keepName = m_name->text(); // presets carry no session name: keep the one typed
    Livy::CreateSessionRequest r = *preset;
    if (!keepName.isEmpty())
        r.name = keepName;
    setRequest(r);
    refreshPresets(name);
}

void CreateSessionDialog::savePreset(const QString &name)
{
    if (name.isEmpty())
        return;
    SessionPresetStore().save(name, request());
    refreshPresets(name);
    m_banner->showMessage(MessageBanner::Severity::Information,
                          QStringLiteral("Saved the preset “%1” (the session name is not part of presets).").arg(name));
}

void CreateSessionDialog::deletePreset(const QString &name)
{
    SessionPresetStore().remove(name);
    refreshPresets();
}

void CreateSessionDialog::done(int result)
{
    // What was typed is kept for next time, also when the dialog is cancelled.
    SessionPresetStore().setLastUsed(request());
    QDialog::done(result);
}

} // namespace LivyDesk
