#include "exporter.h"

#include "checks/suggestions.h"
#include "export/exportcells.h"
#include "export/safewrite.h"
#include "export/xlsxexport.h"
#include "i18n/language.h"
#include "json/reportjson.h"
#include "rules/ruleengine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <unicode/ucnv.h>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QString csvField(const QString &s)
{
    // RFC 4180: quote a field holding a comma, a quote, a line break or edge spaces.
    bool quote = false;
    for (QChar c : s) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r') {
            quote = true;
            break;
        }
    }
    if (!s.isEmpty() && (s.front().isSpace() || s.back().isSpace()))
        quote = true;
    // A text that a spreadsheet would run as a formula (=, +, @) is kept as text with an
    // apostrophe, as Excel itself does; numbers never start with these.
    QString q = s;
    if (!q.isEmpty() && (q.front() == u'=' || q.front() == u'+' || q.front() == u'@'))
        q.prepend(u'\'');
    if (!quote)
        return q;
    q.replace(u"\""_s, u"\"\""_s);
    return u'"' + q + u'"';
}

void csvLine(QString &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += u',';
        out += csvField(fields[i]);
    }
    out += u"\r\n"_s;
}

QJsonValue correctionCell(const Cell &c)
{
    if (c.state == Cell::State::Uncertain)
        return QJsonValue(QJsonValue::Null);
    return ReportJson::cellValue(c);
}

/// A finding in one CSV field: "T3.ROWTOTAL 错误：message — 已排除：理由（张审校 2026-…+08:00）".
QString findingSummary(const ReviewedReport &rr, const Finding &f)
{
    QString s = f.rule + u' ' + ExportCells::severityLabel(f) + ExportCells::pick(u"："_s, u": "_s) +
                Language::pick(f.message, f.messageEn);
    if (const Disposition *d = dispositionOf(rr.dispositions, f))
        s += u" — "_s + ExportCells::dispositionSummary(*d, true);
    return s;
}

/// What the open findings propose for a cell: "39（方案1：错了一位数字）", one per proposal that
/// changes it, best first; the findings of one identity share their proposals.
QString proposedText(const ReviewedReport &rr, const QString &key)
{
    QStringList out;
    for (const Finding &f : rr.findings) {
        const Disposition *d = dispositionOf(rr.dispositions, f);
        if (!f.cells.contains(key) || (d && d->kind == Disposition::Kind::Dismissed))
            continue;
        for (const Suggestion &s : f.suggestions) {
            if (s.cell != key)
                continue;
            const QString why = Language::pick(s.why, s.whyEn);
            const QString text =
                Cell::number(s.value).displayText() +
                ExportCells::pick(u"（方案%1：%2）"_s, u" (proposal %1: %2)"_s).arg(s.proposal).arg(why);
            if (!out.contains(text))
                out.append(text);
        }
    }
    return out.join(ExportCells::pick(u"；"_s, u"; "_s));
}

/// Names not yet used in a folder; case-insensitive, as on Windows and macOS.
class NameSet
{
public:
    QString take(const QString &base, const QString &ext)
    {
        QString name = base + ext;
        for (int n = 2; m_used.contains(name.toCaseFolded()); ++n)
            name = base + u" ("_s + QString::number(n) + u')' + ext;
        m_used.insert(name.toCaseFolded());
        return name;
    }

private:
    QSet<QString> m_used;
};

} // namespace

QString Exporter::extension(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Xlsx:
        return u".xlsx"_s;
    case ExportFormat::Csv:
        return u".csv"_s;
    case ExportFormat::Json:
        return u".json"_s;
    }
    return {};
}

