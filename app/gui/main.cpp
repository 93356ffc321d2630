#include "i18n/language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
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
            "main", "Where reviews are kept: a SQLite file or postgresql://user:password@host:port/db "
                    "(default: the last one used, or a file in the user's data folder)."),
        QApplication::translate("main", "url"));
    const QCommandLineOption noStore(
        u"no-store"_s, QApplication::translate("main", "Do not keep reviews (nothing is saved)."));
    parser.addOption(database);
    parser.addOption(noStore);
    parser.addPositionalArgument(
        u"files"_s, QApplication::translate("main", "Report files or folders to open."), u"[FILE...]"_s);
    parser.process(app);

    nianbao::ui::MainWindow window;
    window.show();
    if (!parser.isSet(noStore)) {
        QSettings settings;
        const QString url =
            parser.isSet(database) ? parser.value(database) : settings.value(u"database"_s).toString();
        if (window.setDatabase(url) && parser.isSet(database))
            settings.setValue(u"database"_s, url);
    }
    // The files named, or else the queue as it was left.
    const QStringList files =
        parser.positionalArguments().isEmpty() ? window.savedQueue() : parser.positionalArguments();
    if (!files.isEmpty())
        window.openPaths(files);
    return app.exec();
}
