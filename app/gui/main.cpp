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
    parser.addPositionalArgument(
        u"files"_s, QApplication::translate("main", "Report files or folders to open."), u"[FILE...]"_s);
    parser.process(app);

    nianbao::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openPaths(parser.positionalArguments());
    return app.exec();
}
