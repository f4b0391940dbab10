// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonoutputview.h"

#include "largetextview.h"
#include "outputstyle.h"
#include "textoutputview.h"

#include "results/jsontreemodel.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {

/// Colours values by their JSON type (strings, numbers, keywords), from the palette.
class JsonValueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != Livy::JsonTreeModel::ValueColumn)
            return;
        QColor color;
        switch (QJsonValue::Type(index.data(Livy::JsonTreeModel::JsonTypeRole).toInt())) {
        case QJsonValue::String: color = OutputStyle::jsonString(option->palette); break;
        case QJsonValue::Double: color = OutputStyle::jsonNumber(option->palette); break;
        case QJsonValue::Bool:
        case QJsonValue::Null: color = OutputStyle::jsonKeyword(option->palette); break;
        default: color = OutputStyle::mutedText(option->palette); break;
        }
        option->palette.setColor(QPalette::Text, color);
        if (index.data(Livy::JsonTreeModel::JsonTypeRole).toInt() == QJsonValue::Array
            || index.data(Livy::JsonTreeModel::JsonTypeRole).toInt() == QJsonValue::Object)
            option->font.setItalic(true);
    }
};

qsizetype countNodes(const QJsonValue &value, qsizetype limit)
{
    qsizetype n = 1;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &v : array) {
            n += countNodes(v, limit - n);
            if (n >= limit)
                return n;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end() && n < limit; ++it)
            n += countNodes(it.value(), limit - n);
    }
    return n;
}

constexpr qsizetype ExpandAllLimit = 5000;

} // namespace

JsonOutputView::JsonOutputView(QWidget *parent)
    : QWidget(parent)
{
    m_model = new Livy::JsonTreeModel(this);
    m_tree = new QTreeView(this);
    m_tree->setModel(m_model);
    m_tree->setAccessibleName(tr("JSON tree"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setItemDelegate(new JsonValueDelegate(m_tree));
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(Livy::JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->setTextElideMode(Qt::ElideMiddle);

    m_raw = new TextOutputView(this);
    m_raw->setSaveHint(QStringLiteral("output"), QStringLiteral("json"));
    m_raw->textView()->setAccessibleName(tr("Raw JSON"));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_raw);

    m_treeButton = OutputStyle::toolButton(tr("Tree"), tr("Show the JSON as a collapsible tree"), this);
    m_rawButton = OutputStyle::toolButton(tr("Raw"), OutputStyle::withShortcut(tr("Show the raw JSON text"), QKeySequence(Qt::CTRL | Qt::Key_R)), this);
    m_treeButton->setCheckable(true);
    m_rawButton->setCheckable(true);
    m_treeButton->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_treeButton);
    group->addButton(m_rawButton);
    auto *expand = OutputStyle::toolButton(tr("Expand all"), tr("Expand every node (the first levels of big documents)"), this);
    auto *collapse = OutputStyle::toolButton(tr("Collapse all"), tr("Collapse every node"), this);
    auto *copy = OutputStyle::toolButton(tr("Copy"), OutputStyle::withShortcut(tr("Copy the selected node as JSON"), QKeySequence::Copy), this);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_treeButton);
    bar->addWidget(m_rawButton);
    bar->addSpacing(12);
    bar->addWidget(expand);
    bar->addWidget(collapse);
    bar->addStretch(1);
    bar->addWidget(copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_treeButton, &QToolButton::clicked, this, &JsonOutputView::showTree);
    connect(m_rawButton, &QToolButton::clicked, this, &JsonOutputView::showRaw);
    connect(expand, &QToolButton::clicked, this, &JsonOutputView::expandAll);
    connect(collapse, &QToolButton::clicked, this, &JsonOutputView::collapseAll);
    connect(copy, &QToolButton::clicked, this, &JsonOutputView::copySelection);
    connect(m_raw, &TextOutputView::statusMessage, this, &JsonOutputView::statusMessage);
    connect(OutputStyle::shortcutAction(this, QKeySequence(Qt::CTRL | Qt::Key_R)), &QAction::triggered, this, [this] {
        isRawShown() ? showTree() : showRaw();
    });
    // Ctrl+C on the tree copies the node; in the raw view the text view handles it itself.
    auto *copyAction = new QAction(m_tree);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_tree->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &JsonOutputView::copySelection);
    connect(OutputStyle::shortcutAction(m_tree, QKeySequence::Save), &QAction::triggered, m_raw, &TextOutputView::saveAs);
    // Find works on the raw text: Ctrl+F in the tree switches to it.
    connect(OutputStyle::shortcutAction(m_tree, QKeySequence::Find), &QAction::triggered, this, [this] {
        showRaw();
        m_raw->findField()->setFocus(Qt::ShortcutFocusReason);
    });
    setFocusProxy(m_tree);
}

void JsonOutputView::setJson(const QJsonValue &value, std::shared_ptr<const Livy::IndexedText> raw)
{
    m_model->setJson(value);
    m_raw->setText(std::move(raw));
    m_nodeCount = countNodes(value, ExpandAllLimit + 1);
    // Open the first level, or everything when it is small.
    if (m_nodeCount <= 200)
        m_tree->expandAll();
    else if (m_model->rowCount() <= 50)
        m_tree->expandToDepth(0);
    m_tree->resizeColumnToContents(Livy::JsonTreeModel::KeyColumn);
    m_tree->resizeColumnToContents(Livy::JsonTreeModel::TypeColumn);
    m_tree->setColumnWidth(Livy::JsonTreeModel::KeyColumn,
                           std::clamp(m_tree->columnWidth(Livy::JsonTreeModel::KeyColumn) + 24, 120, 360));
}

void JsonOutputView::showTree()
{
    m_treeButton->setChecked(true);
    m_stack->setCurrentWidget(m_tree);
    setFocusProxy(m_tree);
}

void JsonOutputView::showRaw()
{
    m_rawButton->setChecked(true);
    m_stack->setCurrentWidget(m_raw);
    setFocusProxy(m_raw);
}

bool JsonOutputView::isRawShown() const
{
    return m_stack->currentWidget() == m_raw;
}

void JsonOutputView::expandAll()
{
    if (m_nodeCount <= ExpandAllLimit)
        m_tree->expandAll();
    else
        m_tree->expandToDepth(2);
}

void JsonOutputView::collapseAll()
{
    m_tree->collapseAll();
}

QString JsonOutputView::selectedJson() const
{
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid() && m_tree->selectionModel()->isSelected(current.siblingAtColumn(0)))
        return current.siblingAtColumn(0).data(Livy::JsonTreeModel::CompactJsonRole).toString();
    return m_raw->textView()->text()->text();
}

void JsonOutputView::copySelection()
{
    QApplication::clipboard()->setText(selectedJson());
    Q_EMIT statusMessage(tr("Copied JSON to the clipboard"));
}

} // namespace LivyDesk
