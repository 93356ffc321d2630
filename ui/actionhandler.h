#pragma once

#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QToolBar;

namespace nianbao {
class Review;
}

namespace nianbao::ui {

class HelpMenu;
class MainWindow;

/// The window's actions and menus, and what the actions that ask the reviewer something do:
/// open files, export, the review database and its unsent changes, the reviewer's name, mark
/// reviewed or sent, and the question before a reviewed or sent report is changed. The cell
/// actions act on the tables and work where the tables have the focus.
class ActionHandler : public QObject
{
    Q_OBJECT
public:
    /// Creates the actions on the window and its menu bar; the window's panels exist already.
    explicit ActionHandler(MainWindow *window);

    void retranslateUi();
    void updateRecentMenu();
    /// Enables what applies to the current report and cell.
    void updateActions(const Review *review, bool hasCell, bool hasRow);
    void setLanguageChecked(const QString &language);
    void setUnsentEnabled(bool enabled);
    HelpMenu *help() const { return m_help; }

    /// See MainWindow::setDatabase().
    bool setDatabase(const QString &urlOrPath);
    enum class Scope { Current, Reviewed, All };
    bool exportScope(Scope scope);
    /// File ▸ Export ▸ Letter: the current report's letter to its body.
    bool exportLetter();
    /// File ▸ Print and Print Preview: the current report's tables and findings.
    bool printReport(bool preview);
    /// Asks the reviewer's name when it was never asked (the first start); else records the one
    /// given before. Cancelled, the system's user name is kept.
    void ensureReviewer();
    /// The question before a reviewed or sent report is changed (ReviewPolicy): true to change it.
    bool confirmEdit(const Review &review);

public Q_SLOTS:
    void open();
    void openFolder();
    void changeReviewer();
    void chooseDatabase();
    void showUnsentChanges();
    void toggleReviewed();
    /// Marks the current report reviewed, asking first when errors are left: false when the
    /// reviewer declined.
    bool markReviewed();
    /// Marks the current report sent, or back to reviewed; only a reviewed report can be sent.
    void toggleSent();

private:
    QAction *make(const char *name, const QKeySequence &key);
    /// Undo and redo say what they undo and redo, in the window's language.
    void updateUndoTexts();
    void createActions();
    void createMenus();
    void createToolBar();
    void updateZoomActions();

    MainWindow *m_window;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_exportMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    QAction *m_open = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_close = nullptr;
    QAction *m_export = nullptr;
    QAction *m_exportReviewed = nullptr;
    QAction *m_exportAll = nullptr;
    QAction *m_exportLetter = nullptr;
    QAction *m_print = nullptr;
    QAction *m_printPreview = nullptr;
    QAction *m_csvGb = nullptr;
    QAction *m_reviewer = nullptr;
    QAction *m_database = nullptr;
    QAction *m_unsent = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_clear = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_take = nullptr;
    QAction *m_shiftLeft = nullptr;
    QAction *m_shiftRight = nullptr;
    QAction *m_moveRow = nullptr;
    QAction *m_reviewed = nullptr;
    QAction *m_reviewedNext = nullptr;
    QAction *m_sent = nullptr;
    QAction *m_nextFinding = nullptr;
    QAction *m_prevFinding = nullptr;
    QAction *m_find = nullptr;
    QAction *m_nextReport = nullptr;
    QAction *m_prevReport = nullptr;
    QAction *m_nextPane = nullptr;
    QAction *m_prevPane = nullptr;
    QList<QAction *> m_tables;
    QActionGroup *m_langGroup = nullptr;
    QAction *m_langSystem = nullptr;
    HelpMenu *m_help = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_zoomReset = nullptr;
    QAction *m_fitWidth = nullptr;
    QMenu *m_zoomMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
};

} // namespace nianbao::ui
