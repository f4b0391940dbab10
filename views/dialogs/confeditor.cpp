// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "confeditor.h"

#include "sessionrequestrules.h"

#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QRegularExpression>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {

/// Key cells get a line edit that completes common Spark keys (substring match: "memory" finds them all).
class KeyDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *edit = new QLineEdit(parent);
        edit->setAccessibleName(QStringLiteral("Configuration key"));
        auto *completer = new QCompleter(SessionRequestRules::commonSparkConfKeys(), edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        edit->setCompleter(completer);
        return edit;
    }
};

} // namespace

ConfEditor::ConfEditor(QWidget *parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({ QStringLiteral("Key"), QStringLiteral("Value") });
    m_table->setAccessibleName(QStringLiteral("Spark configuration"));
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setIconSize(QSize(16, 16));
    m_table->setItemDelegateForColumn(0, new KeyDelegate(m_table));
    m_table->installEventFilter(this);

    auto *label = new QLabel(QStringLiteral("Spark configuration (&conf)"), this);
    label->setBuddy(m_table);
    auto *add = new QToolButton(this);
    add->setText(QStringLiteral("Add"));
    add->setToolTip(QStringLiteral("Add a key (Insert); the key field completes common Spark keys"));
    add->setAccessibleName(QStringLiteral("Add configuration key"));
    m_removeButton = new QToolButton(this);
    m_removeButton->setText(QStringLiteral("Remove"));
    m_removeButton->setAccessibleName(QStringLiteral("Remove configuration keys"));
    m_removeButton->setToolTip(QStringLiteral("Remove the selected keys (Delete)"));
    m_removeButton->setEnabled(false);
    auto *pasteButton = new QToolButton(this);
    pasteButton->setText(QStringLiteral("Paste"));
    pasteButton->setAccessibleName(QStringLiteral("Paste configuration"));
    pasteButton->setToolTip(QStringLiteral("Add key=value lines from the clipboard (spark-defaults.conf format)"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(label, 1);
    buttons->addWidget(add);
    buttons->addWidget(m_removeButton);
    buttons->addWidget(pasteButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_table);

    connect(add, &QToolButton::clicked, this, [this] { addRow(); });
    connect(m_removeButton, &QToolButton::clicked, this, &ConfEditor::removeSelected);
    connect(pasteButton, &QToolButton::clicked, this, &ConfEditor::paste);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeButton->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (m_updating)
            return;
        revalidate();
        Q_EMIT changed();
    });
}

QMap<QString, QString> ConfEditor::conf() const
{
    QMap<QString, QString> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *k = m_table->item(row, 0);
        const QTableWidgetItem *v = m_table->item(row, 1);
        const QString key = k ? k->text().trimmed() : QString();
        if (!key.isEmpty())
            result.insert(key, v ? v->text() : QString());
    }
    return result;
}

void ConfEditor::setConf(const QMap<QString, QString> &conf)
{
    m_updating = true;
    m_table->setRowCount(0);
    for (auto it = conf.cbegin(); it != conf.cend(); ++it)
        addRow(it.key(), it.value());
    m_updating = false;
    revalidate();
    Q_EMIT changed();
}

void ConfEditor::setFieldsInUse(const QMap<QString, QString> &keyToFieldLabel)
{
    if (keyToFieldLabel == m_fieldsInUse)
        return;
    m_fieldsInUse = keyToFieldLabel;
    revalidate();
}

void ConfEditor::addRow(const QString &key, const QString &value)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(key));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
    m_updating = wasUpdating;
    if (!m_updating) {
        revalidate();
        Q_EMIT changed();
        if (key.isEmpty()) {
            m_table->setCurrentCell(row, 0);
            m_table->editItem(m_table->item(row, 0));
        }
    }
}

void ConfEditor::removeSelected()
{
    QList<int> rows;
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    for (const QTableWidgetItem *item : selected)
        if (!rows.contains(item->row()))
            rows.append(item->row());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    m_updating = true;
    for (const int row : rows)
        m_table->removeRow(row);
    m_updating = false;
    revalidate();
    Q_EMIT changed();
}

void ConfEditor::paste()
{
    addLines(QApplication::clipboard()->text());
}

void ConfEditor::addLines(const QString &text)
{
    static const QRegularExpression line(QStringLiteral("^\\s*([^\\s=:]+)\\s*(?:=|:|\\s)\\s*(.*?)\\s*$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    m_updating = true;
    bool added = false;
    for (const QString &raw : lines) {
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        const QRegularExpressionMatch m = line.match(trimmed);
        if (m.hasMatch())
            addRow(m.captured(1), m.captured(2));
        else
            addRow(trimmed, QString());
        added = true;
    }
    m_updating = false;
    if (added) {
        revalidate();
        Q_EMIT changed();
    }
}

void ConfEditor::revalidate()
{
    m_updating = true;
    m_errors.clear();
    m_warnings.clear();
    const bool dark = palette().color(QPalette::Base).lightnessF() < 0.5;
    const QColor errorColour = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    const QColor warningColour = dark ? QColor(0xff, 0xd0, 0x7a) : QColor(0x8a, 0x5a, 0x00);
    QHash<QString, int> seen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *keyItem = m_table->item(row, 0);
        const QTableWidgetItem *valueItem = m_table->item(row, 1);
        if (!keyItem)
            continue;
        const QString key = keyItem->text().trimmed();
        const QString value = valueItem ? valueItem->text() : QString();
        QString error;
        QString warning;
        if (key.isEmpty()) {
            if (!value.isEmpty())
                error = QStringLiteral("Row %1 has a value but no key.").arg(row + 1);
        } else if (key.contains(QRegularExpression(QStringLiteral("\\s")))) {
            error = QStringLiteral("The key '%1' contains spaces.").arg(key);
        } else if (seen.contains(key)) {
            error = QStringLiteral("The key '%1' appears twice.").arg(key);
        } else if (SessionRequestRules::isBlacklistedConfKey(key)) {
            warning = QStringLiteral("Livy refuses '%1' unless the server's spark-blacklist.conf allows it.").arg(key);
        } else if (m_fieldsInUse.contains(key)) {
            warning = QStringLiteral("'%1' is also set by the %2 field; the server uses one of them.")
                          .arg(key, m_fieldsInUse.value(key));
        }
        if (!key.isEmpty())
            seen.insert(key, row);
        if (!error.isEmpty())
            m_errors.append(error);
        if (!warning.isEmpty())
            m_warnings.append(warning);
        const QString tip = error.isEmpty() ? warning : error;
        keyItem->setToolTip(tip);
        if (!error.isEmpty()) {
            keyItem->setForeground(errorColour);
            keyItem->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        } else if (!warning.isEmpty()) {
            keyItem->setForeground(warningColour);
            keyItem->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
        } else {
            keyItem->setData(Qt::ForegroundRole, QVariant());
            keyItem->setIcon(QIcon());
        }
    }
    m_updating = false;
}

bool ConfEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Keys reach the table itself only when no cell editor is open (an editor is a child that takes them).
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Paste)) {
            paste();
            return true;
        }
        if (key->key() == Qt::Key_Delete) {
            removeSelected();
            return true;
        }
        if (key->key() == Qt::Key_Insert) {
            addRow();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace LivyDesk