QString Exporter::safeBaseName(const QString &name)
{
    // Only the last path component, whatever the separator.
    QString s = name;
    const qsizetype slash = qMax(s.lastIndexOf(u'/'), s.lastIndexOf(u'\\'));
    if (slash >= 0)
        s = s.mid(slash + 1);
    static const QString reserved = u"<>:\"/\\|?*"_s;
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || reserved.contains(c) ||
            c.category() == QChar::Other_Format || c.category() == QChar::Other_Control ||
            c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            out += u'_';
        else
            out += c;
    }
    out = out.trimmed();
    // No leading dots (hidden files, "..") and no trailing dots or spaces (Windows drops them).
    while (out.startsWith(u'.'))
        out.remove(0, 1);
    while (out.endsWith(u'.') || out.endsWith(u' '))
        out.chop(1);
    static const QStringList devices = {u"CON"_s,  u"PRN"_s,  u"AUX"_s,  u"NUL"_s,  u"COM1"_s, u"COM2"_s,
                                        u"COM3"_s, u"COM4"_s, u"LPT1"_s, u"LPT2"_s, u"LPT3"_s};
    if (devices.contains(out.section(u'.', 0, 0).toUpper()))
        out.prepend(u'_');
    if (out.size() > 100)
        out = out.left(100).trimmed();
    if (out.isEmpty())
        out = u"report"_s;
    return out;
}

QString Exporter::reportBaseName(const ReviewedReport &report)
{
    QString src = report.current.source.isEmpty() ? report.extracted.source : report.current.source;
    // The source's last component, its extension dropped: "001_bff1….txt" → "001_bff1…".
    const qsizetype slash = qMax(src.lastIndexOf(u'/'), src.lastIndexOf(u'\\'));
    if (slash >= 0)
        src = src.mid(slash + 1);
    const qsizetype dot = src.lastIndexOf(u'.');
    if (dot > 0)
        src.truncate(dot);
    if (src.isEmpty() || src == u".."_s)
        src = report.current.unit;
    return safeBaseName(src);
}

QList<BatchColumn> Exporter::batchColumns(const QList<ReviewedReport> &reports)
{
    const auto pick = &ExportCells::pick;
    QList<BatchColumn> cols = {
        {u"file"_s, pick(u"源文件"_s, u"Source file"_s), false},
        {u"unit"_s, pick(u"单位"_s, u"Unit"_s), false},
        {u"year"_s, pick(u"年度"_s, u"Year"_s), false},
        {u"template"_s, pick(u"模板"_s, u"Template"_s), false},
        {u"status"_s, pick(u"审校状态"_s, u"Review state"_s), false},
        {u"reviewer"_s, pick(u"审校人"_s, u"Reviewer"_s), false},
        {u"errors"_s, pick(u"未排除错误数"_s, u"Errors left"_s), false},
        {u"warnings"_s, pick(u"未排除警告数"_s, u"Warnings left"_s), false},
        {u"confirmed"_s, pick(u"已确认数"_s, u"Confirmed"_s), false},
        {u"dismissed"_s, pick(u"已排除数"_s, u"Dismissed"_s), false},
        {u"corrections"_s, pick(u"修改数"_s, u"Corrections"_s), false},
    };
    // Every cell key of the templates and variants present, merged in form order: a key new to
    // the list goes after the key that precedes it in its own template.
    QStringList keys;
    QHash<QString, QString> labels;
    QSet<QPair<const Template *, QString>> seen;
    QList<QPair<const Template *, QString>> kinds;
    for (const ReviewedReport &r : reports)
        if (r.current.tmpl) {
            const QPair<const Template *, QString> k(r.current.tmpl, r.current.variant);
            if (!seen.contains(k)) {
                seen.insert(k);
                kinds << k;
            }
        }
    // The newest template first when present: it is the common layout.
    std::stable_sort(kinds.begin(), kinds.end(), [](const auto &a, const auto &b) {
        return a.first == Template::latest() && b.first != Template::latest();
    });
    for (const auto &[tmpl, variant] : kinds) {
        QString previous; // the key before k in its own template
        for (const QString &k : tmpl->cellKeys(variant)) {
            const qsizetype i = keys.indexOf(k);
            if (i >= 0) {
                previous = k;
                continue;
            }
            // After the preceding key of the same table, else after the table's last column.
            const QString table = k.section(u'.', 0, 0) + u'.';
            qsizetype at = previous.startsWith(table) ? keys.indexOf(previous) + 1 : -1;
            if (at < 0) {
                at = keys.size();
                for (qsizetype j = keys.size() - 1; j >= 0; --j)
                    if (keys[j].startsWith(table)) {
                        at = j + 1;
                        break;
                    }
                // A table no template so far had goes before the tables after it.
                if (at == keys.size())
                    for (qsizetype j = 0; j < keys.size(); ++j)
                        if (keys[j].section(u'.', 0, 0) > k.section(u'.', 0, 0)) {
                            at = j;
                            break;
                        }
            }
            keys.insert(at, k);
            previous = k;
            QString l = tmpl->cellLabel(k);
            const TableDef *t = nullptr;
            int ri = -1, ci = -1;
            if (tmpl->splitKey(k, &t, &ri, &ci))
                l = ExportCells::tableTag(*t) + l;
            // A cell the newest template does not have is named with its template.
            if (tmpl != Template::latest() && !Template::latest()->splitKey(k, nullptr, nullptr, nullptr))
                l += u" ("_s + tmpl->name() + u')';
            labels.insert(k, l);
        }
    }
    for (const QString &k : keys)
        cols.append({k, labels.value(k), true});
    return cols;
}

