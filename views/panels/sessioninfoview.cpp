// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessioninfoview.h"

#include "editor/codelanguage.h"
#include "statestyle.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {
const QString unset = QStringLiteral("—");

QString orUnset(const QString &text)
{
    return text.isEmpty() ? unset : text;
}

QString orUnset(int value)
{
    return value > 0 ? QString::number(value) : unset;
}

QString linkFor(const QString &url, const QString &label)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (url.isEmpty())
        return unset;
    if (!parsed.isValid() || parsed.scheme().isEmpty())
        return url.toHtmlEscaped();
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), label.toHtmlEscaped());
}
} // namespace

SessionInfoView::SessionInfoView(QWidget *parent)
    : QScrollArea(parent)
{
    setAccessibleName(QStringLiteral("Session details"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(this);

    auto *identity = new QGroupBox(QStringLiteral("Session"), content);
    auto *identityForm = new QFormLayout(identity);
    addField(identityForm, QStringLiteral("id"), QStringLiteral("Id"));
    addField(identityForm, QStringLiteral("name"), QStringLiteral("Name"));
    addField(identityForm, QStringLiteral("kind"), QStringLiteral("Kind"));
    addField(identityForm, QStringLiteral("state"), QStringLiteral("State"));
    addField(identityForm, QStringLiteral("owner"), QStringLiteral("Owner"));
    addField(identityForm, QStringLiteral("proxyUser"), QStringLiteral("Proxy user"));
    addField(identityForm, QStringLiteral("appId"), QStringLiteral("Application"));

    auto *app = new QGroupBox(QStringLiteral("Application links"), content);
    auto *appForm = new QFormLayout(app);
    addField(appForm, QStringLiteral("sparkUiUrl"), QStringLiteral("Spark UI"));
    addField(appForm, QStringLiteral("driverLogUrl"), QStringLiteral("Driver log"));
    addField(appForm, QStringLiteral("executorLogUrls"), QStringLiteral("Executor logs"));

    auto *resources = new QGroupBox(QStringLiteral("Requested (echoed by Livy 0.8+)"), content);
    auto *resourcesForm = new QFormLayout(resources);
    const std::pair<const char *, const char *> requested[] = {
        { "driverMemory", "Driver memory" }, { "driverCores", "Driver cores" },
        { "executorMemory", "Executor memory" }, { "executorCores", "Executor cores" },
        { "numExecutors", "Executors" }, { "queue", "Queue" },
        { "heartbeatTimeoutInSecond", "Heartbeat timeout" }, { "ttl", "TTL" }, { "idleTimeout", "Idle timeout" },
        { "jars", "Jars" }, { "pyFiles", "Python files" }, { "files", "Files" }, { "archives", "Archives" },
    };
    for (const auto &[key, label] : requested)
        addField(resourcesForm, QLatin1String(key), QLatin1String(label));

    auto *confBox = new QGroupBox(QStringLiteral("Spark configuration (conf)"), content);
    m_conf = new QTableWidget(0, 2, confBox);
    m_conf->setAccessibleName(QStringLiteral("Session configuration"));
    m_conf->setHorizontalHeaderLabels({ QStringLiteral("Key"), QStringLiteral("Value") });
    m_conf->horizontalHeader()->setStretchLastSection(true);
    m_conf->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_conf->verticalHeader()->setVisible(false);
    m_conf->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conf->setAlternatingRowColors(true);
    m_conf->setMinimumHeight(90);
    m_confEmpty = new QLabel(QStringLiteral("No conf echoed (Livy before 0.8, or none set)."), confBox);
    m_confEmpty->setForegroundRole(QPalette::PlaceholderText);
    auto *confLayout = new QVBoxLayout(confBox);
    confLayout->addWidget(m_conf);
    confLayout->addWidget(m_confEmpty);

    auto *logBox = new QGroupBox(QStringLiteral("Last log lines"), content);
    m_log = new QPlainTextEdit(logBox);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setAccessibleName(QStringLiteral("Last log lines"));
    m_log->setMaximumHeight(160);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->addWidget(m_log);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(identity);
    left->addWidget(app);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(resources);
    right->addStretch(1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(columns);
    layout->addWidget(confBox);
    layout->addWidget(logBox);
    layout->addStretch(1);
    setWidget(content);
}

QLabel *SessionInfoView::addField(QFormLayout *form, const QString &key, const QString &label)
{
    auto *value = new QLabel(unset, this);
    value->setObjectName(QStringLiteral("field_") + key);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard
                                   | Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    value->setWordWrap(true);
    value->setAccessibleName(label);
    connect(value, &QLabel::linkActivated, this, [this](const QString &link) { Q_EMIT linkActivated(QUrl(link)); });
    form->addRow(label + QLatin1Char(':'), value);
    m_fields.insert(key, value);
    return value;
}

void SessionInfoView::setSession(const Livy::Session &s)
{
    auto set = [this](const QString &key, const QString &text, bool rich = false) {
        QLabel *label = m_fields.value(key);
        label->setTextFormat(rich ? Qt::RichText : Qt::PlainText);
        label->setText(text);
    };
    set(QStringLiteral("id"), s.id >= 0 ? QString::number(s.id) : unset);
    set(QStringLiteral("name"), orUnset(s.name));
    set(QStringLiteral("kind"), s.kind.isEmpty() ? unset : kindDisplayName(s.kind));
    set(QStringLiteral("state"), StateStyle::sessionStateLabel(s.state, s.stateName)
                                     + (s.stateName.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s.stateName)));
    set(QStringLiteral("owner"), orUnset(s.owner));
    set(QStringLiteral("proxyUser"), orUnset(s.proxyUser));
    set(QStringLiteral("appId"), orUnset(s.appId));
    set(QStringLiteral("sparkUiUrl"), linkFor(s.appInfo.value(QStringLiteral("sparkUiUrl")), QStringLiteral("Open the Spark UI")), true);
    set(QStringLiteral("driverLogUrl"), linkFor(s.appInfo.value(QStringLiteral("driverLogUrl")), QStringLiteral("Open the driver log")), true);
    set(QStringLiteral("executorLogUrls"), linkFor(s.appInfo.value(QStringLiteral("executorLogUrls")), QStringLiteral("Open the executor logs")), true);
    set(QStringLiteral("driverMemory"), orUnset(s.driverMemory));
    set(QStringLiteral("driverCores"), orUnset(s.driverCores));
    set(QStringLiteral("executorMemory"), orUnset(s.executorMemory));
    set(QStringLiteral("executorCores"), orUnset(s.executorCores));
    set(QStringLiteral("numExecutors"), orUnset(s.numExecutors));
    set(QStringLiteral("queue"), orUnset(s.queue));
    set(QStringLiteral("heartbeatTimeoutInSecond"),
        s.heartbeatTimeoutInSecond > 0 ? QStringLiteral("%1 s").arg(s.heartbeatTimeoutInSecond) : unset);
    set(QStringLiteral("ttl"), orUnset(s.ttl));
    set(QStringLiteral("idleTimeout"), orUnset(s.idleTimeout));
    set(QStringLiteral("jars"), orUnset(s.jars.join(QLatin1Char('\n'))));
    set(QStringLiteral("pyFiles"), orUnset(s.pyFiles.join(QLatin1Char('\n'))));
    set(QStringLiteral("files"), orUnset(s.files.join(QLatin1Char('\n'))));
    set(QStringLiteral("archives"), orUnset(s.archives.join(QLatin1Char('\n'))));

    m_conf->setRowCount(int(s.conf.size()));
    int row = 0;
    for (auto it = s.conf.cbegin(); it != s.conf.cend(); ++it, ++row) {
        m_conf->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_conf->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
    m_conf->setVisible(!s.conf.isEmpty());
    m_confEmpty->setVisible(s.conf.isEmpty());
    const QString log = s.log.join(QLatin1Char('\n'));
    if (m_log->toPlainText() != log)
        m_log->setPlainText(log);
}

QString SessionInfoView::fieldText(const QString &key) const
{
    const QLabel *label = m_fields.value(key);
    return label ? label->text() : QString();
}

} // namespace LivyDesk
