// Readers of published formats: fixtures made from the official template (python-docx,
// LibreOffice), layouts of HTML, DOCX and PDF text, and every kind of bad input.
#include "formatstesting.h"

using namespace nianbao;
using namespace nianbao::formatstesting;

class TestFormats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryFixture_data();
    void readsEveryFixture();
    void everyCellSpanShowsItsValue_data() { readsEveryFixture_data(); }
    void everyCellSpanShowsItsValue();
    void refusesBadInput_data();
    void refusesBadInput();
    void legacyDocWithoutLibreOfficeSaysSaveAsDocx();
    void legacyDocWithoutWriterSaysSo();
    void htmlLayouts_data();
    void htmlLayouts();
    void htmlDeclaredCharset_data();
    void htmlDeclaredCharset();
    void docxLayouts_data();
    void docxLayouts();
    void pdfLayouts_data();
    void pdfLayouts();
    void pdfTextFoldsKangxiRadicals();
    void pdfPageNumberInTheMarginIsDropped();
    void pdfWordsAtNoPlaceAreLeftOut();
};

void TestFormats::readsEveryFixture_data()
{
    QTest::addColumn<QString>("expectedPath");
    const QDir dir(testutil::dataPath(u"formats"_s));
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 6);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f.section(u".json"_s, 0, 0))) << dir.filePath(f);
}

void TestFormats::readsEveryFixture()
{
    QFETCH(QString, expectedPath);
    const QJsonObject exp = testutil::readJson(expectedPath);
    const QString source = fixture(exp.value("source"_L1).toString());
    if (source.endsWith(u".doc"_s) && !DocReader::canConvert())
        QSKIP("LibreOffice with Writer is not installed: legacy DOC files are refused (tested below)");
    const ReadResult r = ReportReader::read(source);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QJsonObject got = ReportJson::toJson(r.report, r.findings);
    const QJsonObject gotCells = got.value("cells"_L1).toObject();
    const QJsonObject expCells = exp.value("cells"_L1).toObject();
    QCOMPARE(expCells.size(), 200);
    QStringList wrong;
    for (auto it = expCells.begin(); it != expCells.end(); ++it) {
        const QJsonValue g = gotCells.value(it.key());
        const bool same = g.isDouble() && it.value().isDouble()
                              ? std::abs(g.toDouble() - it.value().toDouble()) < 1e-9
                              : g == it.value() && gotCells.contains(it.key());
        if (!same)
            wrong.append(u"%1 = %2, expected %3"_s.arg(
                it.key(),
                gotCells.contains(it.key())
                    ? QString::fromUtf8(QJsonDocument(QJsonArray{g}).toJson(QJsonDocument::Compact))
                    : u"missing"_s,
                QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact))));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; "_s)));

    // Every expected finding is reported; with findings scored, no other error is.
    const QJsonValue expFindings = exp.value("findings"_L1);
    const QJsonArray reported = got.value("findings"_L1).toArray();
    QSet<int> used;
    for (const QJsonValue &f : expFindings.toArray()) {
        bool found = false;
        for (int j = 0; j < reported.size() && !found; ++j) {
            const QJsonObject g = reported[j].toObject();
            if (used.contains(j) || g.value("rule"_L1) != f.toObject().value("rule"_L1))
                continue;
            const QJsonArray cells = g.value("cells"_L1).toArray();
            bool all = true;
            for (const QJsonValue &c : f.toObject().value("cells"_L1).toArray())
                all = all && cells.contains(c);
            if (all) {
                found = true;
                used.insert(j);
            }
        }
        QVERIFY2(found, qPrintable(f.toObject().value("rule"_L1).toString()));
    }
    if (!expFindings.isNull())
        for (int j = 0; j < reported.size(); ++j)
            if (!used.contains(j) && reported[j].toObject().value("severity"_L1) == "error"_L1)
                QFAIL(qPrintable(u"false alarm: "_s + reported[j].toObject().value("message"_L1).toString()));
}

