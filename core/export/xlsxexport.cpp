#include "xlsxexport.h"

#include "xlsxbook.h"

#include "checks/suggestions.h"
#include "export/exportcells.h"
#include "export/exporter.h"
#include "i18n/language.h"
#include "report/formlayout.h"
#include "rules/catalogue.h"
#include "rules/ruleengine.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <cmath>

#include <xlsxwriter.h>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

using namespace xlsx;

struct Ctx
{
    Book &book;
    const ReviewedReport &rr;
    const Report &rep;
    QHash<QString, int> marks;
};

Style valueStyle(const Ctx &ctx, const QString &key, const ColumnDef &col, const Cell *cell)
{
    Style s;
    const int m = ctx.marks.value(key);
    const bool corrected = ctx.rr.isCorrected(key);
    // A dismissed finding no longer marks its cells (open marks); the comment still names it.
    s.fill = m == ExportCells::Error                                                        ? Style::Red
             : m == ExportCells::Warning || (cell && cell->state == Cell::State::Uncertain) ? Style::Amber
             : corrected                                                                    ? Style::Blue
                                                                                            : Style::NoFill;
    s.corrected = corrected;
    if (cell && cell->isNumber() && col.kind == ValueKind::Decimal)
        s.decimals = ExportCells::decimals(*cell);
    return s;
}

QString cellComment(const Ctx &ctx, const QString &key, const Cell *cell)
{
    QStringList lines;
    const Correction *c = ctx.rr.lastCorrection(key);
    if (c) {
        const QString extracted = c->extracted.state == Cell::State::Blank && c->extracted.text.isEmpty()
                                      ? ExportCells::pick(u"（空白）"_s, u"(blank)"_s)
                                      : c->extracted.displayText();
        lines << ExportCells::pick(u"原值："_s, u"Extracted: "_s) + extracted;
        QString who = ExportCells::actionLabel(c->action);
        if (!c->reviewer.isEmpty())
            who += u' ' + c->reviewer;
        if (c->time.isValid())
            who += u' ' + ExportCells::timeText(c->time);
        lines << ExportCells::pick(u"更正："_s, u"Corrected: "_s) + who;
        if (!c->note.isEmpty())
            lines << ExportCells::pick(u"备注："_s, u"Note: "_s) + c->note;
    }
    // The findings on the cell: open ones when the cell was corrected (it still fails), and
    // every one the reviewer gave a word on.
    for (const Finding &f : ctx.rr.findings) {
        if (!f.cells.contains(key))
            continue;
        const Disposition *d = dispositionOf(ctx.rr.dispositions, f);
        if (d)
            lines << f.rule + u' ' + ExportCells::severityLabel(f) + u' ' +
                         ExportCells::dispositionSummary(*d, false);
        else if (c)
            lines << ExportCells::pick(u"更正后仍不符合："_s, u"Still fails after the correction: "_s) +
                         f.rule + u' ' + ExportCells::severityLabel(f);
    }
    if (cell && cell->state == Cell::State::Uncertain) {
        QStringList cands;
        for (double v : cell->candidates)
            cands << RuleEngine::formatNumber(v);
        lines << ExportCells::pick(u"未能确定，可能是："_s, u"Uncertain, may be: "_s) + cands.join(u" / "_s);
    }
    if (cell && !cell->note.isEmpty())
        lines << ExportCells::pick(u"原文注："_s, u"Note in source: "_s) + cell->note;
    return lines.join(u'\n');
}

/// One value cell (possibly merged over c1..c2).
void putValue(const Ctx &ctx, lxw_worksheet *ws, int r, int c1, int c2, const QString &key,
              const ColumnDef &col)
{
    const Cell *cell = ctx.rep.cell(key);
    lxw_format *f = ctx.book.format(valueStyle(ctx, key, col, cell));
    if (c2 > c1)
        worksheet_merge_range(ws, lxw_row_t(r), lxw_col_t(c1), lxw_row_t(r), lxw_col_t(c2), "", f);
    if (cell && cell->isNumber())
        putNumber(ws, r, c1, cell->value, f);
    else if (cell && cell->state == Cell::State::Text)
        putText(ws, r, c1, cell->text.trimmed(), f);
    else if (cell && cell->state == Cell::State::Uncertain)
        putText(ws, r, c1, u"?"_s, f);
    else if (c2 == c1)
        worksheet_write_blank(ws, lxw_row_t(r), lxw_col_t(c1), f);
    const QString comment = cellComment(ctx, key, cell);
    if (!comment.isEmpty())
        worksheet_write_comment(ws, lxw_row_t(r), lxw_col_t(c1), u8(comment).constData());
}

/// Width of a text in the units of a column width (a CJK character counts two).
int textUnits(const QString &text)
{
    int u = 0;
    for (QChar c : text)
        u += c.unicode() < 0x2E80 ? 1 : 2;
    return u;
}

