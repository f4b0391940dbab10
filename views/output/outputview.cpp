// SPDX-FileCopyrightText: 2026 LivyDesk contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputview.h"

#include "chartoutputview.h"
#include "erroroutputview.h"
#include "imageoutputview.h"
#include "jsonoutputview.h"
#include "outputstyle.h"
#include "tableoutputview.h"
#include "textoutputview.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QStackedWidget>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>

namespace LivyDesk {

namespace {
/// A parse that ends sooner than this never shows the "Preparing…" placeholder (no flicker).
constexpr int PreparingDelayMs = 120;
} // namespace

OutputView::OutputView(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Statement output"));
    m_tabs = new QTabBar(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setDrawBase(true);
    m_tabs->setExpanding(false);
    m_tabs->setAccessibleName(tr("Output parts"));
    m_tabs->setFocusPolicy(Qt::TabFocus);
    m_tabs->hide();

    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setContentsMargins(6, 2, 6, 2);
    m_notes->setAccessibleName(tr("Output notes"));
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->hide();

    m_placeholder = new QWidget(this);
    m_placeholderTitle = new QLabel(m_placeholder);
    m_placeholderTitle->setAlignment(Qt::AlignCenter);
    m_placeholderTitle->setWordWrap(true);
    m_placeholderTitle->setAccessibleName(tr("Output status"));
    QFont titleFont = m_placeholderTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_placeholderTitle->setFont(titleFont);
    m_placeholderDetail = new QLabel(m_placeholder);
    m_placeholderDetail->setAlignment(Qt::AlignCenter);
    m_placeholderDetail->setWordWrap(true);
    m_placeholderDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(m_placeholder);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setMaximumWidth(320);
    m_progress->setTextVisible(true);
    auto *placeholderLayout = new QVBoxLayout(m_placeholder);
    placeholderLayout->addStretch(1);
    placeholderLayout->addWidget(m_placeholderTitle);
    placeholderLayout->addWidget(m_placeholderDetail);
    placeholderLayout->addWidget(m_progress, 0, Qt::AlignHCenter);
    placeholderLayout->addStretch(2);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_notes);
    layout->addWidget(m_stack, 1);

    m_preparingDelay = new QTimer(this);
    m_preparingDelay->setSingleShot(true);
    m_preparingDelay->setInterval(PreparingDelayMs);
    connect(m_preparingDelay, &QTimer::timeout, this, [this] {
        showPlaceholderPage(tr("Preparing the output…"), {}, 0, true);
    });
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        if (!m_updatingTabs)
            selectPage(index);
    });

    updateNotes();
    showPlaceholder(Placeholder::Empty);
}

OutputView::~OutputView()
{
    cancelParse();
}

void OutputView::cancelParse()
{
    m_parseTask.cancel();
    m_preparingDelay->stop();
}

void OutputView::setSqlRowCap(int rows)
{
    m_options.sqlRowCap = std::max(1, rows);
}

void OutputView::setOutput(const Livy::StatementOutput &output)
{
    cancelParse();
    const Livy::OutputParser::Options options = m_options;
    m_parseTask = Livy::BackgroundTask::run<Livy::ParsedOutput>(
        this,
        [output, options](const Livy::TaskContext &context) { return Livy::OutputParser::parse(output, options, &context); },
        [this](Livy::ParsedOutput parsed) { onParsed(std::move(parsed)); },
        [this](qint64 done, qint64 total) { onProgress(done, total); });
    m_preparingDelay->start();
}

void OutputView::onProgress(qint64 done, qint64 total)
{
    if (m_preparingDelay->isActive() || total <= 0)
        return; // still within the no-flicker delay
    showPlaceholderPage(tr("Preparing the output…"), {}, double(done) / double(total), false);
}

void OutputView::clear()
{
    showPlaceholder(Placeholder::Empty);
}

