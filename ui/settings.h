#pragma once

#include <QString>
#include <QStringList>

class QDockWidget;
class QHeaderView;
class QMainWindow;
class QSplitter;

namespace nianbao::ui {

/// What the window keeps between runs (QSettings): the recent files, the folders last used, the
/// reviewer's name, the language, the review database (without its password) and the window's
/// layout. Each value is read once; the recent files, the export folder, the reviewer, the
/// language and the database are written when they change, the rest by saveLayout() at quit.
class Settings
{
public:
    Settings();

    static constexpr int MaxRecent = 12;
    QStringList recentFiles() const { return m_recent; }
    /// Puts the files first in the recent list (at most MaxRecent).
    void addRecent(const QStringList &paths);
    void clearRecent();

    QString lastDirectory() const { return m_lastDir; }
    void setLastDirectory(const QString &dir) { m_lastDir = dir; }
    QString exportDirectory() const { return m_exportDir; }
    void setExportDirectory(const QString &dir);
    /// Empty until the reviewer was asked once.
    QString reviewer() const { return m_reviewer; }
    /// An empty name is refused (the one before stays).
    void setReviewer(const QString &name);
    /// "zh_CN", "en" or "" for the system's.
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    /// The review database as last chosen, without a password.
    QString database() const { return m_database; }
    void setDatabase(const QString &urlOrPath);
    /// The tables' zoom (1 = the window's font) and whether they fit the width instead.
    qreal tablesZoom() const { return m_zoom; }
    bool tablesFitWidth() const { return m_fitWidth; }
    void setTablesZoom(qreal zoom, bool fitWidth);
    /// The report shown last (its path), reopened after a restart.
    QString currentReport() const { return m_currentReport; }
    void setCurrentReport(const QString &path);

    struct Layout
    {
        QMainWindow *window = nullptr;
        QDockWidget *queueDock = nullptr;
        QDockWidget *historyDock = nullptr;
        QDockWidget *cellHistoryDock = nullptr;
        QSplitter *mainSplitter = nullptr;
        QSplitter *rightSplitter = nullptr;
        QHeaderView *findingsHeader = nullptr;
        QHeaderView *queueHeader = nullptr;
    };
    /// The window's size, docks, splitters, findings columns and the queue's columns and sort
    /// as left, or the first-run layout.
    void restoreLayout(const Layout &layout) const;
    /// Writes the layout and every value.
    void saveLayout(const Layout &layout) const;

private:
    QStringList m_recent;
    QString m_lastDir;
    QString m_exportDir;
    QString m_reviewer;
    QString m_language;
    QString m_database;
    QString m_currentReport;
    qreal m_zoom = 1.0;
    bool m_fitWidth = true;
};

} // namespace nianbao::ui