/// The lines a text takes wrapped in a column `width` units wide: each of its own lines, wrapped
/// where it no longer fits (a margin of two units, and a CJK character a little wider than two).
int wrappedLines(const QString &text, double width)
{
    const double room = qMax(1.0, width - 2.0);
    int lines = 0;
    for (const QString &line : text.split(u'\n')) {
        double u = 0;
        for (QChar c : line)
            u += c.unicode() < 0x2E80 ? 1.0 : 2.2;
        lines += qMax(1, int(std::ceil(u / room)));
    }
    return lines;
}

/// The page words of the footer, in the language in use.
QString pageWords()
{
    return ExportCells::pick(u"第 &P 页，共 &N 页"_s, u"Page &P of &N"_s);
}

/// The rule as a reader outside the review names it, its id beside: "申请收结数不平衡（T3.BALANCE）".
QString ruleText(const QString &id)
{
    const QString name = RuleCatalogue::name(id);
    return name == id ? id
                      : name + ExportCells::pick(u"（"_s, u" ("_s) + id + ExportCells::pick(u"）"_s, u")"_s);
}

/// One table laid out like the official form (FormLayout), under its title: merged headers and
/// group labels, values in their slots, rows as high as their wrapped labels need.
void writeFormTable(const Ctx &ctx, lxw_worksheet *ws, const TableDef &t)
{
    const FormLayout f = FormLayout::build(t, ctx.rep.variant);
    Style head;
    head.fill = Style::Grey;
    head.bold = true;
    head.center = true;
    head.wrap = true;
    Style label;
    label.wrap = true;
    Style group = label;
    group.center = true;
    lxw_format *hf = ctx.book.format(head);
    lxw_format *lf = ctx.book.format(label);
    lxw_format *gf = ctx.book.format(group);
    lxw_format *ef = ctx.book.format(Style{});

    // Column widths: the label columns by their place (the last holds the item), the value columns
    // by the longest single-column header above them.
    QList<int> widths(f.columnCount(), 9);
    for (int c = 0; c < f.labelColumns(); ++c)
        widths[c] = c == f.labelColumns() - 1 ? (f.labelColumns() > 1 ? 40 : 26) : 10;
    for (int r = 0; r < f.rowCount(); ++r)
        for (int c = f.labelColumns(); c < f.columnCount(); ++c) {
            const FormLayout::Slot &s = f.at(r, c);
            const FormLayout::Span *sp = f.spanAt(r, c);
            if (s.kind == FormLayout::Kind::Header && (!sp || sp->columnSpan == 1))
                widths[c] = qBound(widths[c], textUnits(s.text) / 2 + 5, 16);
        }
    for (int c = 0; c < f.columnCount(); ++c)
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);

    const int top = 1; // the title row
    putMerged(ws, 0, 0, 0, f.columnCount() - 1, ExportCells::tableTitle(t), hf);
    for (int r = 0; r < f.rowCount(); ++r) {
        int lines = 1;
        for (int c = 0; c < f.columnCount(); ++c) {
            if (f.isCovered(r, c))
                continue;
            const FormLayout::Slot &s = f.at(r, c);
            const FormLayout::Span *sp = f.spanAt(r, c);
            const int r2 = r + (sp ? sp->rowSpan : 1) - 1, c2 = c + (sp ? sp->columnSpan : 1) - 1;
            const QString text = Language::pick(s.text, s.textEn);
            switch (s.kind) {
            case FormLayout::Kind::Value:
                putValue(ctx, ws, top + r, c, c2, s.key, t.columns[s.column]);
                break;
            case FormLayout::Kind::Title:
            case FormLayout::Kind::Header:
                putMerged(ws, top + r, c, top + r2, c2, text, hf);
                break;
            case FormLayout::Kind::Label:
                putMerged(ws, top + r, c, top + r2, c2, text, r2 > r ? gf : lf);
                break;
            case FormLayout::Kind::Empty:
                putMerged(ws, top + r, c, top + r2, c2, QString(), ef);
                break;
            }
            if (r2 == r && s.kind != FormLayout::Kind::Value) {
                int w = 0;
                for (int k = c; k <= c2; ++k)
                    w += widths[k];
                lines = qMax(lines, wrappedLines(text, w));
            }
        }
        worksheet_set_row(ws, lxw_row_t(top + r), Book::rowHeight(lines), nullptr);
    }
    worksheet_set_row(ws, 0, Book::rowHeight(1), nullptr);
    if (f.headerRows() > 0) {
        worksheet_freeze_panes(ws, lxw_row_t(top + f.headerRows()), lxw_col_t(f.labelColumns()));
        // Printed over several pages, each page repeats the title and the form's headings.
        worksheet_repeat_rows(ws, 0, lxw_row_t(top + f.headerRows() - 1));
    }
}