void OutputView::showPlaceholder(Placeholder placeholder, const QString &detail, double progress, const QString &title)
{
    cancelParse();
    resetPages();
    m_parsed = Livy::ParsedOutput();
    updateNotes();
    auto titleOr = [&title](const QString &standard) { return title.isEmpty() ? standard : title; };
    switch (placeholder) {
    case Placeholder::Empty:
        showPlaceholderPage(titleOr(tr("Run a statement to see its output here.")), detail, -1, false);
        break;
    case Placeholder::Waiting:
        showPlaceholderPage(titleOr(tr("Waiting for the session to run this statement…")), detail, -1, true);
        break;
    case Placeholder::Running:
        showPlaceholderPage(titleOr(tr("Running…")), detail, progress, progress < 0);
        break;
    case Placeholder::Cancelling:
        showPlaceholderPage(titleOr(tr("Cancelling…")), detail, -1, true);
        break;
    case Placeholder::Cancelled:
        showPlaceholderPage(titleOr(tr("The statement was cancelled.")), detail, -1, false);
        break;
    }
}

QString OutputView::placeholderDetail() const
{
    return m_stack->currentWidget() == m_placeholder ? m_placeholderDetail->text() : QString();
}

void OutputView::showPlaceholderPage(const QString &title, const QString &detail, double progress, bool busy)
{
    m_tabs->hide();
    m_placeholderTitle->setText(title);
    m_placeholderDetail->setText(detail);
    m_placeholderDetail->setVisible(!detail.isEmpty());
    if (busy) {
        m_progress->setRange(0, 0);
        m_progress->show();
    } else if (progress >= 0) {
        m_progress->setRange(0, 100);
        // Rounded like the statement list's percentage, so both say the same number at the same moment.
        m_progress->setValue(qRound(std::clamp(progress, 0.0, 1.0) * 100.0));
        m_progress->show();
    } else {
        m_progress->hide();
    }
    m_stack->setCurrentWidget(m_placeholder);
}

QString OutputView::placeholderText() const
{
    return m_stack->currentWidget() == m_placeholder ? m_placeholderTitle->text() : QString();
}

void OutputView::resetPages()
{
    for (Page &page : m_pages) {
        if (page.widget) {
            m_stack->removeWidget(page.widget);
            page.widget->deleteLater();
        }
    }
    m_pages.clear();
    m_updatingTabs = true;
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    m_updatingTabs = false;
    m_tabs->hide();
}

void OutputView::onParsed(Livy::ParsedOutput parsed)
{
    m_preparingDelay->stop();
    resetPages();
    m_parsed = std::move(parsed);

    if (m_parsed.isError) {
        m_pages.append(Page{PageKind::Error, -1, tr("Error"), nullptr});
    } else {
        for (int i = 0; i < m_parsed.parts.size(); ++i) {
            const Livy::OutputPart &part = m_parsed.parts[i];
            switch (part.kind) {
            case Livy::OutputPart::Kind::Table:
                m_pages.append(Page{PageKind::Table, i, part.title, nullptr});
                m_pages.append(Page{PageKind::Chart, i, tr("Chart"), nullptr});
                break;
            case Livy::OutputPart::Kind::Json:
                m_pages.append(Page{PageKind::Json, i, part.title, nullptr});
                break;
            case Livy::OutputPart::Kind::Image:
                m_pages.append(Page{PageKind::Image, i, part.title, nullptr});
                break;
            case Livy::OutputPart::Kind::Text:
            case Livy::OutputPart::Kind::Other:
                m_pages.append(Page{PageKind::Text, i, part.title, nullptr});
                break;
            }
        }
    }
    updateNotes();
    if (m_pages.isEmpty()) {
        showPlaceholderPage(tr("The statement finished without output."), {}, -1, false);
        Q_EMIT ready();
        return;
    }
    m_updatingTabs = true;
    for (const Page &page : m_pages)
        m_tabs->addTab(page.title);
    m_tabs->setCurrentIndex(0);
    m_updatingTabs = false;
    m_tabs->setVisible(m_pages.size() > 1);
    selectPage(0);
    Q_EMIT ready();
}

void OutputView::updateNotes()
{
    m_notes->setText(m_parsed.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!m_parsed.notes.isEmpty());
    QPalette p = m_notes->palette();
    p.setColor(QPalette::WindowText, OutputStyle::mutedText(palette()));
    m_notes->setPalette(p);
}

