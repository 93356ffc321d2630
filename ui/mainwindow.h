#pragma once

#include "settings.h"

#include <QMainWindow>

class QDockWidget;
class QLineEdit;
class QSplitter;

namespace nianbao {
class Review;
class ReviewSession;
} // namespace nianbao

namespace nianbao::ui {

class ActionHandler;
class CellHistoryView;
class CorrectionsPanel;
class FindingsPanel;
class FormView;
class QueuePanel;
class ReportQueueModel;
class SourcePane;
class StatusBar;
class TablesPanel;

/// The review window: the report queue, the source beside the three tables, the findings.
/// Thin: the ReviewSession (core) holds the reviews and their checks; the panels show them; the
/// action handler owns the actions and menus; this window creates the parts and wires the
/// selection between them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens files and folders (recursively) off the GUI thread; the queue fills as they are read.
    void openPaths(const QStringList &paths);
    /// At start: the queue as it was left (needs setDatabase) with the files named added to it.
    /// The first file named is shown, or else the report shown last.
    void openQueue(const QStringList &added);
    bool isLoading() const;

    Review *currentReview() const;
    int currentRow() const { return m_currentRow; }
    void setCurrentRow(int row);
    ReportQueueModel *queue() const { return m_queue; }
    FormView *tableView(const QString &tableKey) const;

    /// Keep the reviews in a store ("" = the user's SQLite file, a path, or a postgresql:// URL):
    /// reports opened again get their corrections back, every change is saved as it is made.
    /// Asks once for the reviewer's name, and for the server's password when it wants one that
    /// was not given (kept in memory only). A server that cannot be reached gives offline mode:
    /// the changes wait on this computer. False (with a warning shown) when it cannot be opened.
    bool setDatabase(const QString &urlOrPath);
    /// Asks the reviewer's name at the first start (setDatabase does too); cancelled, the
    /// system's user name is recorded.
    void ensureReviewer();
    /// The reports of the queue as it was left (needs setDatabase).
    QStringList savedQueue() const;

    enum class ExportScope { Current, Reviewed, All };
    /// Exports the reviews of a scope to a file the reviewer chooses (XLSX, CSV or JSON); false
    /// when cancelled or failed (the reason shown).
    bool exportScope(ExportScope scope);

    /// Language of the interface: "zh_CN", "en" or "" for the system's.
    void setLanguage(const QString &language);
    QString language() const { return m_settings.language(); }

    // The parts.
    ReviewSession *session() const { return m_session; }
    Settings *settings() { return &m_settings; }
    QueuePanel *queuePanel() const { return m_queuePanel; }
    TablesPanel *tablesPanel() const { return m_tables; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    SourcePane *sourcePane() const { return m_source; }
    QDockWidget *queueDock() const { return m_queueDock; }
    /// The corrections of the current report, and the history of the selected cell.
    QDockWidget *historyDock() const { return m_historyDock; }
    QDockWidget *cellHistoryDock() const { return m_cellHistoryDock; }
    CorrectionsPanel *correctionsPanel() const { return m_corrections; }

    /// Marks the current report reviewed and shows the next one to review in the list; false
    /// when the reviewer declined (errors left).
    bool markReviewedAndNext();

    /// Moves the focus to the next (step 1) or previous (−1) pane: queue, table, findings, source.
    void focusPane(int step);
    void updateActions();
    void updateStatus();
    void updateStoreStatus();

public Q_SLOTS:
    void closeReport();
    void nextFinding();
    void previousFinding();

Q_SIGNALS:
    /// Every file of the last openPaths() has been read (or refused).
    void loadFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createWidgets();
    void connectSession();
    void retranslateUi();
    Settings::Layout layout();
    void showCellInSource(const QString &key, const QStringList &selected);
    void selectCellFromSource(qsizetype position);
    void updateCellHistory(const QString &key);
    /// The corrections list and the cell's history read again (an edit, an undo, a reload).
    void updateRecord();

    Settings m_settings;
    ReviewSession *m_session;
    ReportQueueModel *m_queue;
    QueuePanel *m_queuePanel = nullptr;
    TablesPanel *m_tables = nullptr;
    FindingsPanel *m_findings = nullptr;
    SourcePane *m_source = nullptr;
    CellHistoryView *m_cellHistory = nullptr;
    CorrectionsPanel *m_corrections = nullptr;
    QLineEdit *m_noteEdit = nullptr;
    QDockWidget *m_queueDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QDockWidget *m_cellHistoryDock = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    StatusBar *m_statusBar = nullptr;
    ActionHandler *m_actions = nullptr;
    int m_currentRow = -1;
    bool m_selectAfterLoad = false;
    QString m_selectPath; // shown as soon as it is read (a file or a folder)
};

} // namespace nianbao::ui
