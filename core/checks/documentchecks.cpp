#include "documentchecks.h"

#include "documentreader.h"
#include "formreader.h"

#include "rules/catalogue.h"
#include "rules/ruleengine.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QString chineseNumeral(int n)
{
    static const QStringList d = {u""_s,   u"一"_s, u"二"_s, u"三"_s, u"四"_s, u"五"_s,
                                  u"六"_s, u"七"_s, u"八"_s, u"九"_s, u"十"_s};
    return n >= 0 && n <= 10 ? d[n] : QString::number(n);
}

const PartDef &part(int n)
{
    return DocumentReader::parts()[qBound(1, n, 6) - 1];
}

QString date(int y, int m, int d)
{
    return u"%1年%2月%3日"_s.arg(y).arg(m).arg(d);
}

QString dateEn(int y, int m, int d)
{
    static const QStringList months = {u"January"_s,   u"February"_s, u"March"_s,    u"April"_s,
                                       u"May"_s,       u"June"_s,     u"July"_s,     u"August"_s,
                                       u"September"_s, u"October"_s,  u"November"_s, u"December"_s};
    return u"%1 %2 %3"_s.arg(d).arg(months.value(m - 1)).arg(y);
}

Finding warning(const QString &rule, const TextSpan &evidence)
{
    Finding f;
    f.rule = rule;
    f.severity = Finding::Severity::Warning;
    f.evidence = evidence;
    return f;
}

QString quoted(const TextSpan &s)
{
    return u"“"_s + s.text.simplified() + u"”"_s;
}

void sectionFindings(const DocumentFacts &d, QList<Finding> *out)
{
    const QList<SectionHeading> &hs = d.headings;
    // A part absent.
    for (int p = 1; p <= 6; ++p) {
        if (d.heading(p))
            continue;
        TextSpan where;
        for (const SectionHeading &h : hs)
            if (h.part > p && !where.isValid())
                where = h.span;
        if (!where.isValid() && !hs.isEmpty())
            where = hs.last().span;
        Finding f = warning(u"STRUCTURE.SECTION_MISSING"_s, where);
        f.message = u"缺少第%1部分“%2”"_s.arg(chineseNumeral(p), part(p).title);
        f.messageEn = u"%1 is missing"_s.arg(part(p).titleEn);
        if (where.isValid() && hs.size() > 0) {
            const bool before =
                where.start >= 0 && d.heading(p + 1) && where.start == d.heading(p + 1)->span.start;
            if (before) {
                f.message += u"（应在%1之前）"_s.arg(quoted(where));
                f.messageEn += u" (it belongs before %1)"_s.arg(quoted(where));
            }
        }
        out->append(f);
    }
    // A part twice, or out of order.
    QList<int> seen;
    int highest = 0;
    for (const SectionHeading &h : hs) {
        if (seen.contains(h.part)) {
            Finding f = warning(u"STRUCTURE.SECTION_ORDER"_s, h.span);
            f.message = u"第%1部分出现了两次：%2"_s.arg(chineseNumeral(h.part), quoted(h.span));
            f.messageEn = u"%1 appears twice: %2"_s.arg(part(h.part).titleEn, quoted(h.span));
            out->append(f);
            continue;
        }
        seen.append(h.part);
        if (h.part < highest) {
            Finding f = warning(u"STRUCTURE.SECTION_ORDER"_s, h.span);
            f.message = u"%1是第%2部分，却在第%3部分之后"_s.arg(quoted(h.span), chineseNumeral(h.part),
                                                                chineseNumeral(highest));
            f.messageEn =
                u"%1 is %2 but comes after part %3"_s.arg(quoted(h.span), part(h.part).titleEn).arg(highest);
            out->append(f);
        }
        highest = qMax(highest, h.part);
    }
    // Numbered wrongly: one finding for the whole numbering.
    QStringList wrong, wrongEn;
    const SectionHeading *firstWrong = nullptr;
    bool shifted = true, restarts = false;
    QList<int> numbers;
    for (const SectionHeading &h : hs) {
        if (h.number <= 0)
            continue;
        if (h.number != h.part) {
            if (!firstWrong)
                firstWrong = &h;
            shifted = shifted && h.number == h.part - 1;
            restarts = restarts || numbers.contains(h.number);
            wrong.append(u"%1应为“%2、”"_s.arg(quoted(h.span), chineseNumeral(h.part)));
            wrongEn.append(u"%1 should be numbered %2"_s.arg(quoted(h.span)).arg(h.part));
        }
        numbers.append(h.number);
    }
    if (firstWrong) {
        Finding f = warning(u"STRUCTURE.SECTION_ORDER"_s, firstWrong->span);
        f.message = u"各部分编号有误：%1"_s.arg(wrong.join(u"；"_s));
        f.messageEn = u"The parts are numbered wrongly: %1"_s.arg(wrongEn.join(u"; "_s));
        if (restarts) {
            f.message += u"（编号重新从一开始）"_s;
            f.messageEn += u" (the numbering starts again)"_s;
        } else if (shifted && wrong.size() > 1) {
            f.message += u"（编号依次少一）"_s;
            f.messageEn += u" (each is one lower than its part)"_s;
        }
        out->append(f);
    }
}

