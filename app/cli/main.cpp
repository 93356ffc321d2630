#include "commands.h"
#include "ocr/scanreader.h"

#include "i18n/language.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace

int main(int argc, char *argv[])
{
    nianbao::ScanReader::limitRecogniserThreads(argv);
    // A letter is laid out with fonts, which need a QGuiApplication; it draws on no screen.
    bool letter = false;
    for (int i = 1; i < argc; ++i)
        letter = letter || std::strcmp(argv[i], "--letter") == 0;
    if (letter && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> application(letter ? new QGuiApplication(argc, argv)
                                                               : new QCoreApplication(argc, argv));
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(u"nianbao-cli"_s);
    QCoreApplication::setOrganizationName(u"nianbao"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(NIANBAO_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);

    // The language option is read before the parser so that its help is translated too.
    QString lang;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == u"--lang"_s && i + 1 < args.size())
            lang = args[i + 1];
        else if (args[i].startsWith(u"--lang="_s))
            lang = args[i].mid(7);
    }
    nianbao::Language::set(lang);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Reads government information-disclosure annual reports, extracts their three tables "
                "and checks that the numbers add up.\n\n"
                "Commands:\n"
                "  extract [--json] FILE     print the tables and findings of one report as JSON\n"
                "  check [--json] FILE|DIR...\n"
                "                            check reports and print a summary of each (or their JSON)\n"
                "  export --xlsx|--csv|--json OUT FILE|DIR...\n"
                "                            export reports for supervisors; one report: OUT is the\n"
                "                            file (or a folder to put it in); several: OUT is a folder\n"
                "                            that receives one file per report and nianbao-batch.*\n"
                "  export --letter OUT FILE|DIR...\n"
                "                            the letter to each reporting body (审校意见): OUT.pdf or\n"
                "                            OUT.docx for one report; a folder receives both for each"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {u"json"_s, Cli::tr("Print JSON (extract always does; check: one object with every report).")});
    parser.addOption({u"xlsx"_s, Cli::tr("export: write Excel workbooks.")});
    parser.addOption(
        {u"letter"_s, Cli::tr("export: write the letter to the reporting body (PDF and Word).")});
    parser.addOption(
        {u"csv"_s, Cli::tr("export: write CSV (one line per cell; the batch one line per report).")});
    parser.addOption({u"encoding"_s, Cli::tr("export: CSV encoding, utf-8-bom (default), utf-8 or gb18030."),
                      Cli::tr("encoding")});
    parser.addOption({u"keys"_s, Cli::tr("export: head the CSV columns with machine names (cell keys in the "
                                         "batch CSV) instead of labels.")});
    parser.addOption({u"batch-only"_s, Cli::tr("export: several reports: write only the batch file.")});
    parser.addOption({u"compact"_s, Cli::tr("Print JSON on one line.")});
    parser.addOption({{u"database"_s, u"store"_s},
                      Cli::tr("The review database (a file or a postgresql:// address; read only). export: "
                              "the files carry its corrections, dispositions, reviewer and state (default: "
                              "the window's database); extract, check --json: each finding its disposition."),
                      Cli::tr("database")});
    parser.addOption({u"no-store"_s, Cli::tr("export: the reports as read, without the review database.")});
    parser.addOption({u"lang"_s, Cli::tr("Language of messages: zh_CN or en."), Cli::tr("language")});
    parser.addOption(
        {{u"j"_s, u"jobs"_s}, Cli::tr("Reports read at once (default: every core)."), Cli::tr("n")});
    parser.addPositionalArgument(u"command"_s, Cli::tr("extract, check or export"));
    parser.addPositionalArgument(
        u"files"_s, Cli::tr("Report files or folders; - reads a report from standard input."), u"FILE..."_s);
    // An option not known, or one without its value: what was wrong, the usage, exit 2.
    if (!parser.parse(args)) {
        err << parser.errorText() << Qt::endl << Qt::endl << parser.helpText();
        return 2;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty()) {
        err << parser.helpText();
        return 2;
    }
    const QString command = pos.first();
    QStringList files = pos.mid(1);
    nianbao::cli::Commands commands(out, err);
    // "-": the report comes on standard input.
    if (files.contains(u"-"_s) && !commands.readStandardInput(&files))
        return 2;
    if (parser.isSet(u"database"_s) && !commands.setStore(parser.value(u"database"_s)))
        return 2;
    if (command == u"export"_s && !parser.isSet(u"database"_s) && !parser.isSet(u"no-store"_s) &&
        !commands.useWindowStore())
        return 2;
    if (command == u"extract"_s) {
        if (files.size() != 1) {
            err << Cli::tr("extract takes exactly one file.") << Qt::endl;
            return 2;
        }
        return commands.extract(files.first(), !parser.isSet(u"compact"_s));
    }
    if (command == u"check"_s) {
        if (files.isEmpty()) {
            err << Cli::tr("check takes one or more files or folders.") << Qt::endl;
            return 2;
        }
        return commands.check(files, parser.value(u"jobs"_s).toInt(), parser.isSet(u"json"_s));
    }
    if (command == u"export"_s) {
        const int formats = int(parser.isSet(u"xlsx"_s)) + int(parser.isSet(u"csv"_s)) +
                            int(parser.isSet(u"json"_s)) + int(parser.isSet(u"letter"_s));
        if (formats != 1 || files.size() < 2) {
            err << Cli::tr("Usage: export --xlsx|--csv|--json|--letter OUT FILE|DIR...") << Qt::endl;
            return 2;
        }
        const QString format = parser.isSet(u"xlsx"_s)     ? u"xlsx"_s
                               : parser.isSet(u"csv"_s)    ? u"csv"_s
                               : parser.isSet(u"letter"_s) ? u"letter"_s
                                                           : u"json"_s;
        // The files speak the form's language (Chinese) unless English is asked for explicitly.
        if (!lang.startsWith(u"en"_s))
            nianbao::Language::set(u"zh_CN"_s);
        return commands.exportReports(format, files.first(), files.mid(1), parser.value(u"encoding"_s),
                                      parser.isSet(u"keys"_s), parser.isSet(u"batch-only"_s),
                                      parser.value(u"jobs"_s).toInt());
    }
    err << Cli::tr("Unknown command: %1. Use extract, check or export.").arg(command) << Qt::endl;
    return 2;
}