void TestFormats::everyCellSpanShowsItsValue()
{
    QFETCH(QString, expectedPath);
    const QJsonObject exp = testutil::readJson(expectedPath);
    const QString source = fixture(exp.value("source"_L1).toString());
    if (source.endsWith(u".doc"_s) && !DocReader::canConvert())
        QSKIP("LibreOffice with Writer is not installed");
    const ReadResult r = ReportReader::read(source);
    QVERIFY2(r.ok, qPrintable(r.error));
    int numbers = 0;
    for (auto it = r.report.cells.constBegin(); it != r.report.cells.constEnd(); ++it) {
        const Cell &c = it.value();
        if (!c.isNumber())
            continue;
        ++numbers;
        QVERIFY2(c.start >= 0 && c.start + c.length <= r.report.text.size(), qPrintable(it.key()));
        const QString shown = r.report.text.mid(c.start, c.length).normalized(QString::NormalizationForm_KC);
        bool ok = false;
        const double v = QString(shown).remove(u',').trimmed().toDouble(&ok);
        QVERIFY2(
            ok && std::abs(v - c.value) < 1e-9,
            qPrintable(u"%1: the span shows \"%2\", the cell is %3"_s.arg(it.key(), shown).arg(c.value)));
    }
    QVERIFY(numbers >= 190);
}

void TestFormats::refusesBadInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("a DOCX part that would inflate to 80 MB is a zip bomb")
        << u"bad/zip_bomb_entry.docx"_s << u"zip bomb"_s;
    QTest::newRow("an archive whose parts add up to 300 MB is a zip bomb")
        << u"bad/zip_bomb_total.docx"_s << u"zip bomb"_s;
    QTest::newRow("a Word file without word/document.xml names the missing part")
        << u"bad/missing_part.docx"_s << u"word/document.xml"_s;
    QTest::newRow("a truncated archive is damaged") << u"bad/truncated.docx"_s << u"damaged"_s;
    QTest::newRow("an archive with a corrupt compressed part is damaged")
        << u"bad/damaged_entry.docx"_s << u"damaged"_s;
    QTest::newRow("XML with a DTD and entities is refused") << u"bad/entities.docx"_s << u"DTD"_s;
    QTest::newRow("a corrupt PDF is damaged") << u"bad/corrupt.pdf"_s << u"damaged"_s;
    QTest::newRow("an OpenDocument file is told to be saved as DOCX")
        << u"bad/opendocument.odt"_s << u"save it as DOCX"_s;
    QTest::newRow("a PDF that needs a password says so") << u"bad/encrypted.pdf"_s << u"password"_s;
    QTest::newRow("a PDF whose fonts carry no character map cannot be decoded")
        << u"bad/no_character_map.pdf"_s << u"cannot be decoded"_s;
    QTest::newRow("a scanned PDF has no text layer") << u"bad/scanned.pdf"_s << u"no text layer"_s;
    QTest::newRow("an empty file is empty") << u"bad/empty.docx"_s << u"empty"_s;
}

void TestFormats::refusesBadInput()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const ReadResult r = ReportReader::read(fixture(file));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(reason, Qt::CaseInsensitive), qPrintable(r.error));
    QVERIFY(!r.error.contains(u'\n'));
}

void TestFormats::legacyDocWithoutLibreOfficeSaysSaveAsDocx()
{
    const QByteArray path = qgetenv("PATH");
    QTemporaryDir empty;
    qputenv("PATH", empty.path().toLocal8Bit());
    const ReadResult r = ReportReader::read(fixture(u"libreoffice_2021.doc"_s));
    qputenv("PATH", path);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(u"save it as DOCX"_s), qPrintable(r.error));
}

