#include "mainwindow.h"

#include "actionhandler.h"
#include "cellhistoryview.h"
#include "correctionspanel.h"
#include "findingspanel.h"
#include "formview.h"
#include "i18n/language.h"
#include "icons.h"
#include "messagebox.h"
#include "pageview.h"
#include "queuepanel.h"
#include "reportqueuemodel.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewpolicy.h"
#include "session/reviewsession.h"
#include "sourcepane.h"
#include "statusbar.h"
#include "tablespanel.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeView>
#include <QUndoGroup>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new ReviewSession(this)), m_queue(new ReportQueueModel(m_session, this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Icons::app());
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    createWidgets();
    m_actions = new ActionHandler(this);
    retranslateUi();
    connectSession();
    connect(Language::instance(), &Language::changed, this, &MainWindow::retranslateUi);

    m_actions->setLanguageChecked(m_settings.language());
    Language::set(m_settings.language());
    m_settings.restoreLayout(layout());
    m_queuePanel->applySort();
    m_actions->updateRecentMenu();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The session and its reviews (and their undo stacks) die now, while every widget and model
    // they signal is whole: left to Qt, they would be deleted among the window's children, and
    // their stacks would signal into a window already taken apart.
    m_currentRow = -1;
    disconnect(m_queue, nullptr, this, nullptr);
    disconnect(m_queuePanel, nullptr, this, nullptr);
    disconnect(m_findings, nullptr, this, nullptr);
    m_findings->setReview(nullptr);
    m_tables->setReview(nullptr);
    m_corrections->setReview(nullptr);
    m_session->undoGroup()->setActiveStack(nullptr);
    for (Review *r : m_session->reviews()) {
        r->disconnect(this);
        r->undoStack()->disconnect(this);
    }
    disconnect(m_session, nullptr, this, nullptr);
    // Hidden while its views can still ask their models: hiding lays out the queue's header,
    // which counts the session's reports.
    hide();
    delete m_session;
}

void MainWindow::createWidgets()
{
    // The queue of open reports, docked on the left.
    m_queuePanel = new QueuePanel(m_queue, this);
    connect(m_queuePanel, &QueuePanel::rowChosen, this, [this](int row) {
        if (row != m_currentRow)
            setCurrentRow(row);
    });
    m_queueDock = new QDockWidget(this);
    m_queueDock->setObjectName(u"reportsDock"_s);
    m_queueDock->setWidget(m_queuePanel);
    m_queueDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_queueDock);

    // The corrections of the current report as the audit trail has them: choosing one goes to its
    // cell, any one can be reverted.
    m_corrections = new CorrectionsPanel(m_session, this);
    m_corrections->setObjectName(u"correctionsPanel"_s);
    m_historyDock = new QDockWidget(this);
    m_historyDock->setObjectName(u"historyDock"_s);
    m_historyDock->setWidget(m_corrections);
    m_historyDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_historyDock);

    // Every change of the selected cell, this session's and saved ones, as the audit trail has it,
    // and a note for the audit trail, written with the next correction.
    auto *historyPane = new QWidget(this);
    m_cellHistory = new CellHistoryView(historyPane);
    m_cellHistory->setObjectName(u"cellHistory"_s);
    m_noteEdit = new QLineEdit(historyPane);
    m_noteEdit->setObjectName(u"correctionNote"_s);
    m_noteEdit->setClearButtonEnabled(true);
    connect(m_noteEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (Review *r = currentReview())
            r->setPendingNote(text.trimmed());
    });
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(2, 2, 2, 2);
    historyLayout->addWidget(m_cellHistory, 1);
    historyLayout->addWidget(m_noteEdit);
    m_cellHistoryDock = new QDockWidget(this);
    m_cellHistoryDock->setObjectName(u"cellHistoryDock"_s);
    m_cellHistoryDock->setWidget(historyPane);
    m_cellHistoryDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_cellHistoryDock);

    // The source beside the tables, the findings below them.
    m_source = new SourcePane(this);
    m_source->setObjectName(u"sourcePane"_s);
    connect(m_source, &SourcePane::cursorMoved, this, &MainWindow::selectCellFromSource);
    m_tables = new TablesPanel(this);
    connect(m_tables, &TablesPanel::cellChanged, this, &MainWindow::showCellInSource);
    connect(m_tables, &TablesPanel::currentChanged, this, &MainWindow::updateActions);
    connect(m_tables, &TablesPanel::message, this,
            [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });
    m_findings = new FindingsPanel(this);
    connect(m_findings, &FindingsPanel::cellsChosen, m_tables, &TablesPanel::showCells);
    connect(m_corrections, &CorrectionsPanel::cellChosen, m_tables,
            [this](const QString &key) { m_tables->showCells({key}); });
    connect(m_corrections, &CorrectionsPanel::message, this,
            [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_findings, &FindingsPanel::findingsReset, this, [this] {
        updateStatus();
        m_tables->updateTabs();
    });

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(u"rightSplitter"_s);
    m_rightSplitter->addWidget(m_tables);
    m_rightSplitter->addWidget(m_findings);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setChildrenCollapsible(false);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_source);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setChildrenCollapsible(false);
    setCentralWidget(m_mainSplitter);

    m_statusBar = new StatusBar(this);
    setStatusBar(m_statusBar);
}

