// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "historydock.h"

#include "editor/codeeditor.h"
#include "history/historyexport.h"
#include "history/historymodel.h"
#include "icons.h"
#include "output/outputview.h"
#include "output/outputstyle.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace LivyDesk {

using Livy::HistoryEntry;
using Livy::HistoryModel;

namespace {

QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAccessibleName(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setAutoRaise(true);
    return b;
}

QComboBox *filterBox(const QString &accessibleName, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setAccessibleName(accessibleName);
    box->setToolTip(accessibleName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    box->setMinimumContentsLength(6);
    return box;
}

/// Keeps the current choice (by data) when a combo box's items are replaced.
void refill(QComboBox *box, const QString &anyText, const QList<std::pair<QString, QVariant>> &items)
{
    const QVariant current = box->currentData();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(anyText, QVariant());
    for (const auto &[text, data] : items)
        box->addItem(text, data);
    const int index = current.isValid() ? box->findData(current) : 0;
    if (index >= 0) {
        box->setCurrentIndex(index);
    } else {
        // The chosen value has no entries any more: keep showing it rather than silently widening the filter.
        box->addItem(current.toString(), current);
        box->setCurrentIndex(box->count() - 1);
    }
}

/// "1 entry", "12 entries" (no English numerus translation is loaded, so %n alone would say "1 entries").
QString entries(qsizetype n)
{
    return n == 1 ? QObject::tr("1 entry") : QObject::tr("%L1 entries").arg(n);
}

QString entryTitle(const HistoryEntry &e)
{
    const QString where = e.session.name.isEmpty() ? QObject::tr("session %1").arg(e.session.id)
                                                   : QObject::tr("session %1 “%2”").arg(e.session.id).arg(e.session.name);
    const QString statement = e.statement.id >= 0 ? QObject::tr("Statement %1").arg(e.statement.id)
                                                  : QObject::tr("A run the server did not acknowledge");
    return QObject::tr("%1 of %2 on %3 · %4").arg(statement, where, e.session.server, e.kind);
}

/// The Statement column with a gear for entries that are part of their session's setup.
class SetupMarkDelegate : public QStyledItemDelegate
{
public:
    SetupMarkDelegate(const QSet<qint64> *setup, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_setup(setup)
    {
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(HistoryModel::InternalRole).toBool()) {
            option->font.setItalic(true);
            if (!(option->state & QStyle::State_Selected))
                option->palette.setColor(QPalette::Text, OutputStyle::mutedText(option->palette));
        }
        if (index.column() != HistoryModel::StatementColumn || !m_setup->contains(index.data(HistoryModel::RowIdRole).toLongLong()))
            return;
        option->icon = appIcon(AppIcon::Settings);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(12, 12);
    }

private:
    const QSet<qint64> *m_setup;
};

} // namespace

HistoryDock::HistoryDock(QWidget *parent)
    : QDockWidget(tr("History"), parent)
{
    setObjectName(QStringLiteral("historyDock"));
    setAccessibleName(tr("Statement history"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(content);
    m_search->setPlaceholderText(tr("Search code and output"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search history"));
    m_search->setMinimumWidth(160);
    filters->addWidget(m_search, 2);
    m_server = filterBox(tr("Server"), content);
    m_session = filterBox(tr("Session"), content);
    m_kind = filterBox(tr("Kind"), content);
    m_state = filterBox(tr("State"), content);
    m_date = filterBox(tr("Date"), content);
    m_date->addItem(tr("Any time"), 0);
    m_date->addItem(tr("Today"), 1);
    m_date->addItem(tr("Last 7 days"), 7);
    m_date->addItem(tr("Last 30 days"), 30);
    refill(m_server, tr("All servers"), {});
    refill(m_session, tr("All sessions"), {});
    refill(m_kind, tr("All kinds"), {});
    refill(m_state, tr("All states"), {});
    for (QComboBox *box : { m_server, m_session, m_kind, m_state, m_date })
        filters->addWidget(box, 1);
    layout->addLayout(filters);

    m_splitter = new QSplitter(Qt::Horizontal, content);
    m_view = new QTableView(m_splitter);
    m_view->setAccessibleName(tr("History entries"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *detail = new QWidget(m_splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_info = new QLabel(tr("Select an entry to see its code and output."), detail);
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLayout->addWidget(m_info);
    auto *codeAndOutput = new QSplitter(Qt::Vertical, detail);
    m_code = new CodeEditor(codeAndOutput);
    m_code->setReadOnly(true);
    m_code->setPlaceholderText(QString()); // not the editor's "write code here"
    m_code->setAccessibleName(tr("Code of the history entry"));
    auto *outputPane = new QWidget(codeAndOutput);
    auto *outputLayout = new QVBoxLayout(outputPane);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    outputLayout->setSpacing(2);
    m_spark = new QLabel(outputPane);
    m_spark->setObjectName(QStringLiteral("historySpark"));
    m_spark->setAccessibleName(tr("Spark jobs of the history entry"));
    m_spark->setWordWrap(true);
    m_spark->setTextFormat(Qt::PlainText);
    m_spark->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_spark->hide();
    outputLayout->addWidget(m_spark);
    m_output = new OutputView(outputPane);
    m_output->setAccessibleName(tr("Output of the history entry"));
    outputLayout->addWidget(m_output, 1);
    codeAndOutput->setStretchFactor(0, 1);
    codeAndOutput->setStretchFactor(1, 3);
    codeAndOutput->setSizes({ 100, 300 });
    detailLayout->addWidget(codeAndOutput, 1);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    auto *buttons = new QHBoxLayout;
    m_rerun = toolButton(tr("&Re-run"), tr("Run the selected entries' code again in the current session"), content);
    m_copy = toolButton(tr("&Copy"), tr("Copy the selected entries' code"), content);
    m_delete = toolButton(tr("&Delete…"), tr("Delete the selected entries from the history (Del)"), content);
    m_export = toolButton(tr("&Export…"), tr("Save the selected entries as a Jupyter notebook or a script"), content);
    m_rerun->setObjectName(QStringLiteral("historyRerun"));
    m_copy->setObjectName(QStringLiteral("historyCopy"));
    m_delete->setObjectName(QStringLiteral("historyDelete"));
    m_export->setObjectName(QStringLiteral("historyExport"));
    m_status = new QLabel(content);
    m_status->setAccessibleName(tr("History status"));
    for (QToolButton *b : { m_rerun, m_copy, m_delete, m_export })
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_status);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_rerun, &QToolButton::clicked, this, &HistoryDock::rerunSelected);
    connect(m_copy, &QToolButton::clicked, this, &HistoryDock::copySelected);
    connect(m_delete, &QToolButton::clicked, this, &HistoryDock::deleteSelected);
    connect(m_export, &QToolButton::clicked, this, &HistoryDock::exportSelectedInteractively);

    auto viewAction = [this](const QString &text, const QKeySequence &key, void (HistoryDock::*slot)()) {
        auto *a = new QAction(text, m_view);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        m_view->addAction(a);
        return a;
    };
    viewAction(tr("Re-run in Current Session"), QKeySequence(Qt::CTRL | Qt::Key_Return), &HistoryDock::rerunSelected);
    viewAction(tr("Copy Code"), QKeySequence::Copy, &HistoryDock::copySelected);
    viewAction(tr("Delete…"), QKeySequence::Delete, &HistoryDock::deleteSelected);
    viewAction(tr("Export…"), QKeySequence(), &HistoryDock::exportSelectedInteractively);
    // Setup statements run again when their session is recreated. Ctrl+Alt+S toggles, as in a session's statements.
    m_markSetup = new QAction(appIcon(AppIcon::Settings), tr("Mark as &Setup Statement"), m_view);
    m_markSetup->setObjectName(QStringLiteral("historyMarkSetup"));
    m_markSetup->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+S")));
    m_markSetup->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_unmarkSetup = new QAction(tr("Remove from Setup"), m_view);
    m_unmarkSetup->setObjectName(QStringLiteral("historyUnmarkSetup"));
    connect(m_markSetup, &QAction::triggered, this, [this] {
        QList<qint64> unmarked, marked;
        for (const qint64 id : selectedRowIds())
            (m_setupRowIds.contains(id) ? marked : unmarked).append(id);
        // One gesture for both ways: all marked -> unmark, else mark the rest.
        if (unmarked.isEmpty())
            Q_EMIT setupMarkRequested(marked, false);
        else
            Q_EMIT setupMarkRequested(unmarked, true);
    });
    connect(m_unmarkSetup, &QAction::triggered, this, [this] {
        QList<qint64> marked;
        for (const qint64 id : selectedRowIds())
            if (m_setupRowIds.contains(id))
                marked.append(id);
        if (!marked.isEmpty())
            Q_EMIT setupMarkRequested(marked, false);
    });
    m_view->addAction(m_markSetup);
    m_view->addAction(m_unmarkSetup);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, &HistoryDock::focusSearch);
    addAction(find);

    m_queryDelay.setSingleShot(true);
    m_queryDelay.setInterval(std::chrono::milliseconds(200));
    connect(&m_queryDelay, &QTimer::timeout, this, &HistoryDock::updateQuery);
    connect(m_search, &QLineEdit::textChanged, &m_queryDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &HistoryDock::updateQuery);
    for (QComboBox *box : { m_server, m_session, m_kind, m_state, m_date })
        connect(box, &QComboBox::currentIndexChanged, this, &HistoryDock::updateQuery);
    updateActions();
    m_output->showPlaceholder(OutputView::Placeholder::Empty, {}, -1, tr("Select an entry to see its output."));
}

void HistoryDock::setModel(HistoryModel *model)
{
    m_model = model;
    m_view->setModel(model);
    m_view->setItemDelegate(new SetupMarkDelegate(&m_setupRowIds, m_view)); // marks setup (its column) and LivyDesk's own
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(HistoryModel::CodeColumn, QHeaderView::Stretch);
    // Wide enough for typical values (the code column takes the rest).
    const QFontMetrics fm = m_view->fontMetrics();
    auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + fm.height(); };
    header->resizeSection(HistoryModel::WhenColumn, width(QStringLiteral("28 Dec 23:59:59")));
    header->resizeSection(HistoryModel::SessionColumn, width(QStringLiteral("city-trips (12)")));
    header->resizeSection(HistoryModel::StatementColumn, width(QStringLiteral("9999")) + 16); // and the setup gear
    header->resizeSection(HistoryModel::KindColumn, width(QStringLiteral("pyspark")));
    header->resizeSection(HistoryModel::StateColumn, width(QStringLiteral("available")));
    header->resizeSection(HistoryModel::DurationColumn, width(QStringLiteral("Duration")));
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        showCurrent();
    });
    connect(model, &HistoryModel::searchFinished, this, [this](int count) {
        m_status->setText(statusText());
        Q_UNUSED(count)
        if (m_model)
            m_model->requestFacets();
        // The shown entry changed (its result arrived): show it again.
        if (m_shown && m_model) {
            const int row = m_model->rowOf(m_shown->rowId);
            if (row >= 0 && m_model->entry(row).updated != m_shown->updated)
                m_model->loadEntry(m_shown->rowId);
        }
    });
    connect(model, &HistoryModel::facetsChanged, this, &HistoryDock::updateFacets);
    connect(model, &HistoryModel::entryLoaded, this, &HistoryDock::showEntry);
    connect(model, &HistoryModel::entriesLoaded, this, [this](const QList<HistoryEntry> &entries) {
        const QString path = std::exchange(m_pendingExport, QString());
        if (!path.isEmpty())
            writeExport(path, entries);
    });
    model->requestFacets();
    updateQuery();
}

void HistoryDock::setSetupRowIds(const QSet<qint64> &rowIds)
{
    m_setupRowIds = rowIds;
    m_view->viewport()->update();
    updateActions();
}

void HistoryDock::setCanRerun(bool can, const QString &why)
{
    m_canRerun = can;
    m_rerun->setToolTip(can ? tr("Run the selected entries' code again in the current session (Ctrl+Return)") : why);
    updateActions();
}

void HistoryDock::setUnavailable(const QString &reason)
{
    m_unavailable = reason;
    m_status->setText(statusText());
    m_info->setText(tr("The history is not available: %1").arg(reason));
}

QString HistoryDock::statusText() const
{
    if (!m_unavailable.isEmpty())
        return tr("History unavailable");
    if (!m_model)
        return {};
    const int n = m_model->rowCount();
    return n >= m_model->query().limit ? tr("newest %L1 entries").arg(n) : entries(n);
}

void HistoryDock::focusSearch()
{
    show();
    raise();
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void HistoryDock::updateQuery()
{
    m_queryDelay.stop();
    if (!m_model)
        return;
    Livy::HistoryQuery q;
    q.text = m_search->text();
    q.server = m_server->currentData().toString();
    const QVariant session = m_session->currentData();
    q.sessionId = session.isValid() ? session.toString().section(QLatin1Char(' '), -1).toInt() : -1;
    if (session.isValid() && q.server.isEmpty())
        q.server = session.toString().section(QLatin1Char(' '), 0, -2);
    q.kind = m_kind->currentData().toString();
    q.state = m_state->currentData().toString();
    const int days = m_date->currentData().toInt();
    if (days > 0)
        q.from = QDateTime(QDate::currentDate().addDays(1 - days), QTime(0, 0));
    m_model->setQuery(q);
}

void HistoryDock::updateFacets(const Livy::HistoryFacets &facets)
{
    QList<std::pair<QString, QVariant>> servers, sessions, kinds, states;
    for (const QString &s : facets.servers)
        servers.append({ s, QVariant(s) });
    for (const auto &[server, id] : facets.sessions)
        sessions.append({ facets.servers.size() > 1 ? tr("%1 on %2").arg(id).arg(server) : QString::number(id),
                          QVariant(QString(server + QLatin1Char(' ') + QString::number(id))) });
    for (const QString &k : facets.kinds)
        kinds.append({ k, QVariant(k) });
    for (const QString &s : facets.states)
        states.append({ s == QLatin1String("unsent") ? tr("not sent")
                                                      : s == QLatin1String("sending") ? tr("sent, no answer") : s,
                        QVariant(s) });
    refill(m_server, tr("All servers"), servers);
    refill(m_session, tr("All sessions"), sessions);
    refill(m_kind, tr("All kinds"), kinds);
    refill(m_state, tr("All states"), states);
}

QList<qint64> HistoryDock::selectedRowIds() const
{
    QList<qint64> ids;
    if (!m_view->selectionModel())
        return ids;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() > b.row(); });
    for (const QModelIndex &index : std::as_const(rows)) // oldest first: the order they ran in
        ids << index.data(HistoryModel::RowIdRole).toLongLong();
    return ids;
}

void HistoryDock::updateActions()
{
    const bool any = !selectedRowIds().isEmpty();
    m_rerun->setEnabled(any && m_canRerun);
    m_copy->setEnabled(any);
    m_delete->setEnabled(any);
    m_export->setEnabled(any);
    bool anyMarked = false;
    bool allMarked = any;
    for (const qint64 id : selectedRowIds()) {
        anyMarked = anyMarked || m_setupRowIds.contains(id);
        allMarked = allMarked && m_setupRowIds.contains(id);
    }
    if (m_markSetup) {
        m_markSetup->setEnabled(any);
        m_markSetup->setText(allMarked ? tr("Remove from &Setup") : tr("Mark as &Setup Statement"));
        m_unmarkSetup->setEnabled(anyMarked);
        m_unmarkSetup->setVisible(anyMarked && !allMarked);
    }
}

void HistoryDock::showCurrent()
{
    const QList<qint64> ids = selectedRowIds();
    if (ids.size() != 1 || !m_model) {
        m_shown.reset();
        m_loading = -1;
        m_code->setPlainText({});
        showSpark(std::nullopt);
        m_output->showPlaceholder(OutputView::Placeholder::Empty, {}, -1,
                                  ids.isEmpty() ? tr("Select an entry to see its output.")
                                                : tr("Select one entry to see its output."));
        m_info->setText(ids.isEmpty() ? tr("Select an entry to see its code and output.")
                                      : tr("%1 selected").arg(entries(ids.size())));
        return;
    }
    if (m_shown && m_shown->rowId == ids.first())
        return;
    m_loading = ids.first();
    m_model->loadEntry(m_loading);
}

void HistoryDock::showEntry(const HistoryEntry &e)
{
    if (e.rowId != m_loading && !(m_shown && m_shown->rowId == e.rowId))
        return;
    const bool sameOutput = m_shown && m_shown->rowId == e.rowId && m_shown->statement.output == e.statement.output;
    m_shown = e;
    m_code->setKind(e.kind);
    if (m_code->toPlainText() != e.statement.code)
        m_code->setPlainText(e.statement.code);
    QString info = entryTitle(e);
    if (e.statement.completed > 0)
        info += tr(" · completed %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.statement.completed),
                                                              QLocale::ShortFormat));
    if (!e.note.isEmpty())
        info += QLatin1Char('\n') + e.note;
    m_info->setText(info);
    showSpark(e.spark);
    if (sameOutput)
        return;
    if (e.statement.output) {
        m_output->setOutput(*e.statement.output);
    } else if (e.statement.stateName == QLatin1String("sending")) {
        m_output->showPlaceholder(OutputView::Placeholder::Empty,
                                  tr("LivyDesk sent this but recorded no answer; if the server ran it, it appears "
                                     "as a statement of that session once the session is open again."),
                                  -1, tr("No answer recorded"));
    } else if (e.statement.stateName == QLatin1String("unsent")) {
        m_output->showPlaceholder(OutputView::Placeholder::Empty, e.note, -1, tr("Not sent"));
    } else if (e.statement.state == Livy::StatementState::Cancelled) {
        m_output->showPlaceholder(OutputView::Placeholder::Cancelled);
    } else if (!Livy::isTerminal(e.statement.state)) {
        m_output->showPlaceholder(OutputView::Placeholder::Running,
                                  tr("Last seen %1 on the server; its output is stored when it arrives.")
                                      .arg(e.statement.stateName));
    } else {
        m_output->showPlaceholder(OutputView::Placeholder::Empty, tr("The server sent no output."));
    }
}