void TestFormats::legacyDocWithoutWriterSaysSo()
{
    // A LibreOffice program folder (soffice beside soffice.bin) without Writer's library, as when
    // only Debian's libreoffice-calc is installed: the DOC is refused in one line that says why,
    // without starting the program; with the library, the folder is one that converts.
    QTemporaryDir office;
    QVERIFY(office.isValid());
    const QString soffice = office.filePath(u"soffice"_s);
    QFile script(soffice);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nexit 0\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile bin(office.filePath(u"soffice.bin"_s));
    QVERIFY(bin.open(QIODevice::WriteOnly));
    bin.close();
    QVERIFY(!DocReader::hasWriter(soffice));

    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", office.path().toLocal8Bit());
    QCOMPARE(DocReader::officeProgram(), soffice);
    const bool converts = DocReader::canConvert();
    const ReadResult r = ReportReader::read(fixture(u"libreoffice_2021.doc"_s));
    qputenv("PATH", path);
    QVERIFY(!converts);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(u"without Writer"_s) && r.error.contains(u"save it as DOCX"_s),
             qPrintable(r.error));
    QVERIFY(!r.error.contains(u'\n'));

    QFile lib(office.filePath(u"libswlo.so"_s));
    QVERIFY(lib.open(QIODevice::WriteOnly));
    lib.close();
    QVERIFY(DocReader::hasWriter(soffice));
    // a program that is not in LibreOffice's own folder cannot be told by: taken as it is
    QTemporaryDir other;
    QVERIFY(QFile::copy(soffice, other.filePath(u"libreoffice"_s)));
    QVERIFY(DocReader::hasWriter(other.filePath(u"libreoffice"_s)));
}

void TestFormats::htmlLayouts_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("a colspan cell's text once, the positions it covers empty")
        << u"<table><tr><td>行政许可</td><td colspan=3>5</td></tr></table>"_s << u"行政许可 | 5 |  |  |\n"_s;
    QTest::newRow("a rowspan group label in its first row, left out of the rows it covers")
        << u"<table><tr><td rowspan=2>（四）无法提供</td><td>1.本机关不掌握</td><td>3</td></tr>"
           "<tr><td>2.没有现成信息</td><td>4</td></tr></table>"_s
        << u"（四）无法提供 | 1.本机关不掌握 | 3\n2.没有现成信息 | 4\n"_s;
    QTest::newRow("a covered position inside a row stays an empty cell")
        << u"<table><tr><td>a</td><td rowspan=2>b</td><td>1</td></tr><tr><td>c</td><td>2</td></tr></table>"_s
        << u"a | b | 1\nc |  | 2\n"_s;
    QTest::newRow("&nbsp; and <o:p></o:p> make a blank cell; entities are decoded")
        << u"<table><tr><td>A&amp;B</td><td><p>&nbsp;<o:p></o:p></p></td><td>&#49;&#x32;</td></tr></table>"_s
        << u"A&B |  | 12\n"_s;
    QTest::newRow("a label split across <span> and <font> runs reads as one")
        << u"<table><tr><td><span>其他法律</span><font>行政法规</font><span>禁止公开</span><o:p></o:p></td><td>0</td></tr></table>"_s
        << u"其他法律行政法规禁止公开 | 0\n"_s;
    QTest::newRow("scripts, styles and comments are dropped")
        << u"<style>td{x:1}</style><script>var a='<table><tr><td>9</td></tr></table>';</script><!-- <p>x</p> --><p>正文</p>"_s
        << u"正文\n"_s;
    QTest::newRow("hidden elements and drop-down menus are not the page's text")
        << u"<div style=\"display: none\"><div>旧</div><p>版</p></div><p hidden>隐藏</p><select><option>2023年报</option></select><p>正文</p>"_s
        << u"正文\n"_s;
    QTest::newRow("paragraphs and breaks are lines")
        << u"<div>一、总体情况<br>（一）主动公开</div><p>二、主动公开</p>"_s
        << u"一、总体情况\n（一）主动公开\n二、主动公开\n"_s;
    QTest::newRow("a data table nested in a layout table is rendered on its own, in order")
        << u"<table><tr><td>导航</td><td><p>三、收到和处理</p><table><tr><td>规章</td><td>1</td></tr></table><p>四、复议</p></td></tr></table>"_s
        << u"导航 |  |\n三、收到和处理\n规章 | 1\n四、复议\n"_s;
    QTest::newRow("unclosed cells and rows are closed by the next one")
        << u"<table><tr><td>规章<td>1<td>2<tr><td>行政强制<td>3</table>"_s
        << u"规章 | 1 | 2\n行政强制 | 3\n"_s;
}

