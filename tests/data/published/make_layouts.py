#!/usr/bin/env python3
"""Writes the layout fixtures of tests/data/published: reports in published layouts the reader must
read right, each with its truth (NAME.json: every cell's value, null for a blank cell, and the
cells that must be reported uncertain because the layout does not decide them).

    python3 tests/data/published/make_layouts.py

The reports are built from one set of numbers per template, so the truth is known by construction.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

T3_COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]

# (key, group label, sub-group label, label) in form order
T3_ROWS_2019 = [
    ("new_received", "", "", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "", "", "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果", "", "（一）予以公开"),
    ("partially_granted", "三、本年度办理结果", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"),
    ("denied_law_prohibited", "三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("denied_three_safety", "三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("denied_third_party", "三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益"),
    ("denied_internal_affairs", "三、本年度办理结果", "（三）不予公开", "5.属于三类内部事务信息"),
    ("denied_process_info", "三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息"),
    ("denied_enforcement_file", "三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷"),
    ("denied_inquiry", "三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"),
    ("unable_not_held", "三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable_need_creation", "三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unable_unclear", "三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("rejected_petition", "三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请"),
    ("rejected_duplicate", "三、本年度办理结果", "（五）不予处理", "2.重复申请"),
    ("rejected_publication", "三、本年度办理结果", "（五）不予处理", "3.要求提供公开出版物"),
    ("rejected_excessive", "三、本年度办理结果", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("rejected_confirmation", "三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("other", "三、本年度办理结果", "", "（六）其他处理"),
    ("total_processed", "三、本年度办理结果", "", "（七）总计"),
    ("carried_forward", "", "", "四、结转下年度继续办理"),
]

# A sparse year: most cells blank, as many small offices publish it. None is a blank cell.
def t3_values_2019():
    v = {k: [None] * 7 for k, *_ in T3_ROWS_2019}
    v["new_received"] = [12, 2, None, None, 1, None, 15]
    v["carried_over"] = [1, None, None, None, None, None, 1]
    v["granted"] = [6, 1, None, None, None, None, None]
    v["partially_granted"] = [2, None, None, None, 1, None, None]
    v["unable_not_held"] = [3, 1, None, None, None, None, None]
    v["rejected_duplicate"] = [1, None, None, None, None, None, None]
    v["total_processed"] = [12, 2, None, None, 1, None, None]
    v["carried_forward"] = [1, None, None, None, None, None, 1]
    return v


def t4_values():
    return {"reconsideration": [1, None, None, None, 1],
            "litigation_direct": [None, None, None, None, None],
            "litigation_after_reconsideration": [None, None, None, None, None]}


T2_2019 = [
    ("regulations", "第二十条第（一）项", "规章", ["new_made", "new_published", "total_published"], [0, 0, 0]),
    ("normative_documents", "", "规范性文件", ["new_made", "new_published", "total_published"], [3, 3, 41]),
    ("administrative_license", "第二十条第（五）项", "行政许可", ["previous_year", "change", "decisions"], [12, -2, 130]),
    ("other_services", "", "其他对外管理服务事项", ["previous_year", "change", "decisions"], [4, 0, 9]),
    ("administrative_penalty", "第二十条第（六）项", "行政处罚", ["previous_year", "change", "decisions"], [7, 1, 25]),
    ("administrative_coercion", "", "行政强制", ["previous_year", "change", "decisions"], [2, -1, 3]),
    ("administrative_fee", "第二十条第（八）项", "行政事业性收费", ["previous_year", "change"], [12, -7]),
    ("government_procurement", "第二十条第（九）项", "政府集中采购", ["projects", "amount"], [3, 125000]),
]

PROSE_2019 = """一、总体情况
本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。2019年，本局共收到政府信息公开申请15件。
"""
TAIL = """五、存在的主要问题及改进情况
个别栏目更新不够及时，下一步将加强督促。
六、其他需要报告的事项
本年度未收取信息处理费。
"""


def cell_text(v):
    return "" if v is None else str(v)


def truth_2019(t2_override=None):
    cells = {}
    for key, _, _, cols, vals in T2_2019:
        for c, v in zip(cols, vals):
            cells[f"t2.{key}.{c}"] = v
    for key, row in t3_values_2019().items():
        for c, v in zip(T3_COLS, row):
            cells[f"t3.{key}.{c}"] = v
    for key, row in t4_values().items():
        for c, v in zip(T4_COLS, row):
            cells[f"t4.{key}.{c}"] = v
    if t2_override:
        cells.update(t2_override)
    return cells


def write(name, text, truth, uncertain=(), encoding="utf-8"):
    with open(os.path.join(HERE, name), "w", encoding=encoding, newline="\n") as f:
        f.write(text)
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"template": "2019" if "2019" in name else "2021",
                   "cells": {k: v for k, v in sorted(truth.items()) if k not in uncertain},
                   # each with the value the report means, which must be among its candidates
                   "uncertain": {k: truth[k] for k in sorted(uncertain)}},
                  f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


def nb(v):
    return "&nbsp;" if v is None else str(v)


def html_2019(title, t2_extra=None):
    """The 2019 form as a Word-exported web page: rowspans for the groups, &nbsp; for blank cells."""
    t3 = t3_values_2019()
    t4 = t4_values()
    rows = []
    rows.append('<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
                '<td colspan="7">申请人情况</td></tr>')
    rows.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
    rows.append('<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>')
    groups_done = set()
    sub_done = set()
    n_group = sum(1 for _, g, _, _ in T3_ROWS_2019 if g)
    for key, group, sub, label in T3_ROWS_2019:
        tds = []
        if not group:
            tds.append(f'<td colspan="3"><p><span>{label}</span><o:p></o:p></p></td>')
        else:
            if group not in groups_done:
                tds.append(f'<td rowspan="{n_group}">{group}</td>')
                groups_done.add(group)
            if sub:
                if sub not in sub_done:
                    n_sub = sum(1 for _, _, s, _ in T3_ROWS_2019 if s == sub)
                    tds.append(f'<td rowspan="{n_sub}">{sub}</td>')
                    sub_done.add(sub)
                tds.append(f'<td>{label}</td>')
            else:
                tds.append(f'<td colspan="2">{label}</td>')
        for v in t3[key]:
            tds.append(f'<td><p align="center"><span>{nb(v)}</span></p></td>')
        rows.append("<tr>" + "".join(tds) + "</tr>")
    t3_html = '<table border="1">' + "\n".join(rows) + "</table>"

    t2 = ['<table border="1">']
    heads = {"new_made": "本年新制作数量", "new_published": "本年新公开数量", "total_published": "对外公开总数量",
             "previous_year": "上一年项目数量", "change": "本年增/减", "decisions": "处理决定数量",
             "projects": "采购项目数量", "amount": "采购总金额"}
    for key, section, label, cols, vals in T2_2019:
        if section:
            t2.append(f'<tr><td colspan="4" style="background:#eee">{section}</td></tr>')
            t2.append("<tr><td>信息内容</td>" + "".join(f"<td>{heads[c]}</td>" for c in cols) + "</tr>")
        extra = (t2_extra or {}).get(key, [])
        t2.append(f"<tr><td>{label}</td>" + "".join(f"<td>{nb(v)}</td>" for v in list(vals) + extra) + "</tr>")
    t2.append("</table>")

    t4_html = ['<table border="1">',
               '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>',
               '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
               '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>'
               '<td colspan="5">复议后起诉</td></tr>',
               "<tr>" + "".join(f"<td>{h}</td>" for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>",
               "<tr>" + "".join(f"<td>{nb(v)}</td>" for k in ["reconsideration", "litigation_direct",
                                                               "litigation_after_reconsideration"] for v in t4[k]) + "</tr>",
               "</table>"]
    body = (f"<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>"
            f"<h1>{title}</h1>" + "".join(f"<p>{l}</p>" for l in PROSE_2019.strip().split("\n")) +
            "<p>二、主动公开政府信息情况</p>" + "".join(t2) +
            "<p>三、收到和处理政府信息公开申请情况</p>" + t3_html +
            "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + "".join(t4_html) +
            "".join(f"<p>{l}</p>" for l in TAIL.strip().split("\n")) + "</body></html>\n")
    return body


def text_2019(t2_lines):
    """The 2019 form as text copied from a web page: one row a line, cells between |."""
    t3 = t3_values_2019()
    t4 = t4_values()
    out = ["某某县市场监督管理局2019年政府信息公开工作年度报告", PROSE_2019.strip(), "二、主动公开政府信息情况"]
    out += t2_lines
    out.append("三、收到和处理政府信息公开申请情况")
    out.append("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况")
    out.append("自然人 | 法人或其他组织 | 总计")
    out.append("商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他")
    for key, group, sub, label in T3_ROWS_2019:
        out.append(" | ".join([label] + [cell_text(v) if v is not None else "0" for v in t3[key]]))
    out.append("四、政府信息公开行政复议、行政诉讼情况")
    out.append("行政复议 | 行政诉讼")
    out.append("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉")
    out.append(" | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    out.append(" | ".join("0" if v is None else str(v) for k in ["reconsideration", "litigation_direct",
                                                                   "litigation_after_reconsideration"] for v in t4[k]))
    out.append(TAIL.strip())
    return "\n".join(out) + "\n"


def zeros(truth):
    # the text layout writes 0 where the web page leaves the cell empty
    return {k: (0 if v is None and not k.startswith("t2.") else v) for k, v in truth.items()}


def main():
    # 1. A web page in the 2019 layout whose blank cells are &nbsp;, the whole 总计 column of the
    #    result rows among them.
    write("html2019_blank_cells.html", html_2019("某某县市场监督管理局2019年政府信息公开工作年度报告"),
          truth_2019())
    # 1b. The same page with one cell more in the 行政处罚 row than the form has columns (7 1 25 32):
    #     which three are the row's no identity of table 2 tells, so the row is uncertain (grid).
    write("html2019_extra_cell.html",
          html_2019("某某县市场监督管理局2019年政府信息公开工作年度报告", {"administrative_penalty": [32]}),
          truth_2019(), uncertain=[f"t2.administrative_penalty.{c}" for c in ["previous_year", "change", "decisions"]])

    # 2. Table 2 of 2019 with signs and measure words: "12-7" is 12 and −7 (the sign is also the
    #    boundary of the two cells), "3笔 125000元" a count and an amount.
    head = ["第二十条第（一）项", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
            "规章 | 0 | 0 | 0", "规范性文件 | 3 | 3 | 41",
            "第二十条第（五）项", "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量"]
    tail = ["其他对外管理服务事项 | 4 | 0 | 9",
            "第二十条第（六）项", "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
            "行政处罚 | 7 | 1 | 25", "行政强制 | 2-1 | 3",
            "第二十条第（八）项", "信息内容 | 上一年项目数量 | 本年增/减",
            "行政事业性收费12-7",
            "第二十条第（九）项", "信息内容 | 采购项目数量 | 采购总金额",
            "政府集中采购 | 3笔 125000元"]
    write("t2019_signs_and_measure_words.txt", text_2019(head + ["行政许可 | 12-2 | 130"] + tail),
          zeros(truth_2019()))
    # The same with the change and the decisions run together: 12-2130 is 12, then −2 and 130 or
    # −21 and 30 or −213 and 0; no identity decides between them.
    write("t2019_signs_undecided.txt", text_2019(head + ["行政许可12-2130"] + tail),
          zeros(truth_2019()),
          uncertain=["t2.administrative_license.change", "t2.administrative_license.decisions"])


# ---- the 2021 form ----------------------------------------------------------------------------

T3_ROWS_2021 = [
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果 | （一）予以公开"),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "（三）不予公开 | 1.属于国家秘密"),
    ("denied_law_prohibited", "2.其他法律行政法规禁止公开"),
    ("denied_three_safety", "3.危及“三安全一稳定”"),
    ("denied_third_party", "4.保护第三方合法权益"),
    ("denied_internal_affairs", "5.属于三类内部事务信息"),
    ("denied_process_info", "6.属于四类过程性信息"),
    ("denied_enforcement_file", "7.属于行政执法案卷"),
    ("denied_inquiry", "8.属于行政查询事项"),
    ("unable_not_held", "（四）无法提供 | 1.本机关不掌握相关政府信息"),
    ("unable_need_creation", "2.没有现成信息需要另行制作"),
    ("unable_unclear", "3.补正后申请内容仍不明确"),
    ("rejected_petition", "（五）不予处理 | 1.信访举报投诉类申请"),
    ("rejected_duplicate", "2.重复申请"),
    ("rejected_publication", "3.要求提供公开出版物"),
    ("rejected_excessive", "4.无正当理由大量反复申请"),
    ("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_overdue_correction", "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", "3.其他"),
    ("total_processed", "（七）总计"),
    ("carried_forward", "四、结转下年度继续办理"),
]


def t3_values_2021():
    v = {k: [0] * 7 for k, _ in T3_ROWS_2021}
    v["new_received"] = [34, 5, 0, 1, 2, 0, 42]
    v["carried_over"] = [3, 0, 0, 0, 0, 0, 3]
    v["granted"] = [10, 2, 0, 0, 1, 0, 13]
    v["partially_granted"] = [4, 0, 0, 0, 0, 0, 4]
    v["denied_third_party"] = [1, 0, 0, 0, 0, 0, 1]
    v["unable_not_held"] = [12, 2, 0, 1, 1, 0, 16]
    v["unable_unclear"] = [2, 0, 0, 0, 0, 0, 2]
    v["rejected_duplicate"] = [3, 0, 0, 0, 0, 0, 3]
    v["other_misc"] = [1, 0, 0, 0, 0, 0, 1]
    v["total_processed"] = [33, 4, 0, 1, 2, 0, 40]
    v["carried_forward"] = [4, 1, 0, 0, 0, 0, 5]
    return v


T4_2021 = {"reconsideration": [2, 1, 0, 0, 3], "litigation_direct": [1, 0, 0, 0, 1],
           "litigation_after_reconsideration": [0, 0, 0, 0, 0]}

T2_2021 = {"regulations": [0, 0, 0], "normative_documents": [18, 2, 253],
           "administrative_license": [1520], "administrative_penalty": [36], "administrative_coercion": [4],
           "administrative_fee": [0]}


def truth_2021():
    cells = {}
    cols2 = {"regulations": ["issued", "repealed", "in_force"], "normative_documents": ["issued", "repealed", "in_force"],
             "administrative_license": ["count"], "administrative_penalty": ["count"],
             "administrative_coercion": ["count"], "administrative_fee": ["amount"]}
    for k, vals in T2_2021.items():
        for c, v in zip(cols2[k], vals):
            cells[f"t2.{k}.{c}"] = v
    for k, row in t3_values_2021().items():
        for c, v in zip(T3_COLS, row):
            cells[f"t3.{k}.{c}"] = v
    for k, row in T4_2021.items():
        for c, v in zip(T4_COLS, row):
            cells[f"t4.{k}.{c}"] = v
    return cells


def report_2021(prose, t2_rows, t3_row, md=False):
    """The 2021 form as text: cells between |, as Markdown (| a | b |) when md."""
    def line(cells):
        return ("| " + " | ".join(cells) + " |") if md else " | ".join(cells)
    out = ["某某市教育局2023年政府信息公开工作年度报告",
           "一、总体情况", "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。" + prose,
           "二、主动公开政府信息情况"]
    if md:
        out.append(line(["第二十条第（一）项"]))
        out.append(line(["---"]))
        out.append(line(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]))
    else:
        out.append(line(["第二十条第（一）项"]))
        out.append(line(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]))
    out += t2_rows
    out.append("三、收到和处理政府信息公开申请情况")
    out.append(line(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]))
    if md:
        out.append(line(["---"] * 2))
    out.append(line(["自然人", "法人或其他组织", "总计"]))
    out.append(line(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]))
    t3 = t3_values_2021()
    for key, label in T3_ROWS_2021:
        out.append(t3_row(key, label, t3[key], line))
    out.append("四、政府信息公开行政复议、行政诉讼情况")
    out.append(line(["行政复议", "行政诉讼"]))
    out.append(line(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]))
    out.append(line(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    out.append(line([str(v) for k in ["reconsideration", "litigation_direct", "litigation_after_reconsideration"]
                     for v in T4_2021[k]]))
    out.append("五、存在的主要问题及改进情况")
    out.append("公开内容的规范性有待加强。")
    out.append("六、其他需要报告的事项")
    out.append("本年度未收取信息处理费。")
    return "\n".join(out) + "\n"


def t2_rows_2021(line, normative):
    return [line(["规章", "0", "0", "0"]), line(["行政规范性文件"] + normative),
            line(["第二十条第（五）项"]), line(["信息内容", "本年处理决定数量"]),
            line(["行政许可", "1520"]), line(["第二十条第（六）项"]), line(["信息内容", "本年处理决定数量"]),
            line(["行政处罚", "36"]), line(["行政强制", "4"]),
            line(["第二十条第（八）项"]), line(["信息内容", "本年收费金额（单位：万元）"]),
            line(["行政事业性收费", "0"])]


def full_row(key, label, vals, line):
    return line(label.split(" | ") + [str(v) for v in vals])


def main_2021():
    plain = lambda cells: " | ".join(cells)
    # 3. Table 2 numbers with notes in brackets and measure words.
    write("t2021_notes.txt",
          report_2021("", t2_rows_2021(plain, ["18（其中修订5件）", "2件", "253件（含新制发18件）"]), full_row),
          truth_2021())

    # 4. Digits of table 2 that ran together, decided by the prose with words between the noun and
    #    the number; undecided without the prose.
    prose = "全年新制发行政规范性文件18件，失效或废止文件2件，现行有效行政规范性文件共253件。"
    write("t2021_prose_decides.txt",
          report_2021(prose, t2_rows_2021(plain, ["182253"]), full_row), truth_2021())
    write("t2021_prose_absent.txt",
          report_2021("", t2_rows_2021(plain, ["182253"]), full_row), truth_2021(),
          uncertain=["t2.normative_documents.issued", "t2.normative_documents.repealed",
                     "t2.normative_documents.in_force"])

    # 5. Markdown whose conversion lost the empty cell of some rows: where the gap was, the
    #    identities tell (the row total, the sum of the results, the balance) or do not.
    md = lambda cells: "| " + " | ".join(cells) + " |"
    lose = {"denied_third_party": 3, "rejected_duplicate": 1}

    def lossy(key, label, vals, line):
        cells = [str(v) for v in vals]
        if key in lose:
            del cells[lose[key]]
        return line(label.split(" | ") + cells)
    # 4.保护第三方合法权益 1 0 0 0 0 0 1 without one of its zeros: the zeros are alike, so every
    # cell is decided; so is 2.重复申请.
    write("t2021_md_lost_column.md", report_2021("", t2_rows_2021(md, ["18", "2", "253"]), lossy, md=True),
          truth_2021())
    # A row that lost its natural-person value (10 of 13): the row total gives it, but the gap may
    # also be the total column (then 13 would be the other_org value and the total 16); the
    # results' sum decides between them only when every other row is known, which it is here.
    lose2 = {"granted": 0}

    def lossy2(key, label, vals, line):
        cells = [str(v) for v in vals]
        if key in lose2:
            del cells[lose2[key]]
        return line(label.split(" | ") + cells)
    # 6. Rows with one number more than the form has columns (a 小计 column repeated after the
    #    总计): which seven are the row's, the row total and the column sums tell.
    def wider(key, label, vals, line):
        extra = [str(vals[-1])] if key in ("granted", "unable_not_held") else []
        return line(label.split(" | ") + [str(v) for v in vals] + extra)
    write("t2021_extra_column.txt", report_2021("", t2_rows_2021(plain, ["18", "2", "253"]), wider),
          truth_2021())

    write("t2021_md_lost_value.md", report_2021("", t2_rows_2021(md, ["18", "2", "253"]), lossy2, md=True),
          truth_2021(), uncertain=["t3.granted.natural_person"])

    # 7. Text copied from a PDF whose label column is narrow: the labels wrap, the values stand on
    #    the label's last line, and the pieces before them name the row only together.
    def wrapped(key, label, vals, line):
        *heads, last = label.split(" | ")
        if len(last) <= 8:
            return line(heads + [last] + [str(v) for v in vals])
        pieces = [last[i:i + 8] for i in range(0, len(last), 8)]
        return "\n".join([line(heads + [pieces[0]])] + pieces[1:-1] + [line([pieces[-1]] + [str(v) for v in vals])])
    write("t2021_wrapped_labels.txt", report_2021("", t2_rows_2021(plain, ["18", "2", "253"]), wrapped),
          truth_2021())

    # 8. The same with the total row's label cut after its first character (（七）总 / 计): the two
    #    pieces name the row only together, and not surely (总计 is short). Its values do not add up
    #    (the total says 14 where the applicants make 13): they may be another row's, so the row
    #    is uncertain, wrapped_line, with the values read as its candidates.
    def wrapped_total(key, label, vals, line):
        if key == "total_processed":
            vals = list(vals)
            vals[-1] += 1
            return line(["（七）总"]) + "\n" + line(["计"] + [str(v) for v in vals])
        return wrapped(key, label, vals, line)
    t = truth_2021()
    t["t3.total_processed.total"] += 1
    write("t2021_wrapped_total.txt", report_2021("", t2_rows_2021(plain, ["18", "2", "253"]), wrapped_total),
          t, uncertain=[f"t3.total_processed.{c}" for c in T3_COLS])


if __name__ == "__main__":
    main()
    main_2021()