void MainWindow::connectSession()
{
    connect(m_session, &ReviewSession::reportRead, this, [this](int row) {
        const QString path = m_session->path(row);
        if (!m_selectPath.isEmpty() &&
            (path == m_selectPath || path.startsWith(m_selectPath + u'/') || m_currentRow < 0)) {
            if (path == m_selectPath || path.startsWith(m_selectPath + u'/'))
                m_selectPath.clear();
            setCurrentRow(row);
        } else if (m_selectAfterLoad) {
            m_selectAfterLoad = false;
            setCurrentRow(row);
        } else if (row == m_currentRow) {
            setCurrentRow(row);
        }
    });
    connect(m_session, &ReviewSession::loadProgress, m_statusBar, &StatusBar::showProgress);
    connect(m_session, &ReviewSession::pageProgress, m_statusBar, &StatusBar::showPageProgress);
    connect(m_statusBar, &StatusBar::cancelRequested, m_session, &ReviewSession::cancelLoading);
    connect(m_session, &ReviewSession::loadFinished, this, [this](const QStringList &opened) {
        m_settings.addRecent(opened);
        m_actions->updateRecentMenu();
        m_statusBar->hideProgress();
        m_selectPath.clear();
        updateStatus();
        Q_EMIT loadFinished();
    });
    connect(m_session, &ReviewSession::storeProblem, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
        MessageBox::warning(this, tr("Review store"), message);
    });
    connect(m_session, &ReviewSession::storeReloaded, this, [this](const QString &who) {
        statusBar()->showMessage(
            tr("Changes by %1 were loaded.").arg(who.isEmpty() ? tr("another reviewer") : who), 8000);
        updateStatus();
    });
    connect(m_session, &ReviewSession::storeStateChanged, this, &MainWindow::updateStoreStatus);
    connect(m_session, &ReviewSession::changesSent, this, [this](int count) {
        statusBar()->showMessage(
            tr("%n change(s) kept on this computer were sent to the server.", nullptr, count), 8000);
        updateStatus();
    });
    connect(m_queue, &QAbstractItemModel::dataChanged, this, [this] {
        updateStatus();
        m_tables->updateTabs();
    });
}