void TestFormats::htmlLayouts()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(HtmlReader::toText(html), text);
}

void TestFormats::htmlDeclaredCharset_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("charset");
    QTest::newRow("meta charset") << QByteArray("<html><head><meta charset=\"GBK\">") << QByteArray("gbk");
    QTest::newRow("http-equiv content type")
        << QByteArray("<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">")
        << QByteArray("gb2312");
    QTest::newRow("no declaration") << QByteArray("<html><body>") << QByteArray();
}

void TestFormats::htmlDeclaredCharset()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, charset);
    QCOMPARE(HtmlReader::declaredCharset(head), charset);
    // A GBK page declared as GBK reads as GB18030 whatever the detector would guess.
    SourceDocument doc;
    QString error;
    const QByteArray page = head + QByteArray("<body><p>\xB9\xE6\xD5\xC2</p></body></html>"); // 规章 in GBK
    if (charset.isEmpty())
        return;
    QVERIFY2(Loader::loadBytes(page, u"page.html"_s, &doc, &error), qPrintable(error));
    QVERIFY2(doc.text.contains(u"规章"_s), qPrintable(doc.text));
    QCOMPARE(doc.encoding, u"GB18030"_s);
}

void TestFormats::docxLayouts_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::newRow("paragraphs with w:tab and w:br")
        << QByteArray("<w:p><w:r><w:t>一、总体</w:t></w:r><w:r><w:tab/><w:t>情况</w:t><w:br/><w:t>第二行</"
                      "w:t></w:r></w:p>")
        << u"一、总体\t情况\n第二行\n"_s;
    QTest::newRow("w:gridSpan: the text once, then the positions it covers")
        << QByteArray(
               "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan "
               "w:val=\"3\"/></w:tcPr><w:p><w:r><w:t>５</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
        << u"行政许可 | ５ |  |  |\n"_s;
    QTest::newRow("w:vMerge continuation: left out at the row's start, empty inside")
        << QByteArray("<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge "
                      "w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>（四）无法提供</w:t></w:r></w:p></"
                      "w:tc><w:tc><w:p><w:r><w:t>1.不掌握</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge "
                      "w:val=\"restart\"/></w:tcPr><w:p/></w:tc></w:tr>"
                      "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2.另行制作</"
                      "w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>")
        << u"（四）无法提供 | 1.不掌握 |  |\n2.另行制作 |  |\n"_s;
    QTest::newRow("formatting is skipped, cell properties are kept")
        << QByteArray(
               "<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr><w:tr><w:trPr><w:trHeight w:val=\"1\"/></w:trPr>"
               "<w:tc><w:tcPr><w:tcW w:w=\"1\"/><w:tcBorders><w:top w:val=\"single\"/></w:tcBorders>"
               "<w:shd w:fill=\"auto\"></w:shd><w:gridSpan w:val=\"2\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
               "<w:p><w:pPr><w:jc w:val=\"center\"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:sz "
               "w:val=\"21\"/></w:rPr>"
               "<w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></"
               "w:tbl>")
        << u"规章 |  | 3\n"_s;
    QTest::newRow("a text box's paragraph inside a paragraph is a line of its own, the drawing's fallback "
                  "copy is not read")
        << QByteArray(
               "<w:p><w:r><w:t>一、</w:t></"
               "w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>"
               "<w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></"
               "mc:Choice><mc:Fallback><w:pict>"
               "<w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
               "</mc:AlternateContent></w:r><w:r><w:t>总体情况</w:t></w:r></w:p>")
        << u"框内\n一、总体情况\n"_s;
    QTest::newRow("deleted text of tracked changes is not read")
        << QByteArray(
               "<w:p><w:r><w:t>规章</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del></w:p>")
        << u"规章\n"_s;
}

