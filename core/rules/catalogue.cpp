#include "catalogue.h"

#include "i18n/language.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

RuleInfo rule(const QString &id, Finding::Severity severity, const QString &checks, const QString &checksEn,
              const QString &why, const QString &whyEn, const QString &example, const QString &exampleEn)
{
    RuleInfo r;
    r.id = id;
    r.severity = severity;
    r.checks = checks;
    r.checksEn = checksEn;
    r.why = why;
    r.whyEn = whyEn;
    r.example = example;
    r.exampleEn = exampleEn;
    return r;
}

constexpr auto Error = Finding::Severity::Error;
constexpr auto Warning = Finding::Severity::Warning;

QList<RuleInfo> build()
{
    QList<RuleInfo> r;
    r.append(
        rule(u"T3.BALANCE"_s, Error, u"每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度"_s,
             u"Per column: new + carried over = results total + carried forward"_s,
             u"表格注明的勾稽关系；两列一正一负相差同一数目，多半是一件申请记错了列"_s,
             u"The table's own note states it; two columns off by +d and −d usually mean one application "
             u"booked in the wrong column"_s,
             u"自然人列：21 + 0 ≠ 20 + 0"_s, u"Natural persons: 21 + 0 ≠ 20 + 0"_s));
    r.append(rule(u"T3.RESULTS"_s, Error, u"每一列：（七）总计 = 各项办理结果之和"_s,
                  u"Per column: (7) total = the sum of the result rows"_s,
                  u"漏计或重复计入的办理结果在这里显现；对外引用的是总计"_s,
                  u"A result left out or counted twice shows here; the total is the figure others quote"_s,
                  u"总计列：总计 3050，各项之和 3060"_s,
                  u"Total column: total 3050, results add up to 3060"_s));
    r.append(rule(
        u"T3.ROWTOTAL"_s, Error, u"每一行：总计 = 六类申请人之和"_s,
        u"Per row: total = the six applicant columns"_s,
        u"表格样式的总计列是各申请人列之和；不等多半是一格数字填错或漏填"_s,
        u"The form's total column adds up the applicants; a difference is mostly one cell typed wrong "
        u"or left out"_s,
        u"予以公开：1288 + 21 + 0 + 0 + 50 + 3 ≠ 1352"_s, u"Granted: 1288 + 21 + 0 + 0 + 50 + 3 ≠ 1352"_s));
    r.append(rule(u"T4.TOTAL"_s, Error, u"每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"_s,
                  u"Per group: total = upheld + corrected + other + pending"_s,
                  u"复议、诉讼的总计应为四种结果之和；总计印成 0 是常见错误"_s,
                  u"A group's total is its four results; a total printed as 0 is a common error"_s,
                  u"行政复议：10 + 1 + 0 + 0 = 11，总计印成 0"_s,
                  u"Reconsideration: 10 + 1 + 0 + 0 = 11, total printed as 0"_s));
    r.append(rule(u"VALUE.NEGATIVE"_s, Error, u"件数或收费为负数"_s, u"A count or the fee is negative"_s,
                  u"件数和金额不可能为负（2019 年版的“本年增/减”除外）"_s,
                  u"Counts and amounts cannot be negative (T2019's change column excepted)"_s,
                  u"规章·本年制发件数：-1"_s, u"Regulations issued: -1"_s));
    r.append(rule(u"VALUE.NOT_INTEGER"_s, Error, u"件数不是整数"_s, u"A count is not a whole number"_s,
                  u"件数只能是整数；小数多半是误读或错填"_s,
                  u"Counts are whole numbers; a decimal is a misreading or a typing error"_s,
                  u"行政许可：12.5"_s, u"Licences: 12.5"_s));
    r.append(rule(u"VALUE.NOT_NUMBER"_s, Error, u"单元格不是数字（如“/”“无”）"_s,
                  u"A cell is not a number (such as “/” or “无”)"_s, u"表格样式要求填数字，没有就填 0"_s,
                  u"The form asks for numbers; none is 0"_s, u"科研机构·予以公开：“/”"_s,
                  u"Research institutions, granted: “/”"_s));
    r.append(
        rule(u"VALUE.TOO_LONG"_s, Error, u"数字超过 13 位，或一行连在一起的数字超过本行各格所能容纳"_s,
             u"A number of more than 13 digits, or a row's digits that ran together beyond what its cells "
             u"hold"_s,
             u"保留原文，不当作另一个数；不参与等式"_s,
             u"Kept as the text it is, never read as another number; left out of the identities"_s,
             u"行政处罚：“40000000000000000000”"_s, u"Penalties: “40000000000000000000”"_s));
    r.append(rule(u"CELL.MISSING"_s, Warning, u"表格样式中的单元格未找到或为空"_s,
                  u"A cell of the form was not found or is blank"_s, u"空白在等式中按 0 计，审核人应看到"_s,
                  u"A blank counts as 0 in the identities; the reviewer must see it"_s,
                  u"四、结转下年度继续办理·总计 为空"_s, u"4. Carried forward, total is blank"_s));
    r.append(
        rule(u"CELL.UNCERTAIN"_s, Warning, u"连在一起的数字，等式无法确定如何拆分"_s,
             u"Digits that ran together and that the identities do not decide"_s,
             u"宁缺毋错：列出可能的值，由审核人确定"_s,
             u"A wrong value is worse than a missing one: the possible values are listed for the reviewer"_s,
             u"“898989”：可能是 8 / 89 / 898"_s, u"“898989”: 8 / 89 / 898"_s));
    r.append(rule(
        u"PROSE.MISMATCH"_s, Warning,
        u"正文中的数字与表格不符：收到申请数、规范性文件数、行政复议和行政诉讼的总数及各结果的件数、各类办理结果的件数及占比"_s,
        u"A number of the prose disagrees with the tables: applications received, normative documents, "
        u"reconsideration and litigation totals and their results, applications per result and their "
        u"shares"_s,
        u"正文与表格应一致；正文可能以“条”计，或只涉及本机关而表格涵盖全区"_s,
        u"Prose and tables must agree; the prose may count items differently or cover only the issuing "
        u"office"_s,
        u"正文“行政复议351件”，表格总计 350"_s, u"The text says 351 reconsiderations, the table 350"_s));
    RuleInfo carry = rule(
        u"YEAR.CARRYOVER"_s, Warning, u"本年“上年结转”与上年报告的“结转下年度”，每一列"_s,
        u"This year's carried over against last year's carried forward, per column"_s,
        u"上年结转下来的申请应与上年报告一致"_s, u"What was carried forward must arrive as carried over"_s,
        u"2024 年上年结转 3，2023 年结转下年度 5"_s, u"2024 carried over 3, 2023 carried forward 5"_s);
    carry.crossReport = true;
    r.append(carry);
    RuleInfo inForce =
        rule(u"YEAR.IN_FORCE"_s, Warning, u"现行有效件数与上年现行有效 + 本年制发 − 本年废止"_s,
             u"In force against last year's in force + issued − repealed"_s,
             u"存量应可追溯；清理文件可能使其不等"_s,
             u"The stock must follow from last year's; a clean-up may explain a difference"_s,
             u"698 ≠ 650 + 88 − 30"_s, u"698 ≠ 650 + 88 − 30"_s);
    inForce.crossReport = true;
    r.append(inForce);
    RuleInfo identical = rule(u"YEAR.IDENTICAL"_s, Warning, u"表格的数字与上年报告完全相同"_s,
                              u"Every number of the tables is last year's"_s, u"多半是照搬上年表格"_s,
                              u"The tables were probably copied forward"_s, u"175 个数字与 2023 年相同"_s,
                              u"All 175 numbers are those of 2023"_s);
    identical.crossReport = true;
    r.append(identical);
    RuleInfo repeated =
        rule(u"TEXT.REPEATED"_s, Warning, u"正文超过一半与同一机关上年的报告相同"_s,
             u"More than half of the prose is the same as the body's report of last year"_s,
             u"第三方评估对照搬上年报告扣分"_s, u"Assessments deduct for a report copied from last year's"_s,
             u"正文约 72% 与 2023 年报告相同"_s, u"About 72% of the prose is that of 2023"_s);
    repeated.crossReport = true;
    r.append(repeated);
    r.append(rule(u"STRUCTURE.SECTION_MISSING"_s, Warning,
                  u"缺少六个部分之一（一、总体情况 … 六、其他需要报告的事项）"_s,
                  u"One of the six parts (1. General situation … 6. Other matters) is absent"_s,
                  u"年度报告格式规定六个部分"_s, u"The report format prescribes six parts"_s,
                  u"缺少“五、存在的主要问题及改进情况”"_s,
                  u"Part 5, Main problems and improvements, is missing"_s));
    r.append(rule(
        u"STRUCTURE.SECTION_ORDER"_s, Warning,
        u"各部分顺序颠倒、重复，或编号错位（第二至第六部分编为一至五、编号重新从一开始）"_s,
        u"Parts out of order or twice, or numbered wrongly (parts 2–6 numbered 1–5, a second 1. series)"_s,
        u"各部分的顺序和编号由格式规定，评估时逐项对照"_s,
        u"The format fixes the parts' order and numbers; assessments check them one by one"_s,
        u"“一、主动公开政府信息情况”是第二部分"_s, u"“一、主动公开政府信息情况” is part 2"_s));
    r.append(rule(u"STRUCTURE.PERIOD"_s, Warning,
                  u"统计期限不是报告年度的 1月1日至12月31日（含“至12月3日”之类笔误），或年份与报告年度不符"_s,
                  u"The statistics period is not 1 January to 31 December of the report year (typos such as "
                  u"“至12月3日” included), or its year is not the report year"_s,
                  u"统计期限是年度报告的基础"_s, u"The period is what the whole report counts over"_s,
                  u"“2023年1月1日至12月3日”"_s, u"“2023年1月1日至12月3日” (to 3 December)"_s));
    r.append(rule(
        u"DATE.LATE"_s, Warning,
        u"落款或发布日期晚于条例第四十九条的期限：部门（…局/委/办/中心）1月31日，人民政府（…人民政府、管委会）3月31日；乡镇、街道按所在县的规定，默认 1月31日"_s,
        u"The date the report is signed or published is after the deadline of article 49: 31 January "
        u"for a department (…局/委/办/中心), 31 March for a people's government (…人民政府, 管委会); a "
        u"township or street office follows its county, 31 January by default"_s,
        u"逾期公布年度报告违反条例；结论说明按哪类机关计算"_s,
        u"Publishing late breaks the regulations; the finding says which kind of body it assumed"_s,
        u"市营商局 2024年2月5日落款，期限 2024年1月31日"_s,
        u"A city bureau signing on 5 February 2024, due by 31 January"_s));
    r.append(
        rule(u"TEMPLATE.ROW_MISSING"_s, Warning,
             u"表格样式中的一行不在报告中（含 2021 年版中（六）其他处理合并为一行）"_s,
             u"A row of the official form is absent (a 2021 report printing (6) Other handling as one row "
             u"included)"_s,
             u"表格样式不得删减、合并"_s, u"The form must not be cut down or merged"_s,
             u"（六）其他处理印成一行，缺少三个子项"_s,
             u"(6) Other handling printed as one row, without its "
             u"three sub-items"_s));
    r.append(rule(u"TEMPLATE.ROW_ADDED"_s, Warning, u"表格中有表格样式没有的一行数字"_s,
                  u"A table has a row of numbers the form does not have"_s, u"表格样式不得增加行"_s,
                  u"The form must not be extended"_s, u"“（八）转办 | 3 | 0 | 0 | 0 | 0 | 0 | 3”"_s,
                  u"“（八）转办 | 3 | 0 | …” added to table 3"_s));
    r.append(rule(
        u"TEMPLATE.LABEL_CHANGED"_s, Warning, u"一行的标签与表格样式不同（含错别字、漏字），或没有标签"_s,
        u"A row's label differs from the form's (typos and lost characters included), or is missing"_s,
        u"表格样式的文字不得改动；错字也说明报告未经认真校对"_s,
        u"The form's wording must not change; a typo also shows the report was not proofread"_s,
        u"“其他法律行政止公开”应为“其他法律行政法规禁止公开”"_s,
        u"“其他法律行政止公开” for “其他法律行政法规禁止公开”"_s));
    RuleInfo fee =
        rule(u"FEE.SECTION"_s, Warning, u"第六部分没有说明是否收取信息处理费"_s,
             u"Part 6 does not say whether an information-processing fee (信息处理费) was charged"_s,
             u"2021 年版格式要求在第六部分报告信息处理费的收取情况"_s,
             u"The 2021 format asks part 6 to report the fees charged"_s,
             u"第六部分只写“无其他需要报告的事项”"_s, u"Part 6 only says there is nothing more to report"_s);
    fee.templates = {u"2021"_s};
    r.append(fee);

    // The short names the window's Help lists the rules by.
    static const QList<std::array<QString, 3>> names = {
        {u"T3.BALANCE"_s, u"申请收支平衡"_s, u"Applications balance"_s},
        {u"T3.RESULTS"_s, u"办理结果合计"_s, u"Results add up"_s},
        {u"T3.ROWTOTAL"_s, u"申请人合计"_s, u"Applicants add up"_s},
        {u"T4.TOTAL"_s, u"复议诉讼合计"_s, u"Reconsideration and litigation totals"_s},
        {u"VALUE.NEGATIVE"_s, u"负数"_s, u"Negative value"_s},
        {u"VALUE.NOT_INTEGER"_s, u"件数非整数"_s, u"Count not whole"_s},
        {u"VALUE.NOT_NUMBER"_s, u"不是数字"_s, u"Not a number"_s},
        {u"VALUE.TOO_LONG"_s, u"数字过长"_s, u"Number too long"_s},
        {u"CELL.MISSING"_s, u"单元格缺失或空白"_s, u"Cell missing or blank"_s},
        {u"CELL.UNCERTAIN"_s, u"数字拆分存疑"_s, u"Digits not decided"_s},
        {u"PROSE.MISMATCH"_s, u"正文与表格不符"_s, u"Prose against the tables"_s},
        {u"YEAR.CARRYOVER"_s, u"上年结转不符"_s, u"Carried over from last year"_s},
        {u"YEAR.IN_FORCE"_s, u"现行有效件数不符"_s, u"Documents in force"_s},
        {u"YEAR.IDENTICAL"_s, u"表格照搬上年"_s, u"Tables as last year's"_s},
        {u"TEXT.REPEATED"_s, u"正文照搬上年"_s, u"Prose copied from last year"_s},
        {u"STRUCTURE.SECTION_MISSING"_s, u"缺少部分"_s, u"Part missing"_s},
        {u"STRUCTURE.SECTION_ORDER"_s, u"部分顺序或编号有误"_s, u"Parts out of order"_s},
        {u"STRUCTURE.PERIOD"_s, u"统计期限有误"_s, u"Statistics period"_s},
        {u"DATE.LATE"_s, u"逾期公布"_s, u"Published late"_s},
        {u"TEMPLATE.ROW_MISSING"_s, u"表格缺行"_s, u"Form row missing"_s},
        {u"TEMPLATE.ROW_ADDED"_s, u"表格增行"_s, u"Form row added"_s},
        {u"TEMPLATE.LABEL_CHANGED"_s, u"表格文字改动"_s, u"Form wording changed"_s},
        {u"FEE.SECTION"_s, u"未报告信息处理费"_s, u"Fee not reported"_s},
    };
    for (RuleInfo &info : r)
        for (const auto &n : names)
            if (n[0] == info.id) {
                info.name = n[1];
                info.nameEn = n[2];
            }
    return r;
}

