#!/usr/bin/python3
"""Makes the format fixtures of tests/formats from the official blank template.

Needs Debian's python3-docx and LibreOffice (soffice); the results are committed so that the
tests need neither. Run from anywhere: /usr/bin/python3 tests/data/formats/make_fixtures.py

Every report fixture is written with the cell values of ../corpus/expected/hangzhou_style_2025
(all identities hold; those LibreOffice lays out use huaian_2024's smaller numbers) and gets an expected file NAME.json in the corpus's format."""
import copy, json, os, shutil, subprocess, sys, tempfile, zipfile

import docx

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
BLANK = os.path.join(DATA, "corpus", "real", "blank_template_2021.docx")
def corpus_values(name):
    return json.load(open(os.path.join(DATA, "corpus", "expected", name + ".json"), encoding="utf-8"))["cells"]


VALUES = corpus_values("hangzhou_style_2025.html")
# Smaller numbers for the files LibreOffice lays out in the template's narrow columns.
SMALL_VALUES = corpus_values("huaian_2024.pdf")

T3_ROWS = ["new_received", "carried_over", "granted", "partially_granted",
           "denied_state_secret", "denied_law_prohibited", "denied_three_safety", "denied_third_party",
           "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry",
           "unable_not_held", "unable_need_creation", "unable_unclear",
           "rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive",
           "rejected_confirmation", "other_overdue_correction", "other_overdue_fee", "other_misc",
           "total_processed", "carried_forward"]
T3_COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
T4_ROWS = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]
T2_ROWS = {"规章": ("regulations", ["issued", "repealed", "in_force"]),
           "行政规范性文件": ("normative_documents", ["issued", "repealed", "in_force"]),
           "行政许可": ("administrative_license", ["count"]),
           "行政处罚": ("administrative_penalty", ["count"]),
           "行政强制": ("administrative_coercion", ["count"]),
           "行政事业性收费": ("administrative_fee", ["amount"])}
FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def fmt(v):
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else str(v)


def unique_cells(row):
    out = []
    for c in row.cells:
        if not out or out[-1]._tc is not c._tc:
            out.append(c)
    return out


def add_page_numbers(d):
    """A footer "- N -" on every page: page numbers that fall between the rows of a table."""
    from docx.oxml import parse_xml
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p = d.sections[0].footer.paragraphs[0]
    p.alignment = 1
    p._p.append(parse_xml(f'<w:r {w}><w:t xml:space="preserve">- </w:t></w:r>'))
    p._p.append(parse_xml(f'<w:fldSimple {w} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p._p.append(parse_xml(f'<w:r {w}><w:t xml:space="preserve"> -</w:t></w:r>'))


def fill(values, fullwidth_rows=(), page_numbers=False):
    d = docx.Document(BLANK)
    if page_numbers:
        add_page_numbers(d)
    t2, t3, t4 = d.tables[0], d.tables[1], d.tables[2]
    for row in t2.rows:
        cells = unique_cells(row)
        label = cells[0].text.strip()
        if label in T2_ROWS:
            key, cols = T2_ROWS[label]
            for c, col in zip(cells[1:], cols):
                c.text = fmt(values[f"t2.{key}.{col}"])
    for i, rk in enumerate(T3_ROWS):
        row = t3.rows[3 + i]
        cells = row.cells[-7:]
        for c, col in zip(cells, T3_COLS):
            s = fmt(values[f"t3.{rk}.{col}"])
            c.text = s.translate(FULLWIDTH) if rk in fullwidth_rows else s
    vals = t4.rows[3].cells
    k = 0
    for rk in T4_ROWS:
        for col in T4_COLS:
            vals[k].text = fmt(values[f"t4.{rk}.{col}"])
            k += 1
    d.paragraphs[0].text = "测试市2025年政府信息公开工作年度报告"
    return d


def expected(source, cells, findings):
    return {"source": source, "template": "2021", "cells": cells, "findings": findings}


def write_json(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


def soffice(src, fmt_, outdir):
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", fmt_, "--outdir", outdir, src],
                   check=True, capture_output=True, timeout=180)


def main():
    values = dict(VALUES)
    # A clean report, with full-width digits in two rows.
    d = fill(values, fullwidth_rows=("granted", "rejected_petition"))
    d.save(os.path.join(HERE, "filled_2021.docx"))
    write_json("filled_2021.docx.json", expected("filled_2021.docx", values, []))
    # The main part under another name, found through the package's relationships.
    with zipfile.ZipFile(os.path.join(HERE, "filled_2021.docx")) as zin, \
            zipfile.ZipFile(os.path.join(HERE, "renamed_part.docx"), "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            name = item.filename
            if name == "word/document.xml":
                name = "word/main.xml"
            elif name in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"word/document.xml", b"word/main.xml")
            zout.writestr(name, data)
    write_json("renamed_part.docx.json", expected("renamed_part.docx", values, []))
    # The same with a wrong 总计 in one row: T3.ROWTOTAL must name it.
    bad = dict(values)
    bad["t3.denied_inquiry.total"] = values["t3.denied_inquiry.total"] + 10
    fill(bad).save(os.path.join(HERE, "rowtotal_error.docx"))
    write_json("rowtotal_error.docx.json", expected("rowtotal_error.docx", bad, [
        {"rule": "T3.ROWTOTAL", "cells": ["t3.denied_inquiry.total"]},
        {"rule": "T3.RESULTS", "cells": ["t3.total_processed.total"]}]))

    small = dict(SMALL_VALUES)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "filled_2021.docx")
        fill(small, page_numbers=True).save(src)
        for target, ext in (("pdf", "pdf"), ("doc:MS Word 97", "doc"), ("html:HTML (StarWriter)", "html")):
            soffice(src, target, tmp)
            name = f"libreoffice_2021.{ext}"
            shutil.copy(os.path.join(tmp, f"filled_2021.{ext}"), os.path.join(HERE, name))
            write_json(name + ".json", expected(name, small, []))

    # Blank cells printed as nothing in a PDF: the values beside them keep their columns.
    blank = dict(small)
    for k in ("t3.rejected_publication.research", "t3.rejected_publication.social_welfare",
              "t3.denied_inquiry.legal_service", "t3.unable_unclear.natural_person"):
        blank[k] = None
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "blank_cells_2021.docx")
        fill(blank, page_numbers=True).save(src)
        soffice(src, "pdf", tmp)
        shutil.copy(os.path.join(tmp, "blank_cells_2021.pdf"), os.path.join(HERE, "blank_cells_2021.pdf"))
        write_json("blank_cells_2021.pdf.json", expected("blank_cells_2021.pdf", blank, None))

    make_html(values)
    make_bad()