void MainWindow::retranslateUi()
{
    m_actions->retranslateUi();
    m_queuePanel->retranslateUi();
    updateCellHistory(m_tables->currentKey());
    m_noteEdit->setPlaceholderText(tr("Note for the next correction (kept in the audit trail)"));
    m_queueDock->setWindowTitle(tr("Reports"));
    m_historyDock->setWindowTitle(tr("Corrections"));
    m_corrections->retranslateUi();
    m_corrections->refresh();
    m_statusBar->retranslateUi();
    m_findings->retranslateUi();
    updateStoreStatus();
    m_tables->updateTabs();
    updateStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::setLanguage(const QString &language)
{
    m_settings.setLanguage(language);
    Language::set(language);
    // Qt's LanguageChange comes later, as an event: every pane is reworded now, together.
    m_actions->setLanguageChecked(language);
    retranslateUi();
}

Settings::Layout MainWindow::layout()
{
    return {this,
            m_queueDock,
            m_historyDock,
            m_cellHistoryDock,
            m_mainSplitter,
            m_rightSplitter,
            m_findings->view()->header(),
            m_queuePanel->header()};
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int unreviewed = m_session->unfinishedCount();
    if (unreviewed > 0) {
        const auto answer =
            MessageBox::question(this, tr("Quit"),
                                 tr("%n report(s) have corrections and are not marked reviewed. Quit anyway?",
                                    nullptr, unreviewed),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    m_settings.saveLayout(layout());
    event->accept();
}

// ---- opening ------------------------------------------------------------------------------

void MainWindow::openPaths(const QStringList &paths)
{
    // The reports are read by the session, off the GUI thread; they come in as reportRead().
    const bool wasLoading = m_session->isLoading();
    const ReviewSession::Opening o = m_session->open(paths);
    if (o.reading > 0) {
        if (m_currentRow < 0 || !wasLoading)
            m_selectAfterLoad = true;
        return;
    }
    if (o.alreadyOpen >= 0)
        setCurrentRow(o.alreadyOpen);
    if (!o.problems.isEmpty())
        statusBar()->showMessage(o.problems.join(u"; "_s), 8000);
    Q_EMIT loadFinished();
}

void MainWindow::openQueue(const QStringList &added)
{
    QStringList absolute;
    for (const QString &p : added)
        absolute.append(QFileInfo(p).absoluteFilePath());
    m_selectPath = absolute.isEmpty() ? m_settings.currentReport() : absolute.first();
    const QStringList paths = savedQueue() + absolute;
    if (!paths.isEmpty())
        openPaths(paths);
    m_selectAfterLoad = false; // the report to show is known by its path
    if (!m_session->isLoading()) {
        const int row = m_session->indexOf(m_selectPath);
        if (row >= 0)
            setCurrentRow(row);
        m_selectPath.clear();
    }
}

bool MainWindow::isLoading() const
{
    return m_session->isLoading();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &u : event->mimeData()->urls())
            if (u.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &u : event->mimeData()->urls())
        if (u.isLocalFile())
            paths.append(u.toLocalFile());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    openPaths(paths);
}

void MainWindow::closeReport()
{
    const int row = m_currentRow;
    Review *r = m_session->review(row);
    if (row < 0)
        return;
    if (r && ReviewPolicy::needsConfirmation(*r)) {
        const auto answer = MessageBox::question(this, tr("Close Report"),
                                                 tr("This report has corrections and is not marked reviewed. "
                                                    "Close it anyway?"),
                                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_currentRow = -1;
    m_tables->setReview(nullptr);
    m_findings->setReview(nullptr);
    m_corrections->setReview(nullptr);
    m_session->close(row);
    setCurrentRow(qMin(row, m_session->count() - 1));
}

bool MainWindow::exportScope(ExportScope scope)
{
    return m_actions->exportScope(ActionHandler::Scope(int(scope)));
}

bool MainWindow::setDatabase(const QString &urlOrPath)
{
    return m_actions->setDatabase(urlOrPath);
}

void MainWindow::ensureReviewer()
{
    m_actions->ensureReviewer();
}

QStringList MainWindow::savedQueue() const
{
    return m_session->savedQueue();
}

void MainWindow::updateStoreStatus()
{
    const StoreState store = m_session->storeState();
    m_statusBar->showStore(store);
    m_actions->setUnsentEnabled(store.held > 0);
}

// ---- the current report -------------------------------------------------------------------

Review *MainWindow::currentReview() const
{
    return m_session->review(m_currentRow);
}

void MainWindow::setCurrentRow(int row)
{
    if (row >= m_session->count())
        row = m_session->count() - 1;
    m_currentRow = row;
    Review *r = m_session->review(row);
    m_tables->setReview(r);
    m_findings->setReview(r);
    m_session->undoGroup()->setActiveStack(r ? r->undoStack() : nullptr);
    if (r) {
        const Report &report = r->report();
        if (report.format == u"pdf"_s && !report.boxes.isEmpty())
            m_source->setDocument(report.text, report.source, report.boxes);
        else
            m_source->setText(report.text);
        connect(r, &Review::statusChanged, this, &MainWindow::updateActions, Qt::UniqueConnection);
        // The note went with the edit just made (a redo keeps its own): the field is for the next one.
        connect(r, &Review::pendingNoteTaken, m_noteEdit, &QLineEdit::clear, Qt::UniqueConnection);
        r->setPendingNote(m_noteEdit->text().trimmed());
        connect(r->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateStatus,
                Qt::UniqueConnection);
        // The record follows every edit, undo and redo (once the store has it: the stack says
        // so after the command is done) and what was loaded of others' changes.
        connect(r->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateRecord,
                Qt::UniqueConnection);
        connect(r, &Review::reset, this, &MainWindow::updateRecord, Qt::UniqueConnection);
    } else {
        m_source->setText(m_session->error(row));
    }
    m_corrections->setReview(r);
    if (row >= 0)
        m_settings.setCurrentReport(m_session->path(row));
    m_queuePanel->showRow(row);
    m_tables->showFirstTableWithError();
    m_tables->updateTabs();
    updateCellHistory(m_tables->currentKey());
    updateStatus();
    updateActions();
}

FormView *MainWindow::tableView(const QString &tableKey) const
{
    return m_tables->tableView(tableKey);
}

void MainWindow::updateStatus()
{
    const Review *r = currentReview();
    m_statusBar->showReview(r);
    m_findings->showSummary(r, m_currentRow >= 0);
    m_tables->showTitle(r, m_session->path(m_currentRow));
    if (!r) {
        setWindowTitle(QString());
        return;
    }
    setWindowTitle(QFileInfo(r->report().source).fileName() + u"[*]"_s);
    setWindowModified(!r->undoStack()->isClean());
}

void MainWindow::updateActions()
{
    const Review *r = currentReview();
    m_actions->updateActions(r, r && !m_tables->currentKey().isEmpty(), m_currentRow >= 0);
}

// ---- linking ------------------------------------------------------------------------------

void MainWindow::updateRecord()
{
    m_corrections->refresh();
    updateCellHistory(m_tables->currentKey());
}

void MainWindow::updateCellHistory(const QString &key)
{
    const QString name = m_cellHistory->showCell(currentReview(), key, m_session);
    m_cellHistoryDock->setWindowTitle(name.isEmpty() ? tr("Cell History") : tr("History of %1").arg(name));
    // The dock names its View menu item after its title: the menu keeps its own name.
    m_cellHistoryDock->toggleViewAction()->setText(tr("Cell &History"));
}

void MainWindow::showCellInSource(const QString &key, const QStringList &selected)
{
    const Review *r = currentReview();
    if (!r)
        return;
    QList<std::pair<qsizetype, qsizetype>> others;
    for (const QString &k : selected)
        if (const Cell *c = r->report().cell(k))
            others.append({c->start, c->length});
    updateCellHistory(key);
    const Cell *c = key.isEmpty() ? nullptr : r->report().cell(key);
    if (c && c->start >= 0)
        m_source->showSpans(c->start, c->length, others);
    else
        m_source->showSpans(-1, 0, others);
    if (c && c->start < 0 && !key.isEmpty())
        statusBar()->showMessage(tr("This cell has no place in the source."), 3000);
}

void MainWindow::selectCellFromSource(qsizetype position)
{
    const Review *r = currentReview();
    const QString key = r ? r->report().cellAt(position) : QString();
    if (key.isEmpty() || !m_tables->tableView(key.section(u'.', 0, 0)))
        return;
    m_tables->showCellOfSource(key);
    updateCellHistory(key);
    statusBar()->showMessage(RuleEngine::cellName(*r->report().tmpl, key), 4000);
}

void MainWindow::nextFinding()
{
    if (!currentReview() || currentReview()->findings().isEmpty())
        return;
    m_findings->nextFinding();
    if (FormView *v = m_tables->currentView())
        v->setFocus();
}

void MainWindow::previousFinding()
{
    if (!currentReview() || currentReview()->findings().isEmpty())
        return;
    m_findings->previousFinding();
    if (FormView *v = m_tables->currentView())
        v->setFocus();
}

bool MainWindow::markReviewedAndNext()
{
    Review *r = currentReview();
    if (!r)
        return false;
    // The next one is chosen before: marked, this report may leave the list (未审校).
    const int next = m_queuePanel->nextToReview(m_currentRow);
    if (!ReviewPolicy::isFinished(r->status()) && !m_actions->markReviewed())
        return false;
    if (next >= 0)
        setCurrentRow(next);
    else
        statusBar()->showMessage(tr("No other report in the list is left to review."), 8000);
    return true;
}

void MainWindow::focusPane(int step)
{
    QList<QWidget *> panes = {m_queuePanel->view(), m_tables->currentView(), m_findings->view(),
                              m_source->showingPages() ? static_cast<QWidget *>(m_source->pageView())
                                                       : m_source->editor()};
    panes.removeAll(nullptr);
    int at = -1;
    for (int i = 0; i < panes.size(); ++i)
        if (panes[i]->isAncestorOf(focusWidget()) || panes[i] == focusWidget())
            at = i;
    const int n = int(panes.size());
    panes[((at < 0 ? 0 : at + step) % n + n) % n]->setFocus(Qt::ShortcutFocusReason);
}

} // namespace nianbao::ui
