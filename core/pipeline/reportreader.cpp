#include "reportreader.h"

#include "checks/documentreader.h"
#include "extract/extractor.h"
#include "extract/textreading.h"
#include "io/loader.h"
#include "rules/ruleengine.h"
#include "store/reviewstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

int ReadResult::errors() const
{
    return RuleEngine::errorCount(findings);
}

int ReadResult::warnings() const
{
    return RuleEngine::warningCount(findings);
}

ReadResult ReportReader::read(const QString &path, Hash hash)
{
    ReadResult r;
    r.path = path;
    SourceDocument doc;
    QString error;
    QByteArray bytes;
    if (!Loader::load(path, &doc, &error, hash == Hash::Content ? &bytes : nullptr)) {
        r.error = error;
        return r;
    }
    std::shared_ptr<const TextReading> reading;
    if (!Extractor::extract(doc, &r.report, &error, &reading)) {
        r.error = error;
        r.report.source = path;
        r.report.format = doc.format;
        r.report.encoding = doc.encoding;
        r.report.text = doc.text;
        return r;
    }
    r.report.document = DocumentReader::read(r.report, reading.get());
    // The body and the year the tables' surroundings did not give: as the document read them,
    // from the title, a sentence naming the report, the page's 发布机构 or the signature.
    if (r.report.unit.trimmed().isEmpty())
        r.report.unit = r.report.document.body;
    if (r.report.year.isEmpty() && r.report.document.year > 0)
        r.report.year = QString::number(r.report.document.year);
    r.findings = RuleEngine::check(r.report);
    r.ok = true;
    if (hash == Hash::Content)
        r.contentHash = ReviewStore::contentHash(bytes);
    return r;
}

bool ReportReader::isReportFileName(const QString &name)
{
    static const QStringList exts = {u"txt"_s,   u"text"_s, u"md"_s,   u"html"_s, u"htm"_s,
                                     u"shtml"_s, u"docx"_s, u"doc"_s,  u"pdf"_s,  u"csv"_s,
                                     u"png"_s,   u"jpg"_s,  u"jpeg"_s, u"tif"_s,  u"tiff"_s};
    const QString suffix = QFileInfo(name).suffix().toLower();
    return exts.contains(suffix);
}

QStringList ReportReader::expandPaths(const QStringList &paths, QStringList *problems)
{
    QStringList out;
    for (const QString &p : paths) {
        const QFileInfo fi(p);
        if (fi.isDir()) {
            QStringList found;
            QDirIterator it(p, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString f = it.next();
                if (isReportFileName(f))
                    found.append(f);
            }
            std::sort(found.begin(), found.end());
            if (found.isEmpty() && problems)
                problems->append(
                    QCoreApplication::translate("ReportReader", "%1: no report files in this folder").arg(p));
            out += found;
        } else {
            out.append(p);
        }
    }
    return out;
}

} // namespace nianbao