QString Exporter::batchText(const ReviewedReport &rr, const BatchColumn &col)
{
    const Report &rep = rr.current;
    if (col.isCell) {
        const Cell *c = rep.cell(col.key);
        return c && c->state == Cell::State::Uncertain ? u"?"_s : ExportCells::valueText(c);
    }
    if (col.key == u"file"_s)
        return QFileInfo(rep.source).fileName();
    if (col.key == u"unit"_s)
        return rep.unit;
    if (col.key == u"year"_s)
        return rep.year;
    if (col.key == u"template"_s)
        return rep.templateName();
    if (col.key == u"status"_s)
        return ExportCells::statusLabel(rr.status);
    if (col.key == u"reviewer"_s)
        return rr.reviewer;
    if (col.key == u"errors"_s)
        return QString::number(RuleEngine::errorCount(rr.openFindings()));
    if (col.key == u"warnings"_s)
        return QString::number(RuleEngine::warningCount(rr.openFindings()));
    if (col.key == u"corrections"_s)
        return QString::number(rr.corrections.size());
    if (col.key == u"confirmed"_s || col.key == u"dismissed"_s)
        return QString::number(dispositionCount(
            rr, col.key == u"confirmed"_s ? Disposition::Kind::Confirmed : Disposition::Kind::Dismissed));
    return {};
}

int Exporter::dispositionCount(const ReviewedReport &rr, Disposition::Kind kind)
{
    int n = 0;
    for (const Finding &f : rr.findings)
        if (const Disposition *d = dispositionOf(rr.dispositions, f); d && d->kind == kind)
            ++n;
    return n;
}

