#include "mainwindow.h"

#include "cellhistoryview.h"
#include "exportflow.h"
#include "filedialog.h"
#include "findingsmodel.h"
#include "formview.h"
#include "i18n/language.h"
#include "icons.h"
#include "messagebox.h"
#include "palette.h"
#include "queuefiltermodel.h"
#include "reportqueuemodel.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewpolicy.h"
#include "session/reviewsession.h"
#include "sourcepane.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

namespace {

const QStringList tableKeys = {u"t2"_s, u"t3"_s, u"t4"_s};
constexpr int MaxRecent = 12;

QString tableOf(const QString &key)
{
    return key.section(u'.', 0, 0);
}

QString findingId(const Finding &f)
{
    return f.rule + u'|' + f.scope + u'|' + f.cells.join(u',');
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new ReviewSession(this)), m_queue(new ReportQueueModel(m_session, this)),
      m_findingsModel(new FindingsModel(this)), m_undoGroup(m_session->undoGroup())
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Icons::app());
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    for (const QString &t : tableKeys)
        m_tableModels.append(new ReportTableModel(t, this));
    createWidgets();
    createActions();
    createMenus();
    retranslateUi();

    connect(m_session, &ReviewSession::reportRead, this, [this](int row) {
        if (m_selectAfterLoad) {
            m_selectAfterLoad = false;
            setCurrentRow(row);
        } else if (row == m_currentRow) {
            setCurrentRow(row);
        }
    });
    connect(m_session, &ReviewSession::loadProgress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setVisible(total > 1);
    });
    connect(m_session, &ReviewSession::loadFinished, this, [this](const QStringList &opened) {
        addRecent(opened);
        m_progress->hide();
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
        updateTabs();
    });

    connect(Language::instance(), &Language::changed, this, &MainWindow::retranslateUi);

    readSettings();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The session and its reviews (and their undo stacks) die now, while every widget and model
    // they signal is whole: left to Qt, they would be deleted among the window's children, and
    // their stacks would signal into a window already taken apart.
    m_currentRow = -1;
    disconnect(m_findingsModel, nullptr, this, nullptr);
    disconnect(m_queue, nullptr, this, nullptr);
    disconnect(m_queueView->selectionModel(), nullptr, this, nullptr);
    m_findingsModel->setReview(nullptr);
    for (ReportTableModel *m : std::as_const(m_tableModels))
        m->setReview(nullptr);
    m_undoGroup->setActiveStack(nullptr);
    for (Review *r : m_session->reviews()) {
        r->disconnect(this);
        r->undoStack()->disconnect(this);
    }
    disconnect(m_session, nullptr, this, nullptr);
    delete m_session;
}