void writeCover(Book &book, lxw_worksheet *ws, const ReviewedReport &rr, const ExportOptions &o)
{
    Style head;
    head.fill = Style::Grey;
    head.bold = true;
    Style plain;
    plain.wrap = true;
    lxw_format *hf = book.format(head);
    lxw_format *pf = book.format(plain);
    worksheet_set_column(ws, 0, 0, 18, nullptr);
    worksheet_set_column(ws, 1, 1, 70, nullptr);
    const Report &rep = rr.current;
    const QDateTime when = o.exportTime.isValid() ? o.exportTime : QDateTime::currentDateTimeUtc();
    int r = 0;
    putMerged(ws, r, 0, r, 1,
              ExportCells::pick(u"政府信息公开工作年度报告 审校结果"_s,
                                u"Annual report on government information disclosure — review"_s),
              hf);
    ++r;
    auto line = [&](const QString &k, const QString &v) {
        putText(ws, r, 0, k, hf);
        putText(ws, r, 1, v, pf);
        worksheet_set_row(ws, lxw_row_t(r), Book::rowHeight(qMax(wrappedLines(k, 18), wrappedLines(v, 70))),
                          nullptr);
        ++r;
    };
    auto number = [&](const QString &k, double v) {
        putText(ws, r, 0, k, hf);
        putNumber(ws, r, 1, v, pf);
        ++r;
    };
    line(ExportCells::pick(u"源文件"_s, u"Source file"_s), QFileInfo(rep.source).fileName());
    line(ExportCells::pick(u"单位"_s, u"Unit"_s), rep.unit);
    line(ExportCells::pick(u"年度"_s, u"Year"_s), rep.year);
    line(ExportCells::pick(u"模板"_s, u"Template"_s),
         rep.tmpl ? rep.tmpl->title() + u" ("_s + rep.templateName() + u')' : rep.templateName());
    line(ExportCells::pick(u"格式 / 编码"_s, u"Format / encoding"_s),
         rep.format + (rep.encoding.isEmpty() ? QString() : u" / "_s + rep.encoding));
    line(ExportCells::pick(u"审校状态"_s, u"Review state"_s), ExportCells::statusLabel(rr.status));
    line(ExportCells::pick(u"审校人"_s, u"Reviewer"_s), rr.reviewer);
    line(ExportCells::pick(u"导出时间"_s, u"Exported"_s), ExportCells::timeText(when));
    number(ExportCells::pick(u"错误（不含已排除）"_s, u"Errors (not dismissed)"_s),
           RuleEngine::errorCount(rr.openFindings()));
    number(ExportCells::pick(u"警告（不含已排除）"_s, u"Warnings (not dismissed)"_s),
           RuleEngine::warningCount(rr.openFindings()));
    number(ExportCells::pick(u"已确认的检查结果"_s, u"Findings confirmed"_s),
           Exporter::dispositionCount(rr, Disposition::Kind::Confirmed));
    number(ExportCells::pick(u"已排除的检查结果"_s, u"Findings dismissed"_s),
           Exporter::dispositionCount(rr, Disposition::Kind::Dismissed));
    QSet<QString> changed;
    for (const Correction &c : rr.corrections)
        changed.insert(c.key);
    number(ExportCells::pick(u"修改的单元格"_s, u"Corrected cells"_s), double(changed.size()));
    if (!rr.notes.isEmpty())
        line(ExportCells::pick(u"审校意见"_s, u"Notes"_s), rr.notes);
    if (!rr.contentHash.isEmpty())
        line(u"SHA-256"_s, rr.contentHash);
    ++r;
    Style red, amber, blue;
    red.fill = Style::Red;
    amber.fill = Style::Amber;
    blue.fill = Style::Blue;
    blue.corrected = true;
    putText(ws, r, 0, ExportCells::pick(u"图例"_s, u"Legend"_s), hf);
    ++r;
    putText(ws, r, 0, ExportCells::pick(u"红色"_s, u"Red"_s), book.format(red));
    putText(ws, r++, 1, ExportCells::pick(u"不符合勾稽关系或数值错误（错误）"_s, u"Breaks a rule (error)"_s),
            pf);
    putText(ws, r, 0, ExportCells::pick(u"黄色"_s, u"Amber"_s), book.format(amber));
    putText(ws, r++, 1,
            ExportCells::pick(u"缺失、空白或未能确定（警告）"_s, u"Missing, blank or uncertain (warning)"_s),
            pf);
    putText(ws, r, 0, ExportCells::pick(u"蓝色、蓝框"_s, u"Blue, blue frame"_s), book.format(blue));
    putText(ws, r++, 1,
            ExportCells::pick(
                u"审校人更正过的单元格（批注中为原值、更正人和时间）"_s,
                u"Corrected by the reviewer (the comment holds the extracted value, who and when)"_s),
            pf);
    Style redCorrected = red;
    redCorrected.corrected = true;
    putText(ws, r, 0, ExportCells::pick(u"红色、蓝框"_s, u"Red, blue frame"_s), book.format(redCorrected));
    putText(ws, r++, 1,
            ExportCells::pick(u"已更正但仍不符合勾稽关系的单元格"_s, u"Corrected, and still breaks a rule"_s),
            pf);
    putText(ws, r, 0, ExportCells::pick(u"已排除"_s, u"Dismissed"_s), pf);
    putText(ws, r++, 1,
            ExportCells::pick(
                u"审校人已排除的检查结果不再标色，理由见批注和“检查结果”表"_s,
                u"A finding the reviewer dismissed no longer colours its cells; the reason is in the "
                u"comment and on the Findings sheet"_s),
            pf);
}

