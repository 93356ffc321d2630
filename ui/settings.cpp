#include "settings.h"

#include "session/reviewsession.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

Settings::Settings()
{
    QSettings s;
    m_recent = s.value(u"recentFiles"_s).toStringList();
    m_lastDir = s.value(u"lastDirectory"_s).toString();
    m_exportDir = s.value(u"exportDir"_s).toString();
    m_reviewer = s.value(u"reviewer"_s).toString();
    m_language = s.value(u"language"_s).toString();
    m_currentReport = s.value(u"currentReport"_s).toString();
    m_zoom = qBound(0.5, s.value(u"tablesZoom"_s, 1.0).toDouble(), 3.0);
    // At first the tables fit the width: on a laptop's screen every column is in view.
    m_fitWidth = s.value(u"tablesFitWidth"_s, true).toBool();
    // A password saved by an older version is taken into memory and removed from the file.
    const QString database = s.value(u"database"_s).toString();
    m_database = ReviewSession::addressToKeep(database);
    if (m_database != database)
        s.setValue(u"database"_s, m_database);
}

void Settings::addRecent(const QStringList &paths)
{
    for (const QString &p : paths) {
        m_recent.removeAll(p);
        m_recent.prepend(p);
    }
    while (m_recent.size() > MaxRecent)
        m_recent.removeLast();
    if (!paths.isEmpty())
        QSettings().setValue(u"recentFiles"_s, m_recent);
}

void Settings::clearRecent()
{
    m_recent.clear();
    QSettings().setValue(u"recentFiles"_s, m_recent);
}

void Settings::setExportDirectory(const QString &dir)
{
    m_exportDir = dir;
    QSettings().setValue(u"exportDir"_s, m_exportDir);
}

void Settings::setReviewer(const QString &name)
{
    if (name.trimmed().isEmpty())
        return; // an empty name is never recorded
    m_reviewer = name.trimmed();
    QSettings().setValue(u"reviewer"_s, m_reviewer);
}

void Settings::setLanguage(const QString &language)
{
    m_language = language;
    QSettings().setValue(u"language"_s, language);
}

void Settings::setDatabase(const QString &urlOrPath)
{
    m_database = ReviewSession::addressToKeep(urlOrPath);
    QSettings().setValue(u"database"_s, m_database);
}

void Settings::setCurrentReport(const QString &path)
{
    if (path == m_currentReport)
        return;
    m_currentReport = path;
    QSettings().setValue(u"currentReport"_s, path);
}

void Settings::setTablesZoom(qreal zoom, bool fitWidth)
{
    m_zoom = zoom;
    m_fitWidth = fitWidth;
    QSettings s;
    s.setValue(u"tablesZoom"_s, zoom);
    s.setValue(u"tablesFitWidth"_s, fitWidth);
}

void Settings::restoreLayout(const Layout &l) const
{
    QSettings s;
    // The first start (or a layout saved on a larger screen) fits the screen: at most 1500×920,
    // and no more than 92% of what the screen leaves free, centred on it.
    const QScreen *screen = l.window->screen() ? l.window->screen() : QGuiApplication::primaryScreen();
    const QRect free = screen ? screen->availableGeometry() : QRect(0, 0, 1500, 920);
    const bool restored = l.window->restoreGeometry(s.value(u"geometry"_s).toByteArray());
    if (!restored || !free.contains(l.window->frameGeometry())) {
        const QSize size = QSize(1500, 920).boundedTo(free.size() * 0.92);
        if (!restored || l.window->width() > free.width() || l.window->height() > free.height())
            l.window->resize(size);
        l.window->move(free.center() - QPoint(l.window->width() / 2, l.window->height() / 2));
    }
    if (!l.window->restoreState(s.value(u"windowState"_s).toByteArray())) {
        l.window->resizeDocks({l.queueDock}, {300}, Qt::Horizontal);
        l.window->resizeDocks({l.queueDock, l.historyDock, l.cellHistoryDock}, {400, 300, 180}, Qt::Vertical);
    }
    if (!l.mainSplitter->restoreState(s.value(u"mainSplitter"_s).toByteArray())) {
        const int width = l.window->width() - 300; // beside the queue
        l.mainSplitter->setSizes({width * 38 / 100, width * 62 / 100});
    }
    if (!l.rightSplitter->restoreState(s.value(u"rightSplitter"_s).toByteArray()))
        l.rightSplitter->setSizes({620, 220});
    l.findingsHeader->restoreState(s.value(u"findingsHeader"_s).toByteArray());
    l.queueHeader->restoreState(s.value(u"queueHeader"_s).toByteArray());
}

void Settings::saveLayout(const Layout &l) const
{
    QSettings s;
    s.setValue(u"geometry"_s, l.window->saveGeometry());
    s.setValue(u"windowState"_s, l.window->saveState());
    s.setValue(u"mainSplitter"_s, l.mainSplitter->saveState());
    s.setValue(u"rightSplitter"_s, l.rightSplitter->saveState());
    s.setValue(u"findingsHeader"_s, l.findingsHeader->saveState());
    s.setValue(u"queueHeader"_s, l.queueHeader->saveState());
    s.setValue(u"recentFiles"_s, m_recent);
    s.setValue(u"lastDirectory"_s, m_lastDir);
    s.setValue(u"language"_s, m_language);
}

} // namespace nianbao::ui