QString OutputView::notesText() const
{
    return m_notes->text();
}

QWidget *OutputView::createPage(Page &page)
{
    const Livy::OutputPart *part = page.part >= 0 ? &m_parsed.parts[page.part] : nullptr;
    QWidget *widget = nullptr;
    switch (page.kind) {
    case PageKind::Error: {
        auto *view = new ErrorOutputView(this);
        view->setError(m_parsed.ename, m_parsed.evalue, m_parsed.tracebackText());
        connect(view, &ErrorOutputView::statusMessage, this, &OutputView::statusMessage);
        widget = view;
        break;
    }
    case PageKind::Text: {
        auto *view = new TextOutputView(this);
        view->setText(part->text);
        if (part->mimeType.contains(QLatin1String("html")))
            view->setSaveHint(QStringLiteral("output"), QStringLiteral("html"));
        connect(view, &TextOutputView::statusMessage, this, &OutputView::statusMessage);
        widget = view;
        break;
    }
    case PageKind::Json: {
        auto *view = new JsonOutputView(this);
        view->setJson(part->value, part->text);
        connect(view, &JsonOutputView::statusMessage, this, &OutputView::statusMessage);
        widget = view;
        break;
    }
    case PageKind::Table: {
        auto *view = new TableOutputView(this);
        view->setTable(part->table);
        connect(view, &TableOutputView::statusMessage, this, &OutputView::statusMessage);
        connect(view, &TableOutputView::pageOnServerRequested, this, &OutputView::pageOnServerRequested);
        widget = view;
        break;
    }
    case PageKind::Chart: {
        auto *view = new ChartOutputView(this);
        view->setTable(part->table);
        connect(view, &ChartOutputView::statusMessage, this, &OutputView::statusMessage);
        // Plot what the table shows, if the table page exists.
        for (Page &other : m_pages) {
            if (other.kind == PageKind::Table && other.part == page.part) {
                auto *table = qobject_cast<TableOutputView *>(other.widget ? other.widget : createPage(other));
                connectChart(table, view);
            }
        }
        widget = view;
        break;
    }
    case PageKind::Image: {
        auto *view = new ImageOutputView(this);
        view->setImageData(part->imageBytes, part->mimeType);
        connect(view, &ImageOutputView::statusMessage, this, &OutputView::statusMessage);
        widget = view;
        break;
    }
    }
    page.widget = widget;
    m_stack->addWidget(widget);
    return widget;
}

void OutputView::connectChart(TableOutputView *table, ChartOutputView *chart)
{
    chart->setRows(table->visibleRows());
    connect(table, &TableOutputView::visibleRowsChanged, chart, [table, chart] { chart->setRows(table->visibleRows()); });
}

void OutputView::selectPage(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    Page &page = m_pages[index];
    QWidget *widget = page.widget ? page.widget : createPage(page);
    m_stack->setCurrentWidget(widget);
    if (m_tabs->currentIndex() != index) {
        m_updatingTabs = true;
        m_tabs->setCurrentIndex(index);
        m_updatingTabs = false;
    }
    Q_EMIT currentPageChanged(index);
}

QStringList OutputView::pageTitles() const
{
    QStringList titles;
    for (const Page &page : m_pages)
        titles.append(page.title);
    return titles;
}

OutputView::PageKind OutputView::pageKind(int index) const
{
    return m_pages.value(index).kind;
}

int OutputView::currentPage() const
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].widget && m_pages[i].widget == m_stack->currentWidget())
            return i;
    }
    return -1;
}

void OutputView::setCurrentPage(int index)
{
    selectPage(index);
}

bool OutputView::showPage(PageKind kind)
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].kind == kind) {
            selectPage(i);
            return true;
        }
    }
    return false;
}

QWidget *OutputView::currentPageWidget() const
{
    const int index = currentPage();
    return index >= 0 ? m_pages[index].widget : nullptr;
}

QWidget *OutputView::pageWidget(int index)
{
    if (index < 0 || index >= m_pages.size())
        return nullptr;
    Page &page = m_pages[index];
    return page.widget ? page.widget : createPage(page);
}

void OutputView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateNotes();
}

} // namespace LivyDesk