QString Exporter::csvText(const QList<ReviewedReport> &reports, CsvLayout layout,
                          const ExportOptions &options)
{
    QString out;
    if (layout == CsvLayout::Long) {
        const auto pick = &ExportCells::pick;
        if (options.csvKeyHeader)
            csvLine(out, {u"report"_s, u"table"_s, u"row"_s, u"column"_s, u"label"_s, u"value"_s,
                          u"extracted"_s, u"state"_s, u"findings"_s, u"action"_s, u"reviewer"_s, u"time"_s,
                          u"note"_s, u"suggestion"_s});
        else
            csvLine(out, {pick(u"报告"_s, u"Report"_s), pick(u"表"_s, u"Table"_s), pick(u"行"_s, u"Row"_s),
                          pick(u"列"_s, u"Column"_s), pick(u"单元格"_s, u"Cell"_s),
                          pick(u"审校后数值"_s, u"Value"_s), pick(u"原值（提取值）"_s, u"Extracted value"_s),
                          pick(u"状态"_s, u"State"_s), pick(u"检查结果"_s, u"Findings"_s),
                          pick(u"更正操作"_s, u"Action"_s), pick(u"更正人"_s, u"Corrected by"_s),
                          pick(u"更正时间"_s, u"Corrected at"_s), pick(u"更正备注"_s, u"Note"_s),
                          pick(u"建议更正"_s, u"Proposed"_s)});
        for (const ReviewedReport &rr : reports) {
            const Report &rep = rr.current;
            if (!rep.tmpl)
                continue;
            const QString name = QFileInfo(rep.source).fileName();
            const QHash<QString, int> open = ExportCells::openMarks(rr);
            for (const QString &k : rep.cellKeys()) {
                const Cell *c = rep.cell(k);
                const QStringList parts = k.split(u'.');
                QStringList findings;
                for (const Finding &f : rr.findings)
                    if (f.cells.contains(k))
                        findings << findingSummary(rr, f);
                const Correction *corr = rr.lastCorrection(k);
                const QString proposed = proposedText(rr, k);
                csvLine(out, {name, parts.value(0), parts.value(1), parts.value(2),
                              ExportCells::label(rep, k), ExportCells::valueText(c),
                              corr ? ExportCells::valueText(&corr->extracted) : QString(),
                              ExportCells::cellState(rr, k, open), findings.join(pick(u"；"_s, u"; "_s)),
                              corr ? ExportCells::actionLabel(corr->action) : QString(),
                              corr ? corr->reviewer : QString(),
                              corr ? ExportCells::isoTime(corr->time) : QString(),
                              corr ? corr->note : QString(), proposed});
            }
            // A finding about the whole report (no cell): one line of its own, without a key.
            for (const Finding &f : rr.findings) {
                if (!f.cells.isEmpty())
                    continue;
                const Disposition *d = dispositionOf(rr.dispositions, f);
                const bool dismissed = d && d->kind == Disposition::Kind::Dismissed;
                csvLine(out, {name, QString(), QString(), QString(), pick(u"（全文）"_s, u"(whole report)"_s),
                              QString(), QString(),
                              dismissed ? pick(u"已排除"_s, u"dismissed"_s) : ExportCells::severityLabel(f),
                              findingSummary(rr, f), QString(), QString(), QString(), QString(), QString()});
            }
        }
        return out;
    }
    const QList<BatchColumn> cols = batchColumns(reports);
    QStringList header;
    for (const BatchColumn &c : cols)
        header << (options.csvKeyHeader ? c.key : c.label);
    csvLine(out, header);
    for (const ReviewedReport &rr : reports) {
        QStringList line;
        line.reserve(cols.size());
        for (const BatchColumn &c : cols)
            line << batchText(rr, c);
        csvLine(out, line);
    }
    return out;
}

QByteArray Exporter::encodeCsv(const QString &text, CsvEncoding encoding, QString *error)
{
    if (encoding == CsvEncoding::Utf8)
        return text.toUtf8();
    if (encoding == CsvEncoding::Utf8Bom)
        return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open("GB18030", &status);
    if (U_FAILURE(status)) {
        if (error)
            *error = tr("The GB18030 encoding is not available: %1.")
                         .arg(QString::fromLatin1(u_errorName(status)));
        return {};
    }
    const auto *src = reinterpret_cast<const UChar *>(text.utf16());
    const int32_t len = int32_t(text.size());
    QByteArray out(qsizetype(UCNV_GET_MAX_BYTES_FOR_STRING(len, ucnv_getMaxCharSize(conv))) + 1,
                   Qt::Uninitialized);
    const int32_t n = ucnv_fromUChars(conv, out.data(), int32_t(out.size()), src, len, &status);
    ucnv_close(conv);
    if (U_FAILURE(status)) {
        if (error)
            *error = tr("The text cannot be written in GB18030: %1.")
                         .arg(QString::fromLatin1(u_errorName(status)));
        return {};
    }
    out.truncate(n);
    return out;
}

