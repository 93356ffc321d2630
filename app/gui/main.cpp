#include "i18n/language.h"
#include "mainwindow.h"
#include "store/databaseurl.h"

#include <QApplication>
#include <QCommandLineParser>
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
    // First of all: a password given with --database is wiped from the arguments other users
    // can read (/proc/PID/cmdline, ps); it is kept in memory only.
    const QString commandLinePassword = nianbao::DatabaseUrl::hidePasswordInArguments(argc, argv);
    const bool gui = haveDisplay(argc, argv) && !asksHelpOrVersion(argc, argv);
    const std::unique_ptr<QCoreApplication> application(gui ? new QApplication(argc, argv)
                                                            : new QCoreApplication(argc, argv));
    QCoreApplication &app = *application;
    QApplication::setApplicationName(u"nianbao"_s);
    QApplication::setApplicationDisplayName(u"年报审校 Nianbao"_s);
    QApplication::setOrganizationName(u"nianbao"_s);
    QApplication::setApplicationVersion(QStringLiteral(NIANBAO_VERSION));
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
    parser.addOption(database);
    parser.addOption(noStore);
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

    nianbao::ui::MainWindow window;
    window.show();
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
    }
    // The files named, or else the queue as it was left.
    const QStringList files =
        parser.positionalArguments().isEmpty() ? window.savedQueue() : parser.positionalArguments();
    if (!files.isEmpty())
        window.openPaths(files);
    return app.exec();
}