def t3_row_label(rk):
    labels = {"new_received": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
              "granted": "（一）予以公开", "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
              "denied_state_secret": "1.属于国家秘密", "denied_law_prohibited": "2.其他法律行政法规禁止公开",
              "denied_three_safety": "3.危及“三安全一稳定”", "denied_third_party": "4.保护第三方合法权益",
              "denied_internal_affairs": "5.属于三类内部事务信息", "denied_process_info": "6.属于四类过程性信息",
              "denied_enforcement_file": "7.属于行政执法案卷", "denied_inquiry": "8.属于行政查询事项",
              "unable_not_held": "1.本机关不掌握相关政府信息", "unable_need_creation": "2.没有现成信息需要另行制作",
              "unable_unclear": "3.补正后申请内容仍不明确", "rejected_petition": "1.信访举报投诉类申请",
              "rejected_duplicate": "2.重复申请", "rejected_publication": "3.要求提供公开出版物",
              "rejected_excessive": "4.无正当理由大量反复申请", "rejected_confirmation": "5.要求行政机关确认或重新出具已获取信息",
              "other_overdue_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "other_overdue_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
              "other_misc": "3.其他", "total_processed": "（七）总计", "carried_forward": "四、结转下年度继续办理"}
    return labels[rk]


def word_runs(label):
    """A label as Word exports it: split over <span> and <font> runs with <o:p></o:p>."""
    if len(label) < 4:
        return f"<p class=MsoNormal><span lang=ZH-CN>{label}</span><o:p></o:p></p>"
    a, b, c = label[:2], label[2:len(label) // 2], label[len(label) // 2:]
    return (f"<p class=MsoNormal align=center><span lang=ZH-CN style='font-size:10.5pt'>{a}</span>"
            f"<font face=宋体><span\nlang=ZH-CN>{b}</span></font><span lang=ZH-CN>{c}</span><o:p></o:p></p>")


def word_value(v):
    if v is None:
        return "<p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p>"
    return f"<p class=MsoNormal align=center><span lang=EN-US>{fmt(v)}<o:p></o:p></span></p>"


def make_html(values):
    # Word-exported page in GBK with a meta charset, inside a layout table with navigation and a
    # footer; two blank cells written as &nbsp;.
    v = dict(values)
    v["t3.rejected_publication.research"] = None
    v["t3.rejected_publication.social_welfare"] = None
    rows = []
    rows.append("<tr><td colspan=3 rowspan=3>" + word_runs("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）") +
                "</td><td colspan=7>" + word_runs("申请人情况") + "</td></tr>")
    rows.append("<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>")
    rows.append("<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>")
    groups = {"granted": ("三、本年度办理结果", 22), "denied_state_secret": ("（三）不予公开", 8),
              "unable_not_held": ("（四）无法提供", 3), "rejected_petition": ("（五）不予处理", 5),
              "other_overdue_correction": ("（六）其他处理", 3)}
    for rk in T3_ROWS:
        cells = ""
        if rk in ("new_received", "carried_over", "carried_forward"):
            cells += f"<td colspan=3>{word_runs(t3_row_label(rk))}</td>"
        else:
            if rk == "granted":
                cells += f"<td rowspan=22>{word_runs('三、本年度办理结果')}</td>"
            if rk in ("granted", "partially_granted", "total_processed"):
                cells += f"<td colspan=2>{word_runs(t3_row_label(rk))}</td>"
            else:
                if rk in groups:
                    g, n = groups[rk]
                    cells += f"<td rowspan={n}>{word_runs(g)}</td>"
                cells += f"<td>{word_runs(t3_row_label(rk))}</td>"
        for col in T3_COLS:
            cells += f"<td valign=top>{word_value(v[f't3.{rk}.{col}'])}</td>"
        rows.append("<tr style='height:20.0pt'>" + cells + "</tr>")
    t3 = "<table class=MsoNormalTable border=1 cellspacing=0>\n" + "\n".join(rows) + "\n</table>"
    t2rows = []
    for title, items in (("第二十条第（一）项", ["规章", "行政规范性文件"]), ("第二十条第（五）项", ["行政许可"]),
                         ("第二十条第（六）项", ["行政处罚", "行政强制"]), ("第二十条第（八）项", ["行政事业性收费"])):
        t2rows.append(f"<tr><td colspan=4>{word_runs(title)}</td></tr>")
        if len(T2_ROWS[items[0]][1]) == 3:
            t2rows.append("<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>")
        elif items[0] == "行政事业性收费":
            t2rows.append("<tr><td>信息内容</td><td colspan=3>本年收费金额（单位：万元）</td></tr>")
        else:
            t2rows.append("<tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>")
        for it in items:
            key, cols = T2_ROWS[it]
            if len(cols) == 3:
                t2rows.append(f"<tr><td>{word_runs(it)}</td>" + "".join(f"<td>{word_value(v[f't2.{key}.{c}'])}</td>" for c in cols) + "</tr>")
            else:
                t2rows.append(f"<tr><td>{word_runs(it)}</td><td colspan=3>{word_value(v[f't2.{key}.{cols[0]}'])}</td></tr>")
    t2 = "<table border=1>\n" + "\n".join(t2rows) + "\n</table>"
    t4vals = "".join(f"<td>{word_value(v[f't4.{r}.{c}'])}</td>" for r in T4_ROWS for c in T4_COLS)
    t4 = ("<table border=1><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
          "<tr><td rowspan=2>结果<br>维持</td><td rowspan=2>结果<br>纠正</td><td rowspan=2>其他<br>结果</td>"
          "<td rowspan=2>尚未<br>审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>"
          "<tr>" + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 2 + "</tr>"
          f"<tr>{t4vals}</tr></table>")
    page = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312">
<title>测试市2025年政府信息公开工作年度报告</title>
<style>p.MsoNormal {{margin:0cm; font-family:宋体}} td {{border:1px solid}}</style>
<script>var nav = "<table><tr><td>1</td><td>2</td></tr></table>"; document.write(nav);</script>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]-->
</head>
<body>
<table width=1000 class=layout><tr><td colspan=2>首页 &gt; 政务公开 &gt; 年度报告 | 无障碍 | 长者模式</td></tr>
<tr><td width=200>栏目导航<br>政府文件<br>政策解读<br>2024年报<br>2023年报</td>
<td>
<p class=MsoNormal>测试市2025年政府信息公开工作年度报告<o:p></o:p></p>
<p class=MsoNormal>本报告中所列数据统计期限为2025年1月1日至12月31日。&nbsp;&nbsp;<o:p></o:p></p>
<p>一、总体情况</p><p>全市扎实推进政务公开工作。</p>
<p>二、主动公开政府信息情况</p>
{t2}
<p>三、收到和处理政府信息公开申请情况</p>
{t3}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
{t4}
<p>五、存在的主要问题及改进情况</p><p>无。</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>
</td></tr>
<tr><td colspan=2>主办：测试市人民政府办公室 &copy; 版权所有 ICP备00000000号 扫一扫在手机打开当前页</td></tr></table>
</body></html>
"""
    with open(os.path.join(HERE, "word_export_gbk.html"), "wb") as f:
        f.write(page.encode("gb18030"))
    write_json("word_export_gbk.html.json", expected("word_export_gbk.html", v, None))


def docx_with(parts, name):
    with zipfile.ZipFile(os.path.join(HERE, "bad", name), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for n, data in parts:
            z.writestr(n, data)


CT = b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def make_bad():
    bad = os.path.join(HERE, "bad")
    os.makedirs(bad, exist_ok=True)
    # A document.xml that inflates to 80 MB: refused before inflating.
    docx_with([("[Content_Types].xml", CT), ("word/document.xml", b" " * (80 << 20))], "zip_bomb_entry.docx")
    # Five parts of 60 MB each: the archive as a whole is refused.
    docx_with([("[Content_Types].xml", CT)] + [(f"word/media/pad{i}.bin", b"\0" * (60 << 20)) for i in range(5)]
              + [("word/document.xml", b"<w:document/>")], "zip_bomb_total.docx")
    docx_with([("[Content_Types].xml", CT), ("word/styles.xml", b"<w:styles/>")], "missing_part.docx")
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
           b'<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    docx_with([("[Content_Types].xml", CT), ("word/document.xml", lol)], "entities.docx")
    good = open(os.path.join(HERE, "filled_2021.docx"), "rb").read()
    open(os.path.join(bad, "truncated.docx"), "wb").write(good[: len(good) // 2])
    # A ZIP whose document.xml is damaged inside (bytes flipped in the compressed data).
    buf = bytearray(good)
    with zipfile.ZipFile(os.path.join(HERE, "filled_2021.docx")) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 100, start + 400):
        buf[k] ^= 0x5A
    open(os.path.join(bad, "damaged_entry.docx"), "wb").write(bytes(buf))
    pdf = open(os.path.join(HERE, "libreoffice_2021.pdf"), "rb").read()
    open(os.path.join(bad, "corrupt.pdf"), "wb").write(b"%PDF-1.4\n" + b"\x00garbage" * 200)
    open(os.path.join(bad, "empty.docx"), "wb").write(b"")
    open(os.path.join(bad, "scanned.pdf"), "wb").write(scanned_pdf())
    open(os.path.join(bad, "no_character_map.pdf"), "wb").write(no_character_map_pdf())
    # A PDF that needs a password to open.
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "encrypted.docx")
        shutil.copy(os.path.join(HERE, "rowtotal_error.docx"), src)
        soffice(src, 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                     '"DocumentOpenPassword":{"type":"string","value":"secret"}}', tmp)
        shutil.copy(os.path.join(tmp, "encrypted.pdf"), os.path.join(bad, "encrypted.pdf"))
        # An OpenDocument text is a ZIP too, but not a DOCX.
        src = os.path.join(tmp, "opendocument.docx")
        shutil.copy(os.path.join(HERE, "rowtotal_error.docx"), src)
        soffice(src, "odt", tmp)
        shutil.copy(os.path.join(tmp, "opendocument.odt"), os.path.join(bad, "opendocument.odt"))


def scanned_pdf():
    """A page that only paints (no text layer), as a scanner's PDF."""
    return small_pdf(b"q 0.5 g 72 600 450 100 re f 0 g 72 500 m 522 500 l S Q")


def no_character_map_pdf():
    """Text in a font whose glyphs have no Unicode meaning (no ToUnicode, made-up glyph names)."""
    codes = bytes(c for c in range(0x80, 0xA0))
    names = b" ".join(b"/g%d" % i for i in range(len(codes)))
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
            b"/Differences [128 " + names + b"] >> >>")
    return small_pdf(b"BT /F1 12 Tf 72 700 Td (" + codes + b") Tj ET", font)


def small_pdf(content, font=None):
    resources = b"<< /Font << /F1 5 0 R >> >>" if font else b"<< >>"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources " + resources + b" >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    if font:
        objs.append(font)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


if __name__ == "__main__":
    main()