void HistoryDock::showSpark(const std::optional<Livy::SparkBreakdown> &breakdown)
{
    if (!breakdown || breakdown->isEmpty()) {
        m_spark->clear();
        m_spark->setToolTip(QString());
        m_spark->hide();
        return;
    }
    QString text = tr("Spark: %1").arg(breakdown->summary(breakdown->fetchedAt));
    QString tip;
    // The first failed task's error in one line (the whole message in the tooltip).
    for (const Livy::SparkStage &stage : breakdown->stages) {
        for (const Livy::SparkTaskFailure &failure : stage.failures) {
            const QString message = failure.errorMessage.trimmed();
            if (message.isEmpty())
                continue;
            QString line = failure.headline();
            if (line.size() > 300)
                line = line.left(300) + QStringLiteral("…");
            text += QLatin1Char('\n')
                    + tr("First failed task (stage %1, task %2): %3").arg(stage.stageId).arg(failure.index).arg(line);
            tip = message.left(4000);
            break;
        }
        if (!tip.isEmpty())
            break;
    }
    m_spark->setText(text);
    m_spark->setToolTip(tip);
    m_spark->show();
}

void HistoryDock::rerunSelected()
{
    if (!m_canRerun || !m_model)
        return;
    const QList<qint64> ids = selectedRowIds();
    for (qint64 id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0) {
            const HistoryEntry e = m_model->entry(row);
            Q_EMIT rerunRequested(e.statement.code, e.kind);
        }
    }
}

