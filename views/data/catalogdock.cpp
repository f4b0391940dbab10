// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogdock.h"

#include "data/catalogmodel.h"
#include "output/outputstyle.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace LivyDesk {

using Livy::CatalogModel;

namespace {

CatalogModel::NodeType typeOf(const QModelIndex &index)
{
    return CatalogModel::NodeType(index.siblingAtColumn(0).data(CatalogModel::NodeTypeRole).toInt());
}

/// Enter on a table previews it (QTreeView's Enter only expands).
class CatalogTree : public QTreeView
{
public:
    using QTreeView::QTreeView;
    std::function<void(const QModelIndex &)> onEnter;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid() && onEnter) {
            onEnter(currentIndex());
            event->accept();
            return;
        }
        QTreeView::keyPressEvent(event);
    }
};

} // namespace

CatalogDock::CatalogDock(QWidget *parent)
    : QDockWidget(tr("Catalog"), parent)
{
    setObjectName(QStringLiteral("CatalogDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    m_title = new QLabel(content);
    m_title->setAccessibleName(tr("Catalog session"));
    m_refresh = OutputStyle::toolButton(tr("Refresh"), tr("Load the databases and tables again (F5)"), content);
    m_query = OutputStyle::toolButton(tr("Query…"), tr("Open a Spark SQL query or a table as a paged table"), content);
    bar->addWidget(m_title, 1);
    bar->addWidget(m_query);
    bar->addWidget(m_refresh);
    layout->addLayout(bar);

    m_stack = new QStackedWidget(content);
    m_placeholder = new QLabel(tr("Open a session to browse its databases, tables and views."), m_stack);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    auto *tree = new CatalogTree(m_stack);
    tree->onEnter = [this](const QModelIndex &index) { activate(index); };
    m_tree = tree;
    m_tree->setAccessibleName(tr("Catalog tree"));
    m_tree->setAccessibleDescription(tr("Databases, tables, views and columns of the current session"));
    m_tree->setUniformRowHeights(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAlternatingRowColors(false);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_tree);
    layout->addWidget(m_stack, 1);

    m_status = new QLabel(content);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Catalog status"));
    m_status->hide();
    layout->addWidget(m_status);
    setWidget(content);

    connect(m_refresh, &QToolButton::clicked, this, [this] { Q_EMIT refreshRequested({}); });
    // F5 while the catalog has focus (not window-wide: other panels refresh other things).
    auto *refreshKey = new QAction(tr("Refresh Catalog"), this);
    refreshKey->setShortcut(QKeySequence(Qt::Key_F5));
    refreshKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refreshKey);
    connect(refreshKey, &QAction::triggered, this, [this] {
        if (m_model)
            Q_EMIT refreshRequested({});
    });
    connect(m_query, &QToolButton::clicked, this, &CatalogDock::queryRequested);
    connect(m_tree, &QTreeView::doubleClicked, this, &CatalogDock::activate);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &CatalogDock::showMenu);
    connect(this, &QDockWidget::visibilityChanged, this, &CatalogDock::visibilityChangedTo);
    setCatalog(nullptr, {});
}

void CatalogDock::setCatalog(QAbstractItemModel *model, const QString &title)
{
    if (m_model == model)
        return;
    m_model = model;
    m_tree->setModel(model);
    m_stack->setCurrentWidget(model ? static_cast<QWidget *>(m_tree) : m_placeholder);
    m_title->setText(model ? title : QString());
    m_refresh->setEnabled(model != nullptr);
    m_query->setEnabled(model != nullptr);
    if (model) {
        m_tree->header()->setStretchLastSection(false);
        m_tree->header()->setSectionResizeMode(CatalogModel::NameColumn, QHeaderView::Stretch);
        m_tree->header()->setSectionResizeMode(CatalogModel::TypeColumn, QHeaderView::ResizeToContents);
    }
    setStatusText({});
}

QString CatalogDock::statusText() const
{
    return m_status->isVisible() || !m_status->text().isEmpty() ? m_status->text() : QString();
}

void CatalogDock::setStatusText(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString CatalogDock::currentName() const
{
    const QModelIndex index = m_tree->currentIndex();
    const auto type = typeOf(index);
    if (!index.isValid() || (type != CatalogModel::NodeType::Table && type != CatalogModel::NodeType::Column))
        return {};
    return index.siblingAtColumn(0).data(CatalogModel::QualifiedNameRole).toString();
}

void CatalogDock::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QModelIndex first = index.siblingAtColumn(0);
    switch (typeOf(first)) {
    case CatalogModel::NodeType::Table:
        Q_EMIT previewRequested(first);
        break;
    case CatalogModel::NodeType::Column:
        Q_EMIT insertRequested(first.data(CatalogModel::QualifiedNameRole).toString());
        break;
    default:
        m_tree->setExpanded(first, !m_tree->isExpanded(first));
        break;
    }
}

void CatalogDock::showMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos).siblingAtColumn(0);
    QMenu menu(this);
    const auto type = typeOf(index);
    const QString name = index.data(CatalogModel::QualifiedNameRole).toString();
    if (index.isValid() && type == CatalogModel::NodeType::Table) {
        QAction *preview = menu.addAction(tr("Preview Rows"), this, [this, index] { Q_EMIT previewRequested(index); });
        preview->setShortcut(QKeySequence(Qt::Key_Return));
        menu.setDefaultAction(preview);
        menu.addAction(tr("Insert SELECT … LIMIT into Editor"), this, [this, index] { Q_EMIT snippetRequested(index); });
    }
    if (index.isValid() && (type == CatalogModel::NodeType::Table || type == CatalogModel::NodeType::Column)) {
        menu.addAction(tr("Insert Name into Editor"), this, [this, name] { Q_EMIT insertRequested(name); });
        menu.addAction(tr("Copy Name"), this, [name] { QApplication::clipboard()->setText(name); });
    }
    if (index.isValid() && type == CatalogModel::NodeType::Table)
        menu.addAction(tr("Show Definition…"), this, [this, index] { Q_EMIT definitionRequested(index); });
    if (index.isValid() && index.data(CatalogModel::IsErrorRole).toBool()) {
        const QString details = index.data(CatalogModel::DetailsRole).toString();
        menu.addAction(tr("Copy Error Details"), this, [details, index] {
            QApplication::clipboard()->setText(details.isEmpty() ? index.data().toString() : details);
        });
    }
    if (!menu.isEmpty())
        menu.addSeparator();
    const QModelIndex refreshIndex = type == CatalogModel::NodeType::Message ? index.parent() : index;
    menu.addAction(index.isValid() ? tr("Refresh This Level") : tr("Refresh"), this,
                   [this, refreshIndex] { Q_EMIT refreshRequested(refreshIndex); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace LivyDesk
