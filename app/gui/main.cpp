#include "i18n/language.h"
#include "mainwindow.h"
#include "store/databaseurl.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    // First of all: a password given with --database is wiped from the arguments other users
    // can read (/proc/PID/cmdline, ps); it is kept in memory only.
    const QString commandLinePassword = nianbao::DatabaseUrl::hidePasswordInArguments(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"nianbao"_s);
    QApplication::setApplicationDisplayName(u"年报审校 Nianbao"_s);
    QApplication::setOrganizationName(u"nianbao"_s);
    QApplication::setApplicationVersion(QStringLiteral(NIANBAO_VERSION));
    nianbao::installTranslations(&app, QSettings().value(u"language"_s).toString());

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