void HistoryDock::copySelected()
{
    if (!m_model)
        return;
    QStringList codes;
    for (qint64 id : selectedRowIds()) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            codes << m_model->entry(row).statement.code;
    }
    if (!codes.isEmpty())
        QApplication::clipboard()->setText(codes.join(QStringLiteral("\n\n")));
}

void HistoryDock::deleteSelected()
{
    const QList<qint64> ids = selectedRowIds();
    if (ids.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete from History"),
                                tr("Delete %1 from the local history? Their code and output cannot be restored. "
                                   "Nothing on the server changes.")
                                    .arg(entries(ids.size())),
                                QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, ids](QAbstractButton *button) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole && m_model)
            m_model->removeEntries(ids);
    });
    box->open();
}

void HistoryDock::deleteSelectedWithoutAsking()
{
    if (m_model)
        m_model->removeEntries(selectedRowIds());
}

void HistoryDock::exportSelectedInteractively()
{
    if (selectedRowIds().isEmpty())
        return;
    auto *dialog = new QFileDialog(this, tr("Export History"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({ tr("Jupyter notebook (*.ipynb)"), tr("Python script (*.py)"), tr("Scala script (*.scala)"),
                             tr("SQL script (*.sql)"), tr("R script (*.R)") });
    dialog->setDefaultSuffix(QStringLiteral("ipynb"));
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        dialog->setDefaultSuffix(filter.section(QStringLiteral("*."), 1).chopped(1));
    });
    connect(dialog, &QFileDialog::fileSelected, this, &HistoryDock::exportSelection);
    dialog->open();
}

