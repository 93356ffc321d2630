#include "commands.h"

#include "export/exporter.h"
#include "export/letter.h"
#include "i18n/language.h"
#include "io/limits.h"
#include "json/reportjson.h"
#include "pipeline/reportreader.h"
#include "review/review.h"
#include "rules/ruleengine.h"
#include "session/reviewsession.h"
#include "store/reviewstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::cli {

namespace {

/// The reports as the window reads them: one session, the checks across reports included.
void readAll(ReviewSession &session, const QStringList &paths, int jobs)
{
    session.setJobs(jobs);
    session.read(paths);
    session.waitForLoaded();
}

} // namespace

Commands::Commands(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

Commands::~Commands() = default;

bool Commands::setStore(const QString &urlOrPath)
{
    auto store = std::make_unique<ReviewStore>();
    store->setReadOnly(true);
    QString error;
    if (!store->open(urlOrPath, &error)) {
        m_err << error << Qt::endl;
        return false;
    }
    m_store = std::move(store);
    return true;
}

bool Commands::useWindowStore()
{
    // The window's settings and data folder: organisation and application "nianbao".
    const QString self = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(u"nianbao"_s);
    const QString chosen = QSettings().value(u"database"_s).toString();
    const QString file = ReviewStore::defaultPath();
    QCoreApplication::setApplicationName(self);
    if (chosen.isEmpty() && !QFileInfo::exists(file))
        return true;
    return setStore(chosen.isEmpty() ? file : chosen);
}

bool Commands::readStandardInput(QStringList *paths)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        m_err << tr("Standard input cannot be read.") << Qt::endl;
        return false;
    }
    const QByteArray bytes = in.read(Limits::MaxDocumentBytes + 1);
    if (bytes.size() > Limits::MaxDocumentBytes) {
        m_err << tr("Standard input is larger than a report can be.") << Qt::endl;
        return false;
    }
    m_stdinDir = std::make_unique<QTemporaryDir>();
    m_stdinPath = m_stdinDir->filePath(u"stdin"_s);
    QFile out(m_stdinPath);
    if (!m_stdinDir->isValid() || !out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
        m_err << tr("Standard input cannot be kept in a temporary file.") << Qt::endl;
        return false;
    }
    out.close();
    for (QString &p : *paths)
        if (p == u"-"_s)
            p = m_stdinPath;
    return true;
}

QString Commands::shown(const QString &path) const
{
    return !m_stdinPath.isEmpty() && path == m_stdinPath ? u"-"_s : path;
}

void Commands::restoreReviews(ReviewSession &session)
{
    if (!m_store)
        return;
    for (int i = 0; i < session.count(); ++i) {
        Review *r = session.review(i);
        if (!r)
            continue;
        QString error;
        ReviewedReport rr = r->reviewed();
        rr.contentHash = ReviewStore::fileHash(session.path(i), &error);
        bool known = false;
        if (!rr.contentHash.isEmpty() && m_store->restore(&rr, &error, &known) && known)
            r->restore(rr);
        if (!error.isEmpty())
            m_err << shown(session.path(i)) << u": "_s << error << Qt::endl;
    }
}

QJsonObject Commands::reportJson(const Review &review, const QString &path)
{
    if (!m_store)
        return ReportJson::toJson(review.report(), review.findings());
    QString error;
    const QString hash = ReviewStore::fileHash(path, &error);
    const QList<Disposition> dispositions =
        hash.isEmpty() ? QList<Disposition>() : m_store->dispositions(hash, &error);
    if (!error.isEmpty())
        m_err << error << Qt::endl;
    return ReportJson::toJson(review.report(), review.findings(), dispositions);
}

int Commands::extract(const QString &path, bool pretty)
{
    ReviewSession session;
    readAll(session, {path}, 0);
    const Review *r = session.review(0);
    if (!r) {
        m_err << (path == m_stdinPath ? u"-"_s : QFileInfo(path).fileName()) << u": "_s << session.error(0)
              << Qt::endl;
        return 2;
    }
    m_out << QString::fromUtf8(ReportJson::serialize(reportJson(*r, path), pretty));
    m_out.flush();
    return r->errorCount() > 0 ? 1 : 0;
}