void periodFinding(const DocumentFacts &d, QList<Finding> *out)
{
    const StatedPeriod &p = d.period;
    if (!p.isValid())
        return;
    const int toYear = p.toYear > 0 ? p.toYear : p.fromYear;
    const bool wholeYear =
        p.fromMonth == 1 && p.fromDay == 1 && p.toMonth == 12 && p.toDay == 31 && toYear == p.fromYear;
    const int reportYear = d.titleYear > 0 ? d.titleYear : d.proseYear;
    const bool sameYear = reportYear <= 0 || reportYear == p.fromYear;
    if (wholeYear && sameYear)
        return;
    const int y = reportYear > 0 ? reportYear : p.fromYear;
    Finding f = warning(u"STRUCTURE.PERIOD"_s, p.span);
    if (!wholeYear) {
        f.message = u"统计期限为%1，应为%2至%3"_s.arg(quoted(p.span), date(y, 1, 1), date(y, 12, 31));
        f.messageEn = u"The statistics period is %1; it should be %2 to %3"_s.arg(
            quoted(p.span), dateEn(y, 1, 1), dateEn(y, 12, 31));
    } else {
        const QString source = d.titleYear > 0 ? u"标题"_s : u"正文"_s;
        const QString sourceEn = d.titleYear > 0 ? u"the title"_s : u"the text"_s;
        f.message = u"统计期限%1的年份 %2 与%3所述的报告年度 %4 不符"_s.arg(quoted(p.span))
                        .arg(p.fromYear)
                        .arg(source)
                        .arg(reportYear);
        f.messageEn = u"The statistics period %1 is of %2, but %3 speaks of %4"_s.arg(quoted(p.span))
                          .arg(p.fromYear)
                          .arg(sourceEn)
                          .arg(reportYear);
    }
    out->append(f);
}

