#include "i18n/language.h"
#include "mainwindow.h"
#include "ocr/scanreader.h"
#include "singleinstance.h"
#include "store/databaseurl.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTextStream>

#include <memory>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Can Qt open a window: a platform named (QT_QPA_PLATFORM, -platform) or a display to draw on?
/// Without one QApplication aborts.
bool haveDisplay(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "-platform") == 0)
            return true;
    }
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

/// --help and --version need no window, nor a display.
bool asksHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc && qstrcmp(argv[i], "--") != 0; ++i) {
        for (const char *option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (qstrcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    nianbao::ScanReader::limitRecogniserThreads(argv);
    // Then, before Qt sees the arguments: a password given with --database is wiped from the arguments other
    // users can read (/proc/PID/cmdline, ps); it is kept in memory only.
    const QString commandLinePassword = nianbao::DatabaseUrl::hidePasswordInArguments(argc, argv);
    const bool gui = haveDisplay(argc, argv) && !asksHelpOrVersion(argc, argv);
    const std::unique_ptr<QCoreApplication> application(gui ? new QApplication(argc, argv)
                                                            : new QCoreApplication(argc, argv));
    QCoreApplication &app = *application;
    QApplication::setApplicationName(u"nianbao"_s);
    QApplication::setApplicationDisplayName(u"年报审校 Nianbao"_s);
    QApplication::setOrganizationName(u"nianbao"_s);
    QApplication::setApplicationVersion(QStringLiteral(NIANBAO_VERSION));
    if (gui) {
        // the launcher's entry, so that the desktop shows the window under its icon and name
        QGuiApplication::setDesktopFileName(u"org.nianbao.nianbao"_s);
        QIcon icon;
        for (int size : {16, 32, 48, 64, 128, 256})
            icon.addFile(u":/icons/nianbao-%1.png"_s.arg(size));
        QApplication::setWindowIcon(QIcon::fromTheme(u"org.nianbao.nianbao"_s, icon));
    }
    nianbao::Language::set(QSettings().value(u"language"_s).toString());

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        u"database"_s,
        QApplication::translate(
            "main", "Where reviews are kept: a SQLite file or postgresql://user@host:port/db, the "
                    "password read from ~/.pgpass or asked for (default: the last one used, or a file "
                    "in the user's data folder)."),
        QApplication::translate("main", "url"));
    const QCommandLineOption noStore(
        u"no-store"_s, QApplication::translate("main", "Do not keep reviews (nothing is saved)."));
    const QCommandLineOption newWindow(
        u"new-window"_s,
        QApplication::translate("main", "Open a window of its own even when one is open already "
                                        "(otherwise the files are handed to that window)."));
    parser.addOption(database);
    parser.addOption(noStore);
    parser.addOption(newWindow);
    parser.addPositionalArgument(
        u"files"_s, QApplication::translate("main", "Report files or folders to open."), u"[FILE...]"_s);
    parser.process(app);
    if (!gui) {
        QTextStream(stderr) << QCoreApplication::translate(
                                   "main", "There is no display to open the window on (DISPLAY is not "
                                           "set): start nianbao in a desktop session or under xvfb-run; "
                                           "nianbao-cli reads and checks reports without a window.")
                            << Qt::endl;
        return 2;
    }
    if (!commandLinePassword.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(nianbao::DatabaseUrl::commandLineWarning()));

    // One window per set of settings: a later launch hands its files to the open window.
    nianbao::ui::SingleInstance instance(nianbao::ui::SingleInstance::socketPathFor(QSettings().fileName()));
    if (!parser.isSet(newWindow)) {
        if (instance.sendToRunning(parser.positionalArguments())) {
            QTextStream(stdout) << QCoreApplication::translate(
                                       "main",
                                       "Nianbao is open already: the files were handed to its window.")
                                << '\n';
            return 0;
        }
        QString error;
        if (!instance.listen(&error))
            QTextStream(stderr) << error << '\n'; // this window works on, alone
    }

    nianbao::ui::MainWindow window;
    window.show();
    QObject::connect(
        &instance, &nianbao::ui::SingleInstance::filesReceived, &window, [&window](const QStringList &files) {
            if (!files.isEmpty())
                window.openPaths(files);
            window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
            window.raise();
            window.activateWindow();
        });
    if (!parser.isSet(noStore)) {
        QSettings settings;
        QString url =
            parser.isSet(database) ? parser.value(database) : settings.value(u"database"_s).toString();
        if (parser.isSet(database) && !commandLinePassword.isEmpty())
            url = nianbao::DatabaseUrl::withPassword(url, commandLinePassword);
        if (window.setDatabase(url) && parser.isSet(database)) {
            settings.setValue(u"database"_s,
                              nianbao::DatabaseUrl::withoutPassword(url)); // never the password
            settings.sync();
        }
    } else {
        window.ensureReviewer(); // nothing is kept, but every correction names who made it
    }
    // The queue as it was left, with the files named added to it.
    window.openQueue(parser.positionalArguments());
    return app.exec();
}