void TestFormats::docxLayouts()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    const QByteArray xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        body + "</w:body></w:document>";
    QString got, error;
    QVERIFY2(DocxReader::documentText(xml, &got, &error), qPrintable(error));
    QCOMPARE(got, text);
}

void TestFormats::pdfLayouts_data()
{
    QTest::addColumn<QList<PdfReader::Word>>("words");
    QTest::addColumn<QString>("text");
    QTest::newRow("a row: label and values in cells")
        << QList<PdfReader::Word>{w("一、本年新收政府信息公开申请数量", 70, 100, 160),
                                  w("21", 320, 99, 12, 14), w("0", 352, 99, 7, 14), w("21", 492, 99, 12, 14)}
        << u"一、本年新收政府信息公开申请数量 | 21 | 0 | 21\n"_s;
    QTest::newRow("numbers inside prose stay prose")
        << QList<PdfReader::Word>{w("受理政府信息公开申请", 70, 100, 100), w("21", 173, 99, 12, 14),
                                  w("件，均在法定期限答复。", 188, 100, 110)}
        << u"受理政府信息公开申请21件，均在法定期限答复。\n"_s;
    QTest::newRow("a page number between rows is dropped")
        << QList<PdfReader::Word>{w("规章", 70, 100, 20), w("0", 300, 99, 7, 14), w("-3-", 290, 800, 15)}
        << u"规章 | 0\n"_s;
    QTest::newRow("a label wrapped over three lines with its values on the middle one is one row")
        << QList<PdfReader::Word>{w("（二）部分公开（区分处理的，只计这一", 94, 100, 180),
                                  w("447", 300, 113, 20),
                                  w("7", 340, 113, 7),
                                  w("454", 500, 113, 20),
                                  w("情形，不计其他情形）", 94, 126, 100),
                                  w("1.属于国家秘密", 140, 150, 70),
                                  w("2", 300, 150, 7),
                                  w("0", 340, 150, 7),
                                  w("2", 500, 150, 7)}
        << u"（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 447 | 7 | 454\n1.属于国家秘密 | 2 | 0 | 2\n"_s;
    QTest::newRow("values of one row printed at two heights are one row")
        << QList<PdfReader::Word>{w("（二）部分公开", 94, 100, 70), w("454", 500, 100, 20),
                                  w("447", 300, 108, 20), w("7", 340, 108, 7)}
        << u"（二）部分公开 | 447 | 7 | 454\n"_s;
    QTest::newRow("a value in a shared column is a cell even close to its label")
        << QList<PdfReader::Word>{w("1.信访举报投诉类申请", 140, 100, 100),
                                  w("56", 300, 100, 14),
                                  w("6", 340, 100, 7),
                                  w("62", 500, 100, 14),
                                  w("5.要求行政机关确认或重新出具已", 140, 130, 158),
                                  w("1", 300, 130, 7),
                                  w("0", 340, 130, 7),
                                  w("1", 500, 130, 7)}
        << u"1.信访举报投诉类申请 | 56 | 6 | 62\n5.要求行政机关确认或重新出具已 | 1 | 0 | 1\n"_s;
    QTest::newRow("a group label written one character per line is one label, not rows")
        << QList<PdfReader::Word>{w("三、", 60, 100, 20),
                                  w("（一）予以公开", 100, 100, 70),
                                  w("1", 300, 100, 7),
                                  w("本", 65, 125, 10),
                                  w("1.属于国家秘密", 100, 125, 70),
                                  w("2", 300, 125, 7),
                                  w("年", 65, 150, 10),
                                  w("2.其他法律", 100, 150, 50),
                                  w("3", 300, 150, 7)}
        << u"三、本年\n（一）予以公开 | 1\n1.属于国家秘密 | 2\n2.其他法律 | 3\n"_s;
    QTest::newRow("a blank cell printed as nothing is an empty cell between the full rows around it")
        << QList<PdfReader::Word>{w("1.信访举报投诉类申请", 140, 100, 100),
                                  w("56", 300, 100, 14),
                                  w("6", 340, 100, 7),
                                  w("62", 380, 100, 14),
                                  w("2.重复申请", 140, 125, 50),
                                  w("25", 300, 125, 14),
                                  w("25", 380, 125, 14),
                                  w("3.要求提供公开出版物", 140, 150, 100),
                                  w("0", 303, 150, 7),
                                  w("0", 340, 150, 7),
                                  w("0", 383, 150, 7)}
        << u"1.信访举报投诉类申请 | 56 | 6 | 62\n2.重复申请 | 25 |  | 25\n3.要求提供公开出版物 | 0 | 0 | 0\n"_s;
    QTest::newRow("prose ending in a number is not a row: the next line is not joined to it")
        << QList<PdfReader::Word>{w("全年共受理政府信息公开申请", 70, 100, 200), w("21", 290, 100, 14),
                                  w("件，均在法定期限内答复。", 70, 113, 150)}
        << u"全年共受理政府信息公开申请 | 21\n件，均在法定期限内答复。\n"_s;
    QTest::newRow("words of a line with different heights are one line, in x order")
        << QList<PdfReader::Word>{w("5", 330, 98, 7, 14), w("行政规范性文件", 70, 100, 70),
                                  w("0", 300, 98, 7, 14)}
        << u"行政规范性文件 | 0 | 5\n"_s;
}

