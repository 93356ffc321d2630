#!/usr/bin/python3
"""Writes the hostile files of the README's reliability table into a folder (none is committed:
some are large). Each is a report, or a page, made to cost the reader as much as it can.

    /usr/bin/python3 tests/data/hostile/make_hostile.py OUTDIR
    for f in OUTDIR/*; do /usr/bin/time -v build/bin/nianbao-cli extract --json "$f" >/dev/null; done

The test suites (tst_badinput, tst_formats) build the same cases in code."""
import os, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(os.path.dirname(HERE), "corpus", "seeds", "001_bff1b9e23c617db0.txt")
T4_ROW = "\t".join(["0"] * 15)


def seed():
    with open(SEED, encoding="utf-8") as f:
        return f.read()


def digits(n):
    return ("123456789" * (n // 9 + 1))[:n]


def docx(path, body):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                   '</Types>')
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats'
                   '.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>")


def paragraphs(text):
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join("<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % l for l in esc.split("\n"))


def pdf(path, pages, content):
    """One shared content stream on every page."""
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            4: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"}
    kids = []
    for p in range(pages):
        n = 5 + p
        kids.append(b"%d 0 R" % n)
        objs[n] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                   b"/Resources << /Font << /F1 3 0 R >> >> >>")
    objs[2] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, b" ".join(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    count = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for n in range(1, count):
        out += b"%010d 00000 n \n" % offsets[n]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
    with open(path, "wb") as f:
        f.write(out)


def grid(n, per_line):
    """A page of n one-digit words, per_line to a line, filling the page."""
    lines = (n + per_line - 1) // per_line
    dx, dy = 575 / per_line, 822 / lines
    size = min(10, dx / 2, dy * 0.8)
    words = bytearray(b"BT /F1 %.2f Tf\n" % size)
    for i in range(n):
        words += b"1 0 0 1 %.2f %.2f Tm (%d) Tj\n" % (10 + (i % per_line) * dx, 832 - (i // per_line + 1) * dy, i % 10)
    return bytes(words + b"ET")


def main(out):
    os.makedirs(out, exist_ok=True)
    w = lambda name, data: open(os.path.join(out, name), "wb").write(
        data.encode("utf-8") if isinstance(data, str) else data)
    s = seed()
    assert T4_ROW in s
    w("run_136_digits.txt", s.replace(T4_ROW, digits(136)))
    w("run_4000_digits.txt", s.replace(T4_ROW, digits(4000)))
    w("paren_1mb.txt", s + "12(\n" * (1 << 18))
    w("paren_16mb.txt", s + "12(\n" * ((16_000_000 - len(s.encode())) // 4))
    lig = "\uFDFA" * 1_600_000
    docx(os.path.join(out, "ligature_small.docx"), paragraphs(s + lig))
    docx(os.path.join(out, "ligature_large.docx"), paragraphs(s + lig * 4))
    w("ligature.txt", s + "\uFDFA" * 5_000_000)
    w("pipes_8mb.txt", "|" * (8 << 20))
    w("colspan.html", "<html><body><table><tr>" + "<td colspan=100>1</td>" * 100_000 +
      "</tr></table></body></html>")
    w("spans.html", "<html><body><table>" + "<tr><td rowspan=1000 colspan=100>1</td></tr>" * 5000 +
      "</table></body></html>")
    w("nested.html", "<html><body>" + "<table><tr><td>规章</td><td>" * 20_000 + "1" +
      "</td></tr></table>" * 20_000 + "</body></html>")
    docx(os.path.join(out, "nested.docx"),
         "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc>" * 200_000 +
         "<w:p><w:r><w:t>1</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * 200_000)
    docx(os.path.join(out, "huge_part.docx"), paragraphs(s) + "<w:p><w:r><w:t>" + "规章 0 " * 6_000_000 +
         "</w:t></w:r></w:p>")
    w("cell_400_digits.txt", s.replace("行政许可\t0", "行政许可\t" + digits(400)))
    w("count_21_digits.txt", s.replace("53\t0\t53", digits(21) + "\t0\t53", 1))
    w("prose_400_digits.txt", s.replace("受理政府信息公开申请 10 件", "受理政府信息公开申请 " + digits(400) + " 件"))
    w("one_nul.txt", s.replace("二、主动公开", "二、主\0动公开", 1))
    w("newlines_16mb.txt", s + "\n" * (16_000_000 - len(s.encode())))
    w("items_1m.txt", s + "1 " * 990_000 + "a" * (16_000_000 - len(s.encode()) - 1_980_000))
    runs = []
    for line in s.split("\n"):
        cells = line.split("\t")
        values = [c for c in cells if c.isdigit()]
        if len(values) == 7:  # a row of table 3: its values as one run of forty ones
            line = "\t".join(c for c in cells if not c.isdigit()).rstrip("\t") + "\t" + "1" * 40
        elif line == T4_ROW:
            line = "1" * 60
        runs.append(line)
    w("runs_everywhere.txt", "\n".join(runs))
    pdf(os.path.join(out, "pages_5000.pdf"), 5000, grid(300, 20))
    pdf(os.path.join(out, "pages_1000.pdf"), 1000, grid(300, 20))
    pdf(os.path.join(out, "words_100000.pdf"), 1, grid(100_000, 316))
    pdf(os.path.join(out, "words_20000.pdf"), 1, grid(20_000, 141))
    pdf(os.path.join(out, "slow_pages.pdf"), 1000, grid(5_000, 71))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