QJsonObject Exporter::reportJson(const ReviewedReport &rr, const ExportOptions &options)
{
    QJsonObject o = ReportJson::toJson(rr.current, rr.findings);
    o.insert("unit"_L1,
             rr.current.unit.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(rr.current.unit));
    o.insert("year"_L1,
             rr.current.year.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(rr.current.year));
    QJsonObject review;
    review.insert("status"_L1, reviewStatusName(rr.status));
    review.insert("status_zh"_L1, ExportCells::statusLabel(rr.status, true));
    review.insert("reviewer"_L1, rr.reviewer);
    if (!rr.notes.isEmpty())
        review.insert("notes"_L1, rr.notes);
    if (!rr.contentHash.isEmpty())
        review.insert("content_hash"_L1, rr.contentHash);
    review.insert("errors"_L1, RuleEngine::errorCount(rr.openFindings()));
    review.insert("warnings"_L1, RuleEngine::warningCount(rr.openFindings()));
    review.insert("confirmed"_L1, dispositionCount(rr, Disposition::Kind::Confirmed));
    review.insert("dismissed"_L1, dispositionCount(rr, Disposition::Kind::Dismissed));
    const QDateTime when =
        options.exportTime.isValid() ? options.exportTime : QDateTime::currentDateTimeUtc();
    review.insert("exported"_L1, ExportCells::isoTime(when));
    o.insert("review"_L1, review);
    // Each finding with the reviewer's word on it, when there is one.
    QJsonArray findings = o.value("findings"_L1).toArray();
    for (qsizetype i = 0; i < findings.size() && i < rr.findings.size(); ++i) {
        QJsonObject f = findings[i].toObject();
        f.insert("severity_zh"_L1, rr.findings[i].isError() ? u"错误"_s : u"警告"_s);
        if (const Disposition *d = dispositionOf(rr.dispositions, rr.findings[i])) {
            QJsonObject j;
            j.insert("state"_L1, d->kindName());
            j.insert("state_zh"_L1, d->kind == Disposition::Kind::Dismissed ? u"已排除"_s : u"已确认"_s);
            j.insert("reason"_L1, d->reason);
            j.insert("reviewer"_L1, d->reviewer);
            j.insert("time"_L1, d->time.isValid() ? QJsonValue(ExportCells::isoTime(d->time)) : QJsonValue());
            f.insert("disposition"_L1, j);
        }
        findings[i] = f;
    }
    o.insert("findings"_L1, findings);
    QJsonArray corrections;
    for (const Correction &c : rr.corrections) {
        QJsonObject j;
        j.insert("key"_L1, c.key);
        j.insert("label"_L1, ExportCells::label(rr.current, c.key));
        j.insert("extracted"_L1, correctionCell(c.extracted));
        j.insert("before"_L1, correctionCell(c.before));
        j.insert("after"_L1, correctionCell(c.after));
        j.insert("action"_L1, c.action);
        j.insert("action_zh"_L1, ExportCells::actionLabel(c.action, true));
        j.insert("reviewer"_L1, c.reviewer);
        j.insert("time"_L1, c.time.isValid() ? QJsonValue(ExportCells::isoTime(c.time)) : QJsonValue());
        if (!c.note.isEmpty())
            j.insert("note"_L1, c.note);
        j.insert("errors_before"_L1, c.errorsBefore);
        j.insert("errors_after"_L1, c.errorsAfter);
        corrections.append(j);
    }
    o.insert("corrections"_L1, corrections);
    return o;
}

bool Exporter::writeJson(const QList<ReviewedReport> &reports, const QString &path,
                         const ExportOptions &options, QString *error)
{
    QJsonDocument doc;
    if (reports.size() == 1) {
        doc.setObject(reportJson(reports.first(), options));
    } else {
        QJsonArray all;
        for (const ReviewedReport &rr : reports)
            all.append(reportJson(rr, options));
        QJsonObject o;
        o.insert("reports"_L1, all);
        doc.setObject(o);
    }
    return SafeWrite::writeFile(path, doc.toJson(QJsonDocument::Indented), error);
}