void HistoryDock::exportSelection(const QString &path)
{
    if (!m_model || path.isEmpty())
        return;
    m_pendingExport = path;
    m_status->setText(tr("Exporting…"));
    m_model->loadEntries(selectedRowIds());
}

void HistoryDock::writeExport(const QString &path, const QList<HistoryEntry> &all)
{
    QByteArray bytes;
    QString note;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("ipynb")) {
        QString error;
        bytes = Livy::toNotebook(all, &error);
        if (bytes.isEmpty()) {
            m_status->setText(statusText());
            Q_EMIT exportFinished(false, tr("Could not make a notebook: %1").arg(error));
            return;
        }
    } else {
        const QString language = suffix == QLatin1String("py")      ? QStringLiteral("python")
                               : suffix == QLatin1String("r")       ? QStringLiteral("r")
                               : suffix == QLatin1String("sql")     ? QStringLiteral("sql")
                                                                    : QStringLiteral("scala");
        const auto groups = Livy::groupByLanguage(all);
        const QList<HistoryEntry> chosen = groups.value(language);
        if (chosen.size() < all.size())
            note = tr(" (%1 in other languages left out)").arg(entries(all.size() - chosen.size()));
        bytes = Livy::toScript(chosen, language).toUtf8();
    }
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    m_status->setText(statusText());
    Q_EMIT exportFinished(ok, ok ? tr("Exported %1 to %2").arg(entries(all.size()), path) + note
                                 : tr("Could not write %1: %2").arg(path, file.errorString()));
}

} // namespace LivyDesk
