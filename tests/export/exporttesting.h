#pragma once

// What the export suites share: the corpus seeds, a report read and corrected as the reviewer
// would, a workbook cell compared with the report's, a cell found on a sheet by its labels, CSV
// parsed as RFC 4180.

#include "export/exportcells.h"
#include "export/exporter.h"
#include "export/safewrite.h"
#include "export/xlsxexport.h"
#include "i18n/language.h"
#include "json/reportjson.h"
#include "rules/ruleengine.h"
#include "testutil.h"
#include "xlsxreader.h"
#include <QDirIterator>
#include <QJsonArray>
#include <QProcess>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <ctime>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::exporttesting {

using testutil::XlsxCell;
using testutil::XlsxReader;
using testutil::XlsxSheet;

inline const QStringList seeds = {
    u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s, u"corpus/seeds/001_bff1b9e23c617db0.txt"_s,
    u"corpus/seeds/002_f891356e150a22f8.txt"_s, u"corpus/seeds/003_2ee7e895fb2dacb9.txt"_s,
    u"corpus/seeds/004_c7d8b163796d4c79.txt"_s};

inline ReviewedReport load(const QString &rel)
{
    const ReadResult r = ReportReader::read(testutil::dataPath(rel));
    if (!r.ok)
        qFatal("cannot read %s: %s", qPrintable(rel), qPrintable(r.error));
    return ReviewedReport::fromExtracted(r.report, r.findings);
}

inline void correct(ReviewedReport &rr, const QString &key, const Cell &after, const QString &note = {},
                    const QDateTime &time = QDateTime(QDate(2025, 3, 1), QTime(9, 30), Qt::UTC))
{
    Correction c;
    c.key = key;
    c.extracted = rr.extracted.cells.value(key);
    c.before = rr.current.cells.value(key);
    c.after = after;
    c.action = u"edit"_s;
    c.reviewer = u"张审校"_s;
    c.time = time;
    c.note = note;
    c.errorsBefore = RuleEngine::errorCount(rr.findings);
    rr.current.cells.insert(key, after);
    rr.findings = RuleEngine::check(rr.current);
    c.errorsAfter = RuleEngine::errorCount(rr.findings);
    rr.corrections.append(c);
    rr.reviewer = c.reviewer;
    rr.status = ReviewStatus::InReview;
}

/// A known UTC instant and how it reads under Asia/Shanghai (UTC+8, a day later).
inline const QDateTime stamp(QDate(2026, 1, 31), QTime(20, 30), Qt::UTC);
inline const QString stampIso = u"2026-02-01T04:30:00+08:00"_s;
inline const QString stampText = u"2026-02-01 04:30:00 (UTC+08:00)"_s;

/// The exports write local time: the suites read them back as a reviewer in China would.
inline void useShanghaiTime()
{
    qputenv("TZ", "Asia/Shanghai");
    tzset();
}

/// The reviewer's word on a finding, as the window stores it.
inline void dispose(ReviewedReport &rr, const Finding &f, Disposition::Kind kind, const QString &reason = {},
                    const QString &reviewer = u"李科长"_s, const QDateTime &time = stamp)
{
    Disposition d;
    d.finding = findingKey(f);
    d.rule = f.rule;
    d.kind = kind;
    d.reason = reason;
    d.reviewer = reviewer;
    d.time = time;
    rr.dispositions.append(d);
}

/// The first finding of a rule, or nullptr.
inline const Finding *findingOf(const ReviewedReport &rr, const QString &rule)
{
    for (const Finding &f : rr.findings)
        if (f.rule == rule)
            return &f;
    return nullptr;
}

/// Empty when the workbook cell holds the report's cell; else what differs.
inline QString compareCell(const XlsxCell *x, const Cell *c)
{
    if (!c || c->state == Cell::State::Blank)
        return x && x->hasValue() && !x->text.isEmpty() ? u"expected blank, got "_s + x->text : QString();
    if (!x || !x->hasValue())
        return u"expected a value, got a blank cell"_s;
    switch (c->state) {
    case Cell::State::Number:
        if (!x->isNumber())
            return u"expected the number %1, got text %2"_s.arg(c->value).arg(x->text);
        return qFuzzyCompare(1.0 + x->number(), 1.0 + c->value)
                   ? QString()
                   : u"expected %1, got %2"_s.arg(c->value).arg(x->text);
    case Cell::State::Text:
        return x->isNumber() || x->text != c->text.trimmed()
                   ? u"expected text %1, got %2"_s.arg(c->text, x->text)
                   : QString();
    case Cell::State::Uncertain:
        return x->text == u"?"_s ? QString() : u"expected ?, got "_s + x->text;
    case Cell::State::Blank:
        break;
    }
    return {};
}

/// Where a template cell sits on its table's sheet, found by the labels of the printed form
/// (not by the exporter's own arithmetic).
inline bool locate(const XlsxSheet &s, const TableDef &t, const RowDef &row, const ColumnDef &col, int *r,
                   int *c)
{
    const int rows = s.rowCount();
    if (t.layout == TableLayout::SingleRow) {
        for (int hr = 0; hr < 4; ++hr)
            for (int hc = 0; hc < 40; ++hc) {
                if (s.text(hr, hc) != row.label)
                    continue;
                int lr = hr, lc = hc;
                s.mergeAt(hr, hc, &lr, &lc);
                for (int cr = hr + 1; cr < rows; ++cr)
                    for (int cc = hc; cc <= lc; ++cc)
                        if (s.text(cr, cc) == col.label) {
                            *r = rows - 1;
                            *c = cc;
                            return true;
                        }
            }
        return false;
    }
    for (int rr = 0; rr < rows; ++rr) {
        if (s.text(rr, 0) != row.label && s.text(rr, 1) != row.label && s.text(rr, 2) != row.label)
            continue;
        // The nearest header above that names the column.
        for (int hr = rr - 1; hr >= 0; --hr)
            for (int hc = 1; hc < 12; ++hc)
                if (s.text(hr, hc) == col.label) {
                    *r = rr;
                    *c = hc;
                    return true;
                }
    }
    return false;
}

inline XlsxReader readBook(const QString &path)
{
    XlsxReader x;
    QString error;
    if (!x.open(path, &error))
        qFatal("%s", qPrintable(error));
    return x;
}

/// RFC 4180 parsing.
inline QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false, any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += ch;
            }
        } else if (ch == u'"') {
            quoted = true;
            any = true;
        } else if (ch == u',') {
            row << field;
            field.clear();
            any = true;
        } else if (ch == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            any = false;
            ++i;
        } else {
            field += ch;
            any = true;
        }
    }
    if (any)
        rows << (row << field);
    return rows;
}

inline QStringList filesIn(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

} // namespace nianbao::exporttesting
