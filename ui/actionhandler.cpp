#include "actionhandler.h"

#include "exportflow.h"
#include "filedialog.h"
#include "findingspanel.h"
#include "formview.h"
#include "helpmenu.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "printflow.h"
#include "queuepanel.h"
#include "review/review.h"
#include "session/reviewpolicy.h"
#include "session/reviewsession.h"
#include "settings.h"
#include "sourcepane.h"
#include "tablespanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoGroup>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

ActionHandler::ActionHandler(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(u"actionHandler"_s);
    createActions();
    createMenus();
    createToolBar();
    // The name given before is the one recorded; a change of a reviewed report asks first.
    window->session()->setReviewer(window->settings()->reviewer());
    window->session()->setEditGuard([this](const Review &review) { return confirmEdit(review); });
}

QAction *ActionHandler::make(const char *name, const QKeySequence &key)
{
    auto *a = new QAction(m_window);
    a->setObjectName(QString::fromLatin1(name));
    if (!key.isEmpty())
        a->setShortcut(key);
    m_window->addAction(a);
    return a;
}

void ActionHandler::createActions()
{
    MainWindow *w = m_window;
    TablesPanel *tables = w->tablesPanel();
    m_open = make("actionOpen", QKeySequence::Open);
    connect(m_open, &QAction::triggered, this, &ActionHandler::open);
    m_openFolder = make("actionOpenFolder", QKeySequence(u"Ctrl+Shift+O"_s));
    connect(m_openFolder, &QAction::triggered, this, &ActionHandler::openFolder);
    m_close = make("actionCloseReport", QKeySequence::Close);
    connect(m_close, &QAction::triggered, w, &MainWindow::closeReport);
    m_export = make("actionExport", QKeySequence(u"Ctrl+E"_s));
    connect(m_export, &QAction::triggered, this, [this] { exportScope(Scope::Current); });
    m_exportReviewed = make("actionExportReviewed", {});
    connect(m_exportReviewed, &QAction::triggered, this, [this] { exportScope(Scope::Reviewed); });
    m_exportAll = make("actionExportAll", QKeySequence(u"Ctrl+Shift+E"_s));
    connect(m_exportAll, &QAction::triggered, this, [this] { exportScope(Scope::All); });
    m_exportLetter = make("actionExportLetter", QKeySequence(u"Ctrl+Shift+L"_s));
    connect(m_exportLetter, &QAction::triggered, this, &ActionHandler::exportLetter);
    m_print = make("actionPrint", QKeySequence::Print);
    connect(m_print, &QAction::triggered, this, [this] { printReport(false); });
    m_printPreview = make("actionPrintPreview", QKeySequence(u"Ctrl+Shift+P"_s));
    connect(m_printPreview, &QAction::triggered, this, [this] { printReport(true); });
    m_csvGb = make("actionCsvGb18030", {});
    m_csvGb->setCheckable(true);
    m_reviewer = make("actionReviewer", {});
    connect(m_reviewer, &QAction::triggered, this, &ActionHandler::changeReviewer);
    m_database = make("actionDatabase", {});
    connect(m_database, &QAction::triggered, this, &ActionHandler::chooseDatabase);
    m_unsent = make("actionUnsentChanges", {});
    connect(m_unsent, &QAction::triggered, this, &ActionHandler::showUnsentChanges);
    m_quit = make("actionQuit", QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, w, &QWidget::close);

    // Undo and redo worded by this window (QUndoGroup's own actions keep the words of the language
    // they were made in when View ▸ Language switches it).
    QUndoGroup *undo = w->session()->undoGroup();
    m_undo = make("actionUndo", QKeySequence::Undo);
    connect(m_undo, &QAction::triggered, undo, &QUndoGroup::undo);
    connect(undo, &QUndoGroup::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(undo, &QUndoGroup::undoTextChanged, this, &ActionHandler::updateUndoTexts);
    m_undo->setEnabled(undo->canUndo());
    m_redo = make("actionRedo", {});
    m_redo->setShortcuts({QKeySequence(u"Ctrl+Shift+Z"_s), QKeySequence(u"Ctrl+Y"_s)});
    connect(m_redo, &QAction::triggered, undo, &QUndoGroup::redo);
    connect(undo, &QUndoGroup::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(undo, &QUndoGroup::redoTextChanged, this, &ActionHandler::updateUndoTexts);
    m_redo->setEnabled(undo->canRedo());

    // Cell actions act on the tables; their shortcuts work where the tables have the focus.
    auto cellAction = [w, tables](const char *name, const QList<QKeySequence> &keys) {
        auto *a = new QAction(w);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        tables->tabs()->addAction(a);
        for (FormView *v : tables->views())
            v->addAction(a);
        return a;
    };
    m_clear = cellAction("actionClear", {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    connect(m_clear, &QAction::triggered, tables, &TablesPanel::clearSelectedCells);
    m_copy = cellAction("actionCopy", {QKeySequence::Copy});
    connect(m_copy, &QAction::triggered, tables, &TablesPanel::copySelectedCells);
    m_paste = cellAction("actionPaste", {QKeySequence::Paste});
    connect(m_paste, &QAction::triggered, tables, &TablesPanel::pasteCells);
    m_take = cellAction("actionTakeFromSource", {QKeySequence(u"Ctrl+Shift+V"_s)});
    connect(m_take, &QAction::triggered, tables, [w, tables] {
        tables->pasteFromSource(
            w->sourcePane()->editor()->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n'));
    });
    m_shiftLeft =
        cellAction("actionShiftLeft", {QKeySequence(u"Ctrl+Alt+Left"_s), QKeySequence(u"Ctrl+["_s)});
    connect(m_shiftLeft, &QAction::triggered, tables, &TablesPanel::shiftRowLeft);
    m_shiftRight =
        cellAction("actionShiftRight", {QKeySequence(u"Ctrl+Alt+Right"_s), QKeySequence(u"Ctrl+]"_s)});
    connect(m_shiftRight, &QAction::triggered, tables, &TablesPanel::shiftRowRight);
    m_moveRow = cellAction("actionMoveRow", {QKeySequence(u"Ctrl+M"_s)});
    connect(m_moveRow, &QAction::triggered, tables, &TablesPanel::moveRow);

    m_reviewed = make("actionMarkReviewed", QKeySequence(u"Ctrl+Alt+Return"_s));
    m_reviewed->setCheckable(true);
    connect(m_reviewed, &QAction::triggered, this, &ActionHandler::toggleReviewed);
    // The daily round: marked, and on to the next report of the list still to review.
    m_reviewedNext = make("actionMarkReviewedAndNext", QKeySequence(u"Ctrl+Return"_s));
    connect(m_reviewedNext, &QAction::triggered, w, &MainWindow::markReviewedAndNext);
    m_sent = make("actionMarkSent", QKeySequence(u"Ctrl+Shift+Return"_s));
    m_sent->setCheckable(true);
    connect(m_sent, &QAction::triggered, this, &ActionHandler::toggleSent);

    m_nextFinding = make("actionNextFinding", QKeySequence(Qt::Key_F8));
    connect(m_nextFinding, &QAction::triggered, w, &MainWindow::nextFinding);
    m_prevFinding = make("actionPreviousFinding", QKeySequence(Qt::SHIFT | Qt::Key_F8));
    connect(m_prevFinding, &QAction::triggered, w, &MainWindow::previousFinding);
    m_find = make("actionFind", QKeySequence::Find);
    connect(m_find, &QAction::triggered, w->sourcePane(), &SourcePane::showFindBar);
    m_nextReport = make("actionNextReport", QKeySequence(u"Ctrl+PgDown"_s));
    connect(m_nextReport, &QAction::triggered, w, [w] {
        if (w->currentRow() + 1 < w->session()->count())
            w->setCurrentRow(w->currentRow() + 1);
    });
    m_prevReport = make("actionPreviousReport", QKeySequence(u"Ctrl+PgUp"_s));
    connect(m_prevReport, &QAction::triggered, w, [w] {
        if (w->currentRow() > 0)
            w->setCurrentRow(w->currentRow() - 1);
    });
    m_nextPane = make("actionNextPane", QKeySequence(Qt::Key_F6));
    connect(m_nextPane, &QAction::triggered, w, [w] { w->focusPane(1); });
    m_prevPane = make("actionPreviousPane", QKeySequence(Qt::SHIFT | Qt::Key_F6));
    connect(m_prevPane, &QAction::triggered, w, [w] { w->focusPane(-1); });
    for (int i = 0; i < tables->views().size(); ++i) {
        QAction *a = make("actionTable", QKeySequence(u"Ctrl+%1"_s.arg(i + 2)));
        a->setObjectName(u"actionTable"_s + QString::number(i + 2));
        connect(a, &QAction::triggered, tables, [tables, i] { tables->showTable(i); });
        m_tables.append(a);
    }

    // The tables' zoom, remembered; fit-to-width shows every column in the room there is.
    m_zoomIn = make("actionZoomIn", {});
    m_zoomIn->setShortcuts({QKeySequence(u"Ctrl+="_s), QKeySequence(QKeySequence::ZoomIn)});
    connect(m_zoomIn, &QAction::triggered, tables, [tables] { tables->zoomBy(1); });
    m_zoomOut = make("actionZoomOut", QKeySequence(QKeySequence::ZoomOut));
    connect(m_zoomOut, &QAction::triggered, tables, [tables] { tables->zoomBy(-1); });
    m_zoomReset = make("actionZoomReset", QKeySequence(u"Ctrl+0"_s));
    connect(m_zoomReset, &QAction::triggered, tables, [tables] { tables->setZoom(1.0); });
    m_fitWidth = make("actionFitWidth", {});
    m_fitWidth->setCheckable(true);
    connect(m_fitWidth, &QAction::triggered, tables, &TablesPanel::setFitWidth);
    connect(tables, &TablesPanel::zoomChanged, this, [this, w, tables] {
        w->settings()->setTablesZoom(tables->zoom(), tables->fitsWidth());
        updateZoomActions();
    });
    if (w->settings()->tablesFitWidth())
        tables->setFitWidth(true);
    else
        tables->setZoom(w->settings()->tablesZoom());

    m_langGroup = new QActionGroup(w);
    m_langSystem = new QAction(m_langGroup);
    auto *zh = new QAction(m_langGroup);
    auto *en = new QAction(m_langGroup);
    m_langSystem->setData(QString());
    zh->setData(u"zh_CN"_s);
    en->setData(u"en"_s);
    zh->setText(u"简体中文"_s);
    en->setText(u"English"_s);
    for (QAction *a : m_langGroup->actions())
        a->setCheckable(true);
    connect(m_langGroup, &QActionGroup::triggered, w,
            [w](QAction *a) { w->setLanguage(a->data().toString()); });

    w->queuePanel()->view()->addAction(m_close);
    w->queuePanel()->view()->addAction(m_reviewed);
    w->queuePanel()->view()->addAction(m_reviewedNext);
    w->queuePanel()->view()->addAction(m_sent);
}

void ActionHandler::createMenus()
{
    QMenuBar *bar = m_window->menuBar();
    m_fileMenu = bar->addMenu(QString());
    m_fileMenu->addAction(m_open);
    m_fileMenu->addAction(m_openFolder);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(u"recentMenu"_s);
    m_fileMenu->addSeparator();
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->setObjectName(u"menuExport"_s);
    m_exportMenu->addActions({m_export, m_exportReviewed, m_exportAll});
    m_exportMenu->addSeparator();
    m_exportMenu->addAction(m_exportLetter);
    m_exportMenu->addSeparator();
    m_exportMenu->addAction(m_csvGb);
    m_fileMenu->addActions({m_print, m_printPreview});
    m_fileMenu->addActions({m_database, m_unsent});
    m_fileMenu->addSeparator();
    m_fileMenu->addActions({m_close, m_quit});

    m_editMenu = bar->addMenu(QString());
    m_editMenu->addActions({m_undo, m_redo});
    m_editMenu->addSeparator();
    m_editMenu->addActions({m_copy, m_paste, m_take, m_clear});
    m_editMenu->addSeparator();
    m_editMenu->addActions({m_shiftLeft, m_shiftRight, m_moveRow});
    m_editMenu->addSeparator();
    m_editMenu->addActions({m_reviewed, m_reviewedNext, m_sent, m_reviewer});
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_window->findingsPanel()->acceptAction());
    m_editMenu->addActions(m_window->findingsPanel()->dispositionActions());

    m_goMenu = bar->addMenu(QString());
    m_goMenu->addActions({m_nextFinding, m_prevFinding});
    m_goMenu->addSeparator();
    m_goMenu->addAction(m_find);
    m_goMenu->addSeparator();
    m_goMenu->addActions(m_tables);
    m_goMenu->addSeparator();
    m_goMenu->addActions({m_nextReport, m_prevReport, m_nextPane, m_prevPane});

    m_viewMenu = bar->addMenu(QString());
    m_viewMenu->addAction(m_window->queueDock()->toggleViewAction());
    m_viewMenu->addAction(m_window->historyDock()->toggleViewAction());
    m_viewMenu->addAction(m_window->cellHistoryDock()->toggleViewAction());
    m_viewMenu->addAction(m_window->sourcePane()->pagesAction());
    m_viewMenu->addSeparator();
    m_zoomMenu = m_viewMenu->addMenu(QString());
    m_zoomMenu->setObjectName(u"zoomMenu"_s);
    m_zoomMenu->addActions({m_zoomIn, m_zoomOut, m_zoomReset});
    m_zoomMenu->addSeparator();
    m_zoomMenu->addAction(m_fitWidth);
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(u"languageMenu"_s);
    m_languageMenu->addActions(m_langGroup->actions());

    m_helpMenu = bar->addMenu(QString());
    m_helpMenu->setObjectName(u"menuHelp"_s);
    m_help = new HelpMenu(m_window, m_helpMenu);
    connect(m_window->findingsPanel(), &FindingsPanel::ruleHelpRequested, m_help, &HelpMenu::showRule);

    for (FormView *v : m_window->tablesPanel()->views()) {
        auto *sep = new QAction(v);
        sep->setSeparator(true);
        v->insertAction(m_clear, sep);
        auto *sep2 = new QAction(v);
        sep2->setSeparator(true);
        v->insertAction(m_shiftLeft, sep2);
        v->addAction(m_undo);
        v->addAction(m_redo);
    }
}

void ActionHandler::createToolBar()
{
    // The day's actions, one click away; hidden or shown from View, remembered with the layout.
    m_toolBar = m_window->addToolBar(QString());
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(18, 18));
    const QStyle *style = m_window->style();
    m_open->setIcon(QIcon::fromTheme(u"document-open"_s, style->standardIcon(QStyle::SP_DialogOpenButton)));
    m_exportMenu->setIcon(
        QIcon::fromTheme(u"document-save-as"_s, style->standardIcon(QStyle::SP_DialogSaveButton)));
    m_undo->setIcon(QIcon::fromTheme(u"edit-undo"_s, style->standardIcon(QStyle::SP_ArrowBack)));
    m_redo->setIcon(QIcon::fromTheme(u"edit-redo"_s, style->standardIcon(QStyle::SP_ArrowForward)));
    m_reviewedNext->setIcon(
        QIcon::fromTheme(u"go-next"_s, style->standardIcon(QStyle::SP_DialogApplyButton)));
    m_zoomIn->setIcon(QIcon::fromTheme(u"zoom-in"_s));
    m_zoomOut->setIcon(QIcon::fromTheme(u"zoom-out"_s));
    m_fitWidth->setIcon(QIcon::fromTheme(u"zoom-fit-width"_s));
    m_toolBar->addAction(m_open);
    m_toolBar->addAction(m_exportMenu->menuAction());
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_undo, m_redo});
    m_toolBar->addSeparator();
    const QList<QAction *> judge = m_window->findingsPanel()->dispositionActions().mid(0, 2);
    judge.value(0)->setIcon(
        QIcon::fromTheme(u"dialog-ok"_s, style->standardIcon(QStyle::SP_DialogYesButton)));
    judge.value(1)->setIcon(
        QIcon::fromTheme(u"dialog-cancel"_s, style->standardIcon(QStyle::SP_DialogNoButton)));
    m_toolBar->addActions(judge);
    m_toolBar->addAction(m_reviewedNext);
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_zoomOut, m_zoomIn, m_fitWidth});
    // The export button opens its menu at once: current, reviewed, all.
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_exportMenu->menuAction())))
        button->setPopupMode(QToolButton::InstantPopup);
    m_viewMenu->insertAction(m_viewMenu->actions().value(0), m_toolBar->toggleViewAction());
}

