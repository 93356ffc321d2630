#include "commands.h"

#include "export/exporter.h"
#include "i18n/language.h"
#include "json/reportjson.h"
#include "pipeline/reportreader.h"
#include "rules/ruleengine.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::cli {

int Commands::extract(const QString &path, bool pretty)
{
    const ReadResult r = ReportReader::read(path);
    if (!r.ok) {
        m_err << QFileInfo(path).fileName() << u": "_s << r.error << Qt::endl;
        return 2;
    }
    m_out << QString::fromUtf8(ReportJson::serialize(ReportJson::toJson(r.report, r.findings), pretty));
    m_out.flush();
    return r.errors() > 0 ? 1 : 0;
}

int Commands::check(const QStringList &inputs, int jobs)
{
    const QString comma = Language::pick(u"，"_s, u", "_s);
    const QString semicolon = Language::pick(u"；"_s, u"; "_s);
    QStringList problems;
    const QStringList paths = ReportReader::expandPaths(inputs, &problems);
    for (const QString &p : problems)
        m_err << p << Qt::endl;
    const QList<ReadResult> results = ReportReader::readAll(paths, jobs);

    int reports = 0, unreadable = 0, withErrors = 0, errors = 0, warnings = 0, clean = 0;
    for (const ReadResult &r : results) {
        ++reports;
        if (!r.ok) {
            ++unreadable;
            m_out << r.path << u": "_s << tr("cannot be read: %1").arg(r.error) << Qt::endl;
            continue;
        }
        const int e = r.errors(), w = r.warnings();
        errors += e;
        warnings += w;
        if (e > 0)
            ++withErrors;
        else if (w == 0)
            ++clean;
        const Report &rep = r.report;
        QString head = r.path + u": "_s + tr("template %1").arg(rep.templateName());
        if (!rep.unit.isEmpty() || !rep.year.isEmpty())
            head += comma + (rep.unit.isEmpty() ? QString() : rep.unit + u' ') + rep.year;
        head += u" — "_s + tr("%n error(s)", nullptr, e) + comma + tr("%n warning(s)", nullptr, w);
        m_out << head << Qt::endl;
        if (!rep.encodingNote.isEmpty())
            m_out << u"  ! "_s << rep.encodingNote << Qt::endl;
        for (const Finding &f : r.findings) {
            if (!f.isError())
                continue;
            m_out << u"  ✗ "_s << f.rule << u"  "_s << f.text() << Qt::endl;
        }
        int shown = 0;
        for (const Finding &f : r.findings) {
            if (f.isError())
                continue;
            if (++shown > 5) {
                m_out << u"  … "_s << tr("%n more warning(s)", nullptr, w - 5) << Qt::endl;
                break;
            }
            m_out << u"  ! "_s << f.rule << u"  "_s << f.text() << Qt::endl;
        }
    }
    m_out << tr("Total: %n report(s)", nullptr, reports) << comma << tr("%n with errors", nullptr, withErrors)
          << comma << tr("%n clean", nullptr, clean) << comma << tr("%n unreadable", nullptr, unreadable)
          << semicolon << tr("%n error(s)", nullptr, errors) << comma
          << tr("%n warning(s)", nullptr, warnings) << Qt::endl;
    if (unreadable > 0)
        return 2;
    return withErrors > 0 ? 1 : 0;
}

int Commands::exportReports(const QString &format, const QString &out, const QStringList &inputs,
                            const QString &encoding, bool keyHeader, bool batchOnly, int jobs)
{
    ExportOptions options;
    options.csvKeyHeader = keyHeader;
    options.perReportFiles = !batchOnly;
    const QString enc = encoding.toLower().remove(u'-').remove(u'_');
    if (enc.isEmpty() || enc == u"utf8bom"_s)
        options.csvEncoding = CsvEncoding::Utf8Bom;
    else if (enc == u"utf8"_s)
        options.csvEncoding = CsvEncoding::Utf8;
    else if (enc == u"gb18030"_s || enc == u"gbk"_s)
        options.csvEncoding = CsvEncoding::Gb18030;
    else {
        m_err << tr("Unknown encoding: %1. Use utf-8-bom, utf-8 or gb18030.").arg(encoding) << Qt::endl;
        return 2;
    }
    const ExportFormat fmt = format == u"xlsx"_s  ? ExportFormat::Xlsx
                             : format == u"csv"_s ? ExportFormat::Csv
                                                  : ExportFormat::Json;

    QStringList problems;
    const QStringList paths = ReportReader::expandPaths(inputs, &problems);
    for (const QString &p : problems)
        m_err << p << Qt::endl;
    const QList<ReadResult> results = ReportReader::readAll(paths, jobs);
    QList<ReviewedReport> reports;
    bool unreadable = !problems.isEmpty();
    for (const ReadResult &r : results) {
        if (!r.ok) {
            unreadable = true;
            m_err << r.path << u": "_s << tr("cannot be read: %1").arg(r.error) << Qt::endl;
            continue;
        }
        reports.append(ReviewedReport::fromExtracted(r.report, r.findings));
    }
    if (reports.isEmpty()) {
        m_err << tr("No report to export.") << Qt::endl;
        return 2;
    }
    QString error;
    QStringList written;
    if (!Exporter::exportReports(reports, fmt, out, options, &error, {}, &written)) {
        for (const QString &w : written)
            m_out << w << Qt::endl;
        m_err << error << Qt::endl;
        return 2;
    }
    for (const QString &w : written)
        m_out << w << Qt::endl;
    return unreadable ? 2 : 0;
}

} // namespace nianbao::cli