/// A Markdown table cell: a | would end it.
QString markdownCell(QString text)
{
    return text.replace(u"|"_s, u"\\|"_s);
}

} // namespace

const QList<RuleInfo> &RuleCatalogue::rules()
{
    static const QList<RuleInfo> all = build();
    return all;
}

const RuleInfo *RuleCatalogue::find(QStringView id)
{
    for (const RuleInfo &r : rules())
        if (r.id == id)
            return &r;
    return nullptr;
}

QString RuleCatalogue::checksText(const RuleInfo &rule)
{
    QString text = Language::pick(rule.checks, rule.checksEn);
    if (rule.crossReport)
        text += Language::pick(u"（批次中有上年报告时）"_s, u" (with last year's report in the batch)"_s);
    if (!rule.templates.isEmpty())
        text +=
            Language::pick(u"（仅 %1 年版）"_s, u" (template %1 only)"_s).arg(rule.templates.join(u", "_s));
    return text;
}

QString RuleCatalogue::markdownTable()
{
    QString out = u"| rule | name | severity | checks | why | example |\n|---|---|---|---|---|---|\n"_s;
    for (const RuleInfo &r : rules()) {
        QString checks = r.checksEn;
        if (r.crossReport)
            checks += u" (with last year's report in the batch)"_s;
        if (!r.templates.isEmpty())
            checks += u" (template %1 only)"_s.arg(r.templates.join(u", "_s));
        out += u"| `%1` | %2 | %3 | %4 | %5 | %6 |\n"_s.arg(
            r.id, markdownCell(r.name), r.severity == Finding::Severity::Error ? u"error"_s : u"warning"_s,
            markdownCell(checks), markdownCell(r.whyEn), markdownCell(r.exampleEn));
    }
    return out;
}

QString RuleCatalogue::name(QStringView id, bool alwaysChinese)
{
    const RuleInfo *r = find(id);
    if (!r || r->name.isEmpty())
        return id.toString();
    return alwaysChinese ? r->name : Language::pick(r->name, r->nameEn);
}

} // namespace nianbao
