// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// application/json output: a collapsible tree (Livy::JsonTreeModel), with the raw indented text one click away
// ("Raw", or Ctrl+R). Copy (Ctrl+C) copies the selected node as compact JSON; Ctrl+S saves the raw text.

#include "results/indexedtext.h"

#include <QJsonValue>
#include <QWidget>

#include <memory>

class QStackedWidget;
class QToolButton;
class QTreeView;

namespace Livy {
class JsonTreeModel;
}

namespace LivyDesk {

class TextOutputView;

class JsonOutputView : public QWidget
{
    Q_OBJECT
public:
    explicit JsonOutputView(QWidget *parent = nullptr);

    /// `raw` is the indented text of `value` (prepared off the GUI thread by Livy::OutputParser).
    void setJson(const QJsonValue &value, std::shared_ptr<const Livy::IndexedText> raw);

    void showTree();
    void showRaw();
    bool isRawShown() const;
    /// Expands everything for small documents, the first levels for big ones.
    void expandAll();
    void collapseAll();
    /// The selected node as compact JSON (the whole document when nothing is selected).
    QString selectedJson() const;
    void copySelection();

    QTreeView *treeView() const { return m_tree; }
    TextOutputView *rawView() const { return m_raw; }
    Livy::JsonTreeModel *model() const { return m_model; }

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    Livy::JsonTreeModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    TextOutputView *m_raw = nullptr;
    QStackedWidget *m_stack = nullptr;
    QToolButton *m_treeButton = nullptr;
    QToolButton *m_rawButton = nullptr;
    qsizetype m_nodeCount = 0;
};

} // namespace LivyDesk