void TestFormats::pdfLayouts()
{
    QFETCH(QList<PdfReader::Word>, words);
    QFETCH(QString, text);
    QCOMPARE(PdfReader::layoutPage(words), text);
}

void TestFormats::pdfTextFoldsKangxiRadicals()
{
    const ReadResult r = ReportReader::read(testutil::dataPath(u"corpus/real/huaian_2024.pdf"_s));
    QVERIFY2(r.ok, qPrintable(r.error));
    for (QChar c : r.report.text)
        QVERIFY2(c.unicode() < 0x2E80 || c.unicode() > 0x2FDF, "a Kangxi radical is left in the text");
    QVERIFY(r.report.text.contains(u"自然人"_s));
    QVERIFY(!r.report.text.contains(u"-4-"_s));
}

void TestFormats::pdfWordsAtNoPlaceAreLeftOut()
{
    const double inf = std::numeric_limits<double>::infinity(),
                 nan = std::numeric_limits<double>::quiet_NaN();
    QList<PdfReader::Word> words{w("规章", 70, 100, 20), w("0", 300, 99, 7, 14)};
    for (int i = 0; i < 100; ++i) {
        words.insert(1, PdfReader::Word{u"9"_s, QRectF(nan, 100, 7, 14)});
        words.append(PdfReader::Word{u"8"_s, QRectF(310, inf, 7, 14)});
        words.append(PdfReader::Word{u"7"_s, QRectF(-inf, 100, inf, nan)});
    }
    QCOMPARE(PdfReader::layoutPage(words), u"规章 | 0\n"_s);
}

void TestFormats::pdfPageNumberInTheMarginIsDropped()
{
    const QList<PdfReader::Word> words{w("规章", 70, 400, 20), w("0", 300, 399, 7, 14), w("3", 295, 800, 7)};
    QCOMPARE(PdfReader::layoutPage(words, QSizeF(595, 842)), u"规章 | 0\n"_s);
    // Without the page's size a bare number is kept: it may be a value.
    QCOMPARE(PdfReader::layoutPage(words), u"规章 | 0\n3\n"_s);
}

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