/// The width of the findings' rule column: a rule's name and its id on a second line.
constexpr double FindingRuleWidth = 26;

/// The findings: rule, severity, cells by label, both sides, difference, message.
/// With file set, a first column names the report (the batch's sheet).
int writeFindings(Book &book, lxw_worksheet *ws, int r, const ReviewedReport &rr, bool withFile)
{
    Style plain;
    plain.wrap = true;
    lxw_format *pf = book.format(plain);
    Style red = plain, amber = plain, grey = plain;
    red.fill = Style::Red;
    amber.fill = Style::Amber;
    grey.fill = Style::Grey;
    const int o = withFile ? 1 : 0;
    for (const Finding &f : rr.findings) {
        if (withFile)
            putText(ws, r, 0, QFileInfo(rr.current.source).fileName(), pf);
        putText(ws, r, o + 0, ruleText(f.rule), pf);
        putText(ws, r, o + 1, ExportCells::severityLabel(f), book.format(f.isError() ? red : amber));
        QStringList labels;
        for (const QString &k : f.cells)
            labels << ExportCells::label(rr.current, k);
        putText(ws, r, o + 2, labels.join(u'\n'), pf);
        if (f.hasSides) {
            putNumber(ws, r, o + 3, f.lhs, pf);
            putNumber(ws, r, o + 4, f.rhs, pf);
            putNumber(ws, r, o + 5, f.difference, pf);
        } else {
            for (int c = 3; c <= 5; ++c)
                worksheet_write_blank(ws, lxw_row_t(r), lxw_col_t(o + c), pf);
        }
        QStringList blanks;
        for (const QString &k : f.blankCells)
            blanks << ExportCells::label(rr.current, k);
        putText(ws, r, o + 6, blanks.join(u'\n'), pf);
        QString msg = Language::pick(f.message, f.messageEn);
        const QString hint = Language::pick(f.hint, f.hintEn);
        if (!hint.isEmpty())
            msg += Language::pick(u"；"_s, u"; "_s) + hint;
        putText(ws, r, o + 7, msg, pf);
        if (const Disposition *d = dispositionOf(rr.dispositions, f)) {
            putText(ws, r, o + 8, ExportCells::dispositionLabel(*d),
                    book.format(d->kind == Disposition::Kind::Dismissed ? grey : plain));
            putText(ws, r, o + 9, d->reason, pf);
            putText(ws, r, o + 10, d->reviewer, pf);
            putText(ws, r, o + 11, ExportCells::timeText(d->time), book.format(Style{})); // one line
        } else {
            putText(ws, r, o + 8, ExportCells::pick(u"未处理"_s, u"open"_s), pf);
        }
        // what would make every identity hold, best first (or why nothing is proposed)
        const QString proposed = f.suggestions.isEmpty() ? Language::pick(f.noSuggestion, f.noSuggestionEn)
                                                         : Suggestions::describeAll(rr.current, f);
        if (!proposed.isEmpty())
            putText(ws, r, o + 12, proposed, pf);
        // As high as its wrapped texts need (the widths of findingsHeader, less a margin).
        const Disposition *d = dispositionOf(rr.dispositions, f);
        int lines = qMax(wrappedLines(labels.join(u'\n'), 40), wrappedLines(blanks.join(u'\n'), 24));
        lines = qMax(lines, wrappedLines(ruleText(f.rule), FindingRuleWidth));
        lines = qMax(lines, wrappedLines(msg, 60));
        if (withFile)
            lines = qMax(lines, wrappedLines(QFileInfo(rr.current.source).fileName(), 28));
        if (d)
            lines = qMax(lines, qMax(wrappedLines(d->reason, 30), wrappedLines(d->reviewer, 10)));
        lines = qMax(lines, wrappedLines(proposed, 50));
        worksheet_set_row(ws, lxw_row_t(r), Book::rowHeight(lines), nullptr);
        ++r;
    }
    return r;
}