void ActionHandler::updateZoomActions()
{
    const TablesPanel *tables = m_window->tablesPanel();
    m_fitWidth->setChecked(tables->fitsWidth());
    m_zoomIn->setEnabled(tables->fitsWidth() || tables->zoom() < 3.0);
    m_zoomOut->setEnabled(tables->fitsWidth() || tables->zoom() > 0.5);
    m_zoomReset->setText(tr("&Actual Size (%1%)").arg(qRound(tables->zoom() * 100)));
}

void ActionHandler::updateUndoTexts()
{
    const QUndoGroup *undo = m_window->session()->undoGroup();
    const QString u = undo->undoText(), r = undo->redoText();
    m_undo->setText(u.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(u));
    m_redo->setText(r.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(r));
    m_undo->setIconText(tr("Undo"));
    m_redo->setIconText(tr("Redo"));
}

void ActionHandler::retranslateUi()
{
    updateUndoTexts();
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_goMenu->setTitle(tr("&Go"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_open->setText(tr("&Open Reports…"));
    m_openFolder->setText(tr("Open &Folder…"));
    m_close->setText(tr("&Close Report"));
    m_exportMenu->setTitle(tr("&Export"));
    m_export->setText(tr("&Current Report…"));
    m_exportLetter->setText(tr("&Letter to the Body…"));
    m_print->setText(tr("&Print…"));
    m_printPreview->setText(tr("Print Pre&view…"));
    m_exportLetter->setStatusTip(tr("The current report's problems for its body to correct, as PDF or Word"));
    m_exportReviewed->setText(tr("&Reviewed Reports…"));
    m_exportAll->setText(tr("&All Reports…"));
    m_csvGb->setText(tr("CSV in &GB18030 (for older Excel)"));
    m_reviewer->setText(tr("Reviewer &Name…"));
    m_database->setText(tr("Review &Database…"));
    m_unsent->setText(tr("&Unsent Changes…"));
    m_quit->setText(tr("&Quit"));
    m_clear->setText(tr("C&lear Cells"));
    m_copy->setText(tr("&Copy Cells"));
    m_paste->setText(tr("&Paste"));
    m_take->setText(tr("&Take Selection from Source"));
    m_take->setToolTip(tr("Put the numbers selected in the source into the cells from the current one on"));
    m_shiftLeft->setText(tr("Shift Row &Left"));
    m_shiftRight->setText(tr("Shift Row &Right"));
    m_moveRow->setText(tr("&Move Row Values To…"));
    m_reviewed->setText(tr("Mark &Reviewed"));
    m_reviewedNext->setText(tr("Mark Reviewed and &Next"));
    m_reviewedNext->setToolTip(
        tr("Mark this report reviewed and show the next one in the list still to review"));
    m_sent->setText(tr("Mark &Sent"));
    m_sent->setToolTip(tr("The reviewed report was passed on (sent); only a reviewed report can be sent"));
    m_nextFinding->setText(tr("&Next Finding"));
    m_prevFinding->setText(tr("&Previous Finding"));
    m_find->setText(tr("&Find in Source…"));
    m_nextReport->setText(tr("Next &Report"));
    m_prevReport->setText(tr("Previous R&eport"));
    m_nextPane->setText(tr("Next P&ane"));
    m_prevPane->setText(tr("Previous Pa&ne"));
    const QStringList tableNames = {tr("Table &2: Proactive Disclosure"), tr("Table &3: Applications"),
                                    tr("Table &4: Reconsideration and Litigation")};
    for (int i = 0; i < m_tables.size(); ++i)
        m_tables[i]->setText(tableNames.value(i));
    m_langSystem->setText(tr("&System Language"));
    m_help->retranslateUi();
    m_zoomMenu->setTitle(tr("&Zoom"));
    m_zoomIn->setText(tr("Zoom &In"));
    m_zoomOut->setText(tr("Zoom &Out"));
    m_fitWidth->setText(tr("&Fit Width"));
    m_fitWidth->setToolTip(tr("Zoom each table so that all its columns fit the width"));
    updateZoomActions();
    m_toolBar->setWindowTitle(tr("Toolbar"));
    m_toolBar->toggleViewAction()->setText(tr("&Toolbar"));
    m_window->queueDock()->toggleViewAction()->setText(tr("&Reports List"));
    m_window->historyDock()->toggleViewAction()->setText(tr("&Corrections"));
    updateRecentMenu();
}

void ActionHandler::updateRecentMenu()
{
    const QStringList recent = m_window->settings()->recentFiles();
    m_recentMenu->clear();
    for (int i = 0; i < recent.size(); ++i) {
        const QString p = recent[i];
        QAction *a = m_recentMenu->addAction(
            u"&%1 %2"_s.arg(i < 9 ? QString::number(i + 1) : u" "_s, QFileInfo(p).fileName()));
        a->setToolTip(p);
        a->setStatusTip(p);
        connect(a, &QAction::triggered, m_window, [this, p] { m_window->openPaths({p}); });
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction *clear = m_recentMenu->addAction(tr("Clear &List"));
        connect(clear, &QAction::triggered, this, [this] {
            m_window->settings()->clearRecent();
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void ActionHandler::updateActions(const Review *r, bool hasCell, bool hasRow)
{
    for (QAction *a : {m_clear, m_copy, m_paste, m_take, m_shiftLeft, m_shiftRight, m_moveRow})
        a->setEnabled(hasCell);
    m_reviewed->setEnabled(r != nullptr);
    m_reviewedNext->setEnabled(r != nullptr);
    m_reviewed->setChecked(r && ReviewPolicy::isFinished(r->status()));
    m_sent->setEnabled(r != nullptr);
    m_sent->setChecked(r && r->status() == ReviewStatus::Sent);
    m_close->setEnabled(hasRow);
    m_print->setEnabled(r != nullptr);
    m_printPreview->setEnabled(r != nullptr);
    m_exportLetter->setEnabled(r != nullptr);
    m_nextFinding->setEnabled(r != nullptr);
    m_prevFinding->setEnabled(r != nullptr);
}

void ActionHandler::setLanguageChecked(const QString &language)
{
    for (QAction *a : m_langGroup->actions())
        a->setChecked(a->data().toString() == language);
}

void ActionHandler::setUnsentEnabled(bool enabled)
{
    m_unsent->setEnabled(enabled);
}

// ---- opening and exporting ------------------------------------------------------------------

void ActionHandler::open()
{
    Settings *s = m_window->settings();
    const QStringList files = FileDialog::getOpenFileNames(
        m_window, tr("Open Reports"), s->lastDirectory(),
        tr("Reports (*.txt *.md *.html *.htm *.shtml *.docx *.doc *.pdf *.csv);;All files (*)"));
    if (files.isEmpty())
        return;
    s->setLastDirectory(QFileInfo(files.first()).absolutePath());
    m_window->openPaths(files);
}

void ActionHandler::openFolder()
{
    Settings *s = m_window->settings();
    const QString dir =
        FileDialog::getExistingDirectory(m_window, tr("Open a Folder of Reports"), s->lastDirectory());
    if (dir.isEmpty())
        return;
    s->setLastDirectory(dir);
    m_window->openPaths({dir});
}

bool ActionHandler::exportScope(Scope scope)
{
    QList<ReviewedReport> reports;
    if (scope == Scope::Current) {
        if (const Review *r = m_window->currentReview())
            reports.append(r->reviewed());
    } else {
        for (const Review *r : m_window->session()->reviews())
            if (scope == Scope::All || ReviewPolicy::isFinished(r->status()))
                reports.append(r->reviewed());
    }
    if (reports.isEmpty()) {
        MessageBox::information(m_window, tr("Export"),
                                scope == Scope::Reviewed ? tr("No report is marked reviewed yet.")
                                                         : tr("There is no report to export."));
        return false;
    }
    Settings *s = m_window->settings();
    ExportFlow::Settings settings;
    settings.folder = s->exportDirectory().isEmpty() ? s->lastDirectory() : s->exportDirectory();
    settings.csvGb18030 = m_csvGb->isChecked();
    QString done;
    if (!ExportFlow::run(m_window, reports, &settings, &done)) {
        if (!done.isEmpty())
            m_window->statusBar()->showMessage(done, 8000);
        return false;
    }
    s->setExportDirectory(settings.folder);
    m_window->statusBar()->showMessage(done, 8000);
    return true;
}

bool ActionHandler::exportLetter()
{
    const Review *r = m_window->currentReview();
    if (!r) {
        MessageBox::information(m_window, tr("Export"), tr("There is no report to export."));
        return false;
    }
    Settings *s = m_window->settings();
    ExportFlow::Settings settings;
    settings.folder = s->exportDirectory().isEmpty() ? s->lastDirectory() : s->exportDirectory();
    QString done;
    // Signed by the reviewer at work, when no change of the report named one yet.
    ReviewedReport rr = r->reviewed();
    if (rr.reviewer.isEmpty())
        rr.reviewer = m_window->session()->reviewer();
    if (!ExportFlow::runLetter(m_window, rr, &settings, &done))
        return false;
    s->setExportDirectory(settings.folder);
    m_window->statusBar()->showMessage(done, 8000);
    return true;
}

bool ActionHandler::printReport(bool preview)
{
    const Review *r = m_window->currentReview();
    if (!r) {
        MessageBox::information(m_window, tr("Print"), tr("Open a report to print it."));
        return false;
    }
    ReviewedReport rr = r->reviewed();
    if (rr.reviewer.isEmpty())
        rr.reviewer = m_window->session()->reviewer();
    if (preview) {
        PrintFlow::preview(m_window, rr);
        return true;
    }
    return PrintFlow::print(m_window, rr);
}

// ---- the review database and the reviewer -----------------------------------------------------

bool ActionHandler::setDatabase(const QString &urlOrPath)
{
    ReviewSession *session = m_window->session();
    const QString url = urlOrPath.trimmed();
    QString error;
    ReviewSession::StoreOpening opened = session->openStore(url, &error);
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
        const QString password = TextDialog::getPassword(m_window, tr("Review Database Password"), label);
        if (password.isNull()) {
            // Nothing is lost: the changes wait on this computer until the server is chosen again.
            QString offlineError;
            opened = session->openStoreOffline(url, error, &offlineError)
                         ? ReviewSession::StoreOpening::Opened
                         : ReviewSession::StoreOpening::Failed;
            if (opened == ReviewSession::StoreOpening::Failed)
                error += u' ' + offlineError;
            break;
        }
        opened = session->openStore(url, &error, password);
    }
    if (opened != ReviewSession::StoreOpening::Opened) {
        MessageBox::warning(m_window, tr("Reviews cannot be saved"),
                            error + u' ' + tr("Corrections made now will not be kept."));
        return false;
    }
    ensureReviewer();
    m_window->updateStoreStatus();
    m_window->setCurrentRow(m_window->currentRow());
    return true;
}

void ActionHandler::chooseDatabase()
{
    ReviewSession *session = m_window->session();
    const QString url =
        TextDialog::getText(m_window, tr("Review Database"),
                            tr("Where reviews are kept: a SQLite file, or a team's server as "
                               "postgresql://user@host:5432/database (the password is read "
                               "from ~/.pgpass or asked for). Leave empty for your own file."),
                            session->storeState().location);
    if (url.isNull())
        return;
    if (setDatabase(url.trimmed())) {
        m_window->settings()->setDatabase(url.trimmed());
        m_window->statusBar()->showMessage(tr("Reviews are kept in %1").arg(session->storeState().location),
                                           8000);
    }
}

void ActionHandler::showUnsentChanges()
{
    ReviewSession *session = m_window->session();
    const QStringList held = session->heldChanges();
    if (held.isEmpty()) {
        MessageBox::information(m_window, tr("Unsent Changes"), tr("Every change has reached the server."));
        return;
    }
    const auto answer = MessageBox::question(
        m_window, tr("Unsent Changes"),
        tr("These changes were made while the server could not be reached; meanwhile others changed the "
           "same cells:") +
            u"\n\n"_s + held.join(u'\n') + u"\n\n"_s +
            tr("Apply: send yours over theirs. Discard: give yours up and keep theirs. Cancel: decide "
               "later."),
        QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Apply && answer != QMessageBox::Discard)
        return;
    QString error;
    if (!session->resolveHeld(answer == QMessageBox::Apply, &error))
        MessageBox::warning(m_window, tr("Unsent Changes"), error);
    m_window->updateStoreStatus();
    m_window->updateStatus();
}

void ActionHandler::ensureReviewer()
{
    if (m_window->settings()->reviewer().isEmpty())
        changeReviewer();
    else
        m_window->session()->setReviewer(m_window->settings()->reviewer());
}

void ActionHandler::changeReviewer()
{
    // The name offered is the one given before, at first the system's user; cancelled or left
    // empty, that one is kept: a correction always names who made it.
    Settings *s = m_window->settings();
    QString fallback = s->reviewer();
    if (fallback.isEmpty())
        fallback = m_window->session()->reviewer();
    if (fallback.isEmpty())
        fallback = Review::systemUserName();
    const QString name = TextDialog::getText(m_window, tr("Reviewer"),
                                             tr("Your name, recorded with every correction:"), fallback)
                             .trimmed();
    s->setReviewer(name.isEmpty() ? fallback : name);
    m_window->session()->setReviewer(s->reviewer());
}

bool ActionHandler::confirmEdit(const Review &review)
{
    if (!ReviewPolicy::editAsks(review.status()))
        return true;
    const auto answer = MessageBox::question(m_window, tr("Change a Finished Report"),
                                             ReviewPolicy::editQuestion(review.status()),
                                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_window->statusBar()->showMessage(tr("The report is in review again; undo gives its state back."), 8000);
    return true;
}

void ActionHandler::toggleSent()
{
    Review *r = m_window->currentReview();
    if (!r)
        return;
    if (r->status() == ReviewStatus::Sent) {
        r->setStatus(ReviewStatus::Reviewed);
    } else if (ReviewPolicy::canMarkSent(r->status())) {
        r->setStatus(ReviewStatus::Sent);
    } else {
        MessageBox::information(m_window, tr("Mark Sent"), ReviewPolicy::whyNotSent(r->status()));
    }
    m_window->updateActions();
    m_window->updateStatus();
}

void ActionHandler::toggleReviewed()
{
    Review *r = m_window->currentReview();
    if (!r)
        return;
    if (ReviewPolicy::isFinished(r->status())) {
        r->setStatus(ReviewStatus::InReview);
        m_window->updateActions();
        m_window->updateStatus();
    } else {
        markReviewed();
    }
}

bool ActionHandler::markReviewed()
{
    Review *r = m_window->currentReview();
    if (!r)
        return false;
    if (r->errorCount() > 0) {
        const auto answer = MessageBox::question(
            m_window, tr("Mark Reviewed"),
            tr("This report still has %n error(s). Mark it reviewed anyway?", nullptr, r->errorCount()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            m_window->updateActions();
            return false;
        }
    }
    r->setStatus(ReviewStatus::Reviewed);
    r->undoStack()->setClean();
    m_window->updateActions();
    m_window->updateStatus();
    return true;
}

} // namespace nianbao::ui