void MainWindow::createWidgets()
{
    // The queue of open reports, docked on the left.
    m_queueView = new QListView(this);
    m_queueView->setObjectName(u"reportQueue"_s);
    m_queueFilter = new QueueFilterModel(this);
    m_queueFilter->setSourceModel(m_queue);
    m_queueView->setModel(m_queueFilter);
    m_queueView->setUniformItemSizes(false);
    m_queueView->setSpacing(2);
    m_queueView->setIconSize(QSize(16, 16));
    m_queueView->setWordWrap(true);
    m_queueView->setTextElideMode(Qt::ElideMiddle);
    m_queueView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &i) {
                const int row = m_queueFilter->mapToSource(i).row();
                if (i.isValid() && row != m_currentRow)
                    setCurrentRow(row);
            });
    // Above the queue: search by body, year or file, and the state; below it, the batch's counts.
    m_queueSearch = new QLineEdit(this);
    m_queueSearch->setObjectName(u"queueSearch"_s);
    m_queueSearch->setClearButtonEnabled(true);
    connect(m_queueSearch, &QLineEdit::textChanged, m_queueFilter, &QueueFilterModel::setSearch);
    m_queueState = new QComboBox(this);
    m_queueState->setObjectName(u"queueState"_s);
    connect(m_queueState, &QComboBox::currentIndexChanged, this,
            [this](int) { m_queueFilter->setState(m_queueState->currentData().toInt()); });
    m_queueCounts = new QLabel(this);
    m_queueCounts->setObjectName(u"queueCounts"_s);
    m_queueCounts->setWordWrap(true);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_queue, signal, this, &MainWindow::updateQueueCounts);
    connect(m_queue, &QAbstractItemModel::dataChanged, this, &MainWindow::updateQueueCounts);
    auto *queuePane = new QWidget(this);
    auto *queueLayout = new QVBoxLayout(queuePane);
    queueLayout->setContentsMargins(2, 2, 2, 2);
    queueLayout->addWidget(m_queueSearch);
    queueLayout->addWidget(m_queueState);
    queueLayout->addWidget(m_queueView, 1);
    queueLayout->addWidget(m_queueCounts);
    m_queueDock = new QDockWidget(this);
    m_queueDock->setObjectName(u"reportsDock"_s);
    m_queueDock->setWidget(queuePane);
    m_queueDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_queueDock);

    // The corrections of the current report, as undo steps: clicking one goes back to it.
    auto *history = new QUndoView(m_undoGroup, this);
    history->setObjectName(u"historyView"_s);
    m_historyDock = new QDockWidget(this);
    m_historyDock->setObjectName(u"historyDock"_s);
    m_historyDock->setWidget(history);
    m_historyDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_historyDock);

    // Every change of the selected cell, this session's and saved ones, as the audit trail has it.
    m_cellHistory = new CellHistoryView(this);
    m_cellHistory->setObjectName(u"cellHistory"_s);
    // A note for the audit trail, written with the next correction.
    m_noteEdit = new QLineEdit(this);
    m_noteEdit->setObjectName(u"correctionNote"_s);
    m_noteEdit->setClearButtonEnabled(true);
    connect(m_noteEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (Review *r = currentReview())
            r->setPendingNote(text.trimmed());
    });
    auto *historyPane = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(2, 2, 2, 2);
    historyLayout->addWidget(m_cellHistory, 1);
    historyLayout->addWidget(m_noteEdit);
    m_cellHistoryDock = new QDockWidget(this);
    m_cellHistoryDock->setObjectName(u"cellHistoryDock"_s);
    m_cellHistoryDock->setWidget(historyPane);
    m_cellHistoryDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_cellHistoryDock);

    // The source pane.
    m_source = new SourcePane(this);
    m_source->setObjectName(u"sourcePane"_s);
    connect(m_source, &SourcePane::cursorMoved, this, &MainWindow::selectCellFromSource);

    // The tables, each as the official form.
    m_tablesPane = new QWidget(this);
    m_title = new QLabel(m_tablesPane);
    m_title->setObjectName(u"reportTitle"_s);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setContentsMargins(6, 4, 6, 4);
    m_tabs = new QTabWidget(m_tablesPane);
    m_tabs->setObjectName(u"tables"_s);
    m_tabs->setDocumentMode(true);
    for (int i = 0; i < tableKeys.size(); ++i) {
        auto *view = new FormView(m_tabs);
        view->setObjectName(u"table_"_s + tableKeys[i]);
        view->setFormModel(m_tableModels[i]);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        connect(view, &FormView::currentKeyChanged, this, [this, view](const QString &key) {
            if (!m_syncing)
                showCellInSource(key, view->selectedKeys());
            updateActions();
        });
        connect(view, &FormView::selectionKeysChanged, this, [this, view](const QStringList &keys) {
            if (!m_syncing)
                showCellInSource(view->currentKey(), keys);
        });
        connect(m_tableModels[i], &ReportTableModel::editRejected, this,
                [this](const QString &reason) { statusBar()->showMessage(reason, 6000); });
        m_views.append(view);
        m_tabs->addTab(view, QString());
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updateActions(); });
    auto *tablesLayout = new QVBoxLayout(m_tablesPane);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    tablesLayout->setSpacing(0);
    tablesLayout->addWidget(m_title);
    tablesLayout->addWidget(m_tabs, 1);

    // The findings.
    auto *findingsPane = new QWidget(this);
    m_findingsSummary = new QLabel(findingsPane);
    m_findingsSummary->setObjectName(u"findingsSummary"_s);
    m_findingsSummary->setContentsMargins(6, 4, 6, 2);
    m_findingsView = new QTreeView(findingsPane);
    m_findingsView->setObjectName(u"findingsView"_s);
    m_findingsView->setModel(m_findingsModel);
    m_findingsView->setRootIsDecorated(false);
    m_findingsView->setUniformRowHeights(true);
    m_findingsView->setAlternatingRowColors(true);
    m_findingsView->setWordWrap(false);
    m_findingsView->setTextElideMode(Qt::ElideRight);
    m_findingsView->header()->setStretchLastSection(true);
    m_findingsView->setColumnWidth(FindingsModel::SeverityColumn, 90);
    m_findingsView->setColumnWidth(FindingsModel::RuleColumn, 130);
    connect(m_findingsView, &QTreeView::clicked, this,
            [this](const QModelIndex &i) { selectFinding(i.row()); });
    connect(m_findingsView, &QTreeView::activated, this,
            [this](const QModelIndex &i) { selectFinding(i.row()); });
    connect(m_findingsModel, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the finding the reviewer was on when the list is recomputed after an edit.
        int row = -1;
        const Review *rv = currentReview();
        for (int i = 0; rv && i < rv->findings().size(); ++i)
            if (findingId(rv->findings()[i]) == m_lastFindingId)
                row = i;
        if (row >= 0) {
            m_lastFinding = row;
            m_findingsView->selectionModel()->setCurrentIndex(m_findingsModel->index(row, 0),
                                                              QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
        } else if (rv && !m_lastFindingId.isEmpty() && m_lastFinding >= 0) {
            // The finding is gone (corrected): F8 goes on with the one that took its place.
            m_lastFinding = qMin(m_lastFinding, int(rv->findings().size())) - 1;
            m_lastFindingId.clear();
        }
        if (row < 0)
            m_findingDetail->clear();
        updateStatus();
        updateTabs();
    });
    auto *findingsLayout = new QVBoxLayout(findingsPane);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->setSpacing(0);
    findingsLayout->addWidget(m_findingsSummary);
    findingsLayout->addWidget(m_findingsView, 1);
    m_findingDetail = new QLabel(findingsPane);
    m_findingDetail->setObjectName(u"findingDetail"_s);
    m_findingDetail->setWordWrap(true);
    m_findingDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_findingDetail->setContentsMargins(8, 4, 8, 6);
    m_findingDetail->setMinimumHeight(QFontMetrics(font()).height() * 2 + 10);
    m_findingDetail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    findingsLayout->addWidget(m_findingDetail);

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(u"rightSplitter"_s);
    m_rightSplitter->addWidget(m_tablesPane);
    m_rightSplitter->addWidget(findingsPane);
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

    m_statusCounts = new QLabel(this);
    m_statusCounts->setObjectName(u"statusCounts"_s);
    m_statusTotals = new QLabel(this);
    m_statusTotals->setObjectName(u"statusTotals"_s);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"loadProgress"_s);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_storeStatus = new QLabel(this);
    m_storeStatus->setObjectName(u"storeStatus"_s);
    m_storeStatus->hide();
    statusBar()->addPermanentWidget(m_storeStatus);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_statusTotals);
    statusBar()->addPermanentWidget(m_statusCounts);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QKeySequence &key = {}) {
        auto *a = new QAction(this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        addAction(a);
        return a;
    };
    m_openAct = make(u"actionOpen"_s, QKeySequence::Open);
    connect(m_openAct, &QAction::triggered, this, &MainWindow::open);
    m_openFolderAct = make(u"actionOpenFolder"_s, QKeySequence(u"Ctrl+Shift+O"_s));
    connect(m_openFolderAct, &QAction::triggered, this, &MainWindow::openFolder);
    m_closeAct = make(u"actionCloseReport"_s, QKeySequence::Close);
    connect(m_closeAct, &QAction::triggered, this, &MainWindow::closeReport);
    m_exportAct = make(u"actionExport"_s, QKeySequence(u"Ctrl+E"_s));
    connect(m_exportAct, &QAction::triggered, this, &MainWindow::exportReports);
    m_exportReviewedAct = make(u"actionExportReviewed"_s);
    connect(m_exportReviewedAct, &QAction::triggered, this, &MainWindow::exportReviewed);
    m_exportAllAct = make(u"actionExportAll"_s, QKeySequence(u"Ctrl+Shift+E"_s));
    connect(m_exportAllAct, &QAction::triggered, this, &MainWindow::exportAll);
    m_csvGbAct = make(u"actionCsvGb18030"_s);
    m_csvGbAct->setCheckable(true);
    m_reviewerAct = make(u"actionReviewer"_s);
    connect(m_reviewerAct, &QAction::triggered, this, &MainWindow::changeReviewer);
    m_databaseAct = make(u"actionDatabase"_s);
    connect(m_databaseAct, &QAction::triggered, this, &MainWindow::chooseDatabase);
    m_unsentAct = make(u"actionUnsentChanges"_s);
    connect(m_unsentAct, &QAction::triggered, this, &MainWindow::showUnsentChanges);
    m_quitAct = make(u"actionQuit"_s, QKeySequence::Quit);
    m_quitAct->setMenuRole(QAction::QuitRole);
    connect(m_quitAct, &QAction::triggered, this, &QWidget::close);

    m_undoAct = m_undoGroup->createUndoAction(this);
    m_undoAct->setObjectName(u"actionUndo"_s);
    m_undoAct->setShortcut(QKeySequence::Undo);
    addAction(m_undoAct);
    m_redoAct = m_undoGroup->createRedoAction(this);
    m_redoAct->setObjectName(u"actionRedo"_s);
    m_redoAct->setShortcuts({QKeySequence(u"Ctrl+Shift+Z"_s), QKeySequence(u"Ctrl+Y"_s)});
    addAction(m_redoAct);

    // Cell actions act on the tables; their shortcuts work where the tables have the focus.
    auto cellAction = [this](const QString &name, const QList<QKeySequence> &keys) {
        auto *a = new QAction(this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_tabs->addAction(a);
        for (FormView *v : std::as_const(m_views))
            v->addAction(a);
        return a;
    };
    m_clearAct = cellAction(u"actionClear"_s, {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    connect(m_clearAct, &QAction::triggered, this, &MainWindow::clearSelectedCells);
    m_copyAct = cellAction(u"actionCopy"_s, {QKeySequence::Copy});
    connect(m_copyAct, &QAction::triggered, this, &MainWindow::copySelectedCells);
    m_pasteAct = cellAction(u"actionPaste"_s, {QKeySequence::Paste});
    connect(m_pasteAct, &QAction::triggered, this, &MainWindow::pasteCells);
    m_takeAct = cellAction(u"actionTakeFromSource"_s, {QKeySequence(u"Ctrl+Shift+V"_s)});
    connect(m_takeAct, &QAction::triggered, this, &MainWindow::takeFromSource);
    m_shiftLeftAct =
        cellAction(u"actionShiftLeft"_s, {QKeySequence(u"Ctrl+Alt+Left"_s), QKeySequence(u"Ctrl+["_s)});
    connect(m_shiftLeftAct, &QAction::triggered, this, &MainWindow::shiftRowLeft);
    m_shiftRightAct =
        cellAction(u"actionShiftRight"_s, {QKeySequence(u"Ctrl+Alt+Right"_s), QKeySequence(u"Ctrl+]"_s)});
    connect(m_shiftRightAct, &QAction::triggered, this, &MainWindow::shiftRowRight);
    m_moveRowAct = cellAction(u"actionMoveRow"_s, {QKeySequence(u"Ctrl+M"_s)});
    connect(m_moveRowAct, &QAction::triggered, this, &MainWindow::moveRow);

    m_reviewedAct = make(u"actionMarkReviewed"_s, QKeySequence(u"Ctrl+Return"_s));
    m_reviewedAct->setCheckable(true);
    connect(m_reviewedAct, &QAction::triggered, this, &MainWindow::toggleReviewed);

    m_nextFindingAct = make(u"actionNextFinding"_s, QKeySequence(Qt::Key_F8));
    connect(m_nextFindingAct, &QAction::triggered, this, &MainWindow::nextFinding);
    m_prevFindingAct = make(u"actionPreviousFinding"_s, QKeySequence(Qt::SHIFT | Qt::Key_F8));
    connect(m_prevFindingAct, &QAction::triggered, this, &MainWindow::previousFinding);
    m_findAct = make(u"actionFind"_s, QKeySequence::Find);
    connect(m_findAct, &QAction::triggered, m_source, &SourcePane::showFindBar);
    m_nextReportAct = make(u"actionNextReport"_s, QKeySequence(u"Ctrl+PgDown"_s));
    connect(m_nextReportAct, &QAction::triggered, this, [this] {
        if (m_currentRow + 1 < m_queue->rowCount())
            setCurrentRow(m_currentRow + 1);
    });
    m_prevReportAct = make(u"actionPreviousReport"_s, QKeySequence(u"Ctrl+PgUp"_s));
    connect(m_prevReportAct, &QAction::triggered, this, [this] {
        if (m_currentRow > 0)
            setCurrentRow(m_currentRow - 1);
    });
    m_nextPaneAct = make(u"actionNextPane"_s, QKeySequence(Qt::Key_F6));
    connect(m_nextPaneAct, &QAction::triggered, this, [this] { focusPane(1); });
    m_prevPaneAct = make(u"actionPreviousPane"_s, QKeySequence(Qt::SHIFT | Qt::Key_F6));
    connect(m_prevPaneAct, &QAction::triggered, this, [this] { focusPane(-1); });
    for (int i = 0; i < tableKeys.size(); ++i) {
        QAction *a = make(u"actionTable"_s + QString::number(i + 2), QKeySequence(u"Ctrl+%1"_s.arg(i + 2)));
        connect(a, &QAction::triggered, this, [this, i] {
            m_tabs->setCurrentIndex(i);
            m_views[i]->setFocus();
        });
        m_tableActs.append(a);
    }

    m_langGroup = new QActionGroup(this);
    m_langSystemAct = new QAction(m_langGroup);
    m_langZhAct = new QAction(m_langGroup);
    m_langEnAct = new QAction(m_langGroup);
    m_langSystemAct->setData(QString());
    m_langZhAct->setData(u"zh_CN"_s);
    m_langEnAct->setData(u"en"_s);
    m_langZhAct->setText(u"简体中文"_s);
    m_langEnAct->setText(u"English"_s);
    for (QAction *a : m_langGroup->actions())
        a->setCheckable(true);
    connect(m_langGroup, &QActionGroup::triggered, this,
            [this](QAction *a) { setLanguage(a->data().toString()); });

    m_aboutAct = new QAction(this);
    m_aboutAct->setMenuRole(QAction::AboutRole);
    connect(m_aboutAct, &QAction::triggered, this, [this] {
        MessageBox::information(this, tr("About Nianbao"),
                                tr("<b>Nianbao %1</b><br>Review of government information-disclosure annual "
                                   "reports: the source beside "
                                   "its three tables, checked live against the form's identities.")
                                    .arg(QApplication::applicationVersion()));
    });

    m_queueView->addAction(m_closeAct);
    m_queueView->addAction(m_reviewedAct);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_openAct);
    m_fileMenu->addAction(m_openFolderAct);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(u"recentMenu"_s);
    m_fileMenu->addSeparator();
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->setObjectName(u"menuExport"_s);
    m_exportMenu->addAction(m_exportAct);
    m_exportMenu->addAction(m_exportReviewedAct);
    m_exportMenu->addAction(m_exportAllAct);
    m_exportMenu->addSeparator();
    m_exportMenu->addAction(m_csvGbAct);
    m_fileMenu->addAction(m_databaseAct);
    m_fileMenu->addAction(m_unsentAct);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_closeAct);
    m_fileMenu->addAction(m_quitAct);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_undoAct);
    m_editMenu->addAction(m_redoAct);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_copyAct);
    m_editMenu->addAction(m_pasteAct);
    m_editMenu->addAction(m_takeAct);
    m_editMenu->addAction(m_clearAct);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_shiftLeftAct);
    m_editMenu->addAction(m_shiftRightAct);
    m_editMenu->addAction(m_moveRowAct);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_reviewedAct);
    m_editMenu->addAction(m_reviewerAct);

    m_goMenu = menuBar()->addMenu(QString());
    m_goMenu->addAction(m_nextFindingAct);
    m_goMenu->addAction(m_prevFindingAct);
    m_goMenu->addSeparator();
    m_goMenu->addAction(m_findAct);
    m_goMenu->addSeparator();
    for (QAction *a : std::as_const(m_tableActs))
        m_goMenu->addAction(a);
    m_goMenu->addSeparator();
    m_goMenu->addAction(m_nextReportAct);
    m_goMenu->addAction(m_prevReportAct);
    m_goMenu->addAction(m_nextPaneAct);
    m_goMenu->addAction(m_prevPaneAct);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_queueDock->toggleViewAction());
    m_viewMenu->addAction(m_historyDock->toggleViewAction());
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(u"languageMenu"_s);
    m_languageMenu->addActions(m_langGroup->actions());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAct);

    for (FormView *v : std::as_const(m_views)) {
        auto *sep = new QAction(v);
        sep->setSeparator(true);
        v->insertAction(m_clearAct, sep);
        auto *sep2 = new QAction(v);
        sep2->setSeparator(true);
        v->insertAction(m_shiftLeftAct, sep2);
        v->addAction(m_undoAct);
        v->addAction(m_redoAct);
    }
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_goMenu->setTitle(tr("&Go"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_openAct->setText(tr("&Open Reports…"));
    m_openFolderAct->setText(tr("Open &Folder…"));
    m_closeAct->setText(tr("&Close Report"));
    m_exportMenu->setTitle(tr("&Export"));
    m_exportAct->setText(tr("&Current Report…"));
    m_exportReviewedAct->setText(tr("&Reviewed Reports…"));
    m_exportAllAct->setText(tr("&All Reports…"));
    m_csvGbAct->setText(tr("CSV in &GB18030 (for older Excel)"));
    m_reviewerAct->setText(tr("Reviewer &Name…"));
    m_databaseAct->setText(tr("Review &Database…"));
    m_unsentAct->setText(tr("&Unsent Changes…"));
    m_queueSearch->setPlaceholderText(tr("Search body, year or file"));
    {
        const int current = m_queueState->currentIndex();
        const QSignalBlocker block(m_queueState);
        m_queueState->clear();
        m_queueState->addItem(tr("All reports"), -1);
        m_queueState->addItem(tr("With errors"), int(ReportQueueModel::Errors));
        m_queueState->addItem(tr("With warnings"), int(ReportQueueModel::Warnings));
        m_queueState->addItem(tr("Clean"), int(ReportQueueModel::Clean));
        m_queueState->addItem(tr("Reviewed"), int(ReportQueueModel::Reviewed));
        m_queueState->addItem(tr("Unreadable"), int(ReportQueueModel::Unreadable));
        m_queueState->setCurrentIndex(qMax(0, current));
    }
    updateCellHistory(currentView() ? currentView()->currentKey() : QString());
    m_noteEdit->setPlaceholderText(tr("Note for the next correction (kept in the audit trail)"));
    if (m_queue)
        updateQueueCounts();
    m_quitAct->setText(tr("&Quit"));
    m_undoGroup->setObjectName(u"undoGroup"_s);
    m_clearAct->setText(tr("C&lear Cells"));
    m_copyAct->setText(tr("&Copy Cells"));
    m_pasteAct->setText(tr("&Paste"));
    m_takeAct->setText(tr("&Take Selection from Source"));
    m_takeAct->setToolTip(
        tr("Put the numbers selected in the source into the cells from the current one on"));
    m_shiftLeftAct->setText(tr("Shift Row &Left"));
    m_shiftRightAct->setText(tr("Shift Row &Right"));
    m_moveRowAct->setText(tr("&Move Row Values To…"));
    m_reviewedAct->setText(tr("Mark &Reviewed"));
    m_nextFindingAct->setText(tr("&Next Finding"));
    m_prevFindingAct->setText(tr("&Previous Finding"));
    m_findAct->setText(tr("&Find in Source…"));
    m_nextReportAct->setText(tr("Next &Report"));
    m_prevReportAct->setText(tr("Previous R&eport"));
    m_nextPaneAct->setText(tr("Next P&ane"));
    m_prevPaneAct->setText(tr("Previous Pa&ne"));
    const QStringList tableNames = {tr("Table &2: Proactive Disclosure"), tr("Table &3: Applications"),
                                    tr("Table &4: Reconsideration and Litigation")};
    for (int i = 0; i < m_tableActs.size(); ++i)
        m_tableActs[i]->setText(tableNames[i]);
    m_langSystemAct->setText(tr("&System Language"));
    m_aboutAct->setText(tr("&About Nianbao"));
    m_queueDock->setWindowTitle(tr("Reports"));
    m_queueDock->toggleViewAction()->setText(tr("&Reports List"));
    m_historyDock->setWindowTitle(tr("Corrections"));
    m_historyDock->toggleViewAction()->setText(tr("&Corrections"));
    if (auto *history = m_historyDock->findChild<QUndoView *>())
        history->setEmptyLabel(tr("As extracted"));
    m_progress->setFormat(tr("Reading %v of %m"));
    updateFindingDetail();
    updateStoreStatus();
    updateRecentMenu();
    updateTabs();
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
    m_language = language;
    Language::set(language);
    // Qt's LanguageChange comes later, as an event: every pane is reworded now, together.
    for (QAction *a : m_langGroup->actions())
        a->setChecked(a->data().toString() == language);
    QSettings().setValue(u"language"_s, language);
    retranslateUi();
}

void MainWindow::readSettings()
{
    QSettings s;
    m_recent = s.value(u"recentFiles"_s).toStringList();
    m_lastDir = s.value(u"lastDirectory"_s).toString();
    m_exportDir = s.value(u"exportDir"_s).toString();
    m_reviewer = s.value(u"reviewer"_s).toString();
    m_language = s.value(u"language"_s).toString();
    // A password saved by an older version is taken into memory and removed from the file.
    const QString database = s.value(u"database"_s).toString();
    if (const QString kept = ReviewSession::addressToKeep(database); kept != database)
        s.setValue(u"database"_s, kept);
    for (QAction *a : m_langGroup->actions())
        a->setChecked(a->data().toString() == m_language);
    Language::set(m_language);
    if (!restoreGeometry(s.value(u"geometry"_s).toByteArray()))
        resize(1500, 920);
    if (!restoreState(s.value(u"windowState"_s).toByteArray())) {
        resizeDocks({m_queueDock}, {250}, Qt::Horizontal);
        resizeDocks({m_queueDock, m_historyDock}, {700, 200}, Qt::Vertical);
    }
    if (!m_mainSplitter->restoreState(s.value(u"mainSplitter"_s).toByteArray()))
        m_mainSplitter->setSizes({520, 860});
    if (!m_rightSplitter->restoreState(s.value(u"rightSplitter"_s).toByteArray()))
        m_rightSplitter->setSizes({620, 220});
    m_findingsView->header()->restoreState(s.value(u"findingsHeader"_s).toByteArray());
    updateRecentMenu();
}

void MainWindow::writeSettings()
{
    QSettings s;
    s.setValue(u"geometry"_s, saveGeometry());
    s.setValue(u"windowState"_s, saveState());
    s.setValue(u"mainSplitter"_s, m_mainSplitter->saveState());
    s.setValue(u"rightSplitter"_s, m_rightSplitter->saveState());
    s.setValue(u"findingsHeader"_s, m_findingsView->header()->saveState());
    s.setValue(u"recentFiles"_s, m_recent);
    s.setValue(u"lastDirectory"_s, m_lastDir);
    s.setValue(u"language"_s, m_language);
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
    writeSettings();
    event->accept();
}

// ---- opening ------------------------------------------------------------------------------

void MainWindow::open()
{
    const QStringList files = FileDialog::getOpenFileNames(
        this, tr("Open Reports"), m_lastDir,
        tr("Reports (*.txt *.md *.html *.htm *.shtml *.docx *.doc *.pdf *.csv);;All files (*)"));
    if (files.isEmpty())
        return;
    m_lastDir = QFileInfo(files.first()).absolutePath();
    openPaths(files);
}

void MainWindow::openFolder()
{
    const QString dir = FileDialog::getExistingDirectory(this, tr("Open a Folder of Reports"), m_lastDir);
    if (dir.isEmpty())
        return;
    m_lastDir = dir;
    openPaths({dir});
}

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

void MainWindow::addRecent(const QStringList &paths)
{
    for (const QString &p : paths) {
        m_recent.removeAll(p);
        m_recent.prepend(p);
    }
    while (m_recent.size() > MaxRecent)
        m_recent.removeLast();
    if (!paths.isEmpty())
        QSettings().setValue(u"recentFiles"_s, m_recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    for (int i = 0; i < m_recent.size(); ++i) {
        const QString p = m_recent[i];
        QAction *a = m_recentMenu->addAction(
            u"&%1 %2"_s.arg(i < 9 ? QString::number(i + 1) : u" "_s, QFileInfo(p).fileName()));
        a->setToolTip(p);
        a->setStatusTip(p);
        connect(a, &QAction::triggered, this, [this, p] { openPaths({p}); });
    }
    if (!m_recent.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction *clear = m_recentMenu->addAction(tr("Clear &List"));
        connect(clear, &QAction::triggered, this, [this] {
            m_recent.clear();
            QSettings().setValue(u"recentFiles"_s, m_recent);
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!m_recent.isEmpty());
}

void MainWindow::closeReport()
{
    const int row = m_currentRow;
    Review *r = m_queue->review(row);
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
    for (ReportTableModel *m : std::as_const(m_tableModels))
        m->setReview(nullptr);
    m_findingsModel->setReview(nullptr);
    m_session->close(row);
    setCurrentRow(qMin(row, m_queue->rowCount() - 1));
}

void MainWindow::exportReports()
{
    exportScope(ExportScope::Current);
}

void MainWindow::exportReviewed()
{
    exportScope(ExportScope::Reviewed);
}

void MainWindow::exportAll()
{
    exportScope(ExportScope::All);
}

bool MainWindow::exportScope(ExportScope scope)
{
    QList<ReviewedReport> reports;
    if (scope == ExportScope::Current) {
        if (const Review *r = currentReview())
            reports.append(r->reviewed());
    } else {
        for (const Review *r : m_session->reviews())
            if (scope == ExportScope::All || ReviewPolicy::isFinished(r->status()))
                reports.append(r->reviewed());
    }
    if (reports.isEmpty()) {
        MessageBox::information(this, tr("Export"),
                                scope == ExportScope::Reviewed ? tr("No report is marked reviewed yet.")
                                                               : tr("There is no report to export."));
        return false;
    }
    ExportFlow::Settings settings;
    settings.folder = m_exportDir.isEmpty() ? m_lastDir : m_exportDir;
    settings.csvGb18030 = m_csvGbAct->isChecked();
    QString done;
    if (!ExportFlow::run(this, reports, &settings, &done))
        return false;
    m_exportDir = settings.folder;
    QSettings().setValue(u"exportDir"_s, m_exportDir);
    statusBar()->showMessage(done, 8000);
    return true;
}

bool MainWindow::setDatabase(const QString &urlOrPath)
{
    const QString url = urlOrPath.trimmed();
    QString error;
    ReviewSession::StoreOpening opened = m_session->openStore(url, &error);
    // The server wants a password that was not given, or refused the one given: ask for it.
    while (opened == ReviewSession::StoreOpening::PasswordWanted ||
           opened == ReviewSession::StoreOpening::PasswordRefused) {
        const QString location = ReviewSession::storeLocation(url);
        const QString label =
            opened == ReviewSession::StoreOpening::PasswordWanted
                ? tr("The server %1 asks for a password. It is kept in memory until Nianbao is closed, "
                     "never written to disk.")
                      .arg(location)
                : tr("The server %1 refused the password. Type it again (it is kept in memory only).")
                      .arg(location);
        const QString password = TextDialog::getPassword(this, tr("Review Database Password"), label);
        if (password.isNull()) {
            // Nothing is lost: the changes wait on this computer until the server is chosen again.
            QString offlineError;
            opened = m_session->openStoreOffline(url, error, &offlineError)
                         ? ReviewSession::StoreOpening::Opened
                         : ReviewSession::StoreOpening::Failed;
            if (opened == ReviewSession::StoreOpening::Failed)
                error += u' ' + offlineError;
            break;
        }
        opened = m_session->openStore(url, &error, password);
    }
    if (opened != ReviewSession::StoreOpening::Opened) {
        MessageBox::warning(this, tr("Reviews cannot be saved"),
                            error + u' ' + tr("Corrections made now will not be kept."));
        return false;
    }
    if (m_reviewer.isEmpty())
        changeReviewer();
    m_session->setReviewer(m_reviewer);
    updateStoreStatus();
    setCurrentRow(m_currentRow);
    return true;
}

void MainWindow::updateStoreStatus()
{
    if (!m_storeStatus)
        return;
    QStringList parts;
    const StoreState store = m_session->storeState();
    const int held = store.held;
    if (store.open) {
        const int waiting = store.waiting;
        if (!store.online && store.retrying)
            parts.append(
                tr("Server cannot be reached: %n change(s) kept on this computer, sent automatically "
                   "when the connection is back",
                   nullptr, waiting));
        else if (!store.online)
            parts.append(tr("Not connected to the server: %n change(s) kept on this computer; choose File ▸ "
                            "Review Database to connect again",
                            nullptr, waiting));
        else if (waiting > 0)
            parts.append(tr("%n change(s) waiting to be sent to the server", nullptr, waiting));
        if (held > 0)
            parts.append(tr("%n change(s) not sent because others changed the same cells (File ▸ Unsent "
                            "Changes)",
                            nullptr, held));
    }
    m_storeStatus->setText(parts.join(u" · "_s));
    m_storeStatus->setToolTip(store.offlineReason);
    m_storeStatus->setVisible(!parts.isEmpty());
    if (m_unsentAct)
        m_unsentAct->setEnabled(held > 0);
}

void MainWindow::showUnsentChanges()
{
    const QStringList held = m_session->heldChanges();
    if (held.isEmpty()) {
        MessageBox::information(this, tr("Unsent Changes"), tr("Every change has reached the server."));
        return;
    }
    const auto answer = MessageBox::question(
        this, tr("Unsent Changes"),
        tr("These changes were made while the server could not be reached; meanwhile others changed the "
           "same cells:") +
            u"\n\n"_s + held.join(u'\n') + u"\n\n"_s +
            tr("Apply: send yours over theirs. Discard: give yours up and keep theirs. Cancel: decide "
               "later."),
        QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Apply && answer != QMessageBox::Discard)
        return;
    QString error;
    if (!m_session->resolveHeld(answer == QMessageBox::Apply, &error))
        MessageBox::warning(this, tr("Unsent Changes"), error);
    updateStoreStatus();
    updateStatus();
}

void MainWindow::chooseDatabase()
{
    const QString current = m_session->storeState().location;
    const QString url =
        TextDialog::getText(this, tr("Review Database"),
                            tr("Where reviews are kept: a SQLite file, or a team's server as "
                               "postgresql://user@host:5432/database (the password is read "
                               "from ~/.pgpass or asked for). Leave empty for your own file."),
                            current);
    if (url.isNull())
        return;
    if (setDatabase(url.trimmed())) {
        QSettings().setValue(u"database"_s, ReviewSession::addressToKeep(url.trimmed()));
        statusBar()->showMessage(tr("Reviews are kept in %1").arg(m_session->storeState().location), 8000);
    }
}

QStringList MainWindow::savedQueue() const
{
    return m_session->savedQueue();
}

void MainWindow::changeReviewer()
{
    QString fallback = m_reviewer;
    if (fallback.isEmpty())
        fallback = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    const QString name =
        TextDialog::getText(this, tr("Reviewer"), tr("Your name, recorded with every correction:"), fallback)
            .trimmed();
    m_reviewer = name.isEmpty() ? fallback : name;
    QSettings().setValue(u"reviewer"_s, m_reviewer);
    m_session->setReviewer(m_reviewer);
}

// ---- the current report -------------------------------------------------------------------

Review *MainWindow::currentReview() const
{
    return m_queue->review(m_currentRow);
}

void MainWindow::setCurrentRow(int row)
{
    if (row >= m_queue->rowCount())
        row = m_queue->rowCount() - 1;
    m_currentRow = row;
    Review *r = m_queue->review(row);
    m_lastFinding = -1;
    m_lastFindingId.clear();
    for (ReportTableModel *m : std::as_const(m_tableModels))
        m->setReview(r);
    m_findingsModel->setReview(r);
    m_undoGroup->setActiveStack(r ? r->undoStack() : nullptr);
    if (r) {
        m_source->setText(r->report().text);
        connect(r, &Review::statusChanged, this, &MainWindow::updateActions, Qt::UniqueConnection);
        connect(r, &Review::correctionAdded, m_noteEdit, &QLineEdit::clear, Qt::UniqueConnection);
        r->setPendingNote(m_noteEdit->text().trimmed());
        connect(r->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateStatus,
                Qt::UniqueConnection);
    } else if (row >= 0) {
        m_source->setText(m_queue->data(m_queue->index(row), ReportQueueModel::ErrorRole).toString());
    } else {
        m_source->setText({});
    }
    if (row >= 0) {
        const QModelIndex qi = m_queueFilter->mapFromSource(m_queue->index(row));
        if (qi.isValid() && m_queueView->currentIndex() != qi)
            m_queueView->selectionModel()->setCurrentIndex(qi, QItemSelectionModel::ClearAndSelect);
    }
    // Open on the first table with an error, else the one shown.
    if (r) {
        for (int i = 0; i < tableKeys.size(); ++i) {
            bool err = false;
            for (const Finding &f : r->findings())
                err |= f.isError() && !f.cells.isEmpty() && tableOf(f.cells.first()) == tableKeys[i];
            if (err) {
                m_tabs->setCurrentIndex(i);
                break;
            }
        }
    }
    updateTabs();
    updateStatus();
    updateActions();
}

FormView *MainWindow::tableView(const QString &tableKey) const
{
    const qsizetype i = tableKeys.indexOf(tableKey);
    return i >= 0 ? m_views[i] : nullptr;
}

FormView *MainWindow::currentView() const
{
    return m_views.value(m_tabs->currentIndex());
}

FormView *MainWindow::viewForKey(const QString &key) const
{
    return tableView(tableOf(key));
}

void MainWindow::updateTabs()
{
    const QStringList names = {tr("Table 2 · Proactive"), tr("Table 3 · Applications"),
                               tr("Table 4 · Reconsideration, litigation")};
    const Review *r = currentReview();
    for (int i = 0; i < tableKeys.size(); ++i) {
        int errors = 0, warnings = 0;
        if (r) {
            for (const Finding &f : r->findings())
                if (!f.cells.isEmpty() && tableOf(f.cells.first()) == tableKeys[i])
                    (f.isError() ? errors : warnings)++;
        }
        QString text = names[i];
        if (errors > 0)
            text += u" (%1)"_s.arg(errors);
        m_tabs->setTabText(i, text);
        m_tabs->setTabIcon(i, errors     ? Icons::dot(Palette::errorText())
                              : warnings ? Icons::dot(QColor(0xe0, 0x9b, 0x00))
                              : r        ? Icons::dot(Palette::clean())
                                         : QIcon());
    }
}

void MainWindow::updateStatus()
{
    const Review *r = currentReview();
    if (!r) {
        m_statusCounts->clear();
        m_statusTotals->clear();
        m_findingsSummary->setText(m_currentRow >= 0 ? tr("This file could not be read as a report.")
                                                     : tr("Drop report files or folders here, or open them "
                                                          "with File ▸ Open (Ctrl+O)."));
        m_title->setText(
            m_currentRow >= 0
                ? u"<b>%1</b>"_s.arg(QFileInfo(m_queue->path(m_currentRow)).fileName().toHtmlEscaped())
                : QString());
        setWindowTitle(QString());
        return;
    }
    const Report &rep = r->report();
    const int errors = r->errorCount(), warnings = r->warningCount();
    const int corrections = int(r->corrections().size());
    QString summary;
    if (errors == 0 && warnings == 0)
        summary = tr("No findings: the tables add up.");
    else
        summary = tr("%n error(s)", nullptr, errors) + u", "_s + tr("%n warning(s)", nullptr, warnings);
    m_findingsSummary->setText(u"<b>%1</b> &nbsp; <span style=\"color:#667\">%2</span>"_s.arg(
        summary.toHtmlEscaped(),
        tr("F8 next, Shift+F8 previous; click a finding to select its cells").toHtmlEscaped()));
    m_statusCounts->setText(u"<span style=\"color:%1\">%2</span> · %3 · %4"_s.arg(
        errors ? Palette::errorText().name() : Palette::clean().name(), tr("%n error(s)", nullptr, errors),
        tr("%n warning(s)", nullptr, warnings), tr("%n correction(s)", nullptr, corrections)));
    auto total = [&](const QString &key) {
        const Cell *c = rep.cell(key);
        return !c ? u"–"_s : c->state == Cell::State::Blank ? tr("blank") : c->displayText();
    };
    m_statusTotals->setText(tr("Received %1 · carried over %2 · processed %3 · carried forward %4")
                                .arg(total(u"t3.new_received.total"_s), total(u"t3.carried_over.total"_s),
                                     total(u"t3.total_processed.total"_s),
                                     total(u"t3.carried_forward.total"_s)));
    QStringList facts;
    if (!rep.year.isEmpty())
        facts.append(tr("year %1").arg(rep.year));
    facts.append(tr("template %1").arg(rep.templateName()));
    facts.append(rep.format + (rep.encoding.isEmpty() ? QString() : u" · "_s + rep.encoding));
    if (r->status() == ReviewStatus::Reviewed)
        facts.append(tr("reviewed"));
    QString title = rep.unit.isEmpty() ? QFileInfo(rep.source).fileName() : rep.unit;
    m_title->setText(
        u"<span style=\"font-size:larger\"><b>%1</b></span> &nbsp; <span style=\"color:#667\">%2</span>"_s
            .arg(title.toHtmlEscaped(), facts.join(u" · "_s).toHtmlEscaped()));
    if (!rep.encodingNote.isEmpty())
        m_title->setToolTip(rep.encodingNote);
    setWindowTitle(QFileInfo(rep.source).fileName() + u"[*]"_s);
    setWindowModified(!r->undoStack()->isClean());
}

void MainWindow::updateActions()
{
    Review *r = currentReview();
    const bool hasCell = r && currentView() && !currentView()->currentKey().isEmpty();
    for (QAction *a :
         {m_clearAct, m_copyAct, m_pasteAct, m_takeAct, m_shiftLeftAct, m_shiftRightAct, m_moveRowAct})
        a->setEnabled(hasCell);
    m_reviewedAct->setEnabled(r != nullptr);
    m_reviewedAct->setChecked(r && r->status() == ReviewStatus::Reviewed);
    m_closeAct->setEnabled(m_currentRow >= 0);
    m_nextFindingAct->setEnabled(r != nullptr);
    m_prevFindingAct->setEnabled(r != nullptr);
}

// ---- linking ------------------------------------------------------------------------------

void MainWindow::updateQueueCounts()
{
    int errors = 0, reviewed = 0, unreadable = 0;
    const int total = m_queue->rowCount();
    for (int i = 0; i < total; ++i) {
        switch (m_queue->state(i)) {
        case ReportQueueModel::Errors:
            ++errors;
            break;
        case ReportQueueModel::Reviewed:
            ++reviewed;
            break;
        case ReportQueueModel::Unreadable:
            ++unreadable;
            break;
        default:
            break;
        }
    }
    QString text = tr("%n report(s)", nullptr, total) + u" · "_s + tr("%n with errors", nullptr, errors) +
                   u" · "_s + tr("%n reviewed", nullptr, reviewed);
    if (unreadable > 0)
        text += u" · "_s + tr("%n unreadable", nullptr, unreadable);
    if (m_queueFilter->rowCount() != total)
        text += u" · "_s + tr("%n shown", nullptr, m_queueFilter->rowCount());
    m_queueCounts->setText(text);
}

void MainWindow::updateCellHistory(const QString &key)
{
    const QString name = m_cellHistory->showCell(currentReview(), key, m_session);
    m_cellHistoryDock->setWindowTitle(name.isEmpty() ? tr("Cell History") : tr("History of %1").arg(name));
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
    if (!r)
        return;
    const QString key = r->report().cellAt(position);
    if (key.isEmpty())
        return;
    FormView *v = viewForKey(key);
    if (!v)
        return;
    m_syncing = true;
    m_tabs->setCurrentWidget(v);
    v->selectKeys({key});
    m_syncing = false;
    statusBar()->showMessage(RuleEngine::cellName(*r->report().tmpl, key), 4000);
}

void MainWindow::selectFinding(int row)
{
    const Review *r = currentReview();
    if (!r || row < 0 || row >= r->findings().size())
        return;
    const Finding &f = r->findings()[row];
    m_lastFinding = row;
    m_lastFindingId = findingId(f);
    const QModelIndex fi = m_findingsModel->index(row, 0);
    if (m_findingsView->currentIndex().row() != row)
        m_findingsView->selectionModel()->setCurrentIndex(fi, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    if (f.cells.isEmpty())
        return;
    FormView *v = viewForKey(f.cells.first());
    if (!v)
        return;
    m_tabs->setCurrentWidget(v);
    // The cell to correct first: a blank one the finding names, else the first cell.
    QStringList keys = f.cells;
    if (!f.blankCells.isEmpty()) {
        keys.removeAll(f.blankCells.first());
        keys.prepend(f.blankCells.first());
    }
    v->selectKeys(keys);
    m_findingsView->scrollTo(fi);
    updateFindingDetail();
}

void MainWindow::updateFindingDetail()
{
    const Review *r = currentReview();
    if (!m_findingDetail || !r || m_lastFinding < 0 || m_lastFinding >= r->findings().size() ||
        m_lastFindingId.isEmpty())
        return;
    const Finding &f = r->findings()[m_lastFinding];
    m_findingDetail->setText(u"<span style=\"color:%1\"><b>%2</b></span> %3"_s.arg(
        (f.isError() ? Palette::errorText() : Palette::warningText()).name(), f.rule.toHtmlEscaped(),
        f.text().toHtmlEscaped()));
}

void MainWindow::nextFinding()
{
    const Review *r = currentReview();
    if (!r || r->findings().isEmpty())
        return;
    const int n = int(r->findings().size());
    selectFinding((m_lastFinding + 1 + n) % n);
    if (FormView *v = currentView())
        v->setFocus();
}

void MainWindow::previousFinding()
{
    const Review *r = currentReview();
    if (!r || r->findings().isEmpty())
        return;
    const int n = int(r->findings().size());
    selectFinding(m_lastFinding < 0 ? n - 1 : (m_lastFinding - 1 + n) % n);
    if (FormView *v = currentView())
        v->setFocus();
}

void MainWindow::focusPane(int step)
{
    QList<QWidget *> panes = {m_queueView, currentView(), m_findingsView, m_source->editor()};
    panes.removeAll(nullptr);
    int at = -1;
    for (int i = 0; i < panes.size(); ++i)
        if (panes[i]->isAncestorOf(focusWidget()) || panes[i] == focusWidget())
            at = i;
    const int n = int(panes.size());
    panes[((at < 0 ? 0 : at + step) % n + n) % n]->setFocus(Qt::ShortcutFocusReason);
}

// ---- editing ------------------------------------------------------------------------------

void MainWindow::clearSelectedCells()
{
    Review *r = currentReview();
    FormView *v = currentView();
    if (!r || !v)
        return;
    QString error;
    if (!r->clearCells(v->selectedKeys(), &error))
        statusBar()->showMessage(error, 4000);
}

void MainWindow::copySelectedCells()
{
    Review *r = currentReview();
    FormView *v = currentView();
    if (!r || !v)
        return;
    const QStringList keys = v->selectedKeys();
    if (keys.isEmpty())
        return;
    // As a spreadsheet block: the rows and columns the selection covers in the form.
    const FormLayout &f = v->formModel()->layout();
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QString &k : keys) {
        const QPoint p = f.position(k);
        top = qMin(top, p.y());
        bottom = qMax(bottom, p.y());
        left = qMin(left, p.x());
        right = qMax(right, p.x());
    }
    QStringList lines;
    for (int y = top; y <= bottom; ++y) {
        QStringList cells;
        bool any = false;
        for (int x = left; x <= right; ++x) {
            const QString k = f.at(y, x).key;
            const Cell *c = keys.contains(k) ? r->report().cell(k) : nullptr;
            any |= keys.contains(k);
            cells.append(c ? c->displayText() : QString());
        }
        if (any)
            lines.append(cells.join(u'\t'));
    }
    QGuiApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

void MainWindow::pasteCells()
{
    Review *r = currentReview();
    FormView *v = currentView();
    if (!r || !v || v->currentKey().isEmpty())
        return;
    QString error;
    if (!r->paste(v->currentKey(), QGuiApplication::clipboard()->text(), &error))
        statusBar()->showMessage(error, 4000);
}

void MainWindow::takeFromSource()
{
    Review *r = currentReview();
    FormView *v = currentView();
    if (!r || !v || v->currentKey().isEmpty())
        return;
    const QString text =
        m_source->editor()->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n');
    QString error;
    if (text.trimmed().isEmpty())
        statusBar()->showMessage(tr("Select numbers in the source first."), 4000);
    else if (!r->paste(v->currentKey(), text, &error))
        statusBar()->showMessage(error, 4000);
}

void MainWindow::shiftRowLeft()
{
    Review *r = currentReview();
    FormView *v = currentView();
    QString error;
    if (r && v && !r->shiftRow(Review::rowIdOf(v->currentKey()), -1, &error))
        statusBar()->showMessage(error, 4000);
}

void MainWindow::shiftRowRight()
{
    Review *r = currentReview();
    FormView *v = currentView();
    QString error;
    if (r && v && !r->shiftRow(Review::rowIdOf(v->currentKey()), 1, &error))
        statusBar()->showMessage(error, 4000);
}

void MainWindow::moveRow()
{
    Review *r = currentReview();
    FormView *v = currentView();
    if (!r || !v || v->currentKey().isEmpty())
        return;
    const QString from = Review::rowIdOf(v->currentKey());
    QStringList rows = r->tableRows(tableOf(from));
    rows.removeAll(from);
    QStringList labels;
    for (const QString &row : std::as_const(rows))
        labels.append(RuleEngine::rowName(*r->report().tmpl, r->rowCells(row).value(0)));
    const int i =
        ItemDialog::getItem(this, tr("Move Row Values"), tr("Move the values of this row to:"), labels, 0);
    if (i < 0 || i >= rows.size())
        return;
    QString error;
    if (!r->moveRow(from, rows[i], &error))
        statusBar()->showMessage(error, 4000);
    else
        v->selectKeys(r->rowCells(rows[i]));
}

void MainWindow::toggleReviewed()
{
    Review *r = currentReview();
    if (!r)
        return;
    if (r->status() == ReviewStatus::Reviewed) {
        r->setStatus(ReviewStatus::InReview);
    } else {
        if (r->errorCount() > 0) {
            const auto answer = MessageBox::question(
                this, tr("Mark Reviewed"),
                tr("This report still has %n error(s). Mark it reviewed anyway?", nullptr, r->errorCount()),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes) {
                updateActions();
                return;
            }
        }
        r->setStatus(ReviewStatus::Reviewed);
        r->undoStack()->setClean();
    }
    updateActions();
    updateStatus();
}

} // namespace nianbao::ui