bool Exporter::writeCsv(const QList<ReviewedReport> &reports, CsvLayout layout, const QString &path,
                        const ExportOptions &options, QString *error)
{
    QString encError;
    const QByteArray bytes = encodeCsv(csvText(reports, layout, options), options.csvEncoding, &encError);
    if (!encError.isEmpty()) {
        if (error)
            *error = encError;
        return false;
    }
    return SafeWrite::writeFile(path, bytes, error);
}

bool Exporter::writeReportXlsx(const ReviewedReport &report, const QString &path,
                               const ExportOptions &options, QString *error)
{
    return SafeWrite::writeThrough(path, error, [&](const QString &tmp, QString *why) {
        return XlsxExport::writeReport(report, tmp, options, why);
    });
}

bool Exporter::writeBatchXlsx(const QList<ReviewedReport> &reports, const QString &path,
                              const ExportOptions &options, QString *error, const ExportProgress &progress)
{
    bool cancelled = false;
    const bool ok = SafeWrite::writeThrough(path, error, [&](const QString &tmp, QString *why) {
        const bool done = XlsxExport::writeBatch(reports, tmp, options, why, [&](int d, int t) {
            cancelled = progress && !progress(d, t);
            return !cancelled;
        });
        return done;
    });
    if (cancelled && error)
        *error = tr("Export cancelled.");
    return ok;
}

bool Exporter::exportReports(const QList<ReviewedReport> &reports, ExportFormat format,
                             const QString &outPath, const ExportOptions &options, QString *error,
                             const ExportProgress &progress, QStringList *written)
{
    if (reports.isEmpty()) {
        if (error)
            *error = tr("There is no report to export.");
        return false;
    }
    const QString ext = extension(format);
    const QFileInfo out(outPath);
    int done = 0;
    auto writeOne = [&](const QList<ReviewedReport> &rs, const QString &path, bool batch) -> bool {
        bool ok = false;
        switch (format) {
        case ExportFormat::Xlsx:
            // The batch workbook reports each of its rows when it is the only file written.
            ok = batch
                     ? writeBatchXlsx(rs, path, options, error,
                                      options.perReportFiles || !progress
                                          ? ExportProgress()
                                          : ExportProgress([&](int d, int t) { return progress(d, t + 1); }))
                     : writeReportXlsx(rs.first(), path, options, error);
            break;
        case ExportFormat::Csv:
            ok = writeCsv(rs, batch ? CsvLayout::Wide : CsvLayout::Long, path, options, error);
            break;
        case ExportFormat::Json:
            ok = writeJson(rs, path, options, error);
            break;
        }
        if (ok && written)
            written->append(path);
        return ok;
    };

    if (reports.size() == 1) {
        // A folder (existing, or named with a trailing separator) receives <report>.<ext>.
        QString path = outPath;
        if (out.isDir() || outPath.endsWith(u'/') || outPath.endsWith(u'\\')) {
            if (!QDir().mkpath(outPath)) {
                if (error)
                    *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(outPath));
                return false;
            }
            path = QDir(outPath).filePath(reportBaseName(reports.first()) + ext);
        }
        const bool ok = writeOne(reports, path, false);
        if (ok && progress)
            progress(1, 1);
        return ok;
    }

    if (out.exists() && !out.isDir()) {
        if (error)
            *error = tr("%1 is a file; several reports are exported into a folder.")
                         .arg(QDir::toNativeSeparators(outPath));
        return false;
    }
    if (!QDir().mkpath(outPath)) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(outPath));
        return false;
    }
    const QDir dir(outPath);
    NameSet names;
    const QString batchName = names.take(safeBaseName(options.batchBaseName), ext);
    const int total = int(reports.size()) + 1;
    if (options.perReportFiles) {
        for (const ReviewedReport &rr : reports) {
            if (!writeOne({rr}, dir.filePath(names.take(reportBaseName(rr), ext)), false))
                return false;
            if (progress && !progress(++done, total)) {
                if (error)
                    *error = tr("Export cancelled.");
                return false;
            }
        }
    }
    if (!writeOne(reports, dir.filePath(batchName), true))
        return false;
    if (progress)
        progress(total, total);
    return true;
}

} // namespace nianbao