void findingsHeader(Book &book, lxw_worksheet *ws, bool withFile)
{
    Style head;
    head.fill = Style::Grey;
    head.bold = true;
    head.wrap = true;
    lxw_format *hf = book.format(head);
    QStringList h;
    if (withFile)
        h << ExportCells::pick(u"源文件"_s, u"Source file"_s);
    h << ExportCells::pick(u"规则"_s, u"Rule"_s) << ExportCells::pick(u"严重程度"_s, u"Severity"_s)
      << ExportCells::pick(u"单元格"_s, u"Cells"_s) << ExportCells::pick(u"报告合计"_s, u"Reported total"_s)
      << ExportCells::pick(u"按各项计算"_s, u"From its parts"_s)
      << ExportCells::pick(u"相差"_s, u"Difference"_s)
      << ExportCells::pick(u"按0计的空白单元格"_s, u"Blank cells counted as 0"_s)
      << ExportCells::pick(u"说明"_s, u"Message"_s) << ExportCells::pick(u"处理"_s, u"Disposition"_s)
      << ExportCells::pick(u"理由"_s, u"Reason"_s) << ExportCells::pick(u"处理人"_s, u"By"_s)
      << ExportCells::pick(u"处理时间"_s, u"When"_s) << ExportCells::pick(u"建议更正"_s, u"Proposed"_s);
    const QList<double> widths = {FindingRuleWidth, 8, 40, 10, 10, 10, 24, 60, 9, 30, 10, 32, 50};
    const int o = withFile ? 1 : 0;
    if (withFile)
        worksheet_set_column(ws, 0, 0, 28, nullptr);
    for (int i = 0; i < widths.size(); ++i)
        worksheet_set_column(ws, lxw_col_t(o + i), lxw_col_t(o + i), widths[i], nullptr);
    int lines = 1;
    for (int i = 0; i < h.size(); ++i) {
        putText(ws, 0, i, h[i], hf);
        lines = qMax(lines, wrappedLines(h[i], i < o ? 28 : widths.value(i - o, 10)));
    }
    worksheet_set_row(ws, 0, Book::rowHeight(lines), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
}

void putCellValue(Book &book, lxw_worksheet *ws, int r, int c, const Cell &cell, lxw_format *f)
{
    Q_UNUSED(book);
    if (cell.isNumber())
        putNumber(ws, r, c, cell.value, f);
    else if (cell.state == Cell::State::Text)
        putText(ws, r, c, cell.text.trimmed(), f);
    else if (cell.state == Cell::State::Uncertain)
        putText(ws, r, c, u"?"_s, f);
    else
        worksheet_write_blank(ws, lxw_row_t(r), lxw_col_t(c), f);
}

void writeCorrections(Book &book, lxw_worksheet *ws, const ReviewedReport &rr)
{
    Style head;
    head.fill = Style::Grey;
    head.bold = true;
    head.wrap = true;
    Style plain;
    plain.wrap = true;
    lxw_format *hf = book.format(head);
    lxw_format *pf = book.format(plain);
    const QStringList h = {ExportCells::pick(u"单元格"_s, u"Cell"_s),
                           ExportCells::pick(u"提取值"_s, u"Extracted value"_s),
                           ExportCells::pick(u"修改前"_s, u"Before"_s),
                           ExportCells::pick(u"修改后"_s, u"Corrected value"_s),
                           ExportCells::pick(u"操作"_s, u"Action"_s),
                           ExportCells::pick(u"审校人"_s, u"Reviewer"_s),
                           ExportCells::pick(u"时间"_s, u"Time"_s),
                           ExportCells::pick(u"备注"_s, u"Note"_s),
                           ExportCells::pick(u"修改前错误数"_s, u"Errors before"_s),
                           ExportCells::pick(u"修改后错误数"_s, u"Errors after"_s),
                           ExportCells::pick(u"键"_s, u"Key"_s)};
    const QList<double> widths = {40, 12, 12, 12, 9, 12, 32, 30, 10, 10, 36};
    int headLines = 1;
    for (int i = 0; i < h.size(); ++i) {
        worksheet_set_column(ws, lxw_col_t(i), lxw_col_t(i), widths[i], nullptr);
        putText(ws, 0, i, h[i], hf);
        headLines = qMax(headLines, wrappedLines(h[i], widths[i]));
    }
    worksheet_set_row(ws, 0, Book::rowHeight(headLines), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    int r = 1;
    for (const Correction &c : rr.corrections) {
        putText(ws, r, 0, ExportCells::label(rr.current, c.key), pf);
        putCellValue(book, ws, r, 1, c.extracted, pf);
        putCellValue(book, ws, r, 2, c.before, pf);
        putCellValue(book, ws, r, 3, c.after, pf);
        putText(ws, r, 4, ExportCells::actionLabel(c.action), pf);
        putText(ws, r, 5, c.reviewer, pf);
        putText(ws, r, 6, ExportCells::timeText(c.time), book.format(Style{})); // one line
        putText(ws, r, 7, c.note, pf);
        putNumber(ws, r, 8, c.errorsBefore, pf);
        putNumber(ws, r, 9, c.errorsAfter, pf);
        putText(ws, r, 10, c.key, pf);
        const int lines = qMax(qMax(wrappedLines(ExportCells::label(rr.current, c.key), widths[0]),
                                    wrappedLines(c.note, widths[7])),
                               wrappedLines(c.reviewer, widths[5]));
        worksheet_set_row(ws, lxw_row_t(r), Book::rowHeight(lines), nullptr);
        ++r;
    }
}

/// The body a report is from, and its year: "上海市科委 2024"; the file's name when it names no body.
QString bodyYear(const ReviewedReport &rr)
{
    const Report &rep = rr.current;
    QString s = rep.unit.isEmpty() ? QFileInfo(rep.source).fileName() : rep.unit;
    if (!rep.year.isEmpty())
        s += u' ' + rep.year;
    return s;
}

double cellNumber(const Report &rep, const QString &key)
{
    const Cell *c = rep.cell(key);
    return c && c->isNumber() ? c->value : 0;
}

/// A chart of rows first..last of a sheet's column `labels`, one series per values column.
lxw_chart *addChart(Book &book, uint8_t type, lxw_worksheet *ws, const QString &title, int first, int last,
                    int labels, const QList<QPair<int, QString>> &series)
{
    lxw_chart *chart = book.chart(type);
    chart_title_set_name(chart, u8(title).constData());
    lxw_chart_font titleFont = {};
    titleFont.name = const_cast<char *>(Book::FontName);
    titleFont.size = 12;
    titleFont.bold = LXW_TRUE;
    chart_title_set_name_font(chart, &titleFont);
    lxw_chart_font font = {};
    font.name = const_cast<char *>(Book::FontName);
    font.size = 9;
    for (const auto &[column, name] : series) {
        lxw_chart_series *s = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(s, ws->name, lxw_row_t(first), lxw_col_t(labels), lxw_row_t(last),
                                    lxw_col_t(labels));
        chart_series_set_values(s, ws->name, lxw_row_t(first), lxw_col_t(column), lxw_row_t(last),
                                lxw_col_t(column));
        chart_series_set_name(s, u8(name).constData());
        if (series.size() == 1)
            chart_series_set_labels(s);
    }
    chart_axis_set_num_font(chart->x_axis, &font);
    chart_axis_set_num_font(chart->y_axis, &font);
    chart_legend_set_font(chart, &font);
    if (series.size() == 1)
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    else
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    return chart;
}

/// The overview a supervisor looks at: reports per review state, and per body its errors and the
/// applications it received and processed, each with its chart. The bodies are listed by errors
/// left, most first; the charts show the first ChartBodies.
void writeOverview(Book &book, lxw_worksheet *ws, const QList<ReviewedReport> &reports,
                   const ExportOptions &options)
{
    constexpr int ChartBodies = 15;
    Style head;
    head.fill = Style::Grey;
    head.bold = true;
    head.wrap = true;
    head.center = true;
    Style plain;
    plain.wrap = true;
    Style title = head;
    title.border = false;
    title.fill = Style::NoFill;
    lxw_format *hf = book.format(head);
    lxw_format *pf = book.format(plain);
    lxw_format *tf = book.format(title);
    const QList<double> widths = {30, 10, 10, 10, 10, 10, 10};
    for (int c = 0; c < widths.size(); ++c)
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);

    putMerged(ws, 0, 0, 0, 6, ExportCells::pick(u"年度报告审校概览"_s, u"Review overview"_s), tf);
    worksheet_set_row(ws, 0, Book::rowHeight(1) + 6, nullptr);

    // Reports per state, the refused files too.
    int r = 2;
    putText(ws, r, 0, ExportCells::pick(u"审校状态"_s, u"Review state"_s), hf);
    putText(ws, r, 1, ExportCells::pick(u"报告数"_s, u"Reports"_s), hf);
    const int statesFirst = ++r;
    for (ReviewStatus st :
         {ReviewStatus::New, ReviewStatus::InReview, ReviewStatus::Reviewed, ReviewStatus::Sent}) {
        int n = 0;
        for (const ReviewedReport &rr : reports)
            n += rr.status == st ? 1 : 0;
        putText(ws, r, 0, ExportCells::statusLabel(st), pf);
        putNumber(ws, r++, 1, n, pf);
    }
    putText(ws, r, 0, ExportCells::pick(u"未能读取"_s, u"Could not be read"_s), pf);
    putNumber(ws, r, 1, double(options.refused.size()), pf);
    const int statesLast = r;
    lxw_chart_options at = {};
    at.x_offset = 10;
    at.x_scale = 1.0;
    at.y_scale = 0.75;
    worksheet_insert_chart_opt(ws, 2, 3,
                               addChart(book, LXW_CHART_COLUMN, ws,
                                        ExportCells::pick(u"各审校状态的报告数"_s, u"Reports per state"_s),
                                        statesFirst, statesLast, 0,
                                        {{1, ExportCells::pick(u"报告数"_s, u"Reports"_s)}}),
                               &at);

    // Per body: errors and warnings left, applications received and processed.
    r = 16;
    const QStringList heads = {ExportCells::pick(u"单位（年度）"_s, u"Body (year)"_s),
                               ExportCells::pick(u"审校状态"_s, u"Review state"_s),
                               ExportCells::pick(u"未排除错误"_s, u"Errors left"_s),
                               ExportCells::pick(u"未排除警告"_s, u"Warnings left"_s),
                               ExportCells::pick(u"收到申请"_s, u"Applications received"_s),
                               ExportCells::pick(u"办结申请"_s, u"Applications processed"_s),
                               ExportCells::pick(u"已确认问题"_s, u"Confirmed"_s)};
    int headLines = 1;
    for (int c = 0; c < heads.size(); ++c) {
        putText(ws, r, c, heads[c], hf);
        headLines = qMax(headLines, wrappedLines(heads[c], widths[c]));
    }
    worksheet_set_row(ws, lxw_row_t(r), Book::rowHeight(headLines), nullptr);
    const int bodiesHead = r;
    QList<const ReviewedReport *> order;
    for (const ReviewedReport &rr : reports)
        order << &rr;
    std::stable_sort(order.begin(), order.end(), [](const ReviewedReport *a, const ReviewedReport *b) {
        return RuleEngine::errorCount(a->openFindings()) > RuleEngine::errorCount(b->openFindings());
    });
    const int bodiesFirst = ++r;
    for (const ReviewedReport *rr : std::as_const(order)) {
        const QList<Finding> open = rr->openFindings();
        const QString name = bodyYear(*rr);
        putText(ws, r, 0, name, pf);
        putText(ws, r, 1, ExportCells::statusLabel(rr->status), pf);
        putNumber(ws, r, 2, RuleEngine::errorCount(open), pf);
        putNumber(ws, r, 3, RuleEngine::warningCount(open), pf);
        putNumber(ws, r, 4, cellNumber(rr->current, u"t3.new_received.total"_s), pf);
        putNumber(ws, r, 5, cellNumber(rr->current, u"t3.total_processed.total"_s), pf);
        putNumber(ws, r, 6, Exporter::dispositionCount(*rr, Disposition::Kind::Confirmed), pf);
        worksheet_set_row(ws, lxw_row_t(r), Book::rowHeight(wrappedLines(name, widths[0])), nullptr);
        ++r;
    }
    const int bodiesLast = r - 1;
    if (bodiesLast >= bodiesFirst) {
        const int chartLast = qMin(bodiesLast, bodiesFirst + ChartBodies - 1);
        const int rows = chartLast - bodiesFirst + 1;
        lxw_chart_options big = {};
        big.x_offset = 10;
        big.x_scale = 1.0;
        big.y_scale = qMax(1.0, 0.35 + rows * 0.12);
        worksheet_insert_chart_opt(
            ws, lxw_row_t(bodiesHead), 8,
            addChart(book, LXW_CHART_BAR, ws,
                     ExportCells::pick(u"各单位未排除的错误"_s, u"Errors left per body"_s), bodiesFirst,
                     chartLast, 0, {{2, heads[2]}}),
            &big);
        lxw_chart_options below = big;
        below.x_offset = 10;
        worksheet_insert_chart_opt(
            ws, lxw_row_t(bodiesHead), 16,
            addChart(book, LXW_CHART_BAR, ws,
                     ExportCells::pick(u"各单位收到与办结的申请"_s,
                                       u"Applications received and processed per body"_s),
                     bodiesFirst, chartLast, 0, {{4, heads[4]}, {5, heads[5]}}),
            &below);
    }
    worksheet_repeat_rows(ws, lxw_row_t(bodiesHead), lxw_row_t(bodiesHead));
}

} // namespace

