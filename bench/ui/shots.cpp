// The README's screenshots, drawn offscreen (QT_QPA_PLATFORM=offscreen, the CJK font installed):
// the window at 1366×768 on a report with failing identities, the same in a dark Fusion palette,
// the window at 1600×1000, a scanned report with an undecided recognised value selected, and the
// launcher entry as a menu shows it (the .desktop file's Name[zh_CN] and its Icon found by name in
// the hicolor theme, laid out as the package installs it).
// Usage: nianbao_shots SOURCE_DIR OUT_DIR
#include "findingspanel.h"
#include "formview.h"
#include "mainwindow.h"
#include "palette.h"
#include "reporttablemodel.h"
#include "review/review.h"
#include "scanmaker.h"
#include "tablespanel.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace nianbao::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

void settle(int ms = 300)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Qt's Fusion style with the dark palette its documentation and most dark themes use.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x35, 0x35, 0x35), base(0x25, 0x25, 0x25), text(0xe8, 0xe8, 0xe8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x4a, 0x9e, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

/// The window on one report, its first failing finding chosen; with uncertainCell, the first
/// recognised value the reader left undecided selected instead.
bool shootWindow(const QString &report, const QString &out, QSize size = QSize(1366, 768),
                 bool uncertainCell = false)
{
    MainWindow w;
    w.setLanguage(u"zh_CN"_s);
    w.resize(size);
    w.show();
    QEventLoop loop;
    QObject::connect(&w, &MainWindow::loadFinished, &loop, &QEventLoop::quit);
    w.openPaths({report});
    if (w.isLoading())
        loop.exec();
    if (!w.currentReview())
        return false;
    if (uncertainCell) {
        // a recognised value the scan did not decide, selected in its table
        const nianbao::Report &r = w.currentReview()->report();
        QString key;
        for (const QString &k : r.uncertainKeys())
            if (r.cell(k)->recognised && r.boxOf(k)) {
                key = k;
                break;
            }
        FormView *v = key.isEmpty() ? nullptr : w.tableView(key.section(u'.', 0, 0));
        if (!v)
            return false;
        if (auto *tabs = w.findChild<QTabWidget *>(u"tables"_s))
            tabs->setCurrentWidget(v);
        settle();
        const QModelIndex idx = v->formModel()->indexOf(key);
        v->scrollTo(idx);
        v->setCurrentIndex(idx);
    } else {
        w.nextFinding();
    }
    settle();
    return w.grab().save(out);
}

/// The Hongze report as a county office scans it (300 dpi, turned 1.2°, blurred, JPEG 75), made
/// from its PDF as tst_scans makes it.
QString makeScan(const QString &pdf, const QString &dir)
{
    QList<QSizeF> sizes;
    const QList<QImage> pages = scanmaker::scanPages(pdf, {300, 1.2, 1, 75}, &sizes);
    const QString path = dir + u"/洪泽区2023年报告_扫描件.pdf"_s;
    return scanmaker::writeImagePdf(path, pages, sizes) ? path : QString();
}

bool shootLauncher(const QString &source, const QString &out)
{
    // The entry as installed: the icons under hicolor by the application's id.
    QSettings entry(source + u"/packaging/org.nianbao.nianbao.desktop"_s, QSettings::IniFormat);
    entry.beginGroup(u"Desktop Entry"_s);
    const QString iconName = entry.value(u"Icon"_s).toString();
    QString name = entry.value(u"Name[zh_CN]"_s).toString();
    if (iconName.isEmpty() || name.isEmpty())
        return false;
    QTemporaryDir share;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const QString dir = share.filePath(u"icons/hicolor/%1x%1/apps"_s.arg(size));
        QDir().mkpath(dir);
        QFile::copy(source + u"/packaging/icons/nianbao-%1.png"_s.arg(size),
                    dir + u'/' + iconName + u".png"_s);
    }
    QFile index(share.filePath(u"icons/hicolor/index.theme"_s));
    if (!index.open(QIODevice::WriteOnly))
        return false;
    QTextStream ts(&index);
    ts << "[Icon Theme]\nName=Hicolor\nDirectories=";
    QStringList dirs;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        dirs << u"%1x%1/apps"_s.arg(size);
    ts << dirs.join(u',') << '\n';
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        ts << "[" << size << "x" << size << "/apps]\nSize=" << size << "\nType=Fixed\n";
    index.close();
    QIcon::setThemeSearchPaths({share.filePath(u"icons"_s)});
    QIcon::setThemeName(u"hicolor"_s);
    const QIcon icon = QIcon::fromTheme(iconName);
    if (icon.isNull())
        return false;

    // An application menu's grid: the entry among two others of the Office category.
    QListWidget grid;
    grid.setViewMode(QListView::IconMode);
    grid.setIconSize(QSize(64, 64));
    grid.setGridSize(QSize(120, 110));
    grid.setMovement(QListView::Static);
    grid.setFrameShape(QFrame::NoFrame);
    grid.resize(380, 130);
    grid.addItem(new QListWidgetItem(QIcon::fromTheme(u"x-office-document"_s, QIcon()), u"文字处理"_s));
    auto *item = new QListWidgetItem(icon, name);
    grid.addItem(item);
    grid.addItem(new QListWidgetItem(QIcon::fromTheme(u"x-office-spreadsheet"_s, QIcon()), u"电子表格"_s));
    grid.setCurrentItem(item);
    grid.show();
    settle();
    return grid.grab().save(out);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"nianbao-shots"_s);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        QTextStream(stderr) << "usage: nianbao_shots SOURCE_DIR OUT_DIR\n";
        return 2;
    }
    const QString source = args[1], out = args[2];
    QSettings().clear();
    QSettings().setValue(u"reviewer"_s, u"审校员"_s);
    // Table 3 and 4 of the Hongze 2023 report: two real T4.TOTAL errors.
    const QString report = source + u"/tests/data/corpus/real/hongze_2023.pdf"_s;
    bool ok = shootWindow(report, out + u"/window-1366x768.png"_s);
    ok = shootWindow(report, out + u"/window-1600x1000.png"_s, QSize(1600, 1000)) && ok;
    QTemporaryDir scans;
    const QString scan = makeScan(report, scans.path());
    ok = !scan.isEmpty() && shootWindow(scan, out + u"/scan.png"_s, QSize(1600, 1000), true) && ok;
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(darkPalette());
    ok = shootWindow(report, out + u"/window-dark.png"_s) && ok;
    QApplication::setPalette(QApplication::style()->standardPalette());
    ok = shootLauncher(source, out + u"/launcher.png"_s) && ok;
    QSettings().clear();
    return ok ? 0 : 1;
}
