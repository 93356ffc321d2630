#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListView;
class QMenu;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QTreeView;
class QUndoGroup;

namespace nianbao {
class Review;
class ReviewSession;
} // namespace nianbao

namespace nianbao::ui {

class CellHistoryView;
class FindingsModel;
class QueueFilterModel;
class FormView;
class ReportQueueModel;
class ReportTableModel;
class SourcePane;

/// The review window: the report queue, the source beside the three tables, the findings.
/// Thin: the Review (core) holds the data and the edits; the models adapt it; this window wires
/// selection between the panes and turns actions into Review calls.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens files and folders (recursively) off the GUI thread; the queue fills as they are read.
    void openPaths(const QStringList &paths);
    bool isLoading() const;

    Review *currentReview() const;
    int currentRow() const { return m_currentRow; }
    void setCurrentRow(int row);
    ReportQueueModel *queue() const { return m_queue; }
    FormView *tableView(const QString &tableKey) const;
    SourcePane *sourcePane() const { return m_source; }

    /// Keep the reviews in a store ("" = the user's SQLite file, a path, or a postgresql:// URL):
    /// reports opened again get their corrections back, every change is saved as it is made.
    /// Asks once for the reviewer's name, and for the server's password when it wants one that
    /// was not given (kept in memory only). A server that cannot be reached gives offline mode:
    /// the changes wait on this computer. False (with a warning shown) when it cannot be opened.
    bool setDatabase(const QString &urlOrPath);
    ReviewSession *session() const { return m_session; }
    /// The reports of the queue as it was left (needs setDatabase).
    QStringList savedQueue() const;

    enum class ExportScope { Current, Reviewed, All };
    /// Exports the reviews of a scope to a file the reviewer chooses (XLSX, CSV or JSON); false
    /// when cancelled or failed (the reason shown).
    bool exportScope(ExportScope scope);

    /// Language of the interface: "zh_CN", "en" or "" for the system's.
    void setLanguage(const QString &language);
    QString language() const { return m_language; }

public Q_SLOTS:
    void open();
    void openFolder();
    void closeReport();
    /// File ▸ Export: the current report, the reviewed ones, or all.
    void exportReports();
    void exportReviewed();
    void exportAll();
    void changeReviewer();
    /// File ▸ Review Database…: the SQLite file or the team's PostgreSQL server.
    void chooseDatabase();
    /// File ▸ Unsent Changes…: the changes held back because others changed the same cells while
    /// the server could not be reached; send them over the others' values or give them up.
    void showUnsentChanges();
    void nextFinding();
    void previousFinding();
    void selectFinding(int row);
    void clearSelectedCells();
    void copySelectedCells();
    void pasteCells();
    void takeFromSource();
    void shiftRowLeft();
    void shiftRowRight();
    void moveRow();
    void toggleReviewed();

Q_SIGNALS:
    /// Every file of the last openPaths() has been read (or refused).
    void loadFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void retranslateUi();
    void readSettings();
    void writeSettings();
    void addRecent(const QStringList &paths);
    void updateRecentMenu();
    void updateStatus();
    void updateStoreStatus();
    void updateTabs();
    void updateActions();
    void showCellInSource(const QString &key, const QStringList &selected);
    void updateQueueCounts();
    void updateCellHistory(const QString &key);
    void updateFindingDetail();
    void selectCellFromSource(qsizetype position);
    FormView *currentView() const;
    FormView *viewForKey(const QString &key) const;
    void focusPane(int step);

    ReviewSession *m_session;
    ReportQueueModel *m_queue;
    FindingsModel *m_findingsModel;
    QList<ReportTableModel *> m_tableModels;
    QList<FormView *> m_views;
    QUndoGroup *m_undoGroup;
    SourcePane *m_source = nullptr;
    QListView *m_queueView = nullptr;
    QueueFilterModel *m_queueFilter = nullptr;
    QLineEdit *m_queueSearch = nullptr;
    QComboBox *m_queueState = nullptr;
    QLabel *m_queueCounts = nullptr;
    CellHistoryView *m_cellHistory = nullptr;
    QLineEdit *m_noteEdit = nullptr;
    QDockWidget *m_cellHistoryDock = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_findingsView = nullptr;
    QLabel *m_findingsSummary = nullptr;
    QLabel *m_findingDetail = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_statusCounts = nullptr;
    QLabel *m_statusTotals = nullptr;
    QLabel *m_storeStatus = nullptr;
    QProgressBar *m_progress = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QDockWidget *m_queueDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QWidget *m_tablesPane = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openAct = nullptr;
    QAction *m_openFolderAct = nullptr;
    QAction *m_closeAct = nullptr;
    QAction *m_exportAct = nullptr;
    QAction *m_exportReviewedAct = nullptr;
    QAction *m_exportAllAct = nullptr;
    QAction *m_csvGbAct = nullptr;
    QAction *m_reviewerAct = nullptr;
    QAction *m_databaseAct = nullptr;
    QAction *m_unsentAct = nullptr;
    QMenu *m_exportMenu = nullptr;
    QAction *m_quitAct = nullptr;
    QAction *m_undoAct = nullptr;
    QAction *m_redoAct = nullptr;
    QAction *m_clearAct = nullptr;
    QAction *m_copyAct = nullptr;
    QAction *m_pasteAct = nullptr;
    QAction *m_takeAct = nullptr;
    QAction *m_shiftLeftAct = nullptr;
    QAction *m_shiftRightAct = nullptr;
    QAction *m_moveRowAct = nullptr;
    QAction *m_reviewedAct = nullptr;
    QAction *m_nextFindingAct = nullptr;
    QAction *m_prevFindingAct = nullptr;
    QAction *m_findAct = nullptr;
    QAction *m_nextReportAct = nullptr;
    QAction *m_prevReportAct = nullptr;
    QAction *m_nextPaneAct = nullptr;
    QAction *m_prevPaneAct = nullptr;
    QList<QAction *> m_tableActs;
    QAction *m_langSystemAct = nullptr;
    QAction *m_langZhAct = nullptr;
    QAction *m_langEnAct = nullptr;
    QActionGroup *m_langGroup = nullptr;
    QAction *m_aboutAct = nullptr;

    QStringList m_recent;
    QString m_language;
    QString m_lastDir;
    QString m_exportDir;
    QString m_reviewer;
    int m_currentRow = -1;
    int m_lastFinding = -1;
    QString m_lastFindingId;
    bool m_syncing = false;
    bool m_selectAfterLoad = false;
};

} // namespace nianbao::ui