void dateFinding(const DocumentFacts &d, QList<Finding> *out)
{
    const bool signedOn = d.signedOn.isValid();
    const StatedDate &when = signedOn ? d.signedOn : d.publishedOn;
    if (!when.isValid() || d.year <= 0)
        return;
    const BodyKind kind = DocumentChecks::bodyKind(d.body);
    if (kind == BodyKind::Unknown)
        return;
    const int dy = d.year + 1, dm = kind == BodyKind::Government ? 3 : 1, dd = 31;
    const auto key = [](int y, int m, int day) { return y * 10000 + m * 100 + day; };
    if (key(when.year, when.month, when.day) <= key(dy, dm, dd))
        return;
    QString kindText, kindEn;
    switch (kind) {
    case BodyKind::Department:
        kindText = u"按部门报告计（名称以局、委、办、中心等结尾），应于每年1月31日前公布"_s;
        kindEn = u"taken as a department's report (the name ends in 局, 委, 办, 中心 …): due by 31 January"_s;
        break;
    case BodyKind::Government:
        kindText = u"按人民政府报告计（人民政府、管委会或行政区），应于每年3月31日前公布"_s;
        kindEn = u"taken as a people's government's report (人民政府, 管委会 or a region): due by 31 March"_s;
        break;
    case BodyKind::Township:
        kindText = u"按乡镇、街道报告计，期限以所在县的规定为准，默认每年1月31日前"_s;
        kindEn = u"taken as a township's or street office's report: its county's rule applies, 31 January by "
                 u"default"_s;
        break;
    case BodyKind::Unknown:
        break;
    }
    Finding f = warning(u"DATE.LATE"_s, when.span);
    const QString what = signedOn ? u"落款日期"_s : u"发布时间"_s;
    const QString whatEn = signedOn ? u"is signed on"_s : u"was published on"_s;
    f.message = u"报告%1为%2，晚于法定期限%3（条例第四十九条；“%4”%5）"_s.arg(
        what, date(when.year, when.month, when.day), date(dy, dm, dd), d.body, kindText);
    f.messageEn =
        u"The report %1 %2, after the legal deadline of %3 (article 49 of the regulations; “%4” %5)"_s.arg(
            whatEn, dateEn(when.year, when.month, when.day), dateEn(dy, dm, dd), d.body, kindEn);
    out->append(f);
}

QString rowLabel(const RowDef &r)
{
    QString l = r.label;
    if (!r.subgroup.isEmpty())
        l = r.subgroup + l;
    return l;
}

QStringList rowCells(const TableDef &t, const RowDef &r)
{
    QStringList out;
    for (int ci : r.columns)
        out.append(Template::cellKey(t, r, t.columns[ci]));
    return out;
}

void formFindings(const Report &report, QList<Finding> *out)
{
    const Template &tmpl = *report.tmpl;
    // Rows of the form the report's variant does not have: printed merged into one row.
    QHash<QString, QList<const FormRow *>> merged;
    QStringList mergedOrder;
    for (const FormRow &fr : report.document.rows) {
        const TableDef *t = tmpl.table(fr.table);
        const int ri = t ? t->rowIndex(fr.row) : -1;
        if (ri < 0)
            continue;
        const RowDef &r = t->rows[ri];
        const bool active = t->rowActive(r, report.variant);
        if (fr.label == FormRow::Label::Absent && !active) {
            if (!merged.contains(fr.table))
                mergedOrder.append(fr.table);
            merged[fr.table].append(&fr);
            continue;
        }
        if (fr.label == FormRow::Label::Absent) {
            Finding f = warning(u"TEMPLATE.ROW_MISSING"_s, fr.span);
            f.cells = rowCells(*t, r);
            f.message = u"表格“%1”缺少“%2”一行"_s.arg(t->title, rowLabel(r));
            f.messageEn = u"The table “%1” has no row “%2”"_s.arg(t->titleEn, r.labelEn);
            out->append(f);
        } else if (fr.label == FormRow::Label::Changed) {
            Finding f = warning(u"TEMPLATE.LABEL_CHANGED"_s, fr.span);
            f.cells = rowCells(*t, r);
            if (fr.labelPrinted) {
                f.message = u"%1与表格样式的“%2”不同"_s.arg(quoted(fr.span), rowLabel(r));
                f.messageEn = u"%1 differs from the form's label “%2” (%3)"_s.arg(quoted(fr.span),
                                                                                  rowLabel(r), r.labelEn);
            } else {
                f.message = u"“%1”一行没有印出标签，其数字按位置读入"_s.arg(rowLabel(r));
                f.messageEn = u"The row “%1” (%2) has no label; its numbers were placed by position"_s.arg(
                    rowLabel(r), r.labelEn);
            }
            out->append(f);
        }
    }
    for (const QString &table : std::as_const(mergedOrder)) {
        const TableDef *t = tmpl.table(table);
        const QList<const FormRow *> &rows = merged[table];
        QStringList names, namesEn, cells;
        for (const FormRow *fr : rows) {
            const RowDef &r = t->rows[t->rowIndex(fr->row)];
            names.append(r.label);
            namesEn.append(r.labelEn);
        }
        QString printedAs, printedAsEn;
        for (const RowDef &r : t->rows) {
            const bool inForm = r.variant.isEmpty() || r.variant == FormReader::formVariant(*t);
            if (!inForm && t->rowActive(r, report.variant)) {
                cells += rowCells(*t, r);
                printedAs = r.label;
                printedAsEn = r.labelEn;
            }
        }
        const RowDef &firstRow = t->rows[t->rowIndex(rows.first()->row)];
        const QString group = firstRow.subgroup.isEmpty() ? printedAs : firstRow.subgroup;
        Finding f = warning(u"TEMPLATE.ROW_MISSING"_s, rows.first()->span);
        f.cells = cells;
        f.message = u"%1印成一行，缺少%2年版表格样式的%3个子项：%4"_s.arg(group, tmpl.name())
                        .arg(rows.size())
                        .arg(names.join(u"；"_s));
        f.messageEn = u"%1 is printed as one row, without the %2 sub-items of the %3 form: %4"_s
                          .arg(printedAsEn.isEmpty() ? group : printedAsEn)
                          .arg(rows.size())
                          .arg(tmpl.name(), namesEn.join(u"; "_s));
        out->append(f);
    }
    for (const TextSpan &added : report.document.addedRows) {
        Finding f = warning(u"TEMPLATE.ROW_ADDED"_s, added);
        f.message = u"表格中有一行不在表格样式中：%1"_s.arg(quoted(added));
        f.messageEn = u"A row the form does not have: %1"_s.arg(quoted(added));
        out->append(f);
    }
}

