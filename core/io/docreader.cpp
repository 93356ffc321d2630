#include "docreader.h"

#include "docxreader.h"
#include "formatreaders.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

QString DocReader::officeProgram()
{
    for (const QString &name : {u"soffice"_s, u"libreoffice"_s}) {
        const QString p = QStandardPaths::findExecutable(name);
        if (!p.isEmpty())
            return p;
    }
    return {};
}

bool DocReader::hasWriter(const QString &office)
{
    // soffice is most often a link to LibreOffice's program folder, where its modules' libraries
    // are (on macOS, in Frameworks beside it).
    const QFileInfo program(QFileInfo(office).canonicalFilePath());
    const QDir dir = program.absoluteDir();
    if (!QFileInfo::exists(dir.filePath(u"soffice.bin"_s)) &&
        !QFileInfo::exists(dir.filePath(u"soffice.exe"_s)) &&
        !QFileInfo::exists(dir.filePath(u"../Frameworks"_s)))
        return true; // not LibreOffice's own folder: nothing to tell by
    for (const QString &lib : {u"libswlo.so"_s, u"swlo.dll"_s, u"../Frameworks/libswlo.dylib"_s})
        if (QFileInfo::exists(dir.filePath(lib)))
            return true;
    return false;
}

bool DocReader::canConvert()
{
    const QString office = officeProgram();
    return !office.isEmpty() && hasWriter(office);
}

bool DocReader::read(const QByteArray &bytes, SourceDocument *doc, QString *error)
{
    const QString office = officeProgram();
    if (office.isEmpty()) {
        if (error)
            *error = tr("This is a legacy Word file (DOC) and LibreOffice is not installed to convert it; "
                        "open it in Word or WPS and save it as DOCX.");
        return false;
    }
    if (!hasWriter(office)) {
        if (error)
            *error =
                tr("This is a legacy Word file (DOC) and LibreOffice is installed without Writer, which "
                   "converts it (Debian: libreoffice-writer); open it in Word or WPS and save it as DOCX.");
        return false;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        if (error)
            *error = tr("No temporary folder to convert the legacy Word file: %1.").arg(dir.errorString());
        return false;
    }
    const QString input = dir.filePath(u"report.doc"_s);
    QFile f(input);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        if (error)
            *error = tr("The legacy Word file cannot be copied for conversion: %1.").arg(f.errorString());
        return false;
    }
    f.close();
    QProcess proc;
    proc.setProcessChannelMode(QProcess::MergedChannels);
    // A profile of its own, so that a running LibreOffice of the user does not take the job.
    const QString profile = QUrl::fromLocalFile(dir.filePath(u"profile"_s)).toString();
    proc.start(office, {u"-env:UserInstallation="_s + profile, u"--headless"_s, u"--norestore"_s,
                        u"--convert-to"_s, u"docx:MS Word 2007 XML"_s, u"--outdir"_s, dir.path(), input});
    if (!proc.waitForStarted(10000)) {
        if (error)
            *error = tr("LibreOffice could not be started to convert the legacy Word file; save it as DOCX.");
        return false;
    }
    if (!proc.waitForFinished(TimeLimitMs)) {
        proc.kill();
        proc.waitForFinished(5000);
        if (error)
            *error = tr("Converting the legacy Word file took longer than %1 seconds; save it as DOCX.")
                         .arg(TimeLimitMs / 1000);
        return false;
    }
    QFile out(dir.filePath(u"report.docx"_s));
    if (proc.exitStatus() != QProcess::NormalExit || !out.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr(
                "LibreOffice could not convert the legacy Word file (it may be damaged); save it as DOCX.");
        return false;
    }
    const QByteArray docx = out.readAll();
    if (!DocxReader::read(docx, doc, error))
        return false;
    doc->format = u"doc"_s;
    return true;
}

bool readDoc(const QByteArray &bytes, const QString &path, SourceDocument *doc, QString *error)
{
    Q_UNUSED(path);
    return DocReader::read(bytes, doc, error);
}

} // namespace nianbao