bool XlsxExport::writeReport(const ReviewedReport &rr, const QString &file, const ExportOptions &options,
                             QString *error)
{
    Book book(file, options);
    if (!book.ok()) {
        if (error)
            *error = closeError(LXW_ERROR_CREATING_XLSX_FILE);
        return false;
    }
    const Report &rep = rr.current;
    // Signed by the reviewer; every page's footer names the body and year.
    QString who = rep.unit.isEmpty() ? QFileInfo(rep.source).fileName() : rep.unit;
    if (!rep.year.isEmpty())
        who += u' ' + ExportCells::pick(rep.year + u"年度"_s, rep.year);
    book.setSigning(rr.reviewer, who, pageWords());
    book.setProperties(QFileInfo(rep.source).fileName());
    writeCover(book, book.sheet(ExportCells::pick(u"封面"_s, u"Cover"_s)), rr, options);
    Ctx ctx{book, rr, rep, ExportCells::openMarks(rr)};
    if (rep.tmpl) {
        for (const TableDef &t : rep.tmpl->tables()) {
            writeFormTable(ctx, book.sheet(ExportCells::sheetName(t)), t);
        }
    }
    lxw_worksheet *fs = book.sheet(ExportCells::pick(u"检查结果"_s, u"Findings"_s));
    findingsHeader(book, fs, false);
    writeFindings(book, fs, 1, rr, false);
    writeCorrections(book, book.sheet(ExportCells::pick(u"修改记录"_s, u"Corrections"_s)), rr);
    return finish(book, file, error);
}