void feeFinding(const Report &report, QList<Finding> *out)
{
    const RuleInfo *info = RuleCatalogue::find(u"FEE.SECTION");
    const DocumentFacts &d = report.document;
    const SectionHeading *six = nullptr;
    for (const SectionHeading &h : d.headings)
        if (h.part == 6)
            six = &h;
    if (!six || d.feeStated || (info && !info->appliesTo(report.templateName())))
        return;
    Finding f = warning(u"FEE.SECTION"_s, six->span);
    f.message = u"%1没有说明是否收取信息处理费"_s.arg(quoted(six->span));
    f.messageEn = u"%1 does not say whether an information-processing fee (信息处理费) was charged"_s.arg(
        quoted(six->span));
    out->append(f);
}

} // namespace

BodyKind DocumentChecks::bodyKind(const QString &name)
{
    const QString n = DocumentReader::letters(name);
    if (n.isEmpty())
        return BodyKind::Unknown;
    static const QRegularExpression township(
        u"(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处|街道办事处|党工委|办)?$|街道办事处$|街道办$"_s);
    static const QRegularExpression government(
        u"(?:人民政府|政府|管委会|管理委员会)$|(?:省|市|县|区|旗|州|盟|自治州|自治县|自治区)$"_s);
    static const QRegularExpression department(
        u"(?:局|委|委员会|办|办公室|中心|厅|署|部|所|站|处|队|院|馆)$"_s);
    if (township.match(n).hasMatch())
        return BodyKind::Township;
    if (government.match(n).hasMatch())
        return BodyKind::Government;
    if (department.match(n).hasMatch())
        return BodyKind::Department;
    return BodyKind::Unknown;
}

QList<Finding> DocumentChecks::check(const Report &report)
{
    QList<Finding> out;
    if (!report.document.read || !report.tmpl)
        return out;
    sectionFindings(report.document, &out);
    periodFinding(report.document, &out);
    dateFinding(report.document, &out);
    formFindings(report, &out);
    feeFinding(report, &out);
    return out;
}

} // namespace nianbao