int Commands::check(const QStringList &inputs, int jobs, bool json)
{
    QStringList problems;
    const QStringList paths = ReportReader::expandPaths(inputs, &problems);
    for (const QString &p : problems)
        m_err << p << Qt::endl;
    if (paths.isEmpty())
        return 2; // every folder was empty: said above
    ReviewSession session;
    readAll(session, paths, jobs);
    if (json) {
        const int status = printJson(session);
        return problems.isEmpty() ? status : 2;
    }

    const QString comma = Language::pick(u"，"_s, u", "_s);
    const QString semicolon = Language::pick(u"；"_s, u"; "_s);
    int reports = 0, unreadable = 0, withErrors = 0, errors = 0, warnings = 0, clean = 0;
    for (int i = 0; i < session.count(); ++i) {
        ++reports;
        const Review *r = session.review(i);
        if (!r) {
            ++unreadable;
            m_out << shown(session.path(i)) << u": "_s << tr("cannot be read: %1").arg(session.error(i))
                  << Qt::endl;
            continue;
        }
        const int e = r->errorCount(), w = r->warningCount();
        errors += e;
        warnings += w;
        if (e > 0)
            ++withErrors;
        else if (w == 0)
            ++clean;
        const Report &rep = r->report();
        QString head = shown(session.path(i)) + u": "_s + tr("template %1").arg(rep.templateName());
        if (!rep.unit.isEmpty() || !rep.year.isEmpty())
            head += comma + (rep.unit.isEmpty() ? QString() : rep.unit + u' ') + rep.year;
        head += u" — "_s + tr("%n error(s)", nullptr, e) + comma + tr("%n warning(s)", nullptr, w);
        m_out << head << Qt::endl;
        if (!rep.encodingNote.isEmpty())
            m_out << u"  ! "_s << rep.encodingNote << Qt::endl;
        for (const Finding &f : r->findings()) {
            if (!f.isError())
                continue;
            m_out << u"  ✗ "_s << f.rule << u"  "_s << f.text() << Qt::endl;
        }
        int shown = 0;
        for (const Finding &f : r->findings()) {
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
    if (unreadable > 0 || !problems.isEmpty())
        return 2;
    return withErrors > 0 ? 1 : 0;
}

int Commands::printJson(const ReviewSession &session)
{
    QJsonArray reports, unreadable;
    bool errors = false;
    for (int i = 0; i < session.count(); ++i) {
        if (const Review *r = session.review(i)) {
            reports.append(reportJson(*r, session.path(i)));
            errors |= r->errorCount() > 0;
        } else {
            unreadable.append(QJsonObject{{u"source"_s, session.path(i)}, {u"error"_s, session.error(i)}});
        }
    }
    const QJsonObject all{{u"reports"_s, reports}, {u"unreadable"_s, unreadable}};
    m_out << QString::fromUtf8(ReportJson::serialize(all, true));
    m_out.flush();
    if (!unreadable.isEmpty())
        return 2;
    return errors ? 1 : 0;
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
    if (paths.isEmpty()) {
        m_err << tr("No report to export.") << Qt::endl;
        return 2;
    }
    ReviewSession session;
    readAll(session, paths, jobs);
    restoreReviews(session);
    QList<ReviewedReport> reports;
    bool unreadable = !problems.isEmpty();
    for (int i = 0; i < session.count(); ++i) {
        if (const Review *r = session.review(i)) {
            reports.append(r->reviewed());
            continue;
        }
        unreadable = true;
        m_err << shown(session.path(i)) << u": "_s << tr("cannot be read: %1").arg(session.error(i))
              << Qt::endl;
        options.refused.append({QFileInfo(session.path(i)).fileName(), session.error(i)});
    }
    if (reports.isEmpty()) {
        m_err << tr("No report to export.") << Qt::endl;
        return 2;
    }
    QString error;
    QStringList written;
    const bool ok = format == u"letter"_s
                        ? LetterExport::exportLetters(reports, out, options, &error, &written)
                        : Exporter::exportReports(reports, fmt, out, options, &error, {}, &written);
    if (!ok) {
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