bool XlsxExport::writeBatch(const QList<ReviewedReport> &reports, const QString &file,
                            const ExportOptions &options, QString *error, const ExportProgress &progress)
{
    Book book(file, options);
    if (!book.ok()) {
        if (error)
            *error = closeError(LXW_ERROR_CREATING_XLSX_FILE);
        return false;
    }
    // Signed by the reviewer of the reports (the first who is named).
    QString reviewer;
    for (const ReviewedReport &rr : reports)
        if (reviewer.isEmpty())
            reviewer = rr.reviewer;
    book.setSigning(reviewer,
                    ExportCells::pick(u"年度报告汇总（%1 份）"_s, u"Annual reports (%1)"_s)
                        .arg(reports.size() + options.refused.size()),
                    pageWords());
    book.setProperties(ExportCells::pick(u"年度报告汇总"_s, u"Annual reports — batch"_s));
    writeOverview(book, book.sheet(ExportCells::pick(u"概览"_s, u"Overview"_s)), reports, options);
    lxw_worksheet *ws = book.sheet(ExportCells::pick(u"汇总"_s, u"Batch"_s));
    const QList<BatchColumn> cols = Exporter::batchColumns(reports);

    Style head;
    head.fill = Style::Grey;
    head.bold = true;
    head.wrap = true;
    lxw_format *hf = book.format(head);
    Style keyStyle;
    keyStyle.border = false;
    lxw_format *kf = book.format(keyStyle);
    Style plainStyle;
    lxw_format *pf = book.format(plainStyle);

    // Row 0: the keys (hidden, for programs); row 1: the labels.
    lxw_row_col_options hidden = {};
    hidden.hidden = LXW_TRUE;
    worksheet_set_row_opt(ws, 0, LXW_DEF_ROW_HEIGHT, nullptr, &hidden);
    worksheet_set_row(ws, 1, 60, nullptr);
    for (int c = 0; c < cols.size(); ++c) {
        putText(ws, 0, c, cols[c].key, kf);
        putText(ws, 1, c, cols[c].label, hf);
    }
    worksheet_set_column(ws, 0, 0, 30, nullptr);
    worksheet_set_column(ws, 1, 1, 24, nullptr);
    worksheet_set_column(ws, 2, lxw_col_t(cols.size() - 1), 10, nullptr);
    worksheet_freeze_panes(ws, 2, 1);

    // Cache the template cell definitions by key.
    int row = 2;
    for (int i = 0; i < reports.size(); ++i, ++row) {
        const ReviewedReport &rr = reports[i];
        const Report &rep = rr.current;
        const QHash<QString, int> marks = ExportCells::openMarks(rr);
        for (int c = 0; c < cols.size(); ++c) {
            const BatchColumn &col = cols[c];
            if (!col.isCell) {
                if (col.key == u"errors"_s)
                    putNumber(ws, row, c, RuleEngine::errorCount(rr.openFindings()), pf);
                else if (col.key == u"warnings"_s)
                    putNumber(ws, row, c, RuleEngine::warningCount(rr.openFindings()), pf);
                else if (col.key == u"corrections"_s)
                    putNumber(ws, row, c, double(rr.corrections.size()), pf);
                else if (col.key == u"confirmed"_s)
                    putNumber(ws, row, c, Exporter::dispositionCount(rr, Disposition::Kind::Confirmed), pf);
                else if (col.key == u"dismissed"_s)
                    putNumber(ws, row, c, Exporter::dispositionCount(rr, Disposition::Kind::Dismissed), pf);
                else
                    putText(ws, row, c, Exporter::batchText(rr, col), pf);
                continue;
            }
            const Cell *cell = rep.cell(col.key);
            const int m = marks.value(col.key);
            const bool corrected = !rr.corrections.isEmpty() && rr.isCorrected(col.key);
            Style s;
            s.fill = m == ExportCells::Error ? Style::Red
                     : m == ExportCells::Warning || (cell && cell->state == Cell::State::Uncertain)
                         ? Style::Amber
                     : corrected ? Style::Blue
                                 : Style::NoFill;
            s.corrected = corrected;
            if (cell && cell->isNumber() && !cell->isInteger())
                s.decimals = ExportCells::decimals(*cell);
            lxw_format *f = book.format(s);
            if (!cell) {
                if (s.fill != Style::NoFill)
                    worksheet_write_blank(ws, lxw_row_t(row), lxw_col_t(c), f);
                continue;
            }
            putCellValue(book, ws, row, c, *cell, f);
        }
        if (progress && !progress(i + 1, int(reports.size()))) {
            if (error)
                *error = tr("Export cancelled.");
            return false; // the Book's destructor discards the workbook
        }
    }
    // A file that could not be read is a row too: its name, 未能读取 and why, over the columns
    // after the state.
    int statusColumn = 0, firstCell = int(cols.size());
    for (int c = 0; c < cols.size(); ++c) {
        if (cols[c].key == u"status"_s)
            statusColumn = c;
        if (cols[c].isCell && firstCell == int(cols.size()))
            firstCell = c;
    }
    Style refusedStyle;
    refusedStyle.fill = Style::Red;
    refusedStyle.wrap = true;
    lxw_format *rf = book.format(refusedStyle);
    for (const ExportOptions::Refused &x : options.refused) {
        putText(ws, row, 0, QFileInfo(x.file).fileName(), rf);
        putText(ws, row, statusColumn, ExportCells::pick(u"未能读取"_s, u"Could not be read"_s), rf);
        const int last = qMin(int(cols.size()) - 1, qMax(statusColumn + 1, firstCell + 7));
        putMerged(ws, row, statusColumn + 1, row, last, x.reason, rf);
        ++row;
    }
    if (!reports.isEmpty())
        worksheet_autofilter(ws, 1, 0, lxw_row_t(row - 1), lxw_col_t(cols.size() - 1));
    worksheet_repeat_rows(ws, 1, 1);

    lxw_worksheet *fs = book.sheet(ExportCells::pick(u"检查结果"_s, u"Findings"_s));
    findingsHeader(book, fs, true);
    int r = 1;
    for (const ReviewedReport &rr : reports)
        r = writeFindings(book, fs, r, rr, true);
    return finish(book, file, error);
}

} // namespace nianbao
